"""Rewriting the benchmarks file with ``wirecheck eval --all --markdown --out FILE`` replaces
the generated tables and keeps the sections a person wrote below them."""

from __future__ import annotations

from wirecheck.evaluate.commands import keep_notes

OLD = """# wirecheck benchmarks

old header

## acled

| old | table |

## Speed

old speed

## Full-corpus runs

hand-written figures

## Web latency

more notes
"""

NEW = """# wirecheck benchmarks

new header

## acled

| new | table |

## gva

| new | table |

## Speed

new speed
"""


def test_notes_below_the_tables_are_kept() -> None:
    text = keep_notes(OLD, NEW)
    assert text.startswith(NEW.rstrip("\n"))
    assert "old speed" not in text and "| old | table |" not in text
    assert text.endswith("## Full-corpus runs\n\nhand-written figures\n\n## Web latency\n\nmore notes\n")


def test_a_file_of_other_text_is_replaced() -> None:
    assert keep_notes("# notes\n\n## Mine\n\ntext\n", NEW) == NEW
    assert keep_notes(NEW, NEW) == NEW
