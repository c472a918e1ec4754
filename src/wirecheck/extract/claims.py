"""Claims: who said what, with the cue, the content, the channel and the stance.

A cue (a reporting verb or phrase from ``data/cues.toml``) is found first; the dependency parse
of its sentence then gives the speaker (the verb's subject, the object of "according to") and
the content (the clausal complement, the object, or the quotation the cue closes).  Quotations
are found on the whole text, so a quote that spans sentences is one content span.  Pronoun
speakers resolve to the last person (he/she) or the last named speaker (they/it).
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any

from wirecheck.models import Claim, Evidence, LocalEntity
from wirecheck.nlp.entities import add_group, entity_at, lexicon
from wirecheck.nlp.pipeline import NlpDoc


@functools.cache
def cues() -> dict[str, Any]:
    data = tomllib.loads(resources.files("wirecheck.data").joinpath("cues.toml").read_text("utf-8"))
    phrases = [(re.compile(p["pattern"], re.I), p["stance"]) for p in data["phrase"]]
    verbs = dict(data["verbs"])
    stances = {
        "confirm": "confirm",
        "admit": "confirm",
        "acknowledge": "confirm",
        "concede": "confirm",
        "deny": "deny",
        "reject": "deny",
        "dismiss": "deny",
        "refute": "deny",
        "dispute": "deny",
        "condemn": "condemn",
        "denounce": "condemn",
        "blame": "condemn",
        "accuse": "condemn",
        "criticize": "condemn",
        "criticise": "condemn",
        "slam": "condemn",
        "blast": "condemn",
    }
    for stance, forms in data.get("irregular", {}).items():
        for form in forms:
            verbs.setdefault(form, stance)
    for stance, bases in data.get("base_verbs", {}).items():
        for base in bases:
            for form in _inflect(base):
                verbs.setdefault(form, stances.get(base, stance))
    return {
        "verbs": verbs,
        "phrases": phrases,
        "not_speakers": frozenset(data["transcript"]["not_speakers"]),
        "simple": frozenset(data["simple"]["verbs"]),
    }


def _inflect(base: str) -> list[str]:
    """Regular English inflections of a verb (irregular ones are listed in cues.toml)."""
    if base.endswith("e"):
        return [base, base + "s", base + "d", base[:-1] + "ing"]
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return [base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"]
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return [base, base + "es", base + "ed", base + "ing"]
    return [base, base + "s", base + "ed", base + "ing"]


_CHANNEL = re.compile(
    r"\b(?:in|via|through)\s+an?\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|post|video|interview|tweet|message|press conference|news conference|briefing|"
    r"email|e-mail|letter|speech|communique|communiqué)"
    r"(?:\s+(?:on|to|posted on|published on|released on|with)\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)?",
)
_QUOTE_STRIP = "“”\"«»' "
_PRONOUNS_PERSON = {"he", "she", "him", "her"}
_PRONOUNS_OTHER = {"they", "it", "we", "i"}
# One-word contents that say nothing ("he said so", "she denied it").
_VAGUE = {"so", "it", "this", "that", "them", "him", "her", "us", "me", "you", "otherwise", "yes", "no"}
_SUBJ_DEPS = {"nsubj", "nsubjpass"}


# Quotation marks: curly, guillemets, straight, and the doubled apostrophes of some wire styles.
_QUOTE_MARK = re.compile(r"[“”«»\"]|''|``")
_OPENERS = {"“", "«", "``"}
_CLOSERS = {"”", "»"}


def _opens(text: str, i: int, mark: str) -> bool:
    """Whether a mark at ``i`` opens a quotation (straight marks decide by their neighbours)."""
    if mark in _OPENERS:
        return True
    if mark in _CLOSERS:
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    return (before.isspace() or before in "([{—–-:;,/") and not after.isspace()


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quotations (inside the marks); a quote may span sentences.

    Any opening mark pairs with the next closing mark of any style (writers mix ``"`` and
    ``”``).  A quotation does not cross a paragraph break, except by the convention that a
    quote left open at a paragraph end re-opens at the start of the next paragraph: then each
    paragraph's part is its own span.  An unclosed mark is not a quote.
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in _QUOTE_MARK.finditer(text):
        i, mark = m.start(), m.group()
        if open_at is not None:
            brk = text.find("\n", open_at, i)
            if brk != -1:
                # Open at a paragraph end: keep that paragraph's part only when the next
                # paragraph re-opens with a mark.
                nxt = brk
                while nxt < len(text) and text[nxt].isspace():
                    nxt += 1
                if _QUOTE_MARK.match(text, nxt) and nxt <= i:
                    end = brk
                    while end > open_at and text[end - 1].isspace():
                        end -= 1
                    if end > open_at:
                        spans.append((open_at, end))
                open_at = None
        if open_at is None:
            if _opens(text, i, mark):
                open_at = m.end()
            continue
        if mark in _OPENERS and i > open_at:
            open_at = m.end()  # the earlier mark was never closed
            continue
        if i > open_at:
            spans.append((open_at, i))
        open_at = None
    return spans


# A transcript or interview line: "NAME: words" at the start of a paragraph.
_TRANSCRIPT = re.compile(r"^[\"“]?((?:[A-Z][A-Za-z.’'-]*)(?: [A-Z][A-Za-z.’'-]*){0,3}):\s+(?=\S)")


# A credit line: a dash and a name closing a quotation or standing alone on its line
# ("“...” ― Name", as under epigraphs and reader comments).
_CREDIT = re.compile(
    r"(?m)(?:^|(?<=[”\"».!?]))[ \t\u00a0]*[―—][ \t\u00a0]*"
    r"([A-Z][\w.’'-]*(?:[ \t\u00a0]+[A-Z][\w.’'-]*){0,4})\.?[ \t\u00a0]*$"
)


def _credit_claims(nd: NlpDoc, quotes: list[tuple[int, int]], entities: list[LocalEntity]) -> list[Claim]:
    text = nd.text
    out: list[Claim] = []
    for m in _CREDIT.finditer(text):
        dash = m.start() + len(m.group()) - len(m.group().lstrip(" \t\u00a0"))
        a, b = m.span(1)
        if text[b - 1] == "." and b - a > 2 and text[b - 3] != " ":
            b -= 1  # the sentence's full stop, not an initial ("A.")
        # What is credited: the quotation that ends just before the dash, else the paragraph
        # before it.
        q = next(
            (q for q in reversed(quotes) if q[1] <= dash and not text[q[1] : dash].strip(' \t\n\u00a0”"».,')),
            None,
        )
        if q is not None:
            content = q
        else:
            line_start = text.rfind("\n", 0, dash) + 1
            if text[line_start:dash].strip():
                content = (line_start, dash)
            else:
                prev_end = line_start
                while prev_end > 0 and text[prev_end - 1].isspace():
                    prev_end -= 1
                prev_start = text.rfind("\n", 0, prev_end) + 1
                content = (prev_start, prev_end)
        content = (content[0], content[1])
        while content[1] > content[0] and text[content[1] - 1] in " \t\u00a0":
            content = (content[0], content[1] - 1)
        if content[1] - content[0] < 3:
            continue
        ent = entity_at(entities, a, b)
        out.append(
            Claim(
                id="",
                article=nd.article.id,
                speaker_text=text[a:b],
                cue=text[dash],
                content=text[content[0] : content[1]].strip(_QUOTE_STRIP),
                evidence=Evidence(
                    nd.article.id, nd.sentence_of(dash), min(content[0], a), b, attributed_to=text[a:b]
                ),
                speaker_entity=ent.key if ent else None,
                speaker_span=(a, b),
                cue_span=(dash, dash + 1),
                content_span=content,
                direct=q is not None,
            )
        )
    return out


@dataclass(slots=True)
class _Cue:
    start: int  # characters in the article text
    end: int
    stance: str
    anchor: int  # character offset of the word the parser should see as the cue's head
    kind: str  # "verb", "according", "phrase"


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def find_cues(nd: NlpDoc, sentence: int, quotes: list[tuple[int, int]]) -> list[_Cue]:
    s = nd.sentences[sentence]
    lex = cues()
    found: list[_Cue] = []
    taken: list[tuple[int, int]] = []
    for rx, stance in lex["phrases"]:
        for m in rx.finditer(s.text):
            a, b = s.start + m.start(), s.start + m.end()
            if _in_spans(a, quotes) or any(x < b and a < y for x, y in taken):
                continue
            anchor = s.start + (m.start(1) if m.groups() and m.group(1) else m.start())
            kind = "according" if m.group(0).lower().startswith("according") else "phrase"
            if "statement" in m.group(0).lower() and kind == "phrase":
                # "in a statement" is a channel; it makes a cue only when no verb is near.
                kind = "statement"
            found.append(_Cue(a, b, stance, anchor, kind))
            taken.append((a, b))
    for m in re.finditer(r"[A-Za-z’']+", s.text):
        word = m.group().lower()
        stance = lex["verbs"].get(word)
        if stance is None:
            continue
        a, b = s.start + m.start(), s.start + m.end()
        if _in_spans(a, quotes) or any(x <= a < y for x, y in taken):
            continue
        found.append(_Cue(a, b, stance, a, "verb"))
    if any(c.kind != "statement" for c in found):
        found = [c for c in found if c.kind != "statement"]
    return sorted(found, key=lambda c: c.start)


# ----------------------------------------------------------------------------- spans from parses


def _token_at(doc: Any, offset: int) -> Any | None:
    for tok in doc:
        if tok.idx <= offset < tok.idx + max(1, len(tok.text)):
            return tok
    return None


def _subtree_span(tok: Any, exclude: Any | None = None) -> tuple[int, int]:
    toks = [t for t in tok.subtree if exclude is None or t not in set(exclude.subtree)]
    toks = [t for t in toks if not t.is_punct or t.text in "“”\"'’"] or [tok]
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _subject(verb: Any) -> Any | None:
    seen = 0
    v = verb
    while v is not None and seen < 4:
        for child in v.children:
            if child.dep_ in _SUBJ_DEPS:
                return child
        # "X confirmed the strike, saying ..." / "X declined to comment": the subject of the
        # governing verb.
        if v.dep_ in ("xcomp", "advcl", "conj", "ccomp", "dobj", "pobj", "prep", "aux") and v.head is not v:
            v = v.head
            seen += 1
            continue
        break
    return None


# Prepositions that introduce what a cue is about ("called for X", "warned against X").
_CONTENT_PREPS = {"for", "about", "against", "on", "of", "over", "that"}


def _loose_content(verb: Any) -> tuple[int, int] | None:
    """Content for a cue verb without a clausal complement or object.

    - a parenthetical cue ("The plan, she said, will fail", "As the paper noted, ..."): the
      clause it interrupts;
    - a prepositional complement ("called for new talks"): the preposition's object.
    """
    as_clause = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    if (verb.dep_ == "parataxis" or as_clause) and verb.head is not verb:
        inner = set(verb.subtree)
        toks = [t for t in verb.head.subtree if t not in inner and not t.is_punct]
        if len(toks) >= 2:
            return toks[0].idx, toks[-1].idx + len(toks[-1].text)
    for child in verb.children:
        if child.i > verb.i and child.dep_ == "prep" and child.lower_ in _CONTENT_PREPS:
            toks = [t for t in child.subtree if t is not child]
            if toks:
                return toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return None


def _trim_speaker(text: str, start: int, end: int) -> tuple[int, int]:
    """Cut a speaker phrase before a reason clause ("... because they were not ...")."""
    seg = text[start:end]
    m = re.search(r",?\s+(?:because|as|since|but|and said|who said)\b", seg)
    if m:
        end = start + m.start()
    while end > start and text[end - 1] in " ,":
        end -= 1
    return start, end


# ----------------------------------------------------------------------------- without a parse

_NP = (
    r"(?:[Tt]he\s+)?(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|al-[\w’'-]+)){0,3})"
)
_SPEAKER_BEFORE = re.compile(
    rf"(?:^|[,;:“”\"(]\s*|\b(?:and|but|as|while)\s+)({_NP})\s+"
    r"(?:(?:also|has|have|had|would|will|previously|later|then|repeatedly|reportedly|once|recently)\s+){0,2}$"
)
_SPEAKER_AFTER = re.compile(rf"^\s+({_NP})\s*(?=[.,;]|$)")
_QUOTE_END_BEFORE = re.compile(r"[,.!?]?(?:[”\"»]|'')\s*$")


def _simple(text: str, s: Any, cue: _Cue) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(speaker span, content span) from surface patterns, or None when a parse is needed."""
    if cue.kind != "verb" or text[cue.start : cue.end].lower() not in cues()["simple"]:
        return None  # a word that may also be a noun ("states", "claims") needs its tag
    before = text[s.start : cue.start]
    after_start = cue.end
    m = _SPEAKER_BEFORE.search(before)
    if m and m.group(1).split()[-1].lower() != "the":
        speaker = (s.start + m.start(1), s.start + m.end(1))
        if _QUOTE_END_BEFORE.search(before[: m.start(1)]):
            return speaker, (s.start, s.start + m.start(1))  # the quote is found by the caller
        c = re.match(r"^[\s,:]*(?:that\s+)?", text[after_start : s.end])
        a = after_start + (c.end() if c else 0)
        b = s.end
        while b > a and text[b - 1] in ".!? ":
            b -= 1
        return (speaker, (a, b)) if b > a else None
    m = _SPEAKER_AFTER.match(text[cue.end : s.end])
    if m and _QUOTE_END_BEFORE.search(before):
        return (cue.end + m.start(1), cue.end + m.end(1)), (s.start, cue.start)
    return None


# ----------------------------------------------------------------------------- main


_ANAPHORIC_NOUNS = {
    "statement",
    "group",
    "ministry",
    "movement",
    "militia",
    "organisation",
    "organization",
    "army",
    "military",
    "government",
    "agency",
    "company",
}
_APPOSITION = re.compile(r"\s*(?:[–—]|--|,)\s+(?:a|an|the|one of|which|its)\b")


def _trim_apposition(text: str, start: int, end: int) -> tuple[int, int]:
    """ "The Front (TF) – a coalition of ..." -> "The Front (TF)"."""
    m = _APPOSITION.search(text, start, end)
    if m and m.start() > start:
        end = m.start()
    return start, end


def _speaker_entity(
    nd: NlpDoc,
    entities: list[LocalEntity],
    start: int,
    end: int,
    sentence: int,
    head_text: str,
    head_pos: int | None = None,
) -> LocalEntity | None:
    text = nd.text[start:end]
    low = head_text.lower()
    if low in _PRONOUNS_PERSON:
        return _last_entity(entities, start, ("PERSON",))
    if low in _PRONOUNS_OTHER:
        return None
    if low in lexicon()["group_speaker_nouns"]:
        # A described speaker unless the phrase names a person.
        ent = entity_at(entities, start, end)
        if ent is not None and ent.type == "PERSON":
            return ent
        return add_group(entities, text, start, end, sentence)
    if head_pos is not None:
        ent = entity_at(entities, head_pos, head_pos + len(head_text))
        if ent is not None:
            return ent
    if low in _ANAPHORIC_NOUNS:
        return None
    return entity_at(entities, start, end)


def _last_entity(entities: list[LocalEntity], before: int, types: tuple[str, ...]) -> LocalEntity | None:
    best: tuple[int, LocalEntity] | None = None
    for ent in entities:
        if ent.type not in types:
            continue
        for m in ent.mentions:
            if m.end <= before and (best is None or m.start > best[0]):
                best = (m.start, ent)
    return best[1] if best else None


# "No group claimed responsibility", "Nobody said ...": a negated subject reports that nobody
# spoke; it is not a speaker (closed-class English determiners and pronouns).
_NEGATED_SPEAKER = re.compile(r"(?i)^\s*(?:no|nobody|none|neither|no one)\b")


# what a source asks of the reporter about their name ("who asked not to be named")
_UNNAMED = re.compile(r"(?i)\s*(?:not\s+to\s+be\s+(?:named|identified)|that\s+(?:his|her|their)\s+names?\s+not\b)")


def find_claims(nd: NlpDoc, entities: list[LocalEntity]) -> list[Claim]:
    """Every attribution in the article, in text order."""
    text = nd.text
    quotes = quote_spans(text)
    cue_by_sentence = {s.index: find_cues(nd, s.index, quotes) for s in nd.sentences}
    # The parser runs only where the simple patterns ("X said ...", "“...,” said X") do not
    # account for every cue: parsing is the expensive step.
    simple_ok = {
        i: all(c.kind == "verb" and _simple(text, nd.sentences[i], c) is not None for c in cs)
        for i, cs in cue_by_sentence.items()
        if cs
    }
    nd.parse_many(i for i, ok in simple_ok.items() if not ok)
    claims: list[Claim] = []
    last_speaker: tuple[str, str | None, tuple[int, int] | None] | None = None
    last_claim_sentence = -2
    for s in nd.sentences:
        cs = cue_by_sentence[s.index]
        transcript = _TRANSCRIPT.match(s.text)
        if transcript and transcript.group(1).lower() in cues()["not_speakers"]:
            transcript = None
        if transcript:
            a, b = s.start + transcript.start(1), s.start + transcript.end(1)
            colon = s.start + transcript.end(1)
            para_end = text.find("\n", s.start)
            para_end = len(text) if para_end == -1 else para_end
            c_start = s.start + transcript.end()
            ent = entity_at(entities, a, b)
            claims.append(
                Claim(
                    id=f"c{len(claims)}",
                    article=nd.article.id,
                    speaker_text=text[a:b],
                    cue=":",
                    content=text[c_start:para_end].strip(_QUOTE_STRIP),
                    evidence=Evidence(nd.article.id, s.index, a, para_end, attributed_to=text[a:b]),
                    speaker_entity=ent.key if ent else None,
                    speaker_span=(a, b),
                    cue_span=(colon, colon + 1),
                    content_span=(c_start, para_end),
                    direct=True,
                )
            )
            last_speaker = (text[a:b], ent.key if ent else None, (a, b))
            last_claim_sentence = s.index
            # Cues inside the speaker's words are attributions of their own (nested).
            cs = [c for c in cs if c.start >= c_start]
            if not cs:
                continue
        if not cs:
            # A sentence that is only a quotation continues the previous speaker.
            q = next(((a, b) for a, b in quotes if a - 1 <= s.start and b + 1 >= s.end), None)
            if q and last_speaker and last_claim_sentence == s.index - 1 and claims[-1].content_span:
                # One attribution, not a new one: the previous claim's content grows to take
                # in this quotation (PolNeAR, PARC: a quote spread over sentences is one
                # attribution with discontinuous content).
                prev = claims[-1]
                end = min(q[1], s.end)
                span = (prev.content_span[0], max(prev.content_span[1], end))
                claims[-1] = replace(
                    prev,
                    content=text[span[0] : span[1]].strip(_QUOTE_STRIP),
                    content_span=span,
                    evidence=replace(prev.evidence, end=max(prev.evidence.end, end)),
                    direct=True,
                )
                last_claim_sentence = s.index
            continue
        doc = None if simple_ok.get(s.index) else nd.parse(s.index)
        used_heads: set[int] = set()
        for cue in cs:
            claim = _claim_for(nd, s, doc, cue, quotes, entities, claims, used_heads)
            if claim is None or _NEGATED_SPEAKER.match(claim.speaker_text):
                continue
            claims.append(claim)
            last_speaker = (claim.speaker_text, claim.speaker_entity, claim.speaker_span)
            last_claim_sentence = s.index
    credits = _credit_claims(nd, quotes, entities)
    if credits:
        claims = sorted(claims + credits, key=lambda c: c.cue_span or (0, 0))
    return [replace(c, id=f"c{i}") for i, c in enumerate(claims)]


def _claim_for(
    nd: NlpDoc,
    s: Any,
    doc: Any | None,
    cue: _Cue,
    quotes: list[tuple[int, int]],
    entities: list[LocalEntity],
    claims: list[Claim],
    used_heads: set[int],
) -> Claim | None:
    text = nd.text
    base = s.start
    speaker: tuple[int, int] | None = None
    head_text = ""
    head_pos: int | None = None
    content: tuple[int, int] | None = None
    if doc is not None:
        tok = _token_at(doc, cue.anchor - base)
        if tok is None:
            return None
        if cue.kind == "according":
            to = next((t for t in tok.children if t.lower_ == "to"), None) or (
                tok.nbor(1) if tok.i + 1 < len(doc) and tok.nbor(1).lower_ == "to" else None
            )
            pobj = next((t for t in to.children if t.dep_ == "pobj"), None) if to is not None else None
            if pobj is None:
                return None
            a, b = _subtree_span(pobj)
            speaker = _trim_speaker(text, base + a, base + b)
            head_text, head_pos = pobj.text, base + pobj.idx
            # The content is the rest of the sentence.
            before = text[s.start : cue.start].rstrip(" ,")
            if before.strip():
                content = (s.start, s.start + len(before))
            else:
                content = (s.end - len(text[speaker[1] : s.end].lstrip(" ,").rstrip(" ,.")), s.end)
        else:
            verb = tok
            if tok.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB") and cue.kind == "verb":
                return None
            if verb.i in used_heads:
                return None
            bare_participle = verb.tag_ == "VBN" and not any(
                c.dep_ in ("aux", "auxpass") for c in verb.children
            )
            if bare_participle and verb.dep_ != "acl":
                return None  # "Asked whether ...", "the reported attack": not an attribution
            if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
                return None  # "wants to state", "plans to release": the cue is only intended
            used_heads.add(verb.i)
            passive = any(c.dep_ == "auxpass" for c in verb.children) or (
                verb.tag_ == "VBN" and verb.dep_ == "acl"
            )
            subj = _subject(verb)
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            agent_obj = (
                next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            )
            if passive:
                # "The plan was backed by most voters": the speaker is the agent and the
                # content the passive subject; with no agent there is no speaker.
                if subj is not None and subj.dep_ == "nsubjpass" and subj.head is verb:
                    a, b = _subtree_span(subj)
                    content = (base + a, base + b)
                subj = agent_obj
            elif subj is None and verb.dep_ == "acl" and verb.head is not verb:
                # "the group backing the senator": the noun the participle modifies.
                subj = verb.head
            if subj is not None:
                a, b = _subtree_span(subj, exclude=verb if verb in subj.subtree else None)
                speaker = _trim_speaker(text, base + a, base + b)
                head = subj
                if head.lower_ in ("one", "some", "many", "most", "several", "each", "all") or head.like_num:
                    of = next((c for c in head.children if c.lower_ == "of"), None)
                    pobj = (
                        next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
                    )
                    head = pobj if pobj is not None else head
                head_text, head_pos = head.text, base + head.idx
            comp = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.i > verb.i), None)
            if comp is None:
                comp = next((c for c in verb.children if c.dep_ in ("ccomp",)), None)
            obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr")), None)
            if content is not None:
                pass  # the passive subject
            elif comp is not None:
                a, b = _subtree_span(comp)
                content = (base + a, base + b)
            elif obj is not None and cue.kind == "verb":
                if obj.lower_ in ("itself", "themselves", "himself", "herself"):
                    return None  # "a group calling itself X" names, it does not say
                a, b = _subtree_span(obj)
                # "called the plan a disaster", "accused her of lying": the object with what
                # the cue says of it.
                for c in verb.children:
                    if c.i > obj.i and (
                        c.dep_ in ("oprd", "ccomp", "xcomp")
                        or (c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS)
                    ):
                        b = max(b, _subtree_span(c)[1])
                content = (base + a, base + b)
            elif cue.kind == "verb":
                found = _loose_content(verb)
                content = (base + found[0], base + found[1]) if found else None
            if cue.kind in ("phrase", "statement") and content is None:
                content = (cue.start, s.end)
    else:
        found = _simple(text, s, cue)
        if found is None:
            return None
        speaker, content = found
        head_text = text[speaker[0] : speaker[1]].split()[-1]
        head_pos = speaker[1] - len(head_text)
    # A direct quotation the cue attaches to: the quote just before or after it.
    direct = False
    near = [
        (a, b)
        for a, b in quotes
        if (0 <= cue.start - b <= 40 or 0 <= a - cue.end <= 40 or a <= cue.start < b) and b - a > 8
    ]
    # Prefer a quotation that ends in the cue's own sentence ("“...,” he said.").
    near.sort(
        key=lambda ab: (
            not (s.start <= ab[1] <= s.end and ab[1] <= cue.start),
            min(abs(cue.start - ab[1]), abs(ab[0] - cue.end)),
        )
    )
    if near:
        q = near[0]
        covers = (
            content is not None
            and (q[1] - q[0]) >= 0.5 * (content[1] - content[0])
            and (q[0] <= content[1] and content[0] <= q[1])
        )
        if (content is None or covers) and not (q[0] <= cue.start < q[1]):
            content = q
            direct = True
    if content is not None and any(a <= content[0] and content[1] <= b + 1 for a, b in quotes):
        direct = True
    if speaker is None:
        if cue.stance in ("decline", "no_response") or cue.kind == "statement":
            return None
        if direct and claims and claims[-1].evidence.sentence >= s.index - 1:
            speaker = claims[-1].speaker_span
            head_text = claims[-1].speaker_text
        else:
            return None
    if speaker is None or content is None or content[1] <= content[0]:
        return None
    words = text[content[0] : content[1]].split()
    if not direct and cue.kind == "verb" and (not words or (len(words) == 1 and words[0].lower() in _VAGUE)):
        return None
    speaker = _trim_apposition(text, *speaker)
    speaker_text = text[speaker[0] : speaker[1]]
    if speaker_text.lower() in ("who", "which", "that") and _UNNAMED.match(text, content[0]):
        return None  # "an officer, who asked not to be named, said ...": a description, no claim
    ent = _speaker_entity(nd, entities, speaker[0], speaker[1], s.index, head_text, head_pos)
    if ent is None and head_text.lower() in _ANAPHORIC_NOUNS and re.match(r"(?i)the\s+\w+$", speaker_text):
        if head_text.lower() == "statement" and claims:
            last = next((c.speaker_entity for c in reversed(claims) if c.speaker_entity), None)
            ent = entities_by_key(entities).get(last or "")
        else:
            ent = _last_entity(entities, speaker[0], ("ORG", "GROUP"))
    if cue.stance in ("decline", "no_response"):
        content = (s.start, s.end)
    channel_m = _CHANNEL.search(s.text)
    channel = channel_m.group(0).rstrip(".") if channel_m else None
    content_text = text[content[0] : content[1]].strip(_QUOTE_STRIP)
    return Claim(
        id=f"c{len(claims)}",
        article=nd.article.id,
        speaker_text=speaker_text,
        cue=text[cue.start : cue.end],
        content=content_text,
        evidence=Evidence(
            nd.article.id,
            s.index,
            min(speaker[0], cue.start, content[0]),
            max(speaker[1], cue.end, content[1]),
            attributed_to=ent.name if ent else speaker_text,
        ),
        speaker_entity=ent.key if ent else None,
        speaker_span=speaker,
        cue_span=(cue.start, cue.end),
        content_span=content,
        direct=direct,
        channel=channel,
        stance=cue.stance,
    )


def entities_by_key(entities: list[LocalEntity]) -> dict[str, LocalEntity]:
    return {e.key: e for e in entities}
