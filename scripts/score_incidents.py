#!/usr/bin/env python
"""Incident facts (killed, injured, date, city, state) on an incident dataset, with every error.

    .venv/bin/python scripts/cache_analyses.py ../shared/datasets/gvc /tmp/facts_gvc.pkl   # once
    .venv/bin/python scripts/score_incidents.py ../shared/datasets/gvc --cache /tmp/facts_gvc.pkl \
        [--show killed,injured] [--limit 20]

Links and reconciles the cached analyses exactly as ``wirecheck eval`` does, scores each gold
incident against the main event of the story sharing most of its articles (the rules of
``wirecheck.evaluate.score.score_incidents``), and sorts each wrong value into a cause:

- ``no_story``        none of the incident's articles was analysed;
- ``other_event``     another event of the story has the gold value (main event choice, or the
                      mentions were split into several events);
- ``reconcile``       an article's own main event has the gold value but the story's does not
                      (fact selection across reports, or merged background mentions);
- ``article_main``    no article's main event has it, another mention of an article does
                      (the extractor's main event choice or count attachment);
- ``extraction``      no mention anywhere has it.

``--show`` prints the errors of the named facts: gold, the story's value with every report (and
its sentence), and each article's own main-event value.
"""

from __future__ import annotations

import argparse
import pickle
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wirecheck import pipeline as real
from wirecheck.evaluate.readers import read_dataset
from wirecheck.evaluate.runner import subset, to_articles
from wirecheck.evaluate.score import count_value, day, main_event, same_place, same_state
from wirecheck.link.features import main_mention
from wirecheck.models import ArticleAnalysis, Event, EventMention
from wirecheck.settings import load_settings

FACTS = ("killed", "injured", "date", "city", "state")


def _mention_value(fact: str, m: EventMention | None) -> Any:
    if m is None:
        return None
    if fact == "killed":
        return (
            m.fatalities.range.best
            if m.fatalities and m.fatalities.range.best is not None
            else (m.fatalities.range.low if m.fatalities else 0)
        )
    if fact == "injured":
        return (
            m.injured.range.best
            if m.injured and m.injured.range.best is not None
            else (m.injured.range.low if m.injured else 0)
        )
    if fact == "date":
        return m.date.date.value if m.date else None
    if fact == "city":
        return m.location.place.name if m.location else None
    return m.location.place.admin1 if m.location else None


def _event_value(fact: str, e: Event | None) -> Any:
    if e is None:
        return None
    if fact == "killed":
        return count_value(e.fatalities)
    if fact == "injured":
        return count_value(e.injured)
    if fact == "date":
        return e.date.value if e.date else None
    if fact == "city":
        return e.location.name if e.location else None
    return e.location.admin1 if e.location else None


def _matcher(fact: str, gold: Any) -> Callable[[Any], bool]:
    if fact in ("killed", "injured"):
        return lambda v: v is not None and v == gold
    if fact == "date":
        return lambda v: day(v) == day(gold)
    if fact == "city":
        return lambda v: same_place(gold, v)
    return lambda v: same_state(gold, v)


_FACT_ATTR = {
    "killed": "fatalities",
    "injured": "injured",
    "date": "date",
    "city": "location",
    "state": "location",
}


def _sentence(a: ArticleAnalysis | None, index: int) -> str:
    if a is None:
        return ""
    for s in a.sentences:
        if s.index == index:
            return " ".join(s.text.split())[:160]
    return ""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--cache", type=Path, required=True, help="pickle written by cache_analyses.py")
    parser.add_argument("--sample", type=int, default=None)
    parser.add_argument("--show", default="", help="comma-separated facts whose errors to print")
    parser.add_argument("--limit", type=int, default=1000, help="print at most this many errors per fact")
    args = parser.parse_args()

    ds = subset(read_dataset(args.dataset), sample=args.sample)
    articles, article_of = to_articles(ds)
    with open(args.cache, "rb") as fh:
        by_id: dict[str, ArticleAnalysis] = {a.article.id: a for a in pickle.load(fh)["analyses"]}
    analyses = [by_id[a.id] for a in articles if a.id in by_id]
    stories = real.link_analyses(analyses, load_settings())
    results = {r.story.id: r for r in stories}
    story_of = {a: r.story.id for r in stories for a in r.story.articles}

    ok: dict[str, list[bool]] = defaultdict(list)
    abs_err: dict[str, list[int]] = defaultdict(list)
    causes: dict[str, Counter] = defaultdict(Counter)
    shown: Counter = Counter()
    show = {s.strip() for s in args.show.split(",") if s.strip()}
    for inc in ds.gold:
        if not inc.has_facts:
            continue
        arts = [a for d in inc.articles if (a := article_of.get(d)) in story_of]
        shared = Counter(story_of[a] for a in arts)
        result = event = None
        if shared:
            best = max(shared, key=lambda s: (shared[s], -len(results[s].story.articles), s))
            result = results[best]
            event = main_event(result)
        gold_of = {
            "killed": inc.killed,
            "injured": inc.injured,
            "date": inc.date,
            "city": inc.city,
            "state": inc.state,
        }
        for fact in FACTS:
            gold = gold_of[fact]
            if gold is None or gold == "":
                continue
            match = _matcher(fact, gold)
            value = _event_value(fact, event)
            good = event is not None and match(value)
            ok[fact].append(good)
            if fact in ("killed", "injured"):
                abs_err[fact].append(abs(gold - (value or 0)))
            if good:
                continue
            story_arts = list(result.story.articles) if result else []
            art_mains = {a: main_mention(by_id[a]) for a in story_arts if a in by_id}
            if result is None:
                cause = "no_story"
            elif any(match(_event_value(fact, e)) for e in result.events if e is not event):
                cause = "other_event"
            elif any(match(_mention_value(fact, m)) for m in art_mains.values() if m is not None):
                cause = "reconcile"
            elif any(
                match(_mention_value(fact, m)) for a in story_arts if a in by_id for m in by_id[a].events
            ):
                cause = "article_main"
            else:
                cause = "extraction"
            causes[fact][cause] += 1
            if fact not in show or shown[fact] >= args.limit:
                continue
            shown[fact] += 1
            gold_arts = set(arts)
            print(
                f"\n== {fact} [{cause}] incident {inc.id}: gold={gold!r} story={value!r} "
                f"({len(story_arts)} articles, {len(gold_arts & set(story_arts))}/{len(inc.articles)} of gold; "
                f"{len(result.events) if result else 0} events)"
            )
            if event is not None:
                for f in event.facts:
                    if f.attribute != _FACT_ATTR[fact]:
                        continue
                    print(f"   fact {f.attribute} {f.status} value={f.value}")
                    for r in f.reports:
                        txt = _sentence(by_id.get(r.article), r.evidence.sentence)
                        print(f"     - {r.article[:8]} {r.value} :: {txt}")
            for a, m in art_mains.items():
                mark = "*" if a in gold_arts else " "
                title = (by_id[a].article.title or "")[:60]
                print(
                    f"   {mark}{a[:8]} main={_mention_value(fact, m)!r} ({len(by_id[a].events)} mentions) {title}"
                )
            if result is not None:
                for e in result.events:
                    if e is not event and e.background is False:
                        print(
                            f"   other event {e.id[-6:]} {e.event_type} value={_event_value(fact, e)!r} "
                            f"mentions={len(e.mentions)}"
                        )

    print(f"\n{ds.name}: {len(analyses)} analyses, {len(stories)} stories")
    for fact in FACTS:
        acc = sum(ok[fact]) / len(ok[fact]) if ok[fact] else float("nan")
        mae = f" mae={sum(abs_err[fact]) / len(abs_err[fact]):.2f}" if abs_err[fact] else ""
        detail = ", ".join(f"{c} {n}" for c, n in causes[fact].most_common())
        print(
            f"  {fact:8s} {acc:.3f} ({len(ok[fact]) - sum(ok[fact])} wrong of {len(ok[fact])}){mae}  {detail}"
        )


if __name__ == "__main__":
    main()
