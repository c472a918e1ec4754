"""Round 26 (places): a name that neither GeoNames nor the mail knows as a town, in a county
that a big city fills, is a part of that city, kept as the place's detail; a ZIP code's own
town is a town, and no part of a big city across a county line; a big county named bare is the
county; a town after an owner ("the Larsons' Bemidji home", "his Iron Belt home"), or named by a
word where the event happened ("shot ... in Cotton."), is the town; a US town named like a
country is the town in a county the text names; the scene said outright beats the dateline; a
country's initials opening an institution, "Commonwealth" and "Early Morning" are no places.
Texts and the neighbourhood names are invented; the other places are real, and no test's
case is a benchmark article's."""

from __future__ import annotations

import pytest

from extract_helpers import main_place
from wirecheck.models import Sentence
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.places import find_places, get_gazetteer, text_context


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


# ---------------------------------------------------------------- an owner's town, a word's town


def _found(text: str) -> list[tuple[str, str | None]]:
    return [(m.place.name, m.place.admin1) for m in find_places(text, Sentence(0, 0, len(text), text),
                                                                  context=text_context(text))]


def test_a_town_after_an_owners_possessive() -> None:
    # "the Larsons' Bemidji home": a family's home in that town, not a person "Larsons Bemidji"
    assert ("Bemidji", "Minnesota") in _found("Police said the shooting happened at the Larsons' Bemidji "
                                               "home in Minnesota on Friday.")


def test_no_town_after_an_offices_possessive() -> None:
    # "the Sheriff's Bemidji Substation" is the office's unit, named for the town
    assert ("Bemidji", "Minnesota") not in _found("Deputies from the Beltrami County Sheriff's Bemidji "
                                                   "Substation in Minnesota responded.")


def test_a_small_town_named_by_a_word_where_it_happened(nlp) -> None:
    p = main_place(nlp, "A Minnesota man was shot and killed Saturday at a cabin in Cotton.")
    assert (p.name, p.admin1) == ("Cotton", "Minnesota")


def test_no_town_named_by_a_word_without_an_event_there() -> None:
    assert ("Cotton", "Minnesota") not in _found("The Minnesota senator grew up in Cotton.")


# ---------------------------------------------------------------- the scene, said outright


def test_the_scene_said_outright_beats_the_dateline(nlp) -> None:
    # the reporter files from the dateline's city; the sheriff says where it happened
    p = main_place(nlp, "KALISPELL, Mont. — A sheriff says a man shot his brother and then himself. "
                        "The sheriff says the shooting happened at a home in Bigfork on Sunday night.")
    assert (p.name, p.admin1) == ("Bigfork", "Montana")


def test_a_residents_town_leaves_the_dateline(nlp) -> None:
    p = main_place(nlp, "KALISPELL, Mont. — A man from Bigfork was shot Sunday at a bar downtown, "
                        "police said.")
    assert (p.name, p.admin1) == ("Kalispell", "Montana")


def test_a_zip_codes_town_at_an_owners_home(nlp) -> None:
    # "his Iron Belt home": a place in the town; a common word opening the town's name is fine
    p = main_place(nlp, "A Wisconsin man was shot and killed Saturday outside his Iron Belt home, "
                        "the sheriff said.")
    assert (p.name, p.admin1) == ("Iron Belt", "Wisconsin")


def test_a_town_named_like_a_country_in_a_named_county(nlp) -> None:
    p = main_place(nlp, "A man was shot and killed near his home in Norway on Saturday, the Oxford "
                        "County sheriff said. Deputies in Maine are looking for the gunman.")
    assert (p.name, p.admin1) == ("Norway", "Maine")


def test_a_country_is_no_town_of_a_county_named_by_its_own_name(nlp) -> None:
    # "Lebanon" alone names no "Lebanon County": the country stays the country
    p = main_place(nlp, "An Israeli strike killed a senior militia official in Lebanon on Tuesday, "
                        "U.S. officials said.")
    assert (p.name, p.precision) == ("Lebanon", 4)


def test_a_stop_word_town_before_a_time(nlp) -> None:
    p = main_place(nlp, "Deputies in Minnesota say a man was shot Sunday on Highway 9 in Cotton around "
                        "7:45 a.m.")
    assert (p.name, p.admin1) == ("Cotton", "Minnesota")


def test_police_responding_to_an_address_in_a_town_beats_the_dateline(nlp) -> None:
    p = main_place(nlp, "KALISPELL, Mont. (KXXV) — A man was shot and wounded Sunday. Deputies "
                        "responded to the shooting in the 100 block of Elm Road in Bigfork around noon.")
    assert (p.name, p.admin1) == ("Bigfork", "Montana")


def test_a_country_s_initials_opening_an_institution(nlp) -> None:
    # "UK Hospital" is a hospital, no vote for the United Kingdom against the city's police
    p = main_place(nlp, "Paducah police said a teen accidentally shot himself in the leg early Sunday. "
                        "EMS took the victim to UK Hospital.")
    assert (p.name, p.admin1) == ("Paducah", "Kentucky")


def test_the_commonwealth_is_no_town() -> None:
    found = _found("The Commonwealth's Attorney's Office in Virginia reviewed the case.")
    assert found and not [name for name, _ in found if name == "Commonwealth"]


def test_early_morning_in_a_title_case_headline_is_no_town() -> None:
    assert not [n for n, _ in _found("Teen Wounded In Early Morning Shooting Near Bemidji, Minnesota")
                if n == "Early"]


def test_no_big_city_across_a_county_line() -> None:
    # Wellston lies in St. Louis County; the city of St. Louis is a county of its own, whatever
    # its ZIP codes' points say
    gaz = get_gazetteer()
    town = gaz.lookup("Wellston", "US", "Missouri")
    assert town is not None and gaz.postal_city(town) is None


def test_no_far_town_named_only_inside_a_longer_name(nlp) -> None:
    # "University" of "University Medical Center" is a Florida town: no stand-in for an Arkansas
    # county's street
    p = main_place(nlp, "A Yell County, Ark., teen has died after an accidental shooting, the Yell County "
                        "Sheriff's Office said. Deputies were called to the 1100 block of Highway 7 around "
                        "5 p.m. The teen was taken to University Medical Center, where he died. Doctors at "
                        "University Medical Center said he had been shot once.")
    assert p.admin1 == "Arkansas"
