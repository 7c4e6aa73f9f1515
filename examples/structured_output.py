"""Structured output through OpenAI's own ``responses.parse(text_format=Model)`` on Manus (the v2 backend).

Runs offline by default: without ``MANUS_API_KEY`` it starts the bundled emulator (``pip install
'manus-openai[emulator]'``), whose structured results conform to the schema sent. With ``MANUS_API_KEY`` set
it uses the real Manus API instead::

    python examples/structured_output.py
"""

from __future__ import annotations

import contextlib
import os

import pydantic

from manus_openai import ManusOpenAI
from manus_openai.v2.structured import StructuredOutputError


class City(pydantic.BaseModel):
    name: str
    country: str
    population: int


def main() -> None:
    with contextlib.ExitStack() as stack:
        if os.environ.get("MANUS_API_KEY"):
            client = ManusOpenAI()
        else:
            from manus_openai.emulator import Emulator

            emulator = stack.enter_context(Emulator(task_duration=1.0))
            client = emulator.client()
            print(f"(no MANUS_API_KEY: using the bundled emulator at {emulator.base_url})")

        try:
            parsed = client.responses.parse(model="gpt-4o", input="The largest city in Japan?", text_format=City)
        except StructuredOutputError as exc:  # success: false, or a value that does not fit City
            print(f"No structured answer for {exc.response_id}: {exc.error}")
            return
        print(f"Response {parsed.id}: {parsed.status}")
        print(f"JSON: {parsed.output_text}")
        city = parsed.output_parsed
        assert city is not None
        print(f"Parsed: {city.name}, {city.country} ({city.population})")


if __name__ == "__main__":
    main()
