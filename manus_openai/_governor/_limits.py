"""The documented per-endpoint limits, the ``RateLimits`` setting, and which endpoint a request spends.

Manus limits requests per user and per endpoint, shared by all of the user's keys (manus-api.md §6.1.3,
the v2 table). Choices where the docs are silent:

* v1 has no documented numbers, so each v1 call spends the budget of its v2 equivalent (§7's mapping):
  ``POST /responses`` and ``POST /tasks`` are ``task.create`` (``task.sendMessage`` when they continue a
  task: ``previous_response_id``/``task_id``/``taskId`` in the body), ``GET /responses/{id}`` and
  ``GET /tasks/{id}`` are ``task.detail``, and so on. Override any number with ``per_minute=``.
* ``webhook.publicKey`` is not listed: 100/min (what the reference client assumes). ``file.list``
  (v1 ``GET /files``) is not listed either: 100/min like the other reads. A name the table lacks and
  no override names is not limited (only a 429 from the server then slows it).
* The window semantics are undocumented: the governor keeps a moving window (no burst of 2x the limit
  at a fixed window's edge), which stays under either kind of server counter.
* The budget belongs to an account. The API cannot say which user a key belongs to, so the account is
  a digest of the key unless ``account=`` names it: give every key of one Manus user the same
  ``account=`` to make them share one budget.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Literal, Union

from .._compat import NotGiven, Omit

__all__ = [
    "DOCUMENTED_LIMITS",
    "RateLimits",
    "RateLimitsSetting",
    "account_for",
    "endpoint_for",
    "resolve_rate_limits",
]

DOCUMENTED_LIMITS: Mapping[str, int] = MappingProxyType(
    {
        "task.create": 10,
        "task.sendMessage": 10,
        "task.detail": 100,
        "task.list": 100,
        "task.listMessages": 100,
        "task.update": 40,
        "task.stop": 40,
        "task.delete": 40,
        "task.confirmAction": 40,
        "project.create": 40,
        "project.list": 100,
        "skill.list": 100,
        "agent.list": 100,
        "agent.detail": 100,
        "agent.update": 40,
        "file.upload": 40,
        "file.detail": 100,
        "file.list": 100,
        "file.delete": 40,
        "webhook.create": 40,
        "webhook.list": 100,
        "webhook.delete": 40,
        "webhook.publicKey": 100,
        "usage.list": 600,
        "usage.teamStatistic": 600,
        "usage.teamLog": 600,
        "connector.list": 100,
        "browser.onlineList": 100,
        "website.status": 100,
        "website.listCheckpoints": 100,
        "website.publish": 40,
        "website.update": 40,
    }
)
"""Requests per minute per endpoint (manus-api.md §6.1.3, plus the two assumptions in the module docstring)."""

_V2_NAME = re.compile(r"(?:v2/)?([a-z]+\.[A-Za-z]+)")
_REDIS_SCHEMES = ("redis://", "rediss://", "unix://")
_ENV_OFF = frozenset({"off", "false", "0", "no", "none"})


class RateLimits:
    """How a client paces its requests: on by default at Manus's documented per-minute limits.

    * ``redis_url``: share the budget with every process and machine using the same URL and account
      (``pip install 'manus-openai[redis]'``); ``None`` keeps it in this process.
    * ``account``: the budget's name (default: a digest of the API key). Keys of one Manus user share
      one limit, so give them the same ``account=``.
    * ``per_minute``: overrides by endpoint name (``{"task.create": 5}``); ``None`` lifts an endpoint's
      limit. Names not given keep the documented numbers (``DOCUMENTED_LIMITS``).
    * ``window``: the window length in whole seconds (60; a shorter window scales time in tests and
      benchmarks: ``per_minute`` then means "per window").

    Pass it as ``rate_limits=`` to ``ManusOpenAI`` / ``AsyncManusOpenAI``; ``rate_limits=False`` turns
    pacing off, a string is a ``redis_url``. ``MANUS_RATE_LIMITS`` (``off`` or a Redis URL) is the
    default when ``rate_limits`` is not given.

    >>> limits = RateLimits(per_minute={"task.create": 5})
    >>> limits.limit("task.create"), limits.limit("task.detail")
    (5, 100)
    """

    __slots__ = ("_limits", "account", "redis_url", "window")

    def __init__(
        self,
        *,
        redis_url: str | None = None,
        account: str | None = None,
        per_minute: Mapping[str, int | None] | None = None,
        window: int = 60,
    ) -> None:
        if redis_url is not None and (not isinstance(redis_url, str) or not redis_url.startswith(_REDIS_SCHEMES)):
            raise ValueError(f"redis_url must be a redis://, rediss:// or unix:// URL or None, got {redis_url!r}")
        if account is not None and (not isinstance(account, str) or not account):
            raise ValueError(f"account must be a non-empty str or None, got {account!r}")
        if isinstance(window, bool) or not isinstance(window, int) or window < 1:
            raise ValueError(f"window must be a whole number of seconds >= 1, got {window!r}")
        limits: dict[str, int | None] = dict(DOCUMENTED_LIMITS)
        if per_minute is not None:
            if not isinstance(per_minute, Mapping):
                raise TypeError(f"per_minute must be a mapping of endpoint name to int or None, got {per_minute!r}")
            for name, value in per_minute.items():
                if not isinstance(name, str) or not _V2_NAME.fullmatch(name):
                    raise ValueError(f"per_minute keys are endpoint names like 'task.create', got {name!r}")
                if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
                    raise ValueError(f"per_minute[{name!r}] must be a positive int or None, got {value!r}")
                limits[name] = value
        self.redis_url = redis_url
        self.account = account
        self.window = window
        self._limits: Mapping[str, int | None] = MappingProxyType(limits)

    def limit(self, endpoint: str) -> int | None:
        """Requests per window for ``endpoint``, or ``None`` when it is not limited."""
        return self._limits.get(endpoint)

    @property
    def per_minute(self) -> Mapping[str, int | None]:
        """Every endpoint's limit (documented numbers with the overrides applied)."""
        return self._limits

    def key(self) -> tuple[Any, ...]:
        """What makes two settings the same budget (used to share one governor per process)."""
        return (self.redis_url, self.account, self.window, tuple(sorted(self._limits.items())))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RateLimits) and self.key() == other.key()

    def __hash__(self) -> int:
        return hash(self.key())

    def __repr__(self) -> str:
        changed = {k: v for k, v in self._limits.items() if DOCUMENTED_LIMITS.get(k, 0) != v}
        url = _redact(self.redis_url)
        return f"RateLimits(redis_url={url!r}, account={self.account!r}, per_minute={changed!r}, window={self.window})"


RateLimitsSetting = Union[RateLimits, str, Literal[False], None]
"""What ``rate_limits=`` accepts: a ``RateLimits``, a Redis URL, ``False`` (off) or ``None`` (default)."""


def _redact(url: str | None) -> str | None:
    """A Redis URL without its password (it may appear in reprs and logs)."""
    if url is None:
        return None
    return re.sub(r"//([^@/]*)@", "//***@", url)


def resolve_rate_limits(setting: object, environ: Mapping[str, str]) -> RateLimits | None:
    """The effective setting: ``None`` (off) or a ``RateLimits``; ``MANUS_RATE_LIMITS`` when not given."""
    if setting is None:
        raw = environ.get("MANUS_RATE_LIMITS", "").strip()
        if not raw:
            return RateLimits()
        if raw.lower() in _ENV_OFF:
            return None
        if not raw.startswith(_REDIS_SCHEMES):
            raise ValueError(f"MANUS_RATE_LIMITS must be 'off' or a redis:// URL, got {_redact(raw)!r}")
        return RateLimits(redis_url=raw)
    if setting is False:
        return None
    if isinstance(setting, RateLimits):
        return setting
    if isinstance(setting, str):
        return RateLimits(redis_url=setting)
    raise TypeError(
        f"rate_limits must be a RateLimits, a Redis URL (str), False (off) or None (default), got {setting!r}"
    )


def account_for(limits: RateLimits, api_key: str) -> str:
    """The budget's name: ``limits.account``, else a digest of the key (never the key itself)."""
    if limits.account is not None:
        return limits.account
    return "key-" + hashlib.sha256(api_key.encode()).hexdigest()[:16]


# (method, first path segment, number of segments) -> budget; "files/upload" and "webhook/public_key"
# are checked by their second segment below.
_V1_TABLE: Mapping[tuple[str, str, int], str] = {
    ("POST", "responses", 1): "task.create",
    ("POST", "tasks", 1): "task.create",
    ("GET", "responses", 2): "task.detail",
    ("GET", "tasks", 2): "task.detail",
    ("DELETE", "responses", 2): "task.delete",
    ("DELETE", "tasks", 2): "task.delete",
    ("GET", "tasks", 1): "task.list",
    ("PUT", "tasks", 2): "task.update",
    ("GET", "projects", 1): "project.list",
    ("POST", "projects", 1): "project.create",
    ("POST", "files", 1): "file.upload",
    ("POST", "files", 2): "file.upload",
    ("GET", "files", 1): "file.list",
    ("GET", "files", 2): "file.detail",
    ("DELETE", "files", 2): "file.delete",
    ("POST", "webhooks", 1): "webhook.create",
    ("DELETE", "webhooks", 2): "webhook.delete",
    ("GET", "webhook", 2): "webhook.publicKey",
}
_SECOND = {"file.upload": "upload", "webhook.publicKey": "public_key"}
_CONTINUES = ("previous_response_id", "task_id", "taskId")


def endpoint_for(method: str, path: str | None, body: object = None) -> str | None:
    """The rate-limit name a request spends, or ``None`` (an absolute URL, or nothing Manus limits).

    ``path`` is relative to the API root (``responses/abc``, ``task.create``).

    >>> endpoint_for("POST", "responses", {"input": "hi"}), endpoint_for("GET", "v2/task.detail")
    ('task.create', 'task.detail')
    >>> endpoint_for("POST", "responses", {"previous_response_id": "abc"})
    'task.sendMessage'
    """
    if path is None:
        return None
    parts = path.split("/")
    if parts[0] == "v2":
        parts = parts[1:]
    if len(parts) == 1 and "." in parts[0]:
        match = _V2_NAME.fullmatch(parts[0])
        return match.group(1) if match else None
    if not 1 <= len(parts) <= 2 or not all(parts):
        return None
    name = _V1_TABLE.get((method.upper(), parts[0], len(parts)))
    if name is None:
        return None
    second = _SECOND.get(name)
    if second is not None and len(parts) == 2 and parts[1] != second:
        return None
    if name == "task.create" and isinstance(body, Mapping) and any(body.get(k) for k in _CONTINUES):
        return "task.sendMessage"
    return name


def slot_interval(limit: int, window: int) -> float:
    """Seconds between two requests at an even pace: a 429 without ``Retry-After`` blocks this long."""
    return math.ceil(window / limit * 1000) / 1000


def budget_timeout(options_timeout: object, client_timeout: object, sdk_default: object) -> float | None:
    """How long a request may wait for budget: its ``timeout=``, else the client's unless that is the SDK's
    default; ``None`` (no bound) otherwise. An ``httpx.Timeout`` counts by its ``read`` (else largest) part.
    """
    given = not isinstance(options_timeout, (NotGiven, Omit))
    if not given and (client_timeout is sdk_default or client_timeout == sdk_default):
        return None
    chosen = options_timeout if given else client_timeout
    if chosen is None or isinstance(chosen, bool):
        return None
    if isinstance(chosen, (int, float)):
        return float(chosen)
    parts = [getattr(chosen, name, None) for name in ("read", "connect", "write", "pool")]
    read = parts[0]
    if isinstance(read, (int, float)):
        return float(read)
    numbers = [float(p) for p in parts if isinstance(p, (int, float))]
    return max(numbers) if numbers else None
