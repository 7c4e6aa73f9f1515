"""What a planned ``create`` sends on the v2 backend: ``task.create`` or ``task.sendMessage`` (pure).

``plan_create`` builds the v1 request (``CreatePlan.sdk_kwargs``); ``v2_call`` turns it into v2's: the folded
input's one user message becomes ``message.content`` (``input_text`` -> ``text`` parts; ``input_file`` /
``input_image`` -> ``file`` parts with the same ``file_id`` / ``file_url`` / ``file_data``), and the Manus
options map to v2's names:

==========================  =====================================================================
Manus option (v1 name)      on v2
==========================  =====================================================================
``task_id``                 ``task.sendMessage`` on that task (like ``previous_response_id``)
``agent_profile``           ``agent_profile`` (create and sendMessage)
``connectors``              ``message.connectors``
``project_id``, ``locale``  ``task.create`` fields; a continuation keeps the task's own
``interactive_mode``,
``hide_in_task_list``
``create_shareable_link``   ``share_visibility="public"`` (``False``: private, v2's default)
``task_mode``               ``"agent"`` accepted (every v2 task is an agent task); others refused
==========================  =====================================================================

Any other ``extra_body`` key is sent as it is in the v2 body.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .._compat import OVERRIDE_CAST_TO_HEADER, NotGiven
from ..errors import UnsupportedArgumentError
from ._plan import CreatePlan

__all__ = ["V2Call", "v2_call"]

_CREATE_ONLY = ("project_id", "locale", "interactive_mode", "hide_in_task_list")


@dataclass(frozen=True)
class V2Call:
    """One v2 write: ``task.create`` when ``task_id`` is None, else ``task.sendMessage`` on it."""

    task_id: str | None
    message: dict[str, Any]
    fields: dict[str, Any] = field(default_factory=dict)
    """Keyword arguments of ``client.v2.tasks.create`` / ``send_message`` (besides the message)."""
    options: dict[str, Any] = field(default_factory=dict)
    """Request options (``extra_headers``, ``extra_query``, ``extra_body``, ``timeout``)."""


def _file_part(part: Mapping[str, Any], where: str) -> dict[str, Any]:
    kind = part.get("type")
    out: dict[str, Any] = {"type": "file"}
    if kind == "input_image":
        image = part.get("image_url")
        if isinstance(image, str):
            out["file_data" if image.startswith("data:") else "file_url"] = image
        elif part.get("file_id") is not None:
            out["file_id"] = part["file_id"]
        else:
            raise ValueError(f"{where}: an input_image needs image_url or file_id")
        return out
    for key in ("file_id", "file_url", "file_data"):
        if part.get(key) is not None:
            out[key] = part[key]
    if isinstance(part.get("filename"), str):
        out["filename"] = part["filename"]
    return out


def _content(messages: object) -> str | list[dict[str, Any]]:
    parts: list[dict[str, Any]] = []
    for i, message in enumerate(messages if isinstance(messages, list) else []):
        content = message.get("content") if isinstance(message, Mapping) else None
        for j, part in enumerate(content if isinstance(content, list) else []):
            where = f"input[{i}].content[{j}]"
            kind = part.get("type") if isinstance(part, Mapping) else None
            if kind == "input_text":
                parts.append({"type": "text", "text": part.get("text") or ""})
            elif kind in ("input_file", "input_image"):
                parts.append(_file_part(part, where))
            else:
                raise UnsupportedArgumentError(
                    f"{where}.type: {kind!r} parts cannot be sent to a v2 task (text, files and images can)",
                    argument=f"{where}.type",
                )
    if all(p["type"] == "text" for p in parts):
        return "\n".join(p["text"] for p in parts)
    return parts


def _given(value: object) -> bool:
    return value is not None and not isinstance(value, NotGiven)


def v2_call(plan: CreatePlan) -> V2Call:
    """The v2 request for ``plan``: ``task.sendMessage`` when it names a task (``task_id`` option or a
    ``previous_response_id`` left by ``continuation``), else ``task.create`` (a new task or a fork).

    >>> from manus_openai._bridge import plan_create
    >>> v2_call(plan_create({"input": "hi", "agent_profile": "manus-1.6-lite"}, client_timeout=60, backend="v2"))
    V2Call(task_id=None, message={'content': 'hi'}, fields={'agent_profile': 'manus-1.6-lite'}, options={})
    """
    kwargs = plan.sdk_kwargs
    body = dict(kwargs.get("extra_body") or {})
    given_task = body.pop("task_id", None)
    target = given_task if isinstance(given_task, str) else None
    previous = kwargs.get("previous_response_id")
    if target is None and isinstance(previous, str):
        target = previous
    message: dict[str, Any] = {"content": _content(kwargs.get("input"))}
    connectors = body.pop("connectors", None)
    if connectors:
        message["connectors"] = list(connectors)
    fields: dict[str, Any] = {}
    mode = body.pop("task_mode", None)
    if mode not in (None, "agent"):
        raise UnsupportedArgumentError(
            f"task_mode={mode!r}: v2 has no task modes (every task is an agent task); omit it, pass "
            "task_mode='agent', or build the client with responses_backend=\"v1\"",
            argument="task_mode",
        )
    profile = body.pop("agent_profile", None)
    if profile is not None:
        fields["agent_profile"] = profile
    shareable = body.pop("create_shareable_link", None)
    created = {name: body.pop(name) for name in _CREATE_ONLY if name in body}
    if target is None:
        fields.update(created)
        if shareable:
            fields["share_visibility"] = "public"
    if plan.output_schema is not None:
        fields["structured_output"] = plan.output_schema
    options: dict[str, Any] = {}
    headers = {k: v for k, v in (kwargs.get("extra_headers") or {}).items() if k != OVERRIDE_CAST_TO_HEADER}
    if headers:
        options["extra_headers"] = headers
    if _given(kwargs.get("extra_query")):
        options["extra_query"] = kwargs["extra_query"]
    if body:
        options["extra_body"] = body
    if _given(kwargs.get("timeout")):
        options["timeout"] = kwargs["timeout"]
    return V2Call(task_id=target, message=message, fields=fields, options=options)
