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
    assert 1 in _killed("Deputies say a woman shot her neighbor to death over a fence on Sunday.")
    assert 2 in _killed("A man stabbed his wife and son to death, police said.")
    # the passive and a reflexive wound are as before
    assert _killed("A man was shot to death Sunday.") == [1]
    assert _killed("The boy shot himself in the hand.") == []


def test_killing_then_himself_is_one_more_dead() -> None:
    t = "The gunman wounded five coworkers, killing three, then himself."
    found = find_casualties(t, Sentence(0, 0, len(t), t))
    killed = [c for c in found if c.kind == "killed"]
    assert [c.range.best for c in killed] == [3, 1] and killed[1].additional
    # no killing before it: "shot two people and then himself" says nothing of deaths
    assert _killed("The gunman shot two people and then himself.") == []


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Farmhand killed\n\nDeputies say a rancher shot his farmhand to death and then killed himself.", 2),
        ("Tragedy on Elm Street\n\nA man shot his wife and son to death before killing himself, police said.", 3),
        ("Office shooting\n\nThe gunman wounded five coworkers on Monday, killing three, then himself, police said.", 4),
    ],
)
def test_the_event_counts_the_killer_too(nlp, text: str, dead: int) -> None:
    assert _dead(nlp, text) == dead


def test_an_active_killer_is_no_victim() -> None:
    t = "A 70-year-old man killed his brother and then himself."
    found = [c for c in find_casualties(t, Sentence(0, 0, len(t), t)) if c.kind == "killed"]
    assert [t[c.start : c.end].strip() for c in found] == ["killed his brother", "and then himself"]


def test_the_killers_death_told_twice_is_one(nlp) -> None:
    text = ("Couple found dead in murder-suicide\n\nA woman killed her husband and then herself at their farm, "
            "deputies said. The sheriff called it a murder-suicide; she had killed herself with a shotgun.")
    assert _dead(nlp, text) == 2


def test_both_dead_beside_a_killing_and_suicide(nlp) -> None:
    # "both died" counts the woman and her child; "killed her child and then herself" adds no one
    text = ("Two dead at a cabin\n\nA man fired at his brother, then at himself, troopers said. Both died at "
            "the cabin. The coroner said the man killed his brother and then himself.")
    assert _dead(nlp, text) == 2
