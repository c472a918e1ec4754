"""Small helpers shared by the extraction tests: one article's main place and date, a text's toll."""

from __future__ import annotations

from typing import Any

from wirecheck.extract import analyze_article
from wirecheck.models import Article, Place, Sentence
from wirecheck.nlp.counts import aggregate, find_casualties


def main_place(nlp: Any, text: str, title: str | None = None) -> Place | None:
    """The place of the main event ``analyze_article`` finds in ``text``."""
    an = analyze_article(Article(id="t", text=text, title=title), nlp)
    ev = next(e for e in an.events if e.id == an.main_event)
    return ev.location.place if ev.location else None


def main_date(nlp: Any, text: str, published: str | None) -> str | None:
    """The day (YYYY-MM-DD) of the main event ``analyze_article`` finds in ``text``."""
    an = analyze_article(Article(id="t", text=text, published=published), nlp)
    ev = next(e for e in an.events if e.id == an.main_event)
    return ev.date.date.value[:10] if ev.date and ev.date.date.value else None


def toll(text: str, headline: bool = False) -> tuple[int, int]:
    """(killed, injured) of ``text`` split at ". "; ``headline``: its first part is a headline."""
    out = []
    start = 0
    for i, part in enumerate(text.split(". ")):
        out.extend(find_casualties(text, Sentence(i, start, start + len(part), part), headline=headline and i == 0))
        start += len(part) + 2
    killed, injured = aggregate(out)

    def value(c: Any) -> int:
        return 0 if c is None else (c.range.best if c.range.best is not None else c.range.low)

    return value(killed), value(injured)
