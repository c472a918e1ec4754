"""Run the quality-gate sample of every dataset and rewrite ``tests/quality_floors.toml``.

    .venv/bin/python scripts/record_floors.py [--datasets DIR] [--only NAME ...] [--dry-run]

A floor is the measured value minus a tolerance (0.02 for fractions); for error figures
(``*_mae``) the ceiling is the value plus 0.1.  Sample sizes stay as the file gives them.
Floors move up when the code improves; lower one only in a commit that says why.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

from wirecheck.evaluate.runner import LOWER_IS_BETTER, evaluate_dataset
from wirecheck.settings import load_settings

FLOORS = Path(__file__).resolve().parents[1] / "tests" / "quality_floors.toml"
TOLERANCE = 0.02
MAE_TOLERANCE = 0.1

HEADER = """\
# Quality floors for tests/test_quality_gate.py (as trafilatura does): each dataset's gate
# sample (`sample` articles, deterministic) must score at least each floor, and at most each
# ceiling for error figures (`*_mae`, in people).
#
# Recorded by `scripts/record_floors.py` (measured value - 0.02; error ceilings + 0.1).
# A floor moves up when the code improves, and down only in a commit that says why.
"""


def _fmt(x: float) -> str:
    return f"{x:.4f}".rstrip("0").rstrip(".") if x else "0.0"


def render(config: dict[str, dict], measured: dict[str, dict], meta: str) -> str:
    out = [HEADER, f"# Last recorded: {meta}", ""]
    for name, entry in config.items():
        out.append(f"[{name}]")
        out.append(f"sample = {entry['sample']}")
        figures = measured.get(name)
        floors = dict(entry.get("floors", {}))
        ceilings = dict(entry.get("ceilings", {}))
        if figures is not None:
            floors = {k: max(0.0, round(v - TOLERANCE, 4)) for k, v in figures.items() if k not in LOWER_IS_BETTER}
            ceilings = {k: round(v + MAE_TOLERANCE, 4) for k, v in figures.items() if k in LOWER_IS_BETTER}
        out.append("")
        out.append(f"[{name}.floors]")
        out += [f"{k} = {_fmt(v)}" for k, v in sorted(floors.items())]
        if ceilings:
            out.append("")
            out.append(f"[{name}.ceilings]")
            out += [f"{k} = {_fmt(v)}" for k, v in sorted(ceilings.items())]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--datasets", help="folder holding the datasets (default: settings.datasets)")
    parser.add_argument("--only", nargs="*", help="record only these datasets (others keep their floors)")
    parser.add_argument("--dry-run", action="store_true", help="print the new file instead of writing it")
    args = parser.parse_args(argv)

    settings = load_settings(datasets=args.datasets)
    config = tomllib.loads(FLOORS.read_text(encoding="utf-8"))
    root = Path(settings.datasets)
    if not root.is_dir():
        print(f"no datasets at {root}; pass --datasets DIR or set WIRECHECK_DATASETS", file=sys.stderr)
        return 2
    measured: dict[str, dict] = {}
    total = 0.0
    for name, entry in config.items():
        if args.only and name not in args.only:
            continue
        result = evaluate_dataset(str(root / name), settings, sample=entry["sample"])
        measured[name] = result["figures"]
        total += result["seconds"]
        print(f"{name}: {result['articles']} articles, {result['seconds']} s", file=sys.stderr)
        for k, v in result["figures"].items():
            print(f"  {k} = {v}", file=sys.stderr)
    from wirecheck.evaluate.report import collect_meta

    meta = collect_meta(settings)
    text = render(config, measured, f"commit {meta['commit']}, {meta['date']}, {meta['cpu']} "
                  f"({meta['cores']} cores), {total:.0f} s in all")
    if args.dry_run:
        print(text)
    else:
        FLOORS.write_text(text, encoding="utf-8")
        print(f"wrote {FLOORS}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
