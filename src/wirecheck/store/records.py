"""The read side: rows -> plain dicts in SPEC.md's JSON export shapes.

Every function takes an open connection (one read transaction) and fetches related rows in
batches (``IN`` lists), never one query per event.  Field names follow SPEC.md "JSON export";
extra fields are additions, never renames.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, Select, String, and_, cast, func, literal, or_, select

from wirecheck import codec
from wirecheck.errors import NotFound
from wirecheck.models import ArticleAnalysis, Evidence
from wirecheck.store import schema as t

CHUNK = 500


def _chunks(items: list[Any]) -> list[list[Any]]:
    return [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]


def _rows_in(conn: Connection, query: Select, column: Any, ids: list[Any]) -> list[Any]:
    out: list[Any] = []
    for part in _chunks(list(dict.fromkeys(ids))):
        out.extend(conn.execute(query.where(column.in_(part))))
    return out


def evidence_dict(ev: Evidence) -> dict[str, Any]:
    return {
        "article": ev.article,
        "sentence": ev.sentence,
        "span": [ev.start, ev.end],
        "attributed_to": ev.attributed_to,
        "certainty": ev.certainty,
    }


def search_words(q: str) -> list[str]:
    return re.findall(r"\w+", q)


def claim_uid(article_id: str, claim_id: str) -> str:
    """A claim's id across the database (claim ids like ``c0`` are per article)."""
    return f"{article_id}:{claim_id}"


# ----------------------------------------------------------------------------- row -> dict


def article_dict(
    row: Any, sentences: list[dict[str, int]] | None = None, full: bool = False
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": row.id,
        "source": row.source,
        "title": row.title,
        "published": row.published,
        "url": row.url,
        "section": row.section,
        "updated": row.updated,
        "byline": row.byline,
        "origin": row.origin,
        "seq": row.seq,
        "supersedes": row.supersedes,
        "story": row.story_id,
    }
    if full:
        out.update(
            text=row.text,
            captions=json.loads(row.captions),
            stripped=json.loads(row.stripped),
            sentences=sentences or [],
            ingested_at=row.ingested_at,
        )
    return out


def _articles(conn: Connection, ids: list[str], full: bool) -> list[dict[str, Any]]:
    """Articles in the order of ``ids`` (unknown ids skipped)."""
    rows = {r.id: r for r in _rows_in(conn, select(t.articles), t.articles.c.id, ids)}
    sents: dict[str, list[dict[str, int]]] = defaultdict(list)
    if full:
        q = select(t.sentences).order_by(t.sentences.c.article_id, t.sentences.c.idx)
        for s in _rows_in(conn, q, t.sentences.c.article_id, list(rows)):
            sents[s.article_id].append({"index": s.idx, "start": s.start, "end": s.end})
    return [article_dict(rows[i], sents[i], full) for i in dict.fromkeys(ids) if i in rows]


def entity_dict(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "type": row.type,
        "name": row.name,
        "aliases": json.loads(row.aliases),
        "roles": json.loads(row.roles),
    }


def _entities(conn: Connection, ids: list[str]) -> list[dict[str, Any]]:
    rows = _rows_in(conn, select(t.entities), t.entities.c.id, [i for i in ids if i])
    return [entity_dict(r) for r in sorted(rows, key=lambda r: (r.name.casefold(), r.id))]


def claim_dict(row: Any) -> dict[str, Any]:
    spans = json.loads(row.spans)
    return {
        "id": claim_uid(row.article_id, row.claim_id),
        "article": row.article_id,
        "local_id": row.claim_id,
        "speaker": {"entity": row.speaker_entity_id, "text": row.speaker_text},
        "cue": row.cue,
        "content": row.content,
        "sentence": row.sentence,
        "span": [row.start, row.end],
        "stance": row.stance,
        "event": row.event_id,
        "direct": bool(row.direct),
        "channel": row.channel,
        "speaker_span": spans.get("speaker"),
        "cue_span": spans.get("cue"),
        "content_span": spans.get("content"),
    }


def _claims(conn: Connection, where: Any) -> list[dict[str, Any]]:
    q = (
        select(t.claims)
        .join(t.articles, t.articles.c.id == t.claims.c.article_id)
        .where(where)
        .order_by(t.articles.c.seq, t.claims.c.start, t.claims.c.claim_id)
    )
    return [claim_dict(r) for r in conn.execute(q)]


def _range(low: int | None, best: int | None, high: int | None) -> dict[str, int | None] | None:
    if low is None and best is None and high is None:
        return None
    return {"low": low, "best": best, "high": high}


def _event_dicts(conn: Connection, rows: list[Any]) -> list[dict[str, Any]]:
    """Whole events (actors, facts with reports, mentions) for event rows, in their order."""
    ids = [r.id for r in rows]
    actors: dict[str, list[dict[str, Any]]] = defaultdict(list)
    q = select(t.event_actors).order_by(t.event_actors.c.event_id, t.event_actors.c.position)
    for a in _rows_in(conn, q, t.event_actors.c.event_id, ids):
        actors[a.event_id].append({"role": a.role, "entity": a.entity_id, "name": a.name, "status": a.status})
    q = select(t.facts).order_by(t.facts.c.event_id, t.facts.c.position)
    fact_rows = _rows_in(conn, q, t.facts.c.event_id, ids)
    reports: dict[int, list[dict[str, Any]]] = defaultdict(list)
    q = select(t.fact_reports).order_by(t.fact_reports.c.fact_id, t.fact_reports.c.position)
    for r in _rows_in(conn, q, t.fact_reports.c.fact_id, [f.id for f in fact_rows]):
        reports[r.fact_id].append(
            {
                "article": r.article_id,
                "value": json.loads(r.value) if r.value is not None else None,
                "sentence": r.sentence,
                "span": [r.start, r.end],
                "attributed_to": r.attributed_to,
                "certainty": r.certainty,
            }
        )
    facts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in fact_rows:
        facts[f.event_id].append(
            {
                "attribute": f.attribute,
                "status": f.status,
                "value": json.loads(f.value) if f.value is not None else None,
                "reports": reports[f.id],
            }
        )
    mentions: dict[str, list[dict[str, str]]] = defaultdict(list)
    q = select(
        t.event_mentions.c.event_id, t.event_mentions.c.article_id, t.event_mentions.c.mention_id
    ).order_by(t.event_mentions.c.article_id, t.event_mentions.c.mention_id)
    for m in _rows_in(conn, q, t.event_mentions.c.event_id, ids):
        mentions[m.event_id].append({"article": m.article_id, "id": m.mention_id})
    out = []
    for r in rows:
        has_date = r.date_value is not None or r.date_text is not None
        out.append(
            {
                "id": r.id,
                "story": r.story_id,
                "event_type": r.event_type,
                "sub_event_type": r.sub_event_type,
                "background": bool(r.background),
                "date": {"value": r.date_value, "text": r.date_text, "precision": r.date_precision}
                if has_date
                else None,
                "location": {
                    "name": r.place_name,
                    "country": r.place_country,
                    "iso": r.place_iso,
                    "admin1": r.place_admin1,
                    "lat": r.lat,
                    "lon": r.lon,
                    "precision": r.place_precision,
                    "detail": r.place_detail,
                }
                if r.place_name is not None
                else None,
                "actors": actors[r.id],
                "fatalities": _range(r.fatalities_low, r.fatalities_best, r.fatalities_high),
                "injured": _range(r.injured_low, r.injured_best, r.injured_high),
                "facts": facts[r.id],
                "reports": json.loads(r.reports),
                "mentions": mentions[r.id],
            }
        )
    return out


def _events_where(conn: Connection, where: Any) -> list[dict[str, Any]]:
    q = select(t.events).where(where).order_by(t.events.c.story_id, t.events.c.position)
    return _event_dicts(conn, list(conn.execute(q)))


def _story_dicts(conn: Connection, rows: list[Any]) -> list[dict[str, Any]]:
    ids = [r.id for r in rows]
    arts: dict[str, list[str]] = defaultdict(list)
    q = select(t.story_articles).order_by(t.story_articles.c.story_id, t.story_articles.c.position)
    for a in _rows_in(conn, q, t.story_articles.c.story_id, ids):
        arts[a.story_id].append(a.article_id)
    evs: dict[str, list[str]] = defaultdict(list)
    q = select(t.events.c.id, t.events.c.story_id).order_by(t.events.c.story_id, t.events.c.position)
    for e in _rows_in(conn, q, t.events.c.story_id, ids):
        evs[e.story_id].append(e.id)
    return [
        {
            "id": r.id,
            "title": r.title,
            "articles": arts[r.id],
            "main_event": r.main_event,
            "events": evs[r.id],
            "duplicates": json.loads(r.duplicates),
            **_story_summary(r),
        }
        for r in rows
    ]


def _story_summary(r: Any) -> dict[str, Any]:
    return {
        "n_articles": r.n_articles,
        "n_sources": r.n_sources,
        "n_disagreements": r.n_disagreements,
        "event_type": r.main_event_type,
        "country": r.country,
        "iso": r.iso,
        "date": r.date,
        "fatalities": r.fatalities,
        "latest": r.latest,
    }


def _story_row(conn: Connection, story_id: str) -> Any:
    row = conn.execute(select(t.stories).where(t.stories.c.id == story_id)).first()
    if row is None:
        raise NotFound(f"no story {story_id!r}")
    return row


# ----------------------------------------------------------------------------- records


def export_data(conn: Connection) -> dict[str, list[dict[str, Any]]]:
    art_ids = list(conn.execute(select(t.articles.c.id).order_by(t.articles.c.seq)).scalars())
    story_rows = list(conn.execute(select(t.stories).order_by(t.stories.c.id)))
    entity_rows = conn.execute(select(t.entities).order_by(t.entities.c.id))
    return {
        "articles": _articles(conn, art_ids, full=False),
        "stories": _story_dicts(conn, story_rows),
        "events": _events_where(conn, t.events.c.id.is_not(None)),
        "entities": [entity_dict(r) for r in entity_rows],
        "claims": _claims(conn, t.claims.c.article_id.is_not(None)),
    }


def story_record(conn: Connection, story_id: str) -> dict[str, Any]:
    story = _story_dicts(conn, [_story_row(conn, story_id)])[0]
    art_ids = story["articles"]
    events = _events_where(conn, t.events.c.story_id == story_id)
    return {
        "story": story,
        "articles": _articles(conn, art_ids, full=True),
        "events": events,
        "entities": _entities(conn, _story_entity_ids(conn, art_ids, events)),
        "claims": _claims(conn, t.claims.c.article_id.in_(art_ids)) if art_ids else [],
    }


def _story_entity_ids(conn: Connection, art_ids: list[str], events: list[dict[str, Any]]) -> list[str]:
    ids = [a["entity"] for e in events for a in e["actors"] if a["entity"]]
    q = select(t.entity_mentions.c.entity_id).where(t.entity_mentions.c.entity_id.is_not(None)).distinct()
    ids += [r.entity_id for r in _rows_in(conn, q, t.entity_mentions.c.article_id, art_ids)]
    q = select(t.claims.c.speaker_entity_id).where(t.claims.c.speaker_entity_id.is_not(None)).distinct()
    ids += [r.speaker_entity_id for r in _rows_in(conn, q, t.claims.c.article_id, art_ids)]
    return list(dict.fromkeys(ids))


def event_record(conn: Connection, event_id: str) -> dict[str, Any]:
    events = _events_where(conn, t.events.c.id == event_id)
    if not events:
        raise NotFound(f"no event {event_id!r}")
    ev = events[0]
    story = _story_row(conn, ev["story"])
    cited = [r["article"] for r in ev["reports"]]
    cited += [r["article"] for f in ev["facts"] for r in f["reports"]]
    cited += [m["article"] for m in ev["mentions"]]
    order = {a: i for i, a in enumerate(_story_dicts(conn, [story])[0]["articles"])}
    cited = sorted(dict.fromkeys(cited), key=lambda a: (order.get(a, len(order)), a))
    return {
        "event": ev,
        "story": {"id": story.id, "title": story.title, **_story_summary(story)},
        "articles": _articles(conn, cited, full=True),
        "entities": _entities(conn, [a["entity"] for a in ev["actors"] if a["entity"]]),
        "claims": _claims(conn, t.claims.c.event_id == event_id),
    }


def entity_record(conn: Connection, entity_id: str) -> dict[str, Any]:
    row = conn.execute(select(t.entities).where(t.entities.c.id == entity_id)).first()
    if row is None:
        raise NotFound(f"no entity {entity_id!r}")
    ev_ids = list(
        conn.execute(
            select(t.event_actors.c.event_id).where(t.event_actors.c.entity_id == entity_id).distinct()
        ).scalars()
    )
    events = _events_where(conn, t.events.c.id.in_(ev_ids)) if ev_ids else []
    for ev in events:
        ev["involvement"] = [
            {"role": a["role"], "status": a["status"], "name": a["name"]}
            for a in ev["actors"]
            if a["entity"] == entity_id
        ]
    m = t.entity_mentions.c
    q = (
        select(t.entity_mentions)
        .join(t.articles, t.articles.c.id == m.article_id)
        .where(m.entity_id == entity_id)
        .order_by(t.articles.c.seq, m.start)
    )
    mentions = [
        {
            "article": r.article_id,
            "key": r.local_key,
            "text": r.text,
            "span": [r.start, r.end],
            "sentence": r.sentence,
        }
        for r in conn.execute(q)
    ]
    return {
        "entity": entity_dict(row),
        "events": events,
        "mentions": mentions,
        "articles": _articles(conn, [x["article"] for x in mentions], full=False),
        "claims": _claims(conn, t.claims.c.speaker_entity_id == entity_id),
    }


def article_record(conn: Connection, article_id: str) -> dict[str, Any]:
    arts = _articles(conn, [article_id], full=True)
    if not arts:
        raise NotFound(f"no article {article_id!r}")
    art = arts[0]
    rev = conn.execute(select(t.revisions).where(t.revisions.c.article_id == article_id)).first()
    art["revision"] = rev.revision if rev else None
    art["superseded_by"] = conn.execute(
        select(t.articles.c.id).where(t.articles.c.supersedes == article_id).order_by(t.articles.c.seq)
    ).scalar()
    data = conn.execute(select(t.analyses.c.data).where(t.analyses.c.article_id == article_id)).scalar_one()
    analysis = codec.loads(ArticleAnalysis, data)
    em = t.event_mentions.c
    global_event = {
        r.mention_id: r.event_id
        for r in conn.execute(select(em.mention_id, em.event_id).where(em.article_id == article_id))
    }
    mc = t.entity_mentions.c
    global_entity = {
        r.local_key: r.entity_id
        for r in conn.execute(
            select(mc.local_key, mc.entity_id).where(mc.article_id == article_id).distinct()
        )
        if r.entity_id
    }
    return {
        "article": art,
        "claims": _claims(conn, t.claims.c.article_id == article_id),
        "event_mentions": [_mention_dict(m, global_event.get(m.id)) for m in analysis.events],
        "entities": [
            {
                "key": e.key,
                "type": e.type,
                "name": e.name,
                "aliases": e.aliases,
                "roles": e.roles,
                "country": e.country,
                "entity": global_entity.get(e.key),
                "mentions": [
                    {"text": m.text, "span": [m.start, m.end], "sentence": m.sentence} for m in e.mentions
                ],
            }
            for e in analysis.entities
        ],
    }


def _mention_dict(m: Any, event_id: str | None) -> dict[str, Any]:
    def counted(c: Any) -> dict[str, Any] | None:
        return None if c is None else {**c.range.as_dict(), "text": c.text, **_where(c.evidence)}

    return {
        "id": m.id,
        "event": event_id,
        "trigger": m.trigger,
        "event_type": m.event_type,
        "sub_event_type": m.sub_event_type,
        "background": m.background,
        **_where(m.evidence),
        "sentences": m.sentences,
        "actors": [
            {"role": a.role, "name": a.name, "status": a.status, "entity": a.entity, **_where(a.evidence)}
            for a in m.actors
        ],
        "location": None
        if m.location is None
        else {**m.location.place.as_dict(), "text": m.location.text, **_where(m.location.evidence)},
        "date": None if m.date is None else {**m.date.date.as_dict(), **_where(m.date.evidence)},
        "fatalities": counted(m.fatalities),
        "injured": counted(m.injured),
    }


def _where(ev: Evidence) -> dict[str, Any]:
    return {
        "sentence": ev.sentence,
        "span": [ev.start, ev.end],
        "attributed_to": ev.attributed_to,
        "certainty": ev.certainty,
    }


# ----------------------------------------------------------------------------- lists


def _date_conds(col: Any, date_from: str | None, date_to: str | None) -> list[Any]:
    """ISO strings of any precision ("2024", "2024-03", "2024-03-05T10:00") against a range:
    a value matches when the period it names overlaps [date_from, date_to]."""
    conds: list[Any] = []
    if date_from:
        lo = cast(literal(date_from), String)
        conds.append(and_(col.is_not(None), col >= func.substr(lo, 1, func.length(col))))
    if date_to:
        conds.append(and_(col.is_not(None), func.substr(col, 1, len(date_to)) <= date_to))
    return conds


def _ci(col: Any, value: str) -> Any:
    return func.lower(col) == value.lower()


def list_stories(
    conn: Connection,
    search: Select | None,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    country: str | None = None,
    event_type: str | None = None,
    min_killed: int | None = None,
    limit: int | None = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    s, e = t.stories.c, t.events.c
    conds: list[Any] = []
    if search is not None:
        conds.append(s.id.in_(search))
    conds += _date_conds(func.coalesce(s.date, s.latest), date_from, date_to)
    ev_conds: list[Any] = []
    if country:
        ev_conds.append(or_(_ci(e.place_country, country), _ci(e.place_iso, country)))
    if event_type:
        ev_conds.append(or_(_ci(e.event_type, event_type), _ci(e.sub_event_type, event_type)))
    if min_killed is not None:
        ev_conds.append(func.coalesce(e.fatalities_best, e.fatalities_low) >= min_killed)
    if ev_conds:
        # Background events are context: they do not make a story "about" a place or a type.
        sub = select(e.id).where(e.story_id == s.id, e.background.is_(False), *ev_conds)
        conds.append(sub.exists())
    q = select(t.stories).where(*conds).order_by(s.latest.desc().nulls_last(), s.id).offset(offset)
    if limit is not None:
        q = q.limit(limit)
    return [
        {"id": r.id, "title": r.title, "main_event": r.main_event, **_story_summary(r)}
        for r in conn.execute(q)
    ]


def _event_conds(
    *,
    event_type: str | None = None,
    min_killed: int | None = None,
    min_injured: int | None = None,
    place: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    include_background: bool = False,
    story: str | None = None,
) -> list[Any]:
    e = t.events.c
    conds: list[Any] = []
    if event_type:
        conds.append(or_(_ci(e.event_type, event_type), _ci(e.sub_event_type, event_type)))
    if min_killed is not None:
        conds.append(func.coalesce(e.fatalities_best, e.fatalities_low) >= min_killed)
    if min_injured is not None:
        conds.append(func.coalesce(e.injured_best, e.injured_low) >= min_injured)
    if place:
        # city, admin1 or country level, by name or ISO code
        conds.append(
            or_(*(_ci(c, place) for c in (e.place_name, e.place_admin1, e.place_country, e.place_iso)))
        )
    conds += _date_conds(e.date_value, date_from, date_to)
    if not include_background:
        conds.append(e.background.is_(False))
    if story:
        conds.append(e.story_id == story)
    return conds


def list_events(
    conn: Connection, *, limit: int | None = None, offset: int = 0, **filters: Any
) -> list[dict[str, Any]]:
    e = t.events.c
    q = (
        select(t.events)
        .where(*_event_conds(**filters))
        .order_by(e.date_value.desc().nulls_last(), e.story_id, e.position)
        .offset(offset)
    )
    if limit is not None:
        q = q.limit(limit)
    return _event_dicts(conn, list(conn.execute(q)))


def count_events(conn: Connection, **filters: Any) -> int:
    q = select(func.count()).select_from(t.events).where(*_event_conds(**filters))
    return conn.execute(q).scalar_one()
