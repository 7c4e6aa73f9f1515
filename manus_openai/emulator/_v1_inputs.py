"""v1 request inputs: Responses ``input`` messages and parts, ``attachments[]`` items, file ids.

Ambiguity resolved here (issue 14): ``system`` and ``developer`` messages and ``assistant`` history
turns are accepted in ``/v1/responses`` ``input`` — no revision of the docs forbids them and real
OpenAI clients send them. Only ``user`` text becomes the task prompt; ``system``/``developer``
text is kept as the task's instructions (like the ``instructions`` field), and ``assistant``
turns are context the caller already has, so they are read and not replayed.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Mapping
from typing import Any

from ._engine import Engine
from ._errors import ApiError
from ._http import MISSING, check_url, decode_data, guess_mime, name_from_url, opt_str, pick
from ._model import FileRef

__all__ = ["ROLES", "V1Inputs"]

ROLES = ("user", "system", "developer", "assistant")


class V1Inputs:
    """Parses v1 inputs against the engine's files and projects."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _file_bytes(self, file_id: str, field_name: str) -> tuple[str, bytes]:
        try:
            stored = self.engine.get_file(file_id)
        except ApiError as exc:
            raise ApiError.invalid(field_name, f"file {file_id!r} not found or has been deleted") from exc
        status = stored.status(self.engine.clock.now())
        if status == "deleted" or stored.content is None:
            problem = "has been deleted" if status == "deleted" else "is not uploaded yet (PUT the bytes first)"
            raise ApiError.invalid(field_name, f"file {file_id!r} {problem}")
        return stored.filename, stored.content

    def _attachment(self, item: object, field_name: str) -> tuple[FileRef, bytes | None]:
        """One ``attachments[]`` item in the official or in seed 001's shape."""
        if not isinstance(item, dict):
            raise ApiError.invalid(field_name, "must be an object")
        kind = item.get("type")
        name = opt_str(item, "filename", "fileName", "file_name")
        file_id = opt_str(item, "file_id", "fileId")
        url = item.get("url")
        data = opt_str(item, "fileData", "file_data") if kind != "base64" else opt_str(item, "data", "fileData")
        mime = opt_str(item, "mimeType", "mime_type")
        given = [k for k, v in (("file_id", file_id), ("url", url), ("fileData", data)) if v is not None]
        if kind not in (None, "url", "file_id", "base64"):
            raise ApiError.invalid(f"{field_name}.type", f"unknown attachment type {kind!r}")
        if len(given) != 1:
            raise ApiError.invalid(field_name, "give exactly one of file_id, url or fileData")
        if kind is None and name is None:
            raise ApiError.invalid(f"{field_name}.filename", "is required")
        if file_id is not None:
            stored_name, content = self._file_bytes(file_id, f"{field_name}.file_id")
            name = name or stored_name
            return FileRef(name, mime or guess_mime(name), len(content)), content
        if url is not None:
            checked = check_url(url, f"{field_name}.url")
            name = name or name_from_url(checked)
            return FileRef(name, mime or guess_mime(name), 0, url=checked), None
        assert data is not None
        data_mime, content = decode_data(
            data, f"{field_name}.{'data' if kind == 'base64' else 'fileData'}", bare_ok=kind == "base64"
        )
        name = name or "attachment"
        return FileRef(name, mime or data_mime or guess_mime(name), len(content)), content

    def _attachments(self, body: Mapping[str, Any]) -> list[tuple[FileRef, bytes | None]]:
        name, value = pick(body, "attachments")
        if value is MISSING:
            return []
        if not isinstance(value, list):
            raise ApiError.invalid(name, "must be an array")
        return [self._attachment(item, f"attachments[{i}]") for i, item in enumerate(value)]

    def _input(self, value: object) -> tuple[str, list[tuple[FileRef, bytes | None]], str | None]:
        """The Responses ``input``: a bare string, or a list of messages with input parts.

        Returns the user text (the prompt), its files, and the ``system``/``developer`` text
        (``None`` when there is none); ``assistant`` turns are checked and skipped.
        """
        if isinstance(value, str):
            if not value.strip():
                raise ApiError.invalid("input", "must not be empty")
            return value, [], None
        if not isinstance(value, list) or not value:
            raise ApiError.invalid("input", "must be a string or a non-empty array of messages")
        texts: list[str] = []
        system: list[str] = []
        files: list[tuple[FileRef, bytes | None]] = []
        for i, item in enumerate(value):
            where = f"input[{i}]"
            if not isinstance(item, dict):
                raise ApiError.invalid(where, "must be a message object")
            role = item.get("role", "user")
            if role not in ROLES:
                raise ApiError.invalid(f"{where}.role", f"unknown role {role!r}; use {', '.join(ROLES)}")
            if item.get("type", "message") != "message":
                raise ApiError.invalid(f"{where}.type", "must be 'message'")
            content = item.get("content")
            if role != "user":
                system.extend(self._other_turn(role, content, where))
                continue
            if isinstance(content, str):
                texts.append(content)
                continue
            if not isinstance(content, list) or not content:
                raise ApiError.invalid(f"{where}.content", "must be a string or a non-empty array of parts")
            for j, part in enumerate(content):
                texts_part, file_part = self._part(part, f"{where}.content[{j}]")
                if texts_part is not None:
                    texts.append(texts_part)
                if file_part is not None:
                    files.append(file_part)
        text = "\n".join(texts)
        if not text.strip():
            raise ApiError.invalid("input", "at least one non-empty user input_text part is required")
        return text, files, "\n".join(system) if system else None

    @staticmethod
    def _other_turn(role: str, content: object, where: str) -> list[str]:
        """The text of a ``system``/``developer`` message (kept) or an ``assistant`` one (checked, dropped)."""
        if isinstance(content, str):
            parts: list[object] = [{"type": "input_text", "text": content}]
        elif isinstance(content, list):
            parts = list(content)
        else:
            raise ApiError.invalid(f"{where}.content", "must be a string or an array of parts")
        texts: list[str] = []
        for j, part in enumerate(parts):
            if not isinstance(part, dict) or not isinstance(part.get("text", ""), str):
                raise ApiError.invalid(f"{where}.content[{j}]", "must be a text part object")
            if part.get("type") in ("input_text", "output_text", "text") and part.get("text"):
                texts.append(str(part["text"]))
        return texts if role in ("system", "developer") else []

    def _part(self, part: object, where: str) -> tuple[str | None, tuple[FileRef, bytes | None] | None]:
        if not isinstance(part, dict):
            raise ApiError.invalid(where, "must be a content part object")
        kind = part.get("type")
        if kind == "input_text":
            text = part.get("text")
            if not isinstance(text, str):
                raise ApiError.invalid(f"{where}.text", "must be a string")
            return text, None
        if kind == "input_file":
            given = [k for k in ("file_url", "file_id", "file_data") if part.get(k) is not None]
            if len(given) != 1:
                raise ApiError.invalid(where, "input_file needs exactly one of file_url, file_id or file_data")
            filename = part.get("filename")
            if filename is not None and not isinstance(filename, str):
                raise ApiError.invalid(f"{where}.filename", "must be a string")
            if given[0] == "file_url":
                url = check_url(part["file_url"], f"{where}.file_url")
                name = filename or name_from_url(url)
                return None, (FileRef(name, guess_mime(name), 0, url=url), None)
            if given[0] == "file_id":
                file_id = part["file_id"]
                if not isinstance(file_id, str):
                    raise ApiError.invalid(f"{where}.file_id", "must be a string")
                stored_name, content = self._file_bytes(file_id, f"{where}.file_id")
                name = filename or stored_name
                return None, (FileRef(name, guess_mime(name), len(content)), content)
            data = part["file_data"]
            if not isinstance(data, str):
                raise ApiError.invalid(f"{where}.file_data", "must be a data URL string")
            mime, content = decode_data(data, f"{where}.file_data")
            name = filename or "attachment"
            return None, (FileRef(name, mime or guess_mime(name), len(content)), content)
        if kind == "input_image":
            image = part.get("image_url")
            if part.get("file_id") is not None and image is None:
                file_id = part["file_id"]
                if not isinstance(file_id, str):
                    raise ApiError.invalid(f"{where}.file_id", "must be a string")
                stored_name, content = self._file_bytes(file_id, f"{where}.file_id")
                return None, (
                    FileRef(stored_name, guess_mime(stored_name, "image/png"), len(content)),
                    content,
                )
            if not isinstance(image, str):
                raise ApiError.invalid(f"{where}.image_url", "must be a URL or a data URL")
            if image.startswith("data:"):
                mime, content = decode_data(image, f"{where}.image_url")
                mime = mime or "image/png"
                ext = mimetypes.guess_extension(mime) or ".img"
                return None, (FileRef(f"image{ext}", mime, len(content)), content)
            url = check_url(image, f"{where}.image_url")
            name = name_from_url(url)
            return None, (FileRef(name, guess_mime(name, "image/png"), 0, url=url), None)
        raise ApiError.invalid(
            f"{where}.type", f"unknown part type {kind!r}; use input_text, input_file or input_image"
        )

    def _project(self, body: Mapping[str, Any], *names: str) -> str | None:
        project_id = opt_str(body, *names)
        if project_id is not None and project_id not in self.engine.projects:
            raise ApiError.invalid(names[0], f"project {project_id!r} not found")
        return project_id
