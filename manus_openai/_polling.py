"""How ``responses.wait()`` paces itself: the default schedule, server hints and which errors are transient.

Pure decisions, shared by the sync and async resources (only their sleeping differs).

The default schedule, in seconds after the wait starts (which polls at once), polls at 1, then on the
5-second grid (5, 10, ... 60), then backs off: 75, 105, 165, 285 and every 120 s after that. A task
shorter than a minute is seen no later than the vendor's documented 5-second loop would see it, while
one of five minutes costs 19 polls instead of 61 and one of half an hour 31 instead of 361.
A fixed ``poll_interval`` replaces the schedule; a ``Retry-After`` (or ``retry-after-ms`` /
``openai-poll-after-ms``) from the server replaces one delay; no sleep ever goes past the caller's deadline.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator, Mapping

import httpx
from openai import APIConnectionError, APIStatusError

from .errors import CreditLimitExceededError, RateLimitWaitTimeout

__all__ = [
    "DEFAULT_WAIT_TIMEOUT",
    "MAX_HINT_SECONDS",
    "default_delays",
    "delays",
    "hinted_delay",
    "is_transient",
    "jittered",
]

DEFAULT_WAIT_TIMEOUT = 3600.0
"""``wait()`` gives up after an hour unless told otherwise (Manus tasks can run for many minutes)."""

MAX_HINT_SECONDS = 300.0
"""A server hint longer than this is ignored (the schedule's own delay is used)."""

_GRID = 5.0
_GRID_END = 60.0
_BACKOFF = (15.0, 30.0, 60.0)
_CAP = 120.0


def default_delays() -> Iterator[float]:
    """The default schedule as successive sleep lengths (infinite).

    >>> import itertools
    >>> list(itertools.islice(default_delays(), 4))
    [1.0, 4.0, 5.0, 5.0]
    """
    yield from (1.0, 4.0)  # polls at 1 and 5 s
    elapsed = _GRID
    while elapsed < _GRID_END:
        yield _GRID
        elapsed += _GRID
    yield from _BACKOFF
    while True:
        yield _CAP


def delays(poll_interval: float | None) -> Iterator[float]:
    """The schedule to use: a fixed interval when given, else ``default_delays()``."""
    if poll_interval is None:
        return default_delays()
    # NaN passes `<= 0` and infinity cannot be slept: both would fail (or hang) only after the first poll.
    if (
        isinstance(poll_interval, bool)
        or not isinstance(poll_interval, (int, float))
        or not math.isfinite(poll_interval)
        or poll_interval <= 0
    ):
        raise ValueError(f"poll_interval must be a positive number of seconds (finite) or None, got {poll_interval!r}")

    def fixed() -> Iterator[float]:
        while True:
            yield float(poll_interval)

    return fixed()


def check_timeout(timeout: float | None) -> float | None:
    """Validate ``wait(timeout=...)``: a positive number of seconds, or None to wait forever."""
    if timeout is None:
        return None
    # NaN passes `<= 0` and would silently mean "wait forever"; infinity is allowed (it does mean that).
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or math.isnan(timeout) or timeout <= 0:
        raise ValueError(f"timeout must be a positive number of seconds or None, got {timeout!r}")
    return float(timeout)


def hinted_delay(headers: Mapping[str, str] | httpx.Headers | None) -> float | None:
    """The delay a response asks for: ``retry-after-ms``, ``openai-poll-after-ms`` or ``retry-after`` seconds."""
    if not headers:
        return None
    for name, scale in (("retry-after-ms", 1000.0), ("openai-poll-after-ms", 1000.0), ("retry-after", 1.0)):
        raw = headers.get(name)
        if raw is None:
            continue
        try:
            seconds = float(raw) / scale
        except ValueError:
            continue
        if 0 <= seconds <= MAX_HINT_SECONDS:
            return seconds
    return None


def jittered(hint: float, rng: random.Random | None = None) -> float:
    """A server-asked delay plus up to half of it again: never early, and clients that were refused
    together do not all come back in the same instant.

    >>> 10.0 <= jittered(10.0) <= 15.0
    True
    """
    extra: float = (rng or random).uniform(0.0, hint / 2)
    return hint + extra


def is_transient(exc: BaseException) -> bool:
    """Errors that must not end a wait: rate limits (the server's 429 or the governor finding no budget
    within a poll's own timeout), 5xx, 408/409, dropped connections and timeouts."""
    if isinstance(exc, CreditLimitExceededError):
        return False
    if isinstance(exc, RateLimitWaitTimeout):
        return True
    if isinstance(exc, APIStatusError):
        return exc.status_code in (408, 409, 429) or exc.status_code >= 500
    return isinstance(exc, APIConnectionError)


def error_delay(exc: BaseException) -> float | None:
    """The server's hint carried by a transient HTTP error, if any."""
    response = getattr(exc, "response", None)
    return hinted_delay(response.headers) if isinstance(response, httpx.Response) else None
