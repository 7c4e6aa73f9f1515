"""``Emulator``: the object users hold — configuration, server lifecycle and inspection."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal

from ._app import EmulatorApp, RecordedRequest
from ._clock import Clock, ManualClock, SystemClock
from ._engine import Engine
from ._faults import FaultPlan, FaultRule
from ._model import Outcome, Scenario, Task, check_wait_type
from ._store import OWNER
from ._v2_http import OAuthToken, RateLimiter
from ._webhooks import SignatureMode, WebhookDelivery, WebhookService

if TYPE_CHECKING:
    from manus_openai import AsyncManusOpenAI, ManusOpenAI

    from ._server import ServerThread

__all__ = ["DEFAULT_API_KEY", "Emulator"]

DEFAULT_API_KEY = "manus-emulator-key"
DEFAULT_BROWSER = {
    "client_id": "0e9ad711-8471-4fcc-a9de-8309f0f12c87",
    "client_name": "Emulated Chrome",
    "ua": "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36",
}


class Emulator:
    """A local Manus API (v1 and v2): a real HTTP server (uvicorn) around one in-memory task engine.

    Constructing it starts nothing; ``start()`` (or ``with``) binds ``host:port`` (port 0 = any
    free port) and serves from a background thread. ``app`` is also usable in-process with
    ``httpx.ASGITransport(app=emu.app)``.

    Example::

        from manus_openai.emulator import Emulator, ManualClock

        clock = ManualClock()
        with Emulator(clock=clock, task_duration=5) as emu:
            client = emu.client()
            response = client.responses.create(input="What's the color of the sky?")
            clock.advance(5)
            assert client.responses.retrieve(response.id).status == "completed"
    """

    def __init__(
        self,
        *,
        api_key: str = DEFAULT_API_KEY,
        clock: Clock | None = None,
        seed: int = 0,
        task_duration: float = 3.0,
        polls: int | None = None,
        outcome: Outcome = "finish",
        output_files: int = 0,
        progress_events: int = 2,
        host: str = "127.0.0.1",
        port: int = 0,
        faults: Iterable[FaultRule] = (),
        credits_per_second: float = 1.0,
        credit_limit: int | None = None,
        credit_limit_status: int = 429,
        strict: bool = False,
        webhook_signature_mode: SignatureMode = "single",
        webhook_activation: Literal["require", "best_effort", "off"] = "best_effort",
        webhook_retry_delays: Sequence[float] = (0.5, 1.0, 2.0, 4.0),
        log_level: str = "warning",
        rate_limits: bool = False,
        rate_limit_retry_after: bool = False,
        browsers: Sequence[Mapping[str, str]] | None = None,
        account_type: Literal["personal", "team"] = "personal",
        team_members: Sequence[Mapping[str, str]] = (),
    ) -> None:
        if not api_key:
            raise ValueError("api_key must be a non-empty string")
        self._api_key = api_key
        self.clock: Clock = clock if clock is not None else SystemClock()
        self.host = host
        self._port = port
        self._log_level = log_level
        self.engine = Engine(
            clock=self.clock,
            seed=seed,
            defaults=Scenario(
                duration=task_duration,
                polls=polls,
                outcome=outcome,
                files=output_files,
                progress=progress_events,
            ),
            credits_per_second=credits_per_second,
            credit_limit=credit_limit,
            credit_limit_status=credit_limit_status,
        )
        self.faults = FaultPlan(seed)
        for rule in faults:
            self.faults.add_rule(rule)
        self._webhooks = WebhookService(
            self.engine,
            mode=webhook_signature_mode,
            retry_delays=webhook_retry_delays,
            origin=lambda: self._app.last_origin,
        )
        if account_type not in ("personal", "team"):
            raise ValueError("account_type must be 'personal' or 'team'")
        if team_members and account_type != "team":
            raise ValueError("team_members needs account_type='team'")
        for member in team_members:
            if set(member) != {"user_id", "user_name", "email"} or not all(isinstance(v, str) for v in member.values()):
                raise ValueError("each team member is {'user_id': str, 'user_name': str, 'email': str}")
            if member["user_id"] in self.engine.members:
                raise ValueError(f"team member user_id {member['user_id']!r} is given twice (or is the owner's)")
            self.engine.members[member["user_id"]] = dict(member)
        self.rate_limiter = RateLimiter(self.clock, enabled=rate_limits, retry_after=rate_limit_retry_after)
        online = [dict(b) for b in browsers] if browsers is not None else [dict(DEFAULT_BROWSER)]
        for browser in online:
            if not {"client_id", "client_name", "ua"} <= set(browser):
                raise ValueError("each browser needs client_id, client_name and ua")
        self._app = EmulatorApp(
            engine=self.engine,
            faults=self.faults,
            webhooks=self._webhooks,
            api_key=api_key,
            strict=strict,
            webhook_activation=webhook_activation,
            limiter=self.rate_limiter,
            browsers=online,
        )
        self._app.v2_account.account_type = account_type
        self._server: ServerThread | None = None
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> Emulator:
        """Bind and serve in a background thread; returns once the server accepts connections."""
        with self._lock:
            if self._server is not None:
                return self
            from ._server import ServerThread

            server = ServerThread(self._app, self.host, self._port, self._log_level)
            server.start()
            self._server = server
            self._app.last_origin = self.origin
            return self

    def stop(self) -> None:
        """Stop the server and the webhook worker (idempotent)."""
        with self._lock:
            server, self._server = self._server, None
        self._webhooks.stop()
        if server is not None:
            server.stop()

    def __enter__(self) -> Emulator:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the emulator is not started: use `with Emulator() as emu:` or emu.start()")
        return self._server.port

    @property
    def origin(self) -> str:
        """``http://127.0.0.1:<port>`` (no path)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:<port>/v1``: the OpenAI SDK ``base_url`` to use."""
        return self.origin + "/v1"

    @property
    def v2_url(self) -> str:
        """``http://127.0.0.1:<port>/v2``: prefix of every v2 endpoint (``{v2_url}/task.create``)."""
        return self.origin + "/v2"

    @property
    def v2_headers(self) -> dict[str, str]:
        """The v2 auth header: ``{"x-manus-api-key": api_key}``."""
        return {"x-manus-api-key": self.api_key}

    def add_oauth_token(
        self,
        token: str,
        *,
        scopes: Iterable[str] = ("manage_all_tasks",),
        trusted: bool = False,
        app_id: str | None = None,
        user_id: str | None = None,
    ) -> OAuthToken:
        """Accept ``Authorization: Bearer <token>`` on v2 with these scopes (§6.1.2).

        Scopes: ``create_task``, ``manage_all_tasks``, ``create_project``, ``use_connectors``,
        ``use_my_browsers``; ``trusted=True`` is a trusted app (full access, like an API key,
        except on the API-key-only endpoints). ``user_id`` names the team member (see
        ``team_members``) the token acts for: the tasks it creates count as theirs in
        ``usage.teamLog`` (default: the account owner). Example::

            emu.add_oauth_token("tok-1", scopes=["create_task"])
            httpx.get(emu.v2_url + "/task.list", headers={"Authorization": "Bearer tok-1"})
        """
        known = {"create_task", "manage_all_tasks", "create_project", "use_connectors", "use_my_browsers"}
        wanted = frozenset(scopes)
        if not token or token == self.api_key:
            raise ValueError("token must be a non-empty string other than the API key")
        if wanted - known:
            raise ValueError(f"unknown scopes {sorted(wanted - known)}; use {sorted(known)}")
        if user_id is not None and user_id not in self.engine.members:
            raise ValueError(f"unknown user_id {user_id!r}; team members: {sorted(self.engine.members)}")
        app = app_id or f"app_{len(self._app.oauth_tokens) + 1}"
        entry = OAuthToken(token, wanted, app, trusted, None if user_id == OWNER["user_id"] else user_id)
        self._app.oauth_tokens[token] = entry
        return entry

    @property
    def api_key(self) -> str:
        """The one key the emulator accepts in the ``API_KEY`` header."""
        return self._api_key

    @property
    def app(self) -> EmulatorApp:
        """The ASGI app (usable without starting the server)."""
        return self._app

    def __repr__(self) -> str:
        where = self.base_url if self._server is not None else "not started"
        return f"<Emulator {where}>"

    # ------------------------------------------------------------------ clients
    def client(self, **kwargs: Any) -> ManusOpenAI:
        """A ``manus_openai.ManusOpenAI`` pointed at this emulator (extra kwargs pass through)."""
        from manus_openai import ManusOpenAI

        return ManusOpenAI(api_key=self.api_key, base_url=self.base_url, **kwargs)

    def async_client(self, **kwargs: Any) -> AsyncManusOpenAI:
        """A ``manus_openai.AsyncManusOpenAI`` pointed at this emulator."""
        from manus_openai import AsyncManusOpenAI

        return AsyncManusOpenAI(api_key=self.api_key, base_url=self.base_url, **kwargs)

    # ------------------------------------------------------------------ inspection
    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received so far (a snapshot), API key redacted."""
        return list(self._app.requests)

    def clear_requests(self) -> None:
        self._app.requests.clear()

    @property
    def webhook_deliveries(self) -> list[WebhookDelivery]:
        """Every webhook delivery (activation test requests included) with its attempts."""
        return list(self._webhooks.deliveries)

    def wait_for_webhooks(self, timeout: float = 5.0) -> bool:
        """Block until no webhook delivery is pending (False on timeout)."""
        return self._webhooks.wait_idle(timeout)

    @property
    def webhook_public_key(self) -> str:
        """The PEM public key deliveries are signed with (generated on first use)."""
        return self._webhooks.public_key_pem()

    def task(self, task_id: str) -> Task:
        """The engine's task (state advanced to now); raises ``KeyError`` if unknown."""
        with self.engine.lock:
            if task_id not in self.engine.tasks:
                raise KeyError(task_id)
            return self.engine.get(task_id)

    # ------------------------------------------------------------------ control
    def scenario(
        self,
        *,
        duration: float | None = None,
        polls: int | None = None,
        outcome: Outcome | None = None,
        files: int | None = None,
        progress: int | None = None,
        question: str | None = None,
        error_message: str | None = None,
        wait: str | None = None,
        background: float | None = None,
        structured: Literal["ok", "fail"] | None = None,
        website: bool | None = None,
        slides: bool | None = None,
        reset_polls: bool = False,
        reset_wait: bool = False,
    ) -> Scenario:
        """Change the defaults for tasks created from now on; returns the new defaults.

        ``wait`` (a v2 ``waiting_for_event_type``, see ``Scenario``) applies to first turns, like
        ``outcome="ask"``. ``reset_polls=True`` goes back to duration-based completion,
        ``reset_wait=True`` stops waiting. Example::

            emu.scenario(wait="gmailSendAction")   # every new task waits for a Gmail confirmation
            emu.scenario(reset_wait=True, structured="fail")
        """
        if wait is not None:
            check_wait_type(wait, "wait")
        if structured not in (None, "ok", "fail"):
            raise ValueError("structured must be 'ok' or 'fail'")
        with self.engine.lock:
            current = self.engine.defaults
            if reset_polls:
                current = replace(current, polls=None)
            if reset_wait:
                current = replace(current, wait=None)
            self.engine.defaults = Scenario(
                duration=duration,
                polls=polls,
                outcome=outcome,
                files=files,
                progress=progress,
                question=question,
                error_message=error_message,
                wait=wait,
                background=background,
                structured=structured,
                website=website,
                slides=slides,
            ).over(current)
            return self.engine.defaults

    def seed_tasks(
        self,
        n: int,
        *,
        statuses: Iterable[str] = ("completed",),
        start: float | None = None,
        spacing: float = 1.0,
        prompt: str = "Seeded task {i}",
        users: Sequence[str] = (),
    ) -> list[str]:
        """Insert ``n`` tasks directly (fast: 100k in about a second); returns their ids, oldest first.

        ``statuses`` (v1 Task vocabulary) is cycled; ``start`` is the first ``created_at``
        (default: ``n * spacing`` seconds before now); ``prompt`` is formatted with ``i``;
        ``users`` (team members' ``user_id``, cycled) say whose tasks they are (default: the
        owner's). Each task's v2 event log is built on its first read. Example::

            emu = Emulator(account_type="team", team_members=[{"user_id": "u2", "user_name": "Ann",
                                                                "email": "ann@example.com"}])
            emu.seed_tasks(10, statuses=["completed", "failed"], users=["user_emulator", "u2"])
        """
        return self.engine.seed_tasks(n, statuses=statuses, start=start, spacing=spacing, prompt=prompt, users=users)

    def tick(self) -> None:
        """Apply every due transition now (webhook events fire from here when nobody polls)."""
        self.engine.advance_active()

    def advance(self, seconds: float) -> None:
        """Advance a :class:`ManualClock` and apply the transitions now due."""
        if not isinstance(self.clock, ManualClock):
            raise TypeError("advance() needs Emulator(clock=ManualClock())")
        self.clock.advance(seconds)
        self.tick()
