"""Round 14: deaths told with an active verb.

- "shot his daughter to death", "stabbed his wife and son to death": the object is dead;
- "killing two, then himself": the killing verb carries over to the killer, one more dead.

Texts are invented."""

from __future__ import annotations

import pytest

from wirecheck.extract import analyze_article
from wirecheck.models import Article, Sentence
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.counts import find_casualties
from wirecheck.reconcile import reconcile_story


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _dead(nlp, text: str) -> int | None:
    """The main event's dead, the text's first line its title."""
    art = Article(id="x", source="local.example", title=text.split("\n")[0], text=text, published="2015-05-05")
    result = reconcile_story("s", [analyze_article(art, nlp)])
    main = next(e for e in result.events if e.id == result.story.main_event)
    return main.fatalities.best if main.fatalities is not None else None


def _killed(text: str) -> list[int | None]:
    return [c.range.best for c in find_casualties(text, Sentence(0, 0, len(text), text)) if c.kind == "killed"]


def test_an_object_shot_to_death_is_dead() -> None:
    assert 1 in _killed("Police say a man shot his 7-year-old daughter to death on Sunday.")
    assert 2 in _killed("A man stabbed his wife and son to death, police said.")
    # the passive and a reflexive wound are as before
    assert _killed("A man was shot to death Sunday.") == [1]
    assert _killed("The boy shot himself in the hand.") == []


def test_killing_then_himself_is_one_more_dead() -> None:
    t = "A man shot four relatives, killing two, then himself."
    found = find_casualties(t, Sentence(0, 0, len(t), t))
    killed = [c for c in found if c.kind == "killed"]
    assert [c.range.best for c in killed] == [2, 1] and killed[1].additional
    # no killing before it: "shot two people and then himself" says nothing of deaths
    assert _killed("The gunman shot two people and then himself.") == []


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Girl, 7, killed\n\nPolice say a man shot his 7-year-old daughter to death and then killed himself.", 2),
        ("Tragedy on Elm Street\n\nA man shot his wife and son to death before killing himself, police said.", 3),
        ("Relatives shot\n\nA man shot four relatives on Sunday, killing two, then himself, police said.", 3),
    ],
)
def test_the_event_counts_the_killer_too(nlp, text: str, dead: int) -> None:
    assert _dead(nlp, text) == dead


def test_an_active_killer_is_no_victim() -> None:
    t = "A 59-year-old man killed his 4-year-old son and then himself."
    found = [c for c in find_casualties(t, Sentence(0, 0, len(t), t)) if c.kind == "killed"]
    assert [t[c.start : c.end].strip() for c in found] == ["killed his 4-year-old son", "and then himself"]


def test_the_killers_death_told_twice_is_one(nlp) -> None:
    text = ("Man kills son in murder-suicide\n\nA man killed his 4-year-old son and then himself on Sunday night, "
            "police said. Deputies called it a murder-suicide; the man had killed himself with the same gun.")
    assert _dead(nlp, text) == 2


def test_both_dead_beside_a_killing_and_suicide(nlp) -> None:
    # "both died" counts the woman and her child; "killed her child and then herself" adds no one
    text = ("Woman, son dead in murder-suicide\n\nThe woman shot her son, then herself, deputies said. Both died "
            "early Monday at a hospital. The sheriff said the woman killed her child and then herself.")
    assert _dead(nlp, text) == 2
