"""Upload a file, attach it to a task, wait, and download the files the agent produced.

Offline by default (the bundled emulator, ``pip install 'manus-openai[emulator]'``); with
``MANUS_API_KEY`` set it uses the real Manus API::

    python examples/files.py
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from manus_openai import ManusOpenAI
from manus_openai.types import file_attachment


def main() -> None:
    with contextlib.ExitStack() as stack:
        if os.environ.get("MANUS_API_KEY"):
            client = ManusOpenAI()
            suffix = ""
        else:
            from manus_openai.emulator import Emulator

            emulator = stack.enter_context(Emulator(task_duration=1.0))
            client = emulator.client()
            suffix = " [[manus:files=2]]"  # an emulator directive: the answer carries two files
            print(f"(no MANUS_API_KEY: using the bundled emulator at {emulator.base_url})")
        stack.enter_context(client)
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory()))

        data = workdir / "sales.csv"
        data.write_text("quarter,revenue\nQ1,120\nQ2,135\nQ3,150\nQ4,170\n")
        uploaded = client.files.upload(data)  # POST /v1/files, PUT to the presigned URL, until "uploaded"
        print(f"uploaded {uploaded.filename} as {uploaded.id} ({uploaded.status})")

        created = client.tasks.create(
            "Chart the quarterly revenue in the attached CSV and summarise the trend." + suffix,
            attachments=[file_attachment(uploaded)],
            task_mode="agent",
        )
        print(f"task {created.task_id}: {created.task_url}")
        done = client.responses.wait(created.task_id, timeout=600)
        print(f"{done.status}: {done.output_text[:120]}")

        results = workdir / "results"
        results.mkdir()
        for output in done.output_files:
            path = output.download(results, client=client)  # streamed to disk, into the directory
            size = path.stat().st_size
            print(f"downloaded {output.file_name} ({output.mime_type}) -> results/{path.name}, {size} bytes")

        client.files.delete(uploaded.id)
        print(f"deleted {uploaded.id}; recent files: {[f.id for f in client.files.list()]}")


if __name__ == "__main__":
    main()
