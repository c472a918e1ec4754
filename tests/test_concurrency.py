"""Readers and a writer at once: the web app serves a SQLite file while an ingest in another
process writes to it.  SQLite runs in WAL mode, so every read sees a committed snapshot and never
waits on the writer: no request may fail, and none may return a 5xx.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from wirecheck.settings import Settings, load_settings
from wirecheck.store import open_store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
BUDGET_S = 20.0  # the whole read loop, however slow the writer

# The writer: the real pipeline, with small chunks so stories are saved (the big transactions)
# many times while the readers run, not once at the end.
WRITER = """
import sys
from wirecheck import pipeline
from wirecheck.settings import Settings
pipeline.CHUNK = 4
pipeline.ingest([sys.argv[1]], Settings(db=sys.argv[2], workers=1))
"""


def articles_file(tmp_path: Path) -> Path:
    """~40 gvc articles as JSONL, or examples/ when the datasets are missing."""
    path = Path(load_settings().datasets) / "gvc" / "articles.jsonl"
    if not path.exists():
        if not any(EXAMPLES.glob("*.txt")):
            pytest.skip("no articles to ingest")
        return EXAMPLES
    out = tmp_path / "articles.jsonl"
    with path.open(encoding="utf-8") as fh, out.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(fh):
            if i >= 40:
                break
            dst.write(json.dumps(json.loads(line)) + "\n")
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """The app under uvicorn in a thread, as ``wirecheck serve`` runs it."""

    def __init__(self, settings: Settings) -> None:
        import uvicorn

        from wirecheck.web.app import create_app

        self.port = free_port()
        config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.mark.slow
def test_web_reads_while_ingest_writes(tmp_path: Path) -> None:
    httpx = pytest.importorskip("httpx")
    pytest.importorskip("uvicorn")
    src = articles_file(tmp_path)
    db = tmp_path / "shared.db"
    open_store(str(db)).close()  # migrated once, before either side opens it
    settings = Settings(db=str(db))

    failures: list[str] = []
    reads = {"total": 0, "during_writes": 0}
    seen_stories: set[int] = set()
    with Server(settings) as base, httpx.Client(base_url=base, timeout=10) as client:
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(src), str(db)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + BUDGET_S
            while time.monotonic() < deadline:
                writing = writer.poll() is None
                for path in ("/", "/api/stories"):
                    try:
                        r = client.get(path)
                    except httpx.HTTPError as exc:
                        failures.append(f"{path}: {type(exc).__name__}: {exc}")
                        continue
                    reads["total"] += 1
                    if r.status_code != 200:  # a 5xx above all, but any failure counts
                        failures.append(f"{path}: HTTP {r.status_code}: {r.text[:200]}")
                    elif path == "/api/stories":
                        seen_stories.add(len(r.json()["stories"]))
                if writing:
                    reads["during_writes"] += 2
                elif reads["total"] > 4:
                    break  # the writer is done and its result was read at least once
        finally:
            if writer.poll() is None:
                writer.kill()
            _, err = writer.communicate(timeout=30)

    assert not failures, failures[:10]
    assert reads["during_writes"] >= 4, reads
    if writer.returncode == 0:
        # The readers saw the finished database too, not only empty snapshots.
        with open_store(str(db)) as store:
            final = len(store.list_stories(limit=None))
        assert final > 0
        assert max(seen_stories) > 0, seen_stories
    else:
        assert writer.returncode == -9, err[-2000:]  # stopped by the time budget, never an error


def test_store_reads_while_ingest_writes(tmp_path: Path) -> None:
    """The same without the web layer: the store's read methods in a loop (cheaper, not slow)."""
    if not any(EXAMPLES.glob("*.txt")):
        pytest.skip("examples/ has no articles")
    src = EXAMPLES
    db = tmp_path / "shared.db"
    open_store(str(db)).close()
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(src), str(db)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    errors: list[str] = []
    rounds = 0
    try:
        with open_store(str(db)) as store:
            deadline = time.monotonic() + BUDGET_S
            while time.monotonic() < deadline and writer.poll() is None:
                try:
                    rows: list[dict[str, Any]] = store.list_stories(limit=20)
                    for row in rows[:3]:
                        store.story_record(row["id"])
                    store.table_counts()
                except Exception as exc:
                    # A story deleted between list and read (merged away) is a fair NotFound.
                    from wirecheck.errors import NotFound

                    if not isinstance(exc, NotFound):
                        errors.append(f"{type(exc).__name__}: {exc}")
                rounds += 1
                time.sleep(0.02)
    finally:
        if writer.poll() is None:
            writer.kill()
        _, err = writer.communicate(timeout=30)
    assert not errors, errors[:5]
    assert rounds > 0
    assert writer.returncode in (0, 1, -9), err[-2000:]
