"""The boilerplate rules of ``data/clean.toml``, compiled once."""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True, slots=True)
class Rules:
    max_line_words: int
    section_max_words: int
    section_max_chars: int
    section_word: re.Pattern[str]
    section_connectors: frozenset[str]
    title_max_words: int
    title_max_chars: int
    title_final_punctuation: str
    updated: tuple[re.Pattern[str], ...]
    published: tuple[re.Pattern[str], ...]
    time_words: frozenset[str]
    time_token: re.Pattern[str]
    byline_prefix: re.Pattern[str]
    byline_max_words: int
    byline_connectors: frozenset[str]
    byline_not_first: frozenset[str]
    caption_max_words: int
    credit_at_end: re.Pattern[str]
    slash_credit: re.Pattern[str]
    keyword_credit: re.Pattern[str]
    agencies: frozenset[str]
    caption_lines: tuple[re.Pattern[str], ...]
    stripped: tuple[re.Pattern[str], ...]


def _all(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


@functools.cache
def load_rules() -> Rules:
    raw = tomllib.loads(resources.files("wirecheck").joinpath("data", "clean.toml").read_text("utf-8"))
    section, title, updated = raw["section"], raw["title"], raw["updated"]
    byline, caption = raw["byline"], raw["caption"]
    return Rules(
        max_line_words=raw["lines"]["max_words"],
        section_max_words=section["max_words"],
        section_max_chars=section["max_chars"],
        section_word=re.compile(section["word"]),
        section_connectors=frozenset(section["connectors"]),
        title_max_words=title["max_words"],
        title_max_chars=title["max_chars"],
        title_final_punctuation=title["final_punctuation"],
        updated=_all(updated["patterns"]),
        published=_all(updated["published_patterns"]),
        time_words=frozenset(w.lower() for w in updated["time_words"]),
        time_token=re.compile(updated["time_token"]),
        byline_prefix=re.compile(byline["prefix"]),
        byline_max_words=byline["max_words"],
        byline_connectors=frozenset(byline["connectors"]),
        byline_not_first=frozenset(w.lower() for w in byline["not_first"]),
        caption_max_words=caption["max_words"],
        credit_at_end=re.compile(caption["credit_at_end"]),
        slash_credit=re.compile(caption["slash_credit"]),
        keyword_credit=re.compile(caption["keyword_credit"]),
        agencies=frozenset(a.lower() for a in caption["agencies"]),
        caption_lines=_all(caption["patterns"]),
        stripped=_all(raw["stripped"]["patterns"]),
    )
