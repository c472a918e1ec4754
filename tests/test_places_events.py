"""The event's place when the text names a neighbourhood or a county: SPEC keeps the town as
the place and the finer part as detail.  Texts are invented; the places are real."""

import pytest

from wirecheck.extract import analyze_article
from wirecheck.models import Article
from wirecheck.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def place_of(nlp, text: str):
    an = analyze_article(Article(id="t", text=text), nlp)
    ev = next(e for e in an.events if e.id == an.main_event)
    return ev.location.place


def test_neighbourhood_gives_way_to_its_city(nlp) -> None:
    p = place_of(nlp, "A man was shot Friday evening in the North Lawndale neighborhood, police said.")
    assert (p.name, p.admin1) == ("Chicago", "Illinois") and "North Lawndale" in (p.detail or "")


def test_section_of_a_named_borough(nlp) -> None:
    p = place_of(nlp, "A man was shot inside a store in the Mott Haven section of the Bronx on Monday.")
    assert p.name == "The Bronx" and "Mott Haven" in (p.detail or "")


def test_suburb_stays_its_own_city(nlp) -> None:
    p = place_of(nlp, "CHICAGO (AP) — Two people were shot during a robbery in Cicero on Monday.")
    assert p.name == "Cicero"


def test_county_gives_way_to_a_town_in_it(nlp) -> None:
    text = ("Floyd County deputies are investigating a shooting that left a man wounded Sunday. "
            "The man was shot outside a home in Rome, deputies said.")
    p = place_of(nlp, text)
    assert (p.name, p.admin1) == ("Rome", "Georgia")
