"""The unmodified OpenAI SDK, configured exactly as seed 000 shows, runs the guide's whole flow."""

from __future__ import annotations

from typing import Any

import openai
import pytest
from openai import BaseModel

from manus_openai.emulator import Emulator, ManualClock
from tests.conftest import SEED_MODEL

from . import shapes
from .conftest import TASK_DURATION

SKY = [{"role": "user", "content": [{"type": "input_text", "text": "What's the color of the sky?"}]}]
EXTRA = {"task_mode": "agent", "agent_profile": "quality"}


class TaskList(BaseModel):  # the seed's pagination model; its bare ``list`` crashes openai's
    data: list[dict[str, Any]]  # model construction (IndexError), a defect of the guide's snippet
    first_id: str
    last_id: str
    has_more: bool


def test_seed_000_create_poll_read_output(sdk: openai.OpenAI, emu: Emulator, clock: ManualClock) -> None:
    raw = sdk.responses.with_raw_response.create(**SEED_MODEL, input=SKY, extra_body=EXTRA)  # type: ignore[arg-type]  # plain dicts as the seed writes them, wider than the SDK's TypedDicts
    shapes.response_object(raw.http_response.json())
    response = raw.parse()
    assert str(response.status) == "running"
    assert response.model == "manus-agent-quality"
    assert response.metadata is not None
    assert response.metadata.get("task_url") == f"https://manus.im/app/{response.id}"

    polls = 0
    task_update = sdk.responses.retrieve(response_id=response.id)
    while str(task_update.status) == "running":
        polls += 1
        clock.advance(TASK_DURATION / 2)  # the guide sleeps 5 s between polls
        task_update = sdk.responses.retrieve(response_id=response.id)
    assert str(task_update.status) == "completed"
    assert polls == 2

    roles = [m.role for m in task_update.output]  # type: ignore[union-attr]  # the SDK types output items as a wide union
    assert roles == ["user", "assistant"]
    user, assistant = task_update.output
    assert user.content[0].text == "What's the color of the sky?"  # type: ignore[union-attr,index]  # the SDK types output as a wide union
    answer = assistant.content[0].text  # type: ignore[union-attr,index]  # idem
    assert "What's the color of the sky?" in answer
    assert int(task_update.metadata["credit_usage"]) >= int(TASK_DURATION)  # type: ignore[index]  # JSON from cast_to=object / Optional metadata
    shapes.response_object(sdk.get(f"/responses/{response.id}", cast_to=object))


def test_seed_000_list_paginate_update_delete(sdk: openai.OpenAI, emu: Emulator) -> None:
    created = [sdk.responses.create(**SEED_MODEL, input=SKY, extra_body=EXTRA).id for _ in range(3)]  # type: ignore[arg-type]  # plain dicts as the seed writes them, wider than the SDK's TypedDicts
    emu.seed_tasks(120)

    # The guide's literal call: base ends in /v1 and the path repeats it (/v1/v1/tasks is tolerated).
    first = sdk.get("/v1/tasks", cast_to=object)
    shapes.task_list(first)
    assert len(first["data"]) == 100  # type: ignore[index]  # JSON from cast_to=object / Optional metadata

    filtered = sdk.get("/v1/tasks?status=completed&status=running&limit=50", cast_to=object)
    shapes.task_list(filtered)
    assert {t["status"] for t in filtered["data"]} <= {"completed", "running"}  # type: ignore[index]  # JSON from cast_to=object / Optional metadata

    all_tasks: list[object] = []
    after_cursor = None
    while True:
        url = "/v1/tasks?limit=50&order=desc"
        if after_cursor:
            url += f"&after={after_cursor}"
        page = sdk.get(url, cast_to=TaskList)
        all_tasks.extend(page.data)
        if not page.has_more:
            break
        after_cursor = page.last_id
    assert len(all_tasks) == 123
    assert [t["id"] for t in all_tasks[:3]] == created[::-1]  # type: ignore[index]  # JSON from cast_to=object / Optional metadata

    # The guide's literal snippet (plus the cast_to it forgets): the SDK has no "extra_body" request
    # option, so the body is empty and nothing changes, which the emulator answers like an update of
    # no fields.
    noop = sdk.put(
        f"/v1/tasks/{created[0]}",
        cast_to=object,
        options={"extra_body": {"enable_shared": True, "enable_visible_in_task_list": False, "title": "Updated"}},  # type: ignore[typeddict-unknown-key]  # the guide's own (ignored) option, on purpose
    )
    shapes.task_ref(noop)
    assert emu.requests[-1].body == b""
    updated = sdk.put(
        f"/v1/tasks/{created[0]}",
        cast_to=object,
        body={"enable_shared": True, "enable_visible_in_task_list": False, "title": "Updated"},
    )
    shapes.task_ref(updated)
    assert updated == {
        "task_id": created[0],
        "task_title": "Updated",
        "task_url": f"https://manus.im/app/{created[0]}",
        "share_url": f"https://manus.im/share/{created[0]}",
    }
    assert sdk.responses.retrieve(created[0]).metadata["task_title"] == "Updated"  # type: ignore[index]  # JSON from cast_to=object / Optional metadata

    for task_id in created:
        sdk.responses.delete(response_id=task_id)
    with pytest.raises(openai.NotFoundError) as info:
        sdk.responses.retrieve(created[0])
    shapes.error(info.value.body, 5)


def test_seed_000_multi_turn_both_ways(sdk: openai.OpenAI, clock: ManualClock) -> None:
    first = sdk.responses.create(**SEED_MODEL, input=SKY, extra_body=EXTRA)  # type: ignore[arg-type]  # plain dicts as the seed writes them, wider than the SDK's TypedDicts
    clock.advance(TASK_DURATION)
    q2 = [{"role": "user", "content": [{"type": "input_text", "text": "What does the data suggest?"}]}]
    followup = sdk.responses.create(**SEED_MODEL, input=q2, previous_response_id=first.id, extra_body=EXTRA)  # type: ignore[arg-type]  # plain dicts as the seed writes them, wider than the SDK's TypedDicts
    assert followup.id == first.id
    assert str(followup.status) == "running"
    clock.advance(TASK_DURATION)
    third = sdk.responses.create(**SEED_MODEL, input="And Q4?", extra_body={**EXTRA, "task_id": first.id})
    clock.advance(TASK_DURATION)
    done = sdk.responses.retrieve(third.id)
    assert [m.role for m in done.output] == ["user", "assistant"] * 3  # type: ignore[union-attr]  # the SDK types output items as a wide union

    with pytest.raises(openai.BadRequestError) as info:
        sdk.responses.create(**SEED_MODEL, input="x", previous_response_id=first.id, extra_body={"task_id": first.id})
    shapes.error(info.value.body, 3)
    assert "previous_response_id" in info.value.body["message"]  # type: ignore[index]  # JSON from cast_to=object / Optional metadata


def test_seed_000_sharing_and_hidden(sdk: openai.OpenAI) -> None:
    shared = sdk.responses.create(
        **SEED_MODEL,
        input=[{"role": "user", "content": [{"type": "input_text", "text": "Research report"}]}],
        extra_body={**EXTRA, "create_shareable_link": True},
    )
    assert shared.metadata["share_url"].startswith("https://manus.im/share/")  # type: ignore[index]  # JSON from cast_to=object / Optional metadata
    hidden = sdk.responses.create(
        **SEED_MODEL, input="Automated process", extra_body={**EXTRA, "hide_in_task_list": True}
    )
    assert "share_url" not in hidden.metadata  # type: ignore[operator]  # metadata is Optional in the SDK's types
    assert hidden.metadata["task_url"].endswith(hidden.id)  # type: ignore[index]  # JSON from cast_to=object / Optional metadata


def test_seed_000_files_calls(sdk: openai.OpenAI) -> None:
    created = sdk.post("/files", body={"filename": "berkshire_letter_2024.pdf"}, cast_to=object)
    shapes.file_object(created, created=True)
    fetched = sdk.files.retrieve(file_id=created["id"])  # type: ignore[index]  # JSON from cast_to=object / Optional metadata
    assert fetched.id == created["id"]  # type: ignore[index]  # JSON from cast_to=object / Optional metadata
    assert [f.id for f in sdk.files.list()] == [created["id"]]  # type: ignore[index]  # JSON from cast_to=object / Optional metadata
    sdk.files.delete(file_id=created["id"])  # type: ignore[index]  # JSON from cast_to=object / Optional metadata
    with pytest.raises(openai.NotFoundError):
        sdk.files.retrieve(file_id=created["id"])  # type: ignore[index]  # JSON from cast_to=object / Optional metadata


def test_sdk_without_api_key_header_gets_instructive_401(emu: Emulator) -> None:
    with (
        openai.OpenAI(base_url=emu.base_url, api_key=emu.api_key, max_retries=0) as bearer_only,
        pytest.raises(openai.AuthenticationError) as info,
    ):
        bearer_only.responses.create(**SEED_MODEL, input="hi")
    shapes.error(info.value.body, 16)
    assert "API_KEY" in info.value.body["message"]  # type: ignore[index]  # JSON from cast_to=object / Optional metadata
    # The key sent as a Bearer token never reaches the request log.
    assert emu.requests[-1].headers["authorization"] == "[REDACTED]"
