"""What every v2 model shares: the ``{ok, request_id, ...}`` envelope and timestamp normalising.

v2 sends Unix **seconds** everywhere, except that ``task.listMessages`` timestamps are seconds on one
doc revision and milliseconds on another (manus-api.md §2.2); community clients also see numbers arrive
as strings. Every field named in a model's ``_timestamps`` is normalised to Unix seconds (a ``float``):
numbers and numeric strings, values above 10^12 read as milliseconds. Anything else is kept as sent.
"""

from __future__ import annotations

from typing import Any, ClassVar

import httpx

from .._normalizing import Normalizing

__all__ = ["MS_THRESHOLD", "V2Envelope", "V2Model", "check_answer", "to_seconds"]

MS_THRESHOLD = 10**12
"""A timestamp above this is milliseconds (10^12 s is the year 33658; 10^12 ms is 2001)."""


def to_seconds(value: object) -> object:
    """Unix seconds from seconds or milliseconds, as a number or numeric string; other values unchanged.

    >>> to_seconds(1764187289), to_seconds("1764187289123"), to_seconds(None)
    (1764187289.0, 1764187289.123, None)
    """
    if isinstance(value, bool):
        return value
    number: float
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str) and value.strip():
        try:
            number = float(value.strip())
        except ValueError:
            return value
    else:
        return value
    return number / 1000.0 if abs(number) >= MS_THRESHOLD else number


class V2Model(Normalizing):
    """Base of the v2 models: unknown fields are kept; ``_timestamps`` fields become Unix seconds."""

    _timestamps: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def _normalize_values(cls, values: dict[str, Any]) -> dict[str, Any]:
        if not cls._timestamps:
            return values
        out = dict(values)
        for name in cls._timestamps:
            if name in out:
                out[name] = to_seconds(out[name])
        return out


class V2Envelope(V2Model):
    """A successful v2 answer: ``ok`` and ``request_id`` beside the payload fields.

    Example::

        created = client.v2.tasks.create("hi")
        print(created.request_id, created.task_id)
    """

    ok: bool | None = None
    request_id: str | None = None

    _payload: ClassVar[str | None] = None
    """The field holding what the method returns (``task`` of ``task.detail``), when there is one."""

    def _check_answer(self, response: httpx.Response) -> None:
        # Called by _parsing.checked with the response, on every path: plain, raw and streamed.
        check_answer(self, response, self._payload)


def check_answer(answer: object, response: httpx.Response, payload: str | None = None) -> None:
    """``ok: false`` raises the typed v2 error; a missing ``payload`` object raises
    ``openai.APIResponseValidationError`` (never a ``None`` where a model was promised).

    Both are checked where the response is at hand, so a ``with_streaming_response`` call, whose body is
    read only at ``.parse()``, is refused like a plain one.
    """
    from openai import APIResponseValidationError

    from ...v2._transport import v2_status_error

    if getattr(answer, "ok", None) is False:
        raise v2_status_error(response.json(), response)
    if payload is not None and not isinstance(getattr(answer, payload, None), V2Model):
        where = f"{response.request.method} {response.request.url.path}"
        raise APIResponseValidationError(
            response, response.json(), message=f"{where} answered ok without the `{payload}` object it must carry"
        )
