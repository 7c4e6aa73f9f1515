"""``File`` and ``FileDeleted``: v1 file records (manus-api.md §4.8), shaped as OpenAI's file types.

``File`` subclasses ``openai.types.FileObject`` so code written for ``client.files`` of the OpenAI SDK
keeps type-checking: ``id``, ``filename``, ``status`` and ``created_at`` mean the same. Differences:
``status`` is Manus's ``pending`` / ``uploaded`` / ``deleted``; ``bytes`` and ``purpose`` are not
sent by Manus (None); ``created_at`` / ``upload_expires_at`` are Unix seconds whether Manus sends
ISO-8601 strings (the API reference) or numbers (the compat guide); ``upload_url`` is present right
after creation only.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from openai.types import FileDeleted as _OpenAIFileDeleted
from openai.types import FileObject

from ._conversation import coerce_int
from ._normalizing import Normalizing

__all__ = ["FILE_STATUSES", "File", "FileDeleted", "unix_seconds"]

FILE_STATUSES: tuple[str, ...] = ("pending", "uploaded", "deleted")


def unix_seconds(value: object) -> int | None:
    """``1760348691``, ``"1760348691"`` or ``"2025-10-13T09:44:51Z"`` -> 1760348691; else None."""
    number = coerce_int(value)
    if number is not None:
        return number
    if isinstance(value, str) and value.strip():
        try:
            parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00").replace("z", "+00:00"))
        except ValueError:
            return None
        if parsed.tzinfo is None:
            return None  # a naive time is ambiguous: keep the server's string rather than guess
        return int(parsed.timestamp())
    return None


def _normalize(values: dict[str, Any]) -> dict[str, Any]:
    v = dict(values)
    for key in ("created_at", "upload_expires_at", "expires_at"):
        seconds = unix_seconds(v.get(key))
        if seconds is not None:
            v[key] = seconds
    return v


class File(Normalizing, FileObject):
    """A file uploaded to Manus, to attach to tasks by ``id``.

    Example::

        f = client.files.upload("report.pdf")
        assert f.status == "uploaded"
        client.tasks.create("Summarise it", attachments=[file_attachment(f)])
    """

    # Manus's record is narrower and differently spelled than OpenAI's; the SDK does not validate.
    bytes: int | None = None  # type: ignore[assignment]  # Manus does not report sizes
    created_at: int | None = None  # type: ignore[assignment]  # ISO string on the wire -> Unix seconds
    object: str | None = None  # type: ignore[assignment]  # "file"
    purpose: str | None = None  # type: ignore[assignment]  # Manus files have no purpose
    status: str | None = None  # type: ignore[assignment]  # pending / uploaded / deleted
    upload_url: str | None = None
    """The presigned URL to PUT the bytes to (only in the ``POST /v1/files`` answer; expires in 3 minutes)."""
    upload_expires_at: int | None = None

    @classmethod
    def _normalize_values(cls, values: dict[str, Any]) -> dict[str, Any]:
        return _normalize(values)


class FileDeleted(_OpenAIFileDeleted):
    """What ``files.delete`` returns: ``{"id": ..., "object": "file.deleted", "deleted": true}``.

    Example::

        assert client.files.delete(f.id).deleted
    """

    object: str = "file.deleted"  # type: ignore[assignment]  # openai's Literal["file"]
