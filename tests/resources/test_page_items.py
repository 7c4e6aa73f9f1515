"""``tasks.list`` pages are built by pydantic's compiled validator: same typed ``Task`` models, every
unknown field kept, odd items built the SDK's way, garbage still refused (issue 14, item 7)."""

from __future__ import annotations

from typing import Any

import openai
import pytest

from manus_openai._compat import construct_type
from manus_openai._page_items import build_items
from manus_openai.types import Task
from manus_openai.types.task import TaskContent, TaskMessage
from tests.conftest import FakeManus
from tests.resources.conftest import AnyClient, call, collect, json_reply


def task_json(task_id: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": task_id, "object": "task", "created_at": 1760000000, "updated_at": "1760000001",
        "status": "completed", "model": "manus-1.6-agent", "credit_usage": 6, "brand_new_field": {"x": [1]},
        "metadata": {"task_title": f"Title {task_id}", "task_url": f"https://manus.im/app/{task_id}"},
        "output": [
            {"id": "m1", "role": "user", "type": "message", "status": "completed",
             "content": [{"type": "output_text", "text": "hi"}]},
            {"id": "m2", "role": "assistant", "type": "message", "status": "completed", "phase": "final",
             "content": [{"type": "output_text", "text": "Blue."},
                         {"type": "output_file", "fileUrl": "https://cdn.example/a.md", "fileName": "a.md",
                          "mimeType": "text/markdown"}]},
        ],
        **extra,
    }  # fmt: skip


def page_json(tasks: list[Any]) -> dict[str, Any]:
    return {"object": "list", "data": tasks, "first_id": None, "last_id": None, "has_more": False}


ODD = [
    task_json("t-na", created_at="n/a"),  # not a number: kept as sent
    task_json("t-num-error", error=123),  # a number where a string belongs
    task_json("t-status", status=7),
    task_json("t-output", output="not a list"),
]


def constructed(data: list[Any]) -> list[Any]:
    """What the SDK's construct builds, item by item (the reference)."""
    return [construct_type(type_=Task, value=item) for item in data]


@pytest.mark.parametrize("data", [[task_json("t1"), task_json("t2")], ODD, [task_json("t1"), *ODD]])
def test_items_equal_what_construct_builds(data: list[Any]) -> None:
    fast = build_items(list[Task], data)
    slow = constructed(data)
    assert [type(t) for t in fast] == [Task] * len(data)
    assert [t.to_dict(warnings=False) for t in fast] == [t.to_dict(warnings=False) for t in slow]
    assert [t.model_extra for t in fast] == [t.model_extra for t in slow]


def test_well_formed_items_are_typed_all_the_way_down() -> None:
    (task,) = build_items(list[Task], [task_json("t1")])
    assert task.updated_at == 1760000001  # the numeric string normalised, as construct does
    assert task.model_extra == {"credit_usage": 6, "brand_new_field": {"x": [1]}}
    assert task.output is not None
    assert isinstance(task.output[1], TaskMessage)
    assert task.output[1].model_extra == {"phase": "final"}
    part = task.output[1].content[1]  # type: ignore[index]
    assert isinstance(part, TaskContent)
    assert part.model_extra == {"fileUrl": "https://cdn.example/a.md", "fileName": "a.md", "mimeType": "text/markdown"}
    assert task.output_text == "Blue."
    assert [f.file_name for f in task.output_files] == ["a.md"]


def test_odd_items_keep_what_the_server_sent() -> None:
    na, num_error, status, output = build_items(list[Task], ODD)
    assert na.created_at == "n/a"
    assert num_error.error == 123
    assert status.status == 7
    assert output.output == "not a list"


async def test_a_page_does_not_construct_its_items_one_field_at_a_time(
    mock_client: AnyClient, fake: FakeManus, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[str] = []
    original = Task.construct.__func__  # type: ignore[attr-defined]

    def counting(cls: type[Task], _fields_set: Any = None, **values: Any) -> Task:
        built.append(str(values.get("id")))
        return original(cls, _fields_set, **values)  # type: ignore[no-any-return]

    monkeypatch.setattr(Task, "construct", classmethod(counting))
    monkeypatch.setattr(Task, "model_construct", classmethod(counting))
    fake.replies = [json_reply(page_json([task_json(f"t{i}") for i in range(50)] + [ODD[0]]))]
    tasks = await collect(mock_client.tasks.list())
    assert [t.id for t in tasks] == [f"t{i}" for i in range(50)] + ["t-na"]
    assert built == ["t-na"]  # only the item the validator refused


async def test_listed_tasks_are_bound_to_the_client(mock_client: AnyClient, fake: FakeManus) -> None:
    fake.replies = [json_reply(page_json([task_json("t1")]))]
    (task,) = await collect(mock_client.tasks.list())
    assert task.output_files[0]._owner is not None  # downloads go through the listing client


@pytest.mark.parametrize("garbage", [[1, "x"], [None], [task_json("t1"), []]])
async def test_entries_that_are_not_objects_are_still_refused(
    mock_client: AnyClient, fake: FakeManus, garbage: list[Any]
) -> None:
    fake.replies = [json_reply(page_json(garbage))]
    with pytest.raises(openai.APIResponseValidationError, match=r"data\["):
        await call(mock_client, "tasks.list")
