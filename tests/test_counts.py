import pytest

from wirecheck.models import CountRange, Sentence
from wirecheck.nlp.counts import find_casualties, parse_count, parse_number


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("two", (2, 2, 2)),
        ("17", (17, 17, 17)),
        ("1,200", (1200, 1200, 1200)),
        ("twenty-three", (23, 23, 23)),
        ("a dozen", (12, 12, 12)),
        ("dozens", (24, 24, None)),
        ("scores", (40, 40, None)),
        ("hundreds", (200, 200, None)),
        ("at least 12", (12, 12, None)),
        ("more than 100", (101, None, None)),
        ("over 5", (6, None, None)),
        ("nearly 100", (90, None, 99)),
        ("up to 10", (1, None, 10)),
        ("a number of", (3, None, None)),
        ("several", (3, None, None)),
        ("between five and seven", (5, None, 7)),
        ("12 to 15", (12, None, 15)),
        ("one", (1, 1, 1)),
        ("a", (1, 1, 1)),
        ("no one", (0, 0, 0)),
        ("at least one other", (1, 1, None)),
    ],
)
def test_parse_count(phrase: str, expected: tuple) -> None:
    assert parse_count(phrase) == CountRange(*expected)


def test_parse_count_none() -> None:
    assert parse_count("the mayor") is None
    assert parse_count("") is None
    assert parse_number("two hundred and five people") == 205


def cas(text: str) -> list[tuple[str, int, int | None, int | None]]:
    return [(c.kind, c.range.low, c.range.best, c.range.high) for c in find_casualties(text, Sentence(0, 0, len(text), text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The blast killed two people and wounded five.", [("killed", 2, 2, 2), ("injured", 5, 5, 5)]),
        ("Five others were wounded.", [("injured", 5, 5, 5)]),
        ("At least 12 people were killed in the raid.", [("killed", 12, 12, None)]),
        ("The death toll rose to 17 on Monday.", [("killed", 17, 17, 17)]),
        ("The crash left 17 dead.", [("killed", 17, 17, 17)]),
        ("Two bodies were found near the river.", [("killed", 2, 2, 2)]),
        ("The bomb left three dead and four injured.", [("killed", 3, 3, 3), ("injured", 4, 4, 4)]),
        ("One person was shot and killed.", [("killed", 1, 1, 1)]),
        ("A man was killed in the attack.", [("killed", 1, 1, 1)]),
        ("No one was injured.", [("injured", 0, 0, 0)]),
        ("There were no injuries.", [("injured", 0, 0, 0)]),
        ("A woman was shot and wounded on Elm Street.", [("injured", 1, 1, 1)]),
        ("The car was hit, killing both.", [("killed", 2, 2, 2)]),
        ("Tom Rivera, 23, died at the hospital.", [("killed", 1, 1, 1)]),
        ("A 23-year-old man was fatally shot.", [("killed", 1, 1, 1)]),
        ("Two officers were critically injured.", [("injured", 2, 2, 2)]),
        ("The boy was hospitalized.", [("injured", 1, 1, 1)]),
        ("There were 12 casualties.", [("casualties", 12, 12, 12)]),
    ],
)
def test_find_casualties(text: str, expected: list) -> None:
    assert cas(text) == expected


def test_named_victim_and_one_other() -> None:
    text = "The drone strike killed Omar Haddad, along with at least one other official."
    (c,) = find_casualties(text, Sentence(0, 0, len(text), text))
    assert (c.kind, c.range, c.victims_named, c.subject) == ("killed", CountRange(2, 2, None), 1, "official")
    assert text[c.start : c.end] == c.phrase


def test_subject_and_offsets_in_article() -> None:
    text = "Intro line. Five police officers were wounded."
    sent = Sentence(1, 12, len(text), text[12:])
    (c,) = find_casualties(text, sent)
    assert c.subject == "police officers"
    assert text[c.start : c.end] == "Five police officers were wounded"


def test_cumulative_toll() -> None:
    text = "The war has killed more than 20,000 people since October."
    (c,) = find_casualties(text, Sentence(0, 0, len(text), text))
    assert c.cumulative and c.range == CountRange(20001, None, None)


@pytest.mark.parametrize(
    "text",
    [
        "The $20 million bill was killed in committee.",
        "She paid 300 dollars for the ticket.",
        "He was arrested at 9 p.m. on Tuesday.",
    ],
)
def test_not_casualties(text: str) -> None:
    assert cas(text) == []


def test_named_victim_with_title_and_zero_with_subject() -> None:
    text = "Officials said the strike killed militia leader Omar Haddad, along with at least one other Iraqi official."
    (c,) = find_casualties(text, Sentence(0, 0, len(text), text))
    assert (c.range, c.victims_named) == (CountRange(2, 2, None), 1)
    text = "No civilians were harmed."
    (c,) = find_casualties(text, Sentence(0, 0, len(text), text))
    assert (c.kind, c.range, c.subject) == ("injured", CountRange(0, 0, 0), "civilians")
