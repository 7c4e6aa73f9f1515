"""The v2 ``project.*``, ``file.*``, ``webhook.*``, ``browser.onlineList``, ``connector.list`` and
``skill.list`` endpoints (manus-api.md §6.11-§6.14).

Choices where the docs are silent:

* ``file.upload``: ``filename`` must have an extension; executable and script types
  (``EXECUTABLE_EXTENSIONS``) are a 400 naming ``filename``; with the account's 10 GB full it is a
  403 ``QuotaExceededError`` (the code the docs name; the status is undocumented). The presigned
  ``PUT`` (no API key, like S3) answers S3-style XML errors: ``EntityTooLarge`` (400) above
  512 MB, ``QuotaExceededError`` (403) when the bytes would overflow 10 GB, ``AccessDenied``
  (403) on a bad signature or after the URL's 3 minutes (``engine.file_size_limit`` and
  ``engine.storage_limit`` are settable for tests). Files expire 48 h after upload (``status:
  "deleted"``; a never-uploaded file 48 h after ``file.upload``); ``file.detail`` of a deleted
  id is a 404.
* ``file.delete`` / ``webhook.delete`` of an unknown id: 404 ``not_found``.
* ``webhook.create``: an absolute http(s) URL (plain http is accepted so loopback receivers work
  offline); the activation test request is the same as v1's (see ``_webhooks``). Webhooks made
  on v1 and v2 are one list; every webhook receives every event, in the §5 shapes.
* ``project.list`` / ``webhook.list`` / ``skill.list`` / ``connector.list``: no pagination (none
  documented), newest first where there is a creation time.
* ``browser.onlineList`` lists ``Emulator(browsers=...)`` (default: one online browser, so the
  ``needConnectMyBrowser`` wait can be answered with ``select``); ``connector.list`` lists the
  three connectors whose UUIDs the guides publish; ``skill.list`` a fixed official skill, plus
  one project skill when ``project_id`` names a project (unknown ids are a 400).
"""

from __future__ import annotations

import asyncio
from typing import Any, Literal

from starlette.routing import Route

from ._engine import Engine
from ._errors import ApiError
from ._http import check_url
from ._v2_http import Call, V2Surface
from ._v2_views import file_record, project_record, upload_ticket, webhook_record
from ._webhooks import WebhookService

__all__ = ["CONNECTORS", "EXECUTABLE_EXTENSIONS", "V2Resources"]

JSONDict = dict[str, Any]

EXECUTABLE_EXTENSIONS = frozenset(
    {"exe", "sh", "bat", "cmd", "com", "dmg", "msi", "app", "ps1", "vbs", "scr", "jar", "apk", "bin", "run", "pkg"}
)
CONNECTORS = [
    {
        "id": "9444d960-ab7e-450f-9cb9-b9467fb0adda",
        "name": "Gmail",
        "type": "builtin",
        "description": "Read and send email with Gmail",
        "category": "communication",
    },
    {
        "id": "dd5abf31-7ad3-4c0b-9b9a-f0a576645baf",
        "name": "Google Calendar",
        "type": "builtin",
        "description": "Read and change Google Calendar events",
        "category": "productivity",
    },
    {
        "id": "9c27c684-2f4f-4d33-8fcf-51664ea15c00",
        "name": "Notion",
        "type": "builtin",
        "description": "Read and write Notion pages",
        "category": "productivity",
    },
]


class V2Resources:
    """Handlers of projects, files, webhooks, browsers, connectors and skills."""

    def __init__(
        self,
        engine: Engine,
        webhooks: WebhookService,
        browsers: list[dict[str, str]],
        activation: Literal["require", "best_effort", "off"],
    ) -> None:
        self.engine = engine
        self.webhooks = webhooks
        self.browsers = browsers
        self.activation = activation

    def routes(self, surface: V2Surface) -> list[Route]:
        return [
            surface.route("project.create", self.project_create),
            surface.route("project.list", self.project_list),
            surface.route("file.upload", self.file_upload),
            surface.route("file.detail", self.file_detail),
            surface.route("file.delete", self.file_delete),
            surface.route("webhook.create", self.webhook_create),
            surface.route("webhook.list", self.webhook_list),
            surface.route("webhook.delete", self.webhook_delete),
            surface.route("webhook.publicKey", self.public_key),
            surface.route("browser.onlineList", self.browser_list),
            surface.route("connector.list", self.connector_list),
            surface.route("skill.list", self.skill_list),
        ]

    # ------------------------------------------------------------------ projects
    async def project_create(self, call: Call) -> JSONDict:
        name = call.need("name")
        instruction = call.text("instruction")
        return {"project": project_record(self.engine.create_project(name, instruction))}

    async def project_list(self, call: Call) -> JSONDict:
        return {"data": [project_record(p) for p in self.engine.list_projects(10**9)]}

    # ------------------------------------------------------------------ files
    async def file_upload(self, call: Call) -> JSONDict:
        filename = call.need("filename")
        stem, dot, ext = filename.rpartition(".")
        if not dot or not stem or not ext:
            raise ApiError.invalid("filename", "must have an extension (it determines the file type)")
        if ext.lower() in EXECUTABLE_EXTENSIONS:
            raise ApiError.invalid("filename", f"executable and script files (.{ext.lower()}) are not allowed")
        if self.engine.storage_used() >= self.engine.storage_limit:
            raise ApiError(403, 8, "the account's 10 GB of file storage is full", v2="QuotaExceededError")
        stored = self.engine.create_file(filename)
        return upload_ticket(stored, call.origin)

    async def file_detail(self, call: Call) -> JSONDict:
        stored = self.engine.get_file(call.need("file_id"))
        return {"file": file_record(stored, self.engine.clock.now())}

    async def file_delete(self, call: Call) -> JSONDict:
        self.engine.delete_file(call.need("file_id"))
        return {}

    # ------------------------------------------------------------------ webhooks
    async def webhook_create(self, call: Call) -> JSONDict:
        url = check_url(call.need("url"), "url")
        hook = self.engine.add_webhook(url)
        if self.activation == "require":
            problem = await self.webhooks.activate(hook)
            if problem is not None:
                self.engine.remove_webhook(hook.id)
                raise ApiError.invalid("url", problem)
        elif self.activation == "best_effort":
            self.webhooks.queue_activation(hook)
        self.webhooks.start_ticker()
        return {"webhook": webhook_record(hook)}

    async def webhook_list(self, call: Call) -> JSONDict:
        hooks = sorted(self.engine.webhooks.values(), key=lambda h: h.created_at, reverse=True)
        return {"data": [webhook_record(h) for h in hooks]}

    async def webhook_delete(self, call: Call) -> JSONDict:
        self.engine.remove_webhook(call.need("webhook_id"))
        return {}

    async def public_key(self, call: Call) -> JSONDict:
        pem = await asyncio.get_running_loop().run_in_executor(None, self.webhooks.public_key_pem)
        return {"public_key": pem, "algorithm": "RSA-SHA256"}

    # ------------------------------------------------------------------ browsers, connectors, skills
    async def browser_list(self, call: Call) -> JSONDict:
        return {"data": [dict(b) for b in self.browsers]}

    async def connector_list(self, call: Call) -> JSONDict:
        return {"data": [dict(c) for c in CONNECTORS]}

    async def skill_list(self, call: Call) -> JSONDict:
        project_id = call.text("project_id")
        created = 1_735_689_600  # 2025-01-01, the official skill's fixed date
        skills: list[JSONDict] = [
            {
                "id": "skill_official_research",
                "name": "Deep research",
                "description": "Research a topic across many sources and cite them",
                "owner_type": "official",
                "creator_info": {"user_id": "manus", "name": "Manus"},
                "created_at": created,
                "updated_at": created,
            }
        ]
        if project_id is not None:
            project = self.engine.projects.get(project_id)
            if project is None:
                raise ApiError.invalid("project_id", f"project {project_id!r} not found")
            skills.append(
                {
                    "id": f"skill_{project.id}",
                    "name": f"{project.name} instructions",
                    "description": project.instruction or "",
                    "owner_type": "project",
                    "creator_info": {"user_id": "user_emulator", "name": "Emulator user"},
                    "created_at": int(project.created_at),
                    "updated_at": int(project.created_at),
                }
            )
        return {"data": skills}
