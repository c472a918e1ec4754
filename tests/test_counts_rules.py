"""Counting rules added for crawled news: headline seams, headline style, bodies, other victims."""

import pytest

from wirecheck.models import Sentence
from wirecheck.nlp.counts import aggregate, find_casualties


def _found(text: str) -> list:
    return find_casualties(text, Sentence(0, 0, len(text), text))


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
        # a headline glued to the first sentence ("...| news.comA man was ...")
        ("Man shot, killed near Elm Park | news.comA man was shot and killed late Friday.", (1, 0)),
        ("Woman shot, killed in Dayton; suspect held | tv.comThe shooting happened on Oak Street.", (1, 0)),
        ("Teen found shot on bike path dies | Daily NewsThe teen died on Sunday.", (1, 0)),
        ("Officer, suspect injured in gunfight | kxyz.comPolice gave no names.", (0, 2)),
        ("1 dead, 2 hurt in Elm Street shooting | kxyz.comPolice gave no names.", (1, 2)),
        ("Search for gunman after man shot inside diner | wabc.comPolice gave no names.", (0, 1)),
    ],
)
def test_headline_glued_to_the_first_sentence(text: str, expected: tuple) -> None:
    assert _toll(text) == expected


def test_seam_keeps_names_with_inner_capitals() -> None:
    text = "Tom McKay and Jo LaRue were wounded."
    assert [(c.kind, c.range.best) for c in _found(text)] == [("injured", 2)]


@pytest.mark.parametrize(
    "text",
    [
        "Police say a man's body was found behind the store.",
        "A fisherman found the body of a woman in the river.",
        "He is charged in the shooting death of 40-year-old Ann Vale.",
        "The homicide victim was identified on Tuesday.",
        "Police named the victim of a deadly weekend shooting in Akron.",
        "Ann Vale had been shot twice and was pronounced dead at the scene.",
    ],
)
def test_one_dead_person_without_a_count(text: str) -> None:
    assert _toll(text) == (1, 0)


def test_body_camera_is_no_body() -> None:
    assert _toll("Officers wore body cameras during the arrest.") == (0, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police said a 20-year-old man was shot. Another man was shot and is stable.", (0, 2)),
        ("A man was shot in the back and a 29-year-old man was shot in the arm.", (0, 2)),
        ("One person has died. The second victim was taken to the hospital.", (1, 1)),
        ("Both are listed in critical condition.", (0, 2)),
        ("The shooting left a teenager critically wounded.", (0, 1)),
        ("A second victim was found two blocks away with a gunshot wound.", (0, 1)),
        ("Police say Lee got into a fight and was shot in the leg.", (0, 1)),
    ],
)
def test_other_victims_and_wounded(text: str, expected: tuple) -> None:
    assert _toll(text) == expected


def test_stated_count_is_not_summed_with_others() -> None:
    text = "Two people were wounded on Friday. Another man was shot nearby."
    assert _toll(text) == (0, 2)


def test_recent_totals_are_cumulative() -> None:
    text = "A woman was shot in the arm. There have been so many deaths in the last month, a neighbor said."
    assert _toll(text) == (0, 1)
