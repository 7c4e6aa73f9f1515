"""Which requests a Manus client may send, and which of them must never be sent twice.

The table is the v1 surface of ``manus-api.md`` §3-4 (paths relative to the ``/v1`` base URL). Anything
else an inherited OpenAI resource tries (chat completions, embeddings, images, ``responses.cancel``...)
raises ``UnsupportedEndpointError`` before a byte is sent. Absolute URLs (a presigned upload URL, an output
file's CDN URL) are the caller's own choice and pass.
"""

from __future__ import annotations

import re

import httpx
from openai import APIConnectionError, RateLimitError

from .errors import CreditLimitExceededError, UnsupportedEndpointError

__all__ = ["check_supported", "create_may_retry", "dedupe_version", "is_create", "relative_path"]

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


def dedupe_version(url: str, base_path: str) -> str:
    """Drop a leading ``/v1/`` from a relative URL when the base URL already ends in ``/v1``.

    The compat guide calls ``client.get("/v1/tasks")`` on a ``.../v1`` base URL, which the SDK would
    send to ``/v1/v1/tasks``.
    """
    stripped = url.lstrip("/")
    if stripped.startswith("v1/") and base_path.rstrip("/").endswith("/v1") and not _ABSOLUTE.match(url):
        return "/" + stripped[3:]
    return url


def relative_path(url: str, base_path: str) -> str | None:
    """The request path relative to the API root (``tasks/abc``), or None for an absolute URL."""
    if _ABSOLUTE.match(url):
        return None
    return dedupe_version(url, base_path).split("?", 1)[0].strip("/")


def check_supported(method: str, path: str | None) -> None:
    """Raise ``UnsupportedEndpointError`` for a request Manus does not serve."""
    if path is None:
        return
    verb = method.upper()
    for methods, pattern in _SUPPORTED:
        if pattern.fullmatch(path):
            if verb in methods:
                return
            raise UnsupportedEndpointError(
                f"Manus does not serve {verb} /{path} (it accepts {', '.join(sorted(methods))} there). "
                f"{SUPPORTED_SUMMARY}.",
                method=verb,
                path=path,
            )
    head = path.split("/", 1)[0]
    if head == "responses":
        what = "this Responses API call (only create, retrieve and delete exist on Manus)"
    else:
        what = f"the OpenAI {_OPENAI_NAMES.get(head, repr(head))} endpoint"
    raise UnsupportedEndpointError(
        f"Manus does not serve {what} ({verb} /{path}). {SUPPORTED_SUMMARY}.",
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
