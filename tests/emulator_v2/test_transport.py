"""v2 transport and auth (manus-api.md §6.1): envelope, methods, the auth matrix, OAuth scopes, faults."""

from __future__ import annotations

import httpx
import pytest

from manus_openai.emulator import Emulator, Fault

from . import shapes
from .conftest import create, fails, ok

READS = [
    "task.list",
    "project.list",
    "webhook.list",
    "webhook.publicKey",
    "browser.onlineList",
    "connector.list",
    "skill.list",
    "agent.list",
    "usage.list",
    "usage.availableCredits",
]


@pytest.mark.parametrize("endpoint", READS)
def test_reads_answer_the_envelope(v2: httpx.Client, endpoint: str) -> None:
    body = ok(v2.get(f"/{endpoint}"))
    assert body["ok"] is True


def test_request_ids_are_unique(v2: httpx.Client) -> None:
    ids = {ok(v2.get("/task.list"))["request_id"] for _ in range(5)}
    assert len(ids) == 5


@pytest.mark.parametrize(
    ("headers", "status", "code"),
    [
        ({}, 401, "unauthenticated"),
        ({"x-manus-api-key": "wrong"}, 401, "unauthenticated"),
        ({"API_KEY": "manus-emulator-key"}, 401, "unauthenticated"),  # the v1 header does not count on v2
        ({"Authorization": "Bearer manus-emulator-key"}, 401, "unauthenticated"),  # the key is not a token
        ({"Authorization": "Bearer unknown-token"}, 401, "unauthenticated"),
        ({"Authorization": "Basic abc"}, 401, "unauthenticated"),
        ({"x-manus-api-key": "manus-emulator-key", "Authorization": "Bearer tok-all"}, 400, "invalid_argument"),
    ],
)
def test_auth_matrix_refusals(emu: Emulator, headers: dict[str, str], status: int, code: str) -> None:
    emu.add_oauth_token("tok-all", scopes=["manage_all_tasks"])
    fails(httpx.get(emu.v2_url + "/task.list", headers=headers), status, code)


def test_v1_keeps_its_api_key_header(emu: Emulator) -> None:
    assert httpx.get(emu.base_url + "/tasks", headers={"x-manus-api-key": emu.api_key}).status_code == 401
    assert httpx.get(emu.base_url + "/tasks", headers={"API_KEY": emu.api_key}).status_code == 200


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.parametrize("endpoint", ["webhook.publicKey", "usage.availableCredits"])
def test_api_key_only_endpoints_refuse_even_trusted_tokens(emu: Emulator, endpoint: str) -> None:
    emu.add_oauth_token("trusted", trusted=True)
    message = fails(httpx.get(f"{emu.v2_url}/{endpoint}", headers=bearer("trusted")), 403, "permission_denied")
    assert "API key" in message
    ok(httpx.get(f"{emu.v2_url}/{endpoint}", headers=emu.v2_headers))


def test_website_update_is_api_key_only(emu: Emulator) -> None:
    emu.add_oauth_token("trusted", trusted=True)
    response = httpx.post(emu.v2_url + "/website.update", json={"task_id": "x"}, headers=bearer("trusted"))
    fails(response, 403, "permission_denied")


@pytest.mark.parametrize("endpoint", ["agent.list", "webhook.list", "usage.list"])
def test_standard_tokens_cannot_call_account_endpoints(emu: Emulator, endpoint: str) -> None:
    emu.add_oauth_token("std", scopes=["manage_all_tasks"])
    emu.add_oauth_token("trusted", trusted=True)
    fails(httpx.get(f"{emu.v2_url}/{endpoint}", headers=bearer("std")), 403, "permission_denied")
    ok(httpx.get(f"{emu.v2_url}/{endpoint}", headers=bearer("trusted")))


@pytest.mark.parametrize(
    ("endpoint", "scope"),
    [("connector.list", "use_connectors"), ("browser.onlineList", "use_my_browsers"), ("task.list", "create_task")],
)
def test_scopes_gate_endpoints(emu: Emulator, endpoint: str, scope: str) -> None:
    emu.add_oauth_token("none", scopes=["create_project"])
    emu.add_oauth_token("right", scopes=[scope])
    message = fails(httpx.get(f"{emu.v2_url}/{endpoint}", headers=bearer("none")), 403, "permission_denied")
    assert scope in message
    ok(httpx.get(f"{emu.v2_url}/{endpoint}", headers=bearer("right")))


def test_create_task_scope_sees_only_its_apps_tasks(emu: Emulator, v2: httpx.Client) -> None:
    emu.add_oauth_token("app-a", scopes=["create_task"], app_id="a")
    emu.add_oauth_token("app-b", scopes=["create_task"], app_id="b")
    emu.add_oauth_token("admin", scopes=["manage_all_tasks"], app_id="c")
    mine = ok(httpx.post(emu.v2_url + "/task.create", json={"message": {"content": "A"}}, headers=bearer("app-a")))[
        "task_id"
    ]
    by_key = create(v2, "by key")
    listed = ok(httpx.get(emu.v2_url + "/task.list", headers=bearer("app-a")))["data"]
    assert [t["id"] for t in listed] == [mine]
    assert "created_by_api_key" not in listed[0]  # an app, not the API key, created it
    fails(httpx.get(emu.v2_url + "/task.detail", params={"task_id": by_key}, headers=bearer("app-a")), 404, "not_found")
    fails(httpx.get(emu.v2_url + "/task.detail", params={"task_id": mine}, headers=bearer("app-b")), 404, "not_found")
    ok(httpx.get(emu.v2_url + "/task.detail", params={"task_id": mine}, headers=bearer("admin")))
    assert len(ok(httpx.get(emu.v2_url + "/task.list", headers=bearer("admin")))["data"]) == 2


def test_oauth_token_registration_is_checked(emu: Emulator) -> None:
    with pytest.raises(ValueError, match="unknown scopes"):
        emu.add_oauth_token("t", scopes=["everything"])
    with pytest.raises(ValueError, match="API key"):
        emu.add_oauth_token(emu.api_key)


def test_tokens_are_redacted_in_the_request_log(emu: Emulator) -> None:
    emu.add_oauth_token("secret-token-123")
    httpx.get(emu.v2_url + "/task.list", headers=bearer("secret-token-123"))
    httpx.get(emu.v2_url + "/task.list", headers=emu.v2_headers)
    logged = repr([r.headers for r in emu.requests])
    assert "secret-token-123" not in logged
    assert emu.api_key not in logged


@pytest.mark.parametrize(
    ("method", "path", "status", "code"),
    [
        ("GET", "/task.create", 405, "unimplemented"),
        ("POST", "/task.detail", 405, "unimplemented"),
        ("GET", "/task.nope", 404, "not_found"),
        ("POST", "/nope", 404, "not_found"),
    ],
)
def test_wrong_method_and_unknown_endpoint(v2: httpx.Client, method: str, path: str, status: int, code: str) -> None:
    fails(v2.request(method, path), status, code)


@pytest.mark.parametrize("body", [b"{not json", b"[1, 2]", b'"text"'])
def test_a_body_that_is_not_a_json_object_is_a_400(v2: httpx.Client, body: bytes) -> None:
    response = v2.post("/task.create", content=body, headers={"Content-Type": "application/json"})
    fails(response, 400, "invalid_argument", "body")


def test_injected_faults_answer_in_the_v2_shape(emu: Emulator, v2: httpx.Client) -> None:
    emu.faults.add(Fault.server_error(503), "GET", "/v2/task.list", times=1)
    emu.faults.add(Fault.rate_limited(retry_after=2), "POST", "/v2/task.create", times=1)
    fails(v2.get("/task.list"), 503, "unavailable")
    response = v2.post("/task.create", json={"message": {"content": "x"}})
    fails(response, 429, "rate_limited")
    assert response.headers["Retry-After"] == "2"
    ok(v2.get("/task.list"))


def test_timestamps_are_integers_everywhere(v2: httpx.Client, emu: Emulator) -> None:
    task_id = create(v2, "Times [[manus:progress=1]]")
    emu.advance(6)
    shapes.task(ok(v2.get("/task.detail", params={"task_id": task_id}))["task"])
    for event in ok(v2.get("/task.listMessages", params={"task_id": task_id, "verbose": "true"}))["messages"]:
        shapes.event(event)
    project = ok(v2.post("/project.create", json={"name": "P"}))["project"]
    assert type(project["created_at"]) is int
    upload = ok(v2.post("/file.upload", json={"filename": "a.txt"}))
    assert type(upload["upload_expires_at"]) is int
    assert type(upload["file"]["created_at"]) is int


@pytest.mark.slow
def test_cli_serves_v2_with_rate_limits() -> None:
    import os
    import subprocess
    import sys

    command = [sys.executable, "-m", "manus_openai.emulator", "--port", "0", "--api-key", "k", "--rate-limits"]
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline().strip() for _ in range(4)]
        v2_url = lines[3].split()[2].rsplit("/", 1)[0]
        assert lines[3].endswith("with the header x-manus-api-key")
        for _ in range(10):
            ok(
                httpx.post(
                    v2_url + "/task.create", json={"message": {"content": "x"}}, headers={"x-manus-api-key": "k"}
                )
            )
        refused = httpx.post(
            v2_url + "/task.create", json={"message": {"content": "x"}}, headers={"x-manus-api-key": "k"}
        )
        fails(refused, 429, "rate_limited")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        assert proc.stdout is not None
        assert proc.stderr is not None
        proc.stdout.close()
        proc.stderr.close()
