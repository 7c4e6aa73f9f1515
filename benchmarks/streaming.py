"""9. Streaming: how soon a new assistant message reaches a stream's consumer, and what the stream costs.

On each backend (``responses_backend="v1"``: ``GET /responses/{id}``; ``"v2"``: ``task.detail`` + the event
log), the same tasks are followed two ways, side by side on one emulator on a ``ManualClock`` over real loopback
HTTP (the sleeps advance the emulator's clock, as in benchmark 3):

(s) ``client.responses.stream(input=...)``: the time is taken when the consumer receives the message's
    first ``response.output_text.delta``;
(w) ``create(background=True)`` + ``client.responses.wait(id)``: the time ``wait`` returns.

Message lag = emulator clock at that moment minus the emulator time the assistant message appeared (on v1
and v2 the emulator writes the answer when the task finishes: ``Task.updated_at``). It is set by the poll schedule
(``_polling``), which both follow. Requests per task come from the emulator's request log and include the
create. On v2 a stream reads the event log at every poll (new messages are only there), while ``wait`` reads
it only once ``task.detail`` stops saying ``running``: the same polls, up to twice the requests. Separately,
the client-side cost of streaming is measured in real time: wall time from the poll's
HTTP answer (``_snapshot`` returning) to the delta reaching the consumer (event mapping, SSE encoding, the
SDK's SSE decoder, model construction and accumulator).
"""

from __future__ import annotations

import random
import statistics
import time
from typing import Any

from manus_openai import ManusOpenAI
from manus_openai.emulator import Emulator, ManualClock

from ._common import Report, check, median, ms


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) > 1 else values[0]


def _durations(quick: bool) -> list[float]:
    rng = random.Random(11)
    count = 20 if quick else 60
    return [round(rng.uniform(1, 600), 1) for _ in range(count)]


def _prompt(duration: float) -> str:
    return f"Plan a trip to Kyoto [[manus:duration={duration:g}]]"


def _streamed(emu: Emulator, clock: ManualClock, client: ManusOpenAI, duration: float) -> tuple[float, int, float]:
    emu.clear_requests()
    polled: list[float] = []
    read = client.responses._snapshot

    def timed(task: str) -> Any:
        snapshot = read(task)
        polled.append(time.perf_counter())
        return snapshot

    client.responses._snapshot = timed  # type: ignore[method-assign]
    try:
        with client.responses.stream(input=_prompt(duration)) as stream:
            for event in stream:
                if event.type == "response.created":
                    task_id = event.response.id.split("~")[0]
                if event.type == "response.output_text.delta":
                    reached, at = clock.now(), time.perf_counter()
                    break
            stream.until_done()
    finally:
        del client.responses._snapshot
    return reached - emu.task(task_id).updated_at, len(emu.requests), at - polled[-1]


def _waited(emu: Emulator, clock: ManualClock, client: ManusOpenAI, duration: float) -> tuple[float, int]:
    emu.clear_requests()
    created = client.responses.create(input=_prompt(duration), background=True)
    done = client.responses.wait(created.id, timeout=None)
    assert done.status == "completed", done.status
    return clock.now() - emu.task(created.task_id).updated_at, len(emu.requests)


def _follow(quick: bool, backend: str) -> tuple[list[float], list[float], list[int], list[int], list[float]]:
    clock = ManualClock(start=1_760_000_000)
    stream_lags: list[float] = []
    wait_lags: list[float] = []
    stream_requests: list[int] = []
    wait_requests: list[int] = []
    costs: list[float] = []
    with Emulator(clock=clock, webhook_activation="off", progress_events=0) as emu:
        client = emu.client(responses_backend=backend)
        client.responses._sleep = emu.advance  # type: ignore[method-assign]  # the fake clock's injection point
        client.responses._monotonic = clock.now
        for duration in _durations(quick):
            lag, requests, cost = _streamed(emu, clock, client, duration)
            stream_lags.append(lag)
            stream_requests.append(requests)
            costs.append(cost)
            lag, requests = _waited(emu, clock, client, duration)
            wait_lags.append(lag)
            wait_requests.append(requests)
        client.close()
    return stream_lags, wait_lags, stream_requests, wait_requests, costs


def run(quick: bool) -> Report:
    report = Report("streaming", "9. streaming")
    for backend in ("v1", "v2"):
        stream_lags, wait_lags, stream_requests, wait_requests, costs = _follow(quick, backend)
        n = len(stream_lags)
        report.add(
            f"{backend}: {n} tasks of 1-600 s, message -> first delta (s) vs wait() returns (w), emulator s",
            f"(s) median {median(stream_lags):g}s, p95 {_p95(stream_lags):g}s | "
            f"(w) median {median(wait_lags):g}s, p95 {_p95(wait_lags):g}s",
            "lag(s) <= lag(w) on every task",
            check(all(s <= w for s, w in zip(stream_lags, wait_lags, strict=True))),
        )
        report.add(
            f"{backend}: requests per task (create included), (s) vs (w)",
            f"(s) median {median(stream_requests):g}, max {max(stream_requests)} | "
            f"(w) median {median(wait_requests):g}, max {max(wait_requests)}",
            "req(s) == req(w) on every task" if backend == "v1" else "req(s) <= 2 x req(w) on every task",
            check(
                stream_requests == wait_requests
                if backend == "v1"
                else all(s <= 2 * w for s, w in zip(stream_requests, wait_requests, strict=True))
            ),
        )
        report.add(
            f"{backend}: client-side cost, poll answered -> delta at the consumer (real time)",
            f"median {ms(median(costs))}, p95 {ms(_p95(costs))}",
            "< 10 ms median",
            check(median(costs) < 0.010),
        )
    return report
