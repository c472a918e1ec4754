"""Round 8 count rules, second pass: a hit on a named body part, a headline's active verb with a
bare object, "N hit in ..." in a headline, a clock's colon (invented sentences)."""

from __future__ import annotations

import pytest

from extract_helpers import sentence_toll as _toll


@pytest.mark.parametrize(
    ("text", "headline", "expected"),
    [
        # a hit on a named body part reads like "was shot"
        ("The woman was struck in the shoulder when the old rifle went off in the barn.", False, (None, 1)),
        ("Her cousin was hit once in his left thigh near the ferry dock.", False, (None, 1)),
        ("Two couriers were struck in the legs outside the depot late Friday.", False, (None, 2)),
        # the gunfire as the agent of "hit"
        ("Two joggers were hit by the gunfire but walked to the clinic themselves.", False, (None, 2)),
        # not gunfire: no casualty
        ("The postman was hit by a van on Dock Lane.", False, (None, None)),
        # a headline's active verb with a bare object: one person hurt, or dead when "fatally"
        ("Toddler accidentally shoots grandpa at Tulsa ranch", True, (None, 1)),
        ("Boy, 6, shoots 4-year-old cousin in Macon yard", True, (None, 1)),
        ("Farmhand fatally shoots neighbor during Reno feud", True, (1, None)),
        # "shoots ... dead" is left to the rules for the dead
        ("Trucker shoots brother dead at Fresno depot", True, (1, None)),
        # "N hit" in a headline is told like "N shot"
        ("Five hit by gunfire outside Omaha arcade", True, (None, 5)),
        # a clock or a clip's length is no count
        ("2:41 Man found shot near Elm Row, police say", True, (None, 1)),
        ("Two men were shot at 11:45 p.m. near the canal and one later died.", False, (1, 1)),
        ("Three men were hurt near the canal at 11:45 p.m. Sunday.", False, (None, 3)),
    ],
)
def test_round8b_rules(text: str, headline: bool, expected: tuple[int | None, int | None]) -> None:
    assert _toll(text, headline) == expected


def test_hit_without_body_part_is_no_casualty() -> None:
    # "hit" alone is too broad (a car, a wall, a record): it needs the body part or the gunfire
    assert _toll("The grocer was hit in the back room by a falling shelf.") == (None, None)
    assert _toll("Three hit home runs in the Omaha game", headline=True) == (None, None)
