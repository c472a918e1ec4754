"""Crash safety: an ingest killed at any point leaves a consistent store, and running the same
command again ends where one clean run would have.

Deterministic cases stop the pipeline with an exception at a chosen step (between storing and
linking an article, while reconciling); one case SIGKILLs a real ``wirecheck ingest`` process in
mid-run.  After each, the store must hold no half article, and a second run must give the same
article ids, the same story groupings and no duplicated rows.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from shared_data import dataset_rows
from wirecheck.settings import Settings
from wirecheck.store import Store, open_store
from wirecheck.store import schema as t

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
WIRECHECK = Path(sys.executable).with_name("wirecheck")
# Tables whose row counts must match a clean run (entities may be named in any order).
COMPARED = ("articles", "analyses", "sentences", "event_mentions", "claims", "stories", "story_articles",
            "events", "facts", "fact_reports", "link_features", "story_search")


class Stop(Exception):
    """Stands in for a kill at one exact step."""


def example_paths() -> list[str]:
    paths = [str(p) for p in sorted(EXAMPLES.iterdir()) if p.suffix in {".txt", ".html", ".jsonl"}]
    if not paths:
        pytest.skip("examples/ has no articles")
    return paths


def gvc_rows(limit: int) -> list[dict[str, Any]]:
    return dataset_rows("gvc", limit)


def write_txt_folder(folder: Path, rows: list[dict[str, Any]]) -> None:
    """One .txt per article with a header block, as a newsroom export might look."""
    folder.mkdir()
    for i, r in enumerate(rows):
        head = [f"Source: {r['source']}" if r.get("source") else None,
                f"Published: {r['published']}" if r.get("published") else None,
                f"URL: {r['url']}" if r.get("url") else None]
        lines = [h for h in head if h]
        body = r["text"]
        (folder / f"{i:03d}.txt").write_text(("\n".join(lines) + "\n\n" if lines else "") + body + "\n",
                                             encoding="utf-8")


def ingest(paths: list[str], db: Path) -> Any:
    from wirecheck.pipeline import ingest as run

    with open_store(str(db)) as store:
        return run(paths, Settings(db=str(db), workers=1), store)


def state(db: Path) -> dict[str, Any]:
    """What a run leaves behind, independent of when it ran."""
    with open_store(str(db)) as store:
        export = store.export_data()
        return {
            "articles": sorted(a["id"] for a in export["articles"]),
            "stories": sorted(sorted(s["articles"]) for s in export["stories"]),
            "events": sorted((e["story"], e["event_type"], len(e["facts"])) for e in export["events"]),
            "counts": {k: v for k, v in store.table_counts().items() if k in COMPARED},
        }


def assert_consistent(store: Store) -> None:
    """No half article, no event or fact pointing at something missing."""
    with store.engine.connect() as conn:
        def count(q: Any) -> int:
            return conn.execute(q).scalar_one()

        n_articles = count(select(func.count()).select_from(t.articles))
        assert count(select(func.count()).select_from(t.analyses)) == n_articles
        no_sentences = select(func.count()).select_from(t.articles).where(
            ~t.articles.c.id.in_(select(t.sentences.c.article_id)))
        assert count(no_sentences) == 0, "an article without its sentences"
        no_analysis = select(func.count()).select_from(t.articles).where(
            ~t.articles.c.id.in_(select(t.analyses.c.article_id)))
        assert count(no_analysis) == 0, "an article without its analysis"
        lost_reports = select(func.count()).select_from(t.fact_reports).where(
            ~t.fact_reports.c.article_id.in_(select(t.articles.c.id)))
        assert count(lost_reports) == 0, "a fact reported by an article that is not stored"
        lost_members = select(func.count()).select_from(t.story_articles).where(
            ~t.story_articles.c.article_id.in_(select(t.articles.c.id)))
        assert count(lost_members) == 0, "a story member that is not stored"
        bare_events = select(func.count()).select_from(t.events).where(
            ~t.events.c.story_id.in_(select(t.stories.c.id)))
        assert count(bare_events) == 0, "an event without its story"
        linked_elsewhere = select(func.count()).select_from(t.link_features).where(
            ~t.link_features.c.article_id.in_(select(t.articles.c.id)))
        assert count(linked_elsewhere) == 0, "linker state for an article that is not stored"


# ----------------------------------------------------------------------------- stopped at a step


@pytest.fixture
def clean_examples(tmp_path: Path) -> dict[str, Any]:
    from wirecheck.pipeline import stale_stories

    db = tmp_path / "clean.db"
    ingest(example_paths(), db)
    with open_store(str(db)) as store:
        # A finished run leaves every story saved as linked: nothing for a next run to repair.
        assert stale_stories(store) == ([], [])
    return state(db)


def test_stop_between_store_and_link(tmp_path: Path, clean_examples: dict[str, Any],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from wirecheck.link import StoryLinker

    db = tmp_path / "crashed.db"
    real_add = StoryLinker.add
    calls = {"n": 0}

    def add_then_stop(self: StoryLinker, analysis: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 4:
            raise Stop  # the 4th article is stored, never linked
        return real_add(self, analysis)

    monkeypatch.setattr(StoryLinker, "add", add_then_stop)
    with pytest.raises(Stop):
        ingest(example_paths(), db)
    monkeypatch.setattr(StoryLinker, "add", real_add)
    with open_store(str(db)) as store:
        assert_consistent(store)
        assert len(store.unlinked_article_ids()) == 1
    ingest(example_paths(), db)
    assert state(db) == clean_examples


def test_stop_while_reconciling(tmp_path: Path, clean_examples: dict[str, Any],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Everything linked, some stories never saved: the next run finds and saves them."""
    from wirecheck import pipeline

    db = tmp_path / "crashed.db"
    real = pipeline.reconcile_stories

    def reconcile_one_then_stop(store: Store, story_ids: Any, settings: Settings) -> list[str]:
        ids = list(story_ids)
        if ids:
            real(store, ids[:1], settings)
            raise Stop
        return []

    monkeypatch.setattr(pipeline, "reconcile_stories", reconcile_one_then_stop)
    with pytest.raises(Stop):
        ingest(example_paths(), db)
    monkeypatch.setattr(pipeline, "reconcile_stories", real)
    with open_store(str(db)) as store:
        assert_consistent(store)
        assert store.unlinked_article_ids() == []
        redo, _ = pipeline.stale_stories(store)
        assert redo, "the stopped run left every story saved: nothing was tested"
    report = ingest(example_paths(), db)
    assert not report.stored  # nothing new, yet the stories were repaired
    assert set(report.stories) >= set(redo)
    assert state(db) == clean_examples
    with open_store(str(db)) as store:
        assert pipeline.stale_stories(store) == ([], [])


def test_merged_story_left_behind_is_deleted(tmp_path: Path, clean_examples: dict[str, Any]) -> None:
    """A saved story whose articles the linker later filed elsewhere (a kill between the merge and
    the delete) is removed on the next run, not shown twice."""
    from wirecheck import pipeline
    from wirecheck.reconcile import reconcile_story

    db = tmp_path / "x.db"
    ingest(example_paths(), db)
    with open_store(str(db)) as store:
        multi = [s for s in store.all_story_ids() if len(store.story_articles(s)) > 1]
        if not multi:
            pytest.skip("examples/ gave no story of two articles")
        story = multi[0]
        first = store.story_articles(story)[0]
        # Rebuild the state a kill leaves: an old story saved around one article that has moved on.
        ghost = f"{story}-ghost"
        analysis = store.load_analyses([first])[0]
        store.save_story(reconcile_story(ghost, [analysis]))
        store.save_story(reconcile_story(story, store.load_analyses(store.story_articles(story))))
        _, drop = pipeline.stale_stories(store)
        assert ghost in drop
    ingest(example_paths(), db)
    assert state(db) == clean_examples


# ----------------------------------------------------------------------------- a real kill


@pytest.mark.datasets
@pytest.mark.slow
def test_sigkill_mid_ingest_then_resume(tmp_path: Path) -> None:
    if not WIRECHECK.exists():
        pytest.skip(f"{WIRECHECK} is not installed")
    folder = tmp_path / "articles"
    write_txt_folder(folder, gvc_rows(60))
    clean_db, db = tmp_path / "clean.db", tmp_path / "killed.db"
    open_store(str(db)).close()  # created before the run, so polling never races the migration

    cmd = [str(WIRECHECK), "ingest", str(folder), "--db", str(db), "--workers", "2"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                            start_new_session=True)
    killed_at = None
    try:
        with open_store(str(db)) as watcher:
            deadline = time.monotonic() + 300
            while time.monotonic() < deadline and proc.poll() is None:
                if watcher.table_counts()["articles"] >= 3:
                    killed_at = watcher.table_counts()["articles"]
                    proc.send_signal(signal.SIGKILL)  # the writer only: its workers must notice
                    break
                time.sleep(0.05)
        proc.wait(timeout=30)
        assert killed_at is not None, f"the ingest ended before it could be killed: {proc.stderr.read()!r}"
        assert killed_at < 60
        workers_gone = _wait_for_group_to_exit(proc.pid, seconds=15)
    finally:
        _kill_group(proc.pid)
    assert workers_gone, "analysis workers outlived the killed writer"

    with open_store(str(db)) as store:
        assert_consistent(store)
        assert 0 < store.table_counts()["articles"] < 60

    again = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    assert again.returncode in (0, 1), again.stderr[-3000:]  # 1: some input skipped, as in a clean run
    subprocess.run([str(WIRECHECK), "ingest", str(folder), "--db", str(clean_db), "--workers", "2"],
                   capture_output=True, timeout=600, check=False)
    resumed, clean = state(db), state(clean_db)
    assert resumed["articles"] == clean["articles"]
    assert resumed["stories"] == clean["stories"]
    assert resumed["counts"] == clean["counts"], "rows duplicated or lost by the resumed run"
    assert resumed == clean


def _wait_for_group_to_exit(pgid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.2)
    return False


def _kill_group(pgid: int) -> None:
    # Only the session this test started (start_new_session): never anyone else's processes.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, signal.SIGKILL)
