"""Helpers shared by ``ManusResponses`` and ``AsyncManusResponses``: translation of one read, the typed
errors of the OpenAI view, and the poll object ``_waiting`` reads. No I/O here."""

from __future__ import annotations

from typing import Any

import httpx
from openai import NotFoundError

from .. import _bridge
from .._bridge import CreatePlan, Snapshot
from .._compat import Headers, NotGiven
from .._ids import task_id_of
from ..errors import ResponseTimeoutError, UnsupportedArgumentError
from ..types.response import ManusResponse
from ._responses_io import Read

_RAW = {_bridge._plan.RAW_RESPONSE_HEADER: "true"}


def _raw_headers() -> Headers:
    return _bridge.cast_headers(_RAW)


def _translate(snapshot: Snapshot, turn: int, plan: CreatePlan | None, request_id: object = None) -> ManusResponse:
    context: dict[str, Any] = {}
    if plan is not None:
        context = {
            "background": plan.background,
            "instructions": plan.instructions,
            "previous_response_id": plan.previous_response_id,
        }
    response = ManusResponse.construct(**_bridge.openai_response(snapshot, turn, **context))
    if isinstance(request_id, str):
        response._request_id = request_id
    return response


def _settings(client: object) -> tuple[Any, Any, Any]:
    """The client's ``forks`` and ``stop_events`` (a plain OpenAI client has neither)."""
    return getattr(client, "forks", "new_task"), getattr(client, "stop_events", None), None


def _http_timeout(plan: CreatePlan) -> Any:
    """The caller's per-request ``timeout`` for the reads of a blocking create (None: the client's)."""
    value = plan.sdk_kwargs.get("timeout")
    return None if isinstance(value, NotGiven) else value


def _turn_of(snapshot: Snapshot, turn: int | None) -> int:
    return turn if turn is not None else max(snapshot.turn_count, 1)


def _not_found(base_url: httpx.URL, task: str, turn: int, latest: int) -> NotFoundError:
    request = httpx.Request("GET", f"{str(base_url).rstrip('/')}/responses/{task}")
    message = _bridge.unknown_turn(task, turn, latest)
    return NotFoundError(message, response=httpx.Response(404, request=request), body={"message": message})


def _timeout_error(base_url: httpx.URL, response_id: str, last: ManusResponse | None, waited: float) -> Exception:
    request = httpx.Request("GET", f"{str(base_url).rstrip('/')}/responses/{task_id_of(response_id)}")
    status = last.status if last is not None else "unknown"
    return ResponseTimeoutError(
        f"response {response_id} still {status} after {waited:.1f}s (the call's timeout); the task keeps "
        f"running: client.responses.retrieve({response_id!r}) or .wait({response_id!r}) picks it up",
        request=request, response_id=response_id, response=last, waited=waited,
    )  # fmt: skip


def _cancelled(after: Snapshot, turn: int) -> ManusResponse:
    body = _bridge.openai_response(after, turn)
    if body["status"] in _bridge.ACTIVE_STATUSES or body["status"] in ("incomplete", "cancelled"):
        body["status"] = "cancelled"
        body["incomplete_details"] = None
    return ManusResponse.construct(**body)


def _needs_stop(before: Snapshot, turn: int) -> bool:
    return turn >= before.turn_count and _bridge.openai_status(before, turn) in ("queued", "in_progress", "incomplete")


class _Polled:
    """One poll for ``_waiting``: the read's headers (rate-limit hints) and the translated turn."""

    def __init__(self, read: Read, turn: int | None, plan: CreatePlan | None) -> None:
        self.read, self._turn, self._plan = read, turn, plan
        self.headers = read.headers

    def parse(self, *, to: object = None) -> ManusResponse:
        snapshot = self.read.snapshot
        return _translate(snapshot, _turn_of(snapshot, self._turn), self._plan, self.read.request_id)


def _refuse_manus_view(view: str) -> None:
    if view == "manus":
        raise UnsupportedArgumentError(
            "responses.parse works in the OpenAI view; this client has responses_view='manus' (the raw v1 "
            "objects): use client.with_options(responses_view='openai').responses.parse(...)",
            argument="responses_view",
        )
