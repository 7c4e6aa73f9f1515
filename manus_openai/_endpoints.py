"""Which requests a Manus client may send, and which of them must never be sent twice.

The table is the v1 surface of ``manus-api.md`` §3-4 (paths relative to the ``/v1`` base URL). Anything
else an inherited OpenAI resource tries (chat completions, embeddings, images, ``responses.cancel``...)
raises ``UnsupportedEndpointError`` before a byte is sent. Three ways through, each the caller's choice:

* the v2 surface (§6): ``/v2/<resource>.<verb>`` -- on a ``/v1`` base URL it is sent to the sibling
  ``/v2/...`` of the same host (``dedupe_version``), not to ``/v1/v2/...``; on a ``/v2`` base URL every
  relative path is a v2 one;
* an absolute URL (a presigned upload URL, an output file's CDN URL, or any Manus URL spelled out);
* ``client.unlisted.get/post/put/patch/delete(...)``: the explicit opt-in for a relative path this
  library does not know yet (``client.unlisted.get("/usage", cast_to=object)``). Retries keep the
  create rule below.
"""

from __future__ import annotations

import re
from contextvars import ContextVar

import httpx
from openai import APIConnectionError, RateLimitError

from .errors import CreditLimitExceededError, UnsupportedEndpointError

__all__ = [
    "UNLISTED",
    "check_supported",
    "create_may_retry",
    "dedupe_version",
    "is_absolute",
    "is_create",
    "is_v2",
    "relative_path",
    "sibling_v2",
]

UNLISTED: ContextVar[bool] = ContextVar("manus_openai_unlisted", default=False)
"""True while a ``client.unlisted`` call builds its request: the allow-list steps aside."""

_ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")  # cheaper than parsing an httpx.URL on every request

_SUPPORTED: tuple[tuple[frozenset[str], re.Pattern[str]], ...] = tuple(
    (frozenset(methods.split()), re.compile(pattern))
    for methods, pattern in (
        ("POST", r"responses"),
        ("GET DELETE", r"responses/[^/]+"),
        ("GET POST", r"tasks"),
        ("GET PUT DELETE", r"tasks/[^/]+"),
        ("GET POST", r"projects"),
        ("GET POST", r"files"),
        ("POST", r"files/upload"),
        ("GET DELETE", r"files/[^/]+"),
        ("POST", r"webhooks"),
        ("DELETE", r"webhooks/[^/]+"),
        ("GET", r"webhook/public_key"),
    )
)

_BY_HEAD: dict[str, tuple[tuple[frozenset[str], re.Pattern[str]], ...]] = {
    head: tuple(entry for entry in _SUPPORTED if entry[1].pattern.split("/", 1)[0] == head)
    for head in {entry[1].pattern.split("/", 1)[0] for entry in _SUPPORTED}
}
"""``_SUPPORTED`` by first path segment: a request is matched against two patterns at most."""

_OPENAI_NAMES = {
    "chat": "chat completions",
    "completions": "completions",
    "embeddings": "embeddings",
    "images": "images",
    "audio": "audio",
    "moderations": "moderations",
    "models": "models",
    "batches": "batches",
    "fine_tuning": "fine-tuning",
    "vector_stores": "vector stores",
    "assistants": "assistants",
    "threads": "threads",
    "uploads": "uploads",
    "evals": "evals",
    "containers": "containers",
    "conversations": "conversations",
    "realtime": "realtime",
}

SUPPORTED_SUMMARY = (
    "Manus serves responses.create / retrieve / delete (plus responses.wait and create_and_wait), "
    "tasks, projects, files and webhooks"
)


def is_absolute(url: str) -> bool:
    """Whether ``url`` names its own scheme and host (``https://...``) rather than a path under the base URL."""
    return _ABSOLUTE.match(url) is not None


def dedupe_version(url: str, base_path: str) -> str:
    """Drop a leading ``/v1/`` from a relative URL when the base URL already ends in ``/v1``.

    The compat guide calls ``client.get("/v1/tasks")`` on a ``.../v1`` base URL, which the SDK would
    send to ``/v1/v1/tasks``.
    """
    stripped = url.lstrip("/")
    if stripped.startswith("v1/") and base_path.rstrip("/").endswith("/v1") and not _ABSOLUTE.match(url):
        return "/" + stripped[3:]
    return url


def sibling_v2(url: str, base_path: str) -> str | None:
    """The full path (query included) of a relative ``/v2/...`` URL on a ``.../v1`` base URL: the v2
    surface beside v1 on the same host (``/v2/task.list``, not ``/v1/v2/task.list``); else None."""
    stripped = url.lstrip("/")
    base = base_path.rstrip("/")
    if stripped.startswith("v2/") and base.endswith("/v1") and not _ABSOLUTE.match(url):
        return f"{base[:-3]}/{stripped}"
    return None


def is_v2(path: str, base_path: str) -> bool:
    """Whether a relative path (``relative_path``'s answer) addresses the v2 surface."""
    return path.startswith("v2/") or base_path.rstrip("/").endswith("/v2")


def relative_path(url: str, base_path: str) -> str | None:
    """The request path relative to the API root (``tasks/abc``), or None for an absolute URL."""
    if _ABSOLUTE.match(url):
        return None
    return dedupe_version(url, base_path).split("?", 1)[0].strip("/")


def check_supported(method: str, path: str | None, base_path: str = "/v1") -> None:
    """Raise ``UnsupportedEndpointError`` for a v1 request Manus does not serve (v2 and absolute URLs,
    and calls through ``client.unlisted``, pass)."""
    if path is None or UNLISTED.get() or is_v2(path, base_path):
        return
    verb = method.upper()
    head = path.split("/", 1)[0]
    for methods, pattern in _BY_HEAD.get(head, ()):
        if pattern.fullmatch(path):
            if verb in methods:
                return
            raise UnsupportedEndpointError(
                f"Manus does not serve {verb} /{path} (it accepts {', '.join(sorted(methods))} there). "
                f"{SUPPORTED_SUMMARY}.",
                method=verb,
                path=path,
            )
    if head == "responses":
        what = "this Responses API call (only create, retrieve and delete exist on Manus)"
    else:
        what = f"the OpenAI {_OPENAI_NAMES.get(head, repr(head))} endpoint"
    raise UnsupportedEndpointError(
        f"Manus does not serve {what} ({verb} /{path}). {SUPPORTED_SUMMARY}. "
        f"To send it anyway: client.unlisted.{verb.lower()}('/{path}', ...), or an absolute URL.",
        method=verb,
        path=path,
    )


def is_create(method: str) -> bool:
    """Every Manus POST creates something (a task, a file record, a project, a webhook) without an
    idempotency key, so a POST is never repeated unless the server provably did not act on it."""
    return method.upper() == "POST"


def create_may_retry(exc: BaseException) -> bool:
    """Whether a failed POST may be sent again: only a 429 (the server refused it) or a connection that
    was never established. A 5xx, a timeout or a dropped connection may have created the task already."""
    if isinstance(exc, CreditLimitExceededError):
        return False
    if isinstance(exc, RateLimitError):
        return True
    if isinstance(exc, APIConnectionError):
        return isinstance(exc.__cause__, (httpx.ConnectError, httpx.ConnectTimeout))
    return False
