"""Round 15 linking: a county and a town in it are no two places.

A sheriff's release names the county ("Cobb County"), a station's report the town ("Marietta"):
the pair is not told apart by place.  Two towns of one county still are.  Texts are invented;
places are real (the gazetteer gives each town's county)."""

from __future__ import annotations

from extract_helpers import stored_features
from wirecheck.link import MemoryLinkBackend, StoryLinker
from wirecheck.models import Article, ArticleAnalysis, EventMention, Evidence, Located
from wirecheck.nlp.places import get_gazetteer


def _feats(art: str, place: str) -> dict:
    where = get_gazetteer().lookup(place)
    assert where is not None
    ev = Evidence(art, 0, 0, 5)
    mention = EventMention(id="e0", article=art, trigger="shot", evidence=ev, event_type="Violence against civilians",
                           location=Located(where, place, ev))
    text = "A woman was wounded by a stray bullet while she slept, deputies said."
    analysis = ArticleAnalysis(article=Article(id=art, text=text, title=text[:30], published="2031-06-04"),
                               entities=[], events=[mention], main_event="e0")
    return stored_features(analysis)


def test_a_county_and_a_town_in_it_are_no_place_difference() -> None:
    linker = StoryLinker(MemoryLinkBackend())
    county, town = _feats("a", "Cobb County, Georgia"), _feats("b", "Marietta, Georgia")
    terms = linker.pair_features("a", county, "b", town)
    assert terms["place_diff"] == 0.0 and terms["place_same"] == 0.0


def test_two_towns_of_one_county_still_differ() -> None:
    linker = StoryLinker(MemoryLinkBackend())
    one, two = _feats("a", "Marietta, Georgia"), _feats("b", "Smyrna, Georgia")
    assert one["county"] == two["county"]
    assert linker.pair_features("a", one, "b", two)["place_diff"] == 1.0


def test_a_county_of_another_state_differs() -> None:
    linker = StoryLinker(MemoryLinkBackend())
    county, town = _feats("a", "Cobb County, Georgia"), _feats("b", "Austin, Texas")
    assert linker.pair_features("a", county, "b", town)["place_diff"] == 1.0
