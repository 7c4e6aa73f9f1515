"""The chaos harness: many tasks through create -> wait -> list -> update -> delete while the emulator
injects faults on every endpoint. ``test_chaos.py`` asserts on the report; ``test_secrets_everywhere.py``
scans the errors, logs and request log it collected.

The harness plays a *careful user* of the documented contract (``_endpoints.create_may_retry``):

* The client keeps its default retry budget (``max_retries=2``): a GET / PUT / DELETE is re-sent by the
  SDK after a 429, a 5xx, a dropped connection or a timeout; a create (POST) is re-sent only after a 429,
  because any other failure may have created the task already.
* When an error escapes anyway it must be an ``openai.APIError`` subclass, raised only after that budget
  (checked in the emulator's request log through a per-call ``X-Chaos-Call`` header). The user then
  decides: a failed read or update is simply tried again; a create that failed with a 5xx, a dropped
  connection or a timeout is *not* sent again blindly -- the user first lists the tasks (``query=`` the
  unique marker in the prompt) and re-creates only when the server holds no such task. After a
  timeout the server may still be working on the request, so the user keeps looking for
  ``SETTLE_SECONDS`` before concluding it was not created.
* ``responses.wait`` never gives up on transient errors; it sleeps on the emulator's ``ManualClock``.

Speed: Retry-After values are 10 ms and the SDK's own exponential backoff (0.5 s doubling to 8 s) is
scaled down to milliseconds by patching its two constants, so the schedule (not its length) is what
runs. Everything is seeded: ``Emulator(seed=SEED)`` draws the faults, the plan is a pure function of
the task index, so a failure reproduces.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import itertools
import logging
import threading
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

import openai
import pytest

from manus_openai import ManusResponse
from manus_openai.emulator import Emulator, Fault, ManualClock, RecordedRequest
from manus_openai.pagination import AsyncTasksPage, SyncTasksPage
from manus_openai.types import Task, TaskUpdated

SEED = 20_240_607
TASKS = 200
FAULT_RATE = 0.20
"""Share of requests (on every endpoint) that get one of ``GENERAL_FAULTS``."""
MAX_RETRIES = 2
"""The client's retry budget (openai's default)."""
CLIENT_TIMEOUT = 0.5
"""Seconds per request; ``SLOW_PAST_TIMEOUT`` responses take longer, so the client gives up on them."""
SLOW_PAST_TIMEOUT = 0.7
POST_TIMEOUT_CALLS = (2, 12, 22, 32)
"""Which creates of each path are answered only after the client timed out (the server creates the task
anyway). A fixed schedule, not a probability: the fault draws are taken in arrival order, which a loaded
machine reshuffles, and a probability of 2% left some runs with no timed-out create at all."""
SETTLE_SECONDS = 3.0
"""How long the careful user keeps looking for a task whose create timed out before sending it again."""
PAGE_SIZE = 17
CONCURRENCY = 20
API_KEY = "mk-chaos-SECRET-5f3a9c1e7b2d4068"
MAX_ATTEMPTS = 25
"""Logical attempts of one step before the harness itself gives up (never reached in practice)."""

GENERAL_FAULTS: dict[str, Fault] = {
    "429 with Retry-After": Fault.rate_limited(retry_after=0.01),
    "429 without Retry-After": Fault.rate_limited(retry_after=None),
    "500": Fault.server_error(500),
    "502 (HTML page)": Fault.server_error(502),
    "503": Fault.server_error(503),
    "dropped connection": Fault.drop(),
    "slow response": Fault.slow(0.02),
}
TIMEOUT_FAULT_NAME = "slow past the client timeout (POST)"
TIMEOUT_FAULT = Fault.slow(SLOW_PAST_TIMEOUT)

OUTCOMES = ("finish", "error", "ask", "files")
MODES = ("agent", "chat", "adaptive")
PROFILES = ("manus-1.6", "manus-1.6-lite", "manus-1.6-max")
LOCALES = ("en-US", "fr-FR", None)

T = TypeVar("T")


# ---------------------------------------------------------------------------------------------- the plan
@dataclass(frozen=True)
class TaskPlan:
    """Everything the caller passes for one task: a pure function of its index."""

    index: int
    via: str  # "responses" or "tasks"
    outcome: str
    polls: int
    task_mode: str
    agent_profile: str
    locale: str | None
    connectors: tuple[str, ...]
    hide_in_task_list: bool
    create_shareable_link: bool
    interactive_mode: bool

    @property
    def marker(self) -> str:
        return f"chaosmark-{SEED}-{self.index:03d}"

    @property
    def text(self) -> str:
        """The prompt without directives (what the answer is computed from)."""
        return f"{self.marker} summarise item {self.index} for the reliability suite"

    @property
    def prompt(self) -> str:
        directive = {"finish": "", "error": " [[manus:error]]", "ask": " [[manus:ask]]", "files": " [[manus:files=1]]"}
        return f"{self.text} [[manus:polls={self.polls}]]{directive[self.outcome]}"

    @property
    def new_title(self) -> str:
        return f"Reviewed {self.marker}"

    def create_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {
            "task_mode": self.task_mode,
            "agent_profile": self.agent_profile,
            "hide_in_task_list": self.hide_in_task_list,
            "create_shareable_link": self.create_shareable_link,
            "interactive_mode": self.interactive_mode,
            "connectors": list(self.connectors),
        }
        if self.locale is not None:
            kwargs["locale"] = self.locale
        return kwargs

    @property
    def expected_status(self) -> str:
        """The final status ``responses.wait`` returns (compat-guide vocabulary)."""
        return {"finish": "completed", "files": "completed", "error": "error", "ask": "pending"}[self.outcome]

    @property
    def expected_list_status(self) -> str:
        """The status ``tasks.list`` shows (v1 Task vocabulary)."""
        return {"finish": "completed", "files": "completed", "error": "failed", "ask": "pending"}[self.outcome]

    @property
    def expected_digest(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest()[:8]


def plan(index: int) -> TaskPlan:
    return TaskPlan(
        index=index,
        via="responses" if index % 2 == 0 else "tasks",
        outcome=OUTCOMES[(index // 2) % len(OUTCOMES)],
        polls=1 + index % 3,
        task_mode=MODES[index % len(MODES)],
        agent_profile=PROFILES[(index // 3) % len(PROFILES)],
        locale=LOCALES[index % len(LOCALES)],
        connectors=() if index % 4 else (f"connector-{index}", "gmail"),
        hide_in_task_list=index % 5 == 0,
        create_shareable_link=index % 3 == 0,
        interactive_mode=index % 7 == 0,
    )


# ---------------------------------------------------------------------------------------------- the report
@dataclass
class Escape:
    """An error that reached the harness, and what the server saw of that call."""

    step: str
    call: str
    error: openai.APIError
    sent: list[RecordedRequest] = field(default_factory=list)


@dataclass
class Outcome:
    task_id: str
    waited: ManusResponse
    listed_status: str | None = None
    updated_title: str | None = None
    stored: dict[str, Any] = field(default_factory=dict)
    deleted: bool = False


@dataclass
class ChaosReport:
    mode: str
    plans: list[TaskPlan]
    outcomes: dict[str, Outcome]
    escapes: list[Escape]
    created: Counter[str]
    """Marker -> number of tasks the server created for it (from the engine's task_created events)."""
    listed_ids: list[str]
    requests: list[RecordedRequest]
    faults: Counter[str]
    remaining_tasks: list[str]
    log_lines: list[str]
    seconds: float
    recreated_after_check: int = 0
    found_after_check: int = 0

    @property
    def create_posts(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.method == "POST" and r.path in ("/v1/responses", "/v1/tasks")]

    @property
    def acted_create_posts(self) -> list[RecordedRequest]:
        """Creates the server carried out: not refused by a fault and answered 200 (maybe to nobody)."""
        return [r for r in self.create_posts if r.status == 200 and r.fault in (None, "delay")]


class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@contextmanager
def debug_logs() -> Iterator[list[str]]:
    """Every line the client stack logs at DEBUG during the run (checked for the key later)."""
    handler = _Lines()
    loggers = [logging.getLogger(name) for name in ("openai", "httpx", "httpcore", "manus_openai")]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.DEBUG)
        lg.addHandler(handler)
    try:
        yield handler.lines
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.removeHandler(handler)
            lg.setLevel(level)


@contextmanager
def chaos_emulator() -> Iterator[tuple[Emulator, Counter[str]]]:
    """A started emulator injecting the faults, and a live count of tasks created per marker."""
    with pytest.MonkeyPatch.context() as mp:
        # The SDK's backoff constants, scaled from seconds to milliseconds (see the module docstring).
        mp.setattr(openai._base_client, "INITIAL_RETRY_DELAY", 0.002)
        mp.setattr(openai._base_client, "MAX_RETRY_DELAY", 0.016)
        with Emulator(api_key=API_KEY, clock=ManualClock(), seed=SEED, polls=2, webhook_activation="off") as emu:
            created: Counter[str] = Counter()
            lock = threading.Lock()

            def on_event(event: Any) -> None:
                if event.type == "task_created":
                    prompt = emu.engine.tasks[event.task_id].prompt
                    with lock:
                        created[prompt.split()[0]] += 1

            emu.engine.listeners.append(on_event)
            for path in ("/v1/responses", "/v1/tasks"):  # first: a scheduled timeout beats a random fault
                emu.faults.add(TIMEOUT_FAULT, "POST", path, calls=POST_TIMEOUT_CALLS)
            per_rule = 1 - (1 - FAULT_RATE) ** (1 / len(GENERAL_FAULTS))
            for fault in GENERAL_FAULTS.values():
                emu.faults.add(fault, probability=per_rule)
            yield emu, created


def fault_counts(emu: Emulator) -> Counter[str]:
    names = {fault: name for name, fault in GENERAL_FAULTS.items()} | {TIMEOUT_FAULT: TIMEOUT_FAULT_NAME}
    return Counter(names[f.fault] for f in emu.faults.fired)


def is_transient(exc: openai.APIError) -> bool:
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code == 429 or exc.status_code >= 500
    return isinstance(exc, openai.APIConnectionError)  # APITimeoutError included


def stored_view(emu: Emulator, task_id: str) -> dict[str, Any]:
    task = emu.task(task_id)
    return {
        "prompt": task.prompt,
        "task_mode": task.task_mode,
        "agent_profile": task.profile,
        "locale": task.locale,
        "connectors": tuple(task.connectors),
        "hide_in_task_list": task.hidden,
        "create_shareable_link": task.shareable,
        "interactive_mode": task.interactive,
        "title": task.title,
    }


class _Base:
    def __init__(self, emu: Emulator, mode: str) -> None:
        self.emu = emu
        self.mode = mode
        self.escapes: list[Escape] = []
        self.outcomes: dict[str, Outcome] = {}
        self._calls = itertools.count(1)
        self.recreated_after_check = 0
        self.found_after_check = 0

    def call_headers(self, step: str) -> tuple[str, dict[str, str]]:
        call = f"{self.mode}-{step}-{next(self._calls)}"
        return call, {"X-Chaos-Call": call}

    def escaped(self, step: str, call: str, exc: openai.APIError) -> None:
        self.escapes.append(Escape(step, call, exc))

    def report(self, created: Counter[str], listed: list[str], seconds: float, lines: list[str]) -> ChaosReport:
        requests = self.emu.requests
        by_call: dict[str, list[RecordedRequest]] = {}
        for r in requests:
            call = r.headers.get("x-chaos-call")
            if call:
                by_call.setdefault(call, []).append(r)
        for escape in self.escapes:
            escape.sent = by_call.get(escape.call, [])
        return ChaosReport(
            mode=self.mode,
            plans=[plan(i) for i in range(TASKS)],
            outcomes=self.outcomes,
            escapes=self.escapes,
            created=Counter(created),
            listed_ids=listed,
            requests=requests,
            faults=fault_counts(self.emu),
            remaining_tasks=list(self.emu.engine.tasks),
            log_lines=lines,
            seconds=seconds,
            recreated_after_check=self.recreated_after_check,
            found_after_check=self.found_after_check,
        )


# ---------------------------------------------------------------------------------------------- sync
class SyncUser(_Base):
    def __init__(self, emu: Emulator) -> None:
        super().__init__(emu, "sync")
        self.client = emu.client(responses_view="manus", max_retries=MAX_RETRIES, timeout=CLIENT_TIMEOUT)
        clock = emu.clock
        assert isinstance(clock, ManualClock)
        responses: Any = self.client.responses  # test seams: waits run on the emulator's clock
        responses._monotonic = clock.now
        responses._sleep = emu.advance

    def list_page(self, after: str | None, headers: dict[str, str]) -> SyncTasksPage[Task]:
        return self.client.tasks.list(limit=PAGE_SIZE, order="asc", after=after, extra_headers=headers)

    def update(self, task_id: str, title: str, headers: dict[str, str]) -> TaskUpdated:
        return self.client.tasks.update(task_id, title=title, extra_headers=headers)

    def persist(self, step: str, send: Callable[[dict[str, str]], T]) -> T:
        """A read, update or delete: try again after a typed transient error (the SDK already retried)."""
        for _ in range(MAX_ATTEMPTS):
            call, headers = self.call_headers(step)
            try:
                return send(headers)
            except openai.APIError as exc:
                if not is_transient(exc):
                    raise  # an answer, not an escape: e.g. 404 for a delete whose first (timed-out) try acted
                self.escaped(step, call, exc)
        raise AssertionError(f"{step}: still failing after {MAX_ATTEMPTS} attempts")

    def find(self, p: TaskPlan, *, settle: bool) -> str | None:
        deadline = time.monotonic() + (SETTLE_SECONDS if settle else 0.0)
        while True:
            page = self.persist("find", lambda h: self.client.tasks.list(query=p.marker, extra_headers=h))
            if page.data:
                assert len(page.data) == 1, f"duplicate tasks for {p.marker}: {[t.id for t in page.data]}"
                return page.data[0].id
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.05)

    def send_create(self, p: TaskPlan, headers: dict[str, str]) -> str:
        if p.via == "responses":
            return self.client.responses.create(input=p.prompt, extra_headers=headers, **p.create_kwargs()).id
        return self.client.tasks.create(p.prompt, extra_headers=headers, **p.create_kwargs()).task_id

    def create(self, p: TaskPlan) -> str:
        for _ in range(MAX_ATTEMPTS):
            call, headers = self.call_headers("create")
            try:
                return self.send_create(p, headers)
            except openai.APIError as exc:
                self.escaped("create", call, exc)
                if not is_transient(exc):
                    raise
                if isinstance(exc, openai.RateLimitError):
                    continue  # refused: the server did not act, sending it again is safe
                found = self.find(p, settle=isinstance(exc, openai.APITimeoutError))
                if found is not None:
                    self.found_after_check += 1
                    return found
                self.recreated_after_check += 1
        raise AssertionError(f"create {p.marker}: still failing after {MAX_ATTEMPTS} attempts")

    def delete(self, task_id: str) -> None:
        try:
            self.persist("delete", lambda h: self.client.tasks.delete(task_id, extra_headers=h))
        except openai.NotFoundError:
            # An earlier attempt deleted it but its answer was lost: make sure it is really gone.
            try:
                self.persist("verify-delete", lambda h: self.client.tasks.retrieve(task_id, extra_headers=h))
            except openai.NotFoundError:
                return
            raise

    def run(self) -> list[str]:
        plans = [plan(i) for i in range(TASKS)]
        for p in plans:
            task_id = self.create(p)
            done = self.client.responses.wait(task_id, timeout=10**7)
            self.outcomes[p.marker] = Outcome(task_id, done)
        listed: list[str] = []
        statuses: dict[str, str] = {}
        cursor: str | None = None
        while True:
            page = self.persist("list", functools.partial(self.list_page, cursor))
            listed += [t.id for t in page.data]
            statuses.update({t.id: str(t.status) for t in page.data})
            if not page.has_more:
                break
            cursor = page.data[-1].id
        for p in plans:
            outcome = self.outcomes[p.marker]
            outcome.listed_status = statuses.get(outcome.task_id)
            updated = self.persist("update", functools.partial(self.update, outcome.task_id, p.new_title))
            outcome.updated_title = updated.task_title
            outcome.stored = stored_view(self.emu, outcome.task_id)
            self.delete(outcome.task_id)
            outcome.deleted = outcome.task_id not in self.emu.engine.tasks
        self.client.close()
        return listed


# ---------------------------------------------------------------------------------------------- async
class AsyncUser(_Base):
    def __init__(self, emu: Emulator) -> None:
        super().__init__(emu, "async")
        self.client = emu.async_client(responses_view="manus", max_retries=MAX_RETRIES, timeout=CLIENT_TIMEOUT)
        clock = emu.clock
        assert isinstance(clock, ManualClock)

        async def sleep(seconds: float) -> None:
            emu.advance(seconds)
            await asyncio.sleep(0)

        responses: Any = self.client.responses  # test seams: waits run on the emulator's clock
        responses._monotonic = clock.now
        responses._sleep = sleep
        self.gate = asyncio.Semaphore(CONCURRENCY)

    async def list_page(self, after: str | None, headers: dict[str, str]) -> AsyncTasksPage[Task]:
        return await self.client.tasks.list(limit=PAGE_SIZE, order="asc", after=after, extra_headers=headers)

    async def persist(self, step: str, send: Callable[[dict[str, str]], Awaitable[T]]) -> T:
        for _ in range(MAX_ATTEMPTS):
            call, headers = self.call_headers(step)
            try:
                return await send(headers)
            except openai.APIError as exc:
                if not is_transient(exc):
                    raise  # an answer, not an escape: e.g. 404 for a delete whose first (timed-out) try acted
                self.escaped(step, call, exc)
        raise AssertionError(f"{step}: still failing after {MAX_ATTEMPTS} attempts")

    async def find(self, p: TaskPlan, *, settle: bool) -> str | None:
        deadline = time.monotonic() + (SETTLE_SECONDS if settle else 0.0)
        while True:
            page = await self.persist("find", lambda h: self.client.tasks.list(query=p.marker, extra_headers=h))
            if page.data:
                assert len(page.data) == 1, f"duplicate tasks for {p.marker}: {[t.id for t in page.data]}"
                return page.data[0].id
            if time.monotonic() >= deadline:
                return None
            await asyncio.sleep(0.05)

    async def send_create(self, p: TaskPlan, headers: dict[str, str]) -> str:
        if p.via == "responses":
            return (await self.client.responses.create(input=p.prompt, extra_headers=headers, **p.create_kwargs())).id
        return (await self.client.tasks.create(p.prompt, extra_headers=headers, **p.create_kwargs())).task_id

    async def create(self, p: TaskPlan) -> str:
        for _ in range(MAX_ATTEMPTS):
            call, headers = self.call_headers("create")
            try:
                return await self.send_create(p, headers)
            except openai.APIError as exc:
                self.escaped("create", call, exc)
                if not is_transient(exc):
                    raise
                if isinstance(exc, openai.RateLimitError):
                    continue
                found = await self.find(p, settle=isinstance(exc, openai.APITimeoutError))
                if found is not None:
                    self.found_after_check += 1
                    return found
                self.recreated_after_check += 1
        raise AssertionError(f"create {p.marker}: still failing after {MAX_ATTEMPTS} attempts")

    async def delete(self, task_id: str) -> None:
        try:
            await self.persist("delete", lambda h: self.client.tasks.delete(task_id, extra_headers=h))
        except openai.NotFoundError:
            try:
                await self.persist("verify-delete", lambda h: self.client.tasks.retrieve(task_id, extra_headers=h))
            except openai.NotFoundError:
                return
            raise

    async def create_and_wait(self, p: TaskPlan) -> None:
        async with self.gate:
            task_id = await self.create(p)
            done = await self.client.responses.wait(task_id, timeout=10**7)
            self.outcomes[p.marker] = Outcome(task_id, done)

    async def update_and_delete(self, p: TaskPlan, statuses: dict[str, str]) -> None:
        async with self.gate:
            outcome = self.outcomes[p.marker]
            outcome.listed_status = statuses.get(outcome.task_id)
            updated = await self.persist(
                "update", lambda h: self.client.tasks.update(outcome.task_id, title=p.new_title, extra_headers=h)
            )
            outcome.updated_title = updated.task_title
            outcome.stored = stored_view(self.emu, outcome.task_id)
            await self.delete(outcome.task_id)
            outcome.deleted = outcome.task_id not in self.emu.engine.tasks

    async def run(self) -> list[str]:
        plans = [plan(i) for i in range(TASKS)]
        async with self.client:
            await asyncio.gather(*(self.create_and_wait(p) for p in plans))
            listed: list[str] = []
            statuses: dict[str, str] = {}
            cursor: str | None = None
            while True:
                page = await self.persist("list", functools.partial(self.list_page, cursor))
                listed += [t.id for t in page.data]
                statuses.update({t.id: str(t.status) for t in page.data})
                if not page.has_more:
                    break
                cursor = page.data[-1].id
            await asyncio.gather(*(self.update_and_delete(p, statuses) for p in plans))
        return listed


def run_sync() -> ChaosReport:
    with debug_logs() as lines, chaos_emulator() as (emu, created):
        start = time.perf_counter()
        user = SyncUser(emu)
        listed = user.run()
        return user.report(created, listed, time.perf_counter() - start, lines)


def run_async() -> ChaosReport:
    with debug_logs() as lines, chaos_emulator() as (emu, created):
        start = time.perf_counter()
        user = AsyncUser(emu)
        listed = asyncio.run(user.run())
        return user.report(created, listed, time.perf_counter() - start, lines)


__all__ = [
    "API_KEY",
    "GENERAL_FAULTS",
    "TASKS",
    "ChaosReport",
    "TaskPlan",
    "plan",
    "run_async",
    "run_sync",
]
