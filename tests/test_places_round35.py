"""Round 35 (places): an address whose road's words run into its town before the state's code
("... Hwy 117 Alternate Dudley, NC"); "US Hwy" and "U.S. Route" name roads, not the country; a
page title glued to its first line ("...DeputiesRichland County deputies say"); a town a chase
went through, or someone fled to, is not the scene.  Texts are invented; the places are real."""

from __future__ import annotations

import pytest

from extract_helpers import main_place
from wirecheck.models import Sentence
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.places import find_places, text_context


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _places(s: str) -> list[tuple[str, str, str | None]]:
    return [(pm.text, pm.place.name, pm.place.admin1)
            for pm in find_places(s, Sentence(0, 0, len(s), s), context=text_context(s))]


def test_a_town_ending_an_address_before_its_state_code() -> None:
    # Dudley, North Carolina is a town only the ZIP codes list; "Dudley" alone is a surname too
    s = "Deputies were sent to 4120 US Hwy 117 Alternate Dudley, NC, after a report of a shooting."
    assert ("Dudley, NC", "Dudley", "North Carolina") in _places(s)


def test_a_federal_road_is_no_mention_of_the_country() -> None:
    s = "Troopers closed U.S. Route 9 and US Hwy 1 near Quillmont after the crash."
    assert not any(name == "United States" for _, name, _ in _places(s))
    assert ("US", "United States", None) in _places("The suspect fled the US in March.")


def test_a_county_after_a_glued_page_title() -> None:
    s = "Man Held After Shots Fired at DeputiesRichland County deputies say a man fired at them."
    assert ("Richland County", "Richland County", "South Carolina") in _places(s)


def test_a_dateline_glued_to_a_call_sign() -> None:
    s = "Man held after chase | News, Weather | WKXYPort St. Lucie, Fla. — A man was shot on Monday."
    assert ("Port St. Lucie, Fla.", "Port Saint Lucie", "Florida") in _places(s)


def test_a_name_with_an_inner_capital_is_not_split() -> None:
    # "DeShawn", "McKinney": two letters before the inner capital, one name
    s = "McKinney police said DeShawn Quillmont was hurt."
    assert [name for _, name, _ in _places(s)] == ["McKinney"]


@pytest.mark.parametrize("after", ["led to a chase through Camillus", "and the gunman fled into Camillus"])
def test_where_a_chase_went_is_not_the_scene(nlp, after: str) -> None:
    text = (f"SYRACUSE, N.Y. -- A fight at a diner on Quill Street turned into a shooting early Friday {after}, "
            "police said. Two men were arrested and one man was hurt.")
    place = main_place(nlp, text)
    assert (place.name, place.admin1) == ("Syracuse", "New York")


# Corbridge is an English village the gazetteer lists; here a US neighbourhood it lacks
_RULING = ("The district attorney ruled Monday that the fatal shooting of a man in Corbridge was justified. "
           "Officers responded to the 900 block of Quill Street{where} around 2 a.m. Sunday and found the man "
           "shot inside a home. Police said they took a suspect into custody.")


def test_a_town_named_twice_in_an_american_text_is_no_village_abroad(nlp) -> None:
    place = main_place(nlp, _RULING.format(where=" in Corbridge"))
    assert (place.name, place.iso, place.precision) == ("Corbridge", "US", 1)


def test_a_village_abroad_named_once_gives_way_to_the_country(nlp) -> None:
    place = main_place(nlp, _RULING.format(where=""))
    assert place.name != "Corbridge" and place.iso == "US"


def test_a_stop_word_town_the_state_lists_nowhere(nlp) -> None:
    # Barlow is a surname and a town of Kentucky and Ohio; the text is about Arkansas only
    text = ("Dana L. Quillmont of Little Rock was shot during a party at 410 Arkansas 7 in Barlow, which "
            "is south of the county seat, Arkansas State Police said Monday. She died at the scene.")
    place = main_place(nlp, text)
    assert (place.name, place.admin1, place.precision) == ("Barlow", "Arkansas", 1)


def test_a_stop_word_before_a_time_of_day_is_no_town(nlp) -> None:
    text = ("One man was killed and three were hurt in Barlow morning shooting, Arkansas State Police said. "
            "Troopers were called to a home on Quill Road in Little Rock at 4 a.m.")
    place = main_place(nlp, text)
    assert place.name != "Barlow"
