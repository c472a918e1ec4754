"""Round 12: a headline written in title case ("Man Shot To Death In Topeka") is read for its
event like any other sentence, although the tagger takes its capitalised words for a name; a
page whose text holds only other stories (the outlet's listings) still reports the headline's
event, at the headline's place.  Texts are invented; places are real."""

from __future__ import annotations

import pytest

from wirecheck.extract import analyze_article
from wirecheck.models import Article
from wirecheck.nlp import load_pipeline

FILLER = (
    "Best Bakeries Around Town For Holiday Pies. The season of pies is upon us, and these shops "
    "bake them fresh every morning with fruit from nearby orchards."
)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _main(nlp, title: str, body: str):
    an = analyze_article(Article(id="h", title=title, text=f"{title}\n\n{body}", published="2024-03-15"), nlp)
    reported = [e for e in an.events if not e.background]
    return reported[0] if reported else None


def test_title_case_headline_reports_its_event(nlp) -> None:
    ev = _main(nlp, "Man Shot To Death Outside Topeka Gas Station", FILLER)
    assert ev is not None and ev.event_type == "Violence against civilians"
    assert ev.fatalities is not None and ev.fatalities.range.best == 1


def test_title_case_headline_counts(nlp) -> None:
    ev = _main(nlp, "One Dead, Four Wounded In Drive-By Shooting", FILLER)
    assert ev is not None
    assert (ev.fatalities.range.best, ev.injured.range.best) == (1, 4)


def test_headline_place_over_a_hospital_town_of_the_text(nlp) -> None:
    ev = _main(
        nlp,
        "Teen Dies After Being Accidentally Shot In Salina",
        "He was flown to a hospital in Wichita, where he later died.",
    )
    assert ev is not None and ev.location is not None
    assert ev.location.place.name == "Salina"


def test_sentence_case_text_word_still_needs_lower_case(nlp) -> None:
    # inside an ordinary sentence a capitalised trigger word is a name ("Shot Tower")
    an = analyze_article(
        Article(id="s", title="Museum reopens", text="Museum reopens\n\nVisitors climbed the old Shot Tower on Sunday.",
                published="2024-03-15"),
        nlp,
    )
    assert not [e for e in an.events if e.event_type == "Violence against civilians"]
