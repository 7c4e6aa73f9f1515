"""The v2 ``task.*`` endpoints (manus-api.md §6.2-§6.10) over the one engine.

Choices where the docs are silent:

* ``message.content`` parts: ``text``, ``file`` and ``voice``; a ``file``/``voice`` part takes
  exactly one of ``file_id`` (must be ``uploaded``), ``file_url`` (absolute http(s); its size
  cannot be checked offline) or ``file_data`` (bare base64 or a ``data:`` URL, at most 20 MB
  decoded). Message text is capped at 20,000 characters (the docs' "about 5,000 tokens" at 4
  characters per token). ``connectors``, ``enable_skills``, ``force_skills`` and
  ``task_references`` must be string arrays (kept, not acted on).
* ``task.sendMessage`` on a task waiting for anything but ``messageAskUser`` is a 409
  ``failed_precondition`` (answer it with ``task.confirmAction``); on a running, stopped or
  failed task it starts a new turn; ``agent_profile`` omitted or ``""`` keeps the profile.
* ``task.confirmAction`` on a task that is not waiting, or waiting for ``messageAskUser``, is a
  409 ``failed_precondition``; a wrong or stale ``event_id`` is a 400 naming ``event_id``.
* ``task.delete`` of an agent's task (``agent-default``'s main task or its subtasks) is a 403
  ``permission_denied``; the shortcut ``agent-default-main_task`` is refused there with a 400
  naming ``task_id``. Deleting a running task is allowed (it stops, then is gone).
* ``task.list`` ``scope=project`` without ``project_id`` and ``scope=agent_subtask`` without
  ``agent_id`` are 400s naming the missing field; ``project_id`` alone filters by project.
  The agent's main task has ``task_type: "standard"`` and is created on first use.
* Polls (``Emulator(polls=N)``, ``[[manus:polls=N]]``): every request that reads one task counts,
  on either surface: v1 ``GET /v1/responses/{id}`` and ``GET /v1/tasks/{id}``, v2 ``task.detail``
  and ``task.listMessages`` (a follower that only reads the log sees the task progress and finish).
  A ``listMessages`` request with a ``cursor`` does not count: it pages through a read already
  counted, so walking back a long log never advances the task mid-walk. Lists (``task.list``,
  ``GET /v1/tasks``) do not count. A request refused before it reads the task (bad input, 404)
  does not count either.
* ``task.update`` with ``title: ""`` is a 400 (empty titles are invalid, as on ``website.update``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, cast

from starlette.routing import Route

from ._confirm import decide
from ._engine import Engine
from ._errors import ApiError
from ._http import check_url, decode_data, guess_mime, name_from_url
from ._model import DEFAULT_PROFILE, PROFILES, FileRef, ListQuery, Scenario, Task, Visibility
from ._structured import check_schema
from ._v2_http import Call, V2Surface
from ._v2_views import decode_cursor, encode_cursor, event_view, task_record, task_ref

__all__ = ["AGENT_ID", "MAIN_TASK", "V2Tasks"]

AGENT_ID = "agent-default"
MAIN_TASK = "agent-default-main_task"
INLINE_LIMIT = 20 * 1024 * 1024
TEXT_LIMIT = 20_000
VISIBILITIES = ("private", "team", "public")

JSONDict = dict[str, Any]


class V2Tasks:
    """Handlers of ``task.*``; ``browsers`` lists the online browser client ids."""

    def __init__(self, engine: Engine, browsers: list[dict[str, str]]) -> None:
        self.engine = engine
        self.browsers = browsers
        self.main_task_id: str | None = None

    def routes(self, surface: V2Surface) -> list[Route]:
        return [
            surface.route("task.create", self.create),
            surface.route("task.detail", self.detail),
            surface.route("task.list", self.list_tasks),
            surface.route("task.update", self.update),
            surface.route("task.stop", self.stop),
            surface.route("task.delete", self.delete),
            surface.route("task.sendMessage", self.send_message),
            surface.route("task.listMessages", self.list_messages),
            surface.route("task.confirmAction", self.confirm_action),
        ]

    # ------------------------------------------------------------------ helpers
    def main_task(self) -> Task:
        """``agent-default``'s persistent main task (created, finished, on first use)."""
        with self.engine.lock:
            if self.main_task_id is None or self.main_task_id not in self.engine.tasks:
                task = self.engine.create_task(
                    prompt="Hello from your default agent",
                    profile=DEFAULT_PROFILE,
                    task_mode="agent",
                    scenario=Scenario(duration=0.0, outcome="finish", polls=None, wait=None),
                    title="Default agent",
                    agent_id=AGENT_ID,
                )
                task.task_type = "standard"
                self.main_task_id = task.id
            return self.engine.get(self.main_task_id)

    def task(self, call: Call, name: str = "task_id", *, shortcut: bool = True, poll: bool = False) -> Task:
        """The task ``name`` names (shortcuts resolved, the caller's visibility checked).

        ``poll=True`` counts the read as a poll of ``Scenario.polls`` (after the visibility check).
        """
        task_id = call.need(name)
        if task_id in (MAIN_TASK, AGENT_ID):
            if not shortcut or task_id == AGENT_ID:
                raise ApiError.invalid(name, f"the shortcut {task_id!r} is not accepted here")
            return self.main_task()
        task = self.engine.get(task_id)
        if not call.principal.sees(task):
            raise ApiError.not_found(f"task not found: {task_id}")
        if poll:
            self.engine.advance(task, poll=True)
        return task

    def _profile(self, call: Call) -> str | None:
        value = call.raw("agent_profile")
        if value is None or value == "" or not call.has("agent_profile"):
            return None
        if not isinstance(value, str) or value not in PROFILES:
            raise ApiError.invalid(
                "agent_profile", f"invalid agent profile {value!r}; use standard, lite, max or manus-1.6[-lite|-max]"
            )
        return PROFILES[value]

    def _schema(self, call: Call) -> dict[str, object] | None:
        if not call.has("structured_output_schema"):
            return None
        return check_schema(call.raw("structured_output_schema"))

    def _message(self, call: Call) -> tuple[str, list[tuple[FileRef, bytes | None]], JSONDict]:
        message = call.obj("message", required=True)
        assert message is not None
        for key in ("connectors", "enable_skills", "force_skills", "task_references"):
            value = message.get(key)
            if value is not None and (not isinstance(value, list) or not all(isinstance(v, str) for v in value)):
                raise ApiError.invalid(f"message.{key}", "must be an array of strings")
        content = message.get("content")
        texts: list[str] = []
        files: list[tuple[FileRef, bytes | None]] = []
        if isinstance(content, str):
            texts.append(content)
        elif isinstance(content, list) and content:
            for i, part in enumerate(content):
                where = f"message.content[{i}]"
                if not isinstance(part, dict):
                    raise ApiError.invalid(where, "must be a content part object")
                kind = part.get("type")
                if kind == "text":
                    if not isinstance(part.get("text"), str):
                        raise ApiError.invalid(f"{where}.text", "is required and must be a string")
                    texts.append(part["text"])
                elif kind in ("file", "voice"):
                    files.append(self._file_part(part, where, voice=kind == "voice"))
                else:
                    raise ApiError.invalid(f"{where}.type", f"unknown part type {kind!r}; use text, file or voice")
        else:
            raise ApiError.invalid("message.content", "is required: a string or a non-empty array of parts")
        text = "\n".join(texts)
        if not text.strip() and not files:
            raise ApiError.invalid("message.content", "must contain text or a file")
        if len(text) > TEXT_LIMIT:
            raise ApiError.invalid(
                "message.content", f"text is limited to about 5,000 tokens ({TEXT_LIMIT} characters)"
            )
        return text, files, message

    def _file_part(self, part: Mapping[str, Any], where: str, *, voice: bool) -> tuple[FileRef, bytes | None]:
        given = [k for k in ("file_id", "file_url", "file_data") if part.get(k) is not None]
        if len(given) != 1:
            raise ApiError.invalid(where, "give exactly one of file_id, file_url or file_data")
        name = part.get("filename")
        mime = part.get("mime_type")
        for key, value in (("filename", name), ("mime_type", mime)):
            if value is not None and not isinstance(value, str):
                raise ApiError.invalid(f"{where}.{key}", "must be a string")
        fallback = "audio/mpeg" if voice else "application/octet-stream"
        if given[0] == "file_id":
            file_id = part["file_id"]
            if not isinstance(file_id, str):
                raise ApiError.invalid(f"{where}.file_id", "must be a string")
            try:
                stored = self.engine.get_file(file_id)
            except ApiError:
                raise ApiError.invalid(f"{where}.file_id", f"file {file_id!r} not found or deleted") from None
            if stored.content is None or stored.status(self.engine.clock.now()) != "uploaded":
                raise ApiError.invalid(
                    f"{where}.file_id", f"file {file_id!r} is not uploaded (status must be uploaded)"
                )
            fname = name or stored.filename
            return FileRef(fname, mime or guess_mime(fname, fallback), len(stored.content)), stored.content
        if given[0] == "file_url":
            url = check_url(part["file_url"], f"{where}.file_url")
            fname = name or name_from_url(url)
            return FileRef(fname, mime or guess_mime(fname, fallback), 0, url=url), None
        data = part["file_data"]
        if not isinstance(data, str):
            raise ApiError.invalid(f"{where}.file_data", "must be a base64 string")
        data_mime, content = decode_data(data, f"{where}.file_data", bare_ok=True)
        if len(content) > INLINE_LIMIT:
            raise ApiError.invalid(f"{where}.file_data", "is larger than 20 MB; upload it with file.upload")
        fname = name or ("voice" if voice else "attachment")
        return FileRef(fname, mime or data_mime or guess_mime(fname, fallback), len(content)), content

    def _visibility(self, call: Call) -> Visibility | None:
        return cast("Visibility | None", call.choice("share_visibility", VISIBILITIES))

    # ------------------------------------------------------------------ endpoints
    async def create(self, call: Call) -> JSONDict:
        text, files, message = self._message(call)
        project_id = call.text("project_id")
        if project_id is not None and project_id not in self.engine.projects:
            raise ApiError.invalid("project_id", f"project {project_id!r} not found")
        locale = call.text("locale")
        interactive = call.flag("interactive_mode", False)
        hidden = call.flag("hide_in_task_list", False)
        visibility = self._visibility(call) or "private"
        profile = self._profile(call) or DEFAULT_PROFILE
        title = call.text("title", empty_ok=False)
        schema = self._schema(call)
        task = self.engine.create_task(
            prompt=text,
            profile=profile,
            task_mode="agent",
            attachments=files,
            locale=locale,
            project_id=project_id,
            hidden=bool(hidden),
            visibility=visibility,
            interactive=bool(interactive),
            connectors=message.get("connectors") or [],
            title=title,
            structured_schema=schema,
            created_by_app=call.principal.app_id,
            user_id=call.principal.user_id,
            field_name="message.content",
        )
        return task_ref(task)

    async def detail(self, call: Call) -> JSONDict:
        task = self.task(call, poll=True)
        return {"task": task_record(task, self.engine.clock.now(), self.engine.credits_per_second)}

    async def list_tasks(self, call: Call) -> JSONDict:
        limit = call.integer("limit", 20, 1, 100)
        order: Literal["asc", "desc"] = call.choice("order", ("asc", "desc"), "desc") or "desc"
        scope = call.choice("scope", ("all", "standard", "project", "agent_subtask"), "all")
        agent_id = call.text("agent_id")
        project_id = call.text("project_id")
        if scope == "project" and not project_id:
            raise ApiError.invalid("project_id", "is required with scope=project")
        if scope == "agent_subtask" and not agent_id:
            raise ApiError.invalid("agent_id", "is required with scope=agent_subtask")
        if agent_id is not None and agent_id != AGENT_ID:
            raise ApiError.invalid("agent_id", f"unknown agent {agent_id!r} (use agent-default)")
        after: str | None = None
        cursor = call.text("cursor")
        if cursor:
            _, cursor_order, after = decode_cursor(cursor, "tasks", 3)
            if cursor_order != order:
                raise ApiError.invalid("cursor", "this cursor belongs to another order")
        principal = call.principal

        def where(task: Task) -> bool:
            if not principal.sees(task):
                return False
            if scope != "all" and task.task_type != scope:
                return False
            if agent_id is not None and task.agent_id != agent_id:
                return False
            return project_id is None or task.project_id == project_id

        try:
            page, more = self.engine.list_tasks(ListQuery(after=after, limit=limit, order=order, where=where))
        except ApiError as exc:
            raise ApiError.invalid("cursor", "unknown cursor") from exc
        now = self.engine.clock.now()
        rate = self.engine.credits_per_second
        body: JSONDict = {"data": [task_record(t, now, rate) for t in page], "has_more": more}
        if more:
            body["next_cursor"] = encode_cursor("tasks", order, page[-1].id)
        return body

    async def update(self, call: Call) -> JSONDict:
        task = self.task(call)
        title = call.text("title", empty_ok=False)
        visibility = self._visibility(call)
        visible = call.flag("enable_visible_in_task_list")
        task = self.engine.update(task.id, title=title, visible=visible, visibility=visibility)
        return task_ref(task)

    async def stop(self, call: Call) -> JSONDict:
        self.engine.stop(self.task(call).id)
        return {}

    async def delete(self, call: Call) -> JSONDict:
        task = self.task(call, shortcut=False)
        if task.agent_id is not None:
            raise ApiError.denied(f"task {task.id} belongs to agent {task.agent_id}; agent tasks cannot be deleted")
        self.engine.delete(task.id)
        return {"id": task.id, "deleted": True}

    async def send_message(self, call: Call) -> JSONDict:
        task = self.task(call)
        text, files, _ = self._message(call)
        profile = self._profile(call)
        schema = self._schema(call)
        with self.engine.lock:
            waiting = self.engine.get(task.id).waiting
            if waiting is not None and waiting.type != "messageAskUser":
                raise ApiError.precondition(
                    f"the task waits for {waiting.type.split(':', 1)[0]}: answer it with task.confirmAction"
                )
            self.engine.continue_task(
                task.id,
                prompt=text,
                attachments=files,
                profile=profile,
                structured_schema=schema,
                field_name="message.content",
            )
        return {"task_id": task.id}

    async def list_messages(self, call: Call) -> JSONDict:
        limit = call.integer("limit", 50, 1, 200)
        order = call.choice("order", ("asc", "desc"), "desc") or "desc"
        verbose = bool(call.flag("verbose", False))
        slides_format = call.choice("slides_format", ("html", "pptx"), "html") or "html"
        cursor = call.text("cursor") or None
        task = self.task(call, poll=cursor is None)  # a cursor page continues a read already counted
        task, events, next_cursor = self.engine.page_events(
            task.id, order=order, limit=limit, cursor=cursor, verbose=verbose
        )
        body: JSONDict = {
            "task_id": task.id,
            "messages": [event_view(e, call.origin, slides_format) for e in events],
            "has_more": next_cursor is not None,
        }
        if next_cursor is not None:
            body["next_cursor"] = next_cursor
        return body

    async def confirm_action(self, call: Call) -> JSONDict:
        task = self.task(call)
        event_id = call.need("event_id")
        value = call.obj("input")
        online = self.browsers
        resumed = self.engine.confirm(task.id, event_id, value, decide(lambda: [b["client_id"] for b in online]))
        return {"task_id": task.id, "confirmed": resumed}
