"""Round 26 (places): a name that neither GeoNames nor the mail knows as a town, in a county
that a big city fills, is a part of that city, kept as the place's detail.  Texts and the
neighbourhood names are invented; the counties and cities are real."""

from __future__ import annotations

import pytest

from extract_helpers import main_place
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.places import get_gazetteer


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.mark.parametrize("text", [
    # the coroner's county names the big city: its neighbourhood is no town of its own
    "Dana Quill, a 30-year-old man, died Sunday after being shot in Quillmont Terrace, "
    "according to Spokane County coroner's records.",
    "Dana Quill, 30, was shot and killed Sunday in the 400 block of Elm Street in Quillmont "
    "Terrace, according to the Spokane County medical examiner.",
])
def test_unlisted_part_of_a_big_citys_county(nlp, text: str) -> None:
    p = main_place(nlp, text)
    assert (p.name, p.admin1, p.precision) == ("Spokane", "Washington", 1)
    assert p.detail == "Quillmont Terrace"
    assert p.lat is not None


def test_unlisted_town_of_a_county_with_no_big_city(nlp) -> None:
    # Yakima County's biggest town has under 100,000 people: the name stays a town of its own
    p = main_place(nlp, "Dana Quill, 30, was shot and killed Sunday in Quillmont Terrace, "
                        "according to Yakima County deputies.")
    assert (p.name, p.admin1, p.precision) == ("Quillmont Terrace", "Washington", 1)
    assert p.lat is None


def test_unlisted_town_where_the_county_sheriff_works_the_case(nlp) -> None:
    # the sheriff's deputies patrol outside the city: an unincorporated place of its own
    p = main_place(nlp, "Dana Quill, 30, was shot and killed Sunday in Quillmont Terrace, "
                        "Spokane County sheriff's deputies said.")
    assert (p.name, p.admin1) == ("Quillmont Terrace", "Washington")


def test_unlisted_town_where_the_text_names_two_counties(nlp) -> None:
    # which county the name lies in, the text does not say
    p = main_place(nlp, "Dana Quill, 30, was shot and killed Sunday in Quillmont Terrace, "
                        "according to Spokane County deputies. Stevens County deputies "
                        "helped search for the gunman.")
    assert p.name == "Quillmont Terrace"


# ---------------------------------------------------------------- the mail's towns


def test_a_zip_codes_own_town_is_a_town() -> None:
    # a lower ZIP code of the neighbouring city accepts the name too; another ZIP code is
    # called by it: the town is one of its own
    p = get_gazetteer().postal_town("Suisun City", state="California")
    assert (p.name, p.detail) == ("Suisun City", None)


def test_a_zip_codes_own_town_that_the_mail_files_under_a_big_city() -> None:
    # its ZIP code accepts a big city's name: a part of that city
    p = get_gazetteer().postal_town("Newbury Park", state="California")
    assert (p.name, p.admin1, p.detail) == ("Thousand Oaks", "California", "Newbury Park")


# ---------------------------------------------------------------- a county by its bare name


@pytest.mark.parametrize("text", [
    "A man was shot and killed Friday night in Kootenai. Idaho State Police are investigating.",
    "Teen dies after police shooting in Kootenai",
])
def test_a_big_county_named_bare(nlp, text: str) -> None:
    # the village of the name is small and lies in another county
    p = main_place(nlp, text)
    assert (p.name, p.admin1, p.precision) == ("Kootenai County", "Idaho", 2)


@pytest.mark.parametrize("text", [
    # the village lies in the county of its name: it is the place
    "A man was shot and killed Friday night at a home in Tuscarawas, the sheriff said. "
    "Deputies in Ohio are searching for the gunman.",
    # the state written after the name makes it a town
    "A man was shot and killed Friday in Kootenai, Idaho.",
])
def test_a_town_named_like_a_county(nlp, text: str) -> None:
    p = main_place(nlp, text)
    assert p.precision == 1 and not p.name.endswith("County")


def test_bare_county_leaves_a_city_of_its_own() -> None:
    # a city of 5,000 people or more is itself, whatever its county holds
    gaz = get_gazetteer()
    town = gaz.lookup("Middlesex", "US", "New Jersey")
    assert town is not None and gaz.bare_county(town) is None
