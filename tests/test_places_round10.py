"""Round 10 (places): words that only look like towns: a holiday's name, a columnist's label
before a colon, a street corner, and a surname marked by a quoted nickname.  Texts are
invented; the places are real."""

import pytest

from extract_helpers import main_place as place_of
from wirecheck.models import Sentence
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.places import find_places, text_context


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _names(text: str) -> list[str]:
    return [pm.place.name for pm in find_places(text, Sentence(index=0, start=0, end=len(text), text=text))]


def test_a_holiday_is_no_town() -> None:
    assert "Independence" not in _names("Two men were hurt at an Independence Day cookout in Flint.")
    assert "Columbus" not in _names("The office was closed for Columbus Day in Tulsa.")


def test_a_town_before_a_day_word_in_lower_case_stays() -> None:
    assert "Tulsa" in _names("A man was shot in Tulsa days after the fair.")


def test_a_columnist_label_is_no_dateline() -> None:
    text = "SELMA: A teen was killed outside a store\n\nA teen was shot dead in Toledo, Ohio, on Monday."
    names = _names(text.split("\n", 1)[0])
    assert "Selma" not in names


def test_a_colon_dateline_of_a_big_city_stays() -> None:
    assert "Houston" in _names("HOUSTON: Two men were arrested on Friday after a robbery.")


def test_a_street_corner_is_no_town() -> None:
    text = "Officers found a wounded man at Milford and North Quillmore late Tuesday."
    assert "Milford" not in _names(text)


def test_two_towns_joined_by_and_stay() -> None:
    names = _names("Storms knocked out power in Dayton and Toledo on Sunday.")
    assert "Dayton" in names and "Toledo" in names


def test_a_quoted_nickname_marks_a_surname() -> None:
    text = 'Marco "Little Mo" Salinas was hurt. Friends carried Salinas to a car.'
    assert "salinas" in text_context(text).surnames


def test_nicknamed_person_is_not_the_scene(nlp) -> None:
    text = ('Three people were wounded in a shooting at a bar in Tulsa, Oklahoma, on Saturday.\n\n'
            'Marco "Little Mo" Salinas said Salinas heard the shots from the parking lot.')
    p = place_of(nlp, text)
    assert p is not None and p.name == "Tulsa"
