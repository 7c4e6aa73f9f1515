"""``ManusOpenAI`` and ``AsyncManusOpenAI``: the OpenAI SDK's clients, pointed at Manus.

They subclass ``openai.OpenAI`` / ``openai.AsyncOpenAI`` (the ``AzureOpenAI`` pattern), so anything that
accepts an OpenAI client accepts them. What changes:

* the key comes from ``api_key=`` or ``MANUS_API_KEY`` and travels in the ``API_KEY`` header (the SDK's
  ``auth_headers`` hook), never in ``Authorization``; no ``OPENAI_*`` variable has any effect;
* ``client.responses`` takes the Manus options, returns ``ManusResponse`` and can ``wait``;
* ``responses_view="openai"`` (the default) keeps OpenAI's Responses contract (``_bridge``); ``"manus"``
  restores the raw Manus objects; ``forks`` and ``stop_events`` tune the bridge;
* OpenAI endpoints Manus lacks raise ``UnsupportedEndpointError`` before sending anything;
* ``client.v2`` is the typed v2 API (``manus_openai.v2``): the same key as ``x-manus-api-key``, or an
  OAuth token (``oauth_token=`` / ``MANUS_OAUTH_TOKEN``) instead of a key, never both;
* a POST (task creation) is retried only when the server provably did not act (429, connection
  refused); reads keep the SDK's retries; Manus's credit-limit error becomes ``CreditLimitExceededError``;
* each request first waits for its endpoint's rate-limit budget (``rate_limits=``, see ``_governor``).
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
from collections.abc import Mapping
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, Literal, Union

import anyio
import httpx
from openai import DEFAULT_TIMEOUT, APIStatusError, AsyncOpenAI, OpenAI
from typing_extensions import Self, TypedDict, Unpack, override

from ._compat import (
    NOT_GIVEN,
    FinalRequestOptions,
    NotGiven,
    Omit,
    Querystring,
    custom_headers,
    model_copy,
    retry_timeout,
)
from ._endpoints import (
    check_supported,
    create_may_retry,
    dedupe_version,
    is_absolute,
    is_create,
    is_v2,
    relative_path,
    sibling_v2,
)
from ._governor import Governor, RateLimitsSetting, endpoint_for, governor_for, request_body, response_endpoint
from ._governor._limits import budget_timeout
from ._parsing import PARSE_ERRORS, checking, unreadable
from ._polling import hinted_delay, jittered
from ._settings import check_openai_settings, with_default_project
from ._unlisted import AsyncUnlistedEndpoints, UnlistedEndpoints
from .errors import CREDIT_LIMIT_CODE, CreditLimitExceededError, ManusError
from .v2._transport import apply_v2_auth, envelope_error, is_v2_url, resolve_credentials, v2_status_error

if TYPE_CHECKING:  # the resources load when a client is built, keeping `import manus_openai` light
    from ._waiting import StopEventSource
    from .resources import (
        AsyncFiles,
        AsyncManusRawClientView,
        AsyncManusStreamedClientView,
        AsyncProjects,
        AsyncTasks,
        Files,
        ManusRawClientView,
        ManusStreamedClientView,
        Projects,
        Tasks,
    )
    from .resources.responses import AsyncManusResponses, ManusResponses
    from .resources.webhooks import AsyncWebhooks, Webhooks
    from .v2 import V2, AsyncV2

__all__ = ["DEFAULT_BASE_URL", "AsyncManusOpenAI", "ManusOpenAI"]

log = logging.getLogger("manus_openai")

DEFAULT_BASE_URL = "https://api.manus.ai/v1"
"""The compat guide's base URL (``api.manus.im`` in other revisions serves the same API)."""

API_KEY_HEADER = "API_KEY"
_KEY_HEADERS = frozenset({"api_key", "api-key", "x-manus-api-key"})

ResponsesView = Literal["openai", "manus"]
ForkPolicy = Literal["new_task", "refuse"]
ResponsesBackend = Literal["v2", "v1"]
_VIEWS = ("openai", "manus")
_FORKS = ("new_task", "refuse")
_BACKENDS = ("v2", "v1")
BACKEND_ENV = "MANUS_RESPONSES_BACKEND"


def resolve_responses_backend(value: object, environ: Mapping[str, str] | None = None) -> ResponsesBackend:
    """``responses_backend=``, else ``MANUS_RESPONSES_BACKEND``, else ``"v2"``; anything else is a ValueError
    naming the argument, the environment variable and the allowed values (at construction).

    >>> resolve_responses_backend(None, {})
    'v2'
    >>> resolve_responses_backend("v1", {"MANUS_RESPONSES_BACKEND": "v2"})
    'v1'
    """
    source = "responses_backend"
    if value is None:
        env = os.environ if environ is None else environ
        value, source = env.get(BACKEND_ENV) or "v2", BACKEND_ENV
    if value not in _BACKENDS:
        raise ValueError(
            f"{source} must be one of {', '.join(map(repr, _BACKENDS))} (the responses_backend= argument or "
            f"the {BACKEND_ENV} environment variable); got {value!r}"
        )
    return value  # type: ignore[return-value]  # checked against the Literal values above


class _CommonOptions(TypedDict, total=False):
    organization: str | None  # refused: Manus has no organizations (see _settings)
    project: str | None  # the default Manus project of the tasks the client creates
    webhook_secret: str | None  # refused: Manus webhooks are RSA-signed (openai>=1.92 has the keyword)
    websocket_base_url: str | httpx.URL | None
    timeout: float | httpx.Timeout | NotGiven | None
    max_retries: int
    default_headers: Mapping[str, str] | None
    default_query: Mapping[str, object] | None
    _strict_response_validation: bool


class ClientOptions(_CommonOptions, total=False):
    """The other ``openai.OpenAI`` keyword arguments ``ManusOpenAI`` accepts (typos are type errors)."""

    http_client: httpx.Client | None


class AsyncClientOptions(_CommonOptions, total=False):
    """The other ``openai.AsyncOpenAI`` keyword arguments ``AsyncManusOpenAI`` accepts."""

    http_client: httpx.AsyncClient | None


def resolve_api_key(api_key: str | None, default_headers: Any | None) -> str:
    """``api_key=``, else an ``API_KEY`` default header (seed-style set-up), else ``MANUS_API_KEY``."""
    if api_key is not None and not isinstance(api_key, str):
        raise TypeError(f"api_key must be a str, got {type(api_key).__name__}")
    if not api_key and default_headers:
        for name, value in dict(default_headers).items():
            if str(name).lower() in _KEY_HEADERS and isinstance(value, str) and value:
                api_key = value
    if not api_key:
        api_key = os.environ.get("MANUS_API_KEY")
    if not api_key:
        raise ManusError(
            "No Manus API key: pass api_key= to the client or set the MANUS_API_KEY environment variable "
            "(OPENAI_API_KEY is never used for Manus)."
        )
    return api_key


def resolve_base_url(base_url: Union[str, httpx.URL, None]) -> Union[str, httpx.URL]:
    """``base_url=``, else ``MANUS_BASE_URL``, else ``https://api.manus.ai/v1`` (never ``OPENAI_BASE_URL``)."""
    return base_url or os.environ.get("MANUS_BASE_URL") or DEFAULT_BASE_URL


_ATTEMPT: ContextVar[int] = ContextVar("manus_openai_create_attempt", default=0)
"""Which attempt of a create this context is sending: the SDK counts from 0 on each of them."""


_RATE_LIMIT_WORDS = re.compile(r"rate.?limit|too many requests", re.IGNORECASE)


def credit_limit_body(body: object) -> bool:
    """Whether an error body is Manus's credit-limit error: ``code`` 8, bare or under ``error``.

    Seed 001 documents code 8 as "Credit limit exceeded"; code 8 is also gRPC's RESOURCE_EXHAUSTED,
    which a backend may use for plain rate limits (manus-api.md §4.10), so a code-8 body whose message
    speaks of a rate limit stays an ordinary, retryable ``RateLimitError``.
    """
    data = body.get("error", body) if isinstance(body, dict) else body
    if not isinstance(data, dict) or str(data.get("code")) != str(CREDIT_LIMIT_CODE):
        return False
    return not _RATE_LIMIT_WORDS.search(str(data.get("message") or ""))


def _header_key(default_headers: Any | None) -> bool:
    return any(
        str(name).lower() in _KEY_HEADERS and isinstance(value, str) and value
        for name, value in dict(default_headers or {}).items()
    )


def _bridge_options(view: object, forks: object, events: object) -> tuple[ResponsesView, ForkPolicy, Any]:
    """Check the Responses-bridge options (at construction, naming the argument)."""
    if view not in _VIEWS:
        raise ValueError(f"responses_view must be one of {', '.join(map(repr, _VIEWS))}; got {view!r}")
    if forks not in _FORKS:
        raise ValueError(f"forks must be one of {', '.join(map(repr, _FORKS))}; got {forks!r}")
    if events is not None and not callable(getattr(events, "wait_stopped", None)):
        raise TypeError("stop_events must be a webhook receiver (manus_openai.webhooks.WebhookReceiver) or None")
    return view, forks, events  # type: ignore[return-value]  # checked against the Literal values above


_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})


class _ManusClientMixin:
    """The behaviour both clients share; first in the MRO, before ``OpenAI`` / ``AsyncOpenAI``."""

    api_key: str
    base_url: httpx.URL
    timeout: Any
    _governor: Governor | None
    _rate_limits: RateLimitsSetting

    def _set_governor(self, rate_limits: RateLimitsSetting) -> None:
        self._rate_limits = rate_limits
        if rate_limits is None and self.base_url.host in _LOOPBACK and not os.environ.get("MANUS_RATE_LIMITS"):
            # Manus's limits are its servers'; a loopback base URL is the bundled emulator (or a stand-in),
            # which enforces limits itself only when asked to. Pacing a test suite at 10 creates a minute
            # would only slow it down; an explicit rate_limits= still applies.
            rate_limits = False
        account_key = self.api_key or self._oauth_token or ""
        self._governor = governor_for(rate_limits, account_key, os.environ)

    def _budget(self, options: FinalRequestOptions) -> tuple[str | None, float | None]:
        path = relative_path(options.url, self.base_url.path)
        endpoint = endpoint_for(options.method, path)
        if endpoint == "task.create":  # a continuation spends task.sendMessage instead
            endpoint = endpoint_for(options.method, path, request_body(options))
        return endpoint, budget_timeout(options.timeout, self.timeout, DEFAULT_TIMEOUT)

    def _note_refusal(self, response: httpx.Response) -> None:
        if self._governor is not None and response.status_code == 429:
            endpoint = response_endpoint(response, self.base_url)
            self._governor.refused(endpoint, response, hinted_delay(response.headers))

    _oauth_token: str | None = None
    project: str | None
    responses_view: ResponsesView = "openai"
    """``"openai"``: ``client.responses`` keeps OpenAI's contract; ``"manus"``: the raw Manus objects."""
    forks: ForkPolicy = "new_task"
    """``"new_task"``: continuing from an older turn starts a new task with the conversation; ``"refuse"``."""
    responses_backend: ResponsesBackend = "v2"
    """The surface ``client.responses`` runs on: ``"v2"`` (task.create / detail / listMessages / sendMessage /
    stop / delete; the default) or ``"v1"`` (``/v1/responses``, deprecated by Manus)."""
    stop_events: StopEventSource | None = None
    """A webhook receiver whose ``task_stopped`` events end blocking creates and waits early."""

    def _set_bridge_options(self, options: tuple[ResponsesView, ForkPolicy, Any]) -> None:
        self.responses_view, self.forks, self.stop_events = options

    @property
    def auth_headers(self) -> dict[str, str]:
        return {API_KEY_HEADER: self.api_key} if self.api_key else {}

    @property
    def default_headers(self) -> dict[str, Union[str, Omit]]:
        headers: dict[str, Union[str, Omit]] = dict(super().default_headers)  # type: ignore[misc]  # mixin: super() is OpenAI/AsyncOpenAI
        # OPENAI_ORG_ID / OPENAI_PROJECT_ID must not leak to another vendor.
        headers["OpenAI-Organization"] = Omit()
        headers["OpenAI-Project"] = Omit()
        headers.update(custom_headers(self))  # type: ignore[arg-type]  # mixin: self is OpenAI/AsyncOpenAI; user headers win
        return headers

    @property
    def qs(self) -> Querystring:
        # Manus documents list parameters as repeated keys (GET /v1/tasks?status=completed&status=running);
        # OpenAI's client sends brackets (status[]=...).
        return Querystring(array_format="repeat")

    def _drop_openai_settings(self, project: str | None) -> None:
        # openai's __init__ read OPENAI_ORG_ID / OPENAI_PROJECT_ID / OPENAI_WEBHOOK_SECRET: none is Manus's.
        # `project` is the client's default Manus project (see _settings).
        settings = vars(self)
        settings.update(organization=None, project=project)
        if "webhook_secret" in settings:  # openai>=1.92
            settings["webhook_secret"] = None

    def copy(
        self,
        *,
        api_key: str | None = None,
        organization: str | None = None,
        project: str | None = None,
        webhook_secret: str | None = None,
        websocket_base_url: str | httpx.URL | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        http_client: Any = None,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
        set_default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        set_default_query: Mapping[str, object] | None = None,
        oauth_token: str | NotGiven | None = NOT_GIVEN,
        rate_limits: RateLimitsSetting | NotGiven = NOT_GIVEN,
        responses_view: ResponsesView | None = None,
        forks: ForkPolicy | None = None,
        stop_events: StopEventSource | None = None,
        responses_backend: ResponsesBackend | None = None,
        _extra_kwargs: Mapping[str, Any] = {},  # the SDK's own signature
    ) -> Self:
        """The SDK's ``copy`` / ``with_options``, keeping the credential: a new ``api_key`` replaces an
        OAuth token and a new ``oauth_token`` replaces the key (the two never travel together).
        ``rate_limits`` is kept from this client unless given, so the copy spends the same budget; so are
        ``responses_view``, ``forks``, ``stop_events`` and ``responses_backend``.

        Example::

            raw = client.with_options(responses_view="manus")
        """
        if default_headers is not None and set_default_headers is not None:
            raise ValueError("The `default_headers` and `set_default_headers` arguments are mutually exclusive")
        if default_query is not None and set_default_query is not None:
            raise ValueError("The `default_query` and `set_default_query` arguments are mutually exclusive")
        sdk: Any = self
        headers = dict(sdk._custom_headers)
        headers = {**headers, **default_headers} if default_headers is not None else headers
        headers = dict(set_default_headers) if set_default_headers is not None else headers
        params = dict(sdk._custom_query)
        params = {**params, **default_query} if default_query is not None else params
        params = dict(set_default_query) if set_default_query is not None else params
        if not isinstance(oauth_token, NotGiven):
            token, key = oauth_token, api_key
        elif api_key is not None:
            token, key = None, api_key
        else:
            token, key = self._oauth_token, (None if self._oauth_token else self.api_key)
        extra: dict[str, Any] = dict(_extra_kwargs)
        if webhook_secret is not None:  # refused by the constructor, on every openai release
            extra.setdefault("webhook_secret", webhook_secret)
        elif "webhook_secret" in vars(self):  # openai>=1.92
            extra.setdefault("webhook_secret", sdk.webhook_secret)
        return type(self)(  # type: ignore[call-arg]  # mixin: type(self) is ManusOpenAI / AsyncManusOpenAI
            api_key=key,
            oauth_token=token,
            rate_limits=self._rate_limits if isinstance(rate_limits, NotGiven) else rate_limits,
            responses_view=responses_view or self.responses_view,
            forks=forks or self.forks,
            stop_events=stop_events if stop_events is not None else self.stop_events,
            responses_backend=responses_backend or self.responses_backend,
            organization=organization or sdk.organization,
            project=project or sdk.project,
            websocket_base_url=websocket_base_url or sdk.websocket_base_url,
            base_url=base_url or self.base_url,
            timeout=sdk.timeout if isinstance(timeout, NotGiven) else timeout,
            http_client=http_client or sdk._client,
            max_retries=max_retries if not isinstance(max_retries, NotGiven) else sdk.max_retries,
            default_headers=headers,
            default_query=params,
            **extra,
        )

    with_options = copy

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={str(self.base_url)!r})"

    def _prepare_url(self, url: str) -> httpx.URL:
        v2 = sibling_v2(url, self.base_url.path)
        if v2 is not None:
            return self.base_url.copy_with(raw_path=v2.encode())
        return super()._prepare_url(dedupe_version(url, self.base_url.path))  # type: ignore[misc,no-any-return]  # mixin: super() is the SDK client

    def _build_request(self, options: FinalRequestOptions, *, retries_taken: int = 0) -> httpx.Request:
        # The SDK logs per-request options at DEBUG and redacts only `authorization` / `api-key`: keep an
        # API_KEY given in extra_headers out of that log line and put it back on the request itself.
        headers = options.headers if isinstance(options.headers, dict) else None
        secret = (
            {name: value for name, value in headers.items() if str(name).lower() in _KEY_HEADERS} if headers else {}
        )
        if secret:
            options = model_copy(options)
            options.headers = {name: value for name, value in (headers or {}).items() if name not in secret}
        # A create is re-sent by our own loop, one SDK attempt at a time: count as the SDK would.
        retries_taken += _ATTEMPT.get()
        request: httpx.Request = super()._build_request(options, retries_taken=retries_taken)  # type: ignore[misc]  # mixin
        base = self.base_url
        if is_absolute(options.url) and (request.url.netloc != base.netloc or request.url.scheme != base.scheme):
            # An absolute URL elsewhere (presigned upload, CDN download) never receives the key.
            for existing in [key for key in request.headers if key.lower() in _KEY_HEADERS]:
                del request.headers[existing]
        for name, value in secret.items():
            for existing in [key for key in request.headers if key.lower() in _KEY_HEADERS]:
                del request.headers[existing]
            if not isinstance(value, Omit):
                request.headers[name] = value
        if is_v2_url(request.url, base):
            override = next((v for v in secret.values() if isinstance(v, str) and v), None)
            apply_v2_auth(request, self.api_key, self._oauth_token, override_key=override)
        return request

    def _check_request(self, options: FinalRequestOptions) -> FinalRequestOptions:
        path = relative_path(options.url, self.base_url.path)
        if path is not None and not self.api_key and not is_v2(path, self.base_url.path):
            raise ManusError(
                f"/{path} is a v1 endpoint, which takes only an API key, and this client has an OAuth token: "
                "use client.v2, or a client built with api_key= (MANUS_API_KEY)"
            )
        check_supported(options.method, path, self.base_url.path)
        if self.project is not None and is_create(options.method):
            return with_default_project(options, path, self.project)
        return options

    def _v2_checked(self, response: httpx.Response) -> None:
        # v2 says `ok` in the body; a 2xx whose envelope says `ok: false` is an error all the same.
        if not is_v2_url(response.request.url, self.base_url) or not response.is_success:
            return
        try:
            body = json.loads(response.content)
        except (httpx.ResponseNotRead, ValueError):
            return
        error = envelope_error(body, response)
        if error is not None:
            raise error

    def _make_status_error(self, err_msg: str, *, body: object, response: httpx.Response) -> APIStatusError:
        if is_v2_url(response.request.url, self.base_url):
            return v2_status_error(body, response)
        if credit_limit_body(body):
            data = body.get("error", body) if isinstance(body, dict) else body
            return CreditLimitExceededError(err_msg, response=response, body=data)
        self._note_refusal(response)
        return super()._make_status_error(err_msg, body=body, response=response)  # type: ignore[misc,no-any-return]  # mixin

    def _should_retry(self, response: httpx.Response) -> bool:
        try:
            if credit_limit_body(json.loads(response.content)):
                return False
        except (httpx.ResponseNotRead, ValueError):
            pass
        self._note_refusal(response)
        return super()._should_retry(response)  # type: ignore[misc,no-any-return]  # mixin


def _retry_delay(client: Any, options: FinalRequestOptions, attempt: int, budget: int, exc: Exception) -> float:
    headers = getattr(getattr(exc, "response", None), "headers", None)
    delay = retry_timeout(client, budget - attempt, options, headers)
    if hinted_delay(headers) is not None:  # the SDK honours Retry-After exactly: spread refused clients out
        delay = jittered(delay)
    log.info(
        "POST /%s not acted on by the server (%s); sending it again in %.2fs",
        options.url,
        type(exc).__name__,
        delay,
    )
    return delay


class ManusOpenAI(_ManusClientMixin, OpenAI):
    """An ``openai.OpenAI`` client for the Manus API.

    ``api_key`` defaults to ``MANUS_API_KEY``, ``base_url`` to ``MANUS_BASE_URL`` or
    ``https://api.manus.ai/v1``; ``rate_limits`` paces requests at Manus's documented limits (a
    ``RateLimits``, a Redis URL to share them, ``False`` for off); every other ``openai.OpenAI`` keyword
    works as usual.

    Example::

        from manus_openai import ManusOpenAI

        client = ManusOpenAI()  # reads MANUS_API_KEY
        done = client.responses.create_and_wait(input="What's the colour of the sky?", task_mode="agent")
        print(done.output_text)
    """

    # Installed in __init__ on every openai version (resources.install_sync).
    responses: ManusResponses
    tasks: Tasks
    projects: Projects
    files: Files
    webhooks: Webhooks  # type: ignore[assignment]  # Manus RSA-SHA256 webhooks replace OpenAI's HMAC ones
    v2: V2
    with_raw_response: ManusRawClientView
    with_streaming_response: ManusStreamedClientView

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: Union[str, httpx.URL, None] = None,
        rate_limits: RateLimitsSetting = None,
        oauth_token: str | None = None,
        responses_view: ResponsesView = "openai",
        forks: ForkPolicy = "new_task",
        stop_events: StopEventSource | None = None,
        responses_backend: ResponsesBackend | None = None,
        **kwargs: Unpack[ClientOptions],
    ) -> None:
        bridge = _bridge_options(responses_view, forks, stop_events)
        backend = resolve_responses_backend(responses_backend)
        headers = kwargs.get("default_headers")
        use_key, token = resolve_credentials(api_key, oauth_token, _header_key(headers))
        project = check_openai_settings(kwargs)  # type: ignore[arg-type]  # a TypedDict is a mutable mapping at runtime
        super().__init__(
            api_key=resolve_api_key(api_key, headers) if use_key else "",
            base_url=resolve_base_url(base_url),
            **kwargs,
        )
        self._oauth_token = token
        self._drop_openai_settings(project)
        self._set_governor(rate_limits)
        self._set_bridge_options(bridge)
        self.responses_backend = backend
        from .resources import install_sync

        install_sync(self)

    @property
    def unlisted(self) -> UnlistedEndpoints:
        """``get`` / ``post`` / ``put`` / ``patch`` / ``delete`` for a path the endpoint allow-list does not
        know (yet); everything else about the call is this client's.

        Example::

            usage = client.unlisted.get("/usage", cast_to=object)
        """
        return UnlistedEndpoints(self)

    @override
    def _process_response(
        self, *, cast_to: Any, options: FinalRequestOptions, response: httpx.Response, **kwargs: Any
    ) -> Any:
        # A body that is not the JSON object promised becomes a typed error here (see _parsing).
        options = checking(options, cast_to, response)
        self._v2_checked(response)
        if "retries_taken" in kwargs:
            kwargs["retries_taken"] += _ATTEMPT.get()
        try:
            return super()._process_response(cast_to=cast_to, options=options, response=response, **kwargs)
        except PARSE_ERRORS as exc:
            raise unreadable(response, exc) from exc

    @override
    def _prepare_options(self, options: FinalRequestOptions) -> FinalRequestOptions:
        options = super()._prepare_options(options)
        if self._governor is not None:  # every attempt waits for budget before it is built and sent
            endpoint, timeout = self._budget(options)
            self._governor.wait_for(endpoint, timeout=timeout)
        return options

    @override
    def request(self, cast_to: Any, options: FinalRequestOptions, *args: Any, **kwargs: Any) -> Any:
        options = self._check_request(options)
        if not is_create(options.method):
            return super().request(cast_to, options, *args, **kwargs)
        budget = options.get_max_retries(self.max_retries)
        for attempt in range(budget + 1):
            once = model_copy(options)
            once.max_retries = 0
            token = _ATTEMPT.set(attempt)
            try:
                return super().request(cast_to, once, *args, **kwargs)
            except Exception as exc:
                if attempt >= budget or not create_may_retry(exc):
                    raise
                time.sleep(_retry_delay(self, options, attempt, budget, exc))
            finally:
                _ATTEMPT.reset(token)
        raise AssertionError("unreachable")  # pragma: no cover


class AsyncManusOpenAI(_ManusClientMixin, AsyncOpenAI):
    """An ``openai.AsyncOpenAI`` client for the Manus API; the async twin of ``ManusOpenAI``.

    Example::

        import asyncio
        from manus_openai import AsyncManusOpenAI

        async def main() -> None:
            client = AsyncManusOpenAI()
            done = await client.responses.create_and_wait(input="What's the colour of the sky?")
            print(done.output_text)

        asyncio.run(main())
    """

    # Installed in __init__ on every openai version (resources.install_async).
    responses: AsyncManusResponses
    tasks: AsyncTasks
    projects: AsyncProjects
    files: AsyncFiles
    webhooks: AsyncWebhooks  # type: ignore[assignment]  # Manus RSA-SHA256 webhooks replace OpenAI's HMAC ones
    v2: AsyncV2
    with_raw_response: AsyncManusRawClientView
    with_streaming_response: AsyncManusStreamedClientView

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: Union[str, httpx.URL, None] = None,
        rate_limits: RateLimitsSetting = None,
        oauth_token: str | None = None,
        responses_view: ResponsesView = "openai",
        forks: ForkPolicy = "new_task",
        stop_events: StopEventSource | None = None,
        responses_backend: ResponsesBackend | None = None,
        **kwargs: Unpack[AsyncClientOptions],
    ) -> None:
        bridge = _bridge_options(responses_view, forks, stop_events)
        backend = resolve_responses_backend(responses_backend)
        headers = kwargs.get("default_headers")
        use_key, token = resolve_credentials(api_key, oauth_token, _header_key(headers))
        project = check_openai_settings(kwargs)  # type: ignore[arg-type]  # a TypedDict is a mutable mapping at runtime
        super().__init__(
            api_key=resolve_api_key(api_key, headers) if use_key else "",
            base_url=resolve_base_url(base_url),
            **kwargs,
        )
        self._oauth_token = token
        self._drop_openai_settings(project)
        self._set_governor(rate_limits)
        self._set_bridge_options(bridge)
        self.responses_backend = backend
        from .resources import install_async

        install_async(self)

    @property
    def unlisted(self) -> AsyncUnlistedEndpoints:
        """The async twin of ``ManusOpenAI.unlisted``.

        Example::

            usage = await client.unlisted.get("/usage", cast_to=object)
        """
        return AsyncUnlistedEndpoints(self)

    @override
    async def _process_response(
        self, *, cast_to: Any, options: FinalRequestOptions, response: httpx.Response, **kwargs: Any
    ) -> Any:
        options = checking(options, cast_to, response)
        self._v2_checked(response)
        if "retries_taken" in kwargs:
            kwargs["retries_taken"] += _ATTEMPT.get()
        try:
            return await super()._process_response(cast_to=cast_to, options=options, response=response, **kwargs)
        except PARSE_ERRORS as exc:
            raise unreadable(response, exc) from exc

    @override
    async def _prepare_options(self, options: FinalRequestOptions) -> FinalRequestOptions:
        options = await super()._prepare_options(options)
        if self._governor is not None:
            endpoint, timeout = self._budget(options)
            await self._governor.async_wait_for(endpoint, timeout=timeout)
        return options

    @override
    async def request(self, cast_to: Any, options: FinalRequestOptions, *args: Any, **kwargs: Any) -> Any:
        options = self._check_request(options)
        if not is_create(options.method):
            return await super().request(cast_to, options, *args, **kwargs)
        budget = options.get_max_retries(self.max_retries)
        for attempt in range(budget + 1):
            once = model_copy(options)
            once.max_retries = 0
            token = _ATTEMPT.set(attempt)
            try:
                return await super().request(cast_to, once, *args, **kwargs)
            except Exception as exc:
                if attempt >= budget or not create_may_retry(exc):
                    raise
                await anyio.sleep(_retry_delay(self, options, attempt, budget, exc))
            finally:
                _ATTEMPT.reset(token)
        raise AssertionError("unreachable")  # pragma: no cover
