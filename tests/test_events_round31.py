"""Round 31 events: an illness's "attack" ("a heart attack", "an asthma attack") is no attack.
Texts are invented."""

from __future__ import annotations

import pytest

from wirecheck.extract import analyze_article
from wirecheck.models import Article
from wirecheck.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _triggers(nlp, text: str) -> list[tuple[str, str]]:
    art = Article(id="a", text=text, title=None, published="2031-03-04")
    return [(e.event_type, e.trigger) for e in analyze_article(art, nlp).events]


@pytest.mark.parametrize(
    "text",
    [
        "An Oakvale bus driver suffered a heart attack at the wheel on Monday, and the bus hit a wall.",
        "The Quillmont runner had an asthma attack near the finish line on Sunday.",
    ],
)
def test_an_illness_attack_is_no_attack(nlp, text: str) -> None:
    assert all(trigger != "attack" for _, trigger in _triggers(nlp, text))


def test_an_attack_is_still_one(nlp) -> None:
    text = "Gunmen attack a police post in Quillmont, killing two officers, the army said."
    assert any(kind in ("Violence against civilians", "Battles") for kind, _ in _triggers(nlp, text))
