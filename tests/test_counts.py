import pytest

from wirecheck.models import CountRange, Sentence
from wirecheck.nlp.counts import aggregate, find_casualties, parse_count, parse_number


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


# --- subjects, weak signs and one event's toll (texts written for these tests) ---------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dana Mills Jr., a 41-year-old cook, died Sunday after being shot.", [("killed", 1, 1, 1)]),
        ("Police found Dana Mills shot to death inside the garage.", [("killed", 1, 1, 1)]),
        ("A driver in his 30s was shot and killed near the bridge.", [("killed", 1, 1, 1)]),
        ("A 15-year-old who was shot and killed on Friday was identified.", [("killed", 1, 1, 1)]),
        ("Mills was pronounced deceased at the scene.", [("killed", 1, 1, 1)]),
        # both read; aggregate() drops the injured reading because the man died
        ("Deputies shot the man, who later died.", [("injured", 1, 1, 1), ("killed", 1, 1, 1)]),
        ("The city bought 300 body cameras last year.", []),
    ],
)
def test_subjects_and_objects(text: str, expected: list) -> None:
    assert cas(text) == expected


def test_shooter_is_not_the_casualty() -> None:
    text = "A deputy who fatally shot a 20-year-old was cleared."
    (c,) = find_casualties(text, Sentence(0, 0, len(text), text))
    assert c.kind == "killed" and c.phrase == "fatally shot a 20-year-old"


@pytest.mark.parametrize(
    "text",
    [
        "Officers found a man with a gunshot wound to the leg.",
        "The clerk was taken to a hospital with a wound to his arm.",
        "A hunter shot his friend by mistake.",
        "The victim is expected to recover.",
    ],
)
def test_weak_signs(text: str) -> None:
    (c,) = find_casualties(text, Sentence(0, 0, len(text), text))
    assert (c.kind, c.range.best) == ("injured", 1)


def _all(text: str) -> list:
    out = []
    start = 0
    for part in text.split(". "):
        out.extend(find_casualties(text, Sentence(len(out), start, start + len(part), part)))
        start += len(part) + 2
    return out


def test_aggregate_victim_who_died_is_not_injured() -> None:
    text = "A man was shot on Main Street. He was taken to a hospital where he died."
    killed, injured = aggregate(_all(text))
    assert killed is not None and killed.range.best == 1
    assert injured is None


def test_aggregate_keeps_the_largest_and_separate_wounded() -> None:
    text = "Two people were killed. A third person was wounded. One of the dead was a teacher."
    killed, injured = aggregate(_all(text))
    assert (killed.range.best, injured.range.best) == (2, 1)


def test_aggregate_shot_counts_as_injured_when_nobody_died() -> None:
    text = "A woman was shot in the leg. Police are looking for the gunman."
    killed, injured = aggregate(_all(text))
    assert killed is None and injured.range.best == 1


def test_aggregate_leaves_cumulative_tolls_out() -> None:
    text = "A man was killed on Monday. The war has killed 20,000 people since 2020."
    killed, _ = aggregate(_all(text))
    assert killed.range.best == 1
