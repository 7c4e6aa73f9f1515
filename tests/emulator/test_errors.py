"""Every kind of bad request gets the documented v1 error (400 code 3 naming the field, 401, 404
code 5), never a 500."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from manus_openai.emulator import Emulator

from . import shapes

TEXT = [{"role": "user", "content": [{"type": "input_text", "text": "hi"}]}]


def _parts(*parts: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"role": "user", "content": [{"type": "input_text", "text": "hi"}, *parts]}]


BAD_BODIES: list[tuple[str, str, object, str]] = [
    # (method, path, json body, field the message must start with)
    ("POST", "/responses", {}, "input"),
    ("POST", "/responses", {"input": ""}, "input"),
    ("POST", "/responses", {"input": []}, "input"),
    ("POST", "/responses", {"input": 42}, "input"),
    ("POST", "/responses", {"input": ["text"]}, "input[0]"),
    ("POST", "/responses", {"input": [{"role": "tool", "content": "x"}]}, "input[0].role"),
    ("POST", "/responses", {"input": [{"role": "user", "content": []}]}, "input[0].content"),
    ("POST", "/responses", {"input": [{"role": "user", "content": [{"type": "input_audio"}]}]}, "input[0].content[0].type"),  # noqa: E501
    ("POST", "/responses", {"input": [{"role": "user", "content": [{"type": "input_text", "text": 3}]}]}, "input[0].content[0].text"),  # noqa: E501
    ("POST", "/responses", {"input": _parts({"type": "input_file"})}, "input[0].content[1]"),
    ("POST", "/responses", {"input": _parts({"type": "input_file", "file_url": "ftp://x/y"})}, "input[0].content[1].file_url"),  # noqa: E501
    ("POST", "/responses", {"input": _parts({"type": "input_file", "file_id": "file-nope"})}, "input[0].content[1].file_id"),  # noqa: E501
    ("POST", "/responses", {"input": _parts({"type": "input_file", "file_data": "bm90IGEgZGF0YSB1cmw="})}, "input[0].content[1].file_data"),  # noqa: E501
    ("POST", "/responses", {"input": _parts({"type": "input_file", "file_data": "data:text/plain;base64,@@@"})}, "input[0].content[1].file_data"),  # noqa: E501
    ("POST", "/responses", {"input": _parts({"type": "input_image", "image_url": 5})}, "input[0].content[1].image_url"),
    ("POST", "/responses", {"input": TEXT, "agent_profile": "turbo"}, "agent_profile"),
    ("POST", "/responses", {"input": TEXT, "task_mode": "autopilot"}, "task_mode"),
    ("POST", "/responses", {"input": TEXT, "create_shareable_link": "yes"}, "create_shareable_link"),
    ("POST", "/responses", {"input": TEXT, "metadata": {"a": 1}}, "metadata"),
    ("POST", "/responses", {"input": TEXT, "stream": True}, "stream"),
    ("POST", "/responses", {"input": TEXT, "project_id": "proj_missing"}, "project_id"),
    ("POST", "/responses", {"input": "hi [[manus:sleep=3]]"}, "prompt"),
    ("POST", "/responses", {"input": "hi [[manus:duration=soon]]"}, "prompt"),
    ("POST", "/tasks", {}, "prompt"),
    ("POST", "/tasks", {"prompt": 1}, "prompt"),
    ("POST", "/tasks", {"prompt": "x", "agentProfile": "gpt-5"}, "agentProfile"),
    ("POST", "/tasks", {"prompt": "x", "connectors": "gmail"}, "connectors"),
    ("POST", "/tasks", {"prompt": "x", "hideInTaskList": 1}, "hideInTaskList"),
    ("POST", "/tasks", {"prompt": "x", "attachments": {}}, "attachments"),
    ("POST", "/tasks", {"prompt": "x", "attachments": [{"filename": "a"}]}, "attachments[0]"),
    ("POST", "/tasks", {"prompt": "x", "attachments": [{"url": "https://e.com/a"}]}, "attachments[0].filename"),
    ("POST", "/tasks", {"prompt": "x", "attachments": [{"type": "zip", "url": "https://e.com/a"}]}, "attachments[0].type"),  # noqa: E501
    ("POST", "/tasks", {"prompt": "x", "attachments": [{"filename": "a", "fileData": "nope"}]}, "attachments[0].fileData"),  # noqa: E501
    ("POST", "/tasks", {"prompt": "x", "projectId": "proj_missing"}, "projectId"),
    ("PUT", "/tasks/{task}", {"title": 5}, "title"),
    ("PUT", "/tasks/{task}", {"enableShared": "true"}, "enableShared"),
    ("PUT", "/tasks/{task}", {"title": " "}, "title"),
    ("POST", "/projects", {}, "name"),
    ("POST", "/projects", {"name": "p", "instruction": []}, "instruction"),
    ("POST", "/files", {}, "filename"),
    ("POST", "/files", {"filename": ""}, "filename"),
    ("POST", "/webhooks", {}, "webhook.url"),
    ("POST", "/webhooks", {"webhook": "https://x"}, "webhook"),
    ("POST", "/webhooks", {"webhook": {"url": "not a url"}}, "webhook.url"),
    ("POST", "/webhooks", {"url": 3}, "url"),
]  # fmt: skip


@pytest.mark.parametrize(("method", "path", "body", "field"), BAD_BODIES)
def test_bad_body_is_a_400_naming_the_field(
    shared_http: httpx.Client, method: str, path: str, body: object, field: str
) -> None:
    task = shared_http.post("/tasks", json={"prompt": "target"}).json()["task_id"]
    response = shared_http.request(method, path.format(task=task), json=body)
    assert response.status_code == 400, response.text
    shapes.error(response.json(), 3)
    assert response.json()["message"].startswith(field + ":"), response.json()["message"]


@pytest.mark.parametrize("path", ["/responses", "/tasks", "/projects", "/files", "/webhooks"])
@pytest.mark.parametrize("raw", [b"{", b"[1, 2]", b'"text"', b"\xff\xfe", b"null"])
def test_invalid_json_is_a_400(shared_http: httpx.Client, path: str, raw: bytes) -> None:
    response = shared_http.post(path, content=raw, headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    shapes.error(response.json(), 3)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("limit=0", "limit"),
        ("limit=1001", "limit"),
        ("limit=ten", "limit"),
        ("order=up", "order"),
        ("orderBy=title", "orderBy"),
        ("order_by=title", "order_by"),
        ("status=done", "status"),
        ("status[]=stopped", "status"),
        ("createdAfter=yesterday", "createdAfter"),
        ("created_before=1.5", "created_before"),
        ("after=unknown-cursor", "after"),
    ],
)
def test_bad_list_query_is_a_400(shared_http: httpx.Client, query: str, field: str) -> None:
    response = shared_http.get(f"/tasks?{query}")
    assert response.status_code == 400
    shapes.error(response.json(), 3)
    assert response.json()["message"].startswith(field + ":")


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/responses/nope"),
        ("DELETE", "/responses/nope"),
        ("GET", "/tasks/nope"),
        ("PUT", "/tasks/nope"),
        ("DELETE", "/tasks/nope"),
        ("GET", "/files/nope"),
        ("DELETE", "/files/nope"),
        ("DELETE", "/webhooks/nope"),
        ("GET", "/no-such-endpoint"),
        ("GET", "/v2-nope/task.list"),
    ],
)
def test_unknown_ids_are_404_code_5(shared_http: httpx.Client, method: str, path: str) -> None:
    response = shared_http.request(method, path, json={} if method == "PUT" else None)
    assert response.status_code == 404
    shapes.error(response.json(), 5)


def test_wrong_method_is_405(shared_http: httpx.Client) -> None:
    response = shared_http.patch("/tasks")
    assert response.status_code == 405
    shapes.error(response.json(), 12)


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"API_KEY": "wrong"},
        {"Authorization": "Bearer manus-emulator-key"},
        {"x-manus-api-key": "manus-emulator-key"},
    ],
)
def test_missing_or_wrong_key_is_an_instructive_401(shared_emu: Emulator, headers: dict[str, str]) -> None:
    response = httpx.get(shared_emu.base_url + "/tasks", headers=headers)
    assert response.status_code == 401
    shapes.error(response.json(), 16)
    assert "API_KEY" in response.json()["message"]
    assert "Bearer" in response.json()["message"]


def test_header_name_is_case_insensitive(shared_emu: Emulator) -> None:
    assert httpx.get(shared_emu.base_url + "/tasks", headers={"api_key": shared_emu.api_key}).status_code == 200


def test_credit_limit_is_code_8() -> None:
    with (
        Emulator(credit_limit=3, task_duration=0) as emu,
        httpx.Client(base_url=emu.base_url, headers={"API_KEY": emu.api_key}) as http,
    ):
        for _ in range(3):
            assert http.post("/tasks", json={"prompt": "spend"}).status_code == 200
        refused = http.post("/responses", json={"input": "one more"})
    assert refused.status_code == 429
    assert "retry-after" not in refused.headers
    shapes.error(refused.json(), 8)
    assert refused.json()["message"].startswith("Credit limit exceeded")
