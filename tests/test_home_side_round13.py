"""Round 13: a plainly American local report does not place its event abroad on a name alone.

A hospital's name ("Little Company of Mary"), a generic district ("the Central Business
District") or a direction and a division word ("North County") each match a division or town
abroad; with the text's area codes, blocks and sheriff's offices all pointing to the US and
nothing else to that country, the state the text points to (or the US) is the event's place.
Texts are invented."""

from __future__ import annotations

import pytest

from wirecheck.extract import analyze_article
from wirecheck.models import Article
from wirecheck.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _place(nlp, text: str):
    art = Article(id="x", source="local.example", title=text.split("\n")[0], text=text, published="2024-05-08")
    analysis = analyze_article(art, nlp)
    return next(m.location.place for m in analysis.events if m.location is not None)


_ABROAD_BY_NAME = {
    # a hospital's name; the tip line's area code names the state
    "hospital": ("Boy, 10, wounded by stray bullet\n\nA 10-year-old boy was shot in the side Tuesday night "
                 "and taken to Little Company of Mary, police said. Officers found shell casings in the 5800 "
                 "block of South Elm Street. Anyone with information can call the sheriff's office at "
                 "312-555-0199.", "Illinois"),
    "district": ("Four shot in Central Business District\n\nFour people were shot early Sunday in the Central "
                 "Business District, police said. The shooting happened in the 300 block of Elm Street.", None),
    "direction": ("Teen shot in North County\n\nA 15-year-old was shot Friday night in North County, police "
                  "said. Officers found him in the 1200 block of Elm Street. Call the sheriff's office at "
                  "314-555-0199 with tips.", "Missouri"),
    "demonym": ("Four shot outside restaurant\n\nFour people were shot outside a Chinese restaurant in the "
                "5600 block of Elm Street on Sunday night, police said. Call the sheriff's office at "
                "314-555-0199 with tips.", None),
}


@pytest.mark.parametrize("case", sorted(_ABROAD_BY_NAME))
def test_a_name_alone_is_no_place_abroad(nlp, case: str) -> None:
    text, state = _ABROAD_BY_NAME[case]
    place = _place(nlp, text)
    assert place.iso == "US"
    if state is not None:
        assert place.admin1 == state


def test_a_town_abroad_the_text_backs_stands(nlp) -> None:
    place = _place(nlp, "Two shot outside Paris bar\n\nPARIS, France - Two men were shot outside a bar in "
                   "Paris on Saturday night, French police said. An American tourist from Ohio saw the "
                   "shooting.")
    assert place.iso == "FR"


def test_a_country_name_that_is_a_town_of_the_named_state(nlp) -> None:
    place = _place(nlp, "Teen shot at target practice\n\nA teenager was accidentally shot in Lebanon on "
                   "Saturday while target shooting with a friend on a farm, deputies in Ohio said. The "
                   "shooting happened in the 400 block of Elm Road.")
    assert (place.name, place.admin1) == ("Lebanon", "Ohio")


def test_a_street_with_no_town_takes_the_named_state(nlp) -> None:
    place = _place(nlp, "Eight shot at cookout\n\nPolice responded to reports of several people shot in the "
                   "2700 block of Elm Drive on Friday night. Investigators in North Carolina returned on "
                   "Saturday to talk to neighbors.")
    assert place.admin1 == "North Carolina"
    assert "Elm Drive" in (place.detail or "")


def test_the_country_name_alone_makes_no_american_text(nlp) -> None:
    place = _place(nlp, "Convoy\n\nMovement of forces: On 3 May 2023, a US military convoy was attacked near "
                   "Tal Tamr town in Al Hasakeh countryside; two soldiers were wounded.")
    assert place.iso == "SY"
