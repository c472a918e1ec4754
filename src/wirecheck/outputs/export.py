"""Whole-database exports: ``json`` (SPEC's object), ``csv`` (one flat row per event), ``acled``.

``write(data, fmt, out)`` takes ``Store.export_data()`` (or the store itself) and writes to an
open text stream.  CSV output uses ``\\n`` line ends; open files with ``newline=""``.

CSV cells that would start a spreadsheet formula (``=``, ``+``, ``-``, ``@``, tab, CR) are
prefixed with ``'`` when they hold text: article text reaches these cells (place and actor names,
notes) and must not run as a formula in whoever opens the file.  Numbers are left alone.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping
from typing import Any, TextIO

from wirecheck.errors import ConfigError
from wirecheck.outputs import _common as c
from wirecheck.outputs import acled

FORMATS = ("json", "csv", "acled")
EXPORT_KEYS = ("articles", "stories", "events", "entities", "claims")

CSV_COLUMNS = (
    "id",
    "story",
    "event_type",
    "sub_event_type",
    "background",
    "date",
    "date_precision",
    "date_text",
    "location",
    "country",
    "iso",
    "admin1",
    "latitude",
    "longitude",
    "location_precision",
    "location_detail",
    "perpetrators",
    "targets",
    "victims",
    "fatalities_low",
    "fatalities_best",
    "fatalities_high",
    "injured_low",
    "injured_best",
    "injured_high",
    "n_reports",
    "n_sources",
    "conflicts",
    "sources",
    "articles",
)


def _data(data: Any) -> Mapping[str, Any]:
    # The architecture table passes the store; the brief passes its export.  Accept both.
    if hasattr(data, "export_data"):
        data = data.export_data()
    if not isinstance(data, Mapping):
        raise ConfigError(f"export needs the store's export_data() dict, got {type(data).__name__}")
    return data


def csv_row(event: Mapping[str, Any], articles: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    date = event.get("date") or {}
    loc = event.get("location") or {}
    fat = event.get("fatalities") or {}
    inj = event.get("injured") or {}
    actors = event.get("actors") or []
    return {
        "id": event.get("id"),
        "story": event.get("story"),
        "event_type": event.get("event_type"),
        "sub_event_type": event.get("sub_event_type"),
        "background": "true" if event.get("background") else "false",
        "date": date.get("value"),
        "date_precision": date.get("precision"),
        "date_text": c.squash(date.get("text")),
        "location": loc.get("name"),
        "country": loc.get("country"),
        "iso": loc.get("iso"),
        "admin1": loc.get("admin1"),
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "location_precision": loc.get("precision"),
        "location_detail": loc.get("detail"),
        "perpetrators": c.fmt_actors(actors, "perpetrator"),
        "targets": c.fmt_actors(actors, "target"),
        "victims": c.fmt_actors(actors, "victim"),
        "fatalities_low": fat.get("low"),
        "fatalities_best": fat.get("best"),
        "fatalities_high": fat.get("high"),
        "injured_low": inj.get("low"),
        "injured_best": inj.get("best"),
        "injured_high": inj.get("high"),
        "n_reports": len(event.get("reports") or []),
        "n_sources": len(c.event_sources(event, articles)),
        "conflicts": "; ".join(c.conflicts(event)),
        "sources": "; ".join(c.event_sources(event, articles)),
        "articles": "; ".join(c.event_articles(event)),
    }


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _write_csv(rows: list[Mapping[str, Any]], columns: tuple[str, ...], out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for r in rows:
        writer.writerow([_cell(r.get(col)) for col in columns])


def write(data: Any, fmt: str, out: TextIO, *, now: int | None = None) -> None:
    """Write the export in ``fmt`` (json, csv, acled) to ``out``.

    ``now`` (epoch seconds) fixes the ACLED ``timestamp`` column; default is the current time.
    """
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    data = _data(data)
    if fmt == "json":
        json.dump(
            {key: data.get(key) or [] for key in EXPORT_KEYS}, out, ensure_ascii=False, indent=2, default=str
        )
        out.write("\n")
    elif fmt == "csv":
        articles = {str(a.get("id")): a for a in data.get("articles") or []}
        _write_csv([csv_row(ev, articles) for ev in data.get("events") or []], CSV_COLUMNS, out)
    else:
        _write_csv(acled.rows(data, now=now), acled.COLUMNS, out)
