"""Round 11: the postal towns (ZIP code towns GeoNames lacks) in the gazetteer."""

from __future__ import annotations

from wirecheck.models import Sentence
from wirecheck.nlp.places import find_places, get_gazetteer, text_context


def _places(text: str) -> list[tuple[str, str | None]]:
    ctx = text_context(text)
    return [(m.place.name, m.place.admin1) for m in find_places(text, Sentence(0, 0, len(text), text), context=ctx)]


def test_postal_town_has_state_county_and_coordinates() -> None:
    gaz = get_gazetteer()
    place = gaz.postal_town("Chugwater", state="Wyo.")
    assert place is not None and place.admin1 == "Wyoming" and place.lat is not None
    assert gaz.postal_town("Chugwater", state="Ohio") is None
    # a town GeoNames lists in a state stays out of the postal table there
    assert all(e.admin1 != "Indiana" for e in gaz.postal_towns("Gary"))


def test_postal_town_after_in_with_its_state_named() -> None:
    text = "A rancher was wounded in Chugwater late Friday, Wyoming troopers said."
    assert ("Chugwater", "Wyoming") in _places(text)


def test_postal_town_with_state_after_it() -> None:
    assert ("Sumerduck", "Virginia") in _places("Deputies found the pickup on Cedar Lane, Sumerduck, Va., at dawn.")


def test_postal_town_needs_its_state_in_the_text() -> None:
    # no state named: a ZIP code's town alone is not taken
    assert _places("A rancher was wounded in Chugwater late Friday, troopers said.") == []
    # a state named, but not the town's
    assert ("Chugwater", "Wyoming") not in _places("A rancher was wounded in Chugwater late Friday, Ohio troopers said.")


def test_postal_word_is_no_place_without_a_place_reading() -> None:
    # "Friendship" is a postal town in several states; as a plain word or a surname it is none
    found = _places("Neighbours spoke of friendship. Dana Friendship said she heard shots in Columbus, Ohio.")
    assert all(name != "Friendship" for name, _ in found)
    text = "A brawl in Chugwater Park hurt a rancher, Wyoming troopers said."
    assert all(name != "Chugwater" for name, _ in _places(text))


def test_postal_town_of_the_named_state_beats_a_small_namesake_elsewhere() -> None:
    # GeoNames lists a small Quinby in South Carolina only; the ZIP codes know one in Virginia
    text = "A clerk was shot in Quinby on Monday, Virginia State Police said."
    assert ("Quinby", "Virginia") in _places(text)
    # with no state named, the listed namesake stands
    assert get_gazetteer().lookup("Quinby").admin1 == "South Carolina"


def test_name_accepted_on_a_big_citys_zip_is_that_city() -> None:
    # USPS accepts "Sayler Park" only on a Cincinnati ZIP code: a part of the city
    place = get_gazetteer().postal_town("Sayler Park", state="Ohio")
    assert place is not None and place.name == "Cincinnati" and place.admin1 == "Ohio"
    # a ZIP code's own small town stays itself
    assert get_gazetteer().postal_town("Chugwater", state="Wyo.").name == "Chugwater"
