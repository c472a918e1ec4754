"""Round 8 linking (third pass): two like events told apart by the people they are about.

A topic's like events (the same champion's two fights, two players arrested for the same
offence) share most of their words; what tells them apart is the other person each report's
lead names -- one the other report never prints.  Texts are short invented reports (invented
people; real cities).
"""

from __future__ import annotations

from extract_helpers import tagged_analysis
from wirecheck.link import MemoryLinkBackend, StoryLinker
from wirecheck.link.features import article_features
from wirecheck.link.names import link_data
from wirecheck.models import ArticleAnalysis


def _fight(art: str, opponent: str, rounds: str, venue: str) -> ArticleAnalysis:
    lines = [
        f"Dario Velasquez kept his heavyweight belts by stopping {opponent} in the {rounds} round.",
        f"Velasquez floored {opponent.split()[-1]} twice before the referee waved the bout off in {venue}.",
        f"{opponent.split()[-1]} said he would ask for a rematch next year.",
        "Velasquez has not lost a bout in five years.",
    ]
    people = {"Dario Velasquez": [], opponent: []}
    return tagged_analysis(art, f"Velasquez stops {opponent.split()[-1]} to keep his belts", lines, people)


def test_key_people_are_the_lead_people_named_again() -> None:
    lines = [
        "Marta Quillon, 31, was arrested early Sunday on suspicion of drunk driving, a highway patrol spokesman, "
        "Sgt. Owen Farrly, said.",
        "Quillon was stopped for speeding on a freeway outside Sacramento, the reporter Lena Brisk wrote.",
        "Farrly said the driver was released on bail.",
        "Quillon will appear in court next month.",
    ]
    people = {"Marta Quillon": [], "Owen Farrly": ["spokesman"], "Lena Brisk": []}
    feats = article_features(tagged_analysis("k1", "Player held on suspicion of drunk driving", lines, people))
    # The spokesman (a title) and a name printed once are not whom the report is about.
    assert feats["key"] == ["quillon"]
    assert {"quillon", "farrly", "sacramento", "player"} <= set(feats["caps"])


def test_two_fights_of_one_champion_clash_on_the_opponents() -> None:
    linker = StoryLinker(MemoryLinkBackend())
    a = _fight("f1", "Ivo Rantanen", "seventh", "Hamburg")
    b = _fight("f2", "Colm Baptiste", "sixth", "Bern")
    fa, fb = (article_features(x) for x in (a, b))
    for art, feats in (("f1", fa), ("f2", fb)):
        feats["vec"] = {}
        feats["sig"] = []
        assert feats["key"] == sorted(["velasquez", {"f1": "rantanen", "f2": "baptiste"}[art]])
    assert linker.pair_features("f1", fa, "f2", fb)["key_clash"] == 1.0
    assert link_data()["score"]["key_clash"] < 0


def test_no_clash_when_one_report_prints_the_other_ones_people() -> None:
    linker = StoryLinker(MemoryLinkBackend())
    a = _fight("g1", "Ivo Rantanen", "seventh", "Hamburg")
    lines = [
        *a.article.text.splitlines(),
        "Velasquez last defended the belts against Colm Baptiste in Bern.",
        # Round 9: undated reports must name the other's person more than once (not in passing).
        "Baptiste has asked for a third bout.",
    ]
    a = tagged_analysis("g1", a.article.title or "", lines, {"Dario Velasquez": [], "Ivo Rantanen": [], "Colm Baptiste": []})
    b = _fight("g2", "Colm Baptiste", "sixth", "Bern")
    fa, fb = (article_features(x) for x in (a, b))
    for feats in (fa, fb):
        feats["vec"], feats["sig"] = {}, []
    # The first report recalls the second's opponent: it may be a follow-up of that fight.
    assert linker.pair_features("g1", fa, "g2", fb)["key_clash"] == 0.0


def test_no_clash_in_one_town_within_a_day() -> None:
    # One report names the victim, another the man charged: same town, same day, one shooting.
    linker = StoryLinker(MemoryLinkBackend())
    a = _fight("h1", "Ivo Rantanen", "seventh", "Hamburg")
    b = _fight("h2", "Colm Baptiste", "sixth", "Bern")
    fa, fb = (article_features(x) for x in (a, b))
    for feats in (fa, fb):
        feats.update(vec={}, sig=[], city="hamburg", date="2031-05-03")
    assert linker.pair_features("h1", fa, "h2", fb)["key_clash"] == 0.0
