"""Evaluation: dataset readers, metrics, the runner that scores wirecheck's real pipeline on a
dataset folder, and the Markdown report for ``docs/benchmarks.md``.

    from wirecheck.evaluate import evaluate_dataset
    evaluate_dataset("../shared/datasets/gvc", load_settings(), sample=80)
"""

from wirecheck.evaluate.commands import cli_eval, cli_eval_all, format_result
from wirecheck.evaluate.readers import Dataset, DatasetError, detect_kind, read_dataset
from wirecheck.evaluate.report import collect_meta, render_markdown
from wirecheck.evaluate.runner import TASKS, evaluate_all, evaluate_dataset

__all__ = [
    "TASKS",
    "Dataset",
    "DatasetError",
    "cli_eval",
    "cli_eval_all",
    "collect_meta",
    "detect_kind",
    "evaluate_all",
    "evaluate_dataset",
    "format_result",
    "read_dataset",
    "render_markdown",
]
