"""Round 10 count fixes: relative clauses, a long subject before "has died", a survivor of the
other sex beside a group hit, and a corrected early figure."""

import re

from wirecheck.models import Sentence
from wirecheck.nlp.counts import aggregate, find_casualties


def _read(text: str) -> list:
    out = []
    pos = 0
    for i, part in enumerate(re.split(r"(?<=\.)\s+", text)):
        start = text.index(part, pos)
        pos = start + len(part)
        out += find_casualties(text, Sentence(index=i, text=part, start=start, end=pos))
    return out


def _live(text: str, kind: str) -> list[int | None]:
    return [c.range.best for c in _read(text) if c.kind == kind and not c.cumulative]


def test_whose_clause_is_no_list_of_victims() -> None:
    # "whose aunt died" opens a relative clause: no list "his uncle and whose aunt"
    text = "Marla Quist, who barely knew his uncle and whose aunt died long before, spoke to reporters."
    assert 2 not in [c.range.best for c in _read(text) if c.kind == "killed"]


def test_death_years_ago_is_background() -> None:
    text = "Neighbors said the boy's grandfather died three years ago in a car crash."
    assert _live(text, "killed") == []


def test_believed_to_have_subject_has_died() -> None:
    text = "A 12-year-old girl believed to have been hit by a stray round near her school in Toledo has died."
    assert _live(text, "killed") == [1]


def test_other_sex_also_shot_adds_to_the_hurt() -> None:
    text = ("Three men were found with gunshot wounds near the diner. Two of the men, Rolf Ambry and "
            "Dane Kessit, died at a hospital. A woman was also shot; neighbours took her to a clinic.")
    killed, injured = aggregate(_read(text))
    assert killed is not None and killed.range.best == 2
    assert injured is not None and injured.range.best == 2


def test_same_group_also_shot_adds_nothing() -> None:
    # "three people" may hold the woman: nothing is added
    text = ("Three people were found with gunshot wounds near the diner. Two of them died at a hospital. "
            "A woman was also shot; neighbours took her to a clinic.")
    _, injured = aggregate(_read(text))
    assert injured is not None and injured.range.best == 1


def test_corrected_early_figure_is_no_count() -> None:
    text = "Deputies had initially said that nine people were shot, but later lowered the figure to six."
    assert _live(text, "injured") == []
    text = "Officers initially said a teenage boy was also wounded, but later said he was unhurt."
    assert _live(text, "injured") == []


def test_as_first_reported_still_counts() -> None:
    text = "As we first reported on Sunday, two hunters were found dead near a creek."
    assert _live(text, "killed") == [2]
