"""Helpers shared by briefs and exports: report order, outlet labels, value formatting.

Everything here reads the plain dicts of SPEC.md's JSON export shape (and the richer
``story_record`` shape); nothing touches the store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from wirecheck.models import ACTOR_STATUSES, FACT_STATUSES

# Disagreements first: an analyst opens a brief to see where the outlets differ.
STATUS_ORDER = ("conflict", "superseded", "single_source", "consensus")
assert set(STATUS_ORDER) == set(FACT_STATUSES)

# The order attributes appear in inside one status group: what happened, then who, where, when.
ATTRIBUTE_ORDER = (
    "event_type",
    "sub_event_type",
    "perpetrator",
    "target",
    "victim",
    "fatalities",
    "injured",
    "location",
    "date",
)

# For choosing the perpetrator to show first: the strongest attribution.
STATUS_RANK = {
    status: rank for rank, status in enumerate(("confirmed", "claimed", "alleged", "unknown", "denied"))
}
assert set(STATUS_RANK) == set(ACTOR_STATUSES)

_SPACES = re.compile(r"\s+")


def squash(text: str | None) -> str:
    """One line: runs of whitespace (newlines included) become one space."""
    return _SPACES.sub(" ", text or "").strip()


def fact_sort_key(fact: Mapping[str, Any]) -> tuple[int, int, str]:
    status = fact.get("status") or ""
    attribute = fact.get("attribute") or ""
    s = STATUS_ORDER.index(status) if status in STATUS_ORDER else len(STATUS_ORDER)
    a = ATTRIBUTE_ORDER.index(attribute) if attribute in ATTRIBUTE_ORDER else len(ATTRIBUTE_ORDER)
    return (s, a, attribute)


def sorted_facts(facts: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return sorted(facts, key=fact_sort_key)


def report_order(articles: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Articles in report order: by publication time when every one has it, else ingestion order.

    SPEC: "A report time is the article's publication/update time; without one, the order of
    ingestion."  Mixing known and unknown times would invent an order, so one missing time
    falls back to ingestion order (``seq``) for all.
    """
    arts = list(articles)
    if arts and all(a.get("published") for a in arts):
        return sorted(arts, key=lambda a: (str(a["published"]), a.get("seq") or 0))
    return sorted(arts, key=lambda a: (a.get("seq") is None, a.get("seq") or 0))


def outlet_labels(articles: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """A short, unique label per article id: the outlet name, numbered when one outlet sent several."""
    ordered = report_order(articles)
    counts: dict[str, int] = {}
    for art in ordered:
        name = squash(art.get("source")) or "unknown outlet"
        counts[name] = counts.get(name, 0) + 1
    seen: dict[str, int] = {}
    labels: dict[str, str] = {}
    for art in ordered:
        name = squash(art.get("source")) or "unknown outlet"
        seen[name] = seen.get(name, 0) + 1
        label = name if counts[name] == 1 else f"{name} #{seen[name]}"
        labels[str(art.get("id"))] = label
    return labels


def fmt_range(rng: Mapping[str, Any] | None) -> str:
    """``{low: 2, best: 2, high: None}`` -> ``2 (2–∞)``; an exact count is just the number."""
    if not rng:
        return "unknown"
    low, best, high = rng.get("low"), rng.get("best"), rng.get("high")
    hi = "∞" if high is None else str(high)
    if low is not None and high is not None and low == high:
        return str(low)
    span = f"{'?' if low is None else low}–{hi}"
    return span if best is None else f"{best} ({span})"


def fmt_date(date: Mapping[str, Any] | None) -> str:
    if not date:
        return "unknown date"
    value, text, precision = date.get("value"), squash(date.get("text")), date.get("precision")
    if value:
        out = str(value)
        if precision and precision != "day":
            out += f" ({precision})"
        if text and text != str(value):
            out += f" “{text}”"
        return out
    return f"unresolved “{text}”" if text else "unknown date"


def fmt_place(loc: Mapping[str, Any] | None) -> str:
    if not loc:
        return "unknown place"
    parts = [squash(loc.get(k)) for k in ("name", "admin1", "country")]
    names: list[str] = []
    for part in parts:
        if part and part not in names:
            names.append(part)
    out = ", ".join(names) or "unknown place"
    if loc.get("detail"):
        out += f" ({squash(loc['detail'])})"
    return out


def fmt_actor(actor: Mapping[str, Any]) -> str:
    name = squash(actor.get("name")) or "unnamed"
    status = actor.get("status")
    return f"{name} ({status})" if status else name


def fmt_actors(actors: Iterable[Mapping[str, Any]], role: str) -> str:
    chosen = [a for a in actors if a.get("role") == role]
    chosen.sort(key=lambda a: STATUS_RANK.get(a.get("status") or "unknown", len(STATUS_RANK)))
    return "; ".join(fmt_actor(a) for a in chosen)


def fmt_type(event: Mapping[str, Any]) -> str:
    etype = squash(event.get("event_type")) or "unknown type"
    sub = squash(event.get("sub_event_type"))
    return f"{etype} — {sub}" if sub else etype


def fmt_value(attribute: str, value: Any) -> str:
    """A fact's value (or one report's value) as a short line of text.

    Values come from reconcile in whatever shape suits the attribute; this accepts the shapes
    the export uses elsewhere (count ranges, date and place objects, actors) and falls back to text.
    """
    if value is None:
        return "—"
    if isinstance(value, Mapping):
        if {"low", "best", "high"} & value.keys():
            return fmt_range(value)
        if "precision" in value and ("text" in value or "value" in value) and "name" not in value:
            return fmt_date(value)
        if "name" in value and ("country" in value or "iso" in value or "lat" in value):
            return fmt_place(value)
        if "name" in value:
            return fmt_actor(value)
        return "; ".join(f"{k}={fmt_value(attribute, v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return "; ".join(fmt_value(attribute, v) for v in value) or "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return squash(str(value))


def fact_note(fact: Mapping[str, Any]) -> str:
    """Why a fact's value is what it is, when no single report gives it (SPEC's reconciliation
    rules, said in a line): a reader should not have to guess why the brief disagrees with
    every outlet."""
    status, value = fact.get("status"), fact.get("value")
    reports = [r.get("value") for r in fact.get("reports") or ()]
    if status == "conflict":
        return "Reports of the same time disagree: the range runs from the lowest to the highest."
    if status != "superseded":
        return ""
    lows = [r.get("low") for r in reports if isinstance(r, Mapping) and r.get("low") is not None]
    low = value.get("low") if isinstance(value, Mapping) else None
    if fact.get("attribute") == "injured" and low is not None and lows and low < min(lows):
        return (
            "Its low end is below every report's: victims first reported wounded who later died "
            "are counted once, among the killed."
        )
    return "A later report's figure replaces earlier ones (tolls rise as victims die or are found)."


def sentence_text(article: Mapping[str, Any] | None, index: Any, span: Any = None) -> str:
    """The sentence a value was read from, cut out of the article text by the sentence's span.

    Falls back to the value's own span when the sentence list does not have the index.
    """
    if not article:
        return ""
    text = article.get("text") or ""
    if not text:
        return ""
    for sent in article.get("sentences") or ():
        if sent.get("index") == index:
            return squash(text[sent["start"] : sent["end"]])
    if span and len(span) == 2 and span[0] is not None and span[1] is not None:
        return squash(text[int(span[0]) : int(span[1])])
    return ""


def event_articles(event: Mapping[str, Any]) -> list[str]:
    """Article ids behind an event, in first-seen order (its reports, then its facts' reports)."""
    ids: list[str] = []
    for rep in event.get("reports") or ():
        if rep.get("article") and rep["article"] not in ids:
            ids.append(rep["article"])
    for fact in event.get("facts") or ():
        for rep in fact.get("reports") or ():
            if rep.get("article") and rep["article"] not in ids:
                ids.append(rep["article"])
    return ids


def event_sources(event: Mapping[str, Any], articles: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """Distinct outlet names behind an event; an article with no outlet counts as its own source."""
    out: list[str] = []
    for art_id in event_articles(event):
        art = articles.get(art_id) or {}
        name = squash(art.get("source")) or f"article {art_id}"
        if name not in out:
            out.append(name)
    return out


def conflicts(event: Mapping[str, Any]) -> list[str]:
    return [
        str(f.get("attribute"))
        for f in sorted_facts(event.get("facts") or ())
        if f.get("status") == "conflict"
    ]
