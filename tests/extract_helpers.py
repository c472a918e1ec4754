"""Small helpers shared by the extraction and reconcile tests: one article's main place and date,
a story's main event, a text's toll, an analysis built by hand from sentences and event mentions."""

from __future__ import annotations

import math
from typing import Any

from wirecheck.extract import analyze_article
from wirecheck.models import (
    Article,
    ArticleAnalysis,
    Count,
    CountRange,
    Dated,
    DateValue,
    EntityMention,
    EventMention,
    Evidence,
    LocalEntity,
    Located,
    Place,
    Sentence,
)
from wirecheck.nlp.counts import aggregate, find_casualties


def main_event(nlp: Any, text: str, title: str | None = None, source: str | None = None) -> EventMention:
    """The main event ``analyze_article`` finds in ``text`` (from outlet ``source``)."""
    an = analyze_article(Article(id="t", text=text, title=title, source=source), nlp)
    return next(e for e in an.events if e.id == an.main_event)


def main_place(nlp: Any, text: str, title: str | None = None, source: str | None = None) -> Place | None:
    """The place of the main event ``analyze_article`` finds in ``text`` (from outlet ``source``)."""
    ev = main_event(nlp, text, title, source)
    return ev.location.place if ev.location else None


def story_main(nlp: Any, texts: list[str], published: str = "2024-05-08") -> Any:
    """The main event of the story ``reconcile_story`` makes of ``texts`` (one outlet each, the
    first line the title), in the order given."""
    from wirecheck.reconcile import reconcile_story

    analyses = [
        analyze_article(Article(id=f"a{i}", source=f"s{i}.example", title=t.split("\n")[0], text=t,
                                published=published), nlp)
        for i, t in enumerate(texts)
    ]
    result = reconcile_story("s", analyses)
    return next(e for e in result.events if e.id == result.story.main_event)


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


def placed_report(
    art: str,
    text: str,
    day: str | None,
    *,
    city: str = "Millbrook",
    admin1: str = "Ohio",
    country: tuple[str, str] = ("United States", "US"),
    names: tuple[str, ...] = (),
    detail: str | None = None,
    hurt: int | None = None,
    source: str | None = None,
) -> ArticleAnalysis:
    """A shooting report (``shooting_report``) published on ``day`` whose one event lies in
    ``city`` of ``admin1`` (finer ``detail`` kept), dated ``day`` (None: undated), with
    ``hurt`` wounded when given."""
    base = shooting_report(art, text, names=names, city=city, published=day, title=text[:50])
    ev = base.events[0]
    place = Place(city, country[0], country[1], admin1=admin1, precision=1, detail=detail)
    injured = Count(CountRange(hurt, hurt, hurt), str(hurt), Evidence(art, 0, 0, 5)) if hurt is not None else None
    dated = Dated(DateValue(day, day, "day"), Evidence(art, 0, 0, 5)) if day else None
    base.events[:] = [
        EventMention(
            id=ev.id, article=art, trigger=ev.trigger, evidence=ev.evidence, event_type=ev.event_type,
            location=Located(place, city, ev.evidence), date=dated, injured=injured,
        )
    ]
    base.article.source = source
    return base


def dated_report(
    art: str,
    sentences: list[str],
    *,
    date: tuple[str, str] | None = None,  # (ISO day, the words in the text that give it)
    killed: tuple[int, int] | None = None,  # (figure, sentence it is read in)
    injured: tuple[int, int] | None = None,
    title: str | None = None,
    published: str | None = None,
) -> ArticleAnalysis:
    """An analysis of article ``art`` whose single (main) shooting carries the given date and counts."""
    text = " ".join(sentences)
    dated = None
    if date is not None:
        start = text.index(date[1])
        sentence = next(i for i, s in enumerate(sentences) if date[1] in s)
        dated = Dated(DateValue(date[0], date[1], "day"), Evidence(art, sentence, start, start + len(date[1])))

    def count(c: tuple[int, int] | None) -> Count | None:
        if c is None:
            return None
        return Count(CountRange(c[0], c[0], c[0]), str(c[0]), Evidence(art, c[1], 0, 1))

    mention = EventMention(
        id="e0",
        article=art,
        trigger="shot",
        evidence=Evidence(art, 0, 0, 4),
        event_type="Violence against civilians",
        sub_event_type="Attack",
        date=dated,
        fatalities=count(killed),
        injured=count(injured),
    )
    return analysis_of(art, sentences, [mention], title=title, published=published)


def tagged_analysis(art: str, title: str, lines: list[str], people: dict[str, list[str]] | None = None) -> ArticleAnalysis:
    """An analysis of ``lines`` (one sentence each); every person in ``people`` (name -> roles)
    is tagged wherever its full name or its surname occurs."""
    text = "\n".join(lines)
    sentences, start = [], 0
    for i, line in enumerate(lines):
        sentences.append(Sentence(i, start, start + len(line), line))
        start += len(line) + 1
    entities = []
    for k, (name, roles) in enumerate((people or {}).items()):
        mentions = []
        for form in (name, name.split()[-1]):
            pos = text.find(form)
            while pos >= 0:
                if not any(m.start <= pos < m.end for m in mentions):
                    index = next(s.index for s in sentences if s.start <= pos <= s.end)
                    mentions.append(EntityMention(f"n{k}", form, pos, pos + len(form), index))
                pos = text.find(form, pos + len(form))
        entities.append(LocalEntity(f"n{k}", "PERSON", name, roles=list(roles), mentions=mentions))
    return ArticleAnalysis(article=Article(id=art, text=text, title=title), sentences=sentences, entities=entities)


def sentence_toll(text: str, headline: bool = False) -> tuple[int | None, int | None]:
    """(killed, injured) of ``text`` read as one sentence; None where it gives no such count."""
    found = find_casualties(text, Sentence(0, 0, len(text), text), headline=headline)
    killed, injured = aggregate(found)
    return (killed.range.best if killed else None, injured.range.best if injured else None)


def stored_features(analysis: ArticleAnalysis) -> dict:
    """An article's link features as the linker stores them, with a flat unit word vector in
    place of TF-IDF weights and no MinHash signature (enough for pair-scoring tests)."""
    from wirecheck.link.features import article_features

    feats = article_features(analysis)
    tf = feats.pop("tf")
    feats["vec"] = {w: 1 / math.sqrt(len(tf)) for w in tf}
    feats["sig"] = []
    return feats


def linked_pair_features(x: ArticleAnalysis, y: ArticleAnalysis) -> dict[str, float]:
    """The pair features of two analyses as a fresh linker stores and compares them (``x`` linked
    first)."""
    from wirecheck.link import MemoryLinkBackend, StoryLinker
    from wirecheck.settings import Settings

    linker = StoryLinker(MemoryLinkBackend(), Settings())
    linker.add(x)
    linker.add(y)
    a, b = x.article.id, y.article.id
    return linker.pair_features(a, linker.backend.features(a), b, linker.backend.features(b))
