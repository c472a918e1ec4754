"""The Store: articles and stories in, plain dicts out.

Every write is one transaction (``_write``): an article is stored whole or not at all, a story is
replaced whole.  On SQLite writes start with ``BEGIN IMMEDIATE``; on PostgreSQL they take one
advisory lock, so ingestion order (``seq``) and revision numbers never race.  Reads run in their
own transaction (a snapshot under WAL / REPEATABLE READ), so a reader never waits for a writer.
"""

from __future__ import annotations

import json
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
    union,
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
    def _write(self) -> Iterator[Connection]:
        with self.engine.connect().execution_options(wirecheck_write=True) as conn, conn.begin():
            if self.dialect == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK_ID})
            yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
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
        found: dict[str, str] = {}
        with self._read() as conn:
            for part in chunks(ids):
                q = select(t.analyses.c.article_id, t.analyses.c.data).where(
                    t.analyses.c.article_id.in_(part)
                )
                found.update({r.article_id: r.data for r in conn.execute(q)})
        missing = [i for i in ids if i not in found]
        if missing:
            raise NotFound(f"no stored article {', '.join(missing[:5])}{' ...' if len(missing) > 5 else ''}")
        return [codec.loads(ArticleAnalysis, found[i]) for i in ids]

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
        with self._read() as conn:
            for part in chunks(keys):
                q = select(t.link_keys.c.article_id).where(t.link_keys.c.key.in_(part)).distinct()
                out.update(conn.execute(q).scalars())
        return out

    def key_counts(self, keys: list[str]) -> dict[str, int]:
        """How many articles carry each key (the linker's document frequencies)."""
        out: dict[str, int] = {}
        with self._read() as conn:
            for part in chunks(list(dict.fromkeys(keys))):
                q = select(t.link_keys.c.key, func.count()).where(t.link_keys.c.key.in_(part))
                out.update({k: n for k, n in conn.execute(q.group_by(t.link_keys.c.key))})
        return out

    def features(self, article_id: str) -> dict | None:
        with self._read() as conn:
            raw = conn.execute(
                select(t.link_features.c.features).where(t.link_features.c.article_id == article_id)
            ).scalar()
        return None if raw is None else json.loads(raw)

    def story_of(self, article_id: str) -> str | None:
        with self._read() as conn:
            return conn.execute(
                select(t.link_features.c.story_id).where(t.link_features.c.article_id == article_id)
            ).scalar()

    def put(self, article_id: str, keys: list[str], features: dict, story_id: str) -> None:
        """Record (or replace) an article's blocking keys, features and story."""
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
        with self._write() as conn:
            conn.execute(
                update(t.link_features)
                .where(t.link_features.c.story_id == old_story_id)
                .values(story_id=new_story_id)
            )
            conn.execute(
                update(t.articles).where(t.articles.c.story_id == old_story_id).values(story_id=new_story_id)
            )

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
                self._drop_story(conn, story.id, also_events=[e.id for e in result.events])
                self._upsert_entities(conn, result)
                self._insert_story(conn, result)
                self._link_story_rows(conn, result)
                self._gc_entities(conn)
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
                self._gc_entities(conn)
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
            for r in conn.execute(select(t.entities).where(t.entities.c.id.in_(part))):
                stored[r.id] = (json.loads(r.aliases), json.loads(r.roles))
        for ent in result.entities:
            if ent.id in stored:
                aliases, roles = stored[ent.id]
                aliases, roles = _union(aliases, ent.aliases), _union(roles, ent.roles)
                conn.execute(
                    update(t.entities)
                    .where(t.entities.c.id == ent.id)
                    .values(type=ent.type, name=ent.name, aliases=jdump(aliases), roles=jdump(roles))
                )
            else:
                aliases, roles = _union(ent.aliases), _union(ent.roles)
                conn.execute(
                    insert(t.entities).values(
                        id=ent.id, type=ent.type, name=ent.name, aliases=jdump(aliases), roles=jdump(roles)
                    )
                )
            stored[ent.id] = (aliases, roles)

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
        for pos, ev in enumerate(result.events):
            self._insert_event(conn, story.id, pos, ev)
        body = "\n".join(
            part for a in story.articles if a in arts for part in (arts[a].title or "", arts[a].text)
        )
        conn.execute(insert(t.story_search).values(story_id=story.id, title=story.title or "", body=body))

    @staticmethod
    def _insert_event(conn: Connection, story_id: str, pos: int, ev: Event) -> None:
        loc, date, dead, hurt = ev.location, ev.date, ev.fatalities, ev.injured
        conn.execute(
            insert(t.events).values(
                id=ev.id,
                story_id=story_id,
                position=pos,
                event_type=ev.event_type,
                sub_event_type=ev.sub_event_type,
                background=ev.background,
                date_value=date.value if date else None,
                date_text=date.text if date else None,
                date_precision=date.precision if date else None,
                place_name=loc.name if loc else None,
                place_country=loc.country if loc else None,
                place_iso=loc.iso if loc else None,
                place_admin1=loc.admin1 if loc else None,
                lat=loc.lat if loc else None,
                lon=loc.lon if loc else None,
                place_precision=loc.precision if loc else None,
                place_detail=loc.detail if loc else None,
                fatalities_low=dead.low if dead else None,
                fatalities_best=dead.best if dead else None,
                fatalities_high=dead.high if dead else None,
                injured_low=hurt.low if hurt else None,
                injured_best=hurt.best if hurt else None,
                injured_high=hurt.high if hurt else None,
                reports=jdump([records.evidence_dict(r) for r in ev.reports]),
            )
        )
        if ev.actors:
            conn.execute(
                insert(t.event_actors),
                [
                    {
                        "event_id": ev.id,
                        "position": i,
                        "role": a.role,
                        "entity_id": a.entity,
                        "name": a.name,
                        "status": a.status,
                    }
                    for i, a in enumerate(ev.actors)
                ],
            )
        for fpos, fact in enumerate(ev.facts):
            fact_id = conn.execute(
                insert(t.facts).values(
                    event_id=ev.id,
                    position=fpos,
                    attribute=fact.attribute,
                    status=fact.status,
                    value=jdump(fact.value),
                )
            ).inserted_primary_key[0]
            conn.execute(
                insert(t.fact_reports),
                [
                    {
                        "fact_id": fact_id,
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
                ],
            )

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
    def _gc_entities(conn: Connection) -> None:
        """Drop entities nothing refers to any more (re-reconciled away or their story deleted)."""
        used = union(
            select(t.entity_mentions.c.entity_id).where(t.entity_mentions.c.entity_id.is_not(None)),
            select(t.event_actors.c.entity_id).where(t.event_actors.c.entity_id.is_not(None)),
            select(t.claims.c.speaker_entity_id).where(t.claims.c.speaker_entity_id.is_not(None)),
        )
        conn.execute(delete(t.entities).where(~t.entities.c.id.in_(used)))

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
