"""``client.files``: Manus's v1 files (manus-api.md §4.8) in place of OpenAI's files resource.

``Files`` / ``AsyncFiles`` subclass the SDK's ``Files`` / ``AsyncFiles`` so ``client.files`` stays an
``openai.resources.Files`` for code that checks; the methods Manus serves are replaced:

* ``upload(file)`` runs the presigned two-step flow: ``POST /v1/files {"filename"}`` -> ``PUT`` the bytes
  to the returned ``upload_url`` (a presigned storage URL: sent through the client's connection pool
  but **without** the ``API_KEY`` header or any other key header) -> ``GET /v1/files/{id}`` until the
  record says ``uploaded`` -> the ``File``.
* ``create(file=..., purpose=...)`` is OpenAI's signature mapped onto ``upload``; ``purpose`` is accepted
  and ignored (Manus files have none), so OpenAI code that uploads and then sends
  ``{"type": "input_file", "file_id": f.id}`` keeps working.
* ``retrieve``, ``list`` (the 10 most recent files; one page, no cursor) and ``delete``.

OpenAI's ``content`` / ``retrieve_content`` hit endpoints Manus lacks and raise
``UnsupportedEndpointError`` before sending anything. ``upload`` / ``create`` are several requests,
so they have no ``with_raw_response`` form.
"""

from __future__ import annotations

import mimetypes
import os
import time
from functools import cached_property
from pathlib import Path
from typing import Union

import httpx
from openai import APIConnectionError, APITimeoutError, AsyncOpenAI, OpenAI
from openai.resources.files import AsyncFiles as _OpenAIAsyncFiles
from openai.resources.files import Files as _OpenAIFiles

from .._compat import (
    NOT_GIVEN,
    AsyncPage,
    AsyncPaginator,
    Body,
    FileTypes,
    Headers,
    NotGiven,
    Query,
    SyncPage,
    async_http_client_of,
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    http_client_of,
    make_request_options,
    status_error,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._options import check_id
from ..errors import ManusError
from ..types.file import File, FileDeleted

__all__ = ["UPLOAD_POLL_DELAYS", "AsyncFiles", "Files", "Upload", "read_upload"]

UPLOAD_POLL_DELAYS: tuple[float, ...] = (0.0, 0.25, 0.5, 1.0, 2.0, 4.0)
"""Pauses before each ``GET /v1/files/{id}`` after the PUT, until the record says ``uploaded``
(the first read is immediate; about 8 s in all before ``upload`` gives up)."""

_KEY_HEADERS = frozenset({"api_key", "api-key", "authorization", "x-manus-api-key"})
_DEFAULT_MIME = "application/octet-stream"

Uploadable = Union[FileTypes, str]
"""What ``upload`` / ``create`` take: a path (str or PathLike), bytes, a binary file object, or
OpenAI's ``(filename, content[, content_type])`` tuple."""


class Upload:
    """A file read for upload: its name, bytes and content type."""

    __slots__ = ("content", "content_type", "filename")

    def __init__(self, filename: str, content: bytes, content_type: str) -> None:
        self.filename = filename
        self.content = content
        self.content_type = content_type


def _content(value: object, filename: str | None) -> tuple[str | None, bytes]:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return filename, bytes(value)
    if isinstance(value, (str, os.PathLike)):
        path = Path(value)
        if not path.is_file():
            raise ValueError(f"file: no file at {str(path)!r}")
        try:
            return filename or path.name, path.read_bytes()
        except OSError as exc:  # permissions, I/O errors: a named ValueError like a missing file
            raise ValueError(f"file: {str(path)!r} cannot be read: {exc.strerror or exc}") from exc
    read = getattr(value, "read", None)
    if callable(read):
        try:
            data = read()
        except (OSError, ValueError) as exc:  # a closed or broken file object
            raise ValueError(f"file: the file object cannot be read: {exc}") from exc
        if isinstance(data, str):
            raise TypeError("file: open the file in binary mode ('rb'); a text-mode file was given")
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError(f"file: read() returned {type(data).__name__}, expected bytes")
        name = getattr(value, "name", None)
        if filename is None and isinstance(name, (str, os.PathLike)):
            filename = Path(name).name or None
        return filename, bytes(data)
    raise TypeError(
        "file must be a path, bytes, a binary file object or a (filename, content[, content_type]) tuple, "
        f"got {type(value).__name__}"
    )


def read_upload(file: object, filename: str | None = None) -> Upload:
    """Read what ``upload`` / ``create`` were given; ``filename`` beats the one the input carries.

    >>> u = read_upload(("notes.md", b"# hi"))
    >>> (u.filename, u.content, u.content_type)
    ('notes.md', b'# hi', 'text/markdown')
    """
    if filename is not None and (not isinstance(filename, str) or not filename.strip()):
        raise ValueError(f"filename must be a non-empty string, got {filename!r}")
    content_type: str | None = None
    if isinstance(file, tuple):
        if not 2 <= len(file) <= 4:
            raise TypeError("file tuple must be (filename, content[, content_type[, headers]])")
        tuple_name, value = file[0], file[1]
        content_type = file[2] if len(file) > 2 else None
        name, data = _content(value, filename or tuple_name)
    else:
        name, data = _content(file, filename)
    if not name:
        raise ValueError(
            "a filename is required (Manus stores one per file): pass filename=..., a path, or a "
            "(filename, content) tuple"
        )
    name = Path(name.replace("\\", "/")).name or name
    mime = content_type or mimetypes.guess_type(name)[0] or _DEFAULT_MIME
    return Upload(name, data, mime)


def _upload_url(created: File) -> httpx.URL:
    url = created.upload_url
    if not url:
        raise ManusError(f"POST /files returned no upload_url for {created.id!r}; cannot upload the bytes")
    parsed = httpx.URL(url)
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ManusError(f"POST /files returned an upload_url that is not an absolute http(s) URL: {url!r}")
    return parsed


def _put_request(http: Union[httpx.Client, httpx.AsyncClient], client: Union[OpenAI, AsyncOpenAI],
                 url: httpx.URL, upload: Upload) -> httpx.Request:  # fmt: skip
    request = http.build_request(
        "PUT", url, content=upload.content, headers={"Content-Type": upload.content_type}, timeout=client.timeout
    )
    # The presigned URL is its own credential: no key header, even one set on a custom http_client.
    for name in [n for n in request.headers if n.lower() in _KEY_HEADERS]:
        del request.headers[name]
    return request


def _finished(file: File) -> bool:
    if file.status == "deleted":
        raise ManusError(f"file {file.id} was deleted before its upload completed")
    return file.status != "pending"


def _still_pending(file_id: str) -> ManusError:
    waited = sum(UPLOAD_POLL_DELAYS)
    return ManusError(f"file {file_id} was uploaded but its record still says 'pending' after {waited:.1f}s")


class Files(_OpenAIFiles):
    """``client.files`` on a Manus client: upload, retrieve, list and delete files to attach to tasks.

    Example::

        f = client.files.upload("report.pdf")
        client.tasks.create("Summarise it", attachments=[file_attachment(f)])
        # OpenAI style works too:
        f = client.files.create(file=open("report.pdf", "rb"), purpose="user_data")
        client.responses.create(input=[{"role": "user", "content": [
            {"type": "input_text", "text": "Summarise it"}, {"type": "input_file", "file_id": f.id}]}])
    """

    _monotonic = staticmethod(time.monotonic)

    @cached_property
    def with_raw_response(self) -> FilesWithRawResponse:  # type: ignore[override]  # Manus's methods only
        """``retrieve`` / ``list`` / ``delete`` returning the raw HTTP response."""
        return FilesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> FilesWithStreamingResponse:  # type: ignore[override]  # Manus's methods only
        """``retrieve`` / ``list`` / ``delete`` as context managers over the unread HTTP response."""
        return FilesWithStreamingResponse(self)

    def upload(
        self,
        file: Uploadable,
        *,
        filename: str | None = None,
        extra_headers: Headers | None = None,
        timeout: Union[float, httpx.Timeout, NotGiven, None] = NOT_GIVEN,
    ) -> File:
        """Upload a file and return its ``File`` record once Manus says ``uploaded``.

        ``file`` is a path, bytes (then ``filename=`` is required), a binary file object or a
        ``(filename, content[, content_type])`` tuple. The bytes go to the presigned URL without the API
        key. ``extra_headers`` / ``timeout`` apply to the API calls. Files expire after 48 hours.

        Example::

            f = client.files.upload("data.csv")
            f = client.files.upload(b"a,b\\n1,2\\n", filename="data.csv")
        """
        upload = read_upload(file, filename)
        options = make_request_options(extra_headers=extra_headers, timeout=timeout)
        created = self._post("/files", body={"filename": upload.filename}, options=options, cast_to=File)
        self._put_bytes(_upload_url(created), upload)
        for delay in UPLOAD_POLL_DELAYS:
            if delay:
                self._sleep(delay)
            record = self.retrieve(created.id, extra_headers=extra_headers, timeout=timeout)
            if _finished(record):
                return record
        raise _still_pending(created.id)

    def _put_bytes(self, url: httpx.URL, upload: Upload) -> None:
        client = self._client
        http = http_client_of(client)
        request = _put_request(http, client, url, upload)
        try:
            response = http.send(request)
        except httpx.TimeoutException as exc:
            raise APITimeoutError(request=request) from exc
        except httpx.HTTPError as exc:
            raise APIConnectionError(request=request) from exc
        if response.is_error:
            raise status_error(client, response)

    def create(  # type: ignore[override,unused-ignore]  # newer openai adds expires_after; purpose optional, ignored
        self,
        *,
        file: Uploadable,
        purpose: Union[str, NotGiven] = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Union[float, httpx.Timeout, NotGiven, None] = NOT_GIVEN,
    ) -> File:
        """OpenAI's ``files.create``, mapped onto ``upload``: ``purpose`` is accepted and ignored.

        ``extra_query`` / ``extra_body`` have no Manus meaning here and are refused when given.

        Example::

            f = client.files.create(file=("notes.md", b"# Notes"), purpose="user_data")
        """
        if extra_query or extra_body:
            raise TypeError("files.create() cannot send extra_query / extra_body: Manus's upload is a presigned PUT")
        return self.upload(file, extra_headers=extra_headers, timeout=timeout)

    def retrieve(
        self,
        file_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Union[float, httpx.Timeout, NotGiven, None] = NOT_GIVEN,
    ) -> File:
        """A file's record (``status``: ``pending``, ``uploaded`` or ``deleted``).

        Example::

            print(client.files.retrieve("file-abc123").status)
        """
        return self._get(
            f"/files/{check_id(file_id, 'file_id')}",
            options=make_request_options(
                extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout
            ),
            cast_to=File,
        )

    def list(  # type: ignore[override]  # Manus lists the 10 most recent files: no cursor arguments
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Union[float, httpx.Timeout, NotGiven, None] = NOT_GIVEN,
    ) -> SyncPage[File]:
        """The 10 most recent files (Manus documents no parameters and no cursor).

        Example::

            for f in client.files.list():
                print(f.id, f.filename, f.status)
        """
        return self._get_api_list(
            "/files",
            page=SyncPage[File],
            model=File,
            options=make_request_options(
                extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout
            ),
        )

    def delete(
        self,
        file_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Union[float, httpx.Timeout, NotGiven, None] = NOT_GIVEN,
    ) -> FileDeleted:
        """Delete a file (its record and its bytes); tasks can no longer use it.

        Example::

            assert client.files.delete("file-abc123").deleted
        """
        return self._delete(
            f"/files/{check_id(file_id, 'file_id')}",
            options=make_request_options(
                extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout
            ),
            cast_to=FileDeleted,
        )

    def wait_for_processing(self, id: str, *, poll_interval: float = 5.0, max_wait_seconds: float = 30 * 60) -> File:
        """OpenAI's helper, Manus-style: poll until the file is no longer ``pending``.

        Example::

            f = client.files.wait_for_processing(f.id, poll_interval=1, max_wait_seconds=60)
        """
        start = self._monotonic()
        record = self.retrieve(id)
        while record.status == "pending":
            if self._monotonic() - start > max_wait_seconds:
                raise ManusError(f"file {id} still pending after {max_wait_seconds} seconds")
            self._sleep(poll_interval)
            record = self.retrieve(id)
        return record


class AsyncFiles(_OpenAIAsyncFiles):
    """``client.files`` on ``AsyncManusOpenAI``: the async twin of ``Files``.

    Example::

        f = await client.files.upload("report.pdf")
        print((await client.files.retrieve(f.id)).status)
    """

    _monotonic = staticmethod(time.monotonic)

    @cached_property
    def with_raw_response(self) -> AsyncFilesWithRawResponse:  # type: ignore[override]  # Manus's methods only
        """``retrieve`` / ``list`` / ``delete`` returning the raw HTTP response."""
        return AsyncFilesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncFilesWithStreamingResponse:  # type: ignore[override]  # Manus's methods only
        """``retrieve`` / ``list`` / ``delete`` as async context managers over the unread HTTP response."""
        return AsyncFilesWithStreamingResponse(self)

    async def upload(
        self,
        file: Uploadable,
        *,
        filename: str | None = None,
        extra_headers: Headers | None = None,
        timeout: Union[float, httpx.Timeout, NotGiven, None] = NOT_GIVEN,
    ) -> File:
        """Upload a file; see ``Files.upload``.

        Example::

            f = await client.files.upload("data.csv")
        """
        upload = read_upload(file, filename)
        options = make_request_options(extra_headers=extra_headers, timeout=timeout)
        created = await self._post("/files", body={"filename": upload.filename}, options=options, cast_to=File)
        await self._put_bytes(_upload_url(created), upload)
        for delay in UPLOAD_POLL_DELAYS:
            if delay:
                await self._sleep(delay)
            record = await self.retrieve(created.id, extra_headers=extra_headers, timeout=timeout)
            if _finished(record):
                return record
        raise _still_pending(created.id)

    async def _put_bytes(self, url: httpx.URL, upload: Upload) -> None:
        client = self._client
        http = async_http_client_of(client)
        request = _put_request(http, client, url, upload)
        try:
            response = await http.send(request)
        except httpx.TimeoutException as exc:
            raise APITimeoutError(request=request) from exc
        except httpx.HTTPError as exc:
            raise APIConnectionError(request=request) from exc
        if response.is_error:
            raise status_error(client, response)

    async def create(  # type: ignore[override,unused-ignore]  # newer openai adds expires_after; purpose optional, ignored
        self,
        *,
        file: Uploadable,
        purpose: Union[str, NotGiven] = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Union[float, httpx.Timeout, NotGiven, None] = NOT_GIVEN,
    ) -> File:
        """OpenAI's ``files.create`` mapped onto ``upload``; see ``Files.create``.

        Example::

            f = await client.files.create(file=("notes.md", b"# Notes"), purpose="user_data")
        """
        if extra_query or extra_body:
            raise TypeError("files.create() cannot send extra_query / extra_body: Manus's upload is a presigned PUT")
        return await self.upload(file, extra_headers=extra_headers, timeout=timeout)

    async def retrieve(
        self,
        file_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Union[float, httpx.Timeout, NotGiven, None] = NOT_GIVEN,
    ) -> File:
        """A file's record; see ``Files.retrieve``.

        Example::

            f = await client.files.retrieve("file-abc123")
        """
        return await self._get(
            f"/files/{check_id(file_id, 'file_id')}",
            options=make_request_options(
                extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout
            ),
            cast_to=File,
        )

    def list(  # type: ignore[override]  # Manus lists the 10 most recent files: no cursor arguments
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Union[float, httpx.Timeout, NotGiven, None] = NOT_GIVEN,
    ) -> AsyncPaginator[File, AsyncPage[File]]:
        """The 10 most recent files; see ``Files.list``.

        Example::

            page = await client.files.list()
        """
        return self._get_api_list(
            "/files",
            page=AsyncPage[File],
            model=File,
            options=make_request_options(
                extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout
            ),
        )

    async def delete(
        self,
        file_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Union[float, httpx.Timeout, NotGiven, None] = NOT_GIVEN,
    ) -> FileDeleted:
        """Delete a file; see ``Files.delete``.

        Example::

            await client.files.delete("file-abc123")
        """
        return await self._delete(
            f"/files/{check_id(file_id, 'file_id')}",
            options=make_request_options(
                extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout
            ),
            cast_to=FileDeleted,
        )

    async def wait_for_processing(
        self, id: str, *, poll_interval: float = 5.0, max_wait_seconds: float = 30 * 60
    ) -> File:
        """Poll until the file is no longer ``pending``; see ``Files.wait_for_processing``.

        Example::

            f = await client.files.wait_for_processing(f.id, poll_interval=1)
        """
        start = self._monotonic()
        record = await self.retrieve(id)
        while record.status == "pending":
            if self._monotonic() - start > max_wait_seconds:
                raise ManusError(f"file {id} still pending after {max_wait_seconds} seconds")
            await self._sleep(poll_interval)
            record = await self.retrieve(id)
        return record


class FilesWithRawResponse:
    """``client.files.with_raw_response`` / ``client.with_raw_response.files``."""

    def __init__(self, files: Files) -> None:
        self.retrieve = to_raw_response_wrapper(files.retrieve)
        self.list = to_raw_response_wrapper(files.list)
        self.delete = to_raw_response_wrapper(files.delete)


class AsyncFilesWithRawResponse:
    """``client.files.with_raw_response`` on the async client."""

    def __init__(self, files: AsyncFiles) -> None:
        self.retrieve = async_to_raw_response_wrapper(files.retrieve)
        self.list = async_to_raw_response_wrapper(files.list)
        self.delete = async_to_raw_response_wrapper(files.delete)


class FilesWithStreamingResponse:
    """``client.files.with_streaming_response`` / ``client.with_streaming_response.files``."""

    def __init__(self, files: Files) -> None:
        self.retrieve = to_streamed_response_wrapper(files.retrieve)
        self.list = to_streamed_response_wrapper(files.list)
        self.delete = to_streamed_response_wrapper(files.delete)


class AsyncFilesWithStreamingResponse:
    """``client.files.with_streaming_response`` on the async client."""

    def __init__(self, files: AsyncFiles) -> None:
        self.retrieve = async_to_streamed_response_wrapper(files.retrieve)
        self.list = async_to_streamed_response_wrapper(files.list)
        self.delete = async_to_streamed_response_wrapper(files.delete)
