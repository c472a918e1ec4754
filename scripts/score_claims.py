"""Score wirecheck.extract.claims on PolNeAR: source / cue / content span F1.

    .venv/bin/python scripts/score_claims.py [--split dev|train|all] [--sample N] [--limit N] [--show N]

``--sample N`` scores the very articles ``wirecheck eval polnear --sample N`` draws (from train
and dev), so its last line equals that command's figures.

Two matchings, both one-to-one and greedy on gold order:
- ``overlap``: a predicted span counts when it shares at least one token with an unmatched gold
  span of the same role (PolNeAR's "token-overlap" span match);
- ``token``: precision/recall over the tokens of all spans of a role (soft, per token).
Gold spans come from PolNeAR (discontinuous roles use their fragments).  PolNeAR annotates every
attribution (speech, beliefs, intentions, evidence, quotes, nested ones).

The last line prints the figures exactly as ``wirecheck eval`` computes them
(``wirecheck.evaluate.score.score_polnear``): ``source_f1``/``cue_f1`` = one-to-one overlap on
whole gold spans (largest overlap first), ``content_f1`` = token-level F1 over the gold content
fragments.  They differ from the lines above only in matching order and fragments; ``wirecheck
eval --sample N`` also draws its sample from train and dev, so its numbers differ by sample.
"""

from __future__ import annotations

import argparse
import re
import time

from _common import DATASETS, read_jsonl

from wirecheck.evaluate import metrics
from wirecheck.extract.claims import find_claims
from wirecheck.models import Article
from wirecheck.nlp import load_pipeline

_TOKEN = re.compile(r"\w+|[^\w\s]")


def tokens(text: str, spans: list[tuple[int, int]]) -> set[int]:
    out: set[int] = set()
    for a, b in spans:
        for m in _TOKEN.finditer(text, a, b):
            if m.group().isalnum() or m.group().isalpha() or m.group()[0].isalnum():
                out.add(m.start())
    return out


def gold_spans(att: dict, role: str) -> list[tuple[int, int]] | None:
    if att.get(role) is None:
        return None
    frags = att.get(f"{role}_fragments")
    if frags:
        return [tuple(f) for f in frags]
    a, b, _ = att[role]
    return [(a, b)]


class Score:
    def __init__(self) -> None:
        self.tp = self.np = self.ng = 0
        self.ttp = self.tnp = self.tng = 0

    def add(self, text: str, pred: list[list[tuple[int, int]]], gold: list[list[tuple[int, int]]]) -> None:
        ptoks = [tokens(text, p) for p in pred]
        gtoks = [tokens(text, g) for g in gold]
        used: set[int] = set()
        for pt in ptoks:
            for j, gt in enumerate(gtoks):
                if j not in used and pt & gt:
                    used.add(j)
                    self.tp += 1
                    break
        self.np += len(pred)
        self.ng += len(gold)
        allp = set().union(*ptoks) if ptoks else set()
        allg = set().union(*gtoks) if gtoks else set()
        self.ttp += len(allp & allg)
        self.tnp += len(allp)
        self.tng += len(allg)

    @staticmethod
    def f(tp: int, np_: int, ng: int) -> tuple[float, float, float]:
        p = tp / np_ if np_ else 0.0
        r = tp / ng if ng else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def line(self, name: str) -> str:
        p, r, f = self.f(self.tp, self.np, self.ng)
        tp_, tr, tf = self.f(self.ttp, self.tnp, self.tng)
        return f"{name:8s} overlap P={p:.3f} R={r:.3f} F1={f:.3f}   token P={tp_:.3f} R={tr:.3f} F1={tf:.3f}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev", choices=["dev", "train", "all"])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--sample", type=int, default=0, help="the articles `wirecheck eval --sample N` scores")
    ap.add_argument("--show", type=int, default=0, help="print N missed gold attributions")
    args = ap.parse_args()
    nlp = load_pipeline()
    docs = [
        d
        for d in read_jsonl(DATASETS / "polnear" / "docs.jsonl")
        if args.split == "all" or d["split"] == args.split
    ]
    if args.sample:
        from wirecheck.evaluate.readers import read_dataset
        from wirecheck.evaluate.runner import subset

        keep = {r.id for r in subset(read_dataset(DATASETS / "polnear"), sample=args.sample).articles}
        docs = [d for d in read_jsonl(DATASETS / "polnear" / "docs.jsonl") if d["id"] in keep]
    if args.limit:
        docs = docs[: args.limit]
    scores = {r: Score() for r in ("source", "cue", "content")}
    harness: dict[str, list] = {
        "source": [],
        "cue": [],
        "content": [],
        "g_source": [],
        "g_cue": [],
        "g_content": [],
    }
    shown = 0
    t0 = time.perf_counter()
    arts = [Article(id=d["id"], text=d["text"]) for d in docs]
    for d, nd in zip(docs, nlp.process_many(arts), strict=True):
        claims = find_claims(nd, nd.entities)
        text = d["text"]
        preds = {
            "source": [[c.speaker_span] for c in claims if c.speaker_span],
            "cue": [[c.cue_span] for c in claims if c.cue_span],
            "content": [[c.content_span] for c in claims if c.content_span],
        }
        for role in scores:
            gold = [g for g in (gold_spans(a, role) for a in d["attributions"]) if g]
            scores[role].add(text, preds[role], gold)
        for c in claims:
            for role, span in (("source", c.speaker_span), ("cue", c.cue_span), ("content", c.content_span)):
                if span is not None:
                    harness[role].append((d["id"], span[0], span[1]))
        for a in d["attributions"]:
            for role in ("source", "cue"):
                if a.get(role):
                    harness["g_" + role].append((d["id"], a[role][0], a[role][1]))
            for a_, b_ in gold_spans(a, "content") or []:
                harness["g_content"].append((d["id"], a_, b_))
        if shown < args.show:
            got = {c.cue_span for c in claims}
            for a in d["attributions"]:
                if a.get("cue") and not any(x[0] <= a["cue"][0] < x[1] for x in got):
                    print(f"MISS cue={a['cue'][2]!r} src={(a.get('source') or [0, 0, None])[2]!r}")
                    shown += 1
    dt = time.perf_counter() - t0
    print(
        f"polnear {f'sample {args.sample}' if args.sample else args.split}: {len(docs)} docs, {sum(len(d['attributions']) for d in docs)} gold attributions, {dt:.1f}s"
    )
    for role, sc in scores.items():
        print(sc.line(role))
    texts = {d["id"]: d["text"] for d in docs}
    src = metrics.span_prf(harness["g_source"], harness["source"], "overlap")
    cue = metrics.span_prf(harness["g_cue"], harness["cue"], "overlap")
    con = metrics.span_prf(harness["g_content"], harness["content"], "token", texts)
    print(
        f"wirecheck eval figures: source_f1={src.f1:.3f} (P={src.precision:.3f} R={src.recall:.3f})  "
        f"cue_f1={cue.f1:.3f}  content_f1={con.f1:.3f} (token)"
    )


if __name__ == "__main__":
    main()
