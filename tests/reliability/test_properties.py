"""Property tests: the parsers and the option validators never fail with an unexpected exception type,
and keep their invariants (nothing the server or the caller sent is lost, validators are idempotent,
queries round-trip through the wire).

Deterministic (``derandomize=True``, no example database written to the repository), so a failure
reproduces on every run and machine.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from manus_openai import ManusOpenAI, ManusResponse, manus_extra_body
from manus_openai._compat import NOT_GIVEN, construct_type
from manus_openai._options import MANUS_OPTION_NAMES, TASK_MODES, build_manus_body
from manus_openai.resources.tasks import LIST_QUERY_KEYS, list_tasks_request
from manus_openai.types import Task
from manus_openai.types.output_file import OutputFile
from manus_openai.types.task import TASK_LIST_STATUSES
from manus_openai.webhooks import (
    InvalidWebhookPayloadError,
    TaskCreatedEvent,
    TaskProgressEvent,
    TaskStoppedEvent,
    UnknownWebhookEvent,
    parse_event,
)
from tests.conftest import TEST_KEY

PROPERTY = settings(
    max_examples=150,
    deadline=None,  # a shared, noisy CI machine: timing is not the property under test
    derandomize=True,
    database=None,
    # The autouse fixtures (env cleaning, DEBUG-log capture) are function-scoped but hold no per-example
    # state the examples could corrupt: sharing them across examples is what we want.
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63),
    st.floats(allow_nan=False),
    st.text(max_size=20),
)
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
RESPONSE_KEYS = ["id", "object", "status", "createdAt", "created_at", "updated_at", "model", "metadata",
                 "output", "error", "credit_usage", "locale", "role", "content", "type", "text",
                 "fileUrl", "fileName", "mimeType", "task_url", "task_title"]  # fmt: skip
keys = st.sampled_from(RESPONSE_KEYS) | st.text(min_size=1, max_size=10)
content_parts = st.dictionaries(
    st.sampled_from(["type", "text", "fileUrl", "fileName", "mimeType", "url"]),
    st.sampled_from(["output_text", "output_file", "input_text"]) | scalars,
    max_size=5,
)
messages = st.one_of(
    json_values,
    st.fixed_dictionaries(
        {"role": st.sampled_from(["assistant", "user"]) | scalars},
        optional={
            "type": st.just("message") | scalars,
            "content": st.lists(content_parts | json_values, max_size=4) | scalars,
        },
    ),
)
metadata_keys = st.sampled_from(["task_url", "task_title", "credit_usage", "share_url"])
payloads = st.dictionaries(keys, json_values, max_size=8).flatmap(
    lambda base: st.fixed_dictionaries(
        {},
        optional={
            "output": st.lists(messages, max_size=4) | json_values,
            "metadata": st.dictionaries(
                st.sampled_from(["task_url", "task_title", "credit_usage", "share_url"]), scalars
            )
            | json_values,
            "status": st.sampled_from(["running", "pending", "completed", "error", "stopped"]) | json_values,
        },
    ).map(lambda extra: {**base, **extra})
)


def _read_everything(model: Any) -> None:
    assert isinstance(model.output_text, str)
    files = model.output_files
    assert isinstance(files, list)
    assert all(isinstance(f, OutputFile) for f in files)
    assert model.credit_usage is None or type(model.credit_usage) is int
    for url in (model.task_url, model.share_url, model.task_title):
        assert url is None or (isinstance(url, str) and url)
    repr(model)


@PROPERTY
@given(payloads)
def test_a_response_payload_always_parses_and_its_accessors_never_raise(payload: dict[str, Any]) -> None:
    built = construct_type(type_=ManusResponse, value=payload)
    assert isinstance(built, ManusResponse)
    _read_everything(built)
    if isinstance(payload.get("status"), str):
        assert built.status == payload["status"]  # any status string is kept, known or not


@PROPERTY
@given(payloads, st.text(min_size=1, max_size=10), json_values)
def test_a_response_keeps_fields_it_does_not_know(payload: dict[str, Any], key: str, value: Any) -> None:
    name = f"x_unknown_{key}"
    built = construct_type(type_=ManusResponse, value={**payload, name: value})
    assert isinstance(built, ManusResponse)
    assert (built.model_extra or {}).get(name) == value


@PROPERTY
@given(st.integers(min_value=0, max_value=2**40))
def test_a_numeric_string_created_at_becomes_a_number(seconds: int) -> None:
    built = construct_type(type_=ManusResponse, value={"id": "t", "createdAt": str(seconds)})
    assert isinstance(built, ManusResponse)
    assert built.created_at == seconds
    assert (built.model_extra or {})["createdAt"] == str(seconds)  # the wire spelling stays too
    task = construct_type(type_=Task, value={"id": "t", "created_at": str(seconds), "updated_at": seconds})
    assert isinstance(task, Task)
    assert (task.created_at, task.updated_at) == (seconds, seconds)


@PROPERTY
@given(payloads)
def test_a_task_payload_always_parses_and_its_accessors_never_raise(payload: dict[str, Any]) -> None:
    built = construct_type(type_=Task, value=payload)
    assert isinstance(built, Task)
    _read_everything(built)
    for key, value in payload.items():
        if key not in Task.model_fields and key not in ("created_at", "updated_at", "max_output_tokens"):
            assert (built.model_extra or {}).get(key) == value


# ---------------------------------------------------------------------------------------------- webhook events
ids = st.text(min_size=1, max_size=12)
detail = st.fixed_dictionaries(
    {"task_id": ids},
    optional={
        "task_title": st.text(max_size=10),
        "task_url": st.text(max_size=10),
        "message": st.text(max_size=20),
        "stop_reason": st.sampled_from(["finish", "ask"]) | st.text(min_size=1, max_size=8),
        "attachments": st.none()
        | st.lists(
            st.fixed_dictionaries(
                {"file_name": st.text(max_size=8), "url": st.text(max_size=8)},
                optional={"size_bytes": st.integers(min_value=0, max_value=2**40) | st.integers(0, 10**6).map(str)},
            ),
            max_size=3,
        ),
    },
)


@PROPERTY
@given(st.binary(max_size=200) | st.text(max_size=200))
def test_any_body_parses_or_is_refused_as_an_invalid_payload(body: bytes | str) -> None:
    try:
        event = parse_event(body)
    except InvalidWebhookPayloadError:
        return
    assert isinstance(event, (TaskCreatedEvent, TaskProgressEvent, TaskStoppedEvent, UnknownWebhookEvent))


@PROPERTY
@given(st.dictionaries(st.sampled_from(["event_id", "event_type", "task_detail", "progress_detail", "task_id",
                                         "stop_reason", "message"]) | st.text(max_size=6), json_values, max_size=6),
       st.sampled_from(["task_created", "task_stopped", "task_progress", "task_deleted", None]))  # fmt: skip
def test_any_event_object_parses_or_is_refused_as_an_invalid_payload(data: dict[str, Any], event_type: Any) -> None:
    if event_type is not None:
        data = {**data, "event_type": event_type}
    try:
        event = parse_event(json.dumps(data).encode())
    except InvalidWebhookPayloadError:
        return
    if event_type not in ("task_created", "task_stopped", "task_progress"):
        assert isinstance(event, UnknownWebhookEvent)
    assert event.task_id is None or isinstance(event.task_id, str)


@PROPERTY
@given(ids, detail, st.booleans())
def test_a_task_stopped_event_round_trips_nested_or_flat(event_id: str, fields: dict[str, Any], flat: bool) -> None:
    fields = {"stop_reason": "finish", **fields}
    body: dict[str, Any] = {"event_id": event_id, "event_type": "task_stopped"}
    body.update(fields if flat else {"task_detail": fields})
    event = parse_event(json.dumps(body))
    assert isinstance(event, TaskStoppedEvent)
    assert (event.event_id, event.task_id, event.stop_reason) == (event_id, fields["task_id"], fields["stop_reason"])
    assert event.message == fields.get("message", "")
    assert len(event.attachments) == len(fields.get("attachments") or [])
    again = parse_event(event.model_dump_json())
    assert again == event


# ---------------------------------------------------------------------------------------------- option validators
option_values = st.one_of(
    scalars,
    st.sampled_from([*TASK_MODES, "manus-1.6", "manus-1.6-max", "en-US", "  "]),
    st.lists(st.text(max_size=6) | scalars, max_size=3),
    st.just(NOT_GIVEN),
)
manus_options = st.dictionaries(st.sampled_from(MANUS_OPTION_NAMES), option_values, max_size=len(MANUS_OPTION_NAMES))


@PROPERTY
@given(manus_options)
def test_build_manus_body_validates_or_refuses_with_type_or_value_error(options: dict[str, Any]) -> None:
    try:
        body = build_manus_body(options)
    except (TypeError, ValueError) as exc:
        message = str(exc)
    else:
        message = ""
    if message:
        assert any(name in message for name in MANUS_OPTION_NAMES), message
        return
    given_options = {k: v for k, v in options.items() if v is not None and v is not NOT_GIVEN}
    assert set(body) == set(given_options)
    for name, value in body.items():
        assert value == (list(given_options[name]) if name == "connectors" else given_options[name])
    assert build_manus_body(body) == body  # idempotent: a built body is valid input
    assert manus_extra_body(**options) == body  # the public helper is the same validator


@PROPERTY
@given(st.dictionaries(st.text(min_size=1, max_size=12), scalars, min_size=1, max_size=3))
def test_an_unknown_option_is_refused_by_name(unknown: dict[str, Any]) -> None:
    unknown = {k: v for k, v in unknown.items() if k not in MANUS_OPTION_NAMES}
    if not unknown:
        return
    with pytest.raises(TypeError, match="unknown Manus option"):
        build_manus_body(unknown)


AWARE_TIMES = st.datetimes(
    min_value=datetime(1971, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(timezone.utc)
)
list_args = st.fixed_dictionaries(
    {},
    optional={
        "status": st.sampled_from([*TASK_LIST_STATUSES, "error", "done"])
        | st.lists(st.sampled_from(TASK_LIST_STATUSES), max_size=5)
        | scalars,
        "query": st.text(max_size=10) | scalars,
        "limit": st.integers(min_value=-5, max_value=1100) | scalars,
        "after": st.text(max_size=8) | scalars,
        "order": st.sampled_from(["asc", "desc", "up"]) | scalars,
        "order_by": st.sampled_from(["created_at", "updated_at", "title"]) | scalars,
        "created_after": st.integers(min_value=-1, max_value=2**40) | AWARE_TIMES | st.datetimes() | scalars,
        "created_before": st.integers(min_value=-1, max_value=2**40) | AWARE_TIMES | st.datetimes() | scalars,
    },
)


@PROPERTY
@given(list_args)
def test_list_query_is_built_or_refused_with_type_or_value_error(args: dict[str, Any]) -> None:
    try:
        params = list_tasks_request(**args)
    except (TypeError, ValueError) as exc:
        message = str(exc)
    else:
        message = ""
    if message:
        assert any(name in message for name in LIST_QUERY_KEYS), message
        return
    assert set(params) <= set(LIST_QUERY_KEYS.values())
    if "limit" in params:
        assert 1 <= params["limit"] <= 1000  # type: ignore[operator]
    if "status" in params:
        statuses = params["status"]
        assert isinstance(statuses, list)
        assert statuses
        assert len(set(statuses)) == len(statuses)
        assert set(statuses) <= set(TASK_LIST_STATUSES)
    if "createdAfter" in params and "createdBefore" in params:
        assert params["createdAfter"] < params["createdBefore"]  # type: ignore[operator]


@pytest.fixture(scope="module")
def recording_client() -> Iterator[tuple[ManusOpenAI, list[httpx.Request]]]:
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"data": [], "has_more": False})

    with ManusOpenAI(
        responses_view="manus", api_key=TEST_KEY, http_client=httpx.Client(transport=httpx.MockTransport(answer))
    ) as client:
        yield client, sent


@PROPERTY
@given(
    st.lists(st.sampled_from(TASK_LIST_STATUSES), min_size=1, max_size=4),
    st.integers(min_value=1, max_value=1000),
    AWARE_TIMES,
    st.integers(min_value=1, max_value=10**6),
    st.text(min_size=1, max_size=12).filter(str.strip),
)
def test_the_list_query_round_trips_through_the_wire(
    recording_client: tuple[ManusOpenAI, list[httpx.Request]],
    statuses: list[str],
    limit: int,
    after: datetime,
    window: int,
    query: str,
) -> None:
    client, sent_requests = recording_client
    before = after + timedelta(seconds=window)
    sent_requests.clear()
    client.tasks.list(status=statuses, limit=limit, created_after=after, created_before=before, query=query)  # type: ignore[arg-type]
    (request,) = sent_requests
    sent = request.url.params
    assert sent.get_list("status") == list(dict.fromkeys(statuses))  # repeated keys, no brackets, deduplicated
    assert "status[]" not in sent
    assert sent["limit"] == str(limit)
    assert sent["createdAfter"] == str(int(after.timestamp()))
    assert sent["createdBefore"] == str(int(before.timestamp()))
    assert sent["query"] == query
