"""Round 6: choosing the event's town among the places a report names (the finest place that
agrees with the rest, not a state, a namesake elsewhere or a person's name).  Texts are
invented; the places are real."""

import pytest

from extract_helpers import main_place as place_of
from wirecheck.models import Article
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.places import text_context


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def test_town_of_the_named_state_beats_the_state(nlp) -> None:
    # the body names only the state where it happened; the headline names the town
    text = ("Three people hurt by Sandusky gunfire\n\n"
            "Three people were hurt by gunfire overnight in northern Ohio, officers said. "
            "Two of them were treated at a hospital and released.")
    p = place_of(nlp, text, title="Three people hurt by Sandusky gunfire")
    assert (p.name, p.admin1) == ("Sandusky", "Ohio")


def test_owner_before_a_town_is_no_first_name() -> None:
    # "Ohio's Sandusky": the state owns the town, "Sandusky" is no surname of a person
    ctx = text_context("Two men were hurt by gunfire in Ohio's Sandusky on Sunday. A woman was hurt too.")
    assert "sandusky" not in ctx.surnames


def test_name_with_an_age_is_a_person() -> None:
    # a name opening its sentence, then an age: a person, even where a town shares the surname
    ctx = text_context("A man was shot Sunday.\n\nRoberto Hidalgo, 41, of Fresno was taken to a hospital.")
    assert "hidalgo" in ctx.surnames


def test_a_surname_with_an_age_names_no_state() -> None:
    ctx = text_context("Police said the dead were Marcus Washington, 31, and a teenage girl.")
    assert ("US", "Washington") not in ctx.admin1


def test_street_names_no_division_abroad() -> None:
    # "Guerrero" is a Mexican state; here it names a street of a US city
    ctx = text_context("A man was hurt near Guerrero and 22nd streets in San Francisco.")
    assert ("MX", "Guerrero") not in ctx.admin1


def test_part_of_a_city_named_first_on_its_own(nlp) -> None:
    # the headline says "Mission", the body "San Francisco's Mission District"
    text = ("Two hurt in Mission shooting\n\n"
            "Two men were wounded near a taqueria in San Francisco's Mission District late "
            "Sunday, officers said.")
    p = place_of(nlp, text, title="Two hurt in Mission shooting")
    assert (p.name, p.admin1) == ("San Francisco", "California")


def test_stray_namesake_gives_way_to_the_text_state(nlp) -> None:
    # "Homewood" is listed in Alabama and Illinois; every other name here is of Pennsylvania
    text = ("A woman was wounded Saturday when gunfire broke out near a corner in Homewood. "
            "Detectives in Pittsburgh said the woman was in stable condition. "
            "A Pennsylvania state trooper said a car was found later in Pittsburgh.")
    p = place_of(nlp, text)
    assert (p.name, p.admin1) == ("Pittsburgh", "Pennsylvania") and "Homewood" in (p.detail or "")


def test_state_gives_way_to_its_town_the_text_names(nlp) -> None:
    # the event's own sentence names only the state; the town is named again further on
    text = ("Two men were shot and wounded late Friday in Oregon, troopers said. "
            "A witness told reporters that the gunman drove off.\n\n"
            "The shooting happened outside a tavern in Pendleton, and both men were treated in Pendleton.")
    p = place_of(nlp, text)
    assert (p.name, p.admin1) == ("Pendleton", "Oregon")


def test_state_alone_gives_way_to_its_town_directly(nlp) -> None:
    # the place step itself: a state chosen for the event, a town of that state said to be the scene
    from wirecheck.extract.events import _CountryMention, _gazetteer, _town_of_state

    text = "Police said a man was shot in Pendleton. Troopers from Oregon came to help."
    nd = next(iter(nlp.process_many([Article(id="t", text=text)])))
    at = text.index("Oregon")
    state = _gazetteer().admin1("Oregon", "US")
    chosen = (_CountryMention("Oregon", at, at + 6, state), 1)
    pm, _ = _town_of_state(nd, chosen, [0, 1])
    assert (pm.place.name, pm.place.admin1) == ("Pendleton", "Oregon")
