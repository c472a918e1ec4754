"""Round 15: tolls a headline gives.

- a headline the text repeats with the outlet's name or a glued-on stamp is still read as a
  headline ("... girl accidentally shot, killed - Channel 9");
- what the person was doing may stand between a headline's person and its participle ("Boy
  playing with rifle shot and killed").

Texts are invented."""

from __future__ import annotations

import pytest

from wirecheck.extract import analyze_article
from wirecheck.models import Article
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.counts import headline_toll


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _main_killed(nlp, title: str, text: str) -> int | None:
    art = Article(id="x", source="local.example", title=title, text=text, published="2023-12-01")
    analysis = analyze_article(art, nlp)
    main = next(m for m in analysis.events if m.id == analysis.main_event)
    return main.fatalities.range.best if main.fatalities else None


@pytest.mark.parametrize(
    "first_line",
    [
        "Father charged after toddler accidentally shot, killed - Channel 9",
        "Father charged after toddler accidentally shot, killed Posted: Friday, December 1, 2023 8:05 AM EST",
    ],
)
def test_a_repeated_headline_with_its_outlet_or_stamp_is_a_headline(nlp, first_line: str) -> None:
    title = "Father charged after toddler accidentally shot, killed - Channel 9"
    body = (
        "\n\nDeputies were called to a home on Quarry Road after a two-year-old was accidentally shot. "
        "The child's father faces a charge of involuntary manslaughter."
    )
    assert _main_killed(nlp, title, first_line + body) == 1


@pytest.mark.parametrize(
    ("head", "toll"),
    [
        ("Deputies: boy playing with rifle shot and killed", (1, None, None)),
        ("Man sitting in truck shot, killed near feed store", (1, None, None)),
        ("Teen walking to practice wounded", (None, 1, None)),
    ],
)
def test_what_the_person_was_doing_may_stand_before_the_participle(head: str, toll: tuple) -> None:
    assert headline_toll(head) == toll


def test_a_lead_run_on_after_the_outlets_name_is_no_headline(nlp) -> None:
    title = "Service set for teen killed in shooting | Valley News - Home"
    text = (
        "Service set for teen killed in shooting | Valley News - HomeMILLTOWN, Ind. - A 14-year-old who was "
        "shot and killed last week in Milltown has been identified. Deputies said the boy was shot Wednesday "
        "at a house on Ridge Road."
    )
    assert _main_killed(nlp, title, text) == 1
