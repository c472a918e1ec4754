"""Incremental story linking: a new article joins the story it matches, or starts one.

Candidates come only through blocking keys (MinHash bands, shared names, place + week, rare
words), so the work per article grows with the number of candidate pairs, not with the corpus.
A pair is scored by a weighted sum of evidence (``[score]`` in ``data/link.toml``); the article
joins every story whose best pair passes ``Settings.story_threshold``; when it bridges several,
they merge into the largest (its id survives).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from wirecheck.link.backend import LinkBackend
from wirecheck.link.features import DocFreq, article_features, content_words, parse_day
from wirecheck.link.minhash import MinHasher, jaccard
from wirecheck.link.names import link_data
from wirecheck.models import ArticleAnalysis
from wirecheck.settings import Settings


@dataclass(slots=True)
class LinkResult:
    """Where an added article went.

    ``touched`` holds every story whose content changed, including stories merged away;
    ``removed`` the stories merged into ``story_id`` (delete them from the store).
    """

    article: str
    story_id: str
    touched: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)
    duplicate_of: str | None = None
    score: float | None = None  # best pair score that decided the story (None: a new story)

    @property
    def touched_stories(self) -> set[str]:
        return self.touched


def story_id_for(article_id: str) -> str:
    return f"s-{article_id}"


class StoryLinker:
    def __init__(self, backend: LinkBackend, settings: Settings | None = None) -> None:
        self.backend = backend
        self.settings = settings or Settings()
        data = link_data()
        self.weights: dict[str, float] = data["score"]
        self.blocking: dict[str, int] = data["blocking"]
        self.top_words: int = data["features"]["top_words"]
        self.hasher = MinHasher(**data["minhash"])
        self.docfreq = DocFreq()
        self.key_df: Counter[str] = Counter()
        # Cache of TF-IDF vectors: article -> (docs counted when built, vector, norm).
        self._vectors: dict[str, tuple[int, dict[str, float], float]] = {}

    # ------------------------------------------------------------------ public

    def add(self, analysis: ArticleAnalysis) -> LinkResult:
        art_id = analysis.article.id
        known = self.backend.story_of(art_id)
        if known is not None:
            return LinkResult(article=art_id, story_id=known)

        self.docfreq.add(set(content_words(analysis.article.text)))
        feats = article_features(analysis, self.docfreq, self.top_words)
        sig = self.hasher.signature(analysis.article.text)
        empty = not self.hasher.shingles(analysis.article.text)
        feats["sig"] = [] if empty else sig.tolist()
        band_keys = [] if empty else self.hasher.band_keys(sig)
        put_keys, query_keys = self._keys(feats)

        near = self.backend.candidates(band_keys) if band_keys else set()
        candidates = near | self.backend.candidates(query_keys)
        candidates.discard(art_id)

        duplicate_of, dup_score = None, 0.0
        story_scores: dict[str, float] = {}
        for other in sorted(candidates):
            other_feats = self.backend.features(other)
            story = self.backend.story_of(other)
            if other_feats is None or story is None:
                continue
            if other in near and other_feats.get("sig"):
                sim = jaccard(feats["sig"], other_feats["sig"])
                if sim >= self.settings.duplicate_threshold and sim > dup_score:
                    duplicate_of, dup_score = other, sim
            score = self.pair_score(art_id, feats, other, other_feats)
            if score > story_scores.get(story, -math.inf):
                story_scores[story] = score

        matched = {s: v for s, v in story_scores.items() if v >= self.settings.story_threshold}
        if duplicate_of is not None:
            dup_story = self.backend.story_of(duplicate_of)
            assert dup_story is not None
            matched[dup_story] = max(matched.get(dup_story, -math.inf), math.inf)
            feats["dup_of"] = duplicate_of

        for key in put_keys:
            self.key_df[key] += 1

        if not matched:
            story = story_id_for(art_id)
            self.backend.put(art_id, band_keys + put_keys, feats, story)
            return LinkResult(article=art_id, story_id=story, touched={story}, duplicate_of=duplicate_of)

        sizes = {s: len(self.backend.story_articles(s)) for s in matched}
        target = max(matched, key=lambda s: (sizes[s], matched[s], s))
        removed = set(matched) - {target}
        for story in sorted(removed):
            self.backend.move_story(story, target)
        self.backend.put(art_id, band_keys + put_keys, feats, target)
        best = max(v for v in matched.values())
        return LinkResult(
            article=art_id,
            story_id=target,
            touched={target} | removed,
            removed=removed,
            duplicate_of=duplicate_of,
            score=None if math.isinf(best) else best,
        )

    def duplicates(self, story_id: str) -> list[list[str]]:
        """Groups of near-copies among a story's articles (each group in order of arrival)."""
        return duplicate_groups(self.backend, story_id)

    # ------------------------------------------------------------------ scoring

    def pair_score(self, a_id: str, a: dict[str, Any], b_id: str, b: dict[str, Any]) -> float:
        """Evidence that two articles tell one story: ``bias + sum(weight * feature)``."""
        w = self.weights
        feats = self.pair_features(a_id, a, b_id, b)
        return w["bias"] + sum(w[name] * value for name, value in feats.items())

    def pair_features(self, a_id: str, a: dict[str, Any], b_id: str, b: dict[str, Any]) -> dict[str, float]:
        """The evidence terms of :meth:`pair_score` (named as the weights in ``[score]``)."""
        out = dict.fromkeys(
            (
                "text",
                "title",
                "names",
                "place_same",
                "place_diff",
                "date_close",
                "date_far",
                "type_same",
                "type_diff",
                "counts_same",
                "counts_clash",
            ),
            0.0,
        )
        out["text"] = self._cosine(a_id, a, b_id, b)
        if a["title"] and b["title"]:
            out["title"] = self._set_cosine(a["title"], b["title"])
        cap = self.weights["name_cap"]
        names = min(sum(self._rarity(f"ent:{n}") for n in set(a["names"]) & set(b["names"])), cap)
        out["names"] = names
        if a.get("city") and b.get("city"):
            out["place_same" if a["city"] == b["city"] else "place_diff"] = 1.0
        elif a.get("admin1") and b.get("admin1") and a["admin1"] != b["admin1"]:
            out["place_diff"] = 1.0
        days = _days_apart(a.get("date"), b.get("date"))
        if days is not None:
            if days <= 1:
                out["date_close"] = 1.0
            elif days > self.settings.date_window_days:
                # A follow-up months later still names the same people: shared names soften it.
                out["date_far"] = 1 - names / (2 * cap)
        if a.get("type") and b.get("type"):
            out["type_same" if a["type"] == b["type"] else "type_diff"] = 1.0
        ka, kb = a.get("fatalities"), b.get("fatalities")
        if ka and kb and ka[0] == ka[1] and kb[0] == kb[1]:
            out["counts_same" if ka[0] == kb[0] else "counts_clash"] = 1.0
        return out

    def _rarity(self, key: str) -> float:
        """1 for a key no other article carries, falling to 0 as it becomes common.

        "Common" is relative to the base: at most ``max_key_df`` articles, and a tenth of a
        small base (in 50 articles a name in five of them is everyday, not a story marker).
        """
        df = self.key_df[key]
        if not df:
            return 1.0
        common = min(self.blocking["max_key_df"], max(3.0, 0.1 * self.docfreq.n))
        return max(0.0, 1 - math.log1p(df) / math.log1p(common))

    def _vector(self, art_id: str, feats: dict[str, Any]) -> tuple[dict[str, float], float]:
        n = self.docfreq.n
        cached = self._vectors.get(art_id)
        if cached is not None and n <= cached[0] * 1.1 + 5:
            return cached[1], cached[2]
        vec = {word: (1 + math.log(tf)) * self.docfreq.idf(word) for word, tf in feats["words"].items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        self._vectors[art_id] = (n, vec, norm)
        return vec, norm

    def _cosine(self, a_id: str, a: dict[str, Any], b_id: str, b: dict[str, Any]) -> float:
        va, na = self._vector(a_id, a)
        vb, nb = self._vector(b_id, b)
        if len(vb) < len(va):
            va, vb = vb, va
        dot = sum(v * vb[k] for k, v in va.items() if k in vb)
        return dot / (na * nb)

    def _set_cosine(self, a: list[str], b: list[str]) -> float:
        idf = self.docfreq.idf
        shared = set(a) & set(b)
        if not shared:
            return 0.0
        num = sum(idf(t) ** 2 for t in shared)
        den = math.sqrt(sum(idf(t) ** 2 for t in a) * sum(idf(t) ** 2 for t in b))
        return num / den if den else 0.0

    # ------------------------------------------------------------------ blocking

    def _keys(self, feats: dict[str, Any]) -> tuple[list[str], list[str]]:
        """Keys to store for the article, and keys to look candidates up with."""
        limit = self.blocking["max_key_df"]
        put: list[str] = [f"ent:{name}" for name in feats["names"]]
        day = parse_day(feats.get("date"))
        query_extra: list[str] = []
        if feats.get("city") and day is not None:
            put.append(f"pd:{feats['city']}:{_week(day)}")
            span = self.blocking["week_neighbours"]
            for offset in range(-span, span + 1):
                if offset:
                    query_extra.append(f"pd:{feats['city']}:{_week(day + dt.timedelta(weeks=offset))}")
        if day is not None:
            # Event type + day: reports of one event cluster within days of it.
            kind = feats.get("type") or "-"
            put.append(f"td:{kind}:{day.isoformat()}")
            for offset in (-1, 1):
                query_extra.append(f"td:{kind}:{(day + dt.timedelta(days=offset)).isoformat()}")
        put.extend(f"t:{w}" for w in feats["title"])
        idf = self.docfreq.idf
        rare = sorted(feats["words"], key=lambda w: (-idf(w), w))[: self.blocking["rare_words"]]
        put.extend(f"w:{w}" for w in rare)
        # Word keys are weaker evidence than names or places: they must be rarer to be used.
        word_limit = self.blocking["max_word_df"]
        query = [k for k in put + query_extra if self.key_df[k] < (word_limit if k[0] in "tw" else limit)]
        return put, query


def _week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _days_apart(a: str | None, b: str | None) -> int | None:
    da, db = parse_day(a), parse_day(b)
    if da is None or db is None:
        return None
    return abs((da - db).days)


def duplicate_groups(backend: LinkBackend, story_id: str) -> list[list[str]]:
    """Groups of near-copies among a story's articles (each group in order of arrival).

    Derived from the features the linker stored (each article's ``dup_of``), so any process
    holding the backend can answer it.
    """
    articles = backend.story_articles(story_id)
    parent = {a: a for a in articles}

    def root(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for art in articles:
        dup = (backend.features(art) or {}).get("dup_of")
        if dup in parent:
            parent[root(art)] = root(dup)
    groups: dict[str, list[str]] = {}
    for art in articles:
        groups.setdefault(root(art), []).append(art)
    return [g for g in groups.values() if len(g) > 1]
