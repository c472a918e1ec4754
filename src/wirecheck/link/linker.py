"""Incremental story linking: a new article joins the story it matches, or starts one.

Candidates come only through blocking keys (MinHash bands, shared names, place + week, type +
day, rare words), so the work per article grows with the number of candidate pairs, not with the
corpus.  A pair is scored by a weighted sum of evidence (``[score]`` in ``data/link.toml``,
fitted by logistic regression; a few terms hand-set, see its comments).  A story's score for
the article blends its best pair with its average pair score over the story's members
(average-link, ``average_link`` in ``[score]``);
the article joins the best-scoring story when that passes ``Settings.story_threshold``; other
stories it matches by a clear margin more, and whose reports fit that story's own, merge with it
into the largest (its id survives).
Earlier candidates that fit the article's story better than their own then move to it (a report
that arrived before its story's other reports may have gone to a neighbouring story).
Text is compared without page furniture: lines that earlier articles of several stories carry
(sign-in boxes, a station group's template) are left out of the MinHash and TF-IDF words, and a
near-copy counts as a duplicate only when its event dates do not contradict it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from wirecheck.link.backend import LinkBackend
from wirecheck.link.features import FURNITURE, PREPARED_FORMAT, article_features, parse_day, text_lines
from wirecheck.link.minhash import jaccard, minhasher
from wirecheck.link.names import link_data
from wirecheck.models import ArticleAnalysis, Place
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


def _average_link(matrix: list[list[float]], threshold: float) -> list[list[int]]:
    """Average-link agglomerative clustering of ``matrix``'s items (pair scores), merging the
    two groups of highest average score while it is at least ``threshold``; the groups as
    sorted lists of indices, in order of their first item."""
    groups: dict[int, list[int]] = {i: [i] for i in range(len(matrix))}
    # Average score between groups, updated in place as groups merge (Lance-Williams).
    avg = {i: {j: matrix[i][j] for j in groups if j != i} for i in groups}
    while len(groups) > 1:
        best, a, b = max((v, i, j) for i, row in avg.items() for j, v in row.items() if i < j)
        if best < threshold:
            break
        na, nb = len(groups[a]), len(groups[b])
        for k in avg:
            if k not in (a, b):
                merged = (na * avg[a][k] + nb * avg[b][k]) / (na + nb)
                avg[a][k] = avg[k][a] = merged
                del avg[k][b]
        del avg[a][b]
        del avg[b]
        groups[a] = sorted(groups[a] + groups.pop(b))
    return sorted(groups.values())


class StoryLinker:
    """Adds articles one at a time; all its state lives in the backend.

    Corpus statistics (how many articles carry a word, a name, a place) are the backend's key
    counts; this object only memoises them, and keeps the memo exact by counting its own puts
    (one linker is the only writer while it lives).  So a linker created on a store that already
    holds articles scores the next article exactly as one that had linked them all itself, and
    ingesting articles one call at a time gives the stories of one call for all.
    """

    def __init__(self, backend: LinkBackend, settings: Settings | None = None) -> None:
        self.backend = backend
        self.settings = settings or Settings()
        data = link_data()
        self.weights: dict[str, float] = data["score"]
        self.blocking: dict[str, int] = data["blocking"]
        self.merge_margin: float = data["clustering"]["merge_margin"]
        self.merge_between: float | None = data["clustering"].get("merge_between")
        self.split_below: float | None = data["clustering"].get("split_below")
        self.split_min: int = int(data["clustering"].get("split_min", 2))
        self.short_words: int = data["features"]["short_words"]
        self.staff_stories: int = int(data["clustering"].get("staff_stories", 0))
        self.story_members: int = data["clustering"]["story_members"]
        self.top_words: int = data["features"]["top_words"]
        self.boilerplate: dict[str, int] = data["boilerplate"]
        self.hasher = minhasher()
        self._counts: dict[str, int] = {}
        self._idf: dict[str, float] = {}
        # Squared idfs of title words, and each article's sum of them (the title cosine's
        # denominator), memoised for the current corpus like ``_idf``: the hot path meets the
        # new article's title once per candidate pair.
        self._idf_sq: dict[str, float] = {}
        self._title_sq: dict[str, float] = {}
        # Each article's features as sets and its parsed day (see ``_prepared``).
        self._prep: dict[str, _Prepared] = {}
        self._spreads: dict[str, frozenset[str]] = {}
        # Each name key's squared rarity (``_name_cosine``'s weights), memoised like ``_idf``.
        self._rare_sq: dict[str, float] = {}

    # ------------------------------------------------------------------ corpus statistics

    def key_counts(self, keys: Iterable[str]) -> dict[str, int]:
        """How many stored articles carry each key (memoised; exact while this linker writes)."""
        counts = self._counts
        keys = list(dict.fromkeys(keys))
        missing = [k for k in keys if k not in counts]
        if missing:
            got = self.backend.key_counts(missing)
            for key in missing:
                counts[key] = got.get(key, 0)
        return {k: counts[k] for k in keys}

    def count(self, key: str) -> int:
        """``key_counts`` for one key (the hot path: idf and rarity ask one key at a time)."""
        n = self._counts.get(key)
        if n is None:
            n = self._counts[key] = self.backend.key_counts([key]).get(key, 0)
        return n

    def corpus_size(self) -> int:
        return self.count(_ALL)

    def _counted(self, keys: Iterable[str]) -> None:
        self._spreads.clear()
        self._idf.clear()
        self._idf_sq.clear()
        self._title_sq.clear()
        self._rare_sq.clear()
        counts = self._counts
        for key in set(keys):
            if key in counts:
                counts[key] += 1

    def idf(self, word: str, extra: int = 0) -> float:
        """Smoothed inverse document frequency; ``extra`` counts an article not yet stored."""
        if not extra:
            # Memoised for the current corpus (cleared whenever an article is stored).
            value = self._idf.get(word)
            if value is None:
                n, df = self.corpus_size(), self.count("w:" + word)
                value = self._idf[word] = math.log((n + 1) / (df + 1)) + 1.0
            return value
        n = self.corpus_size() + extra
        df = self.count("w:" + word) + extra
        return math.log((n + 1) / (df + 1)) + 1.0

    # ------------------------------------------------------------------ public

    def add(self, analysis: ArticleAnalysis) -> LinkResult:
        art_id = analysis.article.id
        # Name spreads over stories are read afresh for each article (stories move and merge
        # between calls), so a linker resumed on the store scores exactly as this one does.
        self._spreads.clear()
        known = self.backend.story_of(art_id)
        if known is not None:
            return LinkResult(article=art_id, story_id=known)

        text = analysis.article.text
        pre = _prepared_of(analysis)
        lines = text_lines(text) if pre is None else list(zip(text.splitlines(), pre["line_keys"], strict=True))
        body, line_keys, cut = self._body(lines)
        if pre is not None and not cut:
            # (a copy: the linker adds its corpus-dependent features to the dict it stores)
            feats = dict(pre["features"])
            feats["sig"], band_keys = pre["sig"], pre["bands"]
        else:
            feats = article_features(analysis, body, like=pre["features"] if pre is not None else None)
            feats["sig"], band_keys = self.hasher.sketch(body)
        tf: dict[str, int] = feats.pop("tf")
        self.key_counts([_ALL, *(f"w:{w}" for w in tf)])
        feats["vec"] = self._weights(tf)
        put_keys, query_keys = self._keys(feats, tf)

        near = self.backend.candidates(band_keys) if band_keys else set()
        candidates = near | self.backend.candidates(query_keys)
        candidates.discard(art_id)

        duplicate_of, dup_score = None, 0.0
        pair_scores: dict[str, float] = {}
        by_story: dict[str, list[str]] = {}
        for other in sorted(candidates):
            other_feats = self.backend.features(other)
            story = self.backend.story_of(other)
            if other_feats is None or story is None:
                continue
            if other in near and other_feats.get("sig"):
                sim = jaccard(feats["sig"], other_feats["sig"])
                if sim >= self.settings.duplicate_threshold and sim > dup_score and self._same_event(
                    art_id, feats, other, other_feats
                ):
                    duplicate_of, dup_score = other, sim
            pair_scores[other] = self.pair_score(art_id, feats, other, other_feats)
            by_story.setdefault(story, []).append(other)
        story_scores = {
            story: self._story_score(art_id, feats, story, hits, pair_scores) for story, hits in by_story.items()
        }

        if duplicate_of is not None:
            dup_story = self.backend.story_of(duplicate_of)
            assert dup_story is not None
            story_scores[dup_story] = math.inf
            feats["dup_of"] = duplicate_of
        target = self._choose(story_scores)
        keys = list(dict.fromkeys([_ALL, *band_keys, *put_keys, *line_keys]))
        if target is None:
            story = story_id_for(art_id)
            self.backend.put(art_id, keys, feats, story)
            self._counted(keys)
            left, emptied = self._regroup(art_id, feats, story, pair_scores)
            parts = self._split(story)
            return LinkResult(
                article=art_id, story_id=self.backend.story_of(art_id) or story, touched={story} | left | parts,
                removed=emptied, duplicate_of=duplicate_of
            )

        # Another story the article matches as well merges in only on stronger evidence than
        # joining takes: a bridge between two stories must be clear, or stories snowball.
        bar = self.settings.story_threshold + self.merge_margin
        merged = {s for s, v in story_scores.items() if v >= bar and s != target}
        if merged and self.merge_between is not None:
            # ... and only stories that fit each other (average link between their members): an
            # article can match two like stories well without their reports matching at all.
            merged = {s for s in merged if self._between(s, target) >= self.merge_between}
        if merged:
            sizes = {s: len(self.backend.story_articles(s)) for s in merged | {target}}
            survivor = max(merged | {target}, key=lambda s: (sizes[s], story_scores[s], s))
            removed = (merged | {target}) - {survivor}
            target = survivor
        else:
            removed = set()
        for story in sorted(removed):
            self.backend.move_story(story, target)
        self.backend.put(art_id, keys, feats, target)
        self._counted(keys)
        left, emptied = self._regroup(art_id, feats, target, pair_scores)
        parts = self._split(target)
        best = max(story_scores.values())
        return LinkResult(
            article=art_id,
            story_id=self.backend.story_of(art_id) or target,
            touched={target} | removed | left | parts,
            removed=removed | emptied,
            duplicate_of=duplicate_of,
            score=None if math.isinf(best) else best,
        )

    def _body(self, lines: list[tuple[str, str]]) -> tuple[str, list[str], bool]:
        """The text of ``lines`` (:func:`text_lines`) without those earlier articles of several
        stories carry (page furniture), the article's line keys, and whether any line was cut.

        Which lines are furniture depends only on the articles stored before this one (the
        backend's ``ln:`` keys and their stories), so one-at-a-time and batch linking agree.
        A line in ``line_articles`` articles is furniture whatever their stories (furniture that
        slipped through once may have merged its pages into one story).
        """
        lines = [(line, k) for line, k in lines if k != FURNITURE]  # furniture by its form: never body
        keys = [f"ln:{k}" for _, k in lines if k]
        counts = self.key_counts(keys)
        spread, common = self.boilerplate["line_stories"], self.boilerplate["line_articles"]
        furniture = {key for key in set(keys) if counts[key] >= common}
        # Syndicated copies of one report share lines too, but within one story: a line is
        # furniture when the articles carrying it tell several stories (one query for all).
        shared = sorted(key for key in set(keys) if spread <= counts[key] < common)
        if shared:
            stories = self.backend.key_stories(shared)
            furniture |= {key for key in shared if len(stories.get(key, ())) >= spread}
        kept = [line for line, k in lines if not k or f"ln:{k}" not in furniture]
        return "\n".join(kept), keys, len(kept) < len(lines)

    def _same_event(self, a_id: str, a: dict[str, Any], b_id: str, b: dict[str, Any]) -> bool:
        """A near-copy is taken as a copy only when its event features do not contradict it.

        Two pages can share most of their shingles and still report different events (a
        template with a short story in it); copies of one report do not date their event
        weeks or years apart, and do not name wholly different people (an outlet's stock
        wording filled in with another victim's name is another report).
        """
        feats = self.pair_features(a_id, a, b_id, b)
        if feats["date_far"] or feats["year_diff"]:
            return False
        names_a, names_b = set(a.get("surnames") or ()), set(b.get("surnames") or ())
        return not (names_a and names_b and not names_a & names_b)

    def _story_score(
        self, art_id: str, feats: dict[str, Any], story: str, hits: list[str], pair_scores: dict[str, float]
    ) -> float:
        """How well the article fits a story: its best pair blended with its average over the story.

        The best pair alone is single-link: in a stream of political news every story shares
        some article with every other (the same leaders, the same capital), and stories chain
        together.  The average over the story's members (average-link) asks that the article
        fit the story as a whole; the best pair keeps a follow-up that matches one report
        closely (a named victim, the same street) from being outvoted by the rest.  The score is
        never above the best pair, and a story whose best pair fails the threshold is not
        averaged at all (it cannot be joined), which keeps the extra work small.  The average
        runs over at most ``story_members`` members -- those the blocking found and then the
        first by id -- so the cost stays bounded by the candidates, and the sample does not
        depend on the order in which a backend lists members (incremental == batch).
        """
        best = max(pair_scores[o] for o in hits)
        share = self.weights.get("average_link", 0.0)  # fitted with the pair weights
        if share <= 0 or best < self.settings.story_threshold:
            # A story no pair of which passes is not joined whatever its average: skip the work.
            return best
        members = sorted(self.backend.story_articles(story))
        if len(members) > self.story_members:
            chosen = sorted(hits)[: self.story_members]
            taken = set(chosen)
            rest = [m for m in members if m not in taken]
            members = sorted(chosen + rest[: self.story_members - len(chosen)])
        scores: list[float] = []
        for member in members:
            score = pair_scores.get(member)
            if score is None:
                other = self.backend.features(member)
                if other is None:
                    continue
                score = pair_scores[member] = self.pair_score(art_id, feats, member, other)
            scores.append(score)
        mean = sum(scores) / len(scores) if scores else best
        # Never above the best pair: the average may hold back, not push, a join.
        return min(best, (1 - share) * best + share * mean)

    def _regroup(
        self, art_id: str, feats: dict[str, Any], story: str, pair_scores: dict[str, float]
    ) -> tuple[set[str], set[str]]:
        """Move earlier articles that fit the new article's story better than their own.

        Linking one article at a time commits each to the best story it finds on arrival; a report
        that came before its own story's other reports may have gone to a neighbouring story (the
        same leaders, another summit).  When the new article matches such a report, the report
        moves to the new article's story if its average pair score there passes the threshold
        and beats its average over its present story (a story of its own counts as nothing).
        Only the new article's candidates are looked at, so the work stays bounded by the
        blocking, and arrival order alone decides, so batch and one-at-a-time linking agree.
        Near-copies stay with the report they copy.  Returns (stories an article left, stories
        left empty).
        """
        left: set[str] = set()
        emptied: set[str] = set()
        threshold = self.settings.story_threshold
        for other in sorted(pair_scores):
            if pair_scores[other] < threshold or other == art_id:
                continue
            current = self.backend.story_of(other)
            other_feats = self.backend.features(other)
            if current is None or current == story or other_feats is None or other_feats.get("dup_of"):
                continue
            there = self._fit(other, other_feats, self.backend.story_articles(story))
            if there is None or there < threshold:
                continue
            rest = [m for m in self.backend.story_articles(current) if m != other]
            here = self._fit(other, other_feats, rest) if rest else None
            if here is not None and there <= here:
                continue
            self.backend.move_article(other, story)
            left.add(current)
            if not rest:
                emptied.add(current)
        return left, emptied

    def _split(self, story: str) -> set[str]:
        """Split a story whose reports have come to form groups that do not fit each other.

        Joining and merging look at one article at a time, so what a story holds depends on
        the order reports arrive in: two like events with no day to tell them apart (this
        year's heist and last year's, two players' arrests) fall into one story when an early
        report of one meets a lone report of the other, and every later report follows.  After
        each change the story's members (at most ``story_members``) are clustered again by
        average link over their pair scores, merging groups while their average passes
        ``split_below``; a group of at least ``split_min`` members that ends apart from the
        largest becomes a story of its own (a lone report stays: one article is weak evidence
        either way).  Only the changed story is looked at, so the cost stays bounded by its
        size, and the order of arrival alone decides, so batch and one-at-a-time agree.
        Returns the stories made.
        """
        if self.split_below is None:
            return set()
        members = sorted(self.backend.story_articles(story))
        if len(members) < 2 * self.split_min or len(members) > self.story_members:
            return set()
        groups = _average_link(self._pair_matrix(members), self.split_below)
        if len(groups) < 2:
            return set()
        parts = [[members[i] for i in g] for g in groups if len(g) >= self.split_min]
        if len(parts) < 2:
            return set()
        keep = max(parts, key=len)  # (the first of equal ones: groups come in members' order)
        made: set[str] = set()
        for part in parts:
            if part is keep:
                continue
            # The story of the part's first article by id, unless that id is taken (an article
            # that left the story it started).
            new = next((story_id_for(m) for m in part if not self.backend.story_articles(story_id_for(m))), None)
            if new is None:
                continue
            for m in part:
                self.backend.move_article(m, new)
            made.add(new)
        return made

    def _pair_matrix(self, members: list[str]) -> list[list[float]]:
        """The pair scores of ``members`` with each other, as a symmetric matrix (0 on the diagonal)."""
        feats = [self.backend.features(m) for m in members]
        n = len(members)
        matrix = [[0.0] * n for _ in range(n)]
        for i in range(n):
            for j in range(i + 1, n):
                fi, fj = feats[i], feats[j]
                score = self.pair_score(members[i], fi, members[j], fj) if fi is not None and fj is not None else 0.0
                matrix[i][j] = matrix[j][i] = score
        return matrix

    def _between(self, one: str, other: str) -> float:
        """The average pair score between two stories' members (at most ``story_members`` of
        each, the first by id)."""
        a = sorted(self.backend.story_articles(one))[: self.story_members]
        b = sorted(self.backend.story_articles(other))[: self.story_members]
        scores: list[float] = []
        for x in a:
            fx = self.backend.features(x)
            for y in b:
                fy = self.backend.features(y)
                if fx is not None and fy is not None:
                    scores.append(self.pair_score(x, fx, y, fy))
        return sum(scores) / len(scores) if scores else 0.0

    def _fit(self, art_id: str, feats: dict[str, Any], members: list[str]) -> float | None:
        """An article's average pair score over a story's members (at most ``story_members``,
        the first by id), or None when it has no others."""
        others = sorted(m for m in members if m != art_id)[: self.story_members]
        scores = []
        for member in others:
            member_feats = self.backend.features(member)
            if member_feats is not None:
                scores.append(self.pair_score(art_id, feats, member, member_feats))
        return sum(scores) / len(scores) if scores else None

    def _choose(self, story_scores: dict[str, float]) -> str | None:
        """The story the article joins: the best-scoring one past the threshold."""
        passing = {s: v for s, v in story_scores.items() if v >= self.settings.story_threshold}
        if not passing:
            return None
        return max(passing, key=lambda s: (passing[s], s))

    def duplicates(self, story_id: str) -> list[list[str]]:
        """Groups of near-copies among a story's articles (each group in order of arrival)."""
        return duplicate_groups(self.backend, story_id)

    # ------------------------------------------------------------------ scoring

    def pair_score(self, a_id: str, a: dict[str, Any], b_id: str, b: dict[str, Any]) -> float:
        """Evidence that two articles tell one story: ``bias + sum(weight * feature)``."""
        w = self.weights
        # Only the terms that are not 0 (the hot path: every candidate pair).
        return w["bias"] + sum(w.get(name, 0.0) * value for name, value in self._evidence(a_id, a, b_id, b).items())

    def pair_features(self, a_id: str, a: dict[str, Any], b_id: str, b: dict[str, Any]) -> dict[str, float]:
        """The evidence terms of :meth:`pair_score` (named as the weights in ``[score]``)."""
        out = dict.fromkeys(FEATURES, 0.0)
        out.update(self._evidence(a_id, a, b_id, b))
        return out

    def _evidence(self, a_id: str, a: dict[str, Any], b_id: str, b: dict[str, Any]) -> dict[str, float]:
        """The terms of :meth:`pair_features` that are not 0.

        Per-pair flags are locals and per-article facts come from ``_Prepared``'s slots rather
        than dict lookups: this runs once per candidate pair, the linker's largest cost.
        """
        pa_, pb_ = self._prepared(a_id, a), self._prepared(b_id, b)
        out: dict[str, float] = {}
        # A name one article's tagger calls a person and the other's an organisation (a victim
        # tagged ORG, a club tagged PERSON) is still a name in common: count it with the people.
        xa = [n for n in a["orgs"] if n in pb_.persons] if pa_.orgs else []
        xb = [n for n in b["orgs"] if n in pa_.persons] if pb_.orgs else []
        persons = (pa_.persons.union(xa) & pb_.persons.union(xb)) if xa or xb else pa_.persons & pb_.persons
        days = abs((pa_.day - pb_.day).days) if pa_.day is not None and pb_.day is not None else None
        staff: set[str] = set()
        if persons and self.staff_stories and days is not None and days > self.settings.date_window_days:
            # Weeks or months apart, a name that reports of several other stories print too is a
            # reporter, a prosecutor or a police spokesman, not one of the people a story is about:
            # it is no evidence that a later report follows this one.
            own = {self.backend.story_of(a_id), self.backend.story_of(b_id)}
            staff = {n for n in persons if len(self._spread("p:" + n) - own) >= self.staff_stories}
            persons = persons - staff
        if persons:
            names_a = [n for n in (*a["persons"], *xa) if n not in staff]
            names_b = [n for n in (*b["persons"], *xb) if n not in staff]
            out["persons"] = self._name_cosine("p:", names_a, names_b)
        la, lb = pa_.lead, pb_.lead
        if la and lb:
            # The people each lead is about: the same, named elsewhere in the other, or others.
            if la & lb:
                out["lead_same"] = 1.0
            elif not (la & pb_.persons or lb & pa_.persons):
                out["lead_clash"] = 1.0
        surnames = pa_.surnames & pb_.surnames
        if surnames:
            surnames -= {p.split()[-1] for p in persons | staff}
            out["surnames"] = min(sum(self._rarity(f"s:{n}") for n in surnames), 1.0)
        if pa_.orgs & pb_.orgs:
            out["orgs"] = self._name_cosine("o:", a["orgs"], b["orgs"])
        place_same = place_diff = False
        if pa_.city and pb_.city:
            if pa_.city == pb_.city:
                out["place_same"] = 1.0
                place_same = True
            elif not (pa_.county and pa_.county == pb_.county and pa_.admin1 == pb_.admin1
                      and pa_.county in (pa_.city, pb_.city)):
                # (a county and a town in it are no two places: the sheriff names the county)
                out["place_diff"] = 1.0
                place_diff = True
        if pa_.admin1 and pb_.admin1 and pa_.admin1 != pb_.admin1:
            out["admin_diff"] = 1.0
        date_close = date_far = False
        if days is not None:
            if days <= 1:
                out["date_close"] = 1.0
                date_close = True
            elif days <= self.settings.date_window_days:
                out["date_near"] = 1.0
            else:
                out["date_far"] = min(1.0, math.log1p(days) / math.log(366))
                date_far = True
        if days is None and pa_.months and pb_.months and not _months_near(pa_.months, pb_.months):
            # No two days to compare, but the leads date their news months apart ("on
            # Wednesday, December 17" against "September 18"): a like event another time.
            out["month_clash"] = 1.0
        year_diff = bool(pa_.year and pb_.year and pa_.year != pb_.year and (days is None or days > 31))
        if year_diff:
            out["year_diff"] = 1.0
        if days is not None and days > 1:
            if a["date"] in pb_.dates or b["date"] in pa_.dates:
                # One report cites the day the other's event happened: a follow-up naming the
                # day of the shooting it follows, though its own main event is an arrest.
                out["date_cited"] = 1.0
            if place_same and pa_.outlet and pa_.outlet == pb_.outlet:
                # One outlet reporting twice from one town on different days: usually two
                # incidents (an outlet updates its own story on the day, or names it again).
                out["outlet_other_day"] = 1.0
        if place_same and "date_near" in out and not (out.get("persons") or out.get("surnames")):
            # One town, days apart, nobody named in common (no rare name): a city's next
            # shooting, not a follow-up -- a report days later names the victim or the suspect.
            out["town_other_day"] = 1.0
        if pa_.spot and pb_.spot and place_same and not pa_.spot & pb_.spot:
            # Same town, different street or neighbourhood: in a city, another shooting.  (The
            # same street is no evidence for: a city's violent blocks see many.)
            out["spot_diff"] = 1.0
            if pa_.outlet and pa_.outlet == pb_.outlet:
                # One outlet naming two neighbourhoods: two of its briefs (an outlet writes one
                # shooting up with one place; another outlet may place it otherwise).
                out["outlet_spot_diff"] = 1.0
        if pa_.type and pb_.type:
            out["type_same" if pa_.type == pb_.type else "type_diff"] = 1.0
        if (persons or surnames) or not (date_far or (year_diff and place_diff) or "month_clash" in out):
            # Otherwise a template, not a story: an outlet's stock wording (a crime brief, a
            # copied page) filled in with another date -- and, when only the year tells, another
            # place; when no day tells, another month -- and no person in common.  The words the
            # two share are the template's, so they are no evidence of one story.  (A follow-up
            # weeks later names the people again.)
            va, vb = a["vec"], b["vec"]
            # fsum: exact, so the set's (hash-seeded) order cannot change the last bit across processes.
            text = math.fsum([va[k] * vb[k] for k in va.keys() & vb.keys()])
            if text:
                out["text"] = text
            if (text and days is None and min(len(va), len(vb)) <= self.short_words
                    and not (place_diff or "admin_diff" in out)):
                # A brief against a long report, with no two days to compare: the cosine of a
                # few words with many is small however many of them the long report has, so
                # ask instead how much of the brief (its TF-IDF weight) the other report's lead
                # holds -- its headline and first sentences, where it says what happened.  (Its
                # whole text holds the words of any like event: a report of this year's jewel
                # heist recalls the last one.)
                (small, _), (big, lead) = sorted(((va, pa_.lead_words), (vb, pb_.lead_words)), key=lambda x: len(x[0]))
                shared = small.keys() & big.keys()
                if lead is not None:
                    shared &= lead
                share = math.fsum([small[k] ** 2 for k in shared])
                if share:
                    out["short_shared"] = share
            shared = pa_.title & pb_.title
            if shared:
                title = self._title_cosine(a_id, a["title"], b_id, b["title"], shared)
                if title:
                    out["title"] = title
        if days is None and pa_.nums & pb_.nums:
            # A figure both leads give (23 pirates, aged 85, a $2.6 million haul) where no two
            # days can be compared; with days, the tolls and ages below say it more precisely.
            out["nums_same"] = 1.0
        ages_a, ages_b = pa_.ages, pb_.ages
        agree = False
        if ages_a and ages_b:
            # The people's ages: one shooting's reports give its victims' ages, a like shooting
            # in the same town others.
            agree = bool(ages_a & ages_b)
            out["age_same" if agree else "age_clash"] = 1.0
        for ka, kb, same, clash in (
            (pa_.fatal, pb_.fatal, "counts_same", "counts_clash"),
            (pa_.hurt, pb_.hurt, "hurt_same", "hurt_clash"),
        ):
            # Each article's exact toll (a range low == high), else None.
            if ka is not None and kb is not None:
                if ka == kb:
                    out[same] = 1.0
                    agree = True
                else:
                    out[clash] = 1.0
        if agree and place_same and date_close and not _CLASHES & out.keys():
            # The event's key facts at once: one town, within a day, the same toll or ages, and
            # none of them otherwise (other ages, another toll, another street: a like shooting
            # the same day; session 17, gva B3 +0.001, the others equal).
            out["facts_match"] = 1.0
        if pa_.key and pb_.key and not (place_same and date_close) and (
            (pa_.key - pb_.caps and pb_.key - pa_.caps)
            or (days is None and pa_.often is not None and pb_.often is not None
                and pa_.key - pb_.often and pb_.key - pa_.often)
        ):
            # Each report is about someone the other never prints (its lead names them, its
            # text again): a like event with other people -- another opponent, another player
            # arrested, another victim.  Not in one town within a day, where one report names
            # the victim and another the suspect.  When the two days cannot be compared, printing the
            # other's person once is not enough: a report recalls last year's opponent or the previous
            # arrest in passing; its own people it names more than once.
            out["key_clash"] = 1.0
        elif (pa_.key and pb_.key and not (place_same and date_close)
              and (pa_.key - pb_.caps or pb_.key - pa_.caps) and not (persons and days is not None)):
            # Weaker: one report's lead is about someone the other never prints (the other's
            # lead people it does print), and no day or no one in common says they are one
            # event -- the champion's next fight against another challenger.
            out["key_half"] = 1.0
        if (place_diff and "admin_diff" in out and days is not None and pa_.country and pa_.country == pb_.country
                and not (persons or surnames)):
            # Dated events in towns of two states (regions) of one country, and nobody named in
            # common: like events the same weekend, not one story.  (Not across countries: a town
            # misread abroad is commoner than one story told from two countries.)
            out["state_diff"] = 1.0
        if agree and ("admin_diff" in out or place_diff) and not (persons or surnames):
            # The same toll in another town: two like shootings, not one story (on a busy
            # day many towns report "one killed, two hurt").
            out["facts_elsewhere"] = 1.0
        return out

    def _spread(self, key: str) -> frozenset[str]:
        """The stories of the stored articles carrying ``key`` (memoised until the next article
        is stored)."""
        found = self._spreads.get(key)
        if found is None:
            found = self._spreads[key] = frozenset(self.backend.key_stories([key]).get(key, ()))
        return found

    def _prepared(self, art_id: str, feats: dict[str, Any]) -> _Prepared:
        """The article's list features as sets, and its event day parsed: built once per
        article rather than once per candidate pair (the stored features stay JSON lists)."""
        prep = self._prep.get(art_id)
        if prep is None or prep.source is not feats:
            prep = self._prep[art_id] = _Prepared(feats)
        return prep

    def _rarity(self, key: str) -> float:
        """1 for a key no other article carries, falling to 0 as it becomes common.

        "Common" is relative to the base: at most ``max_key_df`` articles, and a tenth of a
        small base (in 50 articles a name in five of them is everyday, not a story marker).
        """
        others = max(0, self.count(key) - 1)
        if not others:
            return 1.0
        common = min(self.blocking["max_key_df"], max(3.0, 0.1 * self.corpus_size()))
        return max(0.0, 1 - math.log1p(others) / math.log1p(common))

    def _name_cosine(self, prefix: str, a: list[str], b: list[str]) -> float:
        """Cosine of two sets of names, each weighted by its rarity (0 for everyday names).

        Shared names count relative to all the names each article gives: two reports of one
        shooting share most of their few names; two political stories share a few of their
        many recurring ones, and those recurring ones weigh nothing.
        """
        memo, rarity = self._rare_sq, self._rarity
        weight = {}
        for n in {*a, *b}:
            key = prefix + n
            value = memo.get(key)
            if value is None:
                value = memo[key] = rarity(key) ** 2
            weight[n] = value
        shared = sum(weight[x] for x in set(a) & set(b))
        norm = math.sqrt(sum(weight[x] for x in a) * sum(weight[x] for x in b))
        return shared / norm if norm else 0.0

    def _weights(self, tf: dict[str, int]) -> dict[str, float]:
        """The article's TF-IDF vector over its ``top_words`` heaviest words, unit length.

        Computed once, with the corpus as it stands when the article arrives, and stored: a
        pair's cosine then never depends on when (or in which process) it is computed.
        """
        # idf(w, extra=1) inlined: every word of every article passes here (``add`` has
        # already fetched the words' counts into the memo).
        size, counts, log = self.corpus_size() + 2, self._counts, math.log
        weighted = {w: (1 + log(n)) * (log(size / (counts["w:" + w] + 2)) + 1.0) for w, n in tf.items()}
        top = sorted(weighted, key=lambda w: (-weighted[w], w))[: self.top_words]
        norm = math.sqrt(sum(weighted[w] ** 2 for w in top)) or 1.0
        return {w: round(weighted[w] / norm, 5) for w in top}

    def _title_cosine(self, a_id: str, a: list[str], b_id: str, b: list[str], shared: Iterable[str]) -> float:
        """Cosine of two titles' word sets (``shared``: the words they share), words weighted by idf."""
        den = math.sqrt(self._title_norm(a_id, a) * self._title_norm(b_id, b))
        # The shared words are in both titles, so their squares are memoised by now.
        num = sum(map(self._idf_sq.__getitem__, shared))
        return num / den if den else 0.0

    def _title_norm(self, art_id: str, title: list[str]) -> float:
        """The sum of the title's squared word idfs (memoised for the current corpus)."""
        value = self._title_sq.get(art_id)
        if value is None:
            sq, counts, log = self._idf_sq, self._counts, math.log
            size = self.corpus_size() + 1
            for word in title:
                if word not in sq:
                    # idf(word) inlined (same expression, so the same bits).
                    df = counts.get("w:" + word)
                    if df is None:
                        df = self.count("w:" + word)
                    sq[word] = (log(size / (df + 1)) + 1.0) ** 2
            value = self._title_sq[art_id] = sum(map(sq.__getitem__, title))
        return value

    # ------------------------------------------------------------------ blocking

    def _keys(self, feats: dict[str, Any], tf: dict[str, int]) -> tuple[list[str], list[str]]:
        """Keys to store for the article, and keys to look candidates up with.

        Every content word is stored as a ``w:`` key (its count is the word's document
        frequency); only the rarest few are looked up.
        """
        names = [f"p:{n}" for n in feats["persons"]] + [f"s:{n}" for n in feats["surnames"]]
        names += [f"o:{n}" for n in feats["orgs"]]
        put: list[str] = list(names)
        day = parse_day(feats.get("date"))
        query: list[str] = list(names)
        if feats.get("city") and day is not None:
            put.append(f"pd:{feats['city']}:{_week(day)}")
            span = self.blocking["week_neighbours"]
            query += [f"pd:{feats['city']}:{_week(day + dt.timedelta(weeks=o))}" for o in range(-span, span + 1)]
        if day is not None:
            # Event type + day: reports of one event cluster within days of it.
            kind = feats.get("type") or "-"
            put.append(f"td:{kind}:{day.isoformat()}")
            query += [f"td:{kind}:{(day + dt.timedelta(days=o)).isoformat()}" for o in (-1, 0, 1)]
        titles = [f"t:{w}" for w in feats["title"]]
        words = [f"w:{w}" for w in tf]
        put += titles + words
        put += outlet_keys(feats)
        counts = self.key_counts(query + titles + words)
        limit, word_limit = self.blocking["max_key_df"], self.blocking["max_word_df"]
        rare = sorted((k for k in words if 0 < counts[k] < word_limit), key=lambda k: (counts[k], k))
        query = [k for k in query if counts[k] < limit]
        query += [k for k in titles if counts[k] < word_limit]
        query += rare[: self.blocking["rare_words"]]
        return put, query


FEATURES = (
    "text", "title", "persons", "lead_same", "lead_clash", "surnames", "orgs", "place_same", "place_diff", "admin_diff",
    "date_close", "date_near", "date_far", "year_diff", "type_same", "type_diff", "counts_same", "counts_clash",
    "hurt_same", "hurt_clash", "age_same", "age_clash", "date_cited", "outlet_other_day", "spot_diff",
    "town_other_day",
    "facts_match", "facts_elsewhere", "key_clash", "short_shared", "nums_same", "key_half", "state_diff", "outlet_spot_diff",
    "month_clash",
)
_CLASHES = frozenset({"age_clash", "counts_clash", "hurt_clash", "spot_diff"})
_ALL = "all"  # a key every article carries: its count is the corpus size


class _Prepared:
    """An article's features as :meth:`StoryLinker.pair_features` compares them (sets, a date)."""

    __slots__ = (
        "admin1", "ages", "caps", "city", "country", "county", "dates", "day", "fatal", "hurt", "key", "lead",
        "lead_words", "months", "nums", "often", "orgs", "outlet", "persons", "source", "spot", "surnames", "title", "type", "year",
    )

    def __init__(self, feats: dict[str, Any]) -> None:
        self.source = feats  # the features dict these were built from (a backend may hand out copies)
        self.persons = frozenset(feats["persons"])
        self.lead = frozenset(feats.get("lead") or ())
        self.surnames = frozenset(feats["surnames"])
        self.orgs = frozenset(feats["orgs"])
        self.ages = frozenset(feats.get("ages") or ())
        self.nums = frozenset(feats.get("nums") or ())
        self.months = frozenset(feats.get("months") or ())
        self.spot = frozenset(feats.get("spot") or ())
        self.dates = frozenset(feats.get("dates") or ())
        self.day = parse_day(feats.get("date"))
        self.title = frozenset(feats["title"])
        self.key = frozenset(feats.get("key") or ())
        self.caps = frozenset(feats.get("caps") or ())
        # None for features stored before ``often`` existed (no evidence either way).
        self.often = frozenset(feats["often"]) if "often" in feats else None
        # None for features stored before ``lead_words`` existed (the whole text stands in).
        self.lead_words = frozenset(feats["lead_words"]) if "lead_words" in feats else None
        self.city = feats.get("city")
        self.county = feats.get("county")
        self.admin1 = feats.get("admin1")
        self.country = feats.get("country")
        self.year = feats.get("year")
        self.outlet = feats.get("outlet")
        self.type = feats.get("type")
        self.fatal = _exact(feats.get("fatalities"))
        self.hurt = _exact(feats.get("injured"))


def _prepared_of(analysis: ArticleAnalysis) -> dict[str, Any] | None:
    """The analysis's :func:`~wirecheck.link.features.prepare` output when it is of this
    version and matches the text's lines, else None (the linker computes its own)."""
    pre = getattr(analysis, "link_features", None)
    if not pre or pre.get("format") != PREPARED_FORMAT:
        return None
    if len(pre["line_keys"]) != len(analysis.article.text.splitlines()):
        return None
    return pre


def _exact(count: list[int] | None) -> tuple[int] | None:
    """A stored ``[low, high]`` count as ``(n,)`` when it is exact, else None (no evidence)."""
    return (count[0],) if count and count[0] == count[1] else None


def _months_near(a: frozenset[int], b: frozenset[int]) -> bool:
    """Whether some month of ``a`` is within one of some month of ``b`` (December and January
    too): news of the last days of a month is told in the first days of the next."""
    return any(min((x - y) % 12, (y - x) % 12) <= 1 for x in a for y in b)


def _week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def outlet_keys(feats: dict[str, Any]) -> list[str]:
    """Stored (never looked up by the linker) keys of an outlet's articles: ``oh:<outlet>`` and
    ``os:<outlet>|<state>`` on those that name exactly one US state, and which; ``ot:<outlet>``
    on those whose main event is in a US town (see :func:`outlet_towns`)."""
    where, states = feats.get("outlet"), feats.get("states") or []
    if not where:
        return []
    keys = [f"oh:{where}", f"os:{where}|{states[0]}"] if len(states) == 1 else []
    if _us_town(feats) is not None:
        keys.append(f"ot:{where}")
    return keys


def _us_town(feats: dict[str, Any]) -> tuple[str, str] | None:
    """The (town, state) of an article's main event as its features keep them (normalised
    names), when it is a US town rather than a county."""
    city, admin1 = feats.get("city"), feats.get("admin1")
    if feats.get("country") != "us" or not city or not admin1 or city == feats.get("county"):
        return None
    return city, admin1


def outlet_homes(backend: LinkBackend, outlets: Iterable[str | None]) -> dict[str, str]:
    """The home state of each local outlet: the one US state that most of its articles naming a
    single state name (``[outlet_home]`` in ``data/link.toml``: at least ``min_articles`` such
    articles, ``share`` of them the same state).  Counted from the keys the linker stored, so
    it grows with the corpus in memory and in a database alike."""
    from wirecheck.nlp.places import get_gazetteer

    rules = link_data()["outlet_home"]
    wanted = sorted({o for o in outlets if o})
    if not wanted:
        return {}
    totals = backend.key_counts([f"oh:{o}" for o in wanted])
    wanted = [o for o in wanted if totals.get(f"oh:{o}", 0) >= rules["min_articles"]]
    if not wanted:
        return {}
    gaz = get_gazetteer()
    states = sorted({gaz.state_name(code) for code in gaz.state_codes()})
    counts = backend.key_counts([f"os:{o}|{st}" for o in wanted for st in states])
    homes: dict[str, str] = {}
    for o in wanted:
        n, top = max((counts.get(f"os:{o}|{st}", 0), st) for st in states)
        if n >= rules["share"] * totals[f"oh:{o}"]:
            homes[o] = top
    return homes


def outlet_towns(backend: LinkBackend, outlets: Iterable[str | None]) -> dict[str, Place]:
    """The home town of each local outlet: the US town where most of its articles whose main
    event is in a US town place it (``[outlet_home]`` in ``data/link.toml``: at least
    ``min_articles`` such articles, ``town_share`` of them the same town).  A city desk's brief
    that gives only "the 1400 block of West Maple Street" is about its own city (reconcile.py).
    Read from the features the linker stored, like :func:`outlet_homes`."""
    from wirecheck.nlp.places import get_gazetteer

    rules = link_data()["outlet_home"]
    gaz = get_gazetteer()
    towns: dict[str, Place] = {}
    for o in sorted({o for o in outlets if o}):
        if backend.key_counts([f"ot:{o}"]).get(f"ot:{o}", 0) < rules["min_articles"]:
            continue
        counts: Counter[tuple[str, str]] = Counter()
        for art in sorted(backend.candidates([f"ot:{o}"])):
            feats = backend.features(art)
            town = _us_town(feats) if feats is not None else None
            if town is not None:
                counts[town] += 1
        total = sum(counts.values())
        if total < rules["min_articles"]:
            continue
        town, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        if n < rules["town_share"] * total:
            continue
        code = gaz.state_code(town[1])
        place = gaz.lookup(town[0], "US", gaz.state_name(code)) if code else None
        if place is not None and place.precision == 1 and place.lat is not None:
            towns[o] = place
    return towns


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
