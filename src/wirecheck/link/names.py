"""Name normalisation shared by linking and reconciliation.

Names are compared through keys, not surface strings: accents folded, punctuation and
honorifics dropped, British/American spellings and plurals folded ("Popular Mobilisation
Force" and "Popular Mobilization Forces" share a key), acronyms derived from initials.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from importlib import resources
from typing import Any

_WORD = re.compile(r"[a-z0-9]+")


@functools.cache
def link_data() -> dict[str, Any]:
    """The linker's word lists and tuned constants (``data/link.toml``)."""
    text = resources.files("wirecheck").joinpath("data/link.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@functools.cache
def word_set(name: str) -> frozenset[str]:
    return frozenset(link_data()[name].split())


def fold(text: str) -> str:
    """Lower case without accents; apostrophes dropped so "O'Neil" stays one word."""
    if text.isascii():
        # The common case, and a hot one (every capitalised word of every article): ASCII has
        # no accents to strip and no typographic apostrophe, so this is the same result.
        return text.lower().replace("'", "")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.lower().replace("'", "").replace("\u2019", "")


def name_tokens(name: str) -> list[str]:
    """Words of a name without honorifics, possessive and a leading article."""
    # The possessive goes before fold(), which drops apostrophes ("Ana Ruiz's" would be "ruizs").
    words = _WORD.findall(fold(re.sub(r"['\u2019]s$", "", name.rstrip())))
    honorifics = word_set("honorifics")
    while len(words) > 1 and words[0] in honorifics | {"the"}:
        words.pop(0)
    while len(words) > 1 and words[-1] in {"jr", "sr", "ii", "iii"}:
        words.pop()
    return words


def norm_name(name: str) -> str:
    """The comparison form of a name: ``"Maj. Gen. Ana Ruiz"`` -> ``"ana ruiz"``."""
    return " ".join(name_tokens(name))


def _fold_spelling(word: str) -> str:
    # British -> American spelling and plural -> singular, so variants share one key.
    word = re.sub(r"is(ation|e|ed|ing)$", r"iz\1", word)
    word = re.sub(r"our$", "or", word)
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word


def spelling_key(name: str) -> str:
    """``norm_name`` with spelling variants folded: Mobilisation Force == Mobilization Forces."""
    return " ".join(_fold_spelling(w) for w in name_tokens(name))


def acronym(name: str) -> str | None:
    """Initials of a multi-word name, skipping particles: Jabhat Tahrir al-Wadi -> jtw."""
    particles = word_set("name_particles")
    words = [w for w in _WORD.findall(fold(name)) if w not in particles]
    if len(words) < 2:
        return None
    return "".join(w[0] for w in words)


def looks_like_acronym(text: str) -> str | None:
    """``"PMF"``, ``"U.S."`` -> the lower-case letters; None for ordinary words."""
    letters = text.replace(".", "").strip()
    if 2 <= len(letters) <= 8 and letters.isalpha() and letters.upper() == letters:
        return letters.lower()
    return None
