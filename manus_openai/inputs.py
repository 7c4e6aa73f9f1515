"""Builders for the input parts Manus documents: ``input_text``, ``input_file`` and ``input_image``.

Each returns the plain dict the OpenAI SDK sends, so they mix freely with hand-written parts::

    from manus_openai import inputs

    client.responses.create(
        input=[{"role": "user", "content": [
            inputs.text("Summarise this"),
            inputs.file(path="report.pdf"),          # base64 data URL with the right MIME type
            inputs.image(url="https://example.com/chart.png"),
        ]}],
    )

A local path or bytes becomes a ``data:<mime>;base64,...`` URL (the compat guide: "include the proper MIME
type prefix"); a file uploaded with ``client.files`` is referenced by ``file_id``.
"""

from __future__ import annotations

import base64
import mimetypes
import os
from typing import Union, cast

from openai.types.responses import ResponseInputFileParam, ResponseInputImageParam, ResponseInputTextParam

__all__ = ["data_url", "file", "image", "text"]

PathLike = Union[str, "os.PathLike[str]"]

IMAGE_MIME_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp")
"""Image formats the compat guide lists for ``input_image``."""


def text(value: str) -> ResponseInputTextParam:
    """An ``input_text`` part.

    >>> text("hello")
    {'type': 'input_text', 'text': 'hello'}
    """
    if not isinstance(value, str):
        raise TypeError(f"text must be a str, got {type(value).__name__}")
    if not value.strip():
        raise ValueError("text must be a non-empty string")
    return {"type": "input_text", "text": value}


def data_url(data: bytes, mime_type: str) -> str:
    """``data:<mime>;base64,<payload>`` for ``data``.

    >>> data_url(b"hi", "text/plain")
    'data:text/plain;base64,aGk='
    """
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError(f"data must be bytes, got {type(data).__name__}")
    if not mime_type or "/" not in mime_type:
        raise ValueError(f"mime_type must look like 'type/subtype', got {mime_type!r}")
    return f"data:{mime_type};base64,{base64.b64encode(bytes(data)).decode('ascii')}"


def _read(path: PathLike) -> tuple[bytes, str]:
    name = os.fspath(path)
    try:
        with open(name, "rb") as fh:
            return fh.read(), os.path.basename(name)
    except OSError as exc:
        raise ValueError(f"path {name!r} cannot be read: {exc.strerror or exc}") from exc


def _guess(filename: str | None, mime_type: str | None, default: str) -> str:
    if mime_type:
        return mime_type
    guessed = mimetypes.guess_type(filename)[0] if filename else None
    return guessed or default


def _exactly_one(field: str, **sources: object) -> str:
    given = [name for name, value in sources.items() if value is not None]
    if len(given) != 1:
        raise ValueError(f"{field} takes exactly one of {', '.join(sources)}; got {given or 'none'}")
    return given[0]


def file(
    *,
    url: str | None = None,
    path: PathLike | None = None,
    data: bytes | None = None,
    file_id: str | None = None,
    filename: str | None = None,
    mime_type: str | None = None,
) -> ResponseInputFileParam:
    """An ``input_file`` part from exactly one of a public ``url``, a local ``path``, raw ``data`` or a ``file_id``.

    >>> file(url="https://example.com/a.pdf")
    {'type': 'input_file', 'file_url': 'https://example.com/a.pdf'}
    >>> file(data=b"a,b", filename="t.csv")["file_data"]
    'data:text/csv;base64,YSxi'
    """
    source = _exactly_one("inputs.file()", url=url, path=path, data=data, file_id=file_id)
    if source == "url":
        return {"type": "input_file", "file_url": _non_empty("url", url)}
    if source == "file_id":
        return {"type": "input_file", "file_id": _non_empty("file_id", file_id)}
    if source == "path":
        assert path is not None
        content, name = _read(path)
        filename = filename or name
    else:
        assert data is not None
        content = data
        if not filename:
            raise ValueError("filename is required with data= (Manus needs it next to file_data)")
    return {
        "type": "input_file",
        "filename": filename,
        "file_data": data_url(content, _guess(filename, mime_type, "application/octet-stream")),
    }


def image(
    *,
    url: str | None = None,
    path: PathLike | None = None,
    data: bytes | None = None,
    mime_type: str | None = None,
) -> ResponseInputImageParam:
    """An ``input_image`` part from a public ``url``, a local ``path`` or raw ``data`` (PNG, JPEG, GIF, WebP).

    >>> image(url="https://example.com/cat.png")
    {'type': 'input_image', 'image_url': 'https://example.com/cat.png'}
    """
    source = _exactly_one("inputs.image()", url=url, path=path, data=data)
    if source == "url":
        return _image_part(_non_empty("url", url))
    if source == "path":
        assert path is not None
        content, name = _read(path)
        mime = _guess(name, mime_type, "")
    else:
        assert data is not None
        content, mime = data, mime_type or ""
    if mime not in IMAGE_MIME_TYPES:
        raise ValueError(
            f"mime_type must be one of {', '.join(IMAGE_MIME_TYPES)} for an image; got {mime or 'unknown'!r}"
        )
    return _image_part(data_url(content, mime))


def _image_part(image_url: str) -> ResponseInputImageParam:
    # openai's TypedDict requires `detail`; Manus documents only `image_url`, so none is sent.
    return cast(ResponseInputImageParam, {"type": "input_image", "image_url": image_url})


def _non_empty(field: str, value: str | None) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{field} must be a non-empty string")
    return value
