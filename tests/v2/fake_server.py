"""A scripted v2 task for lifecycle tests: an event log served newest-first with cursors, and task.detail."""

from __future__ import annotations

from typing import Any

import httpx
import respx

from tests.v2.conftest import ok


class FakeTask:
    """One task's event log; ``script`` maps a poll number to events appended before that poll is answered."""

    def __init__(self, router: respx.MockRouter, task_id: str = "t1") -> None:
        self.task_id = task_id
        self.events: list[dict[str, Any]] = []
        self.status = "running"
        self.background: bool | None = None
        self.polls = 0
        self.details = 0
        self.before_poll: dict[int, list[dict[str, Any]]] = {}
        self.hint: str | None = None
        self.fail_polls: set[int] = set()
        router.get("/v2/task.listMessages").mock(side_effect=self._messages)
        router.get("/v2/task.detail").mock(side_effect=self._detail)

    def add(self, kind: str, payload: dict[str, Any] | None = None) -> dict[str, Any]:
        event = {
            "id": f"e{len(self.events) + 1}",
            "type": kind,
            "timestamp": 1764187289000 + len(self.events),
            kind: payload or {},
        }
        self.events.append(event)
        if kind == "status_update":
            self.status = str((payload or {}).get("agent_status"))
        return event

    def status_update(self, status: str, **detail: Any) -> dict[str, Any]:
        payload: dict[str, Any] = {"agent_status": status}
        if detail:
            payload["status_detail"] = detail
        return self.add("status_update", payload)

    def _messages(self, request: httpx.Request) -> httpx.Response:
        params = request.url.params
        if params.get("cursor") is None:
            self.polls += 1
            for step in self.before_poll.pop(self.polls, []):
                step_kind = step.pop("__kind")
                if step_kind == "status_update":
                    self.status_update(step.pop("agent_status"), **step)
                else:
                    self.add(step_kind, step)
            if self.polls in self.fail_polls:
                return httpx.Response(
                    429,
                    json={"ok": False, "error": {"code": "rate_limited", "message": "slow"}},
                    headers={"retry-after": "7"},
                )
        ordered = list(reversed(self.events)) if params.get("order", "desc") == "desc" else list(self.events)
        start = int(params.get("cursor") or 0)
        limit = int(params.get("limit") or 50)
        page = ordered[start : start + limit]
        more = start + limit < len(ordered)
        body = ok(task_id=self.task_id, messages=page, has_more=more)
        if more:
            body["next_cursor"] = str(start + limit)
        headers = {"retry-after": self.hint} if self.hint else {}
        return httpx.Response(200, json=body, headers=headers)

    def _detail(self, request: httpx.Request) -> httpx.Response:
        self.details += 1
        task: dict[str, Any] = {"id": self.task_id, "status": self.status}
        if self.background is not None:
            task["has_running_background_jobs"] = self.background
        return httpx.Response(200, json=ok(task=task))
