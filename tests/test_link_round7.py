"""Round 7 linking: the event's key facts as one conjunction, and the hot path's shortcuts.

Texts are short invented reports (invented people; the towns are real but the events are not).
"""

from __future__ import annotations

import math

from extract_helpers import shooting_report
from wirecheck.link import MemoryLinkBackend, StoryLinker
from wirecheck.models import ArticleAnalysis
from wirecheck.settings import Settings


def report(
    art: str, text: str, city: str, published: str, names: tuple[str, ...] = ()
) -> ArticleAnalysis:
    return shooting_report(art, text, names=names, city=city, published=published)


def _linked(*analyses: ArticleAnalysis) -> tuple[StoryLinker, dict[str, dict]]:
    linker = StoryLinker(MemoryLinkBackend(), Settings())
    for a in analyses:
        linker.add(a)
    feats = {a.article.id: linker.backend.features(a.article.id) for a in analyses}
    return linker, feats  # type: ignore[return-value]


def test_same_town_day_and_ages_is_a_fact_match() -> None:
    linker, feats = _linked(
        report("k1", "A 27-year-old courier was hit by gunfire near a bakery in Dayton on Friday night.", "Dayton", "2024-05-10"),
        report("k2", "The victim, 27, wounded outside the Dayton bakery is in stable condition.", "Dayton", "2024-05-11"),
        report("k3", "A 27-year-old was wounded by a stray round in Tulsa on Friday.", "Tulsa", "2024-05-10"),
    )
    same = linker.pair_features("k2", feats["k2"], "k1", feats["k1"])
    assert same["facts_match"] == 1.0 and same["facts_elsewhere"] == 0.0
    other = linker.pair_features("k3", feats["k3"], "k1", feats["k1"])
    # the same age in another town, and no person in common: two like shootings
    assert other["facts_elsewhere"] == 1.0 and other["facts_match"] == 0.0
    assert linker.weights["facts_match"] > 0 > linker.weights["facts_elsewhere"]


def test_a_shared_name_lifts_the_other_town_penalty() -> None:
    # A town and its county seat, or a victim taken to a bigger city's hospital: the named
    # person is one story whatever the places say.
    linker, feats = _linked(
        report("m1", "Orla Finnegan, 41, was shot in her driveway in Akron.", "Akron", "2024-06-02", ("Orla Finnegan",)),
        report("m2", "Orla Finnegan, 41, died at a Cleveland hospital.", "Cleveland", "2024-06-03", ("Orla Finnegan",)),
    )
    pair = linker.pair_features("m2", feats["m2"], "m1", feats["m1"])
    assert pair["facts_elsewhere"] == 0.0 and pair["persons"] > 0


def test_pair_score_is_the_weighted_sum_of_every_term() -> None:
    linker, feats = _linked(
        report("n1", "Two teenagers, 16 and 17, were shot at a park in Macon on Sunday.", "Macon", "2024-07-07"),
        report("n2", "Macon police said the teens, 16 and 17, were shot near the park pavilion.", "Macon", "2024-07-08"),
    )
    terms = linker.pair_features("n2", feats["n2"], "n1", feats["n1"])
    expected = linker.weights["bias"] + sum(linker.weights.get(k, 0.0) * v for k, v in terms.items())
    assert math.isclose(linker.pair_score("n2", feats["n2"], "n1", feats["n1"]), expected)


def test_stored_word_weights_use_the_smoothed_idf() -> None:
    linker, _ = _linked(
        report("q1", "A clerk was robbed at gunpoint in Boise on Monday.", "Boise", "2024-08-05"),
        report("q2", "A cyclist was struck by a pellet in Boise on Tuesday.", "Boise", "2024-08-06"),
    )
    tf = {"clerk": 2, "boise": 1, "lantern": 1}
    linker.key_counts(["all", *(f"w:{w}" for w in tf)])
    vec = linker._weights(tf)
    raw = {w: (1 + math.log(n)) * linker.idf(w, extra=1) for w, n in tf.items()}
    norm = math.sqrt(sum(v * v for v in raw.values()))
    assert vec == {w: round(v / norm, 5) for w, v in raw.items()}


def test_memoised_title_cosine_equals_the_direct_formula() -> None:
    linker, feats = _linked(
        report("t1", "A tow truck driver was shot on a ramp in Fresno.", "Fresno", "2024-09-01"),
        report("t2", "Fresno police name the tow truck driver shot on the ramp.", "Fresno", "2024-09-02"),
        report("t3", "A ramp closure in Fresno after a crash with a tow truck.", "Fresno", "2024-09-03"),
    )
    for art, title in (("t1", ["tow", "truck", "ramp", "fresno"]), ("t2", ["tow", "truck", "driver", "fresno"])):
        feats[art] = {**feats[art], "title": sorted(title)}  # a copy: the memo must not serve stale sets
    a, b = feats["t1"]["title"], feats["t2"]["title"]
    idf = {w: linker.idf(w) for w in {*a, *b}}
    shared = set(a) & set(b)
    direct = sum(idf[w] ** 2 for w in shared) / math.sqrt(
        sum(idf[w] ** 2 for w in a) * sum(idf[w] ** 2 for w in b)
    )
    linker._title_sq.clear()  # the titles changed under the same ids (a test-only situation)
    got = linker.pair_features("t1", feats["t1"], "t2", feats["t2"])["title"]
    assert math.isclose(got, direct) and 0 < got < 1
