"""Clean: a RawDocument becomes an Article with main text and metadata.

- HTML pages go through trafilatura (main text, title, date, site name); feed fragments through
  a plain block walk.  Paragraphs are separated by blank lines.
- Then the boilerplate rules of ``data/clean.toml`` move lines out of the body into fields:
  a leading section label (``section``), a first short line without final punctuation
  (``title``, when none was given), "Updated at ..." stamps (``updated``), bylines (``byline``),
  photo captions ending in a credit such as "(Name/AP)" (``captions``) and newsletter,
  subscription, sharing and advertising lines (``stripped``).  Nothing is dropped silently.
- The body is otherwise kept as written: every character inside a line stays, only line ends
  (Windows, old Mac), the space around lines and runs of blank lines are normalised.  When the
  body differs from the input text, ``metadata["segments"]`` lists ``[body_start, input_start,
  length]`` for each kept line, so offsets can be mapped back (see :func:`raw_offset`).
- The headline is the text's first paragraph (:func:`with_headline`): it is part of what the
  report says -- often its whole toll and town ("Two dead, three hurt in Oakvale shooting") --
  and on a page whose body is a sign-up wall or a video player it is all the report says.  It
  stays in ``title`` too.

The article id is a content hash of the cleaned text, headline included (:func:`article_id`).
"""

from __future__ import annotations

import hashlib
import re

from wirecheck.clean.html import extract_fragment, extract_page, no_text_reason
from wirecheck.clean.text import classify, clean_text, drop_invisible, headline, raw_offset
from wirecheck.errors import BadInput
from wirecheck.ingest.dates import normalize_published
from wirecheck.models import Article, RawDocument
from wirecheck.settings import Settings

__all__ = ["article_id", "classify", "clean_document", "clean_text", "drop_invisible", "headline", "raw_offset", "with_headline"]

# A paragraph that reads as a sentence: a few words and a final stop.  Pages whose "main text"
# has none (menus, link lists) have no main text.
_SENTENCE = re.compile(r"(?:\S+\s+){3,}\S*[.!?][\"'”’)\]]*\s*$", re.MULTILINE)


def article_id(text: str) -> str:
    """sha256 of the whitespace-normalised cleaned text, first 16 hex digits.

    The text begins with the headline (:func:`with_headline`), so one body under two headlines
    (a sign-up wall over each of a site's stories, a wire copy an outlet retitled) is two reports.
    """
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def with_headline(body: str, title: str | None) -> tuple[str, int]:
    """``body`` with the headline as its first paragraph, and how far the body moved.

    The outlet's name after the headline ("... | The Oakvale Courier") is left out: it is the
    page's, not the report's.  Unchanged when there is no headline or the body opens with it.
    """
    head = " ".join(headline(title or "").split())
    if not head or " ".join(body[: len(head) + 20].split()).startswith(head):
        return body, 0
    return f"{head}\n\n{body}", len(head) + 2


def _strip(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(drop_invisible(value).split())
    return value or None


def clean_document(doc: RawDocument, settings: Settings) -> Article:
    """The cleaned Article for ``doc``; raises BadInput when no body text is left.

    ``settings`` is taken for symmetry with the other stages (and future knobs); the rules
    themselves are data in ``data/clean.toml``.
    """
    origin = doc.origin
    metadata = dict(doc.metadata)
    title, url, source, published = _strip(doc.title), _strip(doc.url), _strip(doc.source), doc.published
    html_section: str | None = None
    author: str | None = None
    captions: list[str] = []
    text = doc.text
    from_html = False
    if not (text and text.strip()) and doc.html and doc.html.strip():
        from_html = True
        if metadata.get("html_fragment"):
            extracted = extract_fragment(doc.html, origin)
        else:
            extracted = extract_page(doc.html, origin)
        text = extracted.text
        title = title or _strip(extracted.title)
        source = source or _strip(extracted.sitename)
        url = url or _strip(extracted.url)
        if published is None and extracted.published:
            published = normalize_published(extracted.published)
        html_section = _strip(extracted.section)
        author = _strip(extracted.author)
        captions = list(extracted.captions)
    if text is None or not text.strip():
        raise BadInput(origin, "empty: the document has no text")

    cleaned = clean_text(text, title=title)
    if not cleaned.body.strip():
        if from_html:
            raise BadInput(origin, no_text_reason(doc.html or ""))
        raise BadInput(origin, "no body text left after cleaning (only a title, labels or boilerplate lines)")
    if from_html and not _SENTENCE.search(cleaned.body):
        raise BadInput(origin, no_text_reason(doc.html or ""))
    title = title or cleaned.title
    body, shift = with_headline(cleaned.body, title)
    if not from_html and body != text:
        segments = [[start + shift, raw, length] for start, raw, length in cleaned.segments]
        if shift:
            # the headline as the input gave it, when it stood on a line of its own
            found = re.search(rf"(?m)^[ \t]*({re.escape(body[: shift - 2])})[ \t]*$", text)
            if found:
                segments.insert(0, [0, found.start(1), shift - 2])
        metadata["segments"] = segments

    stripped = list(cleaned.stripped)
    section = html_section or cleaned.section
    if html_section and cleaned.section and cleaned.section != html_section:
        stripped.insert(0, cleaned.section)
    byline = cleaned.byline or author
    if cleaned.byline and author:
        metadata.setdefault("author", author)
    return Article(
        id=article_id(body),
        text=body,
        origin=origin,
        title=title,
        source=source,
        url=url,
        published=published,
        section=section,
        updated=cleaned.updated,
        byline=byline,
        captions=captions + [c for c in cleaned.captions if c not in captions],
        stripped=stripped,
        metadata=metadata,
    )
