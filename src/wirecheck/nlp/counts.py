"""Count phrases and casualty mentions.

``parse_count`` turns a count phrase ("at least 12", "dozens", "between five and seven") into a
:class:`~wirecheck.models.CountRange`.  Every convention (what "dozens" or "nearly 100" means)
lives in ``data/counts.toml``; this module only applies it.

``find_casualties`` reads one sentence and returns the killed/injured counts it states, each
with its phrase, its span in the article text and the facts a caller needs to aggregate them
(named victims in the clause, the subject, whether the toll is cumulative).  It is rule-based:
a casualty word (``killed``, ``wounded``, ``dead``, ``injuries`` ...) is found first, then its
count is read from the words around it — the object of an active verb ("killed two people"),
the subject of a passive one ("five others were wounded", "a man was shot and killed"), a toll
("the death toll rose to 17") or a noun's count ("17 dead", "no injuries").
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

from wirecheck.clean.text import headline
from wirecheck.models import CountRange, Sentence

__all__ = ["Casualty", "find_casualties", "headline_choice", "headline_toll", "is_tally", "parse_count",
           "parse_number"]


@cache
def _data() -> dict[str, Any]:
    raw = resources.files("wirecheck.data").joinpath("counts.toml").read_text(encoding="utf-8")
    return tomllib.loads(raw)


def _none_if_neg(v: int) -> int | None:
    return None if v < 0 else v


# --------------------------------------------------------------------------- numbers

_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-z]+")


def parse_number(phrase: str) -> int | None:
    """The number at the start of ``phrase``: "17", "1,200", "twenty-three", "two hundred and
    five", "1.5 million", "a dozen", "half a dozen".  None when it does not start with one."""
    value, _ = _leading_number(phrase.lower())
    return value


def _leading_number(p: str) -> tuple[int | None, int]:
    """(value, characters consumed) for the number at the start of lowercased ``p``."""
    data = _data()
    words: dict[str, int] = data["numbers"]
    mults: dict[str, int] = data["multipliers"]
    total = 0.0
    current = 0.0
    seen = False
    end = 0
    pos = 0
    half = False
    while True:
        m = re.compile(r"[\s-]*").match(p, pos)
        gap_end = m.end() if m else pos
        tok_m = _TOKEN.match(p, gap_end)
        if not tok_m:
            break
        tok = tok_m.group(0)
        if tok[0].isdigit():
            if seen and current:  # "12 15" is two numbers, not one
                break
            try:
                current += float(tok.replace(",", ""))
            except ValueError:
                break
        elif tok == "half" and not seen:
            half = True
            pos = tok_m.end()
            continue
        elif tok == "and" and seen:
            # "two hundred and five": "and" only continues a number when a number word follows
            nxt = _TOKEN.match(p, re.compile(r"\s*").match(p, tok_m.end()).end())
            if not nxt or nxt.group(0) not in words or nxt.group(0) in ("a", "an", "no", "none", "both"):
                break
            pos = tok_m.end()
            continue
        elif tok == "dozen":
            current = (current or 1) * 12
        elif tok in mults:
            if not seen:
                break
            current = (current or 1) * mults[tok]
            if mults[tok] >= 1000:
                total += current
                current = 0
        elif tok in words:
            if seen and tok in ("a", "an", "no", "none", "both", "single"):
                break
            if seen and current and words[tok] >= 10 and current % 100 != 0 and current >= 10:
                break  # "twenty thirty" is not one number
            if tok in ("a", "an"):
                # "a" is a number only before "dozen"/"hundred"/"thousand" or a counted noun;
                # the caller decides about nouns, here it counts as one.
                current += 1
            else:
                current += words[tok]
        else:
            break
        seen = True
        pos = end = tok_m.end()
    if not seen:
        return None, 0
    value = total + current
    if half:
        value /= 2
    return round(value), end


# --------------------------------------------------------------------------- count phrases


def _range_for(rule: str, n: int) -> CountRange:
    frac = float(_data()["rules"]["approx_fraction"])
    if rule == "at_least":
        return CountRange(n, n, None)
    if rule == "more_than":
        return CountRange(n + 1, None, None)
    if rule == "nearly":
        return CountRange(max(1, min(n - 1, math.floor(n * (1 - frac)))), None, max(n - 1, 0))
    if rule == "about":
        return CountRange(math.floor(n * (1 - frac)), n, math.ceil(n * (1 + frac)))
    if rule == "up_to":
        return CountRange(min(1, n), None, n)
    if rule == "fewer":
        return CountRange(0, None, max(n - 1, 0))
    if rule == "at_most":
        return CountRange(0, None, n)
    return CountRange(n, n, n)


def _vague(p: str) -> tuple[CountRange, int] | None:
    vague: dict[str, list[int]] = _data()["vague"]
    for key in sorted(vague, key=len, reverse=True):
        if p == key or p.startswith(key + " "):
            low, best, high = vague[key]
            return CountRange(low, _none_if_neg(best), _none_if_neg(high)), len(key)
    return None


_RANGE = re.compile(r"^(?:between\s+)?(?P<a>.+?)\s*(?:\bto\b|\bor\b|\band\b|-|–|—)\s*(?P<b>.+)$")


def parse_count(phrase: str) -> CountRange | None:
    """The interval a count phrase denotes, or None when the phrase holds no count.

    Conventions (all in ``data/counts.toml``): "two" -> [2,2]; "at least N" -> [N,inf) best N;
    "more than N"/"over N" -> [N+1,inf) best None; "nearly N" -> [0.9N, N-1] best None;
    "about N" -> [0.9N, 1.1N] best N; "up to N" -> [1,N]; "dozens" -> [24,inf) best 24;
    "several"/"a number of" -> [3,inf) best None; "N to M"/"between N and M" -> [N,M] best None;
    "a"/"an"/"one" -> [1,1]; "no one"/"none" -> [0,0].  Words after the count ("people",
    "others") are ignored.
    """
    p = re.sub(r"\s+", " ", phrase.strip().lower()).strip(" .,;:")
    if not p:
        return None
    if p.startswith("a total of "):
        p = p[len("a total of ") :]
    # ranges first: "between five and seven", "12 to 15", "two or three"
    m = _RANGE.match(p)
    if m and not p.startswith(("no ", "none")):
        a, a_len = _leading_number(m.group("a"))
        b, _ = _leading_number(m.group("b"))
        if a is not None and b is not None and a_len == len(m.group("a")) and b > a and m.group("a") not in ("a", "an"):
            return CountRange(a, None, b)
    modifiers: dict[str, str] = _data()["modifiers"]
    for key in sorted(modifiers, key=len, reverse=True):
        if p.startswith(key + " "):
            rest = p[len(key) + 1 :]
            n, used = _leading_number(rest)
            if n is not None and used:
                return _range_for(modifiers[key], n)
            v = _vague(rest)
            if v is not None:
                r = v[0]
                if modifiers[key] == "more_than":
                    return CountRange(r.low + 1 if r.high is not None else r.low, None, None)
                if modifiers[key] == "at_least":
                    return CountRange(r.low, r.best, None)
                return r
            if key == "some":  # bare "some" is vague, not "about"
                break
            return None
    v = _vague(p)
    if v is not None:
        return v[0]
    n, used = _leading_number(p)
    if n is None:
        return None
    return CountRange(n, n, n)


# --------------------------------------------------------------------------- casualties


@dataclass(slots=True)
class Casualty:
    """A killed/injured count stated in one sentence.

    ``kind`` is "killed", "injured", or "casualties" when the text does not separate them
    ("12 casualties": the caller decides what to do with it).  ``range`` already includes
    the named victims when the count says "other(s)" beside them ("killed X, along with at
    least one other official" -> [2, inf) best 2, ``victims_named`` 1).  ``cumulative`` marks a
    running or war total ("since October", "so far", "in the war"); whether it is background is
    the caller's call.  Offsets index the article text.
    """

    kind: str
    range: CountRange
    phrase: str
    start: int
    end: int
    victims_named: int = 0
    subject: str | None = None
    cumulative: bool = False
    trigger: str = ""
    # the subject refers back to someone already known ("he", "the victim", a name), so two such
    # mentions may be one person; an indefinite one ("a man", "two others") introduces people
    definite: bool = False
    # a weak sign of a casualty: "was shot", "found with a gunshot wound", "shot him": the person
    # was hurt unless the article says they died (see :func:`aggregate`)
    weak: bool = False
    # people beside those of other mentions: "another man was wounded", "a second victim died",
    # "the homeowner was also shot" (see :func:`aggregate`)
    additional: bool = False
    # the names of the victims the phrase names ("Jane Doe, 23, was killed"), for telling apart
    # mentions of different people
    names: tuple[str, ...] = ()
    # the mention gives the count of the whole event: "two people were killed", "1 dead",
    # "Officer, suspect injured" (see :func:`aggregate`)
    stated: bool = False
    # the count is that of a group told of before ("the two hikers were flown to a clinic,
    # where they died"): it repeats, it does not state, the event's count
    refers_back: bool = False
    # the sentence tells that the person lives ("was also shot and is expected to recover", "is
    # in stable condition"): none of the dead (see :func:`aggregate`)
    alive: bool = False


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _tally_patterns() -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in _data()["tally"]["patterns"]]


def is_tally(text: str) -> bool:
    """Whether a sentence totals several incidents or a period ("nine hurt in four shootings this
    weekend"): its figures are a statistic, not one event's toll (``[tally]`` in counts.toml)."""
    return any(p.search(text) for p in _tally_patterns())


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    d = _data()
    cas = d["casualty"]
    numwords = [w for w in d["numbers"] if w not in ("a", "an", "no", "none", "single")]
    num = (
        r"(?:(?:\d{1,3}(?:,\d{3})+(?![\d])|\d+(?:\.\d+)?(?![\d])(?!,\d))(?:\s+(?:hundred|thousand|million))?"
        rf"|(?:half\s+)?an?\s+dozen|(?:{_alt(numwords)})(?:[\s-]+(?:and\s+)?(?:{_alt(numwords + list(d['multipliers']))}))*)"
        r"(?![\w-]*-(?:year|month|week|day|hour|minute|foot|inch|mile|caliber|calibre)\b)"
        # an age, not a count: "a 17 year old male", "a 12 year-old"
        r"(?![\s-]+(?:years?|months?|weeks?|days?)[\s-]+old\b)"
        # a year, not a count: "the 2014 killing", "since 2015"
        r"(?!(?<=(?<![\d,])(?:19|20)\d\d)(?!\s+(?:people|persons|civilians|others|were|are|have)\b))"
        r"(?!%|\s*percent|-?\s*(?:mm|millimet)|:\d|\s*[ap]\.?m\b)"
    )
    vague = _alt([k for k in d["vague"] if k not in ("no", "some")])
    mods = _alt(list(d["modifiers"]))
    count = rf"(?:(?:a\s+total\s+of\s+)?(?:(?:{mods})\s+)?(?:(?:between\s+)?{num}(?:\s*(?:to|or|and|-|–)\s*{num})?|{vague}))"
    nouns = _alt(cas["person_nouns"])
    adj = r"(?:[a-z0-9]+(?:-[a-z0-9]+)*\s+)"
    be = r"(?:were|was|are|is|have\s+been|has\s+been|had\s+been|been|being|got|remain|remained|remains|later|also|all|reportedly|allegedly|initially|then|both|still)"
    adv = r"(?:\w+ly)"
    trig_killed = _alt(cas["killed"])
    trig_injured = _alt(cas["injured"])
    trig_amb = _alt(cas["ambiguous"])
    # "the clerk was struck in her left hip", "a cook was hit twice in the ankle": read like "was shot"
    # (and "the cook was struck by the rounds", "hit by one of the pellets", "hit with a bullet")
    hit_in = (
        rf"(?:{_alt(cas['hit_verbs'])})\s+(?:(?:once|twice)\s+)?(?:in\s+(?:the|his|her|their)\s+(?:(?:left|right|upper|lower)\s+)?"
        rf"(?:{_alt(cas['hit_body_parts'])})|(?:by|with)\s+(?:the\s+|a\s+|one\s+of\s+the\s+)?(?:stray\s+)?(?:{_alt(cas['hit_by'])}))"
    )
    return {
        "trigger": re.compile(
            rf"(?<![\w-])(?P<k>{trig_killed})(?![\w-])|(?<![\w-])(?P<i>{trig_injured})(?![\w-])|(?<![\w-])(?P<a>{trig_amb})(?![\w-])|(?<![\w-])(?P<w>{_alt(cas['weak_injured'])}|{hit_in})(?![\w-])",
            re.I,
        ),
        # count + (other) + (adjs) + (noun) [+ appositive] + (be) + (adv) + (shot and) + END
        "left": re.compile(
            # after a comma a bare number is an age ("Doe, 23, was shot") and "a man" an appositive
            # ("Doe, a local man, was shot"); a number word or a number before a person noun is a
            # count ("On Sunday, three people were shot")
            # a number glued to a colon is a clock or a video's length ("2:07 Grocer shot"), no count
            rf"(?<![\w$.,:-])(?:(?<!(?<!dead|lled|ured|nded|hurt|shot),\s)|(?=(?!(?:an?|the)\b)[a-z])|(?=\d+\s+(?:{nouns})\b))(?<!\bof\s)(?P<count>{count}|\ban?\b|\bno(?:\s+one)?\b|\bnobody\b|\bnone\b)"
            # "two of whom", "one of them": after a bare count the space before "of" is the one
            # the count's own "\s+" took
            # "another three, including a nurse, were hurt": the appositive right after the count
            rf"(?P<rest>(?:\s+|(?=,\s*including\b))(?:(?:other|more|additional|others)\s+)?(?P<noun>{adj}{{0,2}}?(?:{nouns})\b)?(?:(?:\s+|(?<=\s))(?:of\s+)?(?:other|others|more|whom|them))?"
            rf"(?:\s*,[^,;]{{1,60}},)?,?(?:\s+(?:who|that|which))?(?:\s*(?<!\S){be}){{0,3}}(?:\s+{adv})?(?:(?:\s+|(?<=\s))(?:shot|stabbed|struck|hit|beaten|run\s+over)(?:\s+\w+){{0,2}}?\s*,?\s*(?:and|but)?)?(?:\s+(?:later|then|subsequently|eventually))?)\s*$",
            re.I,
        ),
        "right": re.compile(
            rf"^\s+(?P<count>{count}|\ban?\b)(?P<rest>(?:\s+(?:other|more|additional|others))?(?:\s+(?P<noun>{adj}{{0,2}}?(?:{nouns})\b))?)"
            r"(?=\s*(?:$|[,.;:)\"”']|and\b|in\b|on\b|at\b|when\b|as\b|during\b|while\b|after\b|before\b|near\b|inside\b|outside\b|including\b|among\b|with\b|from\b|across\b|overnight\b|since\b|so\s+far\b|over\b|across\b|by\b|early\b|late\b|last\b|this\b|yesterday\b|today\b|monday|tuesday|wednesday|thursday|friday|saturday|sunday))",
            re.I,
        ),
        "toll": re.compile(
            rf"^\s*toll\b(?:\s+\w+){{0,4}}?\s+(?:rose|climbed|risen|increased|jumped|stands|stood|was|is|reached|hit|has\s+risen|had\s+risen|rises|climbs)\s+(?:to\s+|at\s+)?(?P<count>{count})",
            re.I,
        ),
        "named_other": re.compile(
            rf"^\s+(?:(?:[A-Z][\w.'’-]*|[a-z]+)\s+){{0,4}}?(?P<name>(?:[A-Z][\w'’.-]*|al-[A-Z][\w'’-]*|bin|ibn|de|van|von)(?:\s+(?:[A-Z][\w'’.-]*|al-[A-Z][\w'’-]*|bin|ibn|de|van|von)){{0,5}})"
            rf"(?:\s*,[^,;]{{1,80}})?,?\s+(?:along\s+with|and|as\s+well\s+as|together\s+with|plus)\s+(?P<count>{count}|\ban?\b)\s+(?P<other>others?)\b(?:\s+(?P<noun>(?i:{adj}){{0,2}}?(?:{nouns})\b))?",
        ),
        "cumulative": re.compile(rf"(?<!\w)(?:{_alt(cas['cumulative'])})(?!\w)", re.I),
    }


# the subject of "was shot and killed": a named person, a pronoun, or an indefinite singular
_BE_BEFORE = re.compile(
    r"\b(?P<be>was|were|is|are|has\s+been|have\s+been|had\s+been)\b(?:\s+\w+ly)?"
    r"(?:\s+(?:found|discovered|left|later|reportedly|allegedly|also|then))?(?:\s+\w+ly)?"
    r"(?:\s+(?:shot|stabbed|struck|hit|beaten|gunned)(?:\s+\w+){0,3}?\s*,?\s*(?:and|but)?)?(?:\s+(?:later|then|subsequently))?\s*$",
    re.I,
)
_AND_BEFORE = re.compile(r"(?:,\s*|\s+)(?:and|but)\s+(?:\w+ly\s+|later\s+|then\s+)?$", re.I)
# a person-like name; it may follow a lowercase letter because some crawled texts glue the
# headline to the first sentence ("...TimesJane Doe, 24, died")
_NAME = re.compile(
    r"(?<![A-Z])[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?(?:\s+(?:Jr\.|Sr\.|[A-Z]\.|[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?|al-[A-Z]\w+|III|II)){1,3}"
)
# definite singular subjects: "the woman was hospitalized" -> one person
_SINGULAR = (
    "man|woman|boy|girl|child|teen|teenager|victim|person|officer|driver|passenger|resident|"
    "student|baby|infant|toddler|suspect|gunman|mother|father|son|daughter|wife|husband|brother|"
    "sister|deputy|trooper|soldier|clerk|employee|worker|guard|bystander|pedestrian|youth|juvenile|male|female|"
    "owner|customer|patron|friend|neighbor|neighbour|cousin|uncle|aunt|nephew|niece|grandmother|grandfather|"
    "girlfriend|boyfriend|fiancee|fiance|roommate|teenage\\s+boy|teenage\\s+girl|shooter|robber|homeowner|"
    "cashier|bartender|waitress|waiter|security\\s+guard|policeman|cop|agent|inmate|motorist|cyclist|"
    "jogger|pastor|teacher|nurse|doctor|veteran|rapper|singer|player|coach|athlete|individual|"
    # the general singular person nouns of the lexicon ("the courier", "a partygoer")
    + "|".join(re.escape(n) for n in _data()["casualty"]["singular_nouns"])
)
# one person, indefinite or definite: "a 29-year-old man", "the store owner", "a 13-year-old"
# (an age may be written without its hyphens),
# "her 40-year-old cousin" (a possessive stands where "the" does)
_ONE_PERSON = re.compile(
    # "Doe's 9-year-old niece": a name's possessive stands where "the" does too
    rf"(?:\b(?:the|this|that|a|an|another|one|his|her|their)|(?<![\w’'-])(?-i:[A-Z][a-z]+)['’]s?)\s+(?:[\w’'-]+\s+){{0,4}}?"
    rf"(?P<noun>{_SINGULAR}|(?:\d+|[a-z]+)[\s-]year[\s-]old(?:\s+(?:{_SINGULAR}))?)\s*(?:,[^,;]{{1,60}},)?\s*$",
    re.I,
)
_OTHER_COUNT_BEFORE = re.compile(r"\b(?:the\s+other|another)\s+$", re.I)
# "... and another [wounded]", "one man died and another was hurt": "another" with no noun
_ANOTHER_BEFORE = re.compile(r"(?:,\s*|\s+)(?:and|while)\s+(?P<w>another)\s+(?:(?:was|is|got)\s+)?(?:\w+ly\s+)?$", re.I)
# the object of an active verb that hurt one person: "wounded a 30-year-old man", "injured his
# brother"
_ONE_OBJECT = re.compile(
    rf"\s+(?:a|an|the|his|her|their|another|one)\s+(?:[\w’'-]+\s+){{0,3}}?"
    rf"(?P<noun>{_SINGULAR}|(?:\d+|[a-z]+)[\s-]year[\s-]old(?:\s+(?:{_SINGULAR}))?)\b(?![\w'’-])",
    re.I,
)
# --------------------------------------------------------------------------- lists of victims
# "three children and two adults", "a woman and her nine-year-old nephew", "her uncle and
# 8-year-old niece", "Allen, Daniels and Williams": the parts of a list of victims are counted
# one by one and summed.  An age ("a 17 year old", "the 13-year-old") is a person, never a count.
_AGE = r"(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)(?:\s*-\s*|\s+)(?:years?|months?|weeks?|days?)(?:\s*-\s*|\s+)old"
# a count that is no age ("17 year old") and no year ("the 2014 killing")
_NOT_AGE = r"(?![\s-]+(?:years?|months?|weeks?|days?)[\s-]+old\b)"


@cache
def _conjunct_parts() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(one part of a victim list, a whole list of two or more parts)."""
    d = _data()
    co = d["coordination"]
    nouns = sorted(set(d["casualty"]["person_nouns"]) | set(co["extra_nouns"]) | set(_SINGULAR.replace("\\s+", " ").split("|"))
                   | set(co["animals"]))
    noun = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(nouns, key=len, reverse=True))
    numwords = [w for w in d["numbers"] if w not in ("a", "an", "no", "none", "single", "both", "zero")]
    num = rf"(?:\d{{1,3}}(?![\d,.:])|(?:{_alt(numwords)})(?:-(?:{_alt(numwords)}))?|{_alt(list(d['vague']))}){_NOT_AGE}"
    det = _alt(co["determiners"])
    # an adjective-like word in front of the noun ("young", "missing"): lowercase, no number, no
    # verb or joiner
    # ("whose aunt" opens a relative clause, not a victim: "who hardly saw his uncle and whose aunt
    # passed" is no list)
    stop = ("and|or|but|then|who|whose|whom|which|were|was|are|is|had|have|has|said|says|told|found|discovered|located|saw|"
            "dead|killed|wounded|injured|shot|of|the|a|an|his|her|their|its|in|at|on|to|with|from|by|for")
    mod = rf"(?:{_AGE}|(?-i:(?!(?:{stop}|{_alt(numwords)})\b)[a-z]+))"
    # a capital inside a surname ("McKay", "LeRoux") keeps it one word
    name = r"(?-i:[A-Z][a-z'’]+(?:-?[A-Z][a-z'’]+)?(?:\s+(?:[A-Z]\.|[A-Z][a-z'’]+(?:-?[A-Z][a-z'’]+)?|Jr\.|Sr\.)){0,3})"
    # "the man's elderly neighbor", "the couple's baby": a possessive stands where a determiner
    # does; "her neighbor Ann Pike, 55": a name in apposition to the noun is the same person;
    # "40-year-old Ann Pike": an age in front of a name
    poss = r"(?:(?:the|his|her|their|a|an)\s+)?[A-Za-z][\w-]*['’]s"
    # (or at the end of a list already cut before its comma: "Roe and Jon Poe, 20[,] died")
    age_tail = r"(?:\s*,\s*\d{1,3}\s*(?=,|$))?"
    part = (
        rf"(?<![\w'’:-])(?:(?:(?P<det>{det}|{poss})\s+)?(?:(?P<num>{num})\s+)?(?:{mod}\s+){{0,3}}?(?P<noun>{_AGE}\s+(?:{noun})|(?:{noun})|{_AGE})(?![\w-])(?!['’]s\b)"
        rf"(?:\s+(?P<appos>{name}){age_tail})?"
        rf"|(?:{_AGE}\s+)?(?P<name>{name}){age_tail}"
        # "he and his nephew", "her and her three nephews": a pronoun as the first part of a list
        rf"|(?P<pron>(?-i:[Hh]e|[Ss]he|him|her))(?=\s+(?:and|&)\s))"
    )
    sep = rf"(?:\s*,\s*(?:(?:{_alt(co['joiners'])})\s+)?|\s+(?:{_alt(co['joiners'])})\s+)"
    one = re.compile(part, re.I)
    plain = re.sub(r"\(\?P<\w+>", "(?:", part)
    chain = re.compile(rf"(?<![\w'’-])(?:{plain})(?:{sep}(?:{plain}))+", re.I)
    return one, chain


def _the_killer(out: list[Casualty], earlier: list[Casualty], stated: Casualty | None) -> None:
    """Mark the mention just added (``out[-1]``) as the killer's own death: one more beside the
    ``earlier`` dead, told of before.  A ``stated`` count of those dead ("two women killed,
    gunman commits suicide") is the victims'; the event's dead are one more (the largest stated
    count wins in aggregate)."""
    out[-1].additional = bool(earlier)
    out[-1].definite = True
    if stated is not None:
        out[out.index(stated)] = replace(stated, range=_plus(stated.range, 1))


# a mention that is the killer's own death: "then himself", "killing herself", "commits suicide"
_SELF_DEATH = re.compile(r"(?i)\b(?:him|her)self\b|\bsuicide\b|\bown\s+life\b")
# "killing two, then himself", "killed her son and then herself": the killer's own death
_THEN_SELF = re.compile(r",?\s+(?:and\s+then|and|then|before)\s+(?:him|her)self\b", re.I)
# an active verb, its object, then "to death": "shot his 7-year-old daughter to death"
_TO_DEATH_ACTIVE = re.compile(
    r"\b(?:shot|shoots|shooting|stabbed|stabs|stabbing|beat|beats|beating|strangled|strangling)\s+"
    r"(?P<obj>(?:him|her|(?:his|her|their|a|an|the|two|three|four|five|six|both)\b)[\w’' -]{0,50}?)\s+to\s+death\b",
    re.I,
)


def _count_list(phrase: str) -> tuple[CountRange, int, int] | None:
    """(summed count, named victims, parts) of a list of victims, or None when it is no list of
    victims: a part is no person ("the police and a man"), the parts are not joined as a list
    ("John Doe, a 31-year-old man," is one person: an appositive; a list ends with "and"), or a
    number counts a singular noun ("Image 9 Mother")."""
    one, _ = _conjunct_parts()
    co = _data()["coordination"]
    joiner = _alt(co["joiners"])
    low = best = named = 0
    unknown = False
    pos = 0
    gaps: list[str] = []
    kinds: list[str] = []
    numbered = 0
    first_num: int | None = None
    counted_at: tuple[int, int] | None = None  # (part, count) of the last counted part
    for m in one.finditer(phrase):
        gap = phrase[pos : m.start()]
        if kinds and not re.fullmatch(rf"\s*,\s*(?:(?:{joiner})\s+)?|\s+(?:{joiner})\s+", gap, re.I):
            return None
        if not kinds and gap.strip():
            return None
        if kinds:
            gaps.append(gap)
        pos = m.end()
        if m.group("pron") or (m.group("name") or "").lower() in ("he", "she"):
            if kinds:
                return None  # only a list's first part: "a man and him" is no list of victims
            kinds.append("noun")
            low, best = low + 1, best + 1
            continue
        if m.group("name"):
            first = m.group("name").split()[0].lower().rstrip(".")
            if first in _NOT_NAME_WORDS or first in _NOT_SUBJECT_WORDS:
                return None
            kinds.append("name1" if len(m.group("name").split()) == 1 else "name")
            low, best, named = low + 1, best + 1, named + 1
            continue
        kinds.append("noun")
        if m.group("appos"):
            first = m.group("appos").split()[0].lower().rstrip(".")
            if first in _NOT_NAME_WORDS or first in _NOT_SUBJECT_WORDS:
                return None  # "the man Police said ..." is no name in apposition
            named += 1
        noun = re.sub(r"\s+", " ", m.group("noun").lower())
        head = noun.split()[-1]
        if head in co["animals"]:
            continue  # "a woman and her cat lay dead": the cat is no casualty
        det = (m.group("det") or "").lower()
        plural = (head.endswith("s") and head not in co["pair_nouns"]) or head in co["irregular_plurals"]
        if m.group("num"):
            r = parse_count(m.group("num"))
            if r is None or (not plural and r.low > 1):
                return None
            numbered += 1
            if len(kinds) == 1 and r.best is not None:
                first_num = r.best
            if r.best is not None:
                counted_at = (len(kinds) - 1, r.best)
            low += r.low
            if r.best is None:
                unknown = True
            else:
                best += r.best
        elif det == "both" or head in co["pair_nouns"]:
            low, best = low + 2, best + 2
        elif plural and not det and numbered:
            pass  # "five soldiers and policemen": the number counts both nouns
        elif plural:
            low += 2
            unknown = True
        else:
            low, best = low + 1, best + 1
    if not kinds or phrase[pos:].strip():
        return None
    if counted_at is not None and not unknown:
        # "Amy Roe and their two children, Cal, 9, and Ben, 6": the names after a counted noun
        # and its comma are the ones counted, not more people
        i, n = counted_at
        rest = kinds[i + 1 :]
        if len(rest) == n and all(k.startswith("name") for k in rest) and not re.search(rf"(?:{joiner})\s", gaps[i], re.I):
            low, best, named = low - n, best - n, named
    if first_num is not None and len(kinds) >= 3 and not re.search(rf"(?:{joiner})\s", gaps[0], re.I) and first_num == len(kinds) - 1:
        # "the two children, Tom and Cora Reed": the parts after the comma name the counted ones
        return CountRange(first_num, first_num, first_num), named, len(kinds)
    if gaps and not re.search(rf"(?:^|\s)(?:{joiner})\s", gaps[-1], re.I) and numbered < len(kinds):
        return None  # "A, B" is an appositive; a list ends "A, B and C" (or counts each: "3 adults, 1 child")
    if any(k.startswith("name") and "," in g and not re.search(rf"(?:{joiner})\s", g, re.I) for k, g in zip(kinds, gaps, strict=False)) and (
        "noun" in kinds
    ):
        # "Earlier, a man and a woman", "in Leeds, a man and a girl": an adverb or a place
        # before the list, not a victim
        return None
    return CountRange(low, None if unknown else best, None if unknown else best), named, len(kinds)


# ", ages 4 and 9" / ", ages 2, 6 and 8" after a plural noun
_AGES_AFTER = re.compile(r"\s*,\s*ages\s+\d{1,3}(?:\s*,\s*\d{1,3})*\s*,?\s*and\s+\d{1,3}\b")


# a plural noun with a determiner and no count in front of a comma: "the victims, a man and two
# women" (not "3 adults, 1 child": a list)
_GROUP_BEFORE_MEMBERS = re.compile(r"(?:the|these|those|all|both)\s+(?:[a-z-]+\s+){0,2}?(?P<n>[a-z-]+)\s*,", re.I)


def _list_at_end(seg: str) -> tuple[str, CountRange, int] | None:
    """A list of two or more victims that ends ``seg``: (text, count, named)."""
    _, chain = _conjunct_parts()
    # "a man and woman, both 35 years old,": the age belongs to the list
    seg = re.sub(r",\s*(?:both|all|each)\b[^,;]{0,40},?\s*$", " ", seg, flags=re.I)
    # "Roe, Poe, Lee, and Fry all sustained ...": a closing "all" or "both" sums up the list
    seg = re.sub(r"\s+(?:both|all)\s*$", " ", seg, flags=re.I)
    rx = re.compile(chain.pattern + r"[\s,]*$", re.I)
    pos = 0
    # the leftmost list that reaches the end; when it is no list of victims ("Earlier, a man and
    # a woman"), a shorter one may be
    while (m := rx.search(seg, pos)) is not None:
        pos = m.start() + 1
        if re.search(r"\b(?:at|in|of|from|for|near|on|to|with|by)\s*$", seg[: m.start()], re.I):
            return None  # "a junior at Central High School and football player": a place, not a victim
        if re.search(r"\baccording\s+to\b[^,]*$", seg[: m.start()], re.I):
            continue  # "according to Coroner Jo Poe, Ann Roe and Eve Lee were ...": the source first
        # "the victims, a man and two women,": a group named, then its members; the members count
        gm = _GROUP_BEFORE_MEMBERS.match(m.group(0))
        if gm and _plural_noun(gm.group("n").lower()):
            pos = m.start() + gm.end()  # the members' list starts after the comma
            continue
        found = _count_list(m.group(0).rstrip(" ,"))
        # "He and the toddler were flown to a clinic": a subject that opens with a pronoun
        # repeats people told of before; only an object's list ("left him and his son dead") counts
        if found is not None and re.match(r"(?:he|she)\b", m.group(0).strip(), re.I):
            return None
        if found is not None and found[2] >= 2:
            return m.group(0).rstrip(" ,"), found[0], found[1]
    return None


def _list_at_start(seg: str, relative: bool = False) -> tuple[str, CountRange, int, int] | None:
    """The victims that an active verb's object names at the start of ``seg``: "her two
    daughters", "a woman and girl", "her uncle and 8-year-old niece": (text, count, named,
    parts).  ``relative``: the verb opens a relative clause ("the officer who killed a man and
    his son is ..."), so a verb after the object is the main clause's."""
    one, chain = _conjunct_parts()
    m = re.match(r"\s+", seg)
    start = m.end() if m else 0
    cm = chain.match(seg, start) or one.match(seg, start)
    if not cm:
        return None
    found = _count_list(cm.group(0))
    if found is None:
        return None
    if found[2] >= 2 and not relative and re.match(r"['’]s\b|\s+(?:was|were|is|are|had|has|have|said|says|told|did|would|will|could|then)\b", seg[cm.end() :], re.I):
        return None  # "killed a man and the teen's father said ...": the last part starts a new clause
    return seg[: cm.end()], found[0], found[1], found[2]


# what may follow a subject's head without changing it (age in the 20s, residence, "who")
_SUBJECT_TAIL = re.compile(
    r"(?:\s+in\s+(?:his|her|their)\s+(?:early\s+|mid-?|late\s+)?\w+s"
    # "a 70-year-old man in the car with the boy", "another teen inside the house": a place
    r"|\s+(?:in|inside)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}[\w-]+(?:\s+with\s+(?:the\s+|a\s+)?[\w’'-]+)?"
    r"|\s*,?\s+(?:of|from)\s+(?:[A-Z][\w.’'-]*\s*){1,4}"
    r"|\s*,?\s+(?:who|that)(?:\s+(?:police|officials|authorities)\s+(?:said|say))?)\s*,?\s*$"
)
# capitalised words that start sentences but are no one's name
_NOT_SUBJECT_WORDS = {"it", "there", "this", "that", "they", "we", "he", "she", "one", "nobody", "everyone",
                      "someone", "anyone", "witnesses", "deputies", "troopers", "paramedics", "medics"}
_PRONOUN = re.compile(r"\b(?P<p>he|she|they|it|who)\s*$", re.I)
_CLAUSE_CUT = re.compile(r"[;:]|\b(?:said|says|say|told|according\s+to|when|after|where|while|because|as|that)\b", re.I)
_NOT_NAME_WORDS = {
    "police", "the", "a", "an", "authorities", "officials", "officers", "sheriff", "investigators",
    "detectives", "witnesses", "on", "in", "at", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december", "county", "department",
    "near", "after", "outside", "inside", "by", "from", "with", "of", "for",
}


def _subject_of(segment: str, plural: bool = False) -> tuple[str, CountRange | None, int, str | None] | None:
    """Read the subject noun phrase at the end of ``segment`` (the text before "was ...").

    Returns (matched text, range, named victims, subject noun) or None.
    """
    pats = _patterns()
    # "a family of six [was found dead]": the number counts the family
    fm = re.search(r"\b(?:an?\s+|the\s+)?(?:entire\s+|whole\s+)?family\s+of\s+(?P<n>[a-z]+|\d{1,2})(?:\s*,[^,;]{1,60},)?\s*$", segment, re.I)
    if fm:
        rng = parse_count(fm.group("n"))
        if rng is not None and rng.best is not None and rng.best >= 2:
            return fm.group(0).strip(), rng, 0, "family"
    # "three children and two adults", "a woman and her son": every part counts
    listed = _list_at_end(segment)
    if listed is not None:
        return listed[0], listed[1], listed[2], None
    # "a man in his 20s", "John Doe, 23, of Gary", "a 13-year-old who": the head is before these
    trimmed = _SUBJECT_TAIL.sub("", segment)
    if trimmed != segment and trimmed.strip():
        found = _subject_of(trimmed, plural)
        if found is not None:
            return found
    m = pats["left"].search(segment + " was")
    if (
        m
        and m.group("count")
        and not (m.group("count").isdigit() and m.group("rest").lstrip().startswith(","))
        # "two men, 24 and 31": an age list's last age
        and not (m.group("count").isdigit() and _AGE_LIST_BEFORE.search(segment[: m.start()]))
        # "on Sept. 3": a day of the month
        and not (m.group("count")[:1].isdigit() and (_MONTH_BEFORE.search(segment[: m.start()])
                                                     or _designator_before().search(segment[: m.start()])))
        and not _NOT_COUNT_BEFORE.search(segment[: m.start()])
    ):
        rng = parse_count(m.group("count"))
        part = _PART_OF.search(segment[: m.start()])
        if rng is not None and part:
            # "two of the six men [were hurt]": the part, not the group
            return segment[part.start() :].strip(), parse_count(part.group("n")), 0, (m.group("noun") or None)
        if rng is not None:
            return m.group(0)[: -len(" was")].strip(), rng, 0, (m.group("noun") or None)
    # cut the segment to its own clause: after the last "said", "when", ";" ...
    cuts = list(_CLAUSE_CUT.finditer(segment))
    seg = segment[cuts[-1].end() :] if cuts else segment
    seg_strip = seg.strip()
    dm = _ONE_PERSON.search(seg_strip)
    if dm:
        return dm.group(0), CountRange(1, 1, 1), 0, dm.group("noun")
    pm = _PRONOUN.search(seg_strip)
    if pm:
        p = pm.group("p").lower()
        if p in ("he", "she"):
            return pm.group(0), CountRange(1, 1, 1), 0, None
        return None
    # a named person: "Jane Doe, 23, of Gary" ... the first name-like sequence of the clause
    names = [nm for nm in _NAME.finditer(seg) if nm.group(0).split()[0].lower().rstrip(".") not in _NOT_NAME_WORDS]
    if plural and len(names) >= 2:
        return seg[names[0].start() :].strip(), CountRange(len(names), len(names), len(names)), len(names), None
    for nm in reversed(names):
        first = nm.group(0).split()[0].lower().rstrip(".")
        if first in _NOT_NAME_WORDS:
            continue
        rest_after = seg[nm.end() :]
        # only when the name is the clause's subject: what follows is an appositive or nothing
        if re.fullmatch(r"\s*(?:,[^;]{0,80},?)?\s*", rest_after):
            return nm.group(0), CountRange(1, 1, 1), 1, None
    # a surname alone as the clause's subject: "Doe died at the hospital"
    sm = re.fullmatch(r"\s*(?P<name>[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)(?:\s*,[^;]{0,80},?)?\s*", seg)
    if sm and sm.group("name").lower() not in _NOT_NAME_WORDS | _NOT_SUBJECT_WORDS:
        return sm.group("name"), CountRange(1, 1, 1), 1, None
    return None


# "..., where they died", "... and they were pronounced dead": "they" closes the segment
_THEY_END = re.compile(r"(?:,\s*|\s+)(?:where|and|but|before|then|until)\s+(?:both\s+|all\s+)?they(?:\s+(?:both|all|each))?\s*$", re.I)


def _they_antecedent(seg: str) -> tuple[str, CountRange | None, int, str | None] | None:
    """The group "they" stands for when it ends ``seg`` after a clause joiner: the subject of the
    clause before it ("Both hikers were flown to a clinic, where they [died]" -> two), when
    that subject counts two or more people."""
    tm = _THEY_END.search(seg)
    if not tm:
        return None
    head = seg[: tm.start()]
    bm = re.search(r"\b(?P<be>were|are|have\s+been|had\s+been|was|is|has\s+been)\b", head, re.I)
    if not bm:
        return None
    plural = bm.group("be").lower() in ("were", "are") or bm.group("be").lower().startswith("have")
    found = _subject_of(head[: bm.start()], plural=plural)
    # a singular "they" ("the hiker was flown to a clinic, where they died") is one person
    if found is None or found[1] is None or found[1].low < (2 if plural else 1):
        return None
    return found


# where a relative clause or a participle phrase starts after its head noun: "the teen who ...",
# "a man, who ...", "the boy shot in the leg ..."
_RELATIVE_START = re.compile(
    r"\s*,?\s+(?i:who|that|whom)\b|\s+(?:shot|wounded|injured|stabbed|struck|hit)\b"
    # "a man thought to have been hit by a ricochet [has died]": a reported-belief phrase
    r"|\s+(?:believed|thought|said|reported|suspected|alleged)\s+to\s+(?:have|be)\b"
    # "a man walking his poodle [was wounded]", "a woman sitting in her car": a participle phrase
    r"|\s+(?!(?:during|morning|evening|building|shooting|wedding|nothing|something|thing|king|according|including)\b)[a-z]{2,}ing\b"
)


def _subject_before_relative(seg: str, plural: bool = False) -> tuple[str, CountRange | None, int, str | None] | None:
    """The subject of a predicate whose subject carries a relative clause or a participle phrase:
    "The teen that accidentally shot himself early Sunday [has died]" -> "The teen".  The
    leftmost split whose head reads as a subject wins; a clause of more than 20 words is no
    relative clause of that subject."""
    for m in _RELATIVE_START.finditer(seg):
        head = seg[: m.start()]
        if not head.strip() or len(seg[m.end() :].split()) > 20:
            continue
        found = _subject_of(head, plural)
        # a bare article is no subject ("A shot was fired")
        if found is None or found[0].strip().lower() in ("a", "an", "the", "one"):
            continue
        # after a participle in -ing, only a person noun is its head ("a woman pushing a stroller"),
        # not a name or a place ("Owner of Elm City clothing store")
        if m.group(0).strip().endswith("ing") and not (found[3] or _ONE_PERSON.search(found[0])):
            continue
        return found
    return None


@cache
def _PERSONS() -> str:
    return _alt(_data()["casualty"]["person_nouns"])


# Crawled pages often glue the headline (and the site's name) to the first sentence:
# "Clerk shot, slain | news.comA clerk was gunned down ...", "... Los Angeles TimesJane Doe, 23,
# died".  A lowercase word of three or more letters run straight into a capitalised word is such a
# seam (names like "McKay", "LaToya", "DeShawn" have a shorter head and are not cut); " | " parts
# a headline from the site's name.
_SEAM = re.compile(r"(?<![A-Za-z])(?:[a-z]{3,}|[A-Z][a-z]{3,})(?=[A-Z][a-z]*(?:[\s,.;:'’]|$))|\s+\|\s+")


def _segments(s: str) -> list[tuple[int, int, bool]]:
    """(start, end, headline) parts of sentence ``s`` cut at headline seams; a part that a seam
    ends is a headline (or a site name), read with the headline rules as well."""
    cuts: list[tuple[int, int]] = []
    for m in _SEAM.finditer(s):
        if m.group(0).strip() == "|":
            cuts.append((m.start(), m.end()))
        else:
            cuts.append((m.end(), m.end()))
    out: list[tuple[int, int, bool]] = []
    pos = 0
    for a, b in cuts:
        if s[pos:a].strip():
            out.append((pos, a, True))
        pos = b
    if s[pos:].strip():
        out.append((pos, len(s), False))
    return out


_CLOCK_COLON = re.compile(r"(?<=\d):(?=\d\d(?!\d))")


def find_casualties(text: str, sentence: Sentence, headline: bool = False) -> list[Casualty]:
    """Killed/injured counts stated in ``sentence`` (offsets index ``text``).  ``headline``: the
    sentence is the article's headline (the text opens with it), read with the headline rules
    too ("Four shot at bar", "Clerk shot during holdup")."""
    s = sentence.text
    base = sentence.start
    if text[sentence.start : sentence.end] != s:
        found = text.find(s)
        base = found if found >= 0 else sentence.start
    # a clock or a video's length ("at 10:40", "2:07 Grocer shot by the canal") is no clause seam:
    # its colon becomes a letter (same length, so offsets hold) and its digits no count
    s = _CLOCK_COLON.sub("h", s)
    out: list[Casualty] = []
    for a, b, in_headline in _segments(s):
        out.extend(_find_in(s[a:b], base + a, in_headline or headline))
    if not any(c.kind == "injured" for c in out):
        out.extend(_group_before(text, s, base))
    return out


# "They were each hit in the arm", "Both were wounded": a group told of in the sentence before
_GROUP_HIT = re.compile(
    r"^\s*(?:they|all|both|all\s+of\s+them|both\s+of\s+them)\s+(?:were|are|had\s+been|have\s+been)\s+"
    r"(?:all\s+|both\s+|each\s+)?(?:\w+ly\s+)?(?P<v>shot|hit|struck|wounded|injured|hurt|grazed)\b",
    re.I,
)
_GROUP_SUBJECT = re.compile(r"\b(?:were|are)\b", re.I)


def _group_before(text: str, s: str, base: int) -> list[Casualty]:
    """"Three men stood by the gate.  They were each hit in the arm.": the count of a group
    hit, read from the plural subject of the sentence before (everyone hit, like "a triple
    shooting"; see :func:`aggregate`).  A sentence that tells of a death is left to the rules."""
    m = _GROUP_HIT.match(s)
    if not m or _alive_patterns()[1].search(s):
        return []
    lead = text[max(0, base - 300) : base].rstrip()
    prev = re.split(r"(?<=[.!?])\s+|\n|\s\|\s|:", lead)[-1] if lead else ""
    bm = _GROUP_SUBJECT.search(prev)
    if not bm or _alive_patterns()[1].search(prev):
        return []
    found = _subject_of(prev[: bm.start()], plural=True)
    if found is None or found[1] is None or found[1].best is None or found[1].low < 2 or not found[3]:
        return []
    hit = m.group("v").lower() in ("shot", "hit", "struck")
    return [Casualty(kind="injured", range=found[1], phrase=m.group(0).strip(), start=base + m.start(), end=base + m.end(),
                     trigger=_MULTI_SHOOTING if hit else m.group("v").lower(), weak=hit, stated=not hit)]


def _find_in(s: str, base: int, headline: bool = False) -> list[Casualty]:
    """Killed/injured counts stated in ``s``, a sentence or a headline; ``base`` is its offset."""
    pats = _patterns()
    out: list[Casualty] = []
    seen_spans: list[tuple[int, int, str]] = []

    def clause_bounds(pos: int) -> tuple[int, int]:
        lo = max(s.rfind(";", 0, pos), s.rfind(":", 0, pos)) + 1
        hi_c = [i for i in (s.find(";", pos), s.find(":", pos)) if i >= 0]
        return lo, (min(hi_c) if hi_c else len(s))

    def add(kind: str, rng: CountRange, a: int, b: int, trig: str, named: int = 0, subj: str | None = None,
            stated: bool = False, other: bool = False) -> None:
        for sa, sb, sk in seen_spans:
            if sk == kind and a < sb and sa < b:
                return
        if _hypothetical(s, a, b):
            return
        lo, hi = clause_bounds(a)
        clause = s[lo:hi]
        cumulative = bool(pats["cumulative"].search(clause)) or _past_year(s, a, b)
        seen_spans.append((a, b, kind))
        definite = named > 0 or bool(_DEFINITE_SUBJECT.match(s[a:b]))
        names = _names_at(s[a:b]) if named else ()
        # "the other four remain suffering from injuries", "another five were treated": a count
        # of those beside the others, and the whole count of its kind ("three other men")
        # (a count of people shot is left to _everyone_hit: "the other four were shot" may
        # count the dead)
        if (_OTHER_COUNT_BEFORE.search(s[:a]) and _number_start().match(s[a:b])
                and not re.search(r"\b(?:shot|hit|struck)\b", s[a:b], re.I)):
            other = stated = True
        out.append(
            Casualty(kind=kind, range=rng, phrase=s[a:b], start=base + a, end=base + b,
                     victims_named=named, subject=subj, cumulative=cumulative, trigger=trig,
                     definite=definite, weak=trig == "shot", additional=other or _additional(s, a, b),
                     names=names, stated=stated, alive=kind == "injured" and _alive(s, a, b))
        )

    if headline:
        for kind, rng, a, b, named in _headline_victims(s):
            add("injured" if kind == "weak" else kind, rng, a, b, "shot" if kind == "weak" else kind, named=named,
                stated=rng.low > 1)
        # "Five shot, two dead": everyone hit (like "a triple shooting"); "two critical": hurt
        for m in _headline_count_pattern().finditer(s):
            rng = parse_count(m.group("n"))
            if rng is None or rng.best is None or rng.best < 2:
                continue
            n = len(out)
            # "Five hit by gunfire at arcade" is told like "Four shot"
            hit = m.group("w").lower() in ("shot", "hit")
            add("injured", rng, m.start(), m.end(), "shot" if hit else "injured", stated=True)
            if len(out) > n and hit:
                out[-1].trigger = _MULTI_SHOOTING
        # "Tot shoots grandma": one person hurt (a weak sign: the text may say she died)
        for m in _headline_object_pattern().finditer(s):
            if m.group("fatal"):
                add("killed", CountRange(1, 1, 1), m.start(), m.end(), "killed")
            else:
                add("injured", CountRange(1, 1, 1), m.start(), m.end(), "shot")
    for tm in pats["trigger"].finditer(s):
        trig = tm.group(0)
        tl = trig.lower()
        kind = "killed" if tm.group("k") else "casualties" if tm.group("a") else "injured"
        ts, te = tm.start(), tm.end()
        before = s[:ts]
        after = s[te:]
        lo, _ = clause_bounds(ts)
        if tm.group("w"):
            # weak "was shot": only as a passive, and not when the clause says the victim died
            if not re.search(r"\b(?:was|were|been|being)\s+(?:\w+ly\s+|then\s+|also\s+)?(?:found\s+)?$", before, re.I):
                continue
            if re.match(r"\s*(?:,\s*)?(?:and\s+)?(?:\w+ly\s+)?(?:killed|dead|to\s+death|wounded|injured|and\s+died)", after, re.I):
                continue
            if re.search(r"\b(?:suffered|sustained|received)\s+injur(?:y|ies)\s+from\s+being\s+$", before, re.I):
                continue  # "... all sustained injuries from being hit": read as a weak predicate
            seg = before[lo:]
            seg = _before_compound(seg[: _BE_BEFORE.search(seg).start()]) if _BE_BEFORE.search(seg) else seg
            subj = _subject_of(seg)
            if subj is not None:
                phrase_txt, rng, named, noun = subj
                a = seg.rfind(phrase_txt)
                add("injured", rng, lo + a if a >= 0 else ts, te, "shot", named=named, subj=noun)
            continue
        # "... were taken to a hospital with non-life-threatening injuries"
        wm = re.search(r"\bwith\s+(?:[\w-]+\s+){0,3}$", before) if kind == "injured" else None
        if wm:
            seg = before[lo : wm.start()]
            bm = re.search(r"\b(?:was|were|is|are)\b(?!.*\b(?:was|were)\b)", seg)
            if bm:
                subj = _subject_of(seg[: bm.start()])
                if subj is not None:
                    phrase_txt, rng, named, noun = subj
                    a = seg.rfind(phrase_txt)
                    add("injured", rng, lo + a if a >= 0 else ts, te, trig, named=named, subj=noun)
                    continue
        # "body cameras", "death penalty": a compound noun, not a casualty
        if tl in _NOUN_TRIGGERS and re.match(r"\s+(?!(?:" + _FUNCTION_WORDS + r")\b)[a-z]+", after):
            continue
        # "the death toll rose to 17"
        if tl in ("death", "deaths") or tl.endswith("death"):
            t = pats["toll"].match(after)
            if t:
                rng = parse_count(t.group("count"))
                if rng is not None:
                    add("killed", rng, ts, te + t.end(), trig)
                    continue
        # "no one was injured", "no injuries", "none were hurt"
        zero = re.search(r"\b(?:no\s+one|nobody|none|no(?:\s+(?:other|more|further|additional))?(?:\s+(?P<zn>" + _PERSONS() + r"))?)\s+(?:(?:was|were|has\s+been|had\s+been|have\s+been|got|been|is|are|reported(?:ly)?|serious(?:ly)?|other|more|further|additional|immediate|known|reports?\s+of|word\s+of|\w+ly)\s+){0,3}$", before, re.I)
        if zero:
            add(kind, CountRange(0, 0, 0), zero.start(), te, trig, subj=zero.group("zn"))
            continue
        # active verb with an object: "killed X, along with at least one other official"
        transitive = tl in ("killed", "killing", "kills", "kill", "wounded", "wounding", "injured", "injuring", "hurt", "shot dead", "gunned down", "fatally shot", "fatally stabbed", "fatally wounded", "murdered",
                            "critically injured", "seriously injured")
        passive_before = re.search(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?(?:(?:shot|stabbed)\s*,?\s*(?:and\s+)?)?$", before, re.I)
        if transitive and not passive_before:
            # the object lists two or more victims: "killed her two daughters", "fatally shot a
            # woman and a girl", "killing her uncle and 8-year-old niece"
            listed = _list_at_start(after, relative=bool(re.search(r"\b(?:who|that)\s+(?:\w+ly\s+)?$", before, re.I)))
            if listed is not None and listed[1].best is None and listed[3] == 1:
                # "killed his boys, ages 4 and 9": the ages count the people
                ages = _AGES_AFTER.match(after[len(listed[0]) :])
                if ages:
                    n = len(re.findall(r"\d+", ages.group(0)))
                    listed = (after[: len(listed[0]) + ages.end()], CountRange(n, n, n), listed[2], listed[3])
            if (
                listed is not None
                and listed[1].low >= 2
                and listed[1].best is not None
                # "after a crash killed two people living nearby": a participle after one counted
                # noun often tells of another, earlier event; the "right" rule decides those
                and not (listed[3] == 1 and re.match(r"\s+[a-z]+ing\b", after[len(listed[0]) :]))
            ):
                add(kind, listed[1], ts, te + len(listed[0]), trig, named=listed[2])
                continue
            nm = pats["named_other"].match(after)
            if nm:
                rng = parse_count(nm.group("count"))
                if rng is not None:
                    shifted = CountRange(rng.low + 1, None if rng.best is None else rng.best + 1, None if rng.high is None else rng.high + 1)
                    add(kind, shifted, ts, te + nm.end(), trig, named=1, subj=nm.group("noun"))
                    continue
            rm = pats["right"].match(after)
            if rm:
                rng = parse_count(rm.group("count"))
                cnt_txt = rm.group("count").lower()
                if rng is not None and not (cnt_txt in ("a", "an") and not rm.group("noun")):
                    add(kind, rng, ts, te + rm.end(), trig, subj=rm.group("noun"))
                    continue
            if tl.startswith(("kill", "wound", "injur", "hurt")) and re.match(r"^\s+(?:him|her)\b", after):
                add(kind, CountRange(1, 1, 1), ts, te + re.match(r"^\s+(?:him|her)\b", after).end(), trig)
                continue
            # "... and seriously injured a passer-by's son": one person, the object (not the subject,
            # who is the attacker)
            om = _ONE_OBJECT.match(after) if kind == "injured" and not _FATAL_BEFORE.search(before) else None
            if om:
                # "wounded a 5-year-old, two others": the person and the others beside
                more = re.match(r"\s*,?\s*(?:and\s+)?(?P<n>[\w-]+)\s+others\b", after[om.end() :], re.I)
                rng = parse_count(more.group("n")) if more else None
                if rng is not None and rng.best is not None and rng.best >= 1:
                    add(kind, _plus(rng, 1), ts, te + om.end() + more.end(), trig, subj=om.group("noun"), stated=True)
                    continue
                add(kind, CountRange(1, 1, 1), ts, te + om.end(), trig, subj=om.group("noun"))
                continue
        # "the attacker then killed himself": the reflexive rule below reads a suicide; the words
        # before the verb are its subject, no list of victims
        if kind == "killed" and not passive_before and re.match(r"\s+(?:him|her|them)sel(?:f|ves)\b", after, re.I):
            continue
        # "a 59-year-old man killed his son": an active verb with its object; the words before it
        # are the killer (the object is read as the dead)
        if kind == "killed" and not passive_before and re.match(r"\s+(?:his|her|their)\s+\w", after, re.I):
            continue
        # a list of victims before the verb: "three children and two adults lay dead"
        if _predicate(tl) and kind in ("killed", "injured"):
            tail = _LIST_TAIL.search(before[lo:])
            head = before[lo : lo + tail.start()] if tail else before[lo:]
            passive = not tail or not re.search(r"\b(?:who|that|which)\b", tail.group(0)) or re.search(
                r"\b(?:were|was|are|is|been|found)\b", tail.group(0)
            )
            listed = _list_at_end(head) if passive and head.strip() else None
            if listed is not None:
                a = head.rfind(listed[0])
                add(kind, listed[1], lo + (a if a >= 0 else 0), te, trig, named=listed[2], stated=not listed[2])
                continue
        # "a porter died and another was hurt": one more person, the noun left out
        an = _ANOTHER_BEFORE.search(before[lo:]) if _predicate(tl) and kind in ("killed", "injured") else None
        if an:
            add(kind, CountRange(1, 1, 1), lo + an.start("w"), te, trig, other=True)
            continue
        # count right before: "17 dead", "Five others were wounded", "at least 12 people were killed"
        lm = pats["left"].search(before[lo:]) if before[lo:].strip() else None
        if lm and lm.group("count"):
            cnt_txt = lm.group("count")
            rng = parse_count(cnt_txt)
            is_article = cnt_txt.lower() in ("a", "an")
            if cnt_txt.isdigit() and lm.group("rest").lstrip().startswith(","):
                rng = None  # "Carlos, then 18, was shot": an age in an appositive
            pre = before[lo : lo + lm.start()]
            if cnt_txt.isdigit() and _AGE_LIST_BEFORE.search(pre):
                rng = None  # "two men, 24 and 31 were hurt": the last of a list of ages
            if cnt_txt[:1].isdigit() and (_MONTH_BEFORE.search(pre) or _designator_before().search(pre)):
                rng = None  # "a shooting on Sept. 3 died": a date, not a count
            elif rng is not None and _PART_OF.search(pre):
                # "one of the three victims died", "two of the six men were hurt": a part
                rng = parse_count(_PART_OF.search(pre).group("n"))
            if _NOT_COUNT_BEFORE.search(pre):
                rng = None  # "ages 15 and 16", "how many times", "a girl younger than 10"
                # "two teens ages 15 and 16 were hurt": the count is before the ages
                ages = re.search(r"\s*,?\s*(?:ages?|aged)\s*$", pre, re.I)
                group = _subject_of(pre[: ages.start()], plural=True) if ages and pre[: ages.start()].strip() else None
                if group is not None and group[1] is not None and group[1].low >= 2:
                    a = pre.rfind(group[0])
                    add(kind, group[1], lo + (a if a >= 0 else 0), te, trig, named=group[2], subj=group[3])
                    continue
            if re.search(r"\b(?:who|that|which)\s*$", lm.group("rest"), re.I) and kind == "killed" and tl not in ("dead", "died", "dies"):
                rng = None  # "an officer who fatally shot ...": the subject is the shooter
            # "a" counts only in front of a person noun ("a man was killed"), not "a fatal shooting"
            if rng is not None and not (is_article and not lm.group("noun")):
                a = lo + lm.start()
                if cnt_txt.lower().startswith("no") and not re.match(r"no\s+one|nobody|none", cnt_txt, re.I):
                    pass
                else:
                    add(kind, rng, a, te, trig, subj=(lm.group("noun") or None))
                    continue
        # "a man was shot and killed", "Jane Doe, 23, died", "..., and later died"
        if _predicate(tl):
            seg = before[lo:]
            bm = _BE_BEFORE.search(seg)
            am = _AND_BEFORE.search(seg)
            if bm:
                seg = _before_compound(seg[: bm.start()])
            elif am:
                # compound predicate: the subject is before the earlier verb
                seg = seg[: am.start()]
                bm2 = re.search(r"\b(?:was|were|is|are|has\s+been|had\s+been)\b", seg, re.I)
                if bm2:
                    seg = seg[: bm2.start()]
                else:
                    vm = re.search(r"\s+[a-z]+ed\b", seg)
                    if not vm:
                        continue
                    seg = seg[: vm.start()]
            elif tl in ("died", "dies", "succumbed", "perished") or tl.startswith("lost"):
                seg = seg.rstrip()
                seg = re.sub(r"(?:\s+\w+ly|\s+later|\s+then|\s+has|\s+had|\s+have|\s+also)+$", "", seg)
            elif re.search(r"\b(?:found|left|lay|lying|is|are)\s+(?:\w+ly\s+)?$", seg, re.I):
                # "police found Jane Doe dead", "left a man wounded", "a clerk is dead"
                seg = seg[: re.search(r"\b(?:found|left|lay|lying|is|are)\s+(?:\w+ly\s+)?$", seg, re.I).start()]
                obj = re.search(r"\b(?:found|left)\s+(?P<obj>.+)$", seg)
                seg = obj.group("obj") if obj else seg
            else:
                continue
            plural = bool(bm and bm.group("be").lower() == "were")
            subj = _subject_of(seg, plural=plural)
            if subj is None:
                # "the teen who was shot Sunday has died": the subject is before its relative clause
                subj = _subject_before_relative(seg, plural)
            they = False
            if subj is None:
                # "two hikers were flown to a clinic, where they died": "they" are the main
                # clause's subject
                subj = _they_antecedent(seg)
                they = subj is not None
            if subj is not None:
                phrase_txt, rng, named, noun = subj
                # "X was killed along with Y": one more named victim
                extra = re.match(r"\s+(?:\w+\s+){0,3}?along\s+with\s+" + _NAME.pattern, after)
                if extra and named:
                    rng = CountRange(rng.low + 1, None if rng.best is None else rng.best + 1, None if rng.high is None else rng.high + 1)
                    named += 1
                a = seg.rfind(phrase_txt) if phrase_txt else -1
                a = lo + a if a >= 0 else ts
                if rng is not None:
                    n = len(out)
                    add(kind, rng, a, te, trig, named=named, subj=noun)
                    if they and len(out) > n:
                        out[-1].refers_back = True
                        out[-1].definite = True
    for m in _FATAL_OBJECT.finditer(s):
        if not re.search(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", s[: m.start()]):
            obj = m.group("obj") or m.group("found")
            if obj.lower() in ("himself", "herself"):
                continue  # a suicide: read below
            if " " not in obj and obj.lower() in _NOT_NAME_WORDS | _NOT_SUBJECT_WORDS:
                continue  # "killed Sunday": a day, not a victim
            rng, named = CountRange(1, 1, 1), int(obj[:1].isupper())
            # "found a woman and her uncle dead": every part of the list
            listed = _count_list(obj) if m.group("found") else None
            if listed is not None and listed[2] >= 2 and listed[0].low >= 2:
                rng, named = listed[0], listed[1]
            add("killed", rng, m.start(), m.end(), "killed", named=named)
    for m in _dead_person_pattern().finditer(s):
        who = m.group("who") or ""
        add("killed", CountRange(1, 1, 1), m.start(), m.end(), "killed", named=int(who[:1].isupper()))
    # "shot his daughter to death", "stabbed his wife and son to death": the object is dead
    for m in _TO_DEATH_ACTIVE.finditer(s):
        obj = m.group("obj")
        if obj.lower() in ("himself", "herself", "themselves"):
            continue  # a suicide: the reflexive rule below reads it
        listed = _count_list(obj)
        rng, named = CountRange(1, 1, 1), int(obj[:1].isupper())
        if listed is not None and listed[2] >= 2 and listed[0].low >= 2:
            rng, named = listed[0], listed[1]
        add("killed", rng, m.start(), m.end(), "killed", named=named)
    # "killed her two daughters before killing herself", "two women killed, gunman commits
    # suicide": the killer is one more dead person; a suicide alone is one dead
    for m in _reflexive_pattern().finditer(s):
        earlier = [c for c in out if c.kind == "killed" and c.start < base + m.start() and not c.cumulative]
        if not earlier and m.group(0).lower().endswith("themselves"):
            continue  # "people killing themselves": no one person's death
        n = len(out)
        add("killed", CountRange(1, 1, 1), m.start(), m.end(), "killed")
        if len(out) > n:
            stated = [c for c in earlier if _states_number(c)]
            _the_killer(out, earlier, stated[-1] if stated else None)
    # "killing two, then himself": the killing verb carried over to the killer, one more dead
    for m in _THEN_SELF.finditer(s):
        earlier = [c for c in out if c.kind == "killed" and c.start < base + m.start() and not c.cumulative
                   and re.match(r"(?i)kill", c.trigger or "")]
        if not earlier or s[earlier[-1].end - base : m.start()].count(",") > 2:
            continue
        n = len(out)
        add("killed", CountRange(1, 1, 1), m.start(), m.end(), "killed")
        if len(out) > n:
            _the_killer(out, earlier, earlier[-1] if _states_number(earlier[-1]) else None)
    # "a double shooting": that many people hit, dead or hurt (see aggregate)
    for m in _multi_shooting_pattern().finditer(s):
        n = len(out)
        k = _data()["multi_shooting"][m.group("n").lower()]
        add("injured", CountRange(k, k, k), m.start(), m.end(), "shot")
        if len(out) > n:
            out[-1].trigger = _MULTI_SHOOTING
    # "a gunman fired from a car, shooting six people": everyone hit, like "a triple shooting";
    # "the shooting wounds four": that many hurt
    for m in _active_count_pattern().finditer(s):
        if _FATAL_BEFORE.search(s[: m.start()]):
            continue  # "fatally shot two men": read as killed above
        rm = pats["right"].match(s[m.end("v") :])
        hit = m.group("v").lower().startswith("shoot") or m.group("v").lower() == "shot"
        # "shot two clerks and a guard": a list after the verb counts every part
        listed = _list_at_start(s[m.end("v") :]) if hit and rm is not None else None
        if listed is not None and listed[3] >= 2 and listed[1].best is not None and listed[1].best > 2 and (
                len(listed[0]) > rm.end()):
            n = len(out)
            add("injured", listed[1], m.start(), m.end("v") + len(listed[0]), "shot", named=listed[2])
            if len(out) > n:
                out[-1].trigger = _MULTI_SHOOTING
            continue
        if rm is None:
            continue
        rng = parse_count(rm.group("count"))
        noun = (rm.group("noun") or "").strip().lower()
        if rng is None or rng.best is None or rng.best < 2 or (hit and not _plural_noun(noun)):
            continue  # "shot 10 times", "shot a man": no count of people
        n = len(out)
        add("injured", rng, m.start(), m.end("v") + rm.end(), "shot" if hit else "injured", subj=noun or None,
            stated=not hit)
        if hit and len(out) > n:
            out[-1].trigger = _MULTI_SHOOTING
    # "gunfire struck a driver and three others", "bullets hit two women": everyone hit (one
    # person struck is left to the other rules: he or she may have died)
    for m in _GUNFIRE_STRUCK.finditer(s):
        after = s[m.end() :]
        rng, named, end = None, 0, 0
        nm = pats["named_other"].match(after)
        listed = _list_at_start(after) if nm is None else None
        rm = pats["right"].match(after) if nm is None and listed is None else None
        if nm:
            r = parse_count(nm.group("count"))
            if r is not None and r.best is not None:
                rng, named, end = CountRange(r.low + 1, r.best + 1, r.best + 1), 1, nm.end()
        elif listed is not None and listed[1].best is not None:
            rng, named, end = listed[1], listed[2], len(listed[0])
        elif rm and _plural_noun((rm.group("noun") or "").strip().lower()):
            rng, end = parse_count(rm.group("count")), rm.end()
        if rng is None or rng.best is None or rng.low < 2:
            continue
        n = len(out)
        # the phrase is the object, so that its names are the victims' ("Gunfire" is none)
        add("injured", rng, m.end() + len(after) - len(after.lstrip()), m.end() + end, "shot", named=named)
        if len(out) > n:
            out[-1].trigger = _MULTI_SHOOTING
    # "officers found four men shot", "found three victims with gunshot wounds": everyone hit
    for m in _found_group_pattern().finditer(s):
        rng = parse_count(m.group("n"))
        if rng is None or rng.best is None or rng.best < 2:
            continue
        n = len(out)
        add("injured", rng, m.start("n"), m.end(), "shot", subj=m.group("noun"))
        if len(out) > n:
            out[-1].trigger = _MULTI_SHOOTING
    # "the bodies of five men lay in the barn": that many dead
    for m in _BODIES_OF.finditer(s):
        # the count and its noun, cut before the verb ("of four people were found")
        nm = re.match(rf"\s+(?:[\w-]+\s+){{1,4}}?(?:{_PERSONS()})\b", s[m.end() - 1 :], re.I)
        rm = pats["right"].match(nm.group(0)) if nm else None
        rng = parse_count(rm.group("count")) if rm and rm.group("noun") else None
        if rng is not None and rng.best is not None and rng.best >= 2:
            add("killed", rng, m.start(), m.end() - 1 + rm.end(), "killed", subj=rm.group("noun").strip(),
                stated=True)
    # "Also killed were Jane Roe, 22, and John Doe, 25": the victims after the verb
    for m in _INVERTED.finditer(s):
        listed = _list_at_start(s[m.end() - 1 :])
        if listed is None or listed[1].best is None or listed[1].low < 1:
            continue
        kind = "killed" if m.group("v").lower() in ("killed", "slain") else "injured"
        add(kind, listed[1], m.start(), m.end() - 1 + len(listed[0]), m.group("v"), named=listed[2],
            stated=not m.group("also"), other=bool(m.group("also")))
    # "both other riders survived": hurt, not dead
    for m in _SURVIVED.finditer(s):
        lo = max(s.rfind(";", 0, m.start()), s.rfind(":", 0, m.start()), s.rfind(",", 0, m.start())) + 1
        subj = _subject_of(s[lo : m.start()], plural=True)
        if subj is None or subj[1] is None or subj[1].low < 1 or not (subj[3] or subj[2]):
            continue  # "he survived", "the others survived": no count of their own
        a = s.rfind(subj[0], lo, m.start())
        # a survivor is none of the dead: "her 40-year-old cousin survived" beside a death
        add("injured", subj[1], a if a >= 0 else m.start(), m.end(), "survived", named=subj[2], subj=subj[3],
            other=True)
    for a, b, rng, named, obj in _weak_victims(s):
        if _FATAL_WOUND.search(s, a, b):
            # "a man suffered a fatal gunshot wound": one of the dead
            add("killed", rng, a, b, "fatal wound", named=named)
            continue
        # "left another teen wounded": the object tells of someone beside those counted
        add("injured", rng, a, b, "shot", named=named, other=bool(obj and _additional_pattern().match(obj)))
    for a, b, k in _ordinal_hits(s):
        n = len(out)
        add("injured", CountRange(k, k, k), a, b, "shot")
        if len(out) > n:
            out[-1].trigger = _ORDINAL
            out[-1].additional = False  # everyone hit, not one more beside the others
        else:
            # the hurt person's own mention is kept; the ordinal's count goes beside it
            out.append(Casualty(kind="injured", range=CountRange(k, k, k), phrase=s[a:b], start=base + a,
                                end=base + b, trigger=_ORDINAL, weak=True))
    # "Roe was one of seven people wounded at the fair": the group's count is everyone hit
    for m in _one_of_pattern().finditer(s):
        rng = parse_count(m.group("n"))
        if rng is None or rng.best is None or rng.best < 2 or _hypothetical(s, m.start(), m.end()):
            continue
        # "among 14 people hurt in gunfire around town since Friday": a tally
        cumulative = _past_year(s, m.start(), m.end()) or is_tally(s) or bool(pats["cumulative"].search(s))
        out.append(Casualty(kind="injured", range=CountRange(rng.best, rng.best, rng.best), phrase=m.group(0),
                            start=base + m.start(), end=base + m.end(), trigger=_MULTI_SHOOTING, weak=True,
                            cumulative=cumulative))
    _everyone_hit(s, base, out, add)
    out.sort(key=lambda c: c.start)
    _hurt_and_others(out)
    _named_others(s, base, out)
    _mark_second_individuals(out)
    return out


def _everyone_hit(s: str, base: int, out: list[Casualty], add: Any) -> None:
    """Several people shot, dead or hurt: "Four women were shot", "three men suffered gunshot
    wounds" count everyone hit, like "a triple shooting" (see :func:`aggregate`: the hurt are
    those hit less the dead).  "Six men were shot, two fatally" also tells the dead."""
    for c in out:
        if (
            c.kind == "injured"
            and c.trigger == "shot"
            and c.weak
            and not (c.additional or c.definite or c.names or c.cumulative)
            and c.range.best is not None
            and c.range.low >= 2
            and _number_start().match(c.phrase)
            and _plural_hit().search(c.phrase)
        ):
            if _OTHERS.match(c.phrase):
                # "three other men had gunshot wounds": the count of those beside the dead
                c.additional = c.stated = True
            else:
                c.trigger = _MULTI_SHOOTING
    for m in _fatally_pattern().finditer(s):
        rng = parse_count(m.group("k"))
        if rng is None or rng.best is None:
            continue
        hit = [c for c in out if c.kind == "injured" and not c.cumulative and c.end <= base + m.start()
               and c.start >= base + s.rfind(";", 0, m.start()) + 1 and _value(c) > rng.best]
        if not hit:
            continue
        n = len(out)
        add("killed", rng, m.start("k"), m.end(), "killed", stated=True)
        if len(out) > n:
            # "were wounded, one fatally": the wounded count is everyone hit, not the hurt
            hit[-1].trigger = _MULTI_SHOOTING
            hit[-1].weak = True


# gunfire as the subject of a verb of hitting: "gunfire struck", "the bullets hit" (ordinary
# news English)
_GUNFIRE_STRUCK = re.compile(r"\b(?:gunfire|bullets|shots|rounds|gunshots)\s+(?:struck|hit)(?=\s)", re.I)
# "the bodies of five men" (read with the "right" count rule)
_BODIES_OF = re.compile(r"\b(?:bodies|remains)\s+of\s", re.I)
# the verb before its subject: "Also killed were ...", "Wounded was a 20-year-old man"
_INVERTED = re.compile(r"(?:^|[.;:]\s*|,\s*and\s+)(?P<also>[Aa]lso\s+)?(?P<v>[Kk]illed|[Ss]lain|[Ww]ounded|[Ii]njured|[Hh]urt)"
                       r"\s+(?:was|were)\s")
# "two other riders survived"; not "survived by his wife" (an obituary's family)
_SURVIVED = re.compile(r"(?<=\s)(?:(?:all|both)\s+)?(?:\w+ly\s+)?survived\b(?!\s+(?:by|him|her|them)\b)", re.I)
# a number that is no count of people: an age ("teens ages 15 and 16", "a girl younger than
# 10", "under the age of 12") or a question ("how many times he was shot")
_NOT_COUNT_BEFORE = re.compile(r"\b(?:ages?|aged|how|younger\s+than|older\s+than|age\s+of)\s*$", re.I)
# a part of a group: "one of the three victims", "two of the six men"
_PART_OF = re.compile(r"\b(?P<n>one|a|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+of\s+(?:the|those|these)\s*$", re.I)
# the last of a list of ages: "two men, 24 and 31 were hurt", "ages 19, 20 and 22 were shot"
_AGE_LIST_BEFORE = re.compile(r"\b\d{1,3}\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)$")


@cache
def _active_count_pattern() -> re.Pattern[str]:
    """An active verb with a count of people after it: "shooting six people", "shot two men",
    "the shooting wounds four" (ordinary news English; the count is read by the "right" rule)."""
    return re.compile(r"(?<![\w-])(?P<v>shot|shooting|shoots|wounds|injures)(?=\s)", re.I)


@cache
def _plural_persons() -> frozenset[str]:
    """The plural person nouns of the lexicon ("men", "teens", "people")."""
    d = _data()
    return frozenset(
        n for n in d["casualty"]["person_nouns"] if n.endswith("s") or n in d["coordination"]["irregular_plurals"]
    )


def _plural_noun(noun: str) -> bool:
    last = noun.split()[-1] if noun else ""
    return last in _plural_persons()


# a count of people beside others: "three other men", "two more victims", "four others"
_OTHERS = re.compile(r"\S+(?:\s+\S+)?\s+(?:other|others|more|additional)\b", re.I)


@cache
def _plural_hit() -> re.Pattern[str]:
    """A plural subject hit by gunfire: "four men were shot", "three people suffered gunshot
    wounds" (not "taken to a hospital" or "in stable condition": those tell only the living)."""
    plural = sorted(_plural_persons())
    return re.compile(
        rf"^(?=\S+(?:\s+[\w-]+){{0,3}}?\s+(?:{_alt(plural)})\b|.*\b(?:were|are|have|had)\b)"
        rf".*\b(?:shot|{_WOUND}|hit|struck)\b",
        re.I,
    )


@cache
def _one_of_pattern() -> re.Pattern[str]:
    """One person among a group hit: "one of seven people who were hurt", "among the five
    victims shot" (group ``n``, the count of the group)."""
    d = _data()
    words = [w for w in d["numbers"] if w not in ("a", "an", "no", "none", "single", "zero", "one", "both")]
    plural = sorted(_plural_persons())
    return re.compile(
        # the noun may be left out: "was one of nine shot at the fair"
        rf"\b(?:(?:one|two|three)\s+of|among)\s+(?:the\s+)?(?P<n>\d{{1,2}}|{_alt(words)})\s+(?:(?:[\w-]+\s+)?"
        rf"(?:{_alt(plural)})\s+)?(?:(?:who|that)\s+(?:were|had\s+been)\s+)?(?:shot|wounded|injured|hit|struck)\b"
        r"(?!\s+(?:dead|and\s+killed|to\s+death)\b)",
        re.I,
    )


@cache
def _found_group_pattern() -> re.Pattern[str]:
    """A group that the police found hit: "found four men shot", "located three victims with
    gunshot wounds" (groups ``n``, the count; ``noun``); not "found two men shot dead"."""
    words = [w for w in _data()["numbers"] if w not in ("a", "an", "no", "none", "single", "zero", "one", "both")]
    plural = sorted(_plural_persons())
    return re.compile(
        rf"\b(?:found|located|discovered|find|locate)\s+(?P<n>\d{{1,2}}|{_alt(words)})\s+(?:[\w-]+\s+)?(?P<noun>{_alt(plural)})"
        rf"\s+(?:(?:who\s+had\s+been\s+)?shot(?!\s+(?:dead|to\s+death|and\s+killed)\b)|suffering\s+from\s+(?:[\w-]+\s+)?{_WOUND}"
        rf"|with\s+(?:[\w-]+\s+)?{_WOUND})",
        re.I,
    )


@cache
def _fatally_pattern() -> re.Pattern[str]:
    """", one fatally" / ", two of them fatally" after a count of people hit."""
    words = [w for w in _data()["numbers"] if w not in ("a", "an", "no", "none", "single", "zero", "dozen")]
    return re.compile(
        rf",\s*(?:including\s+)?(?P<k>\d{{1,2}}|{_alt(words)})(?:\s+of\s+(?:them|whom|those))?"
        r"(?:\s+(?!(?:was|were|is|are)\b)[a-z]+)?\s+(?:fatally|mortally)\b",
        re.I,
    )


@cache
def _ordinal_pattern() -> re.Pattern[str]:
    """A hurt person counted by an ordinal: "a third hiker received minor injuries", "a fourth
    victim was carried to a clinic" (groups ``o``, the ordinal; ``hurt``, the predicate; ``rest``,
    the clause after it, where a death word makes it no hurt person)."""
    hurt = (
        r"(?:was|were|is)\s+(?:\w+ly\s+|also\s+|later\s+)*(?:shot|wounded|injured|hurt|struck|hit|grazed|hospitalized|"
        r"taken|rushed|transported|treated|listed|in\s+\w+\s+condition)\b"
        r"|(?:received|suffered|sustained|had|has)\s+(?:[\w-]+\s+){0,3}?(?:injuries|injury|wounds?)\b"
        rf"|with\s+(?:a\s+|an\s+)?(?:[\w-]+\s+)?{_WOUND}"
    )
    return re.compile(
        # "a fourth victim", "a 9th patron"
        rf"\b(?:a|an|the)\s+(?P<o>{_alt(list(_data()['ordinal_victim']))}|(?:[3-9]|1\d|2\d)(?:rd|th))\s+(?:[\w-]+\s+){{0,2}}?"
        rf"(?P<noun>victim|person|{_SINGULAR})\b(?:\s*,[^,;]{{1,60}},)?"
        rf"(?:\s+(?:\w+\s+){{0,3}}?(?P<hurt>{hurt}))?(?P<rest>[^;.]{{0,60}})",
        re.I,
    )


def _ordinal_hits(s: str) -> list[tuple[int, int, int]]:
    """(start, end, people hit) for each hurt person an ordinal counts in ``s``: "a third
    teenager was wounded" -> 3.  A "victim" needs no verb; any other noun needs one of hurt, and
    none says the person died ("a third man drew a knife" is no victim)."""
    out = []
    for m in _ordinal_pattern().finditer(s):
        if not m.group("hurt") and m.group("noun").lower() != "victim":
            continue
        if re.search(r"\b(?:died|dies|dead|killed|fatally|deceased)\b", m.group("rest") + (m.group("hurt") or ""), re.I):
            continue
        o = m.group("o").lower()
        k = int(o[:-2]) if o[:1].isdigit() else int(_data()["ordinal_victim"][o])
        out.append((m.start(), m.start("rest"), k))
    return out


_MULTI_SHOOTING = "multiple shooting"
# "a fourth victim was wounded": like a multiple shooting, everyone hit, but no count of the hurt
_ORDINAL = "ordinal victim"


@cache
def _headline_count_pattern() -> re.Pattern[str]:
    """A headline's bare count and participle: "Three shot", "2 critical", "4 hit in gunfire" (no
    noun between)."""
    words = [w for w in _data()["numbers"] if w not in ("a", "an", "no", "none", "single", "zero", "one", "dozen")]
    # a plural person noun may stand between ("Four men shot", "3 teens shot"); "shot at" is
    # fired at, unless a count of people stands before it ("Four shot at party": the place)
    plural = sorted(_plural_persons())
    return re.compile(
        rf"(?<![\w'’$:-])(?P<n>\d{{1,2}}|{_alt(words)})\s+(?:(?:{_alt(plural)})\s+)?(?P<w>shot|critical|hit(?=\s+(?:in|by|during|at|outside|near|inside|after|while)\b))\b"
        r"(?!\s*(?:dead|to\s+death|and\s+killed|,\s*killed|&\s*killed|fired|at\s+by\b))",
        re.I,
    )


@cache
def _headline_object_pattern() -> re.Pattern[str]:
    """A headline's active shooting of one person named by a bare noun or an age, with no
    article ("Tot shoots grandma", "Boy, 5, accidentally shoots 8-year-old in heel",
    "Farmhand fatally shoots uncle"): group ``fatal`` when the verb says the person died."""
    h = _data()["headline"]
    nouns = rf"(?:{_SINGULAR}|{_alt(h['object_nouns'])})"
    return re.compile(
        rf"(?<![\w'’-])(?:(?P<fatal>fatally|mortally)\s+|(?:\w+ly)\s+)?(?:{_alt(h['active'])})\s+"
        rf"(?:(?:\d+|[a-z]+)[\s-]year[\s-]old(?:\s+(?:[a-z]+\s+)?{nouns})?|(?:[a-z]+\s+)?{nouns})(?![\w'’-])"
        # "shoots cousin dead at depot", "shoots and kills": read by the rules for the dead
        r"(?!\s*,?\s*(?:dead|to\s+death|and\b|&))",
        re.I,
    )


@cache
def _multi_shooting_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b(?P<n>{_alt(list(_data()['multi_shooting']))})[\s-]+shootings?\b", re.I)


# an active verb's count of others: "(gunfire that also) wounded two other people"
_VERB_OTHERS = re.compile(r"(?:injur|wound|hurt)\w*\s+(?P<n>\S+)\s+(?:other|others)\b", re.I)


def _hurt_and_others(found: list[Casualty]) -> None:
    """"A clerk is listed in serious condition after gunfire that also wounded two other
    people": the others are beside the hurt person the sentence opened with, so the hurt are
    one more than the count (with a death in the sentence the others may be beside the dead)."""
    if any(c.kind == "killed" for c in found):
        return
    for i, c in enumerate(found):
        m = _VERB_OTHERS.match(c.phrase)
        if c.kind != "injured" or m is None or c.range.best is None:
            continue
        if any(d.kind == "injured" and d.end <= c.start and d.range.best == 1 and not d.additional
               and d.trigger not in (_MULTI_SHOOTING, _ORDINAL) for d in found):
            found[i] = replace(c, range=_plus(c.range, 1), stated=True, additional=False)


# a named casualty told by a passive casualty verb: "Lee was shot", "Roe and Poe were wounded"
_NAMED_PASSIVE = re.compile(r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:shot|wounded|injured|hurt|struck|hit|grazed)$", re.I)
_WHILE_BEFORE = re.compile(r"(?:,\s*|\s+)(?:while|whereas)\s+$", re.I)


def _named_others(s: str, base: int, found: list[Casualty]) -> None:
    """"Roe and Poe were wounded in the legs, while Lee was grazed": a hurt person named
    after others of the same sentence, by a name none of them bears, is one more.  Only two
    passives of a casualty verb, the second after "while": other pairs are as often one person
    told twice, or a hospital's name read as a person's."""
    named: list[Casualty] = []
    for c in found:
        if (c.kind != "injured" or not c.names or c.cumulative or c.trigger in (_MULTI_SHOOTING, _ORDINAL)
                or not _NAMED_PASSIVE.search(c.phrase)):
            continue
        surnames = {_surname(x) for x in c.names}
        if (named and not c.additional and _WHILE_BEFORE.search(s[: c.start - base])
                and all(not surnames & {_surname(x) for x in d.names} for d in named)):
            c.additional = True
        named.append(c)


def _mark_second_individuals(found: list[Casualty]) -> None:
    """In one sentence, a second indefinite person of the same kind is someone else: "one man
    was shot in the back and a 29-year-old man was shot in the leg"."""
    seen: set[str] = set()
    for c in found:
        if c.definite or c.names or c.range.best != 1 or not _INDEFINITE_ONE.match(c.phrase):
            continue
        if c.kind in seen:
            c.additional = True
        seen.add(c.kind)


_INDEFINITE_ONE = re.compile(r"(?:a|an|one)\s", re.I)


@cache
def _hypothetical_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    h = _data()["hypothetical"]
    return (
        re.compile(rf"\b(?:{_alt(h['before'])})\s+(?:\w+ly\s+)?$", re.I),
        re.compile(rf"\b(?:{_alt(h['inside'])})\b", re.I),
    )


@cache
def _superseded_pattern() -> re.Pattern[str]:
    """An early account the report corrects, closing the text before a mention: "deputies had
    initially said that [nine people were shot]" (a few words of its own clause between)."""
    h = _data()["hypothetical"]
    return re.compile(rf"\b(?:{_alt(h['superseded_adverbs'])})\s+(?:{_alt(h['superseded_verbs'])})"
                      r"(?:\s+(?:that|it\s+was))?(?:\s+[\w'’-]+){0,4}?\s+$", re.I)


def _hypothetical(s: str, a: int, b: int) -> bool:
    """Whether the mention s[a:b] tells of a harm that did not happen: "the pellet was inches
    from possibly killing his niece", "had threatened to kill the clerk", "he could have been hurt
    badly"."""
    before, inside = _hypothetical_patterns()
    if _superseded_pattern().search(s[:a]):
        return True
    m = before.search(s[:a])
    if m and not (m.group(0).split()[0].lower() in ("nearly", "almost") and _number_start().match(s[a:b])):
        return True
    return bool(inside.search(s[a:b]))


@cache
def _past_year_pattern() -> re.Pattern[str]:
    lead = _alt(_data()["background"]["year_lead"])
    return re.compile(rf"\b(?:{lead})\s+(?:(?-i:[A-Z][a-z]+)\.?\s+)?(?:19|20)\d\d\b(?![\d,])", re.I)


def _past_year(s: str, a: int, b: int) -> bool:
    """Whether the mention s[a:b] tells of a year's past event: "killed two hikers at a campsite in
    the summer of 2008", "the 40 residents lost to gunfire in 2019", "In 2014, a gunman killed
    two".  The year follows the mention closely in its own clause (or opens the sentence); a
    full date ("on June 9, 2011") is left alone, as reports of old cases give one."""
    rx = _past_year_pattern()
    after = re.split(r"[;:.!?]\s|,\s+(?:and|but|while|when)\b", s[b : b + 70], maxsplit=1)[0]
    if rx.search(after):
        return True
    # "whose cousin died four years ago": a death long before the report
    if re.search(rf"^\s*(?:{_alt(_data()['background']['ago_lead'])}|\d{{1,2}})\s+(?:years|decades)\s+(?:ago|earlier)\b", after, re.I):
        return True
    m = rx.match(s)
    return bool(m and re.match(r"\s*,", s[m.end() :]) and m.end() < a)


# a month right before a number makes it a day of the month ("on Sept. 3")
_MONTH_BEFORE = re.compile(
    r"\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.\s*$"
    r"|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\s*$",
    re.I,
)

@cache
def _designator_before() -> re.Pattern[str]:
    """A word that makes the number after it a name, not a count: "Highway 150", "Room 12"."""
    return re.compile(rf"\b(?:{_alt(_data()['designators']['words'])})\.?\s*#?\s*$", re.I)


# casualty nouns that are also the first half of compounds ("body cameras", "death penalty")
_NOUN_TRIGGERS = {"body", "bodies", "death", "deaths", "injury", "injuries", "fatality", "fatalities", "casualty",
                  "casualties", "victims"}
# words that may follow a casualty noun in its casualty sense ("bodies were found", "deaths in")
_FUNCTION_WORDS = (
    "was|were|is|are|of|in|at|on|and|or|with|from|that|which|who|had|has|have|found|lay|lying|"
    "discovered|near|inside|outside|after|during|to|toll|count|tally|rose|remains|been|being|believed|"
    "identified|recovered|pulled|so|as|but|for|by|since|this|last|after|when|while|among|including"
)

# nouns and active forms among the casualty words: they take no subject to count
_NOT_PREDICATE = {"deaths", "death", "fatalities", "fatality", "bodies", "body", "injuries", "injury",
                  "killing", "kills", "kill", "wounding", "injuring", "casualties", "casualty", "victims",
                  "treated for", "non-life-threatening injuries", "life-threatening injuries", "executed"}


def _before_compound(seg: str) -> str:
    """The subject part of a compound predicate: "Jane Doe had been shot twice and [was
    pronounced dead]" -> "Jane Doe"; other text is returned as it is."""
    m = re.search(r"(?:,\s*|\s+)and\s*$", seg)
    if not m:
        return seg
    head = seg[: m.start()]
    cuts = list(_CLAUSE_CUT.finditer(head))
    off = cuts[-1].end() if cuts else 0
    vm = re.search(r"\s(?:was|were|is|are|has\s+been|had\s+been|have\s+been|got|had|went|ran|fell)\b", head[off:], re.I)
    return head[: off + vm.start()] if vm else seg


# what stands between a list of victims and its casualty word ("... were found shot and")
_LIST_TAIL = re.compile(
    r"(?:\s*,)?(?:\s+(?:who|that|which))?(?:\s+(?:were|was|are|is|have|has|had|been|being|got|found|discovered|"
    r"later|also|all|both|reportedly|allegedly|initially|then|subsequently|eventually|pronounced|shot|stabbed|and|"
    r"\w+ly)\b)*\s*$",
    re.I,
)


@cache
def _reflexive_pattern() -> re.Pattern[str]:
    r = _data()["reflexive"]
    return re.compile(rf"\b(?:(?:{_alt(r['verbs'])})\s+(?:{_alt(r['objects'])})|(?:{_alt(r['suicide'])}))\b", re.I)


def _predicate(trigger: str) -> bool:
    """A casualty verb or adjective whose subject is the casualty ("a man was shot and killed")."""
    return trigger not in _NOT_PREDICATE


@cache
def _additional_pattern() -> re.Pattern[str]:
    d = _data()["additional"]
    return re.compile(rf"^(?:{_alt(d['subject'])})\b|\b(?:{_alt(d['inside'])})\b", re.I)


@cache
def _alive_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    d = _data()["survivor"]
    return (re.compile(rf"(?<![\w-])(?:{_alt(d['signs'])})(?![\w-])", re.I),
            re.compile(rf"(?<![\w-])(?:{_alt(d['death'])})(?![\w-])", re.I))


def _alive(s: str, a: int, b: int) -> bool:
    """Whether the hurt person of ``s[a:b]`` is told to live: a sign of survival ("is expected to
    recover", "in stable condition", "but survived") in the rest of the clause, and no death word
    anywhere in the sentence ("was in stable condition but died")."""
    signs, death = _alive_patterns()
    hi = [i for i in (s.find(";", b), s.find(":", b)) if i >= 0]
    return bool(signs.search(s, b, min(hi) if hi else len(s))) and not death.search(s)


def _additional(s: str, a: int, b: int) -> bool:
    """Whether the mention s[a:b] tells of people beside those already counted."""
    # "the deputy then also shot and killed a bystander": "also" just before the verb
    if _additional_pattern().search(s[a:b]):
        return True
    # "... also shot himself": a reflexive is the shooter, no one beside the others
    if re.search(r"\b(?:him|her|them)sel(?:f|ves)$", s[a:b], re.I):
        return False
    return bool(re.search(r"\b(?:also|too)\s+(?:\w+ly\s+){0,2}(?:shot\s+and\s+|shot\s*,\s*)?$", s[:a], re.I))


# what the person was doing, between a headline's person and its participle ("Boy playing with
# gun shot", "Man sitting in car killed")
_DOING = (r"(?:\s+[a-z]{2,}ing\s+(?:with|in|on|at|near|outside|inside|into|to|from)\s+"
          r"(?:(?:a|an|the|his|her|their)\s+)?[a-z]+)?")


@cache
def _headline_pattern() -> re.Pattern[str]:
    h = _data()["headline"]
    noun = rf"(?:{_SINGULAR}|person|(?:\d+|[a-z]+)[\s-]year[\s-]old)"
    verbs = _alt(h["killed"] + h["injured"] + h["weak"])
    return re.compile(
        rf"(?<![\w'’-])(?P<pre>[\w'’-]+\s+)?(?P<nouns>{noun}(?:\s*(?:,|&|\band\b)\s*(?:[a-z]+\s+)?{noun})*)"
        rf"(?:\s*,\s*\d{{1,3}}\s*,)?{_DOING}\s+(?:(?:{_alt(h['between'])})\s+)*(?P<verb>{verbs})(?![\w-])",
        re.I,
    )


# words in front of a headline's person noun that show it is no bare headline subject
_NOT_HEADLINE_PRE = {"a", "an", "the", "his", "her", "their", "its", "my", "our", "your", "this", "that", "of",
                     "who", "whom", "another", "one", "no", "any", "every", "each"}


def _headline_victims(s: str) -> list[tuple[str, CountRange, int, int, int]]:
    """(kind, count, start, end, named) for headline-style casualties in ``s``: "Man shot, killed",
    "Officer, suspect injured" (two), "Girl shot at party dies" (killed, not hurt).  Kind "weak"
    is hurt unless someone is reported dead."""
    h = _data()["headline"]
    out = []
    for m in _headline_pattern().finditer(s):
        pre = (m.group("pre") or "").strip().lower()
        if pre in _NOT_HEADLINE_PRE:
            continue
        verb = re.sub(r"\s+", " ", m.group("verb").lower())
        n = len(re.findall(rf"(?:{_SINGULAR}|person|[\s-]year[\s-]old)\b", m.group("nouns"), re.I)) or 1
        if verb in h["killed"]:
            kind = "killed"
        elif verb in h["injured"]:
            kind = "injured"
        elif re.search(r"\b(?:dies|died|dead|killed)\b", s[m.end() :], re.I):
            kind = "killed"  # "Teen found shot on bike path dies"
        else:
            kind = "weak"
        a = m.start("nouns")
        out.append((kind, CountRange(n, n, n), a, m.end(), 0))
    return out


_DEFINITE_SUBJECT = re.compile(r"(?:he|she|him|her|the|this|that|his|its|their|both)\b", re.I)

# --------------------------------------------------------------------------- weak signs
# Ways news reports say that someone was hit without a casualty word ("shot", "wounded" ...)
# that the rules above read: a person found with a gunshot wound, a shooter who "shot him",
# a victim "recovering" or "taken to a hospital".  Each is one person (or the subject's count).
_PERSON_NP = (
    rf"(?:him|her|himself|herself|(?:a|an|the|his|her|their|one|another)\s+(?:[\w’'-]+\s+){{0,3}}?"
    rf"(?:{_SINGULAR}|(?:\d+|[a-z]+)[\s-]year[\s-]old(?:\s+(?:{_SINGULAR}))?))"
)
_WOUND = r"(?:gunshot|gun\s+shot|bullet|stab|shotgun)\s+wounds?"
# "shooting himself and a neighbor", "shot herself and her son, 10": a second person after the reflexive
_SELF_AND = re.compile(
    rf"\s+and\s+(?:(?:a|an|the|his|her|their)\s+)?(?:[\w’'-]+\s+){{0,2}}?(?:{_SINGULAR}|(?:\d+|[a-z]+)[\s-]year[\s-]old(?:\s+(?:{_SINGULAR}))?)\b(?![\w'’-])",
    re.I,
)
_WEAK_PATTERNS = [
    # "an officer shot him", "accused of shooting his wife", "shot a woman in the leg"
    re.compile(rf"\b(?:shot|shooting|shoots|shoot|wounded|wounding|injured|injuring|struck|striking)\s+"
               rf"(?:and\s+(?:wounded|injured)\s+)?(?P<obj>{_PERSON_NP})(?![\w-])", re.I),
    # "officers found a clerk shot in the hip", "discovered a teenager bleeding from a bullet wound"
    re.compile(rf"\b(?:found|located|discovered|find|locate)\s+(?P<obj>{_PERSON_NP}|(?-i:[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+){{0,2}}))"
               rf"(?:,[^,;]{{1,40}},)?\s+(?:shot(?!\s+(?:to\s+death|dead|and\s+killed))|suffering|with\s+(?:a\s+|one\s+|multiple\s+|several\s+)?"
               rf"(?:[\w-]+\s+)?{_WOUND}|wounded|injured|bleeding)\b", re.I),
    # "the shooting left a man wounded", "left the victim in critical condition"
    re.compile(rf"\bleft\s+(?P<obj>{_PERSON_NP})\s+(?:\w+ly\s+)?(?:wounded|injured|hurt|hospitalized|"
               rf"in\s+(?:critical|serious|stable|grave|good|fair)\s+condition|with\s+(?:[\w-]+\s+){{0,4}}?(?:injuries|{_WOUND}))\b", re.I),
]
# subject + "suffered a gunshot wound" / "with a gunshot wound" / "is recovering" / "was taken
# to a hospital": the subject is read like a casualty verb's
_WEAK_PREDICATE = re.compile(
    rf"\s+(?:(?:had|has|have)\s+)?(?:suffered|sustained|suffering\s+from|suffers|received)\s+(?:[\w-]+\s+){{0,4}}?{_WOUND}"
    # "a third hiker received minor injuries"
    r"|\s+(?:(?:had|has|have)\s+)?(?:suffered|sustained|suffers|received)\s+(?:(?:minor|serious|critical|non-?\s*life[\s-]threatening|life[\s-]threatening|\w+ly)\s+){1,2}injur(?:y|ies)\b"
    # "... all sustained injuries in the gunfire": no adjective, but the gunfire is named
    r"|\s+(?:(?:had|has|have)\s+)?(?:suffered|sustained|received)\s+injur(?:y|ies)\s+(?:from|in)\s+(?:being\s+shot|(?:the\s+)?(?:gunfire|gunshots|shooting))\b"
    # "the other four remain suffering from injuries", "five were suffering from burns and injuries"
    r"|\s+(?:is|are|was|were|remain|remains|remained)\s+(?:still\s+)?suffering\s+from\s+(?:(?:minor|serious|critical|non-?\s*life[\s-]threatening|life[\s-]threatening|\w+ly)\s+){0,2}injur(?:y|ies)\b"
    rf"|\s+with\s+(?:a\s+|one\s+|multiple\s+|several\s+)?(?:[\w-]+\s+)?{_WOUND}"
    r"|\s+(?:is|was|are|were|remains|remained)\s+(?:both\s+|all\s+)?(?:\w+ly\s+)?(?:recovering|expected\s+to\s+(?:survive|recover|be\s+ok)|"
    r"(?:taken|rushed|transported|driven|brought|flown|airlifted)\s+(?:\w+\s+){0,4}?to\s+(?:(?:a|an|the)\s+(?:\w+\s+){0,3}?|(?-i:(?:[A-Z][\w.'’-]*\s+){1,4}))(?:hospital|medical\s+center|trauma\s+center|(?-i:Hospital|Medical\s+Center|Trauma\s+Center)))"
    # "a second victim was found two blocks away with a gunshot wound", "two of them had gunshot
    # wounds", "both are listed in critical condition"
    rf"|\s+(?:is|was|are|were)\s+(?:\w+ly\s+)?found\s+(?:[\w.'’-]+\s+){{0,8}}?with\s+(?:a\s+|one\s+|multiple\s+|several\s+)?(?:[\w-]+\s+)?{_WOUND}"
    rf"|\s+(?:had|has|have)\s+(?:[\w-]+\s+){{0,2}}?{_WOUND}"
    r"|\s+(?:is|are|was|were|remains|remained)\s+(?:listed\s+|reported\s+|said\s+to\s+be\s+)?in\s+(?:critical|serious|stable|grave|good|fair)(?:\s+but\s+stable)?\s+condition",
    re.I,
)


# "suffered a fatal gunshot wound", "with a mortal stab wound": a wound that killed (not
# "non-fatal bullet wounds")
_FATAL_WOUND = re.compile(rf"(?<![\w-])(?:fatal|deadly|mortal)\s+(?:[\w-]+\s+)?{_WOUND}\b", re.I)
_FATAL_BEFORE = re.compile(r"\b(?:fatally|mortally|and\s+killed|and\s+kills?)\s+$", re.I)
# "fatally shot a man", "shot and killed his neighbor": one person killed, the verb's object
_FATAL_OBJECT = re.compile(
    rf"\b(?:(?:fatally|mortally)\s+(?:shot|shooting|shoots|wounded|wounding|injured|injuring|stabbed|stabbing)|"
    rf"(?:shot|shoots|shooting)\s+and\s+(?:killed|kills|killing)|killed|killing|kills|murdered|murdering)\s+"
    rf"(?P<obj>{_PERSON_NP}|(?:[A-Z][a-z'’]+\s+){{1,2}}[A-Z][a-z'’]+(?=[\s,.;])"
    # a surname alone before a comma or a clause word: "fatally shot Vance, who ..."
    rf"|[A-Z][a-z'’]+(?:[A-Z][a-z'’]+)?(?=\s*[,.;]|\s+(?:after|before|when|while|as|during)\b))(?![\w-])"
    # "police found a man dead", "found John Doe shot to death"
    rf"|\b(?:found|discovered|located|find|left)\s+(?P<found>{_PERSON_NP}|(?:[A-Z][a-z'’]+\s+){{0,2}}[A-Z][a-z'’]+)"
    rf"(?:,[^,;]{{1,40}},)?\s+(?:dead|deceased|shot\s+to\s+death|stabbed\s+to\s+death|fatally\s+(?:shot|wounded)|shot\s+dead)\b"
)


@cache
def _dead_person_pattern() -> re.Pattern[str]:
    """One dead person without a casualty verb: "a man's body was found", "the body of a woman",
    "the shooting death of John Doe", "the homicide victim", "the victim of a fatal shooting"."""
    d = _data()["dead_person"]
    name = r"(?-i:(?:[A-Z][a-z'’]+\s+){0,2}[A-Z][a-z'’]+)"
    who = rf"(?P<who>{_PERSON_NP}|(?:\d+-year-old\s+)?{name})"
    return re.compile(
        rf"\b(?:{_PERSON_NP}|{name})['’]s?\s+(?:{_alt(d['remains'])})\b(?!\s+(?:{_alt(d['not_after'])})\b)"
        rf"|\b(?:{_alt(d['remains'] + d['death'])})\s+of\s+{who}"
        rf"|\b(?:a|an|the|one)\s+(?:[\w-]+\s+){{0,2}}?(?:{_alt(d['victim'])})\b(?!\s+(?:{_alt(d['not_after'])})\b)"
        rf"|\bvictim\s+of\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?(?:{_alt(d['fatal'])})\s+(?:[\w-]+\s+){{0,3}}?(?:shooting|stabbing|attack|assault)"
        # "Jane Doe was the woman killed", "he is the man who died"
        rf"|\b(?:was|is)\s+(?:identified\s+as\s+)?the\s+(?:[\w-]+\s+){{0,2}}?(?:{_SINGULAR})\s+(?:who\s+(?:was\s+)?)?(?:killed|slain|died|shot\s+and\s+killed|fatally\s+shot)\b"
        # "the clerk fatally shot by deputies", "the woman killed in the crash", "(relatives of) a
        # clerk who deputies fatally shot": a reduced or object relative clause after one person
        rf"|\b(?:the|a|an|of)\s+(?:[\w-]+\s+){{0,2}}?(?:{_SINGULAR}|(?:\d+|[a-z]+)[\s-]year[\s-]old)\s+"
        rf"(?:who\s+(?:police|officers|deputies|troopers|(?:an|the)\s+officer)\s+)?(?:{_alt(d['relative'])})\s+"
        rf"(?:by|in|on|at|during|outside|inside|near|last|early|late|after|when|while|(?-i:[A-Z][a-z]+day))\b",
        re.I,
    )


def _weak_victims(s: str) -> list[tuple[int, int, CountRange, int, str]]:
    """Weak signs that someone was hit in sentence ``s``: (start, end, count, named victims, the
    object of a "left ... wounded" result, else "")."""
    out: list[tuple[int, int, CountRange, int, str]] = []
    for rx in _WEAK_PATTERNS:
        for m in rx.finditer(s):
            if _FATAL_BEFORE.search(s[: m.start()]):
                continue  # "fatally shot a man": read as killed by find_casualties
            obj = m.group("obj")
            named = 1 if obj[:1].isupper() and obj.split()[0].lower() not in ("a", "an", "the", "his", "her", "their", "one", "him", "himself", "herself") else 0
            both = _SELF_AND.match(s, m.end()) if obj.lower() in ("himself", "herself") else None
            if both:
                # "shot himself and his son": the shooter and one more person
                out.append((m.start(), both.end(), CountRange(2, 2, 2), 0, ""))
                continue
            # only a result names someone else ("left another teen wounded"); "shot another
            # teen" is often the shooter's one victim
            out.append((m.start(), m.end(), CountRange(1, 1, 1), named, obj if m.group(0)[:4].lower() == "left" else ""))
    for m in _WEAK_PREDICATE.finditer(s):
        lo = max(s.rfind(";", 0, m.start()), s.rfind(":", 0, m.start())) + 1
        # "Roe, Poe and Fry all suffered gunshot wounds": "all" or "both" before the verb makes
        # the subject plural
        plural = bool(re.match(r"\s+(?:are|were|have)\b", m.group(0))) or bool(
            re.search(r"\s(?:all|both)\s*$", s[lo : m.start()], re.I))
        subj = _subject_of(s[lo : m.start()], plural=plural)
        if subj is None:
            # "a welder got a gash across one elbow and was rushed to a clinic": the
            # subject of a compound predicate is before its first verb
            seg = s[lo : m.start()]
            if not re.search(r"(?:,\s*|\s+)and\s*$", seg):
                continue
            cuts = list(_CLAUSE_CUT.finditer(seg))
            off = cuts[-1].end() if cuts else 0
            vm = re.search(r"\s(?:was|were|is|are|had|has|got|went|ran|fell|(?-i:[a-z]{3,}ed))\b", seg[off:])
            subj = _subject_of(seg[: off + vm.start()], plural=plural) if vm else None
        if subj is None:
            continue
        phrase_txt, rng, named, _noun = subj
        if rng is None or rng.low == 0:
            continue
        a = s.rfind(phrase_txt, lo, m.start())
        a = a if a >= 0 else m.start()
        out.append((a, m.end(), rng, named, ""))
    return out


# --------------------------------------------------------------------------- one event's toll


def _value(c: Casualty) -> int:
    return c.range.best if c.range.best is not None else c.range.low


_PRONOUN_SUBJECT = re.compile(r"(?:he|she|they|him|her|them)\b", re.I)


def aggregate(casualties: list[Casualty]) -> tuple[Casualty | None, Casualty | None]:
    """One event's killed and injured counts from the casualty mentions of its sentences.

    The largest stated count of each kind wins (a later "two people were killed" repeats, it
    does not add to, "a man was killed"; see :func:`_total`).  Who was hit but is reported dead
    is not injured: a weak sign ("was shot", "found with a gunshot wound") counts as injured only
    when nobody was killed, and a definite mention ("he was hospitalized") only when it names
    more people than died -- unless the mention is plainly of someone else (another victim, a
    name none of the dead bear).  Cumulative tolls (a year's total) are left out.
    """
    kept = [c for c in casualties if not c.cumulative and c.kind in ("killed", "injured")]
    killed = [c for c in kept if c.kind == "killed"]
    k_best, n_killed = _total(killed)
    dead_names = {_surname(x) for c in killed for x in c.names}
    injured = []
    survivors = []
    for c in kept:
        if c.kind != "injured" or c.trigger == _ORDINAL:
            continue
        # inside a death's own subject: "a boy [who was wounded Sunday] has died" is one victim
        if any(k.start <= c.start and c.end <= k.end and _value(c) <= _value(k) for k in killed):
            continue
        names = {_surname(x) for x in c.names}
        # plainly someone else: "the second victim" beside one dead, or a name that none of the
        # dead bear when every dead person is named; never one of the dead by name ("Doe also
        # had a gunshot wound to the arm")
        other = not names & dead_names and (
            (c.additional and (n_killed == 1 or c.stated)) or bool(len(dead_names) >= n_killed and names)
            # told to live, and not by a pronoun that may stand for one of the dead: "the woman's
            # boyfriend was also shot and is expected to recover" beside three dead
            # (a count of everyone hit, "shooting seven people, one of whom survived", is no survivor)
            # someone new after every dead person was named: "John Roe was killed ... officers
            # found Roe and a 20-year-old man, who had been shot in the arm"
            # ("one of the clerks was hit" is one of those counted, no one new)
            or (not c.names and not c.definite and _INDEFINITE_ONE.match(c.phrase) is not None
                and not re.match(r"one\s+of\b", c.phrase, re.I)
                and len(dead_names) >= n_killed > 0
                and any(k.names and k.start < c.start for k in killed)
                and not any(k.start == c.start for k in killed))
        )
        # Subtracting the dead from a weak sign of several ("Doe and the 19-year-old were taken
        # to a hospital" beside Doe's death: one hurt) was tried: it lost more where the dead were
        # undercounted than it won.
        # told to live, and not by a pronoun that may stand for one of the dead: "the woman's
        # boyfriend was also shot and is expected to recover" beside three dead.  Such a survivor
        # only fills a missing count: beside "injuring two others" the survivors are those two.
        # (A count of everyone hit, "shooting seven people, one of whom survived", is no survivor.)
        if (not other and n_killed and (c.weak or (c.definite and _value(c) <= n_killed and c.range.low > 0))
                and c.alive and c.trigger != _MULTI_SHOOTING and not names & dead_names
                and not _PRONOUN_SUBJECT.match(c.phrase)):
            survivors.append(c)
            continue
        if c.weak and n_killed and not other:
            continue
        if c.definite and n_killed and _value(c) <= n_killed and c.range.low > 0 and not other:
            continue
        injured.append(c)
    if not injured:
        injured = survivors
    strong = [c for c in injured if not c.weak]
    # a weak sign of someone else ("another man was shot") adds to the stated count
    pool = strong + [c for c in injured if c.weak and c.additional] if any(_value(c) for c in strong) else injured
    i_best, _ = _total(pool)
    # everyone hit, dead or not: "two people were shot" or "a double shooting" beside one death
    # leaves one hurt
    # "Two people were wounded ... The older victim died": when every death is told of someone
    # already known, after the hurt were counted, the dead are among them
    if i_best is not None and killed and all(k.definite for k in killed) and _value(i_best) > n_killed:
        first = min((c.start for c in strong if _states_number(c) and _value(c) > 1), default=None)
        # ("three others were injured" counts those beside someone: the dead are not among them)
        if first is not None and all(k.start > first for k in killed) and not _OTHERS_WORD.search(i_best.phrase):
            rest = _value(i_best) - n_killed
            i_best = replace(i_best, range=CountRange(rest, rest, rest))
    # (Any weak count of several -- "three had gunshot wounds" -- was tried: where the dead were
    # undercounted it made up the hurt, and lost more than it won.)
    hit = [c for c in kept if c.trigger in (_MULTI_SHOOTING, _ORDINAL)]
    if hit:
        top = max(hit, key=_value)
        # "a man shot three clerks before killing himself", "two victims had bullet wounds and
        # the attacker then killed himself": the shooter's own death is none of
        # those he hit
        own = int(n_killed > 0 and _SHOOTER_HIT.match(top.phrase) is not None
                  and any(k.kind == "killed" and _reflexive_pattern().search(k.phrase) for k in killed))
        rest = _value(top) - (n_killed - own)
        # "four men had bullet wounds and three died ... a girl was also hit": someone hit told after the
        # group, who cannot be one of it (a woman beside "three men"), is hurt on top of the rest
        group = _SEX_GROUP.search(top.phrase)
        if group is not None and rest >= 0:
            other_sex = "f" if group.group("m") else "m"
            rest += sum(1 for c in kept if c.kind == "injured" and c.weak and c.additional and c.start > top.end
                        and _value(c) == 1 and _sex_of(c.phrase) == other_sex)
        if rest > 0 and (i_best is None or _value(i_best) < rest):
            i_best = replace(top, range=CountRange(rest, rest, rest))
    return k_best, i_best


# a group of one sex told by its count ("three men", "two teenage girls") and one person of a sex
# told alone ("a woman", "a 19-year-old man")
_SEX_GROUP = re.compile(r"^\S+\s+(?:[\w-]+\s+){0,2}?(?:(?P<m>men|boys|males)|(?P<f>women|girls|females))\b", re.I)
_SEX_ONE = re.compile(r"^(?:a|an|one)\s+(?:[\w-]+\s+){0,2}?(?:(?P<m>man|boy|male)|(?P<f>woman|girl|female))\b", re.I)


def _sex_of(phrase: str) -> str | None:
    m = _SEX_ONE.match(phrase)
    return None if m is None else ("m" if m.group("m") else "f")


def headline_toll(title: str) -> tuple[int | None, int | None, int | None]:
    """(killed, hurt, everyone hit) that a headline states: "2 Dead, 5 Hurt In Gunfire" ->
    (2, 5, None); "Four Shot, Woman Dead" -> (1, 3, 4); "Five shot in Dayton" -> (None, None, 5).
    A site name after " - " or " | " is left out; a headline that totals several incidents
    ("3 dead in holiday shootings") states no one event's toll (all None)."""
    head = headline(title)
    return _headline_toll(head, _find_in(head, 0, headline=True))


def _headline_toll(head: str, readings: list[Casualty]) -> tuple[int | None, int | None, int | None]:
    """:func:`headline_toll` of a headline already read into casualty mentions."""
    if not head or is_tally(head):
        return None, None, None
    found = [c for c in readings if not c.cumulative]
    killed, injured = aggregate(found)
    hits = [c for c in found if c.trigger in (_MULTI_SHOOTING, _ORDINAL)]
    hit = max((_value(c) for c in hits), default=None)
    hurt = _value(injured) if injured is not None else None
    if injured is not None and injured.trigger == "shot":
        hurt = None  # "Man shot near Elm Park": he may have died
    if hurt is not None and killed is None and hit is not None and hurt == hit:
        hurt = None  # "Five shot": everyone hit, some of whom may have died
    return (_value(killed) if killed is not None else None), hurt, hit


def headline_choice(title: str, mentions: list[Casualty], killed: Casualty | None,
                    injured: Casualty | None) -> tuple[Casualty | None, Casualty | None]:
    """The event's killed and injured counts, where its headline helps choose among the text's
    own readings.  A headline is no evidence by itself: when it states a toll that the chosen
    counts miss, a mention of the text that states the same toll is taken instead (the first,
    not cumulative), and for the hurt, everyone hit less the dead ("nine people were hit" and
    one dead beside "1 Dead, 8 Hurt").  Nothing changes when no text mention agrees."""
    head = headline(title)
    readings = _find_in(head, 0, headline=True)
    hk, hi, _hit = _headline_toll(head, readings)
    hurt_phrases = [c.phrase for c in readings if c.kind == "injured"]
    # "Man kills wife, self": a headline's killer or single subject is often one of several dead;
    # only a number ("2 dead") overrides the text's count, a singular one fills a missing count
    # ("Wallkill man, two children dead" lists three: a number after a comma is a list's part)
    dead_numbered = any(_number_start().match(c.phrase) and not re.search(r"(?:,|&|\band)\s*$", head[: c.start])
                        for c in readings if c.kind == "killed")
    live = [c for c in mentions if not c.cumulative]
    if hk is not None and (killed is None or (dead_numbered and _value(killed) != hk)):
        same = [c for c in live if c.kind == "killed" and c.range.best == hk]
        if same:
            killed = same[0]
    nk = _value(killed) if killed is not None else 0
    # a headline's hurt person ("Man killed, girl hurt") fills a missing count; only a number
    # ("1 dead, 4 hurt") overrides one: "Child injured in shootings" may tell of one of several
    numbered = any(_number_start().match(p) for p in hurt_phrases)
    if hi is not None and (injured is None or (numbered and _value(injured) != hi)):
        same = [c for c in live if c.kind == "injured" and c.range.best == hi
                and c.trigger not in (_MULTI_SHOOTING, _ORDINAL)]
        hits = [c for c in live if c.trigger in (_MULTI_SHOOTING, _ORDINAL) and _value(c) - nk == hi]
        if same:
            injured = same[0]
        elif hits:
            injured = replace(hits[0], range=CountRange(hi, hi, hi))
    return killed, injured


# everyone hit told as the shooter's object ("shot three women") or as victims ("two victims
# were found with gunshot wounds"): the shooter is none of them
_SHOOTER_HIT = re.compile(r"(?:shot|shoots|shooting)\s|\S+\s+(?:[\w-]+\s+)?victims\b", re.I)


_OTHERS_WORD = re.compile(r"\b(?:other|others)\b", re.I)


def _plus(r: CountRange, n: int) -> CountRange:
    """``r`` and ``n`` more people."""
    return CountRange(r.low + n, None if r.best is None else r.best + n, None if r.high is None else r.high + n)


def _total(mentions: list[Casualty]) -> tuple[Casualty | None, int]:
    """The event's count of one kind: the largest stated count, or, when no mention states a
    number for the whole event ("two people were killed"), the people its mentions tell apart:
    mentions of others ("another man was wounded", "John Roe was also killed").  Adding up every mention was tried on GVDB and lost more to
    repeated mentions ("a man was killed" ... "he died") than it won."""
    if not mentions:
        return None, 0
    best = max(mentions, key=lambda c: (_value(c), c.range.low))
    n = _value(best)
    if any(_states_number(c) for c in mentions):
        return best, n
    # Different names alone were tried too: a second name is as often an earlier victim
    # ("... the city's first homicide since John Roe was shot and killed in May").
    base = max((_value(c) for c in mentions if not c.additional), default=0)
    # the killer's own death told twice ("killed his son and then himself ... the murder-suicide")
    # is one death
    selves = [c for c in mentions if c.additional and _SELF_DEATH.search(c.phrase)]
    extra = sum(_value(c) for c in mentions if c.additional and c not in selves)
    if selves:
        # ... and only beside the victims told with it: "both died" beside "killed her child and
        # then herself" already counts the killer
        # ("the two victims ... died" counts only the victims: the killer is one more)
        own = selves[0]
        beside = [_value(c) for c in mentions if not c.additional and 0 <= own.start - c.end < 120]
        everyone = [c for c in mentions if not c.additional and _value(c) == base
                    and re.match(r"(?i)(?:both|all)\b", c.phrase.strip())]
        if not (beside and everyone and base > max(beside)):
            extra += 1
    people = base + extra
    # The attacker's own death beside a named victim's is one more dead: "the shooter was later
    # discovered dead ... Roe succumbed" (a pronoun or plain noun may be either: not counted)
    own = [c for c in mentions if _attacker_death(c)]
    named = [c for c in mentions if c.names and not c.additional and not _attacker_death(c)]
    if own and named and max(_value(c) for c in own) == 1:
        people = max(people, max(_value(c) for c in named) + 1)
    if people > n:
        return replace(best, range=CountRange(people, people, None)), people
    return best, n


def _attacker_death(c: Casualty) -> bool:
    """A death told of the attacker by that name: "the gunman was found dead"."""
    if c.kind != "killed":
        return False
    # Only a noun that names the attacker: a reflexive ("shot himself", "took his own life") is as
    # often the only dead, a named one ("Jane Roe, 16, died ... she shot herself by accident").
    return _attacker_subject().match(c.phrase) is not None


@cache
def _attacker_subject() -> re.Pattern[str]:
    words = _data()["attacker"]["nouns"]
    return re.compile(rf"(?:the\s+)?(?:(?:suspected|alleged|lone)\s+)?(?:{_alt(words)})\b(?!\s+(?:of|who|and)\b)", re.I)


@cache
def _number_start() -> re.Pattern[str]:
    d = _data()
    words = [w for w in d["numbers"] if w not in ("a", "an", "no", "none", "single", "both")]
    return re.compile(rf"(?:(?:{_alt(list(d['modifiers']))})\s+)?(?:\d|(?:{_alt(words)})\b|(?:{_alt(list(d['vague']))})\b)", re.I)


def _states_number(c: Casualty) -> bool:
    """A mention that gives the count of the whole event: "two people were killed", "1 dead"."""
    if c.refers_back:
        return False
    return c.stated or (not c.names and not c.additional and bool(_number_start().match(c.phrase)))


def _names_at(phrase: str) -> tuple[str, ...]:
    """The victims' names a mention starts with: "Jane Doe, 23, and John Roe were killed"."""
    out = []
    for m in _NAME.finditer(phrase):
        if m.start() == 0 or re.search(r"(?:\band|,)\s*$", phrase[: m.start()]):
            out.append(m.group(0))
    if not out:
        sm = re.match(r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?(?![\w'’-])", phrase)
        if sm:
            out.append(sm.group(0))
    return tuple(out)


def _surname(name: str) -> str:
    words = [w for w in re.split(r"\s+", name.strip()) if w.rstrip(".") not in ("Jr", "Sr", "II", "III", "IV")]
    return (words[-1] if words else name).lower()
