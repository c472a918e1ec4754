"""Round 29 (tolls): a bullet that hit someone is a shooting and a wound, whether the text says
"hit by a bullet", "hit by bullet" (a headline) or "hit with a stray bullet"; a fatal (deadly,
mortal) wound is a death, not a wound.  Texts invented."""

from __future__ import annotations

import pytest

from extract_helpers import main_event
from wirecheck.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.mark.parametrize("text", [
    "Boy hit by bullet while watching a parade\n\nA 7-year-old boy was hit with a bullet in Oakvale on Saturday night.",
    "Girl hurt on her porch\n\nA 9-year-old girl was struck with a stray bullet in Oakvale on Saturday night, police said.",
])
def test_hit_with_a_bullet_is_one_wounded(nlp, text: str) -> None:
    main = main_event(nlp, text, title=text.split("\n")[0])
    assert main.injured is not None and main.injured.range.best == 1
    assert main.fatalities is None or main.fatalities.range.best == 0


@pytest.mark.parametrize(("text", "killed", "injured"), [
    ("Hunter suffers fatal gunshot wound\n\nA man suffered a fatal gunshot wound while hunting near Oakvale on "
     "Saturday, deputies said.", 1, None),
    ("Man found in Oakvale\n\nA man was found with a deadly gunshot wound in Oakvale on Saturday, police said.", 1, None),
    ("Man shot in Oakvale\n\nA man suffered a gunshot wound in Oakvale on Saturday, police said.", None, 1),
    ("Man shot in Oakvale\n\nA man sustained a non-fatal gunshot wound in Oakvale on Saturday, police said.",
     None, 1),
])
def test_a_fatal_wound_is_a_death(nlp, text: str, killed: int | None, injured: int | None) -> None:
    main = main_event(nlp, text, title=text.split("\n")[0])
    assert (main.fatalities.range.best if main.fatalities else None) == killed
    assert (main.injured.range.best if main.injured else None) == injured
