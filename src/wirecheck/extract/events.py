"""Event mentions and their arguments.

Triggers come from ``data/events.toml`` (ACLED's taxonomy with an English trigger lexicon).
Inside a sentence the most specific trigger wins and generic ones ("attack", "killed") join it;
across sentences a definite mention ("the strike", "Thursday's strike") joins the last event
with the same head noun, so one real event is one mention with several sentences.  Then each
mention gets its arguments: perpetrator/target/victim with a status, place, date, casualties,
and whether the article mentions it only as background.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from wirecheck.clean.text import TITLE_SEP, headline
from wirecheck.models import (
    Actor,
    Claim,
    Count,
    CountRange,
    Dated,
    DateValue,
    EventMention,
    Evidence,
    LocalEntity,
    Located,
    Place,
    Sentence,
    TimeExpression,
)
from wirecheck.nlp.countries import country_evidence, evidence_place
from wirecheck.nlp.counts import find_casualties
from wirecheck.nlp.entities import _gazetteer, country_of, entity_at
from wirecheck.nlp.pipeline import NlpDoc
from wirecheck.nlp.places import (
    _BIG_POSTAL_CITY,
    TextContext,
    _km,
    find_dateline,
    find_places,
    get_gazetteer,
    headline_towns,
    outlet_town,
    text_context,
    title_state,
)
from wirecheck.nlp.places import _norm as place_key
from wirecheck.nlp.times import birth_date, find_times

# ----------------------------------------------------------------------------- lexicon


@dataclass(frozen=True, slots=True)
class TriggerType:
    event_type: str
    sub_event_type: str
    head: str
    priority: int
    generic: bool
    ambiguous: str | None


@functools.cache
def lexicon() -> dict[str, Any]:
    data = tomllib.loads(resources.files("wirecheck.data").joinpath("events.toml").read_text("utf-8"))
    phrases: dict[str, TriggerType] = {}
    patterns: list[tuple[re.Pattern[str], TriggerType]] = []
    for entry in data["trigger"]:
        tt = TriggerType(
            entry["event_type"],
            entry["sub_event_type"],
            entry["head"],
            int(entry["priority"]),
            bool(entry.get("generic", False)),
            entry.get("ambiguous"),
        )
        for p in entry["phrases"]:
            p = p.lower()
            # The first listing of a phrase wins (entries are ordered specific -> generic).
            phrases.setdefault(p, tt)
        # phrases with words between their parts ("set the <thing> on fire")
        patterns.extend((re.compile(rx), tt) for rx in entry.get("patterns", ()))
    alternation = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    ctx = {k: set(v) for k, v in data["context"].items()}
    # context guards by phrase: (before, after, needed words) - see [[guard]] in events.toml
    guards: dict[str, list[tuple[re.Pattern[str] | None, ...]]] = {}
    for g in data.get("guard", ()):
        needs = set(g.get("needs", ())).union(*(ctx[k] for k in g.get("needs_context", ())))
        words = "|".join(re.escape(w) for w in sorted(needs, key=len, reverse=True))
        needs_rx = re.compile(rf"(?<![\w-])(?:{words})(?![\w-])") if needs else None
        keys = ("before", "after", "keep_before", "keep_after")
        rule = (*(re.compile(g[k]) if k in g else None for k in keys), needs_rx)
        for p in g["phrases"]:
            guards.setdefault(p.lower(), []).append(rule)
    return {
        "phrases": phrases,
        "patterns": patterns,
        "guards": guards,
        "regex": re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"),
        "context": ctx,
        "background": [re.compile(c, re.I) for c in data["background"]["cues"]],
        "after_cues": [re.compile(c, re.I) for c in data["background"]["after_cues"]],
        "before": set(data["background"]["before"]),
    }


def _words_in(text: str, words: set[str]) -> list[str]:
    low = text.lower()
    return [w for w in words if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", low)]


# ----------------------------------------------------------------------------- triggers


@dataclass(slots=True)
class _Trigger:
    start: int
    end: int
    text: str
    sentence: int
    type: TriggerType
    definite: bool = False
    indefinite: bool = False
    background: bool = False
    quoted: bool = False


_DEFINITE = re.compile(
    r"(?:\b(?:the|this|that|these|those|its|their|same)|[’']s)\s+(?:[\w.’'“”\"-]+\s+){0,3}$", re.I
)
_INDEFINITE = re.compile(r"\b(?:a|an|another|one)\s+(?:[\w.’'“”\"-]+\s+){0,4}$", re.I)


def find_triggers(nd: NlpDoc, entities: list[LocalEntity]) -> list[_Trigger]:
    lex = lexicon()
    text = nd.text
    low = text.lower()
    named = [(m.start, m.end) for e in entities if e.type in ("ORG", "PERSON", "FAC") for m in e.mentions]
    out: list[_Trigger] = []
    # a headline written in title case ("Teen Shot To Death In Oakvale") capitalises its verbs
    titled = {i for i, s in enumerate(nd.sentences[:2]) if _title_cased(nd, s)}
    found = [(m.start(), m.end(), lex["phrases"][m.group()]) for m in lex["regex"].finditer(low)]
    for rx, tt in lex["patterns"]:
        for m in rx.finditer(low):
            # a pattern adds what the phrases miss; a phrase inside its span stays
            if not any(a < m.end() and m.start() < b for a, b, _ in found):
                found.append((m.start(), m.end(), tt))
    for a, b, tt in sorted(found, key=lambda x: x[0]):
        si = nd.sentence_of(a)
        sent = nd.sentences[si]
        if si not in titled and any(x <= a and b <= y and not (x == a == sent.start and y == b) for x, y in named):
            continue  # part of a name ("... Air Force", "Strike Group"); a title-cased headline
            # reads as one long name to the tagger (a trigger opening a sentence, all of a
            # "name" the tagger saw there, is the word: "Shootout at ...")
        if a >= sent.end:
            continue
        if (text[a].isupper() and a > sent.start and not text[a:b].isupper() and si not in titled
                and not re.search(r"\s[a-z][\w-]*$", text[a:b])):
            continue  # capitalised inside a sentence: a name or a month ("March", "Rally Party");
            # a phrase ending in a common noun is the thing ("Molotov cocktails")
        before = text[max(sent.start, a - 40) : a]
        if _guarded(lex["guards"].get(low[a:b], ()), low, sent, a, b):
            continue  # "shell casings", "fighting for his life", "demanding money"
        if tt.generic:
            prev = re.findall(r"[\w-]+", before.lower())[-4:]
            if any(w in lex["context"]["aggregate_nouns"] for w in prev):
                continue  # "the war, which has killed ..." is a running total
        out.append(
            _Trigger(
                a,
                b,
                text[a:b],
                si,
                tt,
                definite=bool(_DEFINITE.search(before)),
                indefinite=bool(_INDEFINITE.search(before)),
            )
        )
    return out


def _title_cased(nd: NlpDoc, sent: Sentence) -> bool:
    """Whether ``sent`` is the page's headline written in title case: it is the title (or opens
    it), and every word of four letters or more is capitalised."""
    head = headline(nd.article.title or "").strip()
    text = sent.text.strip()
    if not head or not text or not (head.startswith(text[:40]) or text.startswith(head[:40])):
        return False
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    long = [w for w in words if len(w) >= 4]
    return len(long) >= 2 and all(w[0].isupper() for w in long)


def _guarded(rules: Any, low: str, sent: Sentence, a: int, b: int) -> bool:
    """Whether a context guard cancels the trigger at ``low[a:b]`` (lower-cased text) in ``sent``."""
    if not rules:
        return False
    before, after = low[max(sent.start, a - 40) : a], low[b : min(sent.end, b + 60)]
    for rx_before, rx_after, keep_before, keep_after, needs in rules:
        if rx_before is not None and rx_before.search(before):
            return True
        if rx_after is not None and rx_after.search(after):
            return True
        if needs is None or (keep_before is not None and keep_before.search(before)):
            continue
        if keep_after is not None and keep_after.search(after):
            continue
        if not needs.search(low, sent.start, sent.end):
            return True
    return False


def _trigger_token(nd: NlpDoc, t: _Trigger) -> Any | None:
    """The syntactic head of the trigger in its sentence's parse (the last token of a phrase)."""
    doc = nd.parse(t.sentence)
    if doc is None:
        return None
    base = nd.sentences[t.sentence].start
    toks = [x for x in doc if t.start <= base + x.idx < t.end]
    if not toks:
        return None
    inside = [x for x in toks if not (t.start <= base + x.head.idx < t.end) or x.head is x]
    return inside[0] if inside else toks[-1]


def _determiner_from_parse(nd: NlpDoc, t: _Trigger) -> None:
    tok = _trigger_token(nd, t)
    if tok is None:
        return
    if not tok.tag_.startswith("NN"):
        t.definite = t.indefinite = False
        return
    dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
    t.definite = any(c.dep_ == "poss" or c.lower_ in ("the", "this", "that", "these", "those") for c in dets)
    t.indefinite = any(c.lower_ in ("a", "an", "another") for c in dets) or (
        tok.tag_ == "NNS" and not t.definite
    )


def _background_spans(sentence_text: str) -> list[int]:
    """Character offsets (in the sentence) where background context starts: 0 for cues that
    make the whole sentence background."""
    lex = lexicon()
    starts = [0 for rx in lex["background"] if rx.search(sentence_text)]
    for rx in lex["after_cues"]:
        starts.extend(m.start() for m in rx.finditer(sentence_text))
    return starts


@functools.lru_cache(maxsize=1)
def _tally_cues() -> dict[str, Any]:
    """``data/events.toml`` [tally_background], compiled."""
    raw = resources.files("wirecheck.data").joinpath("events.toml").read_text("utf-8")
    data = tomllib.loads(raw)["tally_background"]
    months = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
    incidents = "|".join(re.escape(w) for w in data["incidents"])
    court = "|".join(re.escape(w) for w in data["court"])
    # a year dating something: "in 1998", "March of 2003", "Oct. 4, 1994", "the 2006
    # ambush" -- not a house number ("the 1800 block") or "a 2004 burglary conviction"
    year = (
        rf"(?:\b(?:in|of|since|during|between|from|until)\s+(?:early\s+|late\s+|mid-)?"
        rf"|\b(?:{months})[a-z]*\.?,?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?)(?P<y>19[5-9]\d|20[0-4]\d)\b(?!\s+block)"
        rf"|\b(?:the|a|an)\s+(?P<z>19[5-9]\d|20[0-4]\d)\s+(?:[\w-]+\s+)?(?:{incidents})\b"
    )
    return {
        "cues": [re.compile(c, re.I) for c in data["cues"]],
        "pages": [re.compile(c, re.I) for c in data["pages"]],
        "years_back": int(data["years_back"]),
        "year": re.compile(year, re.I),
        "any_year": re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b"),
        "court": re.compile(rf"\b(?:{court})\b", re.I),
    }


def _background_sentences(nd: NlpDoc) -> tuple[set[int], int]:
    """Sentences after the lead that tell other incidents than the reported one: a tally of a
    period or a place ("61 were killed in the city in March", "the third shooting of the
    weekend"), an incident dated two or more years before the article in a year its title and
    lead do not name (unless they tell of a court case), and all that follows a page's list of
    other stories ("Trending stories:"), whose index comes second (past the end when none).
    Only sentences with a toll count; their tolls are not the main event's."""
    from wirecheck.nlp.counts import is_tally

    cues = _tally_cues()
    lead = _lead_last(nd)
    head = " ".join([nd.article.title or "", *(s.text for s in nd.sentences[: lead + 1])])
    named = set(cues["any_year"].findall(head))
    published = (nd.article.published or "")[:4]
    oldest = None
    if published.isdigit() and not cues["court"].search(head):
        oldest = int(published) - cues["years_back"]
    out: set[int] = set()
    for s in nd.sentences[lead + 1 :]:
        if any(rx.search(s.text.strip()) for rx in cues["pages"]):
            out.update(range(s.index, len(nd.sentences)))
            return out, s.index
        years = {m.group("y") or m.group("z") for m in cues["year"].finditer(s.text)} - named
        if (
            is_tally(s.text)
            or any(rx.search(s.text) for rx in cues["cues"])
            or (oldest is not None and any(int(y) <= oldest for y in years))
        ) and any(c.kind in ("killed", "injured") for c in _casualties(nd, s.index)):
            # only a toll needs keeping out; the sentence's other mentions stay as they were
            out.add(s.index)
    return out, len(nd.sentences)


# ----------------------------------------------------------------------------- grouping


@dataclass(slots=True)
class _Event:
    triggers: list[_Trigger] = field(default_factory=list)
    best: _Trigger | None = None
    extra: list[int] = field(default_factory=list)  # sentences about it without a trigger

    @property
    def sentences(self) -> list[int]:
        return sorted({t.sentence for t in self.triggers} | set(self.extra))

    def add(self, t: _Trigger) -> None:
        self.triggers.append(t)
        if self.best is None or (t.type.priority > self.best.type.priority and not _weak(t)):
            self.best = t


def _weak(t: _Trigger) -> bool:
    return t.type.generic or t.type.priority <= 20


def _group(nd: NlpDoc, triggers: list[_Trigger]) -> list[_Event]:
    lex = lexicon()
    by_sentence: dict[int, list[_Trigger]] = {}
    for t in triggers:
        by_sentence.setdefault(t.sentence, []).append(t)
    events: list[_Event] = []
    # tallies, old incidents, other stories: background (those of a page's list of other
    # stories refer back to nothing the report told)
    others, listed = _background_sentences(nd)
    has_strong = any(not _weak(t) for t in triggers)
    order = sorted(by_sentence)
    if _lead_last(nd) == 2 and order and order[0] == 0 and len(order) > 1:
        # The headline sums up what the body tells: its words join the events the body opens
        # ("Arrest made in ... shooting" is the arrest of a shooting the lead reports).
        order = [*order[1:], 0]
    for si in order:
        sent = nd.sentences[si]
        ts = by_sentence[si]
        bg_starts = _background_spans(sent.text) + ([0] if si in others else [])
        # violence the text has told already: a later "dead after a shooting" is another one
        told = any(e.best is not None and not e.best.background and e.best.type.event_type not in _STEPS
                   for e in events)
        for t in ts:
            rel = t.start - sent.start
            words_before = re.findall(r"[\w-]+", sent.text[:rel].lower())[-5:]
            # "after a strike killed ..." names another, earlier event; "died after being shot",
            # "after he was shot" and "after the shooting" tell the reported one
            t.background = any(s <= rel for s in bg_starts) or (
                t.indefinite
                and any(w in lex["before"] for w in words_before)
                and not (_harm_after(sent.text[:rel]) and not told)
            )
        local: list[_Event] = []
        for t in ts:
            if t.type.priority < 20 and has_strong:
                continue  # movements, displacement: only when nothing else happened
            if _weak(t):
                continue
            if local and not (
                t.indefinite and local[-1].best is not None and t.start - local[-1].triggers[-1].end > 12
            ):
                local[-1].add(t)
            else:
                ev = _Event()
                ev.add(t)
                local.append(ev)
        weak = [t for t in ts if _weak(t) and not (t.type.priority < 20 and has_strong)]
        if not local and weak:
            ev = _Event()
            for t in weak:
                ev.add(t)
            ev.best = max(weak, key=lambda x: x.type.priority)
            local.append(ev)
        else:
            for t in weak:
                # A generic word joins the nearest event trigger before it in the sentence.
                target = min(local, key=lambda e: abs(e.triggers[0].start - t.start))
                target.triggers.append(t)
        for ev in local:
            best = ev.best
            assert best is not None
            antecedent = None
            separate = re.search(
                r"\b(?:separate|another|second|other)\s+(?:[\w-]+\s+)?$",
                sent.text[: best.start - sent.start],
                re.I,
            ) and not _same_victims(sent.text[: best.start - sent.start])
            if (best.definite or (_weak(best) and not best.background and not separate)) and si < listed:
                antecedent = _antecedent(events, best)
            if antecedent is not None:
                for t in ev.triggers:
                    antecedent.triggers.append(t)
            else:
                events.append(ev)
    return events


@functools.lru_cache(maxsize=1)
def _casualty_words() -> dict[str, Any]:
    """``data/counts.toml`` [casualty]: the killed and injured words and the person nouns."""
    raw = resources.files("wirecheck.data").joinpath("counts.toml").read_text("utf-8")
    return tomllib.loads(raw)["casualty"]


@functools.lru_cache(maxsize=1)
def _harm_words() -> re.Pattern[str]:
    """Casualty words ending a clause ("are dead", "were hospitalized", "in critical condition")."""
    casualty = _casualty_words()
    words = sorted({*casualty["killed"], *casualty["injured"]}, key=len, reverse=True)
    alternation = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![\w-])(?:{alternation})\s+(?:after|following)\s+(?:[\w-]+\s+){{0,4}}$", re.I)


def _harm_after(before: str) -> bool:
    """"Two men are dead after a shooting", "a boy was hospitalized after an accidental
    shooting": the harm the clause tells followed from that shooting, the report's own event
    (the lead of many local reports), not an earlier one as in "marched after a strike killed"."""
    return bool(_harm_words().search(before))


@functools.lru_cache(maxsize=1)
def _victims_cue() -> re.Pattern[str]:
    persons = _casualty_words()["person_nouns"]
    alternation = "|".join(re.escape(w) for w in sorted(set(persons), key=len, reverse=True))
    return re.compile(
        rf"(?:\b(?:the|both|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+"
        rf"(?:other|second|third|fourth|fifth)\s+(?:{alternation})|\bsecond\s+degree)\s+$",
        re.I,
    )


def _same_victims(before: str) -> bool:
    """"The second man killed", "six other deputies hurt": the rest of the victims the story
    counts, not a second event as in "another shooting"; and "second degree murder" is a charge."""
    return bool(_victims_cue().search(before))


def _antecedent(events: list[_Event], t: _Trigger) -> _Event | None:
    """The event a definite or generic mention refers back to."""
    if not events:
        return None
    same_head = [e for e in events if e.best is not None and e.best.type.head == t.type.head]
    if _weak(t) and not t.definite:
        same_head = []
    if same_head:
        # A mention outside background context means the reported event, not a background one.
        fg = [e for e in same_head if e.best is not None and not e.best.background]
        return (fg if fg and not t.background else same_head)[-1]
    if _weak(t) or t.type.head == "attack":
        # "the attack", "five were wounded": the last event of any violent kind, preferring
        # the reported ones over background ones -- an arrest or a charge is no attack, and a
        # vigil held over violence is not the violence (with only those before it, the mention
        # tells an event of its own).  A protest the police fire into is.
        mourning = lexicon()["context"]["mourning"]
        told = [e for e in events if e.best is not None and e.best.text.lower() not in mourning]
        violent = [e for e in told if e.best is not None and e.best.type.event_type not in _STEPS] or told
        if not violent:
            return None
        fg = [e for e in violent if e.best is not None and not e.best.background]
        return (fg or violent)[-1]
    return None


# ----------------------------------------------------------------------------- arguments


def _places(nd: NlpDoc, sentence: int) -> list[Any]:
    """Places of one sentence, without those of the outlet's name in a page title that opens
    the text (_title_masthead)."""
    sent = nd.sentences[sentence]
    found = _places_in(nd.text, sent)
    title = (nd.article.title or "").strip()
    if found and sent.start < len(title) and nd.text.startswith(title):
        a, b = _title_masthead(title)
        found = [m for m in found if not a <= m.start < b]
    return found


@functools.lru_cache(maxsize=2048)
def _places_in(text: str, sentence: Any) -> list[Any]:
    """Places of one sentence (cached: the place choice asks for a sentence several times)."""
    return list(find_places(text, sentence))


def _casualties(nd: NlpDoc, sentence: int) -> list[Any]:
    # the headline that opens the text is read as a headline too ("Four shot at bar")
    head = sentence == 0 and _lead_last(nd) == 2
    return list(find_casualties(nd.text, nd.sentences[sentence], headline=head))


_ALLEGED = re.compile(
    r"\b(?:suspected|alleged|apparent|presumed|presumably|likely|reported|possible)\b", re.I
)
_UNKNOWN = re.compile(
    r"\b(?:not (?:immediately )?clear who|unclear who|unknown who|no (?:group|one) (?:has |immediately )?claimed|"
    r"not known who|unidentified|unknown (?:gunmen|assailants|attackers|armed men|militants))",
    re.I,
)
_CLAIMED = re.compile(r"\bclaimed responsibility\b|\bclaiming responsibility\b", re.I)
_BLAME = re.compile(r"\b(?:blamed|blames|accused|accuses|blaming|accusing)\b", re.I)
_DENY = re.compile(r"\b(?:denied|denies|denying)\b", re.I)
_KILL_VERBS = {
    "killed",
    "kill",
    "kills",
    "killing",
    "wounded",
    "wounding",
    "injured",
    "injuring",
    "died",
    "assassinated",
    "murdered",
    "shot",
    "slain",
    "dead",
    "hurt",
}
_ACTOR_TYPES = ("ORG", "GPE", "NORP", "GROUP", "PERSON")


def _actor_name(ent: LocalEntity | None, surface: str) -> tuple[str, str | None]:
    """Actors that are demonyms name the state ("Israeli strike" -> Israel)."""
    if ent is not None and ent.type == "NORP":
        found = country_of(surface)
        if found:
            return found[1], ent.key
    if ent is not None:
        return ent.name, ent.key
    return surface, None


_AFFILIATION = {"backed", "based", "led", "aligned", "affiliated", "linked", "funded", "allied", "born"}


def _entity_tokens(
    doc: Any, base: int, entities: list[LocalEntity], toks: list[Any], skip: tuple[int, int] = (0, 0)
) -> list[tuple[LocalEntity, str]]:
    """The entities of ``toks`` in order, none inside ``skip`` (a dateline, which the parser
    often hangs on the first sentence's subject)."""
    found: list[tuple[LocalEntity, str]] = []
    for tok in toks:
        if skip[0] <= base + tok.idx < skip[1]:
            continue
        # "Iran-backed militia": the militia, not Iran, is the actor.
        if (
            tok.i + 2 < len(doc)
            and doc[tok.i + 1].text in ("-", "‐")
            and doc[tok.i + 2].lower_ in _AFFILIATION
        ):
            continue
        ent = entity_at(entities, base + tok.idx, base + tok.idx + len(tok.text))
        if ent is not None and ent.type in _ACTOR_TYPES and all(ent is not f[0] for f in found):
            found.append((ent, tok.text))
    return found


def _claim_over(claims: list[Claim], start: int, end: int) -> Claim | None:
    for c in claims:
        if c.content_span and c.content_span[0] <= start and end <= c.content_span[1]:
            return c
    return None


@dataclass(slots=True)
class _Args:
    actors: list[Actor] = field(default_factory=list)

    def add(self, role: str, name: str, status: str, ev: Evidence, entity: str | None) -> None:
        for a in self.actors:
            if a.role == role and a.name == name and a.status == status:
                return
        self.actors.append(Actor(role, name, status, ev, entity))


_HEADLINE_PASSIVE = frozenset({"killed", "wounded", "injured", "hurt"})
# someone speaking for a group the text named before ("a spokesman for the group, who ...")
_FOR_THE_GROUP = re.compile(
    r"(?i)(?:an?|the)\s+(?:spokes(?:man|woman|person)|representative|commander|leader|member|official)\s+"
    r"(?:for|of)\s+the\s+(?:group|militia|movement|organi[sz]ation|rebels?|faction|insurgents?)\b"
)


def _a_place(nd: NlpDoc, si: int, ent: LocalEntity, surface: str) -> bool:
    """Whether the entity is a place below a state ("Maiduguri"; "Djugu", which the tagger may
    call a group): the place a noun like "the Djugu ambush" names, never a party to the event,
    unlike a state ("a U.S. strike", "an Israeli drone strike")."""
    if ent.country:
        return False
    return ent.type in ("GPE", "LOC", "FAC") or any(
        pm.text == surface and pm.place.precision <= 3 for pm in _places(nd, si))


def _arguments(
    nd: NlpDoc, ev: _Event, entities: list[LocalEntity], claims: list[Claim], owner: Any,
    skip: tuple[int, int] = (0, 0),
) -> list[Actor]:
    """The event's perpetrators, targets and victims; nothing is read inside ``skip`` (the
    dateline: "TOWN, Country -- Gunmen attacked ..." is not the town attacking)."""
    args = _Args()
    aid = nd.article.id
    text = nd.text
    for t in ev.triggers:
        s = nd.sentences[t.sentence]
        doc = nd.parse(t.sentence)
        claim = _claim_over(claims, t.start, t.end)
        speaker = claim.speaker_text if claim else None

        def evidence(a: int, b: int, certainty: str, _s: Any = s, _sp: str | None = speaker) -> Evidence:
            return Evidence(aid, _s.index, a, b, attributed_to=_sp, certainty=certainty)

        def stated(status: str, _claim: Claim | None = claim) -> str:
            # What the article asserts is "confirmed"; the same inside a speaker's claim is that
            # party's claim.
            return "claimed" if _claim is not None and status == "confirmed" else status

        def add_confirmed(role: str, ent: LocalEntity | None, surface: str, _t: Any = t) -> None:
            # An actor the sentence states outright: confirmed, or claimed inside a speaker's words.
            name, key = _actor_name(ent, surface)
            args.add(role, name, stated("confirmed"), evidence(_t.start, _t.end, stated("confirmed")), key)

        if doc is None:
            continue
        base = s.start
        tok = _trigger_token(nd, t)
        if tok is None:
            continue
        # Modifiers of a trigger noun: "A U.S. airstrike", "a suspected Israeli drone strike".
        if tok.tag_.startswith("NN"):
            left = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod")]
            mods = [x for c in left for x in c.subtree]
            np_text = text[base + min((x.idx for x in mods), default=tok.idx) : t.end]
            status = "alleged" if _ALLEGED.search(np_text) else "confirmed"
            for ent, surface in _entity_tokens(doc, base, entities, mods, skip):
                if ent.type == "PERSON" or (ent.type != "NORP" and _weak(t)) or _a_place(nd, t.sentence, ent, surface):
                    continue  # "the Kabul attack" names the place, "a Kabul-made drone" too
                name, key = _actor_name(ent, surface)
                args.add("perpetrator", name, stated(status), evidence(t.start, t.end, stated(status)), key)
            for prep in tok.rights:
                if prep.dep_ == "prep" and prep.lower_ in ("by",):
                    for ent, surface in _entity_tokens(doc, base, entities, list(prep.subtree), skip):
                        name, key = _actor_name(ent, surface)
                        args.add(
                            "perpetrator",
                            name,
                            stated("confirmed"),
                            evidence(t.start, t.end, "confirmed"),
                            key,
                        )
                if prep.dep_ == "prep" and prep.lower_ in ("on", "against", "targeting"):
                    for ent, surface in _entity_tokens(doc, base, entities, list(prep.subtree), skip)[:1]:
                        if _a_place(nd, t.sentence, ent, surface):
                            continue  # a town is where it happened, not a target
                        name, key = _actor_name(ent, surface)
                        args.add(
                            "target", name, stated("confirmed"), evidence(t.start, t.end, "confirmed"), key
                        )
            verb = tok.head if tok.dep_ in ("dobj", "nsubjpass") else None
            if verb is not None and verb.tag_.startswith("VB"):
                subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if subj is not None and tok.dep_ == "dobj":
                    status = "confirmed"
                    vlow = verb.lower_
                    if vlow in ("claimed",):
                        status = "claimed"
                    elif vlow in ("denied", "denies"):
                        status = "denied"
                    elif verb.lower_ in ("carried", "conducted", "launched", "fired", "staged", "executed"):
                        status = "confirmed"
                    else:
                        subj = None
                    if subj is not None:
                        for ent, surface in _entity_tokens(doc, base, entities, list(subj.subtree), skip)[:1]:
                            name, key = _actor_name(ent, surface)
                            args.add(
                                "perpetrator",
                                name,
                                stated(status),
                                evidence(base + verb.idx, t.end, stated(status)),
                                key,
                            )
        # A trigger verb: subject acts, object suffers.
        if tok.tag_.startswith("VB"):
            # a headline drops the auxiliary: "Convoy ambushed, six soldiers killed" has no
            # killer; a killing verb with no object and no auxiliary is such a passive
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or (
                tok.lower_ in _HEADLINE_PASSIVE and not any(c.dep_ in ("dobj", "aux") for c in tok.children))
            for c in tok.children:
                if c.dep_ == "nsubj" and not passive and not _is_trigger_noun(c):
                    for ent, surface in _entity_tokens(doc, base, entities, list(c.subtree), skip)[:1]:
                        if ent.type == "PERSON" and t.type.head in ("strike", "bombing", "shelling"):
                            continue
                        add_confirmed("perpetrator", ent, surface)
                if c.dep_ == "agent":
                    for ent, surface in _entity_tokens(doc, base, entities, list(c.subtree), skip)[:1]:
                        add_confirmed("perpetrator", ent, surface)
                if (c.dep_ == "dobj" or c.dep_ == "nsubjpass") and tok.lower_ in (
                    "targeted",
                    "attacked",
                    "hit",
                    "raided",
                    "shelled",
                    "ambushed",
                ):
                    for ent, surface in _entity_tokens(doc, base, entities, list(c.subtree), skip)[:1]:
                        if ent.type == "PERSON" or _a_place(nd, t.sentence, ent, surface):
                            continue
                        add_confirmed("target", ent, surface)
        # Victims: named persons who are objects of killing/wounding verbs in the sentence.
        for ent in entities:
            if ent.type != "PERSON":
                continue
            for m in ent.mentions:
                if m.sentence != s.index:
                    continue
                if owner(s.index, m.start) is ev and (
                    _is_victim(doc, base, m.start, m.end) or _victim_by_pattern(text, s, m.start, m.end)
                ):
                    args.add(
                        "victim",
                        ent.name,
                        stated("confirmed"),
                        evidence(m.start, m.end, "confirmed"),
                        ent.key,
                    )
        _statuses(nd, ev, s, doc, entities, args, owner, evidence, skip)
    for si in ev.extra:
        s = nd.sentences[si]
        doc = nd.parse(si)
        if doc is None:
            continue
        claim = _claim_over(claims, s.start, s.end)

        def evidence2(a: int, b: int, certainty: str, _s: Any = s, _c: Claim | None = claim) -> Evidence:
            return Evidence(
                aid, _s.index, a, b, attributed_to=_c.speaker_text if _c else None, certainty=certainty
            )

        _statuses(nd, ev, s, doc, entities, args, owner, evidence2, skip)
    return args.actors


# Possessive quantifiers: each name token is taken whole, so an upper-case wire text ("THE
# ARMED FORCES ...") cannot send the matcher through every split of every word.
_PASSIVE_AFTER = re.compile(
    r"^(?:\s*+(?:[–—,]|\bor\b|[A-Z][\w’'-]*+|al-[\w’'-]++))*+\s*(?:was|were|had been|has been|have been)\s+"
    r"(?:\w+\s+)?(?:killed|wounded|injured|shot|murdered|assassinated|slain)\b"
)
_ACTIVE_BEFORE = re.compile(
    r"\b(?:killed|killing|kills|wounded|wounding|injured|injuring|assassinated|murdered|shot dead)\s+"
    r"(?:(?:[A-Z][\w’'.-]*|deputy|senior|top|former|leader|commander|head|chief|official|spokesperson|"
    r"spokesman|member|militant|officer|general|minister)\s+){0,5}$"
)


def _victim_by_pattern(text: str, s: Any, start: int, end: int) -> bool:
    """Victim patterns for when the parse is wrong: "killed <role> NAME", "NAME ... was killed"."""
    return bool(_ACTIVE_BEFORE.search(text[max(s.start, start - 80) : start])) or bool(
        _PASSIVE_AFTER.match(text[end : min(s.end, end + 80)])
    )


def _statuses(
    nd: NlpDoc,
    ev: _Event,
    s: Any,
    doc: Any,
    entities: list[LocalEntity],
    args: _Args,
    owner: Any,
    evidence: Any,
    skip: tuple[int, int] = (0, 0),
) -> None:
    """Perpetrator statuses a sentence states: unknown, claimed responsibility, blamed, denied."""
    base = s.start
    st = s.text
    m = _UNKNOWN.search(st)
    if m and owner(s.index, base + m.start()) is ev:
        args.add(
            "perpetrator", "unknown", "unknown", evidence(base + m.start(), base + m.end(), "unknown"), None
        )
    for rx, status in ((_CLAIMED, "claimed"), (_BLAME, "alleged"), (_DENY, "denied")):
        m = rx.search(st)
        if not m or owner(s.index, base + m.start()) is not ev:
            continue
        cue = next((x for x in doc if x.idx == m.start()), None)
        if cue is None:
            continue
        deps = ("dobj",) if status == "alleged" else ("nsubj",)
        for p in [c for c in cue.children if c.dep_ in deps]:
            for ent, surface in _entity_tokens(doc, base, entities, list(p.subtree), skip):
                if _a_place(nd, s.index, ent, surface):
                    continue  # "killed in Oakvale ambush as militia denies ...": a town denies nothing
                name, key = _actor_name(ent, surface)
                if _FOR_THE_GROUP.match(ent.name):
                    # "a spokesman for the group denied any role": the group named before denies
                    named = [a for a in args.actors if a.role == "perpetrator" and a.entity and a.status != "unknown"]
                    if named:
                        name, key = named[-1].name, named[-1].entity
                args.add("perpetrator", name, status, evidence(base + m.start(), base + m.end(), status), key)
                break


_STATUS_ONLY = re.compile(
    _UNKNOWN.pattern + r"|" + _CLAIMED.pattern + r"|\b(?:denied|denies)\b.{0,40}\b(?:role|involvement|"
    r"responsibility|involved|behind)\b|\b(?:blamed|accused)\b",
    re.I,
)


def _attach_status_sentences(nd: NlpDoc, events: list[_Event]) -> None:
    """A sentence without a trigger that states who did it ("X denied any role") is about the
    last event before it, preferring reported events over background ones."""
    covered = {si for e in events for si in e.sentences}
    for s in nd.sentences:
        if s.index in covered or not _STATUS_ONLY.search(s.text):
            continue
        before = [e for e in events if e.sentences and e.sentences[0] < s.index]
        fg = [e for e in before if e.best is not None and not e.best.background]
        pick = (fg or before)[-1:] if before else []
        for e in pick:
            e.extra.append(s.index)


def _is_trigger_noun(tok: Any) -> bool:
    return tok.tag_.startswith("NN") and tok.lower_ in lexicon()["phrases"]


def _is_victim(doc: Any, base: int, start: int, end: int) -> bool:
    tok = next((x for x in doc if base + x.idx <= end - 1 < base + x.idx + len(x.text)), None)
    steps = 0
    path: list[str] = []
    while tok is not None and steps < 6:
        if tok.lower_ in _KILL_VERBS and path and path[-1] in ("dobj", "nsubjpass", "appos", "conj"):
            return True
        path.append(tok.dep_)
        if tok.head is tok:
            break
        tok = tok.head
        steps += 1
    return False


def _event_type(nd: NlpDoc, ev: _Event) -> tuple[str, str]:
    lex = lexicon()
    ctx = lex["context"]
    best = ev.best
    assert best is not None
    etype, sub = best.type.event_type, best.type.sub_event_type
    sent_text = " ".join(nd.sentences[i].text for i in ev.sentences)
    if best.type.ambiguous == "labour" and _words_in(nd.sentences[best.sentence].text, ctx["labour"]):
        return "Protests", "Peaceful protest"
    first = _protest_first(ev)
    if first is not None:
        # "protested against the rape of ...", "demonstrated to call for the release of a
        # hostage": the violence named after the protest is its cause, not the event
        etype, sub = first.type.event_type, first.type.sub_event_type
    if etype == "Protests":
        whole = sent_text if len(nd.sentences) > 4 else nd.text
        if _words_in(whole, ctx["excessive_force"]):
            return "Protests", "Excessive force against protesters"
        if _words_in(whole, ctx["protest_violence"]):
            return "Riots", "Violent demonstration"
        if _words_in(whole, ctx["intervention"]) or _arrests_protesters(whole, ctx):
            return "Protests", "Protest with intervention"
    generic = best.type.generic
    if sub == "Abduction/forced disappearance":
        whole = sent_text if len(nd.sentences) > 4 else nd.text
        # "killed one and abducted three": the graver act decides, as for a generic attack
        generic = bool(_words_in(whole, ctx["lethal"]))
        if generic:
            etype, sub = "Violence against civilians", "Attack"
    if etype == "Battles" and best.text.lower() in ctx["clash_words"]:
        s = _ARMED_PEOPLE.sub(" armed ", nd.sentences[best.sentence].text)
        if _words_in(s, ctx["crowd"]) and not _words_in(s, ctx["hard_armed"]):
            return "Riots", "Mob violence"
    if generic:
        s = _ARMED_PEOPLE.sub(" armed ", nd.sentences[best.sentence].text)
        if (_words_in(s, ctx["beating"]) and _words_in(s, ctx["crowd"])
                and not _words_in(s, ctx["hard_armed"] | ctx["armed"])):
            return "Riots", "Mob violence"  # "villagers beat and killed a thief"
        s = nd.sentences[best.sentence].text
        # "armed men", "gunmen" are the attackers, not civilians attacked; a generic attack on
        # armed actors only (police, soldiers, militants) is a battle in ACLED's coding
        s = _ARMED_PEOPLE.sub(" ", s)
        civ = _words_in(s, ctx["civilian"])
        armed = _words_in(s, ctx["armed"])
        if best.text.lower() in ("clash", "clashes", "clashed") or (armed and not civ):
            return "Battles", "Armed clash"
    return etype, sub


def _protest_first(ev: _Event) -> _Trigger | None:
    """A protest trigger before the event's best (a violent act of the same sentence)."""
    best = ev.best
    assert best is not None
    if best.type.event_type not in ("Violence against civilians", "Explosions/Remote violence", "Battles"):
        return None
    before = [t for t in ev.triggers if t.sentence == best.sentence and t.start < best.start and not _weak(t)]
    if before and before[0].type.event_type == "Protests" and before[0].type.priority >= 70:
        return before[0]
    return None


def _arrests_protesters(text: str, ctx: dict[str, set[str]]) -> bool:
    """An arrest the police or forces make (an armed word before it in its sentence), or of
    protesters (a protester word right after it): not one the protest is about."""
    low = text.lower()
    for w in ctx["intervention_arrest"]:
        for m in re.finditer(rf"(?<![\w-]){re.escape(w)}(?![\w-])", low):
            start = max(low.rfind(". ", 0, m.start()), 0)
            if _words_in(low[start : m.start()], ctx["armed"]):
                return True
            after = re.findall(r"[\w-]+", low[m.end() : m.end() + 60])[:5]
            if any(x in ctx["protesters"] for x in after):
                return True
    return False


_ARMED_PEOPLE = re.compile(
    r"\b(?:armed|masked|unidentified|unknown|suspected)\s+(?:men|man|individuals?|persons?|people|assailants|gunmen)\b"
    r"|\bgunm[ae]n\b",
    re.I,
)


_LOCATIVE = re.compile(
    r"\b(?:in|near|at|outside|inside|around|across|on|from|of|north of|south of|east of|west of)\s+"
    r"(?:the\s+)?(?:(?:central|northern|southern|eastern|western|capital|city|town|village|suburbs|outskirts)\s+(?:of\s+)?)*$",
    re.I,
)


# Towns named as where someone was treated or lives, not where it happened: "taken to Mercy
# Hospital in Dover", "Jane Roe, 17, of Oakton", "Jane Roe of Oakton", "both from Elm Grove",
# "sent to the state crime lab in Dover for an autopsy", "had lived in Oakton".
_ASIDE_BEFORE = re.compile(
    r"(?:\b(?i:hospital|medical[ \t]+cent(?:er|re)|health|clinic|trauma[ \t]+cent(?:er|re)|lab|laboratory|morgue"
    r"|medical[ \t]+examiner['’]?s?(?:[ \t]+office)?)[ \t]+(?:in|at)"
    r"|\b(?:lived|lives|living|moved)[ \t]+(?:in|to)"
    r"|(?:[A-Z][\w'’-]+|\d+),[ \t]+(?:of|from)"
    r"|\b(?i:age|aged)[ \t]+\d+,?[ \t]+(?:of|from)"
    r"|\b(?:Jr\.?|Sr\.?|II|III|IV)[ \t]+(?:of|from)"  # "Sam Doe Jr. of Oakton"
    r"|\b[A-Z][\w'’-]+[ \t]+(?!(?:City|Town|Village|Township|Borough|County|Parish|State|University|Department|"
    r"Office|College|School|Church|District|Province|Region|Area|Bank|Center|Centre|Hospital|Mount|Port)\b)"
    r"[A-Z][a-z][\w'’-]*[ \t]+of"
    r"|\b[A-Z]\.[ \t]+[A-Z][a-z][\w'’-]*[ \t]+of"  # "Dana L. Ruiz of Oakton": a middle initial
    r"|\b(?:resident|residents|native|natives|both|all|also|who[ \t]+(?:is|was|are|were))[ \t]+(?:of|from)"
    r"|\b(?:is|was|are|were)[ \t]+(?:originally[ \t]+)?from"
    # "a 15-year-old male from Oakton", "a woman from Oakton": where a person lives
    r"|\b(?:man|men|woman|women|boy|girl|male|female|teen|teenager|juvenile|child|person|people|youth|student|"
    r"victim|suspect|driver)s?[ \t]+from"
    # "a chase through Oakton", "fled into Oakton": where someone went after, not the scene
    r"|\b(?i:chase|chases|chased|pursuit|pursued|fled|flee|fleeing)[ \t]+(?:[a-z]+[ \t]+)?(?:through|into|to|toward|towards)"
    r")[ \t]+(?:the[ \t]+)?$"
)


# ... or a town used as an adjective of a person: "a Dover woman was shot in Milford"
_ASIDE_AFTER = re.compile(
    r"[ \t]+(?:man|woman|men|women|teen|teenager|teens|boy|girl|couple|family|resident|residents|native|"
    r"mother|father|mom|dad|student|youth|toddler|child)\b"
)


def _aside(nd: NlpDoc, pm: Any) -> bool:
    return bool(_ASIDE_BEFORE.search(nd.text, max(0, pm.start - 60), pm.start)
                or _HOSPITAL_AFTER.match(nd.text, pm.end) or _SUBURB_AFTER.match(nd.text, pm.end))


# a town used as a hospital's adjective: "taken to a Riverton hospital", "a Dover area trauma center"
_HOSPITAL_AFTER = re.compile(r"[ \t]+(?:area[ \t]+)?(?:hospital|hospitals|medical[ \t]+center|trauma[ \t]+center)\b")
# a city whose suburbs are meant: "at a home in Riverton suburbs", "Riverton's western suburbs",
# "a Dover suburb" (the suburb is another town)
_SUBURB_AFTER = re.compile(r"(?:['’]s)?[ \t]+(?:[a-z]+(?:ern)?[ \t]+)?suburbs?\b")


# A town named as the landmark a scene is measured from: "a farm 12 miles east of Oakton",
# "just outside Oakton," (but "outside Oakton bar" is a place in town).  Near the scene, so a
# choice of last resort within its sentence, but no hospital's or resident's town.
_LANDMARK_BEFORE = re.compile(
    r"\b(?:(?i:north|south|east|west|northeast|northwest|southeast|southwest)[ \t]+of"
    r"|(?i:outside)(?:[ \t]+of)?)[ \t]+$"
)


def _landmark(nd: NlpDoc, pm: Any) -> bool:
    return bool(_LANDMARK_BEFORE.search(nd.text, max(0, pm.start - 30), pm.start)
                and not re.match(r"[ \t]+[a-z]", nd.text[pm.end : pm.end + 3]))


def _real_town(pm: Any) -> bool:
    """A town or city from the gazetteer, not a street or neighbourhood standing alone."""
    p = pm.place
    return p.precision == 1 and not (p.detail and p.detail == p.name)


def _dateline(nd: NlpDoc) -> tuple[Any, int] | None:
    """The dateline's place ("GARY, Ind. (AP) —"): where the report was filed, which in local
    news is the event's town."""
    # one opening the text, after a repeated title or a line of credits, or glued to a web
    # page's title (the whole text is searched: a sentence split may cut "ST. GEORGE")
    pm = find_dateline(nd.text, nd.article.title)
    if pm is not None:
        return pm, nd.sentence_of(pm.start)
    for si in range(min(3, len(nd.sentences))):
        for pm in _places(nd, si):
            if getattr(pm, "dateline", False):
                return pm, si
    return None


# an outlet's own words at the end of a page title: "... - KXYZ Oakvale, Dover News, Weather and
# Sports", "... | Central State News and Weather for Oakvale, Dover"
_MASTHEAD_WORD = re.compile(r"\b(?:News|NEWS|Weather|Sports|TV|Radio|Channel|NewsChannel|Online|Local|Media)\b|\.com\b"
                            r"|\b[KW][A-Z]{2,3}(?:-(?:TV|FM|AM|DT))?\b")


@functools.lru_cache(maxsize=1024)
def _title_masthead(title: str) -> tuple[int, int]:
    """The span of a page title's last part where that part names the outlet (its call letters,
    "News", "Weather" ...), for a text that opens with its title: the towns it lists are the
    outlet's readers', not the event's.  (0, 0) where the title has no such part."""
    parts = TITLE_SEP.split(title)
    if len(parts) < 2 or not _MASTHEAD_WORD.search(parts[-1]):
        return 0, 0
    return len(title) - len(parts[-1]), len(title)


def _choose_place(
    nd: NlpDoc, ev: _Event, fallback: Any | None, dateline: tuple[Any, int] | None = None
) -> Located | None:
    aid = nd.article.id
    chosen = None
    chosen_aside = False
    for si in ev.sentences:
        # "Temple University Hospital", "Rogers Park": the first word's town is no event place
        # a sentence's own "dateline" other than the article's is a split one ("LOUIS, MO"
        # after "...comST.")
        mentions = [
            m
            for m in _places(nd, si)
            if not getattr(m, "in_name", False)
            and not (getattr(m, "dateline", False) and dateline is not None and m.start != dateline[0].start)
        ]
        if not mentions:
            continue
        # A sentence joined for its casualties may hold no trigger: measure from its start.
        trig = next((t for t in ev.triggers if t.sentence == si), None)
        anchor = trig.start if trig is not None else mentions[0].start
        # A town after a locative preposition, the one after the trigger ("strike in X")
        # first, else the nearest one before it; a region, a county or a lone street only when
        # the sentence names no town.
        # (a town written with a house number or block, "1200 Elm Road, Oakvale", is located)
        located = [
            m
            for m in mentions
            if getattr(m, "in_phrase", False) or _LOCATIVE.search(nd.text[max(0, m.start - 25) : m.start])
            or (m.detail and m.detail[:1].isdigit() and _real_town(m))
        ]
        towns = [m for m in mentions if _real_town(m)]
        # a hospital's or a resident's town only when the sentence names no other; a town
        # used as a person's adjective ("a Dover woman") only beside a town the sentence
        # or county says it happened in ("... was shot in Milford")
        aside = [m for m in mentions if _aside(nd, m)]
        said_in = [m for m in mentions
                   if getattr(m, "in_phrase", False) and m.place.precision <= 2 and m not in aside]
        aside += [m for m in mentions if said_in and m not in aside and _ASIDE_AFTER.match(nd.text, m.end)]
        marked = aside + [m for m in mentions if m not in aside and _landmark(nd, m)]
        pool = (
            [m for m in located if _real_town(m) and m not in marked]
            or [m for m in towns if m not in marked]
            # "in Pike County, 20 miles south of Dover": the county, not the landmark
            or [m for m in located if m.place.precision == 2 and m not in marked and not getattr(m, "in_name", False)]
            or [m for m in towns if m not in aside]
            or towns
            or located
            or mentions
        )
        after = [m for m in pool if m.start >= anchor]
        pick = min(after, key=lambda m: m.start) if after else max(pool, key=lambda m: m.start)
        if (
            chosen is None
            or (_real_town(pick) and not _real_town(chosen[0]))
            or (not chosen[0].detail and pick.detail and pick.place.name == chosen[0].place.name)
            or (chosen_aside and _real_town(pick) and pick not in aside)
            # a state, then a county of it: "N.C. man ... in Pike County"
            or (chosen[0].place.precision >= 3 and pick.place.precision == 2 and pick.place.iso == chosen[0].place.iso)
        ):
            chosen = (pick, si)
            chosen_aside = pick in aside
    if chosen is not None:
        chosen = _unlisted_scene(nd, chosen, ev.sentences)
    if chosen is not None and chosen_aside and _real_town(chosen[0]):
        # only a hospital's or a resident's town in the event's sentences ("taken to Mercy
        # Hospital in Dover", "Jane Roe, 17, of Dover"): a town of its state the text says it
        # happened in ("shot at a home in Milford"), or the headline names, is the scene
        scene = _scene_town(nd, chosen, ev.sentences) or _scene_county(nd, chosen)
        if scene is not None:
            chosen, chosen_aside = scene, False
    if (chosen is not None and dateline is not None and chosen[0].place.precision == 2
            and chosen[0].place.iso == "US" and dateline[0].place.iso == "US" and dateline[0].place.admin1
            and not _inside(chosen[0].place, dateline[0].place, admin=True) and not _region_named(nd, chosen[0].place)):
        # a county the gazetteer filed in a state the text never names, under a dateline of
        # another ("in Oakvale Township" read as a county of another state in a "..., Mich." report):
        # the dateline state's county of that name, else the dateline
        chosen = _namesake_in(chosen, dateline[0].place, precision=2) or dateline
    detail = None
    if chosen is not None and not _real_town(chosen[0]):
        detail = chosen[0].place.detail
        # "the 2200 block of Main Street", "Harris County": the town the article is filed
        # from or names most, when it lies in the same state or country; else the town of the
        # local outlet that ran it, before a town named only inside a longer name ("Oakvale
        # Memorial Hospital")
        # (not a landmark or hospital town: "in Pike County, 20 miles north of Dover")
        # (nor a town named only inside a longer name, "Oakvale University Health", of a state
        # the text never names)
        alts = [alt for alt in (dateline, fallback)
                if alt is not None and _real_town(alt[0]) and _inside(chosen[0].place, alt[0].place)
                and not (alt is fallback and (_aside(nd, alt[0]) or _landmark(nd, alt[0])))
                and not (getattr(alt[0], "in_name", False) and alt[0].place.iso == "US"
                         and not _region_named(nd, alt[0].place))
                and not (alt is fallback and _outside_county(chosen[0].place, alt[0].place))]
        if alts and not getattr(alts[0][0], "in_name", False):
            chosen = alts[0]
        else:
            outlet = _outlet_place(nd, chosen)
            chosen = outlet if outlet is not chosen or not alts else alts[0]
    elif (chosen is not None and chosen_aside and dateline is not None
          and (_real_town(dateline[0]) or (dateline[0].place.precision == 2 and _COUNTY.search(dateline[0].place.name)))
          and _inside(chosen[0].place, dateline[0].place, admin=True)):
        # only a hospital's or a resident's town: the dateline's town or county is the better
        # guess (a county's town the text names takes its place: _town_of_county)
        chosen = dateline
    elif chosen is not None and dateline is not None and not _inside(chosen[0].place, dateline[0].place, admin=True):
        # a town of the same name in another state ("Sheridan, Wyoming" in a Milwaukee report)
        # is the gazetteer's guess, the dateline is the reporter's word: its namesake in the
        # dateline's state where there is one, else the dateline's town
        chosen = _namesake_in(chosen, dateline[0].place) or dateline
        if chosen is not dateline and _far_quarter(nd, chosen[0], dateline[0]):
            chosen = _quarter_of(chosen[0], dateline)
    elif chosen is not None and dateline is not None and _part_of(chosen[0].place, dateline[0].place):
        # "North Portland" in a "PORTLAND, Ore." report: a part of the dateline's city
        chosen = dateline
    elif chosen is not None and dateline is not None and _far_quarter(nd, chosen[0], dateline[0]):
        # "the Riverside neighborhood" in an "OAKTON —" report, the gazetteer's Riverside a
        # village at the other end of the state: a neighbourhood of the dateline's city
        chosen = _quarter_of(chosen[0], dateline)
    if chosen is None:
        chosen = dateline or fallback
    chosen = _stated_scene(nd, _filed_elsewhere(nd, chosen, dateline, ev.sentences), dateline, ev.sentences)
    if chosen is None or chosen[0].place.precision >= 3:
        # no place, or only a state or a country: the place the headline names (a town there)
        title = _title_place(nd)
        if title is not None and (
            chosen is None or (title[0].place.precision <= 2 and _inside(title[0].place, chosen[0].place, admin=True))
        ):
            chosen = title
    if chosen is None:
        chosen = _police_initials(nd) or _outlet_only(nd)
    chosen = _town_of_named_state(nd, chosen, ev.sentences)
    chosen = _policed_city(nd, chosen)
    chosen = _agency_town(nd, chosen)
    chosen = _stray_town(nd, chosen, ev.sentences)
    chosen = _outlet_namesake(nd, chosen, dateline)
    chosen = _titled_namesake(nd, chosen, dateline)
    chosen = _capital_city(_whole_city(nd, _town_of_county(nd, chosen)))
    # (country evidence) the divisions and countries the text names overrule a namesake abroad
    # and stand in when no place was found: see _agree_with_text
    chosen = _agree_with_text(nd, chosen)
    chosen = _home_side(nd, chosen, ev.sentences)
    chosen = _main_town_of_county(nd, chosen)
    chosen = _town_of_state(nd, chosen, ev.sentences)
    chosen = _headline_town(nd, ev, chosen)
    if chosen is None:
        return None
    pm, si = chosen
    place: Place = pm.place
    detail = pm.detail or detail
    if detail and place.detail != detail:
        place = Place(**{**place.as_dict(), "detail": detail})
    return Located(place, pm.text, Evidence(aid, si, pm.start, pm.end))


def _filed_elsewhere(nd: NlpDoc, chosen: tuple[Any, int] | None, dateline: tuple[Any, int] | None,
                     sentences: list[int]) -> tuple[Any, int] | None:
    """The dateline's town chosen in a text that never names the dateline's state but names
    one other US state ("BOSTON (Wire) - ... at their home in southern Vermont ... in Oakvale"):
    a wire reporter filed from a bureau elsewhere; the town of the named state the text says
    it happened in is the place."""
    if chosen is None or dateline is None or chosen[0].start != dateline[0].start:
        return chosen
    p = chosen[0].place
    if p.iso != "US" or not p.admin1 or _region_named(nd, p):
        return chosen
    # a wire's dateline carries its credit in parentheses; a local one ("OAKVALE --") and one
    # whose city's own police work the case ("Oakvale police said") name the scene
    if not re.match(r"[^(\n—–-]{0,20}\(", nd.text[dateline[0].end : dateline[0].end + 40]):
        return chosen
    if re.search(rf"\b{re.escape(p.name)}[ \t]+(?:police|Police)\b", nd.text):
        return chosen
    states = text_context(nd.text).us_states() - {p.admin1}
    if len(states) != 1:
        return chosen
    return _best_town_in(nd, next(iter(states)), sentences, skip=p.name) or chosen


def _stated_scene(nd: NlpDoc, chosen: tuple[Any, int] | None, dateline: tuple[Any, int] | None,
                  sentences: list[int]) -> tuple[Any, int] | None:
    """The dateline's town chosen where one of the event's sentences, or the dateline's own, says
    where it happened ("MILLBROOK, Mont. -- ... The sheriff says the shooting happened at a home
    in Oakvale", "MILLBROOK -- ... took the life of his nephew ... near Oakvale"):
    the reporter files from the dateline, the scene is that other town of the same state."""
    if chosen is None or dateline is None or chosen[0].start != dateline[0].start:
        return chosen
    p = chosen[0].place
    if p.iso != "US" or not p.admin1 or p.precision != 1:
        return chosen
    # (the dateline's own sentence too: the lead tells what the headline's event was)
    for k in dict.fromkeys([*sentences, dateline[1]]):
        sent = nd.sentences[k]
        for m in _places(nd, k):
            if (m.place.iso == "US" and m.place.admin1 == p.admin1 and m.place.name != p.name
                    and _real_town(m) and not getattr(m, "in_name", False) and not _aside(nd, m)
                    and _HAPPENED_IN.search(nd.text[sent.start : m.start])):
                return m, k
    return chosen


# "the shooting happened at a residence in Oakvale", "deputies responded to the 100 block of Elm
# Road in Oakvale": the scene, said outright
# Also a casualty verb: "took the life of his nephew ... near Oakvale", "was shot ... in Oakvale".
_HAPPENED_IN = re.compile(r"\b(?:happened|occurred|took[ \t]+place|responded[ \t]+to|were[ \t]+called[ \t]+to"
                          r"|shot|killed|wounded|stabbed|slain|took[ \t]+the[ \t]+life[ \t]+of)\b"
                          r"[^;]{0,80}?\b(?:in|near|outside)[ \t]+$")


# "was shot in Oakvale Heights, deputies said": a casualty verb, "in", a capitalised name
# and a comma or full stop after it
_SCENE_IN = re.compile(
    r"\b(?:shot|killed|wounded|stabbed|died|slain|injured)[ \t]+(?:\w+[ \t]+){0,3}?in[ \t]+"
    r"(?P<name>[A-Z][a-z]+(?:[- ][A-Z][a-z]+){0,2})(?=[,.;])"
    # ... or a block and its street first: "in the 400 block of Elm Avenue in Oakvale Heights."
    r"|\bblock[ \t]+of[ \t]+(?:[\w.]+[ \t]+){1,5}?in[ \t]+(?P<name2>[A-Z][a-z]+(?:[- ][A-Z][a-z]+){0,2})(?=[,.;])"
)


def _unlisted_scene(nd: NlpDoc, chosen: tuple[Any, int], sentences: list[int]) -> tuple[Any, int]:
    """A county or state stands for the event's place while its sentence says it happened in a
    place the gazetteer lacks ("shot in Oakvale Heights, the Lake County sheriff said"): that place, a town-level place of the county's state without coordinates."""
    pm, _ = chosen
    p = pm.place
    gaz = _gazetteer()
    if gaz is None:
        return chosen
    state = p.admin1 if p.iso == "US" and p.precision in (2, 3) else None
    if state is None and _real_town(pm):
        # the gazetteer knew only the name's first word ("Oakvale| Heights" taken for a town
        # abroad): the state of the county or state the sentence names
        states = {m.place.admin1 for m in _places(nd, nd.sentence_of(pm.start))
                  if m.place.iso == "US" and m.place.precision in (2, 3) and m.place.admin1}
        state = states.pop() if len(states) == 1 else None
    if state is None:
        return chosen
    surnames = text_context(nd.text).surnames
    for si in sentences:
        sent = nd.sentences[si]
        for m in _SCENE_IN.finditer(sent.text):
            group = "name" if m.group("name") else "name2"
            name = m.group(group)
            a = sent.start + m.start(group)
            # "shot in Oakvale Thanksgiving Day.": the name ends where a time expression starts,
            # and a town of the state so named is that town
            cut = next((t.start for t in nd.times if a < t.start < a + len(name)), None)
            if cut is not None:
                name = nd.text[a:cut].rstrip()
                known = gaz.lookup(name, "US", state)
                if known is not None and known.admin1 == state and known.precision == 1:
                    return _CountryMention(name, a, a + len(name), known), si
            words = name.replace("-", " ").split()
            # (one stop word is fine: "Union", "Park" and "El" are in many places' names)
            if (gaz.candidates(name) or all(w.lower() in gaz.stoplist for w in words)
                    or name.lower() in gaz.stoplist or any(gaz.is_country_word(w) for w in words)
                    or gaz.state_code(name) or (len(words) == 1 and name.lower() in surnames)):
                continue
            if _real_town(pm) and not (pm.start == a and pm.end < a + len(name)):
                continue  # a town of the gazetteer is the place, unless it is this name's start
            town = gaz.unlisted_us_town(name, state)
            if town is None:
                continue
            return _CountryMention(name, a, a + len(name), town), si
    return chosen


# a state's own police working the case: "the Ohio State Patrol" ("State" may be in the mention)
_STATE_POLICE = re.compile(r"[ \t]+(?:State[ \t]+)?(?:Police|Patrol|Troopers)\b")


def _town_of_named_state(nd: NlpDoc, chosen: tuple[Any, int] | None, sentences: list[int]) -> tuple[Any, int] | None:
    """A town the gazetteer lists only in another state than the county or state the event's
    own sentences say it happened in ("... was hurt at a farm in Oakvale, Pike County, Ohio"), in a text that never names the listed town's state: a town of the named state
    too small for the gazetteer, not its bigger namesake."""
    if chosen is None or chosen[0].place.iso != "US" or not _real_town(chosen[0]):
        return chosen
    pm, si = chosen
    p = pm.place
    if not getattr(pm, "in_phrase", False) or getattr(pm, "dateline", False) or _region_named(nd, p):
        return chosen
    gaz = _gazetteer()
    if gaz is None:
        return chosen
    own = gaz.entry_of(p)
    if own is None or own.population >= 100_000:
        return chosen
    states = {m.place.admin1 for k in sentences for m in _places(nd, k)
              if m.place.iso == "US" and m.place.precision in (2, 3) and m.place.admin1
              and not getattr(m, "in_name", False)
              and (getattr(m, "in_phrase", False) or _STATE_POLICE.match(nd.text, m.end))}
    if len(states) != 1 or p.admin1 in states:
        return chosen
    state = states.pop()
    if gaz.lookup(p.name, "US", state) is not None:
        return chosen  # a namesake in that state: _namesake_in's and the lookup's business
    town = gaz.unlisted_us_town(p.name, state)
    if town is None:
        return chosen
    if pm.detail:
        town = Place(**{**town.as_dict(), "detail": pm.detail})
    return _CountryMention(pm.text, pm.start, pm.end, town, pm.detail), si


def _title_place(nd: NlpDoc) -> tuple[Any, int] | None:
    """The place the headline names ("Four wounded in shooting at Oakvale diner"), a town first,
    for an event whose text names none: a page's text may hold only the story's second half."""
    if not nd.article.title:
        return None
    head = headline(nd.article.title)
    found = [m for m in find_places(head, Sentence(0, 0, len(head), head), context=text_context(nd.text))
             if not getattr(m, "in_name", False)]
    if not found:
        return None
    pm = next((m for m in found if m.place.precision <= 2), found[0])
    return _named_in_text(nd, pm.text, pm.place)


def _outlet_town(nd: NlpDoc, ctx: TextContext) -> Place | None:
    """The town of the local outlet that ran the article: the one its page title names
    (places.outlet_town), else the one its web address is named for (Gazetteer.domain_town)."""
    town = outlet_town(nd.article.title, context=ctx)
    if town is None and (gaz := _gazetteer()) is not None:
        town = gaz.domain_town(nd.article.source or nd.article.url)
    return town


def _police_forces(nd: NlpDoc) -> list[tuple[Any, int]]:
    """Each big city the text names by its police's initials ("OKCPD: boy, 8, hurt"), as a
    mention of the city at the initials, in text order."""
    gaz = _gazetteer()
    if gaz is None:
        return []
    found = []
    for m in re.finditer(r"\b[A-Z]{3,5}\b", nd.text):
        town = gaz.police_town(m.group(0))
        if town is not None and town.precision == 1:
            found.append((_CountryMention(m.group(0), m.start(), m.end(), town), nd.sentence_of(m.start())))
    return found


def _police_initials(nd: NlpDoc) -> tuple[Any, int] | None:
    """The first city whose police the text names by their initials, for a text that names no
    place at all: the force that works the case is the city's own."""
    return next(iter(_police_forces(nd)), None)


def _outlet_only(nd: NlpDoc) -> tuple[Any, int] | None:
    """The town of the local outlet in the page title, for a text that names no place at all."""
    town = _outlet_town(nd, text_context(nd.text))
    return None if town is None else _named_in_text(nd, town.name, town)


def _named_in_text(nd: NlpDoc, name: str, place: Place) -> tuple[Any, int]:
    """A place read outside the text (the page title), with the same name in the text as its
    evidence where the text has it, else the text's start."""
    at = nd.text.find(name)
    if at < 0:
        return _CountryMention(name, 0, 0, place), 0
    return _CountryMention(name, at, at + len(name), place), nd.sentence_of(at)


def _outlet_place(nd: NlpDoc, chosen: tuple[Any, int]) -> tuple[Any, int]:
    """A street the text names with no town anywhere ("in the 900 block of Elm Street"): the
    town the local outlet of the page title is named for, the street kept as detail, when the
    street's known country or state agrees."""
    pm, si = chosen
    if pm.place.precision != 1 or not pm.detail:
        return chosen
    town = _outlet_town(nd, text_context(nd.text))
    if town is None or not _inside(pm.place, town, admin=True):
        return chosen
    police = _police_initials(nd)
    if police is not None and police[0].place.name != town.name:
        return chosen  # another city's police work the case ("OKCPD" on an Oakvale station's page)
    return _CountryMention(pm.text, pm.start, pm.end, Place(**{**town.as_dict(), "detail": pm.detail}), pm.detail), si


def _namesake_in(chosen: tuple[Any, int], wider: Place, precision: int = 1) -> tuple[Any, int] | None:
    """The town (or, with ``precision`` 2, the county) named like ``chosen`` in ``wider``'s state
    ("Madison" in a report filed from Tennessee is a Tennessee Madison when the gazetteer lists
    one), or None."""
    p = chosen[0].place
    if p.precision != precision or wider.iso != "US" or not wider.admin1 or p.iso not in (None, "US"):
        return None
    gaz = _gazetteer()
    if gaz is None:
        return None
    alt = gaz.lookup(p.name, "US", wider.admin1)
    if alt is None or alt.precision != precision or alt.admin1 != wider.admin1:
        return None
    pm, si = chosen
    if pm.detail:
        alt = Place(**{**alt.as_dict(), "detail": pm.detail})
    return _CountryMention(pm.text, pm.start, pm.end, alt, pm.detail), si


# how far from its town a local outlet's reports reach (the next state over, not across the country)
_OUTLET_REACH_KM = 500.0


def _outlet_namesake(nd: NlpDoc, chosen: tuple[Any, int] | None,
                     dateline: tuple[Any, int] | None) -> tuple[Any, int] | None:
    """A town or county the gazetteer placed in a state the text never names, in a page whose
    title names a local outlet's town in another state ("Marion County" in a report of an
    outlet of "Oakvale, MS"): its namesake in the outlet's state where there is one.  The
    gazetteer's pick among namesakes is a guess by size; a local outlet reports local news.  A
    town abroad counts the same when the text backs its country by that name alone; a dateline
    is the reporter's own word and a city of 100,000 people or more is itself."""
    if chosen is None or dateline is not None or chosen[0].place.precision > 2:
        return chosen
    pm, si = chosen
    p = pm.place
    if _region_named(nd, p) or getattr(pm, "dateline", False):
        return chosen
    gaz = _gazetteer()
    if gaz is None:
        return chosen
    ctx = text_context(nd.text)
    if p.iso != "US":
        if ctx.weight_without(p.iso, p.name) > 1e-9:
            return chosen  # the text names the country, its divisions or other towns of it
    elif p.precision == 1 and ((own := gaz.entry_of(p)) is None or own.population >= 100_000):
        return chosen
    outlet = _outlet_town(nd, ctx)
    if outlet is None or outlet.iso != "US" or not outlet.admin1 or outlet.admin1 == p.admin1:
        return chosen
    if ctx.region_without("US", p.admin1 or "", p.name) > ctx.region_without("US", outlet.admin1, p.name):
        return chosen  # the text's other names point to the town's state more than the outlet's
    alt = gaz.lookup(p.name, "US", outlet.admin1)
    if alt is None or alt.admin1 != outlet.admin1 or alt.precision > 2 or (p.iso == "US" and alt.precision != p.precision):
        # no namesake there: a small town of a state nothing else in the text points to
        # ("Elmwood police" in a report of an outlet of "Oakvale, PA", the township unlisted)
        # lies near the outlet's town, the name kept as detail
        # (a town within a day's drive of the outlet is one it reports: a city across the state
        # line from the outlet's is no guess)
        if (p.iso == "US" and p.precision == 1 and p.admin1
                and ctx.region_without("US", p.admin1, p.name) <= 1e-9
                and p.lat is not None and outlet.lat is not None
                and _km(p.lat, p.lon or 0.0, outlet.lat, outlet.lon or 0.0) > _OUTLET_REACH_KM):
            near = Place(**{**outlet.as_dict(), "precision": 2, "detail": pm.detail or p.name})
            return _CountryMention(pm.text, pm.start, pm.end, near, pm.detail or p.name), si
        return chosen
    e, a = (gaz.entry_of(p), gaz.entry_of(alt)) if p.precision == 1 else (None, None)
    if e is not None and e.admin2 and ("US", e.admin2) in ctx.admin2 and (a is None or a.admin2 != e.admin2):
        return chosen  # the text names the town's county, and the namesake lies in another
    if pm.detail:
        alt = Place(**{**alt.as_dict(), "detail": pm.detail})
    return _CountryMention(pm.text, pm.start, pm.end, alt, pm.detail), si


def _titled_namesake(nd: NlpDoc, chosen: tuple[Any, int] | None,
                      dateline: tuple[Any, int] | None) -> tuple[Any, int] | None:
    """A town or county placed in a state (or a country) the text never names, in a page whose
    title writes its outlet's state after a town ("... - WXYZ - Oakvale, AL"): its namesake in
    that state.  Unlike the outlet's bare name (_outlet_namesake), the state is the page's own
    word, so a namesake of any size yields; a dateline that writes the chosen place's state, or
    a text that names that state or country, is the reporter's word and stands."""
    if chosen is None or chosen[0].place.precision > 2 or not nd.article.title:
        return chosen
    pm, si = chosen
    p = pm.place
    state = title_state(nd.article.title)
    if state is None or (p.iso == "US" and p.admin1 == state) or _region_named(nd, p):
        return chosen
    # (a dateline without its state, "RUSK COUNTY —", is the gazetteer's guess too)
    if dateline is not None and "," in dateline[0].text and _inside(p, dateline[0].place, admin=True):
        return chosen
    if p.iso != "US" and text_context(nd.text).weight_without(p.iso, p.name) > 1e-9:
        return chosen  # the text names the country, its divisions or other towns of it
    gaz = _gazetteer()
    if gaz is None:
        return chosen
    alt = gaz.lookup(p.name, "US", state)
    if alt is None or alt.admin1 != state or alt.precision != p.precision:
        # no namesake there: a small town's name in a text that names the outlet's own city
        # ("shot in Ensley, Birmingham police said") is a part of that city, its detail
        outlet = _outlet_town(nd, text_context(nd.text))
        own = gaz.entry_of(p) if p.precision == 1 else None
        # (or the outlet's state: "the Ohio Department of Corrections" in an Oakvale, OH outlet's page)
        if (outlet is None or outlet.admin1 != state or own is None or own.population >= 100_000
                or not (re.search(rf"\b{re.escape(outlet.name)}\b", nd.text) or _region_named(nd, outlet))):
            return chosen
        alt = Place(**{**outlet.as_dict(), "detail": pm.detail or p.name})
        return _CountryMention(pm.text, pm.start, pm.end, alt, pm.detail or p.name), si
    if pm.detail:
        alt = Place(**{**alt.as_dict(), "detail": pm.detail})
    return _CountryMention(pm.text, pm.start, pm.end, alt, pm.detail), si


_NEIGHBOURHOOD_AFTER = re.compile(r"[ \t]+(?:neighborhood|neighbourhood)\b")


def _called_neighbourhood(nd: NlpDoc, name: str) -> bool:
    """Whether the text calls ``name`` a neighbourhood anywhere ("the Oakvale neighborhood")."""
    return any(_NEIGHBOURHOOD_AFTER.match(nd.text, m.end()) for m in re.finditer(rf"\b{re.escape(name)}\b", nd.text))
# a city's own police or officials: "Toledo police reported", "the Toledo Police Department"
_CITY_AGENCY = re.compile(r"[ \t]+(?:police|Police|PD|officials|Fire[ \t]+Department|fire[ \t]+officials)(?![\w])")


def _policed_city(nd: NlpDoc, chosen: tuple[Any, int] | None) -> tuple[Any, int] | None:
    """A town the gazetteer lists only in other states, in a text whose big city's police work
    the case ("shot in Oakview, Toledo police reported"): a neighbourhood of that city, which is the
    place, the neighbourhood its detail (SPEC)."""
    if chosen is None or chosen[0].place.precision != 1 or chosen[0].place.iso != "US":
        return chosen
    gaz = _gazetteer()
    if gaz is None:
        return chosen
    pm, si = chosen
    p = pm.place
    own = gaz.entry_of(p)
    # a town of some size, or one whose state the text names, is itself, unless the text calls
    # it a neighbourhood ("in the South Oakvale neighborhood, Toledo police said")
    marked = _called_neighbourhood(nd, p.name)
    inner = _policed_part(nd, pm)
    if inner is not None:
        return inner, si
    if own is None or (own.population >= 50_000 and not marked) or _region_named(nd, p):
        return chosen
    ctx = text_context(nd.text)
    for k in range(len(nd.sentences)):
        for m in _places(nd, k):
            c = m.place
            if (c.precision != 1 or c.iso != "US" or c.admin1 == p.admin1 or c.name == p.name
                    or not _CITY_AGENCY.match(nd.text, m.end)):
                continue
            e = gaz.entry_of(c)
            if e is None or e.population < 100_000:
                continue
            if not marked and gaz.lookup(p.name, "US", c.admin1) is not None:
                continue  # the state has its own town of that name: not a neighbourhood
            if ctx.regions.get(("US", c.admin1 or ""), 0.0) <= ctx.region_without("US", p.admin1 or "", p.name):
                # the text backs the city's state no more than the town's: a police force
                # named in a page's sidebar ("Oakton police arrest ...") is not the case's
                continue
            detail = f"{pm.detail}, {p.name}" if pm.detail else p.name
            return _CountryMention(pm.text, pm.start, pm.end, Place(**{**c.as_dict(), "detail": detail}), detail), si
    return chosen


# a big city's own police by any of their names: "Dayton police", "the Tulsa Metro Police",
# "Omaha Metropolitan Police Department"
_BIG_CITY_POLICE = re.compile(r"[ \t]+(?:Metro(?:politan)?[ \t]+)?(?:police|Police|PD)(?![\w])")


def _policed_part(nd: NlpDoc, pm: Any) -> Any | None:
    """A place GeoNames lists as a town of the same state that lies inside a much bigger city
    whose own police work the case ("shot in Oakvale Heights ... Dayton police said"), in a text
    that never names police of the place itself: a neighbourhood of that city, which is the
    place, the neighbourhood its detail (GVA and SPEC: the town).  A suburb has its own police
    ("Oakvale Heights police"); a dateline is the reporter's word."""
    p = pm.place
    if not p.admin1 or p.lat is None or _is_dateline(nd, pm):
        return None
    gaz = _gazetteer()
    if gaz is None:
        return None
    city = gaz.enclosing_city(p, marked=True)
    if city is None or city.name == p.name:
        return None
    # a place of another county than the city's is a town of its own (a county seat a few
    # miles out), as is a borough GeoNames gives its own county beside a city it gives none
    own, big = gaz.entry_of(p), gaz.entry_of(city)
    if own is not None and own.admin2 and (big is None or big.admin2 != own.admin2):
        return None
    if _own_police(nd, p.name):
        return None
    if not any(_BIG_CITY_POLICE.match(nd.text, m.end())
               for m in re.finditer(rf"\b{re.escape(city.name)}\b", nd.text)):
        return None
    detail = f"{pm.detail}, {p.name}" if pm.detail else p.name
    return _CountryMention(pm.text, pm.start, pm.end, Place(**{**city.as_dict(), "detail": detail}), detail)


def _own_police(nd: NlpDoc, name: str) -> bool:
    """Whether the text names the place's own police ("Oakvale police", "the Oakvale and Dayton
    police": both forces at work): a town of its own, not a part of the city beside it."""
    return bool(re.search(rf"\b{re.escape(name)}(?:'s)?(?:[ \t]+and[ \t]+[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)?"
                          rf"{_BIG_CITY_POLICE.pattern}", nd.text))


def _agency_town(nd: NlpDoc, chosen: tuple[Any, int] | None) -> tuple[Any, int] | None:
    """The US city whose own police work the case ("Tulsa police are looking into ...", "the
    Fresno Police Department said") stands in for a place that cannot be the scene in a US
    police story: a town abroad the text never backs (a local "community" named like a village
    in England), a state or country alone, or a namesake town in another state named without
    "in" (a person's first name read as a town).  A county the text names beats a town abroad
    too ("Pike County deputies ... in the Millbrook community")."""
    if chosen is None or getattr(chosen[0], "dateline", False):
        return chosen
    pm = chosen[0]
    p = pm.place
    foreign = p.iso not in (None, "US") and p.precision <= 3 and not _region_named(nd, p)
    if foreign:
        # the text names that country itself ("Karachi, Pakistan"): the place stands
        foreign = text_context(nd.text).countries.get(p.iso or "", 0.0) < 3.0
    wide = p.iso == "US" and p.precision >= 3
    stray = (p.iso == "US" and p.precision == 1 and _real_town(pm) and not getattr(pm, "in_phrase", False)
             and not _region_named(nd, p))
    # a street the text names in no town ("near 14th Street and Avenue K")
    # (whatever country a guess gave it)
    street = p.precision == 1 and not p.admin1 and bool(p.detail) and p.detail == p.name
    if not (foreign or wide or stray or street):
        return chosen
    gaz = _gazetteer()
    if gaz is None:
        return chosen
    agencies: dict[tuple[str, str | None], list[tuple[Any, int]]] = {}
    counties: list[tuple[Any, int]] = []
    for k in range(len(nd.sentences)):
        for m in _places(nd, k):
            c = m.place
            if c.iso != "US":
                continue
            if c.precision == 1 and _real_town(m) and _CITY_AGENCY.match(nd.text, m.end):
                # a city of some size: "University police", "Metro police" name no town (any
                # town's own police beside a street the text puts in no town)
                e = gaz.entry_of(c)
                if e is not None and e.population >= (_STREET_AGENCY_POP if street else 50_000):
                    agencies.setdefault((c.name, c.admin1), []).append((m, k))
            elif c.precision == 2 and _COUNTY.search(c.name) and not getattr(m, "in_name", False):
                counties.append((m, k))
    # ... and a big city's police by their initials ("OKCPD investigating ...")
    for force in _police_forces(nd):
        agencies.setdefault((force[0].place.name, force[0].place.admin1), []).append(force)
    if len(agencies) == 1:
        m, k = next(iter(agencies.values()))[0]
        if m.place == p or (stray and m.place.admin1 == p.admin1):
            return chosen  # a town of the same state: perhaps the scene beside the city
        if p.precision == 1 and pm.detail:
            return _CountryMention(m.text, m.start, m.end, Place(**{**m.place.as_dict(), "detail": pm.detail}),
                                   pm.detail), k
        return m, k
    if foreign and counties:
        return counties[0]
    return chosen


# the least people a town whose police the text names needs to be a street's town
_STREET_AGENCY_POP = 5_000

_COMPASS = re.compile(r"(?i)^(?:north|south|east|west|northeast|northwest|southeast|southwest|central|downtown)\s+")


def _quarter_of(pm: Any, dateline: tuple[Any, int]) -> tuple[Any, int]:
    """The dateline's city, with ``pm``'s name as the detail: a neighbourhood of it."""
    city = dateline[0]
    detail = pm.place.name
    return _CountryMention(city.text, city.start, city.end, Place(**{**city.place.as_dict(), "detail": detail}),
                           detail), dateline[1]


def _far_quarter(nd: NlpDoc, pm: Any, city: Any) -> bool:
    """Whether town mention ``pm`` is one the text calls a neighbourhood ("the Oakvale
    neighborhood") though the gazetteer's town of that name lies far from the dateline's city
    ``city`` of the same state: a part of that city GeoNames lacks, not the distant town."""
    p, c = pm.place, city.place
    if (p.precision != 1 or c.precision != 1 or p.iso != "US" or p.admin1 != c.admin1 or p.name == c.name
            or p.lat is None or c.lat is None):
        return False
    # (or a small town's name in a report whose city's own police work the case, the town's
    # never: "Police: teen shot in Oakvale" filed from Riverton, "according to Riverton police")
    if not _called_neighbourhood(nd, p.name) and not (
        _own_police(nd, c.name) and not _own_police(nd, p.name) and _population(p) < _SMALL_QUARTER_POP
    ):
        return False
    return _km(p.lat, p.lon or 0.0, c.lat, c.lon or 0.0) > _QUARTER_KM


def _population(p: Place) -> int:
    gaz = _gazetteer()
    e = gaz.entry_of(p) if gaz is not None else None
    return e.population if e is not None else 0


# a town this small, far from the dateline's city whose police work the case, is no scene of its own
_SMALL_QUARTER_POP = 10_000


# farther than this from the city the report is filed from, a "neighborhood" is no separate town
_QUARTER_KM = 40.0


def _part_of(p: Place, city: Place) -> bool:
    """Whether ``p`` is a compass part of town ``city`` ("North Portland" of Portland, Oregon)."""
    return (
        city.precision == 1
        and p.name != city.name
        and p.admin1 == city.admin1
        and _COMPASS.sub("", p.name) == city.name
    )


_COUNTY = re.compile(r"\s(?:County|Parish|Borough)$")


def _town_of_county(nd: NlpDoc, chosen: tuple[Any, int] | None) -> tuple[Any, int] | None:
    """A county ("Floyd County deputies ...") gives way to the town in it that the text names
    most ("... on a road in Rome"): SPEC's place is the town, the county is what the reporter
    names for its sheriff."""
    if chosen is None or chosen[0].place.precision != 2 or not _COUNTY.search(chosen[0].place.name):
        return chosen
    gaz = _gazetteer()
    if gaz is None:
        return chosen
    county = chosen[0].place
    found: dict[str, list[tuple[Any, int]]] = {}
    for k in range(len(nd.sentences)):
        for m in _places(nd, k):
            if not _real_town(m) or getattr(m, "in_name", False):
                continue
            if m.place.admin1 != county.admin1 or m.place.iso != county.iso:
                # "Rome" taken for the Italian capital: the county's state has its namesake
                alt = gaz.lookup(m.place.name, county.iso, county.admin1) if county.iso and county.admin1 else None
                if alt is None or alt.precision != 1:
                    continue
                m = _CountryMention(m.text, m.start, m.end, alt, m.detail)
            e = gaz.entry_of(m.place)
            if e is not None and e.admin2 == county.name:
                found.setdefault(m.place.name, []).append((m, k))
    if not found:
        return chosen
    best = max(found.values(), key=lambda v: (len(v), -v[0][0].start))
    pm, si = best[0]
    detail = chosen[0].detail or pm.detail
    if detail and pm.place.detail != detail:
        return _CountryMention(pm.text, pm.start, pm.end, Place(**{**pm.place.as_dict(), "detail": detail}), detail), si
    return best[0]


def _main_town_of_county(nd: NlpDoc, chosen: tuple[Any, int] | None) -> tuple[Any, int] | None:
    """A county that names no town of it ("Pima County deputies said ...") gives way, at
    precision 2, to the town that holds most of its people (Tucson): where such a report most
    likely happened, and the town whose name gazetteers file its unincorporated parts under.
    Where no town does, the town bearing the county's name stands in (most often its seat,
    where its sheriff and courts sit).  Not a county the reporter
    files from ("PIKE COUNTY, Ohio --"): that is the reporter's own word for the place."""
    if chosen is None or chosen[0].place.precision != 2 or not _COUNTY.search(chosen[0].place.name):
        return chosen
    if _is_dateline(nd, chosen[0]) or getattr(chosen[0], "in_name", False):
        return chosen
    gaz = _gazetteer()
    if gaz is None:
        return chosen
    named = _named_town_of(nd, chosen[0].place)
    if named is not None:
        return named
    town = gaz.main_town(chosen[0].place)
    e = gaz.entry_of(town) if town is not None else None
    if town is None or e is None or e.population < _MAIN_TOWN_POP:
        # else the town bearing the county's name ("Oakvale County" -> Oakvale), its seat
        town = gaz.seat_namesake(chosen[0].place)
        if town is None:
            return chosen
    pm, si = chosen
    # precision 2 ("near a town"), as ACLED codes a district by its main town: the text names
    # only the county, so the town is where it most likely was, not where it was said to be
    town = Place(**{**town.as_dict(), "precision": 2, "detail": pm.detail or town.detail})
    return _CountryMention(pm.text, pm.start, pm.end, town, pm.detail), si


# (a village that holds half a rural county's listed people is no stand-in for the county)
_MAIN_TOWN_POP = 5_000


def _named_town_of(nd: NlpDoc, county: Place) -> tuple[Any, int] | None:
    """The one town of ``county`` the text names anywhere, the victim's or a resident's town too
    ("a 2-year-old Oakvale boy ... the Pike County sheriff said"): where a county case most
    likely happened, before the county's biggest town.  A town in a same-named county of
    another state counts where the text does not name the county's own state (the gazetteer's
    guess between the Pike Counties), and then moves the case there.  None where the text names
    none or several, or names one only inside a longer name."""
    gaz = _gazetteer()
    if gaz is None or county.iso != "US" or not county.admin1:
        return None
    own_state = _region_named(nd, county)
    found: dict[tuple[str, str], tuple[Any, int]] = {}
    for k in range(len(nd.sentences)):
        for m in _places(nd, k):
            p = m.place
            if (not _real_town(m) or getattr(m, "in_name", False) or p.iso != "US" or not p.admin1
                    or p.lat is None or (own_state and p.admin1 != county.admin1)):
                continue
            # (a town GeoNames lists: a hamlet only the ZIP codes know is as likely the home of
            # someone from out of town as the scene)
            e = gaz.entry_of(p)
            if e is not None and e.admin2 and place_key(e.admin2) == place_key(county.name):
                found.setdefault((p.name, p.admin1), (m, k))
    if len(found) != 1:
        return None
    m, k = next(iter(found.values()))
    town = Place(**{**m.place.as_dict(), "precision": 2})
    return _CountryMention(m.text, m.start, m.end, town, m.detail), k


def _town_of_state(nd: NlpDoc, chosen: tuple[Any, int] | None, sentences: list[int]) -> tuple[Any, int] | None:
    """A US state alone ("... gunfire in northern Ohio") gives way to the town of that state the
    headline or the text names ("Two hurt by Sandusky gunfire"): SPEC's place is the town,
    and a report that names a town of the state it names means that town."""
    if chosen is None or chosen[0].place.iso != "US" or chosen[0].place.precision != 3:
        return chosen
    state = chosen[0].place.admin1
    if not state or state == "District of Columbia":
        return chosen
    return _best_town_in(nd, state, sentences) or chosen


def _headline_town(nd: NlpDoc, ev: _Event, chosen: tuple[Any, int] | None) -> tuple[Any, int] | None:
    """The town the headline puts the story in ("Vigil for teen shot in Oakvale", "Oakvale
    shooting victims named"), for an event the lead tells, over a town the body names: the body
    also names hospitals, homes, courts and the outlet's city, the headline names the scene.
    Only a town of the state the chosen place (else the text) lies in; a town the headline names
    only as where someone lives ("Oakvale man charged") does not outrank a town the body says it
    happened in; a neighbourhood of the chosen city stays in the city."""
    if not ev.sentences or ev.sentences[0] > 2 or (ev.best is not None and ev.best.background):
        return chosen
    gaz = _gazetteer()
    if gaz is None:
        return chosen
    ctx = text_context(nd.text)
    p = chosen[0].place if chosen is not None else None
    if p is not None and p.iso not in (None, "US"):
        return chosen
    # the chosen place's state, else (or when the text names another state and never that one)
    # the state the text's names point to
    states = {a1: w for (iso, a1), w in ctx.regions.items() if iso == "US" and a1 != "District of Columbia"}
    top = max(states, key=lambda k: states[k]) if states else None
    order = [p.admin1] if p is not None and p.admin1 and p.admin1 != "District of Columbia" else []
    if top is not None and top not in order and (not order or (("US", top) in ctx.admin1 and not _region_named(nd, p))):
        order.append(top)
    found = next((f for f in (headline_towns(nd.article.title, st, context=ctx) for st in order) if f), None)
    if not found:
        return chosen
    rank, town = found[0]
    if re.search(rf"\b{re.escape(town.text)}{_SUBURB_AFTER.pattern}", nd.article.title or ""):
        return chosen  # "... in Oakvale suburbs": some town around it
    if chosen is not None and p is not None:
        if p.name == town.place.name or (p.precision <= 2 and p.detail and town.place.name in p.detail):
            return chosen
        city = gaz.enclosing_city(town.place, marked=True) or gaz.borough_of(town.place)
        if (city is not None and city.name == p.name) or town.place.name.endswith(f" {p.name}"):
            return chosen  # "Hyde Park" of a Chicago report, "North Oakvale" of Oakvale
        # (nor a town the report is filed from that the text also says it happened in:
        # "OAKVALE, Ind. -- A Milford teen was shot ... hunting in Oakvale", unless Milford's own
        # police work the case)
        if rank == 2 and _real_town(chosen[0]) and (
                getattr(chosen[0], "in_phrase", False) or _aside(nd, chosen[0])
                or (_is_dateline(nd, chosen[0])
                    and re.search(rf"\b(?:in|near|outside)[ \t]+{re.escape(p.name)}\b", nd.text[chosen[0].end:])
                    and not re.search(rf"\b{re.escape(town.place.name)}(?:'s)?{_BIG_CITY_POLICE.pattern}", nd.text))):
            return chosen
    return _named_in_text(nd, town.text, town.place)


# from a dateline's place to its dash: ", Democratic Republic of Congo (Wire) --"
_DATELINE_REST = re.compile(r"[^\n]{0,60}?(?:—|–|--|[ \t]-[ \t])")


def _dateline_span(nd: NlpDoc, dateline: tuple[Any, int] | None) -> tuple[int, int]:
    """The dateline from its place to its dash ((0, 0) without one)."""
    if dateline is None:
        return (0, 0)
    m = _DATELINE_REST.match(nd.text, dateline[0].end)
    return (dateline[0].start, m.end() if m else dateline[0].end)


def _is_dateline(nd: NlpDoc, pm: Any) -> bool:
    """Whether ``pm`` is the article's dateline (the sentence's own reading may miss it under a
    photo credit)."""
    if getattr(pm, "dateline", False):
        return True
    dateline = _dateline(nd)
    return dateline is not None and dateline[0].start <= pm.start < dateline[0].end


def _scene_town(nd: NlpDoc, chosen: tuple[Any, int], sentences: list[int]) -> tuple[Any, int] | None:
    """Another town of the chosen hospital's or resident's town's state that the text names as
    the event's place ("in X" in the event's or the lead's sentences, the headline's town, or a
    town named twice), itself no hospital's or resident's town; else None."""
    p = chosen[0].place
    if p.iso != "US" or not p.admin1:
        return None
    found = _best_town_in(nd, p.admin1, sentences, skip=p.name, firm=True)
    if found is None or _aside(nd, found[0]) or not _real_town(found[0]):
        return None
    return found


def _scene_county(nd: NlpDoc, chosen: tuple[Any, int]) -> tuple[Any, int] | None:
    """The county of the chosen hospital's, resident's or landmark town's state that the text
    says it happened in ("... in Pike County, about 20 miles north of Dover"), else None."""
    p = chosen[0].place
    if p.iso != "US" or not p.admin1:
        return None
    for k in range(len(nd.sentences)):
        for m in _places(nd, k):
            if (m.place.precision == 2 and m.place.iso == "US" and m.place.admin1 == p.admin1
                    and _COUNTY.search(m.place.name) and getattr(m, "in_phrase", False)
                    and not getattr(m, "in_name", False) and not _aside(nd, m)):
                return m, k
    # ... else the one county whose sheriff works the case ("Jane Roe of Dover died at the scene,
    # Pike County deputies said"): an unincorporated scene is the sheriff's, the resident's
    # town may lie miles away (one inside that county gets its town back: _town_of_county)
    policed: dict[str, tuple[Any, int]] = {}
    for k in range(len(nd.sentences)):
        for m in _places(nd, k):
            if (m.place.precision == 2 and m.place.iso == "US" and m.place.admin1 == p.admin1
                    and _COUNTY.search(m.place.name) and _SHERIFF_AFTER.match(nd.text, m.end)):
                policed.setdefault(m.place.name, (m, k))
    return next(iter(policed.values())) if len(policed) == 1 else None


# a county's sheriff: "Pike County sheriff's deputies", "the Pike County Sheriff's Office"
_SHERIFF_AFTER = re.compile(r"(?:['’]s)?[ \t]+(?i:sheriff|deputies|deputy)\b")


def _best_town_in(nd: NlpDoc, state: str, sentences: list[int], skip: str | None = None,
                  firm: bool = False) -> tuple[Any, int] | None:
    """The town of US ``state`` the text names as the event's: one its own sentences say it
    happened in ("in X") first, then one the headline or those sentences name, then any, the
    most named first; a hospital's or a resident's town last.  A name the gazetteer gave to a
    bigger namesake elsewhere counts as the state's own town of that name.  ``firm``: only a
    town said to be the place ("in X"), named in the headline or named twice."""
    gaz = _gazetteer()
    if gaz is None:
        return None
    own = set(sentences)
    # name -> [rank, count, first (mention, sentence)]; lower rank wins
    found: dict[str, list[Any]] = {}

    def add(m: Any, k: int, rank: int) -> None:
        if not _real_town(m) or getattr(m, "in_name", False) or m.place.iso != "US" or m.place.name == skip:
            return
        if m.place.admin1 != state:
            alt = gaz.lookup(m.place.name, "US", state)
            if alt is None or alt.precision != 1 or alt.admin1 != state:
                return
            m = _CountryMention(m.text, m.start, m.end, alt, m.detail)
        if _aside(nd, m):
            rank += 3
        entry = found.setdefault(m.place.name, [rank, 0, (m, k)])
        entry[1] += 1
        if rank < entry[0]:
            entry[0], entry[2] = rank, (m, k)

    title = _title_place(nd)
    if title is not None:
        add(title[0], title[1], 0)
    for k in range(len(nd.sentences)):
        for m in _places(nd, k):
            add(m, k, 0 if getattr(m, "in_phrase", False) and (k in own or k == 0) else 1 if k in own else 2)
    if firm:
        found = {n: v for n, v in found.items() if v[0] == 0 or v[1] >= 2}
    if not found:
        return None
    best = min(found.values(), key=lambda v: (v[0], -v[1], v[2][0].start))
    return best[2]


def _stray_town(nd: NlpDoc, chosen: tuple[Any, int] | None, sentences: list[int]) -> tuple[Any, int] | None:
    """A small town of a state the text never names, in a text whose towns and states point
    to another state ("shot in Oakview" where every other name is of Ohio): the gazetteer's
    guess among namesakes, or a neighbourhood it lists as a town elsewhere.  The namesake in
    the text's state where there is one, else the town of that state the text names as the
    event's, the name kept as detail."""
    if chosen is None or getattr(chosen[0], "dateline", False) or not _real_town(chosen[0]):
        return chosen
    pm = chosen[0]
    p = pm.place
    if p.iso != "US" or not p.admin1 or _region_named(nd, p):
        return chosen
    gaz = _gazetteer()
    if gaz is None:
        return chosen
    e = gaz.entry_of(p)
    if e is None or e.population >= 100_000:
        return chosen
    # the votes of every other name of the text and of the headline ("... - Oakvale, OH")
    title = nd.article.title or ""
    ctx = text_context(nd.text if title and title[:40] in nd.text else f"{title}\n{nd.text}")
    # each other name counted once (a surname said five times is no five towns), a state the
    # text names counted as the context counts it
    regions: dict[str, float] = {a1: 2.0 for iso, a1 in ctx.admin1 if iso == "US"}
    for name, (_, votes, times) in ctx.own.items():
        if name == place_key(pm.text) or not times:
            continue
        for (iso, a1), w in votes.items():
            if iso == "US":
                regions[a1] = regions.get(a1, 0.0) + w / times
    if not regions:
        return chosen
    top = max(regions, key=lambda k: regions[k])
    # (another name of the chosen town's state, "Chicago" beside "Englewood", backs it)
    if top == p.admin1 or regions[top] < 2.0 or regions.get(p.admin1, 0.0) >= min(1.0, 0.5 * regions[top]):
        return chosen
    alt = _namesake_in(chosen, Place(name=top, iso="US", admin1=top, precision=3))
    if alt is not None:
        return alt
    town = _best_town_in(nd, top, sentences, skip=p.name, firm=True)
    if town is None:
        return chosen
    m, k = town
    detail = f"{pm.detail}, {p.name}" if pm.detail else p.name
    return _CountryMention(m.text, m.start, m.end, Place(**{**m.place.as_dict(), "detail": detail}), detail), k


def _whole_city(nd: NlpDoc, chosen: tuple[Any, int] | None) -> tuple[Any, int] | None:
    """A neighbourhood GeoNames lists as a town ("Portage Park", "Mott Haven") gives way to its
    city, the neighbourhood kept as detail (SPEC: the place is the town).  The city is the one
    the text names with it ("section of the Bronx", "Philadelphia's X section"), else the big
    city it lies in when the text calls it a neighbourhood, or when GeoNames gives it no county
    and the text names that city, else its borough, else the big city whose ZIP codes cover a
    place the mail has no name for (``Gazetteer.postal_city``)."""
    if chosen is None or chosen[0].place.precision != 1:
        return chosen
    pm, si = chosen
    city = getattr(pm, "within", None)
    part = getattr(pm, "part", False)
    if city is None and pm.place.iso == "US" and pm.place.lat is None:
        city = _county_city(nd, pm.place) or _dateline_city(nd, pm.place)
        if city is None:
            return chosen
    if city is None and not part:
        # the title names "Point Breeze", the body "the city's Point Breeze section"
        # (or "Oakvale" of a headline, "Riverton's Oakvale District" in the body)
        for k in range(len(nd.sentences)):
            other = next((m for m in _places(nd, k) if getattr(m, "part", False)
                          and (m.place.name == pm.place.name or (m.text.startswith(pm.text + " ") and m.within is not None))),
                         None)
            if other is not None:
                part, city = True, other.within
                break
    if city is None:
        gaz = _gazetteer()
        if gaz is None:
            return chosen
        city = gaz.enclosing_city(pm.place, marked=part)
        # (no word boundary before: a web title runs into the text, "6abc.comPhiladelphia")
        # (a part-marked name still wants its city's state somewhere in the text: a section of
        # "the city" in a text that never names New York is no part of a New York borough)
        # (or the city of the local outlet that ran it: "the Quillmont neighborhood" on a
        # Chicago station's site, where the name found its state the same way)
        if city is None or not ((part and (_region_named(nd, city) or _region_weight(nd, city) >= 1.0
                                           or _same_town(_outlet_town(nd, text_context(nd.text)), city)))
                                or re.search(rf"{re.escape(city.name)}\b", nd.text, re.I)):
            # a town of a county that is a city's borough ("Coney Island" -> Brooklyn), else a
            # part of a big city the mail knows by the city's name ("Alief" -> Houston) that has
            # no police of its own in the text
            city = gaz.borough_of(pm.place)
            # (not the town the reporter files from: "OAKVALE, Fla. --" is that town's own name)
            filed = _dateline(nd)
            if (city is None and not _own_police(nd, pm.place.name)
                    and not (filed is not None and filed[0].place.name == pm.place.name)):
                city = gaz.postal_city(pm.place)
            # (a name other states have too, only in a text that names that city or its
            # state: in a text naming neither it is some other city's part of that name)
            if city is None or (
                len({c.admin1 for c in gaz.candidates(pm.place.name)}) > 1
                and not (_region_named(nd, city) or re.search(rf"\b{re.escape(city.name)}\b", nd.text))
            ):
                return chosen
    if city.name == pm.place.name:
        return chosen
    detail = f"{pm.detail}, {pm.place.name}" if pm.detail and pm.place.name not in pm.detail else pm.detail or pm.place.name
    return _CountryMention(pm.text, pm.start, pm.end, Place(**{**city.as_dict(), "detail": detail}), detail), si


def _same_town(a: Place | None, b: Place) -> bool:
    return a is not None and (a.name, a.admin1, a.iso) == (b.name, b.admin1, b.iso)


def _county_city(nd: NlpDoc, town: Place) -> Place | None:
    """The big city (``_BIG_POSTAL_CITY`` people or more) of the one county the text names in
    unlisted US ``town``'s state, where that city holds most of the county's listed people or
    bears its name; else None.  A name neither GeoNames nor the mail knows as a town, in a
    county a big city fills ("shot in Oakvale Knolls, according to Lake County coroner's
    records"), is a neighbourhood of that city or an unincorporated part filed under it; but
    not where the county's sheriff works the case."""
    gaz = _gazetteer()
    if gaz is None:
        return None
    found = [m for k in range(len(nd.sentences)) for m in _places(nd, k)
             if m.place.iso == "US" and m.place.admin1 == town.admin1 and m.place.precision == 2
             and _COUNTY.search(m.place.name) and not getattr(m, "in_name", False)]
    counties = {m.place.name: m.place for m in found}
    # (not where the county's sheriff works the case: his deputies patrol where no city police do)
    if len(counties) != 1 or any(_SHERIFF_AFTER.match(nd.text, m.end) for m in found):
        return None
    county = next(iter(counties.values()))
    city = gaz.main_town(county) or gaz.seat_namesake(county)
    e = gaz.entry_of(city) if city is not None else None
    return city if e is not None and e.population >= _BIG_POSTAL_CITY else None


def _dateline_city(nd: NlpDoc, town: Place) -> Place | None:
    """The big city (``_BIG_POSTAL_CITY`` people or more) of unlisted US ``town``'s state that
    the report is filed from, else None: a name neither GeoNames nor the mail knows as a town
    ("OAKTON, Va. -- A man was killed in a Quill Bay shooting") is a part of the city the
    reporter names as the place."""
    filed = _dateline(nd)
    gaz = _gazetteer()
    if filed is None or gaz is None:
        return None
    p = filed[0].place
    if p.iso != "US" or p.precision != 1 or p.lat is None or p.admin1 != town.admin1 or p.name == town.name:
        return None
    e = gaz.entry_of(p)
    return p if e is not None and e.population >= _BIG_POSTAL_CITY else None


def _capital_city(chosen: tuple[Any, int] | None) -> tuple[Any, int] | None:
    """"D.C." names the District of Columbia, which is the city of Washington: SPEC's place is
    the town."""
    if chosen is None or chosen[0].place.precision != 3 or chosen[0].place.iso != "US":
        return chosen
    if chosen[0].place.admin1 != "District of Columbia":
        return chosen
    gaz = _gazetteer()
    if gaz is None:
        return chosen
    city = gaz.lookup("Washington", "US", "District of Columbia")
    if city is None:
        return chosen
    pm, si = chosen
    return _CountryMention(pm.text, pm.start, pm.end, city, pm.detail), si


def _inside(p: Place, wider: Place, admin: bool = False) -> bool:
    """Whether ``p`` may lie in ``wider``'s country (and first-level division when ``admin``),
    as far as the gazetteer says: unknown parts do not disagree."""
    if p.iso and wider.iso and p.iso != wider.iso:
        return False
    return not (admin and p.admin1 and wider.admin1 and p.admin1 != wider.admin1)


def _outside_county(county: Place, town: Place) -> bool:
    """Whether US county ``county`` cannot hold ``town``: the gazetteer puts the town in another
    county, or it is a name no table knows (read as written, from a link's line: nothing ties it
    to the county).  (A town only the ZIP codes know may be a namesake of theirs in the county.)"""
    if county.iso != "US" or county.precision != 2 or not _COUNTY.search(" " + county.name):
        return False
    if town.lat is None:
        return True
    gaz = _gazetteer()
    e = gaz.entry_of(town) if gaz is not None else None
    return e is not None and bool(e.admin2) and e.admin2 != county.name


def _region_named(nd: NlpDoc, p: Place) -> bool:
    """Whether the text names ``p``'s first-level division ("Ohio", "Tex.")."""
    return (p.iso or "", p.admin1 or "") in text_context(nd.text).admin1


def _county_named(nd: NlpDoc, p: Place) -> bool:
    """Whether the text names the county (or parish) a US town lies in."""
    gaz = _gazetteer()
    e = gaz.entry_of(p) if gaz is not None and p.precision == 1 else None
    return e is not None and bool(e.admin2) and (p.iso or "", e.admin2) in text_context(nd.text).admin2


def _region_weight(nd: NlpDoc, p: Place) -> float:
    """How much the whole text points to ``p``'s first-level division (its towns, its name)."""
    return text_context(nd.text).regions.get((p.iso or "", p.admin1 or ""), 0.0)


def _dominant_place(nd: NlpDoc, sentences: list[int]) -> tuple[Any, int] | None:
    """The article's most mentioned town-level place (then the first place) as a fallback."""
    counts: dict[str, list[tuple[Any, int]]] = {}
    for si in sentences:
        for pm in _places(nd, si):
            counts.setdefault(pm.place.name, []).append((pm, si))
    if not counts:
        # the event's sentences name no place at all: the rest of the article may
        return _dominant_place(nd, list(range(len(nd.sentences)))) if len(sentences) < len(nd.sentences) else None
    # a town before a county, state or street: the fallback stands in for a street or county
    # the event sentence names, and only a town can
    # (a town named only inside a longer name, "St. Olaf Memorial Hospital", comes after other towns)
    def town(v: list[tuple[Any, int]]) -> bool:
        return _real_town(v[0][0]) and not all(getattr(pm, "in_name", False) for pm, _ in v)

    # (then the town named most often on its own: "Millbrook Elementary in Oakvale" names Oakvale)
    best = max(
        counts.values(),
        key=lambda v: (town(v), _real_town(v[0][0]), sum(not getattr(pm, "in_name", False) for pm, _ in v), len(v),
                       -v[0][0].place.precision, -v[0][1]),
    )
    if not town(best) and len(sentences) < len(nd.sentences):
        # the event's sentences name no town ("a DeKalb County man ... arrested"): one the
        # rest of the article names ("It happened ... in Lithonia") in the same state
        wider = _dominant_place(nd, list(range(len(nd.sentences))))
        named_only = _real_town(best[0][0])  # a town named only inside a longer name
        # the divisions the event's own sentences name ("Clayton County" -> Georgia)
        states = {pm.place.admin1 for v in counts.values() for pm, _ in v
                  if pm.place.admin1 and not getattr(pm, "in_name", False)}
        if (wider is not None and _real_town(wider[0])
                and not (named_only and getattr(wider[0], "in_name", False))
                and (wider[0].place.admin1 in states if states else
                     not named_only or _region_weight(nd, wider[0].place) > _region_weight(nd, best[0][0].place))
                and (named_only or _inside(best[0][0].place, wider[0].place, admin=True))):
            return wider
    return best[0]


@dataclass(frozen=True, slots=True)
class _CountryMention:
    """A country named by an entity, shaped like a PlaceMention for the fallback."""

    text: str
    start: int
    end: int
    place: Place
    detail: str | None = None


def _country_place(nd: NlpDoc, entities: list[LocalEntity]) -> tuple[Any, int] | None:
    """Last resort for the event's place: the first state the article names (country precision)."""
    gaz = _gazetteer()
    if gaz is None:
        return None
    for ent in sorted(entities, key=lambda e: (e.type != "GPE", e.mentions[0].start)):
        if not ent.country or ent.type not in ("GPE", "NORP"):
            continue
        m = ent.mentions[0]
        try:
            place = gaz.country(ent.country) or gaz.country(ent.name)
        except Exception:
            place = None
        if place is not None:
            return _CountryMention(m.text, m.start, m.end, place), m.sentence
    return None


# a country's name used as an armed actor's nationality: "the Pakistan military forces"
_FORCES_AFTER = re.compile(
    r"['’]?s?[ \t]+(?:armed[ \t]+)?(?:military|army|forces|troops|soldiers|police|border[ \t]+guards?|navy|air[ \t]+force)\b")


def _agree_with_text(nd: NlpDoc, chosen: tuple[Any, int] | None) -> tuple[Any, int] | None:
    """The chosen place, checked against the country the whole text points to.

    Conflict notes name the divisions of a village the gazetteer lacks ("in X village (Y
    township, Sagaing region)"), so the event's own place is often missing or a same-named
    town abroad.  When the text's divisions, countries and towns point clearly elsewhere, a
    namesake in that country replaces the chosen place, else the division (or country) the
    text names; with no place at all, any lead the text gives stands in."""
    ev = country_evidence(nd.text)
    top, w = ev.top()
    if top is None:
        return chosen

    def from_evidence() -> tuple[Any, int]:
        place, clue = evidence_place(ev, top)
        if clue is None:
            return _CountryMention(place.name, 0, 0, place), 0
        return _CountryMention(clue.text, clue.start, clue.end, place), nd.sentence_of(clue.start)

    if chosen is None:
        # any lead beats none, but not a tie ("San Juan" names provinces of several countries)
        return from_evidence() if w > ev.second() else None
    pm, si = chosen
    p = pm.place
    gaz = get_gazetteer()
    if (p.precision == 4 and p.iso and p.iso != top and w > ev.weight(p.iso)
            and (gaz.is_demonym(pm.text) or _FORCES_AFTER.match(nd.text, pm.end))):
        # "Russian forces shelled <village>, <division>", "the Pakistan military": the actor's
        # nationality was the only place at hand; the text's better lead says where it was
        return from_evidence()
    clue = ev.clues.get(top)
    if (p.precision <= 2 and p.iso != top and clue is not None and gaz.country(clue.text) is not None
            and top not in {x[3] for x in ev.located} and _LOCATIVE.search(nd.text[max(0, pm.start - 25) : pm.start])):
        # "gathered in <town> to condemn the war in <country>": a country the text names only
        # as what the event is about moves no town the text says it happened in
        return chosen
    clear = ev.clear()
    if p.precision == 4 and p.iso and all(x[1] != pm.start for x in ev.located):
        # a country named aside ("solidarity with X", "a X patrol") while the text says where
        # things happened ("gathered in <town>"): the located town or country
        where = next((x for x in ev.located if x[3] != p.iso and clear in (None, x[3])), None)
        if where is not None:
            name, a, b, iso = where
            found = gaz.lookup(name, iso)
            if found is not None and found.iso == iso:
                return _CountryMention(name, a, b, found), nd.sentence_of(a)
    if p.precision <= 2 and p.name and len(re.findall(rf"\b{re.escape(p.name)}\b", nd.text)) >= max(2.0, 2 * w):
        # a town the text names again and again is its own support: a country named once in
        # an aside (a sports score in the page's sidebar) does not move the event abroad
        return chosen
    if p.iso == "US" and p.precision <= 2 and (_region_named(nd, p) or _county_named(nd, p)):
        # "Los Angeles" in a text that names California, a town in one that names its county
        # or parish: a division abroad read in a local name ("Panorama City") does not move it
        return chosen
    if clear is None and p.iso == "US" and p.precision == 2 and _COUNTY.search(p.name):
        # a US county named with its word ("Pike County deputies") outweighs one small town
        # abroad read in a local name; a text that names a country plainly still moves it
        return chosen
    if clear is None and p.iso and ev.weight(p.iso) < 0.25 * w and w >= 0.75 and w >= 2 * ev.second():
        clear = top  # nothing else in the text supports the chosen place's country
    if clear is None or not p.iso or p.iso == clear or ev.weight(p.iso) >= 0.5 * w:
        return chosen
    if p.precision <= 2:
        # the same name in the text's country ("San Martin" the town of the text's province)
        alt = gaz.lookup(p.name, clear)
        if alt is not None and alt.iso == clear and alt.precision <= 2:
            alt = Place(**{**alt.as_dict(), "detail": p.detail})
            return _CountryMention(pm.text, pm.start, pm.end, alt, pm.detail), si
    return from_evidence()


def _home_side(nd: NlpDoc, chosen: tuple[Any, int] | None, sentences: list[int]) -> tuple[Any, int] | None:
    """A place abroad, or a street with no town, chosen in a text that is plainly American.

    A name matching a place abroad that the rest of the text gives no support ("the Central
    Business District", "Little Company of Mary" hospital, "a Chinese restaurant", "in
    Lebanon" under a "LEBANON, Ohio" dateline): its namesake town in the one state the text
    names, else that state (or the one its towns clearly point to), else the United States --
    but a country's own name stands unless the named state has a town so called.  A street
    with no town ("the 2700 block of Hinson Drive"): the text's town in the one state it names,
    else that state, the street kept as the detail."""
    if chosen is None:
        return chosen
    pm, si = chosen
    p = pm.place
    street = p.precision == 1 and p.iso in (None, "US") and not p.admin1 and bool(pm.detail or p.detail)
    if not street and (getattr(pm, "dateline", False) or p.iso in (None, "US") or p.precision > 4):
        return chosen
    ctx = text_context(nd.text)
    gaz = get_gazetteer()
    # the US as the text's home: states, towns, blocks, area codes -- not the country's name
    # ("a US military patrol in <a town abroad>")
    us = ctx.weight("US") - sum(v[0].get("US", 0.0) for n, v in ctx.own.items() if gaz.is_country_word(n))
    if not street and (us < 3.0 or ctx.weight_without(p.iso, pm.text) >= 0.25 * us):
        return chosen
    evidence = country_evidence(nd.text)
    clue = evidence.clues.get(p.iso or "")
    if (not street and evidence.clear() == p.iso and clue is not None and clue.admin1
            and not re.match(r"[ \t]+[Cc]ity\b", nd.text[clue.end :])):
        # the text's divisions point plainly to the place's country ("in X town (X township,
        # Y state)"): a US namesake of its town named thrice is no American home ("Bay City"
        # is a town's name, no division's)
        return chosen
    states = ctx.us_states()
    state = next(iter(states)) if len(states) == 1 else None
    if street:
        if state is None:
            return chosen
        detail = pm.detail or p.detail
        town = _best_town_in(nd, state, sentences, firm=True)
        if town is not None:
            return _CountryMention(town[0].text, town[0].start, town[0].end,
                                   Place(**{**town[0].place.as_dict(), "detail": detail}), detail), town[1]
        found = gaz.admin1(state, "US")
        if found is None:
            return chosen
        # else the county the text says it happened in or whose sheriff works it ("Pike County
        # deputies"), else a town of the state it names once, at precision 2 (most likely there)
        county = _scene_county(nd, (_CountryMention(pm.text, pm.start, pm.end, found, detail), si))
        if county is not None:
            return _CountryMention(county[0].text, county[0].start, county[0].end,
                                   Place(**{**county[0].place.as_dict(), "detail": detail}), detail), county[1]
        town = _best_town_in(nd, state, sentences)
        if town is not None:
            return _likely(town, detail)
        return _CountryMention(pm.text, pm.start, pm.end, Place(**{**found.as_dict(), "detail": detail}), detail), si
    if state is not None:
        alt = gaz.lookup(pm.text, "US", state)
        if alt is not None and alt.admin1 == state and alt.precision <= 2:
            return _CountryMention(pm.text, pm.start, pm.end, alt), si
    if p.precision == 4 and not gaz.is_demonym(pm.text):
        return chosen  # the country's own name ("Lebanon"), not a demonym ("a Chinese restaurant")
    if state is None:
        # the state the text's towns point to, when it has at least twice any other's weight
        ranked = sorted(((w, a) for (iso, a), w in ctx.regions.items() if iso == "US"), reverse=True)
        state = ranked[0][1] if ranked and (len(ranked) == 1 or ranked[0][0] >= 2 * ranked[1][0]) else None
    if state is None:
        # else the state of the one US town the text names as a place of its own
        named = {
            m.place.admin1
            for k in range(len(nd.sentences))
            for m in _places(nd, k)
            if _real_town(m) and m.place.iso == "US" and m.place.admin1
            and not getattr(m, "in_name", False) and not _aside(nd, m)
        }
        title = _title_place(nd)
        if title is not None and _real_town(title[0]) and title[0].place.iso == "US" and title[0].place.admin1:
            named.add(title[0].place.admin1)
        state = next(iter(named)) if len(named) == 1 else None
    if state is not None:
        # the misread name stood where the text's own town belongs: the town of that state it
        # says it happened in, names in the headline or names twice; else one it names once
        # ("according to Oakvale police"), at precision 2: where it most likely was
        town = _best_town_in(nd, state, sentences, firm=True)
        if town is not None:
            return town
    if p.precision == 1 and _twice_in(nd.text, pm.text):
        # "shot in Oakvale ... the 900 block of Elm Street in Oakvale": a town the text places
        # things in twice is the writer's own town, one the gazetteer lacks in the US, not the
        # namesake abroad; better its name (and the state, where the text gives one) than a
        # town named once, the state or the country
        us_place = gaz.country("US")
        unlisted = gaz.unlisted_us_town(pm.text, state) if state else None
        if unlisted is None and us_place is not None:
            unlisted = Place(name=pm.text, country=us_place.country, iso="US", precision=1)
        if unlisted is not None:
            return _CountryMention(pm.text, pm.start, pm.end, unlisted), si
    if state is not None:
        town = _best_town_in(nd, state, sentences)
        if town is not None:
            return _likely(town)
    found = gaz.admin1(state, "US") if state else None
    return _CountryMention(pm.text, pm.start, pm.end, found or gaz.country("US") or p), si


def _twice_in(text: str, name: str) -> bool:
    """Whether ``text`` writes ``name`` twice as where something is: after "in", "near" or
    "outside", not opening a longer name ("in Oakvale Park")."""
    rx = rf"\b(?:in|near|outside)[ \t]+{re.escape(name)}\b(?![ \t]+[A-Z])"
    return len(re.findall(rx, text)) >= 2


def _likely(town: tuple[Any, int], detail: str | None = None) -> tuple[Any, int]:
    """A town the text names but does not say the event happened in, at precision 2 (near a
    town: where it most likely was), with ``detail`` where one is given."""
    m = town[0]
    if detail is None:
        return _CountryMention(m.text, m.start, m.end, Place(**{**m.place.as_dict(), "precision": 2}), m.detail), town[1]
    near = Place(**{**m.place.as_dict(), "precision": 2, "detail": detail})
    return _CountryMention(m.text, m.start, m.end, near, detail), town[1]


def _text_anchor(nd: NlpDoc, stamp_only: bool = False) -> str | None:
    """The article's own date when it prints one in full at its top ("INDIANAPOLIS (Dec. 3,
    2015) —"): the reference for "Friday" or "Jan. 9" when no publication date is known.

    ``stamp_only``: only the page's own stamp counts ("Created: 03/14/2016 5:10 AM", "TOWN,
    St. (date) —"), which may stand a few lines down, under a repeated headline or a byline;
    the earliest such day, when the page prints one at its creation and one at an update."""
    days: list[str] = []
    for te in nd.times:
        if te.sentence > (5 if stamp_only else 1):
            break
        if (te.kind == "DATE" and te.precision == "day" and te.value and re.search(r"\b\d{4}\b", te.text)
                and not birth_date(nd.text, te.start, nd.sentences[te.sentence].start)):
            if not stamp_only:
                return te.value[:10]
            if _is_stamp(nd, te):
                days.append(te.value[:10])
    return min(days) if days else None


def _times_for_events(nd: NlpDoc) -> list[TimeExpression]:
    """The article's time expressions, resolved against the text's own date when the article
    has no publication date, or when its publication date is well after the day the page
    stamps itself with (otherwise as the NLP pass resolved them)."""
    published = nd.article.published
    if published and not re.match(r"\d{4}-\d{2}-\d{2}", published):
        return nd.times
    anchor = _date_anchor(nd)
    if anchor is None or (published and published[:10] == anchor):
        return nd.times
    return find_times(nd.text, nd.sentences, anchor)


def _date_anchor(nd: NlpDoc) -> str | None:
    """The day the article was written (publication date, else the date it prints at its top)."""
    import datetime as _dt

    published = nd.article.published
    if published and re.match(r"\d{4}-\d{2}-\d{2}", published):
        # A page collected long after it was written ("Created: 08/02/2015" on a page dated
        # two years later) is dated by its own stamp: "Sunday" is the Sunday before that
        # stamp, not before the day the page was collected.
        stamp = _text_anchor(nd, stamp_only=True)
        if stamp is not None and (_dt.date.fromisoformat(published[:10]) - _dt.date.fromisoformat(stamp)).days >= 7:
            return stamp
        # So is a page whose address carries the day the outlet filed it (".../2016/07/19/...",
        # ".../20160719/..."), days before the publication date it was collected with.
        filed = _url_day(nd.article.url)
        if filed is not None and (_dt.date.fromisoformat(published[:10]) - _dt.date.fromisoformat(filed)).days >= 2:
            return filed
        return published[:10]
    return _text_anchor(nd)


# A day in a page's address, as outlets file their stories: "/2016/07/19/", "/20160719/",
# "-20161230-", "_2016-07-19-"; a year from 2000 on, no digit either side.
_URL_DAY = re.compile(r"(?<!\d)(20\d\d)([/-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


def _url_day(url: str | None) -> str | None:
    """The ISO day a page's address files it under, or None."""
    import datetime as _dt

    m = _URL_DAY.search(url or "")
    if m is None:
        return None
    try:
        return _dt.date(int(m.group(1)), int(m.group(3)), int(m.group(4))).isoformat()
    except ValueError:
        return None


def _is_stamp(nd: NlpDoc, te: TimeExpression) -> bool:
    """The article's own publication stamp ("Posted: Tuesday, Nov. 25, 2014", "JAY COUNTY, Ind.
    (Nov. 18, 2015) —"): when the report was written, never the event's date (SPEC rule 5);
    nor is a person's birth date (``times.birth_date``), which this also answers for."""
    from wirecheck.nlp.times import event_date_cues

    sent = nd.sentences[te.sentence]
    before = nd.text[max(sent.start, te.start - 30) : te.start]
    if event_date_cues()[1].search(before) or _STAMP_BEFORE.search(before) or birth_date(nd.text, te.start, sent.start):
        return True
    line_start = nd.text.rfind("\n", 0, te.start) + 1
    line_end = nd.text.find("\n", te.end)
    if _FURNITURE_LINE.search(nd.text, line_start, line_end if line_end >= 0 else len(nd.text)):
        return True
    after = nd.text[te.end : te.end + 4].lstrip()
    full = bool(re.search(r"\b\d{4}\b", te.text))
    # A full date standing alone on its line, perhaps with a clock time ("Jan. 8, 2019 4:02
    # PM"), is the page's stamp; so is a wire dateline's date before the agency's name
    # ("SPOKANE, Jan. 8 (Wire Service) --").
    rest = (nd.text[sent.start : te.start] + " " + nd.text[te.end : sent.end]).strip()
    rest = re.sub(r"(?i)\b\d{1,2}(?::\d\d){0,2}\s*(?:[ap]\.?\s?m\.?|[ap]\.m)|\b(?:[ECMP][SD]?T|GMT|UTC)\b|[|,.()\s]", "", rest)
    if full and not rest:
        return True
    if re.match(r"\s*\([^()]{1,30}\)\s*(?:-{1,2}|[–—])", nd.text[te.end : te.end + 40]) and te.start - sent.start < 40:
        return True
    # a full date in parentheses at the top of the article is its dateline; so is one further
    # down (after a repeated headline) when a dash or colon follows it, "TOWN, St. (date) —"
    return (
        full
        and before.rstrip().endswith("(")
        and after.startswith(")")
        and (te.sentence <= 1 or bool(re.match(r"\)\s*[-–—:]", after)))
    )


# A line of page furniture whose dates are no event's: a video list's entry after its running
# time ("0:45 Crowds brave the cold for a Sunday fair"), a link to another story ("RELATED: Man
# shot on Elm Street Saturday"), a web archive's capture bar ("Apr MAY Jun 20 2015 2016 2017 1
# captures"), a weather widget ("Flood Warning issued January 11 at").
_FURNITURE_LINE = re.compile(
    r"^[ \t]*\d{1,2}:\d\d(?![ \t]*(?:[AaPp]\.?[ \t]?[Mm]\b|[ECMP][SD]?T\b))[ \t]+[A-Z0-9]"
    r"|^[ \t]*\[?[ \t]*(?i:other news|related(?: stor(?:y|ies)| content| articles?| links?)?|read more|more|"
    r"see also|also read|read also)[ \t]*:"
    r"|^[ \t]*(?i:today|tonight|yesterday)[ \t]*$"  # a menu's or a weather box's heading
    r"|\b\d+ captures?\b"
    r"|\b(?:Warning|Watch|Advisory|Statement) issued\b",
    re.M,
)


# A stamp the stamp words alone miss: an update's clock time before its day ("UPDATE @ 4:10
# p.m. (May 3)").  (An embedded post's date after its author's handle was tried as a stamp and
# dropped: posts embedded in breaking news are most often written on the incident's day.)
_STAMP_BEFORE = re.compile(
    r"(?i:\b(?:updated?|posted|published)\s*(?:@|at|:)?\s*\d{1,2}(?::\d\d)?\s*[ap]\.?\s?m\.?\s*[(,]?\s*$)"
    r"|^\s*(?:DATE|Date|Dated|DATED):\s*$"  # "DATE: April 13, 2015 9:23:14 AM CDT", a page's header
)


# What may stand between a day and the event word it qualifies: a possessive and up to three
# words, else one word ("'s fatal", "'s east end double", "Jan. 8 fatal"), none of them a
# preposition, article or conjunction.
_W = r"\s+(?!(?:in|of|at|on|for|after|with|and|or|to|the|a|an|by|from|when|as|that|was|were|including)\b)[\w-]+"
_QUALIFIES = re.compile(rf"(?:['’]s(?:{_W}){{0,3}}|(?:{_W})?)\s+", re.I)


def _is_later_step(nd: NlpDoc, te: TimeExpression, ev: _Event) -> bool:
    """A day given to a later step of the story ("prosecutors said Wednesday", "was arraigned
    Monday", "a vigil Tuesday"): a reporting or court word stands shortly before the expression,
    with none of the event's triggers between them."""
    from wirecheck.nlp.times import day_of, event_date_cues, names_clock, report_cues

    sent = nd.sentences[te.sentence]
    # A day that qualifies the event's own word ("held over Sunday evening's stabbing", "the
    # Jan. 8 slaying", "Friday's fatal crash") is the event's day whatever step the
    # sentence tells.
    if any(
        t.sentence == te.sentence
        and te.end <= t.start <= te.end + 30
        and _QUALIFIES.fullmatch(nd.text[te.end : t.start])
        for t in ev.triggers
    ):
        return False
    # A day that qualifies a later step's own noun ("a Friday morning news conference", "during
    # Tuesday's hearing", "a Sunday prayer vigil") is that step's day, whatever event word
    # stands before it in the sentence.
    if _later_noun_after().match(nd.text, te.end, sent.end):
        return True
    # The day of a wound's verb is the wounding's ("died Sunday of injuries suffered Saturday
    # night", "of wounds sustained in a robbery Tuesday"), whatever step came before it.
    if _WOUND_VERB.search(nd.text, max(sent.start, te.start - 40), te.start):
        return False
    # A day before "after" when the sentence dates the event's word after it ("A babysitter
    # was charged Friday after a toddler fired her pistol Thursday", "is recovering Monday
    # after a shooting late Sunday"): "after" puts the other day first, so this one is later.
    for m in _AFTER.finditer(nd.text, te.end, sent.end):
        if any(
            o.sentence == te.sentence
            and o.start > m.end()
            and day_of(o)
            and not event_date_cues()[0].search(nd.text, m.end(), o.start)
            and any(t.sentence == te.sentence and m.end() <= t.start <= o.end + 30 for t in ev.triggers)
            for o in nd.times
        ):
            return True
    later = event_date_cues()[0]
    report, clause = report_cues()
    lo = max(sent.start, te.start - 60)
    cues = list(later.finditer(nd.text, lo, te.start))
    if cues:
        cue_end = cues[-1].end()
        gap = nd.text[cue_end : te.start]
        # A reporting word's day follows it closely ("said Monday", "told reporters on
        # Tuesday"); past a clause ("said the cousins left the party Sunday evening") the day
        # is the clause's, and a clock time ("the call came in at 2:40 a.m. Sunday, police
        # said") is the incident's.
        reported_clause = bool(report.fullmatch(cues[-1].group())) and (
            names_clock(nd.text[max(cue_end, te.start - 10) : te.end]) or len(gap.split()) > 5 or bool(clause.search(gap))
        )
        # The name of a charge is no trigger between ("a woman was charged with manslaughter
        # Wednesday", "held on suspicion of arson Friday").
        if not reported_clause and not any(
            t.sentence == te.sentence and cue_end <= t.start < te.start and not _CHARGE_NAME.search(nd.text[cue_end : t.start])
            for t in ev.triggers
        ):
            return True
    # The day may also stand before its step, in the clause's subject ("Deputies on Friday
    # named the driver", "On Tuesday, the county prosecutor announced charges"): no
    # trigger before the day in its sentence, and the step's word right after it.
    if any(t.sentence == te.sentence and t.start < te.start for t in ev.triggers):
        return False
    after = nd.text[te.end : sent.end]
    aux = r"(?:(?:had|has|have|also|again|formally|publicly|officially|later|then)\s+)?"
    if re.match(rf"\s+{aux}{later.pattern}", after):
        return True
    # after the comma of an opening "On Tuesday," a subject of at most six words
    opening = nd.text[sent.start : te.start].strip().lower() == "on"
    return opening and bool(re.match(rf",\s+(?:[\w.'’-]+\s+){{0,6}}?{aux}{later.pattern}", after))


@functools.cache
def _later_noun_after() -> re.Pattern[str]:
    """What follows a day that qualifies a later step's noun: "'s 3-minute hearing", " news conference"."""
    from wirecheck.nlp.times import later_nouns

    return re.compile(rf"(?:{_QUALIFIES.pattern})(?:{later_nouns().pattern})", re.I)


# what stands before a trigger that names a charge: "charged with [attempted] murder"
_CHARGE_NAME = re.compile(r"\b(?:with|of)\s+(?:attempted\s+|[\w-]+-degree\s+|capital\s+)?$", re.I)
_AFTER = re.compile(r"(?i)\bafter\b")
_WOUND_VERB = re.compile(r"(?i)\b(?:suffered|sustained|received)\s+(?:(?:in|during)\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$")
_DEICTIC = re.compile(r"(?i)(?:today|tonight|this\s+(?:morning|afternoon|evening))\b")
# A sentence that tells when the story happened ("It happened about 10 p.m. Friday", "The
# shooting occurred on June 3"): its verb says so, whether or not it repeats an event word.
_HAPPENED = re.compile(r"(?i)\b(?:happened|occurred|took\s+place|unfolded)\b")
# what ends the clause of a "happened" verb before a day; what makes its subject one of several
_CLAUSE_BREAK = re.compile(r"(?i)[:;]|\b(?:said|later|(?:days|weeks|months|years)\s+(?:after|before))\b")
_ONE_OF_SEVERAL = re.compile(
    r"(?i)\b(?:latest|(?:most\s+)?recent|first|second|third|last|earliest|other|another|earlier|previous|that|those"
    r"|weekend|week|night|day)(?:['’]s)?\b"
)
# A calendar day that names its month ("the Dec. 12 shooting"), which no publication date moves.
_CALENDAR = re.compile(r"\d{4}|\d+/\d+|[A-Za-z]{3}[a-z]*\.?\s*\d")
# what makes a dated event word another incident than the reported one ("a May 2 shooting")
# ("an unrelated May 2 shooting")
_ANOTHER = re.compile(r"(?i)\b(?:an?|another|earlier|previous|prior)\s+(?:(?-i:[a-z-]+)\s+)?$")
# a part of a day with no day in it ("early morning", "late afternoon")
_DAYLESS_PART = re.compile(r"(?i)(?:early|late)\s+(?:morning|afternoon|evening|night)")


def _in_quote(before: str) -> bool:
    """Whether text that ends here is inside a quotation opened in its sentence."""
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


# a speaker's own day, wider than _DEICTIC above: a quoted "yesterday" is no event day either
_SPEAKER_DAY = re.compile(r"(?i:(?:early |late )?(?:today|tonight|yesterday|last night|this (?:morning|afternoon|evening)))")


def _quoted_deictic(nd: NlpDoc, te: TimeExpression) -> bool:
    """A "today" or "yesterday" inside a quotation: the day the speaker spoke of, which the
    publication date does not give ("'I saw her yesterday,' a teacher said")."""
    return bool(_SPEAKER_DAY.fullmatch(te.text.strip())) and _in_quote(nd.text[nd.sentences[te.sentence].start : te.start])


def _choose_date(
    nd: NlpDoc, ev: _Event, all_times: list[TimeExpression] | None = None, story: list[int] | None = None
) -> Dated | None:
    """The event's date: the day the text gives for it, else a month or year it names.

    ``story`` (the main event only) are the sentences that tell the reported story: an article
    often dates its incident in a sentence without a trigger ("It happened about 11 p.m.
    Sunday"), so a day found there is used when the event's own sentences give none."""
    import datetime as _dt

    from wirecheck.nlp.times import day_of, event_date_cues, future_cue, names_holiday, other_incident_cue

    vague = event_date_cues()[2]
    aid = nd.article.id
    own = set(ev.sentences)
    pool = own | set(story or ())
    anchor = _date_anchor(nd)
    # Parts of a day ("Saturday night", "early Sunday", "last night", "9 p.m. Tuesday") are how
    # crime news dates an incident: they count as the day they name.  A bare clock time ("at
    # 10 p.m.") names no day and is left out; so are publication stamps.
    source = nd.times if all_times is None else all_times
    times: list[TimeExpression] = [
        t
        for t in source
        if t.sentence in pool
        and t.kind in ("DATE", "TIME")
        and (t.precision != "time" or day_of(t) is not None or t.value is None)
        and not _is_stamp(nd, t)
    ]
    # Outside the event's own sentences only a day counts.
    times = [t for t in times if t.sentence in own or (day_of(t) and not _quoted_deictic(nd, t))]

    def scheduled(te: TimeExpression) -> bool:
        # A day the sentence puts ahead ("will appear in court Thursday", "we'll have more tonight",
        # "is scheduled to appear on March 24") is a step still to come, never the reported
        # event, unless one of the event's triggers stands between the cue and the day ("will
        # not name the man shot Sunday").  So is a day the text gives only relative to the
        # publication ("Friday", "tomorrow") that falls after it.
        day = day_of(te)
        if day is None:
            return False
        sent = nd.sentences[te.sentence]
        cue = future_cue(nd.text, sent.start, te.start)
        if cue is not None and not any(t.sentence == te.sentence and cue <= t.start < te.start for t in ev.triggers):
            return True
        relative = not re.search(r"\d{4}|\d+/\d+|[A-Za-z]{3}[a-z]*\.?\s*\d", te.text)
        return anchor is not None and day > anchor and relative

    times = [t for t in times if not scheduled(t)]
    if not times and story is not None:
        # The reported event's sentences give no day, but the lead may (in a sentence held by
        # another mention of the same incident, "after a shooting early Tuesday"): the days of
        # the headline and the first sentences, unless one tells of another incident ("in an
        # unrelated shooting"), ranked as below (later steps last).  The lead: the headline and
        # the next four sentences.
        lead = {
            s.index
            for s in nd.sentences[:5]
            if not other_incident_cue().search(s.text) and not any(rx.search(s.text) for rx in lexicon()["background"])
        }
        times = [t for t in source if t.sentence in lead and day_of(t) and not _is_stamp(nd, t) and not scheduled(t)
                 and not _quoted_deictic(nd, t)]
    if not times:
        return _clock_day(nd, ev, source, pool, anchor) if story is not None else None
    first = {t.sentence: t for t in reversed(ev.triggers)}

    def key(te: TimeExpression) -> tuple[int, int, int, int, int]:
        # A calendar day that qualifies the event's word first ("the Dec. 3 shooting"), then a
        # day tied to the event in its own sentences (or in one saying when it "happened"), then
        # one from the story's other sentences, then a vague one ("overnight", "an early morning
        # shooting": no day named), then a day of a later step ("charged Monday") or one after
        # the article was written (a scheduled hearing), then a month or year, then words with
        # no anchor; among equals the earliest sentence, then the expression nearest the trigger.
        trig = first.get(te.sentence)
        day = day_of(te)
        loose = 0
        if day:
            sent = nd.sentences[te.sentence]
            late = _is_later_step(nd, te, ev) or (anchor is not None and day > anchor)
            loose = int(bool(vague.fullmatch(te.text.strip())))
            # a part of a day that names no day ("in the small hours of Saturday", "Monday's
            # early morning shooting") yields to the day named beside it
            if _DAYLESS_PART.fullmatch(te.text.strip()) and any(
                o is not te
                and o.sentence == te.sentence
                and day_of(o)
                and not _DAYLESS_PART.fullmatch(o.text.strip())
                and (0 <= o.start - te.end <= 30 or 0 <= te.start - o.end <= 30)
                for o in times
            ):
                loose = 1
            # "today" in a speaker's quoted words is the day they spoke ("“We give thanks today,”
            # the chief said"): it counts no more than a day outside the event's sentences
            quoted = bool(_DEICTIC.match(te.text.strip())) and _in_quote(nd.text[sent.start : te.start])
            # a day told by a sentence that says when the story happened counts as the event's own
            happened = te.sentence in pool and bool(_HAPPENED.search(sent.text))
            rank = 2 if late else 0 if (te.sentence in own or happened) and not loose and not quoted else 1
            # the day of a wound's verb ("treated today for wounds received Saturday") is the wounding's
            if rank == 0 and _WOUND_VERB.search(nd.text, max(sent.start, te.start - 40), te.start):
                rank = -1
            # a calendar day that qualifies the event's word ("the Sept. 3 shooting") before all,
            # unless an article makes it another one ("a block from a May 2 shooting")
            if (
                rank == 0
                and (_CALENDAR.search(te.text) or names_holiday(te.text))
                and not _ANOTHER.search(nd.text, max(sent.start, te.start - 20), te.start)
                and any(
                    t.sentence == te.sentence
                    and te.end <= t.start <= te.end + 30
                    and _QUALIFIES.fullmatch(nd.text[te.end : t.start])
                    for t in ev.triggers
                )
            ):
                rank = -1
            # a day in a sentence whose event word is the subject of its "happened" ("The
            # shooting happened about 9 p.m. Monday") is the event's own before all, unless the
            # word picks one of several ("the latest shooting happened", "that shooting") or is a
            # generic one ("an incident that occurred March 2"), and the day stands in the verb's
            # own clause (no colon, no speaker, no "days after" or "later" between), within a year
            # before the report ("a shooting that happened on [a date years back]" is a record)
            h = _HAPPENED.search(nd.text, sent.start, te.start) if rank == 0 else None
            if (
                h
                and (anchor is None or (_dt.date.fromisoformat(anchor) - _dt.date.fromisoformat(day)).days <= 365)
                and te.start - h.end() <= 80
                and not _CLAUSE_BREAK.search(nd.text, h.end(), te.start)
                and any(
                    t.sentence == te.sentence
                    and 0 <= h.start() - t.end <= 12
                    and t.type.priority > 20
                    and not _ONE_OF_SEVERAL.search(nd.text, max(sent.start, t.start - 40), t.start)
                    for t in ev.triggers
                )
            ):
                rank = -1
            # among equals a day near one of the event's words (within 60 characters) before
            # one far from them ("A council panel on Friday voted ... officers who are wounded")
            untied = int(
                not happened
                and not any(t.sentence == te.sentence and t.start - te.end < 60 and te.start - t.end < 60 for t in ev.triggers)
            )
        else:
            rank = 3 if te.value and re.match(r"\d{4}", te.value) else 4
            untied = 0
        return (rank, loose, untied, te.sentence, abs(te.start - trig.start) if trig else 0)

    te = min(times, key=key)
    day = day_of(te)
    if day is not None and anchor is not None and vague.fullmatch(te.text.strip()):
        # An incident "overnight" in the day's report ended in the small hours of the morning
        # the report came out: it is dated by that morning, not by the evening before (the
        # night's TimeML value, which find_times keeps).
        after = (_dt.date.fromisoformat(day) + _dt.timedelta(days=1)).isoformat()
        day = after if after <= anchor else day
    if day is not None:
        value, precision = day, "day"
    else:
        precision = te.precision if te.value is not None and re.match(r"\d{4}", te.value) else "unknown"
        value = te.value if precision != "unknown" else None
    return Dated(DateValue(value, te.text, precision), Evidence(aid, te.sentence, te.start, te.end))


# A clock time with its half of the day ("6 a.m.", "about 11:30 p.m.", "noon"); not a bare
# "12:40" (a video's length as often as an hour) nor "midnight" (either day).
_HALF_DAY_CLOCK = re.compile(r"(?i)\d{1,2}(?::[0-5]\d)?\s*[ap]\.?\s?m\b\.?|noon|midday")
# hours from which a clock time with no day, in a report with no hour of its own, is most
# often the evening before the report ("Police were called at 11 p.m."): local news of a
# night's shooting comes out the next morning
_EVENING_HOUR = 18


def _clock_day(
    nd: NlpDoc, ev: _Event, source: list[TimeExpression], pool: set[int], anchor: str | None
) -> Dated | None:
    """The last resort for a reported event no day word dates: an hour the story gives it ("The
    shooting happened about 6 a.m.", "deputies were called at 9:30 p.m."), resolved against the
    publication day as TimeML resolves a bare clock time.  A report written the day of its
    incident names it by the hour alone; an evening hour is the evening before when the report's
    own hour is unknown or earlier.  Only with an anchor (never invented without one); the
    event's own sentences before the story's others, an hour of a later step ("arraigned at 2
    p.m.") or one still to come last, a stamp never."""
    import datetime as _dt

    from wirecheck.nlp.times import future_cue

    if anchor is None:
        return None
    own = set(ev.sentences)

    def stamped(te: TimeExpression) -> bool:
        # the stamp's own hour ("Posted: Monday, March 4, 2030 9:10 AM") follows its day
        return _is_stamp(nd, te) or any(
            0 <= te.start - t.end <= 3 and t.sentence == te.sentence and _is_stamp(nd, t) for t in source
        )

    clocks = [
        t
        for t in source
        if t.sentence in pool
        and t.value
        and re.match(r"\d{4}-\d{2}-\d{2}T\d\d", t.value)
        and _HALF_DAY_CLOCK.search(t.text)
        and not stamped(t)
        and future_cue(nd.text, nd.sentences[t.sentence].start, t.start) is None
    ]
    if not clocks:
        return None
    te = min(clocks, key=lambda t: (_is_later_step(nd, t, ev), t.sentence not in own, t.sentence, t.start))
    assert te.value is not None
    hour = int(te.value[11:13])
    day = _dt.date.fromisoformat(anchor)
    published = nd.article.published or ""
    written = re.match(r"\d{4}-\d{2}-\d{2}[T ](\d\d):(\d\d)", published)
    if written is not None and published[:10] == anchor:
        late = (hour, int(te.value[14:16] or 0)) > (int(written.group(1)), int(written.group(2)))
    else:
        late = hour >= _EVENING_HOUR
    if late:
        day -= _dt.timedelta(days=1)
    return Dated(DateValue(day.isoformat(), te.text, "day"), Evidence(nd.article.id, te.sentence, te.start, te.end))


def _reported_sentences(nd: NlpDoc, events: list[_Event], main: int | None) -> list[int]:
    """Sentences that tell the reported story: held by no background event and carrying no
    background cue.  Their casualties ("He was taken to a hospital", "No one else was hurt",
    a toll in a sentence whose trigger started an arrest) are the main event's: an article
    reports one event and gives its toll wherever it likes."""
    lex = lexicon()
    main_sentences = set(events[main].sentences) if main is not None else set()
    others = _background_sentences(nd)[0]
    background = {
        si for i, e in enumerate(events) if e.best is not None and e.best.background and i != main for si in e.sentences
    }
    out = []
    for s in nd.sentences:
        if (
            s.index in background - main_sentences
            or s.index in others
            or any(rx.search(s.text) for rx in lex["background"])
        ):
            continue
        out.append(s.index)
    return out


def _counts(
    nd: NlpDoc, ev: _Event, owner_of: dict[int, list[_Event]], extra: list[int] = ()
) -> tuple[Count | None, Count | None]:
    """The event's killed and injured counts, read from its sentences (and ``extra`` ones)."""
    from wirecheck.nlp.counts import aggregate, headline_choice, is_tally

    aid = nd.article.id
    found = []
    sentence_of = {}
    for si in sorted(set(ev.sentences) | set(extra)):
        if _EARLIER.match(nd.sentences[si].text) and not _SAID.search(nd.sentences[si].text):
            # "Earlier Friday, two brothers died in a gunfight by the river": a sentence that
            # opens by stepping back in time tells of another incident; one that reports what
            # was said then ("Earlier, the sheriff said three were hurt") may be this one's
            continue
        for cas in _casualties(nd, si):
            if cas.kind not in ("killed", "injured"):
                continue
            # With several events in one sentence the count belongs to the nearest trigger before it.
            owners = owner_of.get(si, [])
            if len(owners) > 1 and ev in owners:
                trig_pos = [
                    (t.start, e)
                    for e in owners
                    for t in e.triggers
                    if t.sentence == si and t.start <= cas.start
                ]
                if trig_pos and max(trig_pos, key=lambda p: p[0])[1] is not ev:
                    continue
            # A toll inside a background clause ("after a shooting last month killed two") is
            # the other event's.
            if any(t.background and t.sentence == si and t.start <= cas.start for t in ev.triggers) and not any(
                not t.background and t.sentence == si for t in ev.triggers
            ):
                continue
            found.append(cas)
            # by span: aggregate may hand back a copy whose count sums several mentions
            sentence_of[(cas.start, cas.end)] = si
    killed, injured = aggregate(found)
    title = (nd.article.title or "").strip()
    if extra and title and not nd.text.lstrip().startswith(headline(title)[:40]):
        # The reported event's headline, when the text does not carry it, helps choose among the
        # text's readings (the evidence stays in the text).
        killed, injured = headline_choice(title, found, killed, injured)
    own = set(ev.sentences)

    def count(cas: Any) -> Count | None:
        if cas is None:
            return None
        si = sentence_of[(cas.start, cas.end)]
        if si in own and is_tally(nd.sentences[si].text):
            # Reconciling leaves out a figure read from a sentence that reads as a total of several
            # incidents.  When that sentence names this very event ("a night of shootings leaves
            # one dead" told of one spree), the same figure stated again in a plain sentence is
            # its toll, and the evidence to give.  A headline only borrowed from the reported
            # sentences ("two separate shootings leave one dead") stays a total of others.
            same = [
                c
                for c in found
                if c.kind == cas.kind
                and c.range == cas.range
                and not is_tally(nd.sentences[sentence_of[(c.start, c.end)]].text)
            ]
            if same:
                cas = same[0]
                si = sentence_of[(cas.start, cas.end)]
        return Count(cas.range, cas.phrase, Evidence(aid, si, cas.start, cas.end))

    return count(killed), count(injured)


_NEGATED = re.compile(r"\b(?:no|not|never|without)\s+(?:[\w-]+\s+){0,1}$|n't\s+(?:[\w-]+\s+){0,1}$", re.I)


def _negated(nd: NlpDoc, ev: _Event) -> bool:
    """Every mention of the event is denied ("police say no arrests are planned", "no arrest
    is expected"): the article says it did not happen, so it cannot be the reported event."""
    for t in ev.triggers:
        sent = nd.sentences[t.sentence]
        if not _NEGATED.search(sent.text[max(0, t.start - sent.start - 30) : t.start - sent.start]):
            return False
    return True


# Gatherings over violence (ACLED's protest type covers vigils and marches): see find_events.
_RALLY_TYPES = {"Protests"}


# Steps taken after an event (arrests, charges, seizures) rather than violence itself.
_STEPS = {"Strategic developments"}
# a sentence opening by stepping back in time ("Earlier Sunday,", "Earlier that night,")
_EARLIER = re.compile(
    r"\s*Earlier(?:\s+(?:that|this|on|in)\s+(?:the\s+)?\w+|\s+\w+day(?:\s+(?:morning|afternoon|evening|night))?)?\s*,"
)
_SAID = re.compile(r"\b(?:said|says|told|reported|according)\b")


def _lead_last(nd: NlpDoc) -> int:
    """The index of the lead's last sentence: the first two sentences of the report, after the
    headline when the text opens with it (a headline sums up; the lead tells who did what)."""
    return 2 if _opens_with_title(nd) else 1


# what may follow a headline the text repeats in its first sentence: the outlet's name after a
# separator, or the page's stamps glued on ("... killed Posted: Friday, January 31, 2014 10:21 AM
# EST") -- not a dateline and a lead run on after the outlet's name ("| Fox 9OAKVALE -- A man ...")
_AFTER_TITLE = re.compile(
    r"(?:\s*[-|–—•]\s*[^.!?\n]{0,40}?)?"
    r"(?:\s*(?:Posted|Updated|Published|Last updated)\s*:?\s*(?:[A-Z][a-z]+day,?\s*)?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s*\d{4})?,?\s*(?:\d{1,2}:\d\d\s*[AaPp]\.?[Mm]\.?)?\s*(?:[ECMP][SD]T|GMT|UTC)?)*\s*"
)


def _opens_with_title(nd: NlpDoc) -> bool:
    """Whether the text's first sentence is its headline: the title, with or without the outlet's
    name, perhaps with the page's stamps glued on."""
    if not nd.sentences or not nd.article.title:
        return False
    first = " ".join(nd.sentences[0].text.split())
    for title in {" ".join(headline(nd.article.title).split()), " ".join(nd.article.title.split())}:
        if title and first.startswith(title) and _AFTER_TITLE.fullmatch(first, len(title)):
            return True
    return False


def _main_index(nd: NlpDoc, events: list[_Event]) -> int | None:
    title = (nd.article.title or "").lower()
    lead = _lead_last(nd)
    best: tuple[float, int] | None = None
    live = [not _negated(nd, ev) for ev in events]
    if not any(live):
        live = [True] * len(events)
    candidates = [ev for ev, ok in zip(events, live, strict=True) if ok and ev.best is not None]
    all_background = all(ev.best.background for ev in candidates)
    reported = [ev for ev in candidates if not ev.best.background]
    if reported and all(ev.best.type.event_type in _STEPS for ev in reported):
        # Only an arrest or charges are told as news, and the violence they follow is told in
        # the lead ("A woman is dead after a shooting ... Deputies later arrested her neighbor"):
        # that violence is the reported event, its "after" notwithstanding.
        all_background = any(
            ev.best.background and ev.best.type.event_type not in _STEPS and ev.sentences[0] <= lead
            for ev in candidates
        )
    for i, ev in enumerate(events):
        assert ev.best is not None
        if not live[i] or (ev.best.background and not all_background):
            continue
        score = len(ev.sentences) + ev.best.type.priority / 100
        if ev.sentences[0] <= lead:
            score += 3
        if title and (ev.best.type.head in title or ev.best.text.lower() in title):
            score += 2
        if best is None or score > best[0]:
            best = (score, i)
    return best[1] if best else None


def find_events(
    nd: NlpDoc, entities: list[LocalEntity], claims: list[Claim]
) -> tuple[list[EventMention], str | None]:
    """Event mentions of the article and the id of its main (reported) event."""
    triggers = find_triggers(nd, entities)
    nd.parse_many({t.sentence for t in triggers})
    for t in triggers:
        _determiner_from_parse(nd, t)
    events = _group(nd, triggers)
    _attach_status_sentences(nd, events)
    nd.parse_many({si for e in events for si in e.extra})
    main = _main_index(nd, events)
    owner_of: dict[int, list[_Event]] = {}
    for ev in events:
        for si in ev.sentences:
            owner_of.setdefault(si, []).append(ev)

    def owner(si: int, pos: int) -> _Event | None:
        cands = [(t.start, e) for e in events for t in e.triggers if t.sentence == si]
        cands += [(nd.sentences[si].start, e) for e in events if si in e.extra]
        before = [c for c in cands if c[0] <= pos]
        if before:
            return max(before, key=lambda c: c[0])[1]
        return min(cands, key=lambda c: c[0])[1] if cands else None

    fg_sentences = sorted({si for ev in events if ev.best and not ev.best.background for si in ev.sentences})
    fallback = _dominant_place(nd, fg_sentences or list(range(len(nd.sentences))))
    if fallback is None:
        fallback = _country_place(nd, entities)
    dateline = _dateline(nd)
    header = _dateline_span(nd, dateline)
    event_times = _times_for_events(nd)
    out: list[EventMention] = []
    aid = nd.article.id
    reported = _reported_sentences(nd, events, main)
    types = [_event_type(nd, ev) for ev in events]
    # A protest, vigil or march is held over violence, and the dead and hurt its sentences name
    # ("neighbors marched for the three teenagers wounded this summer") are the ones it is about,
    # often others than the reported event's: the main event does not borrow counts from them.
    # (Leaving out the sentences of every other event but arrests and charges was tried: a
    # second mention of the reported shooting lost more tolls than it kept wrong ones out.)
    rallies = {
        si for j, e in enumerate(events) if j != main and types[j][0] in _RALLY_TYPES for si in e.sentences
    }
    for i, ev in enumerate(events):
        best = ev.best
        assert best is not None
        etype, sub = types[i]
        background = best.background and i != main
        extra = [si for si in reported if si not in rallies or si in ev.sentences] if i == main else []
        killed, injured = _counts(nd, ev, owner_of, extra)
        actors = _arguments(nd, ev, entities, claims, owner, header)
        victims = [a for a in actors if a.role == "victim"]
        if victims and killed is None and injured is None and any(v.name for v in victims):
            # Named victims are a count even when no number is given.
            n = len(victims)
            v0 = victims[0]
            killed = Count(CountRange(n, n, None), v0.name, v0.evidence)
        claim = _claim_over(claims, best.start, best.end)
        out.append(
            EventMention(
                id=f"e{i}",
                article=aid,
                trigger=best.text,
                evidence=Evidence(
                    aid,
                    best.sentence,
                    best.start,
                    best.end,
                    attributed_to=claim.speaker_text if claim else None,
                    certainty="claimed" if claim else "asserted",
                ),
                event_type=etype,
                sub_event_type=sub,
                background=background,
                actors=actors,
                location=_choose_place(nd, ev, None if background else fallback, None if background else dateline),
                date=_choose_date(nd, ev, event_times, reported if i == main else None),
                fatalities=killed,
                injured=injured,
                sentences=ev.sentences,
            )
        )
    return out, (f"e{main}" if main is not None else None)


def link_claims(claims: list[Claim], events: list[EventMention], main: str | None) -> None:
    """A claim is about the event whose sentence it is in, or that its content names."""
    by_sentence: dict[int, list[EventMention]] = {}
    for ev in events:
        for si in ev.sentences:
            by_sentence.setdefault(si, []).append(ev)
    prev: Claim | None = None
    for c in claims:
        cands = by_sentence.get(c.evidence.sentence, [])
        if c.content_span and len(cands) > 1:
            inside = [e for e in cands if c.content_span[0] <= e.evidence.start < c.content_span[1]]
            cands = inside or cands
        if cands:
            c.event = cands[0].id
        elif (
            prev is not None
            and prev.speaker_text == c.speaker_text
            and prev.evidence.sentence >= c.evidence.sentence - 1
        ):
            c.event = prev.event  # a quotation continued from the sentence before
        elif c.stance in ("decline", "no_response") and main is not None:
            c.event = main  # "did not respond to requests for comment": about the story's event
        prev = c
