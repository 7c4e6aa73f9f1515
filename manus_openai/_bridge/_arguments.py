"""A deliberate answer for every OpenAI ``responses.create`` argument (the README's argument table).

``ARGUMENTS`` maps each argument of openai 1.100.2's ``responses.create`` to how a Manus client treats it:

* ``"bridged"`` — translated (``input``, ``instructions``, ``previous_response_id``, ``model``,
  ``background``, ``timeout``...);
* ``"sent"`` — passed to Manus as it is;
* ``"ignored"`` — accepted and not sent: the agent already does what the caller wants (it browses, runs
  code and reasons by itself) or the knob has no effect on what the caller gets back;
* ``"refused"`` (for some values) — ``UnsupportedArgumentError`` before any request, because ignoring it
  would mislead (a function tool whose call the code would wait for, logprobs, a JSON schema...).

``check_arguments`` enforces the table; it is a pure function of the keyword arguments.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from .._compat import NotGiven
from .._options import AGENT_PROFILES
from ..errors import UnsupportedArgumentError

__all__ = ["AGENT_TOOLS", "ARGUMENTS", "check_arguments", "model_profile"]

AGENT_TOOLS = frozenset(
    {
        "web_search",
        "web_search_preview",
        "web_search_preview_2025_03_11",
        "code_interpreter",
        "image_generation",
        "computer_use_preview",
    }
)
"""Built-in OpenAI tools the Manus agent has of its own (browsing, code, images, a computer): ignored."""

ARGUMENTS: dict[str, tuple[str, str]] = {
    "input": ("bridged", "one user message; roles folded (see Roles and instructions)"),
    "instructions": ("bridged", "folded into the message as an `[instructions]` part"),
    "previous_response_id": ("bridged", "continues the task; an older turn forks a new task"),
    "model": ("bridged", "OpenAI model names -> default profile; Manus profile names -> agent_profile"),
    "background": ("bridged", "True: returns at once; otherwise create waits for the end of the turn"),
    "stream": ("bridged", "True: an openai.Stream of the SDK's events, built by following the task (see Streaming)"),
    "metadata": (
        "sent",
        "v1 backend: sent as `metadata`, Manus's own keys (task_url...) come back in it; "
        "v2 backend: refused (v2 tasks keep no caller metadata)",
    ),
    "tools": (
        "ignored",
        "built-in web_search*, code_interpreter, image_generation, computer_use_preview: "
        "the agent has them; function, custom, mcp, file_search, local_shell refused",
    ),
    "tool_choice": ("ignored", '"auto" ignored; "none", "required" or a named tool refused'),
    "parallel_tool_calls": ("ignored", "the agent schedules its own steps"),
    "max_tool_calls": ("refused", "Manus cannot cap the agent's steps"),
    "text": (
        "bridged",
        'format "json_schema": sent as v2 structured_output_schema (strict subset; v1 backend refuses it); '
        '"text" ignored; "json_object" refused',
    ),
    "reasoning": ("ignored", "the agent reasons by itself"),
    "temperature": ("ignored", "no sampling knobs on an agent"),
    "top_p": ("ignored", "no sampling knobs on an agent"),
    "top_logprobs": ("refused", "values > 0: Manus returns no logprobs"),
    "max_output_tokens": ("ignored", "the agent's answer is not token-capped; credits are the cost"),
    "include": ("ignored", '"message.output_text.logprobs" refused; the others have nothing to add'),
    "store": ("ignored", "Manus always keeps the task, store=False too: call responses.delete(id) when done"),
    "prompt": ("refused", "OpenAI prompt templates live on OpenAI"),
    "prompt_cache_key": ("ignored", "a cache hint"),
    "safety_identifier": ("ignored", "an OpenAI abuse-monitoring hint"),
    "user": ("ignored", "an OpenAI abuse-monitoring hint"),
    "service_tier": ("ignored", "Manus has one tier per account"),
    "truncation": ("ignored", "Manus manages the agent's context"),
    "stream_options": ("ignored", "only meaningful with stream=True"),
    "conversation": ("refused", "OpenAI conversations live on OpenAI; continue with previous_response_id"),
    "timeout": ("bridged", "bounds the whole blocking call; past it openai.APITimeoutError with the id"),
}

_OPENAI_MODEL = re.compile(r"(gpt-|chatgpt-|o\d|codex-|computer-use|davinci|babbage)", re.IGNORECASE)
_MANUS_PROFILES = frozenset(
    {*AGENT_PROFILES, "manus-1.5", "manus-1.5-lite", "manus-1.5-max", "standard", "lite", "max"}
)


def _given(value: object) -> bool:
    return value is not None and not isinstance(value, NotGiven)


def _refuse(argument: str, why: str) -> UnsupportedArgumentError:
    return UnsupportedArgumentError(f"{argument}: {why}", argument=argument)


def model_profile(model: object) -> str | None:
    """The ``agent_profile`` a ``model=`` value means: a Manus profile name, or None for an OpenAI model.

    >>> model_profile("gpt-4o") is None
    True
    >>> model_profile("manus-1.6-max")
    'manus-1.6-max'
    """
    if not _given(model):
        return None
    if not isinstance(model, str):
        raise TypeError(f"model must be a str, got {type(model).__name__}")
    if model in _MANUS_PROFILES:
        return model
    if _OPENAI_MODEL.match(model):
        return None
    raise _refuse(
        "model",
        f"{model!r} is neither an OpenAI model name (gpt-*, o*, ...; mapped to the default profile) nor a "
        f"Manus profile ({', '.join(sorted(_MANUS_PROFILES))})",
    )


def _tool_type(tool: object) -> object:
    return tool.get("type") if isinstance(tool, Mapping) else getattr(tool, "type", None)


def _check_tools(tools: object) -> None:
    if not isinstance(tools, Iterable) or isinstance(tools, (str, bytes, Mapping)):
        raise TypeError(f"tools must be a list of tool dicts, got {type(tools).__name__}")
    for i, tool in enumerate(tools):
        kind = _tool_type(tool)
        if kind not in AGENT_TOOLS:
            raise _refuse(
                f"tools[{i}]",
                f"a {kind!r} tool needs the caller to run tool calls, which a Manus agent never hands back; "
                f"the built-in tools the agent has of its own are accepted ({', '.join(sorted(AGENT_TOOLS))})",
            )


def check_arguments(kwargs: Mapping[str, Any]) -> None:
    """Raise ``UnsupportedArgumentError`` for an OpenAI argument whose value Manus cannot honour."""
    for name in ("prompt", "conversation", "max_tool_calls"):
        if _given(kwargs.get(name)):
            raise _refuse(name, ARGUMENTS[name][1])
    if _given(kwargs.get("tools")):
        _check_tools(kwargs["tools"])
    choice = kwargs.get("tool_choice")
    if _given(choice) and choice != "auto":
        raise _refuse("tool_choice", f"{choice!r}: only 'auto' (the agent picks its own steps) is accepted")
    top = kwargs.get("top_logprobs")
    if _given(top) and top != 0:
        raise _refuse("top_logprobs", ARGUMENTS["top_logprobs"][1])
    include = kwargs.get("include")
    if isinstance(include, Iterable) and "message.output_text.logprobs" in list(include):
        raise _refuse("include", "message.output_text.logprobs: Manus returns no logprobs")
    text = kwargs.get("text")
    if _given(text):
        fmt = text.get("format") if isinstance(text, Mapping) else None
        kind = fmt.get("type") if isinstance(fmt, Mapping) else None
        if kind not in (None, "text", "json_schema"):
            raise _refuse(
                "text.format",
                f"{kind!r}: Manus structured output needs a schema; pass "
                '{"type": "json_schema", "name": ..., "schema": {...}} or use responses.parse(text_format=Model)',
            )
