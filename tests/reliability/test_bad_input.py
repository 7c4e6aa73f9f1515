# ruff: noqa: E501  # the catalogue keeps one case per line, so each reads as a table row
"""A catalogue of malformed calls across the public API: each raises a typed error naming the field, and
sends nothing.

Every case runs on ``ManusOpenAI`` and ``AsyncManusOpenAI`` (client-free functions once), each client on
an ``httpx.MockTransport`` that records requests: a case passes only if that record stays empty.
"""

from __future__ import annotations

import inspect
import io
import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Union

import httpx
import pytest
from openai import AsyncOpenAI

from manus_openai import (
    AsyncManusOpenAI,
    ManusError,
    ManusOpenAI,
    StreamingNotSupportedError,
    async_wait_for_response,
    inputs,
    manus_client_options,
    manus_extra_body,
    wait_for_response,
)
from manus_openai.types import base64_attachment, file_attachment, url_attachment
from manus_openai.webhooks import (
    InvalidWebhookPayloadError,
    InvalidWebhookSignatureError,
    WebhookReceiver,
    handle_webhook_request,
    parse_event,
    unwrap,
    verify_signature,
)
from tests.conftest import TEST_KEY

Client = Union[ManusOpenAI, AsyncManusOpenAI]

MISSING_PATH = "/no/such/dir/report.pdf"
DIRECTORY = os.path.dirname(__file__)
# A regular file that even root cannot read (EIO): the "unreadable file" case, where /proc exists.
UNREADABLE = "/proc/self/mem" if os.path.isfile("/proc/self/mem") else MISSING_PATH
NAIVE = datetime(2025, 1, 1, 12, 0)
AWARE = datetime(2025, 1, 1, 12, 0, tzinfo=timezone.utc)
HUGE = 10**100
HOOK_URL = "https://example.com/hook"
SIGNED_HEADERS = {"X-Webhook-Signature": "c2ln", "X-Webhook-Timestamp": "1704067200"}


def closed_binary_file() -> io.BytesIO:
    handle = io.BytesIO(b"data")
    handle.name = "data.bin"  # a real file object has one
    handle.close()
    return handle


def loose(func: Callable[..., Any]) -> Any:
    """``func`` typed as ``Any``: the call that follows passes a deliberately wrong type."""
    return func


def pick(client: Client, sync: Callable[..., Any], async_: Callable[..., Any]) -> Callable[..., Any]:
    return async_ if isinstance(client, AsyncOpenAI) else sync


def construct(client: Client, **kwargs: Any) -> Any:
    """Build a new client of the same flavour, on the same recording transport."""
    if isinstance(client, AsyncManusOpenAI):
        return AsyncManusOpenAI(responses_view="manus", http_client=client._client, **kwargs)
    return ManusOpenAI(responses_view="manus", http_client=client._client, **kwargs)


@dataclass(frozen=True)
class Bad:
    id: str
    call: Callable[[Any], object]
    """Takes the client as ``Any``: every call here is deliberately wrong, so its types cannot check."""
    error: type[BaseException]
    field: str
    """Text the message must contain: the field (or argument, or header) at fault."""
    client: bool = True
    """Whether the call goes through a client (then it runs on both flavours)."""


CASES: list[Bad] = [
    # ----------------------------------------------------------------- clients and helpers
    Bad("client-api-key-int", lambda c: construct(c, api_key=12345), TypeError, "api_key"),
    Bad("client-api-key-empty", lambda c: construct(c, api_key=""), ManusError, "MANUS_API_KEY"),
    Bad("client-options-api-key-bytes", lambda c: loose(manus_client_options)(api_key=b"mk"), TypeError, "api_key", False),
    Bad("client-options-no-key", lambda c: manus_client_options(), ManusError, "MANUS_API_KEY", False),
    Bad("extra-body-unknown-mode", lambda c: loose(manus_extra_body)(task_mode="turbo"), ValueError, "task_mode", False),
    Bad("extra-body-bool-as-str", lambda c: loose(manus_extra_body)(hide_in_task_list="yes"), TypeError, "hide_in_task_list", False),
    Bad("extra-body-connectors-str", lambda c: manus_extra_body(connectors="gmail"), TypeError, "connectors", False),
    Bad("extra-body-connector-empty", lambda c: manus_extra_body(connectors=["gmail", " "]), ValueError, "connectors[1]", False),
    # ----------------------------------------------------------------- responses.create
    Bad("create-input-int", lambda c: c.responses.create(input=42), TypeError, "input"),
    Bad("create-input-bytes", lambda c: c.responses.create(input=b"hi"), TypeError, "input"),
    Bad("create-input-empty-str", lambda c: c.responses.create(input="   "), ValueError, "input"),
    Bad("create-input-empty-list", lambda c: c.responses.create(input=[]), ValueError, "input"),
    Bad("create-input-item-str", lambda c: c.responses.create(input=["hi"]), TypeError, "input[0]"),
    Bad("create-input-no-parts", lambda c: c.responses.create(input=[{"role": "user", "content": []}]), ValueError, "input[0].content"),
    Bad("create-input-part-untyped", lambda c: c.responses.create(input=[{"role": "user", "content": [{"text": "x"}]}]), ValueError, "input[0].content[0]"),
    Bad("create-input-missing", lambda c: c.responses.create(task_mode="agent"), TypeError, "input"),
    Bad("create-task-mode-unknown", lambda c: c.responses.create(input="hi", task_mode="fast"), ValueError, "task_mode"),
    Bad("create-task-mode-int", lambda c: c.responses.create(input="hi", task_mode=1), ValueError, "task_mode"),
    Bad("create-profile-empty", lambda c: c.responses.create(input="hi", agent_profile=""), ValueError, "agent_profile"),
    Bad("create-profile-int", lambda c: c.responses.create(input="hi", agent_profile=16), TypeError, "agent_profile"),
    Bad("create-shareable-str", lambda c: c.responses.create(input="hi", create_shareable_link="true"), TypeError, "create_shareable_link"),
    Bad("create-interactive-int", lambda c: c.responses.create(input="hi", interactive_mode=1), TypeError, "interactive_mode"),
    Bad("create-locale-blank", lambda c: c.responses.create(input="hi", locale=" "), ValueError, "locale"),
    Bad("create-project-id-int", lambda c: c.responses.create(input="hi", project_id=7), TypeError, "project_id"),
    Bad("create-connectors-dict", lambda c: c.responses.create(input="hi", connectors={"a": "b"}), TypeError, "connectors"),
    Bad("create-both-continuations", lambda c: c.responses.create(input="hi", task_id="t1", previous_response_id="t1"), ValueError, "previous_response_id"),
    Bad("create-previous-id-blank", lambda c: c.responses.create(input="hi", previous_response_id=""), ValueError, "previous_response_id"),
    Bad("create-stream", lambda c: c.responses.create(input="hi", stream=True), StreamingNotSupportedError, "stream"),
    Bad("create-extra-body-list", lambda c: c.responses.create(input="hi", extra_body=["task_mode"]), TypeError, "extra_body"),
    Bad("create-extra-body-bad-option", lambda c: c.responses.create(input="hi", extra_body={"task_mode": "x"}), ValueError, "task_mode"),
    Bad("create-conflicting-extra-body", lambda c: c.responses.create(input="hi", task_mode="chat", extra_body={"task_mode": "agent"}), ValueError, "task_mode"),
    Bad("create-huge-connector-list-item", lambda c: c.responses.create(input="hi", connectors=["ok"] * 10_000 + [None]), TypeError, "connectors[10000]"),
    # ----------------------------------------------------------------- responses.retrieve / delete / wait
    Bad("retrieve-empty-id", lambda c: c.responses.retrieve(""), ValueError, "response_id"),
    Bad("retrieve-slash-id", lambda c: c.responses.retrieve("a/../tasks"), ValueError, "response_id"),
    Bad("retrieve-none-id", lambda c: c.responses.retrieve(None), ValueError, "response_id"),
    Bad("retrieve-stream", lambda c: c.responses.retrieve("t1", stream=True), StreamingNotSupportedError, "stream"),
    Bad("delete-blank-id", lambda c: c.responses.delete("  "), ValueError, "response_id"),
    Bad("wait-empty-id", lambda c: c.responses.wait(""), ValueError, "response_id"),
    Bad("wait-timeout-zero", lambda c: c.responses.wait("t1", timeout=0), ValueError, "timeout"),
    Bad("wait-timeout-str", lambda c: c.responses.wait("t1", timeout="60"), ValueError, "timeout"),
    Bad("wait-timeout-nan", lambda c: c.responses.wait("t1", timeout=math.nan), ValueError, "timeout"),
    Bad("wait-poll-negative", lambda c: c.responses.wait("t1", poll_interval=-1), ValueError, "poll_interval"),
    Bad("wait-poll-nan", lambda c: c.responses.wait("t1", poll_interval=math.nan), ValueError, "poll_interval"),
    Bad("wait-poll-infinite", lambda c: c.responses.wait("t1", poll_interval=math.inf), ValueError, "poll_interval"),
    Bad("create-and-wait-timeout-negative", lambda c: c.responses.create_and_wait(input="hi", timeout=-5), ValueError, "timeout"),
    Bad("create-and-wait-poll-bool", lambda c: c.responses.create_and_wait(input="hi", poll_interval=True), ValueError, "poll_interval"),
    Bad("wait-helper-empty-id", lambda c: pick(c, wait_for_response, async_wait_for_response)(c, ""), ValueError, "response_id"),
    Bad("wait-helper-timeout-nan", lambda c: pick(c, wait_for_response, async_wait_for_response)(c, "t1", timeout=math.nan), ValueError, "timeout"),
    # ----------------------------------------------------------------- tasks
    Bad("list-status-error-word", lambda c: c.tasks.list(status="error"), ValueError, "status"),
    Bad("list-status-unknown", lambda c: c.tasks.list(status=["completed", "done"]), ValueError, "status"),
    Bad("list-status-empty", lambda c: c.tasks.list(status=[]), ValueError, "status"),
    Bad("list-status-int", lambda c: c.tasks.list(status=3), TypeError, "status"),
    Bad("list-limit-zero", lambda c: c.tasks.list(limit=0), ValueError, "limit"),
    Bad("list-limit-over", lambda c: c.tasks.list(limit=1001), ValueError, "limit"),
    Bad("list-limit-huge", lambda c: c.tasks.list(limit=HUGE), ValueError, "limit"),
    Bad("list-limit-str", lambda c: c.tasks.list(limit="50"), TypeError, "limit"),
    Bad("list-limit-float", lambda c: c.tasks.list(limit=50.0), TypeError, "limit"),
    Bad("list-order-unknown", lambda c: c.tasks.list(order="newest"), ValueError, "order"),
    Bad("list-order-by-unknown", lambda c: c.tasks.list(order_by="title"), ValueError, "order_by"),
    Bad("list-after-empty", lambda c: c.tasks.list(after=""), ValueError, "after"),
    Bad("list-query-int", lambda c: c.tasks.list(query=5), TypeError, "query"),
    Bad("list-created-after-naive", lambda c: c.tasks.list(created_after=NAIVE), ValueError, "created_after"),
    Bad("list-created-before-naive", lambda c: c.tasks.list(created_before=NAIVE), ValueError, "created_before"),
    Bad("list-created-after-negative", lambda c: c.tasks.list(created_after=-1), ValueError, "created_after"),
    Bad("list-created-after-iso-str", lambda c: c.tasks.list(created_after="2025-01-01"), TypeError, "created_after"),
    Bad("list-created-after-milliseconds", lambda c: c.tasks.list(created_after=1_735_732_800_000), ValueError, "created_after"),
    Bad("list-created-before-huge", lambda c: c.tasks.list(created_before=HUGE), ValueError, "created_before"),
    Bad("list-created-window-inverted", lambda c: c.tasks.list(created_after=AWARE, created_before=AWARE), ValueError, "created_after"),
    Bad("task-retrieve-empty-id", lambda c: c.tasks.retrieve(""), ValueError, "task_id"),
    Bad("task-retrieve-convert-str", lambda c: c.tasks.retrieve("t1", convert="yes"), TypeError, "convert"),
    Bad("task-create-prompt-int", lambda c: c.tasks.create(5), TypeError, "prompt"),
    Bad("task-create-prompt-empty", lambda c: c.tasks.create(""), ValueError, "prompt"),
    Bad("task-create-mode-unknown", lambda c: c.tasks.create("hi", task_mode="quick"), ValueError, "task_mode"),
    Bad("task-create-task-id-slash", lambda c: c.tasks.create("hi", task_id="a/b"), ValueError, "task_id"),
    Bad("task-create-attachments-str", lambda c: c.tasks.create("hi", attachments="a.pdf"), TypeError, "attachments"),
    Bad("task-create-attachment-no-filename", lambda c: c.tasks.create("hi", attachments=[{"url": "https://x/a.pdf"}]), ValueError, "attachments[0].filename"),
    Bad("task-create-attachment-two-sources", lambda c: c.tasks.create("hi", attachments=[{"filename": "a", "url": "https://x", "file_id": "f"}]), ValueError, "attachments[0]"),
    Bad("task-create-attachment-int", lambda c: c.tasks.create("hi", attachments=[7]), TypeError, "attachments[0]"),
    Bad("task-update-nothing", lambda c: c.tasks.update("t1"), ValueError, "title"),
    Bad("task-update-title-blank", lambda c: c.tasks.update("t1", title=" "), ValueError, "title"),
    Bad("task-update-title-int", lambda c: c.tasks.update("t1", title=3), TypeError, "title"),
    Bad("task-update-shared-str", lambda c: c.tasks.update("t1", enable_shared="no"), TypeError, "enable_shared"),
    Bad("task-update-bad-id", lambda c: c.tasks.update("", title="x"), ValueError, "task_id"),
    Bad("task-delete-slash-id", lambda c: c.tasks.delete("../projects"), ValueError, "task_id"),
    # ----------------------------------------------------------------- projects
    Bad("project-create-name-empty", lambda c: c.projects.create(""), ValueError, "name"),
    Bad("project-create-name-int", lambda c: c.projects.create(1), TypeError, "name"),
    Bad("project-create-instruction-list", lambda c: c.projects.create("p", instruction=["a"]), TypeError, "instruction"),
    Bad("project-list-limit-huge", lambda c: c.projects.list(limit=2**63), ValueError, "limit"),
    Bad("project-list-limit-bool", lambda c: c.projects.list(limit=True), TypeError, "limit"),
    # ----------------------------------------------------------------- files
    Bad("file-upload-missing-path", lambda c: c.files.upload(MISSING_PATH), ValueError, "file"),
    Bad("file-upload-directory", lambda c: c.files.upload(DIRECTORY), ValueError, "file"),
    Bad("file-upload-unreadable", lambda c: c.files.upload(UNREADABLE), ValueError, "file"),
    Bad("file-upload-bytes-no-name", lambda c: c.files.upload(b"a,b"), ValueError, "filename"),
    Bad("file-upload-int", lambda c: c.files.upload(42), TypeError, "file"),
    Bad("file-upload-text-mode", lambda c: c.files.upload(io.StringIO("text")), TypeError, "file"),
    Bad("file-upload-closed-file", lambda c: c.files.upload(closed_binary_file()), ValueError, "file"),
    Bad("file-upload-filename-blank", lambda c: c.files.upload(b"x", filename=" "), ValueError, "filename"),
    Bad("file-upload-short-tuple", lambda c: c.files.upload(("a.txt",)), TypeError, "file"),
    Bad("file-create-extra-body", lambda c: c.files.create(file=("a.txt", b"x"), purpose="user_data", extra_body={"a": 1}), TypeError, "extra_body"),
    Bad("file-retrieve-empty-id", lambda c: c.files.retrieve(""), ValueError, "file_id"),
    Bad("file-delete-slash-id", lambda c: c.files.delete("x/y"), ValueError, "file_id"),
    # ----------------------------------------------------------------- webhooks (client resource and pure functions)
    Bad("webhook-create-not-url", lambda c: c.webhooks.create("example.com/hook"), ValueError, "url"),
    Bad("webhook-create-ftp", lambda c: c.webhooks.create("ftp://example.com/hook"), ValueError, "url"),
    Bad("webhook-create-none", lambda c: c.webhooks.create(None), ValueError, "url"),
    Bad("webhook-delete-empty-id", lambda c: c.webhooks.delete(""), ValueError, "webhook_id"),
    Bad("webhook-public-key-ttl-str", lambda c: c.webhooks.public_key(ttl="1h"), TypeError, "ttl"),
    Bad("verify-no-signature", lambda c: verify_signature(b"{}", {}, url=HOOK_URL, public_key=_pem()), InvalidWebhookSignatureError, "X-Webhook-Signature", False),
    Bad("verify-tolerance-negative", lambda c: verify_signature(b"{}", SIGNED_HEADERS, url=HOOK_URL, public_key=_pem(), tolerance=-1), ValueError, "tolerance", False),
    Bad("verify-tolerance-str", lambda c: loose(verify_signature)(b"{}", SIGNED_HEADERS, url=HOOK_URL, public_key=_pem(), tolerance="300"), TypeError, "tolerance", False),
    Bad("verify-body-int", lambda c: loose(verify_signature)(5, SIGNED_HEADERS, url=HOOK_URL, public_key=_pem()), TypeError, "body", False),
    Bad("verify-public-key-int", lambda c: loose(verify_signature)(b"{}", SIGNED_HEADERS, url=HOOK_URL, public_key=5), TypeError, "public_key", False),
    Bad("unwrap-public-key-none", lambda c: loose(unwrap)(b"{}", SIGNED_HEADERS, url=HOOK_URL, public_key=None), TypeError, "public_key", False),
    Bad("parse-event-not-json", lambda c: parse_event(b"<html>"), InvalidWebhookPayloadError, "JSON", False),
    Bad("parse-event-array", lambda c: parse_event(b"[1, 2]"), InvalidWebhookPayloadError, "JSON object", False),
    Bad("parse-event-missing-task-id", lambda c: parse_event({"event_id": "e", "event_type": "task_stopped", "task_detail": {"stop_reason": "finish"}}), InvalidWebhookPayloadError, "task_id", False),
    Bad("receiver-url-empty", lambda c: WebhookReceiver(url="", public_key=None), ValueError, "url", False),
    Bad("receiver-tolerance-negative", lambda c: WebhookReceiver(url=HOOK_URL, public_key=None, tolerance=-1), ValueError, "tolerance", False),
    Bad("handle-request-tolerance-str", lambda c: loose(handle_webhook_request)(b"{}", SIGNED_HEADERS, url=HOOK_URL, public_key=_pem(), tolerance="5"), TypeError, "tolerance", False),
    # ----------------------------------------------------------------- input builders and attachments
    Bad("inputs-text-int", lambda c: loose(inputs.text)(3), TypeError, "text", False),
    Bad("inputs-file-two-sources", lambda c: inputs.file(url="https://x/a.pdf", path=MISSING_PATH), ValueError, "inputs.file()", False),
    Bad("inputs-file-unreadable", lambda c: inputs.file(path=UNREADABLE), ValueError, "path", False),
    Bad("inputs-file-data-no-name", lambda c: inputs.file(data=b"x"), ValueError, "filename", False),
    Bad("inputs-image-unknown-mime", lambda c: inputs.image(data=b"x", mime_type="image/tiff"), ValueError, "mime_type", False),
    Bad("inputs-image-blank-url", lambda c: inputs.image(url=""), ValueError, "url", False),
    Bad("inputs-data-url-bad-mime", lambda c: inputs.data_url(b"x", "pdf"), ValueError, "mime_type", False),
    Bad("attachment-file-id-no-name", lambda c: file_attachment("file-1"), ValueError, "filename", False),
    Bad("attachment-url-relative", lambda c: url_attachment("/docs/a.pdf"), ValueError, "url", False),
    Bad("attachment-base64-int", lambda c: loose(base64_attachment)(5), TypeError, "data", False),
    Bad("attachment-base64-directory", lambda c: base64_attachment(DIRECTORY), ValueError, "data", False),
    Bad("attachment-base64-unreadable", lambda c: base64_attachment(UNREADABLE), ValueError, "data", False),
]  # fmt: skip


_PEM: list[str] = []


def _pem() -> str:
    """A real RSA public key (generated once), so signature checks fail for the case's reason only."""
    if not _PEM:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa

        key = rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key()
        _PEM.append(
            key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
        )
    return _PEM[0]


async def _invoke(case: Bad, client: Client) -> None:
    result = case.call(client)
    if inspect.isawaitable(result):
        await result


def _params() -> list[Any]:
    params = []
    for case in CASES:
        for flavour in ("sync", "async") if case.client else ("plain",):
            params.append(pytest.param(case, flavour, id=f"{case.id}-{flavour}"))
    return params


def test_the_catalogue_is_large_and_ids_are_unique() -> None:
    assert len(CASES) >= 60
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize(("case", "flavour"), _params())
async def test_a_malformed_call_raises_a_typed_error_naming_the_field_and_sends_nothing(
    case: Bad, flavour: str
) -> None:
    sent: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(500, json={"code": 13, "message": "the test transport should never be reached"})

    transport = httpx.MockTransport(record)
    client: Client
    if flavour == "async":
        client = AsyncManusOpenAI(
            responses_view="manus", api_key=TEST_KEY, max_retries=0, http_client=httpx.AsyncClient(transport=transport)
        )
    else:
        client = ManusOpenAI(
            responses_view="manus", api_key=TEST_KEY, max_retries=0, http_client=httpx.Client(transport=transport)
        )
    try:
        with pytest.raises(case.error) as info:
            await _invoke(case, client)
    finally:
        if isinstance(client, AsyncManusOpenAI):
            await client.close()
        else:
            client.close()
    assert isinstance(info.value, (ValueError, TypeError, ManusError)), type(info.value)
    assert case.field in str(info.value), f"{case.id}: {info.value!s} does not name {case.field!r}"
    assert sent == [], f"{case.id} sent {[str(r.url) for r in sent]}"
