"""The store: SQLAlchemy over SQLite (default) or PostgreSQL (``postgresql://`` URLs).

``open_store(url)`` opens and migrates a database and returns a :class:`Store`, which keeps
analysed articles and reconciled stories, serves the linker as its LinkBackend, and answers
the outputs with plain dicts in SPEC.md's JSON export shapes.
"""

from wirecheck.store.store import Store, open_store

__all__ = ["Store", "open_store"]
