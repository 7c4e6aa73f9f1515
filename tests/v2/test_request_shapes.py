"""Every v2 method at the transport level (sync and async): method, URL, query, body and key header."""

from __future__ import annotations

import json
from typing import Any

import pytest
import respx

from tests.conftest import TEST_KEY
from tests.v2.conftest import AnyClient, call, collect, ok

TASK = {"id": "t1", "status": "running", "created_at": 1764187289, "title": "T"}
FILE = {"id": "f1", "filename": "a.txt", "status": "uploaded", "created_at": 1764187289}
HOOK = {"id": "w1", "url": "https://example.com/h", "status": "active", "created_at": 1764187289}

# (dotted method, args, kwargs, HTTP method, endpoint, sent query or body, reply payload)
CASES: list[tuple[str, tuple[Any, ...], dict[str, Any], str, str, dict[str, Any], dict[str, Any]]] = [
    (
        "v2.tasks.create",
        ("hi",),
        {
            "interactive_mode": True,
            "locale": "en",
            "title": "T",
            "connectors": ["c1"],
            "share_visibility": "team",
            "agent_profile": "manus-1.6",
            "project_id": "p1",
            "hide_in_task_list": False,
        },
        "POST",
        "task.create",
        {
            "message": {"content": "hi", "connectors": ["c1"]},
            "project_id": "p1",
            "locale": "en",
            "interactive_mode": True,
            "hide_in_task_list": False,
            "share_visibility": "team",
            "agent_profile": "manus-1.6",
            "title": "T",
        },
        {"task_id": "t1", "task_title": "T", "task_url": "https://manus.im/app/t1", "share_visibility": "team"},
    ),
    ("v2.tasks.retrieve", ("t1",), {}, "GET", "task.detail", {"task_id": "t1"}, {"task": TASK}),
    (
        "v2.tasks.update",
        ("t1",),
        {"title": "New", "enable_visible_in_task_list": True},
        "POST",
        "task.update",
        {"task_id": "t1", "title": "New", "enable_visible_in_task_list": True},
        {"task_id": "t1", "task_title": "New"},
    ),
    ("v2.tasks.stop", ("t1",), {}, "POST", "task.stop", {"task_id": "t1"}, {}),
    ("v2.tasks.delete", ("t1",), {}, "POST", "task.delete", {"task_id": "t1"}, {"id": "t1", "deleted": True}),
    (
        "v2.tasks.send_message",
        ("t1", [{"type": "text", "text": "more"}, {"type": "file", "file_id": "f1"}]),
        {"agent_profile": ""},
        "POST",
        "task.sendMessage",
        {
            "task_id": "t1",
            "message": {"content": [{"type": "text", "text": "more"}, {"type": "file", "file_id": "f1"}]},
            "agent_profile": "",
        },
        {"task_id": "t1"},
    ),
    (
        "v2.tasks.confirm",
        ("t1", "evt_1", {"accept": True}),
        {},
        "POST",
        "task.confirmAction",
        {"task_id": "t1", "event_id": "evt_1", "input": {"accept": True}},
        {"task_id": "t1", "confirmed": True},
    ),
    ("v2.files.retrieve", ("f1",), {}, "GET", "file.detail", {"file_id": "f1"}, {"file": FILE}),
    ("v2.files.delete", ("f1",), {}, "POST", "file.delete", {"file_id": "f1"}, {}),
    (
        "v2.projects.create",
        ("Research",),
        {"instruction": "Cite"},
        "POST",
        "project.create",
        {"name": "Research", "instruction": "Cite"},
        {"project": {"id": "p1", "name": "Research", "created_at": 1}},
    ),
    (
        "v2.webhooks.create",
        ("https://example.com/h",),
        {},
        "POST",
        "webhook.create",
        {"url": "https://example.com/h"},
        {"webhook": HOOK},
    ),
    ("v2.webhooks.delete", ("w1",), {}, "POST", "webhook.delete", {"webhook_id": "w1"}, {}),
    (
        "v2.webhooks.public_key",
        (),
        {},
        "GET",
        "webhook.publicKey",
        {},
        {"public_key": "PEM", "algorithm": "RSA-SHA256"},
    ),
    (
        "v2.agents.retrieve",
        ("agent-default",),
        {},
        "GET",
        "agent.detail",
        {"agent_id": "agent-default"},
        {"agent": {"id": "agent-default", "task_id": "agent-default-main_task"}},
    ),
    (
        "v2.agents.update",
        ("agent-default",),
        {"nickname": "Max"},
        "POST",
        "agent.update",
        {"agent_id": "agent-default", "nickname": "Max"},
        {"agent": {"id": "agent-default", "nickname": "Max"}},
    ),
    ("v2.usage.available_credits", (), {}, "GET", "usage.availableCredits", {}, {"data": {"total_credits": 100}}),
    (
        "v2.websites.status",
        (),
        {"task_id": "t1"},
        "GET",
        "website.status",
        {"task_id": "t1"},
        {"website_id": "s1", "publish_status": "published", "site_urls": ["https://s1.manus.space"]},
    ),
    (
        "v2.websites.checkpoints",
        (),
        {"website_id": "s1"},
        "GET",
        "website.listCheckpoints",
        {"website_id": "s1"},
        {"website_id": "s1", "data": [{"version_id": "abc", "status": "success", "created_at": 1}]},
    ),
    (
        "v2.websites.publish",
        (),
        {"task_id": "t1", "visibility": "team"},
        "POST",
        "website.publish",
        {"task_id": "t1", "visibility": "team"},
        {"website_id": "s1", "version_id": "abc"},
    ),
    (
        "v2.websites.update",
        (),
        {"website_id": "s1", "title": "Site"},
        "POST",
        "website.update",
        {"website_id": "s1", "title": "Site"},
        {},
    ),
]

LISTS: list[tuple[str, dict[str, Any], str, dict[str, str], dict[str, Any]]] = [
    (
        "v2.tasks.list",
        {"limit": 5, "order": "asc", "scope": "project", "project_id": "p1"},
        "task.list",
        {"limit": "5", "order": "asc", "scope": "project", "project_id": "p1"},
        TASK,
    ),
    ("v2.projects.list", {}, "project.list", {}, {"id": "p1", "name": "R"}),
    ("v2.webhooks.list", {}, "webhook.list", {}, HOOK),
    ("v2.browsers.online", {}, "browser.onlineList", {}, {"client_id": "b1", "client_name": "Chrome", "ua": "x"}),
    ("v2.connectors.list", {}, "connector.list", {}, {"id": "9444d960-ab7e-450f-9cb9-b9467fb0adda", "name": "Gmail"}),
    ("v2.skills.list", {"project_id": "p1"}, "skill.list", {"project_id": "p1"}, {"id": "s1", "name": "S"}),
    ("v2.agents.list", {}, "agent.list", {}, {"id": "agent-default", "task_id": "agent-default-main_task"}),
    ("v2.usage.list", {"limit": 20}, "usage.list", {"limit": "20"}, {"task_id": "t1", "credits": -5, "type": "cost"}),
    (
        "v2.usage.team_statistic",
        {"start_date": 1, "end_date": 2},
        "usage.teamStatistic",
        {"start_date": "1", "end_date": "2"},
        {"date": 1, "credits": 3},
    ),
    (
        "v2.usage.team_log",
        {"sort_by": "credits", "is_asc": True},
        "usage.teamLog",
        {"sort_by": "credits", "is_asc": "true"},
        {"user_id": "u1", "credits": 3},
    ),
]


def _sent(request: Any, method: str) -> dict[str, Any]:
    if method == "GET":
        return dict(request.url.params)
    return json.loads(request.content)  # type: ignore[no-any-return]  # a JSON object body


@pytest.mark.parametrize(
    ("dotted", "args", "kwargs", "method", "endpoint", "sent", "reply"), CASES, ids=[c[0] for c in CASES]
)
async def test_method_sends_documented_request(
    client: AnyClient,
    router: respx.MockRouter,
    dotted: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    method: str,
    endpoint: str,
    sent: dict[str, Any],
    reply: dict[str, Any],
) -> None:
    route = router.route(method=method, path=f"/v2/{endpoint}").respond(json=ok(**reply))
    result = await call(client, dotted, *args, **kwargs)
    assert route.call_count == 1
    request = route.calls.last.request
    assert _sent(request, method) == sent
    assert request.headers["x-manus-api-key"] == TEST_KEY
    assert "api_key" not in request.headers
    assert "authorization" not in request.headers
    if method == "POST":
        assert request.headers["content-type"] == "application/json"
    assert result is not None


@pytest.mark.parametrize(("dotted", "kwargs", "endpoint", "query", "item"), LISTS, ids=[c[0] for c in LISTS])
async def test_list_sends_documented_query_and_types_items(
    client: AnyClient,
    router: respx.MockRouter,
    dotted: str,
    kwargs: dict[str, Any],
    endpoint: str,
    query: dict[str, str],
    item: dict[str, Any],
) -> None:
    route = router.get(f"/v2/{endpoint}").respond(json=ok(data=[item]))
    items = await collect(await call(client, dotted, **kwargs))
    assert route.call_count == 1
    assert dict(route.calls.last.request.url.params) == query
    assert len(items) == 1
    assert type(items[0]).__module__ == "manus_openai.types.v2.account" or type(items[0]).__name__ == "V2Task"


async def test_list_messages_sends_query_and_types_events(client: AnyClient, router: respx.MockRouter) -> None:
    route = router.get("/v2/task.listMessages").respond(
        json=ok(
            task_id="t1",
            has_more=False,
            messages=[
                {"id": "e1", "type": "status_update", "timestamp": 1, "status_update": {"agent_status": "running"}}
            ],
        )
    )
    page = await call(
        client, "v2.tasks.list_messages", "t1", limit=200, order="asc", verbose=True, slides_format="pptx"
    )
    events = await collect(page)
    assert dict(route.calls.last.request.url.params) == {
        "task_id": "t1",
        "limit": "200",
        "order": "asc",
        "verbose": "true",
        "slides_format": "pptx",
    }
    assert [type(e).__name__ for e in events] == ["StatusUpdateEvent"]


async def test_v2_lives_beside_v1_under_a_proxy_prefix(router: respx.MockRouter) -> None:
    from manus_openai import ManusOpenAI

    with respx.mock(base_url="https://proxy.example/manus") as mock:
        route = mock.get("/v2/task.detail").respond(json=ok(task=TASK))
        with ManusOpenAI(api_key=TEST_KEY, base_url="https://proxy.example/manus/v1") as c:
            assert c.v2.tasks.retrieve("t1").id == "t1"
        assert route.call_count == 1
