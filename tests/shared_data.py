"""Reading the shared datasets in tests: a few records, or a skip that says what is missing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from wirecheck.settings import load_settings


def dataset_rows(name: str, limit: int) -> list[dict[str, Any]]:
    """The first ``limit`` articles of a shared dataset; skips the test when it is missing."""
    path = Path(load_settings().datasets) / name / "articles.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is missing (the shared datasets)")
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rows.append(json.loads(line))
            if len(rows) >= limit:
                break
    return rows
