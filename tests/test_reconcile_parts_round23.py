"""Round 23: a report's town that another report gives as the detail of its own place.

When one report places the event in "Englewood" and another in a big city with "West
Englewood" as its neighbourhood, the first is the neighbourhood misread as a town: a namesake
the gazetteer keeps in a state no other report names, or a section of that city it lists as a
place of its own.  Between such reports the city wins, whatever the count.  A town of the same
state that lies apart from the city (a suburb with its own county) stays a rival.  Texts are
invented; places are real."""

from __future__ import annotations

import dataclasses

import pytest

from wirecheck.extract import analyze_article
from wirecheck.models import Article, Place
from wirecheck.nlp import load_pipeline
from wirecheck.reconcile import _part_of, reconcile_story

CHICAGO = Place(name="Chicago", country="United States", iso="US", admin1="Illinois", lat=41.85003,
                lon=-87.65005, precision=1)


def _town(name: str, admin1: str, lat: float, lon: float) -> Place:
    return Place(name=name, country="United States", iso="US", admin1=admin1, lat=lat, lon=lon, precision=1)


def test_a_namesake_in_a_state_no_other_report_names_is_the_detail() -> None:
    elsewhere = _town("Englewood", "New Jersey", 40.89288, -73.97264)
    city = dataclasses.replace(CHICAGO, detail="West Englewood")
    assert _part_of(elsewhere, [city])
    # ... but not when another report puts the event in that state too
    assert not _part_of(elsewhere, [city, _town("Hackensack", "New Jersey", 40.88593, -74.04347)])
    # and only a name the detail holds as whole words
    assert not _part_of(_town("Engle", "Illinois", 41.8, -87.7), [city])


def test_a_section_of_the_city_is_the_detail_but_a_suburb_is_not() -> None:
    # GeoNames lists Chicago's Englewood neighbourhood as a place of its own, with no county
    section = _town("Englewood", "Illinois", 41.77976, -87.64588)
    assert _part_of(section, [dataclasses.replace(CHICAGO, detail="Englewood")])
    # a town with its own county near the city is a place apart, whatever the detail says
    suburb = _town("Evanston", "Illinois", 42.04114, -87.69006)
    assert not _part_of(suburb, [dataclasses.replace(CHICAGO, detail="Evanston")])
    # a county or a street is never a neighbourhood here
    county = Place(name="Cook County", country="United States", iso="US", admin1="Illinois", precision=2)
    assert not _part_of(county, [dataclasses.replace(CHICAGO, detail="Cook County")])


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _article(id_: str, source: str, text: str) -> Article:
    return Article(id=id_, source=source, title=text.split("\n")[0], text=text, published="2024-05-08")


def test_the_story_takes_the_city_over_its_misread_neighbourhood(nlp) -> None:
    misread = analyze_article(
        _article("a", "one.example", "Boy, 8, wounded in Englewood shooting\n\nAn 8-year-old boy was wounded "
                 "in a shooting in Englewood on Tuesday evening, police said."),
        nlp,
    )
    # as the gazetteer files the bare name: the namesake town in another state
    mention = next(m for m in misread.events if m.location is not None)
    mention.location = dataclasses.replace(mention.location, place=_town("Englewood", "New Jersey", 40.89288,
                                                                          -73.97264))
    city = analyze_article(
        _article("b", "two.example", "Boy, 8, shot in West Englewood\n\nCHICAGO - An 8-year-old boy was "
                 "wounded in a shooting in West Englewood on Tuesday evening, police said."),
        nlp,
    )
    place = next(m for m in city.events if m.location is not None).location.place
    assert (place.name, place.admin1, place.detail) == ("Chicago", "Illinois", "West Englewood")
    # the misread report came first, so without the rule the tie went to it
    result = reconcile_story("s", [misread, city])
    main = next(e for e in result.events if e.id == result.story.main_event)
    assert (main.location.name, main.location.admin1) == ("Chicago", "Illinois")
