"""Sign a webhook delivery the way Manus does, for tests, examples and emulators (manus-api.md §5.4).

Default ``scheme="single"`` follows the reference's recommendation for emulators (standard
RSA-SHA256, matching the v1 Go sample); ``"double"`` reproduces what the v1/v2 Python and Node
doc samples expect.
"""

from __future__ import annotations

import base64
import hashlib
import time

from ._keys import PrivateKeyLike, load_private_key
from ._verify import SIGNATURE_HEADER, TIMESTAMP_HEADER, SignatureScheme, signed_message

__all__ = ["sign_webhook"]


def sign_webhook(
    body: bytes | str,
    *,
    url: str,
    private_key: PrivateKeyLike,
    timestamp: int | None = None,
    scheme: SignatureScheme = "single",
) -> dict[str, str]:
    """Return the ``X-Webhook-Signature`` / ``X-Webhook-Timestamp`` headers for a delivery.

    ``timestamp`` defaults to the current Unix time. Post ``body`` unchanged with these headers
    to ``url`` and :func:`verify_signature` (with the matching public key) accepts it.

    >>> from cryptography.hazmat.primitives.asymmetric import rsa
    >>> key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    >>> headers = sign_webhook(b"{}", url="https://example.com/hook", private_key=key, timestamp=1704067200)
    >>> sorted(headers)
    ['X-Webhook-Signature', 'X-Webhook-Timestamp']
    """
    if scheme not in ("single", "double"):
        raise ValueError(f"scheme must be 'single' or 'double', got {scheme!r}")
    key = load_private_key(private_key)  # first: it turns a missing `cryptography` into a clear error
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    ts = str(int(time.time()) if timestamp is None else int(timestamp))
    raw = body.encode("utf-8") if isinstance(body, str) else bytes(body)
    message = signed_message(ts, url, raw)
    if scheme == "double":
        message = hashlib.sha256(message).digest()
    signature = key.sign(message, padding.PKCS1v15(), hashes.SHA256())
    return {SIGNATURE_HEADER: base64.b64encode(signature).decode("ascii"), TIMESTAMP_HEADER: ts}
