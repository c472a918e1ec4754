"""Round 18: an incident the report dates only by its hour ("Officers were called at 6:40 a.m.")
is dated by the report's day, as TimeML resolves a bare clock time; an evening hour is the
evening before a report that gives no hour of its own.  Never without an anchor, never over a
day the text names, never from an hour still to come.  Texts are invented; places are real."""

from __future__ import annotations

import pytest

from wirecheck.extract import analyze_article
from wirecheck.models import Article
from wirecheck.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _date(nlp, paragraphs: list[str], published: str | None):
    title = "Man wounded in shooting outside corner store"
    text = "\n\n".join([title, *paragraphs])
    an = analyze_article(Article(id="c", title=title, text=text, published=published), nlp)
    main = next(e for e in an.events if e.id == an.main_event)
    return main.date.date if main.date is not None else None


MORNING = [
    "A man was shot outside a corner store on Elm Street in Dayton at about 6:40 a.m., police said.",
    "Officers found him with a gunshot wound to the leg and he was taken to a hospital.",
    "No arrests have been made.",
]
EVENING = [
    "A man was shot outside a corner store on Elm Street in Dayton around 10:15 p.m., police said.",
    "Officers found him with a gunshot wound to the leg and he was taken to a hospital.",
    "No arrests have been made.",
]


def test_a_morning_hour_is_the_report_day(nlp) -> None:
    date = _date(nlp, MORNING, "2031-06-12")
    assert date is not None
    assert (date.value, date.precision, date.text) == ("2031-06-12", "day", "6:40 a.m.")


def test_an_evening_hour_is_the_evening_before(nlp) -> None:
    date = _date(nlp, EVENING, "2031-06-12")
    assert date is not None and (date.value, date.precision) == ("2031-06-11", "day")


def test_the_report_hour_decides_when_it_is_known(nlp) -> None:
    date = _date(nlp, EVENING, "2031-06-12T23:05:00")
    assert date is not None and date.value == "2031-06-12"


def test_no_anchor_no_date(nlp) -> None:
    date = _date(nlp, MORNING, None)
    assert date is None or date.value is None


def test_a_named_day_wins_over_the_hour(nlp) -> None:
    paragraphs = [MORNING[0].replace("6:40 a.m.", "6:40 a.m. Sunday"), *MORNING[1:]]
    date = _date(nlp, paragraphs, "2031-06-12")  # a Thursday
    assert date is not None and date.value == "2031-06-08"


def test_an_hour_still_to_come_gives_no_day(nlp) -> None:
    paragraphs = [
        "A man was shot outside a corner store on Elm Street in Dayton, police said.",
        "Officers found him with a gunshot wound to the leg and he was taken to a hospital.",
        "The police chief will speak to reporters at 2 p.m.",
    ]
    date = _date(nlp, paragraphs, "2031-06-12")
    assert date is None or date.value is None
