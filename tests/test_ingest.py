"""wirecheck.ingest: formats, folders, globs, stdin, and one Problem per bad input."""

from __future__ import annotations

import gzip
import io
import json
import shutil
from pathlib import Path

import pytest

from wirecheck.errors import ConfigError
from wirecheck.ingest import iter_documents, normalize_published
from wirecheck.models import Problem, RawDocument
from wirecheck.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = FIXTURES / "good"
BAD = FIXTURES / "bad"


def read(*paths: str | Path, settings: Settings | None = None, **kwargs) -> list[RawDocument | Problem]:
    return list(iter_documents([str(p) for p in paths], settings or Settings(), **kwargs))


def docs(items: list) -> list[RawDocument]:
    return [i for i in items if isinstance(i, RawDocument)]


def problems(items: list) -> list[Problem]:
    return [i for i in items if isinstance(i, Problem)]


def one_problem(path: Path | str, **kwargs) -> Problem:
    items = read(path, **kwargs)
    assert len(items) == 1 and isinstance(items[0], Problem), items
    return items[0]


# ---------------------------------------------------------------------------- formats


def test_text_header_block_gives_metadata_and_is_removed():
    (doc,) = read(GOOD / "report.txt")
    assert doc.source == "Coastline Herald"
    assert doc.published == "2025-02-03T07:45:00Z"
    assert doc.url == "https://coastline.example/world/ferry-fire"
    assert doc.text.startswith("World\n")
    assert "Source:" not in doc.text
    assert doc.origin.endswith("report.txt")


def test_text_without_header_is_kept_whole():
    (doc,) = read(GOOD / "plain.txt")
    assert doc.source is None and doc.published is None
    assert doc.text.startswith("Flooding cut the main road")


def test_header_lookalike_in_body_is_not_a_header(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "Source: a ministry official said the count would rise.\nMore text.\n\nSecond paragraph.\n"
    )
    (doc,) = read(path)
    assert doc.source is None
    assert doc.text.startswith("Source: a ministry official")


def test_unreadable_header_date_is_kept_as_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Published: last Tuesday\n\nBody text here.\n")
    (doc,) = read(path)
    assert doc.published is None
    assert doc.metadata["published_text"] == "last Tuesday"


def test_html_is_kept_raw_for_clean():
    (doc,) = read(GOOD / "page.html")
    assert doc.text is None
    assert doc.html.lstrip().startswith("<!DOCTYPE html>")
    assert doc.metadata["format"] == "html"


def test_jsonl_records():
    items = read(GOOD / "articles.jsonl")
    assert [d.origin[-2:] for d in items] == [":1", ":2"]
    first = items[0]
    assert first.title == "Fuel protest in Accra"
    assert first.source == "Gulf Coast Daily"
    assert first.url == "https://example.org/a1"
    assert first.published == "2025-02-04"
    assert first.metadata["id"] == "a1"  # other fields travel in metadata


def test_jsonl_gz(tmp_path):
    path = tmp_path / "articles.jsonl.gz"
    path.write_bytes(gzip.compress((GOOD / "articles.jsonl").read_bytes()))
    assert [d.title for d in docs(read(path))] == ["Fuel protest in Accra", "Landslide near Bukavu"]


def test_corrupt_gzip_is_a_problem(tmp_path):
    path = tmp_path / "articles.jsonl.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage")
    assert "gzip" in one_problem(path).reason


def test_json_field_names_from_settings():
    fields = {"text": "body", "title": "headline", "url": "link", "source": "outlet", "published": "date"}
    settings = Settings(json_fields=fields)
    items = read(GOOD / "mapped" / "renamed.json", settings=settings)
    assert [d.origin.rsplit("#", 1)[1] for d in items] == ["1", "2"]
    assert items[0].text.startswith("Two people were injured")
    assert items[0].title == "Gas blast in Lusaka"
    assert items[0].source == "Zambezi Post"
    assert items[0].url == "https://example.org/r1"
    assert items[1].published == "2025-01-31T09:00:00+02:00"


def test_json_without_mapping_reports_missing_text():
    items = read(GOOD / "mapped" / "renamed.json")
    assert all(isinstance(i, Problem) for i in items) and len(items) == 2
    assert "missing 'text' field" in items[0].reason


def test_json_single_object_and_html_field(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"html": "<html><body><p>x</p></body></html>", "source": "S"}))
    (doc,) = read(path)
    assert doc.text is None and doc.html.startswith("<html>")


def test_rss_entries():
    items = read(GOOD / "feed.rss")
    assert len(items) == 2
    first, second = items
    assert first.origin.endswith("feed.rss#1")
    assert first.source == "Savanna Radio News"
    assert first.title == "Market fire in Arusha"
    assert first.url == "https://savanna.example/news/market-fire"
    assert first.published == "2025-02-03T06:30:00Z"
    assert first.html and "<p>" in first.html and first.metadata["html_fragment"]
    assert second.published == "2025-02-04T11:00:00Z"


def test_atom_entries():
    items = read(GOOD / "feed.atom")
    assert [d.title for d in items] == ["Clinic attacked in Bunia", "Schools reopen in Beni"]
    assert items[0].published == "2025-02-05T08:15:00Z"  # published wins over updated
    assert items[0].html and items[0].source == "Highland Bulletin"
    assert items[1].published == "2025-02-05T09:30:00Z"  # only updated
    assert (
        items[1].text
        == "Schools in Beni reopened on Wednesday after a two-week closure, education officials said."
    )


def test_feed_is_sniffed_without_a_telling_name(tmp_path):
    path = tmp_path / "headlines"
    shutil.copy(GOOD / "feed.rss", path)
    assert len(docs(read(path))) == 2


def test_windows_1252_is_read_when_unambiguous():
    (doc,) = read(GOOD / "cp1252.txt")
    assert doc.metadata["encoding"] == "cp1252"
    assert "“We fled into the forest,”" in doc.text


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes("Rain fell in Nairobi on Monday, officials said.\n".encode("utf-16"))
    (doc,) = read(path)
    assert doc.text.startswith("Rain fell") and doc.metadata["encoding"] == "utf-16"


def test_utf8_bom_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfSource: X\n\nBody text.\n")
    (doc,) = read(path)
    assert doc.source == "X" and doc.text == "Body text.\n"


# ---------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("binary.txt", "binary file"),
        ("empty.txt", "empty file"),
        ("blank.txt", "empty file"),
        ("undecodable.txt", "undecodable"),
        ("notafeed.xml", "not an RSS or Atom feed"),
    ],
)
def test_bad_files_give_one_problem(name, reason):
    problem = one_problem(BAD / name)
    assert problem.origin == str(BAD / name)
    assert reason in problem.reason


def test_undecodable_says_what_was_tried():
    reason = one_problem(BAD / "undecodable.txt").reason
    assert "not UTF-8" in reason and "Windows-1252" in reason and "offset" in reason


def test_over_size_is_refused_before_reading(monkeypatch):
    def no_read(self):
        raise AssertionError("the file was read")

    monkeypatch.setattr(Path, "read_bytes", no_read)
    problem = one_problem(GOOD / "report.txt", settings=Settings(max_bytes=100))
    assert problem.reason.startswith("too large:")
    assert "100-byte limit" in problem.reason


def test_over_size_jsonl_line(tmp_path):
    path = tmp_path / "big.jsonl"
    small = json.dumps({"text": "short"})
    path.write_text(small + "\n" + json.dumps({"text": "x" * 500}) + "\n")
    items = read(path, settings=Settings(max_bytes=100))
    assert isinstance(items[0], RawDocument)
    assert isinstance(items[1], Problem) and items[1].origin.endswith("big.jsonl:2")
    assert "too large" in items[1].reason


def test_malformed_jsonl_line_names_its_line_and_keeps_the_rest():
    items = read(BAD / "malformed.jsonl")
    assert [type(i).__name__ for i in items] == ["RawDocument", "Problem", "RawDocument"]
    assert items[1].origin == f"{BAD / 'malformed.jsonl'}:2"
    assert items[1].reason.startswith("malformed JSON line:")
    assert items[2].origin.endswith(":3")


def test_missing_text_field():
    problem = one_problem(BAD / "missing_text.jsonl")
    assert problem.origin.endswith("missing_text.jsonl:1")
    assert "missing 'text' field" in problem.reason


def test_jsonl_line_that_is_not_an_object(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('["a list"]\n')
    assert "not a JSON object" in one_problem(path).reason


def test_missing_path():
    problem = one_problem("no/such/file.txt")
    assert problem == Problem("no/such/file.txt", "no such file or directory")


def test_mixed_folder_good_files_read_bad_files_one_problem_each(tmp_path):
    from wirecheck.clean import clean_document
    from wirecheck.errors import BadInput

    folder = tmp_path / "batch"
    (folder / "nested").mkdir(parents=True)
    for path in GOOD.iterdir():
        if path.is_file():
            shutil.copy(path, folder / path.name)
    for path in BAD.iterdir():
        shutil.copy(path, folder / "nested" / path.name)

    settings = Settings()
    outcomes: dict[str, list[str]] = {}
    for item in iter_documents([str(folder)], settings):
        if isinstance(item, Problem):
            outcomes.setdefault(item.origin.split(":")[0].split("#")[0], []).append("problem")
            continue
        try:
            clean_document(item, settings)
            result = "article"
        except BadInput:
            result = "problem"
        outcomes.setdefault(item.origin.split(":")[0].split("#")[0], []).append(result)

    names = {Path(k).name: v for k, v in outcomes.items()}
    assert "README.md" not in names and ".hidden.txt" not in names
    for name in ("report.txt", "plain.txt", "page.html", "cp1252.txt"):
        assert names[name] == ["article"], name
    assert names["articles.jsonl"] == ["article", "article"]
    assert names["feed.rss"] == ["article", "article"]
    assert names["feed.atom"] == ["article", "article"]
    for name in (
        "binary.txt",
        "empty.txt",
        "blank.txt",
        "undecodable.txt",
        "notafeed.xml",
        "missing_text.jsonl",
        "nomain.html",
        "truncated.html",
    ):
        assert names[name] == ["problem"], name
    assert names["malformed.jsonl"] == ["article", "problem", "article"]


# ---------------------------------------------------------------------------- folders, globs


def test_folder_order_is_sorted_and_skips_dotfiles_and_readmes():
    origins = [i.origin for i in read(GOOD)]
    files = [o.split(":")[0].split("#")[0] for o in origins]
    assert files == sorted(files)
    assert not any(Path(f).name.startswith(".") for f in files)
    assert not any(f.endswith(".md") for f in files)
    assert any("mapped" in f for f in files)  # recursive


def test_md_file_given_explicitly_is_text():
    (doc,) = read(GOOD / "README.md")
    assert doc.text.startswith("Fixtures for tests")


def test_glob_expands_sorted():
    items = read(f"{GOOD}/*.txt")
    assert [Path(d.origin).name for d in items] == ["cp1252.txt", "plain.txt", "report.txt"]


def test_recursive_glob():
    items = read(f"{GOOD}/**/*.json")
    assert [Path(i.origin.split("#")[0]).name for i in items] == ["renamed.json", "renamed.json"]


def test_glob_without_match():
    problem = one_problem(f"{GOOD}/*.pdf")
    assert problem.reason == "no files match this pattern"


def test_same_file_twice_is_read_once():
    items = read(GOOD / "plain.txt", f"{GOOD}/plain.*")
    assert len(items) == 1


def test_empty_folder(tmp_path):
    assert "folder holds no article files" in one_problem(tmp_path).reason


# ---------------------------------------------------------------------------- stdin


def test_stdin_text():
    stream = io.StringIO("Source: Wire\n\nA bus overturned near Gulu on Monday, police said.\n")
    (doc,) = read("-", stdin=stream)
    assert doc.origin == "<stdin>" and doc.source == "Wire"
    assert doc.text.startswith("A bus overturned")


def test_stdin_jsonl_bytes():
    lines = [json.dumps({"text": f"Report number {n}.", "source": "S"}) for n in range(3)]
    stream = io.BytesIO(("\n".join(lines) + "\n{broken\n").encode())
    items = read("-", stdin=stream)
    assert [type(i).__name__ for i in items] == ["RawDocument"] * 3 + ["Problem"]
    assert items[3].origin == "<stdin>:4"


def test_stdin_jsonl_larger_than_limit_streams_per_line():
    lines = [json.dumps({"text": f"Report number {n} with some words."}) for n in range(20)]
    stream = io.BytesIO(("\n".join(lines) + "\n").encode())
    items = read("-", stdin=stream, settings=Settings(max_bytes=200))
    assert len(docs(items)) == 20


def test_stdin_html_and_binary_and_empty():
    (doc,) = read("-", stdin=io.StringIO("<html><body><p>Hello there.</p></body></html>"))
    assert doc.html is not None
    assert "binary" in one_problem("-", stdin=io.BytesIO(b"\x00\x01\x02abc")).reason
    assert one_problem("-", stdin=io.StringIO("  \n")).reason == "empty input"


# ---------------------------------------------------------------------------- overrides and dates


def test_source_and_published_override_every_document():
    items = read(GOOD / "report.txt", GOOD / "articles.jsonl", source="Desk", published="2024-01-04")
    assert {d.source for d in items} == {"Desk"}
    assert {d.published for d in items} == {"2024-01-04"}


def test_bad_published_argument_raises_at_once():
    with pytest.raises(ConfigError, match="ISO date"):
        iter_documents(["whatever"], Settings(), published="next Tuesday")


@pytest.mark.parametrize(
    ("given", "iso"),
    [
        ("2024-01-04", "2024-01-04"),
        ("2024-01-04T16:03:00Z", "2024-01-04T16:03:00Z"),
        ("2024-01-04 16:03", "2024-01-04T16:03:00"),
        ("2024-01-04T16:03:00+03:00", "2024-01-04T16:03:00+03:00"),
        ("Thu, 04 Jan 2024 16:03:00 GMT", "2024-01-04T16:03:00Z"),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_published(given, iso):
    assert normalize_published(given) == iso
