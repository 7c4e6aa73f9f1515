"""The engine: one in-memory store and the task state machine, plus listing and bulk seeding.

Every HTTP view (v1 and v2) is a projection of it. Transitions are evaluated lazily against the
clock (on every read, and by the webhook ticker), so a ``ManualClock`` fully controls time.
"""

from __future__ import annotations

import bisect
import gc
from collections.abc import Iterable, Iterator, Sequence

from ._errors import ApiError
from ._lifecycle import Lifecycle
from ._model import _BASE62, _V1_TO_CANONICAL, DEFAULT_PROFILE, Event, ListQuery, Message, Scenario, Task, Turn
from ._seed_log import SEEDED_ERROR, SEEDED_QUESTION, seeded_answer
from ._store import OWNER
from ._v2_views import decode_cursor, encode_cursor

__all__ = ["Engine"]


class Engine(Lifecycle):
    """The emulator's in-memory state and behaviour (thread-safe: one lock)."""

    # ------------------------------------------------------------------ listing
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
                if q.where is not None and not q.where(task):
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
        users: Sequence[str] = (),
    ) -> list[str]:
        """Insert ``n`` finished (or running/pending/failed) tasks quickly, oldest first.

        Their v2 event logs are built on first need (``_seed_log``), so seeding stays fast.
        """
        cycle = list(statuses)
        for s in cycle:
            if s not in _V1_TO_CANONICAL:
                raise ValueError(f"unknown status {s!r}; use one of {sorted(_V1_TO_CANONICAL)}")
        if not cycle:
            raise ValueError("statuses must not be empty")
        owners: list[str | None] = []
        for user in users:
            if user not in self.members:
                raise ValueError(f"unknown user {user!r}; team members: {sorted(self.members)}")
            owners.append(None if user == OWNER["user_id"] else user)
        gc_was_enabled = gc.isenabled()
        gc.disable()  # creating 100k acyclic objects otherwise triggers many useless collections
        try:
            ids = self._seed(n, cycle, start, spacing, prompt, profile)
            if any(owners):
                with self.lock:
                    for i, task_id in enumerate(ids):
                        self.tasks[task_id].user_id = owners[i % len(owners)]
            return ids
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
                    messages.append(Message(task_id + "a", "assistant", seeded_answer(text), created))
                elif status == "waiting":
                    messages.append(Message(task_id + "a", "assistant", SEEDED_QUESTION, created))
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
                    error=SEEDED_ERROR if status == "error" else None,
                    turns=1,
                    credit_usage_fixed=1 + i % 7,
                    seeded=status,
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

    # ------------------------------------------------------------------ the v2 event log
    def page_events(
        self, task_id: str, *, order: str, limit: int, cursor: str | None, verbose: bool
    ) -> tuple[Task, list[Event], str | None]:
        """One page of a task's events and the next cursor (``None`` when no more).

        The cursor names a position in the append-only log, so pages stay stable while new
        events arrive: ``desc`` pages walk back from where the first page started, ``asc`` pages
        forward (and reach new events when they come).
        """
        with self.lock:
            task = self.get(task_id)
            self._build_seeded_log(task)
            events = task.events
            if cursor is not None:
                parts = decode_cursor(cursor, task.id, 3)
                if parts[1] != order or not parts[2].isdigit() or int(parts[2]) > len(events):
                    raise ApiError.invalid("cursor", "this cursor belongs to another order or is out of range")
                start = int(parts[2])
            else:
                start = 0 if order == "asc" else len(events) - 1
            step = 1 if order == "asc" else -1
            page: list[Event] = []
            i = start
            while 0 <= i < len(events):
                event = events[i]
                if verbose or not event.verbose:
                    if len(page) == limit:
                        return task, page, encode_cursor(task.id, order, i)
                    page.append(event)
                i += step
            return task, page, None
