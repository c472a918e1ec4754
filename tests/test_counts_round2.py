"""Counting rules of round two: multiple shootings, people told apart after a named death,
deaths among people counted as hurt, lists found dead, "the man killed", headline counts."""

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
        # a double shooting with one death leaves one hurt
        ("A man was killed in a double shooting near the mill", (1, 1)),
        ("Detectives are looking into a triple shooting on Birch Lane. Nobody died", (0, 3)),
        # a new, indefinite person after the named dead one is someone else
        (
            "Tobias Wrenfield was shot and killed on Friday. Medics found Wrenfield, who had been shot twice, "
            "and a 41-year-old cyclist, who had been shot in the foot",
            (1, 1),
        ),
        # ... but "he was shot" is still the dead man
        ("Tobias Wrenfield was shot and killed on Friday. He was shot in the chest", (1, 0)),
        # the dead are among the hurt counted before them
        ("Three people were wounded at the fairground on Friday. The youngest victim died on Sunday", (1, 2)),
        ("A man was killed at the fairground. Three people were wounded", (1, 3)),
        # a list found dead
        ("Deputies found a man and a woman deceased inside the cabin", (2, 0)),
        # "was the man killed"
        ("A retired pilot from Ashvale was the man killed in the crash", (1, 0)),
        # a weak "was then shot"
        ("The guard was then shot in the hand", (0, 1)),
    ],
)
def test_round_two_tolls(text: str, expected: tuple) -> None:
    assert _toll(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Four shot, 1 dead near Quarry Park | kxyz.comPolice gave no names.", (1, 3)),
        ("One dead, two critical after fire on Pine Road | kxyz.comPolice gave no names.", (1, 2)),
        ("Two shot dead in Quarry Park | kxyz.comPolice gave no names.", (2, 0)),
    ],
)
def test_headline_counts(text: str, expected: tuple) -> None:
    assert _toll(text) == expected
