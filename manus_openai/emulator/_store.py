"""The engine's state: one lock, ids, the task/project/file/webhook dicts and listeners.

``Store`` also holds projects, files and webhooks; ``_lifecycle.Lifecycle`` adds the task state
machine on top and ``_engine.Engine`` listing and seeding.
"""

from __future__ import annotations

import bisect
import random
import threading
from collections.abc import Callable

from ._clock import Clock
from ._errors import ApiError
from ._model import _BASE62, UPLOAD_URL_TTL, Project, Scenario, StoredFile, Task, TaskEvent, Webhook

__all__ = ["FILE_SIZE_LIMIT", "OWNER", "STORAGE_LIMIT", "Store"]

FILE_SIZE_LIMIT = 512 * 1024 * 1024  # per file (manus-api.md §6.12)
STORAGE_LIMIT = 10 * 1024**3  # per account (§6.12)
OWNER = {"user_id": "user_emulator", "user_name": "Emulator user", "email": "user@example.com"}
"""The account owner: the API key's user (a team's admin)."""


class Store:
    """The emulator's in-memory state: tasks, projects, files, webhooks. Thread-safe (one lock)."""

    def __init__(
        self,
        *,
        clock: Clock,
        seed: int = 0,
        defaults: Scenario,
        credits_per_second: float = 1.0,
        credit_limit: int | None = None,
        credit_limit_status: int = 429,
    ) -> None:
        self.clock = clock
        self.lock = threading.RLock()
        self.defaults = defaults
        self.credits_per_second = credits_per_second
        self.credit_limit = credit_limit
        self.credit_limit_status = credit_limit_status
        self._rng = random.Random(seed)
        self._seq = 0
        self.tasks: dict[str, Task] = {}
        self._gone: dict[str, tuple[float, float, int]] = {}  # deleted id -> (created, updated, seq)
        self._created_keys: list[tuple[float, int]] = []
        self._created_ids: list[str] = []
        self._updated_cache: tuple[int, list[tuple[float, int]], list[str]] | None = None
        self._version = 0
        self._active: set[str] = set()
        self._credits_spent_done = 0
        self.projects: dict[str, Project] = {}
        self.files: dict[str, StoredFile] = {}
        self.webhooks: dict[str, Webhook] = {}
        self.file_size_limit = FILE_SIZE_LIMIT
        self.storage_limit = STORAGE_LIMIT
        self.listeners: list[Callable[[TaskEvent], None]] = []
        self.websites: dict[str, str] = {}  # website id -> task id
        # deleted task id -> (created_at, credits, user_id)
        self.deleted_usage: dict[str, tuple[float, int, str | None]] = {}
        self.members: dict[str, dict[str, str]] = {OWNER["user_id"]: dict(OWNER)}  # team members by user_id

    # ------------------------------------------------------------------ ids and events
    def new_id(self, prefix: str = "", length: int = 22) -> str:
        with self.lock:
            return prefix + self._rng.randbytes(length).translate(_BASE62).decode()

    def token(self) -> str:
        with self.lock:
            return f"{self._rng.getrandbits(128):032x}"

    def _emit(self, event: TaskEvent) -> None:
        for listener in list(self.listeners):
            listener(event)

    # ------------------------------------------------------------------ projects, files, webhooks
    def _index_created(self, task: Task) -> None:
        key = (task.created_at, task.seq)
        if not self._created_keys or key > self._created_keys[-1]:
            self._created_keys.append(key)
            self._created_ids.append(task.id)
        else:
            i = bisect.bisect_left(self._created_keys, key)
            self._created_keys.insert(i, key)
            self._created_ids.insert(i, task.id)
        self._version += 1

    def create_project(self, name: str, instruction: str | None) -> Project:
        with self.lock:
            project = Project(self.new_id("proj_", 16), name, instruction, self.clock.now())
            self.projects[project.id] = project
            return project

    def list_projects(self, limit: int) -> list[Project]:
        with self.lock:
            ordered = sorted(reversed(self.projects.values()), key=lambda p: p.created_at, reverse=True)
            return ordered[:limit]

    def storage_used(self) -> int:
        """Bytes of every file not yet expired or deleted."""
        with self.lock:
            now = self.clock.now()
            return sum(
                len(f.content) for f in self.files.values() if f.content is not None and f.status(now) != "deleted"
            )

    def create_file(self, filename: str, content: bytes | None = None) -> StoredFile:
        with self.lock:
            now = self.clock.now()
            stored = StoredFile(self.new_id("file-", 16), filename, now, self.token())
            if content is not None:
                stored.content = content
                stored.uploaded_at = now
            self.files[stored.id] = stored
            return stored

    def get_file(self, file_id: str) -> StoredFile:
        with self.lock:
            stored = self.files.get(file_id)
            if stored is None:
                raise ApiError.not_found("file not found or has been deleted")
            if stored.status(self.clock.now()) == "deleted":
                stored.content = None  # the bytes are gone after 48 h; the record says "deleted"
            return stored

    def delete_file(self, file_id: str) -> None:
        with self.lock:
            self.get_file(file_id)
            del self.files[file_id]

    def recent_files(self, n: int = 10) -> list[StoredFile]:
        with self.lock:
            ordered = sorted(reversed(self.files.values()), key=lambda f: f.created_at, reverse=True)[:n]
            for stored in ordered:
                self.get_file(stored.id)
            return ordered

    def upload(self, file_id: str, token: str, content: bytes) -> None:
        with self.lock:
            stored = self.files.get(file_id)
            now = self.clock.now()
            if stored is None or token != stored.upload_token:
                raise ApiError(403, 7, "SignatureDoesNotMatch")
            if now > stored.created_at + UPLOAD_URL_TTL:
                raise ApiError(403, 7, "Request has expired")
            if len(content) > self.file_size_limit:
                raise ApiError(400, 3, "files are limited to 512 MB", v2="EntityTooLarge")
            if self.storage_used() + len(content) > self.storage_limit:
                raise ApiError(403, 8, "the account's 10 GB of file storage is full", v2="QuotaExceededError")
            stored.content = content
            stored.uploaded_at = now

    def add_webhook(self, url: str) -> Webhook:
        with self.lock:
            hook = Webhook(self.new_id(), url, self.clock.now())
            self.webhooks[hook.id] = hook
            return hook

    def remove_webhook(self, webhook_id: str) -> None:
        with self.lock:
            if self.webhooks.pop(webhook_id, None) is None:
                raise ApiError.not_found(f"webhook not found: {webhook_id}")
