"""The ASGI app: request log, faults, v1 auth, then the v1 and v2 routes (Starlette).

The v1 handlers live in ``_v1_routes``, the v2 ones in ``_v2_tasks`` and ``_v2_resources`` (over
the transport of ``_v2_http``); all share one :class:`~._engine.Engine`.

Choices: an unknown path is a 404 in the calling surface's error shape (v1 ``code 5``, v2
``not_found``), also when only a ``{id}`` route's pattern matched (``POST
/v1/responses/compact``); a 405 is reserved for a known endpoint called with the wrong method.
Injected faults on ``/v2/...`` paths answer in the v2 envelope.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any, Literal, cast
from urllib.parse import parse_qsl

import httpx
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ._engine import Engine
from ._errors import (
    CODE_INTERNAL,
    CODE_INVALID_ARGUMENT,
    CODE_UNAUTHENTICATED,
    CODE_UNIMPLEMENTED,
    ApiError,
    error_body,
    v2_code,
    v2_error_body,
)
from ._faults import Fault, FaultPlan, canonical_path
from ._http import RecordedRequest, error_response, json_response
from ._v1_routes import V1Routes
from ._v2_http import OAuthToken, RateLimiter, V2Surface
from ._v2_resources import V2Resources
from ._v2_tasks import V2Tasks
from ._webhooks import WebhookService

__all__ = ["DROP_EXTENSION", "REDACTED", "EmulatorApp", "RecordedRequest"]

REDACTED = "[REDACTED]"
DROP_EXTENSION = "manus_emulator.drop_connection"

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class EmulatorApp:
    """The ASGI callable. Outermost: record the request, apply faults, check v1's ``API_KEY``; then
    Starlette routes on the canonical path (v2 checks its own credentials per endpoint)."""

    def __init__(
        self,
        *,
        engine: Engine,
        faults: FaultPlan,
        webhooks: WebhookService,
        api_key: str,
        strict: bool = False,
        webhook_activation: Literal["require", "best_effort", "off"] = "best_effort",
        limiter: RateLimiter | None = None,
        browsers: list[dict[str, str]] | None = None,
    ) -> None:
        self.engine = engine
        self.faults = faults
        self.webhooks = webhooks
        self._api_key = api_key
        self.requests: list[RecordedRequest] = []
        self.last_origin = "http://testserver"
        self.oauth_tokens: dict[str, OAuthToken] = {}
        self.limiter = limiter or RateLimiter(engine.clock)
        self.browsers: list[dict[str, str]] = browsers if browsers is not None else []
        self.v1 = V1Routes(engine, webhooks, strict=strict, webhook_activation=webhook_activation)
        surface = V2Surface(api_key=api_key, tokens=self.oauth_tokens, limiter=self.limiter, new_id=self.engine.new_id)
        self.v2_tasks = V2Tasks(engine, self.browsers)
        self.v2_resources = V2Resources(engine, webhooks, self.browsers, webhook_activation)
        from ._v2_account import V2Account

        self.v2_account = V2Account(engine, self.v2_tasks)
        routes: list[Route] = [
            *self.v1.routes(),
            *self.v2_tasks.routes(surface),
            *self.v2_resources.routes(surface),
            *self.v2_account.routes(surface),
        ]
        self._routes = routes
        self.router = Starlette(
            routes=routes,
            exception_handlers={
                ApiError: self._on_api_error,
                HTTPException: self._on_http_exception,
                Exception: self._on_crash,
            },
        )

    @property
    def strict(self) -> bool:
        """Whether v1 rejects unknown body fields."""
        return self.v1.strict

    @property
    def webhook_activation(self) -> Literal["require", "best_effort", "off"]:
        return self.v1.webhook_activation

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
                response = self._fault_response(fault, v2=canonical.startswith("/v2/"))
                await response(scope, receive, send_recording)
                return

        if canonical.startswith("/v1/") and not self._authorized(scope):
            err = ApiError(
                401,
                CODE_UNAUTHENTICATED,
                "Unauthorized: missing or invalid API key. Send your Manus key in the API_KEY header "
                "(Authorization: Bearer is ignored; with the OpenAI SDK use "
                "default_headers={'API_KEY': key}).",
            )
            await error_response(err)(scope, receive, send_recording)
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
        secrets = [key, *self.oauth_tokens]
        headers: dict[str, str] = {}
        for raw_name, raw_value in scope["headers"]:
            name = raw_name.decode("latin-1")
            value = raw_value.decode("latin-1")
            if name in ("api_key", "x-manus-api-key", "authorization") or any(s and s in value for s in secrets):
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

    def _fault_response(self, fault: Fault, *, v2: bool) -> Response:
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
        if v2:
            code = "rate_limited" if fault.status == 429 and "rate limit" in fault.message else None
            body = v2_error_body(
                code or v2_code(fault.code, fault.status), fault.message, self.engine.new_id("req_", 16)
            )
            return JSONResponse(body, fault.status, headers)
        return json_response(error_body(fault.code, fault.message), fault.status, headers)

    # ------------------------------------------------------------------ error handlers
    def _error(self, request: Request, err: ApiError) -> Response:
        if request.url.path.startswith("/v2/"):
            return JSONResponse(err.v2_body(self.engine.new_id("req_", 16)), err.status, err.headers)
        return error_response(err)

    async def _on_api_error(self, request: Request, exc: Exception) -> Response:
        return self._error(request, cast(ApiError, exc))

    def _literal_match(self, path: str) -> bool:
        """Whether a route without path parameters matches ``path`` (a real endpoint, wrong method)."""
        return any(not r.param_convertors and r.path_regex.match(path) for r in self._routes)

    async def _on_http_exception(self, request: Request, exc: Exception) -> Response:
        status = cast(HTTPException, exc).status_code
        path = request.url.path
        if status == 405 and self._literal_match(path):
            err = ApiError(405, CODE_UNIMPLEMENTED, f"method {request.method} not allowed on {path}")
        elif status in (404, 405):
            err = ApiError.not_found(f"no such endpoint: {request.method} {path}")
        else:
            err = ApiError(status, CODE_INVALID_ARGUMENT, str(cast(HTTPException, exc).detail))
        return self._error(request, err)

    async def _on_crash(self, request: Request, exc: Exception) -> Response:  # pragma: no cover
        return self._error(request, ApiError(500, CODE_INTERNAL, f"emulator bug: {type(exc).__name__}: {exc}"))
