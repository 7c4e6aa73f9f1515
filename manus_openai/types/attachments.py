"""Attachments for ``tasks.create(attachments=[...])`` in the official v1 shapes (manus-api.md §4.1).

Three variants, each a plain dict on the wire:

* a file uploaded with ``client.files.upload``: ``{"filename": ..., "file_id": ...}``
* a public URL: ``{"filename": ..., "url": ..., "mimeType"?: ...}``
* inline bytes: ``{"filename": ..., "fileData": "data:<mime>;base64,<payload>"}``

(Seed 001's ``{"type": "url", ...}`` shape is unofficial and the schema forbids extra keys: not sent.)

Example::

    from manus_openai.types import base64_attachment, file_attachment, url_attachment

    uploaded = client.files.upload("q3.xlsx")
    client.tasks.create(
        "Compare these",
        attachments=[
            file_attachment(uploaded),
            url_attachment("https://example.com/q2.pdf"),
            base64_attachment("notes.md"),
        ],
    )
"""

from __future__ import annotations

import base64
import mimetypes
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Union
from urllib.parse import unquote, urlsplit

from typing_extensions import NotRequired, TypedDict

from .._options import check_str
from .file import File

__all__ = [
    "Attachment",
    "Base64Attachment",
    "FileIdAttachment",
    "UrlAttachment",
    "base64_attachment",
    "check_attachments",
    "file_attachment",
    "url_attachment",
]


class FileIdAttachment(TypedDict):
    """A file uploaded through ``client.files``."""

    filename: str
    file_id: str


class UrlAttachment(TypedDict):
    """A public URL Manus fetches itself."""

    filename: str
    url: str
    mimeType: NotRequired[str]


class Base64Attachment(TypedDict):
    """Inline content as a data URL."""

    filename: str
    fileData: str


Attachment = Union[FileIdAttachment, UrlAttachment, Base64Attachment]
"""One entry of ``attachments``."""

_DEFAULT_MIME = "application/octet-stream"


def file_attachment(file: Union[File, str], *, filename: str | None = None) -> FileIdAttachment:
    """Attach an uploaded file: a ``File`` (its ``filename`` is used) or a file id plus ``filename=``.

    >>> file_attachment("file-abc123", filename="report.pdf")
    {'filename': 'report.pdf', 'file_id': 'file-abc123'}
    """
    name: str | None
    if isinstance(file, File):
        file_id = check_str("file.id", file.id)
        name = filename if filename is not None else file.filename
    else:
        file_id = check_str("file", file)
        name = filename
    if name is None:
        raise ValueError("filename is required with a file id (the schema requires it): file_attachment(id, filename=)")
    return {"filename": check_str("filename", name), "file_id": file_id}


def url_attachment(url: str, *, filename: str | None = None, mime_type: str | None = None) -> UrlAttachment:
    """Attach a public http(s) URL; ``filename`` defaults to the URL's last path segment.

    >>> url_attachment("https://example.com/docs/q2.pdf")
    {'filename': 'q2.pdf', 'url': 'https://example.com/docs/q2.pdf'}
    """
    check_str("url", url)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"url must be an absolute http(s) URL, got {url!r}")
    name = filename if filename is not None else (unquote(parts.path.rsplit("/", 1)[-1]) or "attachment")
    result: UrlAttachment = {"filename": check_str("filename", name), "url": url}
    if mime_type is not None:
        result["mimeType"] = check_str("mime_type", mime_type)
    return result


def base64_attachment(
    data: Union[bytes, str, os.PathLike[str]], *, filename: str | None = None, mime_type: str | None = None
) -> Base64Attachment:
    """Attach content inline: ``data`` is a path (str or PathLike) or the bytes themselves.

    ``filename`` defaults to the path's name (required with bytes); ``mime_type`` is guessed from the
    file name, else ``application/octet-stream``.

    >>> base64_attachment(b"a,b\\n1,2\\n", filename="data.csv")
    {'filename': 'data.csv', 'fileData': 'data:text/csv;base64,YSxiCjEsMgo='}
    """
    if isinstance(data, (bytes, bytearray, memoryview)):
        content = bytes(data)
        if filename is None:
            raise ValueError("filename is required when data is bytes: base64_attachment(data, filename=...)")
        name = filename
    elif isinstance(data, (str, os.PathLike)):
        path = Path(data)
        if not path.is_file():
            raise ValueError(f"data must be bytes or the path of an existing file; no file at {str(path)!r}")
        try:
            content = path.read_bytes()
        except OSError as exc:  # permissions, I/O errors: named like a missing file
            raise ValueError(f"data: the file {str(path)!r} cannot be read: {exc.strerror or exc}") from exc
        name = filename if filename is not None else path.name
    else:
        raise TypeError(f"data must be bytes or a file path, got {type(data).__name__}")
    check_str("filename", name)
    mime = mime_type if mime_type is not None else (mimetypes.guess_type(name)[0] or _DEFAULT_MIME)
    check_str("mime_type", mime)
    payload = base64.b64encode(content).decode("ascii")
    return {"filename": name, "fileData": f"data:{mime};base64,{payload}"}


_VARIANTS = ("file_id", "url", "fileData")


def check_attachments(value: object) -> list[dict[str, object]]:
    """Validate ``attachments`` before sending: a list of the three official shapes (a ``File`` is
    turned into its file-id attachment). Raises ``TypeError`` / ``ValueError`` naming the entry."""
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Sequence):
        raise TypeError(f"attachments must be a list of attachments, got {type(value).__name__}")
    result: list[dict[str, object]] = []
    for i, item in enumerate(value):
        where = f"attachments[{i}]"
        if isinstance(item, File):
            result.append(dict(file_attachment(item)))
            continue
        if not isinstance(item, Mapping):
            raise TypeError(f"{where} must be a dict such as file_attachment(...), got {type(item).__name__}")
        kinds = [k for k in _VARIANTS if k in item]
        if len(kinds) != 1:
            raise ValueError(
                f"{where} must have exactly one of 'file_id', 'url' or 'fileData' (use file_attachment, "
                f"url_attachment or base64_attachment), got keys {sorted(item)}"
            )
        if not isinstance(item.get("filename"), str) or not str(item["filename"]).strip():
            raise ValueError(f"{where}.filename is required (a non-empty string)")
        check_str(f"{where}.{kinds[0]}", item[kinds[0]])
        result.append(dict(item))
    return result
