"""Round 21: dynamite is an explosive (a "dynamite attack" is a bombing, not a generic attack).
Texts are invented."""

from __future__ import annotations

import pytest

from wirecheck.extract import analyze_article
from wirecheck.models import Article
from wirecheck.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _main(nlp, text: str):
    an = analyze_article(Article(id="d", title=None, text=text, published="2024-05-02"), nlp)
    return next(e for e in an.events if e.id == an.main_event)


@pytest.mark.parametrize(
    "sentence",
    [
        "Unknown men carried out a dynamite attack on a bank branch in the town centre on Tuesday night.",
        "A dynamite charge exploded outside the offices of a farmers' union on Tuesday night.",
        "Rebels dynamited a power pylon outside the town on Tuesday night, the army said.",
    ],
)
def test_dynamite_is_an_explosive(nlp, sentence: str) -> None:
    main = _main(nlp, sentence + " Nobody was hurt, police said.")
    assert (main.event_type, main.sub_event_type) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")
