"""Readers for the shared benchmark format: one reader per kind of gold, plain dataclasses out.

The kind is detected from the files a folder holds (and, for ``docs.jsonl``, from the keys of its
first record), so any folder in the same format works, whatever its name.  Every reader returns a
:class:`Dataset`: the articles as given (``text`` is never re-cleaned: gold offsets index it) and
the gold as a list of records of the kind's own dataclass.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wirecheck.errors import WirecheckError

KINDS = ("incidents", "gvdb", "ecbplus", "newswcl50", "timex", "polnear", "acled", "muc4")


class DatasetError(WirecheckError):
    """A dataset folder that cannot be read (missing files, unknown layout, bad JSON)."""


# --------------------------------------------------------------------------- records


@dataclass(slots=True)
class DocRecord:
    """One line of ``articles.jsonl`` (or an ACLED note standing in for an article)."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None


@dataclass(slots=True)
class Incident:
    """A gun-violence incident (GVA/GVC): the articles that report it and its facts."""

    id: str
    articles: list[str]
    has_facts: bool
    killed: int | None = None
    injured: int | None = None
    date: str | None = None
    city: str | None = None
    state: str | None = None


@dataclass(slots=True)
class SpanValue:
    value: str
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class ShootingFacts:
    """GVDB per-article facts."""

    article: str
    killed: int | None
    injured: int | None
    city: SpanValue | None
    state: str | None  # the full state name ("CA - California" -> "California"), None if unclear
    date: str | None  # incident date (ISO)
    victims: list[SpanValue] = field(default_factory=list)  # victim names with offsets
    shooters: list[SpanValue] = field(default_factory=list)


@dataclass(slots=True)
class Mention:
    """An event (or entity) mention in an article: offsets into its text, and its chain."""

    article: str
    start: int
    end: int
    text: str
    chain: str
    in_eval: bool = True  # ECB+: inside the sentences selected for coreference evaluation


@dataclass(slots=True)
class StoryGold:
    """Which articles tell one story (an ECB+ sub-topic, a NewsWCL50 event)."""

    id: str
    articles: list[str]
    topic: str | None = None


@dataclass(slots=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str | None


@dataclass(slots=True)
class TimexDoc:
    article: str
    dct: str | None  # document creation time
    timexes: list[Timex]


@dataclass(slots=True)
class RoleSpan:
    start: int
    end: int
    text: str
    fragments: list[tuple[int, int]] = field(default_factory=list)  # discontinuous roles

    @property
    def pieces(self) -> list[tuple[int, int]]:
        return self.fragments or [(self.start, self.end)]


@dataclass(slots=True)
class Attribution:
    article: str
    id: str
    source: RoleSpan | None
    cue: RoleSpan | None
    content: RoleSpan | None


@dataclass(slots=True)
class AcledRecord:
    id: str  # event_id_cnty
    article: str  # the DocRecord id standing for this record's notes
    notes: str
    event_type: str
    sub_event_type: str | None
    fatalities: int | None
    country: str | None
    iso: int | None  # ISO 3166-1 numeric, as ACLED codes it
    admin1: str | None
    location: str | None
    event_date: str | None
    actor1: str | None
    actor2: str | None


@dataclass(slots=True)
class MucTemplate:
    article: str
    id: str
    optional: bool
    incident_type: str
    perp_organization: list[list[str]]  # fillers, each a list of alternative strings
    perp_individual: list[list[str]]
    targets: list[list[str]]  # physical targets
    victims: list[list[str]]  # human target names and descriptions
    deaths: int | None  # None when the key gives no countable number
    date: str | None = None
    location: str | None = None


@dataclass(slots=True)
class Dataset:
    name: str
    kind: str
    path: str
    articles: list[DocRecord]
    gold: list[Any]
    # Extra gold some kinds carry: mention chains (ECB+, NewsWCL50, MEANTIME event mentions).
    mentions: list[Mention] = field(default_factory=list)


# --------------------------------------------------------------------------- files


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    opener: Callable[..., Any] = gzip.open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        yield json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise DatasetError(f"{path}:{n}: not JSON ({exc.msg})") from exc
    except OSError as exc:
        raise DatasetError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def _find(folder: Path, stem: str) -> Path | None:
    for name in (f"{stem}.jsonl", f"{stem}.jsonl.gz"):
        if (folder / name).is_file():
            return folder / name
    return None


def _need(folder: Path, stem: str) -> Path:
    path = _find(folder, stem)
    if path is None:
        raise DatasetError(f"{folder}: no {stem}.jsonl (or .jsonl.gz)")
    return path


def detect_kind(path: str | Path) -> str:
    """The gold kind of a dataset folder, from the files it holds."""
    folder = Path(path)
    if not folder.is_dir():
        raise DatasetError(f"{folder}: not a folder; give a dataset folder with articles.jsonl and gold files")
    has = {stem for stem in (
        "records", "incidents", "gold", "docs_gold", "event_chains", "events_gold", "templates", "docs"
    ) if _find(folder, stem)}
    if "records" in has:
        return "acled"
    if "incidents" in has:
        return "incidents"
    if "docs_gold" in has:
        return "ecbplus"
    if "events_gold" in has:
        return "newswcl50"
    if "templates" in has:
        return "muc4"
    if "gold" in has:
        return "gvdb"
    if "docs" in has:
        first = next(read_jsonl(_need(folder, "docs")), {})
        if "attributions" in first:
            return "polnear"
        if "timexes" in first:
            return "timex"
    readme = folder / "README.md"
    hint = ""
    if readme.is_file():
        hint = " (README: " + readme.read_text(encoding="utf-8").splitlines()[0].lstrip("# ")[:80] + ")"
    raise DatasetError(
        f"{folder}: no known gold files{hint}; expected one of records, incidents, gold, docs_gold, "
        "events_gold, templates or docs (.jsonl)"
    )


def read_articles(folder: Path) -> list[DocRecord]:
    return [
        DocRecord(
            id=str(r["id"]),
            text=r.get("text") or "",
            title=r.get("title"),
            published=r.get("published"),
            url=r.get("url"),
            source=r.get("source"),
        )
        for r in read_jsonl(_need(folder, "articles"))
    ]


def read_dataset(path: str | Path, kind: str | None = None) -> Dataset:
    """Read a dataset folder; ``kind`` overrides detection (one of :data:`KINDS`)."""
    folder = Path(path)
    kind = kind or detect_kind(folder)
    if kind not in READERS:
        raise DatasetError(f"unknown dataset kind {kind!r}; one of {', '.join(KINDS)}")
    return READERS[kind](folder)


# --------------------------------------------------------------------------- one reader per kind


def _int(v: Any) -> int | None:
    try:
        return None if v is None else int(v)
    except (TypeError, ValueError):
        return None


def read_incidents(folder: Path) -> Dataset:
    gold = [
        Incident(
            id=str(r["incident_id"]),
            articles=[str(a) for a in r.get("articles") or []],
            has_facts=bool(r.get("has_facts", True)),
            killed=_int(r.get("killed")),
            injured=_int(r.get("injured")),
            date=r.get("date"),
            city=r.get("city"),
            state=r.get("state"),
        )
        for r in read_jsonl(_need(folder, "incidents"))
    ]
    return Dataset(folder.name, "incidents", str(folder), read_articles(folder), gold)


def _span_value(v: Any) -> SpanValue | None:
    if not v or not isinstance(v, dict) or not (v.get("value") or "").strip():
        return None
    return SpanValue(v["value"].strip(), v.get("start"), v.get("end"))


def read_gvdb(folder: Path) -> Dataset:
    gold = []
    for r in read_jsonl(_need(folder, "gold")):
        state = r.get("state")
        # Menu values look like "CA - California"; "Unclear" means the annotator could not tell.
        if state and " - " in state:
            state = state.split(" - ", 1)[1].strip()
        elif state in ("Unclear", ""):
            state = None
        gold.append(
            ShootingFacts(
                article=str(r["id"]),
                killed=_int(r.get("n_killed")),
                injured=_int(r.get("n_injured")),
                city=_span_value(r.get("city")),
                state=state,
                date=r.get("date"),
                victims=[s for v in r.get("victims") or [] if (s := _span_value(v.get("name")))],
                shooters=[s for v in r.get("shooters") or [] if (s := _span_value(v.get("name")))],
            )
        )
    return Dataset(folder.name, "gvdb", str(folder), read_articles(folder), gold)


def read_ecbplus(folder: Path) -> Dataset:
    by_sub: dict[str, StoryGold] = {}
    for r in read_jsonl(_need(folder, "docs_gold")):
        sub = str(r["subtopic"])
        by_sub.setdefault(sub, StoryGold(sub, [], str(r.get("topic")))).articles.append(str(r["id"]))
    mentions = [
        Mention(str(m["doc_id"]), m["start"], m["end"], m.get("text", ""), str(chain["chain_id"]),
                bool(m.get("in_coref_sentences", True)))
        for chain in read_jsonl(_need(folder, "event_chains"))
        for m in chain.get("mentions", [])
    ]
    return Dataset(folder.name, "ecbplus", str(folder), read_articles(folder), list(by_sub.values()), mentions)


def read_newswcl50(folder: Path) -> Dataset:
    gold = [
        StoryGold(str(r["event_id"]), [str(a) for a in r["articles"]], r.get("topic"))
        for r in read_jsonl(_need(folder, "events_gold"))
    ]
    mentions = []
    if path := _find(folder, "event_mentions"):
        mentions = [
            Mention(str(m["doc_id"]), m["start"], m["end"], m.get("text", ""), str(m["chain_id"]))
            for m in read_jsonl(path)
        ]
    return Dataset(folder.name, "newswcl50", str(folder), read_articles(folder), gold, mentions)


def read_timex(folder: Path) -> Dataset:
    """TempEval-3 and MEANTIME: time expressions (and MEANTIME's event instances)."""
    gold, mentions = [], []
    for r in read_jsonl(_need(folder, "docs")):
        doc = str(r["id"])
        gold.append(
            TimexDoc(
                doc,
                r.get("dct"),
                [Timex(t["start"], t["end"], t.get("text", ""), t.get("type", ""), t.get("value"))
                 for t in r.get("timexes", [])],
            )
        )
        for m in r.get("event_mentions", []):
            if m.get("instance_id"):
                mentions.append(Mention(doc, m["start"], m["end"], m.get("text", ""), str(m["instance_id"])))
    if _find(folder, "articles"):
        articles = read_articles(folder)
    else:  # docs.jsonl carries the text too
        articles = [DocRecord(str(r["id"]), r["text"], r.get("title"), r.get("dct"))
                    for r in read_jsonl(_need(folder, "docs"))]
    return Dataset(folder.name, "timex", str(folder), articles, gold, mentions)


def _role(a: dict[str, Any], name: str) -> RoleSpan | None:
    v = a.get(name)
    if not v:
        return None
    frags = [(int(s), int(e)) for s, e in a.get(f"{name}_fragments") or []]
    return RoleSpan(int(v[0]), int(v[1]), v[2] if len(v) > 2 else "", frags)


def read_polnear(folder: Path) -> Dataset:
    gold = []
    for r in read_jsonl(_need(folder, "docs")):
        doc = str(r["id"])
        gold.extend(
            Attribution(doc, str(a.get("id")), _role(a, "source"), _role(a, "cue"), _role(a, "content"))
            for a in r.get("attributions", [])
        )
    return Dataset(folder.name, "polnear", str(folder), read_articles(folder), gold)


def read_acled(folder: Path) -> Dataset:
    """ACLED records: each record's ``notes`` is the article.

    The records carry no publication date (``event_date`` is the coded answer and ``timestamp``
    the upload time), so the articles have ``published=None``.  Records whose notes are identical
    (one report coded as several events) share one article.
    """
    articles: dict[str, DocRecord] = {}
    by_notes: dict[str, str] = {}
    gold = []
    for r in read_jsonl(_need(folder, "records")):
        notes = r.get("notes") or ""
        if not notes.strip():
            continue
        doc_id = by_notes.setdefault(notes, "notes:" + str(r["event_id_cnty"]))
        articles.setdefault(doc_id, DocRecord(doc_id, notes))
        gold.append(
            AcledRecord(
                id=str(r["event_id_cnty"]),
                article=doc_id,
                notes=notes,
                event_type=r.get("event_type") or "",
                sub_event_type=r.get("sub_event_type"),
                fatalities=_int(r.get("fatalities")),
                country=r.get("country"),
                iso=_int(r.get("iso")),
                admin1=r.get("admin1"),
                location=r.get("location"),
                event_date=r.get("event_date"),
                actor1=r.get("actor1"),
                actor2=r.get("actor2"),
            )
        )
    return Dataset(folder.name, "acled", str(folder), list(articles.values()), gold)


_MUC_NUMBER = re.compile(r"^\s*(\d+)\s*$")


def _muc_deaths(t: dict[str, Any]) -> int | None:
    """Deaths in a template: the number of each human target whose effect is DEATH.

    A named target without a number counts as one person; a target given as "PLURAL", a range
    or an uncertain number makes the total unknown (None), and such templates are not scored.
    """
    killed = t.get("killed") or []
    if not killed:
        return 0
    numbers: dict[str, str] = {}
    for entry in t.get("hum_target_number") or []:
        for ref in entry.get("refs") or []:
            numbers[ref] = entry.get("label") or ""
    names = {alt for filler in t.get("hum_target_name") or [] for alt in filler}
    total = 0
    for ref in killed:
        if ref in numbers:
            m = _MUC_NUMBER.match(numbers[ref])
            if not m:
                return None
            total += int(m.group(1))
        elif ref in names:
            total += 1
        else:
            return None
    return total


def _fillers(v: Any) -> list[list[str]]:
    out = []
    for filler in v or []:
        alts = [a for a in (filler if isinstance(filler, list) else [filler]) if a and a != "*" and a != "-"]
        if alts:
            out.append(alts)
    return out


def read_muc4(folder: Path) -> Dataset:
    gold = []
    for t in read_jsonl(_need(folder, "templates")):
        victims = _fillers(t.get("hum_target_name"))
        victims += _fillers([d.get("description") for d in t.get("hum_target_description") or []])
        gold.append(
            MucTemplate(
                article=str(t["doc_id"]),
                id=str(t.get("template_id")),
                optional=bool(t.get("optional")),
                incident_type=(t.get("incident_type") or "").strip(),
                perp_organization=_fillers(t.get("perp_organization")),
                perp_individual=_fillers(t.get("perp_individual")),
                targets=_fillers(t.get("phys_target")),
                victims=victims,
                deaths=_muc_deaths(t),
                date=t.get("date"),
                location=t.get("location"),
            )
        )
    return Dataset(folder.name, "muc4", str(folder), read_articles(folder), gold)


READERS: dict[str, Callable[[Path], Dataset]] = {
    "incidents": read_incidents,
    "gvdb": read_gvdb,
    "ecbplus": read_ecbplus,
    "newswcl50": read_newswcl50,
    "timex": read_timex,
    "polnear": read_polnear,
    "acled": read_acled,
    "muc4": read_muc4,
}
