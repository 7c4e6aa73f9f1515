"""The typed Manus v2 API: ``client.v2`` on ``ManusOpenAI`` and ``AsyncManusOpenAI``.

``client.v2`` shares the client's key, transport, timeouts and retry policy; the key travels as
``x-manus-api-key`` (or an OAuth token as ``Authorization: Bearer``, see ``_transport``). Resources:
``tasks`` (with ``follow`` / ``wait`` / ``confirm`` / ``structured_result``), ``files``, ``projects``,
``webhooks``, ``browsers``, ``connectors``, ``skills``, ``agents``, ``usage``, ``websites``. Models are in
``manus_openai.types.v2``; confirmation helpers in ``manus_openai.v2.confirmations``; structured output in
``manus_openai.v2.structured``.

Example::

    from manus_openai import ManusOpenAI
    from manus_openai.v2 import confirmations

    client = ManusOpenAI()
    created = client.v2.tasks.create("Draft an e-mail to the team", interactive_mode=True)
    follower = client.v2.tasks.follow(created.task_id)
    for event in follower:
        print(event.type)
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import confirmations, structured
    from ._async_tasks import AsyncV2Tasks
    from ._files import AsyncV2Files, V2Files
    from ._follow import AsyncTaskFollower, TaskFollower
    from ._lifecycle import V2WaitTimeout
    from ._pages import AsyncCursorPage, AsyncEventPage, CursorNotAdvancingError, SyncCursorPage, SyncEventPage
    from ._params import FilePart, Message, MessageInput, Part, TextPart, VoicePart
    from ._root import V2, AsyncV2
    from ._tasks import V2Tasks
    from .confirmations import Confirmation, ConfirmationMismatchError, ConfirmInputInvalidError
    from .structured import SchemaNotStrictError, StructuredOutputError, output_schema

# Loaded on first use: the client imports the transport rules from here, and a v1-only user pays nothing.
_LAZY = {
    "V2": "._root",
    "AsyncV2": "._root",
    "AsyncCursorPage": "._pages",
    "AsyncEventPage": "._pages",
    "CursorNotAdvancingError": "._pages",
    "SyncCursorPage": "._pages",
    "SyncEventPage": "._pages",
    "TaskFollower": "._follow",
    "AsyncTaskFollower": "._follow",
    "V2WaitTimeout": "._lifecycle",
    "Confirmation": ".confirmations",
    "ConfirmInputInvalidError": ".confirmations",
    "ConfirmationMismatchError": ".confirmations",
    "SchemaNotStrictError": ".structured",
    "StructuredOutputError": ".structured",
    "output_schema": ".structured",
    "confirmations": ".confirmations",
    "structured": ".structured",
    "V2Tasks": "._tasks",
    "AsyncV2Tasks": "._async_tasks",
    "V2Files": "._files",
    "Message": "._params",
    "MessageInput": "._params",
    "Part": "._params",
    "TextPart": "._params",
    "FilePart": "._params",
    "VoicePart": "._params",
    "AsyncV2Files": "._files",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'manus_openai.v2' has no attribute {name!r}")
    import importlib

    loaded = importlib.import_module(module, __name__)
    value = loaded if name in ("confirmations", "structured") else getattr(loaded, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "V2",
    "AsyncCursorPage",
    "AsyncEventPage",
    "AsyncTaskFollower",
    "AsyncV2",
    "AsyncV2Files",
    "AsyncV2Tasks",
    "ConfirmInputInvalidError",
    "Confirmation",
    "ConfirmationMismatchError",
    "CursorNotAdvancingError",
    "FilePart",
    "Message",
    "MessageInput",
    "Part",
    "SchemaNotStrictError",
    "StructuredOutputError",
    "SyncCursorPage",
    "SyncEventPage",
    "TaskFollower",
    "TextPart",
    "V2Files",
    "V2Tasks",
    "V2WaitTimeout",
    "VoicePart",
    "confirmations",
    "output_schema",
    "structured",
]
