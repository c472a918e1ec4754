"""The web UI and HTTP API: server-rendered pages and JSON over the store's read methods.

A request flows ``route -> store read method -> plain dict -> template or JSON``.  The web layer
does no SQL of its own and never writes, except ``POST /api/articles`` when the app was created
with ``allow_ingest=True`` and a token is set; that goes through ``wirecheck.pipeline`` behind one
lock, so the store sees a single writer.

Every template is autoescaped (article text is untrusted), no traceback ever reaches a client,
and the pages need no network: Leaflet is served from ``static/``, and without a tile URL the map
is a plain marker on a drawn frame.
"""

from __future__ import annotations

import hmac
import json
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import FastAPI, Query, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import BaseModel, ConfigDict
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from wirecheck.errors import BadInput, NotFound, StoreError, WirecheckError
from wirecheck.settings import Settings
from wirecheck.web import render

log = logging.getLogger("wirecheck.web")

HERE = Path(__file__).parent
PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
# A request may carry many articles; each is held to settings.max_bytes like a file on the CLI,
# and the whole body to this many times that, so one request cannot exhaust memory.
MAX_ITEMS_PER_REQUEST = 100
# ACLED's top-level event types (the taxonomy SPEC.md names), offered in the stories filter.
EVENT_TYPES = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
)
# Fields a JSON article may carry in POST /api/articles (the same names as .jsonl input).
INGEST_FIELDS = ("text", "html", "title", "url", "source", "published")


# Query parameters shared by the stories page and /api/stories (module level: FastAPI resolves
# these annotations by name).
Q = Annotated[str | None, Query(max_length=500, description="full-text search")]
# Dates as ISO prefixes: "2024", "2024-03" or "2024-03-05" (the store compares periods).
ISO_DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
DateFrom = Annotated[str | None, Query(pattern=ISO_DATE, description="stories on or after this date (ISO)")]
DateTo = Annotated[str | None, Query(pattern=ISO_DATE, description="stories on or before this date (ISO)")]
Country = Annotated[str | None, Query(max_length=100, description="country name or ISO code")]
EventType = Annotated[str | None, Query(max_length=100, description="ACLED event type")]
MinKilled = Annotated[int | None, Query(ge=0, le=10_000_000, description="fatalities (best) at least")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


class StorySummary(BaseModel):
    # The store may add fields (SPEC: "fields may be added"); they pass through.
    model_config = ConfigDict(extra="allow")

    id: str
    title: str | None = None
    n_articles: int | None = None
    n_sources: int | None = None
    n_disagreements: int | None = None
    event_type: str | None = None
    country: str | None = None
    date: str | None = None
    fatalities: int | dict[str, int | None] | None = None  # the main event's best (or low) count


class StoryList(BaseModel):
    stories: list[StorySummary]
    limit: int
    offset: int


class ArticleIn(BaseModel):
    """One article for POST /api/articles: ``text`` (or ``html``) and optional metadata."""

    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None


ARTICLE_SCHEMA = ArticleIn.model_json_schema()


class IngestProblem(BaseModel):
    origin: str
    reason: str


class IngestResult(BaseModel):
    stored: list[str]
    unchanged: list[str] = []
    skipped: list[IngestProblem]
    stories: list[str]


class ErrorBody(BaseModel):
    error: str


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _security_headers(settings: Settings) -> dict[str, str]:
    img = "'self' data:"
    if settings.tile_url:
        # Leaflet templates use {s} for tile subdomains; CSP expresses that as a wildcard.
        parts = urlsplit(settings.tile_url.replace("{s}", "*"))
        if parts.scheme and parts.netloc:
            img += f" {parts.scheme}://{parts.netloc}"
    return {
        "Content-Security-Policy": (
            f"default-src 'self'; img-src {img}; script-src 'self'; style-src 'self'; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
        ),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
        "X-Frame-Options": "DENY",
    }


def _templates(settings: Settings) -> Jinja2Templates:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        # Autoescape everything, whatever the extension: article text is untrusted input.
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    env.filters.update(render.FILTERS)
    env.globals.update(tile_url=settings.tile_url, event_types=EVENT_TYPES)
    return Jinja2Templates(env=env)


def create_app(settings: Settings, store: Any = None, *, allow_ingest: bool = False) -> FastAPI:
    """Build the app over ``store`` (opened from ``settings.db_url`` when None).

    ``allow_ingest`` enables ``POST /api/articles``; it also needs ``settings.ingest_token``.
    """
    if store is None:
        from wirecheck.store import open_store

        store = open_store(settings.db_url)

    # No /docs or /redoc: FastAPI's pages load their scripts from a CDN.  The schema stays.
    app = FastAPI(
        title="wirecheck",
        summary="News reports cross-checked into events; every value with its source.",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.allow_ingest = allow_ingest
    write_lock = threading.Lock()
    templates = _templates(settings)
    headers = _security_headers(settings)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.middleware("http")
    async def add_security_headers(request: Request, call_next: Callable[..., Any]) -> Response:
        response = await call_next(request)
        for key, value in headers.items():
            response.headers.setdefault(key, value)
        return response

    def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context, status_code=status_code)

    def error(request: Request, status_code: int, message: str) -> Response:
        if _is_api(request):
            return JSONResponse({"error": message}, status_code=status_code, headers=headers)
        resp = page(request, "error.html", status_code=status_code, status=status_code, message=message)
        resp.headers.update(headers)
        return resp

    # ------------------------------------------------------------------ errors

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return error(request, 404, str(exc) or "not found")

    @app.exception_handler(BadInput)
    async def bad_input(request: Request, exc: BadInput) -> Response:
        return error(request, 400, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        # The message may name database paths or hosts: log it, tell the client only the kind.
        log.error("store error on %s: %s", request.url.path, exc)
        return error(request, 503, "the database is not available right now")

    @app.exception_handler(WirecheckError)
    async def wirecheck_error(request: Request, exc: WirecheckError) -> Response:
        log.error("error on %s: %s", request.url.path, exc)
        return error(request, 500, "wirecheck could not answer this request")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        resp = error(request, exc.status_code, message)
        if exc.headers:
            resp.headers.update(exc.headers)
        return resp

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        problems = [
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg', 'invalid')}"
            for e in exc.errors()
        ]
        if _is_api(request):
            # FastAPI's own 422 shape, as the OpenAPI schema documents it.
            return await request_validation_exception_handler(request, exc)
        return error(request, 400, "invalid request: " + "; ".join(problems))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        # Never a traceback to the client; the log keeps it for the operator.
        log.exception("unexpected error on %s", request.url.path)
        return error(request, 500, "something went wrong on the server")

    # ------------------------------------------------------------------ reads

    def stories(
        q: str | None,
        date_from: str | None,
        date_to: str | None,
        country: str | None,
        event_type: str | None,
        min_killed: int | None,
        limit: int,
        offset: int,
    ) -> list[dict[str, Any]]:
        return store.list_stories(
            q=q or None,
            date_from=date_from or None,
            date_to=date_to or None,
            country=country or None,
            event_type=event_type or None,
            min_killed=min_killed,
            limit=limit,
            offset=offset,
        )

    @app.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False)
    def stories_page(
        request: Request,
        q: Q = None,
        date_from: Annotated[str | None, Query()] = None,
        date_to: Annotated[str | None, Query()] = None,
        country: Country = None,
        event_type: EventType = None,
        min_killed: Annotated[str | None, Query()] = None,
        offset: Offset = 0,
    ) -> HTMLResponse:
        # An HTML form sends empty strings for untouched fields; read them leniently and say
        # what was not understood instead of answering a bare 422.
        problems: list[str] = []
        d_from = render.parse_date(date_from, "from date", problems, ISO_DATE)
        d_to = render.parse_date(date_to, "to date", problems, ISO_DATE)
        killed = render.parse_count(min_killed, "killed", problems)
        rows = stories(q, d_from, d_to, country, event_type, killed, PAGE_SIZE + 1, offset)
        more = len(rows) > PAGE_SIZE
        filters = {
            "q": q or "",
            "date_from": date_from or "",
            "date_to": date_to or "",
            "country": country or "",
            "event_type": event_type or "",
            "min_killed": min_killed or "",
        }
        active = {k: v for k, v in filters.items() if v}

        def link(new_offset: int) -> str:
            return "/?" + urlencode({**active, "offset": new_offset})

        return page(
            request,
            "stories.html",
            stories=rows[:PAGE_SIZE],
            filters=filters,
            filtered=bool(active),
            problems=problems,
            offset=offset,
            next_url=link(offset + PAGE_SIZE) if more else None,
            prev_url=link(max(0, offset - PAGE_SIZE)) if offset > 0 else None,
        )

    @app.api_route("/stories/{story_id}", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str) -> HTMLResponse:
        record = store.story_record(story_id)
        return page(request, "story.html", **render.story_view(record))

    @app.api_route("/events/{event_id}", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, event_id: str) -> HTMLResponse:
        record = store.event_record(event_id)
        return page(request, "event.html", **render.event_view(record))

    @app.api_route("/entities/{entity_id}", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, entity_id: str) -> HTMLResponse:
        record = store.entity_record(entity_id)
        return page(request, "entity.html", **render.entity_view(record))

    @app.api_route("/articles/{article_id}", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        record = store.article_record(article_id)
        return page(request, "article.html", **render.article_view(record))

    # ------------------------------------------------------------------ JSON API

    not_found_doc: dict[int | str, dict[str, Any]] = {404: {"model": ErrorBody, "description": "unknown id"}}

    @app.get("/api/stories", response_model=StoryList, tags=["read"])
    def api_stories(
        q: Q = None,
        date_from: DateFrom = None,
        date_to: DateTo = None,
        country: Country = None,
        event_type: EventType = None,
        min_killed: MinKilled = None,
        limit: Limit = PAGE_SIZE,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Stories, newest first, filtered like the stories page."""
        rows = stories(q, date_from, date_to, country, event_type, min_killed, limit, offset)
        return {"stories": rows, "limit": limit, "offset": offset}

    @app.get("/api/stories/{story_id}", responses=not_found_doc, tags=["read"])
    def api_story(story_id: str) -> dict[str, Any]:
        """One story: the story, its articles (text and sentences), events, entities, claims."""
        return store.story_record(story_id)

    @app.get("/api/events/{event_id}", responses=not_found_doc, tags=["read"])
    def api_event(event_id: str) -> dict[str, Any]:
        """One event with its facts and every report's value."""
        return store.event_record(event_id)

    @app.get("/api/entities/{entity_id}", responses=not_found_doc, tags=["read"])
    def api_entity(entity_id: str) -> dict[str, Any]:
        """One entity: aliases, roles, events, mentions."""
        return store.entity_record(entity_id)

    @app.get("/api/articles/{article_id}", responses=not_found_doc, tags=["read"])
    def api_article(article_id: str) -> dict[str, Any]:
        """One article with its text and sentences."""
        return store.article_record(article_id)

    @app.get("/api/export", tags=["read"])
    def api_export() -> dict[str, Any]:
        """Everything, in the shape of ``wirecheck export --format json``."""
        return store.export_data()

    # ------------------------------------------------------------------ ingest

    @app.post(
        "/api/articles",
        response_model=IngestResult,
        tags=["write"],
        responses={
            401: {"model": ErrorBody, "description": "missing or wrong bearer token"},
            403: {"model": ErrorBody, "description": "ingest is not enabled on this server"},
            413: {"model": ErrorBody, "description": "request body too large"},
            400: {"model": ErrorBody, "description": "body is not a JSON object or list"},
        },
        # The body is read by hand (to hold it to the size limit while it streams in), so its
        # schema is declared here for the OpenAPI document.
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "oneOf": [
                                ARTICLE_SCHEMA,
                                {"type": "array", "items": ARTICLE_SCHEMA,
                                 "minItems": 1, "maxItems": MAX_ITEMS_PER_REQUEST},
                            ]
                        }
                    }
                },
            }
        },
    )
    async def api_ingest(request: Request) -> Response:
        """Ingest JSON articles: one object or a list, each with ``text`` (or ``html``) and
        optional ``title``, ``url``, ``source``, ``published``.  Needs ``Authorization: Bearer``.

        Articles that cannot be used are listed in ``skipped`` with the reason (one bad article
        never stops the rest); the others are stored, or listed in ``unchanged`` when the same
        content was already there.  The answer is 200 whenever the body is a JSON article or list.
        """
        if not (app.state.allow_ingest and settings.ingest_token):
            return error(request, 403, "ingest is not enabled on this server")
        given = request.headers.get("authorization", "")
        scheme, _, token = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            token.strip().encode(), settings.ingest_token.encode()
        ):
            resp = error(request, 401, "a valid 'Authorization: Bearer <token>' header is required")
            resp.headers["WWW-Authenticate"] = "Bearer"
            return resp

        limit = settings.max_bytes * MAX_ITEMS_PER_REQUEST
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            return error(request, 413, f"request body over {limit} bytes")
        body = bytearray()
        async for chunk in request.stream():
            body.extend(chunk)
            if len(body) > limit:
                return error(request, 413, f"request body over {limit} bytes")
        try:
            payload = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            return error(request, 400, f"body is not JSON: {exc}")
        items = payload if isinstance(payload, list) else [payload]
        if not items or len(items) > MAX_ITEMS_PER_REQUEST:
            return error(request, 400, f"send between 1 and {MAX_ITEMS_PER_REQUEST} articles")
        docs, problems = render.documents_from_json(items, settings.max_bytes)
        stored: list[str] = []
        unchanged: list[str] = []
        story_ids: list[str] = []
        if docs:
            report = await run_in_threadpool(_ingest, docs)
            stored = list(report.stored)
            unchanged = list(getattr(report, "unchanged", []))
            story_ids = list(report.stories)
            problems += [{"origin": p.origin, "reason": p.reason} for p in report.skipped]
        result = {"stored": stored, "unchanged": unchanged, "skipped": problems, "stories": story_ids}
        return JSONResponse(result)

    def _ingest(docs: list[Any]) -> Any:
        with write_lock:
            return ingest_documents(docs, settings, store)

    return app


def ingest_documents(docs: list[Any], settings: Settings, store: Any) -> Any:
    """The pipeline's ingest, imported on first use: a read-only server never loads the NLP."""
    from wirecheck.pipeline import ingest_documents as run

    return run(docs, settings, store)


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8000, allow_ingest: bool = False) -> None:
    """Run the app with uvicorn until interrupted (``wirecheck serve``)."""
    import uvicorn

    app = create_app(settings, allow_ingest=allow_ingest)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
