"""project.*, file.*, webhook.* (with signed v2 deliveries), browser/connector/skill, agent.*, usage.*,
website.* (manus-api.md §5, §6.11-§6.14)."""

from __future__ import annotations

import base64
import hashlib
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding

from manus_openai.emulator import Emulator, ManualClock

from . import shapes
from .conftest import TASK_DURATION, create, fails, ok


def test_projects(v2: httpx.Client) -> None:
    body = ok(v2.post("/project.create", json={"name": "Reports", "instruction": "Be brief"}))
    shapes.envelope(body, {"project": dict})
    shapes.check(body["project"], {"id": str, "name": str, "created_at": int, "instruction": str})
    listed = ok(v2.get("/project.list"))
    shapes.envelope(listed, {"data": list})
    assert [p["id"] for p in listed["data"]] == [body["project"]["id"]]
    fails(v2.post("/project.create", json={}), 400, "invalid_argument", "name")
    fails(v2.post("/project.create", json={"name": "  "}), 400, "invalid_argument", "name")
    fails(v2.post("/project.create", json={"name": "x", "instruction": 5}), 400, "invalid_argument", "instruction")


def test_file_upload_put_detail_delete(v2: httpx.Client, clock: ManualClock) -> None:
    body = ok(v2.post("/file.upload", json={"filename": "data.csv"}))
    shapes.envelope(body, {"file": dict, "upload_url": str, "upload_expires_at": int})
    shapes.check(body["file"], {"id": str, "filename": str, "status": str, "created_at": int})
    assert body["upload_expires_at"] - body["file"]["created_at"] == 180
    file_id = body["file"]["id"]
    detail = ok(v2.get("/file.detail", params={"file_id": file_id}))["file"]
    assert detail["status"] == "pending"
    assert detail["bytes"] is None
    assert detail["expires_at"] is None
    assert httpx.put(body["upload_url"], content=b"a,b\n1,2\n").status_code == 200
    detail = ok(v2.get("/file.detail", params={"file_id": file_id}))["file"]
    shapes.check(
        detail,
        {"id": str, "filename": str, "status": str, "created_at": int, "content_type": str},
        {"bytes": int, "expires_at": int, "error_message": type(None)},
    )
    assert detail["status"] == "uploaded"
    assert detail["bytes"] == 8
    assert detail["content_type"] == "text/csv"
    assert detail["expires_at"] == int(clock.now()) + 48 * 3600
    clock.advance(48 * 3600)
    assert ok(v2.get("/file.detail", params={"file_id": file_id}))["file"]["status"] == "deleted"
    shapes.envelope(ok(v2.post("/file.delete", json={"file_id": file_id})), {})
    fails(v2.get("/file.detail", params={"file_id": file_id}), 404, "not_found")
    fails(v2.post("/file.delete", json={"file_id": file_id}), 404, "not_found")


@pytest.mark.parametrize(
    ("filename", "problem"),
    [(None, "required"), ("noext", "extension"), ("setup.exe", "executable"), ("run.SH", "executable"), (5, "string")],
)
def test_file_upload_refusals(v2: httpx.Client, filename: Any, problem: str) -> None:
    body = {} if filename is None else {"filename": filename}
    assert problem in fails(v2.post("/file.upload", json=body), 400, "invalid_argument", "filename")


def test_upload_url_expires_after_3_minutes(v2: httpx.Client, clock: ManualClock) -> None:
    body = ok(v2.post("/file.upload", json={"filename": "late.txt"}))
    clock.advance(181)
    response = httpx.put(body["upload_url"], content=b"x")
    assert response.status_code == 403
    assert "<Code>AccessDenied</Code>" in response.text


class Receiver:
    def __init__(self) -> None:
        self.received: list[tuple[dict[str, str], bytes]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append(({k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook?v=2"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()


def test_webhooks_and_signed_v2_deliveries(emu: Emulator, v2: httpx.Client, receiver: Receiver) -> None:
    created = ok(v2.post("/webhook.create", json={"url": receiver.url}))
    shapes.envelope(created, {"webhook": dict})
    shapes.check(created["webhook"], {"id": str, "url": str, "status": str, "created_at": int})
    assert created["webhook"]["status"] == "active"
    assert [w["id"] for w in ok(v2.get("/webhook.list"))["data"]] == [created["webhook"]["id"]]
    key = ok(v2.get("/webhook.publicKey"))
    shapes.envelope(key, {"public_key": str, "algorithm": str})
    assert key["algorithm"] == "RSA-SHA256"
    schema = {
        "type": "object",
        "properties": {"n": {"type": "integer"}},
        "required": ["n"],
        "additionalProperties": False,
    }
    task_id = create(v2, "Hooked [[manus:progress=0]]", structured_output_schema=schema)
    emu.advance(TASK_DURATION)
    assert emu.wait_for_webhooks(10)
    payloads = [json.loads(body) for _, body in receiver.received]
    assert [p["event_type"] for p in payloads] == ["task_created", "task_stopped"]
    stopped = payloads[1]["task_detail"]
    assert stopped["task_id"] == task_id
    assert stopped["stop_reason"] == "finish"
    assert stopped["structured_output"] == {"success": True, "value": {"n": 0}, "error": None}
    public = serialization.load_pem_public_key(key["public_key"].encode())
    for headers, body in receiver.received:
        signed = f"{headers['x-webhook-timestamp']}.{receiver.url}.{hashlib.sha256(body).hexdigest()}".encode()
        public.verify(base64.b64decode(headers["x-webhook-signature"]), signed, padding.PKCS1v15(), hashes.SHA256())  # type: ignore[union-attr]  # an RSA key
    shapes.envelope(ok(v2.post("/webhook.delete", json={"webhook_id": created["webhook"]["id"]})), {})
    fails(v2.post("/webhook.delete", json={"webhook_id": created["webhook"]["id"]}), 404, "not_found")
    fails(v2.post("/webhook.create", json={"url": "not a url"}), 400, "invalid_argument", "url")
    fails(v2.post("/webhook.create", json={}), 400, "invalid_argument", "url")


def test_confirmation_waits_send_task_stopped_with_ask(emu: Emulator, v2: httpx.Client, receiver: Receiver) -> None:
    ok(v2.post("/webhook.create", json={"url": receiver.url}))
    create(v2, "Send [[manus:wait=gmailSendAction]] [[manus:progress=0]]")
    emu.advance(TASK_DURATION)
    assert emu.wait_for_webhooks(10)
    stopped = [json.loads(b) for _, b in receiver.received][-1]
    assert stopped["task_detail"]["stop_reason"] == "ask"


def test_browsers_connectors_skills(v2: httpx.Client) -> None:
    [browser] = ok(v2.get("/browser.onlineList"))["data"]
    shapes.check(browser, {"client_id": str, "client_name": str, "ua": str})
    connectors = ok(v2.get("/connector.list"))["data"]
    for connector in connectors:
        shapes.check(connector, {"id": str, "name": str, "type": str, "description": str, "category": str})
    assert {c["id"] for c in connectors} == {
        "9444d960-ab7e-450f-9cb9-b9467fb0adda",
        "dd5abf31-7ad3-4c0b-9b9a-f0a576645baf",
        "9c27c684-2f4f-4d33-8fcf-51664ea15c00",
    }
    skills = ok(v2.get("/skill.list"))["data"]
    project = ok(v2.post("/project.create", json={"name": "P", "instruction": "I"}))["project"]["id"]
    with_project = ok(v2.get("/skill.list", params={"project_id": project}))["data"]
    assert len(with_project) == len(skills) + 1
    for skill in with_project:
        shapes.check(
            skill,
            {
                "id": str,
                "name": str,
                "description": str,
                "owner_type": str,
                "creator_info": dict,
                "created_at": int,
                "updated_at": int,
            },
        )
    fails(v2.get("/skill.list", params={"project_id": "proj_nope"}), 400, "invalid_argument", "project_id")


def test_no_browser_online(clock: ManualClock) -> None:
    with Emulator(clock=clock, browsers=[], webhook_activation="off") as emu:
        assert httpx.get(emu.v2_url + "/browser.onlineList", headers=emu.v2_headers).json()["data"] == []
    with pytest.raises(ValueError, match="client_id"):
        Emulator(browsers=[{"client_id": "x"}])


def test_agents(v2: httpx.Client) -> None:
    [agent] = ok(v2.get("/agent.list"))["data"]
    shapes.check(agent, {"id": str, "task_id": str, "nickname": str, "about": str})
    assert agent["id"] == "agent-default"
    updated = ok(v2.post("/agent.update", json={"agent_id": "agent-default", "nickname": "Max"}))["agent"]
    assert updated["nickname"] == "Max"
    assert ok(v2.get("/agent.detail", params={"agent_id": "agent-default"}))["agent"] == updated
    fails(v2.get("/agent.detail", params={"agent_id": "agent-x"}), 404, "not_found")
    fails(v2.get("/agent.detail"), 400, "invalid_argument", "agent_id")
    fails(v2.post("/agent.update", json={"agent_id": "agent-default"}), 400, "invalid_argument")
    fails(v2.post("/agent.update", json={"agent_id": "agent-default", "about": ""}), 400, "invalid_argument", "about")


def test_usage_follows_the_credits_tasks_consumed(v2: httpx.Client, emu: Emulator) -> None:
    a = create(v2, "A")
    emu.advance(TASK_DURATION)
    b = create(v2, "B")
    emu.advance(TASK_DURATION)
    credits = {t: ok(v2.get("/task.detail", params={"task_id": t}))["task"]["credit_usage"] for t in (a, b)}
    ok(v2.post("/task.delete", json={"task_id": a}))
    body = ok(v2.get("/usage.list", params={"limit": 1}))
    shapes.page(body)
    [record] = body["data"]
    shapes.check(
        record,
        {"task_id": str, "title": str, "credits": int, "created_at": int, "type": str, "collaborate_infos": list},
    )
    assert (record["task_id"], record["credits"], record["type"]) == (b, -credits[b], "cost")
    older = ok(v2.get("/usage.list", params={"cursor": body["next_cursor"]}))["data"]
    assert [(r["task_id"], r["title"]) for r in older] == [(a, "Deleted conversation")]
    balance = ok(v2.get("/usage.availableCredits"))["data"]
    assert balance["total_credits"] == 1000 - sum(credits.values())
    assert balance["refresh_interval"] == "daily"
    fails(v2.get("/usage.list", params={"limit": "101"}), 400, "invalid_argument", "limit")
    fails(v2.get("/usage.teamStatistic"), 403, "permission_denied")
    fails(v2.get("/usage.teamLog"), 403, "permission_denied")


def test_team_usage(clock: ManualClock) -> None:
    emu = Emulator(clock=clock, account_type="team", task_duration=2, webhook_activation="off")
    with emu, httpx.Client(base_url=emu.start().v2_url, headers=emu.v2_headers) as v2:
        create(v2, "Team task")
        emu.advance(2)
        [day] = ok(v2.get("/usage.teamStatistic"))["data"]
        shapes.check(day, {"date": int, "credits": int})
        assert day["date"] % 86_400 == 0
        [row] = ok(v2.get("/usage.teamLog", params={"sort_by": "credits"}))["data"]
        assert row["task_count"] == 1
        fails(v2.get("/usage.teamLog", params={"sort_by": "name"}), 400, "invalid_argument", "sort_by")
        query = {"start_date": "10", "end_date": "5"}
        fails(v2.get("/usage.teamStatistic", params=query), 400, "invalid_argument", "start_date")
        assert ok(v2.get("/usage.availableCredits"))["data"]["refresh_interval"] == ""


def test_websites(v2: httpx.Client, emu: Emulator) -> None:
    task_id = create(v2, "Build a site [[manus:website]]")
    fails(v2.get("/website.status", params={"task_id": task_id}), 404, "not_found")  # not built yet
    emu.advance(TASK_DURATION)
    status = ok(v2.get("/website.status", params={"task_id": task_id}))
    assert status["publish_status"] == "unpublished"
    assert "site_urls" not in status
    website_id = status["website_id"]
    checkpoints = ok(v2.get("/website.listCheckpoints", params={"website_id": website_id}))
    [checkpoint] = checkpoints["data"]
    shapes.check(checkpoint, {"version_id": str, "message": str, "status": str, "created_at": int})
    published = ok(v2.post("/website.publish", json={"task_id": task_id, "visibility": ""}))
    assert published["version_id"] == checkpoint["version_id"]
    assert ok(v2.get("/website.status", params={"task_id": task_id}))["publish_status"] == "publishing"
    emu.advance(2)
    status = ok(v2.get("/website.status", params={"website_id": website_id}))
    assert status["publish_status"] == "published"
    assert status["site_urls"][0].startswith("https://")
    assert status["visibility"] == "public"
    ok(v2.post("/website.update", json={"website_id": website_id, "visibility": "team"}))
    assert ok(v2.get("/website.status", params={"website_id": website_id}))["visibility"] == "team"
    fails(v2.get("/website.status"), 400, "invalid_argument", "task_id")
    fails(v2.get("/website.status", params={"task_id": task_id, "website_id": website_id}), 400, "invalid_argument")
    fails(v2.post("/website.update", json={"task_id": task_id}), 400, "invalid_argument")
    fails(v2.post("/website.update", json={"task_id": task_id, "title": ""}), 400, "invalid_argument", "title")
    fails(
        v2.post("/website.update", json={"task_id": task_id, "visibility": ""}), 400, "invalid_argument", "visibility"
    )
    fails(v2.post("/website.publish", json={"task_id": task_id, "visibility": "private"}), 400, "invalid_argument")
    emu.task(task_id).website.cap = "team"  # type: ignore[union-attr]  # built above
    fails(v2.post("/website.publish", json={"task_id": task_id, "visibility": "public"}), 403, "permission_denied")
    fails(v2.get("/website.status", params={"website_id": "site_nope"}), 404, "not_found")


def test_upload_size_and_storage_limits(v2: httpx.Client, emu: Emulator) -> None:
    emu.engine.file_size_limit = 10  # the documented 512 MB / 10 GB, scaled down for the test
    emu.engine.storage_limit = 15
    big = ok(v2.post("/file.upload", json={"filename": "big.bin.txt"}))
    response = httpx.put(big["upload_url"], content=b"x" * 11)
    assert response.status_code == 400
    assert "<Code>EntityTooLarge</Code>" in response.text
    first = ok(v2.post("/file.upload", json={"filename": "a.txt"}))
    assert httpx.put(first["upload_url"], content=b"x" * 10).status_code == 200
    second = ok(v2.post("/file.upload", json={"filename": "b.txt"}))
    response = httpx.put(second["upload_url"], content=b"x" * 6)
    assert response.status_code == 403
    assert "<Code>QuotaExceededError</Code>" in response.text
    assert httpx.put(second["upload_url"], content=b"x" * 5).status_code == 200
    fails(v2.post("/file.upload", json={"filename": "c.txt"}), 403, "QuotaExceededError")
    ok(v2.post("/file.delete", json={"file_id": first["file"]["id"]}))
    ok(v2.post("/file.upload", json={"filename": "c.txt"}))


def test_files_expire_48_hours_after_upload_not_creation(v2: httpx.Client, clock: ManualClock) -> None:
    body = ok(v2.post("/file.upload", json={"filename": "late.txt"}))
    clock.advance(170)
    assert httpx.put(body["upload_url"], content=b"x").status_code == 200
    clock.advance(48 * 3600 - 1)
    assert ok(v2.get("/file.detail", params={"file_id": body["file"]["id"]}))["file"]["status"] == "uploaded"
    clock.advance(1)
    assert ok(v2.get("/file.detail", params={"file_id": body["file"]["id"]}))["file"]["status"] == "deleted"


def test_account_and_website_shapes(clock: ManualClock) -> None:
    emu = Emulator(clock=clock, account_type="team", task_duration=2, webhook_activation="off")
    with emu, httpx.Client(base_url=emu.start().v2_url, headers=emu.v2_headers) as v2:
        task_id = create(v2, "Site [[manus:website]]")
        emu.advance(2)
        shapes.envelope(ok(v2.get("/agent.detail", params={"agent_id": "agent-default"})), {"agent": dict})
        shapes.envelope(ok(v2.post("/agent.update", json={"agent_id": "agent-default", "about": "A"})), {"agent": dict})
        [row] = ok(v2.get("/usage.teamLog"))["data"]
        shapes.check(row, {"user_id": str, "user_name": str, "email": str, "task_count": int, "credits": int})
        credits = ok(v2.get("/usage.availableCredits"))
        shapes.envelope(credits, {"data": dict})
        shapes.check(
            credits["data"],
            {
                "total_credits": int,
                "free_credits": int,
                "periodic_credits": int,
                "addon_credits": int,
                "pro_monthly_credits": int,
                "event_credits": int,
                "refresh_credits": int,
                "max_refresh_credits": int,
                "next_refresh_time": int,
                "refresh_interval": str,
            },
        )
        status = ok(v2.get("/website.status", params={"task_id": task_id}))
        shapes.envelope(
            status,
            {"website_id": str, "publish_status": str, "visibility": str},
            {"site_urls": list, "version_id": str, "status_updated_at": int},
        )
        published = ok(v2.post("/website.publish", json={"task_id": task_id}))
        shapes.envelope(published, {"website_id": str, "version_id": str})
        emu.advance(2)
        status = ok(v2.get("/website.status", params={"task_id": task_id}))
        shapes.envelope(
            status,
            {"website_id": str, "publish_status": str, "visibility": str, "site_urls": list, "version_id": str},
            {"status_updated_at": int},
        )
        checkpoints = ok(v2.get("/website.listCheckpoints", params={"task_id": task_id}))
        shapes.envelope(checkpoints, {"website_id": str, "data": list}, {"published_version_id": str})
        shapes.envelope(ok(v2.post("/website.update", json={"task_id": task_id, "title": "T"})), {})
