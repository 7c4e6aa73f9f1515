"""The async twin of ``streaming.py``: ``async with client.responses.stream(...)``.

Runs offline by default (the bundled emulator); with ``MANUS_API_KEY`` set it uses the real Manus API::

    python examples/streaming_async.py
"""

from __future__ import annotations

import asyncio
import contextlib
import os

from manus_openai import AsyncManusOpenAI

PROMPT = "Write a one-sentence bedtime story about a unicorn."


async def main() -> None:
    with contextlib.ExitStack() as stack:
        if os.environ.get("MANUS_API_KEY"):
            client = AsyncManusOpenAI()
        else:
            from manus_openai.emulator import Emulator

            emulator = stack.enter_context(Emulator(task_duration=2.0))
            client = emulator.async_client()
            print(f"(no MANUS_API_KEY: using the bundled emulator at {emulator.base_url})")

        async with client:
            async with client.responses.stream(input=PROMPT) as stream:
                async for event in stream:
                    if event.type == "response.output_text.delta":
                        print(event.delta, end="", flush=True)
                final = await stream.get_final_response()
            print(f"\nFinal status: {final.status}")


if __name__ == "__main__":
    asyncio.run(main())
