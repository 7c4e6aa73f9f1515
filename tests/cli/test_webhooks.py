"""``manus webhooks create | delete | listen`` against the emulator's signed deliveries."""

from __future__ import annotations

import socket
import threading
import time

import httpx

from manus_openai.cli import ExitCode
from manus_openai.emulator import Emulator

from .conftest import Cli, json_lines, one_json


def test_create_and_delete(cli: Cli) -> None:
    created = cli("webhooks", "create", "https://example.com/hook", "--json")
    assert created.exit_code == 0
    hook_id = one_json(created)["webhook_id"]
    assert hook_id in cli.emu.engine.webhooks
    assert cli("webhooks", "delete", hook_id).exit_code == 0
    assert hook_id not in cli.emu.engine.webhooks
    again = cli("webhooks", "delete", hook_id)
    assert again.exit_code == ExitCode.USAGE
    assert "not found" in again.stderr


def test_create_refuses_a_url_that_is_not_http(cli: Cli) -> None:
    result = cli("webhooks", "create", "example.com/hook")
    assert result.exit_code == ExitCode.USAGE
    assert "must start with http:// or https://" in result.stderr
    assert cli.emu.requests == []


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


FORGED = (
    b'{"event_id": "forged_1", "event_type": "task_stopped", "task_detail": {"task_id": "forged", '
    b'"task_title": "x", "task_url": "https://manus.im/app/forged", "message": "pwned", "stop_reason": "finish"}}'
)


def _create_task_once_registered(
    emu: Emulator, done: threading.Event, forged_status: list[int] | None = None
) -> threading.Thread:
    def work() -> None:
        deadline = time.monotonic() + 60
        while not emu.engine.webhooks and time.monotonic() < deadline and not done.is_set():
            time.sleep(0.02)
        if forged_status is not None:
            [hook] = emu.engine.webhooks.values()
            headers = {"X-Webhook-Signature": "AAAA", "X-Webhook-Timestamp": str(int(time.time()))}
            forged_status.append(httpx.post(hook.url, content=FORGED, headers=headers).status_code)
        with emu.client() as client:
            client.tasks.create("Hello hooks [[manus:duration=0]]")

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    return thread


def test_listen_registers_verifies_prints_each_event_and_deletes_on_exit(cli: Cli) -> None:
    port = _free_port()
    done = threading.Event()
    forged: list[int] = []
    worker = _create_task_once_registered(cli.emu, done, forged)
    try:
        result = cli("webhooks", "listen", "--port", str(port), "--register", "--max-events", "3", "--json")
    finally:
        done.set()
        worker.join()
    assert result.exit_code == 0, result.stderr
    events = json_lines(result.stdout)  # the emulator's signed activation request is a delivery too
    assert sorted(e["event_type"] for e in events) == ["task_created", "task_stopped", "webhook_test"]
    task_events = [e for e in events if e["event_type"] != "webhook_test"]
    assert [e["event_type"] for e in task_events] == ["task_created", "task_stopped"]
    assert task_events[1]["task_detail"]["stop_reason"] == "finish"
    assert forged == [401]  # a delivery that fails verification is refused and never printed
    assert "forged" not in result.stdout
    assert f"verifying signatures for http://127.0.0.1:{port}/" in result.stderr
    assert cli.emu.engine.webhooks == {}  # deleted on exit
    delivered = [d for d in cli.emu.webhook_deliveries if d.event_type != "webhook_test"]
    assert delivered
    assert all(d.status == "delivered" for d in delivered)


def test_listen_prints_one_line_per_event_for_people(cli: Cli) -> None:
    done = threading.Event()
    worker = _create_task_once_registered(cli.emu, done)
    try:
        result = cli("webhooks", "listen", "--port", str(_free_port()), "--register", "--max-events", "3")
    finally:
        done.set()
        worker.join()
    lines = [line for line in result.stdout.splitlines() if "webhook_test" not in line]
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 3
    assert lines[0].split()[1] == "task_created"
    assert lines[1].split()[1:3] == ["task_stopped", lines[0].split()[2]]
    assert "finish: Emulated answer" in lines[1]


def test_listen_on_a_busy_port_is_one_line(cli: Cli) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        result = cli("webhooks", "listen", "--port", str(busy.getsockname()[1]))
    assert result.exit_code == ExitCode.USAGE
    assert "cannot listen on 127.0.0.1:" in result.stderr
