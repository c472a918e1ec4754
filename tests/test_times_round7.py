"""Round 7 dates: a page collected long after it was written is dated by its own stamp, a day
before "after" is later than the event day after it, the day of a wound's verb is the
wounding's, and later steps (a death pronounced, a custody state) do not date the incident."""

from __future__ import annotations

import pytest

from extract_helpers import main_date
from wirecheck.nlp import load_pipeline

# 2024-03-11 is a Monday.
PUBLISHED = "2024-03-11"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _main_date(nlp, text: str, published: str | None = PUBLISHED) -> str | None:
    return main_date(nlp, text, published)


def test_page_stamp_dates_relative_days_when_collected_much_later(nlp) -> None:
    # the page says it was created on Tuesday 2021-06-15; the collection date is years later
    text = (
        "Teen hurt in Dayton shooting\n"
        "Created: 06/15/2021 9:05 AM\n"
        "A 16-year-old girl was shot in the leg early Sunday outside a corner market in Dayton, "
        "officers said."
    )
    assert _main_date(nlp, text, published="2024-03-11") == "2021-06-13"


def test_page_stamp_close_to_publication_leaves_the_publication_anchor(nlp) -> None:
    text = (
        "Teen hurt in Dayton shooting\n"
        "Created: 03/10/2024 9:05 AM\n"
        "A 16-year-old girl was shot in the leg early Sunday outside a corner market in Dayton, "
        "officers said."
    )
    assert _main_date(nlp, text, published="2024-03-11") == "2024-03-10"


def test_day_before_after_is_a_later_step(nlp) -> None:
    text = (
        "Two brothers wounded in a shooting were in surgery Sunday after a gunman opened fire "
        "on them late Saturday in Tulsa."
    )
    assert _main_date(nlp, text) == "2024-03-09"


def test_day_of_a_wound_verb_is_the_wounding(nlp) -> None:
    text = "Marco Velde, 41, died Sunday of injuries he suffered Friday night in Omaha."
    assert _main_date(nlp, text) == "2024-03-08"


def test_pronounced_dead_is_a_later_step(nlp) -> None:
    text = (
        "The boy was pronounced dead at 1:40 a.m. Saturday at a children's hospital in Fresno. "
        "He had been shot Friday night while playing in a backyard, the coroner's office said."
    )
    assert _main_date(nlp, text) == "2024-03-08"


def test_custody_state_is_a_later_step(nlp) -> None:
    text = (
        "Deputies say Dorian Kell, 30, was being held Sunday on charges of murder. "
        "The shooting that killed two people at a Lubbock apartment happened early Friday."
    )
    assert _main_date(nlp, text) == "2024-03-08"


def test_day_after_after_given_to_a_later_step_stays_the_event(nlp) -> None:
    # "after" does not make the first day later when the day after it is a later step's
    text = (
        "A Lansing man shot a neighbor's dog at about 2 a.m. Sunday after it ran into his yard, "
        "according to a report released Monday."
    )
    assert _main_date(nlp, text) == "2024-03-10"
