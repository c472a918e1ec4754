"""Round 9: a wish, a plan or a fear of harm is no casualty (counts._hypothetical)."""

from __future__ import annotations

import pytest

from wirecheck.models import Sentence
from wirecheck.nlp.counts import find_casualties


def _read(text: str) -> list[tuple[str, int | None]]:
    found = find_casualties(text, Sentence(index=0, text=text, start=0, end=len(text)))
    return [(c.kind, c.range.best) for c in found if c.kind in ("killed", "injured")]


@pytest.mark.parametrize(
    "text",
    [
        "Marlow told the court he never meant to hurt his cousin that night.",
        "The neighbor said she feared Dunmore would hurt her or the baby.",
        "Her brother asked whether Quill might hurt somebody at the fair.",
        "Deputies said Ostrander had told relatives he was going to kill himself.",
        "A relative warned police that the man wanted to commit suicide.",
        "The teenager did not mean to hurt anyone, his lawyer said in Tulsa.",
    ],
)
def test_wish_or_fear_is_no_casualty(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two men were wounded near the depot in Akron and will recover.", [("injured", 2)]),
        ("Nearly 40 people were killed in the blast outside Lahore.", [("killed", None)]),
        ("Investigators said Varnell used the rifle to kill himself.", [("killed", 1)]),
    ],
)
def test_real_harm_still_counts(text: str, expected: list[tuple[str, int | None]]) -> None:
    assert _read(text) == expected
