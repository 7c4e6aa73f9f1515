"""The async twin of ``structured_output.py``: ``await client.responses.parse(text_format=Model)``.

Runs offline by default (the bundled emulator); with ``MANUS_API_KEY`` set it uses the real Manus API::

    python examples/structured_output_async.py
"""

from __future__ import annotations

import asyncio
import contextlib
import os

import pydantic

from manus_openai import AsyncManusOpenAI


class City(pydantic.BaseModel):
    name: str
    country: str
    population: int


async def main() -> None:
    with contextlib.ExitStack() as stack:
        if os.environ.get("MANUS_API_KEY"):
            client = AsyncManusOpenAI()
        else:
            from manus_openai.emulator import Emulator

            emulator = stack.enter_context(Emulator(task_duration=1.0))
            client = emulator.async_client()
            print(f"(no MANUS_API_KEY: using the bundled emulator at {emulator.base_url})")
        async with client:
            parsed = await client.responses.parse(input="The largest city in Japan?", text_format=City)
            print(f"Response {parsed.id}: {parsed.status}")
            print(f"Parsed: {parsed.output_parsed}")


if __name__ == "__main__":
    asyncio.run(main())
