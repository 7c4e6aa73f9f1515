"""parse_event / unwrap: typed events from nested and flat payloads, the doc examples, bad bodies."""

from __future__ import annotations

import json
from typing import Any

import pydantic
import pytest

from manus_openai.webhooks import (
    Attachment,
    InvalidWebhookPayloadError,
    InvalidWebhookSignatureError,
    StructuredOutput,
    TaskCreatedEvent,
    TaskProgressEvent,
    TaskStoppedEvent,
    UnknownWebhookEvent,
    parse_event,
    unwrap,
)

from .support import (
    NOW,
    TASK_ID,
    URL,
    Deliver,
    KeyPair,
    created_payload,
    encode,
    progress_payload,
    stopped_payload,
)

# The "own example" of manus-api.md §5.3, verbatim.
DOC_STOPPED_EXAMPLE = """{"event_id": "task_stopped_TeBim6FDQf9peS52xHtAyh_1764187300",
 "event_type": "task_stopped",
 "task_detail": {"task_id": "TeBim6FDQf9peS52xHtAyh", "task_title": "Q4 report",
   "task_url": "https://manus.im/app/TeBim6FDQf9peS52xHtAyh",
   "message": "Done.", "stop_reason": "finish",
   "attachments": [{"file_name": "q4.pdf", "url": "https://...", "size_bytes": 2048576}]}}"""

# §5.3 doc defect: the older v1 task_created example has a trailing comma (invalid JSON).
DOC_CREATED_WITH_TRAILING_COMMA = """{
  "event_id": "task_created_task_abc123",
  "event_type": "task_created",
  "task_detail": {
    "task_id": "task_abc123",
    "task_title": "Research report",
    "task_url": "https://manus.im/app/task_abc123",
  }
}"""


def flatten(payload: dict[str, Any]) -> dict[str, Any]:
    """The flat form of the older v1 schema tables: detail fields at the top level."""
    detail_key = "progress_detail" if "progress_detail" in payload else "task_detail"
    flat = {k: v for k, v in payload.items() if k != detail_key}
    flat.update(payload[detail_key])
    return flat


PAYLOADS = {
    "task_created": (created_payload(), TaskCreatedEvent),
    "task_progress": (progress_payload(), TaskProgressEvent),
    "task_stopped": (stopped_payload(), TaskStoppedEvent),
}


@pytest.mark.parametrize("form", ["nested", "flat"])
@pytest.mark.parametrize("event_type", list(PAYLOADS))
def test_each_event_type_parses_from_nested_and_flat_forms(event_type: str, form: str) -> None:
    payload, cls = PAYLOADS[event_type]
    body = encode(payload if form == "nested" else flatten(payload))
    event = parse_event(body)
    assert type(event).__name__ == cls.__name__
    assert event.event_type == event_type
    assert event.event_id == payload["event_id"]
    assert event.task_id == TASK_ID
    assert event.model_extra == {}  # nothing left over at the top level: the flat fields were nested
    assert event == parse_event(encode(payload))  # both forms give the same model


def test_created_event_exposes_task_fields() -> None:
    event = parse_event(encode(created_payload()))
    assert isinstance(event, TaskCreatedEvent)
    assert (event.task_title, event.task_url) == ("Q4 report", f"https://manus.im/app/{TASK_ID}")


def test_progress_event_exposes_its_detail() -> None:
    event = parse_event(encode(progress_payload()))
    assert isinstance(event, TaskProgressEvent)
    assert (event.progress_type, event.message, event.task_title, event.task_url) == (
        "plan_update",
        "Searching",
        None,
        None,
    )


def test_stopped_event_exposes_result_fields() -> None:
    event = parse_event(encode(stopped_payload(stop_reason="ask", message="Which quarter?")))
    assert isinstance(event, TaskStoppedEvent)
    assert (event.stop_reason, event.message, event.task_title) == ("ask", "Which quarter?", "Q4 report")
    assert event.attachments == [Attachment(file_name="q4.pdf", url="https://files.example/q4.pdf", size_bytes=2048576)]
    assert event.structured_output is None


def test_doc_example_task_stopped_parses() -> None:
    event = parse_event(DOC_STOPPED_EXAMPLE)
    assert isinstance(event, TaskStoppedEvent)
    assert event.event_id == "task_stopped_TeBim6FDQf9peS52xHtAyh_1764187300"
    assert (event.task_id, event.stop_reason, event.message) == (TASK_ID, "finish", "Done.")
    assert event.attachments[0].size_bytes == 2048576
    assert event.task_url == "https://manus.im/app/TeBim6FDQf9peS52xHtAyh"


def test_doc_example_with_trailing_comma_is_an_invalid_payload() -> None:
    with pytest.raises(InvalidWebhookPayloadError, match="not valid JSON"):
        parse_event(DOC_CREATED_WITH_TRAILING_COMMA)


def test_doc_example_stopped_event_reusing_a_created_event_id_is_still_a_stop() -> None:
    payload = stopped_payload("task_abc123")
    payload["event_id"] = "task_created_task_abc123"  # §5.3: the older v1 examples reuse this id
    event = parse_event(encode(payload))
    assert isinstance(event, TaskStoppedEvent)
    assert event.task_id == "task_abc123"


def test_doc_handler_snippet_fields_at_the_top_level_fill_a_partial_detail() -> None:
    payload = stopped_payload()
    del payload["task_detail"]["stop_reason"]
    payload["stop_reason"] = "ask"  # some guide snippets read stop_reason from the top level
    event = parse_event(encode(payload))
    assert isinstance(event, TaskStoppedEvent)
    assert event.stop_reason == "ask"


def test_unknown_event_type_is_a_generic_event_never_a_wrong_class() -> None:
    payload = {
        "event_id": "task_deleted_abc",
        "event_type": "task_deleted",
        "task_detail": {"task_id": "abc"},
    }
    event = parse_event(encode(payload))
    assert type(event) is UnknownWebhookEvent
    assert (event.event_type, event.event_id, event.task_id, event.task_title) == (
        "task_deleted",
        "task_deleted_abc",
        "abc",
        None,
    )
    assert event.model_extra == {"task_detail": {"task_id": "abc"}}


@pytest.mark.parametrize(
    "payload",
    [{}, {"test": True}, {"event_type": None, "task_id": "abc"}],
    ids=["empty", "test-flag", "null-type"],
)
def test_body_without_event_type_is_a_generic_event(payload: dict[str, Any]) -> None:
    event = parse_event(encode(payload))
    assert type(event) is UnknownWebhookEvent
    assert event.event_type is None


def test_non_string_event_type_is_an_invalid_payload() -> None:
    with pytest.raises(InvalidWebhookPayloadError, match="event_type"):
        parse_event({"event_id": "e", "event_type": 7})


def test_unknown_event_finds_a_flat_or_progress_task_id() -> None:
    assert parse_event({"event_type": "x", "task_id": "flat"}).task_id == "flat"
    assert parse_event({"event_type": "x", "progress_detail": {"task_id": "p"}}).task_id == "p"


@pytest.mark.parametrize(
    ("body", "match"),
    [
        (b"not json", "not valid JSON"),
        (b"", "not valid JSON"),
        (b"\xff\xfe\xfa", "not valid JSON"),
        (b"[1, 2]", "JSON object, got list"),
        (b'"task_stopped"', "JSON object, got str"),
        (b"42", "JSON object, got int"),
        (b"null", "JSON object, got NoneType"),
    ],
)
def test_non_object_body_is_an_invalid_payload(body: bytes, match: str) -> None:
    with pytest.raises(InvalidWebhookPayloadError, match=match) as excinfo:
        parse_event(body)
    assert isinstance(excinfo.value, ValueError)


@pytest.mark.parametrize(
    "mutate",
    [
        pytest.param(lambda p: p["task_detail"].pop("task_id"), id="no-task-id"),
        pytest.param(lambda p: p["task_detail"].pop("stop_reason"), id="no-stop-reason"),
        pytest.param(lambda p: p.pop("event_id"), id="no-event-id"),
        pytest.param(lambda p: p.__setitem__("task_detail", "oops"), id="detail-not-object"),
        pytest.param(lambda p: p["task_detail"]["attachments"][0].pop("url"), id="attachment-without-url"),
    ],
)
def test_known_event_of_the_wrong_shape_is_an_invalid_payload(mutate: Any) -> None:
    payload = stopped_payload()
    mutate(payload)
    with pytest.raises(InvalidWebhookPayloadError, match="task_stopped payload") as excinfo:
        parse_event(encode(payload))
    assert isinstance(excinfo.value.__cause__, pydantic.ValidationError)


def test_cosmetic_fields_default_instead_of_rejecting() -> None:
    event = parse_event(
        {
            "event_id": "e",
            "event_type": "task_stopped",
            "task_detail": {"task_id": "t", "stop_reason": "finish"},
        }
    )
    assert isinstance(event, TaskStoppedEvent)
    assert (event.task_title, event.task_url, event.message, event.attachments) == ("", "", "", [])


def test_unknown_fields_are_kept_everywhere() -> None:
    payload = stopped_payload()
    payload["delivery_attempt"] = 2
    payload["task_detail"]["credits_used"] = 12
    payload["task_detail"]["attachments"][0]["mime_type"] = "application/pdf"
    event = parse_event(encode(payload))
    assert isinstance(event, TaskStoppedEvent)
    assert event.model_extra == {"delivery_attempt": 2}
    assert event.task_detail.model_extra == {"credits_used": 12}
    assert event.attachments[0].model_extra == {"mime_type": "application/pdf"}
    assert json.loads(event.model_dump_json())["task_detail"]["credits_used"] == 12


def test_numeric_strings_are_tolerated() -> None:
    payload = stopped_payload()
    payload["task_detail"]["attachments"][0]["size_bytes"] = "2048"
    event = parse_event(encode(payload))
    assert isinstance(event, TaskStoppedEvent)
    assert event.attachments[0].size_bytes == 2048


@pytest.mark.parametrize("attachments", [None, []], ids=["null", "empty"])
def test_null_or_missing_attachments_read_as_empty(attachments: list[Any] | None) -> None:
    payload = stopped_payload()
    payload["task_detail"]["attachments"] = attachments
    event = parse_event(encode(payload))
    assert isinstance(event, TaskStoppedEvent)
    assert event.attachments == []


def test_unknown_stop_reason_is_kept() -> None:
    event = parse_event(encode(stopped_payload(stop_reason="user_stop")))
    assert isinstance(event, TaskStoppedEvent)
    assert event.stop_reason == "user_stop"


def test_structured_output_is_parsed() -> None:
    payload = stopped_payload()
    payload["task_detail"]["structured_output"] = {"success": True, "value": {"total": 3}, "error": None}
    event = parse_event(encode(payload))
    assert isinstance(event, TaskStoppedEvent)
    assert event.structured_output == StructuredOutput(success=True, value={"total": 3}, error=None)


def test_failed_structured_output_keeps_the_error() -> None:
    payload = stopped_payload()
    payload["task_detail"]["structured_output"] = {"success": False, "value": None, "error": "no table found"}
    event = parse_event(encode(payload))
    assert isinstance(event, TaskStoppedEvent)
    assert event.structured_output is not None
    assert (event.structured_output.success, event.structured_output.error) == (False, "no table found")


def test_parse_event_accepts_str_bytes_and_mappings() -> None:
    payload = created_payload()
    assert parse_event(payload) == parse_event(encode(payload)) == parse_event(encode(payload).decode())


def test_unwrap_verifies_then_returns_a_typed_event(deliver: Deliver, keys: KeyPair) -> None:
    d = deliver(stopped_payload())
    event = unwrap(d.body, d.headers, url=URL, public_key=keys.public_pem, now=NOW)
    assert isinstance(event, TaskStoppedEvent)
    assert event.task_id == TASK_ID


def test_unwrap_accepts_the_double_hash_variant(deliver: Deliver, keys: KeyPair) -> None:
    d = deliver(created_payload(), scheme="double")
    assert isinstance(unwrap(d.body, d.headers, url=URL, public_key=keys.public, now=NOW), TaskCreatedEvent)


def test_unwrap_checks_the_signature_before_the_body(deliver: Deliver, keys: KeyPair) -> None:
    d = deliver(b"not json")
    with pytest.raises(InvalidWebhookSignatureError):
        unwrap(d.body, d.headers, url="https://other.example/", public_key=keys.public, now=NOW)
    with pytest.raises(InvalidWebhookPayloadError):
        unwrap(d.body, d.headers, url=URL, public_key=keys.public, now=NOW)


def test_unwrap_refuses_to_skip_verification(deliver: Deliver) -> None:
    d = deliver(created_payload())
    with pytest.raises(TypeError, match="parse_event"):
        unwrap(d.body, d.headers, url=URL, public_key=None, now=NOW)  # type: ignore[arg-type]  # on purpose


def test_unwrap_honours_the_tolerance(deliver: Deliver, keys: KeyPair) -> None:
    d = deliver(created_payload())
    with pytest.raises(InvalidWebhookSignatureError, match="old"):
        unwrap(d.body, d.headers, url=URL, public_key=keys.public, now=NOW + 61, tolerance=60)
