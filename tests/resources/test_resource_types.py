"""Task / File / Project parsing and the attachment builders."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import pytest

from manus_openai.types import (
    TASK_STATUSES,
    File,
    ManusResponse,
    Task,
    base64_attachment,
    file_attachment,
    url_attachment,
)
from manus_openai.types.attachments import check_attachments


def seed_001_task(status: str) -> dict[str, Any]:
    """GET /v1/tasks/{id} as seed 001 shows it: no `type` on items, credit_usage top level."""
    return {
        "id": "task_id", "status": status, "model": "manus-1.6-adaptive",
        "metadata": {"task_title": "Task Title", "task_url": "https://manus.im/app/xxx"},
        "output": [{"role": "assistant", "status": "completed",
                    "content": [{"type": "output_text", "text": "The result text..."},
                                {"type": "output_file", "fileUrl": "https://cdn/x.pdf", "fileName": "x.pdf",
                                 "mimeType": "application/pdf"}]}],
        "credit_usage": 42,
    }  # fmt: skip


@pytest.mark.parametrize("status", [*TASK_STATUSES, "waiting", "brand_new_status"])
@pytest.mark.parametrize("strict", [False, True])
def test_task_tolerates_every_status(status: str, strict: bool) -> None:
    data = seed_001_task(status)
    task = Task.model_validate(data) if strict else Task.construct(**data)
    assert task.status == status
    assert task.output_text == "The result text..."
    assert task.credit_usage == 42
    assert task.task_title == "Task Title"
    assert task.task_url == "https://manus.im/app/xxx"
    assert [(f.file_name, f.mime_type) for f in task.output_files] == [("x.pdf", "application/pdf")]


@pytest.mark.parametrize("strict", [False, True])
def test_task_numeric_strings_and_unknown_fields(strict: bool) -> None:
    data: dict[str, Any] = {
        "id": "t", "created_at": "1760348691", "updated_at": "1760348692.0", "max_output_tokens": "10",
        "metadata": {"credit_usage": "12", "custom": "v"}, "brand_new": {"x": 1},
    }  # fmt: skip
    task = Task.model_validate(data) if strict else Task.construct(**data)
    assert (task.created_at, task.updated_at, task.max_output_tokens) == (1760348691, 1760348692, 10)
    assert task.credit_usage == 12
    assert task.model_extra == {"brand_new": {"x": 1}}
    assert task.to_dict()["brand_new"] == {"x": 1}


def test_task_and_response_share_one_accessor_implementation() -> None:
    for name in ("output_text", "output_files", "task_url", "share_url", "task_title", "credit_usage"):
        assert hasattr(Task, name)
        assert hasattr(ManusResponse, name)
    assert Task.output_text is ManusResponse.output_text


def test_non_numeric_timestamp_is_kept_not_lost() -> None:
    assert Task.construct(id="t", created_at="soon").created_at == "soon"  # type: ignore[comparison-overlap]


@pytest.mark.parametrize(
    ("raw", "expected"), [("2025-10-13T09:44:51Z", 1760348691), (1760348691, 1760348691), ("1760348691", 1760348691)]
)
def test_file_timestamps_become_unix_seconds(raw: object, expected: int) -> None:
    f = File.construct(id="file-1", object="file", filename="a", status="pending", created_at=raw)
    assert f.created_at == expected
    assert File.model_validate({"id": "file-1", "filename": "a", "created_at": raw}).created_at == expected


def test_attachment_builders_official_shapes(tmp_path: Path) -> None:
    f = File.construct(id="file-1", filename="q3.xlsx", status="uploaded")
    assert file_attachment(f) == {"filename": "q3.xlsx", "file_id": "file-1"}
    assert file_attachment("file-2", filename="a.pdf") == {"filename": "a.pdf", "file_id": "file-2"}
    assert url_attachment("https://e.com/a%20b.pdf", mime_type="application/pdf") == {
        "filename": "a b.pdf", "url": "https://e.com/a%20b.pdf", "mimeType": "application/pdf",
    }  # fmt: skip
    path = tmp_path / "notes.md"
    path.write_bytes(b"# hi")
    inline = base64_attachment(path)
    assert inline["filename"] == "notes.md"
    assert inline["fileData"] == "data:text/markdown;base64," + base64.b64encode(b"# hi").decode()
    assert base64_attachment(b"\x00", filename="blob")["fileData"] == "data:application/octet-stream;base64,AA=="
    assert check_attachments([f]) == [{"filename": "q3.xlsx", "file_id": "file-1"}]


@pytest.mark.parametrize(
    ("build", "error"),
    [
        (lambda: file_attachment("file-1"), ValueError),
        (lambda: url_attachment("ftp://e.com/a"), ValueError),
        (lambda: url_attachment(3), TypeError),  # type: ignore[arg-type]  # the wrong type is the point
        (lambda: base64_attachment(b"x"), ValueError),
        (lambda: base64_attachment("/no/such/file"), ValueError),
        (lambda: base64_attachment(3.0), TypeError),  # type: ignore[arg-type]  # the wrong type is the point
    ],
)
def test_attachment_builders_validate(build: Any, error: type[Exception]) -> None:
    with pytest.raises(error):
        build()


@pytest.mark.parametrize(
    "module",
    ["manus_openai.resources._task_requests", "manus_openai.resources.projects", "manus_openai.resources.files",
     "manus_openai.types.attachments"],
)  # fmt: skip
def test_docstring_examples_run(module: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0
    assert result.attempted > 0
