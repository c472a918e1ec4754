"""Round 13: where a story's reports place its event.

- a county name only one state has ("Kershaw County") names that state in a text;
- a bare town that no report's text puts in its state moves to its namesake in the one state the
  story's texts do name;
- between equally supported places, one the gazetteer knows beats a name it only guessed a town
  from.

Texts are invented; places are real."""

from __future__ import annotations

import dataclasses

import pytest

from wirecheck.extract import analyze_article
from wirecheck.models import Article, Place
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.places import text_context
from wirecheck.reconcile import reconcile_story


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _main_place(analyses) -> Place:
    result = reconcile_story("s", analyses)
    main = next(e for e in result.events if e.id == result.story.main_event)
    assert main.location is not None
    return main.location


def test_a_county_only_one_state_has_names_it() -> None:
    assert text_context("Deputies from Kershaw County searched the farm on Tuesday.").us_states() == frozenset(
        {"South Carolina"}
    )
    # a county name several states share names none of them
    assert text_context("Deputies from Lancaster County searched the farm on Tuesday.").us_states() == frozenset()


def _article(id_: str, source: str, text: str) -> Article:
    return Article(id=id_, source=source, title=text.split("\n")[0], text=text, published="2024-05-08")


def test_a_bare_town_moves_to_the_state_the_story_names(nlp) -> None:
    bare = [
        _article("a1", "one.example", "Man, 30, shot at Lexington apartment\n\nA 30-year-old man was shot "
                 "at an apartment in Lexington on Tuesday night, police said. He was taken to a hospital."),
        _article("a2", "one.example", "Man wounded in Lexington shooting\n\nA man was wounded when someone "
                 "fired into an apartment in Lexington late Tuesday, police said."),
    ]
    dated = _article("b", "two.example", "Man shot Tuesday night\n\nCOLUMBIA, S.C. - A 30-year-old man was "
                     "shot Tuesday night at an apartment on Pine Street, deputies said.")
    alone = [analyze_article(a, nlp) for a in bare]
    assert _main_place(alone).admin1 != "South Carolina"  # the gazetteer's pick for the bare name
    place = _main_place([*alone, analyze_article(dated, nlp)])
    assert (place.name, place.admin1) == ("Lexington", "South Carolina")


def test_no_move_when_the_texts_name_two_states(nlp) -> None:
    bare = _article("a1", "one.example", "Man, 30, shot at Lexington apartment\n\nA 30-year-old man was shot "
                    "at an apartment in Lexington on Tuesday night, police said.")
    bare2 = dataclasses.replace(bare, id="a2")
    one = _article("b", "two.example", "Man shot Tuesday night\n\nCOLUMBIA, S.C. - A 30-year-old man was "
                   "shot Tuesday night, deputies said. His family lives in Macon, Ga.")
    place = _main_place([analyze_article(a, nlp) for a in (bare, bare2, one)])
    assert place.admin1 not in ("South Carolina", "Georgia")


def test_a_known_place_beats_a_guessed_one(nlp) -> None:
    guessed = analyze_article(
        _article("c", "one.example", "One killed, six hurt in shooting\n\nOne man was killed and six people "
                 "were hurt in a shooting in Old Town early Sunday, police said."),
        nlp,
    )
    # the geocoder could only guess this one: a town without coordinates
    mention = next(m for m in guessed.events if m.location is not None)
    unlisted = Place(name="Old Town", country="United States", iso="US", admin1="Kansas", precision=1)
    mention.location = dataclasses.replace(mention.location, place=unlisted)
    known = analyze_article(
        _article("d", "two.example", "One dead, six hurt in Wichita shooting\n\nOne man died and six others "
                 "were hurt in a shooting in Wichita early Sunday, police said."),
        nlp,
    )
    place = _main_place([guessed, known])
    assert (place.name, place.admin1) == ("Wichita", "Kansas")
