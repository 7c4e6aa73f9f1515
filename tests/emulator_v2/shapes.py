"""Structural checkers of the v2 response shapes (manus-api.md §6): required keys, their types, and no
key outside the documented set. Timestamps must be ints (§2.2), never floats."""

from __future__ import annotations

from typing import Any

ENVELOPE = {"ok": bool, "request_id": str}


def check(obj: Any, required: dict[str, Any], optional: dict[str, Any] | None = None) -> None:
    assert isinstance(obj, dict), obj
    optional = optional or {}
    for key, kind in required.items():
        assert key in obj, f"missing {key!r} in {obj}"
        assert isinstance(obj[key], kind), f"{key!r} should be {kind}, got {obj[key]!r}"
        if kind is int:
            assert not isinstance(obj[key], bool)
    for key, value in obj.items():
        if key in required:
            continue
        assert key in optional, f"undocumented key {key!r} in {sorted(obj)}"
        assert isinstance(value, optional[key]), f"{key!r} should be {optional[key]}, got {value!r}"


def envelope(body: Any, required: dict[str, Any], optional: dict[str, Any] | None = None) -> None:
    check(body, {**ENVELOPE, **required}, optional)


def task_ref(body: Any) -> None:
    """task.create / task.update (§6.2, §6.5)."""
    envelope(body, {"task_id": str, "task_title": str, "task_url": str, "share_visibility": str}, {"share_url": str})
    assert body["share_visibility"] in ("private", "team", "public")
    assert ("share_url" in body) == (body["share_visibility"] != "private")


def task(record: Any) -> None:
    """The task object of task.detail / task.list (§6.3)."""
    check(
        record,
        {
            "id": str,
            "status": str,
            "created_at": int,
            "updated_at": int,
            "task_type": str,
            "share_visibility": str,
            "title": str,
            "task_url": str,
            "agent_profile": str,
            "has_running_background_jobs": bool,
        },
        {"credit_usage": int, "created_by_api_key": dict, "share_url": str},
    )
    assert record["status"] in ("running", "stopped", "waiting", "error")
    assert record["task_type"] in ("standard", "project", "agent_subtask")
    if "created_by_api_key" in record:
        check(record["created_by_api_key"], {"id": str, "name": str})


def page(body: Any, items: str = "data") -> None:
    envelope(body, {items: list, "has_more": bool}, {"next_cursor": str, "task_id": str})
    assert ("next_cursor" in body) == body["has_more"]


ATTACHMENT = {"type": str, "filename": str, "url": str, "content_type": str}
PAYLOADS: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "user_message": ({"content": str, "message_type": str, "attachments": list}, {}),
    "assistant_message": ({"content": str, "attachments": list}, {}),
    "error_message": ({"error_type": str, "content": str}, {}),
    "status_update": ({"agent_status": str, "brief": str, "description": str}, {"status_detail": dict}),
    "tool_used": (
        {"tool": str, "action_id": str, "status": str, "brief": str, "description": str, "message": dict},
        {},
    ),
    "plan_update": ({"steps": list}, {}),
    "new_plan_step": ({"step_id": str, "title": str}, {}),
    "explanation": ({"content": str}, {}),
    "user_stop": ({}, {}),
    "structured_output_result": ({"success": bool, "error": (str, type(None))}, {"value": object}),
}


def event(ev: Any) -> None:
    """One task.listMessages event (§6.9): exactly one payload key, named like the type."""
    kind = ev["type"]
    check(ev, {"id": str, "type": str, "timestamp": int, kind: dict})
    required, optional = PAYLOADS[kind]
    check(ev[kind], required, optional)
    for item in ev[kind].get("attachments", []):
        check(item, ATTACHMENT)
        assert item["type"] in ("image", "file", "voice", "slides")
    if kind == "status_update":
        payload = ev[kind]
        assert payload["agent_status"] in ("running", "stopped", "waiting", "error")
        assert ("status_detail" in payload) == (payload["agent_status"] == "waiting")
        if "status_detail" in payload:
            check(
                payload["status_detail"],
                {"waiting_for_event_id": str, "waiting_for_event_type": str, "waiting_description": str},
                {"confirm_input_schema": dict},
            )
    if kind == "plan_update":
        for step in ev[kind]["steps"]:
            check(step, {"status": str, "title": str, "started_at": (int, type(None)), "end_at": (int, type(None))})
            assert step["status"] in ("todo", "doing", "done", "failed")
    if kind == "tool_used":
        check(ev[kind]["message"], {"action": str, "param": str})
        assert ev[kind]["status"] in ("success", "error", "rollback")
