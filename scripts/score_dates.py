#!/usr/bin/env python
"""Per-article check of the main event's date against the gold incident date (fast loop).

    .venv/bin/python scripts/score_dates.py [gva|gvc|gvdb] [--sample 300] [--show 40] [--cache F]

Articles are built exactly as ``wirecheck eval`` builds them (``evaluate.runner.subset`` /
``to_articles``) and analysed one by one with ``wirecheck.extract.analyze_articles``.  For every
article of an incident with a date (GVA/GVC), or with a GVDB date whose year the text prints,
the main event's date is compared with the gold day (an article of several incidents is right
when it matches any of them).  Errors print with the publication date and the sentence that
gave the date, and are tallied by a rough cause.  ``--cache`` pickles the analyses so a second
run only re-scores (it goes stale when extraction changes).
"""

from __future__ import annotations

import argparse
import datetime as dt
import pickle
from collections import Counter
from pathlib import Path

from _common import DATASETS

from wirecheck.evaluate.readers import read_dataset
from wirecheck.evaluate.runner import subset, to_articles
from wirecheck.evaluate.score import day
from wirecheck.extract import analyze_articles
from wirecheck.models import ArticleAnalysis
from wirecheck.nlp.pipeline import load_pipeline
from wirecheck.nlp.times import day_of


def _main_date(an: ArticleAnalysis) -> tuple[str | None, str, str]:
    """(ISO day or raw value, the expression, its sentence) of the main event's date."""
    ev = next((e for e in an.events if e.id == an.main_event), None)
    if ev is None:
        ev = next((e for e in an.events if not e.background), an.events[0] if an.events else None)
    if ev is None:
        return None, "<no event>", ""
    if ev.date is None:
        return None, "<no date>", an.sentences[ev.evidence.sentence].text if an.sentences else ""
    d = ev.date
    return d.date.value, d.date.text, an.sentences[d.evidence.sentence].text


def _cause(gold: str, got: str | None, published: str | None) -> str:
    if got is None:
        return "none"
    g, p = day(gold), day(got)
    if p is None:
        return f"precision:{len(got)}"
    gd, pd = dt.date.fromisoformat(g), dt.date.fromisoformat(p)
    diff = (pd - gd).days
    if published and day(published) == p:
        return "=published"
    if diff % 7 == 0 and abs(diff) <= 28:
        return f"week{diff // 7:+d}"
    if 0 < diff <= 6:
        return "later<7d"
    if -6 <= diff < 0:
        return "earlier<7d"
    if gd.year != pd.year and (gd.month, gd.day) == (pd.month, pd.day):
        return "year"
    return "later" if diff > 0 else "earlier"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dataset", nargs="?", default="gva")
    ap.add_argument("--sample", type=int, default=300)
    ap.add_argument("--show", type=int, default=40)
    ap.add_argument("--cache", type=Path, default=None)
    args = ap.parse_args()

    ds = read_dataset(DATASETS / args.dataset)
    ds = subset(ds, sample=args.sample) if args.sample else ds
    articles, article_of = to_articles(ds)
    recs = {r.id: r for r in ds.articles}
    gold: dict[str, set[str]] = {}
    if ds.kind == "incidents":
        for inc in ds.gold:
            if inc.has_facts and inc.date:
                for doc in inc.articles:
                    gold.setdefault(doc, set()).add(day(inc.date))
    else:
        for g in ds.gold:
            if g.date and g.date[:4] in recs[g.article].text:
                gold.setdefault(g.article, set()).add(day(g.date))

    analyses: dict[str, ArticleAnalysis]
    if args.cache and args.cache.exists():
        analyses = pickle.loads(args.cache.read_bytes())
    else:
        wanted = {article_of[d] for d in gold}
        nlp = load_pipeline()
        analyses = {a.article.id: a for a in analyze_articles([a for a in articles if a.id in wanted], nlp)}
        if args.cache:
            args.cache.write_bytes(pickle.dumps(analyses))

    ok = 0
    causes: Counter[str] = Counter()
    errors: list[str] = []
    for doc in sorted(gold):
        an = analyses.get(article_of[doc])
        if an is None:
            continue
        value, expr, sentence = _main_date(an)
        if day(value) in gold[doc]:
            ok += 1
            continue
        g = sorted(gold[doc])[0]
        cause = _cause(g, value, recs[doc].published)
        if expr == "<no event>":
            cause = "no-event"
        # could the text have given it?  ("text" when some expression of the article names the day)
        if any(day_of(t) in gold[doc] for t in an.times):
            cause += "/text"
        causes[cause] += 1
        errors.append(
            f"[{cause}] {doc[:10]} pub={recs[doc].published} gold={g} got={value} ({expr!r})\n"
            f"      {' '.join(sentence.split())[:220]}"
        )
    n = ok + len(errors)
    print(f"{ds.name}: date accuracy {ok}/{n} = {ok / max(n, 1):.3f}")
    print("causes:", ", ".join(f"{k}={v}" for k, v in causes.most_common()))
    for e in errors[: args.show]:
        print(e)


if __name__ == "__main__":
    main()
