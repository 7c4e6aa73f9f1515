"""One task model and its state machine (manus-api.md §8); every HTTP view is a projection of it.

The canonical task status uses the v2 vocabulary (``running``/``waiting``/``stopped``/``error``) so a
v2 surface can be added later without touching the model; ``_views`` maps it to the v1 vocabularies.
Transitions are evaluated lazily against the clock (on every read, and by the webhook ticker), so a
``ManualClock`` fully controls time.
"""

from __future__ import annotations

import bisect
import gc
import hashlib
import math
import random
import re
import string
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from ._clock import Clock
from ._errors import CODE_RESOURCE_EXHAUSTED, ApiError

__all__ = [
    "FILE_RETENTION",
    "UPLOAD_URL_TTL",
    "Engine",
    "FileRef",
    "ListQuery",
    "Message",
    "Outcome",
    "Project",
    "Scenario",
    "StoredFile",
    "Task",
    "TaskEvent",
    "Webhook",
    "parse_directives",
]

Status = Literal["running", "waiting", "stopped", "error"]
Outcome = Literal["finish", "error", "ask", "forever"]

UPLOAD_URL_TTL = 180.0  # presigned upload URLs expire after 3 minutes (§4.8)
FILE_RETENTION = 48 * 3600.0  # files auto-delete after 48 hours (§4.8)

_ALPHABET = string.ascii_letters + string.digits
# Maps random bytes to base62 characters (the slight modulo bias does not matter for ids).
_BASE62 = bytes(ord(_ALPHABET[b % len(_ALPHABET)]) for b in range(256))
_DIRECTIVE = re.compile(r"\[\[manus:([A-Za-z_]+)(?:=([^\]]*))?\]\]")


@dataclass(frozen=True)
class Scenario:
    """How one turn of a task plays out. ``None`` fields fall back to the emulator's defaults."""

    duration: float | None = None
    polls: int | None = None
    outcome: Outcome | None = None
    files: int | None = None
    progress: int | None = None
    question: str | None = None
    error_message: str | None = None

    def over(self, defaults: Scenario) -> Scenario:
        """This scenario with unset fields taken from ``defaults``."""
        return Scenario(
            duration=self.duration if self.duration is not None else defaults.duration,
            polls=self.polls if self.polls is not None else defaults.polls,
            outcome=self.outcome if self.outcome is not None else defaults.outcome,
            files=self.files if self.files is not None else defaults.files,
            progress=self.progress if self.progress is not None else defaults.progress,
            question=self.question if self.question is not None else defaults.question,
            error_message=self.error_message if self.error_message is not None else defaults.error_message,
        )


def parse_directives(text: str, field_name: str = "prompt") -> tuple[Scenario, str]:
    """Parse ``[[manus:...]]`` directives; return the scenario and the text without them.

    Raises a 400 naming ``field_name`` for an unknown directive or a bad value, so a typo in a test
    prompt fails loudly instead of silently running the default scenario.
    """
    values: dict[str, object] = {}
    for match in _DIRECTIVE.finditer(text):
        name, raw = match.group(1).lower(), match.group(2)

        def number(kind: type[float] | type[int], *, _n: str = name, _r: str | None = raw) -> float:
            try:
                value = kind(_r) if _r is not None else None
            except ValueError:
                value = None
            if value is None or value < 0 or (isinstance(value, float) and not math.isfinite(value)):
                raise ApiError.invalid(field_name, f"directive [[manus:{_n}=...]] needs a number >= 0")
            return value

        if name == "duration":
            values["duration"] = float(number(float))
        elif name == "polls":
            values["polls"] = max(1, int(number(int)))
        elif name == "files":
            values["files"] = int(number(int))
        elif name == "progress":
            values["progress"] = int(number(int))
        elif name in ("finish", "forever"):
            values["outcome"] = name
        elif name == "error":
            values["outcome"] = "error"
            if raw:
                values["error_message"] = raw
        elif name == "ask":
            values["outcome"] = "ask"
            if raw:
                values["question"] = raw
        else:
            raise ApiError.invalid(
                field_name,
                f"unknown emulator directive [[manus:{name}]] (known: duration, polls, files, progress, "
                "finish, error, ask, forever)",
            )
    clean = " ".join(_DIRECTIVE.sub(" ", text).split())
    return Scenario(**values), clean  # type: ignore[arg-type]  # keys are exactly Scenario fields


@dataclass
class FileRef:
    """A file attached to a message: given by the user or produced by the agent.

    ``path`` is set when the emulator itself serves the bytes (rendered absolute on the request's
    host); ``url`` is set for a user's public URL.
    """

    name: str
    mime: str
    size: int
    url: str | None = None
    path: str | None = None


@dataclass
class Message:
    id: str
    role: Literal["user", "assistant"]
    text: str | None
    created_at: float
    files: list[FileRef] = field(default_factory=list)


@dataclass
class Turn:
    started_at: float
    scenario: Scenario
    polls_seen: int = 0
    progress_sent: int = 0


@dataclass
class Task:
    id: str
    seq: int
    created_at: float
    updated_at: float
    title: str
    prompt: str
    profile: str
    task_mode: str
    locale: str | None = None
    project_id: str | None = None
    project_instruction: str | None = None
    instructions: str | None = None
    hidden: bool = False
    shareable: bool = False
    interactive: bool = False
    connectors: list[str] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    messages: list[Message] = field(default_factory=list)
    status: Status = "running"
    error: str | None = None
    turn: Turn | None = None
    running_since: float | None = None
    running_seconds: float = 0.0
    turns: int = 0
    contents: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    credit_usage_fixed: int | None = None

    def credits(self, now: float, rate: float) -> int:
        if self.credit_usage_fixed is not None:
            return self.credit_usage_fixed
        seconds = self.running_seconds
        if self.running_since is not None:
            seconds += max(0.0, now - self.running_since)
        return self.turns + int(seconds * rate)

    def search_text(self) -> str:
        parts = [self.title, *(m.text or "" for m in self.messages)]
        return "\n".join(parts).lower()


@dataclass
class Project:
    id: str
    name: str
    instruction: str | None
    created_at: float


@dataclass
class StoredFile:
    id: str
    filename: str
    created_at: float
    upload_token: str
    content: bytes | None = None
    uploaded_at: float | None = None

    def status(self, now: float) -> Literal["pending", "uploaded", "deleted"]:
        if now >= self.created_at + FILE_RETENTION:
            return "deleted"
        return "uploaded" if self.content is not None else "pending"


@dataclass
class Webhook:
    id: str
    url: str
    created_at: float


@dataclass(frozen=True)
class TaskEvent:
    """A webhook-worthy transition: ``task_created``, ``task_progress`` or ``task_stopped``."""

    type: Literal["task_created", "task_progress", "task_stopped"]
    task_id: str
    at: float
    task_title: str
    message: str | None = None
    stop_reason: Literal["finish", "ask"] | None = None
    attachments: tuple[FileRef, ...] = ()


@dataclass(frozen=True)
class ListQuery:
    after: str | None = None
    limit: int = 100
    order: Literal["asc", "desc"] = "desc"
    order_by: Literal["created_at", "updated_at"] = "created_at"
    query: str | None = None
    statuses: frozenset[str] = frozenset()  # v1 Task-schema vocabulary
    created_after: int | None = None
    created_before: int | None = None


# Agent profiles: every documented spelling (§2.5, open question 13) -> the versioned form echoed back.
PROFILES: dict[str, str] = {
    "manus-1.6": "manus-1.6",
    "manus-1.6-lite": "manus-1.6-lite",
    "manus-1.6-max": "manus-1.6-max",
    "manus-1.5": "manus-1.5",
    "manus-1.5-lite": "manus-1.5-lite",
    "manus-1.5-max": "manus-1.5-max",
    "standard": "manus-1.6",
    "lite": "manus-1.6-lite",
    "max": "manus-1.6-max",
    "1.6": "manus-1.6",
    "1.6-lite": "manus-1.6-lite",
    "1.6-max": "manus-1.6-max",
    "speed": "speed",
    "quality": "quality",
}
TASK_MODES = ("agent", "chat", "adaptive")
DEFAULT_PROFILE = "manus-1.6"


def model_name(profile: str, task_mode: str) -> str:
    """The ``model`` string: the compat guide's ``manus-agent-quality`` for legacy profiles,
    seed 001's ``manus-1.6-adaptive`` shape for versioned ones."""
    if profile in ("speed", "quality"):
        return f"manus-{task_mode}-{profile}"
    return f"{profile}-{task_mode}"


def v1_task_status(status: Status) -> str:
    """Canonical -> v1 Task schema vocabulary (pending/running/completed/failed)."""
    return {"running": "running", "waiting": "pending", "stopped": "completed", "error": "failed"}[status]


def v1_response_status(status: Status) -> str:
    """Canonical -> compat guide vocabulary (running/pending/completed/error)."""
    return {"running": "running", "waiting": "pending", "stopped": "completed", "error": "error"}[status]


_V1_TO_CANONICAL: dict[str, Status] = {
    "running": "running",
    "pending": "waiting",
    "completed": "stopped",
    "failed": "error",
}


def title_from(prompt: str) -> str:
    words = prompt.split()
    title = " ".join(words[:8]) or "Untitled task"
    return title if len(title) <= 60 else title[:57].rstrip() + "..."


class Engine:
    """The emulator's in-memory state: tasks, projects, files, webhooks. Thread-safe (one lock)."""

    def __init__(
        self,
        *,
        clock: Clock,
        seed: int = 0,
        defaults: Scenario,
        credits_per_second: float = 1.0,
        credit_limit: int | None = None,
        credit_limit_status: int = 429,
    ) -> None:
        self.clock = clock
        self.lock = threading.RLock()
        self.defaults = defaults
        self.credits_per_second = credits_per_second
        self.credit_limit = credit_limit
        self.credit_limit_status = credit_limit_status
        self._rng = random.Random(seed)
        self._seq = 0
        self.tasks: dict[str, Task] = {}
        self._gone: dict[str, tuple[float, float, int]] = {}  # deleted id -> (created, updated, seq)
        self._created_keys: list[tuple[float, int]] = []
        self._created_ids: list[str] = []
        self._updated_cache: tuple[int, list[tuple[float, int]], list[str]] | None = None
        self._version = 0
        self._active: set[str] = set()
        self._credits_spent_done = 0
        self.projects: dict[str, Project] = {}
        self.files: dict[str, StoredFile] = {}
        self.webhooks: dict[str, Webhook] = {}
        self.listeners: list[Callable[[TaskEvent], None]] = []

    # ------------------------------------------------------------------ ids and events
    def new_id(self, prefix: str = "", length: int = 22) -> str:
        with self.lock:
            return prefix + self._rng.randbytes(length).translate(_BASE62).decode()

    def token(self) -> str:
        with self.lock:
            return f"{self._rng.getrandbits(128):032x}"

    def _emit(self, event: TaskEvent) -> None:
        for listener in list(self.listeners):
            listener(event)

    # ------------------------------------------------------------------ tasks: create / continue
    def check_credits(self) -> None:
        if self.credit_limit is None:
            return
        now = self.clock.now()
        rate = self.credits_per_second
        spent = self._credits_spent_done + sum(t.credits(now, rate) for t in self.tasks.values())
        if spent >= self.credit_limit:
            raise ApiError(
                self.credit_limit_status,
                CODE_RESOURCE_EXHAUSTED,
                f"Credit limit exceeded: {spent} of {self.credit_limit} credits used; add credits",
            )

    def create_task(
        self,
        *,
        prompt: str,
        profile: str,
        task_mode: str,
        attachments: Sequence[tuple[FileRef, bytes | None]] = (),
        locale: str | None = None,
        project_id: str | None = None,
        instructions: str | None = None,
        hidden: bool = False,
        shareable: bool = False,
        interactive: bool = False,
        connectors: Sequence[str] = (),
        metadata: dict[str, str] | None = None,
        scenario: Scenario | None = None,
    ) -> Task:
        with self.lock:
            self.check_credits()
            now = self.clock.now()
            own, clean = parse_directives(prompt) if scenario is None else (scenario, prompt)
            project = self.projects.get(project_id) if project_id else None
            self._seq += 1
            task = Task(
                id=self.new_id(),
                seq=self._seq,
                created_at=now,
                updated_at=now,
                title=title_from(clean),
                prompt=prompt,
                profile=profile,
                task_mode=task_mode,
                locale=locale,
                project_id=project.id if project else None,
                project_instruction=project.instruction if project else None,
                instructions=instructions,
                hidden=hidden,
                shareable=shareable,
                interactive=interactive,
                connectors=list(connectors),
                metadata=dict(metadata or {}),
            )
            self._start_turn(task, prompt, attachments, own.over(self.defaults), now)
            self.tasks[task.id] = task
            self._index_created(task)
            self._emit(TaskEvent("task_created", task.id, now, task.title))
            return task

    def continue_task(
        self,
        task_id: str,
        *,
        prompt: str,
        attachments: Sequence[tuple[FileRef, bytes | None]] = (),
        profile: str | None = None,
    ) -> Task:
        """A follow-up turn: resumes a ``waiting`` task, or starts a new turn on a finished one."""
        with self.lock:
            task = self.get(task_id)
            self.check_credits()
            now = self.clock.now()
            own, _ = parse_directives(prompt)
            # A global default of ``ask`` applies to first turns only, or no follow-up could finish.
            defaults = self.defaults if self.defaults.outcome != "ask" else replace(self.defaults, outcome="finish")
            if profile:
                task.profile = profile
            self._close_running(task, now)
            self._start_turn(task, prompt, attachments, own.over(defaults), now)
            self._touch(task, now)
            return task

    def _start_turn(
        self,
        task: Task,
        prompt: str,
        attachments: Sequence[tuple[FileRef, bytes | None]],
        scenario: Scenario,
        now: float,
    ) -> None:
        files: list[FileRef] = []
        for ref, content in attachments:
            if content is not None:
                name = self._unique_name(task, ref.name)
                task.contents[name] = (ref.mime, content)
                ref = replace(ref, name=name, path=f"/files-content/{task.id}/{name}")
            files.append(ref)
        task.messages.append(Message(self.new_id(), "user", prompt, now, files))
        task.status = "running"
        task.error = None
        task.turn = Turn(started_at=now, scenario=scenario)
        task.running_since = now
        task.turns += 1
        self._active.add(task.id)

    @staticmethod
    def _unique_name(task: Task, name: str) -> str:
        if name not in task.contents:
            return name
        stem, dot, ext = name.rpartition(".")
        if not dot:
            stem, ext = name, ""
        n = 2
        while True:
            candidate = f"{stem}-{n}.{ext}" if dot else f"{stem}-{n}"
            if candidate not in task.contents:
                return candidate
            n += 1

    def _close_running(self, task: Task, at: float) -> None:
        if task.running_since is not None:
            task.running_seconds += max(0.0, at - task.running_since)
            task.running_since = None

    def _touch(self, task: Task, at: float) -> None:
        task.updated_at = max(task.updated_at, at)
        self._version += 1

    # ------------------------------------------------------------------ the state machine
    def advance(self, task: Task, *, poll: bool = False) -> None:
        """Apply every transition due by now (and count a poll when ``poll``)."""
        with self.lock:
            turn = task.turn
            if task.status != "running" or turn is None:
                return
            now = self.clock.now()
            sc = turn.scenario
            if poll:
                turn.polls_seen += 1
            steps = sc.progress or 0
            if sc.polls is not None:
                # Progress per poll; the polls-th retrieve observes the finished state.
                while turn.progress_sent < min(steps, turn.polls_seen):
                    self._progress(task, turn, now)
                if turn.polls_seen >= sc.polls and sc.outcome != "forever":
                    self._finish(task, now)
                return
            duration = sc.duration if sc.duration is not None else 0.0
            if sc.outcome == "forever":
                duration = math.inf if duration == 0 else duration
                while turn.progress_sent < steps and now >= turn.started_at + duration * (turn.progress_sent + 1) / (
                    steps + 1
                ):
                    self._progress(task, turn, turn.started_at + duration * (turn.progress_sent + 1) / (steps + 1))
                return
            end = turn.started_at + duration
            while turn.progress_sent < steps:
                at = turn.started_at + duration * (turn.progress_sent + 1) / (steps + 1)
                if at > now or at >= end:
                    break
                self._progress(task, turn, at)
            if now >= end:
                self._finish(task, end)

    def _progress(self, task: Task, turn: Turn, at: float) -> None:
        turn.progress_sent += 1
        n = turn.progress_sent
        self._emit(TaskEvent("task_progress", task.id, at, task.title, message=f"Step {n}: working on {task.title}"))

    def _finish(self, task: Task, at: float) -> None:
        turn = task.turn
        assert turn is not None
        sc = turn.scenario
        last_prompt = next((m.text or "" for m in reversed(task.messages) if m.role == "user"), "")
        _, clean = parse_directives(last_prompt)
        self._close_running(task, at)
        self._active.discard(task.id)
        task.turn = None
        attachments: list[FileRef] = []
        if sc.outcome == "ask":
            text = sc.question or f'Before I continue: what exactly should the result of "{_short(clean)}" contain?'
            task.status = "waiting"
            reason: Literal["finish", "ask"] = "ask"
        elif sc.outcome == "error":
            text = None
            task.status = "error"
            task.error = sc.error_message or "The task failed (emulated error)."
            reason = "finish"
        else:
            text = self.answer(task, clean)
            task.status = "stopped"
            reason = "finish"
            for k in range(1, (sc.files or 0) + 1):
                name = self._unique_name(task, f"result-{k}.md")
                body = f"# {task.title}\n\nOutput file {k} of task {task.id}.\n\n{text}\n".encode()
                task.contents[name] = ("text/markdown", body)
                attachments.append(FileRef(name, "text/markdown", len(body), path=f"/files-content/{task.id}/{name}"))
        if text is not None or attachments:
            task.messages.append(Message(self.new_id(), "assistant", text, at, attachments))
        self._touch(task, at)
        self._emit(
            TaskEvent(
                "task_stopped",
                task.id,
                at,
                task.title,
                message=text if text is not None else task.error,
                stop_reason=reason,
                attachments=tuple(attachments),
            )
        )

    @staticmethod
    def answer(task: Task, clean_prompt: str) -> str:
        """The deterministic assistant answer: a pure function of the prompt and task settings."""
        digest = hashlib.sha256(clean_prompt.encode()).hexdigest()[:8]
        text = f'Emulated answer to "{_short(clean_prompt)}" (digest {digest}).'
        attached = [f.name for m in task.messages if m.role == "user" for f in m.files]
        if attached:
            text += f" I read {len(attached)} attachment(s): {', '.join(attached)}."
        if task.project_instruction:
            text = f"Following the project instruction ({task.project_instruction}): {text}"
        if task.instructions:
            text = f"Following your instructions ({task.instructions}): {text}"
        return text

    def advance_active(self) -> None:
        """Advance every running task (the webhook ticker and status filters call this)."""
        with self.lock:
            for task_id in list(self._active):
                task = self.tasks.get(task_id)
                if task is None:
                    self._active.discard(task_id)
                else:
                    self.advance(task)

    # ------------------------------------------------------------------ tasks: read / update / delete
    def get(self, task_id: str, *, poll: bool = False) -> Task:
        with self.lock:
            task = self.tasks.get(task_id)
            if task is None:
                raise ApiError.not_found(f"task not found: {task_id}")
            self.advance(task, poll=poll)
            return task

    def update(self, task_id: str, *, title: str | None, shared: bool | None, visible: bool | None) -> Task:
        with self.lock:
            task = self.get(task_id)
            if title is not None:
                task.title = title
            if shared is not None:
                task.shareable = shared
            if visible is not None:
                task.hidden = not visible
            self._touch(task, self.clock.now())
            return task

    def delete(self, task_id: str) -> None:
        with self.lock:
            task = self.tasks.pop(task_id, None)
            if task is None:
                raise ApiError.not_found(f"task not found: {task_id}")
            self._close_running(task, self.clock.now())
            self._credits_spent_done += task.credits(self.clock.now(), self.credits_per_second)
            self._active.discard(task_id)
            self._gone[task_id] = (task.created_at, task.updated_at, task.seq)
            self._version += 1

    # ------------------------------------------------------------------ listing
    def _index_created(self, task: Task) -> None:
        key = (task.created_at, task.seq)
        if not self._created_keys or key > self._created_keys[-1]:
            self._created_keys.append(key)
            self._created_ids.append(task.id)
        else:
            i = bisect.bisect_left(self._created_keys, key)
            self._created_keys.insert(i, key)
            self._created_ids.insert(i, task.id)
        self._version += 1

    def _updated_index(self) -> tuple[list[tuple[float, int]], list[str]]:
        cache = self._updated_cache
        if cache is None or cache[0] != self._version:
            items = sorted(((t.updated_at, t.seq), t.id) for t in self.tasks.values())
            cache = (self._version, [k for k, _ in items], [i for _, i in items])
            self._updated_cache = cache
        return cache[1], cache[2]

    def list_tasks(self, q: ListQuery) -> tuple[list[Task], bool]:
        """One page in the requested order, and whether more tasks follow it.

        Finds the cursor by bisecting the ordered index (deleted cursors keep working), then scans
        only as far as the page needs: a page costs O(log n + limit) without filters.
        """
        with self.lock:
            self.advance_active()  # statuses, updated_at and answers must be current
            if q.order_by == "created_at":
                keys, ids = self._created_keys, self._created_ids
            else:
                keys, ids = self._updated_index()
            if q.after is not None:
                cursor_task = self.tasks.get(q.after)
                if cursor_task is not None:
                    ck = (
                        cursor_task.created_at if q.order_by == "created_at" else cursor_task.updated_at,
                        cursor_task.seq,
                    )
                elif q.after in self._gone:
                    created, updated, seq = self._gone[q.after]
                    ck = (created if q.order_by == "created_at" else updated, seq)
                else:
                    raise ApiError.invalid("after", f"unknown cursor {q.after!r} (use last_id of the previous page)")
                start = bisect.bisect_right(keys, ck) if q.order == "asc" else bisect.bisect_left(keys, ck) - 1
            else:
                start = 0 if q.order == "asc" else len(ids) - 1
            wanted = {_V1_TO_CANONICAL[s] for s in q.statuses}
            needle = q.query.lower() if q.query else None
            page: list[Task] = []
            step = 1 if q.order == "asc" else -1
            i = start
            while 0 <= i < len(ids):
                task = self.tasks.get(ids[i])
                i += step
                if task is None:
                    continue
                if wanted and task.status not in wanted:
                    continue
                if q.created_after is not None and not task.created_at > q.created_after:
                    continue
                if q.created_before is not None and not task.created_at < q.created_before:
                    continue
                if needle is not None and needle not in task.search_text():
                    continue
                if len(page) == q.limit:
                    return page, True
                page.append(task)
            return page, False

    def iter_tasks(self) -> Iterator[Task]:
        with self.lock:
            yield from list(self.tasks.values())

    # ------------------------------------------------------------------ bulk seeding
    def seed_tasks(
        self,
        n: int,
        *,
        statuses: Iterable[str] = ("completed",),
        start: float | None = None,
        spacing: float = 1.0,
        prompt: str = "Seeded task {i}",
        profile: str = DEFAULT_PROFILE,
    ) -> list[str]:
        """Insert ``n`` finished (or running/pending/failed) tasks quickly, oldest first."""
        cycle = list(statuses)
        for s in cycle:
            if s not in _V1_TO_CANONICAL:
                raise ValueError(f"unknown status {s!r}; use one of {sorted(_V1_TO_CANONICAL)}")
        if not cycle:
            raise ValueError("statuses must not be empty")
        gc_was_enabled = gc.isenabled()
        gc.disable()  # creating 100k acyclic objects otherwise triggers many useless collections
        try:
            return self._seed(n, cycle, start, spacing, prompt, profile)
        finally:
            if gc_was_enabled:
                gc.enable()

    def _seed(
        self, n: int, cycle: list[str], start: float | None, spacing: float, prompt: str, profile: str
    ) -> list[str]:
        with self.lock:
            now = self.clock.now()
            t0 = start if start is not None else now - n * spacing
            ids: list[str] = []
            raw_ids = self._rng.randbytes(22 * n).translate(_BASE62).decode()
            for i in range(n):
                created = t0 + i * spacing
                v1 = cycle[i % len(cycle)]
                status = _V1_TO_CANONICAL[v1]
                text = prompt.format(i=i)
                self._seq += 1
                task_id = raw_ids[22 * i : 22 * i + 22]
                messages = [Message(task_id + "u", "user", text, created)]
                if status == "stopped":
                    messages.append(Message(task_id + "a", "assistant", f'Emulated answer to "{text}".', created))
                elif status == "waiting":
                    messages.append(Message(task_id + "a", "assistant", "Could you clarify?", created))
                task = Task(
                    id=task_id,
                    seq=self._seq,
                    created_at=created,
                    updated_at=created,
                    title=text[:60],
                    prompt=text,
                    profile=profile,
                    task_mode="agent",
                    messages=messages,
                    status=status,
                    error="The task failed (emulated error)." if status == "error" else None,
                    turns=1,
                    credit_usage_fixed=1 + i % 7,
                )
                if status == "running":
                    task.turn = Turn(started_at=created, scenario=Scenario(outcome="forever", progress=0))
                    task.credit_usage_fixed = None
                    task.running_since = created
                    self._active.add(task_id)
                self.tasks[task_id] = task
                ids.append(task_id)
                self._index_created(task)
            return ids

    # ------------------------------------------------------------------ projects, files, webhooks
    def create_project(self, name: str, instruction: str | None) -> Project:
        with self.lock:
            project = Project(self.new_id("proj_", 16), name, instruction, self.clock.now())
            self.projects[project.id] = project
            return project

    def list_projects(self, limit: int) -> list[Project]:
        with self.lock:
            ordered = sorted(reversed(self.projects.values()), key=lambda p: p.created_at, reverse=True)
            return ordered[:limit]

    def create_file(self, filename: str, content: bytes | None = None) -> StoredFile:
        with self.lock:
            now = self.clock.now()
            stored = StoredFile(self.new_id("file-", 16), filename, now, self.token())
            if content is not None:
                stored.content = content
                stored.uploaded_at = now
            self.files[stored.id] = stored
            return stored

    def get_file(self, file_id: str) -> StoredFile:
        with self.lock:
            stored = self.files.get(file_id)
            if stored is None:
                raise ApiError.not_found("file not found or has been deleted")
            if stored.status(self.clock.now()) == "deleted":
                stored.content = None  # the bytes are gone after 48 h; the record says "deleted"
            return stored

    def delete_file(self, file_id: str) -> None:
        with self.lock:
            self.get_file(file_id)
            del self.files[file_id]

    def recent_files(self, n: int = 10) -> list[StoredFile]:
        with self.lock:
            ordered = sorted(reversed(self.files.values()), key=lambda f: f.created_at, reverse=True)[:n]
            for stored in ordered:
                self.get_file(stored.id)
            return ordered

    def upload(self, file_id: str, token: str, content: bytes) -> None:
        with self.lock:
            stored = self.files.get(file_id)
            now = self.clock.now()
            if stored is None or token != stored.upload_token:
                raise ApiError(403, 7, "SignatureDoesNotMatch")
            if now > stored.created_at + UPLOAD_URL_TTL:
                raise ApiError(403, 7, "Request has expired")
            stored.content = content
            stored.uploaded_at = now

    def add_webhook(self, url: str) -> Webhook:
        with self.lock:
            hook = Webhook(self.new_id(), url, self.clock.now())
            self.webhooks[hook.id] = hook
            return hook

    def remove_webhook(self, webhook_id: str) -> None:
        with self.lock:
            if self.webhooks.pop(webhook_id, None) is None:
                raise ApiError.not_found(f"webhook not found: {webhook_id}")


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."
