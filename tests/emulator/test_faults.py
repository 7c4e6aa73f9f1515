"""Seeded, reproducible faults per endpoint: schedules, probabilities, drops, delays, credit limit."""

from __future__ import annotations

import contextlib
import socket
import time

import httpx
import openai
import pytest

from manus_openai.emulator import Emulator, Fault, FaultRule
from tests.conftest import SEED_MODEL

from . import shapes


def test_schedule_hits_exact_calls(emu: Emulator, http: httpx.Client) -> None:
    emu.faults.add(Fault.rate_limited(retry_after=2), "POST", "/v1/responses", calls=[1, 3])
    statuses = [http.post("/responses", json={"input": "x"}).status_code for _ in range(4)]
    assert statuses == [429, 200, 429, 200]
    limited = http.post("/tasks", json={"prompt": "other endpoint unaffected"})
    assert limited.status_code == 200
    emu.faults.clear()
    emu.faults.add(Fault.rate_limited(retry_after=2), "POST", "/responses", calls=[1])  # any prefix spelling
    first = http.post("/responses", json={"input": "x"})
    assert first.headers["retry-after"] == "2"
    shapes.error(first.json(), 8)


def test_rate_limit_without_retry_after(emu: Emulator, http: httpx.Client) -> None:
    emu.faults.add(Fault.rate_limited(retry_after=None), times=1)
    response = http.get("/tasks")
    assert response.status_code == 429
    assert "retry-after" not in response.headers


@pytest.mark.parametrize(("status", "code"), [(500, 13), (503, 14)])
def test_server_errors_have_the_v1_shape(emu: Emulator, http: httpx.Client, status: int, code: int) -> None:
    emu.faults.add(Fault.server_error(status), "GET", "/v1/tasks/*")  # type: ignore[arg-type]  # a runtime value / deliberately invalid argument
    response = http.get("/tasks/anything")
    assert response.status_code == status
    shapes.error(response.json(), code)


def test_502_is_a_proxy_page(emu: Emulator, http: httpx.Client) -> None:
    emu.faults.add(Fault.server_error(502), times=1)
    response = http.get("/tasks")
    assert response.status_code == 502
    assert response.headers["content-type"].startswith("text/html")


def test_credit_limit_fault(emu: Emulator, http: httpx.Client) -> None:
    emu.faults.add(Fault.credit_limit(), "POST", "/v1/tasks")
    response = http.post("/tasks", json={"prompt": "x"})
    assert response.status_code == 429
    shapes.error(response.json(), 8)
    assert response.json()["message"].startswith("Credit limit exceeded")


def _pattern(seed: int) -> list[int]:
    with Emulator(seed=seed) as emu:
        emu.faults.add(Fault.server_error(503), "GET", "/v1/tasks", probability=0.5)
        with httpx.Client(base_url=emu.base_url, headers={"API_KEY": emu.api_key}) as http:
            return [http.get("/tasks").status_code for _ in range(30)]


def test_probability_is_reproducible_with_a_seed() -> None:
    first, again, other = _pattern(1), _pattern(1), _pattern(2)
    assert first == again
    assert first != other
    assert 5 < first.count(503) < 25


def test_dropped_connection_really_drops(emu: Emulator, http: httpx.Client) -> None:
    emu.faults.add(Fault.drop(), "GET", "/v1/tasks", calls=[1])
    with pytest.raises(httpx.RemoteProtocolError):
        http.get("/tasks")
    assert http.get("/tasks").status_code == 200  # the server is fine afterwards

    emu.faults.add(Fault.drop(), "GET", "/v1/files", calls=[1])
    with socket.create_connection(("127.0.0.1", emu.port)) as raw:
        raw.sendall(f"GET /v1/files HTTP/1.1\r\nHost: x\r\nAPI_KEY: {emu.api_key}\r\n\r\n".encode())
        raw.settimeout(5)
        with contextlib.suppress(ConnectionResetError):  # an abort may surface as a reset
            assert raw.recv(1024) == b""  # closed without a single response byte
    assert emu.requests[-1].fault == "drop"


def test_sdk_retries_through_faults(emu: Emulator) -> None:
    emu.faults.add(Fault.rate_limited(retry_after=0), "POST", "/v1/responses", calls=[1])
    emu.faults.add(Fault.drop(), "POST", "/v1/responses", calls=[2])
    client = openai.OpenAI(base_url=emu.base_url, api_key="**", default_headers={"API_KEY": emu.api_key}, max_retries=2)
    with client:
        response = client.responses.create(**SEED_MODEL, input="survive")
    assert str(response.status) == "running"
    assert [r.status for r in emu.requests] == [429, None, 200]


def test_slow_response(emu: Emulator, http: httpx.Client) -> None:
    emu.faults.add(Fault.slow(0.3), "GET", "/v1/tasks", times=1)
    started = time.perf_counter()
    assert http.get("/tasks").status_code == 200
    assert time.perf_counter() - started >= 0.3
    emu.faults.add(Fault.slow(0.5), "GET", "/v1/tasks", times=1)
    with pytest.raises(httpx.ReadTimeout):
        http.get("/tasks", timeout=0.1)


def test_faults_from_the_constructor_and_fired_log() -> None:
    rule = FaultRule(Fault.server_error(500), "GET", "/v1/projects", calls=[2])
    with Emulator(faults=[rule]) as emu, httpx.Client(base_url=emu.base_url, headers={"API_KEY": emu.api_key}) as http:
        assert [http.get("/projects").status_code for _ in range(3)] == [200, 500, 200]
        assert [(f.path, f.call) for f in emu.faults.fired] == [("/v1/projects", 2)]
        assert rule.seen == 3


def test_bad_rules_are_rejected() -> None:
    with pytest.raises(ValueError, match="either"):
        FaultRule(Fault.drop(), probability=0.5, calls=[1])
    with pytest.raises(ValueError, match="probability"):
        FaultRule(Fault.drop(), probability=2)
    with pytest.raises(ValueError, match="500"):
        Fault.server_error(404)  # type: ignore[arg-type]  # a runtime value / deliberately invalid argument
