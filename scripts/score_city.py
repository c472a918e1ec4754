#!/usr/bin/env python
"""Why the main event's city is wrong, article by article, on a gun-violence corpus.

    .venv/bin/python scripts/cache_analyses.py ../shared/datasets/gva /tmp/gva.pkl   # once
    .venv/bin/python scripts/score_city.py ../shared/datasets/gva /tmp/gva.pkl [--examples 8]

For every analysed article whose gold incident has a city, the main event's place is compared
with it (``evaluate.score.same_place``).  A wrong one falls in a category:

- ``absent``      the gold city's name is nowhere in the text (nothing to choose);
- ``hl`` / ``body``  the name is in the headline (the text's first line) or only in the body;
- ``+ent`` / ``-noent``  an entity of the article (GPE, LOC, FAC) has the name or not;
- ``+inevent``    some event mention of the article has it as its place;
- ``|pred=None``  the main event has no place at all.

Examples of each category print with the article id, gold, predicted place and title.
"""

from __future__ import annotations

import argparse
import pickle
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from wirecheck.evaluate.readers import read_dataset
from wirecheck.evaluate.runner import to_articles
from wirecheck.evaluate.score import name_variants, same_place


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).lower()
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", s)).strip()


def _category(a: Any, city: str, pred: str | None) -> str:
    text = f" {_norm(a.article.text)} "
    variants = [v for v in (_norm(x) for x in name_variants(city)) if v]
    if not any(f" {v} " in text for v in variants):
        return "absent"
    head = f" {_norm(a.article.text.split(chr(10), 1)[0])} "
    ents = [e for e in a.entities if e.type in ("GPE", "LOC", "FAC")
            and any(same_place(city, x) for x in [e.name, *e.aliases])]
    in_event = any(e.location and same_place(city, e.location.place.name) for e in a.events)
    return (("hl" if any(f" {v} " in head for v in variants) else "body")
            + ("+ent" if ents else "-noent")
            + ("+inevent" if in_event else "")
            + ("|pred=None" if pred is None else ""))


def categorise(dataset: Path, cache: Path) -> tuple[Counter[str], dict[str, list[tuple[str, ...]]]]:
    """Counts per category (``ok`` for a right city) and the examples of each wrong one."""
    ds = read_dataset(dataset)
    with open(cache, "rb") as fh:
        analyses = pickle.load(fh)["analyses"]
    _, idmap = to_articles(ds)
    doc_of = {aid: doc for doc, aid in idmap.items()}
    gold: dict[str, str] = {}
    for g in ds.gold:
        city = getattr(g, "city", None)
        city = getattr(city, "value", city)  # GVDB's city is a span
        if city:
            for d in getattr(g, "articles", None) or [g.article]:
                gold[d] = city
    counts: Counter[str] = Counter()
    examples: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for a in analyses:
        doc = doc_of.get(a.article.id)
        if doc is None or doc not in gold:
            continue
        city = gold[doc]
        main = next((e for e in a.events if e.id == a.main_event), None)
        pred = main.location.place.name if main and main.location else None
        if same_place(city, pred):
            counts["ok"] += 1
            continue
        k = _category(a, city, pred)
        counts[k] += 1
        if k != "absent":
            examples[k].append((a.article.id[:8], doc, city, str(pred), (a.article.title or "")[:70]))
    return counts, examples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset", type=Path)
    parser.add_argument("cache", type=Path, help="a pickle written by scripts/cache_analyses.py")
    parser.add_argument("--examples", type=int, default=6, help="examples printed per category")
    args = parser.parse_args()
    counts, examples = categorise(args.dataset, args.cache)
    total = sum(counts.values())
    print(f"{args.dataset.name}: {total} articles with a gold city, ok {counts['ok']} "
          f"({counts['ok'] / max(total, 1):.3f})")
    print(counts.most_common())
    for k, rows in examples.items():
        print(f"## {k} ({len(rows)})")
        for row in rows[: args.examples]:
            print("  ", row)


if __name__ == "__main__":
    main()
