"""Run several Manus tasks at once with ``AsyncManusOpenAI`` and print each answer as it finishes.

Offline by default (the bundled emulator, ``pip install 'manus-openai[emulator]'``); with
``MANUS_API_KEY`` set it uses the real Manus API::

    python examples/async_many.py
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time

from manus_openai import AsyncManusOpenAI, ManusResponse

QUESTIONS = [
    "Name three uses of Python in science.",
    "Summarise the plot of Hamlet in two sentences.",
    "What is the boiling point of water at sea level?",
    "Suggest a name for a friendly robot.",
]


async def ask(client: AsyncManusOpenAI, question: str) -> ManusResponse:
    return await client.responses.create_and_wait(input=question, task_mode="agent", timeout=600)


async def main() -> None:
    with contextlib.ExitStack() as stack:
        if os.environ.get("MANUS_API_KEY"):
            client = AsyncManusOpenAI()
        else:
            from manus_openai.emulator import Emulator

            emulator = stack.enter_context(Emulator(task_duration=1.5))
            client = emulator.async_client()
            print(f"(no MANUS_API_KEY: using the bundled emulator at {emulator.base_url})")

        started = time.monotonic()
        async with client:
            for finished in asyncio.as_completed([ask(client, q) for q in QUESTIONS]):
                done = await finished
                print(f"[{time.monotonic() - started:5.1f}s] {done.status:9} {done.output_text[:70]!r}")


if __name__ == "__main__":
    asyncio.run(main())
