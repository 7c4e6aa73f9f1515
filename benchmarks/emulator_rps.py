"""Requests per second the bundled emulator sustains over real loopback HTTP (not a test).

    python benchmarks/emulator_rps.py [--tasks 100000] [--seconds 3] [--threads 4]

Seeds ``--tasks`` finished tasks, then for each scenario runs keep-alive httpx clients for
``--seconds`` and prints a table; finally walks the whole task list with ``limit=1000``.
"""

from __future__ import annotations

import argparse
import threading
import time
from collections.abc import Callable

import httpx

from manus_openai.emulator import Emulator


def measure(
    emu: Emulator, path_for: Callable[[int], str], seconds: float, threads: int, *, v2: bool = False
) -> tuple[float, float]:
    """(requests/second, mean latency ms) with ``threads`` concurrent keep-alive clients
    (on ``/v2`` with ``x-manus-api-key`` when ``v2``, else on ``/v1`` with ``API_KEY``)."""
    counts = [0] * threads
    latencies = [0.0] * threads
    deadline = time.perf_counter() + seconds

    def worker(n: int) -> None:
        base, headers = (emu.v2_url, emu.v2_headers) if v2 else (emu.base_url, {"API_KEY": emu.api_key})
        with httpx.Client(base_url=base, headers=headers) as client:
            i = 0
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                response = client.get(path_for(i))
                latencies[n] += time.perf_counter() - started
                assert response.status_code == 200, response.text
                i += 1
            counts[n] = i

    started = time.perf_counter()
    pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    elapsed = time.perf_counter() - started
    total = sum(counts)
    return total / elapsed, 1000 * sum(latencies) / max(total, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()

    with Emulator(task_duration=0) as emu:
        started = time.perf_counter()
        ids = emu.seed_tasks(args.tasks)
        print(f"seeded {args.tasks} tasks in {time.perf_counter() - started:.2f} s")
        mid = ids[len(ids) // 2]
        scenarios: list[tuple[str, Callable[[int], str]]] = [
            ("GET /v1/responses/{id}", lambda i: f"/responses/{ids[i % len(ids)]}"),
            ("GET /v1/tasks/{id}", lambda i: f"/tasks/{ids[i % len(ids)]}"),
            ("GET /v1/tasks?limit=10", lambda i: "/tasks?limit=10"),
            ("GET /v1/tasks?limit=100&after=<mid>", lambda i: f"/tasks?limit=100&after={mid}"),
            ("GET /v1/tasks?limit=1000", lambda i: "/tasks?limit=1000"),
            ("GET /v1/tasks?status=failed&limit=10", lambda i: "/tasks?status=failed&limit=10"),
        ]
        print()
        print(f"{'endpoint':<40} {'clients':>7} {'req/s':>9} {'mean ms':>9}")
        print("-" * 68)
        for name, path_for in scenarios:
            for threads in sorted({1, args.threads}):
                rps, latency = measure(emu, path_for, args.seconds, threads)
                print(f"{name:<40} {threads:>7} {rps:>9.0f} {latency:>9.2f}")

        started = time.perf_counter()
        seen = 0
        pages = 0
        after: str | None = None
        with httpx.Client(base_url=emu.base_url, headers={"API_KEY": emu.api_key}, timeout=60) as client:
            while True:
                params: dict[str, str | int] = {"limit": 1000}
                if after:
                    params["after"] = after
                body = client.get("/tasks", params=params).json()
                seen += len(body["data"])
                pages += 1
                if not body["has_more"]:
                    break
                after = body["last_id"]
        elapsed = time.perf_counter() - started
        print()
        print(f"walked {seen} tasks in {pages} pages of 1000 in {elapsed:.2f} s ({pages / elapsed:.1f} pages/s)")


if __name__ == "__main__":
    main()
