"""Per-invocation state of ``manus``: where the key and base URL come from, the consoles, the backend, errors.

* The key comes from ``--api-key`` or ``MANUS_API_KEY``, the base URL from ``--base-url`` or
  ``MANUS_BASE_URL``. The key is never printed: every message ``run_command`` prints has it replaced.
* Machine output (``--json``) goes to stdout through ``emit``; everything for people — progress, prompts,
  errors — goes to ``Session.err`` (stderr). ``NO_COLOR`` or a non-terminal gives plain text with no
  control codes (no colour, no cursor movement, no live display).
* ``run_command`` turns every expected failure into one line on stderr and a documented exit code
  (``_exit.ExitCode``), never a traceback.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal

import openai
import typer
from rich.console import Console

from ..errors import ManusError, WaitTimeout
from ._backend import Backend, TimedOut
from ._exit import CliError, ExitCode

__all__ = ["API_VERSIONS", "Session", "default_api", "emit", "failures", "run_command", "session_of"]

MISSING_KEY = (
    "no Manus API key: set MANUS_API_KEY (export MANUS_API_KEY=...) or pass --api-key. "
    "For a local one, run `manus emulator` and export the two variables it prints."
)


API_VERSIONS = ("v1", "v2")


def default_api() -> str:
    """``v2`` where this install has the v2 client, else ``v1``.

    >>> default_api() in API_VERSIONS
    True
    """
    try:
        import manus_openai.v2._root  # noqa: F401
    except ImportError:
        return "v1"
    return "v2"


def _plain() -> bool:
    return bool(os.environ.get("NO_COLOR"))


@dataclass
class Session:
    """What one ``manus`` invocation shares between the app callback and its command.

    Example::

        session = Session(api_key="manus-emulator-key", base_url="http://127.0.0.1:8765/v1")
        backend = session.backend()
    """

    api_key: str | None = None
    base_url: str | None = None
    api: str | None = None
    _backend: Backend | None = field(default=None, repr=False)
    _secrets: list[str] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        # NO_COLOR: no styles at all (Rich's no_color keeps bold and underline), so no control codes.
        plain = _plain()
        colors: Literal["auto"] | None = None if plain else "auto"
        self.err = Console(stderr=True, highlight=False, soft_wrap=True, color_system=colors, no_color=plain or None)
        self.out = Console(highlight=False, color_system=colors, no_color=plain or None)

    @property
    def live(self) -> bool:
        """Whether stderr can take a live display (a terminal, and ``NO_COLOR`` unset)."""
        return self.err.is_terminal and not _plain()

    @property
    def interactive(self) -> bool:
        """Whether a person can answer prompts (stdin and stderr are terminals)."""
        return sys.stdin.isatty() and self.err.is_terminal

    def key(self) -> str:
        """The API key, or the instructive ``CliError`` (exit 2) when none is set."""
        key = self.api_key or os.environ.get("MANUS_API_KEY")
        if not key:
            raise CliError(MISSING_KEY, ExitCode.USAGE)
        if key not in self._secrets:
            self._secrets.append(key)
        return key

    def backend(self) -> Backend:
        """The API backend for this invocation (built once; closed by ``guarded``)."""
        if self._backend is None:
            from .. import ManusOpenAI
            from ._v1 import V1Backend

            version = self.api or default_api()
            if version not in API_VERSIONS:
                raise CliError(f"--api must be one of {', '.join(API_VERSIONS)}; got {version!r}")
            # The v1 backend reads Manus's own statuses (running/pending/...): the raw Responses view.
            client = ManusOpenAI(api_key=self.key(), base_url=self.base_url or None, responses_view="manus")
            if version == "v2":
                from ._v2 import V2Backend

                self._backend = V2Backend(client)
            else:
                self._backend = V1Backend(client)
        return self._backend

    def scrub(self, text: str) -> str:
        """``text`` with the API key replaced by ``***``.

        >>> s = Session(api_key="sk-secret")
        >>> _ = s.key()
        >>> s.scrub("bad key sk-secret")
        'bad key ***'
        """
        for secret in self._secrets:
            text = text.replace(secret, "***")
        return text

    def close(self) -> None:
        """Close the backend's connections."""
        if self._backend is not None:
            self._backend.close()
            self._backend = None

    def line(self, text: str) -> None:
        """One line of results on stdout, never wrapped (markup-free)."""
        self.out.print(self.scrub(text), markup=False, highlight=False, soft_wrap=True)

    def info(self, message: str) -> None:
        """A line for people on stderr (markup-free)."""
        self.err.print(self.scrub(message), markup=False, highlight=False)


def session_of(ctx: typer.Context) -> Session:
    """The invocation's ``Session`` (made by the app callback; a bare one when a command runs alone)."""
    root = ctx.find_root()
    if not isinstance(root.obj, Session):
        root.obj = Session()
    return root.obj


def emit(data: object) -> None:
    """One JSON value on stdout, one line (``--json`` output)."""
    sys.stdout.write(json.dumps(data, default=str, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _message(exc: BaseException) -> tuple[str, ExitCode, str | None]:
    """The one line, exit code and hint for an expected failure."""
    if isinstance(exc, CliError):
        return str(exc), exc.code, exc.hint
    if isinstance(exc, (WaitTimeout, TimedOut)):
        return str(exc), ExitCode.TIMED_OUT, None
    if isinstance(exc, openai.NotFoundError):
        return f"not found: {_api_message(exc)}", ExitCode.USAGE, None
    if isinstance(exc, openai.AuthenticationError):
        hint = "check MANUS_API_KEY (or --api-key) and MANUS_BASE_URL"
        return f"the API refused the key: {_api_message(exc)}", ExitCode.API_ERROR, hint
    if isinstance(exc, openai.BadRequestError):
        return f"the API rejected the request: {_api_message(exc)}", ExitCode.USAGE, None
    if isinstance(exc, openai.APIStatusError):
        return f"API error {exc.status_code}: {_api_message(exc)}", ExitCode.API_ERROR, None
    if isinstance(exc, openai.APIConnectionError):
        url = getattr(getattr(exc, "request", None), "url", None)
        where = f"{url.scheme}://{url.netloc.decode()}" if url is not None else "the API"
        return f"cannot reach {where}: {exc}", ExitCode.API_ERROR, "check MANUS_BASE_URL and your network"
    if isinstance(exc, ManusError):
        return str(exc), ExitCode.API_ERROR, None
    if isinstance(exc, (ValueError, TypeError)):
        return str(exc), ExitCode.USAGE, None
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}: {exc.filename}" if exc.filename else str(exc), ExitCode.USAGE, None
    raise exc


def _api_message(exc: openai.APIStatusError) -> str:
    body = exc.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        message = inner.get("message") if isinstance(inner, dict) else None
        if isinstance(message, str):
            return message
    return exc.message


@contextmanager
def failures(session: Session) -> Iterator[None]:
    """Report an expected failure as one line on stderr and exit with its code."""
    try:
        yield
    except (typer.Exit, typer.Abort, KeyboardInterrupt):
        raise
    except Exception as exc:
        message, code, hint = _message(exc)
        session.info(f"manus: error: {message}")
        if hint:
            session.info(f"hint: {hint}")
        raise typer.Exit(int(code)) from None


def run_command(ctx: typer.Context, body: Callable[[Session], int]) -> None:
    """Run a command's ``body(session)``: expected failures become one line and an exit code, Ctrl-C exits
    130, the backend is closed; a non-zero result becomes the exit code.
    """
    session = session_of(ctx)
    try:
        with failures(session):
            code = body(session)
    except KeyboardInterrupt:
        session.info("interrupted")
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
    finally:
        session.close()
    if code:
        raise typer.Exit(int(code))
