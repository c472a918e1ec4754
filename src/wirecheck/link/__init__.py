"""Link: near-duplicates and story clusters across articles, incrementally.

``StoryLinker(backend, settings).add(analysis) -> LinkResult``; ``MemoryLinkBackend`` keeps the
linker's state in memory, ``wirecheck.store.Store`` keeps it in the database.
"""

from wirecheck.link.backend import LinkBackend, MemoryLinkBackend
from wirecheck.link.linker import (
    LinkResult,
    StoryLinker,
    duplicate_groups,
    outlet_homes,
    outlet_towns,
    story_id_for,
)

__all__ = ["LinkBackend", "LinkResult", "MemoryLinkBackend", "StoryLinker", "duplicate_groups", "outlet_homes",
           "outlet_towns", "story_id_for"]
