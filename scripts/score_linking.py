#!/usr/bin/env python
"""Score wirecheck's story linking against a dataset's gold clusters (B³ F1).

    .venv/bin/python scripts/score_linking.py ../shared/datasets/gva [--standin] [--limit N]

Gold clusters: ``incidents.jsonl`` (gva, gvc; incidents that share an article are joined, since
an article can sit in one story only), ``docs_gold.jsonl`` sub-topics (ecbplus) or
``events_gold.jsonl`` (newswcl50).  Articles are analysed with ``wirecheck.extract`` when it
exists (unless ``--standin``), otherwise with a cheap stand-in built from the plain text:
capitalised name sequences, a "City, State" place, numbers near killed/wounded, and the
published date.  Only ``StoryLinker.add`` is timed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

from wirecheck.link import MemoryLinkBackend, StoryLinker
from wirecheck.models import (
    Article,
    ArticleAnalysis,
    Count,
    CountRange,
    Dated,
    DateValue,
    EntityMention,
    EventMention,
    Evidence,
    LocalEntity,
    Located,
    Place,
)
from wirecheck.settings import Settings


def read_jsonl(path: Path) -> list[dict]:
    if not path.exists() and Path(str(path) + ".gz").exists():
        path = Path(str(path) + ".gz")
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def gold_clusters(folder: Path, article_ids: list[str]) -> dict[str, int]:
    """Article id -> gold cluster number."""
    groups: list[list[str]] = []
    if (folder / "incidents.jsonl").exists():
        groups = [inc["articles"] for inc in read_jsonl(folder / "incidents.jsonl")]
    elif (folder / "docs_gold.jsonl").exists():
        by_sub: dict[str, list[str]] = defaultdict(list)
        for doc in read_jsonl(folder / "docs_gold.jsonl"):
            by_sub[doc["subtopic"]].append(doc["id"])
        groups = list(by_sub.values())
    elif (folder / "events_gold.jsonl").exists():
        groups = [ev["articles"] for ev in read_jsonl(folder / "events_gold.jsonl")]
    else:
        sys.exit(f"{folder}: no incidents.jsonl, docs_gold.jsonl or events_gold.jsonl")
    # Join groups that share an article (union-find over articles).
    parent: dict[str, str] = {}

    def root(a: str) -> str:
        parent.setdefault(a, a)
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for group in groups:
        for art in group[1:]:
            parent[root(art)] = root(group[0])
    roots: dict[str, int] = {}
    return {a: roots.setdefault(root(a), len(roots)) for a in article_ids}


def b_cubed(pred: dict[str, str], gold: dict[str, int]) -> tuple[float, float, float]:
    try:
        from wirecheck.evaluate.metrics import b_cubed as shared
    except ImportError:
        shared = None
    if shared is not None:
        prf = shared(gold, pred)
        return prf.precision, prf.recall, prf.f1
    pred_sets: dict[str, set[str]] = defaultdict(set)
    gold_sets: dict[int, set[str]] = defaultdict(set)
    for a, c in pred.items():
        pred_sets[c].add(a)
    for a, c in gold.items():
        gold_sets[c].add(a)
    p = r = 0.0
    for a in pred:
        ps, gs = pred_sets[pred[a]], gold_sets[gold[a]]
        inter = len(ps & gs)
        p += inter / len(ps)
        r += inter / len(gs)
    p /= len(pred)
    r /= len(pred)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


# --------------------------------------------------------------------------- stand-in analysis

_NAME = re.compile(r"\b[A-Z][a-z]+(?:[ -](?:[A-Z]\.|[A-Z][a-z]+|[A-Z]'[A-Z][a-z]+|Mc[A-Z][a-z]+)){1,3}\b")
_ORGISH = {
    "police",
    "department",
    "county",
    "city",
    "state",
    "university",
    "school",
    "hospital",
    "center",
    "office",
    "news",
    "street",
    "avenue",
    "road",
    "park",
    "court",
    "church",
    "club",
    "company",
    "sheriff",
    "association",
    "council",
    "house",
    "party",
    "times",
    "post",
    "press",
    "service",
    "north",
    "south",
    "east",
    "west",
    "new",
    "san",
    "los",
    "las",
    "fort",
    "saint",
    "lake",
    "high",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "the",
    "copyright",
}
_STATES = (
    "Ala|Alaska|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Hawaii|Idaho|Ill|Ind|Iowa|Kan|Ky|La|Maine|Md|Mass|"
    "Mich|Minn|Miss|Mo|Mont|Neb|Nev|N\\.H|N\\.J|N\\.M|N\\.Y|N\\.C|N\\.D|Ohio|Okla|Ore|Pa|R\\.I|S\\.C|S\\.D|"
    "Tenn|Texas|Utah|Vt|Va|Wash|W\\.Va|Wis|Wyo|D\\.C|Alabama|Arizona|Arkansas|California|Colorado|"
    "Connecticut|Delaware|Florida|Georgia|Illinois|Indiana|Kansas|Kentucky|Louisiana|Maryland|"
    "Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|"
    "New Jersey|New Mexico|New York|North Carolina|North Dakota|Oklahoma|Oregon|Pennsylvania|"
    "Rhode Island|South Carolina|South Dakota|Tennessee|Vermont|Virginia|Washington|West Virginia|"
    "Wisconsin|Wyoming"
)
_DATELINE = re.compile(r"^\s*([A-Z][A-Za-z .'-]{2,30}?),\s*(?:" + _STATES + r")\.?\s*(?:\(|[-—–]|\u2014)")
_IN_PLACE = re.compile(r"\b(?:in|of|near) ([A-Z][a-z]+(?: [A-Z][a-z]+)?),? (?:" + _STATES + r")\b")
_NUM = "(one|two|three|four|five|six|seven|eight|nine|ten|\\d+)"
_NUMS = {
    w: i
    for i, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    )
}
_KILLED = re.compile(_NUM + r" (?:\w+ ){0,3}(?:were |was )?(?:killed|dead|died|slain)", re.I)
_WOUNDED = re.compile(_NUM + r" (?:\w+ ){0,3}(?:were |was )?(?:wounded|injured|hurt|hospitalized)", re.I)
_FULLDATE = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b"
)
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ]
    )
}


def standin_analysis(rec: dict) -> ArticleAnalysis:
    text = rec["text"] or ""
    art = Article(
        id=rec["id"],
        text=text,
        title=rec.get("title"),
        source=rec.get("source"),
        published=rec.get("published"),
        url=rec.get("url"),
    )
    ents: dict[str, LocalEntity] = {}
    for m in _NAME.finditer(text):
        name = m.group(0)
        words = name.lower().replace("-", " ").split()
        etype = "ORG" if any(w in _ORGISH for w in words) else "PERSON"
        if etype == "ORG":
            continue
        ent = ents.setdefault(name, LocalEntity(key=f"n{len(ents)}", type=etype, name=name))
        ent.mentions.append(EntityMention(ent.key, name, m.start(), m.end(), 0))

    def ev(m: re.Match[str]) -> Evidence:
        return Evidence(art.id, 0, m.start(), m.end())

    mention = EventMention(
        id="e0",
        article=art.id,
        trigger="shooting",
        evidence=Evidence(art.id, 0, 0, 0),
        event_type="Violence against civilians",
        sub_event_type="Attack",
    )
    place = _DATELINE.search(text[:200]) or _IN_PLACE.search(text)
    if place:
        mention.location = Located(
            Place(name=place.group(1).strip().title(), precision=1), place.group(0), ev(place)
        )
    if not rec.get("published"):
        found = _FULLDATE.search(text)
        if found:
            value = f"{int(found.group(3)):04d}-{_MONTHS[found.group(1)]:02d}-{int(found.group(2)):02d}"
            mention.date = Dated(DateValue(value, found.group(0), "day"), ev(found))
    for attr, rx in (("fatalities", _KILLED), ("injured", _WOUNDED)):
        found = rx.search(text)
        if found:
            word = found.group(1).lower()
            n = _NUMS.get(word, int(word) if word.isdigit() else 0)
            setattr(mention, attr, Count(CountRange(n, n, n), found.group(0), ev(found)))
    return ArticleAnalysis(article=art, entities=list(ents.values()), events=[mention])


def real_analyzer():  # pragma: no cover - depends on the extractor being there
    try:
        from wirecheck.extract import analyze_articles
        from wirecheck.nlp import load_pipeline
    except ImportError:
        return None
    nlp = load_pipeline(None)

    def analyze_all(records: list[dict]) -> list[ArticleAnalysis]:
        articles = (
            Article(
                id=r["id"],
                text=r["text"],
                title=r.get("title"),
                source=r.get("source"),
                published=r.get("published"),
                url=r.get("url"),
            )
            for r in records
        )
        return list(analyze_articles(articles, nlp))

    return analyze_all


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("dataset", type=Path)
    parser.add_argument(
        "--standin", action="store_true", help="use the plain-text stand-in, not wirecheck.extract"
    )
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--threshold", type=float, default=None, help="override Settings.story_threshold")
    parser.add_argument("--errors", type=int, default=0, help="print this many wrong merges and splits")
    args = parser.parse_args()

    records = read_jsonl(args.dataset / "articles.jsonl")[: args.limit]
    analyze = None if args.standin else real_analyzer()
    t0 = time.perf_counter()
    analyses = analyze(records) if analyze else [standin_analysis(rec) for rec in records]
    t_analyze = time.perf_counter() - t0

    settings = Settings().replace(story_threshold=args.threshold)
    linker = StoryLinker(MemoryLinkBackend(), settings)
    t0 = time.perf_counter()
    for analysis in analyses:
        linker.add(analysis)
    t_link = time.perf_counter() - t0
    # Original dataset ids (the linker sees analysis.article.id, the dataset's own id here).
    pred = {rec["id"]: linker.backend.story_of(rec["id"]) or "" for rec in records}
    gold = gold_clusters(args.dataset, [rec["id"] for rec in records])
    p, r, f = b_cubed(pred, gold)
    stories = len(set(pred.values()))
    print(f"{args.dataset.name}: {len(records)} articles, {stories} stories, {len(set(gold.values()))} gold")
    print(f"B3 P={p:.4f} R={r:.4f} F1={f:.4f}")
    print(f"analysis {'extract' if analyze else 'stand-in'} {t_analyze:.2f}s; linking {t_link:.2f}s")
    if args.errors:
        titles = {rec["id"]: (rec.get("title") or rec["text"][:60]).replace("\n", " ") for rec in records}
        by_story: dict[str, list[str]] = defaultdict(list)
        for a, s in pred.items():
            by_story[s].append(a)
        shown = 0
        for members in by_story.values():
            if len({gold[a] for a in members}) > 1 and shown < args.errors:
                shown += 1
                print("MERGED:", " | ".join(f"[{gold[a]}] {titles[a][:70]}" for a in members))
        by_gold: dict[int, list[str]] = defaultdict(list)
        for a, g in gold.items():
            by_gold[g].append(a)
        shown = 0
        for members in by_gold.values():
            if len({pred[a] for a in members}) > 1 and shown < args.errors:
                shown += 1
                print("SPLIT:", " | ".join(f"[{pred[a][-6:]}] {titles[a][:70]}" for a in members))


if __name__ == "__main__":
    main()
