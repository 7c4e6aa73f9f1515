"""The Responses bridge: a Manus task seen through OpenAI's Responses contract.

One concept, pure functions shared by the sync and async resources (and, later, by a v2 backend):

* ``_snapshot`` — one read of a task (``Snapshot``), whatever surface it came from;
* ``_turns`` — turns, statuses in OpenAI's vocabulary, this turn's output, the OpenAI Response object;
* ``_folding`` — ``instructions=`` and ``system`` / ``developer`` / ``assistant`` messages folded into the
  one user message Manus receives; a fork's history;
* ``_arguments`` — the argument table (bridged / sent / ignored / refused) and the ``model=`` mapping;
* ``_plan`` — what a ``create`` call becomes before any I/O; continue or fork;
* ``_items`` — ``input_items.list`` pages;
* ``_v2snapshot`` — ``snapshot_from_v2``: ``task.detail`` + the event log as a ``Snapshot`` (messages,
  notes, fields, v2 statuses); ``_v2plan`` — ``v2_call``: a plan as ``task.create`` / ``task.sendMessage``;
* ``_structured`` — ``responses.parse`` / ``text.format`` json_schema (structured outputs, v2);
* ``_events`` — a turn as OpenAI Responses stream events (``stream=True``, ``responses.stream``);
* ``_backend`` — the backend seam; the I/O of each backend is ``resources/_responses_io`` (``responses_backend``).

Ids are ``manus_openai._ids`` turn ids (``"{task_id}~{n}"``).
"""

from __future__ import annotations

from ._arguments import AGENT_TOOLS, ARGUMENTS, check_arguments, model_profile
from ._backend import AsyncBackend, Backend
from ._events import TERMINAL_EVENTS, stream_events
from ._folding import LABELS, fold_history, fold_input
from ._items import input_items, page_slice
from ._plan import (
    FORK_POLICIES,
    RESPONSES_BACKENDS,
    RESPONSES_VIEWS,
    STREAM_MESSAGE,
    CreatePlan,
    ForkPolicy,
    ResponsesBackend,
    ResponsesView,
    cast_headers,
    continuation,
    plan_create,
    prepare_create,
    total_timeout,
    unknown_turn,
)
from ._snapshot import Message, Note, Snapshot, snapshot_from_v1
from ._turns import ACTIVE_STATUSES, WAITING_FOR_USER, openai_response, openai_status, turn_done
from ._v2plan import V2Call, v2_call
from ._v2snapshot import sent_snapshot, snapshot_from_v2

__all__ = [
    "ACTIVE_STATUSES",
    "AGENT_TOOLS",
    "ARGUMENTS",
    "FORK_POLICIES",
    "LABELS",
    "RESPONSES_BACKENDS",
    "RESPONSES_VIEWS",
    "STREAM_MESSAGE",
    "TERMINAL_EVENTS",
    "WAITING_FOR_USER",
    "AsyncBackend",
    "Backend",
    "CreatePlan",
    "ForkPolicy",
    "Message",
    "Note",
    "ResponsesBackend",
    "ResponsesView",
    "Snapshot",
    "V2Call",
    "cast_headers",
    "check_arguments",
    "continuation",
    "fold_history",
    "fold_input",
    "input_items",
    "model_profile",
    "openai_response",
    "openai_status",
    "page_slice",
    "plan_create",
    "prepare_create",
    "sent_snapshot",
    "snapshot_from_v1",
    "snapshot_from_v2",
    "stream_events",
    "total_timeout",
    "turn_done",
    "unknown_turn",
    "v2_call",
]
