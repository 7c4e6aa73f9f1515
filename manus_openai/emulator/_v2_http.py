"""The v2 transport (manus-api.md §6.1): endpoints, auth, rate limits, the envelope, argument parsing.

Every v2 handler is registered through :class:`V2Surface.route`, which: gives the request a
``req_`` id, authenticates (``x-manus-api-key`` or ``Authorization: Bearer <OAuth token>``),
applies the per-endpoint rate limit, parses the query string (GET) or JSON body (POST) into a
:class:`Call`, runs the handler and wraps its dict in ``{"ok": true, "request_id": ...}``; an
``ApiError`` becomes ``{"ok": false, "request_id", "error": {code, message}}``.

Choices where the docs are silent:

* Both headers at once: 400 ``invalid_argument`` naming ``authorization`` (the request is
  malformed; the key is not known to be bad). Neither, a wrong key or an unknown token: 401
  ``unauthenticated`` (the live probe; the older page's ``permission_denied`` is not used).
* OAuth tokens exist only when a test registers them (``Emulator.add_oauth_token``). API-key-only
  endpoints (``webhook.publicKey``, ``website.update``, ``usage.availableCredits``) refuse every
  token with 403 ``permission_denied``; standard (non-trusted) tokens are also refused on
  ``agent.*``, ``webhook.*``, ``usage.*`` and ``website.*`` [NEWEST]; a token without the scope
  an endpoint needs is a 403 naming the scope; trusted tokens bypass scopes. A ``create_task``
  token sees only the tasks its app created (others are 404 ``not_found``, so their existence
  does not leak).
* Rate limits (§6.1.3, off unless ``Emulator(rate_limits=True)``): a sliding 60-second window
  of the emulator clock per endpoint (one account, so all keys and tokens share it);
  ``webhook.publicKey`` and ``usage.availableCredits`` (unlisted) get 100. A 429
  ``rate_limited`` carries ``Retry-After`` (whole seconds until a slot frees) only with
  ``rate_limit_retry_after=True``.
* Query booleans: ``true``/``false``/``1``/``0``; integers are decimal; a repeated query key uses
  its last value; unknown keys are ignored (no revision forbids extra parameters).
* Timestamps are integer Unix seconds everywhere, ``task.listMessages`` ``timestamp`` included
  (the mirrored official page; [NEWEST]'s milliseconds are not emitted).
"""

from __future__ import annotations

import collections
import json
import math
from collections.abc import Awaitable, Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ._clock import Clock
from ._errors import CODE_UNAUTHENTICATED, ApiError
from ._model import Task

__all__ = ["ENDPOINTS", "Call", "Endpoint", "OAuthToken", "Principal", "RateLimiter", "V2Surface", "ok"]

JSONDict = dict[str, Any]
S = TypeVar("S", bound=str)

TASK_SCOPES = frozenset({"create_task", "manage_all_tasks"})


@dataclass(frozen=True)
class Endpoint:
    """One v2 endpoint: HTTP method, per-minute limit, who may call it."""

    method: Literal["GET", "POST"]
    limit: int
    key_only: bool = False  # OAuth refused (stated on the endpoint's page)
    trusted_only: bool = False  # standard OAuth apps refused [NEWEST]
    scopes: frozenset[str] = frozenset()  # any one of these; empty = any token


def _ep(
    method: Literal["GET", "POST"], limit: int, *scopes: str, key_only: bool = False, trusted: bool = False
) -> Endpoint:
    return Endpoint(method, limit, key_only, trusted or key_only, frozenset(scopes))


ENDPOINTS: dict[str, Endpoint] = {
    "task.create": _ep("POST", 10, *TASK_SCOPES),
    "task.detail": _ep("GET", 100, *TASK_SCOPES),
    "task.list": _ep("GET", 100, *TASK_SCOPES),
    "task.update": _ep("POST", 40, *TASK_SCOPES),
    "task.stop": _ep("POST", 40, *TASK_SCOPES),
    "task.delete": _ep("POST", 40, *TASK_SCOPES),
    "task.sendMessage": _ep("POST", 10, *TASK_SCOPES),
    "task.listMessages": _ep("GET", 100, *TASK_SCOPES),
    "task.confirmAction": _ep("POST", 40, *TASK_SCOPES),
    "project.create": _ep("POST", 40, "create_project"),
    "project.list": _ep("GET", 100, "create_project", *TASK_SCOPES),
    "file.upload": _ep("POST", 40, *TASK_SCOPES),
    "file.detail": _ep("GET", 100, *TASK_SCOPES),
    "file.delete": _ep("POST", 40, *TASK_SCOPES),
    "webhook.create": _ep("POST", 40, trusted=True),
    "webhook.list": _ep("GET", 100, trusted=True),
    "webhook.delete": _ep("POST", 40, trusted=True),
    "webhook.publicKey": _ep("GET", 100, key_only=True),
    "browser.onlineList": _ep("GET", 100, "use_my_browsers"),
    "connector.list": _ep("GET", 100, "use_connectors"),
    "skill.list": _ep("GET", 100),
    "agent.list": _ep("GET", 100, trusted=True),
    "agent.detail": _ep("GET", 100, trusted=True),
    "agent.update": _ep("POST", 40, trusted=True),
    "usage.list": _ep("GET", 600, trusted=True),
    "usage.teamStatistic": _ep("GET", 600, trusted=True),
    "usage.teamLog": _ep("GET", 600, trusted=True),
    "usage.availableCredits": _ep("GET", 100, key_only=True),
    "website.status": _ep("GET", 100, trusted=True),
    "website.listCheckpoints": _ep("GET", 100, trusted=True),
    "website.publish": _ep("POST", 40, trusted=True),
    "website.update": _ep("POST", 40, key_only=True),
}
"""Every documented v2 endpoint with its §6.1.3 per-minute limit (the website limits are the newer
page's; ``webhook.publicKey`` and ``usage.availableCredits`` are unlisted and get 100)."""


@dataclass(frozen=True)
class OAuthToken:
    """An OAuth access token the emulator accepts (``Emulator.add_oauth_token``)."""

    token: str
    scopes: frozenset[str]
    app_id: str
    trusted: bool = False
    user_id: str | None = None  # the team member the token acts for (None: the account owner)


@dataclass(frozen=True)
class Principal:
    """Who is calling: the API key (``token is None``) or an OAuth app."""

    token: OAuthToken | None = None

    @property
    def app_id(self) -> str | None:
        return self.token.app_id if self.token else None

    @property
    def user_id(self) -> str | None:
        """The team member calling (``None``: the account owner, whose the API key is)."""
        return self.token.user_id if self.token else None

    def sees(self, task: Task) -> bool:
        """Whether this caller may read or act on ``task`` (a ``create_task`` token: only its own)."""
        t = self.token
        if t is None or t.trusted or "manage_all_tasks" in t.scopes:
            return True
        return task.created_by_app == t.app_id


class RateLimiter:
    """Sliding one-minute windows per endpoint on the emulator clock."""

    def __init__(self, clock: Clock, *, enabled: bool = False, retry_after: bool = False) -> None:
        self.clock = clock
        self.enabled = enabled
        self.retry_after = retry_after
        self._hits: dict[str, collections.deque[float]] = {}

    def check(self, name: str, limit: int) -> None:
        """Count one call; a 429 ``rate_limited`` when the window is full."""
        if not self.enabled:
            return
        now = self.clock.now()
        hits = self._hits.setdefault(name, collections.deque())
        while hits and hits[0] <= now - 60.0:
            hits.popleft()
        if len(hits) >= limit:
            headers = {"Retry-After": str(max(1, math.ceil(hits[0] + 60.0 - now)))} if self.retry_after else None
            raise ApiError(
                429,
                8,
                f"Rate limit exceeded for {name} ({limit} requests per minute). Please retry after a short backoff.",
                headers,
                v2="rate_limited",
            )
        hits.append(now)

    def reset(self) -> None:
        self._hits.clear()


def ok(request_id: str, payload: Mapping[str, object] | None = None) -> JSONDict:
    """The success envelope."""
    return {"ok": True, "request_id": request_id, **(payload or {})}


_MISSING: Any = object()


@dataclass
class Call:
    """One authenticated v2 call: its arguments and helpers that name the field on bad input."""

    name: str
    request_id: str
    principal: Principal
    args: Mapping[str, Any]
    origin: str
    from_query: bool
    extra: dict[str, object] = field(default_factory=dict)

    def raw(self, name: str) -> Any:
        value = self.args.get(name, _MISSING)
        return _MISSING if value is None else value

    def has(self, name: str) -> bool:
        return self.raw(name) is not _MISSING

    def text(self, name: str, *, required: bool = False, empty_ok: bool = True) -> str | None:
        value = self.raw(name)
        if value is _MISSING:
            if required:
                raise ApiError.invalid(name, "is required")
            return None
        if not isinstance(value, str):
            raise ApiError.invalid(name, "must be a string")
        if (required or not empty_ok) and not value.strip():
            raise ApiError.invalid(name, "must not be empty")
        return value

    def need(self, name: str) -> str:
        value = self.text(name, required=True)
        assert value is not None
        return value

    def integer(self, name: str, default: int, lo: int, hi: int) -> int:
        value = self.raw(name)
        if value is _MISSING or value == "":
            return default
        if self.from_query and isinstance(value, str):
            try:
                value = int(value)
            except ValueError:
                raise ApiError.invalid(name, f"must be an integer, got {value!r}") from None
        if isinstance(value, bool) or not isinstance(value, int):
            raise ApiError.invalid(name, "must be an integer")
        if not lo <= value <= hi:
            raise ApiError.invalid(name, f"must be between {lo} and {hi}, got {value}")
        return value

    def opt_int(self, name: str) -> int | None:
        if not self.has(name):
            return None
        return self.integer(name, 0, -(2**63), 2**63 - 1)

    def flag(self, name: str, default: bool | None = None) -> bool | None:
        value = self.raw(name)
        if value is _MISSING:
            return default
        if self.from_query and isinstance(value, str):
            lowered = value.lower()
            if lowered in ("true", "1"):
                return True
            if lowered in ("false", "0"):
                return False
            raise ApiError.invalid(name, f"must be true or false, got {value!r}")
        if not isinstance(value, bool):
            raise ApiError.invalid(name, "must be a boolean")
        return value

    def choice(self, name: str, allowed: Collection[S], default: S | None = None) -> S | None:
        value = self.raw(name)
        if value is _MISSING or (value == "" and default is not None):
            return default
        if value not in allowed:
            raise ApiError.invalid(name, f"must be one of {', '.join(allowed)}, got {value!r}")
        return value  # type: ignore[no-any-return]  # checked membership in ``allowed``

    def obj(self, name: str, *, required: bool = False) -> dict[str, Any] | None:
        value = self.raw(name)
        if value is _MISSING:
            if required:
                raise ApiError.invalid(name, "is required")
            return None
        if not isinstance(value, dict):
            raise ApiError.invalid(name, "must be an object")
        return value


Handler = Callable[[Call], Awaitable[JSONDict]]


class V2Surface:
    """Builds the Starlette routes of the v2 surface around plain handlers."""

    def __init__(
        self,
        *,
        api_key: str,
        tokens: dict[str, OAuthToken],
        limiter: RateLimiter,
        new_id: Callable[[str, int], str],
    ) -> None:
        self.api_key = api_key
        self.tokens = tokens
        self.limiter = limiter
        self.new_id = new_id

    def route(self, name: str, handler: Handler) -> Route:
        """``/v2/<name>`` with the endpoint's method, auth, limit and envelope."""
        spec = ENDPOINTS[name]

        async def endpoint(request: Request) -> Response:
            request_id = self.new_id("req_", 16)
            try:
                principal = self.authenticate(request, name, spec)
                self.limiter.check(name, spec.limit)
                args = dict(request.query_params) if spec.method == "GET" else await _body(request)
                call = Call(name, request_id, principal, args, str(request.base_url).rstrip("/"), spec.method == "GET")
                payload = await handler(call)
            except ApiError as exc:
                return JSONResponse(exc.v2_body(request_id), status_code=exc.status, headers=exc.headers)
            return JSONResponse(ok(request_id, payload))

        return Route(f"/v2/{name}", endpoint, methods=[spec.method])

    def authenticate(self, request: Request, name: str, spec: Endpoint) -> Principal:
        key = request.headers.get("x-manus-api-key")
        auth = request.headers.get("authorization")
        if key is not None and auth is not None:
            raise ApiError.invalid("authorization", "send either x-manus-api-key or Authorization: Bearer, not both")
        if key is not None:
            if key != self.api_key:
                raise ApiError(401, CODE_UNAUTHENTICATED, "invalid API key (x-manus-api-key)")
            return Principal()
        if auth is None:
            raise ApiError(
                401,
                CODE_UNAUTHENTICATED,
                "missing credentials: send your API key in x-manus-api-key "
                "(or an OAuth token as Authorization: Bearer)",
            )
        scheme, _, value = auth.partition(" ")
        token = self.tokens.get(value.strip()) if scheme.lower() == "bearer" else None
        if token is None:
            raise ApiError(401, CODE_UNAUTHENTICATED, "invalid or expired OAuth access token")
        if spec.key_only or (spec.trusted_only and not token.trusted):
            which = "an API key" if spec.key_only else "an API key or a trusted app"
            raise ApiError.denied(f"{name} needs {which}; OAuth tokens of this app cannot call it")
        if spec.scopes and not token.trusted and not (spec.scopes & token.scopes):
            raise ApiError.denied(f"{name} needs the OAuth scope {' or '.join(sorted(spec.scopes))}")
        return Principal(token)


async def _body(request: Request) -> JSONDict:
    raw = await request.body()
    if not raw.strip():
        return {}
    try:
        value = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError.invalid("body", f"invalid JSON ({exc})") from exc
    if not isinstance(value, dict):
        raise ApiError.invalid("body", "must be a JSON object")
    return value
