"""Round 31 linking: a brief is measured against the other report's lead, not its whole text (a
report of this year's heist recalls last year's in its body); a text with no title of its own
whose first line reads as a headline has that line as its title.  Texts are invented."""

from __future__ import annotations

import pytest

from extract_helpers import linked_pair_features, tagged_analysis
from wirecheck.link import MemoryLinkBackend, StoryLinker
from wirecheck.link.features import article_features, first_line_headline
from wirecheck.settings import Settings

BRIEF = ["Armed robbers dressed as guards stole gems from the Quillmont jewellers on Vell Avenue."]

SAME = [
    "Robbers dressed as guards steal gems from Quillmont jewellers",
    "Armed robbers dressed as security guards walked into the Quillmont jewellers on Vell Avenue "
    "and stole gems and watches from its safe.",
    "The robbers held two clerks at gunpoint and left in a grey van, police said.",
    "Detectives asked shoppers who saw the van to call them.",
    "The shop reopened in the afternoon; its owner said the safe had been fitted a month before.",
]

OTHER = [
    "Thieves ram car into Oakvale Street shop in smash-and-grab raid",
    "Four men rammed a stolen car through the window of a shop on Oakvale Street before dawn "
    "and fled with trays of rings.",
    "Nobody was hurt in the raid, which took less than two minutes, police said.",
    "It is the second raid on a shop in the city this year.",
    "In the first, armed robbers dressed as guards stole gems from the Quillmont jewellers on "
    "Vell Avenue; two of them are awaiting trial.",
]


_pair = linked_pair_features


def test_a_brief_is_measured_against_the_other_reports_lead() -> None:
    same = _pair(tagged_analysis("b1", "", BRIEF), tagged_analysis("s1", "", SAME))
    other = _pair(tagged_analysis("b2", "", BRIEF), tagged_analysis("o1", "", OTHER))
    assert same["short_shared"] > 0.5
    # the other report's body holds every word of the brief, its lead (headline and first two
    # sentences) hardly any: a like event, recalled
    assert other["short_shared"] < 0.2 < same["short_shared"] - other["short_shared"]


def test_the_lead_words_are_the_headline_and_first_two_sentences() -> None:
    feats = article_features(tagged_analysis("o2", "", OTHER))
    assert {"thieves", "rammed", "stolen", "rings"} <= set(feats["lead_words"])
    assert not {"quillmont", "guards", "hurt"} & set(feats["lead_words"])


def test_features_stored_without_lead_words_compare_the_whole_text() -> None:
    linker = StoryLinker(MemoryLinkBackend(), Settings())
    brief, other = tagged_analysis("b3", "", BRIEF), tagged_analysis("o3", "", OTHER)
    linker.add(brief)
    linker.add(other)
    stored = {k: dict(linker.backend.features(k)) for k in ("b3", "o3")}
    for feats in stored.values():
        del feats["lead_words"]  # as a store written before round 31 holds them
    fresh = StoryLinker(linker.backend, Settings())
    old = fresh.pair_features("b3", stored["b3"], "o3", stored["o3"])
    assert old["short_shared"] > 0.5


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        ("Thieves ram car into Oakvale Street shop\nFour men rammed a car ...", "Thieves ram car into Oakvale Street shop"),
        ("  Report: Quillmont council to vote on budget\nThe council ...", "Report: Quillmont council to vote on budget"),
        ("Four men rammed a car into a shop on Oakvale Street.\nNobody was hurt.", ""),  # a sentence
        ("9 September 2031, 14: 08\nThieves rammed ...", ""),  # a page's stamp
        ("THIEVES RAM CAR INTO SHOP\nFour men ...", ""),  # capitals: a label or a shout
        ("Update:\nThieves ...", ""),
        ("Oakvale\nThieves ...", ""),  # a word or two: a section or a dateline
    ],
)
def test_first_line_headline(text: str, headline: str) -> None:
    assert first_line_headline(text) == headline


def test_the_first_line_stands_in_for_a_missing_title_only() -> None:
    lines = ["Thieves ram car into Oakvale Street shop", "Four men rammed a stolen car into a shop."]
    assert "thieves" in article_features(tagged_analysis("t1", "", lines))["title"]
    titled = article_features(tagged_analysis("t2", "Quillmont council votes on budget", lines))
    assert "thieves" not in titled["title"] and "council" in titled["title"]
