"""Round 8 dates: a sentence saying when the story "happened" dates it even with no event word,
and a calendar day that qualifies the event's word ("the Feb. 2 shooting") outranks a relative
day the publication date resolves."""

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


def test_happened_sentence_dates_the_story_over_a_later_victim(nlp) -> None:
    # "It happened ... Friday" has no event word, yet it says when the reported shooting was;
    # the Sunday morning shooting told further down is another one
    text = (
        "Two hurt in Tulsa gunfire\n"
        "A man and a woman were wounded by gunfire in north Tulsa.\n"
        "It happened at about 9:40 p.m. Friday near a laundromat on Pine Street.\n"
        "Another man was shot around 2:15 Sunday morning on Lewis Avenue."
    )
    assert _main_date(nlp, text) == "2024-03-08"


def test_calendar_day_qualifying_the_event_word_outranks_a_weekday(nlp) -> None:
    # an updated page: the old sentence's "Tuesday evening" resolves against the new date,
    # while "the Jan. 9 shooting" names its day in full
    text = (
        "Boise toddler shot in drive-by\n"
        "A 2-year-old girl was wounded in a drive-by on Tuesday evening, police said.\n"
        "Investigators believe the Jan. 9 shooting was aimed at her uncle.\n"
        "A 24-year-old man was arrested Friday by a fugitive task force."
    )
    assert _main_date(nlp, text) == "2024-01-09"


def test_weekday_qualifying_the_event_word_keeps_its_old_rank(nlp) -> None:
    # a day that names no month gains nothing over the event's own day
    text = (
        "Man charged in Reno shooting\n"
        "A 30-year-old woman was shot Saturday night outside a Reno bar.\n"
        "Police said the Saturday night shooting followed an argument."
    )
    assert _main_date(nlp, text) == "2024-03-09"
