"""End to end through the command line: run, ingest twice, bad input, export, show, count."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from wirecheck.cli import cli
from wirecheck.store import open_store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SPEC_KEYS = {"articles", "stories", "events", "entities", "claims"}


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.fixture(scope="module")
def example_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("ex") / "ex.db"
    result = invoke("run", str(EXAMPLES), "--db", str(db))
    assert result.exit_code == 0, result.output
    return db


def test_run_examples_prints_briefs(example_db: Path) -> None:
    data = json.loads(invoke("export", "--db", str(example_db), "--format", "json").stdout)
    assert set(data) == SPEC_KEYS
    assert data["stories"], "the examples form stories"
    # fewer stories than articles: reports of one event are grouped
    assert len(data["stories"]) < len(data["articles"])
    event = data["events"][0]
    for key in ("id", "story", "event_type", "sub_event_type", "background", "date", "location",
                "actors", "fatalities", "injured", "facts", "reports"):
        assert key in event
    for fact in (f for e in data["events"] for f in e["facts"]):
        assert fact["status"] in {"consensus", "conflict", "single_source", "superseded"}
        for report in fact["reports"]:
            assert set(report) >= {"article", "value", "sentence", "span", "attributed_to", "certainty"}


def test_examples_keep_a_disagreement(example_db: Path) -> None:
    data = json.loads(invoke("export", "--db", str(example_db)).stdout)
    statuses = {f["status"] for e in data["events"] for f in e["facts"]}
    assert statuses & {"conflict", "superseded"}, statuses


def test_ingest_twice_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "twice.db"
    assert invoke("ingest", str(EXAMPLES), "--db", str(db)).exit_code == 0
    store = open_store(str(db))
    before = store.table_counts()
    store.close()
    result = invoke("ingest", str(EXAMPLES), "--db", str(db))
    assert result.exit_code == 0
    assert "0 stored" in result.output
    store = open_store(str(db))
    assert store.table_counts() == before
    store.close()


def test_bad_input_is_named_and_the_rest_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text(
        "Flood kills three in river town\n\nFlood waters killed three people in the town of Kosti on "
        "Monday, local officials said. Two others were injured when a bridge collapsed.\n",
        encoding="utf-8",
    )
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (folder / "latin.txt").write_bytes("caf\xe9 \xe0 la cr\xe8me".encode("latin-1") + b"\xff\xfe\x00")
    (folder / "nomain.html").write_text("<html><head><title>x</title></head><body></body></html>")
    (folder / "lines.jsonl").write_text(
        json.dumps({"text": "Police arrested two men after a shooting in Dayton, Ohio, on Friday.",
                    "title": "Two arrested"}) + "\n{not json\n",
        encoding="utf-8",
    )
    db = tmp_path / "mixed.db"
    result = invoke("ingest", str(folder), "--db", str(db))
    assert result.exit_code == 1
    out = result.output
    for name in ("empty.txt", "binary.txt", "latin.txt", "nomain.html", "lines.jsonl:2"):
        assert name in out, (name, out)
    assert "2 stored" in out
    store = open_store(str(db))
    assert store.table_counts()["articles"] == 2
    store.close()


def test_oversize_article_is_skipped(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Word " * 500, encoding="utf-8")
    result = invoke("ingest", str(big), "--db", str(tmp_path / "b.db"), "--max-bytes", "100")
    assert result.exit_code == 1
    assert "big.txt" in result.output


def test_wrong_command_line_exits_2() -> None:
    assert invoke("ingest").exit_code == 2
    assert invoke("export", "--format", "xml").exit_code == 2
    assert invoke("no-such-command").exit_code == 2


def test_stdin(tmp_path: Path) -> None:
    text = "Gunmen kidnapped four aid workers near Goma on Sunday, the United Nations said.\n"
    result = invoke("ingest", "-", "--db", str(tmp_path / "in.db"), "--source", "Desk", input=text)
    assert result.exit_code == 0, result.output
    data = json.loads(invoke("export", "--db", str(tmp_path / "in.db")).stdout)
    assert data["articles"][0]["source"] == "Desk"


def test_csv_and_acled_exports(example_db: Path, tmp_path: Path) -> None:
    data = json.loads(invoke("export", "--db", str(example_db)).stdout)
    out = tmp_path / "acled.csv"
    assert invoke("export", "--db", str(example_db), "--format", "acled", "--out", str(out)).exit_code == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0][0] == "event_id_cnty" and rows[0][-1] == "timestamp" and len(rows[0]) == 31
    assert len(rows) - 1 == len(data["events"])
    flat = invoke("export", "--db", str(example_db), "--format", "csv").stdout
    assert len(list(csv.reader(io.StringIO(flat)))) - 1 == len(data["events"])


def test_show_brief_stories_and_counts(example_db: Path) -> None:
    listing = json.loads(invoke("stories", "--db", str(example_db), "--json").stdout)
    assert listing
    story_id = listing[0]["id"]
    record = json.loads(invoke("show", "story", story_id, "--db", str(example_db)).stdout)
    assert record["story"]["id"] == story_id
    md = invoke("brief", story_id, "--db", str(example_db)).output
    assert md.strip()
    html = invoke("brief", story_id, "--db", str(example_db), "--format", "html").output
    assert "<html" in html.lower()
    missing = invoke("show", "story", "s-nope", "--db", str(example_db))
    assert missing.exit_code == 1 and "not found" in missing.output
    total = int(invoke("count", "--db", str(example_db)).stdout)
    listed = json.loads(invoke("events", "--db", str(example_db), "--json").stdout)
    assert total == len(listed) >= 1


def test_copy_of_an_article_under_a_new_name_is_unchanged(tmp_path: Path) -> None:
    src = next(EXAMPLES.glob("*.txt"))
    db = tmp_path / "c.db"
    assert invoke("ingest", str(src), "--db", str(db)).exit_code == 0
    copy = tmp_path / "copy.txt"
    shutil.copy(src, copy)
    result = invoke("ingest", str(copy), "--db", str(db))
    assert "0 stored" in result.output and "1 unchanged" in result.output
