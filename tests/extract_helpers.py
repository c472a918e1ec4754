"""Small helpers shared by the extraction and reconcile tests: one article's main place and date,
a text's toll, an analysis built by hand from sentences and event mentions."""

from __future__ import annotations

from typing import Any

from wirecheck.extract import analyze_article
from wirecheck.models import (
    Article,
    ArticleAnalysis,
    EventMention,
    Evidence,
    LocalEntity,
    Located,
    Place,
    Sentence,
)
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


def analysis_of(
    art: str,
    sentences: list[str],
    events: list[EventMention],
    title: str | None = None,
    published: str | None = None,
) -> ArticleAnalysis:
    """An analysis of article ``art`` whose text is ``sentences`` joined by spaces; its first
    event is the main one."""
    spans, start = [], 0
    for i, text in enumerate(sentences):
        spans.append(Sentence(i, start, start + len(text), text))
        start += len(text) + 1
    return ArticleAnalysis(
        article=Article(id=art, text=" ".join(sentences), title=title, published=published),
        sentences=spans,
        events=events,
        main_event=events[0].id if events else None,
    )


def shooting_report(
    art: str,
    text: str,
    *,
    names: tuple[str, ...] = (),
    city: str | None = None,
    published: str | None = "2024-03-05",
    title: str | None = None,
) -> ArticleAnalysis:
    """An analysis of ``text`` with the given person names and, when ``city`` is given, one
    shooting event placed in that US city."""
    events = []
    if city:
        ev = Evidence(art, 0, 0, 5)
        events.append(
            EventMention(
                id="e0",
                article=art,
                trigger="shot",
                evidence=ev,
                event_type="Violence against civilians",
                sub_event_type="Attack",
                location=Located(Place(city, "United States", "US", precision=1), city, ev),
            )
        )
    return ArticleAnalysis(
        article=Article(id=art, text=text, title=title, published=published),
        entities=[LocalEntity(key=f"p{i}", type="PERSON", name=n) for i, n in enumerate(names)],
        events=events,
    )
