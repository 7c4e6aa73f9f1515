"""Structural schemas of every emulator response shape, from manus-api.md (one checker per shape).

Each checker asserts required keys and their types, and that no key outside the documented set
appears, so a drift in the emulator's output fails here.
"""

from __future__ import annotations

import re
from typing import Any

ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def _check(obj: Any, required: dict[str, Any], optional: dict[str, Any] | None = None) -> None:
    assert isinstance(obj, dict), obj
    optional = optional or {}
    for key, kind in required.items():
        assert key in obj, f"missing {key!r} in {obj}"
        assert isinstance(obj[key], kind), f"{key!r} should be {kind}, got {obj[key]!r}"
    for key, value in obj.items():
        if key in required:
            continue
        assert key in optional, f"undocumented key {key!r} in {sorted(obj)}"
        assert isinstance(value, optional[key]), f"{key!r} should be {optional[key]}, got {value!r}"


def output_message(msg: Any) -> None:
    """TaskMessage (§4.6) / Response output message (§3.5)."""
    _check(msg, {"id": str, "status": str, "role": str, "type": str, "content": list})
    assert msg["role"] in ("user", "assistant")
    assert msg["type"] == "message"
    for part in msg["content"]:
        if part["type"] == "output_text":
            _check(part, {"type": str, "text": str})
        else:
            assert part["type"] == "output_file", part
            _check(part, {"type": str, "fileUrl": str, "fileName": str, "mimeType": str, "text": type(None)})


def metadata(meta: Any) -> None:
    assert isinstance(meta, dict)
    for key in ("task_title", "task_url", "credit_usage"):
        assert isinstance(meta[key], str), (key, meta)
    assert meta["credit_usage"].isdigit()
    assert meta["task_url"].startswith("https://manus.im/app/")
    assert all(isinstance(v, str) for v in meta.values())


def response_object(body: Any) -> None:
    """The v1 Response object (§3.5)."""
    _check(
        body,
        {"id": str, "object": str, "status": str, "model": str, "createdAt": str, "metadata": dict, "output": list},
        {"error": str, "locale": str},
    )
    assert body["object"] == "response"
    assert body["status"] in ("running", "pending", "completed", "error")
    assert body["createdAt"].isdigit()
    metadata(body["metadata"])
    for msg in body["output"]:
        output_message(msg)


def task_object(body: Any) -> None:
    """The v1 Task object (§4.6)."""
    _check(
        body,
        {"id": str, "object": str, "created_at": int, "updated_at": int, "status": str, "model": str,
         "metadata": dict, "output": list, "credit_usage": int},
        {"error": str, "incomplete_details": str, "instructions": str, "max_output_tokens": int, "locale": str},
    )  # fmt: skip
    assert body["object"] == "task"
    assert body["status"] in ("pending", "running", "completed", "failed")
    metadata(body["metadata"])
    for msg in body["output"]:
        output_message(msg)


def task_list(body: Any) -> None:
    """The GET /v1/tasks envelope (§4.2)."""
    _check(
        body,
        {"object": str, "data": list, "has_more": bool},
        {"first_id": (str, type(None)), "last_id": (str, type(None))},
    )
    assert body["object"] == "list"
    assert "first_id" in body
    assert "last_id" in body
    for task in body["data"]:
        task_object(task)
    if body["data"]:
        assert body["first_id"] == body["data"][0]["id"]
        assert body["last_id"] == body["data"][-1]["id"]


def task_ref(body: Any) -> None:
    """POST /v1/tasks and PUT /v1/tasks/{id} (§4.1, §4.4)."""
    _check(body, {"task_id": str, "task_title": str, "task_url": str}, {"share_url": str})


def deleted(body: Any, obj: str) -> None:
    _check(body, {"id": str, "object": str, "deleted": bool})
    assert body["object"] == obj
    assert body["deleted"] is True


def error(body: Any, code: int) -> None:
    """The v1 error body (§4.10)."""
    _check(body, {"code": int, "message": str, "details": list})
    assert body["code"] == code, body
    assert body["message"]


def project(body: Any) -> None:
    """§4.7."""
    _check(body, {"id": str, "name": str, "instruction": str, "created_at": int})
    assert body["id"].startswith("proj_")


def file_object(body: Any, *, created: bool = False) -> None:
    """§4.8; ``created`` adds the presigned upload fields."""
    required: dict[str, Any] = {"id": str, "object": str, "filename": str, "status": str, "created_at": str}
    if created:
        required |= {"upload_url": str, "upload_expires_at": str}
    _check(body, required)
    assert body["object"] == "file"
    assert body["status"] in ("pending", "uploaded", "deleted")
    assert ISO.match(body["created_at"])
    if created:
        assert ISO.match(body["upload_expires_at"])


def file_list(body: Any) -> None:
    _check(body, {"object": str, "data": list})
    for item in body["data"]:
        file_object(item)


def public_key(body: Any) -> None:
    """§4.9."""
    _check(body, {"public_key": str, "algorithm": str, "created_at": str})
    assert body["public_key"].startswith("-----BEGIN PUBLIC KEY-----")
    assert body["algorithm"] == "RSA-SHA256"
    assert ISO.match(body["created_at"])


def webhook_created(body: Any) -> None:
    _check(body, {"webhook_id": str})
