"""``client.v2.files``: the presigned upload flow (manus-api.md §6.12), ``file.detail`` and ``file.delete``.

``upload(file)``: ``file.upload {"filename"}`` -> ``PUT`` the bytes to ``upload_url`` (through the client's
connection pool, **without** any key header: the presigned URL is its own credential) -> ``file.detail``
until ``uploaded`` -> the ``V2File``. A file over 512 MB is refused before sending (Manus's documented
cap). ``error`` / ``deleted`` while waiting raise ``ManusError`` with Manus's ``error_message``.
"""

from __future__ import annotations

import time
from functools import cached_property
from typing import Any

import anyio
import httpx
from openai import APIConnectionError, APITimeoutError
from typing_extensions import Unpack

from .._compat import async_http_client_of, http_client_of, status_error
from ..errors import ManusError
from ..resources.files import UPLOAD_POLL_DELAYS, Upload, Uploadable, _put_request, read_upload
from ..types.v2.file import FileDeleted, FileDetail, FileUploadTicket, V2File
from ._base import AsyncV2Resource, RequestOptions, V2Resource
from ._params import check_id
from ._views import (
    AsyncV2FilesWithRawResponse,
    AsyncV2FilesWithStreamingResponse,
    V2FilesWithRawResponse,
    V2FilesWithStreamingResponse,
)

__all__ = ["MAX_UPLOAD_BYTES", "AsyncV2Files", "V2Files"]

MAX_UPLOAD_BYTES = 512 * 1024 * 1024


def _read(file: object, filename: str | None) -> Upload:
    upload = read_upload(file, filename)
    if len(upload.content) > MAX_UPLOAD_BYTES:
        raise ValueError(f"file: {len(upload.content)} bytes is over Manus's 512 MB upload limit")
    return upload


def _target(ticket: FileUploadTicket) -> httpx.URL:
    url = ticket.upload_url
    if not url:
        raise ManusError(f"file.upload returned no upload_url for {ticket.file.id!r}; cannot upload the bytes")
    parsed = httpx.URL(url)
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ManusError(f"file.upload returned an upload_url that is not an absolute http(s) URL: {url!r}")
    return parsed


def _done(file: V2File) -> bool:
    if file.status in ("error", "deleted"):
        raise ManusError(f"file {file.id} upload failed ({file.status}): {file.error_message or 'no message'}")
    return file.status == "uploaded"


def _pending(file_id: str) -> ManusError:
    return ManusError(f"file {file_id} was uploaded but still says 'pending' after {sum(UPLOAD_POLL_DELAYS):.1f}s")


class V2Files(V2Resource):
    """``client.v2.files`` on ``ManusOpenAI``.

    Example::

        f = client.v2.files.upload("report.pdf")
        client.v2.tasks.create([{"type": "text", "text": "Summarise"}, {"type": "file", "file_id": f.id}])
    """

    @cached_property
    def with_raw_response(self) -> V2FilesWithRawResponse:
        """The same methods, returning the raw HTTP response (``.parse()`` gives the typed result)."""
        return V2FilesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> V2FilesWithStreamingResponse:
        """The same methods as context managers over the unread HTTP response."""
        return V2FilesWithStreamingResponse(self)

    def _sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    def upload(self, file: Uploadable, *, filename: str | None = None, **options: Unpack[RequestOptions]) -> V2File:
        """Upload a path, bytes (with ``filename=``) or a binary file; returns the record once ``uploaded``.

        Example::

            f = client.v2.files.upload("report.pdf")
        """
        upload = _read(file, filename)
        ticket = self._call("POST", "file.upload", {"filename": upload.filename}, FileUploadTicket, options)
        self._put_bytes(_target(ticket), upload)
        for delay in UPLOAD_POLL_DELAYS:
            if delay:
                self._sleep(delay)
            record = self.retrieve(ticket.file.id, **options)
            if _done(record):
                return record
        raise _pending(ticket.file.id)

    def _put_bytes(self, url: httpx.URL, upload: Upload) -> None:
        client: Any = self._client
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

    def retrieve(self, file_id: str, **options: Unpack[RequestOptions]) -> V2File:
        """``file.detail``.

        Example::

            print(client.v2.files.retrieve(file_id).status)
        """
        query = {"file_id": check_id("file_id", file_id)}
        return self._unwrap("GET", "file.detail", query, FileDetail, options, lambda detail: detail.file)

    def delete(self, file_id: str, **options: Unpack[RequestOptions]) -> FileDeleted:
        """``file.delete``.

        Example::

            client.v2.files.delete(file_id)
        """
        return self._call("POST", "file.delete", {"file_id": check_id("file_id", file_id)}, FileDeleted, options)


class AsyncV2Files(AsyncV2Resource):
    """``client.v2.files`` on ``AsyncManusOpenAI``; the async twin of ``V2Files``."""

    @cached_property
    def with_raw_response(self) -> AsyncV2FilesWithRawResponse:
        """The same methods, returning the raw HTTP response (``.parse()`` gives the typed result)."""
        return AsyncV2FilesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncV2FilesWithStreamingResponse:
        """The same methods as async context managers over the unread HTTP response."""
        return AsyncV2FilesWithStreamingResponse(self)

    async def _sleep(self, seconds: float) -> None:
        await anyio.sleep(seconds)

    async def upload(
        self, file: Uploadable, *, filename: str | None = None, **options: Unpack[RequestOptions]
    ) -> V2File:
        """Upload a path, bytes or a binary file; the record once ``uploaded``; see ``V2Files.upload``.

        Example::

            f = await client.v2.files.upload("report.pdf")
        """
        upload = _read(file, filename)
        ticket = await self._call("POST", "file.upload", {"filename": upload.filename}, FileUploadTicket, options)
        await self._put_bytes(_target(ticket), upload)
        for delay in UPLOAD_POLL_DELAYS:
            if delay:
                await self._sleep(delay)
            record = await self.retrieve(ticket.file.id, **options)
            if _done(record):
                return record
        raise _pending(ticket.file.id)

    async def _put_bytes(self, url: httpx.URL, upload: Upload) -> None:
        client: Any = self._client
        http = async_http_client_of(client)
        request = _put_request(http, client, url, upload)
        try:
            response = await http.send(request)
        except httpx.TimeoutException as exc:
            raise APITimeoutError(request=request) from exc
        except httpx.HTTPError as exc:
            raise APIConnectionError(request=request) from exc
        if response.is_error:
            await response.aread()
            raise status_error(client, response)

    async def retrieve(self, file_id: str, **options: Unpack[RequestOptions]) -> V2File:
        """``file.detail``; see ``V2Files.retrieve``.

        Example::

            print((await client.v2.files.retrieve(file_id)).status)
        """
        query = {"file_id": check_id("file_id", file_id)}
        return await self._unwrap("GET", "file.detail", query, FileDetail, options, lambda detail: detail.file)

    async def delete(self, file_id: str, **options: Unpack[RequestOptions]) -> FileDeleted:
        """``file.delete``; see ``V2Files.delete``.

        Example::

            await client.v2.files.delete(file_id)
        """
        return await self._call("POST", "file.delete", {"file_id": check_id("file_id", file_id)}, FileDeleted, options)
