"""Round 32 linking: a story whose reports have come to form groups that do not fit each other
splits (joins look at one article at a time, so without it what a story holds depends on the
order reports arrive in).  Texts are invented."""

from __future__ import annotations

from extract_helpers import tagged_analysis
from wirecheck.link import MemoryLinkBackend, StoryLinker
from wirecheck.link.linker import _average_link
from wirecheck.settings import Settings

HEIST = [
    ["Robbers dressed as guards steal gems from Quillmont jewellers",
     "Armed robbers dressed as security guards walked into the Quillmont jewellers on Vell Avenue "
     "and stole gems and watches from its safe.",
     "The robbers held two clerks at gunpoint and fled in a grey van, police said."],
    ["Gems and watches stolen from Quillmont jewellers by fake guards",
     "Three men in security guard uniforms robbed the Quillmont jewellers on Vell Avenue, taking "
     "gems and watches from the safe.",
     "Two clerks were held at gunpoint before the robbers escaped in a grey van."],
    ["Fake security guards rob Quillmont jewellers on Vell Avenue",
     "Robbers disguised as security guards emptied the safe of the Quillmont jewellers, police "
     "said, escaping with gems and watches.",
     "The clerks were unhurt; detectives are looking for a grey van."],
    ["Police hunt grey van after Quillmont jewellers robbery",
     "Detectives are searching for a grey van used by robbers who dressed as security guards to "
     "raid the Quillmont jewellers on Vell Avenue.",
     "The men stole gems and watches from the safe after holding clerks at gunpoint."],
]

RAID = [
    ["Thieves ram car into Brasklund watch shop in smash-and-grab raid",
     "Four men rammed a stolen car through the window of the Brasklund watch shop on Harrow Quay "
     "before dawn and fled with trays of rings.",
     "Nobody was hurt in the raid, which took less than two minutes, police said."],
    ["Smash-and-grab raiders drive car through Brasklund shop window",
     "A stolen car was rammed through the front of the Brasklund watch shop on Harrow Quay and "
     "four men grabbed trays of rings.",
     "The raid lasted under two minutes and nobody was hurt."],
    ["Rings taken in dawn ram raid on Harrow Quay watch shop",
     "Raiders used a stolen car to smash into the Brasklund watch shop before dawn, escaping with "
     "trays of rings, police said.",
     "Witnesses said four men took part in the raid."],
]


def _heist(i: int):
    return tagged_analysis(f"h{i}", "", HEIST[i])


def _raid(i: int):
    return tagged_analysis(f"r{i}", "", RAID[i])


def test_average_link_keeps_groups_apart_below_the_threshold() -> None:
    m = [
        [0.0, 1.0, 0.9, 0.1, 0.2],
        [1.0, 0.0, 0.8, 0.2, 0.1],
        [0.9, 0.8, 0.0, 0.3, 0.1],
        [0.1, 0.2, 0.3, 0.0, 1.2],
        [0.2, 0.1, 0.1, 1.2, 0.0],
    ]
    assert _average_link(m, 0.65) == [[0, 1, 2], [3, 4]]
    assert _average_link(m, 0.1) == [[0, 1, 2, 3, 4]]
    assert _average_link(m, 1.5) == [[0], [1], [2], [3], [4]]


def test_two_events_caught_in_one_story_split_apart() -> None:
    linker = StoryLinker(MemoryLinkBackend(), Settings())
    for i in range(3):
        linker.add(_heist(i))
    for i in range(2):
        linker.add(_raid(i))
    heist_story = linker.backend.story_of("h0")
    assert linker.backend.story_of("r0") != heist_story
    # an earlier wrong join, as an unlucky order of arrival makes one: the raid reports in the
    # heist's story
    for art in ("r0", "r1"):
        linker.backend.move_article(art, heist_story)
    result = linker.add(_raid(2))
    raid_story = linker.backend.story_of("r0")
    assert raid_story != heist_story
    assert {linker.backend.story_of(a) for a in ("r0", "r1", "r2")} == {raid_story}
    assert {linker.backend.story_of(a) for a in ("h0", "h1", "h2")} == {heist_story}
    assert result.story_id == raid_story
    assert {heist_story, raid_story} <= result.touched
    assert not result.removed


def test_a_lone_odd_report_stays_in_its_story() -> None:
    linker = StoryLinker(MemoryLinkBackend(), Settings())
    for i in range(3):
        linker.add(_heist(i))
    linker.add(_raid(0))
    heist_story = linker.backend.story_of("h0")
    linker.backend.move_article("r0", heist_story)
    linker.add(_heist(3))
    # one report is weak evidence either way: it is not split off alone
    assert {linker.backend.story_of(a) for a in ("h0", "h1", "h2", "h3", "r0")} == {heist_story}


def test_without_split_below_no_story_splits() -> None:
    linker = StoryLinker(MemoryLinkBackend(), Settings())
    linker.split_below = None
    for i in range(3):
        linker.add(_heist(i))
    for i in range(2):
        linker.add(_raid(i))
    heist_story = linker.backend.story_of("h0")
    for art in ("r0", "r1"):
        linker.backend.move_article(art, heist_story)
    linker.add(_raid(2))
    assert linker.backend.story_of("r0") == heist_story
