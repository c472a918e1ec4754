"""Plain-text cleaning: paragraphs, and boilerplate lines moved to metadata.

The body keeps every kept line exactly as written (only the space around lines and the breaks
between them change), because every offset downstream indexes it.  Each kept line is recorded as
a segment ``(clean_start, raw_start, length)`` so offsets can be mapped back to the input text.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from wirecheck.clean.patterns import Rules, load_rules

# Characters that end a sentence line (closing quotes and brackets after the stop count too).
_TERMINAL = re.compile(r"[.!?…:;\"”’')\]]\s*$")
_CLOSERS = "\"'”’)]»"
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_SENTENCE_END = re.compile(r"[.!?](?=\s)")
# Characters with no glyph that pages put inside words: soft hyphens (where a line may break),
# zero-width spaces, word joiners, a byte-order mark.  "Gar\u00addens" is "Gardens" to a reader,
# so the body leaves them out; each line's segments map the rest back to the input.
INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")


def drop_invisible(text: str) -> str:
    """``text`` without the characters :data:`INVISIBLE` matches."""
    return INVISIBLE.sub("", text) if not text.isascii() else text


def _visible_runs(text: str) -> list[tuple[int, str]]:
    """The runs of ``text`` between invisible characters, with their offsets."""
    if text.isascii() or not INVISIBLE.search(text):
        return [(0, text)]
    runs, start = [], 0
    for m in INVISIBLE.finditer(text):
        if m.start() > start:
            runs.append((start, text[start : m.start()]))
        start = m.end()
    if start < len(text):
        runs.append((start, text[start:]))
    return runs


@dataclass(slots=True)
class Line:
    text: str  # stripped of surrounding white space
    raw_start: int  # where ``text`` starts in the input
    alone: bool = False  # the line is its own block (blank lines around it)
    kind: str | None = None  # updated, published, caption, byline, stripped


@dataclass(slots=True)
class Cleaned:
    body: str
    section: str | None = None
    title: str | None = None
    updated: str | None = None
    byline: str | None = None
    captions: list[str] = field(default_factory=list)
    stripped: list[str] = field(default_factory=list)
    segments: list[tuple[int, int, int]] = field(default_factory=list)


# ---------------------------------------------------------------------------- lines and paragraphs


def _blocks(text: str) -> list[list[Line]]:
    """Runs of non-blank lines; Windows and old Mac line ends count as line ends."""
    blocks: list[list[Line]] = []
    current: list[Line] = []
    for match in _LINE.finditer(text):
        raw = match.group().rstrip("\r\n")
        stripped = raw.strip()
        if not stripped or not drop_invisible(stripped).strip():
            if current:
                blocks.append(current)
                current = []
            if match.end() == len(text):
                break
            continue
        lead = len(raw) - len(raw.lstrip())
        current.append(Line(stripped, match.start() + lead))
        if match.end() == len(text):
            break
    if current:
        blocks.append(current)
    for block in blocks:
        if len(block) == 1:
            block[0].alone = True
    return blocks


def _ends_sentence(line: str) -> bool:
    return bool(_TERMINAL.search(line))


def _paragraphs(block: list[Line]) -> list[list[Line]]:
    """Split a block whose lines are paragraphs (one per line, as many corpora write them).

    A hard-wrapped block (several lines of bounded length, most ending mid-sentence) stays one
    paragraph.  Otherwise a line break is a paragraph break unless the next line plainly goes on
    with the same sentence (this line has no final stop and the next starts in lower case).
    """
    if len(block) == 1:
        return [block]
    inner = block[:-1]
    open_lines = sum(1 for line in inner if not _ends_sentence(line.text))
    if len(block) >= 3 and max(len(line.text) for line in block) <= 100 and open_lines / len(inner) > 0.6:
        return [block]
    paragraphs = [[block[0]]]
    for prev, line in itertools.pairwise(block):
        if not _ends_sentence(prev.text) and line.text[:1].islower():
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return paragraphs


# ---------------------------------------------------------------------------- line kinds


def _is_time_phrase(text: str, rules: Rules) -> bool:
    tokens = [t for t in re.split(r"[\s,]+", text) if t.strip("|()")]
    if not tokens:
        return False
    telling = 0
    for token in tokens:
        bare = token.strip("|()")
        word = bare.rstrip(".").lower()
        if rules.time_token.fullmatch(bare):
            telling += 1
        elif word in rules.time_words:
            telling += word not in {"at", "on", "the", "of", "and", "a", "m", "p"}
        else:
            return False
    return telling > 0


def _is_byline(line: str, rules: Rules) -> bool:
    match = rules.byline_prefix.match(line)
    if not match:
        return False
    rest = line[match.end() :].strip()
    tokens = rest.replace(",", " ").replace(";", " ").split()
    if not tokens or len(tokens) > rules.byline_max_words:
        return False
    if rest.endswith(".") and len(tokens[-1]) > 3:  # a sentence, not "..., Jr."
        return False
    first = tokens[0]
    if first.lower() in rules.byline_not_first or " ".join(tokens[:2]).lower() in rules.byline_not_first:
        return False
    if not (first[:1].isupper() or first.lower() == "the"):
        return False
    capitalised = 0
    for token in tokens:
        if token[:1].isupper():
            capitalised += 1
        elif token.lower() in rules.byline_connectors:
            continue
        elif re.fullmatch(r"[a-z]{1,3}[-'’][A-Z].*", token):  # al-Rawi, d'Amato
            capitalised += 1
        else:
            return False
    return capitalised > 0


def _is_caption(line: str, rules: Rules) -> bool:
    if len(line.split()) > rules.caption_max_words:
        return False
    if any(p.fullmatch(line) for p in rules.caption_lines):
        return True
    match = rules.credit_at_end.fullmatch(line)
    if not match:
        return False
    credit = match.group("credit").strip()
    credited = (
        bool(rules.slash_credit.fullmatch(credit))
        or bool(rules.keyword_credit.fullmatch(credit))
        or credit.lower() in rules.agencies
    )
    # A paragraph of reporting that happens to end in "(AP)" has several sentences; a caption
    # is one or two.
    before = line[: match.start("credit") - 1]
    return credited and len(_SENTENCE_END.findall(before + " ")) <= 2


def classify(line: str, rules: Rules | None = None) -> str | None:
    """The boilerplate kind of one stripped line, or None for body text."""
    rules = rules or load_rules()
    for pattern in rules.updated:
        match = pattern.fullmatch(line)
        if match and len(line) <= 120 and _is_time_phrase(match.group("when"), rules):
            return "updated"
    for pattern in rules.published:
        match = pattern.fullmatch(line)
        if match and len(line) <= 120 and _is_time_phrase(match.group("when"), rules):
            return "published"
    if _is_caption(line, rules):
        return "caption"
    if len(line.split()) > rules.max_line_words:
        return None
    if _is_byline(line, rules):
        return "byline"
    if any(p.fullmatch(line) for p in rules.stripped):
        return "stripped"
    return None


def _is_section(line: Line, rules: Rules) -> bool:
    words = line.text.split()
    if (
        not line.alone
        or not 1 <= len(words) <= rules.section_max_words
        or len(line.text) > rules.section_max_chars
    ):
        return False
    if words[0] in rules.section_connectors or words[-1] in rules.section_connectors:
        return False
    return all(w in rules.section_connectors or rules.section_word.fullmatch(w) for w in words) and (
        line.text[-1].isalpha()
    )


def _is_title(line: Line, rules: Rules) -> bool:
    text = line.text
    if len(text) > rules.title_max_chars or len(text.split()) > rules.title_max_words:
        return False
    if not any(ch.isalpha() for ch in text) or _is_time_phrase(text, rules):
        return False
    end = text.rstrip(_CLOSERS).rstrip()
    return bool(end) and end[-1] not in rules.title_final_punctuation


def _same(a: str, b: str) -> bool:
    return " ".join(drop_invisible(a).split()).casefold() == " ".join(drop_invisible(b).split()).casefold()


# ---------------------------------------------------------------------------- the whole text


# what parts a web page's title from the outlet's name: "Man hurt in crash | The Oakvale Courier"
TITLE_SEP = re.compile(r"[ \t]+(?:\||«|»|-|–|—|::)[ \t]+")


def headline(title: str) -> str:
    """A web page's title without the outlet's name after it ("Man hurt in crash | The Oakvale
    Courier" -> "Man hurt in crash")."""
    return TITLE_SEP.split(title.strip())[0]


def clean_text(text: str, *, title: str | None = None, rules: Rules | None = None) -> Cleaned:
    """Body paragraphs joined by blank lines, with boilerplate moved to the returned fields.

    ``title`` is the title the document already has; then a first line equal to it is dropped
    and no other line is taken as the title.
    """
    rules = rules or load_rules()
    paragraphs = [p for block in _blocks(text) for p in _paragraphs(block)]
    for paragraph in paragraphs:
        for line in paragraph:
            line.kind = classify(line.text, rules)

    def has_body(units: list[list[Line]]) -> bool:
        return any(line.kind is None for unit in units for line in unit)

    out = Cleaned(body="", title=None)
    # The top of the article: section label, then title, among bylines and stamps.
    start = 0
    first_unit = True
    while start < len(paragraphs):
        unit = paragraphs[start]
        if not has_body([unit]):
            start += 1
            continue
        if len(unit) != 1 or not has_body(paragraphs[start + 1 :]):
            break
        line = unit[0]
        if first_unit and _is_section(line, rules) and not (title and _same(line.text, title)):
            out.section = drop_invisible(line.text)
        elif title is not None and _same(line.text, title):
            pass  # the given title, repeated as the first line
        elif title is None and out.title is None and _is_title(line, rules):
            out.title = drop_invisible(line.text)
        else:
            break
        line.kind = "top"
        first_unit = False
        start += 1

    kept: list[list[Line]] = []
    for paragraph in paragraphs:
        body_lines = []
        for line in paragraph:
            if line.kind is None:
                body_lines.append(line)
            elif line.kind == "updated" and out.updated is None:
                out.updated = drop_invisible(line.text)
            elif line.kind == "byline" and out.byline is None:
                out.byline = drop_invisible(line.text)
            elif line.kind == "caption":
                out.captions.append(drop_invisible(line.text))
            elif line.kind != "top":
                out.stripped.append(line.text)
        if body_lines:
            kept.append(body_lines)

    pieces: list[str] = []
    pos = 0
    for paragraph in kept:
        if pieces:
            pieces.append("\n\n")
            pos += 2
        for i, line in enumerate(paragraph):
            if i:
                pieces.append("\n")
                pos += 1
            for offset, run in _visible_runs(line.text):
                out.segments.append((pos, line.raw_start + offset, len(run)))
                pieces.append(run)
                pos += len(run)
    out.body = "".join(pieces)
    return out


def raw_offset(segments: list[tuple[int, int, int]] | list[list[int]], offset: int, *, end: bool = False) -> int | None:
    """Map an offset in the cleaned body back to the input text (None between kept lines).

    Where one segment ends and the next begins (an invisible character left out between them)
    the offset is the next one's start, or with ``end`` (a span's end) the first one's end."""
    found = None
    for clean_start, raw_start, length in segments:
        if clean_start <= offset <= clean_start + length:
            found = raw_start + offset - clean_start
            if end or offset < clean_start + length:
                return found
    return found
