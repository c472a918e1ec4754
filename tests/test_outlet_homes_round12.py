"""Round 12: a local outlet's home state, counted from the states its articles name, places a
bare town name that no report puts in a state: "Lexington" in a story only a South Carolina
station tells is the South Carolina one.  Texts and outlets are invented; places are real."""

from __future__ import annotations

import pytest

from wirecheck.extract import analyze_article
from wirecheck.link import MemoryLinkBackend, outlet_homes
from wirecheck.link.features import named_states
from wirecheck.link.linker import outlet_keys
from wirecheck.models import Article
from wirecheck.nlp import load_pipeline
from wirecheck.reconcile import reconcile_story


def _backend(states: list[list[str]], where: str = "oakvale-news.example") -> MemoryLinkBackend:
    backend = MemoryLinkBackend()
    for i, named in enumerate(states):
        feats = {"outlet": where, "states": named}
        backend.put(f"a{i}", outlet_keys(feats), feats, f"s{i}")
    return backend


def test_home_is_the_state_most_articles_name() -> None:
    backend = _backend([["Ohio"], ["Ohio"], ["Ohio"], ["Ohio"], ["Indiana"], ["Ohio", "Indiana"], []])
    # the article naming two states and the one naming none do not vote; 4 of 5 is the share
    assert outlet_homes(backend, ["oakvale-news.example", "elsewhere.example"]) == {"oakvale-news.example": "Ohio"}


def test_no_home_without_enough_articles_or_agreement() -> None:
    assert outlet_homes(_backend([["Ohio"], ["Ohio"]]), ["oakvale-news.example"]) == {}
    split = _backend([["Ohio"], ["Ohio"], ["Ohio"], ["Indiana"], ["Indiana"]])
    assert outlet_homes(split, ["oakvale-news.example"]) == {}


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _story(nlp, text: str, homes: dict[str, str]):
    art = Article(id="x", source="wxyz-tv.example", title=text.split("\n")[0], text=text, published="2024-05-08")
    analysis = analyze_article(art, nlp)
    result = reconcile_story("s", [analysis], homes=homes)
    return analysis, next(e for e in result.events if e.id == result.story.main_event)


def test_named_states_reads_the_text(nlp) -> None:
    art = Article(id="n", title="t", text="Deputies in Tulsa, Okla., and in Ohio searched for the car.")
    assert named_states(analyze_article(art, nlp)) == ["Ohio", "Oklahoma"]


def test_a_bare_town_goes_to_the_outlets_home_state(nlp) -> None:
    text = ("Boy, 9, shot at Lexington home\n\nA 9-year-old boy was shot at a home in Lexington on "
            "Tuesday afternoon, deputies said.")
    _, main = _story(nlp, text, {})
    assert main.location.admin1 != "South Carolina"  # the gazetteer's pick for the bare name
    _, main = _story(nlp, text, {"wxyz-tv.example": "South Carolina"})
    assert (main.location.name, main.location.admin1) == ("Lexington", "South Carolina")


def test_a_state_the_text_names_stands(nlp) -> None:
    text = ("Boy, 9, shot at Lexington home\n\nLEXINGTON, Ky. - A 9-year-old boy was shot at a home "
            "in Lexington on Tuesday afternoon, police said.")
    _, main = _story(nlp, text, {"wxyz-tv.example": "South Carolina"})
    assert main.location.admin1 == "Kentucky"
