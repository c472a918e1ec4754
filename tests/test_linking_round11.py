"""Round 11 linking: the pair scorer's hot path, made cheaper without changing what it computes.

``pair_score`` sums only the terms that are not 0 (``_evidence``) and the per-article facts it
compares are read once per article (``_Prepared``); ``content_words`` judges each distinct token
once per process; MinHash hashes its words through ``map``.  These tests pin the results to the
straightforward definitions.  Texts are short invented reports (invented people; real cities).
"""

from __future__ import annotations

import math
import zlib

import numpy as np

from extract_helpers import shooting_report, stored_features
from wirecheck.link import MemoryLinkBackend, StoryLinker
from wirecheck.link import features as link_features
from wirecheck.link.features import content_words
from wirecheck.link.linker import FEATURES
from wirecheck.link.minhash import _MAX32, _MIX, MinHasher

_REPORTS = [
    ("r1", "Odessa", "2031-06-04", "Wendell Okafor, 27, was shot twice outside a corner bakery late on Tuesday."),
    ("r2", "Odessa", "2031-06-05", "Police named Wendell Okafor, 27, as the man wounded outside the bakery."),
    ("r3", "Abilene", "2031-09-20", "A woman, 61, was hurt when stray rounds struck her kitchen window."),
]


def _feats(art: str, city: str, day: str, text: str) -> dict:
    analysis = shooting_report(art, text, names=("Wendell Okafor",), city=city, published=day, title=text[:40])
    return stored_features(analysis)


def test_pair_features_hold_every_term_and_the_score_is_their_weighted_sum() -> None:
    linker = StoryLinker(MemoryLinkBackend())
    feats = {art: _feats(art, city, day, text) for art, city, day, text in _REPORTS}
    for a, b in (("r1", "r2"), ("r1", "r3"), ("r2", "r3")):
        terms = linker.pair_features(a, feats[a], b, feats[b])
        assert list(terms) == list(FEATURES)
        expected = linker.weights["bias"] + sum(linker.weights.get(n, 0.0) * v for n, v in terms.items())
        assert math.isclose(linker.pair_score(a, feats[a], b, feats[b]), expected, abs_tol=1e-12)
    same = linker.pair_features("r1", feats["r1"], "r2", feats["r2"])
    assert same["place_same"] == 1.0 and same["date_close"] == 1.0 and same["text"] > 0
    other = linker.pair_features("r1", feats["r1"], "r3", feats["r3"])
    assert other["place_diff"] == 1.0 and other["date_far"] > 0


def test_only_exact_tolls_compare() -> None:
    linker = StoryLinker(MemoryLinkBackend())
    a, b = _feats(*_REPORTS[0]), _feats(*_REPORTS[1])
    a["fatalities"], b["fatalities"] = [1, 1], [1, 1]
    a["injured"], b["injured"] = [2, 2], [1, 3]  # a range is no evidence either way
    terms = linker.pair_features("t1", a, "t2", b)
    assert terms["counts_same"] == 1.0 and terms["hurt_same"] == terms["hurt_clash"] == 0.0
    assert terms["facts_match"] == 1.0  # same town, within a day, the same toll


def _plain_content_words(text: str) -> list[str]:
    """The definition content_words memoises, token by token."""
    out = []
    for token in link_features._TOKEN.findall(text.lower()):
        kept = link_features._content_word(token)
        if kept:
            out.append(kept)
    return out


def test_content_words_memo_changes_nothing(monkeypatch) -> None:
    text = "The 19-year-old's bike, Ysolde's van -- a 2.5 mile chase through Tulsa's east side at 3 a.m."
    assert content_words(text) == _plain_content_words(text)
    assert content_words(text) == content_words(text)  # the second call reads the memo
    assert "#19" in content_words(text) and "the" not in content_words(text)
    # A full memo is replaced by a fresh one, with the same words out.
    monkeypatch.setattr(link_features, "_CONTENT_MEMO_SIZE", 0)
    assert content_words(text) == _plain_content_words(text)


def test_minhash_word_hashes_are_the_crc32_of_each_word() -> None:
    hasher = MinHasher(num_perm=16, bands=4, shingle=2)
    words = ["gunfire", "near", "the", "depot"]
    ids = [np.uint64(zlib.crc32(w.encode())) for w in words]
    with np.errstate(over="ignore"):
        mixed = [(np.uint64(0) * _MIX + ids[i]) * _MIX + ids[i + 1] for i in range(3)]
    expected = sorted({int((m ^ (m >> np.uint64(29))) & _MAX32) for m in mixed})
    assert hasher.shingle_hashes("Gunfire near the depot").tolist() == expected
