"""Round 18: the town a plainly American report is about, where the first reading went astray.

A town name that is also a surname counts before its own investigators ("Dalton investigators");
a given name that ends an institution's name ("Little Sisters of Mary") is no town abroad; a
demonym or a foreign namesake misread as the place gives way to the US town the text names;
a street with no town, in a text naming one state, to the county whose deputies work the case.
Texts are invented; places are real."""

from __future__ import annotations

import pytest

from wirecheck.extract import analyze_article
from wirecheck.models import Article, Sentence
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.places import find_places


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _found(text: str) -> list[str]:
    return [m.place.name for m in find_places(text, Sentence(index=0, start=0, end=len(text), text=text))]


def _main_place(nlp, title: str, paragraphs: list[str]):
    text = "\n\n".join([title, *paragraphs])
    an = analyze_article(Article(id="p", title=title, text=text, published="2031-04-02"), nlp)
    main = next(e for e in an.events if e.id == an.main_event)
    assert main.location is not None
    return main.location.place


def test_a_surname_town_before_its_investigators_is_a_town() -> None:
    assert "Dalton" in _found("Dalton investigators went back to the apartment on Tuesday.")
    assert "Dalton" not in _found("Dalton went back to the apartment on Tuesday.")
    for text in ("Police officers went back to the apartment.", "Federal investigators joined the search.",
                 "Parole officers found him at the apartment."):
        assert _found(text) == [], text


def test_a_given_name_ending_an_institution_is_no_town() -> None:
    assert _found("She was taken to Little Sisters of Mary with a wound to the arm.") == []


def test_a_demonym_gives_way_to_the_headline_town(nlp) -> None:
    place = _main_place(nlp, "Gunman wounds three outside Tulsa Vietnamese restaurant", [
        "Three people were wounded when a man opened fire outside a restaurant on Sunday night.",
        "The gunman fled on foot before officers arrived, a police spokesman said.",
        "All three victims were expected to survive.",
    ])
    assert (place.name, place.admin1) == ("Tulsa", "Oklahoma")


def test_a_street_with_no_town_takes_the_sheriffs_county(nlp) -> None:
    place = _main_place(nlp, "Man killed in shooting on Pecan Hollow Lane", [
        "A man was shot and killed outside a home at 4100 Pecan Hollow Lane late Saturday.",
        "Bibb County deputies said the man was found in the driveway and died at the scene.",
        "Anyone with information is asked to call the sheriff's office in Georgia.",
    ])
    assert place.admin1 == "Georgia"
    assert place.precision == 2
    assert place.detail and "Pecan Hollow Lane" in place.detail


def test_a_city_whose_suburbs_are_meant_gives_way_to_the_suburb(nlp) -> None:
    place = _main_place(nlp, "Two found shot dead at home in Tulsa suburbs", [
        "BROKEN ARROW, Okla. — Two people were found shot to death inside a home on Sunday, police said.",
        "Officers went to the home in Broken Arrow after a neighbor called 911.",
        "Police have not named the victims.",
    ])
    assert place.name == "Broken Arrow"


def test_a_town_name_at_a_street_corner_is_a_street() -> None:
    found = _found("A party near Dover and Gibson SE in Albuquerque ended in gunfire.")
    assert "Albuquerque" in found and "Dover" not in found
    assert "Dover" not in _found("It happened at 41st Street and Dover around 2 a.m.")


def test_a_company_is_no_town() -> None:
    assert _found("Copyright 2031 Station Group (Dover Corp.) All rights reserved.") == []


def test_a_small_far_namesake_is_a_quarter_of_the_city_whose_police_work_it(nlp) -> None:
    # Knoxville is a Pittsburgh neighbourhood; the gazetteer's Knoxville, Pennsylvania is a
    # borough some 200 km away
    place = _main_place(nlp, "Teen wounded in Knoxville shooting", [
        "PITTSBURGH (WXYZ) — A teenager was wounded in a shooting in Knoxville on Tuesday afternoon.",
        "According to Pittsburgh police, the 15-year-old was hit in the arm.",
        "He is expected to recover.",
    ])
    assert (place.name, place.detail) == ("Pittsburgh", "Knoxville")


def test_a_country_s_initials_before_an_institution_word_are_no_country() -> None:
    assert _found("Medics took the boy to UK Clinic with a wound to the chest.") == []
    assert _found("The family flew back to the UK on Friday.") == ["United Kingdom"]
