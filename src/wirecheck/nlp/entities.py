"""Entities and their aliases inside one article.

spaCy's NER gives the raw mentions; the rules here correct and connect them:

- acronyms defined in parentheses ("Popular Front (PF)") or matching a long form's initials;
- aliases introduced with "– or Y –", "known as Y";
- surnames and "Mr/Dr X" merge back into the full name; ranks and titles come off the name and
  roles ("press secretary", "a spokesperson for the council") are kept on the person;
- spelling variants (-isation/-ization, singular/plural head) merge;
- country names, abbreviations and "<demonym> government" merge into one entity with its ISO code;
- PERSON spans holding an organisation word ("... Brigade", "... militia") become ORG.

Word lists live in ``data/entities.toml``.
"""

from __future__ import annotations

import bisect
import functools
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from wirecheck.models import EntityMention, LocalEntity, Sentence

KEPT_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
_CONNECTORS = {"of", "the", "for", "and", "in", "on", "de", "du", "des", "la", "le", "&", "al", "el"}


@functools.cache
def lexicon() -> dict[str, Any]:
    data = tomllib.loads(resources.files("wirecheck.data").joinpath("entities.toml").read_text("utf-8"))
    data["org_words"] = set(data["org_words"])
    data["honorifics"] = set(data["honorifics"])
    data["rank_titles"] = sorted(data["rank_titles"], key=lambda s: -len(s))
    data["role_words"] = set(data["role_words"])
    data["role_modifiers"] = set(data["role_modifiers"])
    data["group_speaker_nouns"] = set(data["group_speaker_nouns"])
    data["state_nouns"] = set(data["state_nouns"])
    return data


# ----------------------------------------------------------------------------- countries


@functools.cache
def _gazetteer() -> Any | None:
    try:
        from wirecheck.nlp.places import get_gazetteer
    except ImportError:  # places is written separately; without it countries stay unresolved
        return None
    try:
        return get_gazetteer()
    except Exception:  # a broken gazetteer must not stop entity finding
        return None


@functools.cache
def country_of(name: str) -> tuple[str, str] | None:
    """(ISO code, country name) when ``name`` is a country, its abbreviation or demonym."""
    gaz = _gazetteer()
    if gaz is None:
        return None
    cleaned = name.strip().removeprefix("the ").removeprefix("The ")
    if re.fullmatch(r"[A-Z]{2}", cleaned) and not gaz.is_country_word(cleaned):
        return None  # "LA", "GA", "PA": a state's or a city's initials in prose, no country's ISO code
    for candidate in (cleaned, cleaned.replace(".", "")):
        try:
            place = gaz.country(candidate)
        except Exception:
            place = None
        if place is not None and place.iso:
            return place.iso, place.country or place.name
    return None


# ----------------------------------------------------------------------------- helpers


def normalize_name(name: str) -> str:
    """A spelling-insensitive key: case, "the", -isation/-ization, plural head, punctuation."""
    s = name.lower().replace("’", "'")
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"'s$", "", s)
    s = re.sub(r"is(ation|e|ed|ing)\b", r"iz\1", s)
    s = re.sub(r"our\b", "or", s)
    s = re.sub(r"[.\u2010-\u2015-]", " ", s)
    words = s.split()
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    return " ".join(words)


def initials(name: str) -> str:
    out = []
    for w in re.split(r"[\s]+", name):
        w = re.sub(r"^(al|el|ad|ar|as|an)[-‐]", "", w, flags=re.I)
        if not w or w.lower() in _CONNECTORS:
            continue
        if w[0].isalpha():
            out.append(w[0].upper())
    return "".join(out)


def _is_acronym(text: str) -> bool:
    t = text.replace(".", "")
    return 2 <= len(t) <= 8 and t.isupper() and t.isalpha()


def strip_titles(text: str) -> tuple[str, int, str]:
    """Remove leading honorifics and ranks; return (name, chars removed, title text)."""
    lex = lexicon()
    removed = 0
    titles: list[str] = []
    changed = True
    while changed:
        changed = False
        low = text[removed:].lower()
        for t in [*lex["rank_titles"], *sorted(lex["honorifics"], key=len, reverse=True)]:
            if low.startswith(t + " ") and len(text) - removed > len(t) + 1:
                titles.append(text[removed : removed + len(t)])
                removed += len(t) + 1
                changed = True
                break
    return text[removed:], removed, " ".join(titles)


# ----------------------------------------------------------------------------- mentions


@dataclass(slots=True)
class _Mention:
    text: str
    start: int
    end: int
    label: str
    sentence: int
    country: str | None = None
    country_name: str | None = None
    roles: list[str] = field(default_factory=list)
    links: list[_Mention] = field(default_factory=list)  # mentions it is an alias of


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _sentence_index(sentences: list[Sentence], char: int) -> int:
    """Index of the last sentence starting at or before ``char`` (0 before the first)."""
    pos = bisect.bisect_right(sentences, char, key=lambda s: s.start)
    return sentences[pos - 1].index if pos else 0


_NAME_TOKEN = re.compile(r"^[A-Z][\w'’.-]*$|^(al|el|bin|ibn|abu|abd|van|von|de|da|du|le|la)[-‐]?\w*$")


def _raw_mentions(doc: Any, sentences: list[Sentence]) -> list[_Mention]:
    lex = lexicon()
    text = doc.text
    mentions: list[_Mention] = []
    for ent in doc.ents:
        if ent.label_ not in KEPT_LABELS:
            continue
        start_tok, end_tok = ent.start, ent.end
        label = ent.label_
        # Drop a leading article.
        if doc[start_tok].lower_ == "the" and end_tok - start_tok > 1:
            start_tok += 1
        if label == "PERSON":
            # NER often cuts off the first given name ("..., Karim Abdul Nasser" -> "Abdul Nasser").
            while start_tok > 0:
                prev = doc[start_tok - 1]
                low = prev.lower_
                if (
                    prev.is_title
                    and prev.is_alpha
                    and not prev.is_stop
                    and not prev.is_sent_start
                    and low not in lex["role_words"]
                    and low not in lex["honorifics"]
                    and low not in lex["org_words"]
                    and not any(low == t for t in lex["rank_titles"])
                    and prev.ent_type_ in ("", "PERSON")
                ):
                    start_tok -= 1
                else:
                    break
        span = doc[start_tok:end_tok]
        start, end = span.start_char, span.end_char
        surface = text[start:end]
        if label == "PERSON":
            words = {w.lower().strip(".,") for w in surface.split()}
            if words & lex["org_words"] or _after_article(doc, start_tok):
                label = "ORG"
            else:
                name, cut, _ = strip_titles(surface)
                start += cut
                surface = name
        if label in ("PERSON", "ORG") and _is_acronym(surface) and label == "PERSON":
            label = "ORG"
        if not surface.strip():
            continue
        m = _Mention(surface, start, end, label, _sentence_index(sentences, start))
        # "<demonym> government" denotes the state.
        if label == "NORP" and end_tok < len(doc) and doc[end_tok].lower_ in lex["state_nouns"]:
            found = country_of(surface)
            if found:
                m.end = doc[end_tok].idx + len(doc[end_tok].text)
                m.text = text[m.start : m.end]
                m.label = "GPE"
                m.country, m.country_name = found
        elif label in ("GPE", "ORG", "LOC"):
            found = country_of(surface)
            if found:
                m.label = "GPE"
                m.country, m.country_name = found
            inst = lex["institutions"].get(normalize_name(surface))
            if inst and not m.country:
                m.country = inst
        elif label == "NORP":
            found = country_of(surface)
            if found:
                m.country, m.country_name = found
        mentions.append(m)
    return mentions


def _after_article(doc: Any, start_tok: int) -> bool:
    """True when a name is preceded by "the" (with adjectives between): "the X-backed Ys" is a
    group, not a person."""
    i = start_tok - 1
    while i >= 0 and start_tok - i <= 5:
        tok = doc[i]
        if tok.lower_ == "the":
            return True
        if not (tok.text in ("-", "‐", "–") or (tok.is_alpha and (tok.ent_type_ == "NORP" or tok.is_lower))):
            return False
        if tok.is_lower and not tok.text.endswith(("ed", "-backed")):
            return False
        i -= 1
    return False


_ORG_NAME = None


def _org_word_names(text: str, sentences: list[Sentence], mentions: list[_Mention]) -> None:
    """Capitalised names ending in an organisation word that NER missed ("... Mobilization
    Forces", "... Brigade")."""
    global _ORG_NAME
    if _ORG_NAME is None:
        words = sorted((w for w in lexicon()["org_words"] if len(w) > 2), key=len, reverse=True)
        alt = "|".join(re.escape(w.capitalize()) for w in words)
        _ORG_NAME = re.compile(
            rf"\b((?:(?:[A-Z][\w'’-]+|of|for|the|al-[\w'’-]+)[ \u00a0]+){{0,5}}[A-Z][\w'’-]+[ \u00a0]+(?:{alt}))\b"
        )
    for m in _ORG_NAME.finditer(text):
        start, end = m.span(1)
        # Skip a sentence-initial "The" and possessive "X’s" prefix.
        surface = text[start:end]
        cut = re.match(r"^(?:(?:of|for|the|The)[ \u00a0]+)*(?:[A-Z][\w-]*[’']s[ \u00a0]+)?", surface)
        if cut:
            start += cut.end()
        if any(
            x.start < end and start < x.end and x.label != "GPE" and x.end - x.start >= end - start
            for x in mentions
        ):
            continue
        inside = [x for x in mentions if x.start >= start and x.end <= end]
        for x in inside:
            mentions.remove(x)
        mentions.append(_Mention(text[start:end], start, end, "ORG", _sentence_index(sentences, start)))


_ACRONYM_DEF = re.compile(r"\(\s*([A-Z][A-Za-z0-9&.]{1,9})\s*\)")
_LONG_FORM_WORD = re.compile(r"[A-Z][\w'’-]*|of|the|for|and|in|al-[\w'’-]+|el-[\w'’-]+|&")


def _long_form_before(text: str, end: int) -> tuple[int, int] | None:
    """The capitalised name that ends at ``end`` (for "Long Form (LF)" without an NER span)."""
    head = text[max(0, end - 160) : end]
    words = list(re.finditer(r"[^\s]+", head))
    picked: list[re.Match[str]] = []
    for w in reversed(words):
        if _LONG_FORM_WORD.fullmatch(w.group()):
            picked.append(w)
        else:
            break
        if len(picked) >= 8:
            break
    while picked and not picked[-1].group()[0].isupper():
        picked.pop()
    if not picked:
        return None
    base = max(0, end - 160)
    return base + picked[-1].start(), base + picked[0].end()


def _acronyms(text: str, doc: Any, sentences: list[Sentence], mentions: list[_Mention]) -> None:
    """Attach "(ACR)" definitions and every later standalone use of ACR."""
    defined: dict[str, _Mention] = {}
    for m in _ACRONYM_DEF.finditer(text):
        acr = m.group(1)
        if not _is_acronym(acr):
            continue
        before = m.start()
        while before > 0 and text[before - 1] == " ":
            before -= 1
        owner = next(
            (i for i, x in enumerate(mentions) if x.end == before and x.label not in ("GPE", "NORP")), None
        )
        if owner is None:
            span = _long_form_before(text, before)
            if span is None:
                continue
            # Replace any shorter mentions inside the long form.
            inside = [i for i, x in enumerate(mentions) if x.start >= span[0] and x.end <= span[1]]
            for i in reversed(inside):
                if mentions[i].label not in ("GPE",):
                    del mentions[i]
            mentions.append(
                _Mention(
                    text[span[0] : span[1]], span[0], span[1], "ORG", _sentence_index(sentences, span[0])
                )
            )
            owner = len(mentions) - 1
        elif mentions[owner].label == "PERSON":
            mentions[owner].label = "ORG"
        owner_m = mentions[owner]
        defined[acr] = owner_m
        acr_mention = _Mention(acr, m.start(1), m.end(1), "ORG", _sentence_index(sentences, m.start(1)))
        acr_mention.links.append(owner_m)
        existing = next((x for x in mentions if x.start == m.start(1)), None)
        if existing is not None:
            existing.links.append(owner_m)
            existing.label = "ORG"
        else:
            mentions.append(acr_mention)
    # Acronyms used alone (with or without an NER span).
    for acr, owner_m in defined.items():
        for m in re.finditer(rf"(?<![\w(]){re.escape(acr)}(?![\w)])", text):
            existing = next((x for x in mentions if x.start <= m.start() < x.end), None)
            if existing is not None:
                if existing.text.replace("’s", "").replace("'s", "") == acr:
                    existing.text = acr
                    existing.end = existing.start + len(acr)
                    existing.label = "ORG"
                    existing.links.append(owner_m)
                continue
            new = _Mention(acr, m.start(), m.end(), "ORG", _sentence_index(sentences, m.start()))
            new.links.append(owner_m)
            mentions.append(new)


_ALIAS_AFTER = re.compile(
    r"^\s*(?:[–—]|--|,)\s*(?:or|also known as|better known as|known as|aka|a\.k\.a\.)\s+"
    r"((?:[A-Z][\w'’-]*|al-[\w'’-]+)(?:\s+(?:[A-Z][\w'’-]*|al-[\w'’-]+)){0,3})"
)
_KNOWN_AS = re.compile(
    r"^\s*,?\s*\(?(?:also |better |commonly )?(?:known as|called|dubbed|nicknamed)\s+"
    r"[\"“']?((?:[A-Z][\w'’-]*|al-[\w'’-]+)(?:\s+(?:[A-Z][\w'’-]*|al-[\w'’-]+)){0,3})"
)


def _aliases(text: str, sentences: list[Sentence], mentions: list[_Mention]) -> None:
    for m in list(mentions):
        tail = text[m.end : m.end + 80]
        found = _ALIAS_AFTER.match(tail) or _KNOWN_AS.match(tail)
        if not found:
            continue
        a_start, a_end = m.end + found.start(1), m.end + found.end(1)
        existing = next((x for x in mentions if x.start < a_end and a_start < x.end and x is not m), None)
        if existing is not None:
            existing.links.append(m)
            if existing.label != m.label and m.label in ("PERSON", "ORG"):
                existing.label = m.label
        else:
            new = _Mention(text[a_start:a_end], a_start, a_end, m.label, _sentence_index(sentences, a_start))
            new.links.append(m)
            mentions.append(new)


def _surnames(text: str, sentences: list[Sentence], mentions: list[_Mention]) -> None:
    """Later bare uses of a person's surname that NER missed ("Lind added ...")."""
    # Characters already inside a mention (a mask: the overlap test runs for every hit).
    covered = bytearray(len(text))
    for x in mentions:
        covered[x.start : x.end] = b"\x01" * (x.end - x.start)
    done: dict[str, int] = {}  # surname -> earliest end already searched from
    for m in [x for x in mentions if x.label == "PERSON" and len(x.text.split()) >= 2]:
        surname = m.text.split()[-1]
        if len(surname) < 3 or not surname[0].isupper():
            continue
        if done.get(surname, len(text) + 1) <= m.end:
            continue  # every later hit was already seen from an earlier mention
        done[surname] = m.end
        for hit in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text[m.end :]):
            a, b = m.end + hit.start(), m.end + hit.end()
            if any(covered[a:b]):
                continue
            covered[a:b] = b"\x01" * (b - a)
            mentions.append(_Mention(surname, a, b, "PERSON", _sentence_index(sentences, a)))


@functools.cache
def _role_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = lexicon()
    words = lex["role_words"]
    mods = lex["role_modifiers"]
    role_word_re = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    mod_re = "|".join(sorted((re.escape(w) for w in mods), key=len, reverse=True))
    rank_re = "|".join(re.escape(t) for t in lex["rank_titles"])
    hon_re = "|".join(re.escape(t) for t in sorted(lex["honorifics"], key=len, reverse=True))
    # "Ministry press secretary Maj. Gen. NAME", "council leader NAME".  Capitalised words are
    # matched case-sensitively (they are the organisation), role words in any case.
    sp = r"[ \t\u00a0]+"
    left_re = re.compile(
        rf"((?:(?:[A-Z][\w'’.&-]*|(?i:{mod_re})){sp}){{0,5}}(?i:{role_word_re})){sp}"
        rf"(?:(?i:{rank_re}|{hon_re}){sp})*$"
    )
    # "its deputy head of operations in Kirkuk, NAME"
    left_comma_re = re.compile(
        rf"\b(?i:its|his|her|their|the|a|an){sp}((?:(?i:{mod_re}){sp})*(?i:{role_word_re})"
        rf"(?:{sp}(?:of|for|in|at|to){sp}[\w'’ \u00a0-]+?)?)[ \u00a0]*,[ \u00a0]*$"
    )
    # "NAME, a spokesperson for the council,"
    right_re = re.compile(
        rf"^[ \u00a0]*,[ \u00a0]*(?:a|an|the|its|his|her|their){sp}((?:(?i:{mod_re}){sp})*(?i:{role_word_re})"
        rf"(?:{sp}(?:of|for|in|at|to|with){sp}[^,.;:()“”\"\n]+?)?)[ \u00a0]*(?=[,.;:])"
    )
    return left_re, left_comma_re, right_re


def _roles(text: str, mentions: list[_Mention]) -> None:
    lex = lexicon()
    words = lex["role_words"]
    left_re, left_comma_re, right_re = _role_patterns()
    for m in mentions:
        if m.label != "PERSON":
            continue
        head = text[max(0, m.start - 120) : m.start]
        found = left_comma_re.search(head)
        if found:
            m.roles.append(" ".join(found.group(1).split()))
        else:
            found = left_re.search(head)
            if found:
                role = found.group(1).strip()
                # A role is not a sentence-initial capitalised word alone.
                first = role.split()[0].lower()
                if first in ("the", "a", "an"):
                    role = role.split(" ", 1)[1]
                if role.lower().split()[-1] in words:
                    m.roles.append(" ".join(role.split()))
        found = right_re.match(text[m.end : m.end + 160])
        if found:
            m.roles.append(" ".join(found.group(1).split()))


def _connect(mentions: list[_Mention]) -> _UnionFind:
    uf = _UnionFind(len(mentions))
    position = {id(m): i for i, m in enumerate(mentions)}
    for i, m in enumerate(mentions):
        for other in m.links:
            if id(other) in position:
                uf.union(i, position[id(other)])
    by_key: dict[str, int] = {}
    by_country: dict[str, int] = {}
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    persons: list[int] = []
    orgs: list[int] = []
    for i in order:
        m = mentions[i]
        if m.country and m.label == "GPE":
            if m.country in by_country:
                uf.union(i, by_country[m.country])
            else:
                by_country[m.country] = i
            continue
        key = f"{'P' if m.label == 'PERSON' else 'O'}:{normalize_name(m.text)}"
        if m.label == "NORP":
            key = f"N:{m.country or normalize_name(m.text)}"
        if key in by_key:
            uf.union(i, by_key[key])
        else:
            by_key[key] = i
        if m.label in ("ORG", "GPE") and not m.country and " " not in m.text:
            # A lone capitalised word NER calls ORG that is an earlier person's surname.
            for j in reversed(persons):
                if mentions[j].text.split()[-1].lower() == m.text.lower():
                    m.label = "PERSON"
                    break
        if m.label == "PERSON":
            words = m.text.split()
            # A surname (or a shorter tail of a name) refers back to the last full name.
            for j in reversed(persons):
                full = mentions[j].text.split()
                if len(words) < len(full) and [w.lower() for w in full[-len(words) :]] == [
                    w.lower() for w in words
                ]:
                    uf.union(i, j)
                    break
            persons.append(i)
        elif m.label in ("ORG", "FAC", "LOC") and _is_acronym(m.text):
            for j in orgs:
                if initials(mentions[j].text) == m.text.replace(".", ""):
                    uf.union(i, j)
                    break
        if m.label in ("ORG", "FAC", "LOC") and not _is_acronym(m.text):
            # A long name ending in a shorter one's words names the same body ("the al-X
            # militia" / "X militia").
            for j in orgs:
                a, b = normalize_name(m.text), normalize_name(mentions[j].text)
                if a != b and (a.endswith(" " + b) or b.endswith(" " + a)) and min(len(a), len(b)) > 6:
                    uf.union(i, j)
                    break
            orgs.append(i)
    return uf


_TYPE_RANK = {"GPE": 0, "PERSON": 1, "ORG": 2, "FAC": 3, "LOC": 4, "NORP": 5}


def find_entities(doc: Any, sentences: list[Sentence]) -> list[LocalEntity]:
    """Article-local entities with all their mentions, aliases and roles."""
    text = doc.text
    mentions = _raw_mentions(doc, sentences)
    _org_word_names(text, sentences, mentions)
    _acronyms(text, doc, sentences, mentions)
    _aliases(text, sentences, mentions)
    _surnames(text, sentences, mentions)
    mentions.sort(key=lambda m: (m.start, -m.end))
    _roles(text, mentions)
    uf = _connect(mentions)
    groups: dict[int, list[_Mention]] = {}
    for i, m in enumerate(mentions):
        groups.setdefault(uf.find(i), []).append(m)
    entities: list[LocalEntity] = []
    for members in sorted(groups.values(), key=lambda ms: ms[0].start):
        labels = [m.label for m in members]
        label = min(set(labels), key=lambda lb: (-labels.count(lb) if lb != "ORG" else -999, _TYPE_RANK[lb]))
        if "ORG" in labels and "PERSON" in labels and any(_is_acronym(m.text) for m in members):
            label = "ORG"
        country = next((m.country for m in members if m.country), None)
        country_name = next((m.country_name for m in members if m.country_name), None)
        surfaces = [m.text for m in members]
        non_acr = [s for s in surfaces if not _is_acronym(s)]
        if label == "GPE" and country_name:
            name = country_name
        else:
            name = max(non_acr or surfaces, key=lambda s: (len(s.split()), len(s)))
        aliases: list[str] = []
        for s in surfaces:
            if s != name and s not in aliases:
                aliases.append(s)
        roles: list[str] = []
        for m in members:
            for r in m.roles:
                if r not in roles:
                    roles.append(r)
        key = f"n{len(entities)}"
        entities.append(
            LocalEntity(
                key=key,
                type=label,
                name=name,
                aliases=aliases,
                roles=roles,
                country=country,
                mentions=[EntityMention(key, m.text, m.start, m.end, m.sentence) for m in members],
            )
        )
    return entities


# ----------------------------------------------------------------------------- lookups


def entity_at(entities: list[LocalEntity], start: int, end: int) -> LocalEntity | None:
    """The entity with a mention overlapping [start, end) — the longest overlap wins."""
    best: tuple[int, LocalEntity] | None = None
    for ent in entities:
        for m in ent.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, ent)
    return best[1] if best else None


def add_group(entities: list[LocalEntity], text: str, start: int, end: int, sentence: int) -> LocalEntity:
    """A described, unnamed speaker ("two militia officials") as a GROUP entity."""
    norm = normalize_name(re.sub(r"\s+who\b.*$", "", text))
    for ent in entities:
        if ent.type == "GROUP" and normalize_name(re.sub(r"\s+who\b.*$", "", ent.name)) == norm:
            ent.mentions.append(EntityMention(ent.key, text, start, end, sentence))
            return ent
    key = f"n{len(entities)}"
    ent = LocalEntity(key, "GROUP", text, mentions=[EntityMention(key, text, start, end, sentence)])
    entities.append(ent)
    return ent
