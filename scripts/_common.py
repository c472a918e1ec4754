"""Helpers shared by the scoring scripts (not part of the package)."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

from wirecheck.models import Sentence

DATASETS = Path(os.environ.get("WIRECHECK_DATASETS", Path(__file__).resolve().parents[2] / "shared" / "datasets"))

_SENT_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’')]))\s+(?=[\"“‘(]?[A-Z0-9])|\n+")
# abbreviations after which a period does not end a sentence
_ABBR = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Maj|St|Jr|Sr|Rep|Sen|Gov|No|Co|Inc|Corp|Ave|Blvd|Rd|Mt|Ft|U\.S|a\.m|p\.m|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|[A-Z])\.$")


def read_jsonl(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def sentences(text: str) -> list[Sentence]:
    """A plain regex sentence splitter, good enough for scoring without spaCy."""
    out: list[Sentence] = []
    start = 0
    for m in _SENT_END.finditer(text):
        if _ABBR.search(text[start : m.start()]) and "\n" not in m.group(0):
            continue
        if text[start : m.start()].strip():
            out.append(Sentence(len(out), start, m.start(), text[start : m.start()]))
        start = m.end()
    if text[start:].strip():
        out.append(Sentence(len(out), start, len(text), text[start:]))
    return out
