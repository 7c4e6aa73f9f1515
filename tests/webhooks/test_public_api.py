"""Exported names, lazy cryptography, and every docstring example in manus_openai.webhooks."""

from __future__ import annotations

import doctest
import importlib
import subprocess
import sys

import pytest

import manus_openai.webhooks as webhooks

EXPECTED = {
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "Attachment",
    "HeadersLike",
    "InvalidWebhookPayloadError",
    "InvalidWebhookSignatureError",
    "KeyProvider",
    "MissingDependencyError",
    "PrivateKeyLike",
    "ProgressDetail",
    "PublicKeyLike",
    "RedisEvents",
    "SignatureFailureReason",
    "SignatureScheme",
    "StopMarker",
    "StopReason",
    "StructuredOutput",
    "TaskCreatedEvent",
    "TaskDetail",
    "TaskProgressEvent",
    "TaskStoppedDetail",
    "TaskStoppedEvent",
    "UnknownWebhookEvent",
    "WebhookCallback",
    "WebhookEvent",
    "WebhookReceiver",
    "WebhookResponse",
    "handle_webhook_request",
    "load_public_key",
    "parse_event",
    "sign_webhook",
    "unwrap",
    "verify_signature",
}

MODULES = [
    "manus_openai.webhooks",
    "manus_openai.webhooks._errors",
    "manus_openai.webhooks._keys",
    "manus_openai.webhooks._verify",
    "manus_openai.webhooks._sign",
    "manus_openai.webhooks._events",
    "manus_openai.webhooks._parse",
    "manus_openai.webhooks._receiver",
]


def test_exported_names() -> None:
    assert set(webhooks.__all__) == EXPECTED
    for name in EXPECTED:
        assert getattr(webhooks, name) is not None


def test_public_callables_and_classes_have_docstrings() -> None:
    for name in EXPECTED:
        obj = getattr(webhooks, name)
        if callable(obj) and hasattr(obj, "__module__") and obj.__module__.startswith("manus_openai"):
            assert obj.__doc__, name


def test_importing_the_package_does_not_import_cryptography() -> None:
    code = (
        "import sys, manus_openai.webhooks as w\n"
        "assert 'cryptography' not in sys.modules, 'cryptography was imported'\n"
        "w.parse_event(b'{}')\n"
        "w.WebhookReceiver(url='https://x', public_key=None).handle(b'{}', {})\n"
        "assert 'cryptography' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_without_cryptography_the_package_imports_and_verifying_names_the_extra() -> None:
    code = (
        "import sys\n"
        "sys.modules['cryptography'] = None\n"
        "import manus_openai.webhooks as w\n"
        "try:\n"
        "    w.verify_signature(b'{}', {}, url='https://x', public_key='pem')\n"
        "except w.MissingDependencyError as exc:\n"
        "    print(exc)\n"
        "try:\n"
        "    w.WebhookReceiver(url='https://x', public_key='pem')\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, timeout=60)
    assert out.stdout.count("pip install 'manus-openai[webhooks]'") == 2


@pytest.mark.parametrize("module", MODULES)
def test_docstring_examples_run(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
