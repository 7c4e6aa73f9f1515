"""``responses.stream(text_format=Model)``: openai-python v1.100.2's ``examples/responses/streaming.py`` and
``background_streaming*.py``, with only the client line changed, against the emulator.

``stream()`` passes ``text=type_to_text_format_param(text_format)`` to ``create`` (the v2 backend sends it as
Manus ``structured_output_schema``) and lets the SDK parse the final response; the v1 backend refuses it
before sending.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, List  # noqa: UP035  # the example's own spelling

import pytest
from pydantic import BaseModel

from manus_openai import AsyncManusOpenAI, ManusOpenAI
from manus_openai.emulator import Emulator
from manus_openai.errors import UnsupportedArgumentError


class Step(BaseModel):
    explanation: str
    output: str


class MathResponse(BaseModel):
    steps: List[Step]  # noqa: UP006  # the example's own spelling
    final_answer: str


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with Emulator(task_duration=0) as emulator:
        yield emulator


@pytest.fixture
def client(emu: Emulator) -> Iterator[ManusOpenAI]:
    with ManusOpenAI(api_key=emu.api_key, base_url=emu.base_url) as c:
        yield c


@pytest.fixture
async def aclient(emu: Emulator) -> AsyncIterator[AsyncManusOpenAI]:
    async with AsyncManusOpenAI(api_key=emu.api_key, base_url=emu.base_url) as c:
        yield c


def test_examples_streaming_with_text_format(client: ManusOpenAI, emu: Emulator) -> None:
    with client.responses.stream(
        input="solve 8x + 31 = 2",
        model="gpt-4o-2024-08-06",
        text_format=MathResponse,
    ) as stream:
        for event in stream:
            if "output_text" in event.type:
                print(event)

    final = stream.get_final_response()
    assert isinstance(final.output_parsed, MathResponse)


def test_examples_background_streaming_with_text_format(client: ManusOpenAI) -> None:
    id = None
    with client.responses.stream(
        input="solve 8x + 31 = 2",
        model="gpt-4o-2024-08-06",
        text_format=MathResponse,
        background=True,
    ) as stream:
        for event in stream:
            if event.type == "response.created":
                id = event.response.id
            if "output_text" in event.type:
                print(event)
            if event.sequence_number == 10:
                break

    print("Interrupted. Continuing...")

    assert id is not None
    with client.responses.stream(
        response_id=id,
        starting_after=10,
        text_format=MathResponse,
    ) as stream:
        for event in stream:
            if "output_text" in event.type:
                print(event)

        final: Any = stream.get_final_response()
    assert isinstance(final.output_parsed, MathResponse)


async def test_examples_background_streaming_with_text_format_async(aclient: AsyncManusOpenAI) -> None:
    id = None
    async with aclient.responses.stream(
        input="solve 8x + 31 = 2",
        model="gpt-4o-2024-08-06",
        text_format=MathResponse,
        background=True,
    ) as stream:
        async for event in stream:
            if event.type == "response.created":
                id = event.response.id
            if event.sequence_number == 10:
                break

    assert id is not None
    async with aclient.responses.stream(response_id=id, starting_after=10, text_format=MathResponse) as stream:
        final = await stream.get_final_response()
    assert isinstance(final.output_parsed, MathResponse)


def test_text_format_cannot_be_mixed_with_text_format_param(client: ManusOpenAI, emu: Emulator) -> None:
    with pytest.raises(TypeError, match=r"text\.format"):
        client.responses.stream(input="hi", text_format=MathResponse, text={"format": {"type": "text"}})
    assert emu.requests == []


def test_the_v1_backend_refuses_text_format_before_sending(emu: Emulator) -> None:
    v1 = ManusOpenAI(api_key=emu.api_key, base_url=emu.base_url, responses_backend="v1")
    manager = v1.responses.stream(input="hi", text_format=MathResponse)
    with pytest.raises(UnsupportedArgumentError, match="text"):
        manager.__enter__()
    v1.close()
    assert emu.requests == []
