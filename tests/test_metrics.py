"""Metrics on hand-made cases whose answers were computed by hand (see each test's comment)."""

from __future__ import annotations

import itertools

import pytest

from wirecheck.evaluate.metrics import (
    b_cubed,
    ceaf_e,
    conll,
    count_scores,
    match_spans,
    max_assignment,
    muc,
    per_class,
    span_prf,
    value_accuracy,
)


def clustering(*groups: str) -> dict[str, int]:
    """'abc', 'de' -> {a:0, b:0, c:0, d:1, e:1}"""
    return {item: n for n, group in enumerate(groups) for item in group}


# Bagga & Baldwin (1998), figure 2: key {1-5}{6,7}{8-12}; response merges the last two.
KEY = {**{i: "A" for i in range(1, 6)}, 6: "B", 7: "B", **{i: "C" for i in range(8, 13)}}
RESPONSE = {**{i: "x" for i in range(1, 6)}, **{i: "y" for i in range(6, 13)}}


def test_b_cubed_bagga_baldwin():
    # P = (5*1 + 2*(2/7) + 5*(5/7)) / 12 = (64/7)/12 = 0.7619; R = 1.
    s = b_cubed(KEY, RESPONSE)
    assert s.precision == pytest.approx(64 / 84)
    assert s.recall == pytest.approx(1.0)
    assert s.f1 == pytest.approx(2 * (64 / 84) / (1 + 64 / 84))


def test_muc_bagga_baldwin():
    # key links 4+1+4 = 9, all kept -> R = 1; response links 4+6 = 10, one crosses keys -> P = 9/10.
    s = muc(KEY, RESPONSE)
    assert s.recall == pytest.approx(1.0)
    assert s.precision == pytest.approx(0.9)
    assert s.f1 == pytest.approx(2 * 0.9 / 1.9)


def test_muc_vilain_split():
    # Vilain et al. (1995): key {A,B,C,D}; response {A,B}{C,D}: R = (4-2)/3, P = 1.
    s = muc(clustering("abcd"), clustering("ab", "cd"))
    assert s.recall == pytest.approx(2 / 3)
    assert s.precision == pytest.approx(1.0)


def test_ceaf_e_bagga_baldwin():
    # φ4(K1,R1) = 1, φ4(K2,R2) = 4/9, φ4(K3,R2) = 10/12; best: K1-R1 + K3-R2 = 11/6.
    # P = (11/6)/2 = 11/12, R = (11/6)/3 = 11/18, F = 0.7333.
    s = ceaf_e(KEY, RESPONSE)
    assert s.precision == pytest.approx(11 / 12)
    assert s.recall == pytest.approx(11 / 18)
    assert s.f1 == pytest.approx(8712 / 11880)


def test_conll_is_the_mean_of_the_three():
    s = conll(KEY, RESPONSE)
    assert s["conll_f1"] == pytest.approx((s["muc"].f1 + s["b3"].f1 + s["ceafe"].f1) / 3)


def test_perfect_and_all_singletons():
    gold = clustering("abc", "de", "f")
    s = conll(gold, {k: f"p{v}" for k, v in gold.items()})
    assert s["conll_f1"] == pytest.approx(1.0)
    singles = clustering("a", "b", "c")
    # MUC has no links to count: 0/0 is scored 0.0 (the reference scorer's convention).
    assert muc(singles, singles).f1 == 0.0
    assert b_cubed(singles, singles).f1 == pytest.approx(1.0)
    assert ceaf_e(singles, singles).f1 == pytest.approx(1.0)


def test_missing_items_are_singletons_and_extra_items_ignored():
    gold = clustering("ab")
    # b is missing from the prediction -> singleton; z is not in gold -> ignored.
    s = b_cubed(gold, {"a": 1, "z": 1})
    assert s.precision == pytest.approx(1.0)
    assert s.recall == pytest.approx(0.5)


def test_max_assignment_matches_brute_force():
    w = [[4, 1, 3], [2, 0, 5], [3, 2, 2]]
    assert max_assignment(w) == 11  # 4 + 5 + 2, checked over the 6 permutations
    rect = [[1, 9, 2, 0], [8, 7, 1, 3]]
    best = max(rect[0][a] + rect[1][b] for a, b in itertools.permutations(range(4), 2))
    assert max_assignment(rect) == best == 17
    assert max_assignment([list(c) for c in zip(*rect, strict=True)]) == 17


def test_span_exact_overlap_and_token():
    text = "Mayor Ana Ruiz said the bridge will reopen soon."
    texts = {"d": text}
    gold = [("d", 0, 14), ("d", 20, 47)]  # "Mayor Ana Ruiz", "the bridge will reopen soon"
    pred = [("d", 6, 14), ("d", 19, 47), ("d", 15, 19)]  # "Ana Ruiz", " the bridge…", "said"
    exact = span_prf(gold, pred, "exact", texts)  # the leading space is trimmed -> 1 match
    assert (exact.precision, exact.recall) == pytest.approx((1 / 3, 1 / 2))
    overlap = span_prf(gold, pred, "overlap")
    assert (overlap.precision, overlap.recall) == pytest.approx((2 / 3, 1.0))
    # gold tokens: Mayor Ana Ruiz + the bridge will reopen soon = 8; predicted: Ana Ruiz + said
    # + the bridge will reopen soon = 8; common 7.
    token = span_prf(gold, pred, "token", texts)
    assert (token.precision, token.recall) == pytest.approx((7 / 8, 7 / 8))
    with pytest.raises(ValueError):
        span_prf(gold, pred, "fuzzy")


def test_overlap_matching_is_one_to_one():
    gold = [("d", 0, 10)]
    pred = [("d", 0, 5), ("d", 5, 10)]
    s = span_prf(gold, pred, "overlap")
    assert (s.precision, s.recall) == pytest.approx((0.5, 1.0))
    assert match_spans([("d", 0, 5), ("d", 6, 9)], [("d", 6, 9), ("d", 1, 3)]) == [(0, 1), (1, 0)]


def test_values_and_counts():
    assert value_accuracy([(1, 1), ("a", "b"), (None, None), (2, 3)]) == 0.5
    assert value_accuracy([]) == 0.0
    c = count_scores([(2, 2), (0, None), (5, 1)])
    assert c.exact == pytest.approx(2 / 3)
    assert c.mae == pytest.approx(4 / 3)


def test_per_class_macro_micro():
    gold = ["A", "A", "B", "C"]
    pred = ["A", "B", "B", None]
    r = per_class(gold, pred)
    a, b, c = (r["classes"][k] for k in "ABC")
    assert (a.precision, a.recall) == pytest.approx((1.0, 0.5))
    assert (b.precision, b.recall) == pytest.approx((0.5, 1.0))
    assert (c.precision, c.recall, c.f1) == (0.0, 0.0, 0.0)
    assert r["macro"].f1 == pytest.approx((2 / 3 + 2 / 3 + 0) / 3)
    # micro: tp 2, fp 1 (the None is no false positive), fn 2
    assert r["micro"].precision == pytest.approx(2 / 3)
    assert r["micro"].recall == pytest.approx(2 / 4)


def test_place_names_compare_across_spelling_conventions() -> None:
    from wirecheck.evaluate.score import same_place

    assert same_place("Saint Paul", "St. Paul")
    assert same_place("St. Cloud", "Saint Cloud")
    assert same_place("Bronx", "The Bronx")
    assert same_place("Fort Wayne", "Ft. Wayne")
    assert same_place("Springfield (Jackson Township)", "Jackson Township")
    assert not same_place("Saint Paul", "Paul")
    assert not same_place("The Dalles", "Dallas")
    # a township's kind word, however written, names the same municipality
    assert same_place("Quillmont Twp (Quillmont Charter Township)", "Quillmont")
    assert same_place("Oakvale (Quillmont Township)", "Quillmont Twp.")
    assert not same_place("Quillmont Township", "Township")
    assert same_place("New York (Manhattan)", "New York City")
