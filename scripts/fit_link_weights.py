#!/usr/bin/env python
"""Fit the ``[score]`` weights of data/link.toml by logistic regression on gold pairs.

    .venv/bin/python scripts/fit_link_weights.py ../shared/datasets/gva [../shared/datasets/gvc ...]

Runs the linker over each dataset in order (with the current weights), records the features of
every candidate pair the blocking keys produce and whether the pair shares a gold cluster, and
fits ``bias + sum(w * feature)`` with an L2-regularised logistic regression (numpy Newton steps).
Prints the weights; copy them into data/link.toml by hand after checking score_linking.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from score_linking import gold_clusters, read_jsonl, standin_analysis

from wirecheck.link import MemoryLinkBackend, StoryLinker
from wirecheck.settings import Settings


def collect(folder: Path) -> tuple[list[str], list[list[float]], list[int], float]:
    records = read_jsonl(folder / "articles.jsonl")
    gold = gold_clusters(folder, [r["id"] for r in records])
    linker = StoryLinker(MemoryLinkBackend(), Settings())
    rows: list[list[float]] = []
    labels: list[int] = []
    names: list[str] = []
    seen: list[str] = []
    found = total = 0
    original = linker.pair_score

    def recording(a_id, a, b_id, b):  # type: ignore[no-untyped-def]
        nonlocal names
        feats = linker.pair_features(a_id, a, b_id, b)
        names = list(feats)
        rows.append(list(feats.values()))
        labels.append(int(gold[a_id] == gold[b_id]))
        return original(a_id, a, b_id, b)

    linker.pair_score = recording  # type: ignore[method-assign]
    for rec in records:
        before = len(labels)
        linker.add(standin_analysis(rec))
        found += sum(labels[before:])
        total += sum(1 for s in seen if gold[s] == gold[rec["id"]])
        seen.append(rec["id"])
    return names, rows, labels, found / max(total, 1)


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0) -> np.ndarray:
    x = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(x.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (p - y) + l2 * np.r_[0, w[1:]]
        hess = (x.T * (p * (1 - p))) @ x + l2 * np.diag(np.r_[0, np.ones(len(w) - 1)])
        w -= np.linalg.solve(hess, grad)
    return w


def main() -> None:
    all_rows: list[list[float]] = []
    all_labels: list[int] = []
    names: list[str] = []
    for arg in sys.argv[1:]:
        names, rows, labels, recall = collect(Path(arg))
        print(f"{arg}: {len(rows)} candidate pairs, {sum(labels)} positive; blocking recall {recall:.3f}")
        all_rows += rows
        all_labels += labels
    w = fit(np.array(all_rows), np.array(all_labels, dtype=float))
    # Logistic log-odds, rescaled so that log-odds 0 sits at score 0.5 with unit slope 1/4:
    # score = 0.5 + logit/8 keeps the toml's scale (threshold 0.5).
    print(f"bias = {0.5 + w[0] / 8:.3f}")
    for name, value in zip(names, w[1:], strict=True):
        print(f"{name} = {value / 8:.3f}")


if __name__ == "__main__":
    main()
