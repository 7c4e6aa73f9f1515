"""What ``organization=``, ``project=`` and ``webhook_secret=`` (the ``openai.OpenAI`` keywords) mean on Manus.

* ``project="proj_..."``: Manus has projects (``client.projects``; a project's instruction applies to every
  task created in it), so ``project=`` is the client's default project: every *new* task it creates --
  ``responses.create`` / ``create_and_wait`` (``project_id``), ``tasks.create`` (``projectId``) and the v2
  ``task.create`` (``project_id``) -- is created in that project unless the call names a project itself.
  A call that continues a task (``task_id`` / ``previous_response_id`` / ``taskId``) is left alone: the
  task already has its project. ``client.project`` reads it back; ``copy()`` / ``with_options()`` keep it.
  (Choice: the docs are silent on defaults; this is what OpenAI's ``project=`` scoping would suggest.)
* ``organization=``: Manus has no organizations (a key belongs to its user's account), so a value is
  refused with ``UnsupportedOptionError`` rather than silently ignored.
* ``webhook_secret=``: Manus signs webhook deliveries with RSA-SHA256 and a public key
  (``client.webhooks.public_key()``), never with a shared secret, so a value is refused with
  ``UnsupportedOptionError`` naming what to use instead.

``OPENAI_ORG_ID``, ``OPENAI_PROJECT_ID`` and ``OPENAI_WEBHOOK_SECRET`` stay ignored: they belong to OpenAI.

Example::

    client = ManusOpenAI(project="proj_abc123")
    client.responses.create(input="Draft the Q3 report")  # sent with "project_id": "proj_abc123"
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from typing import Any

from ._compat import FinalRequestOptions, model_copy
from ._options import check_str
from .errors import UnsupportedOptionError

__all__ = ["PROJECT_KEYS", "check_openai_settings", "with_default_project"]

PROJECT_KEYS: Mapping[str, tuple[str, tuple[str, ...]]] = {
    "responses": ("project_id", ("project_id", "projectId", "task_id", "previous_response_id")),
    "tasks": ("projectId", ("projectId", "project_id", "taskId", "task_id")),
    "v2/task.create": ("project_id", ("project_id",)),  # on a /v1 base URL
    "task.create": ("project_id", ("project_id",)),  # on a /v2 base URL (elsewhere it is refused first)
}
"""Create path -> (the body key of its project, the body keys that, when set, leave the body alone: a
project of its own, or a task being continued)."""

_REFUSED = {
    "organization": "Manus has no organizations: an API key belongs to its user's account, so there is "
    "nothing to select. Remove organization= (OPENAI_ORG_ID is ignored as well).",
    "webhook_secret": "Manus signs webhooks with RSA-SHA256 and a public key, not a shared secret: verify "
    "deliveries with client.webhooks.unwrap(body, headers, url=...) (it fetches the key from GET "
    "/v1/webhook/public_key) or manus_openai.webhooks.verify_signature(..., public_key=...). Remove "
    "webhook_secret= (OPENAI_WEBHOOK_SECRET is ignored as well).",
}


def check_openai_settings(kwargs: MutableMapping[str, Any]) -> str | None:
    """Refuse the settings Manus has no use for and return the ``project=`` default (validated).

    ``None`` values are what ``copy()`` passes along and are removed from ``kwargs`` (``webhook_secret``
    does not exist before openai 1.92).
    """
    for name, why in _REFUSED.items():
        if kwargs.get(name) is not None:
            raise UnsupportedOptionError(f"{name}= has no meaning on Manus. {why}", option=name)
        kwargs.pop(name, None)
    project = kwargs.pop("project", None)
    return None if project is None else check_str("project", project)


def with_default_project(options: FinalRequestOptions, path: str | None, project: str) -> FinalRequestOptions:
    """``options`` with ``project`` in the body of a task-creating POST that names no project of its own."""
    spec = PROJECT_KEYS.get(path) if path is not None else None
    body = options.json_data
    if spec is None or not isinstance(body, Mapping):
        return options
    key, leave_alone = spec
    extra = options.extra_json or {}
    if any(name in body or name in extra for name in leave_alone):
        return options
    options = model_copy(options)
    options.json_data = {**body, key: project}  # a new dict: the caller's body is never changed
    return options
