"""The one place where the stages meet.

``ingest -> clean -> nlp -> extract`` run per article and are pure, so they can run in worker
processes (``settings.workers``) and come back as small :class:`ArticleAnalysis` objects.
``link -> reconcile -> store`` run in this process, one writer, article by article, so the
database is consistent after every article.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import itertools
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wirecheck.clean import clean_document
from wirecheck.errors import BadInput, WirecheckError
from wirecheck.ingest import iter_documents
from wirecheck.models import Article, ArticleAnalysis, Place, Problem, RawDocument, StoryResult
from wirecheck.settings import Settings

if TYPE_CHECKING:
    from wirecheck.store import Store

Progress = Callable[[int, int | None], None]  # (done, total or None)


@dataclass(slots=True)
class IngestReport:
    """What one ingest did."""

    stored: list[str] = field(default_factory=list)  # new article ids
    unchanged: list[str] = field(default_factory=list)  # already stored (same content)
    skipped: list[Problem] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)  # stories created or changed, in order
    removed_stories: list[str] = field(default_factory=list)  # merged into another
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.skipped


# --------------------------------------------------------------------------- per article


def clean_documents(docs: Iterable[RawDocument | Problem], settings: Settings) -> Iterator[Article | Problem]:
    """Clean each document; a document that cannot be used becomes a Problem."""
    for doc in docs:
        if isinstance(doc, Problem):
            yield doc
            continue
        try:
            yield clean_document(doc, settings)
        except BadInput as exc:
            yield Problem(exc.origin, exc.reason)


_WORKER_NLP: Any = None
_WORKER_ERROR: WirecheckError | None = None  # why this worker could not load its pipeline


def _load_nlp(model: str | None) -> None:
    global _WORKER_NLP, _WORKER_ERROR
    from wirecheck.nlp import load_pipeline

    try:
        _WORKER_NLP = load_pipeline(model)
    except WirecheckError as exc:
        # Kept, not raised: an initializer that raises breaks the whole pool with a message that
        # names no cause.  The first batch raises it instead, and it reaches the caller as is.
        _WORKER_ERROR = exc


def _pool_init(model: str | None) -> None:
    _watch_parent()
    _load_nlp(model)


def _watch_parent() -> None:
    """Exit when the process that started this worker dies.

    A worker blocked on its task queue never sees its parent go (it holds the queue's other end
    itself), so a writer killed mid-run would leave workers holding a spaCy model each forever.
    """
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="wirecheck-parent-watch", daemon=True).start()


def _analyze_batch(articles: list[Article]) -> list[ArticleAnalysis | Problem]:
    from wirecheck.extract import analyze_article, analyze_articles

    if _WORKER_NLP is None and _WORKER_ERROR is not None:
        raise _WORKER_ERROR
    out: list[ArticleAnalysis | Problem] = []
    # The whole batch goes through spaCy in one ``nlp.pipe`` (the models run far faster on a
    # batch than on one text at a time).  An article that fails stops that generator: it is
    # tried again alone, and the rest of the batch goes on in a new one.
    i = 0
    while i < len(articles):
        try:
            for analysis in analyze_articles(articles[i:], _WORKER_NLP, batch_size=len(articles)):
                out.append(_with_link_features(analysis))
                i += 1
        except Exception:
            article = articles[i]
            try:
                out.append(_with_link_features(analyze_article(article, _WORKER_NLP)))
            except Exception as exc:  # one bad article never stops a batch
                out.append(Problem(article.origin or article.id, f"analysis failed: {type(exc).__name__}: {exc}"))
            i += 1
    return out


def _with_link_features(analysis: ArticleAnalysis) -> ArticleAnalysis:
    """The analysis with what the story linker reads of the article alone, computed here, where
    the article was analysed (a worker): the one linking process then only compares (see
    ``wirecheck.link.features.prepare``).  Timed as a per-article stage of its own."""
    from wirecheck.link.features import prepare

    t0 = time.perf_counter()
    analysis.link_features = prepare(analysis)
    seconds = time.perf_counter() - t0
    analysis.timings["link_features"] = seconds
    analysis.timings["total"] = analysis.timings.get("total", 0.0) + seconds
    return analysis


CHUNK = 256  # articles stored and linked between two rounds of reconciling
SETTLE_BATCH = 32  # stories reconciled and saved per write transaction


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class Analyzer:
    """Runs the per-article stages: in this process, in a process pool, or on a Dask cluster.

    Used as a context manager so a pool or cluster is started once per run, not per chunk.
    Results come back in input order, whichever way they were computed: the linker sees the same
    sequence with one worker or many, so the stories do not depend on ``settings.workers``.
    """

    def __init__(self, settings: Settings, nlp: Any = None) -> None:
        self.settings = settings
        self.nlp = nlp
        self._pool: Any = None
        self._client: Any = None
        self._cluster: Any = None
        self._workers = 1

    def __enter__(self) -> Analyzer:
        self._workers = self.settings.workers or os.cpu_count() or 1
        return self

    def _start_dask(self) -> None:
        # Started on the first articles, not on enter: a run with nothing new (everything
        # already stored) should not wait for a cluster.
        from dask.distributed import Client, LocalCluster

        if self.settings.dask == "local":
            self._cluster = LocalCluster(
                n_workers=self._workers, threads_per_worker=1, processes=True, dashboard_address=None
            )
            self._client = Client(self._cluster)
        else:
            self._client = Client(self.settings.dask)

    def _local(self) -> None:
        global _WORKER_NLP
        if self.nlp is not None:
            _WORKER_NLP = self.nlp
        elif _WORKER_NLP is None:
            from wirecheck.nlp import load_pipeline

            _WORKER_NLP = load_pipeline(self.settings.model)  # raises ModelNotFound here

    def _start_pool(self) -> None:
        from concurrent.futures import ProcessPoolExecutor

        # spawn, not fork: spaCy and SQLAlchemy hold threads and locks that fork would copy
        # half-taken.  Not forkserver either: its workers are the fork server's children, so
        # their memory never shows in this process's RUSAGE_CHILDREN (the benchmark reads it).
        # A process pool from concurrent.futures, not multiprocessing.Pool: when a worker dies
        # (killed for memory) the run fails with BrokenProcessPool instead of waiting forever.
        self._pool = ProcessPoolExecutor(
            self._workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_pool_init,
            initargs=(self.settings.model,),
        )

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    def map(self, articles: Iterable[Article]) -> Iterator[ArticleAnalysis | Problem]:
        """Analyses of ``articles`` in input order.  ``articles`` may be a lazy stream: it is
        read a few batches ahead of the results, so workers stay busy while the caller writes."""
        stream = iter(articles)
        # A pool pays for itself only past a couple of batches: each process loads spaCy once.
        head = list(itertools.islice(stream, 2 * self.settings.batch_size + 1))
        if not head:
            return  # nothing to load spaCy or start workers for
        if self.settings.dask and self._client is None:
            self._start_dask()
        if self._client is None and self._pool is None and self._workers > 1 and self.nlp is None \
                and len(head) > 2 * self.settings.batch_size:
            self._start_pool()
        batches = _chunks(itertools.chain(head, stream), self.settings.batch_size)
        submit: Callable[[list[Article]], Any]
        if self._client is not None:
            client, model = self._client, self.settings.model
            workers = len(client.scheduler_info().get("workers", {})) or 1
            window = 4 * workers  # batches in flight: keeps every worker busy, client memory flat

            def submit(batch: list[Article]) -> Any:
                return client.submit(_analyze_batch_lazy, batch, model, pure=False)

        elif self._pool is not None:
            # Batches in flight: enough that the workers keep going while the writer reconciles.
            window = 4 * self._workers
            submit = functools.partial(self._pool.submit, _analyze_batch)
        else:
            self._local()
            for batch in batches:
                yield from _analyze_batch(batch)
            return
        pending: collections.deque[Any] = collections.deque()
        for batch in batches:
            pending.append(submit(batch))
            if len(pending) >= window:
                yield from _result(pending.popleft())
        while pending:
            yield from _result(pending.popleft())


def _result(future: Any) -> list[ArticleAnalysis | Problem]:
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise WirecheckError(
            "an analysis worker process died or could not start (out of memory? a script that "
            "ingests with workers must start it under `if __name__ == \"__main__\":`); what was "
            "stored is kept: run the same command again to go on, perhaps with fewer --workers"
        ) from exc


def _analyze_batch_lazy(articles: list[Article], model: str | None) -> list[ArticleAnalysis | Problem]:
    """For Dask workers: load the pipeline once per worker process, then analyse."""
    if _WORKER_NLP is None and _WORKER_ERROR is None:
        _load_nlp(model)
    return _analyze_batch(articles)


def iter_analyses(
    articles: Sequence[Article], settings: Settings, nlp: Any = None
) -> Iterator[ArticleAnalysis | Problem]:
    """Analyse articles in order (see :class:`Analyzer`)."""
    with Analyzer(settings, nlp) as analyzer:
        yield from analyzer.map(articles)


def analyze_articles(articles: Sequence[Article], settings: Settings, nlp: Any = None) -> list[ArticleAnalysis]:
    """Analyse a list of articles in memory (used by evaluation); failures are dropped."""
    return [a for a in iter_analyses(articles, settings, nlp) if isinstance(a, ArticleAnalysis)]


# --------------------------------------------------------------------------- cross article


def link_analyses(analyses: Sequence[ArticleAnalysis], settings: Settings) -> list[StoryResult]:
    """Link and reconcile analyses in memory, in the given order (used by evaluation)."""
    from wirecheck.link import MemoryLinkBackend, StoryLinker, duplicate_groups, outlet_homes, outlet_towns
    from wirecheck.link.features import outlet
    from wirecheck.reconcile import reconcile_story

    backend = MemoryLinkBackend()
    linker = StoryLinker(backend, settings)
    by_id: dict[str, ArticleAnalysis] = {}
    for analysis in analyses:
        by_id[analysis.article.id] = analysis
        linker.add(analysis)
    outlets = {outlet(a.article.source) for a in analyses}
    homes, towns = outlet_homes(backend, outlets), outlet_towns(backend, outlets)
    results = []
    for story_id in backend.all_story_ids():
        members = [by_id[a] for a in backend.story_articles(story_id) if a in by_id]
        if members:
            results.append(reconcile_story(story_id, members, duplicate_groups(backend, story_id), homes, towns))
    return results


# --------------------------------------------------------------------------- store


def ingest(
    paths: Sequence[str],
    settings: Settings,
    store: Store | None = None,
    *,
    source: str | None = None,
    published: str | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Read, analyse, store, link and reconcile everything under ``paths``."""
    docs = iter_documents(paths, settings, source=source, published=published)
    return ingest_documents(docs, settings, store, progress=progress)


def ingest_documents(
    docs: Iterable[RawDocument | Problem],
    settings: Settings,
    store: Store | None = None,
    *,
    progress: Progress | None = None,
) -> IngestReport:
    """Analyse, store, link and reconcile ``docs``; safe to kill and run again.

    Each article is stored in one transaction, then linked; after every chunk the stories it
    touched are reconciled.  A run that was killed leaves articles stored but not linked, and
    stories whose saved version lags behind their articles: the next run links the first and
    reconciles (or deletes, if merged away) the second before it reads anything new.
    """
    from wirecheck.link import StoryLinker
    from wirecheck.store import open_store

    started = time.perf_counter()
    own_store = store is None
    store = store or open_store(settings.db_url)
    report = IngestReport()
    with contextlib.ExitStack() as stack:
        if own_store:
            stack.callback(store.close)
        linker = StoryLinker(store, settings)
        touched: dict[str, None] = {}
        removed: set[str] = set()
        reconciled: dict[str, None] = {}
        gone: set[str] = set()

        def add_time(stage: str, seconds: float) -> None:
            report.timings[stage] = report.timings.get(stage, 0.0) + seconds

        def link(analysis: ArticleAnalysis) -> None:
            t0 = time.perf_counter()
            result = linker.add(analysis)
            for story_id in result.touched:
                touched[story_id] = None
            removed.update(result.removed)
            # A story split off takes the id of its first article, which may name a story merged
            # away earlier (in this run, or before it): it lives again.
            live = result.touched - result.removed
            removed.difference_update(live)
            gone.difference_update(live)
            add_time("link", time.perf_counter() - t0)

        def settle() -> None:
            """Reconcile what changed since the last settle; drop stories merged away."""
            t0 = time.perf_counter()
            live = [s for s in touched if s not in removed]
            # A few dozen stories per transaction: one commit each instead of one per story,
            # short enough that another writer (the web app's ingest) waits under a second.
            for part in _chunks(live, SETTLE_BATCH):
                with store.batch():
                    reconciled.update(dict.fromkeys(reconcile_stories(store, part, settings)))
            with store.batch():
                for story_id in sorted(removed):
                    store.delete_story(story_id)
            gone.update(removed)
            touched.clear()
            removed.clear()
            add_time("reconcile", time.perf_counter() - t0)

        # What an earlier run left half done: articles stored but never linked ...
        for analysis in store.load_analyses(store.unlinked_article_ids()):
            link(analysis)
        # ... and stories whose articles changed after they were last saved.
        redo, drop = stale_stories(store)
        touched.update(dict.fromkeys(redo))
        removed.update(drop)
        settle()

        # Stream: memory holds the batches in flight, however long the input.  One stream of
        # analyses for the whole run (not one per chunk), so the workers keep analysing while
        # this process stores, links and reconciles.
        seen: set[str] = set()

        def fresh() -> Iterator[Article]:
            for item in clean_documents(docs, settings):
                if isinstance(item, Problem):
                    report.skipped.append(item)
                elif item.id in seen or store.has_article(item.id):
                    report.unchanged.append(item.id)
                else:
                    seen.add(item.id)
                    yield item

        done = 0
        analyzer = stack.enter_context(Analyzer(settings))
        for analysis in analyzer.map(fresh()):
            done += 1
            if isinstance(analysis, Problem):
                report.skipped.append(analysis)
                continue
            for stage, seconds in analysis.timings.items():
                add_time(stage, seconds)
            t0 = time.perf_counter()
            saved = store.save_analysis(analysis)
            add_time("store", time.perf_counter() - t0)
            if saved:
                report.stored.append(analysis.article.id)
                # One transaction for the linker's dozens of lookups and writes, not one each.
                with store.batch():
                    link(analysis)
            else:
                report.unchanged.append(analysis.article.id)
            if progress:
                progress(done, None)
            # Every CHUNK articles, not once at the end: a long ingest shows its stories as it
            # goes, and a kill loses at most one chunk's reconciling (which the next run redoes).
            if saved and len(report.stored) % CHUNK == 0:
                settle()
        settle()

        report.stories = [s for s in reconciled if s not in gone]
        report.removed_stories = sorted(gone)
    report.seconds = time.perf_counter() - started
    return report


def stale_stories(store: Store) -> tuple[list[str], list[str]]:
    """Stories whose saved version no longer matches the linker: (to reconcile, to delete).

    A story is saved (``save_story``) after its articles were linked; a run killed in between
    leaves a linked article missing from its story's saved members, a story never saved, or a
    saved story whose articles were merged into another.  Comparing the linker's membership
    (``link_features``) with the saved one (``story_articles``) finds all three without any
    extra bookkeeping, and costs two indexed joins when nothing is stale.
    """
    from sqlalchemy import and_, or_, select

    from wirecheck.store import schema as t

    lf, sa, st = t.link_features, t.story_articles, t.stories
    missing = (
        select(lf.c.story_id)
        .outerjoin(sa, and_(sa.c.story_id == lf.c.story_id, sa.c.article_id == lf.c.article_id))
        .where(sa.c.story_id.is_(None))
        .distinct()
    )
    moved = (
        select(sa.c.story_id)
        .outerjoin(lf, lf.c.article_id == sa.c.article_id)
        .where(or_(lf.c.story_id.is_(None), lf.c.story_id != sa.c.story_id))
        .distinct()
    )
    orphaned = select(st.c.id).where(st.c.id.not_in(select(lf.c.story_id).distinct()))
    with store.engine.connect() as conn:
        drop = set(conn.execute(orphaned).scalars())
        redo = set(conn.execute(missing).scalars()) | (set(conn.execute(moved).scalars()) - drop)
    return sorted(redo), sorted(drop)


def reconcile_stories(store: Store, story_ids: Iterable[str], settings: Settings) -> list[str]:
    """Rebuild the events and facts of each story from its articles' analyses."""
    from wirecheck.link import duplicate_groups, outlet_homes, outlet_towns
    from wirecheck.link.features import outlet
    from wirecheck.reconcile import reconcile_story

    done = []
    # outlet -> home state and home town, read from the store once per outlet in this call (its
    # link keys do not change while stories are rebuilt)
    homes: dict[str, str] = {}
    towns: dict[str, Place] = {}
    asked: set[str] = set()
    for story_id in story_ids:
        article_ids = store.story_articles(story_id)
        if not article_ids:
            continue
        analyses = store.load_analyses(article_ids)
        new = {o for a in analyses if (o := outlet(a.article.source))} - asked
        if new:
            homes.update(outlet_homes(store, new))
            towns.update(outlet_towns(store, new))
            asked |= new
        store.save_story(reconcile_story(story_id, analyses, duplicate_groups(store, story_id), homes, towns))
        done.append(story_id)
    return done
