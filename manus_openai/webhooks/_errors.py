"""Errors raised by :mod:`manus_openai.webhooks`.

The tree (deliberately outside ``openai.OpenAIError``, like openai's own webhook error, because
a bad delivery is a problem with *input*, not with an API call)::

    ValueError
    ├── openai.InvalidWebhookSignatureError     (openai >= 1.92 only)
    │   └── InvalidWebhookSignatureError        .reason: SignatureFailureReason
    └── InvalidWebhookPayloadError
    ImportError
    └── MissingDependencyError                  (the optional ``webhooks`` extra is not installed)

Subclassing openai's ``InvalidWebhookSignatureError`` keeps code written for the inherited
``client.webhooks.unwrap`` (``except openai.InvalidWebhookSignatureError``) working unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import openai

__all__ = [
    "InvalidWebhookPayloadError",
    "InvalidWebhookSignatureError",
    "MissingDependencyError",
    "SignatureFailureReason",
]

if TYPE_CHECKING:
    from openai import InvalidWebhookSignatureError as _SignatureErrorBase
else:
    # openai < 1.92 (our floor is 1.66) has no webhook error; fall back to its base class.
    _SignatureErrorBase = getattr(openai, "InvalidWebhookSignatureError", ValueError)

SignatureFailureReason = Literal[
    "missing_signature",
    "missing_timestamp",
    "duplicate_header",
    "malformed_signature",
    "malformed_timestamp",
    "stale_timestamp",
    "future_timestamp",
    "bad_signature",
]
"""Why a delivery failed verification (the ``reason`` of :class:`InvalidWebhookSignatureError`)."""


class InvalidWebhookSignatureError(_SignatureErrorBase):
    """A delivery's signature headers are missing, malformed, out of the time window, or wrong.

    ``reason`` names the failure so a receiver can log or count it without parsing the message.
    It is a ``ValueError`` (and, on openai >= 1.92, an ``openai.InvalidWebhookSignatureError``).

    Example::

        try:
            verify_signature(body, headers, url=URL, public_key=PEM)
        except InvalidWebhookSignatureError as exc:
            log.warning("rejected webhook: %s", exc.reason)
    """

    reason: SignatureFailureReason

    def __init__(self, message: str, *, reason: SignatureFailureReason) -> None:
        super().__init__(message)
        self.reason = reason


class InvalidWebhookPayloadError(ValueError):
    """A delivery body is not a JSON object, or a known event type does not have its documented shape.

    Example::

        try:
            event = parse_event(b"not json")
        except InvalidWebhookPayloadError as exc:
            print(exc)
    """


class MissingDependencyError(ImportError):
    """Signature checking needs ``cryptography``, which comes with the ``webhooks`` extra.

    Install it with ``pip install 'manus-openai[webhooks]'``. Importing
    :mod:`manus_openai.webhooks` never needs it; only verifying or signing does.
    """
