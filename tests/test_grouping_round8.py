"""Round 8 grouping: a sentence after the lead that tallies a period or a place, dates an
incident years back, or follows a page's list of other stories keeps its toll out of the main
event's counts (invented texts)."""

from __future__ import annotations

import pytest

from wirecheck.extract import analyze_article
from wirecheck.models import Article
from wirecheck.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _main_toll(nlp, text: str, published: str | None = "2024-06-10", title: str | None = None) -> tuple[int, int]:
    an = analyze_article(Article(id="t", text=text, title=title, published=published), nlp)
    ev = next(e for e in an.events if e.id == an.main_event)

    def value(c) -> int:
        return 0 if c is None else (c.range.best if c.range.best is not None else c.range.low)

    return value(ev.fatalities), value(ev.injured)


def test_period_tally_keeps_out_of_the_main_event(nlp) -> None:
    text = (
        "Four men were shot, all of them in the arm, outside a bakery in Dayton early Sunday, police said.\n"
        "Officers found the wounded men on Vine Street shortly after 3 a.m.\n"
        "All four were listed in stable condition.\n"
        "The shooting was the third of the weekend after 38 people were killed in May, the highest toll in a given "
        "month in a decade."
    )
    assert _main_toll(nlp, text) == (0, 4)


def test_violent_span_in_the_city_is_background(nlp) -> None:
    text = (
        "Two teenagers were wounded by gunfire at a bus stop in Toledo on Friday night.\n"
        "Police said both boys were expected to recover.\n"
        "Their shooting came during a violent six-hour stretch in which 12 people were shot and two were "
        "killed across the city."
    )
    assert _main_toll(nlp, text) == (0, 2)


def test_incident_years_back_is_background(nlp) -> None:
    text = (
        "A clerk was shot and wounded during a robbery at a gas station in Akron on Tuesday.\n"
        "The clerk was taken to a hospital and is expected to survive.\n"
        "In 2009, three people were killed in a robbery at another station on the same road."
    )
    assert _main_toll(nlp, text) == (0, 1)


def test_court_story_keeps_its_old_incident(nlp) -> None:
    # a trial years after: the dated incident is the reported one
    text = (
        "A Fresno man was sentenced Monday to life in prison for a shooting at a backyard party.\n"
        "Jurors found him guilty last month.\n"
        "On June 3, 2019, two guests were killed and three others were wounded at the party, prosecutors said."
    )
    assert _main_toll(nlp, text) == (2, 3)


def test_page_list_of_other_stories_is_background(nlp) -> None:
    text = (
        "A boy, 12, accidentally shot himself in the hand at his home in Mobile on Saturday.\n"
        "The boy was treated at a hospital and released.\n"
        "Deputies said the gun belonged to a relative.\n"
        "More stories on our site\n"
        "Couple found dead in lakeside cabin Deputies found two people dead after a welfare check."
    )
    assert _main_toll(nlp, text) == (0, 1)


def test_house_number_is_no_year(nlp) -> None:
    # "the 1900 block" is an address, not an incident of 1900
    text = (
        "Police say a gunman shot three people inside a home in Tulsa overnight.\n"
        "One man died at the scene.\n"
        "Officers arrived at the 1900 block of Elm Street and found three people had been shot."
    )
    assert _main_toll(nlp, text) == (1, 2)
