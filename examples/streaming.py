"""Stream a Manus task as OpenAI Responses events, drop the stream halfway and resume it.

Runs offline by default: without ``MANUS_API_KEY`` it starts the bundled emulator (``pip install
'manus-openai[emulator]'``) and talks to it over loopback. With ``MANUS_API_KEY`` set it uses the real
Manus API instead::

    python examples/streaming.py
"""

from __future__ import annotations

import contextlib
import os

from manus_openai import ManusOpenAI

PROMPT = "Write a one-sentence bedtime story about a unicorn."


def main() -> None:
    with contextlib.ExitStack() as stack:
        if os.environ.get("MANUS_API_KEY"):
            client = ManusOpenAI()
        else:
            from manus_openai.emulator import Emulator

            emulator = stack.enter_context(Emulator(task_duration=2.0))
            client = emulator.client()
            print(f"(no MANUS_API_KEY: using the bundled emulator at {emulator.base_url})")

        last = -1
        with client.responses.stream(input=PROMPT) as stream:
            for event in stream:
                last = event.sequence_number
                print(f"{event.sequence_number:3} {event.type}")
                if event.type == "response.created":
                    response_id = event.response.id
                if event.type == "response.output_item.added":
                    break  # as if the connection dropped here
        print(f"-- dropped after event {last}; resuming {response_id} --")

        with client.responses.stream(response_id=response_id, starting_after=last) as stream:
            for event in stream:
                if event.type == "response.output_text.delta":
                    print(event.delta, end="", flush=True)
            final = stream.get_final_response()
        print(f"\nFinal status: {final.status}")


if __name__ == "__main__":
    main()
