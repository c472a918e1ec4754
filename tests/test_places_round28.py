"""Round 28 (places): a county one report gives holds the town another gives, and the story
takes the town; a neighbourhood of the local outlet's own city is that city, the neighbourhood
kept as detail (the headline's name that the body calls a neighbourhood; the home-state
namesake a story from the city's own outlet moves a name to); a name no gazetteer knows as a town,
in a report filed from a big city of its state, is a part of that city; "is from X" is where a
person lives; a longer name the mail knows as a town of the state the first word was placed in
("Marion Heights") is that town, not the first word's; a county's dateline beats a hospital's
town.  Texts and outlets are invented;
the places are real, and no test's case is a benchmark article's."""

from __future__ import annotations

import pytest

from extract_helpers import main_place, story_main
from test_outlet_towns_round23 import _article
from wirecheck.extract import analyze_article
from wirecheck.models import Place
from wirecheck.nlp import load_pipeline
from wirecheck.pipeline import link_analyses
from wirecheck.reconcile import _holds_town
from wirecheck.settings import load_settings


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def test_story_takes_the_town_its_county_holds(nlp) -> None:
    # the dateline's town is the weaker word, but it lies in the county the other report names:
    # the two agree, and the town is the finer place, whichever report came first
    county = ("Teen dies in accidental shooting\n\n"
              "The Jefferson County Sheriff's Office continues to look into an accidental shooting that "
              "left a teen dead. Deputies were called to a home on Quill Road in Jefferson County, W.Va., "
              "on Saturday.")
    town = ("Teen killed in accidental shooting\n\n"
            "SHEPHERDSTOWN -- A 16-year-old boy died Saturday night after an apparent accidental "
            "shooting at a home on Quill Road, according to the sheriff.")
    for texts in ((county, town), (town, county)):
        place = story_main(nlp, list(texts)).location
        assert (place.name, place.admin1) == ("Shepherdstown", "West Virginia")


def test_county_holds_only_its_own_towns() -> None:
    county = Place("Jefferson County", "United States", "US", "West Virginia", precision=2)
    inside = Place("Shepherdstown", "United States", "US", "West Virginia", 39.4301, -77.80416, 1)
    other_state = Place("Jefferson County", "United States", "US", "Ohio", precision=2)
    assert _holds_town(county, [inside])
    assert not _holds_town(other_state, [inside])
    assert not _holds_town(inside, [county])


def test_headline_neighbourhood_of_the_outlets_city(nlp) -> None:
    # the headline names it bare, the body calls it a neighbourhood; the text names neither
    # the city nor its state, the Chicago station's address does
    title = "Teen killed in Ashburn drive-by shooting"
    place = main_place(nlp, f"{title}\n\nA 17-year-old girl was shot and killed Monday evening as she sat on a "
                            "porch in the Ashburn neighborhood near 79th Street, police said. Two others were wounded.",
                       title=title, source="wxyz7chicago.example")
    assert (place.name, place.admin1) == ("Chicago", "Illinois")
    assert "Ashburn" in place.detail


_PHILADELPHIA_DESK = [
    (f"{what}\n\nPHILADELPHIA - {body}", day) for what, body, day in (
        ("Man shot outside Philadelphia bar", "A 30-year-old man was shot outside a bar early Saturday, police said.",
         "2024-04-06"),
        ("Woman wounded in Philadelphia drive-by",
         "A woman was wounded when shots were fired into her car on Tuesday night, police said.", "2024-04-10"),
        ("Teen hurt in Philadelphia shooting", "A 16-year-old boy was shot in the arm on Friday afternoon, police said.",
         "2024-04-20"),
    )
]


def _desk_story_place(nlp, name: str) -> Place:
    analyses = [analyze_article(_article(f"t{i}", text, day=day), nlp) for i, (text, day) in enumerate(_PHILADELPHIA_DESK)]
    brief = (f"Three shot outside corner store in {name}\n\nPolice are searching for the gunman who shot three "
             f"people outside a corner store in {name} on Saturday night. The victims were taken to a hospital "
             "in stable condition.")
    analyses.append(analyze_article(_article("b", brief, day="2024-05-06"), nlp))
    story = next(r for r in link_analyses(analyses, load_settings()) if "b" in r.story.articles)
    return next(e for e in story.events if e.id == story.story.main_event).location


def test_home_state_namesake_in_the_outlets_city_is_the_city(nlp) -> None:
    # the gazetteer files "Chestnut Hill" under Massachusetts; the outlet's home state has one,
    # a section of the outlet's own city
    place = _desk_story_place(nlp, "Chestnut Hill")
    assert (place.name, place.admin1, place.detail) == ("Philadelphia", "Pennsylvania", "Chestnut Hill")
    # a home-state namesake that is a town of its own stays that town
    place = _desk_story_place(nlp, "Tioga")
    assert (place.name, place.admin1) == ("Tioga", "Pennsylvania")


def _shooting_in(nlp, name: str, dateline: str) -> Place:
    text = (f"Police investigate fatal shooting in {name}\n\n{dateline} - A man was killed in a {name} "
            "shooting Wednesday night.\n\nPolice say the incident happened in the 900 block of Elm Street.")
    return main_place(nlp, text)


def test_unlisted_name_in_a_big_citys_report_is_a_part_of_it(nlp) -> None:
    place = _shooting_in(nlp, "Pine Lake", "RICHMOND, Va.")
    assert (place.name, place.admin1, place.detail) == ("Richmond", "Virginia", "Pine Lake")
    # a small town's dateline: the name may be a place of its own nearby
    place = _shooting_in(nlp, "Pine Lake", "LURAY, Va.")
    assert place.name == "Pine Lake"


def test_is_from_is_where_a_person_lives() -> None:
    from types import SimpleNamespace

    from wirecheck.extract.events import _aside

    for said, aside in (("The 17-year-old who fired the shot is from Elkton.", True),
                        ("The 17-year-old was originally from Elkton.", True),
                        ("The shot was fired in Elkton.", False)):
        start = said.index("Elkton")
        mention = SimpleNamespace(start=start, end=start + len("Elkton"))
        assert _aside(SimpleNamespace(text=said), mention) is aside


def test_longer_name_the_mail_knows_is_that_town(nlp) -> None:
    text = ("Teen hurt in hunting accident\n\nThe shooting happened about noon in the 200 block of Elm Road in "
            "Marion Heights, state police in Pennsylvania said. A 15-year-old was flown to a hospital in Danville.")
    place = main_place(nlp, text)
    assert (place.name, place.admin1) == ("Marion Heights", "Pennsylvania")


def test_county_dateline_beats_a_hospitals_town(nlp) -> None:
    text = ("Boy hurt in accidental shooting\n\nHENRICO COUNTY, Va. - A 12-year-old boy is in serious condition at "
            "a Richmond hospital after he was accidentally shot by an 11-year-old boy Saturday afternoon, police "
            "said.\n\nThe 12-year-old underwent surgery at a Richmond hospital Saturday.")
    place = main_place(nlp, text)
    assert (place.name, place.admin1) == ("Henrico County", "Virginia")
