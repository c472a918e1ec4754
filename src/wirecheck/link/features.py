"""What the linker remembers about an article: a small JSON-able dict of story features.

The features are computed once, when the article is added, and stored through the backend, so
a linker resumed on a database compares new articles with old ones without re-reading them.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from typing import Any

from wirecheck.link.names import name_tokens, norm_name, word_set
from wirecheck.models import ArticleAnalysis, EventMention

_TOKEN = re.compile(r"[a-z][a-z'\-]+|\d+(?:[.,]\d+)?")
# Years say little about which story; other numbers (ages, addresses, tolls) say a lot.
_YEAR = re.compile(r"(?:19|20)\d\d")
# Entity types whose names tell stories apart (places are handled by the place features).
_NAME_TYPES = {"PERSON", "GROUP", "ORG"}


def main_mention(analysis: ArticleAnalysis) -> EventMention | None:
    """The article's main event: the extractor's choice, else the first reported (not background)."""
    chosen = getattr(analysis, "main_event", None)
    for m in analysis.events:
        if m.id == chosen and not m.background:
            return m
    reported = [m for m in analysis.events if not m.background]
    if not reported:
        return None
    return min(reported, key=lambda m: (m.evidence.start, m.id))


def content_words(text: str) -> list[str]:
    stop = word_set("stopwords")
    words = []
    for w in _TOKEN.findall(text.lower()):
        if w[0].isdigit():
            if not _YEAR.fullmatch(w):
                words.append("#" + w)
            continue
        w = w.strip("'-")
        if len(w) > 2 and w not in stop:
            words.append(w.removesuffix("'s"))
    return words


def parse_day(value: str | None) -> dt.date | None:
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


class DocFreq:
    """Document frequencies kept incrementally: an IDF estimate that improves as articles come."""

    def __init__(self) -> None:
        self.n = 0
        self.df: Counter[str] = Counter()
        self._memo: dict[str, float] = {}

    def add(self, words: set[str]) -> None:
        self.n += 1
        self.df.update(words)
        self._memo.clear()

    def idf(self, word: str) -> float:
        value = self._memo.get(word)
        if value is None:
            value = self._memo[word] = math.log((self.n + 1) / (self.df.get(word, 0) + 1)) + 1.0
        return value


def article_features(analysis: ArticleAnalysis, docfreq: DocFreq, top_words: int) -> dict[str, Any]:
    """Story features of one article (``docfreq`` must already count this article)."""
    art = analysis.article
    words = content_words(art.text)
    tf = Counter(words)
    ranked = sorted(tf, key=lambda w: (-tf[w] * docfreq.idf(w), w))[:top_words]
    feats: dict[str, Any] = {
        "words": {w: tf[w] for w in ranked},
        "title": sorted(set(content_words(art.title or ""))),
        "names": _names(analysis),
        "pub": art.published[:10] if parse_day(art.published) else None,
    }
    mention = main_mention(analysis)
    feats.update(_event_features(mention))
    if feats.get("date") is None:
        feats["date"] = feats["pub"]
    return feats


def _names(analysis: ArticleAnalysis) -> list[str]:
    names: set[str] = set()
    for ent in analysis.entities:
        if ent.type in _NAME_TYPES:
            key = norm_name(ent.name)
            if len(key.split()) >= 2:
                names.add(key)
    for mention in analysis.events:
        if mention.background:
            continue
        for actor in mention.actors:
            key = norm_name(actor.name)
            if len(key.split()) >= 2 and actor.status != "unknown":
                names.add(key)
    return sorted(names)


def _event_features(mention: EventMention | None) -> dict[str, Any]:
    out: dict[str, Any] = {"type": None, "city": None, "admin1": None, "country": None, "date": None}
    if mention is None:
        return out
    out["type"] = mention.sub_event_type or mention.event_type
    if mention.location is not None:
        place = mention.location.place
        if place.precision <= 2:
            out["city"] = " ".join(name_tokens(place.name)) or None
        out["admin1"] = norm_name(place.admin1) if place.admin1 else None
        out["country"] = (place.iso or place.country or "").lower() or None
    if mention.date is not None and mention.date.date.precision == "day":
        day = parse_day(mention.date.date.value)
        out["date"] = day.isoformat() if day else None
    for attr in ("fatalities", "injured"):
        count = getattr(mention, attr)
        if count is not None:
            out[attr] = [count.range.low, count.range.high]
    return out
