"""Round 11: a major city over a small namesake of its own country that the text's other
names merely lean to.  Texts are invented; places are real."""

from wirecheck.models import Sentence
from wirecheck.nlp.places import TextContext, _major_namesake, find_places, get_gazetteer


def place_of(text: str, name: str):
    return next(m.place for m in find_places(text, Sentence(0, 0, len(text), text)) if m.text.startswith(name))


def test_major_city_over_a_village_a_hospital_name_leans_to() -> None:
    # "Cabool" is a Missouri town, as is a small Houston (the hospital here is invented)
    text = ("Three men were hurt in a shooting in Houston late Sunday. All three were taken "
            "to Cabool Memorial, where Cabool Memorial staff said they were stable.")
    assert place_of(text, "Houston").admin1 == "Texas"


def test_named_state_keeps_the_small_town() -> None:
    text = ("Three men were hurt in a shooting in Houston, Missouri, late Sunday. All three were "
            "taken to a hospital in Cabool.")
    assert place_of(text, "Houston").admin1 == "Missouri"


def test_namesake_abroad_is_no_major_city() -> None:
    # a Florida town and a much bigger Italian city: the rule looks only within one country
    gaz = get_gazetteer()
    town = gaz.lookup("Naples", "US", "Florida")
    assert _major_namesake(gaz, "Naples", town, TextContext()) == town
