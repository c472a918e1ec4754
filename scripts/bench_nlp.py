"""Throughput of wirecheck's per-article work against a plain full spaCy ``nlp.pipe``.

    .venv/bin/python scripts/bench_nlp.py [--dataset polnear|gva|...] [--docs N] [--rounds R]

Both sides read the same article texts (the first N of the dataset's ``articles.jsonl``); the baseline runs every component of the
installed ``en_core_web_sm`` pipeline; wirecheck runs ``analyze_articles`` (rule-based sentences
+ NER on the whole text, the parser only on trigger/cue sentences, then entities, times, claims, events).
Rounds alternate to even out noise on a shared machine; the best round of each is reported.
"""

from __future__ import annotations

import argparse
import time

import spacy
from _common import DATASETS, read_jsonl

from wirecheck.extract import analyze_articles
from wirecheck.models import Article
from wirecheck.nlp import load_pipeline


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dataset", default="polnear")
    ap.add_argument("--docs", type=int, default=60)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    texts = [d["text"] for d in read_jsonl(DATASETS / args.dataset / "articles.jsonl")][: args.docs]
    chars = sum(len(t) for t in texts)
    nlp = load_pipeline()
    base = spacy.load(nlp.name)
    arts = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
    list(analyze_articles(arts[:3], nlp))  # warm caches (gazetteer, lexicons)
    list(base.pipe(texts[:3]))
    best_base = best_wc = float("inf")
    stages: dict[str, float] = {}
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        list(base.pipe(texts))
        best_base = min(best_base, time.perf_counter() - t0)
        t0 = time.perf_counter()
        out = list(analyze_articles(arts, nlp))
        dt = time.perf_counter() - t0
        if dt < best_wc:
            best_wc = dt
            stages = {}
            for an in out:
                for k, v in an.timings.items():
                    stages[k] = stages.get(k, 0.0) + v
    print(f"{args.dataset}: {len(texts)} articles, {chars} chars, pipeline {nlp.name}")
    print(f"plain nlp.pipe (all components): {best_base:.2f}s  {chars / best_base:,.0f} chars/s")
    print(f"wirecheck analyze_articles:      {best_wc:.2f}s  {chars / best_wc:,.0f} chars/s")
    print(f"speed-up: {best_base / best_wc:.2f}x")
    print("wirecheck stages (s):", {k: round(v, 2) for k, v in sorted(stages.items())})


if __name__ == "__main__":
    main()
