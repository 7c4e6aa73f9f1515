"""7. v2 follow: requests per task and detection lag of three ways to follow a v2 task to its end.

(a) seed 002's loop with plain ``httpx``: ``task.create``, then ``task.listMessages?order=desc&limit=10``
    every 5 s until the newest ``status_update`` is no longer ``running``;
(b) ``client.v2.tasks.follow`` with the default schedule (the v1 wait's: polls at 0, 1, 5 ... 60 s, then 75,
    105, 165, 285 and every 120 s), yielding every event;
(c) ``follow(..., events=source)`` where ``source`` stands for a webhook receiver on the emulator's
    ManualClock: it advances the clock in 0.1 s steps until the task's ``task_stopped`` would be delivered
    (delivery modelled as instantaneous; benchmark 3(c) measures the real delivery path at ~17 ms).

Tasks of 60, 300 and 1,800 s run on the emulator on a ``ManualClock`` over loopback; the sleeps advance
the emulator's clock, so a 30-minute task takes a moment. Requests are counted from the emulator's log and
include the create; lag = emulator clock when the follow ends minus the task's completion time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from manus_openai.emulator import Emulator, ManualClock

from ._common import Report, check

DURATIONS = (60, 300, 1800)
SEED_INTERVAL = 5.0
STEP = 0.1


@dataclass
class Followed:
    requests: int
    lag: float
    events: int = 0


def _prompt(duration: float) -> str:
    return f"Research the top 5 AI companies [[manus:duration={duration:g}]]"


def _completion(emu: Emulator, task_id: str) -> float:
    return emu.task(task_id).updated_at


def _newest_status(body: dict[str, Any]) -> str | None:
    for event in body.get("messages") or []:
        if event.get("type") == "status_update":
            return str(event["status_update"].get("agent_status"))
    return None


def _seed_loop(emu: Emulator, clock: ManualClock, duration: float) -> Followed:
    emu.clear_requests()
    with httpx.Client(base_url=emu.v2_url, headers=emu.v2_headers, timeout=10) as http:
        task_id = http.post("/task.create", json={"message": {"content": _prompt(duration)}}).json()["task_id"]
        while True:
            query = {"task_id": task_id, "order": "desc", "limit": 10}
            status = _newest_status(http.get("/task.listMessages", params=query).json())
            if status not in (None, "running"):
                break
            emu.advance(SEED_INTERVAL)  # time.sleep(5)
    return Followed(len(emu.requests), clock.now() - _completion(emu, task_id))


class _ClockPush:
    """A stand-in webhook receiver: wakes the moment the task stops on the emulator's clock."""

    def __init__(self, emu: Emulator, clock: ManualClock) -> None:
        self.emu, self.clock = emu, clock

    def wait_stopped(self, task_id: str, timeout: float | None, *, after: str | None = None) -> str | None:
        end = self.clock.now() + (timeout or 0.0)
        while self.clock.now() < end:
            self.emu.advance(min(STEP, end - self.clock.now()))
            if self.emu.task(task_id).status != "running":
                return f"task_stopped_{task_id}"
        return None

    async def await_stopped(self, task_id: str, timeout: float | None, *, after: str | None = None) -> str | None:
        return self.wait_stopped(task_id, timeout, after=after)


def _follow(emu: Emulator, clock: ManualClock, duration: float, push: bool) -> Followed:
    client: Any = emu.client()
    client.v2.tasks._sleep = emu.advance
    client.v2.tasks._monotonic = clock.now
    emu.clear_requests()
    created = client.v2.tasks.create(_prompt(duration))
    source = _ClockPush(emu, clock) if push else None
    events = list(client.v2.tasks.follow(created.task_id, timeout=None, events=source))
    assert events[-1].agent_status == "stopped", events[-1]
    followed = Followed(len(emu.requests), clock.now() - _completion(emu, created.task_id), len(events))
    client.close()
    return followed


def run(quick: bool) -> Report:
    report = Report("v2_follow", "7. v2 follow")
    clock = ManualClock(start=1_760_000_000)
    rows: dict[int, tuple[Followed, Followed, Followed]] = {}
    with Emulator(clock=clock, webhook_activation="off", progress_events=2) as emu:
        for duration in DURATIONS:
            rows[duration] = (
                _seed_loop(emu, clock, duration),
                _follow(emu, clock, duration, push=False),
                _follow(emu, clock, duration, push=True),
            )
    for duration, (a, b, c) in rows.items():
        figure = (
            f"(a) {a.requests} req, lag {a.lag:g}s | (b) {b.requests} req, lag {b.lag:g}s | "
            f"(c) {c.requests} req, lag {c.lag:.1f}s"
        )
        if duration >= 300:
            share_b, share_c = b.requests / a.requests, c.requests / a.requests
            report.add(f"{duration}s task: (b) polling req <= 1/3 of (a)", f"{figure} ({share_b:.2f}x)",
                       "req(b) <= req(a)/3", check(share_b <= 1 / 3))  # fmt: skip
            report.add(f"{duration}s task: (b) polling never later than (a)", f"lag (b) {b.lag:g}s vs (a) {a.lag:g}s",
                       "lag(b) <= lag(a)", check(b.lag <= a.lag))  # fmt: skip
            report.add(f"{duration}s task: (c) push req <= 1/3 of (a) and never later",
                       f"{c.requests} vs {a.requests} req ({share_c:.2f}x); lag {c.lag:.1f}s vs {a.lag:g}s",
                       "req(c) <= req(a)/3, lag(c) <= lag(a)", check(share_c <= 1 / 3 and c.lag <= a.lag))  # fmt: skip
        else:
            report.add(f"{duration}s task (no request target)", figure, "lag(b) <= lag(a)", check(b.lag <= a.lag))
        report.add(f"{duration}s task: events yielded by (b) / (c)", f"{b.events} / {c.events}")
    report.note(
        "Emulator on a ManualClock over loopback; requests include the create. (c) models webhook delivery "
        "as instantaneous on the emulator clock (0.1 s steps); the real delivery path is benchmark 3(c)."
    )
    return report
