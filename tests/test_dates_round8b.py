"""Round 8, second dates pass: the day of a wound's verb ("treated today for wounds received Saturday"), a
sentence whose event word is the subject of "happened" ("The stabbing happened ... on Feb. 20"),
and a dated event word under an indefinite article ("a Feb. 2 shooting": another one)."""

from __future__ import annotations

import pytest

from extract_helpers import main_date
from wirecheck.nlp import load_pipeline

# 2024-03-11 is a Monday.
PUBLISHED = "2024-03-11"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def test_day_of_the_wound_verb_beats_the_hospital_day(nlp) -> None:
    # "today" is when the men lay in hospital; the wounds were received on Saturday
    text = (
        "Three hurt in Fresno gunfire\n"
        "FRESNO - Two brothers lay in hospital today with gunshot wounds received late Saturday, "
        "deputies said.\n"
        "Detectives asked neighbors on Cedar Avenue for doorbell video."
    )
    assert main_date(nlp, text, PUBLISHED) == "2024-03-09"


def test_event_word_as_subject_of_happened_dates_it(nlp) -> None:
    # the coroner's ruling comes first, but the sentence saying when the stabbing happened wins
    text = (
        "Coroner rules Dayton teen's death a homicide\n"
        "The county coroner ruled the death of a 17-year-old cyclist a homicide Friday.\n"
        "The teen died in hospital after the stabbing, relatives said.\n"
        "The stabbing happened outside a corner store on Salem Avenue on Feb. 20."
    )
    assert main_date(nlp, text, PUBLISHED) == "2024-02-20"


def test_latest_of_several_happened_keeps_the_lead_day(nlp) -> None:
    # "the latest shooting happened" picks one of a weekend's several: no special rank
    text = (
        "Weekend violence in Toledo\n"
        "At least nine people were shot in Toledo between Friday evening and Sunday.\n"
        "The latest shooting happened early Sunday on Dorr Street."
    )
    assert main_date(nlp, text, PUBLISHED) == "2024-03-08"


def test_calendar_day_after_an_indefinite_article_is_another_shooting(nlp) -> None:
    # "a Feb. 2 shooting" is an earlier incident the report recalls, not the one it tells
    text = (
        "Girl hurt by stray bullet in Omaha\n"
        "An 8-year-old girl was wounded in the Saturday night shooting on Maple Street, police said.\n"
        "The block is two streets from a Feb. 2 shooting that wounded three men."
    )
    assert main_date(nlp, text, PUBLISHED) == "2024-03-09"


def test_record_of_an_old_shooting_that_happened_is_no_event_day(nlp) -> None:
    # a criminal record's "shooting that happened on" a date years back is not the report's day
    text = (
        "Suspect held in Spokane bus stop shooting\n"
        "A 19-year-old man was shot Friday night at a bus stop on Division Street.\n"
        "The suspect pleaded guilty in 2019 to a weapons charge over a shooting that happened on May 4, 2018."
    )
    assert main_date(nlp, text, PUBLISHED) == "2024-03-08"
