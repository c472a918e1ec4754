"""The Store: articles and stories in, plain dicts out.

Every write is one transaction (``_write``): an article is stored whole or not at all, a story is
replaced whole.  On SQLite writes start with ``BEGIN IMMEDIATE``; on PostgreSQL they take one
advisory lock, so ingestion order (``seq``) and revision numbers never race.  Reads run in their
own transaction (a snapshot under WAL / REPEATABLE READ), so a reader never waits for a writer.
"""

from __future__ import annotations

import collections
import json
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Select,
    and_,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.exc import SQLAlchemyError

from wirecheck import codec
from wirecheck.errors import NotFound, StoreError
from wirecheck.models import ArticleAnalysis, Event, StoryResult
from wirecheck.store import engine as engines
from wirecheck.store import records
from wirecheck.store import schema as t
from wirecheck.store.migrations import PG_LOCK_ID, migrate

CHUNK = 500  # ids per IN (...) list: far below SQLite's and PostgreSQL's parameter limits
RECENT = 512  # analyses kept in memory after saving: two rounds of reconciling (pipeline.CHUNK)


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def jdump(value: Any) -> str:
    return json.dumps(codec.to_data(value), ensure_ascii=False, separators=(",", ":"))


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def open_store(url: str) -> Store:
    """Open (and migrate) the database at ``url``: a SQLite path/URL or ``postgresql://...``."""
    eng = engines.create(url)
    try:
        migrate(eng)
    except SQLAlchemyError as exc:
        eng.dispose()
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise StoreError(f"cannot open database {engines.safe_url(eng.url)}: {reason}") from exc
    return Store(eng)


class Store:
    """One database.  Implements the linker's LinkBackend and the outputs' read side."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self._fts5: bool | None = None
        # The open transaction of ``batch()``, per thread: the web app shares one Store
        # between request threads, and only the thread that opened a batch may use it.
        self._local = threading.local()
        # Analyses this Store saved lately, by article id: reconciling reads back the articles an
        # ingest has just stored, and decoding their JSON again cost more than saving it.  An
        # analysis never changes once stored, so these can't go stale.
        self._recent: collections.OrderedDict[str, ArticleAnalysis] = collections.OrderedDict()
        self._recent_lock = threading.Lock()
        # Link features decoded lately, by article id with the JSON they came from: the linker
        # reads a candidate's features once per article that meets it.  Keyed on the text too,
        # so a re-linked article's new features are never mistaken for its old ones.
        self._decoded: collections.OrderedDict[str, tuple[str, dict]] = collections.OrderedDict()

    # ------------------------------------------------------------------ plumbing

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({engines.safe_url(self.engine.url)!r})"

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Run every read and write inside the block in one write transaction.

        The writer of an ingest wraps each article's store-and-link (and each round of story
        saves) in one: a few dozen statements then share one connection and one commit instead
        of one each, which was most of the writer's time.  All or nothing: an error (or a kill)
        inside the block leaves none of its writes.  Reads inside the block see its own writes.
        Nested calls join the outer block.
        """
        if self._batch is not None:
            yield
            return
        with self._write() as conn:
            self._local.conn = conn
            self._local.link_rows = {}
            try:
                yield
            finally:
                self._local.conn = None
                self._local.link_rows = None

    @property
    def _batch(self) -> Connection | None:
        return getattr(self._local, "conn", None)

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        if self._batch is not None:
            yield self._batch
            return
        with self.engine.connect().execution_options(wirecheck_write=True) as conn, conn.begin():
            if self.dialect == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK_ID})
            yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        if self._batch is not None:
            yield self._batch
            return
        opts: dict[str, Any] = {}
        if self.dialect == "postgresql":
            opts["isolation_level"] = "REPEATABLE READ"  # one snapshot for a whole record
        with self.engine.connect().execution_options(**opts) as conn, conn.begin():
            yield conn

    @property
    def fts5(self) -> bool:
        """Whether story search is an FTS5 table (SQLite built with FTS5)."""
        if self._fts5 is None:
            self._fts5 = False
            if self.dialect == "sqlite":
                with self._read() as conn:
                    sql = conn.execute(
                        text("SELECT sql FROM sqlite_master WHERE name = 'story_search'")
                    ).scalar()
                self._fts5 = bool(sql and "fts5" in sql.lower())
        return self._fts5

    # ------------------------------------------------------------------ articles

    def has_article(self, article_id: str) -> bool:
        with self._read() as conn:
            return (
                conn.execute(select(t.articles.c.id).where(t.articles.c.id == article_id)).first() is not None
            )

    def save_analysis(self, analysis: ArticleAnalysis) -> bool:
        """Store one analysed article in one transaction; False (and no change) if already stored."""
        art = analysis.article
        try:
            with self._write() as conn:
                if conn.execute(select(t.articles.c.id).where(t.articles.c.id == art.id)).first():
                    return False
                seq = (conn.execute(select(func.max(t.articles.c.seq))).scalar() or 0) + 1
                supersedes, revision = None, 1
                if art.url:
                    prev = conn.execute(
                        select(t.revisions.c.article_id, t.revisions.c.revision)
                        .where(t.revisions.c.url == art.url)
                        .order_by(t.revisions.c.revision.desc())
                        .limit(1)
                    ).first()
                    if prev:
                        supersedes, revision = prev.article_id, prev.revision + 1
                conn.execute(
                    insert(t.articles).values(
                        id=art.id,
                        seq=seq,
                        source=art.source,
                        title=art.title,
                        published=art.published,
                        url=art.url,
                        section=art.section,
                        updated=art.updated,
                        byline=art.byline,
                        captions=jdump(art.captions),
                        stripped=jdump(art.stripped),
                        origin=art.origin,
                        text=art.text,
                        ingested_at=now(),
                        supersedes=supersedes,
                    )
                )
                if art.url:
                    conn.execute(
                        insert(t.revisions).values(url=art.url, revision=revision, article_id=art.id)
                    )
                self._insert_parts(conn, analysis)
                conn.execute(insert(t.analyses).values(article_id=art.id, data=codec.dumps(analysis)))
        except SQLAlchemyError as exc:
            raise StoreError(f"could not store article {art.id} ({art.origin or art.url}): {exc}") from exc
        if self._batch is None:  # committed (inside a batch it may yet be rolled back)
            with self._recent_lock:
                self._recent[art.id] = analysis
                while len(self._recent) > RECENT:
                    self._recent.popitem(last=False)
        return True

    @staticmethod
    def _insert_parts(conn: Connection, analysis: ArticleAnalysis) -> None:
        aid = analysis.article.id
        rows: dict[Any, list[dict[str, Any]]] = {
            t.sentences: [
                {"article_id": aid, "idx": s.index, "start": s.start, "end": s.end}
                for s in analysis.sentences
            ],
            t.entity_mentions: [
                {
                    "article_id": aid,
                    "local_key": ent.key,
                    "local_type": ent.type,
                    "local_name": ent.name,
                    "text": m.text,
                    "start": m.start,
                    "end": m.end,
                    "sentence": m.sentence,
                }
                for ent in analysis.entities
                for m in ent.mentions
            ],
            t.claims: [
                {
                    "article_id": aid,
                    "claim_id": c.id,
                    "speaker_text": c.speaker_text,
                    "speaker_key": c.speaker_entity,
                    "cue": c.cue,
                    "content": c.content,
                    "sentence": c.evidence.sentence,
                    "start": c.evidence.start,
                    "end": c.evidence.end,
                    "stance": c.stance,
                    "direct": c.direct,
                    "channel": c.channel,
                    "spans": jdump({"speaker": c.speaker_span, "cue": c.cue_span, "content": c.content_span}),
                    "mention_id": c.event,
                }
                for c in analysis.claims
            ],
            t.event_mentions: [
                {
                    "article_id": aid,
                    "mention_id": m.id,
                    "trigger": m.trigger,
                    "event_type": m.event_type,
                    "sub_event_type": m.sub_event_type,
                    "background": m.background,
                    "sentence": m.evidence.sentence,
                    "start": m.evidence.start,
                    "end": m.evidence.end,
                }
                for m in analysis.events
            ],
        }
        for table, values in rows.items():
            if values:
                conn.execute(insert(table), values)

    def load_analyses(self, article_ids: Iterable[str]) -> list[ArticleAnalysis]:
        """The stored analyses, in the order asked; NotFound names any id not stored."""
        ids = list(dict.fromkeys(article_ids))
        with self._recent_lock:
            known = {i: self._recent[i] for i in ids if i in self._recent}
        found: dict[str, str] = {}
        with self._read() as conn:
            for part in chunks([i for i in ids if i not in known]):
                q = select(t.analyses.c.article_id, t.analyses.c.data).where(
                    t.analyses.c.article_id.in_(part)
                )
                found.update({r.article_id: r.data for r in conn.execute(q)})
        missing = [i for i in ids if i not in found and i not in known]
        if missing:
            raise NotFound(f"no stored article {', '.join(missing[:5])}{' ...' if len(missing) > 5 else ''}")
        return [known[i] if i in known else codec.loads(ArticleAnalysis, found[i]) for i in ids]

    def unlinked_article_ids(self) -> list[str]:
        """Stored articles the linker never saw (a run stopped between store and link)."""
        with self._read() as conn:
            q = (
                select(t.articles.c.id)
                .outerjoin(t.link_features, t.link_features.c.article_id == t.articles.c.id)
                .where(t.link_features.c.article_id.is_(None))
                .order_by(t.articles.c.seq)
            )
            return list(conn.execute(q).scalars())

    # ------------------------------------------------------------------ LinkBackend

    def candidates(self, keys: list[str]) -> set[str]:
        out: set[str] = set()
        keys = list(dict.fromkeys(keys))
        rows = self._link_rows
        with self._read() as conn:
            for part in chunks(keys):
                if rows is None:
                    q = select(t.link_keys.c.article_id).where(t.link_keys.c.key.in_(part)).distinct()
                    out.update(conn.execute(q).scalars())
                    continue
                # Inside a batch the linker asks next for each candidate's features and story:
                # fetched here in the same query, instead of two queries per candidate.
                # (``put`` writes an article's keys and features together, so every article
                # with a key has features.)
                lk, lf = t.link_keys.c, t.link_features.c
                q = select(lf.article_id, lf.features, lf.story_id).where(
                    lf.article_id.in_(select(lk.article_id).where(lk.key.in_(part)))
                )
                for r in conn.execute(q):
                    out.add(r.article_id)
                    rows[r.article_id] = (r.features, r.story_id)
        return out

    @property
    def _link_rows(self) -> dict[str, tuple[str | None, str | None]] | None:
        """article id -> (features JSON, story id) read in this batch; None outside a batch.

        Sound because a batch holds the write lock (nobody else writes meanwhile) and this
        Store's own link writes (``put``, ``move_story``) empty it."""
        return getattr(self._local, "link_rows", None)

    def key_counts(self, keys: list[str]) -> dict[str, int]:
        """How many articles carry each key (the linker's document frequencies)."""
        out: dict[str, int] = {}
        with self._read() as conn:
            for part in chunks(list(dict.fromkeys(keys))):
                q = select(t.link_keys.c.key, func.count()).where(t.link_keys.c.key.in_(part))
                out.update({k: n for k, n in conn.execute(q.group_by(t.link_keys.c.key))})
        return out

    def key_stories(self, keys: list[str]) -> dict[str, set[str]]:
        """The stories of the articles carrying each key, for many keys in one query."""
        out: dict[str, set[str]] = {}
        lk, lf = t.link_keys.c, t.link_features.c
        with self._read() as conn:
            for part in chunks(list(dict.fromkeys(keys))):
                q = (
                    select(lk.key, lf.story_id)
                    .join_from(t.link_keys, t.link_features, lf.article_id == lk.article_id)
                    .where(lk.key.in_(part))
                    .distinct()
                )
                for key, story in conn.execute(q):
                    out.setdefault(key, set()).add(story)
        return out

    def features(self, article_id: str) -> dict | None:
        rows = self._link_rows
        if rows and article_id in rows:
            raw = rows[article_id][0]
        else:
            with self._read() as conn:
                raw = conn.execute(
                    select(t.link_features.c.features).where(t.link_features.c.article_id == article_id)
                ).scalar()
        if raw is None:
            return None
        with self._recent_lock:
            hit = self._decoded.get(article_id)
            if hit is not None and hit[0] == raw:
                self._decoded.move_to_end(article_id)
                return hit[1]
        value = json.loads(raw)
        with self._recent_lock:
            self._decoded[article_id] = (raw, value)
            if len(self._decoded) > 4096:
                self._decoded.popitem(last=False)
        return value

    def story_of(self, article_id: str) -> str | None:
        rows = self._link_rows
        if rows and article_id in rows:
            return rows[article_id][1]
        with self._read() as conn:
            return conn.execute(
                select(t.link_features.c.story_id).where(t.link_features.c.article_id == article_id)
            ).scalar()

    def put(self, article_id: str, keys: list[str], features: dict, story_id: str) -> None:
        """Record (or replace) an article's blocking keys, features and story."""
        self._forget_link_rows()
        with self._write() as conn:
            conn.execute(delete(t.link_keys).where(t.link_keys.c.article_id == article_id))
            conn.execute(delete(t.link_features).where(t.link_features.c.article_id == article_id))
            keys = list(dict.fromkeys(keys))
            if keys:
                conn.execute(insert(t.link_keys), [{"key": k, "article_id": article_id} for k in keys])
            conn.execute(
                insert(t.link_features).values(
                    article_id=article_id, story_id=story_id, features=jdump(features)
                )
            )
            conn.execute(update(t.articles).where(t.articles.c.id == article_id).values(story_id=story_id))

    def move_story(self, old_story_id: str, new_story_id: str) -> None:
        """Merge: every article of ``old_story_id`` now belongs to ``new_story_id``."""
        self._forget_link_rows()
        with self._write() as conn:
            conn.execute(
                update(t.link_features)
                .where(t.link_features.c.story_id == old_story_id)
                .values(story_id=new_story_id)
            )
            conn.execute(
                update(t.articles).where(t.articles.c.story_id == old_story_id).values(story_id=new_story_id)
            )

    def move_article(self, article_id: str, story_id: str) -> None:
        """One article now belongs to ``story_id`` (its keys and features stay as they are)."""
        self._forget_link_rows()
        with self._write() as conn:
            conn.execute(
                update(t.link_features).where(t.link_features.c.article_id == article_id).values(story_id=story_id)
            )
            conn.execute(update(t.articles).where(t.articles.c.id == article_id).values(story_id=story_id))

    def _forget_link_rows(self) -> None:
        if self._link_rows:
            self._local.link_rows = {}

    def story_articles(self, story_id: str) -> list[str]:
        """The linker's members of a story, in ingestion order."""
        with self._read() as conn:
            q = (
                select(t.link_features.c.article_id)
                .outerjoin(t.articles, t.articles.c.id == t.link_features.c.article_id)
                .where(t.link_features.c.story_id == story_id)
                .order_by(t.articles.c.seq, t.link_features.c.article_id)
            )
            return list(conn.execute(q).scalars())

    def all_story_ids(self) -> list[str]:
        """Every story the linker knows (to re-reconcile everything)."""
        with self._read() as conn:
            q = select(t.link_features.c.story_id).distinct().order_by(t.link_features.c.story_id)
            return list(conn.execute(q).scalars())

    # ------------------------------------------------------------------ stories

    def save_story(self, result: StoryResult) -> None:
        """Replace the story, its events and facts, and upsert its entities, in one transaction."""
        story = result.story
        try:
            with self._write() as conn:
                # Entities that may lose their last reference here: those the story's old rows
                # point at, and the ones it writes (a new entity nothing refers to goes at once).
                event_ids = [e.id for e in result.events]
                maybe_unused = self._story_entity_refs(conn, story.id, story.articles, event_ids)
                maybe_unused.update(e.id for e in result.entities)
                self._drop_story(conn, story.id, also_events=event_ids)
                self._upsert_entities(conn, result)
                self._insert_story(conn, result)
                self._link_story_rows(conn, result)
                self._gc_entities(conn, maybe_unused)
        except SQLAlchemyError as exc:
            raise StoreError(f"could not store story {story.id}: {exc}") from exc

    def delete_story(self, story_id: str) -> None:
        """Remove a story (merged away) and its events; a story never saved is a no-op."""
        try:
            with self._write() as conn:
                # Articles still filed under this story (not moved to another by the linker)
                # lose their links to its entities; moved ones keep what their new story set.
                orphans = list(
                    conn.execute(
                        select(t.story_articles.c.article_id)
                        .join(t.articles, t.articles.c.id == t.story_articles.c.article_id)
                        .where(t.story_articles.c.story_id == story_id)
                        .where(or_(t.articles.c.story_id == story_id, t.articles.c.story_id.is_(None)))
                    ).scalars()
                )
                maybe_unused = self._story_entity_refs(conn, story_id, orphans)
                self._drop_story(conn, story_id)
                for part in chunks(orphans):
                    conn.execute(
                        update(t.entity_mentions)
                        .where(t.entity_mentions.c.article_id.in_(part))
                        .values(entity_id=None)
                    )
                    conn.execute(
                        update(t.claims).where(t.claims.c.article_id.in_(part)).values(speaker_entity_id=None)
                    )
                self._gc_entities(conn, maybe_unused)
        except SQLAlchemyError as exc:
            raise StoreError(f"could not delete story {story_id}: {exc}") from exc

    def _drop_story(self, conn: Connection, story_id: str, also_events: Sequence[str] = ()) -> None:
        old = list(conn.execute(select(t.events.c.id).where(t.events.c.story_id == story_id)).scalars())
        # Event ids about to be written again may sit under another (merged-away) story.
        gone = list(dict.fromkeys([*old, *also_events]))
        for part in chunks(gone):
            conn.execute(
                update(t.event_mentions).where(t.event_mentions.c.event_id.in_(part)).values(event_id=None)
            )
            conn.execute(update(t.claims).where(t.claims.c.event_id.in_(part)).values(event_id=None))
            # facts, fact_reports and event_actors go by ON DELETE CASCADE
            conn.execute(delete(t.events).where(t.events.c.id.in_(part)))
        conn.execute(delete(t.stories).where(t.stories.c.id == story_id))  # cascades story_articles
        conn.execute(delete(t.story_search).where(t.story_search.c.story_id == story_id))

    @staticmethod
    def _upsert_entities(conn: Connection, result: StoryResult) -> None:
        # id -> (aliases, roles) as stored; None marks an id this call inserted already
        stored: dict[str, tuple[list[str], list[str]]] = {}
        for part in chunks([e.id for e in result.entities]):
            for r in conn.execute(
                select(t.entities.c.id, t.entities.c.aliases, t.entities.c.roles).where(t.entities.c.id.in_(part))
            ):
                stored[r.id] = (json.loads(r.aliases), json.loads(r.roles))
        # One executemany per kind of write; an id listed twice is written once, with both lists.
        updates: dict[str, dict[str, Any]] = {}
        inserts: dict[str, dict[str, Any]] = {}
        for ent in result.entities:
            if ent.id in stored:
                aliases, roles = stored[ent.id]
                aliases, roles = _union(aliases, ent.aliases), _union(roles, ent.roles)
                target = inserts if ent.id in inserts else updates
            else:
                aliases, roles = _union(ent.aliases), _union(ent.roles)
                target = inserts
            target[ent.id] = {"eid": ent.id, "type": ent.type, "name": ent.name, "aliases": jdump(aliases),
                              "roles": jdump(roles)}
            stored[ent.id] = (aliases, roles)
        if inserts:
            conn.execute(
                insert(t.entities),
                [{"id": r["eid"], **{k: v for k, v in r.items() if k != "eid"}} for r in inserts.values()],
            )
        if updates:
            conn.execute(
                update(t.entities).where(t.entities.c.id == _bp("eid")).values(
                    type=_bp("type"), name=_bp("name"), aliases=_bp("aliases"), roles=_bp("roles")
                ),
                list(updates.values()),
            )

    def _insert_story(self, conn: Connection, result: StoryResult) -> None:
        story = result.story
        arts = {
            r.id: r
            for part in chunks(story.articles)
            for r in conn.execute(
                select(
                    t.articles.c.id,
                    t.articles.c.source,
                    t.articles.c.title,
                    t.articles.c.text,
                    t.articles.c.published,
                    t.articles.c.ingested_at,
                ).where(t.articles.c.id.in_(part))
            )
        }
        main = _main_event(result)
        # An article without a named source counts as an outlet of its own.
        sources = {arts[a].source or f"\x00{a}" for a in story.articles if a in arts}
        times = [arts[a].published or arts[a].ingested_at for a in story.articles if a in arts]
        conflicts = sum(1 for e in result.events for f in e.facts if f.status == "conflict")
        loc = main.location if main else None
        deaths = main.fatalities if main else None
        conn.execute(
            insert(t.stories).values(
                id=story.id,
                title=story.title,
                main_event=story.main_event,
                duplicates=jdump(story.duplicates),
                saved_at=now(),
                n_articles=len(set(story.articles)),
                n_sources=len(sources),
                n_disagreements=conflicts,
                main_event_type=main.event_type if main else None,
                country=loc.country if loc else None,
                iso=loc.iso if loc else None,
                date=main.date.value if main and main.date else None,
                fatalities=(deaths.best if deaths.best is not None else deaths.low) if deaths else None,
                latest=max(times) if times else None,
            )
        )
        if story.articles:
            conn.execute(
                insert(t.story_articles),
                [
                    {"story_id": story.id, "article_id": a, "position": i}
                    for i, a in enumerate(dict.fromkeys(story.articles))
                ],
            )
        self._insert_events(conn, story.id, result.events)
        body = "\n".join(
            part for a in story.articles if a in arts for part in (arts[a].title or "", arts[a].text)
        )
        conn.execute(insert(t.story_search).values(story_id=story.id, title=story.title or "", body=body))

    @staticmethod
    def _insert_events(conn: Connection, story_id: str, events: Sequence[Event]) -> None:
        """The story's events, actors, facts and fact reports: one multi-row statement per table."""
        if not events:
            return
        event_rows, actor_rows, fact_rows, report_rows = [], [], [], []
        for pos, ev in enumerate(events):
            loc, date, dead, hurt = ev.location, ev.date, ev.fatalities, ev.injured
            event_rows.append(
                {
                    "id": ev.id,
                    "story_id": story_id,
                    "position": pos,
                    "event_type": ev.event_type,
                    "sub_event_type": ev.sub_event_type,
                    "background": ev.background,
                    "date_value": date.value if date else None,
                    "date_text": date.text if date else None,
                    "date_precision": date.precision if date else None,
                    "place_name": loc.name if loc else None,
                    "place_country": loc.country if loc else None,
                    "place_iso": loc.iso if loc else None,
                    "place_admin1": loc.admin1 if loc else None,
                    "lat": loc.lat if loc else None,
                    "lon": loc.lon if loc else None,
                    "place_precision": loc.precision if loc else None,
                    "place_detail": loc.detail if loc else None,
                    "fatalities_low": dead.low if dead else None,
                    "fatalities_best": dead.best if dead else None,
                    "fatalities_high": dead.high if dead else None,
                    "injured_low": hurt.low if hurt else None,
                    "injured_best": hurt.best if hurt else None,
                    "injured_high": hurt.high if hurt else None,
                    "reports": jdump([records.evidence_dict(r) for r in ev.reports]),
                }
            )
            actor_rows += [
                {"event_id": ev.id, "position": i, "role": a.role, "entity_id": a.entity, "name": a.name,
                 "status": a.status}
                for i, a in enumerate(ev.actors)
            ]
            for fpos, fact in enumerate(ev.facts):
                fact_rows.append(
                    {"event_id": ev.id, "position": fpos, "attribute": fact.attribute, "status": fact.status,
                     "value": jdump(fact.value)}
                )
                report_rows.append(
                    [
                        {
                            "position": rpos,
                            "article_id": r.article,
                            "value": jdump(r.value),
                            "sentence": r.evidence.sentence,
                            "start": r.evidence.start,
                            "end": r.evidence.end,
                            "attributed_to": r.evidence.attributed_to,
                            "certainty": r.evidence.certainty,
                        }
                        for rpos, r in enumerate(fact.reports)
                    ]
                )
        conn.execute(insert(t.events), event_rows)
        if actor_rows:
            conn.execute(insert(t.event_actors), actor_rows)
        if not fact_rows:
            return
        # The facts' generated ids, in the order of the rows (SQLAlchemy's "insertmanyvalues":
        # one statement with RETURNING on SQLite >= 3.35 and PostgreSQL, not one per fact).
        ids = conn.execute(
            insert(t.facts).returning(t.facts.c.id, sort_by_parameter_order=True), fact_rows
        ).scalars().all()
        rows = [{**r, "fact_id": fid} for fid, reports in zip(ids, report_rows, strict=True) for r in reports]
        if rows:
            conn.execute(insert(t.fact_reports), rows)

    @staticmethod
    def _link_story_rows(conn: Connection, result: StoryResult) -> None:
        """Point the story's article rows at its global events and entities."""
        story = result.story
        arts = list(dict.fromkeys(story.articles))
        for part in chunks(arts):
            conn.execute(update(t.articles).where(t.articles.c.id.in_(part)).values(story_id=story.id))
            conn.execute(
                update(t.event_mentions).where(t.event_mentions.c.article_id.in_(part)).values(event_id=None)
            )
            conn.execute(
                update(t.claims)
                .where(t.claims.c.article_id.in_(part))
                .values(event_id=None, speaker_entity_id=None)
            )
            conn.execute(
                update(t.entity_mentions)
                .where(t.entity_mentions.c.article_id.in_(part))
                .values(entity_id=None)
            )
        mention_rows = [
            {"a": art, "m": mid, "eid": ev.id} for ev in result.events for art, mid in ev.mentions
        ]
        if mention_rows:
            conn.execute(
                update(t.event_mentions)
                .where(
                    and_(t.event_mentions.c.article_id == _bp("a"), t.event_mentions.c.mention_id == _bp("m"))
                )
                .values(event_id=_bp("eid")),
                mention_rows,
            )
        claim_rows = [{"a": art, "c": cid, "eid": eid} for (art, cid), eid in result.claim_events.items()]
        if claim_rows:
            conn.execute(
                update(t.claims)
                .where(and_(t.claims.c.article_id == _bp("a"), t.claims.c.claim_id == _bp("c")))
                .values(event_id=_bp("eid")),
                claim_rows,
            )
        member_rows = [
            {"a": art, "k": key, "eid": ent.id} for ent in result.entities for art, key in ent.members
        ]
        if member_rows:
            conn.execute(
                update(t.entity_mentions)
                .where(
                    and_(
                        t.entity_mentions.c.article_id == _bp("a"), t.entity_mentions.c.local_key == _bp("k")
                    )
                )
                .values(entity_id=_bp("eid")),
                member_rows,
            )
            conn.execute(
                update(t.claims)
                .where(and_(t.claims.c.article_id == _bp("a"), t.claims.c.speaker_key == _bp("k")))
                .values(speaker_entity_id=_bp("eid")),
                member_rows,
            )

    @staticmethod
    def _story_entity_refs(
        conn: Connection, story_id: str, article_ids: Sequence[str], event_ids: Sequence[str] = ()
    ) -> set[str]:
        """Entity ids referred to by a story's events (and ``event_ids``, wherever they sit) and
        by its articles' mentions and claims."""
        actors = t.event_actors.c
        refs: set[str] = set(
            conn.execute(
                select(actors.entity_id)
                .join(t.events, t.events.c.id == actors.event_id)
                .where(t.events.c.story_id == story_id, actors.entity_id.is_not(None))
            ).scalars()
        )
        for part in chunks(list(event_ids)):
            refs.update(
                conn.execute(
                    select(actors.entity_id).where(actors.event_id.in_(part), actors.entity_id.is_not(None))
                ).scalars()
            )
        for part in chunks(list(dict.fromkeys(article_ids))):
            refs.update(
                conn.execute(
                    select(t.entity_mentions.c.entity_id).where(
                        t.entity_mentions.c.article_id.in_(part), t.entity_mentions.c.entity_id.is_not(None)
                    )
                ).scalars()
            )
            refs.update(
                conn.execute(
                    select(t.claims.c.speaker_entity_id).where(
                        t.claims.c.article_id.in_(part), t.claims.c.speaker_entity_id.is_not(None)
                    )
                ).scalars()
            )
        return refs

    @staticmethod
    def _gc_entities(conn: Connection, candidates: Iterable[str]) -> None:
        """Drop the ``candidates`` nothing refers to any more (re-reconciled away or their story
        deleted).  Only ids that may have lost a reference are checked, through the indexes on
        the referring columns: a scan of every entity per story save grew with the database."""
        refs = (
            (t.entity_mentions, t.entity_mentions.c.entity_id),
            (t.event_actors, t.event_actors.c.entity_id),
            (t.claims, t.claims.c.speaker_entity_id),
        )
        unused = [~select(col).where(col == t.entities.c.id).exists() for _table, col in refs]
        for part in chunks(sorted(set(candidates))):
            conn.execute(delete(t.entities).where(t.entities.c.id.in_(part), *unused))

    # ------------------------------------------------------------------ read side

    def export_data(self) -> dict[str, list[dict[str, Any]]]:
        """Everything, in SPEC.md's JSON export shape."""
        with self._read() as conn:
            return records.export_data(conn)

    def story_record(self, story_id: str) -> dict[str, Any]:
        with self._read() as conn:
            return records.story_record(conn, story_id)

    def event_record(self, event_id: str) -> dict[str, Any]:
        with self._read() as conn:
            return records.event_record(conn, event_id)

    def entity_record(self, entity_id: str) -> dict[str, Any]:
        with self._read() as conn:
            return records.entity_record(conn, entity_id)

    def article_record(self, article_id: str) -> dict[str, Any]:
        with self._read() as conn:
            return records.article_record(conn, article_id)

    def list_stories(
        self,
        q: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        country: str | None = None,
        event_type: str | None = None,
        min_killed: int | None = None,
        limit: int | None = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Stories, newest first (by their latest article's published or ingested time)."""
        search = self._search(q) if q and records.search_words(q) else None
        with self._read() as conn:
            return records.list_stories(
                conn,
                search,
                date_from=date_from,
                date_to=date_to,
                country=country,
                event_type=event_type,
                min_killed=min_killed,
                limit=limit,
                offset=offset,
            )

    def count_stories(self, **filters: Any) -> int:
        filters.pop("limit", None)
        filters.pop("offset", None)
        return len(self.list_stories(**filters, limit=None))

    def list_events(
        self,
        event_type: str | None = None,
        min_killed: int | None = None,
        min_injured: int | None = None,
        place: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        include_background: bool = False,
        story: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Events (export shape) matching every filter given; ``len()`` answers counting questions."""
        with self._read() as conn:
            return records.list_events(
                conn,
                event_type=event_type,
                min_killed=min_killed,
                min_injured=min_injured,
                place=place,
                date_from=date_from,
                date_to=date_to,
                include_background=include_background,
                story=story,
                limit=limit,
                offset=offset,
            )

    def count_events(self, **filters: Any) -> int:
        with self._read() as conn:
            return records.count_events(conn, **filters)

    def table_counts(self) -> dict[str, int]:
        with self._read() as conn:
            return {
                name: conn.execute(text(f"SELECT count(*) FROM {name}")).scalar_one() for name in t.COUNTED
            }

    def _search(self, q: str) -> Select:
        """A query for the ids of stories whose title or article text match every word of ``q``."""
        words = records.search_words(q)
        if self.dialect == "postgresql":
            cond = text(
                "to_tsvector('english', title || ' ' || body) @@ plainto_tsquery('english', :q)"
            ).bindparams(q=" ".join(words))
            return select(t.story_search.c.story_id).where(cond)
        if self.fts5:
            # Each word quoted: user text never reaches FTS5's query syntax.
            expr = " ".join('"' + w.replace('"', '""') + '"' for w in words)
            return select(t.story_search.c.story_id).where(text("story_search MATCH :q").bindparams(q=expr))
        s = t.story_search.c
        pats = ["%" + w.replace("_", "\\_") + "%" for w in words]
        conds = [or_(s.title.ilike(p, escape="\\"), s.body.ilike(p, escape="\\")) for p in pats]
        return select(s.story_id).where(and_(*conds))


def _bp(name: str) -> Any:
    return bindparam(name)


def _union(*lists: Iterable[str]) -> list[str]:
    """Ordered union, first spelling wins (case-insensitive)."""
    seen: dict[str, str] = {}
    for items in lists:
        for item in items:
            seen.setdefault(item.casefold(), item)
    return list(seen.values())


def _main_event(result: StoryResult) -> Event | None:
    by_id = {e.id: e for e in result.events}
    if result.story.main_event in by_id:
        return by_id[result.story.main_event]
    for ev in result.events:
        if not ev.background:
            return ev
    return result.events[0] if result.events else None
