"""Score wirecheck.nlp.times.find_times on TempEval-3 (TBAQ) or MEANTIME timexes.

    .venv/bin/python scripts/score_times.py [tempeval3|meantime] [--show N] [--no-anchor]

Strict span F1 (exact offsets), relaxed span F1 (overlap), and value accuracy over the gold
timexes that a predicted one overlaps (the TempEval-3 "value" attribute score on matched
spans).  The anchor is the document creation time (dct), as TempEval does.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from _common import DATASETS, read_jsonl, sentences

from wirecheck.nlp.times import find_times


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dataset", nargs="?", default="tempeval3")
    ap.add_argument("--show", type=int, default=0, help="print N value errors")
    ap.add_argument("--misses", type=int, default=0, help="print N missed gold timexes")
    ap.add_argument("--no-anchor", action="store_true")
    args = ap.parse_args()
    n_gold = n_pred = strict = relaxed_g = relaxed_p = value_ok = type_ok = 0
    errors: list[str] = []
    misses: Counter[str] = Counter()
    t_total = 0.0
    for doc in read_jsonl(DATASETS / args.dataset / "docs.jsonl"):
        text = doc["text"]
        sents = sentences(text)
        t0 = time.perf_counter()
        pred = find_times(text, sents, None if args.no_anchor else doc.get("dct"))
        t_total += time.perf_counter() - t0
        gold = [g for g in doc["timexes"] if g.get("start") is not None and g["end"] > g["start"]]
        n_gold += len(gold)
        n_pred += len(pred)
        spans = {(p.start, p.end) for p in pred}
        strict += sum((g["start"], g["end"]) in spans for g in gold)
        relaxed_p += sum(any(p.start < g["end"] and g["start"] < p.end for g in gold) for p in pred)
        for g in gold:
            match = [p for p in pred if p.start < g["end"] and g["start"] < p.end]
            if not match:
                misses[g["text"].lower()] += 1
                continue
            relaxed_g += 1
            p = match[0]
            type_ok += p.kind == g["type"]
            if p.value == g["value"]:
                value_ok += 1
            else:
                errors.append(f"{doc['dct']}  {g['text']!r:32} gold={g['value']!r:16} got={p.value!r} ({p.text!r})")
    sp, sr = strict / max(n_pred, 1), strict / max(n_gold, 1)
    rp, rr = relaxed_p / max(n_pred, 1), relaxed_g / max(n_gold, 1)
    for e in errors[: args.show]:
        print(e)
    for t, c in misses.most_common(args.misses):
        print(f"missed {c:3} {t!r}")
    print(
        f"{args.dataset}: gold={n_gold} pred={n_pred} strict P={sp:.3f} R={sr:.3f} F1={f1(sp, sr):.3f} | "
        f"relaxed P={rp:.3f} R={rr:.3f} F1={f1(rp, rr):.3f} | value acc (matched)={value_ok / max(relaxed_g, 1):.3f} "
        f"value F1={f1(value_ok / max(n_pred, 1), value_ok / max(n_gold, 1)):.3f} type acc={type_ok / max(relaxed_g, 1):.3f} "
        f"| {t_total * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
