"""Manus webhooks: verify signatures, parse typed events, receive deliveries and wait on them.

Manus signs every delivery with RSA-SHA256 over ``f"{timestamp}.{url}.{sha256_hex(body)}"``
(``../shared/manus-api.md`` §5). Importing this package needs only the core install; verifying
or signing needs ``cryptography`` (``pip install 'manus-openai[webhooks]'``).

Each module's docstring lists the doc ambiguities it resolves: ``_verify`` (hashing variant,
time window, URL, header parsing), ``_events`` (nested vs flat payloads, strictness),
``_parse`` (verified vs unverified parsing), ``_receiver`` (activation request, dedupe key,
status codes), ``_sign`` (default hashing variant).

>>> from manus_openai.webhooks import parse_event
>>> parse_event(b'{"event_id": "e", "event_type": "task_stopped", "task_detail": '
...             b'{"task_id": "abc", "stop_reason": "ask", "message": "Which year?"}}').message
'Which year?'
"""

from ._errors import (
    InvalidWebhookPayloadError,
    InvalidWebhookSignatureError,
    MissingDependencyError,
    SignatureFailureReason,
)
from ._events import (
    Attachment,
    ProgressDetail,
    StopReason,
    StructuredOutput,
    TaskCreatedEvent,
    TaskDetail,
    TaskProgressEvent,
    TaskStoppedDetail,
    TaskStoppedEvent,
    UnknownWebhookEvent,
    WebhookEvent,
)
from ._keys import PrivateKeyLike, PublicKeyLike, load_public_key
from ._parse import parse_event, unwrap
from ._receiver import (
    KeyProvider,
    StopMarker,
    WebhookCallback,
    WebhookReceiver,
    WebhookResponse,
    handle_webhook_request,
)
from ._shared import RedisEvents
from ._sign import sign_webhook
from ._verify import SIGNATURE_HEADER, TIMESTAMP_HEADER, HeadersLike, SignatureScheme, verify_signature

__all__ = [
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
]
