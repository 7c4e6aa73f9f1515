"""The task state machine (manus-api.md §8) and the v2 event log it writes (§6.9).

``running`` -> (``waiting`` <-> ``running``)* -> ``stopped`` | ``error``. Every transition appends
v2 events; v1 reads the same task through ``Task.messages`` (see ``_views``).

Choices where the docs are silent (also in the package docstring):

* Events per turn: ``user_message`` and ``status_update(running)`` at the start; per progress
  step a ``status_update(running)`` whose ``brief`` names the step, plus the verbose
  ``new_plan_step``, ``plan_update`` (full snapshot), ``tool_used`` and ``explanation``; at the
  end ``assistant_message`` (+ attachments), ``structured_output_result`` when a schema is armed,
  then ``status_update(stopped)``; a question is an ``assistant_message`` followed by
  ``status_update(waiting)`` for ``messageAskUser``; a failure is ``error_message``
  (``error_type: "task_failed"``) then ``status_update(error)``.
* ``task.stop`` on a running or waiting task appends ``user_stop`` (payload ``{}``) and
  ``status_update(stopped)`` and sends a ``task_stopped`` webhook with ``stop_reason: "finish"``
  (the only non-question reason documented); stopping a task that is already stopped or in
  ``error`` is a successful no-op with no new event (idempotent, so a retried stop is safe).
* A confirmation resumes the task with a ``status_update(running)`` (brief ``Confirmed: <type>``)
  and no ``user_message``; the task then runs ``duration`` again and ends as the scenario says.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Literal

from ._errors import CODE_RESOURCE_EXHAUSTED, ApiError
from ._model import (
    Event,
    FileRef,
    Message,
    Scenario,
    Task,
    TaskEvent,
    Turn,
    Visibility,
    Waiting,
    Website,
    parse_directives,
    title_from,
)
from ._store import Store

__all__ = ["Lifecycle"]

Decide = Callable[[Waiting, "Mapping[str, object] | None"], bool]


class Lifecycle(Store):
    """Task creation, follow-up turns, stop/confirm and the clock-driven transitions."""

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
        visibility: Visibility | None = None,
        interactive: bool = False,
        connectors: Sequence[str] = (),
        metadata: dict[str, str] | None = None,
        scenario: Scenario | None = None,
        title: str | None = None,
        structured_schema: dict[str, object] | None = None,
        created_by_app: str | None = None,
        user_id: str | None = None,
        agent_id: str | None = None,
        task_id: str | None = None,
        field_name: str = "prompt",
    ) -> Task:
        with self.lock:
            self.check_credits()
            now = self.clock.now()
            own, clean = parse_directives(prompt, field_name)
            if scenario is not None:
                own = scenario.over(own)
            project = self.projects.get(project_id) if project_id else None
            self._seq += 1
            task = Task(
                id=task_id or self.new_id(),
                seq=self._seq,
                created_at=now,
                updated_at=now,
                title=title or title_from(clean),
                prompt=prompt,
                profile=profile,
                task_mode=task_mode,
                locale=locale,
                project_id=project.id if project else None,
                project_instruction=project.instruction if project else None,
                instructions=instructions,
                hidden=hidden,
                visibility=visibility or ("public" if shareable else "private"),
                interactive=interactive,
                connectors=list(connectors),
                metadata=dict(metadata or {}),
                structured_schema=structured_schema,
                created_by_app=created_by_app,
                user_id=user_id,
                agent_id=agent_id,
                task_type="agent_subtask" if agent_id else ("project" if project else "standard"),
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
        structured_schema: dict[str, object] | None = None,
        scenario: Scenario | None = None,
        field_name: str = "prompt",
    ) -> Task:
        """A follow-up turn: resumes a ``waiting`` or ``stopped`` task, or starts a new turn on a
        running one. A new ``structured_schema`` replaces the armed one; ``None`` keeps it."""
        with self.lock:
            task = self.get(task_id)
            self.check_credits()
            now = self.clock.now()
            own, _ = parse_directives(prompt, field_name)
            if scenario is not None:
                own = scenario.over(own)
            # A global default of ``ask``/``wait`` applies to first turns only, or no follow-up could finish.
            defaults = replace(
                self.defaults,
                outcome="finish" if self.defaults.outcome == "ask" else self.defaults.outcome,
                wait=None,
            )
            if profile:
                task.profile = profile
            if structured_schema is not None:
                task.structured_schema = structured_schema
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
        self._event(task, "user_message", now, {"content": prompt, "message_type": "text"}, files=files)
        self._run(task, scenario, now, brief="Working on your request")
        task.turns += 1

    def _run(self, task: Task, scenario: Scenario, now: float, *, brief: str) -> None:
        task.status = "running"
        task.error = None
        task.waiting = None
        task.background_until = None
        task.turn = Turn(started_at=now, scenario=scenario)
        task.running_since = now
        self._active.add(task.id)
        self._status(task, "running", now, brief, f"Manus is working on: {task.title}")

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

    # ------------------------------------------------------------------ the event log
    def _event(
        self,
        task: Task,
        kind: str,
        at: float,
        payload: dict[str, object],
        *,
        files: Sequence[FileRef] = (),
        verbose: bool = False,
    ) -> Event:
        self._build_seeded_log(task)
        event = Event(self.new_id("evt_", 16), kind, at, payload, tuple(files), verbose)
        task.events.append(event)
        return event

    def _build_seeded_log(self, task: Task) -> None:
        """Put a seeded task's log (``_seed_log``) in front of its events, once."""
        if task.seeded is None:
            return
        from ._seed_log import seeded_events

        events, waiting = seeded_events(task)
        if waiting is not None and task.status == "waiting" and task.waiting is None:
            task.waiting = waiting
        task.seeded = None
        task.events[:0] = events

    def _status(
        self, task: Task, status: str, at: float, brief: str, description: str, detail: Waiting | None = None
    ) -> None:
        payload: dict[str, object] = {"agent_status": status, "brief": brief, "description": description}
        if detail is not None:
            status_detail: dict[str, object] = {
                "waiting_for_event_id": detail.event_id,
                "waiting_for_event_type": detail.type.split(":", 1)[0],
                "waiting_description": detail.description,
            }
            if detail.schema is not None:
                status_detail["confirm_input_schema"] = detail.schema
            payload["status_detail"] = status_detail
        self._event(task, "status_update", at, payload)

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
            if sc.outcome == "forever" and sc.wait is None:
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
        total = max(n, turn.scenario.progress or 0)
        title = f"Step {n}: working on {task.title}"
        self._status(task, "running", at, title, f"Manus is on step {n} of {total}")
        self._event(task, "new_plan_step", at, {"step_id": f"step_{n}", "title": title}, verbose=True)
        start = int(turn.started_at)
        steps: list[object] = [
            {
                "status": "done" if k < n else ("doing" if k == n else "todo"),
                "title": f"Step {k}: working on {task.title}",
                "started_at": start if k <= n else None,
                "end_at": int(at) if k < n else None,
            }
            for k in range(1, total + 1)
        ]
        self._event(task, "plan_update", at, {"steps": steps}, verbose=True)
        tool: dict[str, object] = {
            "tool": "browser" if n % 2 else "code_executor",
            "action_id": f"action_{n}",
            "status": "success",
            "brief": f"Used a tool for step {n}",
            "description": f"Tool call {n} of task {task.id}",
            "message": {"action": "search" if n % 2 else "run", "param": task.title},
        }
        self._event(task, "tool_used", at, tool, verbose=True)
        self._event(task, "explanation", at, {"content": f"Step {n} moves the task forward."}, verbose=True)
        self._emit(TaskEvent("task_progress", task.id, at, task.title, message=title))

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
        structured: dict[str, object] | None = None
        if sc.wait is not None and sc.wait != "messageAskUser":
            self._wait(task, sc, at)
            return
        if sc.outcome == "ask" or sc.wait == "messageAskUser":
            text: str | None = (
                sc.question or f'Before I continue: what exactly should the result of "{_short(clean)}" contain?'
            )
            task.status = "waiting"
            reason: Literal["finish", "ask"] = "ask"
            task.messages.append(Message(self.new_id(), "assistant", text, at))
            self._event(task, "assistant_message", at, {"content": text})
            task.waiting = Waiting(self.new_id("evt_", 16), "messageAskUser", text or "", None)
            self._status(task, "waiting", at, "Waiting for your reply", text or "", task.waiting)
        elif sc.outcome == "error":
            text = None
            task.status = "error"
            task.error = sc.error_message or "The task failed (emulated error)."
            reason = "finish"
            self._event(task, "error_message", at, {"error_type": "task_failed", "content": task.error})
            self._status(task, "error", at, "Task failed", task.error)
        else:
            text = self.answer(task, clean)
            task.status = "stopped"
            reason = "finish"
            for k in range(1, (sc.files or 0) + 1):
                name = self._unique_name(task, f"result-{k}.md")
                body = f"# {task.title}\n\nOutput file {k} of task {task.id}.\n\n{text}\n".encode()
                task.contents[name] = ("text/markdown", body)
                attachments.append(FileRef(name, "text/markdown", len(body), path=f"/files-content/{task.id}/{name}"))
            if sc.slides:
                attachments.append(self._build_slides(task, text))
            task.messages.append(Message(self.new_id(), "assistant", text, at, attachments))
            self._event(task, "assistant_message", at, {"content": text}, files=attachments)
            if task.structured_schema is not None:
                from ._structured import extract  # jsonschema loads only when a schema is armed

                structured = extract(task.structured_schema, fail=sc.structured == "fail")
                task.structured_schema = None  # arm once, fire once
                self._event(task, "structured_output_result", at, dict(structured))
            if sc.website:
                self._build_website(task, at)
            if sc.background:
                task.background_until = at + sc.background
            self._status(task, "stopped", at, "Task completed", f"Manus finished: {task.title}")
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
                structured_output=structured,
            )
        )

    def _wait(self, task: Task, sc: Scenario, at: float) -> None:
        from ._confirm import confirm_schema, describe

        assert sc.wait is not None
        task.status = "waiting"
        task.waiting = Waiting(
            self.new_id("evt_", 16), sc.wait, describe(sc.wait, task.title), confirm_schema(sc.wait), resume=sc
        )
        self._status(task, "waiting", at, "Awaiting confirmation", task.waiting.description, task.waiting)
        self._touch(task, at)
        # §5.1 INFERRED: a confirmation wait is a stop with ``ask``, like a question.
        self._emit(
            TaskEvent("task_stopped", task.id, at, task.title, message=task.waiting.description, stop_reason="ask")
        )

    def _build_slides(self, task: Task, answer: str) -> FileRef:
        """Store the task's deck in both forms (``_slides``); the HTML one is the attachment."""
        from ._slides import HTML_MIME, PPTX_MIME, deck_html, deck_pptx, deck_slides

        slides = deck_slides(task.title, answer)
        name = self._unique_name(task, "slides.html")
        pptx = name.removesuffix(".html") + ".pptx"
        task.contents[name] = (HTML_MIME, deck_html(task.title, slides))
        task.contents[pptx] = (PPTX_MIME, deck_pptx(task.title, slides))
        base = f"/files-content/{task.id}/"
        size = len(task.contents[name][1])
        return FileRef(name, HTML_MIME, size, path=base + name, pptx_path=base + pptx)

    def _build_website(self, task: Task, at: float) -> None:
        site = task.website or Website(self.new_id("site_", 16), task.title)
        version = hashlib.sha1(f"{task.id}:{len(site.checkpoints)}".encode()).hexdigest()
        site.checkpoints.append((version, f"Checkpoint {len(site.checkpoints) + 1}: {task.title}", at))
        task.website = site
        self.websites[site.id] = task.id

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

    # ------------------------------------------------------------------ v2: stop and confirm
    def stop(self, task_id: str) -> Task:
        """End a running or waiting task as ``stopped`` with a ``user_stop`` event (no-op otherwise)."""
        with self.lock:
            task = self.get(task_id)
            if task.status not in ("running", "waiting"):
                return task
            now = self.clock.now()
            self._close_running(task, now)
            self._active.discard(task.id)
            task.turn = None
            task.waiting = None
            task.status = "stopped"
            self._event(task, "user_stop", now, {})
            self._status(task, "stopped", now, "Stopped by user", "The task was stopped by the user")
            self._touch(task, now)
            self._emit(
                TaskEvent("task_stopped", task.id, now, task.title, message="Stopped by user", stop_reason="finish")
            )
            return task

    def confirm(self, task_id: str, event_id: str, value: Mapping[str, object] | None, decide: Decide) -> bool:
        """Answer a confirmation wait; ``decide`` validates ``value`` and says whether the task resumes."""
        with self.lock:
            task = self.get(task_id)
            self._build_seeded_log(task)
            waiting = task.waiting
            if task.status != "waiting" or waiting is None:
                raise ApiError.precondition(f"task {task.id} is {task.status}, not waiting for a confirmation")
            if waiting.type == "messageAskUser":
                raise ApiError.precondition(
                    "the task is waiting for messageAskUser: answer it with task.sendMessage, not task.confirmAction"
                )
            if event_id != waiting.event_id:
                raise ApiError.invalid(
                    "event_id", f"{event_id!r} is not the pending waiting_for_event_id of task {task.id}"
                )
            if not decide(waiting, value):
                return False
            now = self.clock.now()
            resume = replace((waiting.resume or Scenario()).over(self.defaults), wait=None, polls=None)
            self._run(task, resume, now, brief=f"Confirmed: {waiting.type.split(':', 1)[0]}")
            self._touch(task, now)
            return True

    # ------------------------------------------------------------------ tasks: read / update / delete
    def get(self, task_id: str, *, poll: bool = False) -> Task:
        with self.lock:
            task = self.tasks.get(task_id)
            if task is None:
                raise ApiError.not_found(f"task not found: {task_id}")
            self.advance(task, poll=poll)
            return task

    def update(
        self,
        task_id: str,
        *,
        title: str | None,
        shared: bool | None = None,
        visible: bool | None = None,
        visibility: Visibility | None = None,
    ) -> Task:
        with self.lock:
            task = self.get(task_id)
            if title is not None:
                task.title = title
            if shared is not None:
                task.visibility = "public" if shared else "private"
            if visibility is not None:
                task.visibility = visibility
            if visible is not None:
                task.hidden = not visible
            self._touch(task, self.clock.now())
            return task

    def delete(self, task_id: str) -> None:
        with self.lock:
            task = self.tasks.pop(task_id, None)
            if task is None:
                raise ApiError.not_found(f"task not found: {task_id}")
            now = self.clock.now()
            self._close_running(task, now)
            self._credits_spent_done += task.credits(now, self.credits_per_second)
            self.deleted_usage[task_id] = (task.created_at, task.credits(now, self.credits_per_second), task.user_id)
            self._active.discard(task_id)
            self._gone[task_id] = (task.created_at, task.updated_at, task.seq)
            self._version += 1


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."
