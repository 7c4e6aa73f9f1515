"""6. Emulator throughput: requests/s for retrieve and list (v1) and for ``task.detail`` and
``task.listMessages`` (v2), over real loopback HTTP, on this machine.

Reuses ``benchmarks/emulator_rps.py`` (``measure``: keep-alive httpx clients in threads, same process
as the server). No target: the figures say how far the emulator can be pushed in tests.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx

from manus_openai.emulator import Emulator, ManualClock

from ._common import Report, median
from .emulator_rps import measure


def _seed_and_deep_page(report: Report) -> None:
    # The seconds tests/emulator/test_pagination.py used to assert (it now counts lookups instead).
    with Emulator(task_duration=0, webhook_activation="off") as emu:
        started = time.perf_counter()
        ids = emu.seed_tasks(100_000)
        seeded = time.perf_counter() - started
        with httpx.Client(base_url=emu.base_url, headers={"API_KEY": emu.api_key}) as http:
            times = []
            for _ in range(5):
                started = time.perf_counter()
                http.get("/tasks", params={"limit": 10, "after": ids[50_000]}).raise_for_status()
                times.append(time.perf_counter() - started)
        with httpx.Client(base_url=emu.v2_url, headers=emu.v2_headers) as v2:
            # A seeded task's event log is built on its first read (_seed_log): first vs later reads.
            first, later = [], []
            for task_id in ids[1000:1005]:
                for into in (first, later):
                    started = time.perf_counter()
                    v2.get("/task.listMessages", params={"task_id": task_id}).raise_for_status()
                    into.append(time.perf_counter() - started)
    report.add(
        "seed 100,000 tasks; a 10-task page at a cursor 50,000 deep",
        f"{seeded:.2f} s; {median(times) * 1000:.1f} ms (median of 5)",
    )
    report.add(
        "task.listMessages of a seeded task: first read (builds its log) / later read",
        f"{median(first) * 1000:.1f} ms / {median(later) * 1000:.1f} ms (median of 5 tasks)",
    )


def run(quick: bool) -> Report:
    report = Report("emulator", "6. emulator throughput")
    seconds = 1.0 if quick else 2.0
    with Emulator(clock=ManualClock(), task_duration=0, webhook_activation="off") as emu:
        ids = emu.seed_tasks(10_000)
        # v2 event logs: 50 tasks that each ran 100 progress steps (~500 events with verbose ones).
        emu.scenario(progress=100, duration=101)
        logs = [
            emu.engine.create_task(prompt=f"Bench {i}", profile="manus-1.6", task_mode="agent").id for i in range(50)
        ]
        emu.advance(200)
        scenarios: list[tuple[str, Callable[[int], str], bool]] = [
            ("GET /v1/responses/{id} (retrieve)", lambda i: f"/responses/{ids[i % len(ids)]}", False),
            ("GET /v1/tasks?limit=100 (list)", lambda i: "/tasks?limit=100", False),
            ("GET /v1/tasks?limit=1000 (list)", lambda i: "/tasks?limit=1000", False),
            ("GET /v2/task.detail", lambda i: f"/task.detail?task_id={ids[i % len(ids)]}", True),
            ("GET /v2/task.listMessages?limit=50", lambda i: f"/task.listMessages?task_id={logs[i % 50]}", True),
            (
                "GET /v2/task.listMessages?limit=200&verbose",
                lambda i: f"/task.listMessages?task_id={logs[i % 50]}&limit=200&verbose=true",
                True,
            ),
        ]
        for name, path_for, v2 in scenarios:
            figures = []
            for clients in (1, 4):
                rps, latency = measure(emu, path_for, seconds, clients, v2=v2)
                figures.append(f"{rps:,.0f} req/s with {clients} client{'s' if clients > 1 else ''} ({latency:.1f} ms)")
            report.add(name, "; ".join(figures))
    _seed_and_deep_page(report)
    report.note(
        f"10,000 seeded tasks; v2 logs: 50 tasks of 100 progress steps (~500 events, verbose included); "
        f"{seconds:g} s per figure; clients are keep-alive httpx.Client threads in the emulator's own process "
        "(one GIL), so these are lower bounds of the server alone."
    )
    return report
