"""The v1 routes (manus-api.md §3-§4): ``/v1/responses``, ``/v1/tasks``, projects, files, webhooks."""

from __future__ import annotations

import asyncio
from typing import Literal, cast

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ._engine import Engine
from ._errors import ApiError
from ._http import (
    JSONDict,
    check_url,
    json_body,
    json_response,
    opt_bool,
    opt_str,
    profile_arg,
    reject_unknown,
    str_list,
    task_mode_arg,
)
from ._model import DEFAULT_PROFILE, PROFILES, ListQuery, Task
from ._v1_inputs import V1Inputs
from ._views import file_view, project_view, response_view, task_ref_view, task_view
from ._webhooks import WebhookService

__all__ = ["V1Routes"]


class V1Routes(V1Inputs):
    """Handlers of the v1 surface (the outer app has already checked ``API_KEY``)."""

    def __init__(
        self,
        engine: Engine,
        webhooks: WebhookService,
        *,
        strict: bool,
        webhook_activation: Literal["require", "best_effort", "off"],
    ) -> None:
        super().__init__(engine)
        self.webhooks = webhooks
        self.strict = strict
        self.webhook_activation = webhook_activation

    def routes(self) -> list[Route]:
        """Every v1 route (the app also serves them under ``/`` and ``/v1/v1``, §3.1)."""
        return [
            Route("/v1/responses", self.create_response, methods=["POST"]),
            Route("/v1/responses/{id}", self.get_response, methods=["GET"]),
            Route("/v1/responses/{id}", self.delete_task, methods=["DELETE"]),
            Route("/v1/tasks", self.create_task, methods=["POST"]),
            Route("/v1/tasks", self.list_tasks, methods=["GET"]),
            Route("/v1/tasks/{id}", self.get_task, methods=["GET"]),
            Route("/v1/tasks/{id}", self.update_task, methods=["PUT"]),
            Route("/v1/tasks/{id}", self.delete_task, methods=["DELETE"]),
            Route("/v1/projects", self.create_project, methods=["POST"]),
            Route("/v1/projects", self.list_projects, methods=["GET"]),
            Route("/v1/files", self.create_file, methods=["POST"]),
            Route("/v1/files", self.list_files, methods=["GET"]),
            Route("/v1/files/upload", self.multipart_upload, methods=["POST"]),
            Route("/v1/files/{id}", self.get_file, methods=["GET"]),
            Route("/v1/files/{id}", self.delete_file, methods=["DELETE"]),
            Route("/v1/webhooks", self.create_webhook, methods=["POST"]),
            Route("/v1/webhooks/{id}", self.delete_webhook, methods=["DELETE"]),
            Route("/v1/webhook/public_key", self.public_key, methods=["GET"]),
            Route("/uploads/{id}", self.presigned_put, methods=["PUT"]),
            Route("/files-content/{task}/{name:path}", self.file_content, methods=["GET"]),
        ]

    def _origin(self, request: Request) -> str:
        return str(request.base_url).rstrip("/")

    def _render_task(self, task: Task, request: Request) -> JSONDict:
        return task_view(task, self._origin(request), self.engine.clock.now(), self.engine.credits_per_second)

    def _render_response(self, task: Task, request: Request) -> JSONDict:
        return response_view(task, self._origin(request), self.engine.clock.now(), self.engine.credits_per_second)

    # ------------------------------------------------------------------ responses
    async def create_response(self, request: Request) -> Response:
        body = await json_body(request)
        if body.get("stream"):
            raise ApiError.invalid("stream", "streaming is not supported by Manus; poll the response or use webhooks")
        prev = opt_str(body, "previous_response_id", "previousResponseId")
        task_id = opt_str(body, "task_id", "taskId")
        if prev is not None and task_id is not None:
            raise ApiError.invalid("previous_response_id", "use either previous_response_id or task_id, not both")
        if "input" not in body:
            raise ApiError.invalid("input", "is required")
        text, files, system = self._input(body["input"])
        profile = profile_arg(body, "agent_profile", "agentProfile")
        model = body.get("model")
        if profile is None and isinstance(model, str) and model in PROFILES:
            profile = PROFILES[model]  # LiteLLM sends the profile as ``model``
        mode = task_mode_arg(body, "task_mode", "taskMode")
        metadata = body.get("metadata")
        if metadata is not None and (
            not isinstance(metadata, dict) or not all(isinstance(v, str) for v in metadata.values())
        ):
            raise ApiError.invalid("metadata", "must be an object of string values")
        instructions = opt_str(body, "instructions")
        if system is not None:
            instructions = f"{instructions}\n{system}" if instructions else system
        shareable = opt_bool(body, "create_shareable_link", "createShareableLink")
        hidden = opt_bool(body, "hide_in_task_list", "hideInTaskList")
        interactive = opt_bool(body, "interactive_mode", "interactiveMode")
        locale = opt_str(body, "locale")
        connectors = str_list(body, "connectors")
        project_id = self._project(body, "project_id", "projectId")
        files += self._attachments(body)
        existing = prev or task_id
        if existing is not None:
            task = self.engine.continue_task(existing, prompt=text, attachments=files, profile=profile)
        else:
            task = self.engine.create_task(
                prompt=text,
                profile=profile or DEFAULT_PROFILE,
                task_mode=mode,
                attachments=files,
                locale=locale,
                project_id=project_id,
                instructions=instructions,
                hidden=bool(hidden),
                shareable=bool(shareable),
                interactive=bool(interactive),
                connectors=connectors,
                metadata=cast("dict[str, str] | None", metadata),
            )
        return json_response(self._render_response(task, request))

    async def get_response(self, request: Request) -> Response:
        task = self.engine.get(request.path_params["id"], poll=True)
        return json_response(self._render_response(task, request))

    async def delete_task(self, request: Request) -> Response:
        task_id = request.path_params["id"]
        self.engine.delete(task_id)
        return json_response({"id": task_id, "object": "task.deleted", "deleted": True})

    # ------------------------------------------------------------------ tasks
    _TASK_FIELDS = frozenset(
        {
            "prompt",
            "agentProfile",
            "taskMode",
            "attachments",
            "connectors",
            "hideInTaskList",
            "createShareableLink",
            "taskId",
            "projectId",
            "interactiveMode",
            "locale",
        }
    )

    async def create_task(self, request: Request) -> Response:
        body = await json_body(request)
        if self.strict:
            reject_unknown(body, set(self._TASK_FIELDS))
        prompt = opt_str(body, "prompt")
        if prompt is None or not prompt.strip():
            raise ApiError.invalid("prompt", "is required and must be a non-empty string")
        profile = profile_arg(body, "agentProfile", "agent_profile")
        mode = task_mode_arg(body, "taskMode", "task_mode")
        attachments = self._attachments(body)
        connectors = str_list(body, "connectors", "connector_ids")
        hidden = opt_bool(body, "hideInTaskList", "hide_in_task_list")
        shareable = opt_bool(body, "createShareableLink", "create_shareable_link")
        interactive = opt_bool(body, "interactiveMode", "interactive_mode")
        locale = opt_str(body, "locale")
        project_id = self._project(body, "projectId", "project_id")
        opt_str(body, "mode")  # legacy quickstart field: accepted and ignored
        task_id = opt_str(body, "taskId", "task_id")
        if task_id is not None:
            task = self.engine.continue_task(task_id, prompt=prompt, attachments=attachments, profile=profile)
        else:
            task = self.engine.create_task(
                prompt=prompt,
                profile=profile or DEFAULT_PROFILE,
                task_mode=mode,
                attachments=attachments,
                locale=locale,
                project_id=project_id,
                hidden=bool(hidden),
                shareable=bool(shareable),
                interactive=bool(interactive),
                connectors=connectors,
            )
        return json_response(task_ref_view(task))

    async def get_task(self, request: Request) -> Response:
        convert = request.query_params.get("convert")
        if convert is not None and convert not in ("true", "false", "1", "0"):
            raise ApiError.invalid("convert", "must be a boolean")
        task = self.engine.get(request.path_params["id"], poll=True)
        return json_response(self._render_task(task, request))

    async def update_task(self, request: Request) -> Response:
        body = await json_body(request)
        if self.strict:
            reject_unknown(body, {"title", "enableShared", "enableVisibleInTaskList"})
        title = opt_str(body, "title")
        if title is not None and not title.strip():
            raise ApiError.invalid("title", "must not be empty")
        shared = opt_bool(body, "enableShared", "enable_shared")
        visible = opt_bool(body, "enableVisibleInTaskList", "enable_visible_in_task_list")
        task = self.engine.update(request.path_params["id"], title=title, shared=shared, visible=visible)
        return json_response(task_ref_view(task))

    async def list_tasks(self, request: Request) -> Response:
        params = request.query_params

        def one(*names: str) -> tuple[str, str | None]:
            for name in names:
                values = params.getlist(name)
                if values:
                    return name, values[-1]
            return names[0], None

        def integer(name: str, raw: str | None) -> int | None:
            if raw is None or raw == "":
                return None
            try:
                return int(raw)
            except ValueError:
                raise ApiError.invalid(name, f"must be an integer, got {raw!r}") from None

        name, raw = one("limit")
        limit = integer(name, raw)
        if limit is None:
            limit = 100
        if not 1 <= limit <= 1000:
            raise ApiError.invalid("limit", f"must be between 1 and 1000, got {limit}")
        name, order = one("order")
        if order not in (None, "asc", "desc"):
            raise ApiError.invalid("order", f"must be 'asc' or 'desc', got {order!r}")
        name, order_by = one("orderBy", "order_by")
        if order_by not in (None, "created_at", "updated_at"):
            raise ApiError.invalid(name, f"must be 'created_at' or 'updated_at', got {order_by!r}")
        statuses = params.getlist("status") + params.getlist("status[]")
        for status in statuses:
            if status not in ("pending", "running", "completed", "failed"):
                raise ApiError.invalid(
                    "status", f"unknown status {status!r}; use pending, running, completed or failed"
                )
        after_name, after_raw = one("createdAfter", "created_after")
        before_name, before_raw = one("createdBefore", "created_before")
        _, after = one("after")
        _, query = one("query")
        q = ListQuery(
            after=after or None,
            limit=limit,
            order=cast("Literal['asc', 'desc']", order or "desc"),
            order_by=cast("Literal['created_at', 'updated_at']", order_by or "created_at"),
            query=query or None,
            statuses=frozenset(statuses),
            created_after=integer(after_name, after_raw),
            created_before=integer(before_name, before_raw),
        )
        page, has_more = self.engine.list_tasks(q)
        origin = self._origin(request)
        now = self.engine.clock.now()
        rate = self.engine.credits_per_second
        return json_response(
            {
                "object": "list",
                "data": [task_view(t, origin, now, rate) for t in page],
                "first_id": page[0].id if page else None,
                "last_id": page[-1].id if page else None,
                "has_more": has_more,
            }
        )

    # ------------------------------------------------------------------ projects
    async def create_project(self, request: Request) -> Response:
        body = await json_body(request)
        if self.strict:
            reject_unknown(body, {"name", "instruction"})
        name = opt_str(body, "name")
        if name is None or not name.strip():
            raise ApiError.invalid("name", "is required and must be a non-empty string")
        instruction = opt_str(body, "instruction")
        return json_response(project_view(self.engine.create_project(name, instruction)))

    async def list_projects(self, request: Request) -> Response:
        raw = request.query_params.get("limit", "100")
        try:
            limit = int(raw)
        except ValueError:
            raise ApiError.invalid("limit", f"must be an integer, got {raw!r}") from None
        if not 1 <= limit <= 1000:
            raise ApiError.invalid("limit", f"must be between 1 and 1000, got {limit}")
        return json_response({"data": [project_view(p) for p in self.engine.list_projects(limit)]})

    # ------------------------------------------------------------------ files
    async def create_file(self, request: Request) -> Response:
        body = await json_body(request)
        filename = opt_str(body, "filename", "file_name", "fileName")
        if filename is None or not filename.strip():
            raise ApiError.invalid("filename", "is required and must be a non-empty string")
        stored = self.engine.create_file(filename)
        return json_response(file_view(stored, self.engine.clock.now(), origin=self._origin(request)))

    async def multipart_upload(self, request: Request) -> Response:
        content_type = request.headers.get("content-type", "")
        if not content_type.startswith("multipart/form-data"):
            raise ApiError.invalid("file", "send multipart/form-data with a 'file' field")
        try:
            form = await request.form()
        except Exception as exc:  # malformed multipart bodies raise several parser errors
            raise ApiError.invalid("file", f"malformed multipart body ({type(exc).__name__})") from exc
        try:
            upload = form.get("file")
            if upload is None or isinstance(upload, str):
                raise ApiError.invalid("file", "a file part named 'file' is required")
            content = await upload.read()
            stored = self.engine.create_file(upload.filename or "upload", content)
        finally:
            await form.close()
        view = file_view(stored, self.engine.clock.now())
        return json_response({"file_id": stored.id, **view})

    async def list_files(self, request: Request) -> Response:
        now = self.engine.clock.now()
        files = self.engine.recent_files(10)
        after = request.query_params.get("after")
        if after:
            # Undocumented, but the OpenAI SDK's auto-pagination sends the last id as ``after``:
            # answering "nothing older" ends its loop instead of repeating the same page forever.
            ids = [f.id for f in files]
            files = files[ids.index(after) + 1 :] if after in ids else []
        return json_response({"object": "list", "data": [file_view(f, now) for f in files]})

    async def get_file(self, request: Request) -> Response:
        stored = self.engine.get_file(request.path_params["id"])
        return json_response(file_view(stored, self.engine.clock.now()))

    async def delete_file(self, request: Request) -> Response:
        file_id = request.path_params["id"]
        self.engine.delete_file(file_id)
        return json_response({"id": file_id, "object": "file.deleted", "deleted": True})

    async def presigned_put(self, request: Request) -> Response:
        token = request.query_params.get("X-Amz-Signature", "")
        content = await request.body()
        try:
            self.engine.upload(request.path_params["id"], token, content)
        except ApiError as exc:  # S3 answers presigned-URL problems with XML, not the API's JSON
            code = exc.v2 if exc.v2 in ("EntityTooLarge", "QuotaExceededError") else "AccessDenied"
            xml = (
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                f"<Error><Code>{code}</Code><Message>{exc.message}</Message></Error>"
            )
            return Response(xml, status_code=exc.status, media_type="application/xml")
        return Response(b"", status_code=200, headers={"ETag": '"emulated"'})

    async def file_content(self, request: Request) -> Response:
        task = self.engine.tasks.get(request.path_params["task"])
        entry = task.contents.get(request.path_params["name"]) if task else None
        if entry is None:
            raise ApiError.not_found("file not found or has been deleted")
        mime, content = entry
        return Response(content, media_type=mime)

    # ------------------------------------------------------------------ webhooks
    async def create_webhook(self, request: Request) -> Response:
        body = await json_body(request)
        wrapped = body.get("webhook")
        if wrapped is not None:
            if not isinstance(wrapped, dict):
                raise ApiError.invalid("webhook", 'must be an object like {"url": "https://..."}')
            url, field_name = wrapped.get("url"), "webhook.url"
        else:
            url, field_name = body.get("url"), "webhook.url" if "url" not in body else "url"
        if url is None:
            raise ApiError.invalid("webhook.url", "is required")
        url = check_url(url, field_name)
        hook = self.engine.add_webhook(url)
        if self.webhook_activation == "require":
            problem = await self.webhooks.activate(hook)
            if problem is not None:
                self.engine.remove_webhook(hook.id)
                raise ApiError.invalid(field_name, problem)
        elif self.webhook_activation == "best_effort":
            self.webhooks.queue_activation(hook)
        self.webhooks.start_ticker()
        return json_response({"webhook_id": hook.id})

    async def delete_webhook(self, request: Request) -> Response:
        self.engine.remove_webhook(request.path_params["id"])
        return Response(status_code=204)

    async def public_key(self, request: Request) -> Response:
        view = await asyncio.get_running_loop().run_in_executor(None, self.webhooks.public_key_view)
        return json_response(view)
