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
from dataclasses import dataclass
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
    for stance, bases in data.get("base_verbs", {}).items():
        for base in bases:
            for form in _inflect(base):
                verbs.setdefault(form, stances.get(base, stance))
    return {"verbs": verbs, "phrases": phrases}


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
_QUOTE_PAIRS = {"“": "”", '"': '"', "«": "»"}
_PRONOUNS_PERSON = {"he", "she", "him", "her"}
_PRONOUNS_OTHER = {"they", "it", "we", "i"}
_SUBJ_DEPS = {"nsubj", "nsubjpass"}


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quotations (inside the marks), curly or straight; a quote may span sentences."""
    spans: list[tuple[int, int]] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in _QUOTE_PAIRS:
            close = _QUOTE_PAIRS[ch]
            j = text.find(close, i + 1)
            # A straight quote with no partner, or an unreasonably long one, is not a quote.
            if j == -1 or j - i > 3000:
                i += 1
                continue
            # A curly quote left open at a paragraph end re-opens in the next paragraph.
            spans.append((i + 1, j))
            i = j + 1
        else:
            i += 1
    return spans


# A transcript or interview line: "NAME: words" at the start of a paragraph.
_TRANSCRIPT = re.compile(r"^[\"“]?((?:[A-Z][A-Za-z.’'-]*)(?: [A-Z][A-Za-z.’'-]*){0,3}):\s+(?=\S)")


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
_QUOTE_END_BEFORE = re.compile(r"[,.!?]?[”\"]\s*$")


def _simple(text: str, s: Any, cue: _Cue) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(speaker span, content span) from surface patterns, or None when a parse is needed."""
    if cue.kind != "verb":
        return None
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
        if transcript and not cs:
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
                    content=text[c_start:para_end].strip('“”" '),
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
            continue
        if not cs:
            # A sentence that is only a quotation continues the previous speaker.
            q = next(((a, b) for a, b in quotes if a - 1 <= s.start and b + 1 >= s.end), None)
            if q and last_speaker and last_claim_sentence == s.index - 1:
                a, b = max(q[0], s.start), min(q[1], s.end)
                prev = claims[-1]
                claims.append(
                    Claim(
                        id=f"c{len(claims)}",
                        article=nd.article.id,
                        speaker_text=last_speaker[0],
                        cue=prev.cue,
                        content=text[a:b].strip('“”" '),
                        evidence=Evidence(
                            nd.article.id, s.index, s.start, s.end, attributed_to=last_speaker[0]
                        ),
                        speaker_entity=last_speaker[1],
                        speaker_span=last_speaker[2],
                        cue_span=prev.cue_span,
                        content_span=(a, b),
                        direct=True,
                        channel=prev.channel,
                        stance=prev.stance,
                    )
                )
                last_claim_sentence = s.index
            continue
        doc = None if simple_ok.get(s.index) else nd.parse(s.index)
        used_heads: set[int] = set()
        for cue in cs:
            claim = _claim_for(nd, s, doc, cue, quotes, entities, claims, used_heads)
            if claim is None:
                continue
            claims.append(claim)
            last_speaker = (claim.speaker_text, claim.speaker_entity, claim.speaker_span)
            last_claim_sentence = s.index
    return claims


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
            if verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
                return None  # "Asked whether ...", "the reported attack": not an attribution
            used_heads.add(verb.i)
            subj = _subject(verb)
            if subj is not None:
                a, b = _subtree_span(subj)
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
            if comp is not None:
                a, b = _subtree_span(comp)
                content = (base + a, base + b)
            elif obj is not None and cue.kind == "verb":
                a, b = _subtree_span(obj)
                content = (base + a, base + b)
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
    if not direct and cue.kind == "verb" and len(text[content[0] : content[1]].split()) < 2:
        return None
    speaker = _trim_apposition(text, *speaker)
    speaker_text = text[speaker[0] : speaker[1]]
    ent = _speaker_entity(nd, entities, speaker[0], speaker[1], s.index, head_text, head_pos)
    if ent is None and head_text.lower() in _ANAPHORIC_NOUNS and re.match(r"(?i)the\s+\w+$", speaker_text):
        if head_text.lower() == "statement" and claims:
            ent = entities_by_key(entities).get(claims[-1].speaker_entity or "")
        else:
            ent = _last_entity(entities, speaker[0], ("ORG", "GROUP"))
    if cue.stance in ("decline", "no_response"):
        content = (s.start, s.end)
    channel_m = _CHANNEL.search(s.text)
    channel = channel_m.group(0).rstrip(".") if channel_m else None
    content_text = text[content[0] : content[1]].strip('“”" ')
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
