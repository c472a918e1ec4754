"""Round 31 (places): a neighbourhood the text gives as "the city's X section" is the place
where the text names no town (before, a hospital's name, "Temple University Hospital", gave
its namesake town in another state); a town written with a US state after it ("Colmar, Pa.")
is that state's town even where the gazetteer's only town of the name is abroad, when the text
is more American than of that country.  Texts are invented; no test's case is a benchmark
article's."""

from __future__ import annotations

import pytest

from extract_helpers import main_place
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.places import get_gazetteer


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.mark.parametrize("whose", ["city's", "city’s", "town's"])
def test_the_citys_section_is_the_place(nlp, whose: str) -> None:
    text = ("Man hurt in Quillmont shooting\n"
            f"A man is in the hospital after a shooting in the {whose} Quillmont section. "
            "Around 5:50 p.m., police said someone opened fire into a house from the street.")
    place = main_place(nlp, text)
    assert (place.name, place.precision, place.lat) == ("Quillmont", 2, None)


def test_a_hospitals_town_does_not_replace_the_section(nlp) -> None:
    text = ("Man shot, killed in Quillmont\n"
            "Police are investigating a homicide in the city's Quillmont section. It happened "
            "around 6:20 p.m. Saturday in the 100 block of East Brask Street. Officers found a "
            "27-year-old man with gunshot wounds. He was rushed to Temple University Hospital, "
            "where he was pronounced dead.")
    place = main_place(nlp, text)
    assert place.name == "Quillmont"
    assert place.admin1 is None  # no namesake "Temple" in a state the text never names


def test_a_section_in_a_named_city_is_its_detail(nlp) -> None:
    text = ("A man was shot Friday night in the city's Quillmont neighborhood in Baltimore, "
            "police said.")
    place = main_place(nlp, text)
    assert (place.name, place.admin1) == ("Baltimore", "Maryland")


def test_the_towns_are_abroad_in_the_gazetteer_and_american_in_the_mail() -> None:
    gaz = get_gazetteer()
    for name, state in (("Colmar", "Pennsylvania"), ("Karlsruhe", "North Dakota")):
        assert {p.iso for p in gaz.candidates(name)} - {"US"}
        assert gaz.lookup(name, "US", state) is None
        assert state in {e.admin1 for e in gaz.postal_towns(name)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Deputies were dispatched to 3511 Quillmont Road, Colmar, Pa., in response to a report "
         "of a person being shot.", ("Colmar", "Pennsylvania", 1, "3511 Quillmont Road")),
        ("A man was shot Friday outside a store in Karlsruhe, ND, police said.",
         ("Karlsruhe", "North Dakota", 1, None)),
    ],
)
def test_a_state_after_the_town_outweighs_a_namesake_abroad(nlp, text: str, expected: tuple) -> None:
    place = main_place(nlp, "Man shot\n" + text)
    assert (place.name, place.admin1, place.precision, place.detail) == expected
    assert place.lat is not None  # the postal town's point


def test_a_country_after_the_town_keeps_it_abroad(nlp) -> None:
    text = ("Man shot\nA man was shot in Colmar, Alsace, on Friday, and the gendarmerie said the "
            "man was taken to hospital in Strasbourg.")
    assert main_place(nlp, text).iso == "FR"
