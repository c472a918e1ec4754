"""Context guards on triggers (round 7): words that, in these contexts, name no event of their type.

Each false trigger used to become the article's main event and lend it its type; each true use
next to it must stay a trigger.  Sentences are invented.
"""

from __future__ import annotations

import pytest

from wirecheck.extract import analyze_article
from wirecheck.extract.events import find_triggers
from wirecheck.models import Article
from wirecheck.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def triggers(nlp, text: str) -> list[str]:
    nd = nlp.process(Article(id="t", text=text))
    return [t.text.lower() for t in find_triggers(nd, [])]


def main_type(nlp, text: str) -> str:
    an = analyze_article(Article(id="t", text=text), nlp)
    return next(e for e in an.events if e.id == an.main_event).event_type


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # spent ammunition, not artillery
        ("Detectives picked up eleven shell casings beside the parked van.", "shell"),
        ("A single spent shell lay under the porch steps.", "shell"),
        # a crowd with no aim, or someone collecting facts
        ("Neighbours had gathered on the lawn for a birthday cookout.", "gathered"),
        ("Investigators gathered statements from the tenants all week.", "gathered"),
        ("Relatives gathered at the county hospital late into the night.", "gathered"),
        # medical and legal idioms, brawls
        ("The toddler was fighting for her life at a children's hospital.", "fighting"),
        ("The couple had been locked in a bitter custody battle over their son.", "battle"),
        ("Two cousins began fighting against each other near the food truck.", "fighting"),
        ("The clerk fought back tears as she spoke to the jury.", "fought"),
        # robbery, not protest
        ("The masked pair demanded cash from the night clerk.", "demanded"),
        ("A teenager approached him demanding money and a phone.", "demanding"),
        # forced movement and the month
        ("The robber marched her to the back office at knifepoint.", "marched"),
        ("March 9, 2016 11:42 PM", "march"),
        ("Posted early march 2016 by the newsroom staff.", "march"),
    ],
)
def test_guard_cancels(nlp, text: str, word: str) -> None:
    assert word not in triggers(nlp, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Artillery shells struck the outskirts of the city overnight.", "shells"),
        ("Several hundred farmers gathered outside the ministry to demand lower fuel prices.", "gathered"),
        ("Dozens of nurses gathered in the square to protest against unpaid wages.", "gathered"),
        ("Soldiers were fighting rebels near the river crossing.", "fighting"),
        ("On Sunday heavy fighting flared between two armed factions.", "fighting"),
        ("Youths from two villages fought with sticks over a grazing field.", "fought"),
        ("Students marched to the governor's office demanding that jailed classmates go free.", "demanding"),
        ("Students marched to the governor's office on Friday.", "marched"),
        ("The march ended peacefully at city hall.", "march"),
    ],
)
def test_true_use_stays(nlp, text: str, word: str) -> None:
    assert word in triggers(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "A man was shot twice on Elm Street on Friday night. Officers collected nine shell casings from the sidewalk.",
        "A bartender was shot once through his thigh outside a tavern early Sunday. Friends had gathered by the loading dock before the shots.",
        "A 7-year-old boy remains hospitalised and fighting for his life; he was shot inside his grandmother's kitchen.",
        "Two brothers were shot outside a laundromat when a gunman demanded money from them.",
    ],
)
def test_main_event_is_the_shooting(nlp, text: str) -> None:
    assert main_type(nlp, text) == "Violence against civilians"
