"""The web UI and HTTP API over an in-memory store (webfixtures) and, when the real store and
pipeline work, over a SQLite store filled from ``examples/``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from webfixtures import XSS_TITLE, FakeStore, fill_real_store
from wirecheck.models import Problem
from wirecheck.settings import Settings
from wirecheck.web import app as web_app
from wirecheck.web import render
from wirecheck.web.app import create_app

TOKEN = "test-token-123"


@pytest.fixture(params=["fake", "sqlite"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    """The same invented reports in the in-memory stand-in and in a real SQLite store."""
    if request.param == "fake":
        return FakeStore()
    try:
        from wirecheck.store import open_store
    except ImportError as exc:
        pytest.skip(f"wirecheck.store not importable yet: {exc}")
    real = open_store(Settings(db=str(tmp_path / "web.db")).db_url)
    fill_real_store(real)
    return real


@pytest.fixture()
def client(store: FakeStore) -> TestClient:
    return TestClient(create_app(Settings(), store=store))


# --------------------------------------------------------------------------- pages


def test_stories_page_lists_newest_first_with_badges(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    html = r.text
    assert html.index("Shelling hits Kherson market") < html.index("&lt;script&gt;")
    assert "1 disagreement" in html
    assert "no disagreement" in html


@pytest.mark.parametrize(
    ("query", "present", "absent"),
    [
        ("q=kherson", "Kherson market", "Lyon"),
        ("country=FR", "alert(1)", "Kherson market"),
        ("event_type=Strategic+developments", "alert(1)", "Kherson market"),
        ("min_killed=4", "Kherson market", "alert(1)"),
        ("date_from=2024-01-01", "Kherson market", "alert(1)"),
        ("date_to=2023-12-31", "alert(1)", "Kherson market"),
    ],
)
def test_stories_filters(client: TestClient, query: str, present: str, absent: str) -> None:
    html = client.get(f"/?{query}").text
    assert present in html
    assert absent not in html


def test_stories_page_bad_filter_values_are_explained_not_500(client: TestClient) -> None:
    r = client.get("/?min_killed=lots&date_from=yesterday&date_to=")
    assert r.status_code == 200
    assert "is not a whole number" in r.text
    assert "is not a date" in r.text


def test_story_page_brief(client: TestClient) -> None:
    r = client.get("/stories/st-kherson")
    assert r.status_code == 200
    html = r.text
    # every fact with a status badge, as text too
    for text in ("status-consensus", "status-conflict", "status-single_source", ">single source<", ">conflict<"):
        assert text in html
    # each source's value beside it, linking to the sentence behind it
    assert 'href="#a-a2bbbbbbbbbbbbbb-s-1"' in html
    assert '<mark id="a-a2bbbbbbbbbbbbbb-s-1"' in html
    assert "≥3" in html and "Harbor Times" in html and "Northern Ledger" in html
    # the timeline says what changed
    assert "(was 5)" in html
    # claims grouped by speaker, background event linked, entity linked
    assert html.count('<div class="speaker">') == 2
    assert 'href="/events/ev-depot"' in html
    assert 'href="/entities/en-tarvin"' in html
    # no tile URL: the marker-only map, and no Leaflet
    assert 'id="map-marker"' in html
    assert "leaflet.js" not in html
    # captions are shown apart from the body text
    assert "Captions (not body text)" in html


def test_story_page_with_tiles_uses_local_leaflet(store: FakeStore) -> None:
    settings = Settings(tile_url="https://{s}.tiles.example/{z}/{x}/{y}.png")
    client = TestClient(create_app(settings, store=store))
    r = client.get("/stories/st-kherson")
    assert '<script src="/static/leaflet/leaflet.js"></script>' in r.text
    assert 'data-tiles="https://{s}.tiles.example/{z}/{x}/{y}.png"' in r.text
    assert "img-src 'self' data: https://*.tiles.example" in r.headers["content-security-policy"]
    assert client.get("/static/leaflet/leaflet.js").status_code == 200
    assert client.get("/static/leaflet/images/marker-icon.png").status_code == 200


@pytest.mark.parametrize(
    "path",
    ["/events/ev-market", "/events/ev-depot", "/entities/en-tarvin", "/entities/en-kherson",
     "/articles/a1aaaaaaaaaaaaaa", "/articles/a3cccccccccccccc"],
)
def test_record_pages(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200
    assert "text/html" in r.headers["content-type"]


def test_entity_page_shows_aliases_roles_events(client: TestClient) -> None:
    html = client.get("/entities/en-army").text
    assert "The army across the river" in html
    assert 'href="/events/ev-market"' in html
    assert "denied" in html
    html = client.get("/entities/en-tarvin").text
    assert "Regional governor" in html and "<li>Tarvin</li>" in html
    assert "seven people were wounded" in html  # what they said


def test_article_page_marks_and_links(client: TestClient) -> None:
    html = client.get("/articles/a2bbbbbbbbbbbbbb").text
    assert '<mark id="a-a2bbbbbbbbbbbbbb-s-2"' in html  # the background event's sentence
    assert 'href="/events/ev-depot"' in html
    assert 'href="/stories/st-kherson"' in html
    assert 'href="/entities/en-tarvin"' in html


@pytest.mark.parametrize("kind", ["stories", "events", "entities", "articles"])
def test_unknown_ids_are_404(client: TestClient, kind: str) -> None:
    r = client.get(f"/{kind}/nope")
    assert r.status_code == 404
    assert "Not found" in r.text
    r = client.get(f"/api/{kind}/nope")
    assert r.status_code == 404
    assert "error" in r.json()


def test_unknown_route_is_404_page(client: TestClient) -> None:
    r = client.get("/no/such/page")
    assert r.status_code == 404
    assert "text/html" in r.headers["content-type"]


def test_article_text_is_escaped_everywhere(client: TestClient) -> None:
    for path in ("/", "/stories/st-lyon", "/articles/a3cccccccccccccc", "/?q=lyon"):
        html = client.get(path).text
        assert XSS_TITLE not in html, path
        assert "<img src=x" not in html, path
    html = client.get("/stories/st-lyon").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(3)&gt;" in html
    # a javascript: URL from article metadata is never a link
    assert "javascript:" not in html


def test_security_headers(client: TestClient) -> None:
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"


class ExplodingStore(FakeStore):
    def story_record(self, story_id: str) -> dict[str, Any]:
        raise RuntimeError("secret database path /var/lib/x.db")


def test_no_stack_trace_to_client() -> None:
    client = TestClient(create_app(Settings(), store=ExplodingStore()), raise_server_exceptions=False)
    for path in ("/stories/st-kherson", "/api/stories/st-kherson"):
        r = client.get(path)
        assert r.status_code == 500
        assert "secret" not in r.text and "Traceback" not in r.text
    assert client.get("/api/stories/st-kherson").json() == {"error": "something went wrong on the server"}


# --------------------------------------------------------------------------- API


def test_api_mirrors_pages(client: TestClient) -> None:
    data = client.get("/api/stories").json()
    assert [s["id"] for s in data["stories"]] == ["st-kherson", "st-lyon"]
    assert data["stories"][0]["n_disagreements"] == 1
    assert client.get("/api/stories", params={"q": "lyon"}).json()["stories"][0]["id"] == "st-lyon"
    rec = client.get("/api/stories/st-kherson").json()
    assert {"story", "articles", "events", "entities", "claims"} <= rec.keys()
    assert client.get("/api/events/ev-market").json()["event"]["fatalities"]["best"] == 4
    assert client.get("/api/entities/en-tarvin").json()["entity"]["name"] == "Oleh Tarvin"
    assert client.get("/api/articles/a2bbbbbbbbbbbbbb").json()["article"]["source"] == "Harbor Times"
    export = client.get("/api/export").json()
    assert {"articles", "stories", "events", "entities", "claims"} <= export.keys()


def test_api_validates_query(client: TestClient) -> None:
    assert client.get("/api/stories", params={"limit": 0}).status_code == 422
    assert client.get("/api/stories", params={"min_killed": "x"}).status_code == 422
    assert client.get("/api/stories", params={"date_from": "2024-13-45"}).status_code == 422
    assert client.get("/api/stories", params={"date_to": "0"}).status_code == 422
    assert client.get("/api/stories", params={"date_from": "2024"}).json()["stories"][0]["id"] == "st-kherson"


def test_openapi_schema(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/events/{event_id}",
                 "/api/entities/{entity_id}", "/api/articles/{article_id}", "/api/export", "/api/articles"):
        assert path in schema["paths"], path
    assert "/" not in schema["paths"]
    # no CDN-backed docs pages
    assert client.get("/docs").status_code == 404


# --------------------------------------------------------------------------- ingest


class _Report:
    def __init__(self, stored: list[str], skipped: list[Problem], stories: list[str]) -> None:
        self.stored, self.skipped, self.stories = stored, skipped, stories


@pytest.fixture()
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Replace the pipeline's ingest with a recorder, so these tests need no NLP model."""
    calls: list[Any] = []

    def ingest_documents(docs, settings, store):  # type: ignore[no-untyped-def]
        calls.append(docs)
        stored = [f"id{n}" for n, d in enumerate(docs) if "unusable" not in (d.text or "")]
        skipped = [Problem(d.origin, "no main text") for d in docs if "unusable" in (d.text or "")]
        return _Report(stored, skipped, ["st-new"] if stored else [])

    monkeypatch.setattr(web_app, "ingest_documents", ingest_documents)
    return calls


def _ingest_client(store: FakeStore, allow: bool = True, token: str | None = TOKEN) -> TestClient:
    return TestClient(create_app(Settings(ingest_token=token, max_bytes=200), store=store, allow_ingest=allow))


def test_ingest_disabled_by_default(client: TestClient) -> None:
    r = client.post("/api/articles", json={"text": "x"}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 403


def test_ingest_needs_a_token_even_when_allowed(store: FakeStore) -> None:
    r = _ingest_client(store, token=None).post("/api/articles", json={"text": "x"})
    assert r.status_code == 403


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic dGVzdA==", f"Bearer {TOKEN}x", "Bearer"])
def test_ingest_401_without_right_token(store: FakeStore, fake_pipeline: list[Any], header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    r = _ingest_client(store).post("/api/articles", json={"text": "Some news."}, headers=headers)
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"
    assert fake_pipeline == []


def test_ingest_with_token(store: FakeStore, fake_pipeline: list[Any]) -> None:
    client = _ingest_client(store)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = client.post("/api/articles", headers=auth, json={
        "text": "Rain fell on Lyon.", "title": "Rain", "source": "Test Wire", "published": "2024-05-01",
        "url": "https://wire.example/rain"})
    assert r.status_code == 200
    assert r.json() == {"stored": ["id0"], "unchanged": [], "skipped": [], "stories": ["st-new"]}
    doc = fake_pipeline[0][0]
    assert (doc.text, doc.title, doc.source, doc.published, doc.url) == (
        "Rain fell on Lyon.", "Rain", "Test Wire", "2024-05-01", "https://wire.example/rain")

    items = [
        {"text": "Snow in Oslo."},
        {"text": ""},
        "not an object",
        {"text": 12},
        {"text": "x" * 201},
        {"text": "unusable filler"},
        {"html": "<p>Fog in Porto.</p>"},
    ]
    r = client.post("/api/articles", headers=auth, json=items)
    assert r.status_code == 200
    body = r.json()
    reasons = {p["origin"]: p["reason"] for p in body["skipped"]}
    assert set(reasons) == {"request[1]", "request[2]", "request[3]", "request[4]", "request[5]"}
    assert "empty" in reasons["request[1]"] and "size limit" in reasons["request[4]"]
    assert fake_pipeline[1][-1].html == "<p>Fog in Porto.</p>"
    assert len(body["stored"]) == 2


def test_ingest_bad_bodies(store: FakeStore, fake_pipeline: list[Any]) -> None:
    client = _ingest_client(store)
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    assert client.post("/api/articles", headers=auth, content=b"{not json").status_code == 400
    assert client.post("/api/articles", headers=auth, content=b"\xff\xfe").status_code == 400
    assert client.post("/api/articles", headers=auth, content=b"[]").status_code == 400
    assert client.post("/api/articles", headers=auth, content=b"x" * 20_001).status_code == 413
    r = client.post("/api/articles", headers=auth, content=json.dumps([{"text": ""}]))
    assert r.status_code == 200
    assert r.json()["skipped"] == [{"origin": "request[0]", "reason": "empty: no 'text' or 'html'"}]
    assert fake_pipeline == []


# --------------------------------------------------------------------------- render helpers


def test_fmt_value() -> None:
    assert render.fmt_value({"low": 2, "best": 2, "high": 2}) == "2"
    assert render.fmt_value({"low": 2, "best": 2, "high": None}) == "≥2"
    assert render.fmt_value({"low": 24, "best": 30, "high": None}) == "≥24 (best 30)"
    assert render.fmt_value({"low": 5, "best": None, "high": 7}) == "5–7"
    assert render.fmt_value({"value": None, "text": "Thursday", "precision": "unknown"}) == "no date (“Thursday”)"
    assert render.fmt_value(None) == "—"


def test_segments_cover_the_text_exactly() -> None:
    data = FakeStore().story_record("st-kherson")
    marks = render._marks(data)
    for art in data["articles"]:
        segs = render.segments(art, marks.get(art["id"], {}))
        assert "".join(s["text"] for s in segs) == art["text"]
        for s in segs:
            if s["parts"]:
                assert "".join(p["text"] for p in s["parts"]) == s["text"]


# --------------------------------------------------------------------------- real store


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def real_store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A SQLite store filled by the real pipeline from examples/ (skips until both exist)."""
    files = [p for p in EXAMPLES.glob("*") if p.is_file() and p.suffix in {".txt", ".html", ".jsonl", ".json"}]
    if not files:
        pytest.skip("examples/ has no articles yet")
    try:
        from wirecheck.pipeline import ingest
        from wirecheck.store import open_store
    except ImportError as exc:  # the store or pipeline is not there yet
        pytest.skip(f"store/pipeline not importable: {exc}")
    db = tmp_path_factory.mktemp("web") / "web.db"
    settings = Settings(db=str(db))
    store = open_store(settings.db_url)
    try:
        ingest([str(p) for p in files], settings, store=store)
    except ImportError as exc:  # a stage the pipeline wires is not written yet
        pytest.skip(f"pipeline not complete: {exc}")
    return settings, store


@pytest.mark.slow
def test_pages_over_real_store(real_store: Any) -> None:
    settings, store = real_store
    client = TestClient(create_app(settings, store=store))
    stories = client.get("/api/stories").json()["stories"]
    assert stories, "the pipeline stored no story from examples/"
    assert client.get("/").status_code == 200
    for s in stories[:5]:
        r = client.get(f"/stories/{s['id']}")
        assert r.status_code == 200, s
        rec = client.get(f"/api/stories/{s['id']}").json()
        for ev in rec["events"][:3]:
            assert client.get(f"/events/{ev['id']}").status_code == 200
        for ent in rec["entities"][:3]:
            assert client.get(f"/entities/{ent['id']}").status_code == 200
        for art in rec["articles"][:3]:
            assert client.get(f"/articles/{art['id']}").status_code == 200
    assert client.get("/api/export").status_code == 200


def test_sparse_and_big_stories_render() -> None:
    """A story with no event and no sentences, and one with more reports than columns."""

    class OddStore(FakeStore):
        def story_record(self, story_id: str) -> dict[str, Any]:
            if story_id == "bare":
                return {"story": {"id": "bare", "title": None, "articles": ["x1"], "main_event": None},
                        "articles": [{"id": "x1", "text": "Plain text only."}], "events": [], "entities": [],
                        "claims": []}
            rec = super().story_record("st-kherson")
            base = rec["articles"][0]
            extra = [{**base, "id": f"copy{n:02d}", "seq": 10 + n, "source": f"Wire {n}"} for n in range(12)]
            rec["articles"] += extra
            rec["events"][0]["facts"][0]["reports"].append({**rec["events"][0]["facts"][0]["reports"][0],
                                                            "article": "copy11"})
            return rec

    client = TestClient(create_app(Settings(), store=OddStore()))
    r = client.get("/stories/bare")
    assert r.status_code == 200 and "Plain text only." in r.text and "No event was found" in r.text
    html = client.get("/stories/big").text
    assert html.count('class="report-col"') == render.MAX_COLUMNS
    assert "More reports of this story" in html and "1 value" in html


def test_pages_answer_head(client: TestClient) -> None:
    r = client.head("/stories/st-kherson")
    assert r.status_code == 200 and r.content == b""
