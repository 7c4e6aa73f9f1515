"""Bad input on every v2 endpoint gets a documented 4xx envelope, never a 500."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from manus_openai.emulator._v2_http import ENDPOINTS

WRONG_TYPES: dict[str, Any] = {
    "task_id": 5,
    "message": 5,
    "limit": "x",
    "cursor": 3,
    "input": "x",
    "event_id": [],
    "file_id": {},
    "webhook_id": 1,
    "url": 1,
    "name": 1,
    "agent_id": 1,
    "project_id": 1,
    "website_id": 1,
    "title": 1,
    "visibility": 1,
    "filename": 1,
    "nickname": 1,
    "structured_output_schema": [],
    "share_visibility": 1,
    "start_date": "x",
    "order": 1,
}
QUERIES: list[dict[str, str]] = [
    {},
    {k: "" for k in WRONG_TYPES},
    {k: "%00\u2603" for k in WRONG_TYPES},
    {"limit": "-1", "cursor": "!!", "order": "x", "verbose": "x", "task_id": "agent-default"},
]
BODIES: list[Any] = [{}, WRONG_TYPES, {k: None for k in WRONG_TYPES}, {k: "" for k in WRONG_TYPES}]


def assert_envelope(response: httpx.Response) -> None:
    assert response.status_code < 500, response.text
    body = response.json()
    assert body["ok"] is (response.status_code == 200), body
    if not body["ok"]:
        assert set(body["error"]) == {"code", "message"}


@pytest.mark.parametrize("name", sorted(ENDPOINTS))
def test_bad_input_is_never_a_500(v2: httpx.Client, name: str) -> None:
    if ENDPOINTS[name].method == "GET":
        for query in QUERIES:
            assert_envelope(v2.get(f"/{name}", params=query))
    else:
        for body in BODIES:
            assert_envelope(v2.post(f"/{name}", json=body))
        assert_envelope(v2.post(f"/{name}", content=b"\xff\xfe", headers={"Content-Type": "application/json"}))
