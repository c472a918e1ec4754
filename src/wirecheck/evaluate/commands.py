"""Plain functions behind ``wirecheck eval``: they return strings or dicts, the CLI prints them."""

from __future__ import annotations

import json
from pathlib import Path

from wirecheck.evaluate.report import collect_meta, render_markdown
from wirecheck.evaluate.runner import Pipeline, evaluate_all, evaluate_dataset
from wirecheck.settings import Settings


def format_result(result: dict) -> str:
    """A short human summary of one dataset's result."""
    scope = f"sample {result['sample']}" if result.get("sample") else (
        f"first {result['limit']}" if result.get("limit") else "all"
    )
    lines = [f"{result['dataset']} ({result['kind']}): {result['articles']} articles ({scope}), {result['seconds']} s"]
    width = max((len(k) for k in result["figures"]), default=0)
    lines += [f"  {name:<{width}}  {value:.3f}" for name, value in result["figures"].items()]
    if not result["figures"]:
        lines.append("  (no figure: the sample holds no gold for the selected task)")
    return "\n".join(lines)


def cli_eval(
    dataset_dir: str,
    settings: Settings,
    *,
    task: str | None = None,
    as_json: bool = False,
    limit: int | None = None,
    sample: int | None = None,
    pipeline: Pipeline | None = None,
) -> str:
    """``wirecheck eval DATASET_DIR [--task T] [--json] [--limit N] [--sample N]`` -> text to print."""
    result = evaluate_dataset(dataset_dir, settings, task=task, limit=limit, sample=sample, pipeline=pipeline)
    return json.dumps(result, indent=2, ensure_ascii=False) if as_json else format_result(result)


def cli_eval_all(
    datasets_dir: str | None,
    settings: Settings,
    *,
    markdown: bool = True,
    out: str | None = None,
    sample: int | None = None,
    pipeline: Pipeline | None = None,
) -> str:
    """``wirecheck eval --all DIR --markdown [--out FILE]`` -> the text (also written to ``out``,
    keeping the sections a person wrote below the tables of an existing file: ``keep_notes``).

    ``datasets_dir`` None means ``settings.datasets`` (``WIRECHECK_DATASETS``).
    """
    root = datasets_dir or settings.datasets
    results = evaluate_all(root, settings, sample=sample, pipeline=pipeline)
    command = "wirecheck eval --all " + str(root) + " --markdown" + (f" --sample {sample}" if sample else "")
    if markdown:
        text = render_markdown(results, collect_meta(settings, command=command))
    else:
        text = json.dumps(results, indent=2, ensure_ascii=False)
    if out:
        path = Path(out)
        if markdown and path.exists():
            text = keep_notes(path.read_text(encoding="utf-8"), text)
        path.write_text(text, encoding="utf-8")
    return text


def keep_notes(old: str, new: str) -> str:
    """``new`` generated tables, followed by what ``old`` holds after its own generated part:
    the sections a person wrote below them ("## Full-corpus runs" and on), from the first
    ``## `` heading of ``old`` that ``new`` does not have, once ``old`` has had one of
    ``new``'s (rewriting docs/benchmarks.md keeps its notes)."""
    ours = {line.strip() for line in new.splitlines() if line.startswith("## ")}
    seen = False
    at = 0
    for line in old.splitlines(keepends=True):
        if line.startswith("## "):
            if line.strip() in ours:
                seen = True
            elif seen:
                return new.rstrip("\n") + "\n\n" + old[at:]
        at += len(line)
    return new
