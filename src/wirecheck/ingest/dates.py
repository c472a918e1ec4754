"""Publication dates as they arrive: ISO 8601 from files and the command line, RFC 822 from feeds."""

from __future__ import annotations

import datetime as dt
import email.utils
import time

from wirecheck.errors import ConfigError


def _iso(value: dt.date | dt.datetime) -> str:
    if not isinstance(value, dt.datetime):
        return value.isoformat()
    text = value.isoformat() if value.microsecond else value.isoformat(timespec="seconds")
    # "Z" reads better than "+00:00" and is what most feeds and datasets write.
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def normalize_published(value: object) -> str | None:
    """An ISO 8601 date or datetime string for ``value``, or None when it cannot be read.

    Accepts ISO 8601 dates and datetimes (``2025-03-14``, ``2025-03-14T08:30:00Z``), RFC 822
    dates as feeds write them (``Fri, 14 Mar 2025 08:30:00 GMT``), ``datetime``/``date``
    objects and ``time.struct_time`` (what feedparser gives).  Dates are never guessed from
    free text here: the nlp stage resolves those against the publication date.
    """
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return _iso(value)
    if isinstance(value, time.struct_time):
        return _iso(dt.datetime(*value[:6], tzinfo=dt.UTC))
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if len(text) == 10:
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            pass
    try:
        return _iso(dt.datetime.fromisoformat(text.replace(" ", "T", 1) if len(text) > 10 else text))
    except ValueError:
        pass
    try:
        return _iso(email.utils.parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        return None


def require_published(value: str | None) -> str | None:
    """Check a publication date given by the user (``--published``); raise ConfigError if unreadable."""
    if value is None:
        return None
    iso = normalize_published(value)
    if iso is None:
        raise ConfigError(
            f"--published {value!r} is not an ISO date or datetime; "
            "write it like 2024-01-04 or 2024-01-04T16:03:00Z"
        )
    return iso
