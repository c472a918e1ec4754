"""Round 8, second places pass: the state a page title writes after its outlet's town, and
people's names that are also towns' names.  Texts are invented; the places are real."""

import pytest

from extract_helpers import main_place as place_of
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.places import text_context, title_state


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


# ---------------------------------------------------------------- the title's state


@pytest.mark.parametrize(
    ("title", "state"),
    [
        ("Man hurt in garage fire - WQXV 9 - Oakvale, AL", "Alabama"),
        ("Two hurt on ferry | Harbor Courier | Lakeport, South Carolina News", "South Carolina"),
        ("Porch shooting injures one - KZZP TV: Elmford, WI NEWS", "Wisconsin"),
        ("Shots fired near mall, Ala. police say", None),  # the headline's own words
        ("Crash on bridge - WQXV - Oakvale, AL - Elmford, TN", None),  # two states
        ("Crash on bridge - Weather, Sports and Traffic", None),
    ],
)
def test_title_state(title: str, state: str | None) -> None:
    assert title_state(title) == state


def test_town_of_the_titled_state(nlp) -> None:
    text = ("A teenager was shot Tuesday night at a home in Lexington, deputies said. "
            "The boy was taken to a hospital with a leg wound.")
    p = place_of(nlp, text, title="Teen hurt at home - WQXV - Columbia, South Carolina")
    assert p is not None and (p.name, p.admin1) == ("Lexington", "South Carolina")


def test_a_text_naming_the_state_keeps_its_town(nlp) -> None:
    text = ("A teenager was shot Tuesday night at a home in Lexington, Kentucky, deputies said. "
            "The boy was taken to a hospital with a leg wound.")
    p = place_of(nlp, text, title="Teen hurt at home - WQXV - Columbia, South Carolina")
    assert p is not None and p.admin1 == "Kentucky"


# ---------------------------------------------------------------- people's names


def test_an_age_before_a_pair_makes_a_surname() -> None:
    ctx = text_context("After a long chase, deputies arrested 19-year-old Brandon Dixon.")
    assert "dixon" in ctx.surnames


def test_a_surname_in_a_list_is_no_town(nlp) -> None:
    text = ("Police in Tulsa said Mara Solomon, 27, rented the small house. "
            "A gunman wounded Solomon, Pruitt and Hale in the yard on Friday, police said.")
    p = place_of(nlp, text)
    assert p is not None and p.name == "Tulsa"
