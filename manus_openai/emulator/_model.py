"""The task model: scenarios and their prompt directives, tasks, messages, files, projects, webhooks.

The canonical task status uses the v2 vocabulary (``running``/``waiting``/``stopped``/``error``);
``_views`` (v1) and ``_v2_views`` map it to each surface's words (manus-api.md §2.4).
"""

from __future__ import annotations

import math
import mimetypes
import re
import string
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Literal

from ._errors import ApiError

__all__ = [
    "FILE_RETENTION",
    "UPLOAD_URL_TTL",
    "WAIT_TYPES",
    "Event",
    "FileRef",
    "ListQuery",
    "Message",
    "Outcome",
    "Project",
    "Scenario",
    "StoredFile",
    "Task",
    "TaskEvent",
    "Visibility",
    "Waiting",
    "Webhook",
    "Website",
    "check_wait_type",
    "parse_directives",
]

Status = Literal["running", "waiting", "stopped", "error"]
Outcome = Literal["finish", "error", "ask", "forever"]

UPLOAD_URL_TTL = 180.0  # presigned upload URLs expire after 3 minutes (§4.8)
FILE_RETENTION = 48 * 3600.0  # files auto-delete after 48 hours (§4.8)

_ALPHABET = string.ascii_letters + string.digits
# Maps random bytes to base62 characters (the slight modulo bias does not matter for ids).
_BASE62 = bytes(ord(_ALPHABET[b % len(_ALPHABET)]) for b in range(256))
_DIRECTIVE = re.compile(r"\[\[manus:([A-Za-z_]+)(?:=([^\]]*))?\]\]")


@dataclass(frozen=True)
class Scenario:
    """How one turn of a task plays out. ``None`` fields fall back to the emulator's defaults.

    ``wait`` names a v2 ``waiting_for_event_type`` (manus-api.md §6.10; ``webdevRunAction:deploy``
    for the deploy variant): at the end of the turn the task waits for ``task.confirmAction``
    and, once confirmed, runs another ``duration`` and ends as ``outcome`` says.
    ``background`` keeps ``has_running_background_jobs`` true for that many seconds after the
    task stops (§12.1). ``structured="fail"`` makes an armed structured-output schema end in
    ``success: false`` (§6.15). ``website=True`` makes the finished task own a website (§6.14).
    ``slides=True`` adds a ``slides`` attachment (an HTML deck, a ``.pptx`` with
    ``slides_format=pptx``; see ``_slides``) to the finished task's answer.

    Example::

        emu.scenario(wait="gmailSendAction", background=2)
        Scenario(outcome="ask", question="Which year?")
    """

    duration: float | None = None
    polls: int | None = None
    outcome: Outcome | None = None
    files: int | None = None
    progress: int | None = None
    question: str | None = None
    error_message: str | None = None
    wait: str | None = None
    background: float | None = None
    structured: Literal["ok", "fail"] | None = None
    website: bool | None = None
    slides: bool | None = None

    def over(self, defaults: Scenario) -> Scenario:
        """This scenario with unset fields taken from ``defaults``."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        for name, value in values.items():
            if value is None:
                values[name] = getattr(defaults, name)
        return Scenario(**values)


def parse_directives(text: str, field_name: str = "prompt") -> tuple[Scenario, str]:
    """Parse ``[[manus:...]]`` directives; return the scenario and the text without them.

    Raises a 400 naming ``field_name`` for an unknown directive or a bad value, so a typo in a test
    prompt fails loudly instead of silently running the default scenario.
    """
    values: dict[str, object] = {}
    for match in _DIRECTIVE.finditer(text):
        name, raw = match.group(1).lower(), match.group(2)

        def number(kind: type[float] | type[int], *, _n: str = name, _r: str | None = raw) -> float:
            try:
                value = kind(_r) if _r is not None else None
            except ValueError:
                value = None
            if value is None or value < 0 or (isinstance(value, float) and not math.isfinite(value)):
                raise ApiError.invalid(field_name, f"directive [[manus:{_n}=...]] needs a number >= 0")
            return value

        if name == "duration":
            values["duration"] = float(number(float))
        elif name == "polls":
            values["polls"] = max(1, int(number(int)))
        elif name == "files":
            values["files"] = int(number(int))
        elif name == "progress":
            values["progress"] = int(number(int))
        elif name == "background":
            values["background"] = float(number(float))
        elif name in ("finish", "forever"):
            values["outcome"] = name
        elif name == "error":
            values["outcome"] = "error"
            if raw:
                values["error_message"] = raw
        elif name == "ask":
            values["outcome"] = "ask"
            if raw:
                values["question"] = raw
        elif name == "wait":
            values["wait"] = check_wait_type(raw or "", field_name)
        elif name == "structured":
            if raw not in ("ok", "fail"):
                raise ApiError.invalid(field_name, "directive [[manus:structured=...]] takes ok or fail")
            values["structured"] = raw
        elif name == "website":
            values["website"] = True
        elif name == "slides":
            values["slides"] = True
        else:
            raise ApiError.invalid(
                field_name,
                f"unknown emulator directive [[manus:{name}]] (known: duration, polls, files, progress, "
                "finish, error, ask, forever, wait, background, structured, website, slides)",
            )
    clean = " ".join(_DIRECTIVE.sub(" ", text).split())
    return Scenario(**values), clean  # type: ignore[arg-type]  # keys are exactly Scenario fields


WAIT_TYPES = (
    "messageAskUser",
    "needConnectMyBrowser",
    "gmailSendAction",
    "outlookSendMailsAction",
    "deployAction",
    "terminalExecute",
    "videoGenerate",
    "apiHighCreditNotice",
    "googleCalendarCreate",
    "googleCalendarUpdate",
    "googleCalendarDelete",
    "outlookCalendarCreate",
    "outlookCalendarUpdate",
    "outlookCalendarDelete",
    "metaMarketingAction",
    "metaMarketingActionResult",
    "webdevRunAction",
    "webdevRunAction:deploy",
    "webdevRequestSecrets",
    "connectorOauthExpired",
    "mapreduceAction",
)
"""Every documented ``waiting_for_event_type`` (§6.10); ``webdevRunAction:deploy`` is the deploy variant."""


def check_wait_type(value: str, field_name: str) -> str:
    """``value`` if it is a documented waiting type, else a 400 naming ``field_name``."""
    if value not in WAIT_TYPES:
        raise ApiError.invalid(field_name, f"unknown waiting type {value!r}; use one of {', '.join(WAIT_TYPES)}")
    return value


@dataclass
class FileRef:
    """A file attached to a message: given by the user or produced by the agent.

    ``path`` is set when the emulator itself serves the bytes (rendered absolute on the request's
    host); ``url`` is set for a user's public URL; ``pptx_path`` marks a ``slides`` deck.
    """

    name: str
    mime: str
    size: int
    url: str | None = None
    path: str | None = None
    pptx_path: str | None = None  # set on a slides deck: where its PowerPoint form is served


@dataclass(slots=True)
class Message:
    id: str
    role: Literal["user", "assistant"]
    text: str | None
    created_at: float
    files: list[FileRef] = field(default_factory=list)


@dataclass
class Turn:
    started_at: float
    scenario: Scenario
    polls_seen: int = 0
    progress_sent: int = 0


@dataclass(slots=True)
class Task:
    id: str
    seq: int
    created_at: float
    updated_at: float
    title: str
    prompt: str
    profile: str
    task_mode: str
    locale: str | None = None
    project_id: str | None = None
    project_instruction: str | None = None
    instructions: str | None = None
    hidden: bool = False
    visibility: Visibility = "private"
    interactive: bool = False
    connectors: list[str] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    messages: list[Message] = field(default_factory=list)
    status: Status = "running"
    error: str | None = None
    turn: Turn | None = None
    running_since: float | None = None
    running_seconds: float = 0.0
    turns: int = 0
    contents: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    credit_usage_fixed: int | None = None
    events: list[Event] = field(default_factory=list)
    waiting: Waiting | None = None
    structured_schema: dict[str, object] | None = None
    background_until: float | None = None
    task_type: Literal["standard", "project", "agent_subtask"] = "standard"
    agent_id: str | None = None
    created_by_app: str | None = None  # the OAuth app id, None for the API key
    website: Website | None = None
    user_id: str | None = None  # the team member who created it; None is the account owner
    seeded: Status | None = None  # the status ``seed_tasks`` gave it while its event log is unbuilt

    @property
    def shareable(self) -> bool:
        """v1's boolean view of ``visibility`` (anything but ``private`` has a share link)."""
        return self.visibility != "private"

    def credits(self, now: float, rate: float) -> int:
        if self.credit_usage_fixed is not None:
            return self.credit_usage_fixed
        seconds = self.running_seconds
        if self.running_since is not None:
            seconds += max(0.0, now - self.running_since)
        return self.turns + int(seconds * rate)

    def search_text(self) -> str:
        parts = [self.title, *(m.text or "" for m in self.messages)]
        return "\n".join(parts).lower()


Visibility = Literal["private", "team", "public"]


@dataclass(slots=True)
class Event:
    """One entry of a task's v2 event log (manus-api.md §6.9).

    ``payload`` is the ``<type>`` object; ``files`` are rendered into its ``attachments`` with the
    request's origin; ``verbose`` events only show with ``verbose=true``.
    """

    id: str
    type: str
    at: float
    payload: dict[str, object]
    files: tuple[FileRef, ...] = ()
    verbose: bool = False


@dataclass
class Waiting:
    """What a ``waiting`` task waits for: the ``status_detail`` of its last ``status_update``."""

    event_id: str
    type: str
    description: str
    schema: dict[str, object] | None
    resume: Scenario | None = None  # the turn's scenario, continued after a confirmation


@dataclass
class Website:
    """A site a task built (§6.14): checkpoints newest last, the publish state, metadata."""

    id: str
    title: str
    checkpoints: list[tuple[str, str, float]] = field(default_factory=list)  # (version_id, message, at)
    publish_status: Literal["unpublished", "publishing", "published", "failed"] = "unpublished"
    published_version: str | None = None
    publish_done_at: float | None = None
    status_updated_at: float | None = None
    visibility: Literal["public", "team", "private"] = "private"
    cap: Literal["public", "team"] = "public"


@dataclass
class Project:
    id: str
    name: str
    instruction: str | None
    created_at: float


@dataclass
class StoredFile:
    id: str
    filename: str
    created_at: float
    upload_token: str
    content: bytes | None = None
    uploaded_at: float | None = None

    @property
    def mime(self) -> str:
        """The MIME type the file name's extension implies."""
        return mimetypes.guess_type(self.filename)[0] or "application/octet-stream"

    def status(self, now: float) -> Literal["pending", "uploaded", "deleted"]:
        if now >= (self.uploaded_at if self.uploaded_at is not None else self.created_at) + FILE_RETENTION:
            return "deleted"
        return "uploaded" if self.content is not None else "pending"


@dataclass
class Webhook:
    id: str
    url: str
    created_at: float


@dataclass(frozen=True)
class TaskEvent:
    """A webhook-worthy transition: ``task_created``, ``task_progress`` or ``task_stopped``."""

    type: Literal["task_created", "task_progress", "task_stopped"]
    task_id: str
    at: float
    task_title: str
    message: str | None = None
    stop_reason: Literal["finish", "ask"] | None = None
    attachments: tuple[FileRef, ...] = ()
    structured_output: dict[str, object] | None = None


@dataclass(frozen=True)
class ListQuery:
    after: str | None = None
    limit: int = 100
    order: Literal["asc", "desc"] = "desc"
    order_by: Literal["created_at", "updated_at"] = "created_at"
    query: str | None = None
    statuses: frozenset[str] = frozenset()  # v1 Task-schema vocabulary
    created_after: int | None = None
    created_before: int | None = None
    where: Callable[[Task], bool] | None = None  # an extra filter (v2 ``scope``)


# Agent profiles: every documented spelling (§2.5, open question 13) -> the versioned form echoed back.
PROFILES: dict[str, str] = {
    "manus-1.6": "manus-1.6",
    "manus-1.6-lite": "manus-1.6-lite",
    "manus-1.6-max": "manus-1.6-max",
    "manus-1.5": "manus-1.5",
    "manus-1.5-lite": "manus-1.5-lite",
    "manus-1.5-max": "manus-1.5-max",
    "standard": "manus-1.6",
    "lite": "manus-1.6-lite",
    "max": "manus-1.6-max",
    "1.6": "manus-1.6",
    "1.6-lite": "manus-1.6-lite",
    "1.6-max": "manus-1.6-max",
    "speed": "speed",
    "quality": "quality",
}
TASK_MODES = ("agent", "chat", "adaptive")
DEFAULT_PROFILE = "manus-1.6"


def model_name(profile: str, task_mode: str) -> str:
    """The ``model`` string: the compat guide's ``manus-agent-quality`` for legacy profiles,
    seed 001's ``manus-1.6-adaptive`` shape for versioned ones."""
    if profile in ("speed", "quality"):
        return f"manus-{task_mode}-{profile}"
    return f"{profile}-{task_mode}"


def v1_task_status(status: Status) -> str:
    """Canonical -> v1 Task schema vocabulary (pending/running/completed/failed)."""
    return {"running": "running", "waiting": "pending", "stopped": "completed", "error": "failed"}[status]


def v1_response_status(status: Status) -> str:
    """Canonical -> compat guide vocabulary (running/pending/completed/error)."""
    return {"running": "running", "waiting": "pending", "stopped": "completed", "error": "error"}[status]


_V1_TO_CANONICAL: dict[str, Status] = {
    "running": "running",
    "pending": "waiting",
    "completed": "stopped",
    "failed": "error",
}


def title_from(prompt: str) -> str:
    words = prompt.split()
    title = " ".join(words[:8]) or "Untitled task"
    return title if len(title) <= 60 else title[:57].rstrip() + "..."
