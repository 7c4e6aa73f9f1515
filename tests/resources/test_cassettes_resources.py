"""tasks / projects / files replayed offline from cassettes/resources/ (recorded against the emulator)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from manus_openai import AsyncManusOpenAI, ManusOpenAI
from manus_openai.types import file_attachment

pytestmark = pytest.mark.vcr


def seed(cassette_target: dict[str, Any], n: int) -> None:
    emulator = cassette_target.get("emulator")
    if emulator is not None:  # recording against the emulator; replays need no server
        emulator.seed_tasks(n, statuses=("completed", "running", "failed"))


def test_list_paginates_with_filters(cassette_target: dict[str, Any], cassette_client: ManusOpenAI) -> None:
    seed(cassette_target, 25)
    tasks = list(cassette_client.tasks.list(status=["completed", "failed"], limit=5, order="asc"))
    assert len(tasks) == len({t.id for t in tasks}) > 5
    assert {t.status for t in tasks} == {"completed", "failed"}
    stamps = [t.created_at or 0 for t in tasks]
    assert stamps == sorted(stamps)


async def test_async_list(cassette_target: dict[str, Any], async_cassette_client: AsyncManusOpenAI) -> None:
    seed(cassette_target, 12)
    tasks = [t async for t in async_cassette_client.tasks.list(limit=5)]
    assert len(tasks) == 12
    page = await async_cassette_client.tasks.list(limit=5)
    assert page.has_more is True
    assert page.last_id == page.data[-1].id


def test_task_lifecycle(cassette_client: ManusOpenAI) -> None:
    created = cassette_client.tasks.create("What's the colour of the sky?", task_mode="agent")
    done = cassette_client.responses.wait(created.task_id, poll_interval=0.01)
    assert done.status == "completed"
    again = cassette_client.tasks.create("And at night?", task_id=created.task_id)
    assert again.task_id == created.task_id
    cassette_client.responses.wait(created.task_id, poll_interval=0.01)
    task = cassette_client.tasks.retrieve(created.task_id)
    assert task.status == "completed"
    assert "night" in task.output_text
    updated = cassette_client.tasks.update(task.id, title="Sky", enable_shared=True)
    assert updated.task_title == "Sky"
    assert updated.share_url
    assert cassette_client.tasks.delete(task.id).deleted is True


async def test_async_task_create_update_delete(async_cassette_client: AsyncManusOpenAI) -> None:
    created = await async_cassette_client.tasks.create("Plan a trip to Kyoto", create_shareable_link=True)
    assert created.share_url
    updated = await async_cassette_client.tasks.update(created.task_id, enable_visible_in_task_list=False)
    assert updated.task_id == created.task_id
    assert (await async_cassette_client.tasks.delete(created.task_id)).deleted is True


def test_projects(cassette_client: ManusOpenAI) -> None:
    project = cassette_client.projects.create("Research", instruction="Answer in one line.")
    assert [p.id for p in cassette_client.projects.list(limit=5)] == [project.id]


def test_files_upload_attach_download(cassette_client: ManusOpenAI, tmp_path: Path) -> None:
    uploaded = cassette_client.files.upload(b"a,b\n1,2\n", filename="data.csv")
    assert uploaded.status == "uploaded"
    created = cassette_client.tasks.create("Summarise [[manus:files=1]]", attachments=[file_attachment(uploaded)])
    cassette_client.responses.wait(created.task_id, poll_interval=0.01)
    task = cassette_client.tasks.retrieve(created.task_id)
    (output,) = task.output_files
    path = output.download(tmp_path)
    assert path.name == output.file_name
    assert b"data.csv" in path.read_bytes()
    assert [f.id for f in cassette_client.files.list()] == [uploaded.id]
    assert cassette_client.files.delete(uploaded.id).deleted is True


async def test_async_files(async_cassette_client: AsyncManusOpenAI) -> None:
    f = await async_cassette_client.files.create(file=("notes.md", b"# Notes"), purpose="user_data")
    assert (await async_cassette_client.files.retrieve(f.id)).filename == "notes.md"
    assert (await async_cassette_client.files.delete(f.id)).deleted is True
