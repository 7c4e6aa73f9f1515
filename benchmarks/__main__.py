"""``python -m benchmarks [NAME ...] [--quick] [--results PATH | --no-results]``: run, print one table."""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from ._common import Report, format_table, machine, markdown_table

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"

# The emulator enforces no rate limits, so clients built by the other benchmarks run without the governor
# (a throughput figure would otherwise measure the documented limits); overhead.py and governor.py pass
# rate_limits= themselves.
os.environ.setdefault("MANUS_RATE_LIMITS", "off")


def _suite() -> dict[str, tuple[str, Callable[[bool], Report]]]:
    # Imported lazily so a subset run does not pay for (or depend on) the others.
    def load(module: str) -> Callable[[bool], Report]:
        def run(quick: bool) -> Report:
            import importlib

            return importlib.import_module(f"benchmarks.{module}").run(quick)  # type: ignore[no-any-return]

        return run

    return {
        "overhead": ("1. client overhead", load("overhead")),
        "import": ("2. import cost", load("imports")),
        "wait": ("3. waiting", load("waiting")),
        "pagination": ("4. pagination", load("pagination")),
        "concurrency": ("5. concurrency", load("concurrency")),
        "emulator": ("6. emulator throughput", load("emulator")),
        "governor": ("7. many tasks, many workers", load("governor")),
        "v2_follow": ("8. v2 follow", load("v2_follow")),
        "streaming": ("9. streaming", load("streaming")),
    }


ALIASES = {"imports": "import", "waiting": "wait", "pages": "pagination", "emulator_rps": "emulator"}


def main(argv: Sequence[str] | None = None) -> int:
    suite = _suite()
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"subset to run: {', '.join(suite)}")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, under a minute")
    parser.add_argument(
        "--results",
        type=Path,
        help="write the markdown results here (default: RESULTS.md on a full, non-quick run only)",
    )
    parser.add_argument("--no-results", action="store_true", help="do not write any results file")
    args = parser.parse_args(argv)

    names = [ALIASES.get(n, n) for n in args.names] or list(suite)
    unknown = [n for n in names if n not in suite]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(suite)}")

    info = machine()
    described = ", ".join(f"{k} {v}" for k, v in info.items())
    print(f"manus_openai benchmarks{' (quick)' if args.quick else ''}: {described}")
    reports: list[Report] = []
    started = time.perf_counter()
    for name in names:
        title, run = suite[name]
        print(f"running {title} ...", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        try:
            report = run(args.quick)
        except Exception:  # a crashed benchmark is a FAIL row, not a lost run
            report = Report(name, title)
            report.add("benchmark crashed", traceback.format_exc().strip().splitlines()[-1], "runs", "FAIL")
            report.note(traceback.format_exc())
        report.seconds = time.perf_counter() - t0
        reports.append(report)
    total = time.perf_counter() - started

    print()
    print(format_table(reports))
    print()
    for report in reports:
        for note in report.notes:
            print(f"[{report.title}] {note}")
    failed = sum(1 for r in reports for row in r.rows if row.outcome == "FAIL")
    passed = sum(1 for r in reports for row in r.rows if row.outcome == "PASS")
    print(
        f"\n{passed} PASS, {failed} FAIL in {total:.0f} s "
        + "("
        + ", ".join(f"{r.name} {r.seconds:.0f}s" for r in reports)
        + ")"
    )

    path = args.results
    if path is None and not args.no_results and not args.quick and names == list(suite):
        path = RESULTS
    if path is not None and not args.no_results:
        path.write_text(_markdown(reports, info, args.quick, total), encoding="utf-8")
        print(f"results written to {path}")
    return 0  # benchmarks report; they never fail the process on a missed target


def _markdown(reports: Sequence[Report], info: dict[str, str], quick: bool, total: float) -> str:
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Benchmark results",
        "",
        f"Latest `python -m benchmarks{' --quick' if quick else ''}` run: {now}, {total:.0f} s.",
        "",
        "Machine: " + "; ".join(f"{k}: {v}" for k, v in info.items()) + ".",
        "",
        "Figures are ratios and counts measured side by side in one run (see each module's docstring for the"
        " method); a target that is not met is a **FAIL** with its measurement, never tuned away.",
        "",
        markdown_table(reports),
        "",
        "## Notes",
        "",
    ]
    for report in reports:
        for note in report.notes:
            lines.append(f"- **{report.title}**: {note}")
    lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
