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
that corpora without titles, outlets or publication dates are not scored as if all their pairs lacked
the date agreement the training pairs usually have.  The bias is
then moved, and ``average_link`` (how much an article's fit to a story is its average pair
score over the story rather than its best pair) chosen, so that the whole linker (joining,
merging) gets its best mean B³ F1 over the training sets; the held-out sets are scored with
those weights.  ``--balance`` weighs every training set equally in the regression (gva alone
has more candidate pairs than the rest together).  ``--loo`` first fits on all training sets
but one and scores the one left out, for each in turn (the honest figure for a corpus the
weights never saw).  ``--write`` puts the weights into data/link.toml.
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
from wirecheck.evaluate.score import gold_clusters
from wirecheck.link import MemoryLinkBackend, StoryLinker
from wirecheck.link.linker import FEATURES
from wirecheck.link.names import link_data
from wirecheck.models import ArticleAnalysis
from wirecheck.settings import Settings

_META = ("title", "date_close", "date_near", "date_far", "date_cited", "outlet_other_day")
TOML = Path(__file__).resolve().parents[1] / "src" / "wirecheck" / "data" / "link.toml"


def load(spec: str) -> tuple[str, list[ArticleAnalysis], dict[str, str]]:
    """(name, analyses in news order, article id -> gold group)."""
    folder, _, cache = spec.partition("=")
    ds = read_dataset(folder)
    articles, article_of = to_articles(ds)
    with open(cache, "rb") as fh:
        by_id = {a.article.id: a for a in pickle.load(fh)["analyses"]}
    clusters = gold_clusters(
        (g.id, [article_of[doc] for doc in getattr(g, "articles", []) if doc in article_of]) for g in ds.gold
    )
    analyses = [by_id[a.id] for a in articles if a.id in by_id]
    gold = {a.article.id: clusters.get(a.article.id, "a:" + a.article.id) for a in analyses}
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


def fit(x: np.ndarray, y: np.ndarray, l2: float, weight: np.ndarray | None = None) -> np.ndarray:
    x = np.hstack([np.ones((len(x), 1)), x])
    sw = np.ones(len(y)) if weight is None else weight
    w = np.zeros(x.shape[1])
    penalty = l2 * np.r_[0, np.ones(len(w) - 1)]
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (sw * (p - y)) + penalty * w
        hess = (x.T * (sw * p * (1 - p))) @ x + np.diag(penalty)
        w -= np.linalg.solve(hess, grad)
    return w


def b3(analyses: list[ArticleAnalysis], gold: dict[str, str], weights: dict[str, float]) -> float:
    linker = StoryLinker(MemoryLinkBackend(), Settings())
    linker.weights = weights
    for analysis in analyses:
        linker.add(analysis)
    pred = {a.article.id: linker.backend.story_of(a.article.id) for a in analyses}
    return b_cubed(gold, pred).f1


Data = tuple[str, list[ArticleAnalysis], dict[str, str]]


def train_weights(
    train: list[Data],
    pairs: dict[str, tuple[list[list[float]], list[int]]],
    args: argparse.Namespace,
    fixed: tuple[float, float] | None = None,
) -> tuple[dict[str, float], float, str]:
    """Fit the pair weights on ``train``'s pairs, then pick bias shift and average_link on its B³
    (or take them from ``fixed``: (shift, average_link))."""
    xs, ys, ws = [], [], []
    for name, _, _ in train:
        r, lab = pairs[name]
        xs.append(np.array(r, dtype=float).reshape(-1, len(FEATURES)))
        ys.append(np.array(lab, dtype=float))
        # --balance: every training set weighs as much as the average one.
        share = (sum(len(p[1]) for n, p in pairs.items() if n in {t[0] for t in train}) / len(train)) / max(1, len(lab))
        ws.append(np.full(len(lab), share if args.balance else 1.0))
    x, y, sw = np.vstack(xs), np.concatenate(ys), np.concatenate(ws)
    if not args.keep_meta:
        # Each pair again without the metadata some corpora lack (titles, publication dates and
        # so dates resolved against them): the weights must hold where those are missing too.
        bare = x.copy()
        bare[:, [FEATURES.index(n) for n in _META]] = 0.0
        x, y, sw = np.vstack([x, bare]), np.r_[y, y], np.r_[sw, sw]
    w = fit(x, y, args.l2, sw)
    weights = {"bias": 0.5 + w[0] / 8, **{n: v / 8 for n, v in zip(FEATURES, w[1:], strict=True)}}

    # The pair model's even odds is not the best cut for whole stories: move the bias, and
    # choose how much of a story score is the average over the story.
    if fixed is not None:
        weights = {k: round(v, 3) for k, v in weights.items()}
        weights["bias"] = round(weights["bias"] + fixed[0], 3)
        weights["average_link"] = fixed[1]
        return weights, float("nan"), ""
    best = (-1.0, 0.0, 0.0)
    for share in args.average:
        for shift in np.arange(-args.shift, args.shift + 1e-9, args.step):
            trial = {**weights, "bias": weights["bias"] + shift, "average_link": share}
            scores = [b3(a, g, trial) for _, a, g in train]
            f1 = float(np.mean(scores))
            print(f"  average_link {share:.2f} bias shift {shift:+.2f}: train B3 F1 {f1:.4f} "
                  + " ".join(f"{s:.3f}" for s in scores), file=sys.stderr)
            if f1 > best[0] + 1e-9:
                best = (f1, float(shift), share)
    weights["bias"] += best[1]
    weights = {k: round(v, 3) for k, v in weights.items()}
    weights["average_link"] = best[2]
    note = f"bias moved by {best[1]:+.2f}, average_link {best[2]} for the best mean training B3 ({best[0]:.4f})"
    return weights, best[0], note


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", action="append", required=True, help="DATASET=CACHE.pkl")
    parser.add_argument("--check", action="append", default=[], help="DATASET=CACHE.pkl (held out)")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--keep-meta", action="store_true", help="no copy of the pairs without titles/dates")
    parser.add_argument("--balance", action="store_true", help="weigh every training set equally")
    parser.add_argument("--average", type=float, nargs="+", default=[0.0, 0.5], help="average_link values to try")
    parser.add_argument("--shift", type=float, default=0.3, help="largest bias shift tried")
    parser.add_argument("--step", type=float, default=0.05, help="bias shift step")
    parser.add_argument("--loo", action="store_true", help="leave each training set out in turn first")
    parser.add_argument("--write", action="store_true", help="write the weights into data/link.toml")
    args = parser.parse_args()

    train = [load(spec) for spec in args.train]
    check = [load(spec) for spec in args.check]
    pairs: dict[str, tuple[list[list[float]], list[int]]] = {}
    for name, analyses, gold in train:
        pairs[name] = collect(analyses, gold)
        print(f"{name}: {len(pairs[name][1])} candidate pairs, {sum(pairs[name][1])} same-story", file=sys.stderr)

    weights, f1, note = train_weights(train, pairs, args)
    print(f"train B3 F1 {f1:.4f} ({note})")
    loo: list[str] = []
    if args.loo and len(train) > 1:
        # The regression is refitted without the set left out; the two knobs picked on B³
        # (bias shift, average_link) are the full fit's (a grid per fold costs too much).
        fixed = (float(note.split("bias moved by ")[1].split(",")[0]), weights["average_link"])
        for i, (name, analyses, gold) in enumerate(train):
            fold, _, _ = train_weights(train[:i] + train[i + 1 :], pairs, args, fixed)
            score = b3(analyses, gold, fold)
            loo.append(f"{name} {score:.3f}")
            print(f"left out {name}: B3 F1 {score:.4f}")
    held = []
    for name, analyses, gold in check:
        score = b3(analyses, gold, weights)
        held.append(f"{name} {score:.3f}")
        print(f"held-out {name}: B3 F1 {score:.4f}")
    text = "\n".join(f"{k} = {v}" for k, v in weights.items())
    print(text)
    if args.write:
        names = ", ".join(n for n, _, _ in train)
        body = TOML.read_text(encoding="utf-8")
        head = body[: body.index("\n[score]\n") + 1]
        lines = [
            'Linear evidence for "same story"; compared with Settings.story_threshold (0.5).',
            "Fitted by scripts/fit_link_weights.py"
            + (" --balance" if args.balance else "") + (" --loo" if args.loo else "")
            + " --average " + " ".join(str(a) for a in args.average) + f" --shift {args.shift} --step {args.step}",
            f"(logistic regression, L2 {args.l2}" + (", training sets weighed equally" if args.balance else "") + ") on the",
            f"candidate pairs of {names} with the real extractor's analyses;",
            note + ".",
            "average_link: the share of a story score that is the article's average pair score",
            "over the story (the rest is its best pair).",
        ]
        if loo:
            lines.append("Leave-one-dataset-out B3 F1 (regression refitted on the others, same bias")
            lines.append("shift and average_link): " + ", ".join(loo) + ".")
        if held:
            lines.append("Held out: " + ", ".join(held) + ".")
        TOML.write_text(head + "[score]\n" + "".join(f"# {line}\n" for line in lines) + text + "\n", encoding="utf-8")
        link_data.cache_clear()
        print(f"wrote {TOML}", file=sys.stderr)


if __name__ == "__main__":
    main()
