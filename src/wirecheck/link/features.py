"""What the linker remembers about an article: a small JSON-able dict of story features.

The features are computed once, when the article is added, and stored through the backend, so
a linker resumed on a database compares new articles with old ones without re-reading them.
Corpus statistics (how many articles carry a word, a name, a place) are not kept here: the
linker reads them from the backend's key counts (see ``StoryLinker``).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections import Counter
from typing import Any

from wirecheck.link.minhash import minhasher
from wirecheck.link.names import fold, link_data, name_tokens, norm_name, word_set
from wirecheck.models import ArticleAnalysis, EventMention, Place
from wirecheck.nlp.times import birth_date, month_number

_LINE_WORD = re.compile(r"[A-Za-z]+")
_TOKEN = re.compile(r"[a-z][a-z'\-]+|\d+(?:[.,]\d+)?")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DIGIT = re.compile(r"\d")
_CAPITAL = re.compile(r"\b[A-Z][A-Za-z'\u2019\-]+")
# Named things that tell stories apart: people (victims, suspects, officials) most of all.
_ORG_TYPES = {"ORG", "FAC", "NORP"}


def main_mention(analysis: ArticleAnalysis) -> EventMention | None:
    """The article's main event: the extractor's choice, else the first reported (not background)."""
    chosen = getattr(analysis, "main_event", None)
    for m in analysis.events:
        if m.id == chosen and not m.background:
            return m
    reported = [m for m in analysis.events if not m.background]
    if not reported:
        return None
    return min(reported, key=lambda m: (m.evidence.start, m.id))


def content_words(text: str) -> list[str]:
    """The text's words as the linker counts them, in order (stopwords and short words left out)."""
    global _CONTENT_MEMO
    tokens = _TOKEN.findall(text.lower())
    memo = _CONTENT_MEMO
    if len(memo) > _CONTENT_MEMO_SIZE:
        # A fresh memo rather than clear(): a call in another thread keeps the one it holds.
        memo = _CONTENT_MEMO = {}
    # Each distinct token is judged once per process (a word recurs across articles), and the
    # per-token lookup runs in C through map().
    for token in set(tokens).difference(memo):
        memo[token] = _content_word(token)
    return [w for w in map(memo.__getitem__, tokens) if w]


def _content_word(token: str) -> str:
    """What :func:`content_words` keeps of one token ("" to leave it out)."""
    if token[0].isdigit():
        # Numbers (ages, addresses, tolls, years) often tell one event from a like one.
        return "#" + token
    w = token.strip("'-")
    if len(w) > 2 and w not in word_set("stopwords"):
        return w.removesuffix("'s")
    return ""


# Token -> kept word ("" for none); bounded, replaced whole when full (a long-running store meets
# an open vocabulary).
_CONTENT_MEMO: dict[str, str] = {}
_CONTENT_MEMO_SIZE = 200_000


# The line key of a line that is page furniture by its form alone (see ``page_furniture``).
FURNITURE = "!"


@functools.lru_cache(maxsize=65536)
def page_furniture(line: str) -> bool:
    """Whether clean strips ``line`` as page furniture (``[stripped]`` in ``data/clean.toml``:
    sign-up boxes, "Read more" links, a video playlist's entries).

    Ingested texts have lost such lines already; a dataset's texts are read as they are (their
    gold offsets index them), so the linker leaves them out itself.  (Memoised: each line is
    asked about twice, for the text and for the names, and furniture recurs across pages.)
    """
    from wirecheck.clean.patterns import load_rules

    line = line.strip()
    rules = load_rules()
    if not line or len(line.split()) > rules.max_line_words:
        return False
    return any(p.fullmatch(line) for p in rules.stripped)


def text_lines(text: str) -> list[tuple[str, str]]:
    """The article's lines (paragraphs) with a stable hash of each, for page-furniture filtering.

    A line is compared by its words alone (punctuation and digits dropped), so a sign-in box or
    a "watch this video" strip with a different time stamp is still the same line.  Lines of
    fewer than ``min_words`` words have no hash: too short to tell furniture from a common phrase.
    A line that is furniture by its form (:func:`page_furniture`) has the key ``FURNITURE``.
    """
    out = []
    shortest = link_data()["boilerplate"]["min_words"]
    for line in text.splitlines():
        if page_furniture(line):
            out.append((line, FURNITURE))
            continue
        # Capitalised words after the first are left out of the key: furniture often names
        # the page's reporter or outlet ("Get email notifications on <reporter> daily!").
        words = _LINE_WORD.findall(line)
        words = [w.lower() for i, w in enumerate(words) if i == 0 or not w[0].isupper()]
        key = ""
        if len(words) >= shortest:
            key = hashlib.blake2b(" ".join(words).encode(), digest_size=8).hexdigest()
        out.append((line, key))
    return out


def parse_day(value: str | None) -> dt.date | None:
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def type_family(event_type: str | None) -> str | None:
    """Coarse event family: outlets code one event as a battle or an attack, a riot or a protest."""
    if not event_type:
        return None
    return link_data()["type_family"].get(event_type, event_type)


@functools.cache
def _age_pattern() -> re.Pattern[str]:
    """Ages as crime and accident news gives them: "a 15-year-old", "a boy, 8,", "Jo Vance, 19,"."""
    nouns = "|".join(sorted(word_set("age_nouns"), key=len, reverse=True))
    return re.compile(
        r"\b(\d{1,3})[- ](?:years?|yrs?)[- ]old\b"
        rf"|\b(?i:{nouns})(?:, (?:aged? )?| aged? )(\d{{1,3}})\b(?![-,.:]?\d)"
        r"|\b[A-Z][a-z'\-]+ [A-Z][a-z'\-]+(?:, (?:aged? )?| aged? )(\d{1,3}),"
    )


def ages(text: str) -> list[int]:
    """The ages of people a text gives (1-109), sorted and distinct.

    Two reports of one shooting give the victims' and suspects' ages; two like crimes in one town
    usually give different ones, where the rest of their wording is the same."""
    found = set()
    # Every form of an age holds a digit and stays within one line: only lines with a digit are
    # searched (the same matches, in about half the time on news text).
    digits = "\n".join(line for line in text.splitlines() if _DIGIT.search(line))
    for m in _age_pattern().finditer(digits):
        age = int(next(g for g in m.groups() if g))
        if 0 < age < 110:
            found.add(age)
    return sorted(found)


def article_features(analysis: ArticleAnalysis, body: str | None = None, *,
                     like: dict[str, Any] | None = None) -> dict[str, Any]:
    """Story features of one article, without corpus statistics (the linker adds ``vec``).

    ``body`` is the text the word counts are taken from (the linker passes the text without
    its page furniture, see :func:`text_lines`); the article's whole text by default.  ``like``:
    this article's features over another body (``prepare``'s, over the whole text), of which
    only what depends on the body is computed again.
    """
    art = analysis.article
    text = art.text if body is None else body
    if like is not None:
        feats = dict(like)
        feats.update(_body_features(analysis, text, feats["lead"]))
        return feats
    feats: dict[str, Any] = {
        "title": sorted(set(content_words(art.title or first_line_headline(art.text)))),
        "pub": art.published[:10] if parse_day(art.published) else None,
        "outlet": outlet(art.source),
        "dates": _days_cited(analysis),
        "states": named_states(analysis),
    }
    feats.update(_names(analysis))
    feats.update(_body_features(analysis, text, feats["lead"]))
    main = main_mention(analysis)
    feats.update(_event_features(main))
    if feats["pub"] is None and feats.get("date") and not _dated_in_lead(analysis, main, feats["date"]):
        # No publication day to resolve against, and the event's day comes from deep in the
        # text: more often a date the text recalls (an attack years ago, an anniversary) that
        # the extractor tied to the main event than the story's own day.
        feats["date"] = None
    if feats.get("date") is None:
        feats["date"] = feats["pub"]
    feats["year"] = _year(feats, analysis)
    feats["months"] = lead_months(analysis)
    feats["nums"] = _lead_numbers(analysis)
    feats["lead_words"] = sorted(set(feats["title"]).union(content_words(art.text[: _lead_end(analysis)])))
    return feats


# A first line that is a headline: a few words with no sentence's end ("Paris store hit by $2
# million heist"), neither a page's stamp ("9 September 2031, 14: 08") nor a dateline.
_HEADLINE_WORDS = (3, 16)
_STAMP_LINE = re.compile(r"\b(?:19|20)\d\d\b|\d{1,2}\s?:\s?\d\d")


def first_line_headline(text: str) -> str:
    """The text's first line when it reads as a headline (a report pasted whole, its headline on
    top), else "": what stands in for a title the article does not have."""
    line = text.lstrip().split("\n", 1)[0].strip()
    words = line.split()
    if not _HEADLINE_WORDS[0] <= len(words) <= _HEADLINE_WORDS[1] or line.isupper():
        return ""
    if re.search(r"[.!?:;,]['\"”’)]?$", line) or _STAMP_LINE.search(line):
        return ""
    if sum(w[:1].isalpha() for w in words) < 3:
        return ""
    return line


_NUMBER = re.compile(r"(?<![\d:./])\d+(?:[.,]\d+)?(?![\d:])")


def _lead_numbers(analysis: ArticleAnalysis) -> list[str]:
    """The figures the lead gives in digits (sums, tolls, ages, magnitudes), years and clock
    times left out."""
    end = _lead_end(analysis)
    text = analysis.article.text[:end]
    out = set()
    for m in _NUMBER.finditer(text):
        n = m.group().replace(",", "")
        if len(n) == 4 and n[:2] in ("19", "20"):
            continue
        out.add(n)
    return sorted(out)


# Bump when what ``prepare`` returns changes shape: an older one is recomputed, not read.
PREPARED_FORMAT = 6


def _body_features(analysis: ArticleAnalysis, body: str, lead: list[str]) -> dict[str, Any]:
    """The features that depend on the body (the text less its page furniture): its words,
    the ages it gives, the people it is about."""
    title = analysis.article.title or ""
    return {
        "tf": dict(Counter(content_words(body))),
        "ages": ages(f"{title}\n{body}"),
        **_key_people(analysis, lead, title, body),
    }


def prepare(analysis: ArticleAnalysis) -> dict[str, Any]:
    """Everything the linker reads of one article alone, for the analysis step to compute.

    The analysis step runs per article on every worker; linking runs in one process, article
    after article, so what depends on the article alone is done there: its line keys, its
    features and its MinHash signature over the whole text.  The linker takes them as they are
    unless it drops lines as page furniture (then the features and signature of what is left
    are its own to compute), so a prepared article links exactly as an unprepared one.
    """
    lines = text_lines(analysis.article.text)
    body = "\n".join(line for line, key in lines if key != FURNITURE)
    sig, bands = minhasher().sketch(body)
    return {
        "format": PREPARED_FORMAT,
        "line_keys": [key for _, key in lines],
        "features": article_features(analysis, body),
        "sig": sig,
        "bands": bands,
    }


def named_states(analysis: ArticleAnalysis) -> list[str]:
    """The US states an article's text names as places ("Ohio", "Tulsa, Okla."), sorted: what a
    local outlet's articles name most is the outlet's home state (see ``outlet_homes``)."""
    from wirecheck.nlp.places import get_gazetteer

    gaz = get_gazetteer()
    found: set[str] = set()
    for ent in analysis.entities:
        if ent.type not in ("GPE", "LOC") or (ent.country and ent.country != "US"):
            continue
        for form in (ent.name, *ent.aliases):
            # "Ind.", "S.C.", "Ohio" -- not a bare two-letter word ("OK", "IN")
            code = gaz.state_code(form) if len(form.strip(".")) > 2 or "." in form else None
            if code:
                found.add(gaz.state_name(code))
                break
    return sorted(found)


def outlet(source: str | None) -> str | None:
    """The outlet an article came from, as a comparable key ("www.example.com" -> "example.com")."""
    if not source:
        return None
    return source.strip().lower().removeprefix("www.") or None


def _days_cited(analysis: ArticleAnalysis) -> list[str]:
    """Every day the article dates exactly: its events' dates (background ones too) and its
    day-precise time expressions.  A follow-up ("charged in the March 3 shooting") cites the
    day of the event it follows, though its own main event is the arrest or the hearing."""
    days = set()
    for m in analysis.events:
        if m.date is not None and m.date.date.precision == "day":
            day = parse_day(m.date.date.value)
            if day:
                days.add(day.isoformat())
    for t in analysis.times:
        day = parse_day(t.value) if t.value and len(t.value) >= 10 else None
        if day:
            days.add(day.isoformat())
    return sorted(days)


def spot_key(detail: str | None) -> list[str]:
    """The distinctive words of a place's finer detail (a street, a block, a neighbourhood):
    "the 800 block of North Elm Street" -> ["elm"].  Numbers and street-type words are left
    out, so "Elm St." and "800 block of Elm Street" agree."""
    if not detail:
        return []
    generic = word_set("street_words")
    return sorted({w for w in re.findall(r"[a-z]+", fold(detail)) if len(w) > 1 and w not in generic})


def _lead_sentences() -> int:
    return int(link_data()["features"]["lead_sentences"])


def _dated_in_lead(analysis: ArticleAnalysis, mention: EventMention | None, day: str) -> bool:
    """Whether the main event's day is read in the lead, or the lead cites that day."""
    lead = _lead_sentences()
    if mention is not None and mention.date is not None and mention.date.evidence.sentence < lead:
        return True
    return any(t.sentence < lead and t.value and t.value[:10] == day for t in analysis.times)


def _year(feats: dict[str, Any], analysis: ArticleAnalysis) -> str | None:
    """The year of the story: of its date, else of a date the lead writes out with its year.

    Only a month or a day with its year ("June 2031", "Feb. 9, 2032") or a dateline (a line of
    its own) counts: a bare year in a sentence mostly names another occasion ("the 1996
    final", "ever since 1990", "a bid for the 2030 games"), and later years in a text are
    often other events.
    """
    if feats.get("date"):
        return str(feats["date"])[:4]
    text, lead = analysis.article.text, _lead_sentences()
    for t in sorted(analysis.times, key=lambda t: t.start):
        if t.sentence >= lead:
            break
        # A whole year only: a decade ("the 1950s") is written "195" in TIMEX values.
        if not (t.value and len(t.value) >= 4 and t.value[:4].isdigit() and t.value[:4] in t.text):
            continue
        if birth_date(text, t.start, analysis.sentences[t.sentence].start):
            continue  # "born April 2, 1970": a person's year, not the story's
        if len(t.value) >= 7 or _own_line(text, t.start, t.end):
            return t.value[:4]
    return None


def lead_months(analysis: ArticleAnalysis) -> list[int]:
    """The months of the year the lead's dates fall in, with or without a year ("December 17",
    "Sept. 2031", a resolved "last Tuesday"), birth dates left out, sorted.

    With no publication day, "on Wednesday, December 17" resolves to no date, yet two undated
    reports whose leads date their news months apart tell of two like events (this year's
    recall and last year's), where all their other words agree."""
    text, lead = analysis.article.text, _lead_sentences()
    found: set[int] = set()
    for t in analysis.times:
        if t.sentence >= lead or t.kind != "DATE":
            continue
        sentence_start = analysis.sentences[t.sentence].start if t.sentence < len(analysis.sentences) else 0
        if birth_date(text, t.start, sentence_start):
            continue
        value = t.value or ""
        if len(value) >= 7 and value[:4].isdigit() and value[4] == "-" and value[5:7].isdigit():
            found.add(int(value[5:7]))
            continue
        for word in re.findall(r"[A-Za-z]+\.?", t.text):
            month = month_number(word)
            if month:
                found.add(month)
    return sorted(found)


def _own_line(text: str, start: int, end: int) -> bool:
    """Whether a span is a line by itself, give or take digits and punctuation: a dateline
    ("12 / 03 / 2019", where a tagger may read only the year)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[line_start:start] + text[end:line_end]
    return not any(ch.isalpha() for ch in rest)


def _furniture_spans(text: str) -> list[tuple[int, int]]:
    """The character spans of the text's lines that are page furniture by their form."""
    spans = []
    start = 0
    for line in text.splitlines(keepends=True):
        if page_furniture(line):
            spans.append((start, start + len(line)))
        start += len(line)
    return spans


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= offset < b for a, b in spans)


def _is_place_noun(word: str) -> bool:
    """A noun that ends the name of a building or a place, singular or plural ("Elm and Oak Streets")."""
    nouns = word_set("person_noise")
    return word in nouns or (word.endswith("s") and word[:-1] in nouns)


def _names(analysis: ArticleAnalysis) -> dict[str, list[str]]:
    """Full person names, person surnames and organisation names, normalised.

    "People" that are buildings or places ("<Name> Hospital": a tagger's slip) are left out."""
    stop = word_set("stopwords") | word_set("name_noise")
    persons: set[str] = set()
    orgs: set[str] = set()
    furniture = _furniture_spans(analysis.article.text)
    for ent in analysis.entities:
        if furniture and ent.mentions and all(_inside(m.start, furniture) for m in ent.mentions):
            continue  # named only in page furniture (another story's headline in a playlist)
        words = name_tokens(ent.name)
        # Long "names" are descriptions ("a doctor at the hospital who spoke ..."), not names.
        if not words or len(words) > 6 or any(w in word_set("name_noise") for w in words):
            continue
        if ent.type == "PERSON" and len(words) > 1 and _is_place_noun(words[-1]):
            continue  # a named building or place ends with its noun ("<Name> Hospital")
        if ent.type == "PERSON" and words[0] in word_set("street_starts"):
            continue  # a street that lost its type word ("North Halsted"): no one's name
        if ent.type == "PERSON":
            # Middle initials come and go between outlets: "Robert S. Mueller" = "Robert Mueller".
            words = [w for i, w in enumerate(words) if len(w) > 1 or i in (0, len(words) - 1)]
            if len(words) >= 2 and len(words[-1]) > 1:
                persons.add(" ".join(words))
        elif ent.type in _ORG_TYPES and len(words) >= 2 and not all(w in stop for w in words):
            orgs.add(" ".join(words))
    lead: set[str] = set()
    lead_end = _lead_end(analysis)
    for ent in analysis.entities:
        if ent.type == "PERSON" and any(m.start < lead_end for m in ent.mentions):
            words = [w for i, w in enumerate(name_tokens(ent.name)) if len(w) > 1 or i == 0]
            key = " ".join(words)
            if key in persons:
                lead.add(key)
    surnames = {p.split()[-1] for p in persons}
    surnames = {s for s in surnames if len(s) > 2 and s not in stop}
    return {
        "persons": sorted(persons),
        "surnames": sorted(surnames),
        "orgs": sorted(orgs),
        "lead": sorted(lead),
    }


def _capitalised(text: str) -> Counter[str]:
    """The text's capitalised words, folded, each with its plain plural form's stem too
    ("the Hendersons" prints "henderson")."""
    out: Counter[str] = Counter()
    # Folding is the slow part: once per distinct word, not per occurrence.
    for word, n in Counter(_CAPITAL.findall(text)).items():
        key = fold(word).strip("-")
        out[key] += n
        if key.endswith("s"):
            out[key[:-1]] += n
    return out


def _key_people(analysis: ArticleAnalysis, lead: list[str], title: str, text: str) -> dict[str, list[str]]:
    """The people a report is about, and every capitalised word it prints.

    ``key``: surnames of the people the lead names whom the text names again (the fighter and
    his opponent, the player arrested, the victim); a reporter's byline is named once, and a
    person the text gives a title or office (a spokesman, a police chief, a referee) speaks
    about the story rather than being its subject.  ``caps``: the page's capitalised words,
    folded, so a pair can ask whether one report so much as prints the other's key people (a
    tagger that missed a name in one text does not make it absent).
    """
    counts = _capitalised(text)
    titled = set()
    for ent in analysis.entities:
        if ent.type == "PERSON" and ent.roles:
            titled.add(" ".join(w for i, w in enumerate(name_tokens(ent.name)) if len(w) > 1 or i == 0))
    key = sorted({p.split()[-1] for p in lead if p not in titled and counts[p.split()[-1]] >= 2})
    caps = sorted(w for w in counts.keys() | _capitalised(title).keys() if len(w) > 2)
    # ``often``: the surnames of the people the text names more than once -- people it is about,
    # not one it recalls in passing (last year's opponent, the previous arrest).
    often = sorted({p.split()[-1] for p in _person_names(analysis)} & {w for w, n in counts.items() if n >= 2})
    return {"key": key, "caps": caps, "often": often}


def _person_names(analysis: ArticleAnalysis) -> set[str]:
    """Every full person name the tagger found, normalised as in :func:`_names` (no noise filter)."""
    out = set()
    for ent in analysis.entities:
        if ent.type == "PERSON":
            words = [w for i, w in enumerate(name_tokens(ent.name)) if len(w) > 1 or i == 0]
            if len(words) >= 2:
                out.add(" ".join(words))
    return out


def _lead_end(analysis: ArticleAnalysis) -> int:
    """Where the lead ends: the first two sentences, where news says who did what to whom."""
    ends = [s.end for s in analysis.sentences[:2]]
    return max(ends) if ends else min(len(analysis.article.text), 400)


def _county(place: Place) -> str | None:
    """The US county a town lies in, or the county itself ("Norcross" -> "gwinnett county"): one
    report names the sheriff's county, another the town."""
    from wirecheck.nlp.places import get_gazetteer

    if place.iso != "US":
        return None
    entry = get_gazetteer().entry_of(place)
    if entry is None or not entry.admin2:
        return None
    return " ".join(name_tokens(entry.admin2)) or None


def _event_features(mention: EventMention | None) -> dict[str, Any]:
    out: dict[str, Any] = {"type": None, "city": None, "admin1": None, "country": None, "date": None, "spot": [],
                           "county": None}
    if mention is None:
        return out
    out["type"] = type_family(mention.event_type)
    if mention.location is not None:
        place = mention.location.place
        if place.precision <= 2:
            out["city"] = " ".join(name_tokens(place.name)) or None
            out["county"] = _county(place)
        out["admin1"] = norm_name(place.admin1) if place.admin1 else None
        out["country"] = (place.iso or place.country or "").lower() or None
        out["spot"] = spot_key(place.detail)
    if mention.date is not None and mention.date.date.precision == "day":
        day = parse_day(mention.date.date.value)
        out["date"] = day.isoformat() if day else None
    for attr in ("fatalities", "injured"):
        count = getattr(mention, attr)
        if count is not None:
            out[attr] = [count.range.low, count.range.high]
    return out
