"""Story facts, round 9: between equally supported days, the day told with the violence wins."""

from __future__ import annotations

from extract_helpers import dated_report
from wirecheck.models import ArticleAnalysis, Event
from wirecheck.reconcile import reconcile_story


def _report(art: str, sentences: list[str], day: str, words: str) -> ArticleAnalysis:
    """One article whose single (main) event is dated by ``words`` (read as ``day``)."""
    return dated_report(art, sentences, date=(day, words))


def _main(analyses: list[ArticleAnalysis]) -> Event:
    result = reconcile_story("s", analyses)
    return next(e for e in result.events if e.id == result.story.main_event)


def test_the_day_told_with_the_shooting_wins_a_tie() -> None:
    vigil_day = _report(
        "a",
        [
            "A bus driver was wounded on the east side of Dayton.",
            "Neighbours gathered outside the corner church Monday evening to pray for him.",
        ],
        "2024-05-06",
        "Monday evening",
    )
    shot_day = _report(
        "b",
        ["The bus driver was shot twice near a Dayton depot about 11 p.m. Sunday, officers said."],
        "2024-05-05",
        "11 p.m. Sunday",
    )
    event = _main([vigil_day, shot_day])
    assert event.date is not None and event.date.value == "2024-05-05"
    # The other day stays on the fact as what that report said.
    fact = next(f for f in event.facts if f.attribute == "date")
    assert fact.status == "conflict"
    assert {r.value["value"] for r in fact.reports} == {"2024-05-05", "2024-05-06"}


def test_a_step_between_the_shooting_and_the_day_does_not_tell_it() -> None:
    # "arraigned" stands between the shooting and the day: that day is the court's, not the
    # shooting's, so neither report tells the violence's day and the earlier report keeps its day.
    hospital = _report(
        "a",
        ["The courier was resting at a Fresno hospital Friday afternoon."],
        "2024-08-09",
        "Friday afternoon",
    )
    court = _report(
        "b",
        ["The teen charged in the shooting of a courier was arraigned Wednesday in Fresno."],
        "2024-08-07",
        "Wednesday",
    )
    event = _main([hospital, court])
    assert event.date is not None and event.date.value == "2024-08-09"


def test_more_sources_still_outvote_a_told_day() -> None:
    told = _report(
        "a",
        ["A cashier was shot late Tuesday inside a Macon gas station."],
        "2024-02-13",
        "late Tuesday",
    )
    others = [
        _report(art, ["Officers taped off a Macon gas station early Wednesday."], "2024-02-14", "early Wednesday")
        for art in ("b", "c")
    ]
    event = _main([told, *others])
    assert event.date is not None and event.date.value == "2024-02-14"
