"""Validation and body building for every v2 endpoint: pure functions both clients call.

Every error names the field and, for a closed set, the allowed values, and is raised before a request
is sent (``TypeError`` for a wrong type, ``ValueError`` for a wrong value). ``None`` / ``NOT_GIVEN``
mean "not sent". Ranges follow manus-api.md §6; where the docs give a default but no bound (``task.list``
``limit`` minimum) the bound is 1.

Choices where the docs are silent: ``agent_profile`` accepts any non-empty string (the documented
names drift, §2.5: ``manus-1.6*``, ``standard`` / ``lite`` / ``max``); ``file_data`` is sent as given (a
bare base64 string or a data URL, §10 q12); ``locale`` is any non-empty string.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, Union

from typing_extensions import Required, TypedDict

from .._compat import NotGiven
from .._options import check_str

__all__ = [
    "AGENT_PROFILES_V2",
    "FilePart",
    "Message",
    "MessageInput",
    "Part",
    "TextPart",
    "VoicePart",
    "build_message",
    "check_bool",
    "check_choice",
    "check_id",
    "check_int",
    "check_json_object",
    "check_str",
    "check_strings",
    "given",
    "prune",
]

AgentProfileV2 = Union[
    Literal["manus-1.6", "manus-1.6-lite", "manus-1.6-max", "standard", "lite", "max"],
    str,
]
AGENT_PROFILES_V2: tuple[str, ...] = ("manus-1.6", "manus-1.6-lite", "manus-1.6-max", "standard", "lite", "max")


class TextPart(TypedDict):
    """``{"type": "text", "text": ...}``."""

    type: Literal["text"]
    text: str


class FilePart(TypedDict, total=False):
    """``{"type": "file", ...}`` with exactly one of ``file_id`` / ``file_url`` / ``file_data``."""

    type: Required[Literal["file"]]
    file_id: str
    file_url: str
    file_data: str
    filename: str
    mime_type: str


class VoicePart(TypedDict, total=False):
    """``{"type": "voice", ...}`` with exactly one of ``file_id`` / ``file_url`` / ``file_data``."""

    type: Required[Literal["voice"]]
    file_id: str
    file_url: str
    file_data: str
    filename: str
    mime_type: str


Part = Union[TextPart, FilePart, VoicePart]
"""A content part of a v2 message."""


class MessageInput(TypedDict, total=False):
    """The ``message`` object of ``task.create`` / ``task.sendMessage``."""

    content: Required[Union[str, Sequence[Part]]]
    connectors: Sequence[str]
    enable_skills: Sequence[str]
    force_skills: Sequence[str]
    task_references: Sequence[str]


Message = Union[str, Sequence[Part], MessageInput]
"""What ``create`` / ``send_message`` take: text, a list of parts, or a ``MessageInput``."""

PART_TYPES = ("text", "file", "voice")
_SOURCES = ("file_id", "file_url", "file_data")
_PART_KEYS = {"text": {"type", "text"}, "file": {"type", *_SOURCES, "filename", "mime_type"}}
_PART_KEYS["voice"] = _PART_KEYS["file"]
_LIST_FIELDS = ("connectors", "enable_skills", "force_skills", "task_references")


def given(value: object) -> bool:
    """Neither ``None`` nor ``NOT_GIVEN``."""
    return value is not None and not isinstance(value, NotGiven)


def prune(values: Mapping[str, object]) -> dict[str, object]:
    """The given values only (the wire never sees ``None`` / ``NOT_GIVEN``)."""
    return {key: value for key, value in values.items() if given(value)}


def check_bool(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be a bool (True or False), got {type(value).__name__}")
    return value


def check_choice(name: str, value: object, allowed: Sequence[str]) -> str:
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, allowed))}; got {value!r}")
    return str(value)


def check_int(name: str, value: object, low: int, high: int | None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    if value < low or (high is not None and value > high):
        bound = f"between {low} and {high}" if high is not None else f">= {low}"
        raise ValueError(f"{name} must be {bound}, got {value}")
    return value


def check_strings(name: str, value: object) -> list[str]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise TypeError(f"{name} must be a list of strings, got {type(value).__name__}")
    return [check_str(f"{name}[{i}]", item) for i, item in enumerate(value)]


def _check_part(where: str, part: object) -> dict[str, object]:
    if not isinstance(part, Mapping):
        raise TypeError(f"{where} must be a dict like {{'type': 'text', 'text': ...}}, got {type(part).__name__}")
    kind = check_choice(f"{where}.type", part.get("type"), PART_TYPES)
    unknown = sorted(set(part) - _PART_KEYS[kind])
    if unknown:
        raise ValueError(f"{where} has unknown key(s) {unknown}; a {kind!r} part takes {sorted(_PART_KEYS[kind])}")
    if kind == "text":
        check_str(f"{where}.text", part.get("text"))
        return dict(part)
    sources = [key for key in _SOURCES if given(part.get(key))]
    if len(sources) != 1:
        raise ValueError(f"{where} needs exactly one of file_id, file_url, file_data; got {sources or 'none'}")
    for key in (*sources, "filename", "mime_type"):
        if key in part:
            check_str(f"{where}.{key}", part[key])
    return dict(part)


def build_message(message: object, extra: Mapping[str, object] | None = None) -> dict[str, object]:
    """The ``message`` object from a string, a list of parts, or a ``MessageInput`` dict.

    ``extra`` holds the keyword arguments ``connectors`` / ``enable_skills`` / ``force_skills`` /
    ``task_references``; one given both ways is an error (nothing the caller passed is dropped).

    >>> build_message("hi", {"connectors": ["9444d960-ab7e-450f-9cb9-b9467fb0adda"]})
    {'content': 'hi', 'connectors': ['9444d960-ab7e-450f-9cb9-b9467fb0adda']}
    """
    if isinstance(message, Mapping):
        unknown = sorted(set(message) - {"content", *_LIST_FIELDS})
        if unknown:
            raise ValueError(f"message has unknown key(s) {unknown}; it takes content, {', '.join(_LIST_FIELDS)}")
        if "content" not in message:
            raise ValueError("message must have a 'content' (a string or a list of parts)")
        out: dict[str, object] = {"content": message["content"]}
        fields = {key: message[key] for key in _LIST_FIELDS if key in message}
    else:
        out, fields = {"content": message}, {}
    for key, value in prune(extra or {}).items():
        if key in fields:
            raise ValueError(f"{key} was given both in message and as a keyword argument; give it once")
        fields[key] = value
    content = out["content"]
    if isinstance(content, str):
        check_str("message.content", content)
    elif isinstance(content, (bytes, bytearray)) or not isinstance(content, Sequence):
        raise TypeError(f"message.content must be a str or a list of parts, got {type(content).__name__}")
    elif not content:
        raise ValueError("message.content must not be an empty list")
    else:
        out["content"] = [_check_part(f"message.content[{i}]", part) for i, part in enumerate(content)]
    for key in _LIST_FIELDS:
        if key in fields and given(fields[key]):
            out[key] = check_strings(f"message.{key}", fields[key])
    return out


def check_id(name: str, value: object) -> str:
    """A non-empty id without whitespace at its ends."""
    text = check_str(name, value)
    if text != text.strip():
        raise ValueError(f"{name} must not start or end with whitespace, got {value!r}")
    return text


def check_json_object(name: str, value: object) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise TypeError(f"{name} must be a dict (a JSON object), got {type(value).__name__}")
    return dict(value)
