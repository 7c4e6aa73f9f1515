"""Confirmation helpers, structured output, validation before sending, cursor guard, files, public key cache."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pydantic
import pytest
import respx

from manus_openai.types.v2 import StatusDetail, StructuredOutputResult, parse_event
from manus_openai.v2 import (
    ConfirmationMismatchError,
    ConfirmInputInvalidError,
    CursorNotAdvancingError,
    SchemaNotStrictError,
    StructuredOutputError,
    confirmations,
    output_schema,
)
from manus_openai.v2.structured import parse_result
from tests.conftest import TEST_KEY
from tests.v2.conftest import AnyClient, call, collect, ok

GMAIL_SCHEMA = {
    "type": "object",
    "properties": {"accept": {"type": "boolean"}, "save_draft": {"type": "boolean"}},
    "required": ["accept"],
    "additionalProperties": False,
}


def waiting(kind: str, schema: dict[str, Any] | None = None) -> StatusDetail:
    return StatusDetail.construct(
        waiting_for_event_id="evt_1", waiting_for_event_type=kind, confirm_input_schema=schema
    )


# --- confirmations ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("helper", "kind", "sent"),
    [
        (confirmations.select_browser("b1"), "needConnectMyBrowser", {"action": "select", "client_id": "b1"}),
        (confirmations.skip_browser(), "needConnectMyBrowser", {"action": "skip"}),
        (confirmations.send_mail(), "gmailSendAction", {"accept": True}),
        (confirmations.send_mail(save_draft=True), "outlookSendMailsAction", {"accept": True, "save_draft": True}),
        (confirmations.deploy(global_allow=True), "deployAction", {"accept": True, "global_allow": True}),
        (confirmations.run_command(always_allow=True), "terminalExecute", {"accept": True, "always_allow": True}),
        (confirmations.video_quality("premium"), "videoGenerate", {"choice": "premium"}),
        (confirmations.credit_notice("do_not_show_again"), "apiHighCreditNotice", {"action": "do_not_show_again"}),
        (confirmations.accept(), "googleCalendarCreate", {"accept": True}),
        (confirmations.accept(), "outlookCalendarDelete", {"accept": True}),
        (confirmations.accept(), "connectorOauthExpired", {"accept": True}),
        (confirmations.accept(), "mapreduceAction", {"accept": True}),
        (
            confirmations.meta_marketing(["act_1"]),
            "metaMarketingAction",
            {"accept": True, "selectedAccountIds": ["act_1"]},
        ),
        (confirmations.meta_marketing_result(), "metaMarketingActionResult", {"accept": True}),
        (confirmations.webdev_run("max"), "webdevRunAction", {"accept": True, "mode": "max"}),
        (confirmations.webdev_deploy("team"), "webdevRunAction", {"accept": True, "visibility": "team"}),
        (
            confirmations.provide_secrets({"X": "Y"}),
            "webdevRequestSecrets",
            {"accept": True, "secrets": [{"key": "X", "value": "Y"}]},
        ),
        (confirmations.reject(), "webdevRequestSecrets", {"accept": False}),
    ],
)
async def test_each_documented_waiting_type_has_a_typed_answer(
    client: AnyClient, router: respx.MockRouter, helper: confirmations.Confirmation, kind: str, sent: dict[str, Any]
) -> None:
    route = router.post("/v2/task.confirmAction").respond(json=ok(task_id="t1", confirmed=True))
    done = await call(client, "v2.tasks.confirm", "t1", waiting(kind), helper)
    assert json.loads(route.calls.last.request.content) == {"task_id": "t1", "event_id": "evt_1", "input": sent}
    assert done.stays_waiting is False  # webdevRequestSecrets: false is an explicit rejection


def test_every_documented_waiting_type_is_known() -> None:
    assert len(set(confirmations.WAITING_TYPES)) == 20


async def test_confirm_on_message_ask_user_is_refused_before_sending(
    client: AnyClient, router: respx.MockRouter
) -> None:
    with pytest.raises(ConfirmationMismatchError, match="reply"):
        await call(client, "v2.tasks.confirm", "t1", waiting("messageAskUser"), {"accept": True})
    assert not router.calls


async def test_a_helper_for_another_type_is_refused(client: AnyClient, router: respx.MockRouter) -> None:
    with pytest.raises(ConfirmationMismatchError, match="videoGenerate"):
        await call(client, "v2.tasks.confirm", "t1", waiting("videoGenerate"), confirmations.send_mail())
    assert not router.calls


async def test_input_is_validated_against_the_events_schema(client: AnyClient, router: respx.MockRouter) -> None:
    with pytest.raises(ConfirmInputInvalidError) as caught:
        await call(client, "v2.tasks.confirm", "t1", waiting("newTypeFromLater", GMAIL_SCHEMA), {"accept": "yes"})
    assert caught.value.path == "input['accept']"
    assert not router.calls


async def test_a_raw_dict_for_a_type_added_later_is_sent_when_valid(
    client: AnyClient, router: respx.MockRouter
) -> None:
    route = router.post("/v2/task.confirmAction").respond(json=ok(task_id="t1", confirmed=True))
    schema = {"type": "object", "properties": {"level": {"enum": [1, 2]}}, "required": ["level"]}
    await call(client, "v2.tasks.confirm", "t1", waiting("laterType", schema), {"level": 2})
    assert json.loads(route.calls.last.request.content)["input"] == {"level": 2}


async def test_reject_on_an_accept_type_says_the_task_stays_waiting(
    client: AnyClient, router: respx.MockRouter
) -> None:
    router.post("/v2/task.confirmAction").respond(json=ok(task_id="t1", confirmed=True))
    done = await call(
        client, "v2.tasks.confirm", "t1", waiting("gmailSendAction", GMAIL_SCHEMA), confirmations.reject()
    )
    assert done.stays_waiting is True


def test_secrets_never_show_in_a_repr() -> None:
    assert "hunter2" not in repr(confirmations.provide_secrets({"PW": "hunter2"}))


@pytest.mark.parametrize(
    ("build", "error"),
    [
        (lambda: confirmations.video_quality("ultra"), "choice must be one of 'standard', 'premium'"),
        (lambda: confirmations.credit_notice("maybe"), "action must be one of"),
        (lambda: confirmations.webdev_run("fast"), "mode must be one of 'quality', 'speed', 'max'"),
        (lambda: confirmations.provide_secrets({}), "must not be empty"),
        (lambda: confirmations.select_browser(""), "client_id"),
    ],
)
def test_helpers_name_the_field_and_the_allowed_values(build: Any, error: str) -> None:
    with pytest.raises(ValueError, match=error):
        build()


# --- structured output --------------------------------------------------------------------------------


class Address(pydantic.BaseModel):
    city: str
    zip: str | None = None


class Company(pydantic.BaseModel):
    name: str
    founded: int
    tags: list[str] = []
    hq: Address


def test_a_model_compiles_to_the_strict_subset() -> None:
    schema = output_schema(Company)
    assert schema["additionalProperties"] is False
    assert schema["required"] == ["name", "founded", "tags", "hq"]
    hq = schema["properties"]["hq"]
    assert hq["additionalProperties"] is False
    assert hq["required"] == ["city", "zip"]
    assert "$defs" not in json.dumps(schema)
    assert "$ref" not in json.dumps(schema)


class Tree(pydantic.BaseModel):
    children: list[Tree]


class Loose(pydantic.BaseModel):
    scores: dict[str, int]


@pytest.mark.parametrize(("spec", "reason"), [(Tree, "recursive"), (Loose, "free keys")])
def test_a_model_outside_the_subset_is_refused_with_the_reason(spec: type[pydantic.BaseModel], reason: str) -> None:
    with pytest.raises(SchemaNotStrictError, match=reason):
        output_schema(spec)


def test_a_schema_dict_is_checked_not_rewritten() -> None:
    with pytest.raises(SchemaNotStrictError) as caught:
        output_schema(
            {
                "type": "object",
                "properties": {
                    "a": {"type": "object", "properties": {"b": {"type": "string"}}, "additionalProperties": False}
                },
                "required": ["a"],
                "additionalProperties": False,
            }
        )
    assert caught.value.path == "$.properties.a"


async def test_create_sends_the_compiled_schema(client: AnyClient, router: respx.MockRouter) -> None:
    route = router.post("/v2/task.create").respond(json=ok(task_id="t1"))
    await call(client, "v2.tasks.create", "Who makes the iPhone?", structured_output=Company)
    assert json.loads(route.calls.last.request.content)["structured_output_schema"] == output_schema(Company)


async def test_send_message_rearms_with_a_new_schema(client: AnyClient, router: respx.MockRouter) -> None:
    route = router.post("/v2/task.sendMessage").respond(json=ok(task_id="t1"))
    await call(client, "v2.tasks.send_message", "t1", "again", structured_output=Address)
    assert json.loads(route.calls.last.request.content)["structured_output_schema"]["required"] == ["city", "zip"]


async def test_structured_result_parses_into_the_model(client: AnyClient, router: respx.MockRouter) -> None:
    value = {"name": "Apple", "founded": 1976, "tags": [], "hq": {"city": "Cupertino", "zip": None}}
    router.get("/v2/task.listMessages").respond(
        json=ok(
            messages=[
                {"id": "e2", "type": "status_update", "timestamp": 2, "status_update": {"agent_status": "stopped"}},
                {
                    "id": "e1",
                    "type": "structured_output_result",
                    "timestamp": 1,
                    "structured_output_result": {"success": True, "value": value, "error": None},
                },
            ],
            has_more=False,
        )
    )
    company = await call(client, "v2.tasks.structured_result", "t1", Company)
    assert isinstance(company, Company)
    assert company.hq.city == "Cupertino"


def test_success_false_is_a_typed_error_with_message_and_value() -> None:
    result = StructuredOutputResult.construct(success=False, value={"partial": 1}, error="could not extract")
    with pytest.raises(StructuredOutputError) as caught:
        parse_result(result, Company)
    assert caught.value.error == "could not extract"
    assert caught.value.value == {"partial": 1}


# --- validation before sending ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dotted", "args", "kwargs", "error"),
    [
        ("v2.tasks.create", ("",), {}, "message.content"),
        ("v2.tasks.create", ([{"type": "image", "url": "x"}],), {}, "type must be one of 'text', 'file', 'voice'"),
        ("v2.tasks.create", ([{"type": "file", "file_id": "f", "file_url": "u"}],), {}, "exactly one of"),
        ("v2.tasks.create", ("hi",), {"share_visibility": "everyone"}, "share_visibility must be one of"),
        ("v2.tasks.create", ("hi",), {"interactive_mode": "yes"}, "interactive_mode must be a bool"),
        ("v2.tasks.create", ({"content": "hi", "connectors": ["a"]},), {"connectors": ["b"]}, "given both"),
        ("v2.tasks.create", ({"content": "hi", "colour": "red"},), {}, "unknown key"),
        ("v2.tasks.list", (), {"limit": 101}, "limit must be between 1 and 100"),
        ("v2.tasks.list", (), {"scope": "project"}, "needs project_id"),
        ("v2.tasks.list_messages", ("t1",), {"limit": 0}, "limit must be between 1 and 200"),
        ("v2.tasks.list_messages", ("t1",), {"order": "newest"}, "order must be one of 'asc', 'desc'"),
        ("v2.tasks.update", ("t1",), {}, "at least one"),
        ("v2.tasks.delete", ("agent-default-main_task",), {}, "cannot be deleted"),
        ("v2.tasks.retrieve", ("",), {}, "task_id"),
        ("v2.websites.status", (), {}, "exactly one of task_id or website_id"),
        ("v2.websites.status", (), {"task_id": "t", "website_id": "w"}, "exactly one of"),
        ("v2.websites.update", (), {"task_id": "t"}, "title and/or visibility"),
        ("v2.webhooks.create", ("ftp://x",), {}, "absolute https URL"),
        ("v2.usage.team_statistic", (), {"start_date": 5, "end_date": 1}, "start_date must not be after"),
    ],
)
async def test_bad_input_is_refused_before_sending(
    client: AnyClient, router: respx.MockRouter, dotted: str, args: tuple[Any, ...], kwargs: dict[str, Any], error: str
) -> None:
    with pytest.raises((ValueError, TypeError), match=error):
        await call(client, dotted, *args, **kwargs)
    assert not router.calls


async def test_unknown_request_option_is_refused(client: AnyClient) -> None:
    with pytest.raises(TypeError, match="unknown request option"):
        await call(client, "v2.tasks.retrieve", "t1", extra_heders={})


# --- pagination ---------------------------------------------------------------------------------------


async def test_lists_walk_every_page_lazily(client: AnyClient, router: respx.MockRouter) -> None:
    def pages(request: httpx.Request) -> httpx.Response:
        cursor = request.url.params.get("cursor")
        if cursor is None:
            return httpx.Response(200, json=ok(data=[{"id": "a"}, {"id": "b"}], has_more=True, next_cursor="c2"))
        return httpx.Response(200, json=ok(data=[{"id": "c"}], has_more=False))

    route = router.get("/v2/task.list").mock(side_effect=pages)
    assert [t.id for t in await collect(await call(client, "v2.tasks.list", limit=2))] == ["a", "b", "c"]
    assert [c.request.url.params.get("cursor") for c in route.calls] == [None, "c2"]


async def test_a_cursor_that_does_not_advance_raises(client: AnyClient, router: respx.MockRouter) -> None:
    router.get("/v2/task.list").respond(json=ok(data=[{"id": "a"}], has_more=True, next_cursor="same"))
    with pytest.raises(CursorNotAdvancingError):
        await collect(await call(client, "v2.tasks.list", cursor="same"))


# --- events -------------------------------------------------------------------------------------------


def test_unknown_event_types_keep_their_payload_and_timestamps_parse_in_both_units() -> None:
    generic = parse_event({"id": "x", "type": "brand_new", "timestamp": "1764187289", "brand_new": {"k": [1]}})
    assert generic.type == "brand_new"
    assert generic.payload == {"k": [1]}
    assert generic.timestamp == 1764187289.0
    ms = parse_event({"id": "y", "type": "user_stop", "timestamp": 1764187289500})
    assert ms.timestamp == pytest.approx(1764187289.5)


# --- files and public key -----------------------------------------------------------------------------


async def test_upload_puts_the_bytes_without_any_key_and_polls_to_uploaded(
    client: AnyClient, router: respx.MockRouter
) -> None:
    router.post("/v2/file.upload").respond(
        json=ok(
            file={"id": "f1", "filename": "a.txt", "status": "pending"},
            upload_url="https://s3.example/put?sig=1",
            upload_expires_at=1764187469,
        )
    )
    put = router.route(method="PUT", scheme="https", host="s3.example", path="/put").respond(200)
    detail = router.get("/v2/file.detail").mock(
        side_effect=[
            httpx.Response(200, json=ok(file={"id": "f1", "status": "pending"})),
            httpx.Response(200, json=ok(file={"id": "f1", "status": "uploaded", "bytes": 3})),
        ]
    )
    done = await call(client, "v2.files.upload", b"abc", filename="a.txt")
    assert done.status == "uploaded"
    assert detail.call_count == 2
    sent = put.calls.last.request
    assert sent.content == b"abc"
    assert sent.headers["content-type"] == "text/plain"
    assert not {"x-manus-api-key", "api_key", "authorization"} & {k.lower() for k in sent.headers}
    assert TEST_KEY not in str(sent.headers)


async def test_public_key_is_cached(client: AnyClient, router: respx.MockRouter) -> None:
    route = router.get("/v2/webhook.publicKey").respond(json=ok(public_key="PEM", algorithm="RSA-SHA256"))
    first = await call(client, "v2.webhooks.public_key")
    second = await call(client, "v2.webhooks.public_key")
    assert first is second
    assert route.call_count == 1
    await call(client, "v2.webhooks.public_key", refresh=True)
    assert route.call_count == 2


async def test_unknown_fields_are_kept(client: AnyClient, router: respx.MockRouter) -> None:
    router.get("/v2/task.detail").respond(json=ok(task={"id": "t1", "status": "running", "brand_new": {"x": 1}}))
    task = await call(client, "v2.tasks.retrieve", "t1")
    assert task.model_extra == {"brand_new": {"x": 1}}


async def test_waiting_for_reads_the_newest_status(client: AnyClient, router: respx.MockRouter) -> None:
    waiting_event = {
        "id": "e2",
        "type": "status_update",
        "timestamp": 2,
        "status_update": {
            "agent_status": "waiting",
            "status_detail": {"waiting_for_event_id": "evt_9", "waiting_for_event_type": "deployAction"},
        },
    }
    router.get("/v2/task.listMessages").respond(json=ok(messages=[waiting_event], has_more=False))
    found = await call(client, "v2.tasks.waiting_for", "t1")
    assert found is not None
    assert (found.waiting_for_event_id, found.waiting_for_event_type) == ("evt_9", "deployAction")


async def test_confirm_takes_the_status_update_event_itself(client: AnyClient, router: respx.MockRouter) -> None:
    route = router.post("/v2/task.confirmAction").respond(json=ok(task_id="t1", confirmed=True))
    event = parse_event(
        {
            "id": "e2",
            "type": "status_update",
            "timestamp": 2,
            "status_update": {
                "agent_status": "waiting",
                "status_detail": {"waiting_for_event_id": "evt_9", "waiting_for_event_type": "deployAction"},
            },
        }
    )
    await call(client, "v2.tasks.confirm", "t1", event, confirmations.deploy())
    assert json.loads(route.calls.last.request.content)["event_id"] == "evt_9"


def test_a_webhooks_structured_output_parses_into_the_model() -> None:
    from manus_openai.webhooks import TaskStoppedEvent
    from manus_openai.webhooks import parse_event as parse_webhook

    event = parse_webhook(
        {
            "event_id": "task_stopped_t1",
            "event_type": "task_stopped",
            "task_detail": {
                "task_id": "t1",
                "task_title": "T",
                "task_url": "u",
                "message": "done",
                "stop_reason": "finish",
                "structured_output": {"success": True, "value": {"city": "Kyoto", "zip": None}, "error": None},
            },
        }
    )
    assert isinstance(event, TaskStoppedEvent)
    assert event.structured_output is not None
    assert parse_result(event.structured_output, Address) == Address(city="Kyoto")
