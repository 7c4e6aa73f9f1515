"""v2 projections of the model (manus-api.md §6): task records, events, files, webhooks, projects.

All timestamps are integer Unix seconds (§2.2). Optional fields are omitted rather than sent as
``null`` when the docs say "only present when..." (``credit_usage``, ``share_url``,
``next_cursor``). Choices: ``has_running_background_jobs`` (§12.1) is always sent (a bool);
``created_by_api_key`` is ``{"id": "key_emulator", "name": "Emulator key"}`` for tasks created
with the API key (v1 or v2) and absent for tasks an OAuth app created; ``agent_profile`` echoes
the versioned form [NEWEST].
"""

from __future__ import annotations

import base64
from typing import Any

from ._errors import ApiError
from ._model import (
    FILE_RETENTION,
    UPLOAD_URL_TTL,
    Event,
    FileRef,
    Project,
    StoredFile,
    Task,
    Webhook,
)
from ._slides import PPTX_MIME

__all__ = [
    "API_KEY_REF",
    "decode_cursor",
    "encode_cursor",
    "event_view",
    "file_record",
    "project_record",
    "task_record",
    "task_ref",
    "webhook_record",
]

JSON = dict[str, Any]
API_KEY_REF = {"id": "key_emulator", "name": "Emulator key"}


def task_url(task: Task) -> str:
    return f"https://manus.im/app/{task.id}"


def task_record(task: Task, now: float, rate: float) -> JSON:
    """The task object of ``task.detail`` and ``task.list``."""
    body: JSON = {
        "id": task.id,
        "status": task.status,
        "created_at": int(task.created_at),
        "updated_at": int(task.updated_at),
        "task_type": task.task_type,
        "share_visibility": task.visibility,
        "title": task.title,
        "task_url": task_url(task),
        "agent_profile": task.profile,
        "has_running_background_jobs": task.background_until is not None and now < task.background_until,
    }
    credits = task.credits(now, rate)
    if credits > 0:
        body["credit_usage"] = credits
    if task.created_by_app is None:
        body["created_by_api_key"] = dict(API_KEY_REF)
    if task.visibility != "private":
        body["share_url"] = f"https://manus.im/share/{task.id}"
    return body


def task_ref(task: Task) -> JSON:
    """``task_id, task_title, task_url, share_visibility`` (+ ``share_url``) of create/update."""
    body: JSON = {
        "task_id": task.id,
        "task_title": task.title,
        "task_url": task_url(task),
        "share_visibility": task.visibility,
    }
    if task.visibility != "private":
        body["share_url"] = f"https://manus.im/share/{task.id}"
    return body


def _attachment(ref: FileRef, origin: str, slides_format: str) -> JSON:
    if ref.pptx_path is not None:  # a slides deck (``_slides``): HTML, or PowerPoint on request
        if slides_format == "pptx":
            name = ref.name.removesuffix(".html") + ".pptx"
            return {"type": "slides", "filename": name, "url": origin + ref.pptx_path, "content_type": PPTX_MIME}
        return {"type": "slides", "filename": ref.name, "url": origin + (ref.path or ""), "content_type": ref.mime}
    kind = "image" if ref.mime.startswith("image/") else "voice" if ref.mime.startswith("audio/") else "file"
    url = origin + ref.path if ref.path is not None else (ref.url or "")
    return {"type": kind, "filename": ref.name, "url": url, "content_type": ref.mime}


def event_view(event: Event, origin: str, slides_format: str = "html") -> JSON:
    """``{id, type, timestamp, <type>: payload}``; ``slides_format`` picks the slides decks' form."""
    payload = dict(event.payload)
    if event.type in ("user_message", "assistant_message"):
        payload["attachments"] = [_attachment(f, origin, slides_format) for f in event.files]
    return {"id": event.id, "type": event.type, "timestamp": int(event.at), event.type: payload}


def encode_cursor(*parts: object) -> str:
    return base64.urlsafe_b64encode(":".join(map(str, parts)).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, expect: str, count: int) -> list[str]:
    """The parts of a cursor made by ``encode_cursor``; a 400 naming ``cursor`` otherwise."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (ValueError, UnicodeDecodeError):
        raw = ""
    parts = raw.split(":")
    if len(parts) != count or parts[0] != expect:
        raise ApiError.invalid("cursor", "unknown or foreign cursor (pass next_cursor of the previous page unchanged)")
    return parts


def file_record(stored: StoredFile, now: float) -> JSON:
    """The ``file`` object of ``file.detail``."""
    status = stored.status(now)
    uploaded = stored.uploaded_at
    return {
        "id": stored.id,
        "filename": stored.filename,
        "status": status,
        "created_at": int(stored.created_at),
        "bytes": len(stored.content) if stored.content is not None else None,
        "content_type": stored.mime,
        "expires_at": int(uploaded + FILE_RETENTION) if uploaded is not None else None,
        "error_message": None,
    }


def upload_ticket(stored: StoredFile, origin: str) -> JSON:
    """``file`` (pending), ``upload_url`` and ``upload_expires_at`` of ``file.upload``."""
    return {
        "file": {
            "id": stored.id,
            "filename": stored.filename,
            "status": "pending",
            "created_at": int(stored.created_at),
        },
        "upload_url": (
            f"{origin}/uploads/{stored.id}?X-Amz-Expires={int(UPLOAD_URL_TTL)}&X-Amz-Signature={stored.upload_token}"
        ),
        "upload_expires_at": int(stored.created_at + UPLOAD_URL_TTL),
    }


def webhook_record(hook: Webhook) -> JSON:
    return {"id": hook.id, "url": hook.url, "status": "active", "created_at": int(hook.created_at)}


def project_record(project: Project) -> JSON:
    return {
        "id": project.id,
        "name": project.name,
        "created_at": int(project.created_at),
        "instruction": project.instruction or "",
    }
