"""Seed 002's lifecycle algorithm with plain httpx: create, poll listMessages, branch on the newest
status_update, confirm or answer, then read the assistant's messages and the structured result."""

from __future__ import annotations

from typing import Any

import httpx

from manus_openai.emulator import Emulator, ManualClock

SCHEMA = {
    "type": "object",
    "properties": {"company": {"type": "string"}, "employees": {"type": "integer", "minimum": 1}},
    "required": ["company", "employees"],
    "additionalProperties": False,
}


def run_seed_algorithm(client: httpx.Client, advance: Any, prompt: str) -> dict[str, Any]:
    """The polling loop of the lifecycle guide, verbatim in spirit; returns what it read."""
    created = client.post(
        "/v2/task.create", json={"message": {"content": prompt}, "structured_output_schema": SCHEMA}
    ).json()
    task_id = created["task_id"]
    handled: list[str] = []
    for _ in range(50):
        advance(1)
        body = client.get("/v2/task.listMessages", params={"task_id": task_id, "order": "desc", "limit": 10}).json()
        status = next(e["status_update"] for e in body["messages"] if e["type"] == "status_update")
        if status["agent_status"] == "running":
            continue
        if status["agent_status"] == "waiting":
            detail = status["status_detail"]
            kind = detail["waiting_for_event_type"]
            handled.append(kind)
            if kind == "messageAskUser":
                client.post("/v2/task.sendMessage", json={"task_id": task_id, "message": {"content": "Acme"}})
            else:
                schema = detail["confirm_input_schema"]
                answer = {"accept": True} if "accept" in schema["properties"] else {"action": "skip"}
                client.post(
                    "/v2/task.confirmAction",
                    json={"task_id": task_id, "event_id": detail["waiting_for_event_id"], "input": answer},
                )
            continue
        break
    everything = client.get("/v2/task.listMessages", params={"task_id": task_id, "order": "asc", "limit": 200}).json()
    messages = everything["messages"]
    return {
        "status": status["agent_status"],
        "handled": handled,
        "answers": [e["assistant_message"]["content"] for e in messages if e["type"] == "assistant_message"],
        "structured": [e["structured_output_result"] for e in messages if e["type"] == "structured_output_result"],
        "errors": [e["error_message"]["content"] for e in messages if e["type"] == "error_message"],
    }


def test_seed_002_algorithm_handles_a_question_then_a_confirmation() -> None:
    clock = ManualClock(start=1_760_000_000)
    with Emulator(clock=clock, task_duration=3, webhook_activation="off") as emu:
        emu.scenario(wait="messageAskUser")  # the first turn asks; the answer's turn finishes
        with httpx.Client(base_url=emu.origin, headers={"x-manus-api-key": emu.api_key}) as client:
            asked = run_seed_algorithm(client, emu.advance, "Find the company")
            emu.scenario(reset_wait=True, wait="gmailSendAction")
            confirmed = run_seed_algorithm(client, emu.advance, "Email the report")
    assert asked["handled"] == ["messageAskUser"]
    assert asked["status"] == "stopped"
    assert len(asked["answers"]) == 2  # the question, then the answer
    [result] = asked["structured"]
    assert result["success"] is True
    assert result["value"]["employees"] >= 1
    assert confirmed["handled"] == ["gmailSendAction"]
    assert confirmed["status"] == "stopped"
    assert confirmed["structured"][0]["success"] is True


def test_seed_002_algorithm_reads_an_error() -> None:
    emu = Emulator(clock=ManualClock(), task_duration=2, webhook_activation="off")
    with emu, httpx.Client(base_url=emu.start().origin, headers={"x-manus-api-key": emu.api_key}) as client:
        failed = run_seed_algorithm(client, emu.advance, "Break [[manus:error=disk full]]")
    assert failed["status"] == "error"
    assert failed["errors"] == ["disk full"]
    assert failed["structured"] == []
