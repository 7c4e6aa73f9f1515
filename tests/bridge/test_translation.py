"""The bridge's pure functions: statuses, this turn's output, ids, folding, the argument table."""

from __future__ import annotations

from typing import Any

import pytest

from manus_openai import _bridge
from manus_openai.errors import UnsupportedArgumentError


def msg(role: str, text: str | None = None, *files: str, mid: str | None = None) -> dict[str, Any]:
    content: list[dict[str, Any]] = []
    if text is not None:
        content.append({"type": "output_text", "text": text})
    for name in files:
        content.append(
            {"type": "output_file", "text": None, "fileUrl": f"https://cdn/{name}", "fileName": name,
             "mimeType": "text/markdown"}
        )  # fmt: skip
    return {"id": mid or f"{role}-{text}", "role": role, "type": "message", "status": "completed", "content": content}


def snap(status: str, *messages: dict[str, Any]) -> _bridge.Snapshot:
    return _bridge.snapshot_from_v1({"id": "T", "status": status, "model": "manus-1.6-agent", "output": list(messages)})


@pytest.mark.parametrize(
    ("manus", "answered", "openai"),
    [
        ("running", False, "in_progress"),
        ("pending", True, "incomplete"),
        ("waiting", True, "incomplete"),
        ("completed", True, "completed"),
        ("completed", False, "cancelled"),
        ("stopped", False, "cancelled"),
        ("error", False, "failed"),
        ("failed", False, "failed"),
        ("brand_new", True, "brand_new"),
    ],
)
def test_latest_turn_status_in_openai_vocabulary(manus: str, answered: bool, openai: str) -> None:
    messages = [msg("user", "q")] + ([msg("assistant", "a")] if answered else [])
    assert _bridge.openai_status(snap(manus, *messages), 1) == openai


def test_output_holds_only_this_turns_assistant_messages() -> None:
    s = snap("completed", msg("user", "q1"), msg("assistant", "a1"), msg("user", "q2"), msg("assistant", "a2", "f.md"))
    second = _bridge.openai_response(s, 2)
    assert second["id"] == "T~2"
    assert second["previous_response_id"] == "T~1"
    assert [item["role"] for item in second["output"]] == ["assistant"]
    assert second["output"][0]["content"][0]["text"] == "a2"
    assert all(part["annotations"] == [] for part in second["output"][0]["content"])
    assert second["output"][0]["content"][1]["filename"] == "f.md"
    first = _bridge.openai_response(s, 1)
    assert first["status"] == "completed"
    assert first["output"][0]["content"][0]["text"] == "a1"


def test_a_running_follow_up_shows_no_stale_answer() -> None:
    s = snap("completed", msg("user", "q1"), msg("assistant", "a1"))  # Manus has not recorded turn 2 yet
    body = _bridge.openai_response(s, 2)
    assert body["status"] == "in_progress"
    assert body["output"] == []
    running = snap("running", msg("user", "q1"), msg("assistant", "a1"), msg("user", "q2"))
    assert _bridge.openai_response(running, 2)["output"] == []


def test_waiting_turn_is_incomplete_with_a_reason() -> None:
    body = _bridge.openai_response(snap("pending", msg("user", "q"), msg("assistant", "Which city?")), 1)
    assert body["status"] == "incomplete"
    assert body["incomplete_details"] == {"reason": _bridge.WAITING_FOR_USER}
    assert body["manus_status"] == "pending"


def test_failed_turn_carries_an_openai_error_object() -> None:
    s = _bridge.snapshot_from_v1({"id": "T", "status": "error", "error": "boom", "output": [msg("user", "q")]})
    assert _bridge.openai_response(s, 1)["error"] == {"code": "server_error", "message": "boom"}


def test_usage_is_never_none() -> None:
    assert _bridge.openai_response(snap("running", msg("user", "q")), 1)["usage"]["total_tokens"] == 0


def test_plain_input_is_sent_unchanged() -> None:
    assert _bridge.fold_input("hi") == [{"role": "user", "content": [{"type": "input_text", "text": "hi"}]}]


def test_instructions_and_roles_fold_into_one_user_message() -> None:
    folded = _bridge.fold_input(
        [
            {"role": "system", "content": "Be brief."},
            {"role": "developer", "content": [{"type": "input_text", "text": "Use metric units."}]},
            {"role": "assistant", "content": [{"type": "output_text", "text": "Earlier answer", "annotations": []}]},
            {
                "role": "user",
                "content": [
                    {"type": "input_text", "text": "Now?"},
                    {"type": "input_image", "image_url": "https://x/cat.png"},
                ],
            },
        ],
        "Talk like a pirate.",
    )
    assert len(folded) == 1
    parts = folded[0]["content"]  # type: ignore[index]
    assert [p["text"].split("\n")[0] for p in parts if p["type"] == "input_text"] == [
        "[instructions]", "[system]", "[developer]", "[assistant (earlier turn)]", "[user]",
    ]  # fmt: skip
    assert parts[0]["text"] == "[instructions]\nTalk like a pirate."
    assert parts[-1] == {"type": "input_image", "image_url": "https://x/cat.png"}


def test_unknown_roles_and_item_types_are_typed_errors() -> None:
    with pytest.raises(ValueError, match=r"input\[0\]\.role"):
        _bridge.fold_input([{"role": "tool", "content": "x"}])
    with pytest.raises(UnsupportedArgumentError, match="function_call_output") as info:
        _bridge.fold_input([{"type": "function_call_output", "call_id": "c", "output": "1"}])
    assert info.value.argument == "input[0].type"


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"tools": [{"type": "function", "name": "f", "parameters": {}}]}, "tools[0]"),
        ({"tools": [{"type": "mcp", "server_label": "x"}]}, "tools[0]"),
        ({"tools": [{"type": "file_search", "vector_store_ids": ["v"]}]}, "tools[0]"),
        ({"tool_choice": "required"}, "tool_choice"),
        ({"top_logprobs": 3}, "top_logprobs"),
        ({"include": ["message.output_text.logprobs"]}, "include"),
        ({"text": {"format": {"type": "json_object"}}}, "text.format"),
        ({"prompt": {"id": "pmpt_1"}}, "prompt"),
        ({"max_tool_calls": 3}, "max_tool_calls"),
    ],
)
def test_misleading_arguments_are_refused(kwargs: dict[str, Any], argument: str) -> None:
    with pytest.raises(UnsupportedArgumentError) as info:
        _bridge.check_arguments(kwargs)
    assert info.value.argument == argument


def test_a_json_schema_is_refused_on_v1_and_compiled_on_v2() -> None:
    schema = {
        "type": "object",
        "properties": {"a": {"type": "string"}},
        "required": ["a"],
        "additionalProperties": False,
    }
    text = {"format": {"type": "json_schema", "name": "x", "schema": schema}}
    with pytest.raises(UnsupportedArgumentError) as info:
        _bridge.plan_create({"input": "q", "text": text}, client_timeout=60, backend="v1")
    assert info.value.argument == "text.format"
    assert _bridge.plan_create({"input": "q", "text": text}, client_timeout=60, backend="v2").output_schema == schema


@pytest.mark.parametrize(
    "kwargs",
    [
        {"tools": [{"type": "web_search_preview"}, {"type": "code_interpreter", "container": {"type": "auto"}}]},
        {"temperature": 0.2, "top_p": 1, "reasoning": {"effort": "low"}, "store": False, "tool_choice": "auto"},
        {"text": {"format": {"type": "text"}}, "max_output_tokens": 100, "include": ["reasoning.encrypted_content"]},
    ],
)
def test_harmless_arguments_are_accepted(kwargs: dict[str, Any]) -> None:
    _bridge.check_arguments(kwargs)


def test_every_openai_create_argument_has_an_answer() -> None:
    from openai.types.responses.response_create_params import ResponseCreateParamsNonStreaming

    names = set(ResponseCreateParamsNonStreaming.__annotations__) - {"stream", "include_obfuscation"}
    assert names <= set(_bridge.ARGUMENTS)


@pytest.mark.parametrize(
    ("model", "profile"), [("gpt-4o", None), ("o3-mini", None), ("manus-1.6-max", "manus-1.6-max")]
)
def test_model_mapping(model: str, profile: str | None) -> None:
    assert _bridge.model_profile(model) == profile


def test_an_unknown_model_is_refused() -> None:
    with pytest.raises(UnsupportedArgumentError, match="claude"):
        _bridge.model_profile("claude-3-opus")


def test_input_items_page_in_openai_order() -> None:
    items = [{"id": f"i{n}"} for n in range(5)]
    page, more = _bridge.page_slice(items, after=None, before=None, limit=2, order=None)
    assert [i["id"] for i in page] == ["i4", "i3"]
    assert more
    page, more = _bridge.page_slice(items, after="i3", before=None, limit=2, order="desc")
    assert [i["id"] for i in page] == ["i2", "i1"]
    assert more
    page, more = _bridge.page_slice(items, after="i1", before=None, limit=2, order="asc")
    assert [i["id"] for i in page] == ["i2", "i3"]
    assert more


def test_a_task_read_without_its_conversation_still_has_a_status() -> None:
    bare = _bridge.snapshot_from_v1({"id": "T", "status": "running"})
    assert _bridge.openai_status(bare, 1) == "in_progress"
    assert _bridge.turn_done(_bridge.snapshot_from_v1({"id": "T", "status": "error"}), 1)
