"""HTTP helpers shared by every surface: the request log record, JSON responses, body and field parsing."""

from __future__ import annotations

import base64
import binascii
import json
import mimetypes
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, cast
from urllib.parse import unquote, urlsplit

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ._errors import CODE_INVALID_ARGUMENT, ApiError
from ._model import PROFILES, TASK_MODES

__all__ = [
    "MISSING",
    "JSONDict",
    "RecordedRequest",
    "check_url",
    "decode_data",
    "error_response",
    "guess_mime",
    "json_body",
    "json_response",
    "name_from_url",
    "opt_bool",
    "opt_str",
    "pick",
    "profile_arg",
    "reject_unknown",
    "str_list",
    "task_mode_arg",
]

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


def json_response(body: object, status: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    return JSONResponse(body, status_code=status, headers=dict(headers or {}))


def error_response(err: ApiError) -> Response:
    return json_response(err.body(), err.status, err.headers)


# ---------------------------------------------------------------------- body and field helpers
async def json_body(request: Request) -> JSONDict:
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


MISSING = object()


def pick(body: Mapping[str, Any], *names: str) -> tuple[str, Any]:
    """First present spelling (camelCase and snake_case are both accepted, §1.2)."""
    for name in names:
        if name in body and body[name] is not None:
            return name, body[name]
    return names[0], MISSING


def opt_str(body: Mapping[str, Any], *names: str) -> str | None:
    name, value = pick(body, *names)
    if value is MISSING:
        return None
    if not isinstance(value, str):
        raise ApiError.invalid(name, "must be a string")
    return value


def opt_bool(body: Mapping[str, Any], *names: str) -> bool | None:
    name, value = pick(body, *names)
    if value is MISSING:
        return None
    if not isinstance(value, bool):
        raise ApiError.invalid(name, "must be a boolean")
    return value


def str_list(body: Mapping[str, Any], *names: str) -> list[str]:
    name, value = pick(body, *names)
    if value is MISSING:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ApiError.invalid(name, "must be an array of strings")
    return value


def profile_arg(body: Mapping[str, Any], *names: str) -> str | None:
    name, value = pick(body, *names)
    if value is MISSING or value == "":
        return None
    if not isinstance(value, str) or value not in PROFILES:
        raise ApiError.invalid(name, f"invalid agent profile {value!r}; use manus-1.6, manus-1.6-lite or manus-1.6-max")
    return PROFILES[value]


def task_mode_arg(body: Mapping[str, Any], *names: str) -> str:
    name, value = pick(body, *names)
    if value is MISSING:
        return "agent"
    if value not in TASK_MODES:
        raise ApiError.invalid(name, f"invalid task mode {value!r}; use agent, chat or adaptive")
    return cast(str, value)


def reject_unknown(body: Mapping[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(body) - allowed)
    if unknown:
        raise ApiError.invalid(unknown[0], "unknown field (strict mode rejects additional properties)")


DATA_URL = re.compile(r"^data:(?P<mime>[\w.+-]+/[\w.+-]+)?(?:;[\w.+-]+=[^;,]*)*;base64,(?P<data>.*)$", re.S)


def decode_data(value: str, field_name: str, *, bare_ok: bool = False) -> tuple[str | None, bytes]:
    match = DATA_URL.match(value)
    if match is None and not bare_ok:
        raise ApiError.invalid(field_name, "must be a data URL: data:<mime>;base64,<payload>")
    payload = match.group("data") if match else value
    try:
        content = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ApiError.invalid(field_name, "invalid base64 payload") from exc
    return (match.group("mime") if match else None), content


def check_url(value: object, field_name: str) -> str:
    if not isinstance(value, str):
        raise ApiError.invalid(field_name, "must be a string URL")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ApiError.invalid(field_name, "must be an absolute http(s) URL")
    return value


def name_from_url(url: str) -> str:
    return unquote(urlsplit(url).path.rsplit("/", 1)[-1]) or "file"


def guess_mime(name: str, fallback: str = "application/octet-stream") -> str:
    return mimetypes.guess_type(name)[0] or fallback
