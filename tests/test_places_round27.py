"""Round 27 (places): "St." before a saint's name is no street; a county named as a border
("near the Pike County line") is no place of the event; "Northeast Washington" is the capital;
a town's possessive before a hospital's name ("Toledo's Children Hospital") is the hospital's
town; a name written with or without its apostrophe is one key; a crime lab's or a past home's
town is an aside; a casualty verb in the dateline's sentence says where it happened; a county
case goes to the one town of that county the text names, in whichever state has it.
Texts are invented; the places are real, and no test's case is a benchmark article's."""

from __future__ import annotations

import pytest

from extract_helpers import main_place, story_main
from wirecheck.models import Sentence
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.places import find_places, get_gazetteer


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _mentions(text: str, sentence: str) -> list:
    start = text.index(sentence)
    return find_places(text, Sentence(index=0, start=start, end=start + len(sentence), text=sentence))


def test_saint_after_a_title_case_headline_is_no_street(nlp) -> None:
    text = ("Hunting Accident Claims St. Regis Teen\n\n"
            "A 15-year-old boy of St. Regis was killed Saturday in a hunting accident, the sheriff said.")
    p = main_place(nlp, text)
    assert p is None or "Claims" not in p.name
    # a street abbreviation at a sentence's end is still a street
    ms = _mentions("He was shot on Quill St. near the park.", "He was shot on Quill St. near the park.")
    assert any(m.detail == "Quill St." for m in ms)


def test_county_line_is_no_place_of_the_event() -> None:
    s = "The shooting happened in the 900 block of Quill Road, near the Frederick County line."
    ms = _mentions(s, s)
    county = next(m for m in ms if m.text == "Frederick County")
    assert county.in_name


def test_capital_quadrant(nlp) -> None:
    p = main_place(nlp, "Boy, 7, shot in leg in Southeast Washington\n\n"
                        "A 7-year-old boy was shot in the leg late Sunday in Southeast Washington, police said.")
    assert (p.name, p.admin1) == ("Washington", "District of Columbia")
    # the state's own parts, written in lower case, stay the state's
    p = main_place(nlp, "A man was shot in Wenatchee in central Washington on Friday, police said.")
    assert p.admin1 == "Washington"


def test_hospital_after_its_towns_possessive() -> None:
    s = "At Toledo’s Children Hospital, doctors found the boy had been shot in the head."
    ms = _mentions(s, s)
    toledo = next(m for m in ms if m.text == "Toledo")
    assert toledo.in_name


def test_name_with_or_without_its_apostrophe() -> None:
    gaz = get_gazetteer()
    a, b = gaz.lookup("Martin's Ferry", "US", "Ohio"), gaz.lookup("Martins Ferry", "US", "Ohio")
    assert a is not None and a == b


@pytest.mark.parametrize("aside", [
    "His body was sent to the State Crime Lab in Charleston for an autopsy.",
    "His driver's license showed he had lived in Charleston until last year.",
])
def test_crime_lab_and_past_home_are_asides(nlp, aside: str) -> None:
    p = main_place(nlp, f"A man was found shot dead Sunday at a home in Ronceverte, W.Va., deputies said. {aside}")
    assert p.name == "Ronceverte"
    p = main_place(nlp, f"A man was found shot dead Sunday, Greenbrier County deputies said. {aside}")
    assert p.name != "Charleston"


def test_casualty_verb_in_the_dateline_sentence_names_the_scene(nlp) -> None:
    text = ("Guilty plea in shooting death of nephew\n\n"
            "SHEPHERDSTOWN -- Dana Quill admitted in court Thursday that he took the life of his "
            "10-year-old nephew while showing him a handgun last May near Ranson, W.Va.\n\n"
            "Quill will be sentenced in June.")
    p = main_place(nlp, text)
    assert (p.name, p.admin1) == ("Ranson", "West Virginia")


def test_county_case_goes_to_the_county_town_the_text_names(nlp) -> None:
    # many states have a Madison County; the text names a town that lies in Alabama's, only as
    # the hospital's town: the county case is there, near that town
    text = ("Boy, 4, hurt in gun accident\n\n"
            "No charges will be filed against the parents of a 4-year-old boy who shot himself, "
            "according to Madison County Sheriff Dana Quill.\n\n"
            "\"We were told they were taking their son to St. Quill Hospital in Madison,\" Quill said.")
    p = main_place(nlp, text)
    assert (p.name, p.admin1, p.precision) == ("Madison", "Alabama", 2)
    # a ZIP code's hamlet named as someone's home is no stand-in for the county
    p = main_place(nlp, "A 4-year-old boy died Monday after he shot himself with a handgun, "
                        "according to Mineral County Sheriff Dana Quill. The boy's uncle is from New Creek.")
    assert p.name != "New Creek"


def test_saint_town_is_no_person() -> None:
    # "St. Regis" (a ZIP code's town in Mineral County, Montana) is no first name and surname
    from wirecheck.nlp.places import text_context

    ctx = text_context("A 15-year-old boy of St. Regis was killed Saturday in a hunting accident, "
                       "according to Mineral County Sheriff Dana Quill.")
    assert "regis" not in ctx.surnames


def _story_place(nlp, *texts: str):
    return story_main(nlp, list(texts)).location


def test_story_takes_the_town_a_report_says_it_happened_in(nlp) -> None:
    # one report gives only its dateline's town, the other says where it happened: a tie the
    # stated scene wins, whichever came first
    dateline = ("Fund raised for boy, 7, killed in shooting\n\n"
                "SHEPHERDSTOWN, W.Va. (WXYZ) - A school is raising money for the family of a 7-year-old "
                "boy who was shot and killed by his brother last week.")
    scene = ("Boy, 7, fatally shot by brother\n\n"
             "A 7-year-old boy was fatally shot by his brother on Friday night at a home on Quill Road "
             "in Ranson, deputies said.")
    for texts in ((dateline, scene), (scene, dateline)):
        place = _story_place(nlp, *texts)
        assert (place.name, place.admin1) == ("Ranson", "West Virginia")
    # a town named only as the victim's beats no town said to be the scene
    resident = ("Ranson boy, 7, dies in shooting\n\n"
                "A Ranson boy, 7, died after he was shot by his brother, deputies said.")
    place = _story_place(nlp, resident, scene.replace("in Ranson", "in Shepherdstown"))
    assert place.name == "Shepherdstown"


def test_compass_word_opening_a_name_is_no_place() -> None:
    # "North County" (a metro's part) names neither a "North" region abroad nor a county
    s = "A 9-year-old was accidentally shot in North County, police say."
    assert not [m for m in _mentions(s, s) if m.place.iso != "US"]
