"""The in-process budget: a moving window per endpoint plus the blocks a 429 imposes, on any clock.

Pure bookkeeping (the caller passes ``now``), so the schedule is tested on a manual clock and shared by
the sync and async governors. It is the whole budget when no Redis is configured, and the fallback when
Redis is unreachable (it records this process's requests all along, so a fallback starts informed).
"""

from __future__ import annotations

from collections import deque

from ._limits import RateLimits, slot_interval

__all__ = ["Schedule"]


class Schedule:
    """Per-endpoint moving windows of ``limits`` (seconds on the caller's clock).

    >>> schedule = Schedule(RateLimits(per_minute={"task.create": 2}))
    >>> schedule.try_take("task.create", 0.0), schedule.try_take("task.create", 1.0)
    (0.0, 0.0)
    >>> schedule.try_take("task.create", 2.0)  # full until the first request leaves the window
    58.0
    """

    def __init__(self, limits: RateLimits) -> None:
        self._limits = limits
        self._sent: dict[str, deque[float]] = {}
        self._blocked: dict[str, float] = {}

    def delay(self, endpoint: str, now: float) -> float:
        """Seconds until ``endpoint`` may send (0: now), without spending anything."""
        limit = self._limits.limit(endpoint)
        if limit is None:
            return 0.0
        blocked = self._blocked.get(endpoint, 0.0) - now
        sent = self._trimmed(endpoint, now)
        full = sent[0] + self._limits.window - now if len(sent) >= limit else 0.0
        return max(blocked, full, 0.0)

    def try_take(self, endpoint: str, now: float) -> float:
        """Spend one request now and return 0, or return the seconds to wait (nothing spent)."""
        limit = self._limits.limit(endpoint)
        if limit is None:
            return 0.0
        sent = self._trimmed(endpoint, now)
        wait = max(
            self._blocked.get(endpoint, 0.0) - now, sent[0] + self._limits.window - now if len(sent) >= limit else 0.0
        )
        if wait > 0:
            return wait
        sent.append(now)
        return 0.0

    def record(self, endpoint: str, now: float) -> None:
        """Count a request sent at ``now`` (also when a shared budget allowed it)."""
        limit = self._limits.limit(endpoint)
        if limit is None:
            return
        sent = self._trimmed(endpoint, now)
        sent.append(now)
        while len(sent) > limit:
            sent.popleft()

    def refuse(self, endpoint: str, now: float, retry_after: float | None) -> float:
        """The server answered 429: block ``endpoint`` for ``retry_after`` seconds, else one slot interval.

        Returns the block's length. Blocks only ever lengthen (two 429s never shorten a wait).
        """
        limit = self._limits.limit(endpoint) or 60
        hinted = retry_after is not None and retry_after > 0
        seconds = retry_after if hinted and retry_after is not None else slot_interval(limit, self._limits.window)
        self._blocked[endpoint] = max(self._blocked.get(endpoint, 0.0), now + seconds)
        return seconds

    def _trimmed(self, endpoint: str, now: float) -> deque[float]:
        sent = self._sent.get(endpoint)
        if sent is None:
            sent = self._sent[endpoint] = deque()
        horizon = now - self._limits.window
        while sent and sent[0] <= horizon:
            sent.popleft()
        return sent
