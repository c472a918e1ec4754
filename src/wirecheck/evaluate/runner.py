"""Run wirecheck's real pipeline on a dataset folder and score it: one call, one dict of figures.

``evaluate_dataset`` reads the folder, builds :class:`Article` objects from the given texts
(never re-cleaned: gold offsets index them), runs ``pipeline.analyze_articles`` and, where the
figures need it, ``pipeline.link_analyses`` — on the whole sample for clustering and incident
facts, and on each article alone for per-article facts (so an unrelated article cannot change
an article's main event).  Scoring lives in :mod:`wirecheck.evaluate.score`.
"""

from __future__ import annotations

import hashlib
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

from wirecheck.clean import article_id, drop_invisible, with_headline
from wirecheck.evaluate.readers import Dataset, DatasetError, DocRecord, read_dataset
from wirecheck.evaluate.score import SCORERS, Predictions
from wirecheck.models import Article, ArticleAnalysis, StoryResult
from wirecheck.settings import Settings


class Pipeline(Protocol):
    """What the evaluation needs from ``wirecheck.pipeline`` (tests pass a fake)."""

    def analyze_articles(self, articles: list[Article], settings: Settings) -> list[ArticleAnalysis]: ...

    def link_analyses(self, analyses: list[ArticleAnalysis], settings: Settings) -> list[StoryResult]: ...


# Figures per task; a dataset reports those of its kind that fall in the selected task.
TASKS: dict[str, tuple[str, ...]] = {
    "clustering": (
        "b3_f1", "muc_f1", "ceafe_f1", "conll_f1",
        "event_b3_f1", "event_muc_f1", "event_ceafe_f1", "event_conll_f1", "event_mention_recall",
    ),
    "facts": (
        "killed_exact", "injured_exact", "killed_mae", "injured_mae",
        "date_accuracy", "city_accuracy", "city_overlap_accuracy", "state_accuracy",
        "event_type_accuracy", "sub_event_type_accuracy", "fatalities_exact", "fatalities_mae",
        "country_accuracy", "admin1_accuracy",
        "perpetrator_org_f1", "target_f1", "deaths_accuracy", "incident_type_accuracy",
    ),
    "timex": (
        "timex_span_f1", "timex_relaxed_f1", "timex_value_accuracy", "timex_value_f1", "timex_type_accuracy",
    ),
    "attribution": (
        "source_f1", "cue_f1", "content_f1", "source_exact_f1", "cue_exact_f1", "content_exact_f1",
        "attribution_f1",
    ),
}
# Figures where lower is better (the report and the quality gate read them the other way).
LOWER_IS_BETTER = frozenset({"killed_mae", "injured_mae", "fatalities_mae"})

# Which pipeline steps each kind needs, per task: "link" = all articles linked together,
# "single" = each article reconciled alone.
_NEEDS: dict[str, dict[str, set[str]]] = {
    "incidents": {"clustering": {"link"}, "facts": {"link"}},
    "ecbplus": {"clustering": {"link"}},
    "newswcl50": {"clustering": {"link"}},
    "timex": {"timex": set(), "clustering": {"link"}},
    "gvdb": {"facts": {"single"}},
    "acled": {"facts": {"single"}},
    "muc4": {"facts": {"single"}},
    "polnear": {"attribution": set()},
}


# Kinds whose gold indexes the text by character offsets: their texts are used exactly as given.
_OFFSET_GOLD = ("ecbplus", "newswcl50", "timex", "polnear")


def _default_pipeline() -> ModuleType:
    from wirecheck import pipeline

    return pipeline


def to_articles(ds: Dataset) -> tuple[list[Article], dict[str, str]]:
    """Articles in news order and the dataset id -> article id map.

    News order is by publication date, and among articles of one day or with none, by article
    id (a hash of the text).  Not by the dataset's own ids: those often name the gold group
    ("10_13ecbplus", "0_L"), and an order that brings each topic's reports together tells the
    linker what it is being scored on (session 32: ECB+ B3 0.929 in that order, 0.889 by
    article id, 0.89 +- 0.01 over random orders).

    As ingest makes them, the headline opens the text (``clean.with_headline``) and characters
    with no glyph are left out (``clean.drop_invisible``) -- except in corpora whose gold
    indexes the text by offsets, where texts are used exactly as given.
    Identical texts become one article (both dataset ids point at it).
    """
    article_of: dict[str, str] = {}
    articles: dict[str, Article] = {}
    records = []
    for rec in ds.articles:
        text = rec.text if ds.kind in _OFFSET_GOLD else drop_invisible(with_headline(rec.text, rec.title)[0])
        records.append((rec.published is None, rec.published or "", article_id(text), rec.id, text, rec))
    for _, _, aid, _, text, rec in sorted(records, key=lambda r: r[:4]):
        article_of[rec.id] = aid
        articles.setdefault(
            aid,
            Article(
                id=aid,
                text=text,
                origin=f"{ds.name}/{rec.id}",
                title=rec.title,
                source=rec.source,
                url=rec.url,
                published=rec.published,
                metadata={"dataset": ds.name, "doc": rec.id},
            ),
        )
    return list(articles.values()), article_of


# --------------------------------------------------------------------------- sampling


def _groups(ds: Dataset) -> dict[str, list[str]]:
    """Sampling units: whole incidents/stories/topics for clustering kinds, else single docs."""
    units: dict[str, list[str]] = {}
    if ds.kind in ("incidents", "newswcl50", "ecbplus"):
        # Documents linked through a shared gold group stay together (union-find).
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            parent.setdefault(x, x)
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for g in ds.gold:
            key = "group:" + (g.topic if ds.kind == "ecbplus" and g.topic else g.id)
            for doc in g.articles:
                parent[find("doc:" + doc)] = find(key)
        for rec in ds.articles:
            units.setdefault(find("doc:" + rec.id), []).append(rec.id)
        return units
    return {rec.id: [rec.id] for rec in ds.articles}


def subset(ds: Dataset, limit: int | None = None, sample: int | None = None) -> Dataset:
    """The first ``limit`` articles, or a deterministic sample of about ``sample`` articles.

    The sample takes whole gold groups (incidents, stories, ECB+ topics) in the order of a hash
    of their key, until it holds at least ``sample`` articles: the same call picks the same
    articles on every machine, and clusters are never cut in half.
    """
    if limit is None and sample is None:
        return ds
    if sample is not None:
        units = _groups(ds)
        order = sorted(units, key=lambda k: hashlib.sha256(f"{ds.name}:{k}".encode()).hexdigest())
        keep: set[str] = set()
        for key in order:
            if len(keep) >= sample:
                break
            keep.update(units[key])
        docs = [r for r in ds.articles if r.id in keep]
    else:
        docs = ds.articles[: max(0, limit or 0)]
    if limit is not None:
        docs = docs[:limit]
    return restrict(ds, docs)


def restrict(ds: Dataset, docs: list[DocRecord]) -> Dataset:
    keep = {d.id for d in docs}
    gold: list[Any] = []
    for g in ds.gold:
        if hasattr(g, "articles"):  # Incident, StoryGold
            arts = [a for a in g.articles if a in keep]
            if arts:
                gold.append(replace(g, articles=arts))
        elif g.article in keep:
            gold.append(g)
    mentions = [m for m in ds.mentions if m.article in keep]
    return replace(ds, articles=list(docs), gold=gold, mentions=mentions)


# --------------------------------------------------------------------------- the run


def _max_rss_mb() -> float:
    """Peak resident memory of this process and its finished workers, in MiB."""
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, children) * 1024 / scale / 1024, 1)


def figure_names(kind: str, task: str | None) -> set[str]:
    if task is not None and task not in TASKS:
        raise DatasetError(f"unknown task {task!r}; one of {', '.join(TASKS)}")
    tasks = [task] if task else [t for t in TASKS if t in _NEEDS[kind]]
    return {f for t in tasks for f in TASKS[t]}


def evaluate_dataset(
    path: str,
    settings: Settings,
    task: str | None = None,
    limit: int | None = None,
    sample: int | None = None,
    pipeline: Pipeline | None = None,
) -> dict:
    """Score wirecheck on one dataset folder.

    Returns ``{"dataset", "kind", "articles", "figures", "seconds", "speed", "task", "limit",
    "sample"}``; ``figures`` maps figure names (see :data:`TASKS`) to values in [0, 1] (errors
    such as ``killed_mae`` in counts), leaving out figures the sample gives no gold for.
    """
    started = time.perf_counter()
    pipeline = pipeline or _default_pipeline()
    ds = subset(read_dataset(path), limit, sample)
    wanted = figure_names(ds.kind, task)
    tasks = [task] if task else list(_NEEDS[ds.kind])
    if ds.kind == "timex" and not ds.mentions:  # TempEval-3 has no event chains to cluster
        tasks = [t for t in tasks if t != "clustering"]
    needs = set().union(*(_NEEDS[ds.kind].get(t, set()) for t in tasks))
    articles, article_of = to_articles(ds)

    t0 = time.perf_counter()
    analyses = pipeline.analyze_articles(articles, settings)
    analyze_s = time.perf_counter() - t0
    rss_analyze = _max_rss_mb()
    preds = Predictions(article_of, {a.article.id: a for a in analyses})

    t0 = time.perf_counter()
    if "link" in needs:
        preds.stories = pipeline.link_analyses(analyses, settings)
    if "single" in needs:
        for analysis in analyses:
            results = pipeline.link_analyses([analysis], settings)
            if results:
                preds.singles[analysis.article.id] = results[0]
    link_s = time.perf_counter() - t0

    stages: dict[str, float] = {}
    for analysis in analyses:
        for stage, seconds in analysis.timings.items():
            stages[stage] = stages.get(stage, 0.0) + seconds
    if needs:
        stages["link+reconcile"] = link_s
    figures = {
        name: round(float(value), 4)
        for name, value in SCORERS[ds.kind](ds, preds).items()
        if name in wanted and value is not None
    }
    return {
        "dataset": ds.name,
        "kind": ds.kind,
        "articles": len(ds.articles),
        "figures": dict(sorted(figures.items())),
        "seconds": round(time.perf_counter() - started, 2),
        "task": task,
        "limit": limit,
        "sample": sample,
        "speed": {
            "analyzed": len(analyses),
            "failed": len(articles) - len(analyses),
            "workers": settings.workers,
            "analyze_seconds": round(analyze_s, 3),
            "link_seconds": round(link_s, 3),
            "stages": {k: round(v, 3) for k, v in sorted(stages.items())},
            "max_rss_mb": {"analyze": rss_analyze, "link": _max_rss_mb()},
        },
    }


def dataset_dirs(datasets_dir: str | Path) -> list[Path]:
    """Every sub-folder that holds a dataset in the shared format, by name."""
    from wirecheck.evaluate.readers import detect_kind

    root = Path(datasets_dir)
    if not root.is_dir():
        raise DatasetError(
            f"{root}: no datasets folder; set WIRECHECK_DATASETS or pass the folder that holds them"
        )
    out = []
    for sub in sorted(p for p in root.iterdir() if p.is_dir()):
        try:
            detect_kind(sub)
        except DatasetError:
            continue
        out.append(sub)
    return out


def evaluate_all(
    datasets_dir: str,
    settings: Settings,
    sample: int | None = None,
    pipeline: Pipeline | None = None,
    samples: dict[str, int] | None = None,
) -> list[dict]:
    """:func:`evaluate_dataset` on every dataset under ``datasets_dir``.

    ``samples`` gives a per-dataset sample size (by folder name) that overrides ``sample``.
    """
    results = []
    for sub in dataset_dirs(datasets_dir):
        n = (samples or {}).get(sub.name, sample)
        results.append(evaluate_dataset(str(sub), settings, sample=n, pipeline=pipeline))
    return results

