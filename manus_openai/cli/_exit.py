"""The ``manus`` command's exit codes and the one error type its commands raise.

* 0 -- done (the task completed, or the command did what it says)
* 1 -- the task failed (``error`` / ``failed``) or was stopped
* 2 -- usage error or bad input: an unknown option value, an unreadable file, malformed JSON, an id that
  does not exist, no API key
* 3 -- the task is waiting for input (a question or a confirmation) and no terminal can answer it
* 4 -- timed out (``--timeout``); the task keeps running
* 5 -- not supported by this API backend (e.g. ``confirm`` / ``stop`` on v1); nothing was sent
* 6 -- the API refused the request or could not be reached (bad key, server error, network)
* 130 -- interrupted (Ctrl-C); the task id is printed
"""

from __future__ import annotations

from enum import IntEnum

__all__ = ["CliError", "ExitCode", "NotSupported", "choice"]


class ExitCode(IntEnum):
    """Documented exit codes of ``manus`` (the table in this module's docstring and the README).

    >>> int(ExitCode.WAITING)
    3
    """

    OK = 0
    TASK_FAILED = 1
    USAGE = 2
    WAITING = 3
    TIMED_OUT = 4
    NOT_SUPPORTED = 5
    API_ERROR = 6
    INTERRUPTED = 130


class CliError(Exception):
    """One clear line for the user and the exit code that goes with it.

    >>> err = CliError("no file at 'x.pdf'", ExitCode.USAGE)
    >>> str(err), int(err.code)
    ("no file at 'x.pdf'", 2)
    """

    def __init__(self, message: str, code: ExitCode = ExitCode.USAGE, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.hint = hint


class NotSupported(CliError):
    """The selected backend cannot do this (exit code 5), with what to do instead.

    >>> NotSupported("stop", "v1", hint="the task keeps running").code == ExitCode.NOT_SUPPORTED
    True
    """

    def __init__(self, what: str, backend: str, *, hint: str | None = None) -> None:
        super().__init__(f"{what} is not supported by the Manus {backend} API", ExitCode.NOT_SUPPORTED, hint=hint)
        self.what = what
        self.backend = backend


def choice(option: str, value: str | None, allowed: tuple[str, ...]) -> str | None:
    """``value`` if it is one of ``allowed`` (or None), else the one-line usage error naming them.

    >>> choice("--mode", "chat", ("agent", "chat"))
    'chat'
    """
    if value is not None and value not in allowed:
        raise CliError(f"{option} must be one of {', '.join(allowed)}; got {value!r}")
    return value
