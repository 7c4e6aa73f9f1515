"""Deciding the answer to one delivery: verify, parse, return ``(status_code, body, event)``.

Stateless and framework-agnostic; ``WebhookReceiver`` (``_receiver``) adds dedupe, waiting and
dispatch. The status codes and the handling of activation requests are explained in ``_receiver``'s
docstring.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from ._errors import InvalidWebhookPayloadError, InvalidWebhookSignatureError
from ._events import KNOWN_EVENT_TYPES, WebhookEvent
from ._keys import PublicKeyLike
from ._parse import load_json_object, parse_event
from ._verify import (
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    HeadersLike,
    check_tolerance,
    get_header,
    verify_signature,
)

__all__ = ["WebhookResponse", "handle_webhook_request"]


class WebhookResponse(NamedTuple):
    """What to answer Manus, and the event to act on (``None`` when there is none).

    It unpacks as ``status_code, body, event``.
    """

    status_code: int
    body: dict[str, Any]
    event: WebhookEvent | None


def _error(status_code: int, kind: str, message: str, **extra: str) -> WebhookResponse:
    return WebhookResponse(status_code, {"error": {"type": kind, "message": message, **extra}}, None)


def _ignored(why: str) -> WebhookResponse:
    return WebhookResponse(200, {"ok": True, "ignored": why}, None)


def _precheck(body: bytes | str, headers: HeadersLike, *, method: str, verifying: bool) -> WebhookResponse | None:
    """Everything decided before the public key is needed: method, JSON, activation/unsigned probes."""
    if method.upper() != "POST":
        return _error(405, "method_not_allowed", "Manus webhook deliveries are POST requests.")
    try:
        data = load_json_object(body)
    except InvalidWebhookPayloadError as exc:
        return _error(400, "invalid_payload", str(exc))
    event_type = data.get("event_type")
    if not isinstance(event_type, str) or not event_type:
        return _ignored("no event_type (activation test request)")
    if verifying and event_type not in KNOWN_EVENT_TYPES:
        try:
            signed = get_header(headers, SIGNATURE_HEADER) or get_header(headers, TIMESTAMP_HEADER)
        except InvalidWebhookSignatureError:
            signed = "conflicting"
        if not signed:
            return _ignored("unsigned delivery of an unknown event_type")
    return None


def _finish(
    body: bytes | str,
    headers: HeadersLike,
    *,
    url: str,
    public_key: PublicKeyLike | None,
    tolerance: int,
    now: float | None,
) -> WebhookResponse:
    if public_key is not None:
        try:
            verify_signature(body, headers, url=url, public_key=public_key, tolerance=tolerance, now=now)
        except InvalidWebhookSignatureError as exc:
            return _error(401, "invalid_signature", str(exc), reason=exc.reason)
    try:
        event = parse_event(body)
    except InvalidWebhookPayloadError as exc:
        return _error(400, "invalid_payload", str(exc))
    return WebhookResponse(200, {"ok": True}, event)


def handle_webhook_request(
    body: bytes | str,
    headers: HeadersLike,
    *,
    url: str,
    public_key: PublicKeyLike | None,
    tolerance: int = 300,
    now: float | None = None,
    method: str = "POST",
) -> WebhookResponse:
    """Decide the answer to one delivery: verify, parse, and return ``(status_code, body, event)``.

    Stateless and framework-agnostic (no dedupe, no callback: :class:`WebhookReceiver` adds
    those). Pass the raw body bytes and the request headers. ``public_key`` is required;
    ``None`` explicitly turns verification off (local development only). A body without
    ``event_type`` (Manus's activation test) gives 200 with ``event=None``.

    >>> status, body, event = handle_webhook_request(b'{"hello": "manus"}', {}, url="https://x/hook",
    ...                                              public_key=None)
    >>> status, event
    (200, None)
    >>> handle_webhook_request(b"nope", {}, url="https://x/hook", public_key=None).status_code
    400
    """
    check_tolerance(tolerance)  # a configuration error raises, whatever this delivery holds
    early = _precheck(body, headers, method=method, verifying=public_key is not None)
    if early is not None:
        return early
    return _finish(body, headers, url=url, public_key=public_key, tolerance=tolerance, now=now)
