"""Errors the library raises.  Only the CLI and the web layer turn them into messages."""

from __future__ import annotations


class WirecheckError(Exception):
    """Base of every error wirecheck raises on purpose."""


class BadInput(WirecheckError):
    """A document that cannot be used: binary, empty, undecodable, too large, no main text."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class ConfigError(WirecheckError):
    """A setting or command-line value that cannot work (with what to do instead)."""


class ModelNotFound(ConfigError):
    """No spaCy pipeline by the requested name is installed."""


class StoreError(WirecheckError):
    """The database could not be opened, migrated or written."""


class NotFound(WirecheckError):
    """A story, event, entity or article id that is not in the store."""
