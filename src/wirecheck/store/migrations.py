"""Named migrations, recorded in the ``migrations`` table and applied in order.

A migration is a function of one connection inside the migration transaction.  Its name never
changes once released; a schema change is a new entry at the end of :data:`MIGRATIONS`.
Opening a store applies the missing ones, so opening is idempotent and two processes opening
the same database at once wait for each other (SQLite ``BEGIN IMMEDIATE``, PostgreSQL an
advisory lock).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, insert, select, text
from sqlalchemy.exc import OperationalError

from wirecheck.store import schema

# One lock id for every wirecheck write on PostgreSQL ("wirechk" in ASCII, as an integer).
PG_LOCK_ID = 0x77697265636B


def _tables(conn: Connection) -> None:
    tables = [t for t in schema.metadata.sorted_tables if t.name not in ("migrations", "story_search")]
    schema.metadata.create_all(conn, tables=tables, checkfirst=True)


def _story_search(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        try:
            # A savepoint, so a SQLite built without FTS5 falls back without losing the migration.
            with conn.begin_nested():
                conn.exec_driver_sql(
                    "CREATE VIRTUAL TABLE story_search USING fts5("
                    "story_id UNINDEXED, title, body, tokenize='unicode61 remove_diacritics 2')"
                )
            return
        except OperationalError:
            pass  # no FTS5 in this SQLite: a plain table searched with LIKE
    schema.story_search.create(conn, checkfirst=True)
    if conn.dialect.name == "postgresql":
        conn.execute(
            text(
                "CREATE INDEX IF NOT EXISTS ix_story_search_fts ON story_search "
                "USING GIN (to_tsvector('english', title || ' ' || body))"
            )
        )


MIGRATIONS: list[tuple[str, Callable[[Connection], None]]] = [
    ("0001_tables", _tables),
    ("0002_story_search", _story_search),
]


def applied(conn: Connection) -> list[str]:
    rows = conn.execute(select(schema.migrations.c.name).order_by(schema.migrations.c.name))
    return [r[0] for r in rows]


def migrate(engine: Engine) -> list[str]:
    """Apply the migrations this database lacks; return the names applied now."""
    done_now: list[str] = []
    with engine.connect().execution_options(wirecheck_write=True) as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK_ID})
        schema.migrations.create(conn, checkfirst=True)
        have = set(applied(conn))
        for name, step in MIGRATIONS:
            if name in have:
                continue
            step(conn)
            conn.execute(
                insert(schema.migrations).values(name=name, applied_at=datetime.now(UTC).isoformat())
            )
            done_now.append(name)
    return done_now
