#!/usr/bin/env python
"""Analyse a dataset once with the real extractor and pickle the analyses (for fast linking runs).

    .venv/bin/python scripts/cache_analyses.py ../shared/datasets/gva /tmp/gva.pkl [--sample N]

Articles are built exactly as ``wirecheck eval`` builds them (``evaluate.runner.to_articles``:
texts as given, news order, content-hash ids) and analysed with ``pipeline.analyze_articles``,
so ``scripts/score_linking.py --cache`` links the very analyses the evaluation would.  The pickle
holds ``{"dataset", "sample", "analyses"}``; it goes stale whenever extraction changes.
"""

from __future__ import annotations

import argparse
import pickle
import time
from pathlib import Path

from wirecheck.evaluate.readers import read_dataset
from wirecheck.evaluate.runner import subset, to_articles
from wirecheck.pipeline import analyze_articles
from wirecheck.settings import load_settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--sample", type=int, default=None, help="the eval's deterministic sample size")
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()

    ds = subset(read_dataset(args.dataset), sample=args.sample)
    articles, _ = to_articles(ds)
    t0 = time.perf_counter()
    analyses = analyze_articles(articles, load_settings(workers=args.workers))
    seconds = time.perf_counter() - t0
    with open(args.out, "wb") as fh:
        pickle.dump({"dataset": str(args.dataset), "sample": args.sample, "analyses": analyses}, fh)
    print(f"{ds.name}: {len(analyses)}/{len(articles)} articles analysed in {seconds:.1f}s -> {args.out}")


if __name__ == "__main__":
    main()
