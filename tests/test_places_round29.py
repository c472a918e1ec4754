"""Round 29 (places): "DC" without its dots is the capital where prose uses it as a place ("DC
police", "in Southeast DC"); a state's name written before a state's code is that state's town
of the name ("Washington, D.C.", "Indiana, Pa.", "New York, N.Y."); a big city's initials
("NYC") are the city, and "LA" is no Laos; "Ft." does not end a sentence; a news site's address
names a town of 10,000 people or more, twin towns across a state line count as one city, and a
state's name is no town's.  Texts and outlets are invented; no test's case is a benchmark
article's."""

from __future__ import annotations

import pytest

from extract_helpers import main_place
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.places import get_gazetteer


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.mark.parametrize("text", [
    "Two men were wounded in a shooting on Tuesday, DC police said. It happened on the 1200 block of Quill Street NE.",
    "Two men were wounded in a shooting in Southeast DC on Tuesday, police said.",
    "Two men were wounded in a shooting in Washington, D.C., on Tuesday, police said.",
    "Two men were wounded in a shooting in Washington, DC, on Tuesday, police said.",
])
def test_dc_is_the_capital(nlp, text: str) -> None:
    place = main_place(nlp, text)
    assert (place.name, place.admin1, place.precision) == ("Washington", "District of Columbia", 1)


def test_dc_as_a_word_is_no_place(nlp) -> None:
    # a bare code with nothing that makes it a place ("a DC adapter"): no capital
    place = main_place(nlp, "A man was shot in Oakvale, Kan., on Tuesday after he plugged in a DC adapter, police said.")
    assert place is not None and place.admin1 == "Kansas"


@pytest.mark.parametrize(("text", "expected"), [
    ("A man was shot and killed in Indiana, Pa., on Sunday night, police said.", ("Indiana", "Pennsylvania")),
    ("A man was shot and killed in Washington, Pa., on Sunday night, police said.", ("Washington", "Pennsylvania")),
    ("A man was shot and killed in New York, N.Y., on Sunday night, police said.", ("New York City", "New York")),
    ("A man was shot and killed in NYC on Sunday night, police said.", ("New York City", "New York")),
    ("OKC police said a man was shot and killed on Sunday night.", ("Oklahoma City", "Oklahoma")),
])
def test_state_name_before_another_states_code_is_its_town(nlp, text: str, expected: tuple[str, str]) -> None:
    place = main_place(nlp, text)
    assert (place.name, place.admin1, place.precision) == (*expected, 1)


def test_state_name_alone_stays_the_state(nlp) -> None:
    place = main_place(nlp, "A man was shot and killed in rural Indiana on Sunday night, state police said.")
    assert (place.name, place.precision) == ("Indiana", 3)


@pytest.fixture()
def twin_gazetteer():
    """The gazetteer with three invented towns of one name added to its address names: two a
    state line apart, 6,000 people each, and one far off with 3,000."""
    gaz = get_gazetteer()
    gaz.domain_town("warmup.example")
    row = gaz._domain_names["kansascity"][0]
    twins = [row._replace(name="Quillmont", admin1=st, lat=lat, lon=lon, population=pop)
             for st, lat, lon, pop in (("Texas", 33.40, -94.05, 6_000), ("Arkansas", 33.43, -94.02, 6_000),
                                       ("Oregon", 44.0, -121.0, 3_000))]
    gaz._domain_names["quillmont"] = twins
    gaz._domain_towns.clear()
    yield gaz
    del gaz._domain_names["quillmont"]
    gaz._domain_towns.clear()


def test_twin_towns_are_one_city_to_their_outlet(twin_gazetteer) -> None:
    # together 12,000 people, more than three times the far namesake: the first twin's town
    town = twin_gazetteer.domain_town("quillmontherald.example")
    assert town is not None and (town.name, town.admin1) == ("Quillmont", "Texas")
    # alone, neither twin is big enough, nor clear of the far namesake
    twin_gazetteer._domain_names["quillmont"] = twin_gazetteer._domain_names["quillmont"][::2]
    twin_gazetteer._domain_towns.clear()
    assert twin_gazetteer.domain_town("quillmontherald.example") is None


def test_smaller_town_outlet_and_no_state_outlet() -> None:
    gaz = get_gazetteer()
    town = gaz.domain_town("lynbrookexaminer.example")  # a town of some 20,000 people
    assert town is not None and (town.name, town.admin1) == ("Lynbrook", "New York")
    # a state's name is the state's outlet, not its namesake town's (Indiana, Pa.)
    assert gaz.domain_town("indianapost.example") is None


def test_two_letter_initials_are_no_country(nlp) -> None:
    # "LA" is Laos's ISO code, but in prose a city's or a state's initials: no country at all
    place = main_place(nlp, "Two men were shot in downtown LA on Sunday, police said.")
    assert place is None or place.iso != "LA"


@pytest.mark.parametrize(("text", "expected"), [
    ("Two men were shot in Ft. Worth on Sunday, police said.", "Fort Worth"),
    ("Two men were shot on Sunday near Mt. Vernon, N.Y., police said.", "Mount Vernon"),
])
def test_abbreviated_opener_keeps_the_sentence_whole(nlp, text: str, expected: str) -> None:
    place = main_place(nlp, text)
    assert place is not None and place.name == expected


def test_city_yields_to_its_borough() -> None:
    from wirecheck.reconcile import _holds_borough

    gaz = get_gazetteer()
    city = gaz.lookup("New York City", "US")
    part = gaz.lookup("Bensonhurst", "US", "NY")  # a neighbourhood of a borough's county
    assert gaz.borough(part).name == "Brooklyn" and gaz.borough(city) is None
    assert _holds_borough(city, [part])
    assert not _holds_borough(part, [city])
    assert not _holds_borough(city, [gaz.lookup("New Rochelle", "US", "NY")])  # a suburb, its own county
