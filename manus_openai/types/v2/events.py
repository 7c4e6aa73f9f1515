"""The v2 event log (``task.listMessages``, manus-api.md §6.9) as typed events.

Every event is ``{id, type, timestamp, <type>: payload}``. ``parse_event`` picks the class by ``type``
(a discriminated union, ``Event``); a ``type`` this release does not know becomes ``GenericEvent``,
which keeps the whole payload (``event.payload``) instead of failing. ``timestamp`` is Unix seconds
whether Manus sends seconds or milliseconds (§2.2).

Choices where the docs are silent: ``user_stop`` carries whatever payload Manus sends (none
documented); ``error_message.error_type`` values are free strings; ``tool_used.message.param`` is kept as
sent (a string per the docs, perhaps JSON text).

Example::

    for event in client.v2.tasks.list_messages(task_id, order="asc"):
        if isinstance(event, AssistantMessageEvent):
            print(event.assistant_message.content)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Union

from openai import AsyncOpenAI, OpenAI

from ._base import V2Model

if TYPE_CHECKING:
    from ..output_file import OutputFile

__all__ = [
    "EVENT_TYPES",
    "AgentStatus",
    "AssistantMessage",
    "AssistantMessageEvent",
    "ErrorMessage",
    "ErrorMessageEvent",
    "Event",
    "EventAttachment",
    "Explanation",
    "ExplanationEvent",
    "GenericEvent",
    "NewPlanStep",
    "NewPlanStepEvent",
    "PlanStep",
    "PlanUpdate",
    "PlanUpdateEvent",
    "StatusDetail",
    "StatusUpdate",
    "StatusUpdateEvent",
    "StructuredOutputResult",
    "StructuredOutputResultEvent",
    "ToolMessage",
    "ToolUsed",
    "ToolUsedEvent",
    "UserMessage",
    "UserMessageEvent",
    "UserStopEvent",
    "parse_event",
]

AgentStatus = Literal["running", "stopped", "waiting", "error"]


class EventAttachment(V2Model):
    """A file on a user or assistant message (``type`` ``image`` / ``file`` / ``voice`` / ``slides``).

    ``download()`` / ``read()`` reuse the v1 output-file code: the key only to the API's own host,
    a safe file name. Example::

        for a in event.assistant_message.attachments:
            a.download("out/", client=client)
    """

    type: str | None = None
    filename: str | None = None
    url: str | None = None
    content_type: str | None = None

    def _output_file(self, client: OpenAI | AsyncOpenAI | None) -> OutputFile:
        from ..output_file import OutputFile

        out = OutputFile.construct(file_url=self.url, file_name=self.filename, mime_type=self.content_type)
        return out if client is None else out.bind(client)

    def download(self, path_or_dir: str | os.PathLike[str], *, client: OpenAI | None = None) -> Path:
        """Stream the attachment to ``path_or_dir`` (a file, or a directory: ``<dir>/<filename>``)."""
        return self._output_file(client).download(path_or_dir)

    def read(self, *, client: OpenAI | None = None) -> bytes:
        """The attachment's bytes in memory."""
        return self._output_file(client).read()

    async def adownload(self, path_or_dir: str | os.PathLike[str], *, client: AsyncOpenAI | None = None) -> Path:
        """The async twin of ``download`` (``client`` an ``AsyncManusOpenAI``)."""
        return await self._output_file(client).adownload(path_or_dir)

    async def aread(self, *, client: AsyncOpenAI | None = None) -> bytes:
        """The async twin of ``read``."""
        return await self._output_file(client).aread()


class UserMessage(V2Model):
    content: str | None = None
    message_type: str | None = None
    attachments: list[EventAttachment] = []


class AssistantMessage(V2Model):
    """What the agent said; ``attachments`` are the files it produced."""

    content: str | None = None
    attachments: list[EventAttachment] = []


class ErrorMessage(V2Model):
    error_type: str | None = None
    content: str | None = None


class StatusDetail(V2Model):
    """What a ``waiting`` task waits for: answer ``waiting_for_event_id`` (see ``manus_openai.v2.confirmations``)."""

    waiting_for_event_id: str | None = None
    waiting_for_event_type: str | None = None
    waiting_description: str | None = None
    confirm_input_schema: dict[str, Any] | None = None


class StatusUpdate(V2Model):
    agent_status: Union[AgentStatus, str, None] = None
    status_detail: StatusDetail | None = None
    brief: str | None = None
    description: str | None = None


class ToolMessage(V2Model):
    action: str | None = None
    param: Any = None


class ToolUsed(V2Model):
    tool: str | None = None
    action_id: str | None = None
    status: str | None = None
    brief: str | None = None
    description: str | None = None
    message: ToolMessage | None = None


class PlanStep(V2Model):
    _timestamps: ClassVar[tuple[str, ...]] = ("started_at", "end_at")

    status: str | None = None
    title: str | None = None
    started_at: float | None = None
    end_at: float | None = None


class PlanUpdate(V2Model):
    steps: list[PlanStep] = []


class NewPlanStep(V2Model):
    step_id: str | None = None
    title: str | None = None


class Explanation(V2Model):
    content: str | None = None


class StructuredOutputResult(V2Model):
    """``{success, value, error}``: always check ``success`` (``V2TasksResource.structured_result`` does)."""

    success: bool | None = None
    value: Any = None
    error: str | None = None


class _EventBase(V2Model):
    _timestamps: ClassVar[tuple[str, ...]] = ("timestamp",)

    id: str
    timestamp: float | None = None


class UserMessageEvent(_EventBase):
    type: Literal["user_message"] = "user_message"
    user_message: UserMessage = UserMessage()


class AssistantMessageEvent(_EventBase):
    type: Literal["assistant_message"] = "assistant_message"
    assistant_message: AssistantMessage = AssistantMessage()


class ErrorMessageEvent(_EventBase):
    type: Literal["error_message"] = "error_message"
    error_message: ErrorMessage = ErrorMessage()


class StatusUpdateEvent(_EventBase):
    type: Literal["status_update"] = "status_update"
    status_update: StatusUpdate = StatusUpdate()

    @property
    def agent_status(self) -> str | None:
        """Shortcut for ``status_update.agent_status``."""
        status = self.status_update.agent_status
        return status if isinstance(status, str) else None


class UserStopEvent(_EventBase):
    type: Literal["user_stop"] = "user_stop"
    user_stop: Any = None


class ToolUsedEvent(_EventBase):
    type: Literal["tool_used"] = "tool_used"
    tool_used: ToolUsed = ToolUsed()


class PlanUpdateEvent(_EventBase):
    type: Literal["plan_update"] = "plan_update"
    plan_update: PlanUpdate = PlanUpdate()


class NewPlanStepEvent(_EventBase):
    type: Literal["new_plan_step"] = "new_plan_step"
    new_plan_step: NewPlanStep = NewPlanStep()


class ExplanationEvent(_EventBase):
    type: Literal["explanation"] = "explanation"
    explanation: Explanation = Explanation()


class StructuredOutputResultEvent(_EventBase):
    type: Literal["structured_output_result"] = "structured_output_result"
    structured_output_result: StructuredOutputResult = StructuredOutputResult()


class GenericEvent(_EventBase):
    """An event whose ``type`` this release does not know; ``payload`` is its ``<type>`` object as sent."""

    type: str = "unknown"

    @property
    def payload(self) -> Any:
        """The event's payload (the value under the key named like its type), or None."""
        return (self.model_extra or {}).get(self.type)


Event = Union[
    UserMessageEvent,
    AssistantMessageEvent,
    ErrorMessageEvent,
    StatusUpdateEvent,
    UserStopEvent,
    ToolUsedEvent,
    PlanUpdateEvent,
    NewPlanStepEvent,
    ExplanationEvent,
    StructuredOutputResultEvent,
    GenericEvent,
]
"""One event of the log, by its ``type`` (``GenericEvent`` for a type this release does not know)."""

_BY_TYPE: dict[str, type[_EventBase]] = {
    cls.model_fields["type"].default: cls
    for cls in (
        UserMessageEvent,
        AssistantMessageEvent,
        ErrorMessageEvent,
        StatusUpdateEvent,
        UserStopEvent,
        ToolUsedEvent,
        PlanUpdateEvent,
        NewPlanStepEvent,
        ExplanationEvent,
        StructuredOutputResultEvent,
    )
}
EVENT_TYPES: tuple[str, ...] = tuple(_BY_TYPE)


def parse_event(value: object) -> Event:
    """One event from its JSON object; an event already parsed is returned as is.

    >>> parse_event({"id": "e1", "type": "status_update", "timestamp": 1764187289000,
    ...              "status_update": {"agent_status": "running"}}).agent_status
    'running'
    >>> parse_event({"id": "e2", "type": "brand_new", "timestamp": 1, "brand_new": {"x": 1}}).payload
    {'x': 1}
    """
    if isinstance(value, _EventBase):
        return value  # type: ignore[return-value]  # every _EventBase subclass is a member of Event
    if not isinstance(value, Mapping):
        raise TypeError(f"an event must be a JSON object, got {type(value).__name__}")
    data = dict(value)
    kind = data.get("type")
    cls = _BY_TYPE.get(kind) if isinstance(kind, str) else None
    if cls is None:
        data.setdefault("id", "")
        return GenericEvent.construct(**data)
    if data.get(kind) is None:
        data.pop(kind, None)  # the payload keeps its default
    data.setdefault("id", "")
    return cls.construct(**data)  # type: ignore[return-value]  # cls is one of Event's members
