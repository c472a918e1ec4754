"""Time expressions, session 21: "the past weekend" and "the coming weekend" (texts invented)."""

from __future__ import annotations

import pytest

from wirecheck.models import Sentence
from wirecheck.nlp.times import find_times


def _times(text: str, published: str | None) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in find_times(text, [Sentence(0, 0, len(text), text)], published)]


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("the past weekend", "2024-W10-WE"),  # a Wednesday: the weekend before it
        ("the coming weekend", "2024-W11-WE"),  # the one ending this week
        ("the past month", "P1M"),  # a span up to now, as before
    ],
)
def test_the_past_and_coming_weekend_are_weekends(phrase: str, value: str) -> None:
    found = _times(f"Two patrols were ambushed near the border over {phrase}, the army said.", "2024-03-13")
    assert found == [(phrase, value)]


def test_the_past_weekend_without_a_publication_date_is_read_without_failing() -> None:
    found = _times("Rebels blew up a pylon over the past weekend.", None)
    assert [t for t, _ in found] == ["the past weekend"]
