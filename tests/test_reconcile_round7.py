"""Which report's value wins a story's fact: lead figures, the story's region."""

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


def _analysis(
    art: str, sentences: list[str], events: list[EventMention], title: str | None = None
) -> ArticleAnalysis:
    return analysis_of(art, sentences, events, title=title)


def _mention(
    art: str,
    *,
    killed: tuple[int, int] | None = None,  # (figure, sentence it is read in)
    place: Place | None = None,
) -> EventMention:
    return EventMention(
        id="e0",
        article=art,
        trigger="shot",
        evidence=Evidence(art, 0, 0, 4),
        event_type="Violence against civilians",
        sub_event_type="Attack",
        location=Located(place, place.name, Evidence(art, 0, 0, 1)) if place else None,
        fatalities=(
            Count(CountRange(killed[0], killed[0], killed[0]), str(killed[0]), Evidence(art, killed[1], 0, 1))
            if killed
            else None
        ),
    )


def _main(analyses: list[ArticleAnalysis]):  # type: ignore[no-untyped-def]
    result = reconcile_story("s", analyses)
    return next(e for e in result.events if e.id == result.story.main_event)


def test_a_toll_told_in_the_lead_outweighs_one_read_deep_in_another_report() -> None:
    # One source each: without the lead rule the higher toll would win the tie.
    body = [f"Filler sentence number {i} about the neighbourhood." for i in range(6)]
    lead = _analysis(
        "a",
        ["Two men were shot dead outside a Dayton bakery late Monday, police said.", *body],
        [_mention("a", killed=(2, 0))],
    )
    deep = _analysis(
        "b",
        [*body, "Five people lay dead in the bakery, a neighbour told reporters."],
        [_mention("b", killed=(5, 6))],
    )
    event = _main([deep, lead])
    assert event.fatalities is not None and event.fatalities.best == 2


RIVERTON_WY = Place("Riverton", "United States", "US", "Wyoming", precision=1)
RIVERTON_UT = Place("Riverton", "United States", "US", "Utah", precision=1)


def test_a_town_resolved_to_two_states_takes_the_state_the_story_names() -> None:
    # Two reports name one town; the geocoder filed the one without a state under a namesake.
    bare = _analysis(
        "a",
        ["A teenager was shot and wounded at a Riverton park on Saturday."],
        [_mention("a", place=RIVERTON_WY)],
    )
    dated = _analysis(
        "b",
        ["RIVERTON, Utah - A 16-year-old boy was wounded in a park shooting Saturday, police said."],
        [_mention("b", place=RIVERTON_UT)],
    )
    follow = _analysis(
        "c",
        ["Prosecutors in Salt Lake County, Utah, charged a 19-year-old with the park shooting."],
        [_mention("c")],
    )
    event = _main([bare, dated, follow])
    assert event.location is not None and event.location.admin1 == "Utah"
