"""Scale: more workers, Dask and PostgreSQL change how fast wirecheck runs, never what it stores.

- ``workers=2`` (a process pool) stores the same stories, events and facts as ``workers=1``,
  on examples/ and on ~80 gvc articles;
- ``dask="local"`` (a LocalCluster of two worker processes) into PostgreSQL gives the same
  stories as one process;
- a worker's peak memory stays under 1.5 GB on ~200 articles.

The pipeline must not know which of these ran: results come back in input order, so the linker
sees the same sequence every time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from shared_data import dataset_rows
from wirecheck.models import RawDocument
from wirecheck.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
PG_ENV = "WIRECHECK_TEST_PG"
# Fields that record when something ran, not what was found.
VOLATILE = {"ingested_at", "saved_at", "latest", "timings"}


def gvc_rows(limit: int) -> list[dict[str, Any]]:
    return dataset_rows("gvc", limit)


def gvc_docs(limit: int) -> list[RawDocument]:
    return [
        RawDocument(origin=f"gvc:{r['id']}", text=r["text"], title=r.get("title"), url=r.get("url"),
                    source=r.get("source"), published=r.get("published"))
        for r in gvc_rows(limit)
    ]


def example_docs() -> list[RawDocument]:
    from wirecheck.ingest import iter_documents

    docs = [d for d in iter_documents([str(EXAMPLES)], Settings()) if isinstance(d, RawDocument)]
    if not docs:
        pytest.skip("examples/ has no articles")
    return docs


def run_ingest(docs: list[RawDocument], settings: Settings) -> dict[str, Any]:
    """Ingest into ``settings.db`` and return the export, less what depends on the clock."""
    from wirecheck.pipeline import ingest_documents
    from wirecheck.store import open_store

    with open_store(settings.db_url) as store:
        report = ingest_documents(docs, settings, store)
        assert not [p for p in report.skipped if "analysis failed" in p.reason], report.skipped
        return strip(store.export_data())


def strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: strip(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [strip(v) for v in value]
    return value


def groupings(export: dict[str, Any]) -> set[frozenset[str]]:
    return {frozenset(s["articles"]) for s in export["stories"]}


def assert_same(one: dict[str, Any], many: dict[str, Any]) -> None:
    # Groupings first: the most readable message when linking differs.
    assert groupings(many) == groupings(one)
    assert [a["id"] for a in many["articles"]] == [a["id"] for a in one["articles"]]
    for key in ("stories", "events", "entities", "claims"):
        assert many[key] == one[key], f"{key} differ between one worker and several"


# ----------------------------------------------------------------------------- process pool


def test_workers_2_matches_workers_1_on_examples(tmp_path: Path) -> None:
    docs = example_docs()
    # Small batches, so a handful of articles still goes through the pool (it starts past 2 batches).
    base = Settings(db=str(tmp_path / "one.db"), workers=1, batch_size=2)
    one = run_ingest(docs, base)
    many = run_ingest(docs, base.replace(db=str(tmp_path / "two.db"), workers=2))
    assert one["stories"], "examples/ gave no story"
    assert_same(one, many)


@pytest.mark.datasets
@pytest.mark.slow
def test_workers_2_matches_workers_1_on_gvc(tmp_path: Path) -> None:
    docs = gvc_docs(80)
    base = Settings(db=str(tmp_path / "one.db"), workers=1)
    one = run_ingest(docs, base)
    many = run_ingest(docs, base.replace(db=str(tmp_path / "two.db"), workers=2))
    assert len(one["articles"]) >= 70
    assert_same(one, many)


def test_pool_used_and_ordered(tmp_path: Path) -> None:
    """The pool really runs (not the in-process path) and hands results back in input order."""
    from wirecheck.clean import clean_document
    from wirecheck.pipeline import Analyzer

    settings = Settings(db=str(tmp_path / "x.db"), workers=2, batch_size=1)
    articles = [clean_document(d, settings) for d in example_docs()]
    with Analyzer(settings) as analyzer:
        out = list(analyzer.map(articles))
        assert analyzer._pool is not None
    assert [a.article.id for a in out] == [a.id for a in articles]


def test_missing_model_in_workers_is_one_error(tmp_path: Path) -> None:
    """A pipeline the workers cannot load stops the run with ModelNotFound, as in one process,
    not with a dead pool or one "analysis failed" per article."""
    from wirecheck.clean import clean_document
    from wirecheck.errors import ModelNotFound
    from wirecheck.pipeline import Analyzer

    settings = Settings(db=str(tmp_path / "x.db"), workers=2, batch_size=1, model="no_such_pipeline_xx")
    articles = [clean_document(d, settings) for d in example_docs()]
    with pytest.raises(ModelNotFound), Analyzer(settings) as analyzer:
        list(analyzer.map(articles))


# ----------------------------------------------------------------------------- Dask + PostgreSQL


@pytest.fixture
def pg_urls() -> Iterator[tuple[str, str]]:
    """Two fresh databases on the test server (one per run compared)."""
    if not os.environ.get(PG_ENV):
        pytest.skip(f"{PG_ENV} is not set (scripts/start-postgres.sh prints a URL for it)")
    from sqlalchemy import create_engine, text

    admin_url = os.environ[PG_ENV].replace("postgresql://", "postgresql+psycopg://", 1)
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    names = [f"wc_scale_{uuid.uuid4().hex[:12]}" for _ in range(2)]
    with admin.connect() as conn:
        for name in names:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    base = os.environ[PG_ENV].rsplit("/", 1)[0]
    try:
        yield f"{base}/{names[0]}", f"{base}/{names[1]}"
    finally:
        with admin.connect() as conn:
            for name in names:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.mark.postgres
@pytest.mark.slow
def test_dask_local_cluster_on_postgres(pg_urls: tuple[str, str]) -> None:
    pytest.importorskip("dask.distributed")
    docs = example_docs()
    one = run_ingest(docs, Settings(db=pg_urls[0], workers=1))
    spread = run_ingest(docs, Settings(db=pg_urls[1], workers=2, dask="local", batch_size=2))
    assert one["stories"], "examples/ gave no story"
    assert_same(one, spread)


# ----------------------------------------------------------------------------- memory

MEMORY_SCRIPT = """
import json, resource, sys
from wirecheck.models import RawDocument
from wirecheck.pipeline import ingest_documents
from wirecheck.settings import Settings
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
docs = [RawDocument(origin=r["id"], text=r["text"], title=r.get("title"), url=r.get("url"),
                    source=r.get("source"), published=r.get("published")) for r in rows]
report = ingest_documents(docs, Settings(db=sys.argv[2], workers=2))
# The pool is shut down and its workers reaped: RUSAGE_CHILDREN holds the largest one's peak.
print(json.dumps({"stored": len(report.stored),
                  "writer_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


@pytest.mark.datasets
@pytest.mark.slow
def test_worker_peak_memory(tmp_path: Path) -> None:
    rows = gvc_rows(200)
    src = tmp_path / "articles.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-c", MEMORY_SCRIPT, str(src), str(tmp_path / "m.db")],
        capture_output=True, text=True, timeout=900, check=False,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    assert figures["stored"] >= 150
    # A worker holds spaCy (~100 MB and more): a tiny figure means the pool was not measured.
    assert 100 < figures["worker_mb"] < 1536, figures
    assert figures["writer_mb"] < 1536, figures
