"""Score wirecheck.nlp.counts.find_casualties on GVDB: per-article killed/injured exact match.

    .venv/bin/python scripts/score_counts.py [--show N]

Every sentence counts as one event's (no background filtering: the event extractor does that);
``counts.aggregate`` turns the mentions into one killed and one injured count, 0 when none.
"""

from __future__ import annotations

import argparse
import time

from _common import DATASETS, read_jsonl, sentences

from wirecheck.nlp.counts import aggregate, find_casualties


def article_counts(text: str) -> tuple[int, int, list]:
    found = []
    for sent in sentences(text):
        found.extend(find_casualties(text, sent))
    k, i = aggregate(found)

    def value(c: object) -> int:
        return 0 if c is None else (c.range.best if c.range.best is not None else c.range.low)

    return value(k), value(i), found


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", type=int, default=0, help="print N errors")
    args = ap.parse_args()
    folder = DATASETS / "gvdb"
    arts = {a["id"]: a for a in read_jsonl(folder / "articles.jsonl")}
    n = ok_k = ok_i = ok_both = 0
    shown = 0
    t0 = time.perf_counter()
    for g in read_jsonl(folder / "gold.jsonl"):
        text = arts[g["id"]]["text"]
        k, i, found = article_counts(text)
        n += 1
        ok_k += k == g["n_killed"]
        ok_i += i == g["n_injured"]
        ok_both += k == g["n_killed"] and i == g["n_injured"]
        if (k != g["n_killed"] or i != g["n_injured"]) and shown < args.show:
            shown += 1
            print(f"--- {g['id']} gold k={g['n_killed']} i={g['n_injured']}  got k={k} i={i}")
            for c in found:
                print(f"    {c.kind:8} {c.range.low}-{c.range.best}-{c.range.high} cum={c.cumulative} {c.phrase!r}")
            print("   ", text[:600].replace("\n", " "))
    dt = time.perf_counter() - t0
    print(f"gvdb articles={n} killed_exact={ok_k / n:.3f} injured_exact={ok_i / n:.3f} both={ok_both / n:.3f} ({dt:.1f}s)")


if __name__ == "__main__":
    main()
