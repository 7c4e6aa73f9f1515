"""2. Import cost: ``import manus_openai`` vs ``import openai``, each in a fresh interpreter.

Each sample is a new ``python`` process that times only the import statement (``perf_counter``
around it), so interpreter start-up is not in the figure; the two imports alternate and the ratio is
between medians. If the ratio misses the bar, one ``-X importtime`` run lists the modules that
``import manus_openai`` loads on top of ``import openai`` and the biggest of them.
"""

from __future__ import annotations

import subprocess
import sys

from ._common import Report, check, median, ms

_TIMER = "import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
_WITH_CLIENT = "import time; t = time.perf_counter(); {stmt}; print(time.perf_counter() - t)"
_PLAIN_CLIENT = (
    "import openai; c = openai.OpenAI(base_url='http://127.0.0.1:9/v1', api_key='**', "
    "default_headers={'API_KEY': 'k'}); c.responses"
)
_MANUS_CLIENT = (
    "import manus_openai; c = manus_openai.ManusOpenAI(api_key='k', base_url='http://127.0.0.1:9/v1'); c.responses"
)


def _sample(code: str) -> float:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def _importtime(module: str) -> list[tuple[str, int, int]]:
    """``-X importtime`` of one import, in its (post-order) output order: (module, self us, depth)."""
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"], capture_output=True, text=True, check=True
    )
    rows: list[tuple[str, int, int]] = []
    for line in out.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, _cumulative, name = line.split(":", 1)[1].split("|")
        rows.append((name.strip(), int(self_us), len(name) - len(name.lstrip())))
    return rows


def _subtree_extra(rows: list[tuple[str, int, int]], extra: set[str]) -> dict[str, int]:
    """For each module: the self time of the extra modules imported under it (itself included)."""
    totals: dict[str, int] = {}
    for i, (name, self_us, depth) in enumerate(rows):
        total = self_us if name in extra else 0
        j = i - 1
        while j >= 0 and rows[j][2] > depth:  # children precede their parent, one level deeper or more
            if rows[j][0] in extra:
                total += rows[j][1]
            j -= 1
        totals[name] = total
    return totals


def _diagnose() -> str:
    base = {name for name, _, _ in _importtime("openai")}
    rows = _importtime("manus_openai")
    extra = {name: self_us for name, self_us, _ in rows if name not in base}
    extra_self = sum(extra.values())
    biggest = sorted(extra.items(), key=lambda kv: -kv[1])[:6]
    # Top-level packages of the extra modules, by self time: shows which subsystem is dragged in.
    families: dict[str, int] = {}
    for name, self_us in extra.items():
        family = ".".join(name.split(".")[:2])
        families[family] = families.get(family, 0) + self_us
    top_families = sorted(families.items(), key=lambda kv: -kv[1])[:6]
    # Which manus_openai modules pull in the most extra modules (where a lazy import would help).
    under = _subtree_extra(rows, set(extra))
    ours_cum = sorted(((n, c) for n, c in under.items() if n.startswith("manus_openai.")), key=lambda kv: -kv[1])[:5]
    return (
        f"-X importtime: manus_openai loads {len(extra)} modules that `import openai` does not "
        f"({ms(extra_self / 1e6)} of self time). By package: "
        + ", ".join(f"{n} {ms(us / 1e6)}" for n, us in top_families)
        + ". Biggest single modules: "
        + ", ".join(f"{n} {ms(s / 1e6)}" for n, s in biggest)
        + ". manus_openai modules that pull in the most of it (first importer, extra self time below it): "
        + ", ".join(f"{n} {ms(c / 1e6)}" for n, c in ours_cum)
        + "."
    )


def run(quick: bool) -> Report:
    report = Report("import", "2. import cost")
    runs = 5 if quick else 9
    plain: list[float] = []
    ours: list[float] = []
    plain_client: list[float] = []
    ours_client: list[float] = []
    _sample(_TIMER.format(module="manus_openai"))  # warm the OS page cache and .pyc files
    for i in range(runs):
        pairs = [(plain, _TIMER.format(module="openai")), (ours, _TIMER.format(module="manus_openai"))]
        for sink, code in pairs if i % 2 == 0 else pairs[::-1]:
            sink.append(_sample(code))
    client_runs = 3 if quick else 5
    for i in range(client_runs):
        pairs = [
            (plain_client, _WITH_CLIENT.format(stmt=_PLAIN_CLIENT)),
            (ours_client, _WITH_CLIENT.format(stmt=_MANUS_CLIENT)),
        ]
        for sink, code in pairs if i % 2 == 0 else pairs[::-1]:
            sink.append(_sample(code))
    ratio = median(ours) / median(plain)
    report.add("import openai", ms(median(plain)))
    report.add("import manus_openai", ms(median(ours)))
    report.add("ratio manus_openai / openai", f"{ratio:.2f}", "<= 1.10", check(ratio <= 1.10))
    client_ratio = median(ours_client) / median(plain_client)
    report.add(
        "import + client + .responses (info)",
        f"{ms(median(plain_client))} vs {ms(median(ours_client))} ({client_ratio:.2f}x)",
    )
    report.note(
        f"{runs} alternating fresh interpreters per import, median; the timer wraps only the import "
        f"statement. The 'client' line adds constructing the client and touching .responses "
        f"({client_runs} runs), where openai loads its responses resource lazily too."
    )
    if ratio > 1.10:
        report.note(_diagnose())
    return report
