"""HTML to main text: trafilatura for whole pages, a plain block walk for feed fragments."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree
from lxml import html as lxml_html

from wirecheck.errors import BadInput

# Block elements whose ends are paragraph breaks in a fragment.
_BLOCKS = (
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "tr",
    "section",
    "article",
    "figure",
    "figcaption",
    "dd",
    "dt",
)
_DROP = ("script", "style", "noscript", "template", "iframe", "svg", "form", "button")
_CLOSING = re.compile(r"</(?:html|body)\s*>", re.IGNORECASE)
_PAGE = re.compile(r"<(?:html|head|body)\b", re.IGNORECASE)
# Meta tags that carry the publication time with its clock time (trafilatura keeps the day only).
_TIME_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "dc.date.issued",
    "dc.date",
)
_SECTION_META = ("article:section", "section", "og:section")


@dataclass(slots=True)
class Extracted:
    text: str  # paragraphs joined by blank lines
    title: str | None = None
    published: str | None = None
    sitename: str | None = None
    author: str | None = None
    url: str | None = None
    section: str | None = None
    captions: list[str] = field(default_factory=list)


def _squash(text: str) -> str:
    # In HTML, runs of white space render as one space: collapsing them is reading, not editing.
    return " ".join(text.split())


def _parse(html: str, origin: str) -> lxml_html.HtmlElement:
    try:
        return lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise BadInput(origin, f"HTML could not be parsed ({exc})") from exc


def _page_details(tree: lxml_html.HtmlElement) -> dict[str, object]:
    meta: dict[str, str] = {}
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().lower()
        if key and node.get("content") and key not in meta:
            meta[key] = node.get("content").strip()
    for node in tree.iter("time"):
        if node.get("datetime") and "time:datetime" not in meta:
            meta["time:datetime"] = node.get("datetime").strip()
    published = next((meta[k] for k in (*_TIME_META, "time:datetime") if meta.get(k)), None)
    section = next((meta[k] for k in _SECTION_META if meta.get(k)), None)
    # Figure captions: trafilatura leaves them out of the main text, clean keeps them as metadata.
    scope = tree.xpath("//article|//main") or [tree]
    captions = []
    for node in scope[0].iter("figcaption"):
        text = _squash(node.text_content())
        if text and text not in captions:
            captions.append(text)
    canonical = tree.xpath("//link[@rel='canonical']/@href")
    return {
        "published": published,
        "section": section,
        "captions": captions,
        "url": canonical[0].strip() if canonical else meta.get("og:url"),
    }


def no_text_reason(html: str) -> str:
    """Why a page gave no main text: cut short, or nothing but page furniture."""
    if _PAGE.search(html) and not _CLOSING.search(html):
        return "truncated HTML: the page ends before its closing tags and yields no main text"
    return "HTML has no main text (only navigation, links, scripts or boilerplate)"


def extract_page(html: str, origin: str) -> Extracted:
    """Main text and metadata of a whole page; BadInput when there is no main text."""
    import trafilatura  # lazy: slow to import and only HTML needs it

    tree = _parse(html, origin)
    details = _page_details(tree)
    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        # Dates come from the page's metadata only: a date guessed from the text or the URL
        # would be invented, and the event date is not the publication date anyway.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(doc, "text", None) or ""
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    if not paragraphs:
        if _PAGE.search(html) and not _CLOSING.search(html):
            raise BadInput(
                origin, "truncated HTML: the page ends before its closing tags and yields no main text"
            )
        raise BadInput(origin, "HTML has no main text (only navigation, scripts or boilerplate)")
    return Extracted(
        text="\n\n".join(paragraphs),
        title=getattr(doc, "title", None) or None,
        published=details["published"] or getattr(doc, "date", None),  # type: ignore[arg-type]
        sitename=getattr(doc, "sitename", None) or None,
        author=getattr(doc, "author", None) or None,
        url=details["url"] or getattr(doc, "url", None),  # type: ignore[arg-type]
        section=details["section"],  # type: ignore[arg-type]
        captions=details["captions"],  # type: ignore[arg-type]
    )


def extract_fragment(html: str, origin: str) -> Extracted:
    """Text of an HTML fragment (a feed entry's content): every block is a paragraph."""
    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError) as exc:
        raise BadInput(origin, f"HTML could not be parsed ({exc})") from exc
    for node in list(root.iter(*_DROP)):
        node.drop_tree()
    captions = [_squash(n.text_content()) for n in root.iter("figcaption") if _squash(n.text_content())]
    for node in list(root.iter("figcaption")):
        node.drop_tree()
    for node in root.iter("br"):
        node.tail = "\n" + (node.tail or "")  # one <br> breaks a line, two a paragraph
    for node in root.iter(*_BLOCKS):
        node.tail = "\n\n" + (node.tail or "")
        node.text = "\n\n" + (node.text or "")
    paragraphs = [_squash(p) for p in re.split(r"\n\s*\n", root.text_content())]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        raise BadInput(origin, "HTML has no main text (the fragment holds no text)")
    return Extracted(text="\n\n".join(paragraphs), captions=captions)
