"""6. Emulator throughput: requests/s for retrieve and list, over real loopback HTTP, on this machine.

Reuses ``benchmarks/emulator_rps.py`` (``measure``: keep-alive httpx clients in threads, same process
as the server). No target: the figures say how far the emulator can be pushed in tests.
"""

from __future__ import annotations

from collections.abc import Callable

from manus_openai.emulator import Emulator

from ._common import Report
from .emulator_rps import measure


def run(quick: bool) -> Report:
    report = Report("emulator", "6. emulator throughput")
    seconds = 1.0 if quick else 2.0
    with Emulator(task_duration=0, webhook_activation="off") as emu:
        ids = emu.seed_tasks(10_000)
        scenarios: list[tuple[str, Callable[[int], str]]] = [
            ("GET /v1/responses/{id} (retrieve)", lambda i: f"/responses/{ids[i % len(ids)]}"),
            ("GET /v1/tasks?limit=100 (list)", lambda i: "/tasks?limit=100"),
            ("GET /v1/tasks?limit=1000 (list)", lambda i: "/tasks?limit=1000"),
        ]
        for name, path_for in scenarios:
            figures = []
            for clients in (1, 4):
                rps, latency = measure(emu, path_for, seconds, clients)
                figures.append(f"{rps:,.0f} req/s with {clients} client{'s' if clients > 1 else ''} ({latency:.1f} ms)")
            report.add(name, "; ".join(figures))
    report.note(
        f"10,000 seeded tasks; {seconds:g} s per figure; clients are keep-alive httpx.Client threads in the "
        "emulator's own process (one GIL), so these are lower bounds of the server alone."
    )
    return report
