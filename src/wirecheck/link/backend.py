"""Where the linker keeps its state: blocking keys, per-article features, story membership.

:class:`LinkBackend` is the protocol; :class:`MemoryLinkBackend` keeps everything in dicts and
``wirecheck.store.Store`` implements the same methods on SQL, so a linker can resume on a
database that already holds stories.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Protocol, runtime_checkable


@runtime_checkable
class LinkBackend(Protocol):
    def candidates(self, keys: list[str]) -> set[str]:
        """Article ids that share any of ``keys``."""
        ...

    def features(self, article_id: str) -> dict[str, Any] | None:
        """The linker's JSON features stored for an article, or None when unknown."""
        ...

    def story_of(self, article_id: str) -> str | None: ...

    def put(self, article_id: str, keys: list[str], features: dict[str, Any], story_id: str) -> None:
        """Record an article: its blocking keys, its features and its story."""
        ...

    def move_story(self, old_story_id: str, new_story_id: str) -> None:
        """Merge: every article of ``old_story_id`` now belongs to ``new_story_id``."""
        ...

    def move_article(self, article_id: str, story_id: str) -> None:
        """One article now belongs to ``story_id`` (its keys and features stay as they are)."""
        ...

    def story_articles(self, story_id: str) -> list[str]:
        """Article ids of a story, in the order they were added."""
        ...

    def all_story_ids(self) -> list[str]:
        """Every story id that has articles."""
        ...

    def key_stories(self, keys: list[str]) -> dict[str, set[str]]:
        """The stories of the articles that carry each of ``keys`` (absent when none)."""
        ...

    def key_counts(self, keys: list[str]) -> dict[str, int]:
        """How many articles carry each of ``keys`` (absent or 0 when none).

        The linker's corpus statistics (document frequencies of words, names, places) are these
        counts, so they survive a restart with the backend.
        """
        ...


class MemoryLinkBackend:
    """A :class:`LinkBackend` in memory (tests, one-shot runs, benchmarks)."""

    def __init__(self) -> None:
        self._keys: dict[str, set[str]] = defaultdict(set)
        self._features: dict[str, dict[str, Any]] = {}
        self._story: dict[str, str] = {}
        self._members: dict[str, list[str]] = defaultdict(list)
        self._seq: dict[str, int] = {}  # order of arrival, kept when an article moves

    def candidates(self, keys: list[str]) -> set[str]:
        out: set[str] = set()
        for key in keys:
            hit = self._keys.get(key)
            if hit:
                out |= hit
        return out

    def features(self, article_id: str) -> dict[str, Any] | None:
        return self._features.get(article_id)

    def story_of(self, article_id: str) -> str | None:
        return self._story.get(article_id)

    def put(self, article_id: str, keys: list[str], features: dict[str, Any], story_id: str) -> None:
        old = self._story.get(article_id)
        if old is not None and old != story_id:
            self._members[old].remove(article_id)
        index = self._keys  # local: hundreds of keys (every content word) per article
        for key in keys:
            index[key].add(article_id)
        self._features[article_id] = features
        self._seq.setdefault(article_id, len(self._seq))
        if old != story_id:
            self._story[article_id] = story_id
            self._members[story_id].append(article_id)

    def move_story(self, old_story_id: str, new_story_id: str) -> None:
        if old_story_id == new_story_id:
            return
        moved = self._members.pop(old_story_id, [])
        for article_id in moved:
            self._story[article_id] = new_story_id
        self._members[new_story_id].extend(moved)

    def move_article(self, article_id: str, story_id: str) -> None:
        old = self._story.get(article_id)
        if old is None or old == story_id:
            return
        self._members[old].remove(article_id)
        self._story[article_id] = story_id
        members = self._members[story_id]
        members.append(article_id)
        members.sort(key=self._seq.__getitem__)

    def story_articles(self, story_id: str) -> list[str]:
        return list(self._members.get(story_id, []))

    def all_story_ids(self) -> list[str]:
        """Stories with at least one article, in order of creation."""
        return [story for story, members in self._members.items() if members]

    def key_counts(self, keys: list[str]) -> dict[str, int]:
        return {key: len(self._keys[key]) for key in keys if key in self._keys}

    def key_stories(self, keys: list[str]) -> dict[str, set[str]]:
        return {key: {self._story[a] for a in self._keys[key]} for key in keys if self._keys.get(key)}
