"""Incident facts across reports: the wounded who died, statistics sentences, the main event."""

from __future__ import annotations

from extract_helpers import analysis_of
from wirecheck.models import (
    ArticleAnalysis,
    Count,
    CountRange,
    EventMention,
    Evidence,
    Located,
    Place,
)
from wirecheck.reconcile import reconcile_story

TOWN = Place(name="Springfield", country="United States", iso="US", admin1="Illinois", precision=1)


def _analysis(
    art: str, sentences: list[str], events: list[EventMention], published: str | None = None
) -> ArticleAnalysis:
    return analysis_of(art, sentences, events, published=published)


def _count(art: str, n: int, sentence: int = 0) -> Count:
    return Count(CountRange(n, n, n), str(n), Evidence(art, sentence, 0, 1))


def _mention(
    art: str,
    mid: str = "e0",
    *,
    event_type: str = "Violence against civilians",
    sub: str = "Attack",
    killed: int | None = None,
    injured: int | None = None,
    injured_sentence: int = 0,
    start: int = 0,
) -> EventMention:
    return EventMention(
        id=mid,
        article=art,
        trigger="shot",
        evidence=Evidence(art, 0, start, start + 4),
        event_type=event_type,
        sub_event_type=sub,
        location=Located(TOWN, TOWN.name, Evidence(art, 0, 0, 1)),
        fatalities=_count(art, killed) if killed is not None else None,
        injured=_count(art, injured, injured_sentence) if injured is not None else None,
    )


def _fact(event, attribute: str):  # type: ignore[no-untyped-def]
    return next(f for f in event.facts if f.attribute == attribute)


def test_a_wounded_victim_who_later_died_is_not_also_counted_injured() -> None:
    early = _analysis(
        "a",
        ["A boy was shot in Springfield and is in critical condition."],
        [_mention("a", injured=1)],
        "2024-03-01T08:00:00",
    )
    late = _analysis(
        "b", ["The boy shot in Springfield has died."], [_mention("b", killed=1)], "2024-03-02T08:00:00"
    )
    event = reconcile_story("s", [early, late]).events[0]
    assert event.fatalities == CountRange(1, 1, 1)
    assert event.injured == CountRange(0, 0, 0)
    injured = _fact(event, "injured")
    assert injured.status == "superseded"
    assert [r.value["best"] for r in injured.reports] == [1]  # the report keeps its own figure


def test_a_report_giving_both_killed_and_wounded_keeps_its_wounded() -> None:
    full = _analysis(
        "a", ["One man was killed and two people were wounded."], [_mention("a", killed=1, injured=2)]
    )
    short = _analysis("b", ["A man was killed in Springfield."], [_mention("b", killed=1)])
    event = reconcile_story("s", [full, short]).events[0]
    assert event.fatalities.best == 1
    assert event.injured == CountRange(2, 2, 2)
    assert _fact(event, "injured").status == "single_source"


def test_a_count_from_a_statistics_sentence_is_not_the_event_toll() -> None:
    sentences = [
        "A woman was shot dead on Elm Street on Friday.",
        "More than 300 people have been wounded in shootings across the city this year.",
    ]
    art = _analysis("a", sentences, [_mention("a", killed=1, injured=301, injured_sentence=1)])
    event = reconcile_story("s", [art]).events[0]
    assert event.fatalities.best == 1
    assert event.injured is None
    assert all(f.attribute != "injured" for f in event.facts)


def test_the_main_event_is_what_the_articles_lead_with() -> None:
    # One article leads with the shooting, the other with the arrest for it; both mention a vigil
    # further down.  The vigil is told by two articles but led by none: the main event is the
    # leads', the shooting and its arrest report.
    vigil = {"event_type": "Protests", "sub": "Peaceful protest", "start": 60}
    a = _analysis(
        "a",
        ["A teenager was shot dead on Friday.", "Neighbours held a vigil."],
        [
            _mention("a", "e0", killed=1),
            _mention("a", "e1", **vigil),  # type: ignore[arg-type]
        ],
    )
    b = _analysis(
        "b",
        ["Police arrested a man after a teenager was killed.", "A vigil was held."],
        [
            _mention("b", "e0", event_type="Strategic developments", sub="Arrests", killed=1),
            _mention("b", "e1", **vigil),  # type: ignore[arg-type]
        ],
    )
    result = reconcile_story("s", [a, b])
    main = next(e for e in result.events if e.id == result.story.main_event)
    assert sorted(main.mentions) == [("a", "e0"), ("b", "e0")]
    assert main.event_type == "Violence against civilians"
    assert main.fatalities is not None and main.fatalities.best == 1
    vigils = [e for e in result.events if e.event_type == "Protests"]
    assert len(vigils) == 1 and len(vigils[0].mentions) == 2
