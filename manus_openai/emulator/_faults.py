"""Seeded, reproducible fault injection per endpoint.

A :class:`FaultRule` says *what* goes wrong (a :class:`Fault`), *where* (HTTP method and a path glob
matched against the canonical ``/v1/...`` path, so ``/tasks`` and ``/v1/v1/tasks`` count as
``/v1/tasks``) and *when*: on an exact schedule of 1-based call numbers, with a probability drawn
from a generator seeded by the emulator's seed and the rule's position, or always. Every rule
counts its own matching calls, so a schedule is stable whatever other rules do.

Example::

    emu.faults.add(Fault.rate_limited(retry_after=2), "POST", "/v1/responses", calls=[1, 3])
    emu.faults.add(Fault.drop(), "GET", "/v1/responses/*", probability=0.2)
"""

from __future__ import annotations

import fnmatch
import random
import threading
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Literal

from ._errors import CODE_INTERNAL, CODE_RESOURCE_EXHAUSTED, CODE_UNAVAILABLE

__all__ = ["Fault", "FaultPlan", "FaultRule", "FiredFault", "canonical_path"]

FaultKind = Literal["error", "drop", "delay"]

V1_RESOURCES = frozenset({"responses", "tasks", "projects", "files", "webhooks", "webhook"})


def canonical_path(path: str) -> str:
    """``/tasks`` and ``/v1/v1/tasks`` -> ``/v1/tasks`` (the v1 surface is served at all three)."""
    while path.startswith("/v1/v1/") or path == "/v1/v1":
        path = path[3:]
    first = path.lstrip("/").split("/", 1)[0]
    if first in V1_RESOURCES:
        return "/v1" + (path if path.startswith("/") else "/" + path)
    return path


@dataclass(frozen=True)
class Fault:
    """What goes wrong. Build one with the class methods.

    ``kind="error"`` answers ``status`` with the v1 error body ``{"code", "message", "details"}``
    (a 502 answers a proxy's plain-text page instead), optionally with ``Retry-After``;
    ``"drop"`` closes the TCP connection without any response; ``"delay"`` waits ``seconds`` of
    real time and then serves the request normally.
    """

    kind: FaultKind
    status: int = 0
    code: int | None = None
    message: str = ""
    retry_after: float | None = None
    seconds: float = 0.0

    @classmethod
    def rate_limited(cls, retry_after: float | None = 1.0) -> Fault:
        """HTTP 429 (gRPC RESOURCE_EXHAUSTED, code 8), with ``Retry-After`` unless ``None``."""
        return cls("error", 429, CODE_RESOURCE_EXHAUSTED, "Too many requests: rate limit exceeded", retry_after)

    @classmethod
    def server_error(cls, status: Literal[500, 502, 503] = 500, retry_after: float | None = None) -> Fault:
        """HTTP 500 (code 13), 502 (plain-text proxy page) or 503 (code 14)."""
        if status not in (500, 502, 503):
            raise ValueError("status must be 500, 502 or 503")
        code = {500: CODE_INTERNAL, 502: None, 503: CODE_UNAVAILABLE}[status]
        message = {500: "internal error", 502: "Bad Gateway", 503: "service unavailable, retry later"}[status]
        return cls("error", status, code, message, retry_after)

    @classmethod
    def credit_limit(cls, status: int = 429) -> Fault:
        """The code-8 credit-limit error (HTTP status as the emulator's ``credit_limit_status``)."""
        return cls("error", status, CODE_RESOURCE_EXHAUSTED, "Credit limit exceeded: add credits to continue")

    @classmethod
    def status_error(cls, status: int, code: int, message: str, retry_after: float | None = None) -> Fault:
        """Any other v1 error response."""
        return cls("error", status, code, message, retry_after)

    @classmethod
    def drop(cls) -> Fault:
        """Close the connection without a response (over ASGITransport: raise a transport error)."""
        return cls("drop")

    @classmethod
    def slow(cls, seconds: float) -> Fault:
        """Delay the (otherwise normal) response by ``seconds`` of real time."""
        if seconds < 0:
            raise ValueError("seconds must be >= 0")
        return cls("delay", seconds=seconds)


@dataclass
class FaultRule:
    """A fault bound to an endpoint and a trigger; ``calls`` and ``probability`` are exclusive."""

    fault: Fault
    method: str = "*"
    path: str = "*"
    probability: float | None = None
    calls: Collection[int] | None = None
    times: int | None = None
    seen: int = field(default=0, init=False)
    fired: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        if self.probability is not None and self.calls is not None:
            raise ValueError("give either probability or calls, not both")
        if self.probability is not None and not 0.0 <= self.probability <= 1.0:
            raise ValueError("probability must be between 0 and 1")
        if self.calls is not None and any(c < 1 for c in self.calls):
            raise ValueError("calls are 1-based call numbers")
        self.method = self.method.upper()
        self.path = canonical_path(self.path) if self.path != "*" else "*"

    def matches(self, method: str, path: str) -> bool:
        return (self.method in ("*", method)) and (self.path == "*" or fnmatch.fnmatchcase(path, self.path))


@dataclass(frozen=True)
class FiredFault:
    """A log entry: which rule fired on which call."""

    method: str
    path: str
    call: int
    fault: Fault


class FaultPlan:
    """The emulator's fault rules (``emu.faults``). Thread-safe."""

    def __init__(self, seed: int = 0) -> None:
        self._seed = seed
        self._rules: list[tuple[FaultRule, random.Random]] = []
        self._lock = threading.Lock()
        self.fired: list[FiredFault] = []

    def add(
        self,
        fault: Fault,
        method: str = "*",
        path: str = "*",
        *,
        probability: float | None = None,
        calls: Collection[int] | None = None,
        times: int | None = None,
    ) -> FaultRule:
        """Add a rule; with neither ``probability`` nor ``calls`` it fires on every matching call
        (at most ``times`` times)."""
        return self.add_rule(FaultRule(fault, method, path, probability, calls, times))

    def add_rule(self, rule: FaultRule) -> FaultRule:
        with self._lock:
            rng = random.Random(f"{self._seed}:{len(self._rules)}")
            self._rules.append((rule, rng))
        return rule

    def remove(self, rule: FaultRule) -> None:
        with self._lock:
            self._rules = [(r, g) for r, g in self._rules if r is not rule]

    def clear(self) -> None:
        with self._lock:
            self._rules = []
            self.fired = []

    @property
    def rules(self) -> list[FaultRule]:
        with self._lock:
            return [r for r, _ in self._rules]

    def decide(self, method: str, path: str) -> Fault | None:
        """The fault for this call, if any; counts the call for every matching rule."""
        chosen: Fault | None = None
        with self._lock:
            for rule, rng in self._rules:
                if not rule.matches(method, path):
                    continue
                rule.seen += 1
                if rule.probability is not None:
                    hit = rng.random() < rule.probability  # always draw: keeps sequences reproducible
                elif rule.calls is not None:
                    hit = rule.seen in rule.calls
                else:
                    hit = True
                if hit and (rule.times is None or rule.fired < rule.times) and chosen is None:
                    rule.fired += 1
                    chosen = rule.fault
                    self.fired.append(FiredFault(method, path, rule.seen, rule.fault))
        return chosen
