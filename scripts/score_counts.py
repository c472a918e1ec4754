"""Score wirecheck.nlp.counts.find_casualties: per-article killed/injured exact match.

    .venv/bin/python scripts/score_counts.py [--show N] [--dataset gvdb|gvc]

gvdb: each article against its own gold.  gvc: each article against its incident's gold (a
rough proxy for the incident facts of ``wirecheck eval``: a later report may give a different
toll than the incident's final one).  Every sentence counts as one event's (no background
filtering: the event extractor does that); ``counts.aggregate`` turns the mentions into one
killed and one injured count, 0 when none.  The title, when there is one, is read as a
headline sentence before the text.
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


def _golds(name: str) -> list[tuple[str, str, int, int]]:
    """(article id, text, gold killed, gold injured) for every scored article."""
    folder = DATASETS / name
    arts = {a["id"]: a for a in read_jsonl(folder / "articles.jsonl")}
    if name == "gvdb":
        return [(g["id"], arts[g["id"]]["text"], g["n_killed"], g["n_injured"]) for g in read_jsonl(folder / "gold.jsonl")]
    out = []
    for inc in read_jsonl(folder / "incidents.jsonl"):
        if not inc.get("has_facts") or inc.get("killed") is None or inc.get("injured") is None:
            continue
        for aid in inc["articles"]:
            if aid in arts:
                title = arts[aid].get("title") or ""
                text = f"{title}\n{arts[aid]['text']}" if title else arts[aid]["text"]
                out.append((aid, text, inc["killed"], inc["injured"]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", type=int, default=0, help="print N errors")
    ap.add_argument("--dataset", default="gvdb", choices=("gvdb", "gvc"))
    args = ap.parse_args()
    n = ok_k = ok_i = ok_both = 0
    shown = 0
    t0 = time.perf_counter()
    for aid, text, gk, gi in _golds(args.dataset):
        k, i, found = article_counts(text)
        n += 1
        ok_k += k == gk
        ok_i += i == gi
        ok_both += k == gk and i == gi
        if (k != gk or i != gi) and shown < args.show:
            shown += 1
            print(f"--- {aid} gold k={gk} i={gi}  got k={k} i={i}")
            for c in found:
                print(f"    {c.kind:8} {c.range.low}-{c.range.best}-{c.range.high} cum={c.cumulative} {c.phrase!r}")
            print("   ", text[:600].replace("\n", " "))
    dt = time.perf_counter() - t0
    print(f"{args.dataset} articles={n} killed_exact={ok_k / n:.3f} injured_exact={ok_i / n:.3f} both={ok_both / n:.3f} ({dt:.1f}s)")


if __name__ == "__main__":
    main()
