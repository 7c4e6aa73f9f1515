"""ManusResponse parses what Manus really returns, without losing anything."""

from __future__ import annotations

from typing import Any

import pytest
from openai._models import construct_type

from manus_openai import ManusResponse
from tests.conftest import response_body


def parse(data: dict[str, Any]) -> ManusResponse:
    result = construct_type(type_=ManusResponse, value=data)
    assert isinstance(result, ManusResponse)
    return result


def test_compat_guide_example_parses() -> None:
    r = parse(response_body(status="completed"))
    assert r.id == "t1"
    assert r.object == "response"
    assert r.model == "manus-agent-quality"
    assert r.created_at == 1760348691.0
    assert r.output_text == "Blue."  # the echoed user turn is not part of it
    assert r.output[0].role == "user"  # type: ignore[comparison-overlap]  # Manus echoes user turns
    assert r.credit_usage == 12


@pytest.mark.parametrize("status", ["running", "pending", "completed", "error", "failed", "stopped", "brand_new"])
def test_every_status_is_kept_as_sent(status: str) -> None:
    assert parse(response_body(status=status)).status == status


def test_unknown_fields_are_kept() -> None:
    r = parse(response_body(locale="en-US", brand_new={"a": 1}))
    assert r.model_extra is not None
    assert r.model_extra["brand_new"] == {"a": 1}
    assert r.to_dict(warnings=False)["locale"] == "en-US"
    assert r.to_dict(warnings=False)["createdAt"] == "1760348691"


def test_output_items_without_type_are_messages() -> None:
    body = response_body()
    body["output"] = [
        {
            "role": "assistant",
            "status": "completed",
            "content": [{"type": "output_text", "text": "The result text..."}],
        }
    ]
    r = parse(body)
    assert r.output[0].type == "message"
    assert r.output_text == "The result text..."


def test_output_text_joins_assistant_messages_with_a_blank_line() -> None:
    body = response_body()
    body["output"] = [
        {
            "role": "assistant",
            "type": "message",
            "content": [{"type": "output_text", "text": "A"}, {"type": "output_text", "text": "B"}],
        },
        {"role": "user", "type": "message", "content": [{"type": "output_text", "text": "more?"}]},
        {"role": "assistant", "type": "message", "content": [{"type": "output_text", "text": "C"}]},
    ]
    assert parse(body).output_text == "AB\n\nC"


@pytest.mark.parametrize(
    ("metadata", "top", "expected"),
    [
        ({"credit_usage": "12"}, None, 12),
        ({}, 42, 42),
        ({}, "7", 7),
        ({"credit_usage": "n/a"}, None, None),
        ({}, None, None),
    ],
)
def test_credit_usage_is_an_int_or_none(metadata: dict[str, str], top: Any, expected: Any) -> None:
    body = response_body(metadata=metadata)
    if top is not None:
        body["credit_usage"] = top
    assert parse(body).credit_usage == expected


def test_missing_and_odd_fields_never_raise() -> None:
    r = parse({"id": "x", "output": "not-a-list", "metadata": None, "createdAt": "not a number"})
    assert r.output_text == ""
    assert r.output_files == []
    assert r.task_url is None
    assert r.credit_usage is None
    assert r.created_at == "not a number"  # type: ignore[comparison-overlap]  # kept as sent, never dropped


def test_output_files_accept_snake_case_keys() -> None:
    body = response_body()
    body["output"] = [
        {
            "role": "assistant",
            "type": "message",
            "content": [{"type": "output_file", "file_url": "u", "file_name": "a.csv", "mime_type": "text/csv"}],
        }
    ]
    f = parse(body).output_files[0]
    assert (f.file_url, f.file_name, f.mime_type) == ("u", "a.csv", "text/csv")


def test_share_url_and_title_from_metadata() -> None:
    r = parse(response_body(metadata={"share_url": "https://manus.im/share/x", "task_title": "T"}))
    assert r.share_url == "https://manus.im/share/x"
    assert r.task_title == "T"
