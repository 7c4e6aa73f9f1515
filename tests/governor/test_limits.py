"""Which budget each request spends, and how long it may wait for it."""

from __future__ import annotations

import httpx
import pytest
from openai import DEFAULT_TIMEOUT

from manus_openai import DOCUMENTED_LIMITS, RateLimits
from manus_openai._compat import NOT_GIVEN
from manus_openai._governor import endpoint_for
from manus_openai._governor._limits import budget_timeout


@pytest.mark.parametrize(
    ("method", "path", "body", "expected"),
    [
        ("POST", "responses", {"input": "hi"}, "task.create"),
        ("POST", "responses", {"previous_response_id": "t1"}, "task.sendMessage"),
        ("POST", "responses", {"task_id": "t1"}, "task.sendMessage"),
        ("POST", "tasks", {"prompt": "hi"}, "task.create"),
        ("POST", "tasks", {"taskId": "t1"}, "task.sendMessage"),
        ("GET", "responses/t1", None, "task.detail"),
        ("GET", "tasks/t1", None, "task.detail"),
        ("DELETE", "responses/t1", None, "task.delete"),
        ("GET", "tasks", None, "task.list"),
        ("PUT", "tasks/t1", None, "task.update"),
        ("POST", "projects", None, "project.create"),
        ("GET", "projects", None, "project.list"),
        ("POST", "files", None, "file.upload"),
        ("GET", "files/f1", None, "file.detail"),
        ("DELETE", "files/f1", None, "file.delete"),
        ("POST", "webhooks", None, "webhook.create"),
        ("DELETE", "webhooks/w1", None, "webhook.delete"),
        ("GET", "webhook/public_key", None, "webhook.publicKey"),
        ("POST", "task.create", None, "task.create"),
        ("GET", "v2/task.listMessages", None, "task.listMessages"),
        ("GET", None, None, None),
        ("GET", "somewhere/else/entirely", None, None),
    ],
)
def test_each_request_spends_its_documented_budget(
    method: str, path: str | None, body: object, expected: str | None
) -> None:
    assert endpoint_for(method, path, body) == expected


def test_the_documented_table_is_the_default() -> None:
    limits = RateLimits()
    assert limits.limit("task.create") == limits.limit("task.sendMessage") == 10
    assert limits.limit("task.detail") == 100
    assert limits.limit("usage.list") == 600
    assert dict(limits.per_minute) == dict(DOCUMENTED_LIMITS)
    assert RateLimits(per_minute={"task.create": None}).limit("task.create") is None


@pytest.mark.parametrize(
    ("per_request", "client", "expected"),
    [
        (NOT_GIVEN, DEFAULT_TIMEOUT, None),  # the SDK's default is not a statement of patience
        (NOT_GIVEN, 30.0, 30.0),
        (NOT_GIVEN, httpx.Timeout(20.0, connect=2.0), 20.0),
        (5.0, DEFAULT_TIMEOUT, 5.0),
        (None, 30.0, None),
        (httpx.Timeout(None, connect=3.0), DEFAULT_TIMEOUT, 3.0),
    ],
)
def test_a_request_waits_for_budget_within_its_own_timeout(
    per_request: object, client: object, expected: float | None
) -> None:
    assert budget_timeout(per_request, client, DEFAULT_TIMEOUT) == expected
