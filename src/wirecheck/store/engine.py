"""From a database URL to a configured SQLAlchemy engine.

SQLite is the default (a bare path is a SQLite file); ``postgresql://`` selects PostgreSQL
through psycopg 3.  SQLite connections run in WAL mode with foreign keys on and a busy timeout,
so one writer and any number of readers work at once; write transactions start with
``BEGIN IMMEDIATE`` so two writers queue on the busy timeout instead of failing on a lock upgrade.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import StaticPool

from wirecheck.errors import StoreError

BUSY_TIMEOUT_MS = 30_000


def normalise_url(url: str) -> URL:
    """``sqlite:///x.db``, a bare path, ``:memory:`` or ``postgresql://...`` -> a SQLAlchemy URL."""
    url = url.strip()
    if not url:
        raise StoreError("empty database URL: give a path (wirecheck.db) or postgresql://user@host/db")
    if "://" not in url:
        url = "sqlite://" if url == ":memory:" else f"sqlite:///{url}"
    scheme, rest = url.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        # psycopg 3 is the driver we support; SQLAlchemy's bare scheme would pick psycopg2.
        url = f"postgresql+psycopg://{rest}"
    try:
        return make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"cannot read database URL {url!r}: {exc}") from exc


def safe_url(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def create(url: str) -> Engine:
    """An engine for ``url`` with wirecheck's connection settings; nothing is opened yet."""
    u = normalise_url(url)
    backend = u.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(u)
    if backend == "postgresql":
        try:
            return create_engine(u, pool_pre_ping=True)
        except ModuleNotFoundError as exc:
            raise StoreError(
                f"PostgreSQL needs the psycopg driver ({exc.name} is missing): "
                "pip install 'wirecheck[postgresql]'"
            ) from exc
    raise StoreError(f"unsupported database {safe_url(u)!r}: use a SQLite path or a postgresql:// URL")


def _sqlite_engine(u: URL) -> Engine:
    db = u.database or ""
    memory = db in ("", ":memory:") or db.startswith("file::memory:")
    kwargs: dict[str, Any] = {}
    if memory:
        # One shared connection, or every checkout would see a new empty database.
        kwargs = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
    else:
        parent = Path(db).expanduser().resolve().parent
        if not parent.is_dir():
            raise StoreError(f"cannot open database {db!r}: folder {str(parent)!r} does not exist")
        kwargs = {"connect_args": {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}}
    engine = create_engine(u, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # We issue BEGIN ourselves (below); pysqlite's own transaction handling would defer it.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if not memory:
            cur.execute("PRAGMA journal_mode=WAL")
            # With WAL this never corrupts; only a power loss can drop the last commits.
            cur.execute("PRAGMA synchronous=NORMAL")
            # A 64 MiB page cache (SQLite's default is 2 MiB): the link-key index is written at
            # random places for every article, and once it outgrows the cache each commit reads
            # pages back from disk, so linking would slow down as the database grows.
            cur.execute("PRAGMA cache_size=-65536")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        write = conn.get_execution_options().get("wirecheck_write")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine
