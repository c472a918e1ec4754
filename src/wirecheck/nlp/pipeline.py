"""spaCy loading and the per-article NLP pass.

Speed is the reason for the shape of this module.  In ``en_core_web_sm`` the dependency parser,
the shared ``tok2vec`` it listens to and the ``attribute_ruler`` cost about half of a full
``nlp.pipe``.  wirecheck needs dependencies only in sentences that hold an event trigger or an
attribution cue, so the whole text goes through the cheap components (a rule-based sentence
splitter and ``ner``, which has its own small embedding), and the parser runs later, on demand,
on the few sentences that extract asks for (:meth:`NlpDoc.parse`).
"""

from __future__ import annotations

import bisect
import re
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from wirecheck.errors import ModelNotFound
from wirecheck.models import Article, LocalEntity, Sentence, TimeExpression
from wirecheck.settings import DEFAULT_MODELS

# How the whole-text pass finds sentences: "rules" (spaCy's punctuation ``Sentencizer`` plus
# paragraph breaks) or "senter" (the pipeline's statistical segmenter, a CNN of its own).  On
# news text the rules give the same claims and facts for far less time (see
# ``scripts/bench_nlp.py`` and ``scripts/score_claims.py``), so they are the default.
SEGMENTER = "rules"
# Components that the on-demand parse runs over selected sentences.  ``tok2vec`` feeds the
# tagger and the parser in the ``en_core_web_*`` pipelines; the tagger's fine tags (``VBD``,
# ``PRP``) are what the rules read, so ``attribute_ruler`` and ``lemmatizer`` are not needed.
PARSE_COMPONENTS = ("tok2vec", "tagger", "parser")

_CACHE: dict[str | None, NLP] = {}
_LOCK = threading.Lock()


_NEWLINE_RUN = re.compile(r"\s*\n\s*")


def _newline_boundaries(doc: Any) -> Any:
    """A paragraph break always ends a sentence (titles and datelines have no full stop).

    Found on the text, not by walking the tokens: creating a Python ``Token`` for every word
    of every article cost more than the rule itself.
    """
    text = doc.text
    if "\n" not in text:
        return doc
    starts = None
    for m in _NEWLINE_RUN.finditer(text):
        if m.end() >= len(text):
            break
        if starts is None:
            starts = doc.to_array("IDX").tolist()
        # The token that starts right after the whitespace run (the run is one or more
        # whitespace tokens, or trailing whitespace of the token before).
        i = bisect.bisect_left(starts, m.end())
        if 0 < i < len(starts) and starts[i] == m.end():
            doc[i].is_sent_start = True
    return doc


@dataclass(slots=True)
class NlpDoc:
    """The NLP view of one article, internal to ``nlp`` and ``extract``."""

    article: Article
    doc: Any  # spacy.tokens.Doc of the whole text: tokens, sentences, named entities
    sentences: list[Sentence]
    entities: list[LocalEntity] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    nlp: NLP | None = None
    _parses: dict[int, Any] = field(default_factory=dict)
    # The article as the outlet wrote it, where ``article`` holds a copy with its case restored
    # for the NLP pass (a text in capitals, :mod:`wirecheck.nlp.truecase`); same offsets.
    original: Article | None = None

    @property
    def text(self) -> str:
        return self.article.text

    def sentence_of(self, char: int) -> int:
        """Index of the sentence that holds character ``char``."""
        lo, hi = 0, len(self.sentences) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid].start <= char:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def parse_many(self, indices: Iterable[int]) -> None:
        """Parse the given sentences (once each), in one batch."""
        todo = sorted({i for i in indices if i not in self._parses and 0 <= i < len(self.sentences)})
        if not todo or self.nlp is None:
            return
        t0 = time.perf_counter()
        # Re-tokenising a sentence is cheaper than copying its tokens out of the whole-text Doc
        # (``Span.as_doc`` took 40x the tokenizer's time on news text: the tokenizer caches).
        docs = self.nlp.parse_texts([self.sentences[i].text for i in todo])
        for i, d in zip(todo, docs, strict=True):
            self._parses[i] = d
        self.timings["parse"] = self.timings.get("parse", 0.0) + time.perf_counter() - t0

    def parse(self, index: int) -> Any | None:
        """The dependency parse of sentence ``index`` (a Doc whose ``token.idx`` is relative to
        the sentence start), or None when the pipeline has no parser."""
        if index not in self._parses:
            self.parse_many([index])
        return self._parses.get(index)

    def parsed(self) -> dict[int, Any]:
        return dict(self._parses)


def _keep_abbreviations(language: Any) -> None:
    """Keep title abbreviations ("Maj.", "Lt.", "Brig.", "Ft.") one token, as the tokenizer already
    does for "Gen." and "Mr.": a split-off full stop would end the sentence in the middle of a
    name.  The words are the abbreviated ranks and honorifics of ``data/entities.toml``."""
    from spacy.symbols import ORTH

    from wirecheck.nlp.entities import lexicon
    from wirecheck.nlp.places import PLACE_OPENERS

    lex = lexicon()
    # (and the abbreviated words that open towns' names: "Ft. Worth", "Mt. Vernon")
    for title in (*lex["rank_titles"], *lex["honorifics"], *PLACE_OPENERS):
        for word in title.split():
            if word.endswith(".") and len(word) > 2 and word[:-1].isalpha():
                for form in (word.capitalize(), word.upper()):
                    language.tokenizer.add_special_case(form, [{ORTH: form}])


class NLP:
    """A loaded spaCy pipeline split into a cheap whole-text pass and an on-demand parser."""

    def __init__(self, language: Any, name: str, segmenter: str = SEGMENTER) -> None:
        self.language = language
        self.name = name
        names = list(language.pipe_names) + list(language.disabled)
        _keep_abbreviations(language)
        fast: list[tuple[str, Any]] = []
        if segmenter == "senter" and "senter" in names:
            fast.append(("senter", language.get_pipe("senter")))
        elif segmenter == "senter" and "parser" in names:
            # No statistical segmenter: the parser has to give sentences on the whole text.
            fast += [(n, language.get_pipe(n)) for n in ("tok2vec", "tagger", "parser") if n in names]
        else:
            from spacy.pipeline import Sentencizer

            fast.append(("sentencizer", Sentencizer()))
        if "ner" in names:
            fast.append(("ner", language.get_pipe("ner")))
        self._fast = fast
        self._parse = [(n, language.get_pipe(n)) for n in PARSE_COMPONENTS if n in names]
        self.has_parser = "parser" in names
        self.has_ner = "ner" in names

    def __repr__(self) -> str:
        return f"NLP({self.name!r})"

    # -- whole texts -----------------------------------------------------------------
    def _pipe_fast(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[Any]:
        docs: Iterable[Any] = (_newline_boundaries(self.language.make_doc(t)) for t in texts)
        for _name, proc in self._fast:
            docs = proc.pipe(docs, batch_size=batch_size) if hasattr(proc, "pipe") else map(proc, docs)
        yield from docs

    def process(self, article: Article) -> NlpDoc:
        return next(iter(self.process_many([article])))

    def process_many(self, articles: Sequence[Article], batch_size: int = 32) -> Iterator[NlpDoc]:
        """The cheap pass over whole texts, then sentences, entities and time expressions.

        A text written in capitals is read in the case news would print (same offsets)."""
        read = [self.readable(a) for a in articles]
        texts = (a.text for a in read)
        t0 = time.perf_counter()
        for article, original, doc in zip(read, articles, self._pipe_fast(texts, batch_size), strict=True):
            nd = self.finish(article, doc)
            if article is not original:
                nd.original = original
            nd.timings["spacy"] = time.perf_counter() - t0 - sum(nd.timings.values())
            yield nd
            t0 = time.perf_counter()

    def readable(self, article: Article) -> Article:
        """``article``, or a copy with its case restored where its text is in capitals (all of
        it, or a stretch of whole sentences: a transcript under a story)."""
        from wirecheck.nlp import truecase

        lex = truecase.lexicon_for(self.language)
        if lex is None:
            return article
        text = truecase.restore_runs(article.text, lex, truecase.places_for(lex))
        return replace(article, text=text) if text != article.text else article

    def finish(self, article: Article, doc: Any) -> NlpDoc:
        """Sentences, entities and time expressions of one article from its whole-text Doc."""
        from wirecheck.nlp.entities import find_entities

        t1 = time.perf_counter()
        sentences = _sentences(doc)
        t2 = time.perf_counter()
        entities = find_entities(doc, sentences)
        t3 = time.perf_counter()
        times = _find_times(article, sentences)
        t4 = time.perf_counter()
        timings = {"sentences": t2 - t1, "entities": t3 - t2, "times": t4 - t3}
        return NlpDoc(article, doc, sentences, entities, times, timings, self)

    # -- selected sentences ---------------------------------------------------------
    def parse_texts(self, texts: Sequence[str]) -> list[Any]:
        if not self.has_parser:
            return [None] * len(texts)
        docs: Iterable[Any] = (self.language.make_doc(t) for t in texts)
        for _name, proc in self._parse:
            docs = proc.pipe(docs, batch_size=64) if hasattr(proc, "pipe") else map(proc, docs)
        return list(docs)


_SPACE_RE = re.compile(r"\s+")


def _sentences(doc: Any) -> list[Sentence]:
    """Sentences with offsets into the text; whitespace-only pieces are dropped."""
    out: list[Sentence] = []
    text = doc.text
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start:
            continue
        out.append(Sentence(index=len(out), start=start, end=end, text=text[start:end]))
    return out


def _find_times(article: Article, sentences: list[Sentence]) -> list[TimeExpression]:
    try:
        from wirecheck.nlp.times import find_times
    except ImportError:  # the times module is written separately; no times until it lands
        return []
    return list(find_times(article.text, sentences, article.published))


def load_pipeline(name: str | None = None) -> NLP:
    """Load a spaCy pipeline once per process.

    ``name`` None tries :data:`wirecheck.settings.DEFAULT_MODELS` in order.  Raises
    :class:`~wirecheck.errors.ModelNotFound` naming what was tried and how to install it.
    """
    with _LOCK:
        if name in _CACHE:
            return _CACHE[name]
        import spacy

        tried = [name] if name else list(DEFAULT_MODELS)
        errors: list[str] = []
        for candidate in tried:
            try:
                language = spacy.load(candidate, exclude=["attribute_ruler", "lemmatizer"])
            except OSError as exc:
                errors.append(f"{candidate}: {str(exc).splitlines()[0][:120]}")
                continue
            nlp = NLP(language, candidate)
            _CACHE[name] = nlp
            return nlp
        pkg = (name or DEFAULT_MODELS[0]).replace("_", "-")
        raise ModelNotFound(
            f"no spaCy pipeline could be loaded (tried {', '.join(tried)}). "
            f"Install one with `pip install {pkg}` (or `python -m spacy download en_core_web_sm`), "
            "or name an installed pipeline with --model / WIRECHECK_MODEL."
        )
