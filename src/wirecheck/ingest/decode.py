"""Bytes to text, with one clear reason when that cannot be done.

Order: a byte-order mark (UTF-8, UTF-16, UTF-32) decides; then strict UTF-8; then, for HTML, a
``charset`` the page declares; then Windows-1252, but only when the result plainly reads as
Western text (sparse accented letters and typographic punctuation).  Anything else is refused
rather than guessed, because a wrong guess silently corrupts every offset downstream.
"""

from __future__ import annotations

import codecs
import re

# Control characters that never occur in text (tab, newline, form feed, carriage return and ESC
# are allowed; ESC shows up in terminal captures).
_CONTROL = set(range(0, 9)) | {11} | set(range(14, 27)) | set(range(28, 32))

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Characters Windows-1252 text plausibly holds beyond ASCII: Latin-1 letters and signs, and the
# typographic punctuation Word and older CMSs write (curly quotes, dashes, ellipsis, euro).
_CP1252_PLAUSIBLE = re.compile(
    r"[\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2022\u2026\u20ac\u2122]"
)

# A charset the document declares: HTML ``<meta charset>`` or an XML declaration's ``encoding``.
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)


class DecodeFailure(Exception):
    """Internal: why bytes could not become text (the message is the Problem reason)."""


def looks_binary(head: bytes) -> str | None:
    """A reason if ``head`` (the first few KiB) is not text, else None."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None  # UTF-16 text is full of NUL bytes; its BOM says so
    if b"\x00" in head:
        return "binary file (contains NUL bytes), not text"
    if head:
        controls = sum(1 for b in head if b in _CONTROL)
        if controls / len(head) > 0.02:
            return "binary file (control bytes), not text"
    return None


def _plain_cp1252(data: bytes) -> str | None:
    """Decode as Windows-1252 only when nobody would read it otherwise."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    high = [ch for ch in text if ord(ch) > 127]
    if not high or len(high) / len(text) > 0.05:
        return None
    if any(not _CP1252_PLAUSIBLE.match(ch) for ch in high):
        return None
    # Runs of three or more high characters are what double-byte encodings (Shift-JIS, GBK,
    # EUC-KR) and doubly-encoded UTF-8 look like through a single-byte lens.
    if re.search(r"[^\x00-\x7f]{3,}", text):
        return None
    return text


def decode_bytes(data: bytes, *, markup: bool = False) -> tuple[str, str]:
    """(text, encoding) for ``data``; raises DecodeFailure with the reason."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise DecodeFailure(
                    f"undecodable: starts with a {encoding} byte-order mark but is not {encoding} ({exc.reason})"
                ) from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = f"invalid byte 0x{data[exc.start]:02x} at offset {exc.start}"
    tried = "UTF-8"
    if markup:
        match = _DECLARED_CHARSET.search(data[:4096])
        if match:
            declared = (match.group(1) or match.group(2)).decode("ascii", "replace").lower()
            try:
                return data.decode(declared), codecs.lookup(declared).name
            except (LookupError, UnicodeDecodeError):
                tried += f", declared charset {declared}"
    text = _plain_cp1252(data)
    if text is not None:
        return text, "cp1252"
    raise DecodeFailure(
        f"undecodable: not UTF-8 ({utf8_error}); tried {tried} and Windows-1252, "
        "which does not read plainly either; re-save the file as UTF-8"
    )
