"""Round 11 dates: a named day ("on Christmas Eve", "the Fourth of July shooting") names its
calendar day as a month and day does; a bare name that is also an everyday word ("a Christmas
gift") counts only after "on"; a name before "weekend" or "party" is no single day."""

from __future__ import annotations

import pytest

from extract_helpers import main_date
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.times import find_times, names_holiday

# 2024-03-15 is a Friday.
PUBLISHED = "2024-03-15"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _values(text: str, published: str = PUBLISHED) -> dict[str, str | None]:
    return {t.text: t.value for t in find_times(text, [], published)}


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("The clerk was robbed on Christmas Eve near the depot.", "Christmas Eve", "2023-12-24"),
        ("Two cousins were hurt in a July Fourth crash.", "July Fourth", "2023-07-04"),
        ("Fireworks started a blaze on New Years Eve.", "New Years Eve", "2023-12-31"),
        # moving feasts: the fourth Thursday of November, the last Monday of May, Easter
        ("The barn burned on Thanksgiving Day.", "Thanksgiving Day", "2023-11-23"),
        ("A parade float tipped over on Memorial Day, 2022.", "Memorial Day, 2022", "2022-05-30"),
    ],
)
def test_named_days(text: str, expr: str, value: str) -> None:
    assert _values(text)[expr] == value


def test_easter_before_the_report() -> None:
    assert _values("A ferry ran aground on Easter, officials said.", "2024-04-10")["Easter"] == "2024-03-31"


def test_easter_falls_ahead_within_a_season() -> None:
    # as a month and day with no year: the nearest one, here two weeks ahead of the report
    assert _values("The pastor spoke of Easter Sunday.")["Easter Sunday"] == "2024-03-31"


def test_bare_name_needs_on() -> None:
    assert _values("She bought a Christmas gift for her nephew.") == {}
    assert _values("The shop sold Halloween masks.") == {}
    assert _values("The bridge reopened on Halloween.")["Halloween"] == "2023-10-31"


def test_span_and_party_are_no_single_day() -> None:
    assert "Labor Day" not in _values("Nine people were hurt in crashes over the Labor Day weekend.")
    assert "New Year's Eve" not in _values("A guest was hurt at a New Year's Eve party in Fresno.")


def test_names_holiday() -> None:
    assert names_holiday("Fourth of July")
    assert not names_holiday("Friday")


def test_holiday_dates_the_event(nlp) -> None:
    text = (
        "Teen hurt in Dayton shooting\n"
        "A 15-year-old boy was shot in the leg on Christmas Eve outside a home on Elm Street in "
        "Dayton.\n"
        "A 19-year-old man was arrested Monday in the shooting, officers said."
    )
    assert main_date(nlp, text, "2024-01-03") == "2023-12-24"
