"""Public OpenAI streaming examples, run against the emulator with only the client line changed.

Sources: openai-python's README at v1.100.2 ("Streaming responses": ``create(..., stream=True)``, sync and
async) and the event-handling idioms of ``examples/responses/`` (``responses.stream(...)``, the
``"output_text" in event.type`` filter, ``break`` at a sequence number then ``stream(response_id=...,
starting_after=...)``). ``examples/responses/streaming.py`` and ``background_streaming*.py`` pass
``text_format=`` (structured output): they are in ``tests/bridge/test_stream_structured.py``.
"""

from __future__ import annotations

from typing import Any

from manus_openai import AsyncManusOpenAI, ManusOpenAI


def test_readme_streaming(client: ManusOpenAI, capsys: Any) -> None:
    stream = client.responses.create(  # type: ignore[call-overload,typeddict-item]  # typed non-streaming
        model="gpt-4o",
        input="Write a one-sentence bedtime story about a unicorn.",
        stream=True,
    )

    for event in stream:
        print(event)

    printed = capsys.readouterr().out
    assert printed.splitlines()[0].startswith("ResponseCreatedEvent(")
    assert "ResponseTextDeltaEvent(" in printed
    assert printed.splitlines()[-1].startswith("ResponseCompletedEvent(")
    assert "bedtime story about a unicorn" in printed


async def test_readme_streaming_async(aclient: AsyncManusOpenAI, capsys: Any) -> None:
    stream = await aclient.responses.create(  # type: ignore[call-overload,typeddict-item]
        model="gpt-4o",
        input="Write a one-sentence bedtime story about a unicorn.",
        stream=True,
    )

    async for event in stream:
        print(event)

    printed = capsys.readouterr().out
    assert printed.splitlines()[-1].startswith("ResponseCompletedEvent(")


def test_examples_stream_then_resume_after_an_interruption(client: ManusOpenAI, capsys: Any) -> None:
    # examples/responses/background_streaming.py without text_format (with it: tests/bridge/test_stream_structured.py)
    id = None
    with client.responses.stream(
        input="solve 8x + 31 = 2",
        model="gpt-4o-2024-08-06",
        background=True,
    ) as stream:
        for event in stream:
            if event.type == "response.created":
                id = event.response.id
            if "output_text" in event.type:
                print(event)
            if event.sequence_number == 3:
                break

    print("Interrupted. Continuing...")

    assert id is not None
    with client.responses.stream(
        response_id=id,
        starting_after=3,
    ) as stream:
        for event in stream:
            if "output_text" in event.type:
                print(event)

        print(stream.get_final_response())

    printed = capsys.readouterr().out
    assert printed.count("ResponseTextDoneEvent") == 1  # no duplicate after resuming
    assert "Interrupted. Continuing..." in printed
    assert "solve 8x + 31 = 2" in printed.splitlines()[-1]


async def test_examples_stream_then_resume_after_an_interruption_async(aclient: AsyncManusOpenAI, capsys: Any) -> None:
    id = None
    async with aclient.responses.stream(
        input="solve 8x + 31 = 2",
        model="gpt-4o-2024-08-06",
        background=True,
    ) as stream:
        async for event in stream:
            if event.type == "response.created":
                id = event.response.id
            if event.sequence_number == 3:
                break

    assert id is not None
    async with aclient.responses.stream(response_id=id, starting_after=3) as stream:
        async for event in stream:
            if "output_text" in event.type:
                print(event)
        final = await stream.get_final_response()

    assert capsys.readouterr().out.count("ResponseTextDoneEvent") == 1
    assert final.status == "completed"
