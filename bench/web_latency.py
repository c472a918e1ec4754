"""Median latency of the stories page and a story page over a wirecheck database.

    .venv/bin/python bench/web_latency.py wirecheck.db [--n 30] [--story ID]

Requests go through the ASGI app in process (Starlette's TestClient): the numbers are the
app's own time (routing, store queries, templates), without a network or server in between.
The story page measured is ``--story`` or the story with the most articles among the newest.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from fastapi.testclient import TestClient

from wirecheck.settings import Settings
from wirecheck.store import open_store
from wirecheck.web.app import create_app


def timed(client: TestClient, path: str, n: int) -> dict[str, float]:
    client.get(path)  # warm caches and template compilation once
    times = []
    for _ in range(n):
        start = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code}")
    times.sort()
    return {
        "median_ms": round(statistics.median(times), 2),
        "p90_ms": round(times[int(0.9 * (len(times) - 1))], 2),
        "min_ms": round(times[0], 2),
        "bytes": len(response.content),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("db", help="SQLite path or database URL")
    parser.add_argument("--n", type=int, default=30, help="requests per page (default 30)")
    parser.add_argument("--story", help="story id for the story page (default: the largest recent one)")
    args = parser.parse_args(argv)
    if "://" not in args.db and not Path(args.db).exists():
        parser.error(f"no database at {args.db}")
    settings = Settings(db=args.db)
    store = open_store(settings.db_url)
    client = TestClient(create_app(settings, store=store))
    story = args.story
    if story is None:
        recent = client.get("/api/stories", params={"limit": 200}).json()["stories"]
        if not recent:
            raise SystemExit("the database has no stories")
        story = max(recent, key=lambda s: s.get("n_articles") or 0)["id"]
    pages = {"stories page /": "/", f"story page /stories/{story}": f"/stories/{story}",
             "search /?q=killed": "/?q=killed"}
    result = {"db": args.db, "n": args.n, "pages": {name: timed(client, path, args.n) for name, path in pages.items()}}
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
