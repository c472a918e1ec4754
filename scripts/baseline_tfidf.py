#!/usr/bin/env python
"""The story-clustering baseline of issue 5: TF-IDF vectors + average-link clustering of whole texts.

    .venv/bin/python scripts/baseline_tfidf.py ../shared/datasets/ecbplus [--cuts 0.5 0.95 0.05]

Every article (title and text) becomes a TF-IDF vector (sublinear term frequency, smoothed idf,
words in at least two articles, unit length); scipy's average-link agglomerative clustering over
cosine distances is cut at each distance in turn and scored with wirecheck's B³ against the gold
groups.  The best cut is chosen on the gold, so the best figure is an upper bound for the
baseline.  It compares every pair of articles (memory and time grow with the square of the
corpus), which is what wirecheck's incremental linker avoids.
"""

from __future__ import annotations

import argparse
import math
import re
from collections import Counter

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import pdist

from wirecheck.evaluate.metrics import b_cubed
from wirecheck.evaluate.readers import read_dataset
from wirecheck.evaluate.score import gold_clusters


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset")
    parser.add_argument("--cuts", type=float, nargs=3, default=[0.5, 0.95, 0.05], metavar=("FROM", "TO", "STEP"))
    args = parser.parse_args()

    ds = read_dataset(args.dataset)
    gold = gold_clusters((g.id, list(getattr(g, "articles", []))) for g in ds.gold)
    docs = [a for a in ds.articles if a.id in gold and (a.text or "").strip()]
    tokens = [re.findall(r"[a-z][a-z0-9']+", f"{a.title or ''} {a.text}".lower()) for a in docs]
    df = Counter(w for t in tokens for w in set(t))
    vocab = {w: i for i, w in enumerate(w for w, n in df.items() if n >= 2)}
    n = len(docs)
    x = np.zeros((n, len(vocab)), dtype=np.float32)
    for i, toks in enumerate(tokens):
        for w, tf in Counter(toks).items():
            j = vocab.get(w)
            if j is not None:
                x[i, j] = (1 + math.log(tf)) * (math.log((n + 1) / (df[w] + 1)) + 1)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-12
    tree = linkage(pdist(x, "cosine"), "average")
    truth = {a.id: gold[a.id] for a in docs}
    best = (0.0, 0.0)
    start, stop, step = args.cuts
    for cut in np.arange(start, stop + 1e-9, step):
        labels = fcluster(tree, cut, "distance")
        f1 = b_cubed(truth, {a.id: str(lab) for a, lab in zip(docs, labels, strict=True)}).f1
        best = max(best, (f1, float(cut)))
        print(f"cut {cut:.2f}: {len(set(labels))} clusters, B3 F1 {f1:.4f}")
    print(f"{ds.name}: {n} articles, best B3 F1 {best[0]:.4f} at cut {best[1]:.2f}")


if __name__ == "__main__":
    main()
