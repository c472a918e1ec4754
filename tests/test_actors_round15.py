"""Round 15: who did it, read past a report's furniture.

- a dateline ("MOSTAR, Bosnia and Herzegovina --") is no part of the first sentence's subject, and
  a country of several words after the town is still a dateline;
- a town the tagger calls a group denies nothing and is attacked by no one: it is the place;
- a headline's "..., four guards killed" has no killer (its auxiliary is dropped).

Texts are invented; places are real."""

from __future__ import annotations

import pytest

from wirecheck.extract import analyze_article
from wirecheck.models import Article
from wirecheck.nlp import load_pipeline
from wirecheck.nlp.places import find_dateline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _actors(nlp, title: str, body: str) -> set[tuple[str, str, str]]:
    art = Article(id="x", source="wire.example", title=title, text=f"{title}\n\n{body}", published="2025-06-02")
    return {(a.role, a.name, a.status) for ev in analyze_article(art, nlp).events for a in ev.actors}


@pytest.mark.parametrize(
    ("line", "town", "iso"),
    [
        ("MOSTAR, Bosnia and Herzegovina (Wire) — A bridge guard was hurt.", "Mostar", "BA"),
        ("GOMA, Democratic Republic of Congo — Rebels shelled a camp.", "Goma", "CD"),
        ("KISUMU, Kenya — Police fired tear gas.", "Kisumu", "KE"),
    ],
)
def test_a_dateline_names_a_country_of_several_words(line: str, town: str, iso: str) -> None:
    found = find_dateline(line)
    assert found is not None and found.place.name == town and found.place.iso == iso


def test_the_dateline_town_is_not_the_subject_of_the_first_sentence(nlp) -> None:
    actors = _actors(
        nlp,
        "Rebels raid market town",
        "GOMA, Democratic Republic of Congo — Militiamen ambushed a fuel convoy on the road between Goma "
        "and Sake on Saturday, killing four drivers, the army said.",
    )
    assert ("perpetrator", "Militiamen", "claimed") in actors
    assert not any(name in ("Goma", "Democratic Republic of the Congo") for _, name, _ in actors)


def test_a_headline_without_its_auxiliary_names_no_killer(nlp) -> None:
    actors = _actors(
        nlp,
        "Army convoy ambushed in Kivu, four soldiers killed",
        "Gunmen ambushed an army fuel convoy on Saturday, killing four soldiers, the army said.",
    )
    assert not any(role == "perpetrator" and name.lower() == "army" for role, name, _ in actors)


def test_a_town_the_tagger_calls_a_group_neither_denies_nor_is_attacked(nlp) -> None:
    actors = _actors(
        nlp,
        "Six killed in Masisi ambush as militia denies involvement",
        "Six people were killed when gunmen attacked a bus in Masisi territory on Sunday, officials said. "
        "The army has blamed the Kivu Defence Front.",
    )
    assert not any(name == "Masisi" for _, name, _ in actors)


def test_a_spokesman_for_the_group_denies_for_the_group_named_before(nlp) -> None:
    actors = _actors(
        nlp,
        "Five killed in attack on river ferry",
        "Gunmen attacked a ferry on the lake on Monday, killing five passengers, officials said. "
        "The provincial governor blamed the Lake Shore Brigade. A spokesman for the group, who spoke by "
        "telephone, denied any role.",
    )
    denied = {name for role, name, status in actors if role == "perpetrator" and status == "denied"}
    assert denied == {"Lake Shore Brigade"}


def test_a_source_asking_not_to_be_named_is_no_claim_of_its_own(nlp) -> None:
    text = ("Two held after market blast\n\nA police officer, who asked not to be named, said two men were "
            "detained near the market. A trader, who asked that her name not be used, said the stalls burned.")
    art = Article(id="x", source="wire.example", title="Two held after market blast", text=text, published="2025-06-02")
    claims = analyze_article(art, nlp).claims
    assert not any(c.speaker_text.lower() == "who" for c in claims)
    assert any("detained" in c.content for c in claims)
