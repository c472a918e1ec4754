"""Round 11 dates: "the day before" / "the night before" closing a clause is the day before one
its sentence names; a page collected days after the outlet filed it (the address carries the
filing day) reads "Monday" against that filing day."""

from __future__ import annotations

import pytest

from wirecheck.extract import analyze_article
from wirecheck.extract.events import _url_day
from wirecheck.models import Article
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.times import find_times

# 2024-03-15 is a Friday.
PUBLISHED = "2024-03-15"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _values(text: str) -> dict[str, str | None]:
    return {t.text: t.value for t in find_times(text, [], PUBLISHED)}


def test_day_before_a_named_day() -> None:
    got = _values("Deputies searched the field on Thursday after two hunters were shot the day before.")
    assert got["the day before"] == "2024-03-13"


def test_night_before_keeps_its_part() -> None:
    got = _values(
        "The clerk died Sunday morning after he was wounded in a robbery the night before, police said."
    )
    assert got["the night before"] == "2024-03-09TNI"


def test_day_before_that_names_what_it_precedes_is_no_day() -> None:
    assert "the night before" not in _values(
        "On Friday he told officers he saw the man the night before the raid."
    )
    assert "the day before" not in _values("She visited Tuesday, the day before Easter.")


def test_day_before_with_no_day_in_its_sentence_is_left_out() -> None:
    assert "the night before" not in _values("The night before, the two neighbours argued over a fence.")


def test_day_before_yesterday_is_unchanged() -> None:
    assert (
        _values("It was quiet on Monday and the day before yesterday.")["the day before yesterday"]
        == "2024-03-13"
    )


def test_event_dated_the_day_before_a_later_step(nlp) -> None:
    text = (
        "Patrols stepped up in Fresno after shooting\n"
        "Officers patrolled the block on Wednesday after three men were shot the day before outside a "
        "market on Olive Avenue in Fresno."
    )
    an = analyze_article(Article(id="t", text=text, published=PUBLISHED), nlp)
    ev = next(e for e in an.events if e.id == an.main_event)
    assert ev.date is not None and ev.date.date.value == "2024-03-12"


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://news.example.com/local/2016/07/19/two-hurt-in-shooting/", "2016-07-19"),
        ("https://news.example.com/news/20160719/two-hurt", "2016-07-19"),
        ("https://news.example.com/ct-man-found-20161230-story.html", "2016-12-30"),
        ("https://news.example.com/article30123057.html", None),
        ("https://news.example.com/2016/13/40/x", None),
        (None, None),
    ],
)
def test_url_day(url: str | None, day: str | None) -> None:
    assert _url_day(url) == day


def test_filing_day_in_the_address_anchors_weekdays(nlp) -> None:
    text = (
        "Woman wounded on porch in Tulsa\n"
        "A woman was shot in the leg late Monday while sitting on her porch on Elm Street in Tulsa, "
        "officers said."
    )
    # collected months later; the address says it was filed on Tuesday 2016-07-19
    art = Article(
        id="t",
        text=text,
        published="2017-01-28",
        url="https://news.example.com/news/20160719/woman-wounded-on-porch",
    )
    an = analyze_article(art, nlp)
    ev = next(e for e in an.events if e.id == an.main_event)
    assert ev.date is not None and ev.date.date.value == "2016-07-18"


def test_address_day_same_as_published_changes_nothing(nlp) -> None:
    text = "Man shot in Tulsa\nA man was shot Monday night on Pine Street in Tulsa, officers said."
    art = Article(id="t", text=text, published=PUBLISHED, url="https://news.example.com/2024/03/14/man-shot")
    an = analyze_article(art, nlp)
    ev = next(e for e in an.events if e.id == an.main_event)
    assert ev.date is not None and ev.date.date.value == "2024-03-11"
