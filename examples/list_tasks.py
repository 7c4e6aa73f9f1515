"""All completed tasks of the last week, page by page; then tidy them up with ``tasks.update``.

Offline by default (the bundled emulator, seeded with a few weeks of tasks,
``pip install 'manus-openai[emulator]'``); with ``MANUS_API_KEY`` set it reads your real task list
(and renames nothing unless you pass ``--rename``)::

    python examples/list_tasks.py
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from datetime import datetime, timedelta, timezone

from manus_openai import ManusOpenAI


def main() -> None:
    rename = "--rename" in sys.argv or not os.environ.get("MANUS_API_KEY")
    with contextlib.ExitStack() as stack:
        if os.environ.get("MANUS_API_KEY"):
            client = ManusOpenAI()
        else:
            from manus_openai.emulator import Emulator

            emulator = stack.enter_context(Emulator())
            # Three weeks of history, one task every 10 minutes, in every state.
            emulator.seed_tasks(3 * 7 * 144, spacing=600, statuses=("completed", "completed", "failed", "running"))
            client = emulator.client()
            print(f"(no MANUS_API_KEY: using the bundled emulator at {emulator.base_url})")
        stack.enter_context(client)

        week_ago = datetime.now(timezone.utc) - timedelta(days=7)
        started = time.monotonic()
        page = client.tasks.list(status="completed", created_after=week_ago, order_by="created_at", limit=200)
        print(f"first page: {len(page.data)} tasks, has_more={page.has_more}, last_id={page.last_id}")

        count = credits = 0
        for task in page:  # walks every following page (after=<last_id>) on demand
            count += 1
            credits += task.credit_usage or 0
        elapsed = time.monotonic() - started
        print(f"{count} completed tasks in the last 7 days, {credits} credits, listed in {elapsed:.2f}s")

        failed = client.tasks.list(status="failed", created_after=week_ago, limit=5)
        for task in failed.data:
            title = task.task_title or task.id
            print(f"failed: {task.id} {title!r}")
            if rename:
                updated = client.tasks.update(task.id, title=f"[failed] {title}", enable_visible_in_task_list=False)
                print(f"  renamed to {updated.task_title!r} and hidden from the web app's list")


if __name__ == "__main__":
    main()
