"""Counting rules of round three: "they" after a clause joiner stands for the group before it,
an ordinal victim ("a fourth victim") counts everyone hit, "received minor injuries", a hospital
named without an article."""

import pytest

from wirecheck.models import Sentence
from wirecheck.nlp.counts import aggregate, find_casualties


def _toll(text: str) -> tuple[int, int]:
    out = []
    start = 0
    for part in text.split(". "):
        out.extend(find_casualties(text, Sentence(len(out), start, start + len(part), part)))
        start += len(part) + 2
    killed, injured = aggregate(out)
    value = lambda c: 0 if c is None else (c.range.best if c.range.best is not None else c.range.low)  # noqa: E731
    return value(killed), value(injured)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "they" takes the size of the clause's subject
        ("Two teens were shot behind the depot. Both teens were flown to a trauma hospital, where they died", (2, 0)),
        ("The woman and her uncle were driven to a clinic where they later died", (2, 0)),
        # a singular "they" is one person
        ("The cyclist was carried to a clinic where they later died", (1, 0)),
        # a group told of before repeats, it does not state, the toll beside a suicide
        (
            "A rancher fatally shot a nurse and a cook before killing himself. The two victims were flown "
            "to a trauma hospital where they later died",
            (3, 0),
        ),
        # an ordinal victim: everyone hit
        ("Three miners were wounded at the quarry. A fourth victim, Olek Varga, was struck by a ricochet", (0, 4)),
        ("Two brothers were killed near the quarry. A third youth sustained non-life-threatening injuries", (2, 1)),
        ("A woman was killed near the quarry. A third youth received minor injuries", (1, 2)),
        # an ordinal person who is no victim
        ("Two brothers were wounded near the quarry. A third man pulled a pistol", (0, 2)),
        ("Two brothers were wounded near the quarry. A third victim died at the clinic", (1, 2)),
        # hurt by a plain verb
        ("A woman received minor injuries in the blast", (0, 1)),
        # a hospital named without an article
        ("Police say all five were rushed to Saint Ottilie Hospital", (0, 5)),
    ],
)
def test_round3_tolls(text: str, expected: tuple[int, int]) -> None:
    assert _toll(text) == expected
