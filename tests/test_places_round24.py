"""Round 24 (places): a county that names no town of it stands for the town bearing its name when
no one town holds most of its people; a local outlet's home town gives its home state to the
stories it tells; a month or a quarter after "in" is no unlisted town, and a scene's name ends
where a time expression starts.  Texts and outlets are invented; the places are real."""

from __future__ import annotations

import pytest

from extract_helpers import main_place as place_of
from wirecheck.extract import analyze_article
from wirecheck.models import Article, Place
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.places import get_gazetteer
from wirecheck.pipeline import link_analyses
from wirecheck.settings import load_settings


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


# ---------------------------------------------------------------- the county's namesake town


def test_seat_namesake_of_a_county() -> None:
    gaz = get_gazetteer()
    county = Place(name="Laurens County", iso="US", admin1="South Carolina", precision=2)
    assert gaz.main_town(county) is None  # no town holds half its people
    town = gaz.seat_namesake(county)
    assert town is not None and (town.name, town.admin1) == ("Laurens", "South Carolina")


def test_no_seat_namesake_where_no_town_bears_the_name() -> None:
    gaz = get_gazetteer()
    assert gaz.seat_namesake(Place(name="Kershaw County", iso="US", admin1="South Carolina", precision=2)) is None
    # a town is no county
    assert gaz.seat_namesake(gaz.lookup("Laurens", "US", "South Carolina")) is None


def test_county_deputies_alone_mean_the_town_of_its_name(nlp) -> None:
    text = ("Man wounded in Laurens County\n\n"
            "A 40-year-old man was shot in the hip on Saturday night, Laurens County sheriff's "
            "deputies said. Deputies are looking for a man who ran into the woods.")
    p = place_of(nlp, text)
    assert p is not None and (p.name, p.admin1, p.precision) == ("Laurens", "South Carolina", 2)


def test_county_without_such_a_town_stays_the_county(nlp) -> None:
    text = ("Man wounded in Kershaw County\n\n"
            "A 40-year-old man was shot in the hip on Saturday night, Kershaw County sheriff's "
            "deputies said. Deputies are looking for a man who ran into the woods.")
    p = place_of(nlp, text)
    assert p is not None and (p.name, p.admin1, p.precision) == ("Kershaw County", "South Carolina", 2)


# ---------------------------------------------------------------- home state from the home town

DESK = "wxyz-tv.example"
_TOWN_REPORTS = [
    ("Man shot outside Galesburg bar\n\nA 30-year-old man was shot outside a bar in Galesburg early "
     "Saturday, police said.", "2024-04-06"),
    ("Woman wounded in Galesburg drive-by\n\nA woman was wounded when shots were fired into her car in "
     "Galesburg on Tuesday night, police said.", "2024-04-10"),
    ("Teen hurt in Galesburg shooting\n\nA 16-year-old boy was shot in the arm in Galesburg on Friday "
     "afternoon, police said.", "2024-04-20"),
]
_BRIEF = ("Clerk shot in Monmouth robbery\n\nA store clerk was shot in the shoulder during a robbery in "
          "Monmouth on Sunday evening, police said.")


def _brief_place(nlp, source: str) -> Place:
    analyses = [analyze_article(Article(id=f"t{i}", source=DESK, title=text.split("\n")[0], text=text,
                                        published=day), nlp)
                for i, (text, day) in enumerate(_TOWN_REPORTS)]
    analyses.append(analyze_article(Article(id="b", source=source, title=_BRIEF.split("\n")[0], text=_BRIEF,
                                            published="2024-05-06"), nlp))
    story = next(r for r in link_analyses(analyses, load_settings()) if "b" in r.story.articles)
    main = next(e for e in story.events if e.id == story.story.main_event)
    assert main.location is not None
    return main.location


def test_a_home_towns_state_places_a_namesake(nlp) -> None:
    # no report names a state: the desk's home is known only as the town its reports are in
    place = _brief_place(nlp, DESK)
    assert (place.name, place.admin1) == ("Monmouth", "Illinois")


def test_another_outlets_namesake_stays_where_the_gazetteer_put_it(nlp) -> None:
    place = _brief_place(nlp, "another-desk.example")
    assert place.name == "Monmouth" and place.admin1 != "Illinois"


# ---------------------------------------------------------------- words that are no towns


def test_a_month_after_in_is_no_unlisted_town(nlp) -> None:
    # "March" is a small town abroad; in a text about one US state it used to become an
    # unlisted town of that state after any locative
    text = ("Man charged in killing\n\n"
            "A man was charged Monday in a killing that happened in March, prosecutors in Ohio said. "
            "The victim was shot twice in the chest. The Ohio Bureau of Criminal Investigation and "
            "the Franklin County sheriff in Ohio helped.")
    p = place_of(nlp, text)
    assert p is not None and p.name != "March" and p.admin1 == "Ohio"


def test_a_scene_name_ends_where_a_time_expression_starts(nlp) -> None:
    text = ("Boy hurt in hunting accident\n\n"
            "GILES COUNTY, Va. (WXYZ) – A 12-year-old is in stable condition Friday after being shot "
            "in Pearisburg Thanksgiving Day.\n\n"
            "The Giles County Sheriff's Office said the shooting was accidental.")
    p = place_of(nlp, text)
    assert p is not None and (p.name, p.admin1) == ("Pearisburg", "Virginia") and p.lat is not None


def test_a_housing_project_is_no_mention_of_its_namesake_town() -> None:
    # "Cortland" is a city upstate; "the Cortland Houses" would be a city housing project
    from wirecheck.models import Sentence
    from wirecheck.nlp.places import find_places

    text = "A woman was wounded across from the Cortland Houses on Monday, police said."
    found = [m for m in find_places(text, Sentence(0, 0, len(text), text)) if m.place.name == "Cortland"]
    assert found and all(m.in_name for m in found)
