"""Briefs and exports, on a small invented story built by hand in the store's dict shapes."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from rich.console import Console

from wirecheck.errors import ConfigError
from wirecheck.outputs import acled, brief, export

ACLED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
    "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
    "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
    "tags,timestamp"
)


def _article(art_id: str, source: str, title: str, published: str, seq: int, sentences: list[str]) -> dict:
    text, spans, pos = "", [], 0
    for i, s in enumerate(sentences):
        if i:
            text += " "
            pos += 1
        spans.append({"index": i, "start": pos, "end": pos + len(s)})
        text += s
        pos += len(s)
    return {
        "id": art_id,
        "source": source,
        "title": title,
        "published": published,
        "url": f"https://example.org/{art_id}",
        "section": None,
        "updated": None,
        "text": text,
        "captions": [],
        "sentences": spans,
        "seq": seq,
        "ingested_at": "2024-03-02T13:00:00",
    }


def _span(article: dict, index: int) -> list[int]:
    s = article["sentences"][index]
    return [s["start"], s["end"]]


@pytest.fixture()
def record() -> dict:
    a = _article(
        "a1",
        "Harbor Times",
        "<script>alert(1)</script> Market shelled in Kharkiv",
        "2024-03-02T08:00:00",
        1,
        [
            "Shelling struck a market in Kharkiv on Saturday, killing three people, governor Ivan Oleskiv said.",
            "Five others were wounded <b>badly</b> [bold]inside[/bold] the market | hall.",
            "Last month a drone strike hit the city's power station.",
        ],
    )
    b = _article(
        "b2",
        "Valley Wire",
        "Deadly shelling in Kharkiv",
        "2024-03-02T08:30:00",
        2,
        [
            "At least seven people were killed when shells hit a market in Kharkiv, police said.",
            "Five people were injured, police spokesperson Marta Dovbenko said.",
            "A defence ministry spokesperson denied that its forces fired.",
        ],
    )
    fat_reports = [
        {
            "article": "a1",
            "value": {"low": 3, "best": 3, "high": 3},
            "sentence": 0,
            "span": _span(a, 0),
            "attributed_to": "governor Ivan Oleskiv",
            "certainty": "asserted",
        },
        {
            "article": "b2",
            "value": {"low": 7, "best": 7, "high": None},
            "sentence": 0,
            "span": _span(b, 0),
            "attributed_to": "police",
            "certainty": "asserted",
        },
    ]
    inj_reports = [
        {
            "article": "a1",
            "value": {"low": 5, "best": 5, "high": 5},
            "sentence": 1,
            "span": _span(a, 1),
            "attributed_to": None,
            "certainty": "asserted",
        },
        {
            "article": "b2",
            "value": {"low": 5, "best": 5, "high": 5},
            "sentence": 1,
            "span": _span(b, 1),
            "attributed_to": "police spokesperson Marta Dovbenko",
            "certainty": "asserted",
        },
    ]
    location = {
        "name": "Kharkiv",
        "country": "Ukraine",
        "iso": "UA",
        "admin1": "Kharkiv Oblast",
        "lat": 49.98,
        "lon": 36.25,
        "precision": 1,
        "detail": "market",
    }
    main = {
        "id": "ev1",
        "story": "s1",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "background": False,
        "date": {"value": "2024-03-02", "text": "Saturday", "precision": "day"},
        "location": location,
        "actors": [
            {"role": "perpetrator", "entity": "n1", "name": "Ruritanian army", "status": "alleged"},
            {"role": "target", "entity": None, "name": "civilians", "status": "confirmed"},
        ],
        "fatalities": {"low": 3, "best": 7, "high": None},
        "injured": {"low": 5, "best": 5, "high": 5},
        "facts": [
            {
                "attribute": "injured",
                "status": "consensus",
                "value": {"low": 5, "best": 5, "high": 5},
                "reports": inj_reports,
            },
            {
                "attribute": "location",
                "status": "single_source",
                "value": location,
                "reports": [
                    {
                        "article": "a1",
                        "value": location,
                        "sentence": 0,
                        "span": _span(a, 0),
                        "attributed_to": None,
                        "certainty": "asserted",
                    }
                ],
            },
            {
                "attribute": "fatalities",
                "status": "conflict",
                "value": {"low": 3, "best": None, "high": None},
                "reports": fat_reports,
            },
        ],
        "reports": [
            {"article": "a1", "sentence": 0, "span": _span(a, 0)},
            {"article": "b2", "sentence": 0, "span": _span(b, 0)},
        ],
    }
    background = {
        "id": "ev2",
        "story": "s1",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "background": True,
        "date": {"value": "2024-02", "text": "Last month", "precision": "month"},
        "location": location | {"detail": None},
        "actors": [],
        "fatalities": None,
        "injured": None,
        "facts": [],
        "reports": [{"article": "a1", "sentence": 2, "span": _span(a, 2)}],
    }
    claims = [
        {
            "id": "a1:c0",
            "article": "a1",
            "speaker": {"entity": "p1", "text": "governor Ivan Oleskiv"},
            "cue": "said",
            "content": "killing three people",
            "sentence": 0,
            "span": _span(a, 0),
            "stance": "assert",
            "event": "ev1",
        },
        {
            "id": "b2:c1",
            "article": "b2",
            "speaker": {"entity": None, "text": "A defence ministry spokesperson"},
            "cue": "denied",
            "content": "that its forces fired",
            "sentence": 2,
            "span": _span(b, 2),
            "stance": "deny",
            "event": "ev1",
        },
        {
            "id": "b2:c0",
            "article": "b2",
            "speaker": {"entity": "p2", "text": "police spokesperson Marta Dovbenko"},
            "cue": "said",
            "content": "Five people were injured",
            "sentence": 1,
            "span": _span(b, 1),
            "stance": "assert",
            "event": "ev1",
        },
    ]
    return {
        "story": {
            "id": "s1",
            "title": "<script>alert(1)</script> Market shelled in Kharkiv",
            "articles": ["a1", "b2"],
            "main_event": "ev1",
            "events": ["ev1", "ev2"],
            "duplicates": [],
        },
        "articles": [b, a],  # deliberately not in report order
        "events": [main, background],
        "entities": [
            {"id": "p1", "type": "PERSON", "name": "Ivan Oleskiv", "aliases": ["Oleskiv"]},
            {"id": "p2", "type": "PERSON", "name": "Marta Dovbenko", "aliases": []},
            {"id": "n1", "type": "ORG", "name": "Ruritanian army", "aliases": []},
        ],
        "claims": claims,
    }


def _export_data(record: dict) -> dict:
    keep = ("id", "source", "title", "published", "url", "section", "updated")
    return {
        "articles": [{k: a[k] for k in keep} for a in record["articles"]],
        "stories": [record["story"]],
        "events": record["events"],
        "entities": record["entities"],
        "claims": record["claims"],
    }


# --------------------------------------------------------------------------- brief


def test_md_brief_puts_disagreements_first(record: dict) -> None:
    out = brief.render(record, "md")
    assert out.startswith("# ")
    conflict, single, consensus = (out.index(f"### {a}") for a in ("fatalities", "location", "injured"))
    assert conflict < single < consensus
    # the one-line main event: type, place, date, perpetrator with status, killed as a range
    assert "Shelling/artillery/missile attack · Kharkiv, Kharkiv Oblast, Ukraine (market) · 2024-03-02" in out
    assert "Ruritanian army (alleged)" in out
    assert "killed 7 (3–∞)" in out
    # every source's value and the sentence taken from the article text by its span
    assert "**Valley Wire**: 7 (7–∞) (attributed to police; certainty asserted)" in out
    assert "> At least seven people were killed when shells hit a market in Kharkiv, police said." in out
    # report order: published time, not the order the record lists them
    assert out.index("| Harbor Times |") < out.index("| Valley Wire |")


def test_md_brief_groups_claims_and_lists_background(record: dict) -> None:
    out = brief.render(record, "md")
    claims = out[out.index("## Claims by speaker") :]
    assert "**Ivan Oleskiv** (as “governor Ivan Oleskiv”)" in claims
    assert "denied: “that its forces fired” — Valley Wire (deny)" in claims
    bg = out[out.index("## Background events") :]
    assert "Air/drone strike" in bg and "2024-02 (month)" in bg


def test_md_brief_neutralises_markup_in_article_text(record: dict) -> None:
    out = brief.render(record, "md")
    assert "<script>" not in out and "<b>" not in out
    assert "\\<script\\>" in out
    assert "market \\| hall" in out  # a pipe cannot break the table


def test_html_escapes_titles_and_article_text(record: dict) -> None:
    page = brief.render(record, "html")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>badly</b>" not in page and "&lt;b&gt;badly&lt;/b&gt;" in page
    # disagreements first in HTML as well
    assert page.index('class="conflict"') < page.index('class="consensus"')


def test_json_brief_is_the_record(record: dict) -> None:
    assert json.loads(brief.render(record, "json")) == record


def test_unknown_brief_format() -> None:
    with pytest.raises(ConfigError, match="md, html, json"):
        brief.render({}, "pdf")


def test_terminal_brief_prints_markup_literally(record: dict) -> None:
    console = Console(record=True, width=200, color_system=None)
    console.print(brief.render_terminal(record))
    text = console.export_text()
    assert "[bold]inside[/bold]" in text
    assert "<script>alert(1)</script>" in text  # a terminal has no HTML to escape
    facts = text[text.index("Facts — disagreements first") :]
    assert facts.index("conflict") < facts.index("consensus")


def test_brief_of_empty_record() -> None:
    out = brief.render({"story": {"id": "s9"}, "articles": [], "events": [], "entities": [], "claims": []})
    assert "No main event identified." in out


# --------------------------------------------------------------------------- exports


def test_json_export_has_exactly_the_five_keys(record: dict) -> None:
    buf = io.StringIO()
    data = _export_data(record) | {"extra": 1}
    export.write(data, "json", buf)
    got = json.loads(buf.getvalue())
    assert list(got) == ["articles", "stories", "events", "entities", "claims"]
    assert got["events"] == record["events"]


def test_csv_export_one_row_per_event(record: dict) -> None:
    buf = io.StringIO()
    export.write(_export_data(record), "csv", buf)
    rows = list(csv.reader(io.StringIO(buf.getvalue())))
    assert tuple(rows[0]) == export.CSV_COLUMNS
    assert len(rows) == 1 + len(record["events"])
    main = dict(zip(rows[0], rows[1], strict=True))
    assert main["conflicts"] == "fatalities"
    assert main["perpetrators"] == "Ruritanian army (alleged)"
    assert (main["fatalities_low"], main["fatalities_best"], main["fatalities_high"]) == ("3", "7", "")
    assert main["n_reports"] == "2" and main["n_sources"] == "2"
    assert main["sources"] == "Harbor Times; Valley Wire"


def test_acled_export_header_and_rows(record: dict) -> None:
    buf = io.StringIO()
    export.write(_export_data(record), "acled", buf, now=1_700_000_000)
    lines = buf.getvalue().splitlines()
    assert lines[0] == ACLED_HEADER
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert len(rows) == len(record["events"])
    main, bg = rows
    assert main["event_date"] == "2024-03-02" and main["year"] == "2024" and main["time_precision"] == "1"
    assert main["disorder_type"] == "Political violence"
    assert main["actor1"] == "Ruritanian army" and main["inter1"] == "1"
    assert main["actor2"] == "civilians" and main["interaction"] == "17"
    assert main["civilian_targeting"] == "Civilian targeting"
    assert main["iso"] == "804" and main["region"] == "Europe" and main["geo_precision"] == "1"
    assert main["source"] == "Harbor Times; Valley Wire"
    assert main["fatalities"] == "7" and main["timestamp"] == "1700000000"
    assert main["event_id_cnty"] == "UKR-ev1"
    assert main["notes"].startswith(
        "On 2 March 2024, a shelling/artillery/missile attack by Ruritanian army (alleged)"
    )
    assert (
        "killed at least 3 (best estimate 7)" in main["notes"] and "disagree on fatalities" in main["notes"]
    )
    assert main["notes"].count(".") == 1
    # a month-precision date goes to the middle of the month, as ACLED codes it
    assert bg["event_date"] == "2024-02-15" and bg["time_precision"] == "3"
    assert bg["actor1"] == "Unidentified Armed Group (Ukraine)" and bg["fatalities"] == "0"


def test_acled_columns_come_from_data() -> None:
    assert ",".join(acled.COLUMNS) == ACLED_HEADER
    assert len(acled.COLUMNS) == 31


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ({"value": "2024-01-04T10:00:00", "precision": "day"}, ("2024-01-04", 1)),
        ({"value": "2024-W01", "precision": "week"}, ("2024-01-04", 2)),
        ({"value": "2023", "precision": "year"}, ("2023-07-01", 3)),
        ({"value": None, "text": "Thursday", "precision": "unknown"}, ("", None)),
    ],
)
def test_acled_dates(date: dict, expected: tuple) -> None:
    assert acled.acled_date(date) == expected


def test_csv_cells_cannot_start_formulas(record: dict) -> None:
    data = _export_data(record)
    data["events"][0]["location"] = data["events"][0]["location"] | {"name": "=HYPERLINK(1)"}
    buf = io.StringIO()
    export.write(data, "csv", buf)
    assert re.search(r",'=HYPERLINK\(1\),", buf.getvalue())


def test_unknown_export_format(record: dict) -> None:
    with pytest.raises(ConfigError, match="json, csv, acled"):
        export.write(_export_data(record), "xml", io.StringIO())


def test_rich_markdown_of_the_brief_keeps_article_text_literal(record: dict) -> None:
    # The CLI prints the md brief through rich.markdown on a terminal: no markup may leak through.
    from rich.markdown import Markdown

    console = Console(record=True, width=200, color_system=None)
    console.print(Markdown(brief.render(record, "md")))
    text = console.export_text()
    assert "[bold]inside[/bold] the market | hall" in text
    assert "<script>alert(1)</script>" in text


def test_brief_lists_copies(record: dict) -> None:
    c3 = record["articles"][0] | {"id": "c3", "source": "Coast Ledger", "seq": 3}
    record["articles"].append(c3)
    record["story"]["duplicates"] = [["b2", "c3"]]
    out = brief.render(record, "md")
    assert "## Copies" in out and "- Valley Wire = Coast Ledger" in out
    assert "3 report(s) from 3 outlet(s)" in out


def test_brief_says_why_a_value_matches_no_report(record: dict) -> None:
    from wirecheck.outputs._common import fact_note

    main = record["events"][0]
    fatal = next(f for f in main["facts"] if f["attribute"] == "fatalities")
    assert fact_note(fatal).startswith("Reports of the same time disagree")
    # wounded who died: the injured value lies below every report's
    injured = {
        "attribute": "injured",
        "status": "superseded",
        "value": {"low": 3, "best": 3, "high": None},
        "reports": [{"value": {"low": 6, "best": 6, "high": None}}, {"value": {"low": 5, "best": 5, "high": 5}}],
    }
    assert "later died are counted once" in fact_note(injured)
    injured["value"] = {"low": 5, "best": 5, "high": 5}
    assert fact_note(injured).startswith("A later report's figure replaces")
    assert fact_note({"attribute": "location", "status": "consensus", "value": {}, "reports": []}) == ""
    out = brief.render(record, "md")
    assert "*Reports of the same time disagree" in out
    assert "Reports of the same time disagree" in brief.render(record, "html")
