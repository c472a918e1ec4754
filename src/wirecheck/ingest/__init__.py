"""Ingest: read articles from files, folders, globs and stdin into :class:`RawDocument` objects.

``iter_documents(paths, settings)`` yields a ``RawDocument`` for every article it can read and a
``Problem`` (origin + one-line reason) for everything it cannot; it never raises for a bad file,
so one bad input never stops a batch.

Formats, chosen by file name:

- ``.txt`` (and ``.md`` or any other name given explicitly): plain text.  The file may open with
  a header block, ``Key: value`` lines followed by one blank line::

      Source: Tigris Wire
      Published: 2025-03-14T08:30:00Z
      URL: https://example.org/story

  Keys are ``Source``, ``Published`` (or ``Date``), ``URL`` and ``Title``; the block counts only
  when every line before the first blank line is such a key, and it is removed from the text.
- ``.html`` / ``.htm``: the page is kept whole in ``RawDocument.html``; clean extracts it.
- ``.jsonl`` (``.ndjson``, ``.jsonl.gz``): one JSON object per line; a bad line becomes a Problem
  named ``path:LINE`` and the other lines go on.  The size limit applies per line.
- ``.json``: one object or a list of objects (origins ``path#1``, ``path#2``, ...).
  Objects carry ``text`` (or ``html``), ``title``, ``url``, ``source``, ``published``; the field
  names are read from ``settings.json_fields``, so other layouts map without code.
- RSS/Atom (``.xml``, ``.rss``, ``.atom``, or sniffed): each entry is a document (content, else
  summary; HTML fragments go to ``html`` with ``metadata["html_fragment"]``).
- ``-``: standard input, sniffed: JSON Lines, JSON, a feed, HTML, or plain text.
- Folders are read recursively in sorted order, skipping dotfiles and files whose suffix is not
  one of the article formats above (so a README.md in a folder is not an article).  Globs
  (``examples/*.txt``, ``data/**/*.jsonl``) expand in sorted order likewise.

``source`` and ``published`` arguments override what files say, for every document of the run.
Any ``.gz`` file is decompressed first.  Published dates become ISO 8601; a date that cannot be
read is kept as text in ``metadata["published_text"]`` and ``published`` stays None.
"""

from __future__ import annotations

import glob
import gzip
import io
import itertools
import os
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

from wirecheck.ingest.dates import normalize_published, require_published
from wirecheck.ingest.decode import DecodeFailure, decode_bytes, looks_binary
from wirecheck.ingest.readers import (
    Item,
    document_from_object,
    read_feed,
    read_html,
    read_json,
    read_jsonl,
    read_text,
    sniff,
)
from wirecheck.models import Problem, RawDocument
from wirecheck.settings import Settings

__all__ = ["FOLDER_SUFFIXES", "document_from_object", "iter_documents", "normalize_published"]

# Suffix -> format.  ``.md`` is read as text only when named explicitly (folders hold READMEs).
_SUFFIX_FORMAT = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
FOLDER_SUFFIXES = frozenset(s for s in _SUFFIX_FORMAT if s != ".md")
_HEAD = 8192
STDIN = "<stdin>"


def iter_documents(
    paths: Sequence[str],
    settings: Settings,
    *,
    source: str | None = None,
    published: str | None = None,
    stdin: TextIO | BinaryIO | None = None,
) -> Iterator[RawDocument | Problem]:
    """Every document under ``paths`` (files, folders, globs, ``-``), and a Problem per bad input.

    Raises :class:`wirecheck.errors.ConfigError` at once (before reading anything) when
    ``published`` is not an ISO date or datetime; bad files never raise.
    """
    published_iso = require_published(published)
    return _iter(paths, settings, source, published_iso, stdin)


def _iter(
    paths: Sequence[str],
    settings: Settings,
    source: str | None,
    published: str | None,
    stdin: TextIO | BinaryIO | None,
) -> Iterator[RawDocument | Problem]:
    for item in _read_all(paths, settings, stdin):
        if isinstance(item, RawDocument):
            if source is not None:
                item.source = source
            if published is not None:
                item.published = published
        yield item


def _read_all(paths: Sequence[str], settings: Settings, stdin: TextIO | BinaryIO | None) -> Iterator[Item]:
    seen: set[str] = set()
    for target in _expand(paths):
        if isinstance(target, Problem):
            yield target
            continue
        origin, path, explicit = target
        if path is None:
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, settings)
            continue
        key = os.path.realpath(path)
        if key in seen:
            continue  # the same file named twice (a folder and a glob) is read once
        seen.add(key)
        yield from _read_file(path, origin, settings, explicit)


# ---------------------------------------------------------------------------- paths


def _walk(folder: Path) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith("."):
                continue
            path = Path(root) / name
            if _suffix(path) in FOLDER_SUFFIXES:
                found.append(path)
    return sorted(found)


def _expand(paths: Sequence[str]) -> Iterator[tuple[str, Path | None, bool] | Problem]:
    """(origin, path, explicit) per file; path None is stdin.  Problems for what is not there."""
    for raw in paths:
        if raw == "-":
            yield (STDIN, None, True)
            continue
        path = Path(raw)
        if path.is_dir():
            files = _walk(path)
            if not files:
                yield Problem(
                    raw, "folder holds no article files (" + " ".join(sorted(FOLDER_SUFFIXES)) + ")"
                )
            for file in files:
                yield (str(file), file, False)
        elif path.exists():
            yield (raw, path, True)
        elif glob.has_magic(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield Problem(raw, "no files match this pattern")
            wanted = _suffix(Path(raw))
            for match in matches:
                mpath = Path(match)
                if mpath.is_dir():
                    for file in _walk(mpath):
                        yield (str(file), file, False)
                elif _suffix(mpath) in FOLDER_SUFFIXES or _suffix(mpath) == wanted:
                    # A pattern ending in the file's own suffix (notes/*.md) asks for it.
                    yield (match, mpath, True)
        else:
            yield Problem(raw, "no such file or directory")


def _suffix(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return os.path.splitext(name)[1]


def _format_of(path: Path) -> tuple[str | None, bool]:
    """(format or None if the name does not tell, gzip-compressed?)."""
    return _SUFFIX_FORMAT.get(_suffix(path)), path.name.lower().endswith(".gz")


# ---------------------------------------------------------------------------- files


def _os_reason(exc: OSError) -> str:
    return f"cannot read: {exc.strerror.lower()}" if exc.strerror else f"cannot read: {exc}"


def _too_large(size: str, settings: Settings) -> str:
    return f"too large: {size} bytes, over the {settings.max_bytes:,}-byte limit (max_bytes)"


def _read_file(path: Path, origin: str, settings: Settings, explicit: bool) -> Iterator[Item]:
    fmt, compressed = _format_of(path)
    try:
        size = path.stat().st_size
        if size == 0:
            yield Problem(origin, "empty file (0 bytes)")
            return
        if fmt == "jsonl":
            yield from _read_jsonl_file(path, origin, settings, compressed)
            return
        # Checked before reading, so a huge file costs nothing.
        if not compressed and size > settings.max_bytes:
            yield Problem(origin, _too_large(f"{size:,}", settings))
            return
        if compressed:
            with gzip.open(path, "rb") as fh:
                data = fh.read(settings.max_bytes + 1)
            if len(data) > settings.max_bytes:
                yield Problem(origin, _too_large(f"more than {settings.max_bytes:,} uncompressed", settings))
                return
        else:
            data = path.read_bytes()
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        yield Problem(origin, f"corrupt gzip file ({exc})")
        return
    except OSError as exc:
        yield Problem(origin, _os_reason(exc))
        return
    yield from _parse(data, origin, settings, fmt or "sniff")


def _read_jsonl_file(path: Path, origin: str, settings: Settings, compressed: bool) -> Iterator[Item]:
    opener = gzip.open if compressed else open
    try:
        with opener(path, "rb") as fh:
            head = fh.peek(_HEAD)[:_HEAD] if hasattr(fh, "peek") else b""
            reason = looks_binary(head)
            if reason:
                yield Problem(origin, reason)
                return
            yield from read_jsonl(fh, origin, settings)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        yield Problem(origin, f"corrupt gzip file ({exc})")
    except OSError as exc:
        yield Problem(origin, _os_reason(exc))


def _parse(data: bytes, origin: str, settings: Settings, fmt: str) -> Iterator[Item]:
    """Decoded content of one file (or stdin) in format ``fmt`` ("sniff" to decide from content)."""
    reason = looks_binary(data[:_HEAD])
    if reason:
        yield Problem(origin, reason)
        return
    try:
        text, encoding = decode_bytes(data, markup=fmt in ("html", "feed", "sniff"))
    except DecodeFailure as exc:
        yield Problem(origin, str(exc))
        return
    if not text.strip("\ufeff \t\r\n\f\v\u00a0"):
        yield Problem(origin, "empty file (whitespace only)")
        return
    if fmt in ("sniff", "feed"):
        sniffed = sniff(text)
        if fmt == "feed" and sniffed != "feed":
            yield Problem(origin, "not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> element)")
            return
        fmt = sniffed
    if fmt == "xml":
        yield Problem(origin, "XML that is not an RSS or Atom feed")
    elif fmt == "text":
        yield read_text(text, origin, encoding)
    elif fmt == "html":
        yield read_html(text, origin, encoding)
    elif fmt == "json":
        yield from read_json(text, origin, settings)
    elif fmt == "jsonl":
        yield from read_jsonl(io.BytesIO(text.encode("utf-8")), origin, settings)
    elif fmt == "feed":
        yield from read_feed(data, origin)


# ---------------------------------------------------------------------------- stdin


def _as_bytes(lines: Iterable[bytes | str]) -> Iterator[bytes]:
    for line in lines:
        yield line.encode("utf-8") if isinstance(line, str) else line


def _rejoin(first: bytes, rest: Iterable[bytes]) -> Iterator[bytes]:
    """Lines of ``first`` followed by ``rest``, mending the line cut at the boundary."""
    pending = b""
    for piece in itertools.chain(io.BytesIO(first), rest):
        pending += piece
        if pending.endswith(b"\n"):
            yield pending
            pending = b""
    if pending:
        yield pending


def _read_stdin(stream: TextIO | BinaryIO, settings: Settings) -> Iterator[Item]:
    raw = getattr(stream, "buffer", stream)  # sys.stdin -> its byte stream
    first = raw.read(settings.max_bytes + 1)
    first = first.encode("utf-8") if isinstance(first, str) else first
    if not first.strip():
        yield Problem(STDIN, "empty input")
        return
    if len(first) <= settings.max_bytes:
        yield from _parse(first, STDIN, settings, "sniff")
        return
    # Too long for one article: only a JSON Lines stream may go on, checked line by line.
    if first.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") and not looks_binary(first[:_HEAD]):
        yield from read_jsonl(_rejoin(first, _as_bytes(raw)), STDIN, settings)
        return
    yield Problem(STDIN, f"too large: more than {settings.max_bytes:,} bytes, over the limit (max_bytes)")
