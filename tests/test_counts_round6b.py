"""Counting rules of round 6 (second pass): possessive subjects, survivors beside the dead,
"the remaining two are suffering from injuries", "and another wounded", digit ordinals, "one of six
people shot", active "critically injured a man", pronouns opening a list of victims, headline
"suffers gunshot wound".  Texts are invented."""

import pytest

from extract_helpers import toll as _toll


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a possessive stands where "the" does: one person
        ("Her brother was shot and killed outside a Mesa tire shop on Sunday", (1, 0)),
        # a survivor is none of the dead
        ("A gunman killed a welder near the Tulsa rail yard. His 20-year-old nephew survived a gunshot wound", (1, 1)),
        # "the other three" beside the dead: that many more
        ("A clerk was killed at the Dayton pawn shop. The other four are still suffering from minor injuries", (1, 4)),
        ("A driver was killed on Quill Road. The other two were hospitalized with leg wounds", (1, 2)),
        # "and another [wounded]": one more person, the noun left out
        ("One worker died and another was critically injured when a gunman fired at the van", (1, 1)),
        ("A clerk was killed late Tuesday and another wounded behind the Fresno diner", (1, 1)),
        # "another two, including ...": a count with an appositive right after it
        ("One guard was killed and another three, including an infant, were hospitalized in Macon", (1, 3)),
        # counts of "the other" people are the whole count, not added up
        ("A bus driver died in the ambush that left another five hurt. The other three were in stable condition", (1, 5)),
    ],
)
def test_subjects_of_survivors_and_others(text: str, expected: tuple) -> None:
    assert _toll(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a digit ordinal counts everyone hit, like "a fourth victim"
        ("Police in Reno now say a 7th teen was hurt in the gunfire at the rink", (0, 7)),
        # one person of a group hit: the group's count is everyone hit, less the dead
        ("Lena Vos was one of seven people shot at the Reno block party. She died on Monday", (1, 6)),
        # ... unless the group is a tally of a period
        ("The two brothers were among eleven people wounded in shootings across Omaha since Friday", (0, 0)),
    ],
)
def test_ordinals_and_groups(text: str, expected: tuple) -> None:
    assert _toll(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an active verb with one person as its object: the object is hurt, not the attacker
        ("Deputies seek the driver who killed a jogger and critically injured a cyclist near Boise", (1, 1)),
        # "fatally injuring" is a death
        ("The rifle went off in the truck, fatally injuring the teen beside him", (1, 0)),
        # a pronoun opening a list of victims
        ("Deputies said the intruder left him and his two sons dead in the Waco farmhouse", (3, 0)),
        # ... but not a subject: "he" is someone told of before
        ("A welder was hurt. He and his cousin were both taken to a hospital in stable condition", (0, 1)),
    ],
)
def test_objects_and_pronoun_lists(text: str, expected: tuple) -> None:
    assert _toll(text) == expected


def test_headline_suffers_gunshot_wound() -> None:
    assert _toll("Hiker suffers accidental gunshot wound near Casper. She is at home", headline=True) == (0, 1)
    # the same words in a body sentence, with no subject, read nothing new
    assert _toll("Neighbors said the teen suffers from asthma") == (0, 0)
