"""The v2 event log of a task inserted by ``seed_tasks``, built on first need.

Seeding 100k tasks must stay fast, so a seeded task starts with no events and only remembers the
status it was seeded in (``Task.seeded``). The first time anything reads or extends its log
(``task.listMessages``, ``task.stop``, ``task.confirmAction``, a follow-up turn), the log the
task would have written is put in front of whatever comes next:

* every task: ``user_message`` (the seeded prompt) and ``status_update(running)``;
* ``stopped`` (v1 ``completed``): ``assistant_message`` (the same answer v1 shows) and
  ``status_update(stopped)``;
* ``waiting`` (v1 ``pending``): ``assistant_message`` (the question) and
  ``status_update(waiting)`` for ``messageAskUser``, whose ``waiting_for_event_id`` is then the
  task's pending wait (answer it with ``task.sendMessage``);
* ``error`` (v1 ``failed``): ``error_message`` (``error_type: "task_failed"``) and
  ``status_update(error)``;
* ``running``: nothing more (the task keeps running).

Every event carries the task's ``created_at`` (seeded tasks start and end in the same second);
ids are derived from the task id, so building a log never shifts the emulator's seeded id stream.

Example::

    task_id = emu.seed_tasks(1)[0]
    httpx.get(emu.v2_url + "/task.listMessages", params={"task_id": task_id}, headers=emu.v2_headers)
"""

from __future__ import annotations

from ._model import Event, Task, Waiting

__all__ = ["SEEDED_ERROR", "SEEDED_QUESTION", "seeded_answer", "seeded_events"]

SEEDED_QUESTION = "Could you clarify?"
SEEDED_ERROR = "The task failed (emulated error)."


def seeded_answer(prompt: str) -> str:
    """The assistant answer of a seeded finished task (v1 and v2 show the same text)."""
    return f'Emulated answer to "{prompt}".'


def seeded_events(task: Task) -> tuple[list[Event], Waiting | None]:
    """The log of ``task`` as seeded, and its ``messageAskUser`` wait when it was seeded waiting."""
    status = task.seeded
    at = task.created_at
    base = f"evt_{task.id}_"
    events: list[Event] = []

    def add(kind: str, payload: dict[str, object]) -> None:
        events.append(Event(f"{base}{len(events) + 1}", kind, at, payload))

    def status_update(agent_status: str, brief: str, description: str, detail: Waiting | None = None) -> None:
        payload: dict[str, object] = {"agent_status": agent_status, "brief": brief, "description": description}
        if detail is not None:
            payload["status_detail"] = {
                "waiting_for_event_id": detail.event_id,
                "waiting_for_event_type": detail.type,
                "waiting_description": detail.description,
            }
        add("status_update", payload)

    add("user_message", {"content": task.prompt, "message_type": "text"})
    status_update("running", "Working on your request", f"Manus is working on: {task.title}")
    waiting: Waiting | None = None
    if status == "stopped":
        add("assistant_message", {"content": seeded_answer(task.prompt)})
        status_update("stopped", "Task completed", f"Manus finished: {task.title}")
    elif status == "waiting":
        add("assistant_message", {"content": SEEDED_QUESTION})
        waiting = Waiting(f"{base}wait", "messageAskUser", SEEDED_QUESTION, None)
        status_update("waiting", "Waiting for your reply", SEEDED_QUESTION, waiting)
    elif status == "error":
        add("error_message", {"error_type": "task_failed", "content": SEEDED_ERROR})
        status_update("error", "Task failed", SEEDED_ERROR)
    return events, waiting
