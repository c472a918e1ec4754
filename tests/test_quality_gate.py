"""Quality gate: wirecheck's real pipeline on a fixed sample of every shared dataset.

Each figure must stay at or above its floor in ``tests/quality_floors.toml`` (error figures at
or below their ceiling).  The samples are deterministic and sized so the whole gate runs in a
few minutes on two cores.  Floors are recorded by ``scripts/record_floors.py``; a floor moves
up when the code improves, and down only in a commit that says why.
"""

from __future__ import annotations

import functools
import importlib
import tomllib
from pathlib import Path

import pytest

from wirecheck.settings import load_settings

pytestmark = pytest.mark.datasets

FLOORS = tomllib.loads((Path(__file__).parent / "quality_floors.toml").read_text(encoding="utf-8"))
SETTINGS = load_settings()
ROOT = Path(SETTINGS.datasets)
STAGES = (
    ("wirecheck.extract", "analyze_article"),
    ("wirecheck.link", "StoryLinker"),
    ("wirecheck.reconcile", "reconcile_story"),
    ("wirecheck.pipeline", "analyze_articles"),
    ("wirecheck.pipeline", "link_analyses"),
)


@functools.cache
def measured(name: str) -> dict:
    from wirecheck.evaluate import evaluate_dataset

    return evaluate_dataset(str(ROOT / name), SETTINGS, sample=FLOORS[name]["sample"])


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_quality_floor(name: str):
    if not (ROOT / name).is_dir():
        pytest.skip(f"dataset {name!r} not found under {ROOT} (set WIRECHECK_DATASETS to the shared datasets)")
    for module, attr in STAGES:  # every stage the evaluation runs through
        try:
            getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError) as exc:
            pytest.skip(f"the pipeline's stages are not all importable yet ({module}.{attr}: {exc})")
    result = measured(name)
    figures = result["figures"]
    entry = FLOORS[name]
    failures = []
    for figure, floor in entry.get("floors", {}).items():
        if figure not in figures:
            failures.append(f"{figure}: not measured (floor {floor})")
        elif figures[figure] < floor:
            failures.append(f"{figure}: {figures[figure]:.4f} < floor {floor}")
    for figure, ceiling in entry.get("ceilings", {}).items():
        if figure not in figures:
            failures.append(f"{figure}: not measured (ceiling {ceiling})")
        elif figures[figure] > ceiling:
            failures.append(f"{figure}: {figures[figure]:.4f} > ceiling {ceiling}")
    assert not failures, f"{name} ({result['articles']} articles) fell below its floors:\n" + "\n".join(failures)
