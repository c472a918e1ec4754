#!/usr/bin/env python
"""Score story linking, event coreference and incident facts on a dataset, from cached analyses.

    .venv/bin/python scripts/cache_analyses.py ../shared/datasets/gva /tmp/gva.pkl   # once
    .venv/bin/python scripts/score_linking.py ../shared/datasets/gva --cache /tmp/gva.pkl [--errors 5]

Runs ``wirecheck.evaluate.evaluate_dataset`` (the figures ``wirecheck eval`` prints, clustering
and facts) with a pipeline whose extraction step returns the cached analyses, so only linking and
reconciliation run; they are timed apart.  Without ``--cache`` the real extractor runs (slow).
``--errors N`` prints N wrongly merged and N wrongly split gold groups with article titles.
``--orders N`` links the analyses again in N random orders of arrival (seeded; publication days
kept in order, the articles of one day or of none shuffled) and prints story B3 F1 in each and
their mean and spread: how much the stories depend on the order reports arrive in.
"""

from __future__ import annotations

import argparse
import pickle
import random
import statistics
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from wirecheck import pipeline as real
from wirecheck.evaluate.readers import read_dataset
from wirecheck.evaluate.runner import evaluate_dataset, subset, to_articles
from wirecheck.evaluate.score import clustering_figures, gold_clusters
from wirecheck.link import MemoryLinkBackend, StoryLinker
from wirecheck.models import Article, ArticleAnalysis, StoryResult
from wirecheck.settings import Settings, load_settings


class CachedPipeline:
    """``analyze_articles`` from a pickle (by article id); ``link_analyses`` the real one, timed."""

    def __init__(self, cache: Path | None) -> None:
        self.by_id: dict[str, ArticleAnalysis] | None = None
        if cache is not None:
            with open(cache, "rb") as fh:
                self.by_id = {a.article.id: a for a in pickle.load(fh)["analyses"]}
        self.link_seconds = 0.0
        self.stories: list[StoryResult] = []

    def analyze_articles(self, articles: list[Article], settings: Settings) -> list[ArticleAnalysis]:
        if self.by_id is None:
            return real.analyze_articles(articles, settings)
        missing = [a.id for a in articles if a.id not in self.by_id]
        if missing:  # failed analyses are left out of the cache, as the eval drops them
            print(f"  ({len(missing)} articles not in the cache)")
        return [self.by_id[a.id] for a in articles if a.id in self.by_id]

    def link_analyses(self, analyses: list[ArticleAnalysis], settings: Settings) -> list[StoryResult]:
        if len(analyses) > 1:
            # Linking alone, timed (link_analyses below links again, then reconciles).
            linker = StoryLinker(MemoryLinkBackend(), settings)
            t0 = time.perf_counter()
            for analysis in analyses:
                linker.add(analysis)
            self.link_seconds = time.perf_counter() - t0
        self.stories = real.link_analyses(analyses, settings)
        return self.stories


def show_errors(dataset: Path, stories: list[StoryResult], sample: int | None, n: int) -> None:
    ds = subset(read_dataset(dataset), sample=sample)
    _, article_of = to_articles(ds)
    titles = {article_of[r.id]: (r.title or r.text[:70]).replace("\n", " ")[:70] for r in ds.articles}
    gold: dict[str, str] = {}
    for g in ds.gold:
        for doc in getattr(g, "articles", []):
            gold.setdefault(article_of[doc], str(getattr(g, "topic", None) or "") + "/" + str(g.id))
    pred = {a: r.story.id for r in stories for a in r.story.articles}
    by_pred: dict[str, list[str]] = defaultdict(list)
    by_gold: dict[str, list[str]] = defaultdict(list)
    for a, s in pred.items():
        if a in gold:
            by_pred[s].append(a)
            by_gold[gold[a]].append(a)
    merged = [m for m in by_pred.values() if len({gold[a] for a in m}) > 1]
    split = [m for m in by_gold.values() if len({pred[a] for a in m}) > 1]
    print(f"{len(merged)} predicted stories mix gold groups; {len(split)} gold groups are split")
    for members in merged[:n]:
        print("MERGED:", " | ".join(f"[{gold[a][-8:]}] {titles.get(a, a)}" for a in members[:6]))
    for members in split[:n]:
        print("SPLIT:", " | ".join(f"[{pred[a][-6:]}] {titles.get(a, a)}" for a in members[:6]))


def order_spread(dataset: Path, pipe: CachedPipeline, settings: Settings, sample: int | None, n: int) -> None:
    """Story B3 F1 in the eval's order and in ``n`` random orders of arrival (see the module doc)."""
    ds = subset(read_dataset(dataset), sample=sample)
    articles, article_of = to_articles(ds)
    analyses = pipe.analyze_articles(articles, settings)
    gold = gold_clusters((g.id, getattr(g, "articles", [])) for g in ds.gold)

    def b3(order: list[ArticleAnalysis]) -> float:
        linker = StoryLinker(MemoryLinkBackend(), settings)
        for analysis in order:
            linker.add(analysis)
        story = {a.article.id: linker.backend.story_of(a.article.id) for a in order}
        pred = {doc: story[article_of[doc]] for doc in gold if article_of.get(doc) in story}
        return clustering_figures(gold, pred)["b3_f1"]

    runs = []
    for seed in range(n):
        rng = random.Random(seed)
        key = {a.article.id: rng.random() for a in analyses}
        runs.append(b3(sorted(analyses, key=lambda a: (a.article.published is None, a.article.published or "",
                                                      key[a.article.id]))))
    print(f"  b3_f1 in the eval's order {b3(analyses):.4f}; in {n} random orders mean {statistics.mean(runs):.4f}"
          f" sd {statistics.pstdev(runs):.4f} min {min(runs):.4f} max {max(runs):.4f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--cache", type=Path, default=None, help="pickle written by cache_analyses.py")
    parser.add_argument("--sample", type=int, default=None)
    parser.add_argument("--threshold", type=float, default=None, help="override Settings.story_threshold")
    parser.add_argument("--errors", type=int, default=0, help="print this many wrong merges and splits")
    parser.add_argument("--orders", type=int, default=0, help="also link in this many random orders of arrival")
    args = parser.parse_args()

    settings = load_settings().replace(story_threshold=args.threshold)
    pipe = CachedPipeline(args.cache)
    result: dict[str, Any] = evaluate_dataset(str(args.dataset), settings, sample=args.sample, pipeline=pipe)
    figures = result["figures"]
    print(f"{result['dataset']}: {result['articles']} articles, {len(pipe.stories)} stories")
    print("  " + "  ".join(f"{k}={v:.5f}" if k.endswith("_f1") else f"{k}={v:.3f}" for k, v in figures.items()))
    link_reconcile = result["speed"]["link_seconds"]
    print(f"  linking {pipe.link_seconds:.2f}s; link+reconcile {link_reconcile:.2f}s (incl. a 2nd linking)")
    if args.errors:
        show_errors(args.dataset, pipe.stories, args.sample, args.errors)
    if args.orders:
        order_spread(args.dataset, pipe, settings, args.sample, args.orders)


if __name__ == "__main__":
    main()
