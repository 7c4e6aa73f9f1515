"""Scenario directives and global defaults: duration, polls, error, ask/resume, forever, files."""

from __future__ import annotations

from typing import Any

import httpx

from manus_openai.emulator import Emulator, ManualClock

from . import shapes


def create(http: httpx.Client, text: str, **extra: object) -> str:
    response = http.post("/responses", json={"input": text, **extra})
    assert response.status_code == 200, response.text
    shapes.response_object(response.json())
    return str(response.json()["id"])


def get(http: httpx.Client, task_id: str) -> dict[str, Any]:
    body = http.get(f"/responses/{task_id}").json()
    shapes.response_object(body)
    return body  # type: ignore[no-any-return]  # JSON


def test_duration_directive_runs_on_the_clock(http: httpx.Client, clock: ManualClock) -> None:
    task_id = create(http, "Count to ten [[manus:duration=30]]")
    clock.advance(29.9)
    assert get(http, task_id)["status"] == "running"
    clock.advance(0.1)
    done = get(http, task_id)
    assert done["status"] == "completed"
    assert done["metadata"]["credit_usage"] == "31"
    clock.advance(100)
    assert get(http, task_id)["metadata"]["credit_usage"] == "31"
    assert done["metadata"]["task_title"] == "Count to ten"


def test_polls_directive_finishes_on_the_nth_retrieve(http: httpx.Client) -> None:
    task_id = create(http, "Quick [[manus:polls=3]]")
    assert [get(http, task_id)["status"] for _ in range(4)] == ["running", "running", "completed", "completed"]


def test_error_directive(http: httpx.Client, clock: ManualClock) -> None:
    task_id = create(http, "Break [[manus:error=disk full]]")
    clock.advance(5)
    response = get(http, task_id)
    assert response["status"] == "error"
    assert response["error"] == "disk full"
    task = http.get(f"/tasks/{task_id}").json()
    shapes.task_object(task)
    assert task["status"] == "failed"


def test_ask_pauses_in_pending_and_a_follow_up_resumes(http: httpx.Client, clock: ManualClock) -> None:
    task_id = create(http, "Book a flight [[manus:ask=Which airport?]]")
    clock.advance(5)
    paused = get(http, task_id)
    assert paused["status"] == "pending"
    assert paused["output"][-1]["content"][0]["text"] == "Which airport?"
    assert http.get(f"/tasks/{task_id}").json()["status"] == "pending"
    for follow_up in ({"previous_response_id": task_id}, {"task_id": task_id}):
        resumed = http.post("/responses", json={"input": "From SFO", **follow_up}).json()
        assert resumed["status"] == "running"
        clock.advance(5)
        assert get(http, task_id)["status"] == "completed"
    via_rest = http.post("/tasks", json={"prompt": "And back [[manus:ask]]", "taskId": task_id}).json()
    assert via_rest["task_id"] == task_id
    clock.advance(5)
    assert get(http, task_id)["status"] == "pending"


def test_forever_keeps_running(http: httpx.Client, clock: ManualClock) -> None:
    task_id = create(http, "Never stop [[manus:forever]]")
    clock.advance(10_000)
    assert get(http, task_id)["status"] == "running"
    assert int(get(http, task_id)["metadata"]["credit_usage"]) > 10_000


def test_files_directive_makes_downloadable_output_files(http: httpx.Client, clock: ManualClock, emu: Emulator) -> None:
    task_id = create(http, "Write a report [[manus:files=2]]")
    clock.advance(5)
    content = get(http, task_id)["output"][-1]["content"]
    files = [part for part in content if part["type"] == "output_file"]
    assert [f["fileName"] for f in files] == ["result-1.md", "result-2.md"]
    for f in files:
        assert f["fileUrl"].startswith(emu.origin + "/files-content/")
        downloaded = httpx.get(f["fileUrl"])
        assert downloaded.status_code == 200
        assert downloaded.headers["content-type"].startswith("text/markdown")
        assert task_id in downloaded.text
    assert httpx.get(emu.origin + f"/files-content/{task_id}/nope.md").status_code == 404


def test_answer_is_deterministic(clock: ManualClock) -> None:
    answers = []
    for _ in range(2):
        with (
            Emulator(clock=ManualClock(), task_duration=0, seed=1) as emu,
            httpx.Client(base_url=emu.base_url, headers={"API_KEY": emu.api_key}) as http,
        ):
            task_id = create(http, "Same prompt")
            answers.append((task_id, get(http, task_id)["output"]))
    assert answers[0] == answers[1]


def test_global_defaults(emu: Emulator, http: httpx.Client, clock: ManualClock) -> None:
    emu.scenario(outcome="ask", files=1, duration=1)
    task_id = create(http, "Needs input")
    clock.advance(1)
    assert get(http, task_id)["status"] == "pending"
    create(http, "ok", previous_response_id=task_id)  # a follow-up does not ask again
    clock.advance(1)
    done = get(http, task_id)
    assert done["status"] == "completed"
    assert done["output"][-1]["content"][-1]["type"] == "output_file"
    emu.scenario(polls=1, outcome="error")
    assert get(http, create(http, "x"))["status"] == "error"
    assert get(http, create(http, "x [[manus:finish]]"))["status"] == "completed"


def test_constructor_defaults_and_advance() -> None:
    clock = ManualClock()
    with (
        Emulator(clock=clock, task_duration=2, output_files=1, outcome="finish") as emu,
        httpx.Client(base_url=emu.base_url, headers={"API_KEY": emu.api_key}) as http,
    ):
        task_id = create(http, "x")
        emu.advance(2)
        assert emu.task(task_id).status == "stopped"
        assert len(get(http, task_id)["output"][-1]["content"]) == 2
