"""Every documented waiting type end to end (manus-api.md §6.10, seed 002): wait -> confirm -> running -> stopped."""

from __future__ import annotations

from typing import Any

import httpx
import jsonschema
import pytest

from manus_openai.emulator import Emulator

from . import shapes
from .conftest import TASK_DURATION, create, events, fails, last_status, ok

ACCEPTING: dict[str, dict[str, Any]] = {
    "needConnectMyBrowser": {"action": "select", "client_id": "0e9ad711-8471-4fcc-a9de-8309f0f12c87"},
    "gmailSendAction": {"accept": True, "save_draft": True},
    "outlookSendMailsAction": {"accept": True},
    "deployAction": {"accept": True, "global_allow": True},
    "terminalExecute": {"accept": True, "always_allow": True},
    "videoGenerate": {"choice": "premium"},
    "apiHighCreditNotice": {"action": "do_not_show_again"},
    "googleCalendarCreate": {"accept": True},
    "googleCalendarUpdate": {"accept": True},
    "googleCalendarDelete": {"accept": True},
    "outlookCalendarCreate": {"accept": True},
    "outlookCalendarUpdate": {"accept": True},
    "outlookCalendarDelete": {"accept": True},
    "metaMarketingAction": {"accept": True, "selectedAccountIds": ["act_123"]},
    "metaMarketingActionResult": {"accept": True},
    "webdevRunAction": {"accept": True, "mode": "max"},
    "webdevRunAction:deploy": {"accept": True, "visibility": "team"},
    "webdevRequestSecrets": {"accept": True, "secrets": [{"key": "X", "value": "Y"}]},
    "connectorOauthExpired": {"accept": True},
    "mapreduceAction": {"accept": True},
}

INVALID: dict[str, tuple[dict[str, Any], str]] = {
    "needConnectMyBrowser": ({"action": "select"}, "input"),
    "gmailSendAction": ({"accept": True, "save_draft": "yes"}, "input.save_draft"),
    "deployAction": ({"accept": True, "extra": 1}, "input"),
    "videoGenerate": ({"choice": "ultra"}, "input.choice"),
    "apiHighCreditNotice": ({}, "input"),
    "metaMarketingAction": ({"accept": True, "selectedAccountIds": [1]}, "input.selectedAccountIds[0]"),
    "webdevRunAction": ({"accept": True, "mode": "slow"}, "input.mode"),
    "webdevRunAction:deploy": ({"accept": True, "visibility": "private"}, "input.visibility"),
    "webdevRequestSecrets": ({"accept": True}, "input"),
    "terminalExecute": ({"always_allow": True}, "input"),
}


def wait_until_waiting(v2: httpx.Client, emu: Emulator, kind: str) -> tuple[str, dict[str, Any]]:
    task_id = create(v2, f"Do it [[manus:wait={kind}]]")
    assert last_status(v2, task_id)["agent_status"] == "running"
    emu.advance(TASK_DURATION)
    status = last_status(v2, task_id)
    assert status["agent_status"] == "waiting"
    assert ok(v2.get("/task.detail", params={"task_id": task_id}))["task"]["status"] == "waiting"
    return task_id, status["status_detail"]


@pytest.mark.parametrize("kind", sorted(ACCEPTING))
def test_each_waiting_type_end_to_end(v2: httpx.Client, emu: Emulator, kind: str) -> None:
    task_id, detail = wait_until_waiting(v2, emu, kind)
    assert detail["waiting_for_event_type"] == kind.split(":")[0]
    schema = detail["confirm_input_schema"]
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(ACCEPTING[kind], schema)  # the seed's example input fits the published schema
    body = ok(
        v2.post(
            "/task.confirmAction",
            json={"task_id": task_id, "event_id": detail["waiting_for_event_id"], "input": ACCEPTING[kind]},
        )
    )
    assert body == {**body, "task_id": task_id, "confirmed": True}
    status = last_status(v2, task_id)
    assert status["agent_status"] == "running"
    assert status["brief"] == f"Confirmed: {kind.split(':')[0]}"
    emu.advance(TASK_DURATION)
    assert last_status(v2, task_id)["agent_status"] == "stopped"
    for event in events(v2, task_id, verbose="true"):
        shapes.event(event)
    # a stale event id is refused once the wait is over
    stale = {"task_id": task_id, "event_id": detail["waiting_for_event_id"], "input": ACCEPTING[kind]}
    fails(v2.post("/task.confirmAction", json=stale), 409, "failed_precondition")


@pytest.mark.parametrize("kind", sorted(INVALID))
def test_input_is_validated_against_the_schema(v2: httpx.Client, emu: Emulator, kind: str) -> None:
    task_id, detail = wait_until_waiting(v2, emu, kind)
    value, field = INVALID[kind]
    body = {"task_id": task_id, "event_id": detail["waiting_for_event_id"], "input": value}
    fails(v2.post("/task.confirmAction", json=body), 400, "invalid_argument", field)
    assert last_status(v2, task_id)["agent_status"] == "waiting"


def test_unknown_browser_client_is_refused(v2: httpx.Client, emu: Emulator) -> None:
    task_id, detail = wait_until_waiting(v2, emu, "needConnectMyBrowser")
    body = {
        "task_id": task_id,
        "event_id": detail["waiting_for_event_id"],
        "input": {"action": "select", "client_id": "x"},
    }
    fails(v2.post("/task.confirmAction", json=body), 400, "invalid_argument", "input.client_id")
    skip = {**body, "input": {"action": "skip"}}
    assert ok(v2.post("/task.confirmAction", json=skip))["confirmed"] is True


@pytest.mark.parametrize("kind", ["gmailSendAction", "googleCalendarDelete", "terminalExecute"])
def test_accept_false_leaves_the_task_waiting_with_no_event(v2: httpx.Client, emu: Emulator, kind: str) -> None:
    task_id, detail = wait_until_waiting(v2, emu, kind)
    before = events(v2, task_id, verbose="true")
    body = {"task_id": task_id, "event_id": detail["waiting_for_event_id"], "input": {"accept": False}}
    assert ok(v2.post("/task.confirmAction", json=body))["confirmed"] is False
    assert events(v2, task_id, verbose="true") == before
    emu.advance(60)
    assert last_status(v2, task_id)["agent_status"] == "waiting"
    body["input"] = {"accept": True}
    assert ok(v2.post("/task.confirmAction", json=body))["confirmed"] is True


def test_secrets_accept_false_is_a_rejection_that_resumes(v2: httpx.Client, emu: Emulator) -> None:
    task_id, detail = wait_until_waiting(v2, emu, "webdevRequestSecrets")
    body = {"task_id": task_id, "event_id": detail["waiting_for_event_id"], "input": {"accept": False}}
    assert ok(v2.post("/task.confirmAction", json=body))["confirmed"] is True
    assert last_status(v2, task_id)["agent_status"] == "running"


def test_omitted_input_is_a_simple_confirmation(v2: httpx.Client, emu: Emulator) -> None:
    task_id, detail = wait_until_waiting(v2, emu, "mapreduceAction")
    ok(v2.post("/task.confirmAction", json={"task_id": task_id, "event_id": detail["waiting_for_event_id"]}))
    assert last_status(v2, task_id)["agent_status"] == "running"


def test_wrong_event_id_and_wrong_states(v2: httpx.Client, emu: Emulator) -> None:
    task_id, _detail = wait_until_waiting(v2, emu, "deployAction")
    wrong = {"task_id": task_id, "event_id": "evt_wrong", "input": {"accept": True}}
    fails(v2.post("/task.confirmAction", json=wrong), 400, "invalid_argument", "event_id")
    fails(v2.post("/task.confirmAction", json={"task_id": task_id}), 400, "invalid_argument", "event_id")
    fails(v2.post("/task.confirmAction", json={**wrong, "input": [1]}), 400, "invalid_argument", "input")
    # sendMessage does not answer a confirmation
    send = {"task_id": task_id, "message": {"content": "yes"}}
    message = fails(v2.post("/task.sendMessage", json=send), 409, "failed_precondition")
    assert "task.confirmAction" in message
    running = create(v2, "Running")
    body = {"task_id": running, "event_id": "evt_x"}
    fails(v2.post("/task.confirmAction", json=body), 409, "failed_precondition")


def test_message_ask_user_is_answered_by_send_message_only(v2: httpx.Client, emu: Emulator) -> None:
    task_id, detail = wait_until_waiting(v2, emu, "messageAskUser")
    assert detail["waiting_for_event_type"] == "messageAskUser"
    assert "confirm_input_schema" not in detail
    question = [e for e in events(v2, task_id) if e["type"] == "assistant_message"][-1]
    assert question["assistant_message"]["content"] == detail["waiting_description"]
    confirm = {"task_id": task_id, "event_id": detail["waiting_for_event_id"], "input": {"accept": True}}
    message = fails(v2.post("/task.confirmAction", json=confirm), 409, "failed_precondition")
    assert "task.sendMessage" in message
    ok(v2.post("/task.sendMessage", json={"task_id": task_id, "message": {"content": "The answer"}}))
    assert last_status(v2, task_id)["agent_status"] == "running"
    emu.advance(TASK_DURATION)
    assert last_status(v2, task_id)["agent_status"] == "stopped"


def test_waits_are_settable_from_python(v2: httpx.Client, emu: Emulator) -> None:
    emu.scenario(wait="videoGenerate")
    task_id = create(v2, "Make a video")
    emu.advance(TASK_DURATION)
    assert last_status(v2, task_id)["status_detail"]["waiting_for_event_type"] == "videoGenerate"
    emu.scenario(reset_wait=True)
    other = create(v2, "No wait")
    emu.advance(TASK_DURATION)
    assert last_status(v2, other)["agent_status"] == "stopped"
    with pytest.raises(Exception, match="unknown waiting type"):
        emu.scenario(wait="emailSend")


def test_a_waiting_task_is_pending_on_v1(v1: httpx.Client, v2: httpx.Client, emu: Emulator) -> None:
    task_id, _ = wait_until_waiting(v2, emu, "gmailSendAction")
    assert v1.get(f"/responses/{task_id}").json()["status"] == "pending"
    assert v1.get(f"/tasks/{task_id}").json()["status"] == "pending"
