"""extract: event mentions with their arguments, and claims with speaker, cue and content.

``analyze_article(article, nlp)`` is the per-article entry point: it runs the NLP pass, finds
claims and events, links claims to the events they are about and records timings per stage.
Pure: the same article and pipeline give the same analysis.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence

from wirecheck.extract.claims import find_claims
from wirecheck.extract.events import find_events, link_claims
from wirecheck.models import Article, ArticleAnalysis
from wirecheck.nlp.pipeline import NLP, NlpDoc

__all__ = ["analyze_article", "analyze_articles"]


def _analyze(nd: NlpDoc) -> ArticleAnalysis:
    timings = dict(nd.timings)
    entities = nd.entities
    t0 = time.perf_counter()
    parse_before = nd.timings.get("parse", 0.0)
    claims = find_claims(nd, entities)
    t1 = time.perf_counter()
    parse_claims = nd.timings.get("parse", 0.0) - parse_before
    events, main = find_events(nd, entities, claims)
    link_claims(claims, events, main)
    t2 = time.perf_counter()
    parse_events = nd.timings.get("parse", 0.0) - parse_before - parse_claims
    timings["parse"] = parse_claims + parse_events
    timings["claims"] = t1 - t0 - parse_claims
    timings["events"] = t2 - t1 - parse_events
    timings["total"] = sum(v for k, v in timings.items() if k != "total")
    return ArticleAnalysis(
        article=nd.original or nd.article,
        sentences=nd.sentences,
        entities=entities,
        times=nd.times,
        events=events,
        claims=claims,
        timings=timings,
        main_event=main,
    )


def analyze_article(article: Article, nlp: NLP) -> ArticleAnalysis:
    """Sentences, entities, times, events and claims of one cleaned article."""
    return _analyze(nlp.process(article))


def analyze_articles(
    articles: Iterable[Article], nlp: NLP, batch_size: int = 32
) -> Iterator[ArticleAnalysis]:
    """Like :func:`analyze_article` for many articles, batching the spaCy pass (faster)."""
    batch: list[Article] = []
    for a in articles:
        batch.append(a)
        if len(batch) >= batch_size:
            yield from _run(batch, nlp, batch_size)
            batch = []
    if batch:
        yield from _run(batch, nlp, batch_size)


def _run(batch: Sequence[Article], nlp: NLP, batch_size: int) -> Iterator[ArticleAnalysis]:
    for nd in nlp.process_many(batch, batch_size=batch_size):
        yield _analyze(nd)
