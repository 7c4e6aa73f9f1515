"""Accessors shared by every Manus object that carries a conversation (``ManusResponse`` and ``Task``).

Manus returns the whole conversation in ``output``: the user's turns are echoed (role ``user``) next to
the assistant's, and files arrive as ``output_file`` parts with camelCase keys (``fileUrl``,
``fileName``, ``mimeType``). These accessors read those objects as they really are, whatever model class
the SDK built them into, and never raise on a missing or oddly typed field.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from .output_file import OutputFile

__all__ = ["ConversationAccessors", "coerce_int", "field_of"]


def field_of(obj: object, *names: str) -> Any:
    """The first present, non-None value of ``names`` on ``obj`` (attribute, pydantic extra or mapping key)."""
    for name in names:
        if isinstance(obj, Mapping):
            value = obj.get(name)
        else:
            value = getattr(obj, name, None)
            if value is None:
                extra = getattr(obj, "model_extra", None)
                value = extra.get(name) if isinstance(extra, dict) else None
        if value is not None:
            return value
    return None


def coerce_int(value: object) -> int | None:
    """``12``, ``"12"`` and ``12.0`` -> 12; anything else (``None``, ``"n/a"``, ``True``) -> None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            try:
                number = float(value)
            except ValueError:
                return None
            return int(number) if number.is_integer() else None
    return None


def _parts(message: object) -> Iterator[object]:
    content = field_of(message, "content")
    if isinstance(content, Iterable) and not isinstance(content, (str, bytes, Mapping)):
        yield from content


class ConversationAccessors:
    """Mixin for models with ``output`` (messages) and ``metadata`` (string map) fields.

    Example::

        done = client.responses.wait(task_id)
        print(done.output_text, done.task_url, done.credit_usage)
        for f in done.output_files:
            print(f.file_name, f.file_url)
    """

    def _assistant_messages(self) -> Iterator[object]:
        output = getattr(self, "output", None)
        if not isinstance(output, Iterable) or isinstance(output, (str, bytes, Mapping)):
            return
        for message in output:
            if field_of(message, "role") == "assistant":
                yield message

    def _metadata_value(self, key: str) -> str | None:
        metadata = getattr(self, "metadata", None)
        value = metadata.get(key) if isinstance(metadata, Mapping) else None
        if value is None:
            extra = getattr(self, "model_extra", None)
            value = extra.get(key) if isinstance(extra, dict) else None
        return value if isinstance(value, str) and value else None

    @property
    def output_text(self) -> str:
        """The assistant's text: its ``output_text`` parts, messages separated by a blank line.

        Unlike ``openai``'s ``Response.output_text`` it leaves out the user turns Manus echoes in ``output``.
        """
        messages = []
        for message in self._assistant_messages():
            texts = [
                part_text
                for part in _parts(message)
                if field_of(part, "type") in ("output_text", None)
                and isinstance(part_text := field_of(part, "text"), str)
            ]
            if texts:
                messages.append("".join(texts))
        return "\n\n".join(messages)

    @property
    def output_files(self) -> list[OutputFile]:
        """The files the assistant produced (``output_file`` parts), in conversation order."""
        files = []
        for message in self._assistant_messages():
            for part in _parts(message):
                if field_of(part, "type") == "output_file":
                    files.append(OutputFile.from_part(part))
        return files

    @property
    def task_url(self) -> str | None:
        """The task's page in the Manus web app (``metadata.task_url``)."""
        return self._metadata_value("task_url")

    @property
    def share_url(self) -> str | None:
        """The public share link, present when the task was created with ``create_shareable_link=True``."""
        return self._metadata_value("share_url")

    @property
    def task_title(self) -> str | None:
        """The title Manus gave the task (``metadata.task_title``)."""
        return self._metadata_value("task_title")

    @property
    def credit_usage(self) -> int | None:
        """Credits the task has used so far, as an int (Manus sends a string in ``metadata``), or None."""
        extra = getattr(self, "model_extra", None)
        top = extra.get("credit_usage") if isinstance(extra, dict) else None
        value = coerce_int(top)
        if value is None:
            metadata = getattr(self, "metadata", None)
            value = coerce_int(metadata.get("credit_usage")) if isinstance(metadata, Mapping) else None
        return value
