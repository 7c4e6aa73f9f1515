"""Keep a plain ``openai.OpenAI`` client and still get Manus's options validated and a one-line wait.

Offline by default (the bundled emulator, ``pip install 'manus-openai[emulator]'``); with
``MANUS_API_KEY`` set it uses the real Manus API::

    python examples/plain_openai.py
"""

from __future__ import annotations

import contextlib
import os

import openai

from manus_openai import manus_client_options, manus_extra_body, wait_for_response


def main() -> None:
    with contextlib.ExitStack() as stack:
        if os.environ.get("MANUS_API_KEY"):
            options = manus_client_options()
        else:
            from manus_openai.emulator import Emulator

            emulator = stack.enter_context(Emulator(task_duration=1.0))
            options = manus_client_options(api_key=emulator.api_key, base_url=emulator.base_url)
            print(f"(no MANUS_API_KEY: using the bundled emulator at {emulator.base_url})")

        client = openai.OpenAI(**options)
        response = client.responses.create(
            model="manus-1.6",
            input=[{"role": "user", "content": [{"type": "input_text", "text": "Explain quantum computing simply."}]}],
            extra_body=manus_extra_body(task_mode="agent", agent_profile="manus-1.6"),
        )
        print(f"Task created: {response.id} ({response.status})")
        done = wait_for_response(client, response.id, timeout=600)
        print(f"Final status: {done.status}\n\n{done.output_text}")


if __name__ == "__main__":
    main()
