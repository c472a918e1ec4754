#!/usr/bin/env python
"""Fit the ``[score]`` weights of data/link.toml on gold pairs; check them on held-out datasets.

    .venv/bin/python scripts/fit_link_weights.py \\
        --train ../shared/datasets/gva=/tmp/gva.pkl \\
        --check ../shared/datasets/gvc=/tmp/gvc.pkl --check ../shared/datasets/ecbplus=/tmp/ecb.pkl \\
        [--write]

Each ``DATASET=CACHE`` pairs a dataset folder with the analyses ``cache_analyses.py`` pickled.
The linker runs over the training sets in news order and records the features of every
candidate pair its blocking keys produce (which pairs are candidates does not depend on the
weights), labelled by whether the pair shares a gold group.  An L2-regularised logistic
regression (numpy Newton steps) fits ``bias + sum(w * feature)``; the scale is the toml's:
``score = 0.5 + logit / 8``, so ``Settings.story_threshold`` 0.5 is even odds.  Every pair is
used twice, once as is and once without title and date evidence (unless ``--keep-meta``), so
that corpora without titles or publication dates are not scored as if all their pairs lacked
the date agreement the training pairs usually have.  The bias is
then moved so that the whole linker (joining, merging) gets its best B³ F1 on the training
sets, and the held-out sets are scored with those weights.  ``--write`` puts the weights into
data/link.toml.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

import numpy as np

from wirecheck.evaluate.metrics import b_cubed
from wirecheck.evaluate.readers import read_dataset
from wirecheck.evaluate.runner import to_articles
from wirecheck.link import MemoryLinkBackend, StoryLinker
from wirecheck.link.linker import FEATURES
from wirecheck.link.names import link_data
from wirecheck.models import ArticleAnalysis
from wirecheck.settings import Settings

_META = ("title", "date_close", "date_near", "date_far")
TOML = Path(__file__).resolve().parents[1] / "src" / "wirecheck" / "data" / "link.toml"


def load(spec: str) -> tuple[str, list[ArticleAnalysis], dict[str, str]]:
    """(name, analyses in news order, article id -> gold group)."""
    folder, _, cache = spec.partition("=")
    ds = read_dataset(folder)
    articles, article_of = to_articles(ds)
    with open(cache, "rb") as fh:
        by_id = {a.article.id: a for a in pickle.load(fh)["analyses"]}
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for g in ds.gold:
        for doc in getattr(g, "articles", []):
            if doc in article_of:
                parent[root("a:" + article_of[doc])] = root(f"g:{g.id}")
    analyses = [by_id[a.id] for a in articles if a.id in by_id]
    gold = {a.article.id: root("a:" + a.article.id) for a in analyses}
    return ds.name, analyses, gold


def collect(analyses: list[ArticleAnalysis], gold: dict[str, str]) -> tuple[list[list[float]], list[int]]:
    linker = StoryLinker(MemoryLinkBackend(), Settings())
    rows: list[list[float]] = []
    labels: list[int] = []
    original = linker.pair_score

    def recording(a_id, a, b_id, b):  # type: ignore[no-untyped-def]
        feats = linker.pair_features(a_id, a, b_id, b)
        rows.append([feats[name] for name in FEATURES])
        labels.append(int(gold[a_id] == gold[b_id]))
        return original(a_id, a, b_id, b)

    linker.pair_score = recording  # type: ignore[method-assign]
    for analysis in analyses:
        linker.add(analysis)
    return rows, labels


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    x = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(x.shape[1])
    penalty = l2 * np.r_[0, np.ones(len(w) - 1)]
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (p - y) + penalty * w
        hess = (x.T * (p * (1 - p))) @ x + np.diag(penalty)
        w -= np.linalg.solve(hess, grad)
    return w


def b3(analyses: list[ArticleAnalysis], gold: dict[str, str], weights: dict[str, float]) -> float:
    linker = StoryLinker(MemoryLinkBackend(), Settings())
    linker.weights = weights
    for analysis in analyses:
        linker.add(analysis)
    pred = {a.article.id: linker.backend.story_of(a.article.id) for a in analyses}
    return b_cubed(gold, pred).f1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", action="append", required=True, help="DATASET=CACHE.pkl")
    parser.add_argument("--check", action="append", default=[], help="DATASET=CACHE.pkl (held out)")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--keep-meta", action="store_true", help="no copy of the pairs without titles/dates")
    parser.add_argument("--write", action="store_true", help="write the weights into data/link.toml")
    args = parser.parse_args()

    train = [load(spec) for spec in args.train]
    check = [load(spec) for spec in args.check]
    rows: list[list[float]] = []
    labels: list[int] = []
    for name, analyses, gold in train:
        r, y = collect(analyses, gold)
        print(f"{name}: {len(r)} candidate pairs, {sum(y)} same-story", file=sys.stderr)
        rows += r
        labels += y
    x, y = np.array(rows), np.array(labels, dtype=float)
    if not args.keep_meta:
        # Each pair again without the metadata some corpora lack (titles, publication dates and
        # so dates resolved against them): the weights must hold where those are missing too.
        bare = x.copy()
        bare[:, [FEATURES.index(n) for n in _META]] = 0.0
        x, y = np.vstack([x, bare]), np.r_[y, y]
    w = fit(x, y, args.l2)
    weights = {"bias": 0.5 + w[0] / 8, **{n: v / 8 for n, v in zip(FEATURES, w[1:], strict=True)}}

    # The pair model's even odds is not the best cut for whole stories: move the bias.
    best = (-1.0, 0.0)
    for shift in np.arange(-0.3, 0.31, 0.05):
        trial = {**weights, "bias": weights["bias"] + shift}
        f1 = float(np.mean([b3(a, g, trial) for _, a, g in train]))
        print(f"  bias shift {shift:+.2f}: train B3 F1 {f1:.4f}", file=sys.stderr)
        if f1 > best[0] + 1e-9:
            best = (f1, float(shift))
    weights["bias"] += best[1]
    weights = {k: round(v, 3) for k, v in weights.items()}
    print(f"train B3 F1 {best[0]:.4f} (bias shift {best[1]:+.2f})")
    for name, analyses, gold in check:
        print(f"held-out {name}: B3 F1 {b3(analyses, gold, weights):.4f}")
    text = "\n".join(f"{k} = {v}" for k, v in weights.items())
    print(text)
    if args.write:
        names = ", ".join(n for n, _, _ in train)
        body = TOML.read_text(encoding="utf-8")
        head = body[: body.index("\n[score]\n") + 1]
        TOML.write_text(
            head + "[score]\n"
            f"# Linear evidence for \"same story\"; compared with Settings.story_threshold (0.5).\n"
            f"# Fitted by scripts/fit_link_weights.py (logistic regression, L2 {args.l2}) on the\n"
            f"# candidate pairs of {names} with the real extractor's analyses; bias moved by\n"
            f"# {best[1]:+.2f} for the best training B3.  Held out: "
            + ", ".join(n for n, _, _ in check) + " (see the report of that run).\n"
            + text + "\n",
            encoding="utf-8",
        )
        link_data.cache_clear()
        print(f"wrote {TOML}", file=sys.stderr)


if __name__ == "__main__":
    main()
