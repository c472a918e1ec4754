"""The main event's date: parts of a day count as their day, later steps and publication stamps
do not date the incident, and nothing is invented without an anchor."""

from __future__ import annotations

import pytest

from wirecheck.extract import analyze_article
from wirecheck.models import Article
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.times import day_of, find_times, future_cue

# 2024-03-11 is a Monday.
PUBLISHED = "2024-03-11"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("He was hurt Saturday night.", "2024-03-09"),
        ("It happened early Sunday morning.", "2024-03-10"),
        ("Shots rang out at 9:15 p.m. Friday.", "2024-03-08"),
        ("She was shot last night.", "2024-03-10"),
        ("It happened on March 2.", "2024-03-02"),
        ("It happened at 10 p.m.", None),  # a bare clock time names no day
        ("It happened last month.", None),  # a month is not a day
    ],
)
def test_day_of(text: str, day: str | None) -> None:
    times = find_times(text, [], PUBLISHED)
    assert times
    assert day_of(times[0]) == day


def test_clock_with_a_full_date_needs_no_anchor() -> None:
    (te,) = find_times("The call came at 12:10 p.m. on March 2, 2024 from a store.", [], None)
    assert te.value == "2024-03-02T12:10"
    assert day_of(te) == "2024-03-02"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _main_date(nlp, text: str, published: str | None = PUBLISHED) -> str | None:
    an = analyze_article(Article(id="t", text=text, published=published), nlp)
    ev = next(e for e in an.events if e.id == an.main_event)
    return ev.date.date.value if ev.date else None


def test_part_of_day_dates_the_event(nlp) -> None:
    text = "Two men were shot Saturday night outside a bar in Dayton, police said."
    assert _main_date(nlp, text) == "2024-03-09"


def test_day_of_a_later_step_is_not_the_incident(nlp) -> None:
    text = (
        "A man was charged Monday in the shooting death of his neighbor in Tulsa. "
        "The neighbor was shot Thursday evening outside his home, police said."
    )
    assert _main_date(nlp, text) == "2024-03-07"


def test_story_sentence_dates_an_undated_lead(nlp) -> None:
    text = (
        "A teenager was shot and wounded in Akron, police said. "
        "It happened just after 11 p.m. Friday on Elm Street."
    )
    assert _main_date(nlp, text) == "2024-03-08"


def test_publication_stamp_is_not_the_event_date(nlp) -> None:
    text = (
        "Teen wounded in Macon shooting Posted: Monday, March 11, 2024 9:10 AM EDT\n"
        "A teenager was shot and wounded in Macon, police said."
    )
    assert _main_date(nlp, text) is None


def test_no_anchor_no_date(nlp) -> None:
    text = "Two men were shot Saturday night outside a bar in Dayton, police said."
    assert _main_date(nlp, text, published=None) is None


def test_a_step_still_to_come_is_not_the_incident(nlp) -> None:
    # "will question ... Tuesday" lies after the report: no date rather than a future one
    text = (
        "A woman was hurt in a shooting in Reno, police said. "
        "Detectives will question a neighbor Tuesday."
    )
    assert _main_date(nlp, text) is None
    text = "A teenager was wounded in Fresno, police said. We'll bring you an update at six tonight."
    assert _main_date(nlp, text) is None


def test_overnight_is_the_morning_of_the_report(nlp) -> None:
    text = "Two men were shot overnight outside a bar in Dayton, police said."
    assert _main_date(nlp, text) == "2024-03-11"
    # never after the report
    assert _main_date(nlp, text, published="2024-03-11T06:00:00Z") == "2024-03-11"


def test_day_opening_a_later_step_is_not_the_incident(nlp) -> None:
    text = (
        "Police on Monday identified the man killed in a shooting in Tulsa. "
        "He was shot Saturday evening near his home."
    )
    assert _main_date(nlp, text) == "2024-03-09"
    text = (
        "On Monday, the county prosecutor announced charges against a man who shot his cousin in Macon. "
        "The cousin was wounded Friday night outside a gas station."
    )
    assert _main_date(nlp, text) == "2024-03-08"


def test_custody_day_is_a_later_step(nlp) -> None:
    text = (
        "A suspect was taken into custody Sunday after a store clerk was wounded in Akron. "
        "The clerk was shot Thursday afternoon, police said."
    )
    assert _main_date(nlp, text) == "2024-03-07"


def test_late_night_yields_to_a_named_day(nlp) -> None:
    # "late night" names no day; the weekday given later does.
    text = (
        "A cook was wounded by gunfire late night outside a diner in Akron. "
        "Officers were called to Maple Street shortly after 2 a.m. Saturday, police said."
    )
    assert _main_date(nlp, text) == "2024-03-09"


def test_parenthesised_dateline_below_the_headline_is_a_stamp(nlp) -> None:
    text = (
        "Hunter hurt in field near Muncie. "
        "× Hunter hurt in field near Muncie. "
        "DELAWARE COUNTY, Ind. (March 11, 2024)— A hunter was shot by his cousin near Muncie. "
        "Wardens arrived just after 5 p.m. Sunday."
    )
    assert _main_date(nlp, text) == "2024-03-10"


def test_birth_date_is_not_the_incident(nlp) -> None:
    text = (
        "A woman, date of birth 02/14/2001, was shot in her car in Fresno, deputies said. "
        "It happened on Saturday afternoon near a gas station."
    )
    assert _main_date(nlp, text) == "2024-03-09"


def test_promoted_show_points_forward() -> None:
    text = "Tune in Tuesday at 6 p.m. for the latest."
    (te, *_) = find_times(text, [], PUBLISHED)
    assert future_cue(text, 0, te.start) is not None


def test_main_event_takes_the_day_the_article_gives_elsewhere(nlp) -> None:
    # The day may stand only in a sentence held by another mention; the article's day still
    # dates the reported event.
    text = (
        "Drive-by leaves three hurt in Tulsa. "
        "TULSA, Okla. - Three teenagers were hurt in a drive-by in Tulsa Tuesday evening. "
        "Witnesses said two cars traded shots along Pine Street before speeding off. "
        "One teen remains in critical condition."
    )
    assert _main_date(nlp, text) == "2024-03-05"


def test_extradition_day_is_a_later_step(nlp) -> None:
    text = (
        "A man accused of shooting a clerk during a robbery in Dayton was extradited Friday. "
        "The clerk was shot Feb. 20 inside a gas station, police said."
    )
    assert _main_date(nlp, text) == "2024-02-20"
