"""``snapshot_from_v2`` and the v2 statuses: pure functions over a written event log."""

from __future__ import annotations

import json
from typing import Any

import pytest

from manus_openai import _bridge
from manus_openai._bridge import Note
from manus_openai._bridge._turns import turn_outputs
from manus_openai._bridge._v2snapshot import sent_snapshot, snapshot_from_v2

TASK = {
    "id": "T",
    "status": "stopped",
    "created_at": 1764187200,
    "title": "Sky",
    "credit_usage": 12,
    "task_url": "https://manus.im/app/T",
    "agent_profile": "manus-1.6",
}


def event(n: int, kind: str, **payload: Any) -> dict[str, Any]:
    return {"id": f"ev{n}", "type": kind, "timestamp": 1764187200 + n, kind: payload}


LOG = [
    event(1, "user_message", content="What colour is the sky?", attachments=[]),
    event(2, "status_update", agent_status="running", brief="Looking it up"),
    event(3, "plan_update", steps=[{"status": "doing", "title": "Search"}, {"status": "todo", "title": "Answer"}]),
    event(4, "tool_used", tool="browser", brief="Opened a page"),
    event(
        5,
        "assistant_message",
        content="Blue.",
        attachments=[
            {"type": "file", "filename": "sky.md", "url": "https://cdn/sky.md", "content_type": "text/markdown"}
        ],
    ),
    event(6, "status_update", agent_status="stopped", brief="Task completed"),
]


def test_messages_carry_text_and_attachments_as_v1_parts() -> None:
    snap = snapshot_from_v2(TASK, LOG)
    assert [m.role for m in snap.messages] == ["user", "assistant"]
    assert snap.messages[1].parts == (
        {"type": "output_text", "text": "Blue."},
        {
            "type": "output_file",
            "text": None,
            "fileUrl": "https://cdn/sky.md",
            "fileName": "sky.md",
            "mimeType": "text/markdown",
        },
    )
    assert snap.messages[1].id == "ev5"


def test_notes_are_placed_after_the_messages_before_them() -> None:
    snap = snapshot_from_v2(TASK, LOG)
    assert snap.notes == (
        Note("status", "Looking it up", 1, "ev2"),
        Note("plan", "[doing] Search\n[todo] Answer", 1, "ev3"),
        Note("tool", "Opened a page", 1, "ev4"),
        Note("status", "Task completed", 2, "ev6"),
    )


def test_fields_reach_the_translated_response_as_on_v1() -> None:
    body = _bridge.openai_response(snapshot_from_v2(TASK, LOG), 1)
    assert body["status"] == "completed"
    assert body["metadata"] == {"task_title": "Sky", "task_url": "https://manus.im/app/T", "credit_usage": "12"}
    assert body["credit_usage"] == 12
    assert body["created_at"] == 1764187200
    assert body["model"] == "manus-1.6"
    assert body["stop_reason"] == "finish"
    assert body["manus_status"] == "stopped"


@pytest.mark.parametrize(
    ("status", "tail", "extra", "expected"),
    [
        ("running", [], {}, "in_progress"),
        ("stopped", [event(9, "user_stop")], {}, "cancelled"),
        ("stopped", [], {"has_running_background_jobs": True}, "in_progress"),
        ("waiting", [], {}, "incomplete"),
        ("error", [event(9, "error_message", error_type="internal", content="disk full")], {}, "failed"),
    ],
)
def test_v2_statuses_in_openai_words(status: str, tail: list[Any], extra: dict[str, Any], expected: str) -> None:
    snap = snapshot_from_v2({**TASK, "status": status, **extra}, LOG + tail)
    assert _bridge.openai_status(snap, 1) == expected


def test_a_follow_up_not_picked_up_yet_is_in_progress_not_an_empty_completion() -> None:
    log = [*LOG, event(7, "user_message", content="And at night?")]
    snap = snapshot_from_v2(TASK, log)  # task.detail still says stopped from turn 1
    assert _bridge.openai_status(snap, 2) == "in_progress"
    assert _bridge.openai_status(snap, 1) == "completed"


def test_a_failed_turn_carries_manus_message() -> None:
    snap = snapshot_from_v2({**TASK, "status": "error"}, [*LOG, event(9, "error_message", content="disk full")])
    assert _bridge.openai_response(snap, 1)["error"] == {"code": "server_error", "message": "disk full"}


def test_a_confirmation_wait_keeps_its_status_detail() -> None:
    detail = {
        "waiting_for_event_id": "e1",
        "waiting_for_event_type": "gmailSendAction",
        "waiting_description": "Send it",
    }
    log = [*LOG[:-1], event(6, "status_update", agent_status="waiting", status_detail=detail)]
    body = _bridge.openai_response(snapshot_from_v2({**TASK, "status": "waiting"}, log), 1)
    assert body["status"] == "incomplete"
    assert body["waiting_for"] == detail
    assert body["stop_reason"] == "ask"


def test_a_structured_result_is_the_turns_answer_and_keeps_its_files() -> None:
    log = [*LOG, event(7, "structured_output_result", success=True, value={"colour": "blue"}, error=None)]
    snap = snapshot_from_v2(TASK, log)
    answer = snap.messages[-1]
    assert [m.role for m in snap.messages] == ["user", "assistant"]
    assert json.loads(answer.parts[0]["text"]) == {"colour": "blue"}
    assert answer.parts[1]["type"] == "output_file"
    assert snap.notes[-1].after == 1  # the prose message is not in messages: notes count the answer


def test_a_failed_structured_result_is_a_refusal_with_the_raw_result() -> None:
    log = [*LOG, event(7, "structured_output_result", success=False, value=None, error="no data")]
    part = snapshot_from_v2(TASK, log).messages[-1].parts[0]
    assert part == {
        "type": "refusal",
        "refusal": "no data",
        "structured_output": {"success": False, "value": None, "error": "no data"},
    }


def test_what_a_background_create_returns_is_the_task_running_with_the_message_sent() -> None:
    snap = sent_snapshot("T", {"content": "hi"}, {"task_id": "T", "task_title": "Hi", "task_url": "u"}, None)
    assert _bridge.openai_status(snap, 1) == "in_progress"
    assert snap.turn_count == 1
    assert snap.fields["metadata"] == {"task_title": "Hi", "task_url": "u"}
    follow = sent_snapshot("T", {"content": "more"}, None, snapshot_from_v2(TASK, LOG))
    assert follow.turn_count == 2
    assert _bridge.openai_status(follow, 2) == "in_progress"
    assert turn_outputs(follow, 2) == []
