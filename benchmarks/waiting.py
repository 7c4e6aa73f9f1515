"""3. Waiting: requests per task and detection lag of three ways to wait for a Manus task.

(a) seed 000's loop on a plain ``openai.OpenAI``: retrieve, then ``sleep(5)`` + retrieve while running;
(b) ``client.responses.wait`` with the default schedule (``manus_openai._polling``);
(c) ``wait(..., events=receiver)``: a real ``WebhookReceiver`` served over loopback, receiving the
    emulator's signed ``task_stopped`` deliveries;
(d) the OpenAI view's blocking ``client.responses.create(...)`` (no ``background=True``), side by side
    with (b) on the same task lengths and the same manual clock: it must see the end no later than (b).

(a) and (b) run against the emulator on a ``ManualClock`` over real loopback HTTP: the sleeps advance
the emulator's clock (``client.responses._sleep`` / ``_monotonic`` are injected), so a 30-minute task
takes milliseconds. Detection lag = emulator clock when the wait returns minus the task's completion
time on that clock. (c) cannot run on a fake clock (the delivery path is real: ticker thread, RSA
signature, HTTP, verification), so it runs in real time with short tasks on the system clock; its lag
is wall time from the emulator's completion timestamp to ``wait`` returning. Requests per task are
counted from the emulator's request log and include the create.
"""

from __future__ import annotations

import queue
import time
from collections.abc import Callable
from dataclasses import dataclass

import openai

from manus_openai import ManusOpenAI
from manus_openai.emulator import Emulator, ManualClock
from manus_openai.webhooks import TaskStoppedEvent, WebhookEvent, WebhookReceiver

from ._common import Report, check, median, ms
from ._serve import ThreadedServer

DURATIONS = (2, 10, 60, 300, 1800)
SEED_INTERVAL = 5.0


def _sky(duration: float) -> list[dict[str, object]]:
    text = f"What's the color of the sky? [[manus:duration={duration:g}]]"
    return [{"role": "user", "content": [{"type": "input_text", "text": text}]}]


@dataclass
class Waited:
    requests: int
    lag: float


def _completion(emu: Emulator, task_id: str) -> float:
    return emu.task(task_id).updated_at  # set to the scheduled end when the task finished


def _seed_loop(emu: Emulator, clock: ManualClock, plain: openai.OpenAI, duration: float) -> Waited:
    emu.clear_requests()
    response = plain.responses.create(input=_sky(duration), extra_body={"task_mode": "agent"})  # type: ignore[arg-type]  # seed 000's call
    task_update = plain.responses.retrieve(response_id=response.id)
    while str(task_update.status) == "running":  # Manus's status; not in openai's Literal
        emu.advance(SEED_INTERVAL)  # time.sleep(5)
        task_update = plain.responses.retrieve(response_id=response.id)
    return Waited(len(emu.requests), clock.now() - _completion(emu, response.id))


def _default_wait(emu: Emulator, clock: ManualClock, client: ManusOpenAI, duration: float) -> Waited:
    emu.clear_requests()
    response = client.responses.create(input=_sky(duration), task_mode="agent", background=True)  # type: ignore[arg-type]  # the seed's input list
    done = client.responses.wait(response.id, timeout=None)
    assert done.status == "completed", done.status
    return Waited(len(emu.requests), clock.now() - _completion(emu, response.task_id))


def _blocking_create(emu: Emulator, clock: ManualClock, client: ManusOpenAI, duration: float) -> Waited:
    emu.clear_requests()
    done = client.responses.create(input=_sky(duration), task_mode="agent", timeout=None)  # type: ignore[arg-type]  # the seed's input list
    assert done.status == "completed", done.status
    return Waited(len(emu.requests), clock.now() - _completion(emu, done.task_id))


@dataclass
class Pushed:
    lags: list[float]
    received: list[float]  # completion -> the receiver accepted the task_stopped delivery
    requests: list[int]
    polled: list[float]  # the same tasks waited for with the default polling schedule (no events)
    polled_requests: list[int]


def _push(quick: bool) -> Pushed:
    count = 8 if quick else 20
    lags: list[float] = []
    received: list[float] = []
    requests: list[int] = []
    polled: list[float] = []
    polled_requests: list[int] = []
    arrivals: dict[str, float] = {}

    def record(event: WebhookEvent) -> None:
        if isinstance(event, TaskStoppedEvent) and event.task_id:
            arrivals.setdefault(event.task_id, time.time())

    with (
        Emulator(task_duration=0.5, webhook_activation="off", progress_events=0) as emu,
        ThreadedServer() as server,
    ):
        url = server.url + "/manus/webhook"
        receiver = WebhookReceiver(url=url, public_key=emu.webhook_public_key, queue=_Recorder(record))
        server.serve(receiver)
        client = emu.client()
        client.post("/webhooks", body={"webhook": {"url": url}}, cast_to=object)  # POST /v1/webhooks
        for i in range(count):
            duration = 0.3 + 0.7 * (i % 5) / 4  # 0.3 .. 1.0 s
            emu.clear_requests()
            created = client.responses.create(input=_sky(duration), task_mode="agent", background=True)  # type: ignore[arg-type]  # the seed's input list
            done = client.responses.wait(created.id, timeout=30, events=receiver)
            returned = time.time()
            assert done.status == "completed", done.status
            lags.append(returned - _completion(emu, created.task_id))
            received.append(arrivals.get(created.task_id, returned) - _completion(emu, created.task_id))
            requests.append(sum(1 for r in emu.requests if created.task_id in r.path or r.method == "POST"))
            # The same task length, waited for by polling at the default schedule, for comparison.
            emu.clear_requests()
            created = client.responses.create(input=_sky(duration), task_mode="agent", background=True)  # type: ignore[arg-type]  # the seed's input list
            done = client.responses.wait(created.id, timeout=30)
            polled.append(time.time() - _completion(emu, created.task_id))
            polled_requests.append(sum(1 for r in emu.requests if created.task_id in r.path or r.method == "POST"))
        client.close()
    return Pushed(lags, received, requests, polled, polled_requests)


class _Recorder(queue.Queue):  # type: ignore[type-arg]  # only put_nowait is used, on the delivering thread
    """A "queue" whose ``put_nowait`` timestamps the event the moment the receiver accepts it."""

    def __init__(self, sink: Callable[[WebhookEvent], None]) -> None:
        super().__init__()
        self._sink = sink

    def put_nowait(self, item: WebhookEvent) -> None:
        self._sink(item)


def run(quick: bool) -> Report:
    report = Report("wait", "3. waiting")
    seed: dict[int, Waited] = {}
    ours: dict[int, Waited] = {}
    blocking: dict[int, Waited] = {}
    clock = ManualClock(start=1_760_000_000)
    with Emulator(clock=clock, webhook_activation="off", progress_events=0) as emu:
        plain = openai.OpenAI(base_url=emu.base_url, api_key="**", default_headers={"API_KEY": emu.api_key})
        client = emu.client()
        client.responses._sleep = emu.advance  # type: ignore[method-assign]  # the fake clock's injection point
        client.responses._monotonic = clock.now
        for duration in DURATIONS:
            seed[duration] = _seed_loop(emu, clock, plain, duration)
            ours[duration] = _default_wait(emu, clock, client, duration)
            blocking[duration] = _blocking_create(emu, clock, client, duration)
        plain.close()
        client.close()
    for duration in DURATIONS:
        a, b = seed[duration], ours[duration]
        figure = f"(a) {a.requests} req, lag {a.lag:g}s | (b) {b.requests} req, lag {b.lag:g}s"
        if duration < 60:
            report.add(f"{duration}s task: (b) lag <= (a) lag", figure, "lag(b) <= lag(a)", check(b.lag <= a.lag))
        elif duration >= 300:
            share = b.requests / a.requests
            report.add(
                f"{duration}s task: (b) req <= 1/3 of (a)",
                f"{figure} ({share:.2f}x)",
                "req(b) <= req(a)/3",
                check(share <= 1 / 3),
            )
        else:
            report.add(f"{duration}s task (no target)", figure)
    for duration in DURATIONS:
        b, d = ours[duration], blocking[duration]
        report.add(
            f"(d) {duration}s task: blocking create vs (b) wait()",
            f"(d) {d.requests} req, lag {d.lag:g}s | (b) {b.requests} req, lag {b.lag:g}s",
            "lag(d) <= lag(b)",
            check(d.lag <= b.lag),
        )
    pushed = _push(quick)
    lags, requests = pushed.lags, pushed.requests
    med_lag = median(lags)
    report.add(
        f"(c) push wait, {len(lags)} tasks of 0.3-1 s: median lag",
        f"{ms(med_lag)} (max {ms(max(lags))})",
        "< 50 ms",
        check(med_lag < 0.050),
    )
    report.add(
        "(c) push wait: requests per task",
        f"max {max(requests)}, median {median(requests):g}",
        "<= 3",
        check(max(requests) <= 3),
    )
    report.add(
        "(c) vs (b) on the same tasks, real time: median lag",
        f"push {ms(med_lag)} vs default polling {ms(median(pushed.polled))} "
        f"({median(pushed.polled) / med_lag:.0f}x); requests {median(requests):g} vs "
        f"{median(pushed.polled_requests):g} per task",
    )
    report.add(
        "(c) of which: completion -> delivery accepted",
        f"median {ms(median(pushed.received))}; accepted -> wait returned: "
        f"median {ms(median(b - a for a, b in zip(pushed.received, lags, strict=True)))}",
    )
    report.note(
        "(a)/(b): emulator on a ManualClock over loopback, requests include the create; lag in emulator seconds. "
        "(c): real time, SystemClock, WebhookReceiver served by uvicorn on loopback, RSA-signed deliveries."
    )
    return report
