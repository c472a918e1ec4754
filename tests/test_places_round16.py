"""Round 16 places: a part of a big city the mail knows only by the city's name is that city.

GeoNames lists many neighbourhoods and unincorporated areas as towns ("Alief", "Allapattah");
USPS has no town of that name, and their addresses are the big city's.  The event's place is then
the city, the part kept as detail (SPEC: the place is the town).  Texts are invented; the places
are real (the ZIP code data of the ``zipcodes`` package decides)."""

from __future__ import annotations

import pytest

from extract_helpers import main_place
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.places import get_gazetteer


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _postal(name: str, state: str) -> str | None:
    gaz = get_gazetteer()
    place = gaz.lookup(name, "US", state)
    assert place is not None and place.name == name
    city = gaz.postal_city(place)
    return city.name if city else None


def test_a_part_the_mail_files_under_a_big_city_is_that_city() -> None:
    assert _postal("Alief", "Texas") == "Houston"
    assert _postal("Allapattah", "Florida") == "Miami"
    assert _postal("Bushwick", "New York") == "Brooklyn"


def test_a_town_the_mail_knows_by_its_own_name_stays_itself() -> None:
    assert _postal("Hialeah", "Florida") is None  # its own ZIP codes, beside Miami
    assert _postal("Eagan", "Minnesota") is None  # a name USPS accepts on its ZIP codes
    assert _postal("Manhattan", "New York") is None  # a borough is a city of its own here
    assert _postal("Gary", "Indiana") is None


def test_a_place_abroad_has_no_postal_city() -> None:
    gaz = get_gazetteer()
    place = gaz.lookup("Mosul")
    assert place is not None and gaz.postal_city(place) is None


def test_the_event_in_such_a_part_is_placed_in_the_city(nlp) -> None:
    text = ("A 19-year-old man was shot in the leg outside a laundromat in Alief late Sunday, "
            "sheriff's deputies said. He was taken to a hospital in stable condition.")
    place = main_place(nlp, text, "Teen wounded outside laundromat")
    assert place is not None
    assert (place.name, place.admin1, place.detail) == ("Houston", "Texas", "Alief")


def test_a_part_whose_own_police_work_the_case_stays_itself(nlp) -> None:
    text = ("A 19-year-old man was shot in the leg outside a laundromat in Alief late Sunday, "
            "Alief police said. He was taken to a hospital in stable condition.")
    place = main_place(nlp, text, "Teen wounded outside laundromat")
    assert place is not None and place.name == "Alief"
