"""v1 projections of the task model: the Task object (§4.6), the Response object (§3.5) and friends.

Optional fields of the OpenAPI ``Task`` schema are omitted when unset (protobuf-JSON behaviour of the
gRPC backend the error shape points to) rather than sent as ``null``.
"""

from __future__ import annotations

from datetime import datetime, timezone

from ._model import (
    UPLOAD_URL_TTL,
    FileRef,
    Message,
    Project,
    StoredFile,
    Task,
    model_name,
    v1_response_status,
    v1_task_status,
)

__all__ = [
    "file_view",
    "iso",
    "message_view",
    "project_view",
    "response_view",
    "task_ref_view",
    "task_url",
    "task_view",
]

JSON = dict[str, object]


def iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def task_url(task: Task) -> str:
    return f"https://manus.im/app/{task.id}"


def share_url(task: Task) -> str:
    return f"https://manus.im/share/{task.id}"


def file_url(ref: FileRef, origin: str) -> str:
    if ref.path is not None:
        return origin + ref.path
    return ref.url or ""


def message_view(message: Message, origin: str) -> JSON:
    content: list[object] = []
    if message.text is not None:
        content.append({"type": "output_text", "text": message.text})
    for ref in message.files:
        content.append(
            {
                "type": "output_file",
                "text": None,
                "fileUrl": file_url(ref, origin),
                "fileName": ref.name,
                "mimeType": ref.mime,
            }
        )
    return {
        "id": message.id,
        "status": "completed",
        "role": message.role,
        "type": "message",
        "content": content,
    }


def metadata_view(task: Task, now: float, rate: float) -> dict[str, str]:
    meta = dict(task.metadata)
    meta["task_title"] = task.title
    meta["task_url"] = task_url(task)
    meta["credit_usage"] = str(task.credits(now, rate))
    if task.shareable:
        meta["share_url"] = share_url(task)
    return meta


def task_view(task: Task, origin: str, now: float, rate: float) -> JSON:
    body: JSON = {
        "id": task.id,
        "object": "task",
        "created_at": int(task.created_at),
        "updated_at": int(task.updated_at),
        "status": v1_task_status(task.status),
    }
    if task.error is not None:
        body["error"] = task.error
    body["instructions"] = task.prompt
    body["model"] = model_name(task.profile, task.task_mode)
    body["metadata"] = metadata_view(task, now, rate)
    body["output"] = [message_view(m, origin) for m in task.messages]
    if task.locale is not None:
        body["locale"] = task.locale
    body["credit_usage"] = task.credits(now, rate)
    return body


def response_view(task: Task, origin: str, now: float, rate: float) -> JSON:
    body: JSON = {
        "id": task.id,
        "object": "response",
        "status": v1_response_status(task.status),
        "model": model_name(task.profile, task.task_mode),
        "createdAt": str(int(task.created_at)),
        "metadata": metadata_view(task, now, rate),
        "output": [message_view(m, origin) for m in task.messages],
    }
    if task.error is not None:
        body["error"] = task.error
    if task.locale is not None:
        body["locale"] = task.locale
    return body


def task_ref_view(task: Task) -> JSON:
    """The small body of ``POST /v1/tasks`` and ``PUT /v1/tasks/{id}`` (§4.1, §4.4)."""
    body: JSON = {"task_id": task.id, "task_title": task.title, "task_url": task_url(task)}
    if task.shareable:
        body["share_url"] = share_url(task)
    return body


def project_view(project: Project) -> JSON:
    return {
        "id": project.id,
        "name": project.name,
        "instruction": project.instruction or "",
        "created_at": int(project.created_at),
    }


def file_view(stored: StoredFile, now: float, *, origin: str | None = None) -> JSON:
    """A File; with ``origin`` (creation only) also the presigned ``upload_url`` and its expiry."""
    body: JSON = {
        "id": stored.id,
        "object": "file",
        "filename": stored.filename,
        "status": stored.status(now),
        "created_at": iso(stored.created_at),
    }
    if origin is not None:
        body["upload_url"] = (
            f"{origin}/uploads/{stored.id}?X-Amz-Expires={int(UPLOAD_URL_TTL)}&X-Amz-Signature={stored.upload_token}"
        )
        body["upload_expires_at"] = iso(stored.created_at + UPLOAD_URL_TTL)
    return body
