"""RSA key loading for webhook signatures, importing ``cryptography`` only when first needed.

``cryptography`` is the optional ``webhooks`` extra: ``import manus_openai.webhooks`` must work
without it, so every function here imports it lazily and turns its absence into
:class:`MissingDependencyError` naming the install command.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Union

from ._errors import MissingDependencyError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey, RSAPublicKey

__all__ = ["PrivateKeyLike", "PublicKeyLike", "load_private_key", "load_public_key"]

PublicKeyLike = Union[str, bytes, "RSAPublicKey"]
"""A PEM string/bytes (``-----BEGIN PUBLIC KEY-----``, as ``GET /v1/webhook/public_key`` returns),
DER bytes, or a loaded ``cryptography`` ``RSAPublicKey``."""

PrivateKeyLike = Union[str, bytes, "RSAPrivateKey"]
"""A PEM string/bytes, DER bytes, or a loaded ``cryptography`` ``RSAPrivateKey`` (unencrypted)."""

INSTALL_HINT = "pip install 'manus-openai[webhooks]'"


def require_cryptography() -> None:
    """Raise :class:`MissingDependencyError` unless ``cryptography`` can be imported."""
    try:
        import cryptography.hazmat.primitives.asymmetric.rsa  # noqa: F401
    except ImportError as exc:
        raise MissingDependencyError(
            f"Verifying or signing Manus webhooks needs the 'cryptography' package: {INSTALL_HINT}",
            name="cryptography",
        ) from exc


def _key_bytes(key: str | bytes) -> bytes:
    if isinstance(key, str):
        # A PEM pasted into an environment variable often arrives with literal "\n" sequences.
        if "\\n" in key and "\n" not in key:
            key = key.replace("\\n", "\n")
        return key.encode("utf-8")
    return bytes(key)


def load_public_key(key: PublicKeyLike) -> RSAPublicKey:
    """Return ``key`` as an ``RSAPublicKey`` (PEM and DER are parsed once and cached).

    Raises ``ValueError`` for bytes that are not a public key, ``TypeError`` for a non-RSA key
    or an unsupported type, and :class:`MissingDependencyError` without ``cryptography``.
    """
    require_cryptography()
    from cryptography.hazmat.primitives.asymmetric import rsa

    if isinstance(key, rsa.RSAPublicKey):
        return key
    if isinstance(key, (str, bytes, bytearray)):
        return _load_public_bytes(_key_bytes(key))
    raise TypeError(f"public_key must be a PEM string, PEM/DER bytes or an RSAPublicKey, not {type(key).__name__}")


@functools.lru_cache(maxsize=32)
def _load_public_bytes(data: bytes) -> RSAPublicKey:
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    stripped = data.strip()
    try:
        if stripped.startswith(b"-----BEGIN"):
            loaded = serialization.load_pem_public_key(stripped)
        else:
            loaded = serialization.load_der_public_key(data)
    except (ValueError, UnsupportedAlgorithm) as exc:
        raise ValueError(
            "public_key is not a PEM or DER encoded public key "
            "(expected the 'public_key' value of GET /v1/webhook/public_key)"
        ) from exc
    if not isinstance(loaded, rsa.RSAPublicKey):
        raise TypeError(f"Manus signs webhooks with RSA-SHA256; got a {type(loaded).__name__}")
    return loaded


def load_private_key(key: PrivateKeyLike) -> RSAPrivateKey:
    """Return ``key`` as an ``RSAPrivateKey`` (used by :func:`sign_webhook` for tests and emulators)."""
    require_cryptography()
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    if isinstance(key, rsa.RSAPrivateKey):
        return key
    if not isinstance(key, (str, bytes, bytearray)):
        raise TypeError(
            f"private_key must be a PEM string, PEM/DER bytes or an RSAPrivateKey, not {type(key).__name__}"
        )
    data = _key_bytes(key)
    try:
        if data.strip().startswith(b"-----BEGIN"):
            loaded = serialization.load_pem_private_key(data.strip(), password=None)
        else:
            loaded = serialization.load_der_private_key(data, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise ValueError("private_key is not an unencrypted PEM or DER encoded private key") from exc
    if not isinstance(loaded, rsa.RSAPrivateKey):
        raise TypeError(f"Manus webhooks are signed with RSA; got a {type(loaded).__name__}")
    return loaded
