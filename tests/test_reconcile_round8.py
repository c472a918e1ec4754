"""Which reports speak for a story's facts: later-step days, round-ups, deep later figures."""

from __future__ import annotations

from extract_helpers import dated_report
from wirecheck.models import (
    ArticleAnalysis,
    Event,
)
from wirecheck.reconcile import reconcile_story


def _main(analyses: list[ArticleAnalysis]) -> Event:
    result = reconcile_story("s", analyses)
    return next(e for e in result.events if e.id == result.story.main_event)


# --------------------------------------------------------------------------- later-step days


def test_a_court_day_does_not_outvote_the_day_of_the_shooting() -> None:
    first = dated_report(
        "a",
        ["A cook was shot and wounded outside a Tulsa diner late Saturday, police said."],
        date=("2024-03-02", "late Saturday"),
    )
    plea = [
        dated_report(
            art,
            ["The man accused in the diner case pleaded not guilty Thursday before a county judge."],
            date=("2024-03-07", "Thursday"),
        )
        for art in ("b", "c")
    ]
    event = _main([*plea, first])
    assert event.date is not None and event.date.value == "2024-03-02"
    # The court days stay on the fact as what those reports said.
    fact = next(f for f in event.facts if f.attribute == "date")
    assert {r.article for r in fact.reports} == {"a", "b", "c"}


def test_a_date_that_names_the_event_after_a_step_word_is_the_event_day() -> None:
    # "arrested ... in the March 3 slaying": the date qualifies the slaying, so it votes.
    arrest = dated_report(
        "a",
        ["Officers arrested a drifter on Monday in the March 3 slaying of a Tulsa cook."],
        date=("2024-03-03", "March 3"),
    )
    hearing = dated_report(
        "b",
        ["The drifter appeared at a bond hearing Friday and said little."],
        date=("2024-03-08", "Friday"),
    )
    event = _main([hearing, arrest])
    assert event.date is not None and event.date.value == "2024-03-03"


def test_a_step_day_still_dates_the_event_when_no_report_gives_another() -> None:
    only = dated_report(
        "a",
        ["The woman accused in the shooting was arraigned Tuesday in a Tulsa courtroom."],
        date=("2024-03-05", "Tuesday"),
    )
    event = _main([only])
    assert event.date is not None and event.date.value == "2024-03-05"


# --------------------------------------------------------------------------- round-ups


def test_a_round_up_does_not_vote_on_the_event_toll() -> None:
    # The headline totals the night; the sentence the toll is read in does not say so.
    roundup = dated_report(
        "a",
        ["Two dead, six hurt in Tulsa shootings", "Two men were killed and six hurt, police said."],
        killed=(2, 1),
        title="Two dead, six hurt in Tulsa shootings",
    )
    own = dated_report(
        "b",
        ["A cook was shot dead outside a Tulsa diner late Saturday, police said."],
        killed=(1, 0),
    )
    # Without the rule the tie goes to the higher toll.
    event = _main([roundup, own])
    assert event.fatalities is not None and event.fatalities.best == 1


def test_a_round_up_alone_still_gives_its_figures() -> None:
    roundup = dated_report(
        "a",
        ["Police are looking into two unrelated incidents on the east side.", "One man died."],
        killed=(1, 1),
    )
    event = _main([roundup])
    assert event.fatalities is not None and event.fatalities.best == 1


# --------------------------------------------------------------------------- later figures


_BODY = [f"Filler sentence number {i} about the block." for i in range(6)]


def test_a_later_figure_read_deep_does_not_supersede_lead_figures() -> None:
    early = dated_report(
        "a",
        ["Two teenagers were wounded in a drive-by shooting in Tulsa on Saturday.", *_BODY],
        injured=(2, 0),
        published="2024-03-02",
    )
    later = dated_report(
        "b",
        [*_BODY, "One of the boys was among nine people hurt across the city this month."],
        injured=(9, 6),
        published="2024-03-05",
    )
    event = _main([early, later])
    assert event.injured is not None and event.injured.best == 2
    assert next(f for f in event.facts if f.attribute == "injured").status == "conflict"


def test_a_later_higher_figure_told_in_its_lead_supersedes() -> None:
    early = dated_report(
        "a",
        ["Two teenagers were wounded in a drive-by shooting in Tulsa on Saturday.", *_BODY],
        injured=(2, 0),
        published="2024-03-02",
    )
    later = dated_report(
        "b",
        ["Police now say three teenagers were wounded in Saturday's drive-by in Tulsa.", *_BODY],
        injured=(3, 0),
        published="2024-03-05",
    )
    event = _main([early, later])
    assert event.injured is not None and event.injured.best == 3
    assert next(f for f in event.facts if f.attribute == "injured").status == "superseded"
