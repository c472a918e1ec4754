"""Round 9 dates: a day that qualifies a later step's noun ("a Wednesday news conference",
"during Thursday's hearing") is that step's day; a part of a day that names no day ("the early
morning hours") yields to the day named beside it; a calendar day of "an unrelated" incident
is not the reported one's."""

from __future__ import annotations

import pytest

from extract_helpers import main_date
from wirecheck.nlp import load_pipeline

# 2024-03-15 is a Friday.
PUBLISHED = "2024-03-15"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def test_day_of_a_news_conference_is_a_later_step(nlp) -> None:
    text = (
        "Clerk wounded in Dayton store robbery\n"
        "A store clerk was shot during a robbery on Maple Road in Dayton, and the police chief "
        "described the gunman at a Wednesday morning news conference.\n"
        "The robbery happened about 8:30 p.m. Tuesday, officers said."
    )
    assert main_date(nlp, text, PUBLISHED) == "2024-03-12"


def test_day_of_a_hearing_is_a_later_step(nlp) -> None:
    text = (
        "Teen charged after Macon cousin shot\n"
        "A 16-year-old faced a judge in the shooting of his cousin during Thursday's bond hearing.\n"
        "The cousin was shot in the arm Monday evening at a home on Vine Street."
    )
    assert main_date(nlp, text, PUBLISHED) == "2024-03-11"


def test_early_morning_hours_take_the_named_day(nlp) -> None:
    text = (
        "Two wounded outside Akron bar\n"
        "Two men were shot outside a bar on Market Street in Akron in the early morning hours "
        "Wednesday, police said."
    )
    assert main_date(nlp, text, PUBLISHED) == "2024-03-13"


def test_early_morning_alone_keeps_its_day(nlp) -> None:
    # with no day named beside it, "early morning" stays the report's day
    text = (
        "Man hurt in Toledo shooting\n"
        "A man was shot in an early morning dispute on Oak Street in Toledo, police said."
    )
    assert main_date(nlp, text, PUBLISHED) == "2024-03-15"


def test_calendar_day_of_an_unrelated_incident_gains_nothing(nlp) -> None:
    text = (
        "Woman killed in Provo home\n"
        "A woman was found shot dead inside her Provo home Wednesday night, police said.\n"
        "Her neighbor had been cited in February for an unrelated Feb. 9 incident at the same address."
    )
    assert main_date(nlp, text, PUBLISHED) == "2024-03-13"
