"""Clocks the emulator measures task running time on (real, manual, scaled)."""

from __future__ import annotations

import threading
import time
from typing import Protocol, runtime_checkable

__all__ = ["Clock", "ManualClock", "ScaledClock", "SystemClock"]


@runtime_checkable
class Clock(Protocol):
    """Anything with ``now() -> float`` returning Unix seconds."""

    def now(self) -> float: ...


class SystemClock:
    """Wall-clock time (the default)."""

    def now(self) -> float:
        return time.time()

    def __repr__(self) -> str:
        return "SystemClock()"


class ManualClock:
    """A clock that only moves when told to, for tests that must not sleep.

    Example::

        clock = ManualClock(start=1_700_000_000)
        with Emulator(clock=clock, task_duration=5) as emu:
            ...  # create a task: it is running
            clock.advance(5)  # now it is completed
    """

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self._now = float(start)
        self._lock = threading.Lock()

    def now(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> float:
        """Move the clock forward by ``seconds`` (>= 0) and return the new time."""
        if seconds < 0:
            raise ValueError("a ManualClock cannot go backwards (seconds must be >= 0)")
        with self._lock:
            self._now += seconds
            return self._now

    def set(self, timestamp: float) -> None:
        """Jump to ``timestamp`` (must not be earlier than now)."""
        with self._lock:
            if timestamp < self._now:
                raise ValueError("a ManualClock cannot go backwards")
            self._now = float(timestamp)

    def __repr__(self) -> str:
        return f"ManualClock(now={self._now!r})"


class ScaledClock:
    """Real time running ``factor`` times faster, starting from the real time at construction.

    ``ScaledClock(60)`` makes a 3-minute emulated task finish in 3 real seconds.
    """

    def __init__(self, factor: float, start: float | None = None) -> None:
        if factor <= 0:
            raise ValueError("factor must be > 0")
        self.factor = float(factor)
        self._origin_real = time.monotonic()
        self._origin = time.time() if start is None else float(start)

    def now(self) -> float:
        return self._origin + (time.monotonic() - self._origin_real) * self.factor

    def __repr__(self) -> str:
        return f"ScaledClock(factor={self.factor!r})"
