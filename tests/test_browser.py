"""The web UI in a real browser: Debian's chromium driven by Playwright.

A uvicorn server runs the app on 127.0.0.1 (a free port) in a thread, over the invented reports
of webfixtures.  Screenshots go to ``test-artifacts/`` for a person to look at.
Install the browser with ``scripts/install-browser.sh``; never ``playwright install``.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from webfixtures import FakeStore, fill_real_store
from wirecheck.settings import Settings
from wirecheck.web.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium: run scripts/install-browser.sh"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Server:
    """uvicorn in a thread, stopped by flag (no signals, so it works inside pytest)."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.port = _free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    pg.errors = []  # type: ignore[attr-defined]
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    pg.on("console", lambda msg: pg.errors.append(msg.text) if msg.type == "error" else None)
    # The machine is offline and the pages must not need the network: fail any outside request.
    pg.route("**/*", lambda route: route.continue_() if route.request.url.startswith("http://127.0.0.1")
             else route.abort())
    yield pg
    context.close()


@pytest.fixture()
def store(tmp_path: Path) -> Any:
    """A real SQLite store holding the invented reports (the in-memory stand-in until it exists)."""
    try:
        from wirecheck.store import open_store
    except ImportError:
        return FakeStore()
    real = open_store(Settings(db=str(tmp_path / "browser.db")).db_url)
    fill_real_store(real)
    return real


def _shot(pg: Any, name: str, **kw: Any) -> Path:
    path = ARTIFACTS / name
    pg.screenshot(path=str(path), **kw)
    return path


def test_reader_journey(page: Any, store: Any) -> None:
    with _Server(create_app(Settings(), store=store)) as base:
        page.goto(base + "/")
        assert page.locator("table.stories tbody tr").count() == 2
        _shot(page, "01-stories.png", full_page=True)

        page.fill("#q", "kherson")
        page.press("#q", "Enter")
        page.wait_for_url("**/?q=kherson*")
        rows = page.locator("table.stories tbody tr")
        assert rows.count() == 1
        assert "1 disagreement" in rows.first.inner_text()
        _shot(page, "02-search.png")

        rows.first.locator("td.title a").click()
        page.wait_for_url("**/stories/st-kherson")
        assert page.locator(".story-head .badge.disagree").inner_text() == "1 disagreement"
        conflict = page.locator("table.facts tr.row-conflict")
        assert "conflict" in conflict.inner_text()
        mark = page.locator("mark#a-a2bbbbbbbbbbbbbb-s-1")
        assert mark.is_visible()
        assert "seven people were wounded" in mark.inner_text()
        _shot(page, "03-story.png", full_page=True)

        # a fact cell links to the sentence behind it
        conflict.locator('a[href="#a-a1aaaaaaaaaaaaaa-s-1"]').click()
        page.wait_for_url("**#a-a1aaaaaaaaaaaaaa-s-1")
        assert page.locator("mark#a-a1aaaaaaaaaaaaaa-s-1").is_visible()
        _shot(page, "04-story-sentence.png")

        page.locator("#map-details summary").click()
        marker = page.locator("#map-marker")
        marker.wait_for(state="visible")
        page.locator("#map-details").screenshot(path=str(ARTIFACTS / "05-map-fallback.png"))
        assert "46.6354, 32.6169" in page.locator("#map-details figcaption").inner_text()

        page.locator('#claims a[href="/entities/en-tarvin"]').click()
        page.wait_for_url("**/entities/en-tarvin")
        assert page.locator("h1").inner_text() == "Oleh Tarvin"
        _shot(page, "06-entity.png", full_page=True)

        page.go_back()
        page.locator('.lede a[href="/events/ev-market"]').click()
        page.wait_for_url("**/events/ev-market")
        _shot(page, "07-event.png", full_page=True)

        page.go_back()
        page.locator('#article-a2bbbbbbbbbbbbbb h3 a').click()
        page.wait_for_url("**/articles/a2bbbbbbbbbbbbbb")
        assert page.locator("mark.hl").count() >= 3
        _shot(page, "08-article.png", full_page=True)

        page.goto(base + "/stories/st-lyon")
        # the hostile title is shown as text and nothing ran
        assert page.locator("h1").inner_text() == "<script>alert(1)</script>"
        _shot(page, "09-escaped.png")
        assert page.errors == []


def _png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A plain one-colour PNG, made here so the test needs no image library and no network."""
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def test_leaflet_map_with_tiles(page: Any, store: Any) -> None:
    """With a tile URL the story page draws Leaflet from /static; tiles come from a stub here."""
    tile = _png(256, 256, (214, 228, 206))
    settings = Settings(tile_url="http://127.0.0.1:9/tiles/{z}/{x}/{y}.png")
    with _Server(create_app(settings, store=store)) as base:
        page.route("http://127.0.0.1:9/tiles/**", lambda route: route.fulfill(body=tile, content_type="image/png"))
        page.goto(base + "/stories/st-kherson")
        page.locator("#map-details summary").click()
        page.locator("#leaflet-map .leaflet-marker-icon").wait_for(state="visible")
        page.locator("#leaflet-map img.leaflet-tile-loaded").first.wait_for(state="attached")
        page.locator("#map-details").screenshot(path=str(ARTIFACTS / "10-map-leaflet.png"))
        assert page.errors == []
