"""Round 8 count rules: lists of named victims, a hurt person and the others
beside, a list after "shot", the shooter's own death beside those he hit (invented sentences)."""

from __future__ import annotations

import pytest

from extract_helpers import sentence_toll as _toll
from wirecheck.models import Sentence
from wirecheck.nlp.counts import aggregate, find_casualties


@pytest.mark.parametrize(
    ("text", "headline", "expected"),
    [
        # a comma list of names with a closing "all", read by a weak predicate
        ("Lina Ortez, Bram Kuyper, Ossie Vale, and Teo Marsh all sustained injuries in the gunfire.", False,
         (None, 4)),
        # a second named passive after "while" is one more person
        ("Kuyper, Lina Ortez and Marsh were wounded in the legs, while Vale was shot in one hand.", False, (None, 4)),
        # the hurt person the sentence opens with, and the others beside
        ("A 9-year-old girl remained in serious condition Monday after gunfire that also injured two other "
         "people near the depot.", False, (None, 3)),
        # one object and the others after a comma (headline style)
        ("Drive-by that wounded a 6-year-old, 3 others leaves Elm Row uneasy", True, (None, 4)),
        # a list after "shot"; the shooter's own death is none of those he hit
        ("A man shot three clerks and a young guard before fatally turning the weapon on himself at the motel.", False,
         (1, 4)),
        # "killed himself" is the shooter's suicide, not a list of dead before the verb
        ("Two victims were found with bullet wounds, among them one courier and the attacker then killed himself.",
         False, (1, 2)),
        # a list closed by an age right before the verb
        ("All four men were shot; Rusk and Delmar Ocho, 31, died.", False, (2, 2)),
        # "three others were injured" beside a death told later: the dead are not among them
        ("Three others were hurt by the gunfire. The dead man was the first homicide victim this spring.", False,
         (1, 3)),
    ],
)
def test_round8_tolls(text: str, headline: bool, expected: tuple[int | None, int | None]) -> None:
    assert _toll(text, headline) == expected


def test_source_before_a_list_of_names_is_no_victim() -> None:
    text = ("According to Lake County Coroner Vera Hollis-Tam, Ada Mae Quill, 23, and Rhea June Sand, 29, "
            "were both pronounced dead inside the van.")
    assert _toll(text) == (2, None)


def test_names_after_a_counted_noun_are_the_counted() -> None:
    text = "Ida Fenn and her two sons, Cal, 9, and Ben, 6, died in the blaze."
    assert _toll(text)[0] == 3


def test_one_of_a_group_is_no_one_new() -> None:
    text = ("Two clerks were fatally shot Sunday. Ada Quill, 23, and Rhea Sand, 29, were pronounced dead. "
            "One of the clerks was shot near the van.")
    found = []
    start = 0
    for part in text.split(". "):
        end = start + len(part)
        found += find_casualties(text, Sentence(len(found), start, end, text[start:end]))
        start = end + 2
    killed, injured = aggregate(found)
    assert killed is not None and killed.range.best == 2
    assert injured is None or injured.range.best == 0
