"""The ASGI app: request log, faults, auth and the v1 routes (Starlette)."""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import mimetypes
import re
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from dataclasses import dataclass, field
from typing import Any, Literal, cast
from urllib.parse import parse_qsl, unquote, urlsplit

import httpx
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ._engine import (
    DEFAULT_PROFILE,
    PROFILES,
    TASK_MODES,
    Engine,
    FileRef,
    ListQuery,
    Task,
)
from ._errors import (
    CODE_INTERNAL,
    CODE_INVALID_ARGUMENT,
    CODE_NOT_FOUND,
    CODE_UNAUTHENTICATED,
    CODE_UNIMPLEMENTED,
    ApiError,
    error_body,
)
from ._faults import Fault, FaultPlan, canonical_path
from ._views import file_view, project_view, response_view, task_ref_view, task_view
from ._webhooks import WebhookService

__all__ = ["REDACTED", "EmulatorApp", "RecordedRequest"]

REDACTED = "[REDACTED]"
DROP_EXTENSION = "manus_emulator.drop_connection"

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
JSONDict = dict[str, Any]


@dataclass
class RecordedRequest:
    """One request as the emulator received it, with the API key redacted everywhere."""

    method: str
    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]
    body: bytes
    status: int | None = None
    fault: str | None = None
    extra: dict[str, object] = field(default_factory=dict)

    def json(self) -> Any:
        """The body parsed as JSON."""
        return json.loads(self.body)

    def query_values(self, name: str) -> list[str]:
        return [v for k, v in self.query if k == name]

    def __repr__(self) -> str:
        q = "&".join(f"{k}={v}" for k, v in self.query)
        return f"<RecordedRequest {self.method} {self.path}{'?' + q if q else ''} -> {self.status}>"


def _json(body: object, status: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    return JSONResponse(body, status_code=status, headers=dict(headers or {}))


def _error_response(err: ApiError) -> Response:
    return _json(err.body(), err.status, err.headers)


# ---------------------------------------------------------------------- body and field helpers
async def _json_body(request: Request) -> JSONDict:
    raw = await request.body()
    if not raw.strip():
        return {}  # like grpc-gateway: an empty body is an empty message; missing fields are named below
    try:
        value = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, CODE_INVALID_ARGUMENT, f"request body: invalid JSON ({exc})") from exc
    if not isinstance(value, dict):
        raise ApiError(400, CODE_INVALID_ARGUMENT, "request body: must be a JSON object")
    return value


_MISSING = object()


def _pick(body: Mapping[str, Any], *names: str) -> tuple[str, Any]:
    """First present spelling (camelCase and snake_case are both accepted, §1.2)."""
    for name in names:
        if name in body and body[name] is not None:
            return name, body[name]
    return names[0], _MISSING


def _opt_str(body: Mapping[str, Any], *names: str) -> str | None:
    name, value = _pick(body, *names)
    if value is _MISSING:
        return None
    if not isinstance(value, str):
        raise ApiError.invalid(name, "must be a string")
    return value


def _opt_bool(body: Mapping[str, Any], *names: str) -> bool | None:
    name, value = _pick(body, *names)
    if value is _MISSING:
        return None
    if not isinstance(value, bool):
        raise ApiError.invalid(name, "must be a boolean")
    return value


def _str_list(body: Mapping[str, Any], *names: str) -> list[str]:
    name, value = _pick(body, *names)
    if value is _MISSING:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ApiError.invalid(name, "must be an array of strings")
    return value


def _profile(body: Mapping[str, Any], *names: str) -> str | None:
    name, value = _pick(body, *names)
    if value is _MISSING or value == "":
        return None
    if not isinstance(value, str) or value not in PROFILES:
        raise ApiError.invalid(name, f"invalid agent profile {value!r}; use manus-1.6, manus-1.6-lite or manus-1.6-max")
    return PROFILES[value]


def _task_mode(body: Mapping[str, Any], *names: str) -> str:
    name, value = _pick(body, *names)
    if value is _MISSING:
        return "agent"
    if value not in TASK_MODES:
        raise ApiError.invalid(name, f"invalid task mode {value!r}; use agent, chat or adaptive")
    return cast(str, value)


def _reject_unknown(body: Mapping[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(body) - allowed)
    if unknown:
        raise ApiError.invalid(unknown[0], "unknown field (strict mode rejects additional properties)")


_DATA_URL = re.compile(r"^data:(?P<mime>[\w.+-]+/[\w.+-]+)?(?:;[\w.+-]+=[^;,]*)*;base64,(?P<data>.*)$", re.S)


def _decode_data(value: str, field_name: str, *, bare_ok: bool = False) -> tuple[str | None, bytes]:
    match = _DATA_URL.match(value)
    if match is None and not bare_ok:
        raise ApiError.invalid(field_name, "must be a data URL: data:<mime>;base64,<payload>")
    payload = match.group("data") if match else value
    try:
        content = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ApiError.invalid(field_name, "invalid base64 payload") from exc
    return (match.group("mime") if match else None), content


def _check_url(value: object, field_name: str) -> str:
    if not isinstance(value, str):
        raise ApiError.invalid(field_name, "must be a string URL")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ApiError.invalid(field_name, "must be an absolute http(s) URL")
    return value


def _name_from_url(url: str) -> str:
    return unquote(urlsplit(url).path.rsplit("/", 1)[-1]) or "file"


def _guess_mime(name: str, fallback: str = "application/octet-stream") -> str:
    return mimetypes.guess_type(name)[0] or fallback


class EmulatorApp:
    """The ASGI callable. Outermost: record the request, apply faults, check ``API_KEY``; then
    Starlette routes on the canonical ``/v1/...`` path."""

    def __init__(
        self,
        *,
        engine: Engine,
        faults: FaultPlan,
        webhooks: WebhookService,
        api_key: str,
        strict: bool = False,
        webhook_activation: Literal["require", "best_effort", "off"] = "best_effort",
    ) -> None:
        self.engine = engine
        self.faults = faults
        self.webhooks = webhooks
        self._api_key = api_key
        self.strict = strict
        self.webhook_activation = webhook_activation
        self.requests: list[RecordedRequest] = []
        self.last_origin = "http://testserver"
        routes = [
            Route("/v1/responses", self.create_response, methods=["POST"]),
            Route("/v1/responses/{id}", self.get_response, methods=["GET"]),
            Route("/v1/responses/{id}", self.delete_task, methods=["DELETE"]),
            Route("/v1/tasks", self.create_task, methods=["POST"]),
            Route("/v1/tasks", self.list_tasks, methods=["GET"]),
            Route("/v1/tasks/{id}", self.get_task, methods=["GET"]),
            Route("/v1/tasks/{id}", self.update_task, methods=["PUT"]),
            Route("/v1/tasks/{id}", self.delete_task, methods=["DELETE"]),
            Route("/v1/projects", self.create_project, methods=["POST"]),
            Route("/v1/projects", self.list_projects, methods=["GET"]),
            Route("/v1/files", self.create_file, methods=["POST"]),
            Route("/v1/files", self.list_files, methods=["GET"]),
            Route("/v1/files/upload", self.multipart_upload, methods=["POST"]),
            Route("/v1/files/{id}", self.get_file, methods=["GET"]),
            Route("/v1/files/{id}", self.delete_file, methods=["DELETE"]),
            Route("/v1/webhooks", self.create_webhook, methods=["POST"]),
            Route("/v1/webhooks/{id}", self.delete_webhook, methods=["DELETE"]),
            Route("/v1/webhook/public_key", self.public_key, methods=["GET"]),
            Route("/uploads/{id}", self.presigned_put, methods=["PUT"]),
            Route("/files-content/{task}/{name:path}", self.file_content, methods=["GET"]),
        ]
        self.router = Starlette(
            routes=routes,
            exception_handlers={
                ApiError: self._on_api_error,
                HTTPException: self._on_http_exception,
                Exception: self._on_crash,
            },
        )

    # ------------------------------------------------------------------ ASGI entry
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            if scope["type"] == "lifespan":  # pragma: no cover - uvicorn runs with lifespan="off"
                await self.router(scope, receive, send)
            return
        chunks: list[bytes] = []
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        record = self._record(scope, body)
        self.requests.append(record)
        path = scope["path"]
        canonical = canonical_path(path)
        host = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"host"), None)
        if host:
            self.last_origin = f"{scope.get('scheme', 'http')}://{host}"

        async def send_recording(message: Message) -> None:
            if message["type"] == "http.response.start":
                record.status = int(message["status"])
            await send(message)

        fault = self.faults.decide(scope["method"], canonical)
        if fault is not None:
            record.fault = fault.kind if fault.kind != "error" else f"error:{fault.status}"
            if fault.kind == "drop":
                await self._drop(scope)
                return
            if fault.kind == "delay":
                await asyncio.sleep(fault.seconds)
            else:
                await self._fault_response(fault)(scope, receive, send_recording)
                return

        if canonical.startswith("/v1/") and not self._authorized(scope):
            err = ApiError(
                401,
                CODE_UNAUTHENTICATED,
                "Unauthorized: missing or invalid API key. Send your Manus key in the API_KEY header "
                "(Authorization: Bearer is ignored; with the OpenAI SDK use "
                "default_headers={'API_KEY': key}).",
            )
            await _error_response(err)(scope, receive, send_recording)
            return

        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        inner = dict(scope)
        inner["path"] = canonical
        inner["raw_path"] = canonical.encode()
        await self.router(inner, replay, send_recording)

    def _record(self, scope: Scope, body: bytes) -> RecordedRequest:
        key = self._api_key
        headers: dict[str, str] = {}
        for raw_name, raw_value in scope["headers"]:
            name = raw_name.decode("latin-1")
            value = raw_value.decode("latin-1")
            if name == "api_key" or (key and key in value):
                value = REDACTED
            headers[name] = value
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        if key:
            query = [(k, REDACTED if key in v else v) for k, v in query]
            if key.encode() in body:
                body = body.replace(key.encode(), REDACTED.encode())
        return RecordedRequest(scope["method"], scope["path"], query, headers, body)

    def _authorized(self, scope: Scope) -> bool:
        for name, value in scope["headers"]:
            if name == b"api_key":
                return bool(value.decode("latin-1") == self._api_key)
        return False

    async def _drop(self, scope: Scope) -> None:
        drop = scope.get("extensions", {}).get(DROP_EXTENSION)
        if drop is None:
            # In-process (httpx.ASGITransport): there is no socket to close, so fail the way httpx
            # reports a peer that hung up.
            raise httpx.RemoteProtocolError("Server disconnected without sending a response.")
        drop()
        await asyncio.sleep(0.01)  # let the server see the closed connection before returning

    @staticmethod
    def _fault_response(fault: Fault) -> Response:
        headers: dict[str, str] = {}
        if fault.retry_after is not None:
            ra = fault.retry_after
            headers["Retry-After"] = str(int(ra)) if float(ra).is_integer() else str(ra)
        if fault.code is None:
            return Response(
                f"<html><body><h1>{fault.status} {fault.message}</h1></body></html>",
                status_code=fault.status,
                media_type="text/html",
                headers=headers,
            )
        return _json(error_body(fault.code, fault.message), fault.status, headers)

    # ------------------------------------------------------------------ error handlers
    async def _on_api_error(self, request: Request, exc: Exception) -> Response:
        return _error_response(cast(ApiError, exc))

    async def _on_http_exception(self, request: Request, exc: Exception) -> Response:
        status = cast(HTTPException, exc).status_code
        if status == 405:
            return _json(
                error_body(CODE_UNIMPLEMENTED, f"method {request.method} not allowed on {request.url.path}"),
                405,
            )
        if status == 404:
            return _json(error_body(CODE_NOT_FOUND, f"no such endpoint: {request.url.path}"), 404)
        return _json(error_body(CODE_INVALID_ARGUMENT, str(cast(HTTPException, exc).detail)), status)

    async def _on_crash(self, request: Request, exc: Exception) -> Response:  # pragma: no cover
        return _json(error_body(CODE_INTERNAL, f"emulator bug: {type(exc).__name__}: {exc}"), 500)

    # ------------------------------------------------------------------ helpers
    def _origin(self, request: Request) -> str:
        return str(request.base_url).rstrip("/")

    def _render_task(self, task: Task, request: Request) -> JSONDict:
        return task_view(task, self._origin(request), self.engine.clock.now(), self.engine.credits_per_second)

    def _render_response(self, task: Task, request: Request) -> JSONDict:
        return response_view(task, self._origin(request), self.engine.clock.now(), self.engine.credits_per_second)

    def _file_bytes(self, file_id: str, field_name: str) -> tuple[str, bytes]:
        try:
            stored = self.engine.get_file(file_id)
        except ApiError as exc:
            raise ApiError.invalid(field_name, f"file {file_id!r} not found or has been deleted") from exc
        status = stored.status(self.engine.clock.now())
        if status == "deleted" or stored.content is None:
            problem = "has been deleted" if status == "deleted" else "is not uploaded yet (PUT the bytes first)"
            raise ApiError.invalid(field_name, f"file {file_id!r} {problem}")
        return stored.filename, stored.content

    def _attachment(self, item: object, field_name: str) -> tuple[FileRef, bytes | None]:
        """One ``attachments[]`` item in the official or in seed 001's shape."""
        if not isinstance(item, dict):
            raise ApiError.invalid(field_name, "must be an object")
        kind = item.get("type")
        name = _opt_str(item, "filename", "fileName", "file_name")
        file_id = _opt_str(item, "file_id", "fileId")
        url = item.get("url")
        data = _opt_str(item, "fileData", "file_data") if kind != "base64" else _opt_str(item, "data", "fileData")
        mime = _opt_str(item, "mimeType", "mime_type")
        given = [k for k, v in (("file_id", file_id), ("url", url), ("fileData", data)) if v is not None]
        if kind not in (None, "url", "file_id", "base64"):
            raise ApiError.invalid(f"{field_name}.type", f"unknown attachment type {kind!r}")
        if len(given) != 1:
            raise ApiError.invalid(field_name, "give exactly one of file_id, url or fileData")
        if kind is None and name is None:
            raise ApiError.invalid(f"{field_name}.filename", "is required")
        if file_id is not None:
            stored_name, content = self._file_bytes(file_id, f"{field_name}.file_id")
            name = name or stored_name
            return FileRef(name, mime or _guess_mime(name), len(content)), content
        if url is not None:
            checked = _check_url(url, f"{field_name}.url")
            name = name or _name_from_url(checked)
            return FileRef(name, mime or _guess_mime(name), 0, url=checked), None
        assert data is not None
        data_mime, content = _decode_data(
            data, f"{field_name}.{'data' if kind == 'base64' else 'fileData'}", bare_ok=kind == "base64"
        )
        name = name or "attachment"
        return FileRef(name, mime or data_mime or _guess_mime(name), len(content)), content

    def _attachments(self, body: Mapping[str, Any]) -> list[tuple[FileRef, bytes | None]]:
        name, value = _pick(body, "attachments")
        if value is _MISSING:
            return []
        if not isinstance(value, list):
            raise ApiError.invalid(name, "must be an array")
        return [self._attachment(item, f"attachments[{i}]") for i, item in enumerate(value)]

    def _input(self, value: object) -> tuple[str, list[tuple[FileRef, bytes | None]]]:
        """The Responses ``input``: a bare string, or a list of user messages with input parts."""
        if isinstance(value, str):
            if not value.strip():
                raise ApiError.invalid("input", "must not be empty")
            return value, []
        if not isinstance(value, list) or not value:
            raise ApiError.invalid("input", "must be a string or a non-empty array of messages")
        texts: list[str] = []
        files: list[tuple[FileRef, bytes | None]] = []
        for i, item in enumerate(value):
            where = f"input[{i}]"
            if not isinstance(item, dict):
                raise ApiError.invalid(where, "must be a message object")
            role = item.get("role", "user")
            if role != "user":
                raise ApiError.invalid(f"{where}.role", f"only 'user' messages are supported, got {role!r}")
            if item.get("type", "message") != "message":
                raise ApiError.invalid(f"{where}.type", "must be 'message'")
            content = item.get("content")
            if isinstance(content, str):
                texts.append(content)
                continue
            if not isinstance(content, list) or not content:
                raise ApiError.invalid(f"{where}.content", "must be a string or a non-empty array of parts")
            for j, part in enumerate(content):
                texts_part, file_part = self._part(part, f"{where}.content[{j}]")
                if texts_part is not None:
                    texts.append(texts_part)
                if file_part is not None:
                    files.append(file_part)
        text = "\n".join(texts)
        if not text.strip():
            raise ApiError.invalid("input", "at least one non-empty input_text part is required")
        return text, files

    def _part(self, part: object, where: str) -> tuple[str | None, tuple[FileRef, bytes | None] | None]:
        if not isinstance(part, dict):
            raise ApiError.invalid(where, "must be a content part object")
        kind = part.get("type")
        if kind == "input_text":
            text = part.get("text")
            if not isinstance(text, str):
                raise ApiError.invalid(f"{where}.text", "must be a string")
            return text, None
        if kind == "input_file":
            given = [k for k in ("file_url", "file_id", "file_data") if part.get(k) is not None]
            if len(given) != 1:
                raise ApiError.invalid(where, "input_file needs exactly one of file_url, file_id or file_data")
            filename = part.get("filename")
            if filename is not None and not isinstance(filename, str):
                raise ApiError.invalid(f"{where}.filename", "must be a string")
            if given[0] == "file_url":
                url = _check_url(part["file_url"], f"{where}.file_url")
                name = filename or _name_from_url(url)
                return None, (FileRef(name, _guess_mime(name), 0, url=url), None)
            if given[0] == "file_id":
                file_id = part["file_id"]
                if not isinstance(file_id, str):
                    raise ApiError.invalid(f"{where}.file_id", "must be a string")
                stored_name, content = self._file_bytes(file_id, f"{where}.file_id")
                name = filename or stored_name
                return None, (FileRef(name, _guess_mime(name), len(content)), content)
            data = part["file_data"]
            if not isinstance(data, str):
                raise ApiError.invalid(f"{where}.file_data", "must be a data URL string")
            mime, content = _decode_data(data, f"{where}.file_data")
            name = filename or "attachment"
            return None, (FileRef(name, mime or _guess_mime(name), len(content)), content)
        if kind == "input_image":
            image = part.get("image_url")
            if part.get("file_id") is not None and image is None:
                file_id = part["file_id"]
                if not isinstance(file_id, str):
                    raise ApiError.invalid(f"{where}.file_id", "must be a string")
                stored_name, content = self._file_bytes(file_id, f"{where}.file_id")
                return None, (
                    FileRef(stored_name, _guess_mime(stored_name, "image/png"), len(content)),
                    content,
                )
            if not isinstance(image, str):
                raise ApiError.invalid(f"{where}.image_url", "must be a URL or a data URL")
            if image.startswith("data:"):
                mime, content = _decode_data(image, f"{where}.image_url")
                mime = mime or "image/png"
                ext = mimetypes.guess_extension(mime) or ".img"
                return None, (FileRef(f"image{ext}", mime, len(content)), content)
            url = _check_url(image, f"{where}.image_url")
            name = _name_from_url(url)
            return None, (FileRef(name, _guess_mime(name, "image/png"), 0, url=url), None)
        raise ApiError.invalid(
            f"{where}.type", f"unknown part type {kind!r}; use input_text, input_file or input_image"
        )

    def _project(self, body: Mapping[str, Any], *names: str) -> str | None:
        project_id = _opt_str(body, *names)
        if project_id is not None and project_id not in self.engine.projects:
            raise ApiError.invalid(names[0], f"project {project_id!r} not found")
        return project_id

    # ------------------------------------------------------------------ responses
    async def create_response(self, request: Request) -> Response:
        body = await _json_body(request)
        if body.get("stream"):
            raise ApiError.invalid("stream", "streaming is not supported by Manus; poll the response or use webhooks")
        prev = _opt_str(body, "previous_response_id", "previousResponseId")
        task_id = _opt_str(body, "task_id", "taskId")
        if prev is not None and task_id is not None:
            raise ApiError.invalid("previous_response_id", "use either previous_response_id or task_id, not both")
        if "input" not in body:
            raise ApiError.invalid("input", "is required")
        text, files = self._input(body["input"])
        profile = _profile(body, "agent_profile", "agentProfile")
        model = body.get("model")
        if profile is None and isinstance(model, str) and model in PROFILES:
            profile = PROFILES[model]  # LiteLLM sends the profile as ``model``
        mode = _task_mode(body, "task_mode", "taskMode")
        metadata = body.get("metadata")
        if metadata is not None and (
            not isinstance(metadata, dict) or not all(isinstance(v, str) for v in metadata.values())
        ):
            raise ApiError.invalid("metadata", "must be an object of string values")
        instructions = _opt_str(body, "instructions")
        shareable = _opt_bool(body, "create_shareable_link", "createShareableLink")
        hidden = _opt_bool(body, "hide_in_task_list", "hideInTaskList")
        interactive = _opt_bool(body, "interactive_mode", "interactiveMode")
        locale = _opt_str(body, "locale")
        connectors = _str_list(body, "connectors")
        project_id = self._project(body, "project_id", "projectId")
        files += self._attachments(body)
        existing = prev or task_id
        if existing is not None:
            task = self.engine.continue_task(existing, prompt=text, attachments=files, profile=profile)
        else:
            task = self.engine.create_task(
                prompt=text,
                profile=profile or DEFAULT_PROFILE,
                task_mode=mode,
                attachments=files,
                locale=locale,
                project_id=project_id,
                instructions=instructions,
                hidden=bool(hidden),
                shareable=bool(shareable),
                interactive=bool(interactive),
                connectors=connectors,
                metadata=cast("dict[str, str] | None", metadata),
            )
        return _json(self._render_response(task, request))

    async def get_response(self, request: Request) -> Response:
        task = self.engine.get(request.path_params["id"], poll=True)
        return _json(self._render_response(task, request))

    async def delete_task(self, request: Request) -> Response:
        task_id = request.path_params["id"]
        self.engine.delete(task_id)
        return _json({"id": task_id, "object": "task.deleted", "deleted": True})

    # ------------------------------------------------------------------ tasks
    _TASK_FIELDS = frozenset(
        {
            "prompt",
            "agentProfile",
            "taskMode",
            "attachments",
            "connectors",
            "hideInTaskList",
            "createShareableLink",
            "taskId",
            "projectId",
            "interactiveMode",
            "locale",
        }
    )

    async def create_task(self, request: Request) -> Response:
        body = await _json_body(request)
        if self.strict:
            _reject_unknown(body, set(self._TASK_FIELDS))
        prompt = _opt_str(body, "prompt")
        if prompt is None or not prompt.strip():
            raise ApiError.invalid("prompt", "is required and must be a non-empty string")
        profile = _profile(body, "agentProfile", "agent_profile")
        mode = _task_mode(body, "taskMode", "task_mode")
        attachments = self._attachments(body)
        connectors = _str_list(body, "connectors", "connector_ids")
        hidden = _opt_bool(body, "hideInTaskList", "hide_in_task_list")
        shareable = _opt_bool(body, "createShareableLink", "create_shareable_link")
        interactive = _opt_bool(body, "interactiveMode", "interactive_mode")
        locale = _opt_str(body, "locale")
        project_id = self._project(body, "projectId", "project_id")
        _opt_str(body, "mode")  # legacy quickstart field: accepted and ignored
        task_id = _opt_str(body, "taskId", "task_id")
        if task_id is not None:
            task = self.engine.continue_task(task_id, prompt=prompt, attachments=attachments, profile=profile)
        else:
            task = self.engine.create_task(
                prompt=prompt,
                profile=profile or DEFAULT_PROFILE,
                task_mode=mode,
                attachments=attachments,
                locale=locale,
                project_id=project_id,
                hidden=bool(hidden),
                shareable=bool(shareable),
                interactive=bool(interactive),
                connectors=connectors,
            )
        return _json(task_ref_view(task))

    async def get_task(self, request: Request) -> Response:
        convert = request.query_params.get("convert")
        if convert is not None and convert not in ("true", "false", "1", "0"):
            raise ApiError.invalid("convert", "must be a boolean")
        task = self.engine.get(request.path_params["id"], poll=True)
        return _json(self._render_task(task, request))

    async def update_task(self, request: Request) -> Response:
        body = await _json_body(request)
        if self.strict:
            _reject_unknown(body, {"title", "enableShared", "enableVisibleInTaskList"})
        title = _opt_str(body, "title")
        if title is not None and not title.strip():
            raise ApiError.invalid("title", "must not be empty")
        shared = _opt_bool(body, "enableShared", "enable_shared")
        visible = _opt_bool(body, "enableVisibleInTaskList", "enable_visible_in_task_list")
        task = self.engine.update(request.path_params["id"], title=title, shared=shared, visible=visible)
        return _json(task_ref_view(task))

    async def list_tasks(self, request: Request) -> Response:
        params = request.query_params

        def one(*names: str) -> tuple[str, str | None]:
            for name in names:
                values = params.getlist(name)
                if values:
                    return name, values[-1]
            return names[0], None

        def integer(name: str, raw: str | None) -> int | None:
            if raw is None or raw == "":
                return None
            try:
                return int(raw)
            except ValueError:
                raise ApiError.invalid(name, f"must be an integer, got {raw!r}") from None

        name, raw = one("limit")
        limit = integer(name, raw)
        if limit is None:
            limit = 100
        if not 1 <= limit <= 1000:
            raise ApiError.invalid("limit", f"must be between 1 and 1000, got {limit}")
        name, order = one("order")
        if order not in (None, "asc", "desc"):
            raise ApiError.invalid("order", f"must be 'asc' or 'desc', got {order!r}")
        name, order_by = one("orderBy", "order_by")
        if order_by not in (None, "created_at", "updated_at"):
            raise ApiError.invalid(name, f"must be 'created_at' or 'updated_at', got {order_by!r}")
        statuses = params.getlist("status") + params.getlist("status[]")
        for status in statuses:
            if status not in ("pending", "running", "completed", "failed"):
                raise ApiError.invalid(
                    "status", f"unknown status {status!r}; use pending, running, completed or failed"
                )
        after_name, after_raw = one("createdAfter", "created_after")
        before_name, before_raw = one("createdBefore", "created_before")
        _, after = one("after")
        _, query = one("query")
        q = ListQuery(
            after=after or None,
            limit=limit,
            order=cast("Literal['asc', 'desc']", order or "desc"),
            order_by=cast("Literal['created_at', 'updated_at']", order_by or "created_at"),
            query=query or None,
            statuses=frozenset(statuses),
            created_after=integer(after_name, after_raw),
            created_before=integer(before_name, before_raw),
        )
        page, has_more = self.engine.list_tasks(q)
        origin = self._origin(request)
        now = self.engine.clock.now()
        rate = self.engine.credits_per_second
        return _json(
            {
                "object": "list",
                "data": [task_view(t, origin, now, rate) for t in page],
                "first_id": page[0].id if page else None,
                "last_id": page[-1].id if page else None,
                "has_more": has_more,
            }
        )

    # ------------------------------------------------------------------ projects
    async def create_project(self, request: Request) -> Response:
        body = await _json_body(request)
        if self.strict:
            _reject_unknown(body, {"name", "instruction"})
        name = _opt_str(body, "name")
        if name is None or not name.strip():
            raise ApiError.invalid("name", "is required and must be a non-empty string")
        instruction = _opt_str(body, "instruction")
        return _json(project_view(self.engine.create_project(name, instruction)))

    async def list_projects(self, request: Request) -> Response:
        raw = request.query_params.get("limit", "100")
        try:
            limit = int(raw)
        except ValueError:
            raise ApiError.invalid("limit", f"must be an integer, got {raw!r}") from None
        if not 1 <= limit <= 1000:
            raise ApiError.invalid("limit", f"must be between 1 and 1000, got {limit}")
        return _json({"data": [project_view(p) for p in self.engine.list_projects(limit)]})

    # ------------------------------------------------------------------ files
    async def create_file(self, request: Request) -> Response:
        body = await _json_body(request)
        filename = _opt_str(body, "filename", "file_name", "fileName")
        if filename is None or not filename.strip():
            raise ApiError.invalid("filename", "is required and must be a non-empty string")
        stored = self.engine.create_file(filename)
        return _json(file_view(stored, self.engine.clock.now(), origin=self._origin(request)))

    async def multipart_upload(self, request: Request) -> Response:
        content_type = request.headers.get("content-type", "")
        if not content_type.startswith("multipart/form-data"):
            raise ApiError.invalid("file", "send multipart/form-data with a 'file' field")
        try:
            form = await request.form()
        except Exception as exc:  # malformed multipart bodies raise several parser errors
            raise ApiError.invalid("file", f"malformed multipart body ({type(exc).__name__})") from exc
        try:
            upload = form.get("file")
            if upload is None or isinstance(upload, str):
                raise ApiError.invalid("file", "a file part named 'file' is required")
            content = await upload.read()
            stored = self.engine.create_file(upload.filename or "upload", content)
        finally:
            await form.close()
        view = file_view(stored, self.engine.clock.now())
        return _json({"file_id": stored.id, **view})

    async def list_files(self, request: Request) -> Response:
        now = self.engine.clock.now()
        files = self.engine.recent_files(10)
        after = request.query_params.get("after")
        if after:
            # Undocumented, but the OpenAI SDK's auto-pagination sends the last id as ``after``:
            # answering "nothing older" ends its loop instead of repeating the same page forever.
            ids = [f.id for f in files]
            files = files[ids.index(after) + 1 :] if after in ids else []
        return _json({"object": "list", "data": [file_view(f, now) for f in files]})

    async def get_file(self, request: Request) -> Response:
        stored = self.engine.get_file(request.path_params["id"])
        return _json(file_view(stored, self.engine.clock.now()))

    async def delete_file(self, request: Request) -> Response:
        file_id = request.path_params["id"]
        self.engine.delete_file(file_id)
        return _json({"id": file_id, "object": "file.deleted", "deleted": True})

    async def presigned_put(self, request: Request) -> Response:
        token = request.query_params.get("X-Amz-Signature", "")
        content = await request.body()
        try:
            self.engine.upload(request.path_params["id"], token, content)
        except ApiError as exc:  # S3 answers presigned-URL problems with XML, not the API's JSON
            xml = (
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                f"<Error><Code>AccessDenied</Code><Message>{exc.message}</Message></Error>"
            )
            return Response(xml, status_code=403, media_type="application/xml")
        return Response(b"", status_code=200, headers={"ETag": '"emulated"'})

    async def file_content(self, request: Request) -> Response:
        task = self.engine.tasks.get(request.path_params["task"])
        entry = task.contents.get(request.path_params["name"]) if task else None
        if entry is None:
            raise ApiError.not_found("file not found or has been deleted")
        mime, content = entry
        return Response(content, media_type=mime)

    # ------------------------------------------------------------------ webhooks
    async def create_webhook(self, request: Request) -> Response:
        body = await _json_body(request)
        wrapped = body.get("webhook")
        if wrapped is not None:
            if not isinstance(wrapped, dict):
                raise ApiError.invalid("webhook", 'must be an object like {"url": "https://..."}')
            url, field_name = wrapped.get("url"), "webhook.url"
        else:
            url, field_name = body.get("url"), "webhook.url" if "url" not in body else "url"
        if url is None:
            raise ApiError.invalid("webhook.url", "is required")
        url = _check_url(url, field_name)
        hook = self.engine.add_webhook(url)
        if self.webhook_activation == "require":
            problem = await self.webhooks.activate(hook)
            if problem is not None:
                self.engine.remove_webhook(hook.id)
                raise ApiError.invalid(field_name, problem)
        elif self.webhook_activation == "best_effort":
            self.webhooks.queue_activation(hook)
        self.webhooks.start_ticker()
        return _json({"webhook_id": hook.id})

    async def delete_webhook(self, request: Request) -> Response:
        self.engine.remove_webhook(request.path_params["id"])
        return Response(status_code=204)

    async def public_key(self, request: Request) -> Response:
        view = await asyncio.get_running_loop().run_in_executor(None, self.webhooks.public_key_view)
        return _json(view)
