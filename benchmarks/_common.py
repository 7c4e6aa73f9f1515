"""Shared pieces of the benchmark suite: result rows, timing helpers, the machine description."""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "Outcome",
    "Report",
    "Row",
    "check",
    "machine",
    "median",
    "ms",
    "perf",
]

Outcome = Literal["PASS", "FAIL", "INFO"]


@dataclass
class Row:
    """One figure of the table: what was measured, its value, the bar it must reach and the verdict."""

    metric: str
    value: str
    target: str = ""
    outcome: Outcome = "INFO"


@dataclass
class Report:
    """What one benchmark hands back: its rows, free-text notes (diagnostics) and its run time."""

    name: str
    title: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, metric: str, value: str, target: str = "", outcome: Outcome = "INFO") -> None:
        self.rows.append(Row(metric, value, target, outcome))

    def note(self, text: str) -> None:
        self.notes.append(text)

    @property
    def failed(self) -> bool:
        return any(row.outcome == "FAIL" for row in self.rows)


def check(ok: bool) -> Outcome:
    return "PASS" if ok else "FAIL"


def median(values: Iterable[float]) -> float:
    return statistics.median(list(values))


def ms(seconds: float) -> str:
    """Seconds as a short human string in the unit that fits."""
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} us"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def perf(func: Callable[[], object], repeat: int) -> float:
    """Seconds per call of ``func`` over ``repeat`` back-to-back calls."""
    start = time.perf_counter()
    for _ in range(repeat):
        func()
    return (time.perf_counter() - start) / repeat


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    try:
        import openai

        openai_version = openai.__version__
    except ImportError:  # pragma: no cover - openai is a hard dependency
        openai_version = "missing"
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "cpus": f"{affinity} usable ({os.cpu_count()} online)",
        "cpu": cpu,
        "python": f"{platform.python_implementation()} {sys.version.split()[0]}",
        "platform": platform.platform(),
        "openai": openai_version,
    }


def format_table(reports: Sequence[Report]) -> str:
    """Every report's rows as one aligned plain-text table."""
    header = ("benchmark", "metric", "value", "target", "result")
    lines: list[tuple[str, str, str, str, str]] = []
    for report in reports:
        for i, row in enumerate(report.rows):
            lines.append((report.title if i == 0 else "", row.metric, row.value, row.target, row.outcome))
    widths = [max(len(header[c]), *(len(line[c]) for line in lines)) if lines else len(header[c]) for c in range(5)]
    sep = "-+-".join("-" * w for w in widths)
    out = [" | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)), sep]
    previous = None
    for report_line in lines:
        if report_line[0] and previous is not None:
            out.append(sep)
        out.append(" | ".join(cell.ljust(w) for cell, w in zip(report_line, widths, strict=True)).rstrip())
        previous = report_line
    return "\n".join(out)


def markdown_table(reports: Sequence[Report]) -> str:
    out = ["| benchmark | metric | value | target | result |", "|---|---|---|---|---|"]
    for report in reports:
        for i, row in enumerate(report.rows):
            title = report.title if i == 0 else ""
            result = f"**{row.outcome}**" if row.outcome == "FAIL" else row.outcome
            cells = (title, row.metric, row.value, row.target, result)
            out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(out)
