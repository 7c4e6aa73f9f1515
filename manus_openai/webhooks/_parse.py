"""Turn a delivery body into a typed event: :func:`parse_event` (unverified) and :func:`unwrap` (verified).

Design: ``unwrap`` always verifies and requires ``public_key`` (there is no "``None`` means skip"
default to forget); parsing without verification is a separately named function,
:func:`parse_event`, so an unverified code path is visible in review.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, cast

import pydantic

from ._errors import InvalidWebhookPayloadError
from ._events import KNOWN_EVENT_TYPES, UnknownWebhookEvent, WebhookEvent
from ._keys import PublicKeyLike
from ._verify import HeadersLike, verify_signature

__all__ = ["load_json_object", "parse_event", "unwrap"]


def load_json_object(body: bytes | str) -> dict[str, Any]:
    """Decode ``body`` as a JSON object, or raise :class:`InvalidWebhookPayloadError`.

    >>> load_json_object(b'{"event_type": "task_created"}')
    {'event_type': 'task_created'}
    """
    try:
        data = json.loads(body)
    except (ValueError, TypeError) as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise InvalidWebhookPayloadError(f"webhook body is not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise InvalidWebhookPayloadError(f"webhook body must be a JSON object, got {type(data).__name__}")
    return data


def parse_event(payload: bytes | str | Mapping[str, Any]) -> WebhookEvent:
    """Parse a delivery into a typed event **without verifying its signature**.

    Use it for payloads you already trust (verified elsewhere, or read from your own store);
    use :func:`unwrap` for anything received over the network. The class follows ``event_type``;
    an unknown or missing type gives :class:`UnknownWebhookEvent`.

    >>> parse_event(b'{"event_id": "e1", "event_type": "task_created", '
    ...             b'"task_detail": {"task_id": "abc", "task_title": "t", "task_url": "u"}}').task_id
    'abc'
    >>> type(parse_event({"event_type": "task_deleted"})).__name__
    'UnknownWebhookEvent'
    """
    data = dict(payload) if isinstance(payload, Mapping) else load_json_object(payload)
    event_type = data.get("event_type")
    model = KNOWN_EVENT_TYPES.get(event_type) if isinstance(event_type, str) else None
    try:
        if model is None:
            return UnknownWebhookEvent.model_validate(data)
        return model.model_validate(data)
    except pydantic.ValidationError as exc:
        raise InvalidWebhookPayloadError(
            f"{event_type or 'webhook'} payload does not have the documented shape: {exc}"
        ) from exc


def unwrap(
    body: bytes | str,
    headers: HeadersLike,
    *,
    url: str,
    public_key: PublicKeyLike,
    tolerance: int = 300,
    now: float | None = None,
) -> WebhookEvent:
    """Verify a delivery (see :func:`verify_signature`) and parse it into a typed event.

    Raises :class:`InvalidWebhookSignatureError` before looking at the body, then
    :class:`InvalidWebhookPayloadError` for a body that is not a JSON object or a known event
    of the wrong shape. ``public_key`` is required; for unverified parsing use :func:`parse_event`.

    >>> from cryptography.hazmat.primitives.asymmetric import rsa
    >>> from manus_openai.webhooks import TaskStoppedEvent, sign_webhook, unwrap
    >>> key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    >>> body = (b'{"event_id": "s1", "event_type": "task_stopped", "task_detail": {"task_id": "abc",'
    ...         b' "task_title": "t", "task_url": "u", "message": "Done.", "stop_reason": "finish"}}')
    >>> headers = sign_webhook(body, url="https://example.com/hook", private_key=key)
    >>> event = unwrap(body, headers, url="https://example.com/hook", public_key=key.public_key())
    >>> isinstance(event, TaskStoppedEvent), event.message
    (True, 'Done.')
    """
    if cast(object, public_key) is None:  # a runtime guard for untyped callers
        raise TypeError("unwrap() needs public_key; to parse without verifying, call parse_event(body)")
    verify_signature(body, headers, url=url, public_key=public_key, tolerance=tolerance, now=now)
    return parse_event(body)
