"""``OutputFile``: a file the Manus agent produced, as found in an ``output_file`` content part.

Downloading: ``download(path_or_dir)`` / ``read()`` (and ``adownload`` / ``aread``) stream the file
through the HTTP stack of the client that fetched it (its ``httpx`` connection pool, timeout and proxy
settings), or of the client passed as ``client=``; without either, through a short-lived
``httpx`` client. The Manus ``API_KEY`` header is sent only when the file lives on the API's own origin
(scheme, host and port of the client's ``base_url``, e.g. the local emulator); output files normally
sit on a CDN, which gets a plain request with every key header removed, also after redirects.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union
from urllib.parse import unquote, urlsplit

import httpx
from openai import APIConnectionError, APIStatusError, APITimeoutError, AsyncOpenAI, BaseModel, OpenAI
from pydantic import PrivateAttr

from .._compat import async_http_client_of, http_client_of, status_error

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator

__all__ = ["OutputFile", "get_private", "set_private"]

_KEY_HEADERS = frozenset({"api_key", "api-key", "authorization", "x-manus-api-key"})
_MAX_REDIRECTS = 5
_CHUNK = 64 * 1024

PathLike = Union[str, "os.PathLike[str]"]


def get_private(model: BaseModel, name: str) -> Any:
    """A pydantic private attribute, or None (openai's ``construct`` leaves ``__pydantic_private__`` unset)."""
    private = model.__pydantic_private__
    return private.get(name) if private else None


def set_private(model: BaseModel, name: str, value: object) -> None:
    """Set a pydantic private attribute on a model built by openai's ``construct``."""
    if model.__pydantic_private__ is None:
        object.__setattr__(model, "__pydantic_private__", {})
    model.__pydantic_private__[name] = value  # type: ignore[index]  # set just above


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    default = {"http": 80, "https": 443}.get(url.scheme)
    return url.scheme, url.host, url.port or default


def _auth_for(client: Union[OpenAI, AsyncOpenAI, None], url: httpx.URL) -> dict[str, str]:
    """The client's auth header when ``url`` is on the API's own origin, else nothing."""
    if client is None or _origin(url) != _origin(client.base_url):
        return {}
    return dict(client.auth_headers)


def _request(http: Union[httpx.Client, httpx.AsyncClient], client: Union[OpenAI, AsyncOpenAI, None],
             url: httpx.URL) -> httpx.Request:  # fmt: skip
    timeout = client.timeout if client is not None else httpx.Timeout(60.0, connect=10.0)
    request = http.build_request("GET", url, timeout=timeout)
    # A user-supplied http_client may carry the key as a default header: strip every key header,
    # then put the client's own back only for the API origin.
    for name in [n for n in request.headers if n.lower() in _KEY_HEADERS]:
        del request.headers[name]
    request.headers.update(_auth_for(client, url))
    return request


def _redirect_target(response: httpx.Response) -> httpx.URL | None:
    if not response.has_redirect_location:
        return None
    return response.url.join(response.headers["location"])


def _error(client: Union[OpenAI, AsyncOpenAI, None], response: httpx.Response) -> APIStatusError:
    if client is not None:
        return status_error(client, response)
    return APIStatusError(
        f"Error code: {response.status_code} downloading {response.url}", response=response, body=None
    )


def _safe_name(name: str | None, url: str | None) -> str:
    candidate = name or (unquote(urlsplit(url).path.rsplit("/", 1)[-1]) if url else "")
    candidate = Path(candidate.replace("\\", "/")).name  # never a path: no directories, no ".."
    return candidate if candidate not in ("", ".", "..") else "download"


def _target(path_or_dir: PathLike, name: str) -> Path:
    """A directory (existing, or spelled with a trailing separator) gets ``name`` inside it."""
    raw = os.fspath(path_or_dir)
    path = Path(raw)
    if path.is_dir() or raw.endswith(("/", os.sep)):
        path.mkdir(parents=True, exist_ok=True)
        return path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


class OutputFile(BaseModel):
    """A file produced by the agent (``fileUrl`` / ``fileName`` / ``mimeType`` on the wire).

    Example::

        for f in done.output_files:
            print(f.file_name, f.mime_type, f.file_url)
            f.download("results/", client=client)   # streamed to results/<file_name>
    """

    file_url: str | None = None
    file_name: str | None = None
    mime_type: str | None = None

    _owner: Any = PrivateAttr(default=None)

    @classmethod
    def from_part(cls, part: object) -> OutputFile:
        """Build from an ``output_file`` part (a model or a dict), camelCase or snake_case keys."""
        from ._conversation import field_of

        def text(*names: str) -> str | None:
            value = field_of(part, *names)
            return value if isinstance(value, str) else None

        extra = dict(part) if isinstance(part, Mapping) else dict(getattr(part, "model_extra", None) or {})
        known = {"fileUrl", "file_url", "fileName", "file_name", "mimeType", "mime_type", "type", "text"}
        return cls.construct(
            file_url=text("fileUrl", "file_url", "url"),
            file_name=text("fileName", "file_name", "filename"),
            mime_type=text("mimeType", "mime_type", "content_type"),
            **{k: v for k, v in extra.items() if k not in known},
        )

    def bind(self, client: Union[OpenAI, AsyncOpenAI]) -> OutputFile:
        """Download through ``client`` from now on (``Task`` objects fetched by a client do this)."""
        if not isinstance(client, (OpenAI, AsyncOpenAI)):
            raise TypeError(f"client must be an OpenAI / AsyncOpenAI client, got {type(client).__name__}")
        set_private(self, "_owner", client)
        return self

    # ------------------------------------------------------------------ decisions shared by sync and async
    def _url(self) -> httpx.URL:
        if not self.file_url:
            raise ValueError(f"output file {self.file_name!r} has no file_url to download")
        url = httpx.URL(self.file_url)
        if url.scheme not in ("http", "https"):
            raise ValueError(f"file_url must be an http(s) URL, got {self.file_url!r}")
        return url

    def _client(self, client: Union[OpenAI, AsyncOpenAI, None], want_async: bool) -> Any:
        chosen = client if client is not None else get_private(self, "_owner")
        if chosen is None:
            return None
        if want_async and not isinstance(chosen, AsyncOpenAI):
            raise TypeError("adownload()/aread() need an async client (AsyncManusOpenAI); use download()/read()")
        if not want_async and not isinstance(chosen, OpenAI):
            raise TypeError("download()/read() need a sync client (ManusOpenAI); use await adownload()/aread()")
        return chosen

    def _name(self) -> str:
        return _safe_name(self.file_name, self.file_url)

    # ------------------------------------------------------------------ sync I/O
    def _chunks(self, client: OpenAI | None) -> Iterator[bytes]:
        own = httpx.Client() if client is None else None
        http = own if own is not None else http_client_of(client)  # type: ignore[arg-type]  # one of both is set
        try:
            url = self._url()
            for _ in range(_MAX_REDIRECTS + 1):
                request = _request(http, client, url)
                try:
                    response = http.send(request, stream=True, follow_redirects=False)
                except httpx.TimeoutException as exc:
                    raise APITimeoutError(request=request) from exc
                except httpx.HTTPError as exc:
                    raise APIConnectionError(request=request) from exc
                try:
                    target = _redirect_target(response)
                    if target is not None:
                        url = target
                        continue
                    if response.is_error:
                        response.read()
                        raise _error(client, response)
                    yield from response.iter_bytes(_CHUNK)
                    return
                finally:
                    response.close()
            raise APIConnectionError(message=f"too many redirects downloading {self.file_url}", request=request)
        finally:
            if own is not None:
                own.close()

    def download(self, path_or_dir: PathLike, *, client: OpenAI | None = None) -> Path:
        """Stream the file to ``path_or_dir`` (a file path, or a directory: ``<dir>/<file_name>``).

        Written to ``<target>.part`` first and renamed when complete, so a failed download leaves no
        truncated file. Returns the path written.

        Example::

            path = task.output_files[0].download("out/")   # out/report.pdf
        """
        target = _target(path_or_dir, self._name())
        partial = target.with_name(target.name + ".part")
        try:
            with partial.open("wb") as out:
                for chunk in self._chunks(self._client(client, want_async=False)):
                    out.write(chunk)
            partial.replace(target)
        finally:
            partial.unlink(missing_ok=True)
        return target

    def read(self, *, client: OpenAI | None = None) -> bytes:
        """The file's bytes, in memory (use ``download`` for big files).

        Example::

            text = done.output_files[0].read(client=client).decode()
        """
        return b"".join(self._chunks(self._client(client, want_async=False)))

    # ------------------------------------------------------------------ async I/O (the twin of the above)
    async def _achunks(self, client: AsyncOpenAI | None) -> AsyncIterator[bytes]:
        own = httpx.AsyncClient() if client is None else None
        http = own if own is not None else async_http_client_of(client)  # type: ignore[arg-type]  # one of both is set
        try:
            url = self._url()
            for _ in range(_MAX_REDIRECTS + 1):
                request = _request(http, client, url)
                try:
                    response = await http.send(request, stream=True, follow_redirects=False)
                except httpx.TimeoutException as exc:
                    raise APITimeoutError(request=request) from exc
                except httpx.HTTPError as exc:
                    raise APIConnectionError(request=request) from exc
                try:
                    target = _redirect_target(response)
                    if target is not None:
                        url = target
                        continue
                    if response.is_error:
                        await response.aread()
                        raise _error(client, response)
                    async for chunk in response.aiter_bytes(_CHUNK):
                        yield chunk
                    return
                finally:
                    await response.aclose()
            raise APIConnectionError(message=f"too many redirects downloading {self.file_url}", request=request)
        finally:
            if own is not None:
                await own.aclose()

    async def adownload(self, path_or_dir: PathLike, *, client: AsyncOpenAI | None = None) -> Path:
        """The async twin of ``download``.

        Example::

            path = await task.output_files[0].adownload("out/", client=async_client)
        """
        target = _target(path_or_dir, self._name())
        partial = target.with_name(target.name + ".part")
        try:
            with partial.open("wb") as out:
                async for chunk in self._achunks(self._client(client, want_async=True)):
                    out.write(chunk)
            partial.replace(target)
        finally:
            partial.unlink(missing_ok=True)
        return target

    async def aread(self, *, client: AsyncOpenAI | None = None) -> bytes:
        """The async twin of ``read``.

        Example::

            data = await done.output_files[0].aread(client=async_client)
        """
        chunks = [chunk async for chunk in self._achunks(self._client(client, want_async=True))]
        return b"".join(chunks)
