"""Round 28 (places): a county one report gives holds the town another gives, and the story
takes the town.  Texts are invented; the places are real, and no test's case is a benchmark
article's."""

from __future__ import annotations

import pytest

from extract_helpers import story_main
from wirecheck.models import Place
from wirecheck.nlp import load_pipeline
from wirecheck.reconcile import _holds_town


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
