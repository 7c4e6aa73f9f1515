"""Verify the RSA-SHA256 signature Manus puts on every webhook delivery (manus-api.md §5.4).

Ambiguities resolved here (each names the doc revision followed):

* Hashing: the v1 Go sample (and a live-tested community receiver) verify standard single-hash
  RSA-SHA256 over the signed string; the v1/v2 Python and Node samples verify over the 32-byte
  SHA-256 digest of it (double hash). We try single first, then double, as the reference's
  recommendation says, and return which one matched (logged at DEBUG).
* Window: the guides' text says "older than 5 minutes"; their code samples use an absolute
  difference. We follow the code samples and also reject timestamps more than ``tolerance``
  seconds in the future; exactly ``tolerance`` seconds away is still accepted.
* URL: the byte-exact registered URL, query string included, as every revision states; we do
  not normalise trailing slashes, default ports or percent-encoding (open question 2), because
  any normalisation could only make a forged URL match.
* Timestamp: must be ASCII digits only (every revision shows ``1704067200``); ``+1``, ``1e9``,
  ``1_000`` are rejected rather than passed to ``int()``. Surrounding spaces/tabs are HTTP
  whitespace, not part of the value, and are stripped.
* Signature: strict RFC 4648 base64 as "Base64" says in all revisions (no URL-safe alphabet).
* Duplicate headers with *different* values are rejected (``duplicate_header``): we will not
  guess which one Manus sent.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import logging
import re
import time
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Literal, Union, cast

from ._errors import InvalidWebhookSignatureError
from ._keys import PublicKeyLike, load_public_key

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

__all__ = [
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "HeadersLike",
    "SignatureScheme",
    "check_tolerance",
    "get_header",
    "raw_body",
    "signed_message",
    "verify_signature",
]

log = logging.getLogger("manus_openai.webhooks")

SIGNATURE_HEADER = "X-Webhook-Signature"
TIMESTAMP_HEADER = "X-Webhook-Timestamp"

SignatureScheme = Literal["single", "double"]
"""``"single"``: standard RSA-SHA256 over the signed string (v1 Go sample).
``"double"``: RSA-SHA256 over ``sha256(signed string)`` (v1/v2 Python and Node samples)."""

HeadersLike = Union[
    Mapping[str, str],
    Iterable[tuple[str, str]],
    Iterable[tuple[bytes, bytes]],
]
"""A mapping (``dict``, ``httpx.Headers``, Django ``request.headers``, Werkzeug/Flask
``request.headers``) or an iterable of ``(name, value)`` pairs (str, or bytes as in an ASGI scope).
Names are matched case-insensitively."""

_DIGITS = re.compile(r"[0-9]{1,15}")
_OWS = " \t"


def _pairs(headers: HeadersLike) -> Iterable[tuple[str | bytes, str | bytes]]:
    items = getattr(headers, "items", None)
    if callable(items):
        return cast("Iterable[tuple[str | bytes, str | bytes]]", items())
    return cast("Iterable[tuple[str | bytes, str | bytes]]", headers)


def get_header(headers: HeadersLike, name: str) -> str | None:
    """Return header ``name`` (case-insensitive, surrounding whitespace stripped), or ``None``.

    An empty value counts as absent. Repeated headers must agree, otherwise
    :class:`InvalidWebhookSignatureError` (``reason="duplicate_header"``) is raised.

    >>> get_header({"x-webhook-timestamp": " 1704067200"}, "X-Webhook-Timestamp")
    '1704067200'
    """
    wanted = name.lower()
    values: set[str] = set()
    for key, value in _pairs(headers):
        key_text = key.decode("latin-1") if isinstance(key, bytes) else key
        if key_text.lower() != wanted:
            continue
        text = (value.decode("latin-1") if isinstance(value, bytes) else value).strip(_OWS)
        if text:
            values.add(text)
    if not values:
        return None
    if len(values) > 1:
        raise InvalidWebhookSignatureError(
            f"the delivery carries {len(values)} different {name} headers", reason="duplicate_header"
        )
    return values.pop()


def check_tolerance(tolerance: object) -> int:
    """Validate ``tolerance``: whole seconds >= 0 (a str or float would fail later, or compare oddly).

    >>> check_tolerance(300)
    300
    """
    if isinstance(tolerance, bool) or not isinstance(tolerance, int):
        raise TypeError(f"tolerance must be an int number of seconds, got {type(tolerance).__name__}")
    if tolerance < 0:
        raise ValueError(f"tolerance must be >= 0 seconds, got {tolerance}")
    return tolerance


def raw_body(body: object) -> bytes:
    """The delivery bytes: ``bytes`` as given, a ``str`` encoded as UTF-8; anything else is refused
    (``bytes(5)`` would silently be five zero bytes)."""
    if isinstance(body, str):
        return body.encode("utf-8")
    if isinstance(body, (bytes, bytearray, memoryview)):
        return bytes(body)
    raise TypeError(f"body must be the raw request bytes (or str), got {type(body).__name__}")


def signed_message(timestamp: str, url: str, body: bytes) -> bytes:
    """Return the exact bytes Manus signs: ``f"{timestamp}.{url}.{sha256_hex(body)}"``.

    >>> signed_message("1704067200", "https://api.yourapp.com/webhooks", b"")[:50]
    b'1704067200.https://api.yourapp.com/webhooks.e3b0c4'
    """
    return f"{timestamp}.{url}.{hashlib.sha256(body).hexdigest()}".encode()


def _matching_scheme(key: RSAPublicKey, signature: bytes, message: bytes) -> SignatureScheme | None:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    candidates: tuple[tuple[SignatureScheme, bytes], ...] = (
        ("single", message),
        ("double", hashlib.sha256(message).digest()),
    )
    for scheme, data in candidates:
        try:
            key.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
        except InvalidSignature:
            continue
        return scheme
    return None


def verify_signature(
    body: bytes | str,
    headers: HeadersLike,
    *,
    url: str,
    public_key: PublicKeyLike,
    tolerance: int = 300,
    now: float | None = None,
) -> SignatureScheme:
    """Check that ``body`` was signed by Manus for ``url``; raise if not.

    ``body`` must be the raw request bytes (a ``str`` is encoded as UTF-8, which only matches if
    the framework decoded exactly those bytes). ``url`` is the webhook URL exactly as registered
    with Manus, query string included: behind a proxy pass the public URL, not the internal one.
    ``public_key`` is the PEM from ``GET /v1/webhook/public_key`` (or ``/v2/webhook.publicKey``).
    ``now`` (Unix seconds) freezes the clock for tests.

    Returns which hashing variant matched (``"single"`` or ``"double"``). Raises
    :class:`InvalidWebhookSignatureError` with a ``reason``; ``ValueError``/``TypeError`` for a
    public key that cannot be loaded; :class:`MissingDependencyError` without ``cryptography``.

    >>> from cryptography.hazmat.primitives.asymmetric import rsa
    >>> from manus_openai.webhooks import sign_webhook, verify_signature
    >>> key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    >>> body = b'{"event_id": "e1", "event_type": "task_created"}'
    >>> url = "https://example.com/manus?team=1"
    >>> headers = sign_webhook(body, url=url, private_key=key, timestamp=1704067200)
    >>> verify_signature(body, headers, url=url, public_key=key.public_key(), now=1704067230)
    'single'
    """
    check_tolerance(tolerance)
    key = load_public_key(public_key)
    raw = raw_body(body)

    signature_b64 = get_header(headers, SIGNATURE_HEADER)
    if signature_b64 is None:
        raise InvalidWebhookSignatureError(f"missing {SIGNATURE_HEADER} header", reason="missing_signature")
    timestamp = get_header(headers, TIMESTAMP_HEADER)
    if timestamp is None:
        raise InvalidWebhookSignatureError(f"missing {TIMESTAMP_HEADER} header", reason="missing_timestamp")
    if not _DIGITS.fullmatch(timestamp):
        raise InvalidWebhookSignatureError(
            f"{TIMESTAMP_HEADER} must be integer Unix seconds, got {timestamp[:40]!r}",
            reason="malformed_timestamp",
        )
    try:
        signature = base64.b64decode(signature_b64, validate=True)
    except (binascii.Error, ValueError):
        signature = b""
    if not signature:
        raise InvalidWebhookSignatureError(f"{SIGNATURE_HEADER} is not valid base64", reason="malformed_signature")

    current = time.time() if now is None else now
    age = current - int(timestamp)
    if age > tolerance:
        raise InvalidWebhookSignatureError(
            f"timestamp is {age:.0f}s old, more than the {tolerance}s tolerance", reason="stale_timestamp"
        )
    if -age > tolerance:
        raise InvalidWebhookSignatureError(
            f"timestamp is {-age:.0f}s in the future, more than the {tolerance}s tolerance",
            reason="future_timestamp",
        )

    scheme = _matching_scheme(key, signature, signed_message(timestamp, url, raw))
    if scheme is None:
        raise InvalidWebhookSignatureError(
            "signature does not match: check the public key, that `url` is exactly the registered "
            "webhook URL (query string included) and that `body` is the raw request bytes",
            reason="bad_signature",
        )
    log.debug("webhook signature verified (%s-hash variant)", scheme)
    return scheme
