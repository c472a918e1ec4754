"""Round 31 dates: a person's birth date is never an event's day, nor the day an undated article
was written (the anchor its "Dec. 2" and "Thursday" are read against), nor the year the linker
gives the story, also where the birth's clause runs on before the date ("was born Dana Mae Ruiz
in Quillmont, Ohio, on April 22, 1931")."""

from __future__ import annotations

import pytest

from extract_helpers import stored_features
from wirecheck.extract import analyze_article
from wirecheck.models import Article
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.times import birth_date


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.mark.parametrize(
    ("before", "birth"),
    [
        ("Ruiz was born on ", True),
        ("Ruiz was born Dana Mae Ruiz in Quillmont, Ohio, on ", True),
        ("Date of birth: ", True),
        ("DOB - ", True),
        ("He was born in 1990 and was shot on ", False),  # the shooting's clause
        ("The suspect, born in Oakvale, was arrested ", False),  # the arrest's verb
        ("Ruiz was born in Quillmont. She died ", False),  # another sentence
        ("Ruiz, a born-again Christian, died ", False),
        ("Ruiz, born in Quillmont, died ", False),
        ("He died ", False),
    ],
)
def test_birth_date(before: str, birth: bool) -> None:
    assert birth_date(before + "May 2, 1990", len(before), 0) is birth


def _undated(nlp, text: str):
    art = Article(id="a", text=text, title=None, published=None, source=None, url=None)
    analysis = analyze_article(art, nlp)
    main = next(e for e in analysis.events if e.id == analysis.main_event)
    return analysis, main


def test_a_birth_date_does_not_anchor_the_article(nlp) -> None:
    # Before, "April 22, 1931" (the lead's first full date) anchored the text: "Dec. 2" became
    # 1930-12-02, the event's day, and the linker's year for the story
    text = ("Pinup model Dana Ruiz died Thursday evening at a hospital in Oakvale after suffering a "
            "heart attack on Dec. 2, her agent said.\nRuiz was born on April 22, 1931, in Quillmont, "
            "Ohio.\nShe began modeling in 1950.")
    analysis, main = _undated(nlp, text)
    assert main.date is None or main.date.date.value is None
    assert not any(t.value and t.value.startswith("1930") for t in analysis.times)


def test_a_birth_date_is_no_event_day_nor_the_storys_year(nlp) -> None:
    text = ("Pinup model Dana Ruiz died Thursday night at an Oakvale hospital, nine days after a heart "
            "attack.\nShe was 85.\nRuiz was born Dana Mae Ruiz in Quillmont, Ohio on April 22, 1931.")
    analysis, main = _undated(nlp, text)
    assert main.date is None or main.date.date.value is None
    assert stored_features(analysis)["year"] is None
