"""Story briefs: what happened, who says so, and where the outlets disagree.

``render(record, fmt)`` turns a store ``story_record`` dict into Markdown, a standalone HTML page,
or JSON.  ``render_terminal(record)`` gives the same content as a rich renderable built from
``rich.text.Text`` objects, so article text such as ``[bold]`` is never read as console markup;
the CLI prints it with ``Console.print``.

Every format shows, in this order: the title; the reports (outlet, publication and update time);
the main event in one line; its facts with disagreements first (conflict, superseded,
single_source, consensus), each with every source's value, the sentence it came from,
``attributed_to`` and ``certainty``; claims grouped by speaker; background and other events;
syndicated copies.  All three renderers read one view (:func:`build_view`), so they cannot drift.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from typing import Any

from wirecheck.errors import ConfigError
from wirecheck.outputs import _common as c

FORMATS = ("md", "html", "json")


# --------------------------------------------------------------------------- the view


def build_view(record: Mapping[str, Any]) -> dict[str, Any]:
    """Everything a brief shows, as plain strings, in display order.

    Strings here are still raw article text; each renderer escapes for its own medium.
    """
    story = record.get("story") or {}
    articles = list(record.get("articles") or [])
    by_id = {str(a.get("id")): a for a in articles}
    labels = c.outlet_labels(articles)
    order = [str(a.get("id")) for a in c.report_order(articles)]
    entities = {str(e.get("id")): e for e in record.get("entities") or []}
    events = list(record.get("events") or [])
    events_by_id = {str(e.get("id")): e for e in events}

    def label(art_id: Any) -> str:
        return labels.get(str(art_id)) or f"article {art_id}"

    outlets = [
        {
            "id": art_id,
            "label": label(art_id),
            "title": c.squash(by_id[art_id].get("title")),
            "published": c.squash(str(by_id[art_id].get("published") or "")) or "time unknown",
            "updated": c.squash(str(by_id[art_id].get("updated") or "")),
            "url": by_id[art_id].get("url") or "",
        }
        for art_id in order
    ]

    main_id = story.get("main_event")
    main = events_by_id.get(str(main_id)) if main_id is not None else None
    if main is None:
        # No main event recorded: the first foreground event is the best stand-in.
        main = next((e for e in events if not e.get("background")), None)

    facts = []
    if main is not None:
        for fact in c.sorted_facts(main.get("facts") or []):
            attribute = str(fact.get("attribute") or "")
            reports = sorted(
                fact.get("reports") or [],
                key=lambda r: order.index(r.get("article")) if r.get("article") in order else len(order),
            )
            facts.append(
                {
                    "attribute": attribute,
                    "status": str(fact.get("status") or ""),
                    "value": c.fmt_value(attribute, fact.get("value")),
                    "note": c.fact_note(fact),
                    "reports": [
                        {
                            "outlet": label(r.get("article")),
                            "value": c.fmt_value(attribute, r.get("value")),
                            "sentence": c.sentence_text(
                                by_id.get(r.get("article")), r.get("sentence"), r.get("span")
                            ),
                            "attributed_to": c.squash(r.get("attributed_to")),
                            "certainty": c.squash(r.get("certainty")),
                        }
                        for r in reports
                    ],
                }
            )

    others = [e for e in events if e is not main]
    return {
        "story_id": str(story.get("id") or ""),
        "title": c.squash(story.get("title")) or (outlets[0]["title"] if outlets else "") or "Untitled story",
        "n_outlets": len({c.squash(a.get("source")) or f"article {a.get('id')}" for a in articles}),
        "outlets": outlets,
        "main": _event_view(main, by_id) if main is not None else None,
        "facts": facts,
        "claims": _claims_view(record.get("claims") or [], entities, order, label, events_by_id),
        "background": [_event_view(e, by_id) for e in others if e.get("background")],
        "other_events": [_event_view(e, by_id) for e in others if not e.get("background")],
        "duplicates": [[label(a) for a in group] for group in story.get("duplicates") or [] if group],
    }


def _event_view(event: Mapping[str, Any], articles: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    actors = event.get("actors") or []
    return {
        "id": str(event.get("id") or ""),
        "type": c.fmt_type(event),
        "place": c.fmt_place(event.get("location")),
        "date": c.fmt_date(event.get("date")),
        "perpetrator": c.fmt_actors(actors, "perpetrator") or "unknown",
        "target": c.fmt_actors(actors, "target"),
        "victims": c.fmt_actors(actors, "victim"),
        "killed": c.fmt_range(event.get("fatalities")) if event.get("fatalities") else "",
        "injured": c.fmt_range(event.get("injured")) if event.get("injured") else "",
        "sources": c.event_sources(event, articles),
        "conflicts": c.conflicts(event),
    }


def event_line(ev: Mapping[str, Any]) -> str:
    """The one-line summary of an event view: type, place, date, perpetrator, casualties."""
    parts = [ev["type"], ev["place"], ev["date"], f"perpetrator: {ev['perpetrator']}"]
    if ev["target"]:
        parts.append(f"target: {ev['target']}")
    if ev["victims"]:
        parts.append(f"victims: {ev['victims']}")
    if ev["killed"]:
        parts.append(f"killed {ev['killed']}")
    if ev["injured"]:
        parts.append(f"injured {ev['injured']}")
    return " · ".join(parts)


def _claims_view(
    claims: list[Mapping[str, Any]],
    entities: Mapping[str, Mapping[str, Any]],
    order: list[str],
    label: Any,
    events: Mapping[str, Mapping[str, Any]],
) -> list[dict[str, Any]]:
    """Claims grouped by speaker (the resolved entity when there is one, else the words used)."""

    def claim_key(cl: Mapping[str, Any]) -> tuple[int, int]:
        art = cl.get("article")
        span = cl.get("span") or [0, 0]
        return (order.index(art) if art in order else len(order), int(span[0] or 0))

    groups: dict[str, dict[str, Any]] = {}
    for cl in sorted(claims, key=claim_key):
        speaker = cl.get("speaker") or {}
        text = c.squash(speaker.get("text")) or "unnamed speaker"
        ent_id = speaker.get("entity")
        ent = entities.get(str(ent_id)) if ent_id is not None else None
        key = f"e:{ent_id}" if ent is not None else f"t:{text.lower()}"
        group = groups.setdefault(
            key, {"speaker": c.squash(ent.get("name")) if ent else text, "as": [], "items": []}
        )
        if text != group["speaker"] and text not in group["as"]:
            group["as"].append(text)
        event = events.get(str(cl.get("event"))) if cl.get("event") is not None else None
        group["items"].append(
            {
                "cue": c.squash(cl.get("cue")),
                "content": c.squash(cl.get("content")),
                "outlet": label(cl.get("article")),
                "stance": c.squash(cl.get("stance")),
                "event": c.fmt_type(event) if event else "",
            }
        )
    return list(groups.values())


# --------------------------------------------------------------------------- markdown

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def md(text: Any) -> str:
    """Article text made inert in Markdown: no emphasis, links, raw HTML or table breaks."""
    return _MD_SPECIAL.sub(r"\\\1", c.squash(str(text)))


def _render_md(view: Mapping[str, Any]) -> str:
    out: list[str] = [f"# {md(view['title'])}", ""]
    out.append(
        f"Story `{view['story_id']}` · {len(view['outlets'])} report(s) from {view['n_outlets']} outlet(s)"
    )
    out += ["", "## Reports", "", "| Outlet | Published | Updated | Title |", "|---|---|---|---|"]
    for o in view["outlets"]:
        out.append(f"| {md(o['label'])} | {md(o['published'])} | {md(o['updated'])} | {md(o['title'])} |")

    out += ["", "## Main event", ""]
    main = view["main"]
    out.append(md(event_line(main)) if main else "No main event identified.")
    if main and main["sources"]:
        out.append(f"Reported by: {md('; '.join(main['sources']))}")

    if view["facts"]:
        out += ["", "## Facts — disagreements first", ""]
        out += ["| Attribute | Status | Value | Sources |", "|---|---|---|---|"]
        for f in view["facts"]:
            status = f["status"].upper() if f["status"] in ("conflict", "superseded") else f["status"]
            out.append(f"| {md(f['attribute'])} | {status} | {md(f['value'])} | {len(f['reports'])} |")
        for f in view["facts"]:
            out += ["", f"### {md(f['attribute'])} — {f['status']}: {md(f['value'])}", ""]
            if f["note"]:
                out += [f"*{md(f['note'])}*", ""]
            for r in f["reports"]:
                extra = []
                if r["attributed_to"]:
                    extra.append(f"attributed to {md(r['attributed_to'])}")
                if r["certainty"]:
                    extra.append(f"certainty {md(r['certainty'])}")
                tail = f" ({'; '.join(extra)})" if extra else ""
                out.append(f"- **{md(r['outlet'])}**: {md(r['value'])}{tail}")
                if r["sentence"]:
                    out.append(f"  > {md(r['sentence'])}")

    if view["claims"]:
        out += ["", "## Claims by speaker", ""]
        for g in view["claims"]:
            also = f" (as “{md('”, “'.join(g['as']))}”)" if g["as"] else ""
            out.append(f"- **{md(g['speaker'])}**{also}")
            for it in g["items"]:
                stance = f" ({md(it['stance'])})" if it["stance"] and it["stance"] != "assert" else ""
                out.append(f"  - {md(it['cue'])}: “{md(it['content'])}” — {md(it['outlet'])}{stance}")

    for key, heading in (("background", "Background events"), ("other_events", "Other events")):
        if view[key]:
            out += ["", f"## {heading}", ""]
            for ev in view[key]:
                disputed = (
                    f" — sources disagree on {md(', '.join(ev['conflicts']))}" if ev["conflicts"] else ""
                )
                out.append(f"- {md(event_line(ev))} ({md('; '.join(ev['sources']))}){disputed}")

    if view["duplicates"]:
        out += ["", "## Copies (syndicated or near-duplicate reports)", ""]
        for group in view["duplicates"]:
            out.append(f"- {md(' = '.join(group))}")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- html

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}
th{background:#f3f3f3}
.conflict{background:#fde2e2}.superseded{background:#fff1d6}.single_source{background:#eef3fb}
.consensus{background:#e7f6e7}
q{font-style:italic;color:#444}
.meta{color:#666}
"""


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _render_html(view: Mapping[str, Any]) -> str:
    p: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{_e(view['title'])}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{_e(view['title'])}</h1>",
        f'<p class="meta">Story <code>{_e(view["story_id"])}</code> · {len(view["outlets"])} report(s) '
        f"from {view['n_outlets']} outlet(s)</p>",
        "<h2>Reports</h2><table><tr><th>Outlet</th><th>Published</th><th>Updated</th><th>Title</th></tr>",
    ]
    for o in view["outlets"]:
        title = _e(o["title"])
        if o["url"] and str(o["url"]).lower().startswith(("http://", "https://")):
            title = f'<a href="{_e(o["url"])}" rel="noopener noreferrer">{title or _e(o["url"])}</a>'
        p.append(
            f"<tr><td>{_e(o['label'])}</td><td>{_e(o['published'])}</td><td>{_e(o['updated'])}</td>"
            f"<td>{title}</td></tr>"
        )
    p.append("</table><h2>Main event</h2>")
    main = view["main"]
    p.append(
        f"<p><strong>{_e(event_line(main))}</strong></p>" if main else "<p>No main event identified.</p>"
    )
    if main and main["sources"]:
        p.append(f'<p class="meta">Reported by: {_e("; ".join(main["sources"]))}</p>')

    if view["facts"]:
        p.append(
            "<h2>Facts — disagreements first</h2><table><tr><th>Attribute</th><th>Status</th><th>Value</th>"
            "<th>Outlet</th><th>Source's value</th><th>Attributed to</th><th>Certainty</th><th>Sentence</th></tr>"
        )
        for f in view["facts"]:
            cls = _e(f["status"])
            n = max(1, len(f["reports"]))
            head = (
                f'<td rowspan="{n}">{_e(f["attribute"])}</td><td rowspan="{n}">{_e(f["status"])}</td>'
                f'<td rowspan="{n}">{_e(f["value"])}'
                + (f'<br><small>{_e(f["note"])}</small>' if f["note"] else "")
                + "</td>"
            )
            for i, r in enumerate(f["reports"] or [None]):
                cells = (
                    f"<td>{_e(r['outlet'])}</td><td>{_e(r['value'])}</td><td>{_e(r['attributed_to'])}</td>"
                    f"<td>{_e(r['certainty'])}</td><td><q>{_e(r['sentence'])}</q></td>"
                    if r
                    else "<td></td>" * 5
                )
                p.append(f'<tr class="{cls}">{head if i == 0 else ""}{cells}</tr>')
        p.append("</table>")

    if view["claims"]:
        p.append("<h2>Claims by speaker</h2><ul>")
        for g in view["claims"]:
            also = f' <span class="meta">(as {_e(", ".join(g["as"]))})</span>' if g["as"] else ""
            p.append(f"<li><strong>{_e(g['speaker'])}</strong>{also}<ul>")
            for it in g["items"]:
                stance = (
                    f' <span class="meta">({_e(it["stance"])})</span>'
                    if it["stance"] not in ("", "assert")
                    else ""
                )
                p.append(f"<li>{_e(it['cue'])}: <q>{_e(it['content'])}</q> — {_e(it['outlet'])}{stance}</li>")
            p.append("</ul></li>")
        p.append("</ul>")

    for key, heading in (("background", "Background events"), ("other_events", "Other events")):
        if view[key]:
            p.append(f"<h2>{heading}</h2><ul>")
            for ev in view[key]:
                disputed = (
                    f" — sources disagree on {_e(', '.join(ev['conflicts']))}" if ev["conflicts"] else ""
                )
                p.append(
                    f'<li>{_e(event_line(ev))} <span class="meta">({_e("; ".join(ev["sources"]))})</span>{disputed}</li>'
                )
            p.append("</ul>")

    if view["duplicates"]:
        p.append("<h2>Copies (syndicated or near-duplicate reports)</h2><ul>")
        p += [f"<li>{_e(' = '.join(group))}</li>" for group in view["duplicates"]]
        p.append("</ul>")
    p.append("</body></html>")
    return "\n".join(p) + "\n"


# --------------------------------------------------------------------------- public API


def render(record: Mapping[str, Any], fmt: str = "md") -> str:
    """A brief of one story record (``Store.story_record``) as ``md``, ``html`` or ``json``."""
    if fmt == "json":
        return json.dumps(record, indent=2, ensure_ascii=False, default=str) + "\n"
    if fmt == "md":
        return _render_md(build_view(record))
    if fmt == "html":
        return _render_html(build_view(record))
    raise ConfigError(f"unknown brief format {fmt!r}; choose one of {', '.join(FORMATS)}")


_STATUS_STYLE = {
    "conflict": "bold red",
    "superseded": "yellow",
    "single_source": "cyan",
    "consensus": "green",
}


def render_terminal(record: Mapping[str, Any]) -> Any:
    """The brief as a rich renderable for ``Console.print``.

    Built only from ``rich.text.Text`` and ``Table`` objects: article text is never parsed as
    console markup, so a title like ``[bold]x[/bold]`` prints literally.
    """
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    view = build_view(record)
    T = Text  # plain text: no markup parsing, ever
    parts: list[Any] = [
        T(view["title"], style="bold underline"),
        T(
            f"story {view['story_id']} · {len(view['outlets'])} report(s) from {view['n_outlets']} outlet(s)",
            style="dim",
        ),
    ]
    reports = Table(title=T("Reports"), title_justify="left", expand=True)
    for col in ("Outlet", "Published", "Updated", "Title"):
        reports.add_column(col)
    for o in view["outlets"]:
        reports.add_row(T(o["label"]), T(o["published"]), T(o["updated"]), T(o["title"]))
    parts.append(reports)

    main = view["main"]
    parts.append(T.assemble(("Main event: ", "bold"), T(event_line(main)) if main else T("none identified")))

    if view["facts"]:
        facts = Table(
            title=T("Facts — disagreements first"), title_justify="left", expand=True, show_lines=True
        )
        for col in (
            "Attribute",
            "Status",
            "Value",
            "Outlet",
            "Says",
            "Attributed to",
            "Certainty",
            "Sentence",
        ):
            # Attribute and status must stay legible on a narrow terminal; the sentence takes the rest.
            facts.add_column(
                col, ratio=3 if col == "Sentence" else 1, min_width=13 if col == "Status" else None
            )
        for f in view["facts"]:
            style = _STATUS_STYLE.get(f["status"], "")
            for i, r in enumerate(f["reports"]):
                facts.add_row(
                    T(f["attribute"] if i == 0 else ""),
                    T(f["status"] if i == 0 else "", style=style),
                    T((f["value"] + (f"\n{f['note']}" if f["note"] else "")) if i == 0 else ""),
                    T(r["outlet"]),
                    T(r["value"]),
                    T(r["attributed_to"]),
                    T(r["certainty"]),
                    T(f"“{r['sentence']}”" if r["sentence"] else "", style="italic"),
                )
        parts.append(facts)

    if view["claims"]:
        parts.append(T("Claims by speaker", style="bold"))
        for g in view["claims"]:
            head = T.assemble("• ", (g["speaker"], "bold"))
            if g["as"]:
                head.append(f" (as {', '.join(g['as'])})", style="dim")
            parts.append(head)
            for it in g["items"]:
                line = T(f"    {it['cue']}: “{it['content']}” — {it['outlet']}")
                if it["stance"] not in ("", "assert"):
                    line.append(f" ({it['stance']})", style="dim")
                parts.append(line)

    for key, heading in (("background", "Background events"), ("other_events", "Other events")):
        if view[key]:
            parts.append(T(heading, style="bold"))
            for ev in view[key]:
                line = T(f"• {event_line(ev)} ({'; '.join(ev['sources'])})")
                if ev["conflicts"]:
                    line.append(f" — sources disagree on {', '.join(ev['conflicts'])}", style="red")
                parts.append(line)

    if view["duplicates"]:
        parts.append(T("Copies (syndicated or near-duplicate reports)", style="bold"))
        parts += [T(f"• {' = '.join(group)}") for group in view["duplicates"]]
    return Group(*parts)
