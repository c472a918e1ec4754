"""Round 8 (places): a landmark town the scene is measured from, a county named beside it, a
county whose one big town stands for it, and New York City's county-boroughs.  Texts are
invented; the places are real."""

import pytest

from extract_helpers import main_place as place_of
from wirecheck.models import Place
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.places import get_gazetteer


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


# ---------------------------------------------------------------- gazetteer


def test_main_town_of_a_county() -> None:
    gaz = get_gazetteer()
    county = Place(name="Pima County", iso="US", admin1="Arizona", precision=2)
    town = gaz.main_town(county)
    assert town is not None and (town.name, town.admin1) == ("Tucson", "Arizona")


def test_no_main_town_where_the_county_has_several() -> None:
    # Westchester County, New York: Yonkers, New Rochelle, Mount Vernon, White Plains ...
    county = Place(name="Westchester County", iso="US", admin1="New York", precision=2)
    assert get_gazetteer().main_town(county) is None


def test_borough_of_a_neighbourhood() -> None:
    gaz = get_gazetteer()
    part = gaz.lookup("Coney Island", "US", "New York")
    borough = gaz.borough_of(part)
    assert borough is not None and borough.name == "Brooklyn"
    assert gaz.borough_of(gaz.lookup("Brooklyn", "US", "New York")) is None


# ---------------------------------------------------------------- the event's place


def test_landmark_town_gives_way_to_the_county_named(nlp) -> None:
    text = ("Driver held after roadside shooting\n\n"
            "A tow truck driver was shot and killed on Friday evening in Iredell County, about "
            "forty miles north of Charlotte, the sheriff said. Deputies arrested a 31-year-old "
            "man at the scene.")
    p = place_of(nlp, text)
    assert p is not None and p.name != "Charlotte"


def test_neighbourhood_of_a_borough_is_the_borough(nlp) -> None:
    text = ("Man shot near boardwalk\n\n"
            "A 24-year-old man was shot in the leg late Tuesday in Coney Island, police said. "
            "He was taken to a hospital in stable condition.")
    p = place_of(nlp, text)
    assert p is not None and p.name == "Brooklyn"


def test_county_deputies_alone_mean_its_main_town(nlp) -> None:
    text = ("Teen wounded in Pima County\n\n"
            "A 16-year-old boy was shot in the arm on Sunday night, Pima County sheriff's deputies "
            "said. Deputies are looking for two men who drove off in a grey pickup.")
    p = place_of(nlp, text)
    assert p is not None and (p.name, p.admin1) == ("Tucson", "Arizona")


def test_county_dateline_stays_the_county(nlp) -> None:
    text = ("PIMA COUNTY, Ariz. (AP) — A 16-year-old boy was shot in the arm on Sunday night, "
            "sheriff's deputies said. Deputies are looking for two men who drove off in a grey pickup.")
    p = place_of(nlp, text)
    assert p is not None and p.name == "Pima County"
