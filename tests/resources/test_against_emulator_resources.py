"""tasks / projects / files against the bundled emulator over real loopback HTTP, sync and async."""

from __future__ import annotations

import math
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import openai
import pytest

from manus_openai import ManusOpenAI
from manus_openai.emulator import Emulator
from manus_openai.types import Task, base64_attachment, file_attachment
from tests.resources.conftest import AnyClient, call, collect

STATUSES = ("completed", "running", "failed", "pending")


def list_requests(emu: Emulator) -> list[Any]:
    return [r for r in emu.requests if r.method == "GET" and r.path == "/v1/tasks"]


# --- pagination over thousands of tasks ------------------------------------------------------------------


@pytest.mark.parametrize(("limit", "total"), [(1000, 3000), (250, 2600), (7, 60)])
async def test_iterates_every_task_once_in_order(emu: Emulator, emu_client: AnyClient, limit: int, total: int) -> None:
    ids = emu.seed_tasks(total, statuses=STATUSES)
    emu.clear_requests()
    tasks = await collect(emu_client.tasks.list(limit=limit))
    assert [t.id for t in tasks] == ids[::-1]  # newest first, no gaps, no duplicates
    requests = list_requests(emu)
    # The server says has_more=False on the page that holds the last task: exactly ceil(total/limit) requests.
    assert len(requests) == math.ceil(total / limit)
    assert all(("limit", str(limit)) in r.query for r in requests)


async def test_ascending_order_and_updated_at(emu: Emulator, emu_client: AnyClient) -> None:
    ids = emu.seed_tasks(1500)
    asc = await collect(emu_client.tasks.list(limit=400, order="asc"))
    assert [t.id for t in asc] == ids
    by_updated = await collect(emu_client.tasks.list(limit=1000, order_by="updated_at", order="asc"))
    assert [t.id for t in by_updated] == ids
    assert ("orderBy", "updated_at") in list_requests(emu)[-1].query


async def test_status_filter_repeated_key_is_honoured(emu: Emulator, emu_client: AnyClient) -> None:
    ids = emu.seed_tasks(2000, statuses=STATUSES)
    wanted = {i for n, i in enumerate(ids) if STATUSES[n % 4] in ("completed", "failed")}
    emu.clear_requests()
    tasks = await collect(emu_client.tasks.list(status=["completed", "failed"], limit=300))
    assert {t.id for t in tasks} == wanted
    assert len(tasks) == 1000
    assert {t.status for t in tasks} == {"completed", "failed"}
    first = list_requests(emu)[0]
    assert [v for k, v in first.query if k == "status"] == ["completed", "failed"]
    assert not any(k == "status[]" for k, _ in first.query)
    assert len(list_requests(emu)) == math.ceil(1000 / 300)


async def test_created_window_and_query(emu: Emulator, emu_client: AnyClient) -> None:
    start = 1_700_000_000
    ids = emu.seed_tasks(1200, start=start, spacing=10, prompt="Report {i}")
    after = datetime.fromtimestamp(start + 1000 * 10, tz=timezone.utc)  # exclusive bounds on the emulator
    window = await collect(emu_client.tasks.list(created_after=after, created_before=start + 1100 * 10, limit=1000))
    assert [t.id for t in window] == ids[1001:1100][::-1]
    assert all(start + 10000 < (t.created_at or 0) < start + 11000 for t in window)
    query = list_requests(emu)[-1].query
    assert ("createdAfter", str(start + 10000)) in query
    assert ("createdBefore", str(start + 11000)) in query
    found = await collect(emu_client.tasks.list(query="Report 1199"))
    assert [t.id for t in found] == [ids[1199]]


async def test_empty_result_and_last_page(emu: Emulator, emu_client: AnyClient) -> None:
    page = await call(emu_client, "tasks.list", status="pending")
    assert page.data == []
    assert page.has_more is False
    assert not page.has_next_page()
    emu.seed_tasks(10)
    page = await call(emu_client, "tasks.list", limit=10)
    assert len(page.data) == 10
    assert page.has_more is False
    page = await call(emu_client, "tasks.list", limit=4)
    assert page.has_more is True
    assert page.last_id == page.data[-1].id


async def test_resume_from_a_cursor(emu: Emulator, emu_client: AnyClient) -> None:
    ids = emu.seed_tasks(50)
    first = await call(emu_client, "tasks.list", limit=20)
    rest = await collect(emu_client.tasks.list(limit=20, after=first.last_id))
    assert [t.id for t in first.data] + [t.id for t in rest] == ids[::-1]


def test_sync_iter_pages_and_get_next_page(emu: Emulator) -> None:
    emu.seed_tasks(25)
    client = emu.client(responses_view="manus", max_retries=0)
    page = client.tasks.list(limit=10)
    assert [len(p.data) for p in page.iter_pages()] == [10, 10, 5]
    assert len(page.get_next_page().data) == 10


# --- task lifecycle -----------------------------------------------------------------------------------------


async def test_create_continue_wait_update_delete(emu: Emulator, emu_client: AnyClient) -> None:
    created = await call(emu_client, "tasks.create", "What's the colour of the sky?", task_mode="agent",
                         create_shareable_link=True, locale="en-US")  # fmt: skip
    assert created.share_url
    assert created.task_url.endswith(created.task_id)
    posted = [r for r in emu.requests if r.method == "POST" and r.path == "/v1/tasks"][-1].json()
    assert posted == {"prompt": "What's the colour of the sky?", "agentProfile": "manus-1.6", "taskMode": "agent",
                      "createShareableLink": True, "locale": "en-US"}  # fmt: skip
    done = await call(emu_client, "responses.wait", created.task_id, timeout=30, poll_interval=0.05)
    assert done.status == "completed"
    again = await call(emu_client, "tasks.create", "And at night?", task_id=created.task_id)
    assert again.task_id == created.task_id
    await call(emu_client, "responses.wait", created.task_id, timeout=30, poll_interval=0.05)
    task = await call(emu_client, "tasks.retrieve", created.task_id)
    assert isinstance(task, Task)
    assert task.status == "completed"
    assert [m.role for m in task.output or []] == ["user", "assistant", "user", "assistant"]
    assert "night" in task.output_text
    updated = await call(emu_client, "tasks.update", task.id, title="Sky colours", enable_shared=False)
    assert updated.task_title == "Sky colours"
    assert updated.share_url is None
    assert (await call(emu_client, "tasks.retrieve", task.id)).task_title == "Sky colours"
    assert (await call(emu_client, "tasks.delete", task.id)).deleted is True
    with pytest.raises(openai.NotFoundError):
        await call(emu_client, "tasks.retrieve", task.id)


async def test_hidden_tasks_are_still_retrievable(emu_client: AnyClient) -> None:
    created = await call(emu_client, "tasks.create", "Automated", hide_in_task_list=True)
    await call(emu_client, "tasks.update", created.task_id, enable_visible_in_task_list=True)
    assert (await call(emu_client, "tasks.retrieve", created.task_id)).id == created.task_id


async def test_projects(emu_client: AnyClient) -> None:
    project = await call(emu_client, "projects.create", "Research", instruction="Answer in one line.")
    assert project.id.startswith("proj_")
    assert project.instruction == "Answer in one line."
    await call(emu_client, "tasks.create", "Compare EV makers", project_id=project.id)
    listed = await collect(emu_client.projects.list(limit=10))
    assert [p.id for p in listed] == [project.id]


# --- files and attachments -------------------------------------------------------------------------------------


async def test_upload_attach_and_download_results(emu: Emulator, emu_client: AnyClient, tmp_path: Path) -> None:
    source = tmp_path / "data.csv"
    source.write_bytes(b"a,b\n1,2\n")
    uploaded = await call(emu_client, "files.upload", source)
    assert uploaded.status == "uploaded"
    assert uploaded.filename == "data.csv"
    put = next(r for r in emu.requests if r.method == "PUT")
    assert not any(name.lower() in ("api_key", "authorization") for name in put.headers)
    assert put.body == b"a,b\n1,2\n"
    attachments = [file_attachment(uploaded), base64_attachment(b"x=1", filename="cfg.ini")]
    created = await call(emu_client, "tasks.create", "Summarise [[manus:files=2]]", attachments=attachments)
    await call(emu_client, "responses.wait", created.task_id, timeout=30, poll_interval=0.05)
    task = await call(emu_client, "tasks.retrieve", created.task_id)
    assert "data.csv" in task.output_text
    assert "cfg.ini" in task.output_text
    files = task.output_files
    assert len(files) == 2
    (tmp_path / "out").mkdir()
    if isinstance(emu_client, ManusOpenAI):
        paths = [f.download(tmp_path / "out") for f in files]  # bound to the client that fetched the task
        content = files[0].read()
    else:
        paths = [await f.adownload(tmp_path / "out") for f in files]
        content = await files[0].aread()
    assert [p.name for p in paths] == [f.file_name for f in files]
    assert paths[0].read_bytes() == content
    assert b"Output file 1" in content


async def test_openai_style_files_create_then_input_file(emu_client: AnyClient) -> None:
    f = await call(emu_client, "files.create", file=("notes.md", b"# Notes"), purpose="user_data")
    response = await call(emu_client, "responses.create", input=[{"role": "user", "content": [
        {"type": "input_text", "text": "Read my notes"}, {"type": "input_file", "file_id": f.id}]}])  # fmt: skip
    done = await call(emu_client, "responses.wait", response.id, timeout=30, poll_interval=0.05)
    assert "notes.md" in done.output_text


async def test_files_list_retrieve_delete(emu_client: AnyClient) -> None:
    made = [await call(emu_client, "files.upload", b"x", filename=f"f{i}.txt") for i in range(12)]
    listed = await collect(emu_client.files.list())
    assert len(listed) == 10
    assert {f.id for f in listed} <= {f.id for f in made}
    assert (await call(emu_client, "files.retrieve", made[0].id)).status == "uploaded"
    assert (await call(emu_client, "files.delete", made[0].id)).deleted is True
    with pytest.raises(openai.NotFoundError):
        await call(emu_client, "files.retrieve", made[0].id)
