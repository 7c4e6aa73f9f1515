"""How a v2 request travels: its URL, its credential, and how a failed answer becomes a typed error.

* **URL**: v2 lives beside v1 on the same host: ``https://api.manus.ai/v1`` (the client's ``base_url``)
  serves ``https://api.manus.ai/v2/task.create``. The v2 root is the ``base_url`` with a trailing ``/v1``
  segment removed (a proxy prefix before it is kept).
* **Credential** (§6.1.2): the client's Manus key travels as ``x-manus-api-key`` on v2 paths (``API_KEY``
  stays the v1 header), or an OAuth access token as ``Authorization: Bearer``; never both. Endpoints
  that refuse OAuth (``webhook.*``, ``usage.*``, ``website.*``, ``agent.*``) raise ``ManusError`` before
  sending when the client has only a token. Choice: the stricter [NEWEST] list is used, because a
  request Manus is known to refuse is better refused locally with a message saying what to configure.
* **Errors** (§6.1.4): ``{ok: false, request_id, error: {code, message}}`` becomes the SDK's
  ``APIStatusError`` subclass chosen by the string ``code`` (``rate_limited`` -> ``RateLimitError``,
  ``unauthenticated`` -> ``AuthenticationError``, ``permission_denied`` -> ``PermissionDeniedError``,
  ``invalid_argument`` -> ``BadRequestError``, ``not_found`` -> ``NotFoundError``...), else by the HTTP
  status. ``.code`` and ``.message`` are Manus's, ``.request_id`` the envelope's (or the header's). A body
  that is not the envelope keeps the HTTP status's class with ``code = "http_<status>"``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import httpx
import openai
from openai import APIStatusError

from ..errors import ManusError

__all__ = [
    "API_KEY_ONLY",
    "OAUTH_ENV",
    "V2_KEY_HEADER",
    "apply_v2_auth",
    "is_v2_url",
    "require_api_key",
    "resolve_credentials",
    "v2_root",
    "v2_status_error",
    "v2_url",
]

V2_KEY_HEADER = "x-manus-api-key"
OAUTH_ENV = "MANUS_OAUTH_TOKEN"
API_KEY_ENV = "MANUS_API_KEY"
_KEY_HEADERS = frozenset({"api_key", "api-key", "x-manus-api-key", "authorization"})

API_KEY_ONLY: tuple[str, ...] = ("webhook.", "usage.", "website.", "agent.")
"""Endpoint prefixes an OAuth token cannot call (§6.1.2: stated pages plus the [NEWEST] skill file)."""

_BY_CODE: dict[str, type[APIStatusError]] = {
    "invalid_argument": openai.BadRequestError,
    "failed_precondition": openai.BadRequestError,
    "unauthenticated": openai.AuthenticationError,
    "permission_denied": openai.PermissionDeniedError,
    "not_found": openai.NotFoundError,
    "already_exists": openai.ConflictError,
    "conflict": openai.ConflictError,
    "rate_limited": openai.RateLimitError,
    "resource_exhausted": openai.RateLimitError,
    "internal": openai.InternalServerError,
    "unavailable": openai.InternalServerError,
}
_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: openai.BadRequestError,
    401: openai.AuthenticationError,
    403: openai.PermissionDeniedError,
    404: openai.NotFoundError,
    409: openai.ConflictError,
    422: openai.UnprocessableEntityError,
    429: openai.RateLimitError,
}


def v2_root(base_url: httpx.URL) -> str:
    """The v2 root for a client's ``base_url``.

    >>> v2_root(httpx.URL("https://api.manus.ai/v1"))
    'https://api.manus.ai'
    >>> v2_root(httpx.URL("http://127.0.0.1:8000/proxy/v1/"))
    'http://127.0.0.1:8000/proxy'
    """
    path = base_url.path.rstrip("/")
    if path.endswith("/v1"):
        path = path[: -len("/v1")]
    return str(base_url.copy_with(path=path or "/", query=None, fragment=None)).rstrip("/")


def v2_url(base_url: httpx.URL, endpoint: str) -> str:
    """The absolute URL of a v2 endpoint (``task.create``)."""
    return f"{v2_root(base_url)}/v2/{endpoint}"


def is_v2_url(url: httpx.URL, base_url: httpx.URL) -> bool:
    """Whether ``url`` is a v2 endpoint on the client's own origin."""
    if (url.scheme, url.netloc) != (base_url.scheme, base_url.netloc):
        return False
    root = httpx.URL(v2_root(base_url)).path.rstrip("/")
    return url.path.startswith(f"{root}/v2/")


def _env(name: str) -> str | None:
    return os.environ.get(name) or None


def resolve_credentials(api_key: str | None, oauth_token: str | None, has_header_key: bool) -> tuple[bool, str | None]:
    """Decide between the API key and an OAuth token; returns ``(use_api_key, token)``.

    An explicit argument beats the environment; both explicit, or both only in the environment, is an
    error naming both (Manus refuses a request carrying both). ``has_header_key`` is an ``API_KEY``
    given in ``default_headers`` (the seed's set-up), which counts as explicit.
    """
    if oauth_token is not None and (not isinstance(oauth_token, str) or not oauth_token.strip()):
        raise ValueError(f"oauth_token must be a non-empty string, got {oauth_token!r}")
    key_given = bool(api_key) or has_header_key
    if oauth_token and key_given:
        raise ManusError(
            "pass either api_key= (MANUS_API_KEY) or oauth_token= (MANUS_OAUTH_TOKEN), not both: "
            "Manus refuses a request that carries both"
        )
    if oauth_token:
        return False, oauth_token
    if key_given:
        return True, None
    env_token = _env(OAUTH_ENV)
    if env_token and _env(API_KEY_ENV):
        raise ManusError(
            f"both {API_KEY_ENV} and {OAUTH_ENV} are set: Manus takes one credential per request; "
            "pass api_key= or oauth_token= to choose, or unset one of them"
        )
    if env_token:
        return False, env_token
    return True, None


def apply_v2_auth(
    request: httpx.Request, api_key: str, oauth_token: str | None, *, override_key: str | None = None
) -> None:
    """Give the request exactly one v2 credential.

    A key passed for this request (``extra_headers`` with ``x-manus-api-key`` or ``API_KEY``) wins, then an
    ``Authorization`` header the caller set, then the client's OAuth token, then the client's key.
    """
    user_auth = request.headers.get("authorization")
    for name in [n for n in request.headers if n.lower() in _KEY_HEADERS]:
        del request.headers[name]
    if override_key:
        request.headers[V2_KEY_HEADER] = override_key
    elif user_auth:
        request.headers["Authorization"] = user_auth
    elif oauth_token:
        request.headers["Authorization"] = f"Bearer {oauth_token}"
    elif api_key:
        request.headers[V2_KEY_HEADER] = api_key


def require_api_key(endpoint: str, api_key: str, oauth_token: str | None) -> None:
    """Refuse, before sending, an API-key-only endpoint on a client that has only an OAuth token."""
    if oauth_token and not api_key and endpoint.startswith(API_KEY_ONLY):
        raise ManusError(
            f"{endpoint} accepts only an API key, and this client has an OAuth token: build a second client "
            f"with api_key= (or {API_KEY_ENV}) for it"
        )


def _error_fields(body: object, status: int) -> tuple[str, str | None, str | None]:
    if isinstance(body, Mapping):
        error = body.get("error")
        request_id = body.get("request_id")
        rid = request_id if isinstance(request_id, str) else None
        if isinstance(error, Mapping):
            code = error.get("code")
            message = error.get("message")
            return (
                str(code) if code is not None else f"http_{status}",
                message if isinstance(message, str) else None,
                rid,
            )
        if body.get("ok") is False:
            return f"http_{status}", None, rid
    return f"http_{status}", None, None


def v2_status_error(body: object, response: httpx.Response) -> APIStatusError:
    """The typed error for a failed v2 answer (see the module docstring)."""
    status = response.status_code
    code, message, request_id = _error_fields(body, status)
    cls = _BY_CODE.get(code) or _BY_STATUS.get(status)
    if cls is None:
        cls = openai.InternalServerError if status >= 500 else APIStatusError
    request_id = request_id or response.headers.get("x-request-id")
    text = message or (response.text[:200] if not isinstance(body, Mapping) else "") or "no message"
    where = f"{response.request.method} {response.request.url.path}"
    error = cls(f"{where}: {code}: {text} (HTTP {status}, request_id {request_id})", response=response, body=body)
    error.code = code
    error.message = message if message is not None else text
    error.request_id = request_id
    return error


def envelope_error(body: Any, response: httpx.Response) -> APIStatusError | None:
    """A 2xx answer whose envelope says ``ok: false`` is an error all the same."""
    if isinstance(body, Mapping) and body.get("ok") is False:
        return v2_status_error(body, response)
    return None
