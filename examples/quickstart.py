"""Create a Manus task, wait for it, print the answer and the files it produced.

Runs offline by default: without ``MANUS_API_KEY`` it starts the bundled emulator (``pip install
'manus-openai[emulator]'``) and talks to it over loopback. With ``MANUS_API_KEY`` set it uses the real
Manus API instead::

    python examples/quickstart.py
"""

from __future__ import annotations

import contextlib
import os

from manus_openai import ManusOpenAI

PROMPT = "What's the color of the sky? Write the answer to a markdown file too."


def main() -> None:
    with contextlib.ExitStack() as stack:
        if os.environ.get("MANUS_API_KEY"):
            client = ManusOpenAI()
            prompt = PROMPT
        else:
            from manus_openai.emulator import Emulator

            emulator = stack.enter_context(Emulator(task_duration=2.0))
            client = emulator.client()
            prompt = PROMPT + " [[manus:files=1]]"  # an emulator directive: the answer carries one file
            print(f"(no MANUS_API_KEY: using the bundled emulator at {emulator.base_url})")

        response = client.responses.create(input=prompt, task_mode="agent", agent_profile="manus-1.6")
        print(f"Task created: {response.id} ({response.status})  {response.task_url}")

        done = client.responses.wait(response.id, timeout=600, on_update=lambda r: print(f"  status: {r.status}"))
        print(f"\nFinal status: {done.status}, credits used: {done.credit_usage}")
        print(f"\n{done.output_text}\n")
        for file in done.output_files:
            print(f"File: {file.file_name} ({file.mime_type}) {file.file_url}")


if __name__ == "__main__":
    main()
