"""Case restored for texts written all in capitals (wire copy, telex, alert feeds).

spaCy's tagger and entity recogniser learned English from mixed-case text: on "THE ARCE
BATTALION COMMAND HAS REPORTED ..." they find "ARCE BATTALION COMMAND HAS" as an organisation and
miss the people.  :func:`restore_case` gives such a text the case news would print, character
for character the same length, so every offset into it is an offset into the original: the NLP
pass reads the restored copy, the article keeps what the outlet wrote.

The rules, from general knowledge of English orthography (no model, no statistics):

- a word English writes in lower case (a closed-class word, or a word of spaCy's own lemma
  tables -- WordNet's nouns, verbs, adjectives and adverbs -- after its inflection rules) is
  written in lower case, the first word of a sentence capitalised;
- any other word is a name and is capitalised ("Usulutan"); a word of no vowel, or one the
  text gives in brackets after a name ("[FMLN]"), stays an acronym;
- a place the gazetteer knows, a country or a demonym is capitalised word by word ("San
  Miguel", "Salvadoran");
- inside a run of words with no punctuation or function word between them, words that can be
  nouns or adjectives take the capital of a name beside them ("Farabundo Marti National
  Liberation Front", "La Esperanza Farm"), and a run ending in an organisation's head noun
  ("battalion", "front") before an acronym in brackets is the name the acronym stands for;
- a title or rank before a name capitalises the name's words ("President Alfredo Cristiani").

Only a text whose letters are almost all capitals is touched (``shouting``), or, in a normal
text, a stretch of whole sentences in capitals long enough to be no headline, dateline or
caption (``restore_runs``: a TV station's transcript under its story); the rest is returned as
it is.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

# a text is shouting when at least this share of its cased letters are capitals, over at least
# this many letters (a short all-caps headline alone is left to the usual rules)
SHOUT_SHARE = 0.9
MIN_LETTERS = 60

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
# a sentence starts after a full stop, question or exclamation mark, a line break or a
# dateline's dash, once the quotes and brackets are passed
_SENTENCE_START = re.compile(r"(?:^|[.!?]['\"”’)\]]*\s+|\n\s*|--\s*|—\s*|:\s+)[\"“‘'(\[]*$")
_VOWEL = re.compile(r"[AEIOUY]", re.I)
# weekdays and months, whole and abbreviated ("may" only beside a day's number)
_CALENDAR = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec",
})


def _cases(text: str) -> tuple[int, int]:
    """How many capitals and how many small letters ``text`` holds."""
    upper = lower = 0
    for ch in text:
        if ch.isupper():
            upper += 1
        elif ch.islower():
            lower += 1
    return upper, lower


def _loud(upper: int, lower: int) -> bool:
    return upper > 0 and upper >= SHOUT_SHARE * (upper + lower)


def shouting(text: str) -> bool:
    """Whether ``text`` is written (almost) all in capitals."""
    upper, lower = _cases(text)
    return upper + lower >= MIN_LETTERS and _loud(upper, lower)


@dataclass(eq=False)
class Lexicon:
    """English words by part of speech, lower case, and how to find an inflected form's lemma."""

    pos: dict[str, frozenset[str]]  # "noun" / "verb" / "adj" / "adv" -> lemmas
    exceptions: dict[str, dict[str, list[str]]]  # pos -> irregular form -> lemmas
    rules: dict[str, list[tuple[str, str]]]  # pos -> (suffix, replacement)
    closed: frozenset[str]  # function words
    names: frozenset[str] = field(default_factory=frozenset)  # words of organisation names
    titles: frozenset[str] = field(default_factory=frozenset)  # ranks and titles before names

    def tags(self, word: str) -> frozenset[str]:
        """The parts of speech ``word`` (lower case) can be, by the lemma tables."""
        out = set()
        for pos, lemmas in self.pos.items():
            if word in lemmas or any(x in lemmas for x in self.exceptions.get(pos, {}).get(word, ())):
                out.add(pos)
                continue
            for old, new in self.rules.get(pos, ()):
                if old and word.endswith(old) and len(word) > len(old) + 1 and word[: -len(old)] + new in lemmas:
                    out.add(pos)
                    break
        return frozenset(out)

    def common(self, word: str) -> bool:
        return word in self.closed or bool(self.tags(word))


def lexicon_of(language: Any) -> Lexicon | None:
    """The lemma tables of a loaded spaCy pipeline as a :class:`Lexicon`, or None when it has
    none (a blank pipeline): without them every word would look like a name."""
    lookups = _lookups(language)
    if lookups is None:
        return None
    try:
        index = lookups.get_table("lemma_index")
        exc = lookups.get_table("lemma_exc")
        rules = lookups.get_table("lemma_rules")
    except KeyError:  # a lemmatizer of another mode (no WordNet index)
        return None
    from spacy.strings import hash_string

    def table(t: Any, pos: str) -> Any:
        for key in (pos, hash_string(pos)):
            if key in t:
                return t[key]
        return None

    pos_sets: dict[str, frozenset[str]] = {}
    exceptions: dict[str, dict[str, list[str]]] = {}
    rule_lists: dict[str, list[tuple[str, str]]] = {}
    for pos in ("noun", "verb", "adj", "adv"):
        words = table(index, pos)
        if words is None:
            continue
        pos_sets[pos] = frozenset(w for w in words if "_" not in w)
        exceptions[pos] = dict(table(exc, pos) or {})
        rule_lists[pos] = [(str(a), str(b)) for a, b in (table(rules, pos) or [])]
    if not pos_sets:
        return None
    return _with_word_lists(Lexicon(pos_sets, exceptions, rule_lists, frozenset()))


def _lookups(language: Any) -> Any | None:
    """The lemmatizer's lookup tables: the loaded pipe's, else read from the pipeline's folder
    (wirecheck loads its pipeline without the lemmatizer, which it does not otherwise use)."""
    if "lemmatizer" in language.pipe_names:
        return getattr(language.get_pipe("lemmatizer"), "lookups", None)
    path = getattr(language, "path", None)
    folder = path / "lemmatizer" / "lookups" if path is not None else None
    if folder is None or not (folder / "lookups.bin").exists():
        return None
    from spacy.lookups import Lookups

    return Lookups().from_disk(folder)


def _with_word_lists(lex: Lexicon) -> Lexicon:
    from wirecheck.link.names import word_set
    from wirecheck.nlp.entities import lexicon

    words = lexicon()
    closed = set(word_set("stopwords")) | {"de", "del", "la", "las", "los", "el", "y", "da", "do", "du", "van", "von"}
    titles = {t for t in (*words["rank_titles"], *words["honorifics"]) if " " not in t}
    lex.closed = frozenset(closed)
    lex.names = frozenset(w.lower() for w in words["org_words"])
    lex.titles = frozenset(t.rstrip(".") for t in titles)
    return lex


def _stem(word: str) -> tuple[str, str]:
    """The word a clitic hangs on, which decides its case, and the clitic: "country's" ->
    ("country", "s"), "we've" -> ("we", "ve"), "didn't" -> ("did", "t"); "o'neill" stays whole."""
    word = word.replace("’", "'")
    if word.endswith("n't") and len(word) > 3:
        return {"won't": "will", "can't": "can", "shan't": "shall"}.get(word, word[:-3]), "t"
    base, _, clitic = word.partition("'")
    return (base, clitic) if base and clitic in _CLITICS else (word, "")


_CLITICS = frozenset({"s", "ll", "ve", "re", "d", "m"})


@dataclass
class _Tok:
    start: int
    end: int
    low: str
    kind: str = "common"  # "common", "name", "acronym", "closed"
    capital: bool = False
    possessive: bool = False  # "<word>'s": a name ends there


# a stretch of sentences in capitals inside a normal text (a TV station's transcript under its
# story) is restored on its own when it holds this many letters: shorter ones are headlines,
# datelines and captions, which the usual rules read
MIN_RUN_LETTERS = 120
_SENTENCE_END = re.compile(r"(?<=[.!?])[ \t]+|\n+")


def restore_runs(text: str, lex: Lexicon, place: Callable[[str], bool] | None = None) -> str:
    """``text`` with the case restored in each stretch of whole sentences written in capitals
    (same length); the whole of it where it all shouts; unchanged where nothing does."""
    if shouting(text):
        return restore_case(text, lex, place)
    # [start, end, letters] of each run of sentences in capitals
    stretches: list[list[int]] = []
    in_run = False
    cuts = [0, *(m.end() for m in _SENTENCE_END.finditer(text)), len(text)]
    for a, b in itertools.pairwise(cuts):
        upper, lower = _cases(text[a:b])
        if not _loud(upper, lower):
            in_run = False
        elif in_run:
            stretches[-1][1:] = [b, stretches[-1][2] + upper + lower]
        else:
            stretches.append([a, b, upper + lower])
            in_run = True
    for a, b, letters in stretches:
        if letters >= MIN_RUN_LETTERS:
            text = text[:a] + restore_case(text[a:b], lex, place) + text[b:]
    return text


def restore_case(text: str, lex: Lexicon, place: Callable[[str], bool] | None = None) -> str:
    """``text`` with the case news would print (same length); unchanged unless :func:`shouting`."""
    if not shouting(text):
        return text
    toks = []
    for m in _WORD.finditer(text):
        low, clitic = _stem(m.group().lower())
        toks.append(_Tok(m.start(), m.end(), low, possessive=clitic == "s"))
    for t in toks:
        if t.low in _CALENDAR or (t.low == "may" and _dated(text, t)):
            t.kind, t.capital = "closed", True  # "Monday", "Dec", "3 May 90"
        elif t.low in lex.closed:
            t.kind = "closed"
        elif len(t.low) == 1:
            t.kind = "common" if t.low == "a" else "acronym"  # initials, "I"
        elif lex.common(t.low):
            t.kind = "common"
        elif not _VOWEL.search(t.low) or _bracketed(text, t):
            t.kind = "acronym"
        else:
            t.kind = "name"
            t.capital = True
    runs = _runs(text, toks)
    if place is not None:
        _places(text, runs, place)
    for run in runs:
        _names_in_run(run, lex, text)
    _after_titles(text, toks, lex)
    _particles(text, toks)
    lowered = text.lower()
    out = list(lowered) if len(lowered) == len(text) else list(text)
    for t in toks:
        if t.kind == "acronym" and t.low != "a":
            _upper(out, text, t.start, t.end)
        elif t.capital or t.low == "i":
            _upper(out, text, t.start, t.start + 1)
            if t.kind == "name" and re.match(r"[od]['’]\w", t.low):  # "O'Neill", "D'Amato"
                _upper(out, text, t.start + 2, t.start + 3)
    for i, t in enumerate(toks):
        if not _SENTENCE_START.search(text[max(0, t.start - 6) if i else 0 : t.start]):
            continue
        prev = toks[i - 1] if i else None
        if prev is not None and text[prev.end : prev.end + 1] == "." and (len(prev.low) == 1 or prev.low in _ABBREVIATIONS):
            continue  # "U.S. diplomats", "Gen. Ochoa": an abbreviation's point ends no sentence
        _upper(out, text, t.start, t.start + 1)
    return "".join(out)


# words written short with a point that does not end the sentence
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "gen", "col", "maj", "capt", "lt", "sgt", "cpl", "adm", "gov", "sen", "rep",
    "st", "no", "nos", "vs", "approx", "dept", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "ft", "mt", "rev", "prof", "jr", "sr", "inc", "corp", "co", "ltd",
})


def _dated(text: str, t: _Tok) -> bool:
    """"May" as a month: a day's number beside it ("3 MAY", "MAY 3")."""
    return bool(re.search(r"\d[ \t]*$", text[max(0, t.start - 4) : t.start]) or re.match(r"[ \t]*\d", text[t.end : t.end + 3]))


def _upper(out: list[str], text: str, a: int, b: int) -> None:
    """Capitals for ``text[a:b]`` in ``out`` (a letter whose capital is longer stays as given)."""
    for k in range(a, b):
        ch = text[k].upper()
        if len(ch) == 1:
            out[k] = ch


def _bracketed(text: str, t: _Tok) -> bool:
    """A short word alone in brackets or parentheses: an acronym given after the name."""
    return (len(t.low) <= 8 and text[t.start - 1 : t.start] in ("[", "(") and text[t.end : t.end + 1] in ("]", ")"))


def _runs(text: str, toks: list[_Tok]) -> list[list[_Tok]]:
    """Maximal sequences of non-function words with only spaces or hyphens between them."""
    runs: list[list[_Tok]] = []
    cur: list[_Tok] = []
    prev: _Tok | None = None
    for t in toks:
        joined = (prev is not None and not prev.possessive
                  and re.fullmatch(r"[ \t-]+", text[prev.end : t.start]) is not None)
        if t.kind == "closed" or not joined:
            if cur:
                runs.append(cur)
            cur = [] if t.kind == "closed" else [t]
        else:
            cur.append(t)
        prev = t
    if cur:
        runs.append(cur)
    return runs


def _places(text: str, runs: list[list[_Tok]], place: Callable[[str], bool]) -> None:
    """Capitalise the longest known place names (up to four words) inside each run."""
    for run in runs:
        i = 0
        while i < len(run):
            for n in range(min(4, len(run) - i), 0, -1):
                span = run[i : i + n]
                phrase = " ".join(w.low.capitalize() for w in span)
                if place(phrase):
                    for w in span:
                        w.capital = True
                    i += n
                    break
            else:
                i += 1


def _names_in_run(run: list[_Tok], lex: Lexicon, text: str) -> None:
    """Words of a name beside a name take its capital.

    A run with a name (or a known place) and an organisation's head noun after it is one name
    from the first to the head noun ("Farabundo Marti National Liberation Front", "Usulutan
    Department"); a run ending in a head noun before an acronym in brackets is the acronym's name
    ("Armed Forces Press Committee [COPREFA]"); otherwise a noun or adjective right beside a
    name joins it ("La Esperanza Farm", "Jose Marti")."""
    end = run[-1].end
    defined = bool(re.match(r"\s*[\[(][A-Z]{2,8}[\])]", text[end : end + 12]))
    if len(run) >= 2 and defined and run[-1].low in lex.names and all(_nominal(t, lex) for t in run):
        for t in run:
            if t.kind != "acronym":
                t.capital = True
        return
    named = [k for k, t in enumerate(run) if t.capital]
    if not named:
        return
    heads = [k for k, t in enumerate(run) if t.low in lex.names and k > named[0]]
    if heads and all(_nominal(t, lex) for t in run[named[0] : heads[-1] + 1]):
        for t in run[named[0] : heads[-1] + 1]:
            if t.kind != "acronym":
                t.capital = True
        return
    # a noun that can be nothing else, right after a name, ends it ("Esperanza Farm" no; "Chichontepec
    # Volcano", "Santa Elena Jurisdiction" yes): a word that can be a verb may be the sentence
    # going on ("the Sandinists want ...")
    for k in range(1, len(run)):
        t, left = run[k], run[k - 1]
        if (not t.capital and t.kind == "common" and left.kind == "name" and left.capital
                and lex.tags(t.low) == frozenset({"noun"})):
            t.capital = True


def _nominal(t: _Tok, lex: Lexicon) -> bool:
    """Whether a word can be part of a name: a name, an acronym, a capitalised word, or a word
    that can be a noun or an adjective ("Liberation", "National"; not "said")."""
    if t.kind in ("name", "acronym") or t.capital or t.low in lex.names:
        return True
    return t.kind == "common" and bool(lex.tags(t.low) & {"noun", "adj"})


_PARTICLES = frozenset({"de", "del", "la", "las", "los", "el", "da", "do", "dos", "das", "di", "du", "le", "van", "von"})


def _particles(text: str, toks: list[_Tok]) -> None:
    """A name's particle opens the name after a word of the sentence ("near La Esperanza"),
    stays lower case inside it ("San Luis de la Reina")."""
    for i, t in enumerate(toks):
        if t.low not in _PARTICLES or i + 1 >= len(toks):
            continue
        j = i + 1
        while j < len(toks) and toks[j].low in _PARTICLES:
            j += 1  # "de la"
        nxt = toks[j] if j < len(toks) else None
        before = toks[i - 1] if i else None
        if nxt is not None and nxt.capital and not (before is not None and before.capital and before.low not in _PARTICLES):
            t.capital = True


def _after_titles(text: str, toks: list[_Tok], lex: Lexicon) -> None:
    """A title or rank before a name capitalises itself and the name's words ("President
    Alfredo Cristiani", "Col. Juan Lopez"): up to three words, the last of them one English does
    not otherwise write, with no function word or punctuation between."""
    for i, t in enumerate(toks):
        if t.low not in lex.titles:
            continue
        span: list[_Tok] = []
        prev = t
        for u in toks[i + 1 : i + 4]:
            if u.kind == "closed" or not re.fullmatch(r"\.?[ \t]+", text[prev.end : u.start]):
                break
            span.append(u)
            prev = u
        last = max((k for k, u in enumerate(span) if u.kind == "name"), default=-1)
        if last < 0:
            continue
        t.capital = True
        for u in span[: last + 1]:
            if u.kind != "acronym":
                u.capital = True


def gazetteer_places(lex: Lexicon) -> Callable[[str], bool]:
    """Which title-cased phrases are places to capitalise: a country or a demonym, a place the
    gazetteer knows with a word English does not otherwise write ("San Miguel", "Usulutan"), and
    a place whose words are all English words ("Garrison", "Rifle", "Eastern Region") only as a
    country's, a US state's or a big city's own name ("United States", "Massachusetts",
    "Salvador")."""
    from wirecheck.nlp.places import get_gazetteer

    gaz = get_gazetteer()

    def known(phrase: str) -> bool:
        if gaz.country(phrase) is not None:
            return True
        place = gaz.lookup(phrase)
        if place is None:
            return False
        if not all(lex.common(w) for w in phrase.lower().split()):
            return True
        if place.name.lower() != phrase.lower():
            return False  # an abbreviation's region ("Mass")
        if place.precision == 4 or (place.precision == 3 and place.iso == "US"):
            return True  # a country's, or a US state's, own name ("Massachusetts")
        entry = gaz.entry_of(place) if place.precision == 1 else None
        return entry is not None and entry.population >= _BIG_PLACE

    return known


# a place whose name is also English words is capitalised only from this size
_BIG_PLACE = 100_000


@lru_cache(maxsize=4)
def lexicon_for(language: Any) -> Lexicon | None:
    """:func:`lexicon_of`, built once per loaded pipeline."""
    return lexicon_of(language)


@lru_cache(maxsize=4)
def places_for(lex: Lexicon) -> Callable[[str], bool]:
    """:func:`gazetteer_places`, built once per lexicon (its answers memoised)."""
    return lru_cache(maxsize=65536)(gazetteer_places(lex))
