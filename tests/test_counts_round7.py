"""Counting rules of round 7: a hurt person told to live beside the dead, subjects with a
possessive name or a place after them, "two of the six men", numbers that are no count
(ages, "how many times"), "one of nine shot", "shot himself and his son", a group found hit, a
group told of in the sentence before ("They were each hit").  Texts are invented."""

import pytest

from extract_helpers import toll as _toll


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # told to live: none of the dead, even beside several of them
        ("Gus Orr, Lia Penn and Max Rue were killed in the Joliet farmhouse. Orr's 31-year-old nephew "
         "was also shot in the hip and is expected to recover", (3, 1)),
        ("Two brothers died in the ambush on Kettle Road. A neighbor was also wounded but is in stable "
         "condition", (2, 1)),
        # a possessive name stands where "the" does
        ("Nia Voss, 17, died at Elm General. Voss's 12-year-old cousin was also shot and taken to Elm General",
         (1, 1)),
        # a place after the subject: "in the grey pickup"
        ("A driver was killed on Wick Street. Another 16-year-old in the grey pickup was also shot", (1, 1)),
        ("A driver died at the scene. A 15-year-old boy and a 71-year-old man in the car with the driver were "
         "also hit by gunfire, but their injuries are not life-threatening", (1, 2)),
        # a pronoun may be one of the dead: no survivor by itself
        ("Rafe Dunn was shot in the neck at the Provo arcade. He is in stable condition", (0, 1)),
    ],
)
def test_survivors_beside_the_dead(text: str, expected: tuple) -> None:
    assert _toll(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part of a group
        ("Deputies said four of the five passengers were hit by pellets and suffered minor injuries", (0, 4)),
        # ages and questions are no counts
        ("Deputies have not said how many times the cyclist was shot near the Ogden depot", (0, 1)),
        ("Two teens ages 15 and 16 were injured near the Ogden depot", (0, 2)),
        # "one of nine shot": the noun left out
        ("A 30-year-old welder was one of nine shot at the Fargo barn dance. He died at the scene", (1, 8)),
        ("A 30-year-old welder was one of nine shot dead at the Fargo barn dance", (0, 0)),
    ],
)
def test_numbers_that_count_or_not(text: str, expected: tuple) -> None:
    assert _toll(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the shooter and one more person
        ("Deputies said Cal Brandt fumbled a revolver at his Yuma ranch, shooting himself and a worker", (0, 2)),
        ("A Yuma man shot himself and his son, 8, while loading a rifle in the barn", (0, 2)),
        # a group found hit: everyone hit, less the dead
        ("Officers arriving at the Elm Street hall found four men shot. Tess Lowe, 40, died soon after", (1, 3)),
        ("Medics found three men with gunshot wounds at the Boise lounge", (0, 3)),
        ("Deputies found two men shot dead near the Boise trailhead", (2, 0)),
        # "non-fatal" wounds
        ("A driver was fatally shot at the Boise depot. Two others sustained non-fatal gunshot wounds in the lot", (1, 2)),
    ],
)
def test_groups_hit(text: str, expected: tuple) -> None:
    assert _toll(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three men were standing outside the Salem diner on Friday. They were each hit in the arm", (0, 3)),
        ("Two women were sitting on a porch in Salem. Both were wounded by gunfire", (0, 2)),
        # a death in the sentence: left to the other rules ("both" counts the dead)
        ("Two men were sitting in a van in Salem. They were both shot and died at the scene", (2, 0)),
        # a group with no noun is no group
        ("Police said many were there. They were each hit", (0, 0)),
    ],
)
def test_group_of_the_sentence_before(text: str, expected: tuple) -> None:
    assert _toll(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # general person nouns (roles, trades, crowds) count like "men" and "man"
        ("Two couriers were shot outside the Pine Road depot", (0, 2)),
        ("Four patrons were hurt when a man fired into the Moab taproom", (0, 4)),
        ("The partygoer was wounded in the arm near the Tulsa pavilion", (0, 1)),
        # an age written without hyphens is one person
        ("A 16 year old was wounded in the leg outside the Reno arcade", (0, 1)),
        # "they were both ...": "both" is the count after a pronoun subject
        ("The brothers were both shot and killed near the Yuma gate", (2, 0)),
        # gunfire as the subject: everyone its object names was hit
        ("Gunfire struck Dana Wexley and three others near the Fargo bus stop", (0, 4)),
        # a group, then its members: the members count, not the group as a third part
        ("The victims, a 30-year-old man and two teenage girls, were wounded near the Akron rink", (0, 3)),
    ],
)
def test_round7_second_pass(text: str, expected: tuple) -> None:
    assert _toll(text) == expected
