"""Reconcile: one event per real-world event, with a fact per attribute.

``reconcile_story(story_id, analyses)`` is pure.  Inside one story it

1. resolves entities across articles (aliases, acronyms, surname <-> full name, spelling
   variants, country codes) into :class:`Entity` objects with stable ids;
2. groups event mentions that report the same event (never a background mention with a
   reported one) into :class:`Event` objects;
3. builds a :class:`Fact` per attribute with every report's value and a status, following
   SPEC.md "Reconciliation rules" (counts as intervals; later higher tolls supersede; the
   perpetrator ranked by how it is known).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import tomllib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any

from rapidfuzz import fuzz

from wirecheck.link.features import main_mention, outlet, type_family
from wirecheck.link.names import acronym, looks_like_acronym, name_tokens, spelling_key
from wirecheck.models import (
    ArticleAnalysis,
    Count,
    CountRange,
    DateValue,
    Entity,
    Event,
    EventActor,
    EventMention,
    Evidence,
    Fact,
    FactReport,
    LocalEntity,
    Place,
    Sentence,
    Story,
    StoryResult,
)
from wirecheck.nlp.counts import is_tally
from wirecheck.nlp.places import OUTLET_BEFORE
from wirecheck.nlp.times import bare_clock

_WORD = re.compile(r"\w+")


@functools.cache
def _rules() -> dict[str, Any]:
    text = resources.files("wirecheck").joinpath("data/reconcile.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def stable_id(prefix: str, *parts: str) -> str:
    return f"{prefix}-" + hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:12]


# --------------------------------------------------------------------------- report times


class ReportClock:
    """When each article reported: its publication (or ISO update) time, else ingestion order.

    Times are used only when every article in question has one; a date without a clock time
    counts as "the same time" as anything on that day.
    """

    def __init__(self, analyses: list[ArticleAnalysis]) -> None:
        self.index = {a.article.id: i for i, a in enumerate(analyses)}
        self.time: dict[str, tuple[dt.date, dt.datetime | None]] = {}
        for a in analyses:
            for raw in (a.article.updated, a.article.published):
                parsed = _parse_time(raw)
                if parsed is not None:
                    self.time[a.article.id] = parsed
                    break

    def groups(self, articles: Iterable[str]) -> list[list[str]]:
        """Articles grouped by report time, earliest group first."""
        arts = sorted(set(articles), key=lambda a: self.index.get(a, 0))
        if not all(a in self.time for a in arts):
            return [[a] for a in arts]
        out: list[list[str]] = []
        for art in sorted(
            arts, key=lambda a: (self.time[a][0], self.time[a][1] or dt.datetime.min, self.index[a])
        ):
            if out and self._same(out[-1][-1], art):
                out[-1].append(art)
            else:
                out.append([art])
        return out

    def _same(self, a: str, b: str) -> bool:
        (da, ta), (db, tb) = self.time[a], self.time[b]
        return da == db and (ta is None or tb is None or ta == tb)


def _parse_time(raw: str | None) -> tuple[dt.date, dt.datetime | None] | None:
    if not raw:
        return None
    raw = raw.strip()
    try:
        if len(raw) <= 10:
            return dt.date.fromisoformat(raw), None
        stamp = dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return None
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(dt.UTC).replace(tzinfo=None)
    return stamp.date(), stamp


# --------------------------------------------------------------------------- entities


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, x: Any) -> Any:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: Any, b: Any) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # Keep the smaller key as root so results do not depend on the union order.
            self.parent[max(ra, rb)] = min(ra, rb)


def _family(etype: str) -> str:
    return _rules()["type_family"].get(etype, etype)


def resolve_entities(analyses: list[ArticleAnalysis]) -> tuple[list[Entity], dict[tuple[str, str], str]]:
    """Entities across articles, and (article, local key) -> global entity id."""
    nodes: dict[tuple[str, str], LocalEntity] = {}
    for a in analyses:
        for ent in a.entities:
            nodes[(a.article.id, ent.key)] = ent
    uf = _UnionFind()
    by_key: dict[str, list[tuple[str, str]]] = defaultdict(list)
    derived: dict[str, list[tuple[str, str]]] = defaultdict(list)
    surface_acr: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for node, ent in nodes.items():
        uf.find(node)
        fam = _family(ent.type)
        if ent.country:
            by_key[f"{fam}:cc:{ent.country.upper()}"].append(node)
        for form in [ent.name, *ent.aliases]:
            acr = looks_like_acronym(form)
            if acr:
                surface_acr[f"{fam}:{acr}"].append(node)
                continue
            key = spelling_key(form)
            if key and fam != "GROUP":
                by_key[f"{fam}:n:{key}"].append(node)
            derived_acr = acronym(form) if fam in ("ORG", "PLACE") else None
            if derived_acr and len(derived_acr) >= 2:
                derived[f"{fam}:{derived_acr}"].append(node)
    for group in by_key.values():
        for node in group[1:]:
            uf.union(group[0], node)
    for key, group in surface_acr.items():
        for node in group[1:] + derived.get(key, []):
            uf.union(group[0], node)

    # Multi-word names with small spelling differences (transliterations, typos).
    ratio = _rules()["coreference"]["fuzzy_name_ratio"]
    long_names = [
        (n, spelling_key(e.name), _family(e.type)) for n, e in nodes.items() if len(name_tokens(e.name)) >= 2
    ]
    for i, (na, ka, fa) in enumerate(long_names):
        for nb, kb, fb in long_names[i + 1 :]:
            if fa == fb and fa != "GROUP" and ka[:1] == kb[:1] and fuzz.ratio(ka, kb) >= ratio:
                uf.union(na, nb)

    # A person's short form ("Ruiz", "Mr al-Amin") joins the one full name it ends.
    persons = {n: name_tokens(e.name) for n, e in nodes.items() if _family(e.type) == "PERSON"}
    for node, toks in persons.items():
        if not toks:
            continue
        fulls = {
            uf.find(other)
            for other, otoks in persons.items()
            if len(otoks) > len(toks) and otoks[-len(toks) :] == toks
        }
        if len(fulls) == 1:
            uf.union(node, fulls.pop())

    members: dict[Any, list[tuple[str, str]]] = defaultdict(list)
    for node in nodes:
        members[uf.find(node)].append(node)
    entities: list[Entity] = []
    member_map: dict[tuple[str, str], str] = {}
    for group in sorted(members.values()):
        ents = [nodes[n] for n in group]
        entity = _merge_entity(ents, group)
        entities.append(entity)
        for node in group:
            member_map[node] = entity.id
    return entities, member_map


def _merge_entity(ents: list[LocalEntity], group: list[tuple[str, str]]) -> Entity:
    etype = Counter(e.type for e in ents).most_common(1)[0][0]
    counts = Counter(e.name for e in ents)

    def rank(name: str) -> tuple[int, int, int, str]:
        return (looks_like_acronym(name) is None, len(name_tokens(name)), counts[name], name)

    name = max(counts, key=rank)
    codes = sorted({e.country.upper() for e in ents if e.country})
    canonical = f"cc:{codes[0]}" if codes else spelling_key(name)
    forms: list[str] = []
    for e in ents:
        for form in [e.name, *e.aliases]:
            if form != name and form not in forms:
                forms.append(form)
    roles: list[str] = []
    for e in ents:
        roles.extend(r for r in e.roles if r not in roles)
    return Entity(
        id=stable_id("en", _family(etype), canonical),
        type=etype,
        name=name,
        aliases=forms,
        roles=roles,
        members=list(group),
    )


# --------------------------------------------------------------------------- event coreference


@dataclass(slots=True)
class _Mention:
    order: int  # article index (ingestion order)
    analysis: ArticleAnalysis
    mention: EventMention
    primary: bool
    actors: set[str]
    words: set[str]

    @property
    def article(self) -> str:
        return self.analysis.article.id


def _mentions(
    analyses: list[ArticleAnalysis], member_map: dict[tuple[str, str], str], name_map: dict[str, str]
) -> list[_Mention]:
    out = []
    for order, a in enumerate(analyses):
        first = main_mention(a)
        sentences = {s.index: s.text for s in a.sentences}
        for m in a.events:
            actors = {
                _actor_entity(a.article.id, act.entity, act.name, member_map, name_map) for act in m.actors
            }
            actors.discard(None)
            text = sentences.get(m.evidence.sentence, m.trigger)
            out.append(_Mention(order, a, m, m is first, actors, set(_WORD.findall(text.lower()))))  # type: ignore[arg-type]
    return out


def _actor_entity(
    article: str, key: str | None, name: str, member_map: dict[tuple[str, str], str], name_map: dict[str, str]
) -> str | None:
    if key and (article, key) in member_map:
        return member_map[(article, key)]
    return name_map.get(spelling_key(name)) if name else None


def _pair_score(a: _Mention, b: _Mention) -> float | None:
    """Evidence that two mentions report one event; None when they cannot."""
    ma, mb = a.mention, b.mention
    w = _rules()["coreference"]
    if a.article == b.article or ma.background != mb.background:
        return None
    if a.primary and b.primary and not ma.background and _one_main(ma.event_type, mb.event_type):
        # The linker put the articles in one story because they report one event: main reports of
        # one family of event (an attack coded as a battle by one outlet) are reports of it,
        # whatever date or place each outlet gave (those become the facts' conflicts).  So is a
        # follow-up that leads with the arrest or charge for it ("Man charged in Friday's
        # shooting"): its date and place are the event's.  A protest against an attack stays an
        # event of its own.
        return w["same_story_main"]
    if ma.event_type != mb.event_type:
        return None
    score = 0.0
    if ma.date and mb.date:
        da, db = _day(ma.date.date.value), _day(mb.date.date.value)
        if da and db:
            if abs((da - db).days) > w["date_tolerance_days"]:
                return None
            score += w["same_date"]
    if ma.location and mb.location:
        pa, pb = ma.location.place, mb.location.place
        if pa.iso and pb.iso and pa.iso != pb.iso:
            return None
        if spelling_key(pa.name) == spelling_key(pb.name):
            score += w["same_place"]
        elif pa.precision <= 2 and pb.precision <= 2:
            score += w["other_city"]
        elif pa.iso and pa.iso == pb.iso:
            score += w["same_country"]
    if ma.sub_event_type and ma.sub_event_type == mb.sub_event_type:
        score += w["same_sub_type"]
    if a.actors & b.actors:
        score += w["shared_actor"]
    if a.words and b.words:
        score += w["sentence_overlap"] * len(a.words & b.words) / len(a.words | b.words)
    if a.primary and b.primary:
        score += w["both_primary"]
    return score


def _one_main(ta: str, tb: str) -> bool:
    """Whether two articles' main reports of these types, in one story, report one event."""
    fa, fb = type_family(ta), type_family(tb)
    return fa == fb or any({fa, fb} <= set(pair) for pair in _rules()["coreference"]["main_families"])


def _cluster(mentions: list[_Mention]) -> list[list[_Mention]]:
    """Greedy best-first clustering; a cluster holds at most one mention per article."""
    threshold = _rules()["coreference"]["threshold"]
    ordered = sorted(
        mentions, key=lambda m: (m.mention.background, not m.primary, m.order, m.mention.evidence.start)
    )
    clusters: list[list[_Mention]] = []
    for m in ordered:
        best, best_score = None, threshold
        for cluster in clusters:
            scores = [_pair_score(m, other) for other in cluster]
            if any(s is None for s in scores):
                continue
            score = max(s for s in scores if s is not None)
            if score >= best_score:
                best, best_score = cluster, score
        if best is None:
            clusters.append([m])
        else:
            best.append(m)
    return clusters


def _day(value: str | None) -> dt.date | None:
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


# --------------------------------------------------------------------------- facts


@dataclass(slots=True)
class _Report:
    article: str
    value: Any
    evidence: Evidence
    near: bool = False  # a count read in the headline or the lead (stronger than one deeper)


class _Sources:
    """Independent sources: near-copies of one article count once."""

    def __init__(self, duplicates: list[list[str]] | None) -> None:
        self.rep: dict[str, str] = {}
        for group in duplicates or []:
            for art in group:
                self.rep[art] = group[0]

    def count(self, reports: Iterable[_Report]) -> int:
        return len({self.rep.get(r.article, r.article) for r in reports})

    def agreement(self, reports: Iterable[_Report]) -> str:
        """The status of agreeing reports: one independent source, or several."""
        return "single_source" if self.count(reports) == 1 else "consensus"


def _fact(
    attribute: str, status: str, value: Any, reports: list[_Report], to_data: Callable[[Any], Any]
) -> Fact:
    return Fact(
        attribute,
        status,
        to_data(value),
        [FactReport(r.article, to_data(r.value), r.evidence) for r in reports],
    )


def categorical_fact(
    attribute: str,
    reports: list[_Report],
    sources: _Sources,
    same: Callable[[Any, Any], bool] | None = None,
    better: Callable[[Any], Any] | None = None,
    region: Callable[[Any], Any] | None = None,
    prefer: Callable[[list[_Report]], Any] | None = None,
    within: Callable[[Any, list[Any]], bool] | None = None,
) -> tuple[Fact, Any]:
    """Agreeing values are consensus; any disagreement is a conflict valued by the majority.

    Between equally supported values, in this order: ``region`` -- the value whose region (a
    town's state and country) more sources name wins ("Memphis" against a one-off foreign
    namesake when another report places the event elsewhere in Tennessee); ``prefer`` -- the
    group of reports with the stronger evidence (see each caller); ``better`` -- the more precise
    value (a town over its county); then the earliest report.  Before all of these, a value
    that ``within`` calls a part of another group's value loses to it ("Westfield" filed as a
    town of another state, where another report gives "Riverton" with "West Westfield" as its
    detail).  ``prefer`` also picks between differing values of one group ("Riverton"
    resolved to two states by two reports)."""
    same = same or (lambda x, y: x == y)
    groups: list[list[_Report]] = []
    for r in reports:
        for g in groups:
            if same(g[0].value, r.value):
                g.append(r)
                break
        else:
            groups.append([r])

    def regional(g: list[_Report]) -> int:
        if region is None:
            return 0
        where = region(g[0].value)
        return sources.count(r for r in reports if region(r.value) == where) if where else 0

    top = groups[0]
    if len(groups) > 1:
        # ``prefer`` may read the texts: only on a disagreement.
        values = [g[0].value for g in groups]
        top = max(
            groups,
            key=lambda g: (
                not (within and within(g[0].value, [v for v in values if v is not g[0].value])),
                sources.count(g),
                regional(g),
                prefer(g) if prefer else 0,
                max(better(r.value) for r in g) if better else 0,
                -reports.index(g[0]),
            ),
        )
    value = top[0].value
    if len({_key(r.value) for r in top}) > 1:
        value = max(
            top,
            key=lambda r: (
                better(r.value) if better else 0,
                prefer([r]) if prefer else 0,
                -top.index(r),
            ),
        ).value
    status = "conflict" if len(groups) > 1 else sources.agreement(reports)
    return _fact(attribute, status, value, reports, _plain), value


def _key(value: Any) -> Any:
    return repr(_plain(value))


def count_fact(
    attribute: str, reports: list[_Report], sources: _Sources, clock: ReportClock
) -> tuple[Fact, CountRange]:
    """SPEC counts: intersecting intervals agree; a later higher toll supersedes; else conflict."""
    by_article: dict[str, list[_Report]] = defaultdict(list)
    for r in reports:
        by_article[r.article].append(r)
    current: CountRange | None = None
    active: list[_Report] = []
    superseded = conflict = False
    for group_articles in clock.groups(by_article):
        group = [r for art in group_articles for r in by_article[art]]
        inter = _intersect([r.value for r in group])
        if inter is None:
            conflict = True
            break
        if current is None or current.intersects(inter):
            current = inter if current is None else _intersect([current, inter])
            active.extend(group)
        elif current.high is not None and inter.low > current.high and _supersedes(group, active):
            superseded, current, active = True, inter, list(group)
        else:
            conflict = True
            break
    if conflict or current is None:
        ranges = [r.value for r in reports]
        highs = [c.high for c in ranges]
        value = CountRange(
            min(c.low for c in ranges),
            _conflict_best(reports, sources, clock, attribute),
            None if None in highs else max(h for h in highs if h is not None),
        )
        return _fact(attribute, "conflict", value, reports, _plain), value
    value = CountRange(current.low, _best(current, [r.value for r in active]), current.high)
    status = "superseded" if superseded else sources.agreement(reports)
    return _fact(attribute, status, value, reports, _plain), value


def _supersedes(later: list[_Report], current: list[_Report]) -> bool:
    """Whether a later, higher figure replaces the current one: not when it is read only deep in
    the later texts while every current figure was told in a headline or lead
    (``[counts].deep_supersedes`` in reconcile.toml)."""
    if _rules()["counts"].get("deep_supersedes", True):
        return True
    return any(r.near for r in later) or not all(r.near for r in current)


def _conflict_best(
    reports: list[_Report], sources: _Sources, clock: ReportClock, attribute: str
) -> int | None:
    """The best guess inside a conflict: the figure most independent sources give; on a tie the
    one more sources tell in their headline or lead, then the higher or the lower one as
    ``[counts].tie`` in reconcile.toml says for ``attribute`` (the dead: the higher, the
    wounded: the lower), then the later."""
    votes: dict[int, set[str]] = defaultdict(set)
    lead: dict[int, set[str]] = defaultdict(set)
    when: dict[int, int] = {}
    order = {art: i for i, group in enumerate(clock.groups(r.article for r in reports)) for art in group}
    for r in reports:
        n = r.value.best if r.value.best is not None else r.value.low
        votes[n].add(sources.rep.get(r.article, r.article))
        if r.near:
            lead[n].add(sources.rep.get(r.article, r.article))
        when[n] = max(when.get(n, -1), order.get(r.article, 0))
    if not votes:
        return None
    sign = 1 if _rules()["counts"]["tie"].get(attribute, "lower") == "higher" else -1
    return max(votes, key=lambda n: (len(votes[n]), len(lead[n]), sign * n, when[n]))


def _intersect(ranges: list[CountRange]) -> CountRange | None:
    low = max(c.low for c in ranges)
    highs = [c.high for c in ranges if c.high is not None]
    high = min(highs) if highs else None
    if high is not None and low > high:
        return None
    return CountRange(low, None, high)


def _best(interval: CountRange, ranges: list[CountRange]) -> int | None:
    """The exact value a report gives inside the interval, else a report's best inside it."""

    def inside(n: int | None) -> bool:
        return n is not None and n >= interval.low and (interval.high is None or n <= interval.high)

    exact = [c.low for c in ranges if c.high == c.low and inside(c.low)]
    if exact:
        return Counter(exact).most_common(1)[0][0]
    if interval.high == interval.low:
        return interval.low
    bests = [c.best for c in ranges if inside(c.best)]
    return max(bests) if bests else None  # type: ignore[type-var]


def perpetrator_fact(reports: list[_Report], sources: _Sources) -> tuple[Fact, dict[str, Any]]:
    """Statuses ranked (confirmed > claimed > alleged > denied > unknown); differing ones conflict."""
    ranks = {s: i for i, s in enumerate(_rules()["perpetrator_rank"])}
    top = min(reports, key=lambda r: (ranks.get(r.value["status"], len(ranks)), reports.index(r)))
    named = {r.value["entity"] or r.value["name"] for r in reports if r.value["status"] != "unknown"}
    statuses = {r.value["status"] for r in reports}
    status = "conflict" if len(statuses) > 1 or len(named) > 1 else sources.agreement(reports)
    return _fact("perpetrator", status, top.value, reports, _plain), top.value


def _plain(value: Any) -> Any:
    if isinstance(value, (CountRange, DateValue, Place)):
        return value.as_dict()
    return value


# --------------------------------------------------------------------------- events


def _build_event(
    story_id: str,
    cluster: list[_Mention],
    member_map: dict[tuple[str, str], str],
    name_map: dict[str, str],
    entity_names: dict[str, str],
    sources: _Sources,
    clock: ReportClock,
    context: _StoryPlaces | None = None,
) -> Event:
    cluster = sorted(cluster, key=lambda m: (m.order, m.mention.evidence.start))
    first = cluster[0]
    facts: list[Fact] = []
    # A round-up's figures total several incidents: they count only when no other article does.
    counted = [m for m in cluster if not _roundup(m.analysis)] or cluster

    type_reports = [_Report(m.article, m.mention.event_type, m.mention.evidence) for m in cluster]
    fact, event_type = categorical_fact("event_type", type_reports, sources)
    facts.append(fact)
    sub_reports = [
        _Report(m.article, m.mention.sub_event_type, m.mention.evidence)
        for m in cluster
        if m.mention.sub_event_type
    ]
    sub_type = None
    if sub_reports:
        fact, sub_type = categorical_fact("sub_event_type", sub_reports, sources)
        facts.append(fact)

    date = None
    date_reports = [
        _Report(m.article, m.mention.date.date, m.mention.date.evidence) for m in cluster if m.mention.date
    ]
    if date_reports:
        valued = [r for r in date_reports if r.value.value] or date_reports
        # A day read as a later step's ("pleaded not guilty Thursday") votes only when no report
        # gives another day; it stays on the fact as evidence.
        texts = {m.article: m.analysis for m in cluster}
        valued = [r for r in valued if not _step_day(r, texts[r.article])] or valued
        # Between equally supported days, the one a report tells with the violence itself
        # ("shot ... late Tuesday") beats one told of something else ("neighbours gathered outside
        # the church Monday evening").
        told = {id(r) for r in valued if _event_day(r, texts[r.article])}
        # A day read from an hour alone ("shortly after 1 p.m.": the report's day, or the evening
        # before it) votes only when no report names the violence's day in words ("shot about
        # 7 p.m. Feb. 9"); against a day told of something else ("He died on Monday") it stands.
        if any(id(r) in told and not bare_clock(r.value.text) for r in valued):
            valued = [r for r in valued if not bare_clock(r.value.text)]
        fact, date = categorical_fact(
            "date",
            date_reports if len(valued) == len(date_reports) else valued,
            sources,
            same=_same_date,
            better=_date_precision,
            prefer=lambda g: sources.count(r for r in g if id(r) in told),
        )
        if len(valued) != len(date_reports):
            # Reports without a resolvable date stay on the fact as evidence of what the text said.
            fact.reports.extend(
                FactReport(r.article, _plain(r.value), r.evidence) for r in date_reports if r not in valued
            )
        facts.append(fact)

    location = None
    loc_reports = [
        _Report(m.article, m.mention.location.place, m.mention.location.evidence)
        for m in cluster
        if m.mention.location
    ]
    if loc_reports:
        fact, location = categorical_fact(
            "location",
            loc_reports,
            sources,
            same=_same_place,
            better=_place_precision,
            region=_place_region,
            # then, equally supported, a place the gazetteer knows (with coordinates) beats a
            # name it could only guess a town from ("Old Town" against "Wichita")
            # then one a report says the event happened at ("... in Oakvale") over a dateline's,
            # a resident's or an outlet's town ("OAKVALE --", "an Oakvale boy")
            prefer=(lambda g: max((*context.support(r.value), context.said_at(r.value, r.evidence), r.value.lat is not None)
                                  for r in g))
            if context is not None else None,
            within=lambda v, others: _part_of(v, others) or _holds_town(v, others) or _holds_borough(v, others),
        )
        if location is not None and location.detail is None:
            detail = next(
                (r.value.detail for r in loc_reports if r.value.detail and _same_place(r.value, location)),
                None,
            )
            if detail:
                location = Place(**{**location.as_dict(), "detail": detail})
                fact.value = location.as_dict()
        if location is not None and context is not None:
            home = context.at_home(location, (m.article for m in cluster))
            home = context.in_named_state(home)
            home = context.town_of_street(home, (m.article for m in cluster))
            if home is not location:
                location = home
                fact.value = location.as_dict()
        facts.append(fact)

    actors: list[EventActor] = []
    by_role: dict[str, list[_Report]] = defaultdict(list)
    for m in cluster:
        for act in m.mention.actors:
            ent = _actor_entity(m.article, act.entity, act.name, member_map, name_map)
            name = entity_names.get(ent, act.name) if ent else act.name
            by_role[act.role].append(
                _Report(m.article, {"entity": ent, "name": name, "status": act.status}, act.evidence)
            )
    if by_role.get("perpetrator"):
        fact, top = perpetrator_fact(by_role["perpetrator"], sources)
        facts.append(fact)
        if top["status"] != "unknown" or top["name"]:
            actors.append(EventActor("perpetrator", top["entity"], top["name"], top["status"]))
    for role in ("target", "victim"):
        reports = by_role.get(role)
        if not reports:
            continue
        facts.append(_set_fact(role, reports, sources))
        seen: set[str] = set()
        for r in reports:
            key = r.value["entity"] or r.value["name"]
            if key not in seen:
                seen.add(key)
                actors.append(EventActor(role, r.value["entity"], r.value["name"], r.value["status"]))

    counts: dict[str, CountRange | None] = {"fatalities": None, "injured": None}
    # Each mention's own counts, without figures that total several incidents.
    read: dict[str, list[tuple[_Mention, Count]]] = {
        attr: [(m, c) for m in counted if (c := getattr(m.mention, attr)) is not None and not _tally(m, c)]
        for attr in counts
    }
    for attr in counts:
        # A figure told in the headline or the lead is the report's own account of the event;
        # one read deeper in the text is more often another incident's or a running total.
        reports = [
            _Report(m.article, c.range, c.evidence, c.evidence.sentence <= _lead(m.analysis))
            for m, c in read[attr]
        ]
        if reports:
            fact, counts[attr] = count_fact(attr, reports, sources, clock)
            facts.append(fact)
    injured_fact = next((f for f in facts if f.attribute == "injured"), None)
    if injured_fact is not None and counts["injured"] is not None:
        totals: dict[str, int] = defaultdict(int)
        for pairs in read.values():
            for m, c in pairs:
                totals[m.article] += _count_of(c.range)
        counts["injured"] = _wounded_who_died(totals, counts["fatalities"], counts["injured"], injured_fact)

    return Event(
        id=stable_id("ev", first.article, first.mention.id),
        story=story_id,
        event_type=event_type,
        sub_event_type=sub_type,
        background=first.mention.background,
        date=date,
        location=location,
        actors=actors,
        fatalities=counts["fatalities"],
        injured=counts["injured"],
        facts=facts,
        reports=[m.mention.evidence for m in cluster],
        mentions=[(m.article, m.mention.id) for m in cluster],
    )


def _lead(a: ArticleAnalysis) -> int:
    """The index of the lead's last sentence: the report's first ``[counts].lead_sentences``
    sentences, after the headline when the text opens with it (as the extractor reads a lead)."""
    title = " ".join((a.article.title or "").split())
    first = " ".join(a.sentences[0].text.split()) if a.sentences else ""
    lead = int(_rules()["counts"]["lead_sentences"]) - 1
    return lead + 1 if title and first.startswith(title) else lead


def _count_of(c: CountRange | None) -> int:
    if c is None:
        return 0
    return c.best if c.best is not None else c.low


def _tally(m: _Mention, count: Count) -> bool:
    """Whether a count's sentence totals several incidents or a period (a statistic, not a toll)."""
    index = count.evidence.sentence
    sentences = m.analysis.sentences
    sentence = sentences[index] if 0 <= index < len(sentences) and sentences[index].index == index else None
    sentence = sentence or next((s for s in sentences if s.index == index), None)
    return sentence is not None and is_tally(sentence.text)


@functools.cache
def _roundup_patterns() -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in _rules()["roundup"]["patterns"]]


def _roundup(a: ArticleAnalysis) -> bool:
    """Whether the article's headline or lead totals several incidents (``[roundup]``)."""
    lead = int(_rules()["roundup"]["lead_sentences"])
    texts = [a.article.title or "", *(s.text for s in a.sentences[:lead])]
    return any(p.search(t) for p in _roundup_patterns() for t in texts)


def _alt(words: list[str]) -> str:
    """A regex alternation of ``words``, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _words(words: list[str]) -> re.Pattern[str]:
    """Any of ``words`` standing whole (no letter, digit or hyphen on either side)."""
    return re.compile(rf"(?<![\w-])(?:{_alt(words)})(?![\w-])", re.IGNORECASE)


@functools.cache
def _step_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(step word, event word, event word right after a date, violence word telling the event's
    own day) from ``[dates]``."""
    d = _rules()["dates"]
    # "the May 2 shooting", "Sunday's fatal stabbing": the date qualifies the event word
    qualifies = re.compile(rf"[\s,]*(?:['’]s\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_alt(d['event_nouns'])})\b", re.IGNORECASE)
    return _words(d["step_cues"]), _words(d["event_nouns"]), qualifies, _words(d["told_words"])


def _report_sentence(r: _Report, a: ArticleAnalysis) -> Sentence | None:
    """The sentence of ``a`` that holds a report's evidence (None when the evidence lies outside it)."""
    sentence = next((s for s in a.sentences if s.index == r.evidence.sentence), None)
    if sentence is None or not sentence.start <= r.evidence.start <= sentence.end:
        return None
    return sentence


def _step_day(r: _Report, a: ArticleAnalysis) -> bool:
    """Whether a date report is the day of a later step: a step word (``[dates] step_cues``)
    shortly before the date in its sentence, no event word between them or right after it."""
    sentence = _report_sentence(r, a)
    if sentence is None:
        return False
    step, event, qualifies, _ = _step_patterns()
    text = a.article.text
    before = text[max(sentence.start, r.evidence.start - int(_rules()["dates"]["step_window"])) : r.evidence.start]
    cues = list(step.finditer(before))
    if not cues or event.search(before, cues[-1].end()):
        return False
    return not qualifies.match(text[r.evidence.end : sentence.end])


def _event_day(r: _Report, a: ArticleAnalysis) -> bool:
    """Whether a date report is told with the violence itself: a word of it (``[dates]
    told_words``) within ``told_window`` characters of the date in its sentence, no later step's
    word (``step_cues``) between them."""
    sentence = _report_sentence(r, a)
    if sentence is None:
        return False
    window = int(_rules()["dates"]["told_window"])
    text = a.article.text
    lo = max(sentence.start, r.evidence.start - window)
    hi = min(sentence.end, r.evidence.end + window)
    step, _, _, told = _step_patterns()
    for m in told.finditer(text, lo, hi):
        if m.end() <= r.evidence.start:
            between = text[m.end() : r.evidence.start]
        elif m.start() >= r.evidence.end:
            between = text[r.evidence.end : m.start()]
        else:
            continue
        if not step.search(between):
            return True
    return False


def _wounded_who_died(
    totals: dict[str, int], fatalities: CountRange | None, injured: CountRange, fact: Fact
) -> CountRange:
    """The injured count without the wounded who died: one victim is not both.

    An early report's "a boy was shot and is in critical condition" and a later one's "the boy
    has died" are one casualty, not one wounded and one killed.  No single report counts more
    casualties (killed + injured) than the most complete one does, so when the event's killed
    plus injured exceeds every report's own total, the excess is victims counted in both: they
    leave the injured count, and the fact is ``superseded`` (its reports keep their figures).
    Report times are not required, as publication times are often missing or crawl times.
    """
    killed = _count_of(fatalities)
    wounded = _count_of(injured)
    if killed == 0 or wounded == 0:
        return injured
    most = max(totals.values(), default=0)
    shift = min(wounded, killed + wounded - most)
    if shift <= 0:
        return injured
    value = CountRange(
        max(0, injured.low - shift),
        None if injured.best is None else max(0, injured.best - shift),
        None if injured.high is None else max(0, injured.high - shift),
    )
    fact.status = "superseded"
    fact.value = value.as_dict()
    return value


def _set_fact(role: str, reports: list[_Report], sources: _Sources) -> Fact:
    """Targets and victims are sets: naming fewer is not disagreeing; naming others is."""
    per_source: dict[str, set[str]] = defaultdict(set)
    for r in reports:
        per_source[sources.rep.get(r.article, r.article)].add(r.value["entity"] or r.value["name"])
    sets = list(per_source.values())
    nested = all(a <= b or b <= a for a in sets for b in sets)
    names: list[str] = []
    for r in reports:
        if r.value["name"] not in names:
            names.append(r.value["name"])
    status = "single_source" if len(sets) == 1 else ("consensus" if nested else "conflict")
    return _fact(role, status, names, reports, _plain)


def _same_date(a: DateValue, b: DateValue) -> bool:
    if not a.value or not b.value:
        return a.value == b.value
    return a.value.startswith(b.value) or b.value.startswith(a.value)


def _date_precision(d: DateValue) -> int:
    return len(d.value or "")


def _same_place(a: Place, b: Place) -> bool:
    if spelling_key(a.name) == spelling_key(b.name):
        return True
    if _street_only(a) or _street_only(b):
        # "Elm Street" read with no town is the report that names the town and that street
        street, town = (a, b) if _street_only(a) else (b, a)
        return bool(town.detail) and spelling_key(town.detail or "") == spelling_key(street.name)
    if a.iso and b.iso and a.iso != b.iso:
        return False
    coarse, fine = (a, b) if a.precision > b.precision else (b, a)
    if coarse.precision == fine.precision:
        return False
    # The coarser place is the finer one's region or country.
    return spelling_key(coarse.name) in {spelling_key(x) for x in (fine.admin1, fine.country) if x} or (
        coarse.precision == 4 and bool(coarse.iso) and coarse.iso == fine.iso
    )


def _part_of(part: Place, others: list[Place]) -> bool:
    """Whether town-level ``part`` is a part of another report's place whose detail names it: a
    neighbourhood the gazetteer filed as a namesake town in a state no other report places the
    event in ("Westfield" against "Riverton" with the detail "North Westfield"), or one it lists
    as a place of its own near that place's centre ("Oak Park" against "Riverton" with the detail
    "Oak Park")."""
    name = spelling_key(part.name)
    if part.precision > 1 or not name:
        return False
    for whole in others:
        if (not whole.detail or whole.precision > 2 or _same_place(part, whole)
                or f" {name} " not in f" {spelling_key(whole.detail)} "):
            continue
        if part.iso != whole.iso or part.admin1 != whole.admin1:
            if not any(o.iso == part.iso and o.admin1 == part.admin1 for o in others):
                return True
            continue
        from wirecheck.nlp.places import get_gazetteer

        city = get_gazetteer().enclosing_city(part, marked=False)
        if city is not None and spelling_key(city.name) == spelling_key(whole.name):
            return True
    return False


def _holds_town(county: Place, others: list[Place]) -> bool:
    """Whether US county ``county`` holds a town another report gives ("Pike County" against
    "Oakvale", a town of Pike County): the reports agree, and the town is the finer place."""
    # (a town's name is no county's: no town lies in a county of that name)
    if county.iso != "US" or county.precision != 2 or not county.admin1:
        return False
    from wirecheck.nlp.places import get_gazetteer

    gaz = get_gazetteer()
    for town in others:
        if town.precision != 1 or town.iso != "US" or town.admin1 != county.admin1:
            continue
        e = gaz.entry_of(town)
        if e is not None and e.admin2 and spelling_key(e.admin2) == spelling_key(county.name):
            return True
    return False


# a borough lies this near its city's centre
_BOROUGH_KM = 40.0


def _holds_borough(city: Place, others: list[Place]) -> bool:
    """Whether town-level ``city`` holds a borough (or a town of one) another report gives ("New
    York City" against "Brooklyn": the gazetteer's counties that are one city's boroughs): the
    reports agree, and the borough is the finer place."""
    if city.precision != 1 or city.iso != "US" or city.lat is None or city.lon is None:
        return False
    from wirecheck.nlp.places import _km, get_gazetteer

    gaz = get_gazetteer()
    return any(part.precision == 1 and part.iso == "US" and part.admin1 == city.admin1 and not _same_place(part, city)
               and part.lat is not None and part.lon is not None
               and _km(part.lat, part.lon, city.lat, city.lon) <= _BOROUGH_KM and gaz.borough(part) is not None
               for part in others)


def _street_only(p: Place) -> bool:
    """A street or block an article names with no town ("the 900 block of Elm Street")."""
    return p.precision == 1 and not p.admin1 and p.lat is None and p.detail == p.name


def _place_region(p: Place) -> tuple[str, str] | None:
    """A place's first-level division (with its country): where reports agree short of the town."""
    return (p.iso, spelling_key(p.admin1)) if p.iso and p.admin1 else None


# "shot in Oakvale", "a home near Oakvale": the place a report says the event was at
_SCENE_BEFORE = re.compile(r"\b(?:in|near|outside)[ \t]+(?:the[ \t]+)?"
                           r"(?:(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?[ \t]+)?$")
# "Oakvale boy": a person's town
_WHO_AFTER = re.compile(
    r"(?:['’]s)?[ \t]+(?:man|woman|men|women|teen|teenager|boy|girl|child|toddler|resident|residents|native)\b")
# "... - KXYZ News 12 Oakvale": the outlet's town in a headline
class _StoryPlaces:
    """Which regions (first-level divisions, countries) each article of the story names anywhere:
    in any event's place, as a named place, or in its text ("Gary, Ind.").  Between equally
    supported places of an event, the one in the region more articles name is the likelier: a
    "Riverton" the geocoder filed under a namesake in Wyoming loses to the Riverton in Utah when
    the story's datelines and places are in Utah."""

    def __init__(self, analyses: list[ArticleAnalysis], homes: dict[str, str] | None = None,
                 towns: dict[str, Place] | None = None) -> None:
        self.analyses = analyses
        self.towns = towns or {}  # outlet -> home town (link.outlet_towns)
        # outlet -> home state (link.outlet_homes); else the state of its home town
        self.homes = {**{o: t.admin1 for o, t in self.towns.items() if t.admin1}, **(homes or {})}
        self._named: list[set[str]] | None = None
        self._texts: dict[str, str] | None = None

    @property
    def named(self) -> list[set[str]]:
        # Read the texts only when a fact needs it: most events have no conflicting place.
        if self._named is None:
            from wirecheck.nlp.places import text_context

            self._named = []
            for a in self.analyses:
                keys: set[str] = set()
                for m in a.events:
                    if m.location is not None:
                        p = m.location.place
                        if p.admin1:
                            keys.add("a:" + spelling_key(p.admin1))
                        if p.iso:
                            keys.add("c:" + p.iso.upper())
                for ent in a.entities:
                    if ent.type in ("GPE", "LOC"):
                        keys.add("a:" + spelling_key(ent.name))
                        if ent.country:
                            keys.add("c:" + ent.country.upper())
                for iso, admin1 in text_context(a.article.text).admin1:
                    keys.add("a:" + spelling_key(admin1))
                    keys.add("t:" + spelling_key(admin1))
                    keys.add("c:" + iso.upper())
                self._named.append(keys)
        return self._named

    @property
    def text_us_states(self) -> set[str]:
        """The US states (spelling keys) the story's texts name ("Gary, Ind.", a dateline)."""
        from wirecheck.nlp.places import get_gazetteer

        gaz = get_gazetteer()
        states = {k[2:] for keys in self.named for k in keys if k.startswith("t:")}
        return {s for s in states if gaz.state_code(s)}

    def support(self, p: Place) -> tuple[int, int, int]:
        """(articles whose text names the place's region -- "Lexington, S.C.", a dateline, a
        local phone number --, articles naming the region anywhere, the country), strongest first:
        a region only the geocoder chose for an article's own place is the weaker word."""
        region = spelling_key(p.admin1) if p.admin1 else None
        country = "c:" + p.iso.upper() if p.iso else None
        return (
            sum("t:" + region in keys for keys in self.named) if region else 0,
            sum("a:" + region in keys for keys in self.named) if region else 0,
            sum(country in keys for keys in self.named) if country else 0,
        )

    def said_at(self, place: Place, evidence: Evidence | None) -> int:
        """How a report gives its place: 2 where the text says the event was in that town ("shot
        in Oakvale", "near Oakvale"), 0 where the name is only a dateline or a word before a
        person or after an outlet's name ("OAKVALE, Ky. --", "Oakvale boy", "KXYZ News 12 Oakvale"),
        1 otherwise (a
        county, a region or a town the gazetteer cannot place is 1 at most)."""
        if evidence is None:
            return 1
        if self._texts is None:
            self._texts = {a.article.id: a.article.text for a in self.analyses}
        text = self._texts.get(evidence.article, "")
        start, end = evidence.start, evidence.end
        if start == end:
            return 0  # no words of its own: the outlet's town, the story's other reports'
        if not text or not 0 <= start < end <= len(text):
            return 1
        if _SCENE_BEFORE.search(text, max(0, start - 20), start):
            return 2 if place.precision == 1 and place.lat is not None else 1
        name = text[start:end]
        line_start = text.rfind("\n", 0, start) + 1
        if ((name.isupper() and len(name) > 3 and not text[line_start:start].strip()) or _WHO_AFTER.match(text, end)
                or OUTLET_BEFORE.search(text, max(0, start - 20), start)):
            return 0
        return 1

    def in_named_state(self, place: Place) -> Place:
        """The namesake in the one US state the story's texts name of a US town or county that
        no report's text places in its own state: "Madison" filed under Wisconsin by the
        gazetteer, in a story whose other report opens "Nashville, Tenn.", is a Tennessee one
        when the gazetteer has one there.  Nothing moves when the texts name several states."""
        # (a story of one report: extraction has already weighed its text)
        if len(self.analyses) < 2 or place.iso != "US" or place.precision > 2 or not place.admin1:
            return place
        from wirecheck.nlp.places import get_gazetteer

        gaz = get_gazetteer()
        # the texts are read only for a name some other state has too
        if not any(c.iso == "US" and c.admin1 != place.admin1 for c in gaz.candidates(place.name)):
            return place
        if self.support(place)[0] > 0:
            return place
        us = self.text_us_states
        if len(us) != 1:
            return place
        return _namesake_in(place, gaz.state_name(gaz.state_code(us.pop())))

    def at_home(self, place: Place, articles: Iterable[str]) -> Place:
        """The namesake in the reporting outlets' home state of a US town or county that no
        report's text places in its state: "Madison" filed under Wisconsin by the gazetteer, in a
        story only a Nashville station tells, is the Tennessee one.  Only when every reporting
        outlet with a known home has the same one, and the home state has a place so named."""
        if not self.homes or place.iso != "US" or place.precision > 2 or not place.admin1:
            return place
        ids = set(articles)
        homes = self._of_outlets(self.homes, ids)
        homes.discard(None)
        if len(homes) != 1:
            return place
        home = homes.pop()
        if spelling_key(home) == spelling_key(place.admin1) or self.support(place)[0] > 0:
            return place
        moved = _namesake_in(place, home)
        if moved is place or moved.precision != 1:
            return moved
        # the namesake a neighbourhood of the outlets' own city ("Quillmont" in a story only a
        # Philadelphia paper tells): the city, the neighbourhood kept as detail, as the texts
        # would read if they named their city
        from wirecheck.nlp.places import get_gazetteer

        town = self._shared_town(ids)
        city = get_gazetteer().enclosing_city(moved, marked=False) if town is not None else None
        if city is None or town is None or (town.name, town.admin1) != (city.name, city.admin1):
            return moved
        return Place(**{**city.as_dict(), "detail": moved.detail or moved.name})

    def town_of_street(self, place: Place, articles: Iterable[str]) -> Place:
        """The reporting outlets' home town for a street the reports give with no town ("the
        1400 block of West Maple Street", a city desk's brief): only when every reporting outlet
        has a known home town and it is the same one, and no report's text names another US
        state.  The street stays the place's detail."""
        if not self.towns or not _street_only(place):
            return place
        town = self._shared_town(set(articles))
        if town is None:
            return place
        if self.text_us_states - {spelling_key(town.admin1 or "")}:
            return place
        return Place(**{**town.as_dict(), "detail": place.detail})


    def _of_outlets(self, table: dict[str, Any], ids: set[str]) -> set[Any]:
        """``table``'s value (None where it has none) for the outlet of each article in ``ids``."""
        return {table.get(outlet(a.article.source) or "") for a in self.analyses if a.article.id in ids}

    def _shared_town(self, ids: set[str]) -> Place | None:
        """The home town every outlet of the articles ``ids`` has, the same one; else None."""
        towns = self._of_outlets(self.towns, ids)
        return towns.pop() if len(towns) == 1 else None


def _namesake_in(place: Place, state: str) -> Place:
    """The US town or county of ``place``'s name and precision in ``state`` (keeping the detail),
    or ``place`` itself when the gazetteer has none there."""
    from wirecheck.nlp.places import get_gazetteer

    alt = get_gazetteer().lookup(place.name, "US", state)
    if (alt is None or alt.admin1 != state or alt.precision != place.precision
            or spelling_key(alt.name) != spelling_key(place.name)):
        return place
    return Place(**{**alt.as_dict(), "detail": place.detail})


def _place_precision(p: Place) -> int:
    return -p.precision


# --------------------------------------------------------------------------- the story


def reconcile_story(
    story_id: str,
    analyses: list[ArticleAnalysis],
    duplicates: list[list[str]] | None = None,
    homes: dict[str, str] | None = None,
    towns: dict[str, Place] | None = None,
) -> StoryResult:
    """Events, facts and entities of one story (``analyses`` in order of ingestion); ``homes``
    and ``towns``: the home state and home town of local outlets (``wirecheck.link.outlet_homes``
    and ``outlet_towns``)."""
    entities, member_map = resolve_entities(analyses)
    entity_names = {e.id: e.name for e in entities}
    name_map: dict[str, str] = {}
    for e in entities:
        for form in [e.name, *e.aliases]:
            name_map.setdefault(spelling_key(form), e.id)
    sources = _Sources(duplicates)
    clock = ReportClock(analyses)

    clusters = _cluster(_mentions(analyses, member_map, name_map))
    context = _StoryPlaces(analyses, homes, towns)
    events = [
        _build_event(story_id, c, member_map, name_map, entity_names, sources, clock, context)
        for c in clusters
    ]
    main = _main_event(clusters, events)
    events.sort(key=lambda e: (e is not main, e.background))

    mention_event = {mention: ev.id for ev in events for mention in ev.mentions}
    claim_events = {
        (c.article, c.id): mention_event[(c.article, c.event)]
        for a in analyses
        for c in a.claims
        if c.event and (c.article, c.event) in mention_event
    }
    main_articles = {art for art, _ in main.mentions} if main else set()
    title = next(
        (a.article.title for a in analyses if a.article.title and a.article.id in main_articles), None
    )
    title = title or next((a.article.title for a in analyses if a.article.title), None) or ""
    story = Story(
        id=story_id,
        title=title,
        articles=[a.article.id for a in analyses],
        main_event=main.id if main else None,
        events=[e.id for e in events],
        duplicates=[list(g) for g in duplicates or []],
    )
    return StoryResult(story=story, events=events, entities=entities, claim_events=claim_events)


def _main_event(clusters: list[list[_Mention]], events: list[Event]) -> Event | None:
    """The reported event told by most articles, preferring articles' first reported events."""
    best, best_key = None, None
    for cluster, event in zip(clusters, events, strict=True):
        if event.background:
            continue
        key = (
            sum(m.primary for m in cluster),
            len({m.article for m in cluster}),
            -min(m.order for m in cluster),
            -min(m.mention.evidence.start for m in cluster),
        )
        if best_key is None or key > best_key:
            best, best_key = event, key
    return best
