"""verify_signature / sign_webhook: fixed vectors, a frozen clock, one test per failure mode."""

from __future__ import annotations

import base64
import hashlib
import sys

import httpx
import openai
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from manus_openai.webhooks import (
    InvalidWebhookSignatureError,
    MissingDependencyError,
    PublicKeyLike,
    SignatureFailureReason,
    sign_webhook,
    verify_signature,
)
from manus_openai.webhooks._verify import signed_message

from .support import NOW, URL, Deliver, KeyPair, created_payload, encode

BODY = encode(created_payload())


def reason_of(excinfo: pytest.ExceptionInfo[InvalidWebhookSignatureError]) -> SignatureFailureReason:
    return excinfo.value.reason


def test_signed_string_matches_the_doc_example() -> None:
    body = b'{"event_id": "x"}'
    message = signed_message("1704067200", "https://api.yourapp.com/webhooks", body)
    assert message == b"1704067200.https://api.yourapp.com/webhooks." + hashlib.sha256(body).hexdigest().encode()


def test_single_hash_signature_is_accepted(deliver: Deliver, keys: KeyPair) -> None:
    d = deliver(BODY, scheme="single")
    assert verify_signature(d.body, d.headers, url=URL, public_key=keys.public_pem, now=NOW) == "single"


def test_double_hash_signature_of_the_doc_samples_is_accepted(deliver: Deliver, keys: KeyPair) -> None:
    d = deliver(BODY, scheme="double")
    assert verify_signature(d.body, d.headers, url=URL, public_key=keys.public_pem, now=NOW) == "double"


def test_fixed_vector_signed_by_hand_verifies(keys: KeyPair) -> None:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    message = f"{NOW}.{URL}.{hashlib.sha256(BODY).hexdigest()}".encode()
    signature = keys.private.sign(message, padding.PKCS1v15(), hashes.SHA256())
    headers = {"X-Webhook-Signature": base64.b64encode(signature).decode(), "X-Webhook-Timestamp": str(NOW)}
    assert sign_webhook(BODY, url=URL, private_key=keys.private, timestamp=NOW) == headers
    assert verify_signature(BODY, headers, url=URL, public_key=keys.public, now=NOW) == "single"


@pytest.mark.parametrize(
    "transform",
    [
        pytest.param(lambda h: {k.lower(): v for k, v in h.items()}, id="lower"),
        pytest.param(lambda h: {k.upper(): v for k, v in h.items()}, id="upper"),
        pytest.param(lambda h: {k.swapcase(): v for k, v in h.items()}, id="swapcase"),
        pytest.param(lambda h: list(h.items()), id="list-of-str-pairs"),
        pytest.param(lambda h: [(k.lower().encode(), v.encode()) for k, v in h.items()], id="asgi-bytes-pairs"),
        pytest.param(lambda h: httpx.Headers(h), id="httpx-headers"),
        pytest.param(lambda h: {k: f"  {v}\t" for k, v in h.items()}, id="surrounding-whitespace"),
    ],
)
def test_header_names_are_case_insensitive_and_containers_vary(
    deliver: Deliver, keys: KeyPair, transform: object
) -> None:
    d = deliver(BODY)
    headers = transform(d.headers)  # type: ignore[operator]  # parametrized lambdas
    assert verify_signature(d.body, headers, url=URL, public_key=keys.public_pem, now=NOW) == "single"


@pytest.mark.parametrize("form", ["pem-str", "pem-bytes", "der-bytes", "object", "pem-with-escaped-newlines"])
def test_public_key_forms_are_accepted(deliver: Deliver, keys: KeyPair, form: str) -> None:
    der = keys.public.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    forms: dict[str, PublicKeyLike] = {
        "pem-str": keys.public_pem,
        "pem-bytes": keys.public_pem.encode(),
        "der-bytes": der,
        "object": keys.public,
        "pem-with-escaped-newlines": keys.public_pem.replace("\n", "\\n"),
    }
    key = forms[form]
    d = deliver(BODY)
    assert verify_signature(d.body, d.headers, url=URL, public_key=key, now=NOW) == "single"


def test_str_body_is_encoded_as_utf8(deliver: Deliver, keys: KeyPair) -> None:
    body = '{"message": "déjà vu"}'.encode()
    d = deliver(body)
    assert verify_signature(body.decode(), d.headers, url=URL, public_key=keys.public, now=NOW) == "single"


def test_tampered_body_is_rejected(deliver: Deliver, keys: KeyPair) -> None:
    d = deliver(BODY)
    with pytest.raises(InvalidWebhookSignatureError) as excinfo:
        verify_signature(d.body.replace(b"Q4", b"Q5"), d.headers, url=URL, public_key=keys.public, now=NOW)
    assert reason_of(excinfo) == "bad_signature"


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("https://api.yourapp.com/webhooks/manus?team=43", id="query-value"),
        pytest.param("https://api.yourapp.com/webhooks/manus", id="query-missing"),
        pytest.param("https://api.yourapp.com/webhooks/manus?team=42&x=1", id="query-extra"),
        pytest.param("https://api.yourapp.com/webhooks/manus/?team=42", id="trailing-slash"),
        pytest.param("http://api.yourapp.com/webhooks/manus?team=42", id="scheme"),
        pytest.param("https://evil.example/webhooks/manus?team=42", id="host"),
    ],
)
def test_wrong_url_is_rejected(deliver: Deliver, keys: KeyPair, url: str) -> None:
    d = deliver(BODY)
    with pytest.raises(InvalidWebhookSignatureError) as excinfo:
        verify_signature(d.body, d.headers, url=url, public_key=keys.public, now=NOW)
    assert reason_of(excinfo) == "bad_signature"


@pytest.mark.parametrize("scheme", ["single", "double"])
def test_wrong_key_is_rejected(deliver: Deliver, other_keys: KeyPair, scheme: str) -> None:
    d = deliver(BODY, scheme=scheme)  # type: ignore[arg-type]  # parametrized literal
    with pytest.raises(InvalidWebhookSignatureError) as excinfo:
        verify_signature(d.body, d.headers, url=URL, public_key=other_keys.public_pem, now=NOW)
    assert reason_of(excinfo) == "bad_signature"


def test_changed_timestamp_header_is_rejected(deliver: Deliver, keys: KeyPair) -> None:
    d = deliver(BODY)
    headers = {**d.headers, "X-Webhook-Timestamp": str(NOW + 1)}
    with pytest.raises(InvalidWebhookSignatureError) as excinfo:
        verify_signature(d.body, headers, url=URL, public_key=keys.public, now=NOW)
    assert reason_of(excinfo) == "bad_signature"


@pytest.mark.parametrize(
    ("clock", "tolerance", "expected"),
    [
        pytest.param(NOW + 300, 300, None, id="stale-just-inside"),
        pytest.param(NOW + 301, 300, "stale_timestamp", id="stale-just-outside"),
        pytest.param(NOW + 300.5, 300, "stale_timestamp", id="stale-fractional-outside"),
        pytest.param(NOW - 300, 300, None, id="future-just-inside"),
        pytest.param(NOW - 301, 300, "future_timestamp", id="future-just-outside"),
        pytest.param(NOW + 86_400, 300, "stale_timestamp", id="a-day-old"),
        pytest.param(NOW + 30, 10, "stale_timestamp", id="custom-tolerance"),
        pytest.param(NOW, 0, None, id="zero-tolerance-same-second"),
    ],
)
def test_timestamp_window_applies_in_both_directions(
    deliver: Deliver, keys: KeyPair, clock: float, tolerance: int, expected: str | None
) -> None:
    d = deliver(BODY)
    if expected is None:
        verify_signature(d.body, d.headers, url=URL, public_key=keys.public, now=clock, tolerance=tolerance)
        return
    with pytest.raises(InvalidWebhookSignatureError) as excinfo:
        verify_signature(d.body, d.headers, url=URL, public_key=keys.public, now=clock, tolerance=tolerance)
    assert reason_of(excinfo) == expected


def test_real_clock_is_used_without_now(deliver: Deliver, keys: KeyPair) -> None:
    fresh = deliver(BODY, timestamp=None)
    assert verify_signature(fresh.body, fresh.headers, url=URL, public_key=keys.public) == "single"
    with pytest.raises(InvalidWebhookSignatureError, match="old"):
        verify_signature(BODY, deliver(BODY).headers, url=URL, public_key=keys.public)


@pytest.mark.parametrize(
    ("missing", "reason"),
    [("X-Webhook-Signature", "missing_signature"), ("X-Webhook-Timestamp", "missing_timestamp")],
)
def test_missing_header_is_rejected(deliver: Deliver, keys: KeyPair, missing: str, reason: str) -> None:
    d = deliver(BODY)
    headers = {k: v for k, v in d.headers.items() if k != missing}
    with pytest.raises(InvalidWebhookSignatureError, match=missing) as excinfo:
        verify_signature(d.body, headers, url=URL, public_key=keys.public, now=NOW)
    assert reason_of(excinfo) == reason


@pytest.mark.parametrize(
    ("empty", "reason"),
    [("X-Webhook-Signature", "missing_signature"), ("X-Webhook-Timestamp", "missing_timestamp")],
)
def test_empty_header_counts_as_missing(deliver: Deliver, keys: KeyPair, empty: str, reason: str) -> None:
    d = deliver(BODY)
    with pytest.raises(InvalidWebhookSignatureError) as excinfo:
        verify_signature(d.body, {**d.headers, empty: " "}, url=URL, public_key=keys.public, now=NOW)
    assert reason_of(excinfo) == reason


def test_no_headers_at_all_reports_the_signature_first(keys: KeyPair) -> None:
    with pytest.raises(InvalidWebhookSignatureError) as excinfo:
        verify_signature(BODY, {}, url=URL, public_key=keys.public, now=NOW)
    assert reason_of(excinfo) == "missing_signature"


@pytest.mark.parametrize(
    "signature",
    [
        pytest.param("not base64!!", id="alphabet"),
        pytest.param("abc", id="padding"),
        pytest.param("YWJj ZA==", id="inner-space"),
        pytest.param("-_-_", id="urlsafe-alphabet"),
        pytest.param("====", id="only-padding"),
    ],
)
def test_malformed_base64_signature_is_rejected(deliver: Deliver, keys: KeyPair, signature: str) -> None:
    d = deliver(BODY)
    with pytest.raises(InvalidWebhookSignatureError) as excinfo:
        verify_signature(
            d.body, {**d.headers, "X-Webhook-Signature": signature}, url=URL, public_key=keys.public, now=NOW
        )
    assert reason_of(excinfo) == "malformed_signature"


def test_well_formed_but_short_signature_is_a_bad_signature(deliver: Deliver, keys: KeyPair) -> None:
    d = deliver(BODY)
    headers = {**d.headers, "X-Webhook-Signature": base64.b64encode(b"short").decode()}
    with pytest.raises(InvalidWebhookSignatureError) as excinfo:
        verify_signature(d.body, headers, url=URL, public_key=keys.public, now=NOW)
    assert reason_of(excinfo) == "bad_signature"


@pytest.mark.parametrize(
    "timestamp",
    [
        "soon",
        "1704067200.5",
        "+1704067200",
        "-1704067200",
        "1e9",
        "1_704_067_200",
        "\u0661\u0667\u0660\u0664",
    ],
)
def test_non_integer_timestamp_is_rejected(deliver: Deliver, keys: KeyPair, timestamp: str) -> None:
    d = deliver(BODY)
    with pytest.raises(InvalidWebhookSignatureError) as excinfo:
        verify_signature(
            d.body, {**d.headers, "X-Webhook-Timestamp": timestamp}, url=URL, public_key=keys.public, now=NOW
        )
    assert reason_of(excinfo) == "malformed_timestamp"


def test_conflicting_duplicate_headers_are_rejected(deliver: Deliver, keys: KeyPair) -> None:
    d = deliver(BODY)
    pairs = [*d.headers.items(), ("x-webhook-timestamp", str(NOW + 1))]
    with pytest.raises(InvalidWebhookSignatureError) as excinfo:
        verify_signature(d.body, pairs, url=URL, public_key=keys.public, now=NOW)
    assert reason_of(excinfo) == "duplicate_header"


def test_identical_duplicate_headers_are_accepted(deliver: Deliver, keys: KeyPair) -> None:
    d = deliver(BODY)
    pairs = [*d.headers.items(), *((k.lower(), v) for k, v in d.headers.items())]
    assert verify_signature(d.body, pairs, url=URL, public_key=keys.public, now=NOW) == "single"


def test_signature_error_is_a_value_error_and_openais_webhook_error(deliver: Deliver, keys: KeyPair) -> None:
    with pytest.raises(ValueError) as excinfo:  # noqa: PT011  # the point is the base class
        verify_signature(BODY, {}, url=URL, public_key=keys.public, now=NOW)
    assert isinstance(excinfo.value, InvalidWebhookSignatureError)
    if hasattr(openai, "InvalidWebhookSignatureError"):  # openai>=1.92 has its own; ours is one of them
        assert isinstance(excinfo.value, openai.InvalidWebhookSignatureError)
    assert not isinstance(excinfo.value, openai.OpenAIError)


def test_negative_tolerance_is_a_usage_error(keys: KeyPair) -> None:
    with pytest.raises(ValueError, match="tolerance"):
        verify_signature(BODY, {}, url=URL, public_key=keys.public, tolerance=-1)


def test_unparseable_public_key_is_a_configuration_error() -> None:
    with pytest.raises(ValueError, match="PEM or DER") as excinfo:
        verify_signature(BODY, {}, url=URL, public_key="-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----")
    assert not isinstance(excinfo.value, InvalidWebhookSignatureError)


def test_non_rsa_public_key_is_refused() -> None:
    pem = (
        ec.generate_private_key(ec.SECP256R1())
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    with pytest.raises(TypeError, match="RSA"):
        verify_signature(BODY, {}, url=URL, public_key=pem)


def test_sign_webhook_refuses_an_unknown_scheme(keys: KeyPair) -> None:
    with pytest.raises(ValueError, match="scheme"):
        sign_webhook(BODY, url=URL, private_key=keys.private, scheme="triple")  # type: ignore[arg-type]  # on purpose


def test_sign_webhook_accepts_a_pem_private_key(keys: KeyPair) -> None:
    pem = keys.private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    headers = sign_webhook(BODY, url=URL, private_key=pem, timestamp=NOW, scheme="double")
    assert verify_signature(BODY, headers, url=URL, public_key=keys.public, now=NOW) == "double"


def test_missing_cryptography_names_the_extra(monkeypatch: pytest.MonkeyPatch, keys: KeyPair) -> None:
    for name in list(sys.modules):
        if name == "cryptography" or name.startswith("cryptography."):
            monkeypatch.setitem(sys.modules, name, None)  # None in sys.modules blocks the import
    monkeypatch.setitem(sys.modules, "cryptography", None)
    with pytest.raises(MissingDependencyError, match=r"pip install 'manus-openai\[webhooks\]'") as excinfo:
        verify_signature(BODY, {}, url=URL, public_key=keys.public_pem)
    assert isinstance(excinfo.value, ImportError)
    with pytest.raises(MissingDependencyError):
        sign_webhook(BODY, url=URL, private_key="pem")
