"""Round 7: the article's event grouping -- a lead's "dead after a shooting" and the rest of a
shooting's victims ("the second man shot") belong to the reported event."""

from __future__ import annotations

import pytest

from wirecheck.extract.events import _harm_after, _same_victims


@pytest.mark.parametrize(
    "before",
    [
        "Three men are dead after a ",
        "A girl was hospitalized after an accidental ",
        "Two others were wounded following a ",
        "A teacher is in critical condition after a ",
    ],
)
def test_harm_then_after_tells_the_report(before: str) -> None:
    assert _harm_after(before)


@pytest.mark.parametrize("before", ["Neighbors marched after a ", "The vote came after a ", "Schools closed after "])
def test_other_after_stays_background(before: str) -> None:
    assert not _harm_after(before)


@pytest.mark.parametrize(
    "before",
    ["The second woman ", "six other deputies ", "the other officer ", "was charged with second degree "],
)
def test_more_victims_are_no_separate_event(before: str) -> None:
    assert _same_victims(before)


@pytest.mark.parametrize("before", ["In another ", "Another teen ", "a second deadly ", "a separate "])
def test_another_event_stays_separate(before: str) -> None:
    assert not _same_victims(before)


@pytest.mark.slow
def test_second_victim_joins_the_shooting() -> None:
    from wirecheck.models import Article
    from wirecheck.pipeline import analyze_articles
    from wirecheck.settings import load_settings

    text = (
        "Man dies in Dayton shooting\n\nDAYTON, Ohio - Police found a man shot near a bakery on "
        "Tuesday night. He died at a hospital. The second man shot was taken to a hospital in "
        "fair condition. Officers said both men knew the gunman."
    )
    [analysis] = analyze_articles([Article(id="r7", text=text, title="Man dies in Dayton shooting")],
                                  load_settings(workers=1))
    violent = [m for m in analysis.events if m.event_type != "Strategic developments"]
    assert len(violent) == 1
