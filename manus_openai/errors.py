"""The errors manus_openai raises, all rooted in ``openai.OpenAIError``.

::

    openai.OpenAIError
    ├── ManusError                         configuration and usage errors raised before any request
    │   ├── UnsupportedEndpointError       an OpenAI endpoint Manus does not serve (chat, embeddings, ...)
    │   ├── UnsupportedOptionError         an openai.OpenAI option with no Manus meaning (+ ValueError)
    │   ├── StreamingNotSupportedError     stream=True with responses_view="manus" (the raw Manus objects)
    │   ├── UnsupportedArgumentError       an OpenAI argument Manus cannot honour (function tools, logprobs...)
    │   │   (+ ValueError)                 raised before any request
    │   ├── ForkRefusedError               previous_response_id names an older turn and forks="refuse"
    │   ├── WaitTimeout (+ TimeoutError)   responses.wait() passed its deadline; carries .response
    │   └── RateLimitWaitTimeout (+ TimeoutError)  no rate-limit budget within the request's timeout;
    │                                      nothing was sent
    └── openai.APIError
        ├── openai.APITimeoutError
        │   └── ResponseTimeoutError       a blocking responses.create passed its timeout; carries .response_id
        ├── openai.APIResponseValidationError  a 2xx answer that is not the JSON object promised
        │                                      (HTML page, truncated JSON, null/array); keeps .response
        └── openai.APIStatusError          every HTTP error keeps the SDK's own classes
            ├── openai.BadRequestError, AuthenticationError, NotFoundError, RateLimitError, ...
            └── CreditLimitExceededError   Manus error code 8, whatever HTTP status carries it

Bad option values raise the built-in ``ValueError`` / ``TypeError`` naming the field and the allowed values.

Example::

    from manus_openai import ManusOpenAI, WaitTimeout

    client = ManusOpenAI()
    try:
        done = client.responses.wait("task-id", timeout=60)
    except WaitTimeout as exc:
        print("still", exc.response.status if exc.response else "unknown")
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx
from openai import APIStatusError, APITimeoutError, OpenAIError

if TYPE_CHECKING:
    from .types.response import ManusResponse

__all__ = [
    "CreditLimitExceededError",
    "ForkRefusedError",
    "ManusError",
    "RateLimitWaitTimeout",
    "ResponseTimeoutError",
    "StreamingNotSupportedError",
    "UnsupportedArgumentError",
    "UnsupportedEndpointError",
    "UnsupportedOptionError",
    "WaitTimeout",
]

CREDIT_LIMIT_CODE = 8
"""The v1 error ``code`` Manus uses for "credit limit exceeded" (seed 001's error table)."""


class ManusError(OpenAIError):
    """Base class of the errors manus_openai raises itself (a subclass of ``openai.OpenAIError``).

    Example::

        try:
            ManusOpenAI(api_key="")
        except ManusError as exc:
            print(exc)  # names MANUS_API_KEY
    """


class UnsupportedEndpointError(ManusError):
    """An OpenAI endpoint that Manus does not serve was called; raised before any request is sent.

    Example::

        try:
            client.chat.completions.create(model="x", messages=[])
        except UnsupportedEndpointError as exc:
            print(exc.method, exc.path)  # POST chat/completions
    """

    def __init__(self, message: str, *, method: str, path: str) -> None:
        super().__init__(message)
        self.method = method
        self.path = path


class UnsupportedOptionError(ManusError, ValueError):
    """A client option of ``openai.OpenAI`` that has no Manus meaning (``organization=``,
    ``webhook_secret=``); raised by the constructor, naming the option and what to do instead.

    Example::

        try:
            ManusOpenAI(organization="org-123")
        except UnsupportedOptionError as exc:
            print(exc.option)  # organization
    """

    def __init__(self, message: str, *, option: str) -> None:
        super().__init__(message)
        self.option = option


class StreamingNotSupportedError(ManusError):
    """``stream=True`` / ``responses.stream()`` with ``responses_view="manus"``: the raw Manus view does not stream.

    Also raised, before any request, for ``with_raw_response`` / ``with_streaming_response`` around
    ``create(..., stream=True)`` or ``retrieve(..., stream=True)``: a stream follows the task over many reads.

    The default OpenAI view streams (by following the task); in the raw view use ``client.responses.wait(id)``
    / ``create_and_wait(...)`` or webhooks instead.

    Example::

        try:
            raw_client.responses.create(input="hi", stream=True)
        except StreamingNotSupportedError:
            done = raw_client.responses.create_and_wait(input="hi")
    """


class WaitTimeout(ManusError, TimeoutError):
    """``responses.wait()`` reached its deadline while the task was still running.

    ``.response`` is the last ``ManusResponse`` seen (``None`` if every poll failed) and ``.waited`` the
    seconds spent waiting.

    Example::

        try:
            client.responses.wait(task_id, timeout=5)
        except WaitTimeout as exc:
            print(exc.waited, exc.response and exc.response.status)
    """

    def __init__(self, message: str, *, response: ManusResponse | None, waited: float) -> None:
        super().__init__(message)
        self.response = response
        self.waited = waited


class RateLimitWaitTimeout(ManusError, TimeoutError):
    """The rate governor could not get budget for a request within its ``timeout``; nothing was sent.

    ``.endpoint`` names the budget (``task.create``...), ``.waited`` the seconds spent waiting.

    Example::

        try:
            client.with_options(timeout=5).responses.create(input="hi")
        except RateLimitWaitTimeout as exc:
            print(exc.endpoint, exc.waited)
    """

    def __init__(self, message: str, *, endpoint: str, waited: float) -> None:
        super().__init__(message)
        self.endpoint = endpoint
        self.waited = waited


class CreditLimitExceededError(APIStatusError):
    """Manus refused the request because the account is out of credits (error code 8).

    Raised whatever HTTP status carries the code (the docs do not say which), never retried.

    Example::

        try:
            client.responses.create(input="hi")
        except CreditLimitExceededError as exc:
            print(exc.status_code, exc.code)  # e.g. 429 8
    """


class UnsupportedArgumentError(ManusError, ValueError):
    """An OpenAI ``responses.create`` argument Manus cannot honour; raised before any request is sent.

    ``.argument`` names it (``"tools[0]"``, ``"store"``, ``"model"``...). The README's argument table lists
    what is refused, ignored and translated.

    Example::

        try:
            client.responses.create(input="hi", tools=[{"type": "function", "name": "f", "parameters": {}}])
        except UnsupportedArgumentError as exc:
            print(exc.argument)  # tools[0]
    """

    def __init__(self, message: str, *, argument: str) -> None:
        super().__init__(message)
        self.argument = argument


class ForkRefusedError(ManusError):
    """``previous_response_id`` names a turn that is not the task's latest, on a client built with
    ``forks="refuse"``: continuing from it would start a new (paid) Manus task. Nothing was created.

    Example::

        client = ManusOpenAI(forks="refuse")
        try:
            client.responses.create(input="again", previous_response_id=first.id)
        except ForkRefusedError as exc:
            print(exc.response_id, exc.latest_turn)
    """

    def __init__(self, message: str, *, response_id: str, latest_turn: int) -> None:
        super().__init__(message)
        self.response_id = response_id
        self.latest_turn = latest_turn


class ResponseTimeoutError(APITimeoutError):
    """A blocking ``responses.create`` (no ``background=True``) passed its ``timeout``.

    It is the ``openai.APITimeoutError`` OpenAI code already catches. The task keeps running on Manus:
    ``.response_id`` retrieves it, ``.response`` is the last state seen (or None), ``.waited`` the seconds spent.

    Example::

        try:
            done = client.responses.create(input="Write a long report", timeout=60)
        except openai.APITimeoutError as exc:
            later = client.responses.wait(exc.response_id, timeout=900)
    """

    def __init__(
        self, message: str, *, request: httpx.Request, response_id: str, response: ManusResponse | None, waited: float
    ) -> None:
        super().__init__(request)
        self.message = message
        self.args = (message,)
        self.response_id = response_id
        self.response = response
        self.waited = waited

    def __str__(self) -> str:
        return self.message
