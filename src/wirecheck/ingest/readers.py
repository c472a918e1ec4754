"""One reader per input format.  Each turns decoded content into RawDocuments or Problems."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from wirecheck.ingest.dates import normalize_published
from wirecheck.models import Problem, RawDocument
from wirecheck.settings import Settings

Item = RawDocument | Problem

# ---------------------------------------------------------------------------- plain text

# The optional header block of a .txt file: "Key: value" lines at the very top, then a blank
# line.  Only these keys count, and only when every line before the blank line is one of them,
# so an article whose first sentence happens to start "Source:" keeps it.
_HEADER_KEYS = {
    "source": "source",
    "published": "published",
    "date": "published",
    "url": "url",
    "title": "title",
}
_HEADER_LINE = re.compile(r"^\s*([A-Za-z]+)\s*:\s*(\S.*?)\s*$")


def split_header(text: str) -> tuple[dict[str, str], str]:
    """(header fields, body) for a text file; no header gives ({}, text)."""
    fields: dict[str, str] = {}
    pos = 1 if text.startswith("\ufeff") else 0
    while True:
        end = text.find("\n", pos)
        if end < 0:
            return {}, text  # the header must be followed by a blank line and a body
        line = text[pos:end].rstrip("\r")
        if not line.strip():
            break
        match = _HEADER_LINE.match(line)
        key = _HEADER_KEYS.get(match.group(1).lower()) if match else None
        if key is None or key in fields:
            return {}, text
        fields[key] = match.group(2)  # type: ignore[union-attr]
        pos = end + 1
    if not fields:
        return {}, text
    return fields, text[end + 1 :]


def read_text(text: str, origin: str, encoding: str) -> Item:
    header, body = split_header(text)
    if not body.strip():
        return Problem(
            origin, "empty: no text after the header block" if header else "empty file (whitespace only)"
        )
    metadata: dict[str, Any] = {"format": "text", "encoding": encoding}
    published = normalize_published(header.get("published"))
    if header.get("published") and published is None:
        metadata["published_text"] = header["published"]
    return RawDocument(
        origin=origin,
        text=body,
        title=header.get("title"),
        url=header.get("url"),
        source=header.get("source"),
        published=published,
        metadata=metadata,
    )


def read_html(text: str, origin: str, encoding: str) -> Item:
    # Extraction happens in clean: here the page is only kept whole.
    return RawDocument(origin=origin, html=text, metadata={"format": "html", "encoding": encoding})


# ---------------------------------------------------------------------------- JSON


def _scalar(value: Any) -> str | None:
    """A string for a metadata field; {"name": ...}/{"href": ...} objects as feeds nest them."""
    if value is None:
        return None
    if isinstance(value, dict):
        for key in ("name", "title", "href", "url", "value"):
            if isinstance(value.get(key), str):
                return value[key]
        return None
    if isinstance(value, (str, int, float)):
        text = str(value).strip()
        return text or None
    return None


def document_from_object(obj: Any, origin: str, settings: Settings, fmt: str = "json") -> Item:
    """One JSON object to a RawDocument (or a Problem), field names from ``settings.json_fields``.

    Public so that other entry points taking JSON (the web API) read objects the same way.
    """
    if not isinstance(obj, dict):
        return Problem(
            origin, f"not a JSON object (got {type(obj).__name__}); each article must be an object"
        )
    names = {
        ours: settings.json_fields.get(ours, ours)
        for ours in ("text", "html", "title", "url", "source", "published")
    }
    text, html = obj.get(names["text"]), obj.get(names["html"])
    if text is None and html is None:
        return Problem(
            origin,
            f"missing {names['text']!r} field (and no {names['html']!r}); "
            "map another field name with json_fields",
        )
    for key, value in ((names["text"], text), (names["html"], html)):
        if value is not None and not isinstance(value, str):
            return Problem(origin, f"field {key!r} is not a string (got {type(value).__name__})")
    if not (text or "").strip() and not (html or "").strip():
        return Problem(origin, f"empty: field {names['text']!r} holds no text")
    known = set(names.values())
    metadata: dict[str, Any] = {"format": fmt, **{k: v for k, v in obj.items() if k not in known}}
    raw_published = obj.get(names["published"])
    published = normalize_published(raw_published)
    if raw_published not in (None, "") and published is None:
        metadata["published_text"] = raw_published
    use_text = bool((text or "").strip())
    return RawDocument(
        origin=origin,
        text=text if use_text else None,
        html=None if use_text else html,
        title=_scalar(obj.get(names["title"])),
        url=_scalar(obj.get(names["url"])),
        source=_scalar(obj.get(names["source"])),
        published=published,
        metadata=metadata,
    )


def read_json(text: str, origin: str, settings: Settings) -> Iterator[Item]:
    """A .json file: one object, or a list of objects (origins ``path#1``, ``path#2``, ...)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Problem(origin, f"malformed JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")
        return
    if isinstance(data, list):
        if not data:
            yield Problem(origin, "empty: the JSON list holds no articles")
        for index, obj in enumerate(data, start=1):
            yield document_from_object(obj, f"{origin}#{index}", settings, "json")
    else:
        yield document_from_object(data, origin, settings, "json")


def read_jsonl(lines: Iterable[bytes], origin: str, settings: Settings) -> Iterator[Item]:
    """JSON Lines: each line one object; a bad line is one Problem (``path:LINE``), the rest go on."""
    seen = 0
    for number, raw in enumerate(lines, start=1):
        where = f"{origin}:{number}"
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if len(raw) > settings.max_bytes:
            yield Problem(
                where,
                f"too large: the line is {len(raw):,} bytes, over the {settings.max_bytes:,}-byte limit (max_bytes)",
            )
            seen += 1
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield Problem(
                where,
                f"undecodable: the line is not UTF-8 (invalid byte 0x{raw[exc.start]:02x} at column {exc.start + 1})",
            )
            seen += 1
            continue
        if not line.strip():
            continue
        seen += 1
        try:
            obj = json.loads(line.strip())
        except json.JSONDecodeError as exc:
            yield Problem(where, f"malformed JSON line: {exc.msg} (column {exc.colno})")
            continue
        yield document_from_object(obj, where, settings, "jsonl")
    if not seen:
        yield Problem(origin, "empty file (no JSON lines)")


# ---------------------------------------------------------------------------- feeds

_FEED_ROOT = re.compile(r"<(rss|feed|rdf:rdf)\b", re.IGNORECASE)


def is_feed(text: str) -> bool:
    return bool(_FEED_ROOT.search(text[:4096]))


def read_feed(data: bytes, origin: str) -> Iterator[Item]:
    """RSS or Atom: every entry is one document (origins ``path#1``, ``path#2``, ...)."""
    import feedparser  # lazy: only feeds need it

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            yield Problem(origin, f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')})")
        else:
            yield Problem(origin, "empty: the feed has no entries")
        return
    outlet = _scalar(parsed.get("feed", {}).get("title"))
    for index, entry in enumerate(entries, start=1):
        where = f"{origin}#{index}"
        candidates = [(c.get("value") or "", c.get("type") or "") for c in entry.get("content") or []]
        if entry.get("summary"):
            detail = entry.get("summary_detail") or {}
            candidates.append((entry["summary"], detail.get("type") or "text/html"))
        candidates = [c for c in candidates if c[0].strip()]
        if not candidates:
            yield Problem(where, "feed entry has no content or summary")
            continue
        # The full content when the feed carries it, else the summary: the longest one.
        value, kind = max(candidates, key=lambda c: len(c[0]))
        is_html = "html" in kind
        published = None
        for key in ("published_parsed", "updated_parsed"):
            if entry.get(key):
                published = normalize_published(entry[key])
                break
        metadata: dict[str, Any] = {"format": "feed", "html_fragment": is_html}
        if entry.get("id"):
            metadata["id"] = entry["id"]
        if entry.get("author"):
            metadata["author"] = entry["author"]
        yield RawDocument(
            origin=where,
            text=None if is_html else value,
            html=value if is_html else None,
            title=_scalar(entry.get("title")),
            url=_scalar(entry.get("link")),
            source=outlet,
            published=published,
            metadata=metadata,
        )


# ---------------------------------------------------------------------------- sniffing


def sniff(text: str) -> str:
    """The format of content with no telling file name: text, html, json, jsonl, feed or xml."""
    head = text.lstrip("\ufeff \t\r\n")[:4096]
    if head.startswith("{"):
        try:
            json.loads(text)
            return "json"
        except json.JSONDecodeError:
            return "jsonl"
    if head.startswith("["):
        return "json"
    if head.startswith("<"):
        if is_feed(head):
            return "feed"
        if head.startswith("<?xml") and not re.search(r"<html\b", head, re.IGNORECASE):
            return "xml"
        return "html"
    return "text"
