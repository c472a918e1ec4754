"""Ingesting articles one at a time (a new linker per call, on SQLite) gives the stories of linking
them all at once in memory.

The store-backed linker restarts on every ``ingest_documents`` call, so everything it knows about
the corpus (document frequencies of words, names, places) must come back from the store.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wirecheck.clean import clean_document
from wirecheck.evaluate.metrics import b_cubed
from wirecheck.ingest import iter_documents
from wirecheck.models import RawDocument
from wirecheck.pipeline import analyze_articles, ingest_documents, link_analyses
from wirecheck.settings import Settings
from wirecheck.store import open_store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
DATASETS = Path(os.environ.get("WIRECHECK_DATASETS", Path(__file__).resolve().parents[2] / "shared" / "datasets"))


def _in_order(docs: list[RawDocument], settings: Settings) -> list[RawDocument]:
    """Documents in publication order (then article id): the order both paths see."""
    keyed = []
    for doc in docs:
        article = clean_document(doc, settings)
        keyed.append(((article.published is None, article.published or "", article.id), doc))
    return [doc for _, doc in sorted(keyed, key=lambda kd: kd[0])]


def _all_at_once(docs: list[RawDocument], settings: Settings) -> dict[str, str]:
    articles = [clean_document(doc, settings) for doc in docs]
    stories = link_analyses(analyze_articles(articles, settings), settings)
    return {a: r.story.id for r in stories for a in r.story.articles}


def _one_at_a_time(docs: list[RawDocument], settings: Settings, db: Path) -> dict[str, str]:
    settings = settings.replace(db=str(db))
    with open_store(settings.db_url) as store:
        for doc in docs:
            ingest_documents([doc], settings, store)
        return {aid: store.story_of(aid) or "" for aid in _linked(store)}


def _linked(store: object) -> list[str]:
    from sqlalchemy import select

    from wirecheck.store import schema as t

    with store.engine.connect() as conn:  # type: ignore[attr-defined]
        return list(conn.execute(select(t.link_features.c.article_id)).scalars())


def _agreement(a: dict[str, str], b: dict[str, str]) -> float:
    assert set(a) == set(b), "both paths must link the same articles"
    return b_cubed(a, b).f1


@pytest.fixture(scope="module")
def settings() -> Settings:
    return Settings(workers=1)


def test_examples_one_at_a_time_equal_all_at_once(settings: Settings, tmp_path: Path) -> None:
    docs = [d for d in iter_documents([str(EXAMPLES)], settings) if isinstance(d, RawDocument)]
    docs = _in_order(docs, settings)
    together = _all_at_once(docs, settings)
    apart = _one_at_a_time(docs, settings, tmp_path / "one.db")
    assert _agreement(together, apart) == 1.0
    # examples/README.md: ten reports of four events.
    assert len(set(together.values())) == 4


@pytest.mark.slow
@pytest.mark.datasets
def test_gvc_sample_one_at_a_time_equal_all_at_once(settings: Settings, tmp_path: Path) -> None:
    if not (DATASETS / "gvc" / "articles.jsonl").exists():
        pytest.skip("gvc dataset not available")
    from wirecheck.evaluate.readers import read_dataset
    from wirecheck.evaluate.runner import subset

    ds = subset(read_dataset(DATASETS / "gvc"), sample=40)
    docs = [
        RawDocument(origin=f"gvc/{r.id}", text=r.text, title=r.title, url=r.url, source=r.source, published=r.published)
        for r in ds.articles
    ]
    docs = _in_order(docs, settings)
    together = _all_at_once(docs, settings)
    apart = _one_at_a_time(docs, settings, tmp_path / "gvc.db")
    assert _agreement(together, apart) >= 0.99
