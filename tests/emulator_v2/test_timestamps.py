"""Every v2 endpoint's answer has integer timestamps (manus-api.md §2.2): no float anywhere.

The clock starts and moves by fractions of a second, so any ``clock.now()`` that reaches a body
without ``int()`` shows up as a float. ``task.listMessages`` ``timestamp`` is in Unix seconds
(§6.9's own example), not milliseconds.
"""

from __future__ import annotations

from typing import Any

import httpx

from manus_openai.emulator import Emulator, ManualClock
from manus_openai.emulator._v2_http import ENDPOINTS

from .conftest import ok

START = 1_760_000_000.375
SCHEMA = {
    "type": "object",
    "properties": {"name": {"type": "string"}, "count": {"type": "integer"}},
    "required": ["name", "count"],
    "additionalProperties": False,
}


def floats(value: Any, path: str = "$") -> list[str]:
    """The JSON paths of every float in ``value``."""
    if isinstance(value, float):
        return [path]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in floats(v, f"{path}.{k}")]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in floats(v, f"{path}[{i}]")]
    return []


def test_no_float_timestamps_on_any_endpoint() -> None:
    clock = ManualClock(start=START)
    bodies: dict[str, list[Any]] = {}
    with (
        Emulator(clock=clock, seed=3, task_duration=2.5, account_type="team", webhook_activation="off") as emu,
        httpx.Client(base_url=emu.v2_url, headers=emu.v2_headers, timeout=10) as v2,
        httpx.Client(timeout=10) as raw,
    ):
        seeded = emu.seed_tasks(4, statuses=("completed", "pending", "failed", "running"), spacing=0.3)

        def call(endpoint: str, /, **params: Any) -> dict[str, Any]:
            if ENDPOINTS[endpoint].method == "GET":
                body = ok(v2.get("/" + endpoint, params=params))
            else:
                body = ok(v2.post("/" + endpoint, json=params))
            bodies.setdefault(endpoint, []).append(body)
            clock.advance(0.7)
            return body

        project = call("project.create", name="P", instruction="Be brief")["project"]
        call("project.list")
        upload = call("file.upload", filename="notes.txt")
        assert raw.put(upload["upload_url"], content=b"hello").status_code == 200
        file_id = upload["file"]["id"]
        call("file.detail", file_id=file_id)
        part = {"type": "file", "file_id": file_id}
        built = call(
            "task.create",
            message={"content": [{"type": "text", "text": "Build [[manus:website]] [[manus:files=1]]"}, part]},
            project_id=project["id"],
            structured_output_schema=SCHEMA,
        )["task_id"]
        waiting = call("task.create", message={"content": "Mail it [[manus:wait=gmailSendAction]]"})["task_id"]
        asking = call("task.create", message={"content": "Ask me [[manus:ask]]"})["task_id"]
        clock.advance(5)
        for task_id in (built, waiting, asking, *seeded):
            call("task.detail", task_id=task_id)
            for verbose in ("true", "false"):
                call("task.listMessages", task_id=task_id, order="asc", limit=200, verbose=verbose)
        status = next(
            e["status_update"]["status_detail"]
            for e in reversed(bodies["task.listMessages"][2]["messages"])
            if e["type"] == "status_update"
        )
        call("task.confirmAction", task_id=waiting, event_id=status["waiting_for_event_id"], input={"accept": True})
        call("task.sendMessage", task_id=asking, message={"content": "All of it"})
        call("task.list", limit=100)
        call("task.update", task_id=built, title="Renamed", share_visibility="team")
        call("task.stop", task_id=asking)
        hook = call("webhook.create", url="https://example.com/hook")["webhook"]
        call("webhook.list")
        call("webhook.publicKey")
        call("webhook.delete", webhook_id=hook["id"])
        call("browser.onlineList")
        call("connector.list")
        call("skill.list", project_id=project["id"])
        call("agent.list")
        call("agent.detail", agent_id="agent-default")
        call("agent.update", agent_id="agent-default", nickname="Max")
        call("usage.list")
        call("usage.teamStatistic")
        call("usage.teamLog", limit=1)
        call("usage.availableCredits")
        call("website.publish", task_id=built)
        clock.advance(3)
        call("website.status", task_id=built)
        call("website.listCheckpoints", task_id=built)
        call("website.update", task_id=built, title="Site")
        call("file.delete", file_id=file_id)
        call("task.delete", task_id=built)

    assert set(bodies) == set(ENDPOINTS), set(ENDPOINTS) - set(bodies)
    found = {name: p for name, group in bodies.items() for body in group if (p := floats(body))}
    assert found == {}
    stamps = [e["timestamp"] for body in bodies["task.listMessages"] for e in body["messages"]]
    assert stamps
    assert all(isinstance(s, int) and START - 10 <= s <= clock.now() for s in stamps)
    assert all(s < 10**11 for s in stamps)  # seconds: milliseconds would be ~1.76e12
