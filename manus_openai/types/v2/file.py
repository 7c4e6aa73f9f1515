"""v2 file records (manus-api.md §6.12): ``file.upload`` / ``file.detail`` / ``file.delete``.

Choice where the docs are silent: an unknown ``status`` value is kept as sent; ``V2FilesResource.upload``
treats only ``uploaded`` as usable and ``error`` / ``deleted`` as failures.
"""

from __future__ import annotations

from typing import ClassVar, Literal, Union

from ._base import V2Envelope, V2Model

__all__ = ["FILE_STATUSES", "FileDeleted", "FileStatus", "FileUploadTicket", "V2File"]

FileStatus = Literal["pending", "uploaded", "deleted", "error"]
FILE_STATUSES: tuple[str, ...] = ("pending", "uploaded", "deleted", "error")


class V2File(V2Model):
    """A v2 file record; use ``id`` as ``file_id`` in message parts once ``status == "uploaded"``.

    Example::

        f = client.v2.files.upload("report.pdf")
        client.v2.tasks.create([{"type": "text", "text": "Summarise"}, {"type": "file", "file_id": f.id}])
    """

    _timestamps: ClassVar[tuple[str, ...]] = ("created_at", "expires_at")

    id: str
    filename: str | None = None
    status: Union[FileStatus, str, None] = None
    created_at: float | None = None
    bytes: int | None = None
    content_type: str | None = None
    expires_at: float | None = None
    error_message: str | None = None


class FileUploadTicket(V2Envelope):
    """``file.upload``'s answer: the pending record and where to ``PUT`` the bytes (3 minutes)."""

    _timestamps: ClassVar[tuple[str, ...]] = ("upload_expires_at",)
    _payload: ClassVar[str | None] = "file"

    file: V2File
    upload_url: str | None = None
    upload_expires_at: float | None = None


class FileDetail(V2Envelope):
    """``file.detail``'s envelope."""

    _payload: ClassVar[str | None] = "file"

    file: V2File


class FileDeleted(V2Envelope):
    """``file.delete``'s answer (``{ok, request_id}``)."""
