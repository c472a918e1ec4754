"""Round 9 (places): a city's name that a run of capitalised words made look like a surname, a
resident's town beside the county whose sheriff works the case, and a "section" of an unnamed
city.  Texts are invented; the places are real."""

import pytest

from extract_helpers import main_place as place_of
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.places import text_context


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


# ---------------------------------------------------------------- text context


def test_a_town_written_in_place_is_no_surname() -> None:
    # "the Red Fox Crew Toledo branch" reads like a person's name ending in Toledo, but the
    # text also writes "in Toledo" and "25, of Toledo"
    text = ("Members of the Red Fox Crew Toledo branch were charged on Monday. Prosecutors in "
            "Toledo said Ray Dunmore, 25, of Toledo fired the shots.")
    assert "toledo" not in text_context(text).surnames


def test_a_surname_stays_a_surname() -> None:
    text = "Officers said Dana Kettering was arrested. Kettering was held on bond."
    assert "kettering" in text_context(text).surnames


# ---------------------------------------------------------------- the event's place


def test_city_named_in_a_gang_name_and_as_home_town(nlp) -> None:
    text = ("Three plead guilty in drive-by shooting\n\n"
            "Three members of the Red Fox Crew Toledo street gang pleaded guilty on Tuesday to "
            "wounding two brothers last spring. The office of the U.S. Attorney in Toledo charged "
            "Ray Dunmore, Carl Fremont and Lee Castalia with the shooting. Dunmore, 25, of "
            "Toledo pleaded guilty to assault.")
    p = place_of(nlp, text)
    assert p is not None and (p.name, p.admin1) == ("Toledo", "Ohio")


def test_resident_town_gives_way_to_the_sheriffs_county(nlp) -> None:
    # (a resident's town inside the sheriff's county is itself the likelier scene: not here)
    text = ("Boy dies in hunting mishap\n\n"
            "A 14-year-old boy was killed on Saturday when a rifle went off as he climbed into a "
            "deer stand, Rusk County sheriff's deputies said. The boy, identified as Toby Marden "
            "of Eau Claire, died at the scene.")
    p = place_of(nlp, text)
    assert p is not None and p.name == "Rusk County"


def test_section_of_an_unnamed_city_is_no_borough(nlp) -> None:
    # Kensington is also a part of Brooklyn, but nothing here names New York
    text = ("Two hurt in Kensington shooting\n\n"
            "A man and a woman were wounded by gunfire late Friday near a corner store, in what "
            "officers called the city's Kensington section, police said.")
    p = place_of(nlp, text)
    assert p is None or p.name != "Brooklyn"
