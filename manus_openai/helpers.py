"""Helpers for code that keeps a plain ``openai.OpenAI`` / ``openai.AsyncOpenAI`` client.

Example::

    import openai
    from manus_openai import manus_client_options, manus_extra_body, wait_for_response

    client = openai.OpenAI(**manus_client_options())          # reads MANUS_API_KEY
    r = client.responses.create(
        input=[{"role": "user", "content": [{"type": "input_text", "text": "Hi"}]}],
        extra_body=manus_extra_body(task_mode="agent", agent_profile="manus-1.6"),
    )
    done = wait_for_response(client, r.id, timeout=600)
    print(done.output_text)
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any, Union

import anyio
import httpx
from openai import AsyncOpenAI, OpenAI
from typing_extensions import Unpack

from . import _waiting
from ._client import API_KEY_HEADER, resolve_api_key, resolve_base_url
from ._compat import Omit
from ._options import ManusOptions, build_manus_body, check_id
from ._polling import DEFAULT_WAIT_TIMEOUT
from ._waiting import StopEventSource
from .types.response import ManusResponse

__all__ = ["async_wait_for_response", "manus_client_options", "manus_extra_body", "wait_for_response"]

PLACEHOLDER_API_KEY = "manus-key-is-in-the-API_KEY-header"
"""What a plain OpenAI client sends as ``Authorization: Bearer ...``: Manus ignores it, so not the key."""


def manus_client_options(api_key: str | None = None, base_url: Union[str, httpx.URL, None] = None) -> dict[str, Any]:
    """Keyword arguments that turn ``openai.OpenAI(**...)`` / ``AsyncOpenAI(**...)`` into a Manus client.

    The key (``api_key=`` or ``MANUS_API_KEY``) goes in the ``API_KEY`` header, a placeholder in
    ``Authorization``, and ``OPENAI_ORG_ID`` / ``OPENAI_PROJECT_ID`` are kept off the wire.

    >>> import openai
    >>> client = openai.OpenAI(**manus_client_options(api_key="mk-test"))
    >>> str(client.base_url)
    'https://api.manus.ai/v1/'
    """
    key = resolve_api_key(api_key, None)
    headers: dict[str, Any] = {API_KEY_HEADER: key, "OpenAI-Organization": Omit(), "OpenAI-Project": Omit()}
    return {
        "api_key": PLACEHOLDER_API_KEY,
        "base_url": resolve_base_url(base_url),
        "default_headers": headers,
    }


def manus_extra_body(**options: Unpack[ManusOptions]) -> dict[str, object]:
    """The validated ``extra_body=`` for a plain client's ``responses.create``.

    >>> manus_extra_body(task_mode="agent", agent_profile="quality")
    {'task_mode': 'agent', 'agent_profile': 'quality'}
    """
    return build_manus_body(options)


def wait_for_response(
    client: OpenAI,
    response_id: str,
    *,
    timeout: float | None = DEFAULT_WAIT_TIMEOUT,
    poll_interval: float | None = None,
    on_update: Callable[[ManusResponse], object] | None = None,
    events: StopEventSource | None = None,
) -> ManusResponse:
    """``client.responses.wait()`` for any ``openai.OpenAI`` pointed at Manus (plain or ``ManusOpenAI``).

    Example::

        done = wait_for_response(client, response.id, timeout=600)
    """
    task_id = check_id(response_id)
    return _waiting.wait(
        task_id,
        lambda: client.responses.with_raw_response.retrieve(task_id),
        timeout=timeout, poll_interval=poll_interval, on_update=on_update, events=events,
        sleep=time.sleep, monotonic=time.monotonic,
    )  # fmt: skip


async def async_wait_for_response(
    client: AsyncOpenAI,
    response_id: str,
    *,
    timeout: float | None = DEFAULT_WAIT_TIMEOUT,
    poll_interval: float | None = None,
    on_update: Callable[[ManusResponse], Union[object, Awaitable[object]]] | None = None,
    events: StopEventSource | None = None,
) -> ManusResponse:
    """The async twin of ``wait_for_response`` for any ``openai.AsyncOpenAI`` pointed at Manus.

    Example::

        done = await async_wait_for_response(client, response.id, timeout=600)
    """
    task_id = check_id(response_id)
    return await _waiting.async_wait(
        task_id,
        lambda: client.responses.with_raw_response.retrieve(task_id),
        timeout=timeout, poll_interval=poll_interval, on_update=on_update, events=events,
        sleep=anyio.sleep, monotonic=time.monotonic,
    )  # fmt: skip
