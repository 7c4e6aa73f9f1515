"""Manus options for ``responses.create``: their types, their validation and the JSON body they become.

Pure functions, shared by the sync and async resources and by ``manus_extra_body()``. Everything here
raises ``TypeError`` / ``ValueError`` naming the field (and the allowed values) before any request.

Decisions where the reference (``manus-api.md`` §3.2) is silent or disagrees:

* Body keys are the snake_case ``extra_body`` names of the OpenAI-compatibility guide, the spelling the
  guide sends; ``project_id``, ``connectors``, ``locale`` and ``interactive_mode`` are documented only on
  ``POST /v1/tasks`` (camelCase) and sent here under their snake_case OpenAPI titles (§1.2 inference).
* ``agent_profile`` lists both documented generations but accepts any non-empty string, so a profile
  Manus adds later needs no release.
* ``attachments`` is not offered: the guide puts files in ``input`` parts, and §3.2 says not to rely on it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, Union

from typing_extensions import TypedDict

from ._compat import NotGiven

__all__ = [
    "AGENT_PROFILES",
    "MANUS_OPTION_NAMES",
    "TASK_MODES",
    "AgentProfile",
    "ManusOptions",
    "TaskMode",
    "build_manus_body",
    "check_str",
    "normalize_input",
]

TaskMode = Literal["agent", "chat", "adaptive"]
"""``task_mode`` values of the v1 create-task enum."""

TASK_MODES: tuple[str, ...] = ("agent", "chat", "adaptive")

KnownAgentProfile = Literal["manus-1.6", "manus-1.6-lite", "manus-1.6-max", "speed", "quality"]
AgentProfile = Union[KnownAgentProfile, str]
"""Documented profiles (``manus-1.6*`` current, ``speed``/``quality`` older); any other non-empty string passes."""

AGENT_PROFILES: tuple[str, ...] = ("manus-1.6", "manus-1.6-lite", "manus-1.6-max", "speed", "quality")


class ManusOptions(TypedDict, total=False):
    """The Manus options of ``responses.create`` / ``create_and_wait`` and ``manus_extra_body``.

    Sent in the JSON body under these names, the compatibility guide's ``extra_body`` keys.
    """

    task_mode: TaskMode
    agent_profile: AgentProfile
    create_shareable_link: bool
    hide_in_task_list: bool
    task_id: str
    locale: str
    project_id: str
    connectors: Sequence[str]
    interactive_mode: bool


MANUS_OPTION_NAMES: tuple[str, ...] = tuple(ManusOptions.__annotations__)
"""The Manus-only keyword arguments, in the order they are documented."""

_BOOL_OPTIONS = ("create_shareable_link", "hide_in_task_list", "interactive_mode")
_STR_OPTIONS = ("agent_profile", "task_id", "project_id", "locale")


def _given(value: object) -> bool:
    return value is not None and not isinstance(value, NotGiven)


def check_str(name: str, value: object) -> str:
    """A non-empty string, else ``TypeError`` / ``ValueError`` naming ``name``."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, got {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"{name} must be a non-empty string")
    return value


def check_id(value: object, field: str = "response_id") -> str:
    """A task / response / file id: a non-empty string (checked before it lands in a URL path)."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{field} must be a non-empty string, got {value!r}")
    if "/" in value:
        raise ValueError(f"{field} must not contain '/', got {value!r}")
    return value


def build_manus_body(options: Mapping[str, object]) -> dict[str, object]:
    """Validate Manus options and return the JSON body fragment they become (unset ones left out).

    ``options`` maps the names in ``MANUS_OPTION_NAMES`` to values; ``None`` and ``NOT_GIVEN`` mean unset.

    >>> build_manus_body({"task_mode": "agent", "hide_in_task_list": True})
    {'task_mode': 'agent', 'hide_in_task_list': True}
    """
    unknown = sorted(set(options) - set(MANUS_OPTION_NAMES))
    if unknown:
        raise TypeError(f"unknown Manus option(s) {unknown}; the options are: {', '.join(MANUS_OPTION_NAMES)}")
    body: dict[str, object] = {}
    for name in MANUS_OPTION_NAMES if options else ():
        value = options.get(name)
        if not _given(value):
            continue
        if name == "task_mode":
            if value not in TASK_MODES:
                raise ValueError(f"task_mode must be one of {', '.join(map(repr, TASK_MODES))}; got {value!r}")
        elif name in _BOOL_OPTIONS:
            if not isinstance(value, bool):
                raise TypeError(f"{name} must be a bool (True or False), got {type(value).__name__}")
        elif name in _STR_OPTIONS:
            check_str(name, value)
        elif name == "connectors":
            value = _check_connectors(value)
        body[name] = value
    return body


def _check_connectors(value: object) -> list[str]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise TypeError(f"connectors must be a list of connector id strings, got {type(value).__name__}")
    return [check_str(f"connectors[{i}]", item) for i, item in enumerate(value)]


def check_continuation(task_id: object, previous_response_id: object) -> None:
    """Manus continues a task with ``task_id`` or ``previous_response_id``, "never both" (compat guide)."""
    if _given(task_id) and _given(previous_response_id):
        raise ValueError(
            "pass either task_id or previous_response_id to continue a task, not both (Manus rejects both at once)"
        )
    if _given(previous_response_id):
        check_str("previous_response_id", previous_response_id)


def normalize_input(value: object) -> object:
    """Turn ``input="text"`` into the message list Manus documents; check the shape of a list.

    >>> normalize_input("hi")
    [{'role': 'user', 'content': [{'type': 'input_text', 'text': 'hi'}]}]
    """
    if isinstance(value, str):
        if not value.strip():
            raise ValueError("input must be a non-empty string or a list of messages")
        return [{"role": "user", "content": [{"type": "input_text", "text": value}]}]
    if isinstance(value, (bytes, bytearray)) or not isinstance(value, Sequence):
        raise TypeError(
            "input must be a str or a list of messages like "
            "[{'role': 'user', 'content': [{'type': 'input_text', 'text': ...}]}], "
            f"got {type(value).__name__}"
        )
    if not value:
        raise ValueError("input must not be an empty list")
    messages: list[object] = []
    for i, item in enumerate(value):
        if not isinstance(item, Mapping):
            raise TypeError(f"input[{i}] must be a message dict, got {type(item).__name__}")
        content: Any = item.get("content")
        if isinstance(content, str):
            # OpenAI's short form {"role": "user", "content": "text"}; Manus documents only parts.
            messages.append({**item, "content": [{"type": "input_text", "text": content}]})
            continue
        if isinstance(content, (bytes, bytearray)) or not isinstance(content, Sequence) or not content:
            raise ValueError(f"input[{i}].content must be a string or a non-empty list of parts")
        for j, part in enumerate(content):
            if not isinstance(part, Mapping) or not isinstance(part.get("type"), str):
                raise ValueError(f"input[{i}].content[{j}] must be a dict with a 'type' such as 'input_text'")
        messages.append(item)
    return messages
