"""Web UI and HTTP API: ``create_app(settings, store=None, allow_ingest=False)`` and ``serve``."""

from wirecheck.web.app import create_app, serve

__all__ = ["create_app", "serve"]
