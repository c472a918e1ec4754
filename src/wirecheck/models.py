"""The plain dataclasses every stage speaks.

Data flows one way: ``ingest -> clean -> nlp -> extract -> link -> reconcile -> store ->
outputs``.  Each stage takes and returns these objects; none of them holds a spaCy ``Doc`` or a
database handle, so per-article results pickle cheaply between processes and machines.

Every extracted value carries its :class:`Evidence` (article, sentence, character span).  The
classes that hold a value require it as a constructor argument, so a value without evidence
cannot be built.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

# Statuses and vocabularies, kept in one place so stages and outputs agree.
FACT_STATUSES = ("consensus", "conflict", "single_source", "superseded")
ACTOR_STATUSES = ("confirmed", "claimed", "alleged", "denied", "unknown")
ACTOR_ROLES = ("perpetrator", "target", "victim")
DATE_PRECISIONS = ("day", "week", "month", "year", "unknown")
STANCES = ("assert", "confirm", "deny", "condemn", "decline", "no_response")
# SPEC precision codes for places: 1 town or finer, 2 district or near a town, 3 region, 4 country.
PLACE_PRECISIONS = (1, 2, 3, 4)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a value was read: the article, the sentence index and the character span.

    ``start``/``end`` index the article's cleaned ``text`` (Python string indices).
    ``attributed_to`` is the speaker the value is attributed to in the text, if any;
    ``certainty`` is how the text presents it (``asserted``, ``confirmed``, ``claimed``,
    ``alleged``, ``denied``, ``unknown``, ``hedged``).
    """

    article: str
    sentence: int
    start: int
    end: int
    attributed_to: str | None = None
    certainty: str = "asserted"

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


# --------------------------------------------------------------------------- ingest / clean


@dataclass(slots=True)
class RawDocument:
    """One document as read from a file, before cleaning.

    Exactly one of ``text`` and ``html`` is set.  ``origin`` names where it came from
    (``path`` or ``path:line``) so problems can be reported against it.
    """

    origin: str
    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Problem:
    """A document that was skipped, and why (one line for the user)."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(slots=True)
class Article:
    """A cleaned article.  ``id`` is a content hash of the cleaned text (see clean.article_id)."""

    id: str
    text: str
    origin: str = ""
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date or datetime, as given
    section: str | None = None
    updated: str | None = None  # the "Updated at ..." stamp text, if the article carried one
    byline: str | None = None
    captions: list[str] = field(default_factory=list)
    stripped: list[str] = field(default_factory=list)  # other lines removed as boilerplate
    metadata: dict[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------- nlp


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class EntityMention:
    """One mention of an entity in an article, pointing at the article-local entity ``key``."""

    key: str
    text: str
    start: int
    end: int
    sentence: int


@dataclass(slots=True)
class LocalEntity:
    """An entity as one article knows it: all its surface forms and the roles given to it.

    ``key`` is unique within the article.  ``type`` is one of PERSON, ORG, GPE, LOC, NORP,
    FAC, GROUP (described, unnamed speakers such as "two militia officials").
    ``country`` is the ISO code when the entity denotes a state (``United States`` -> ``US``).
    """

    key: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  # "Pentagon press secretary", "leader of X"
    country: str | None = None
    mentions: list[EntityMention] = field(default_factory=list)


@dataclass(slots=True)
class TimeExpression:
    text: str
    start: int
    end: int
    sentence: int
    value: str | None  # ISO (YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www, or TimeML-like) or None
    precision: str  # one of DATE_PRECISIONS, or "time" for a clock time
    kind: str = "DATE"  # DATE, TIME, DURATION, SET (TimeML types)


# --------------------------------------------------------------------------- extract values


@dataclass(frozen=True, slots=True)
class CountRange:
    """A count as an interval: ``low <= n <= high``; ``high`` None means unbounded."""

    low: int
    best: int | None
    high: int | None

    def intersects(self, other: CountRange) -> bool:
        lo = max(self.low, other.low)
        hi_candidates = [h for h in (self.high, other.high) if h is not None]
        hi = min(hi_candidates) if hi_candidates else None
        return hi is None or lo <= hi

    def as_dict(self) -> dict[str, int | None]:
        return {"low": self.low, "best": self.best, "high": self.high}


@dataclass(frozen=True, slots=True)
class Count:
    """A casualty count read from the text, with its phrase and evidence."""

    range: CountRange
    text: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None = None  # country name
    iso: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: int = 4  # PLACE_PRECISIONS
    detail: str | None = None  # finer text the article gives ("Harbour Street")

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class Located:
    """The event's place with its evidence."""

    place: Place
    text: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class DateValue:
    value: str | None  # ISO date; None when no anchor allows resolving it
    text: str
    precision: str  # DATE_PRECISIONS

    def as_dict(self) -> dict[str, Any]:
        return {"value": self.value, "text": self.text, "precision": self.precision}


@dataclass(frozen=True, slots=True)
class Dated:
    date: DateValue
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor of an event mention: ``role`` in ACTOR_ROLES, ``status`` in ACTOR_STATUSES.

    ``entity`` is the article-local entity key when the actor is a recognised entity.
    """

    role: str
    name: str
    status: str
    evidence: Evidence
    entity: str | None = None


@dataclass(slots=True)
class EventMention:
    """One report of an event inside one article, with its arguments."""

    id: str  # unique within the article, e.g. "e0"
    article: str
    trigger: str
    evidence: Evidence  # the trigger's sentence and span
    event_type: str
    sub_event_type: str | None = None
    background: bool = False
    actors: list[Actor] = field(default_factory=list)
    location: Located | None = None
    date: Dated | None = None
    fatalities: Count | None = None
    injured: Count | None = None
    sentences: list[int] = field(default_factory=list)  # every sentence that contributed


@dataclass(slots=True)
class Claim:
    """Who said what: speaker, cue, content, with spans."""

    id: str  # unique within the article, e.g. "c0"
    article: str
    speaker_text: str
    cue: str
    content: str
    evidence: Evidence  # the whole attribution (sentence and span of speaker+cue+content)
    speaker_entity: str | None = None  # article-local entity key
    speaker_span: tuple[int, int] | None = None
    cue_span: tuple[int, int] | None = None
    content_span: tuple[int, int] | None = None
    direct: bool = False  # a direct quotation
    channel: str | None = None  # "in a statement on Telegram"
    stance: str = "assert"  # STANCES
    event: str | None = None  # event mention id in the same article


@dataclass(slots=True)
class ArticleAnalysis:
    """Everything the per-article stages learned about one article.

    This is what crosses a process boundary: small, picklable, JSON-able.
    """

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[LocalEntity] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    # the article's main reported event (the most prominent non-background mention), if any
    main_event: str | None = None
    # What the story linker reads of this article alone (``wirecheck.link.features.prepare``),
    # computed beside the analysis so the sequential linking step only compares.  Not stored:
    # a linker given an analysis without it computes the same itself.
    link_features: dict[str, Any] | None = field(default=None, repr=False, compare=False,
                                                metadata={"stored": False})

    def entity(self, key: str) -> LocalEntity | None:
        for ent in self.entities:
            if ent.key == key:
                return ent
        return None


# --------------------------------------------------------------------------- reconcile


@dataclass(frozen=True, slots=True)
class FactReport:
    """One report's value for an attribute of an event."""

    article: str
    value: Any
    evidence: Evidence

    def as_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "value": self.value,
            "sentence": self.evidence.sentence,
            "span": [self.evidence.start, self.evidence.end],
            "attributed_to": self.evidence.attributed_to,
            "certainty": self.evidence.certainty,
        }


@dataclass(slots=True)
class Fact:
    """An attribute of an event across reports: its status and every report's value."""

    attribute: str  # event_type, sub_event_type, date, location, perpetrator, target, victim,
    # fatalities, injured
    status: str  # FACT_STATUSES
    value: Any
    reports: list[FactReport]

    def __post_init__(self) -> None:
        if not self.reports:
            raise ValueError(f"fact {self.attribute!r} has no report: every fact needs evidence")
        if self.status not in FACT_STATUSES:
            raise ValueError(f"unknown fact status {self.status!r}; one of {FACT_STATUSES}")


@dataclass(slots=True)
class EventActor:
    role: str
    entity: str | None  # global entity id
    name: str
    status: str


@dataclass(slots=True)
class Entity:
    """An entity resolved across articles: one id, every alias."""

    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    # (article id, article-local key) pairs this entity was resolved from
    members: list[tuple[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class Event:
    """One real-world event, reconciled from its reports."""

    id: str
    story: str
    event_type: str
    sub_event_type: str | None
    background: bool
    date: DateValue | None
    location: Place | None
    actors: list[EventActor]
    fatalities: CountRange | None
    injured: CountRange | None
    facts: list[Fact]
    reports: list[Evidence]  # each event mention's trigger evidence
    mentions: list[tuple[str, str]] = field(default_factory=list)  # (article, mention id)


@dataclass(slots=True)
class Story:
    id: str
    title: str
    articles: list[str]
    main_event: str | None = None
    events: list[str] = field(default_factory=list)
    duplicates: list[list[str]] = field(default_factory=list)  # groups of near-copy articles


@dataclass(slots=True)
class StoryResult:
    """What reconcile makes of one story: the story, its events and its resolved entities."""

    story: Story
    events: list[Event]
    entities: list[Entity]
    # claim (article, claim id) -> event id it is about
    claim_events: dict[tuple[str, str], str] = field(default_factory=dict)
