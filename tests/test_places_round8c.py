"""Round 8, third places pass: surnames that cast no country vote, counties written with
"Co." or "Parish", the District's neighbourhoods, a town whose county the text names.
Texts are invented; the places are real."""

import pytest

from extract_helpers import main_place as place_of
from wirecheck.models import Sentence
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.places import find_places, get_gazetteer, text_context


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _places(text: str, sentence: str):
    a = text.index(sentence)
    return find_places(text, Sentence(0, a, a + len(sentence), sentence))


def test_surname_casts_no_country_vote() -> None:
    text = ("Two men were hurt near a parking garage in downtown Los Angeles early Friday, said "
            "Carla Lopez, a spokeswoman for the Los Angeles Police Department. Lopez said the "
            "gunman ran north. Lopez added that no arrest was made.")
    ctx = text_context(text)
    assert "lopez" in ctx.surnames
    assert ctx.top()[0] == "US"


def test_parish_with_its_word_is_the_louisiana_parish() -> None:
    p = get_gazetteer().lookup("St. Mary Parish")
    assert p is not None and (p.iso, p.admin1, p.precision) == ("US", "Louisiana", 2)


def test_county_written_co() -> None:
    text = "Pike Co. deputies said a hunter was hurt on Saturday."
    found = _places(text, text)
    assert found and found[0].place.precision == 2 and found[0].place.name.startswith("Pike")


@pytest.mark.parametrize(("name", "state"), [("Anacostia", "District of Columbia"),
                                             ("Petworth", "District of Columbia"),
                                             ("Silver Spring", "Maryland"),
                                             ("Bethesda", "Maryland")])
def test_district_neighbourhoods(name: str, state: str) -> None:
    p = get_gazetteer().lookup(name, "US")
    assert p is not None and p.admin1 == state


def test_town_of_the_named_county_keeps_its_state() -> None:
    # the text names one other state (an aside), and the town's own county
    text = ("The Rutherford County sheriff said a man, 30, was shot in Rutherfordton on Monday night. "
            "He was later flown to a trauma center in South Carolina.")
    found = _places(text, text[: text.index("night.") + 6])
    town = next(m for m in found if m.text == "Rutherfordton")
    assert town.place.admin1 == "North Carolina"


def test_us_town_of_a_named_state_stays(nlp) -> None:
    text = ("A woman was wounded in a Panorama City shooting on Sunday, said Det. Omar Reyes of "
            "the Los Angeles Police Department. Southern California has seen three such cases.")
    p = place_of(nlp, text)
    assert p is not None and p.iso == "US" and p.admin1 == "California"
