"""Validated bodies and queries of the ``task.*`` endpoints (manus-api.md §6.2-6.10); pure functions.

Choices where the docs are silent: ``task.update`` with nothing to change is refused (it would be a
request that does nothing); ``task.delete`` refuses the ``agent-default`` shortcuts (the docs exclude
them); ``task.list`` refuses ``scope="project"`` without ``project_id`` and ``scope="agent_subtask"``
without ``agent_id`` (documented as required, error undocumented).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._params import build_message, check_bool, check_choice, check_id, check_int, check_str, given, prune
from .structured import OutputSpec, output_schema

__all__ = [
    "SHORTCUTS",
    "create_body",
    "list_messages_query",
    "list_query",
    "send_message_body",
    "task_ref",
    "update_body",
]

SHORTCUTS = ("agent-default", "agent-default-main_task")
VISIBILITIES = ("private", "team", "public")
ORDERS = ("asc", "desc")
SCOPES = ("all", "standard", "project", "agent_subtask")


def task_ref(task_id: object, *, deletable: bool = False) -> str:
    """A task id (the ``agent-default-main_task`` shortcut allowed unless ``deletable``)."""
    value = check_id("task_id", task_id)
    if deletable and value in SHORTCUTS:
        raise ValueError(
            f"task_id {value!r} is an agent's task: task.delete does not accept it (agent tasks cannot be deleted)"
        )
    return value


def _schema(structured_output: OutputSpec | None) -> dict[str, Any] | None:
    return output_schema(structured_output) if structured_output is not None else None


def create_body(
    message: object, fields: Mapping[str, object], message_fields: Mapping[str, object]
) -> dict[str, object]:
    """The ``task.create`` body; ``fields`` are the top-level keyword arguments."""
    values = prune(fields)
    for name in ("interactive_mode", "hide_in_task_list"):
        if name in values:
            check_bool(name, values[name])
    for name in ("project_id", "locale", "agent_profile", "title"):
        if name in values:
            check_str(name, values[name])
    if "share_visibility" in values:
        check_choice("share_visibility", values["share_visibility"], VISIBILITIES)
    structured = values.pop("structured_output", None)
    body: dict[str, object] = {"message": build_message(message, message_fields), **values}
    schema = _schema(structured)  # type: ignore[arg-type]  # checked by output_schema
    if schema is not None:
        body["structured_output_schema"] = schema
    return body


def send_message_body(
    task_id: object, message: object, fields: Mapping[str, object], message_fields: Mapping[str, object]
) -> dict[str, object]:
    """The ``task.sendMessage`` body; ``agent_profile=""`` keeps the task's profile, as Manus documents."""
    body: dict[str, object] = {"task_id": task_ref(task_id), "message": build_message(message, message_fields)}
    profile = fields.get("agent_profile")
    if given(profile):
        if not isinstance(profile, str):
            raise TypeError(f"agent_profile must be a str, got {type(profile).__name__}")
        body["agent_profile"] = profile
    schema = _schema(fields.get("structured_output"))  # type: ignore[arg-type]  # checked by output_schema
    if schema is not None:
        body["structured_output_schema"] = schema
    return body


def update_body(task_id: object, fields: Mapping[str, object]) -> dict[str, object]:
    values = prune(fields)
    if not values:
        raise ValueError("task.update needs at least one of title, share_visibility, enable_visible_in_task_list")
    if "title" in values:
        check_str("title", values["title"])
    if "share_visibility" in values:
        check_choice("share_visibility", values["share_visibility"], VISIBILITIES)
    if "enable_visible_in_task_list" in values:
        check_bool("enable_visible_in_task_list", values["enable_visible_in_task_list"])
    return {"task_id": task_ref(task_id), **values}


def list_query(fields: Mapping[str, object]) -> dict[str, object]:
    values = prune(fields)
    if "limit" in values:
        check_int("limit", values["limit"], 1, 100)
    if "cursor" in values:
        check_str("cursor", values["cursor"])
    if "order" in values:
        check_choice("order", values["order"], ORDERS)
    scope = values.get("scope")
    if scope is not None:
        check_choice("scope", scope, SCOPES)
    for name in ("agent_id", "project_id"):
        if name in values:
            check_id(name, values[name])
    if scope == "project" and "project_id" not in values:
        raise ValueError("scope='project' needs project_id")
    if scope == "agent_subtask" and "agent_id" not in values:
        raise ValueError("scope='agent_subtask' needs agent_id (e.g. 'agent-default')")
    return values


def list_messages_query(task_id: object, fields: Mapping[str, object]) -> dict[str, object]:
    values = prune(fields)
    if "limit" in values:
        check_int("limit", values["limit"], 1, 200)
    if "cursor" in values:
        check_str("cursor", values["cursor"])
    if "order" in values:
        check_choice("order", values["order"], ORDERS)
    if "verbose" in values:
        values["verbose"] = "true" if check_bool("verbose", values["verbose"]) else "false"
    if "slides_format" in values:
        check_choice("slides_format", values["slides_format"], ("html", "pptx"))
    return {"task_id": task_ref(task_id), **values}
