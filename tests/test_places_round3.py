"""US local news, round 3: the one state having every county a text names, a small town listed
only in another state, a person's first name that is also a town, "Lower East Side"-style
neighbourhoods, an unlisted town written with an address and its state, accented names.
Texts are invented; places are real (or invented where a town must be unknown)."""

import pytest

from wirecheck.extract import analyze_article
from wirecheck.models import Article, Sentence
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.places import find_places, get_gazetteer, text_context


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def mentions(text: str) -> list:
    return find_places(text, Sentence(0, 0, len(text), text))


def place_of(nlp, text: str):
    an = analyze_article(Article(id="t", text=text), nlp)
    ev = next(e for e in an.events if e.id == an.main_event)
    return ev.location.place


_COUNTIES = "Deputies from Kershaw County and Lancaster County searched the farm on Tuesday."


def test_counties_only_one_state_has_decide_the_state() -> None:
    ctx = text_context(_COUNTIES)
    assert ctx.us_states() == {"South Carolina"}
    # Lancaster County alone is another state's
    p = get_gazetteer().lookup("Lancaster County", context=ctx)
    assert p is not None and p.admin1 == "South Carolina"
    assert get_gazetteer().lookup("Lancaster County").admin1 != "South Carolina"


def test_one_county_names_no_state() -> None:
    assert text_context("Deputies from Lancaster County searched the farm on Tuesday.").us_states() == frozenset()


def test_small_town_listed_elsewhere_is_the_named_states_namesake() -> None:
    text = _COUNTIES + " The injured hunter, a man of Warroad, was flown to a trauma center."
    pm = [m for m in find_places(text, Sentence(1, len(_COUNTIES) + 1, len(text), text[len(_COUNTIES) + 1 :]))
          if m.text == "Warroad"]
    assert pm and (pm[0].place.admin1, pm[0].place.lat) == ("South Carolina", None)


def test_first_name_that_is_a_town_after_of() -> None:
    text = ("Officers are investigating the death of Tyrone Quillfeather on Friday. "
            "A cousin said Quillfeather had moved there last spring.")
    assert not [m for m in mentions(text) if m.text.startswith("Tyrone")]


def test_town_before_a_surname_the_text_never_writes_alone_stays() -> None:
    text = "The crash happened north of Tyrone Tuesday, troopers said."
    assert [m for m in mentions(text) if m.text == "Tyrone"]


@pytest.mark.parametrize("hood", ["Lower East Side", "Upper West Side"])
def test_upper_lower_compass_neighbourhood_is_no_foreign_town(hood: str) -> None:
    text = f"Two men were hurt late Sunday on the {hood}, officers said."
    assert not [m for m in mentions(text) if m.place.iso not in (None, "US")]


def test_unlisted_town_with_address_and_state() -> None:
    text = "Officers went to 410 Birch Lane, Quarryvale, Ohio, after a neighbor called."
    pm = [m for m in mentions(text) if m.place.name == "Quarryvale"]
    assert pm and (pm[0].place.admin1, pm[0].place.precision) == ("Ohio", 1)


def test_glued_or_capitalised_junk_is_no_unlisted_town() -> None:
    text = "Read more at WebNewsGLUED Vernon, Ohio, on the station's site."
    assert not [m for m in mentions(text) if "GLUED" in m.text]


def test_accented_first_name_is_not_cut_into_a_town() -> None:
    text = "Officers said José Quintanilla, 31, was hurt in the leg."
    assert not [m for m in mentions(text) if m.text == "Jos"]


def test_address_town_beats_a_relative_of_a_big_city(nlp) -> None:
    text = ("Deputies were sent to 410 Birch Lane, Quarryvale, Ohio, where a 9-year-old boy was shot "
            "by his uncle, age 52 of Columbus, on Saturday.")
    p = place_of(nlp, text)
    assert (p.name, p.admin1) == ("Quarryvale", "Ohio")
