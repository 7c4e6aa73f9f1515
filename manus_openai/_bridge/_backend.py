"""The seam between the bridge and a Manus surface, and the v2 calls the v1 surface lacks.

A backend reads a task as a ``Snapshot`` and starts, continues and stops turns; the client's
``responses_backend`` picks one (``resources/_responses_io``): v2 (the default: ``task.create`` /
``task.detail`` + ``task.listMessages`` (``snapshot_from_v2``) / ``task.sendMessage`` / ``task.stop`` /
``task.delete``) or v1 (the SDK's own ``/v1/responses`` calls). Both implement ``Backend`` /
``AsyncBackend``. The translation in ``_turns`` never looks at the transport.

v1 has no way to stop a task, so on the v1 backend ``responses.cancel`` sends v2 ``POST /v2/task.stop`` with
the v1 task id.
**The docs only imply that v1 Responses ids and v2 task ids are the same space** (manus-api.md §1.2:
the compat guide passes a Responses id as ``task_id``; v2 ``task.list`` lists v1-created tasks); this
library relies on that inference. The call is the client's own ``client.v2.tasks.stop`` (same host as
``base_url``, the key in ``x-manus-api-key`` or the OAuth token, v2 envelope errors typed).
"""

from __future__ import annotations

from typing import Protocol

from ._snapshot import Snapshot

__all__ = ["AsyncBackend", "Backend"]


class Backend(Protocol):
    """What the bridge needs from a Manus surface (sync)."""

    def snapshot(self, task_id: str) -> Snapshot:
        """Read the task."""
        ...

    def stop(self, task_id: str) -> None:
        """Stop the task's running turn."""
        ...


class AsyncBackend(Protocol):
    """The async twin of ``Backend``."""

    async def snapshot(self, task_id: str) -> Snapshot:
        """Read the task."""
        ...

    async def stop(self, task_id: str) -> None:
        """Stop the task's running turn."""
        ...
