"""Issue 14 item 6: the emulator accepts what no doc revision forbids, and unknown paths are 404s."""

from __future__ import annotations

import httpx
import openai
import pytest

from manus_openai.emulator import Emulator

from . import shapes


@pytest.mark.parametrize("role", ["system", "developer"])
def test_system_and_developer_messages_are_accepted_as_instructions(
    http: httpx.Client, emu: Emulator, role: str
) -> None:
    body = {
        "input": [
            {"role": role, "content": "Answer in French"},
            {"role": "user", "content": [{"type": "input_text", "text": "What colour is the sky?"}]},
        ]
    }
    response = http.post("/responses", json=body)
    assert response.status_code == 200, response.text
    emu.advance(5)
    answer = http.get(f"/responses/{response.json()['id']}").json()
    assert "Answer in French" in answer["output"][-1]["content"][0]["text"]
    assert answer["metadata"]["task_title"] == "What colour is the sky?"


def test_assistant_history_turns_are_accepted(http: httpx.Client) -> None:
    body = {
        "input": [
            {"role": "user", "content": "Hi"},
            {"role": "assistant", "content": [{"type": "output_text", "text": "Hello! How can I help?"}]},
            {"role": "user", "content": "Tell me a joke"},
        ]
    }
    response = http.post("/responses", json=body)
    assert response.status_code == 200, response.text


def test_the_openai_sdk_with_a_system_message(sdk: openai.OpenAI) -> None:
    response = sdk.responses.create(
        model="manus-1.6",
        input=[{"role": "system", "content": "Be brief"}, {"role": "user", "content": "Hello"}],
    )
    assert response.status == "running"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"input": [{"role": "tool", "content": "x"}]}, "input[0].role"),
        ({"input": [{"role": "system", "content": "only instructions"}]}, "input"),
        ({"input": [{"role": "system", "content": 5}, {"role": "user", "content": "x"}]}, "input[0].content"),
    ],
)
def test_what_stays_refused(http: httpx.Client, body: object, field: str) -> None:
    response = http.post("/responses", json=body)
    assert response.status_code == 400
    assert response.json()["message"].startswith(field + ":")


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/responses/compact"),
        ("POST", "/responses/resp_1/cancel"),
        ("PUT", "/responses/abc"),
        ("POST", "/tasks/abc"),
    ],
)
def test_unknown_endpoints_are_404_not_405(http: httpx.Client, method: str, path: str) -> None:
    response = http.request(method, path, json={})
    assert response.status_code == 404
    shapes.error(response.json(), 5)
    assert "no such endpoint" in response.json()["message"]
