"""Round 6 (second dates pass): which of the days a report gives is the incident's.

Reporting words take a day only when it follows them closely, clock times and days that qualify
the event word are the incident's, stand-alone date lines, wire datelines and photo captions are
stamps, a quoted "today" is the speaker's day, a day near the event's word beats one far from it,
and a month and day with no year lies in the past unless it is close ahead."""

from __future__ import annotations

from datetime import date

import pytest

from extract_helpers import main_date
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.times import names_clock, normalize

# 2024-03-11 is a Monday.
PUBLISHED = "2024-03-11"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _main_date(nlp, text: str, published: str | None = PUBLISHED) -> str | None:
    return main_date(nlp, text, published)


def test_said_before_a_reported_clause_leaves_the_day_to_the_clause(nlp) -> None:
    text = (
        "A teenager was wounded at his home in Akron, police said. "
        "Police said the boy picked up the rifle Saturday night and it went off."
    )
    assert _main_date(nlp, text) == "2024-03-09"


def test_clock_time_after_a_reporting_word_is_the_incident(nlp) -> None:
    text = (
        "A woman was shot in the arm in Toledo. "
        "The shooting was reported about 11:20 p.m. Saturday, officers told reporters Monday."
    )
    assert _main_date(nlp, text) == "2024-03-09"
    assert names_clock("11:20 p.m. Saturday") and not names_clock("Saturday night")


def test_day_qualifying_the_event_word_is_the_incident(nlp) -> None:
    text = (
        "Detectives charged a Fresno man Monday in connection with Friday night's shooting of "
        "a delivery driver, the department said."
    )
    assert _main_date(nlp, text) == "2024-03-08"


def test_charge_name_does_not_tie_the_charge_day_to_the_incident(nlp) -> None:
    text = (
        "Officers in Macon charged a man with murder Sunday. "
        "He is accused of shooting his cousin late Thursday outside a store."
    )
    assert _main_date(nlp, text) == "2024-03-07"


def test_date_line_alone_is_a_stamp(nlp) -> None:
    text = "Girl wounded in Joliet shooting\nMarch 11, 2024 6:05 AM\nA girl was shot at 8 p.m. Saturday in Joliet."
    assert _main_date(nlp, text) == "2024-03-09"


def test_wire_dateline_is_a_stamp(nlp) -> None:
    text = "DENVER, March 11 (Newswire) -- Two men were shot outside a diner on Saturday, police said."
    assert _main_date(nlp, text) == "2024-03-09"


def test_photo_caption_date_is_a_stamp(nlp) -> None:
    text = (
        "The house where a man was shot is shown Monday, March 11, 2024 in Omaha. "
        "The man was shot about 9 p.m. Sunday, police said."
    )
    assert _main_date(nlp, text) == "2024-03-10"


def test_quoted_today_is_the_speakers_day(nlp) -> None:
    text = (
        "Prosecutors charged a Salem woman after Saturday night's shooting of her nephew. "
        "“We are grateful today that the boy survived his wound,” the prosecutor said."
    )
    assert _main_date(nlp, text) == "2024-03-09"


def test_day_near_the_event_word_beats_a_far_one(nlp) -> None:
    text = (
        "A city panel on Friday voted to buy more trauma kits, which medics carry for officers "
        "who are wounded. An officer was shot Sunday evening in Gary, police said."
    )
    assert _main_date(nlp, text) == "2024-03-10"


def test_month_day_far_ahead_without_future_cue_is_last_year() -> None:
    assert normalize("Dec. 14", date(2024, 6, 30))[0] == "2023-12-14"
    # close ahead it stays ahead ("trial Aug. 2" in a June report)
    assert normalize("Aug. 2", date(2024, 6, 30))[0] == "2024-08-02"
