"""Round 6 (second places pass): the town a headline puts its story in.  Local headlines name
the town first or in Title Case ("Oakvale shooting victims named"), where running text would
pass a small town over as a capitalised word.  Texts are invented; the places are real."""

import pytest

from extract_helpers import main_place as place_of
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.places import headline_towns


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def towns(title: str, state: str) -> list[tuple[int, str]]:
    return [(rank, pm.place.name) for rank, pm in headline_towns(title, state)]


def test_headline_town_opening_the_line() -> None:
    # a small town opening the headline before its event noun: rank 1
    assert towns("Yreka shooting victims named by sheriff", "California") == [(1, "Yreka")]


def test_headline_town_in_title_case_after_a_preposition() -> None:
    assert towns("Two Hurt In Late-Night Gunfire In Jewett City - Channel 9", "Connecticut") == [
        (0, "Jewett City")]


def test_headline_town_of_a_resident_ranks_last() -> None:
    # "Dover man charged ... in Milford": the scene first, the home town after it
    assert towns("Dover man charged after shooting in Milford", "Delaware") == [(0, "Milford"), (2, "Dover")]


def test_headline_town_only_in_the_state_and_not_a_longer_name() -> None:
    assert towns("Yreka shooting victims named by sheriff", "Oregon") == []
    assert towns("Student hurt near Yreka High School", "California") == []
    assert towns("Two shot near Lake Yreka cabin", "California") == []


def test_headline_town_beats_the_hospital_town(nlp) -> None:
    title = "Yreka shooting leaves one man dead"
    text = (f"{title}\n\n"
            "A 34-year-old man died after he was shot at a home on Pine Street late Saturday, "
            "the Siskiyou County Sheriff's Office said. He was flown to Mercy Medical Center in "
            "Redding, where he died. No arrests have been made.")
    p = place_of(nlp, text, title=title)
    assert (p.name, p.admin1) == ("Yreka", "California")


def test_headline_resident_town_does_not_beat_the_scene(nlp) -> None:
    title = "Dover man charged in weekend shooting"
    text = (f"{title}\n\n"
            "A Dover man was charged with assault after he shot a neighbor in Smyrna on Saturday "
            "night, Delaware State Police said. The neighbor was treated and released.")
    p = place_of(nlp, text, title=title)
    assert (p.name, p.admin1) == ("Smyrna", "Delaware")


def test_headline_resident_town_when_the_body_names_no_town(nlp) -> None:
    title = "Milford teen hurt in hunting accident"
    text = (f"{title}\n\n"
            "A 15-year-old boy was wounded Sunday when a relative's shotgun went off during a "
            "deer hunt, Delaware State Police said. He is expected to recover.")
    p = place_of(nlp, text, title=title)
    assert (p.name, p.admin1) == ("Milford", "Delaware")


def test_headline_neighbourhood_stays_in_its_city(nlp) -> None:
    title = "Hyde Park shooting leaves two hurt"
    text = (f"{title}\n\n"
            "Two men were hurt when someone opened fire on a porch in Chicago on Tuesday night, "
            "Chicago police said. Both were taken to a hospital in good condition.")
    p = place_of(nlp, text, title=title)
    assert p.name == "Chicago"


def test_scene_town_beats_the_hospital_town(nlp) -> None:
    # the event's sentence names only the hospital's town; the text names the scene twice
    text = ("Boy, 12, hurt when rifle goes off\n\n"
            "A 12-year-old boy was shot in the leg Sunday and taken to Bayhealth Hospital in Dover, "
            "troopers said. Troopers were called to a house in Smyrna around 4 p.m. "
            "Smyrna officers helped at the scene.")
    p = place_of(nlp, text, title="Boy, 12, hurt when rifle goes off")
    assert (p.name, p.admin1) == ("Smyrna", "Delaware")


def test_scene_town_beats_the_home_town(nlp) -> None:
    # "Jane Roe, 17, of Dover" names where the victim lives; the headline names the scene
    title = "Teen hurt in Smyrna"
    text = (f"{title}\n\n"
            "Police said Dana Whitcombe, 17, of Dover was shot in the arm late Friday. "
            "She is expected to recover.")
    p = place_of(nlp, text, title=title)
    assert (p.name, p.admin1) == ("Smyrna", "Delaware")


def _found(text: str) -> list[str]:
    from wirecheck.models import Sentence
    from wirecheck.nlp.places import find_places
    return [pm.place.name for pm in find_places(text, Sentence(0, 0, len(text), text))]


def test_month_abbreviation_is_no_town() -> None:
    assert "Nov" not in _found("Two men were charged in the Nov. 9 killing of a cousin in Tulsa.")


def test_institution_of_a_state_is_no_town() -> None:
    # "University of Florida": the institution's first word is no town called University
    assert _found("Three people were hurt near the University of Florida on Friday.") == ["Florida"]


def test_headline_town_after_in_even_when_a_person_shares_the_name() -> None:
    from wirecheck.nlp.places import TextContext
    ctx = TextContext(surnames=frozenset({"tracy"}))  # the text names a person Tracy
    found = headline_towns("Two hurt in Tracy apartment shooting", "California", context=ctx)
    assert [(r, pm.place.name) for r, pm in found] == [(0, "Tracy")]
    # without the preposition the name may be the person's ("Tracy shooting")
    assert headline_towns("Tracy shooting under review", "California", context=ctx) == []
