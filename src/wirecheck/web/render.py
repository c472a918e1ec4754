"""Turn the store's plain dicts into what the templates show.

Pure functions over the JSON export shapes of SPEC.md: no store, no request.  The templates
only loop and print; every decision (which sentence is highlighted, what changed between
reports, where the marker goes) is made here, where it can be tested.  Nothing here builds
HTML: the templates autoescape every string they print.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import OrderedDict
from typing import Any

from wirecheck.models import RawDocument
from wirecheck.outputs._common import fact_note

STATUS_LABELS = {
    "consensus": "consensus",
    "conflict": "conflict",
    "single_source": "single source",
    "superseded": "superseded",
}
# How the sentence behind a value is highlighted; a sentence behind a fact wins over a claim.
MARK_ORDER = ("fact", "claim", "event")
# Reports shown side by side (and as fact-table columns) on a story page; the rest are listed.
MAX_COLUMNS = 8
PRECISION_LABELS = {1: "town or finer", 2: "district / near a town", 3: "region", 4: "country"}


# --------------------------------------------------------------------------- small helpers


def _d(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _l(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def anchor(article: str | None, sentence: Any) -> str:
    """The element id of an article's sentence, shared by the story and article pages."""
    return f"a-{article}-s-{sentence}"


def parse_date(text: str | None, label: str, problems: list[str], pattern: str) -> str | None:
    """An ISO date or prefix of one ("2024", "2024-03", "2024-03-05") from a form field."""
    if not text or not text.strip():
        return None
    if re.match(pattern, text.strip()):
        return text.strip()
    problems.append(f"{label} {text!r} is not a date like 2024-01-31 (or 2024-01, 2024); ignored")
    return None


def parse_count(text: str | None, label: str, problems: list[str]) -> int | None:
    if not text:
        return None
    text = text.strip()
    if text.isdigit() and len(text) < 9:
        return int(text)
    problems.append(f"{label} {text!r} is not a whole number; ignored")
    return None


def fmt_count(value: dict[str, Any]) -> str:
    low, best, high = value.get("low"), value.get("best"), value.get("high")
    if low is None and best is None:
        return "unknown"
    if high is not None and low == high:
        return str(low)
    text = f"≥{low}" if high is None else f"{low}–{high}"
    if best is not None and best != low:
        text += f" (best {best})"
    return text


def fmt_value(value: Any) -> str:
    """A fact value as a person reads it: counts as ranges, places and dates by name."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict):
        if {"low", "high"} & value.keys() or "best" in value:
            return fmt_count(value)
        if "lat" in value or "country" in value or "admin1" in value:
            parts = [value.get("detail"), value.get("name"), value.get("country")]
            seen: list[str] = []
            for p in parts:
                if p and p not in seen:
                    seen.append(str(p))
            return ", ".join(seen) or "—"
        if "precision" in value and ("value" in value or "text" in value):
            shown = value.get("value") or "no date"
            said = value.get("text")
            return f"{shown} (“{said}”)" if said and said != shown else str(shown)
        if "name" in value:
            status = value.get("status")
            return f"{value['name']} ({status})" if status else str(value["name"])
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, (list, tuple)):
        return "; ".join(fmt_value(v) for v in value) or "—"
    return str(value)


def label(attribute: str | None) -> str:
    text = (attribute or "").replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def status_label(status: str | None) -> str:
    return STATUS_LABELS.get(status or "", (status or "unknown").replace("_", " "))


def fmt_time(value: str | None) -> str:
    """ISO datetimes shortened for display; anything else as given."""
    if not value:
        return ""
    try:
        parsed = dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return str(value)
    if len(value) <= 10:
        return parsed.date().isoformat()
    text = parsed.strftime("%Y-%m-%d %H:%M")
    return f"{text} {parsed.tzname()}" if parsed.tzinfo else text


def safe_url(value: Any) -> str:
    """A link target from article metadata, only if it is plain http(s) (no javascript: URLs)."""
    if isinstance(value, str) and value.strip().lower().startswith(("http://", "https://")):
        return value.strip()
    return ""


FILTERS = {
    "safe_url": safe_url,
    "fmt_value": fmt_value,
    "fmt_count": fmt_count,
    "label": label,
    "status_label": status_label,
    "fmt_time": fmt_time,
    "anchor": anchor,
}


# --------------------------------------------------------------------------- article text


def _marks(record: dict[str, Any]) -> dict[str, dict[int, dict[str, Any]]]:
    """article id -> sentence index -> {"kind": fact|claim|event, "spans": [(start, end)], "why": [..]}."""
    out: dict[str, dict[int, dict[str, Any]]] = {}

    def add(article: Any, sentence: Any, span: Any, kind: str, why: str) -> None:
        if article is None or not isinstance(sentence, int):
            return
        slot = out.setdefault(str(article), {}).setdefault(sentence, {"kind": kind, "spans": [], "why": []})
        if MARK_ORDER.index(kind) < MARK_ORDER.index(slot["kind"]):
            slot["kind"] = kind
        # Only a fact's own value is emphasised inside the sentence: claim spans cover whole
        # attributions and trigger spans single verbs, which would drown the values out.
        if kind == "fact" and isinstance(span, (list, tuple)) and len(span) == 2 and all(isinstance(x, int) for x in span):
            slot["spans"].append((span[0], span[1]))
        if why and why not in slot["why"]:
            slot["why"].append(why)

    for event in _l(record.get("events")):
        for fact in _l(_d(event).get("facts")):
            for rep in _l(_d(fact).get("reports")):
                rep = _d(rep)
                add(rep.get("article"), rep.get("sentence"), rep.get("span"), "fact", label(fact.get("attribute")))
        for rep in _l(_d(event).get("reports")):
            rep = _d(rep)
            add(rep.get("article"), rep.get("sentence"), rep.get("span"), "event", "event report")
    # An article record carries its own event mentions: the trigger and each argument's sentence.
    for mention in _l(record.get("event_mentions")):
        mention = _d(mention)
        aid = record.get("article", {}).get("id") if isinstance(record.get("article"), dict) else None
        add(aid, mention.get("sentence"), mention.get("span"), "event", "event report")
        for key in ("location", "date", "fatalities", "injured"):
            arg = _d(mention.get(key))
            if arg:
                add(aid, arg.get("sentence"), arg.get("span"), "fact", label(key))
        for actor in _l(mention.get("actors")):
            actor = _d(actor)
            add(aid, actor.get("sentence"), actor.get("span"), "fact", label(actor.get("role")))
    for claim in _l(record.get("claims")):
        claim = _d(claim)
        add(claim.get("article"), claim.get("sentence"), claim.get("span"), "claim", "claim")
    return out


def segments(article: dict[str, Any], marks: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    """Split an article's text into its sentences (each with its anchor id) and the text between.

    A segment is ``{"text", "id", "kind", "why", "parts"}``; ``parts`` split a marked sentence
    into plain runs and the exact value spans (``emph``) inside it.
    """
    text = article.get("text") or ""
    aid = article.get("id")
    sentences = sorted(
        (s for s in _l(article.get("sentences")) if isinstance(s, dict)),
        key=lambda s: (s.get("start") or 0),
    )
    out: list[dict[str, Any]] = []
    pos = 0
    for sent in sentences:
        start, end, index = sent.get("start"), sent.get("end"), sent.get("index")
        if not isinstance(start, int) or not isinstance(end, int) or start < pos or end > len(text):
            continue
        if start > pos:
            out.append({"text": text[pos:start], "id": None, "kind": None, "parts": []})
        mark = marks.get(index) if isinstance(index, int) else None
        out.append(
            {
                "text": text[start:end],
                "id": anchor(aid, index),
                "kind": mark["kind"] if mark else None,
                "why": ", ".join(mark["why"]) if mark else "",
                "parts": _emphasis(text, start, end, mark["spans"]) if mark else [],
            }
        )
        pos = end
    if pos < len(text):
        out.append({"text": text[pos:], "id": None, "kind": None, "parts": []})
    return out


def _emphasis(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """Runs of a sentence, with the value spans inside it emphasised (the first of overlaps wins)."""
    inside = sorted({(s, e) for s, e in spans if start <= s < e <= end and (s, e) != (start, end)})
    parts: list[dict[str, Any]] = []
    pos = start
    for s, e in inside:
        if s < pos:
            continue
        if s > pos:
            parts.append({"text": text[pos:s], "emph": False})
        parts.append({"text": text[s:e], "emph": True})
        pos = e
    if parts and pos < end:
        parts.append({"text": text[pos:end], "emph": False})
    return parts


# --------------------------------------------------------------------------- story


def report_time(article: dict[str, Any]) -> str | None:
    return article.get("published") or None


def timeline_order(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Publication time first; articles without one after them, in the order of ingestion."""

    def key(a: dict[str, Any]) -> tuple[Any, ...]:
        when = report_time(a)
        seq = a.get("seq")
        return (when is None, when or "", seq if isinstance(seq, int) else 0, a.get("ingested_at") or "")

    return sorted(articles, key=key)


def _source_name(article: dict[str, Any]) -> str:
    return article.get("source") or article.get("title") or f"article {str(article.get('id', ''))[:8]}"


def fact_rows(event: dict[str, Any], columns: list[dict[str, Any]], link: str = "") -> list[dict[str, Any]]:
    """One row per fact: status, reconciled value, and each column article's own values.

    ``link`` prefixes sentence anchors (empty on the story page, ``/articles/ID`` elsewhere).
    """
    rows = []
    for fact in _l(event.get("facts")):
        fact = _d(fact)
        by_article: dict[str, list[dict[str, Any]]] = {}
        for rep in _l(fact.get("reports")):
            rep = _d(rep)
            aid = str(rep.get("article"))
            target = f"/articles/{aid}" if link == "article" else ""
            by_article.setdefault(aid, []).append(
                {
                    "value": fmt_value(rep.get("value")),
                    "href": f"{target}#{anchor(aid, rep.get('sentence'))}",
                    "attributed_to": rep.get("attributed_to"),
                    "certainty": rep.get("certainty"),
                }
            )
        rows.append(
            {
                "attribute": fact.get("attribute"),
                "label": label(fact.get("attribute")),
                "status": fact.get("status") or "single_source",
                "value": fmt_value(fact.get("value")),
                "note": fact_note(fact),
                "cells": [by_article.get(str(c.get("id")), []) for c in columns],
            }
        )
    return rows


def _timeline(event: dict[str, Any] | None, ordered: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each report in time order with what it said per attribute and what changed since."""
    said: dict[str, dict[str, list[str]]] = {}
    for fact in _l(_d(event).get("facts")):
        fact = _d(fact)
        for rep in _l(fact.get("reports")):
            rep = _d(rep)
            values = said.setdefault(str(rep.get("article")), OrderedDict()).setdefault(
                str(fact.get("attribute")), []
            )
            shown = fmt_value(rep.get("value"))
            if shown not in values:
                values.append(shown)
    last: dict[str, str] = {}
    out = []
    for n, art in enumerate(ordered, 1):
        items = []
        for attribute, values in said.get(str(art.get("id")), {}).items():
            now = " / ".join(values)
            before = last.get(attribute)
            change = "new" if before is None else ("same" if before == now else "changed")
            items.append({"label": label(attribute), "value": now, "before": before, "change": change})
            last[attribute] = now
        out.append(
            {
                "n": n,
                "article": art,
                "source": _source_name(art),
                "published": fmt_time(art.get("published")),
                "updated": art.get("updated"),
                "ingested": fmt_time(art.get("ingested_at")),
                "changes": items,
            }
        )
    return out


def _claim_groups(
    claims: list[Any], entities: dict[str, dict[str, Any]], articles: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    groups: dict[str, dict[str, Any]] = {}
    for claim in claims:
        claim = _d(claim)
        speaker = _d(claim.get("speaker"))
        ent_id = speaker.get("entity")
        ent = entities.get(str(ent_id)) if ent_id else None
        name = (ent or {}).get("name") or speaker.get("text") or "unattributed"
        key = f"e:{ent_id}" if ent else f"t:{name.lower()}"
        group = groups.setdefault(
            key, {"name": name, "entity": ent_id if ent else None, "forms": [], "claims": []}
        )
        text = speaker.get("text")
        if text and text != name and text not in group["forms"]:
            group["forms"].append(text)
        aid = str(claim.get("article"))
        group["claims"].append(
            {
                **claim,
                "href": f"#{anchor(aid, claim.get('sentence'))}",
                "source": _source_name(articles.get(aid, {"id": aid})),
            }
        )
    return sorted(groups.values(), key=lambda g: (-len(g["claims"]), g["name"].lower()))


def map_view(location: Any) -> dict[str, Any] | None:
    """Where to put the marker: lat/lon and the same point on a 360x180 equirectangular frame."""
    loc = _d(location)
    lat, lon = loc.get("lat"), loc.get("lon")
    if not isinstance(lat, (int, float)) or not isinstance(lon, (int, float)):
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    precision = loc.get("precision")
    return {
        "lat": float(lat),
        "lon": float(lon),
        "x": round(float(lon) + 180, 3),
        "y": round(90 - float(lat), 3),
        "name": fmt_value(loc),
        "label": str(loc.get("name") or ""),
        "precision": PRECISION_LABELS.get(precision, "") if isinstance(precision, int) else "",
        # Leaflet zoom: finer places deserve a closer look.
        "zoom": {1: 11, 2: 9, 3: 6, 4: 4}.get(precision, 5) if isinstance(precision, int) else 5,
    }


def story_view(record: dict[str, Any]) -> dict[str, Any]:
    story = _d(record.get("story"))
    articles = [a for a in _l(record.get("articles")) if isinstance(a, dict)]
    by_id = {str(a.get("id")): a for a in articles}
    events = [e for e in _l(record.get("events")) if isinstance(e, dict)]
    entities = {str(e.get("id")): e for e in _l(record.get("entities")) if isinstance(e, dict)}
    main_id = story.get("main_event")
    main = next((e for e in events if e.get("id") == main_id), None)
    if main is None:
        main = next((e for e in events if not e.get("background")), events[0] if events else None)
    others = [e for e in events if e is not main]
    ordered = timeline_order(articles)
    marks = _marks(record)
    # A big story (wire copies of one event) would make an unreadable table and page: the first
    # reports in time order get columns, the rest are listed, and counted in each fact row.
    shown, rest = ordered[:MAX_COLUMNS], ordered[MAX_COLUMNS:]
    columns = [
        {
            **a,
            "source_name": _source_name(a),
            "segments": segments(a, marks.get(str(a.get("id")), {})),
            "n_marked": len(marks.get(str(a.get("id")), {})),
        }
        for a in shown
    ]
    rows = fact_rows(main, columns) if main else []
    rest_ids = {str(a.get("id")) for a in rest}
    for row, fact in zip(rows, _l(_d(main).get("facts")), strict=False):
        row["more"] = sum(1 for r in _l(_d(fact).get("reports")) if str(_d(r).get("article")) in rest_ids)
    return {
        "story": story,
        "main": main,
        "facts": rows,
        # The store's count (every event of the story) when it gives one, so list and page agree.
        "n_disagreements": story.get("n_disagreements", sum(1 for r in rows if r["status"] == "conflict")),
        "columns": columns,
        "more_articles": [{**a, "source_name": _source_name(a)} for a in rest],
        "n_sources": len({_source_name(a) for a in articles}),
        "timeline": _timeline(main, ordered),
        "claim_groups": _claim_groups(_l(record.get("claims")), entities, by_id),
        "background": others,
        "entities": sorted(entities.values(), key=lambda e: (str(e.get("type")), str(e.get("name")))),
        "map": map_view(main.get("location")) if main else None,
        "duplicates": _l(story.get("duplicates")),
    }


# --------------------------------------------------------------------------- other pages


def _unwrap(record: dict[str, Any], key: str) -> dict[str, Any]:
    inner = record.get(key)
    return inner if isinstance(inner, dict) else record


def event_view(record: dict[str, Any]) -> dict[str, Any]:
    event = _unwrap(record, "event")
    articles = {str(a.get("id")): a for a in _l(record.get("articles")) if isinstance(a, dict)}
    seen: list[str] = []
    for fact in _l(event.get("facts")):
        for rep in _l(_d(fact).get("reports")):
            aid = str(_d(rep).get("article"))
            if aid not in seen:
                seen.append(aid)
    for rep in _l(event.get("reports")):
        aid = str(_d(rep).get("article"))
        if aid not in seen:
            seen.append(aid)
    columns = timeline_order(
        [{**articles.get(a, {"id": a}), "source_name": _source_name(articles.get(a, {"id": a}))} for a in seen]
    )
    return {
        "event": event,
        "facts": fact_rows(event, columns, link="article"),
        "columns": columns,
        "map": map_view(event.get("location")),
        "claims": [_d(c) for c in _l(record.get("claims"))],
    }


def entity_view(record: dict[str, Any]) -> dict[str, Any]:
    entity = _unwrap(record, "entity")
    aliases = _l(record.get("aliases")) or _l(entity.get("aliases"))
    roles = _l(record.get("roles")) or _l(entity.get("roles"))
    events = []
    for ev in _l(record.get("events")):
        ev = ev if isinstance(ev, dict) else {"id": ev}
        # The store says how the entity took part in each event as "involvement".
        involvement = [_d(i) for i in _l(ev.get("involvement"))]
        if not involvement and ev.get("role"):
            involvement = [{"role": ev.get("role"), "status": ev.get("status")}]
        events.append({**ev, "involvement": involvement})
    articles = {str(a.get("id")): a for a in _l(record.get("articles")) if isinstance(a, dict)}
    mentions = []
    for m in _l(record.get("mentions")):
        m = _d(m)
        aid = m.get("article")
        art = articles.get(str(aid), {})
        mentions.append(
            {
                **m,
                "source": m.get("source") or _source_name({**art, "id": aid}) if aid else m.get("source"),
                "href": f"/articles/{aid}#{anchor(aid, m.get('sentence'))}" if aid else None,
            }
        )
    claims = [
        {**_d(c), "href": f"/articles/{_d(c).get('article')}#{anchor(_d(c).get('article'), _d(c).get('sentence'))}"}
        for c in _l(record.get("claims"))
    ]
    return {
        "entity": entity,
        "aliases": aliases,
        "roles": roles,
        "events": events,
        "mentions": mentions,
        "claims": claims,
    }


def article_view(record: dict[str, Any]) -> dict[str, Any]:
    article = _unwrap(record, "article")
    marks = _marks(record).get(str(article.get("id")), {})
    story = record.get("story", article.get("story"))
    # Real records list the article's own event mentions (each pointing at its global event);
    # other shapes may give whole events instead.
    events = [e for e in _l(record.get("event_mentions")) if isinstance(e, dict)]
    events = [{**e, "link": e.get("event")} for e in events] or [
        {**e, "link": e.get("id")} for e in _l(record.get("events")) if isinstance(e, dict)
    ]
    entities = [e for e in _l(record.get("entities")) if isinstance(e, dict)]
    return {
        "article": article,
        "segments": segments(article, marks),
        "events": events,
        "entities": entities,
        "claims": [
            {**_d(c), "href": f"#{anchor(article.get('id'), _d(c).get('sentence'))}"}
            for c in _l(record.get("claims"))
        ],
        "story_id": story if isinstance(story, str) else _d(story).get("id"),
    }


# --------------------------------------------------------------------------- ingest


def documents_from_json(items: list[Any], max_bytes: int) -> tuple[list[RawDocument], list[dict[str, str]]]:
    """JSON articles to RawDocuments; every item that cannot be used becomes a problem line."""
    docs: list[RawDocument] = []
    problems: list[dict[str, str]] = []
    for n, item in enumerate(items):
        origin = f"request[{n}]"
        if not isinstance(item, dict):
            problems.append({"origin": origin, "reason": "not a JSON object"})
            continue
        fields: dict[str, str | None] = {}
        bad = [
            k for k in ("text", "html", "title", "url", "source", "published")
            if item.get(k) is not None and not isinstance(item.get(k), str)
        ]
        if bad:
            problems.append({"origin": origin, "reason": f"field(s) {', '.join(bad)} must be strings"})
            continue
        for key in ("text", "html", "title", "url", "source", "published"):
            fields[key] = item.get(key)
        body = fields["text"] if fields["text"] is not None else fields["html"]
        if body is None or not body.strip():
            problems.append({"origin": origin, "reason": "empty: no 'text' or 'html'"})
            continue
        size = len(body.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            problems.append({"origin": origin, "reason": f"over the size limit ({size} > {max_bytes} bytes)"})
            continue
        if "\x00" in body:
            problems.append({"origin": origin, "reason": "binary content (NUL bytes)"})
            continue
        docs.append(
            RawDocument(
                origin=origin,
                text=fields["text"],
                html=fields["html"] if fields["text"] is None else None,
                title=fields["title"],
                url=fields["url"],
                source=fields["source"],
                published=fields["published"],
            )
        )
    return docs, problems
