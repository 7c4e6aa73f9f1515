"""What a ``responses.create`` call becomes, decided before any I/O: pure functions shared by sync and async.

``prepare_create`` is the request both views send (Manus options validated, ``input`` normalised, the
``ManusResponse`` cast); ``plan_create`` adds the OpenAI view's bridging on top (argument table, model
mapping, role folding, ``background`` and ``timeout``, turn ids in ``previous_response_id``);
``continuation`` decides, from one read of the task, whether a ``previous_response_id`` continues the task
or forks it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal, Union, cast

import httpx

from .._compat import NOT_GIVEN, OVERRIDE_CAST_TO_HEADER, Headers, NotGiven
from .._ids import split_turn_id, task_id_of, turn_id
from .._options import MANUS_OPTION_NAMES, build_manus_body, check_continuation, normalize_input
from ..errors import ForkRefusedError, StreamingNotSupportedError, UnsupportedArgumentError
from ..types.response import ManusResponse
from ..v2.structured import output_schema
from ._arguments import check_arguments, model_profile
from ._folding import fold_history, fold_input
from ._snapshot import Snapshot

__all__ = [
    "RAW_RESPONSE_HEADER",
    "RESPONSES_BACKENDS",
    "STREAM_MESSAGE",
    "CreatePlan",
    "ForkPolicy",
    "ResponsesBackend",
    "ResponsesView",
    "cast_headers",
    "continuation",
    "plan_create",
    "prepare_create",
    "total_timeout",
]

ResponsesBackend = Literal["v2", "v1"]
"""``responses_backend``: the Manus surface ``client.responses`` runs on (``"v2"``, the default, or ``"v1"``)."""
RESPONSES_BACKENDS: tuple[str, ...] = ("v2", "v1")
ResponsesView = Literal["openai", "manus"]
"""``responses_view``: ``"openai"`` (OpenAI's Responses contract) or ``"manus"`` (the raw Manus objects)."""
ForkPolicy = Literal["new_task", "refuse"]
"""``forks``: what ``previous_response_id`` naming an older turn does."""

RESPONSES_VIEWS: tuple[str, ...] = ("openai", "manus")
FORK_POLICIES: tuple[str, ...] = ("new_task", "refuse")
RAW_RESPONSE_HEADER = "X-Stainless-Raw-Response"  # what with_raw_response / with_streaming_response inject

STREAM_MESSAGE = (
    "streaming follows OpenAI's Responses contract: it is not available with responses_view='manus' (the raw "
    "Manus objects). Use the default responses_view='openai' (create(stream=True), responses.stream()), or "
    "create with background=True and call client.responses.wait(response.id), or receive its task_stopped webhook."
)
"""Why ``stream=True`` is refused in the raw Manus view (the OpenAI view streams: ``resources.response_streams``)."""


def cast_headers(extra_headers: Headers | None) -> Headers:
    """``extra_headers`` plus the SDK's cast override, so the SDK builds a ``ManusResponse``."""
    return {**(extra_headers or {}), OVERRIDE_CAST_TO_HEADER: cast(Any, ManusResponse)}


def prepare_create(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Validate a ``create`` call and return the keyword arguments for the SDK's own ``create``."""
    manus_options = {name: kwargs.pop(name) for name in MANUS_OPTION_NAMES if name in kwargs}
    if kwargs.get("stream") is True:
        raise StreamingNotSupportedError(STREAM_MESSAGE)
    extra_body = kwargs.pop("extra_body", None)
    if extra_body is not None and not isinstance(extra_body, dict):
        raise TypeError(f"extra_body must be a dict, got {type(extra_body).__name__}")
    body = build_manus_body(manus_options)
    if extra_body:
        # Seed-style code passes the same options in extra_body: validate them too, and refuse to let
        # one silently override a different keyword-argument value.
        from_extra = build_manus_body({k: v for k, v in extra_body.items() if k in MANUS_OPTION_NAMES})
        for name, value in from_extra.items():
            if name in body and body[name] != value:
                raise ValueError(
                    f"{name} is given twice with different values: {body[name]!r} and extra_body {value!r}"
                )
        body = {**body, **extra_body}
    given_task = body.get("task_id")
    if isinstance(given_task, str):
        body["task_id"] = task_id_of(given_task)  # a turn id names its task
    check_continuation(body.get("task_id"), kwargs.get("previous_response_id"))
    if "input" not in kwargs:
        raise TypeError("responses.create() needs input= (a prompt string or a list of messages)")
    kwargs["input"] = normalize_input(kwargs["input"])
    kwargs.setdefault("model", NOT_GIVEN)  # openai<1.70 declares model required; Manus does not need it
    kwargs["extra_body"] = body or None
    kwargs["extra_headers"] = cast_headers(kwargs.get("extra_headers"))
    return kwargs


@dataclass(frozen=True)
class CreatePlan:
    """A ``create`` call in the OpenAI view, decided before sending anything."""

    sdk_kwargs: dict[str, Any]
    """What the SDK's ``create`` receives (input already folded)."""
    background: bool
    timeout: float | None
    """Seconds the whole call may take (None: no limit)."""
    instructions: str | None
    previous_response_id: str | None
    """What the caller passed (echoed on the response)."""
    check_turn: tuple[str, int] | None
    """``(task_id, turn)`` when ``previous_response_id`` names a turn: read the task to continue or fork."""
    new_input: object
    """The caller's ``input`` (a fork folds it again after the history)."""
    raw: bool
    """``with_raw_response.create``: hand back the HTTP response of the final read."""
    output_schema: dict[str, Any] | None = None
    """``text.format`` json_schema compiled to Manus's strict subset (v2 ``structured_output_schema``)."""


IGNORED = (
    "temperature", "top_p", "reasoning", "parallel_tool_calls", "service_tier", "user", "safety_identifier",
    "prompt_cache_key", "truncation", "max_output_tokens", "stream_options", "include", "store", "tools",
    "tool_choice", "text", "top_logprobs", "include_obfuscation",
)  # fmt: skip
"""Arguments accepted and not sent (``_arguments.ARGUMENTS``; refused values raised before)."""


def _seconds(value: object) -> float | None:
    if isinstance(value, httpx.Timeout):
        # OpenAI's server answers a blocking create when the response is done: the read timeout is the
        # time it may take (DEFAULT_TIMEOUT is httpx.Timeout(600, connect=5)).
        return value.read
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"timeout must be a number of seconds, an httpx.Timeout or None, got {value!r}")
    if not value > 0:
        raise ValueError(f"timeout must be > 0 seconds, got {value!r}")
    return float(value)


def total_timeout(call_timeout: object, client_timeout: object) -> float | None:
    """How long a blocking ``create`` may take: the call's ``timeout``, else the client's."""
    return _seconds(client_timeout if isinstance(call_timeout, NotGiven) else call_timeout)


def _output_schema(text: object, backend: str) -> dict[str, Any] | None:
    """The strict schema of ``text={"format": {"type": "json_schema", ...}}``, refused before sending when
    the backend cannot carry it or the schema is outside Manus's strict subset."""
    fmt = text.get("format") if isinstance(text, Mapping) else None
    if not isinstance(fmt, Mapping) or fmt.get("type") != "json_schema":
        return None
    if backend != "v2":
        raise UnsupportedArgumentError(
            "text.format: json_schema structured output is a v2 feature (task.create structured_output_schema); "
            'this client runs client.responses on v1. Build it with responses_backend="v2" (the default).',
            argument="text.format",
        )
    schema = fmt.get("schema")
    if not isinstance(schema, Mapping):
        raise TypeError("text.format.schema must be a JSON Schema dict")
    return output_schema(schema)


def plan_create(kwargs: dict[str, Any], *, client_timeout: object, backend: str = "v1") -> CreatePlan:
    """Apply the argument table to a ``create`` call of the OpenAI view (raises before any request).

    ``backend`` is the client's ``responses_backend``: it decides what ``text.format`` json_schema and
    ``metadata`` become.
    """
    kwargs = dict(kwargs)
    if kwargs.get("stream") is True:
        raise StreamingNotSupportedError(STREAM_MESSAGE)
    check_arguments(kwargs)
    schema = _output_schema(kwargs.get("text"), backend)
    if (
        backend == "v2"
        and kwargs.get("metadata") not in (None, NOT_GIVEN)
        and not isinstance(kwargs.get("metadata"), NotGiven)
    ):
        raise UnsupportedArgumentError(
            "metadata: v2 tasks keep no caller metadata, so it would be lost; drop it or build the client "
            'with responses_backend="v1"',
            argument="metadata",
        )
    headers = dict(kwargs.get("extra_headers") or {})
    raw_mode = headers.pop(RAW_RESPONSE_HEADER, None)
    if raw_mode == "stream":
        raise StreamingNotSupportedError(
            "with_streaming_response.create is not available in the OpenAI view (a blocking create reads the "
            "task several times); use with_raw_response.create, or responses_view='manus'"
        )
    kwargs["extra_headers"] = headers or None
    background = kwargs.pop("background", None)
    if background is not None and not isinstance(background, bool):
        raise TypeError(f"background must be a bool, got {type(background).__name__}")
    call_timeout = kwargs.pop("timeout", NOT_GIVEN)
    timeout = total_timeout(call_timeout, client_timeout)
    for name in IGNORED:
        kwargs.pop(name, None)  # ignored by the argument table (refused values already raised)
    profile = model_profile(kwargs.pop("model", None))
    if profile is not None:
        given = kwargs.get("agent_profile")
        if given not in (None, profile) and not isinstance(given, NotGiven):
            raise ValueError(f"model={profile!r} and agent_profile={given!r} disagree; pass one of them")
        kwargs["agent_profile"] = profile
    instructions = kwargs.pop("instructions", None)
    if instructions is not None and not isinstance(instructions, (str, NotGiven)):
        raise TypeError(f"instructions must be a str, got {type(instructions).__name__}")
    instructions = instructions if isinstance(instructions, str) else None
    if "input" not in kwargs:
        raise TypeError("responses.create() needs input= (a prompt string or a list of messages)")
    new_input = kwargs["input"]
    kwargs["input"] = fold_input(new_input, instructions)
    previous = kwargs.get("previous_response_id")
    check_turn: tuple[str, int] | None = None
    if isinstance(previous, str):
        task, turn = split_turn_id(previous)
        kwargs["previous_response_id"] = task
        check_turn = (task, turn) if turn is not None else None
    sdk_kwargs = prepare_create(kwargs)
    sdk_kwargs["timeout"] = call_timeout
    return CreatePlan(
        sdk_kwargs=sdk_kwargs,
        background=bool(background),
        timeout=timeout,
        instructions=instructions,
        previous_response_id=previous if isinstance(previous, str) else None,
        check_turn=check_turn,
        new_input=new_input,
        raw=raw_mode is not None,
        output_schema=schema,
    )


def continuation(plan: CreatePlan, snapshot: Snapshot, *, forks: ForkPolicy) -> CreatePlan:
    """Continue the task (the named turn is its latest) or fork it (an older turn): the plan to send."""
    assert plan.check_turn is not None
    task, turn = plan.check_turn
    latest = snapshot.turn_count
    if turn >= latest:
        return plan
    if forks == "refuse":
        raise ForkRefusedError(
            f"previous_response_id {turn_id(task, turn)!r} is turn {turn} of a task now at turn {latest}: "
            "continuing from it needs a new Manus task carrying the conversation (a fork), and this client "
            "was built with forks='refuse'. Continue from the latest turn "
            f"({turn_id(task, latest)!r}) or build the client with forks='new_task'.",
            response_id=turn_id(task, turn),
            latest_turn=latest,
        )
    sdk_kwargs = dict(plan.sdk_kwargs)
    sdk_kwargs.pop("previous_response_id", None)
    sdk_kwargs["input"] = fold_input(plan.new_input, plan.instructions, history=fold_history(snapshot, turn))
    return replace(plan, sdk_kwargs=sdk_kwargs, check_turn=None)


def unknown_turn(task: str, turn: int, latest: int) -> str:
    """The message of the 404 for a turn the task does not have."""
    return f"response {turn_id(task, turn)!r} not found: task {task!r} has {latest} turn(s)"


Timeout = Union[float, httpx.Timeout, None, NotGiven]
