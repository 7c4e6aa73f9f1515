"""Helpers for the webhook tests: constants, payload builders, key pairs, loopback sockets."""

from __future__ import annotations

import json
import socket
from dataclasses import dataclass
from typing import Any, Protocol

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from manus_openai.webhooks import SignatureScheme

URL = "https://api.yourapp.com/webhooks/manus?team=42"
NOW = 1704067200  # the timestamp in the docs' example signed string (manus-api.md §5.4)
TASK_ID = "TeBim6FDQf9peS52xHtAyh"


@dataclass(frozen=True)
class KeyPair:
    private: rsa.RSAPrivateKey
    public: rsa.RSAPublicKey
    public_pem: str


def make_key_pair() -> KeyPair:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public = private.public_key()
    pem = public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return KeyPair(private, public, pem.decode("ascii"))


def created_payload(task_id: str = TASK_ID, **detail: Any) -> dict[str, Any]:
    return {
        "event_id": f"task_created_{task_id}",
        "event_type": "task_created",
        "task_detail": {
            "task_id": task_id,
            "task_title": "Q4 report",
            "task_url": f"https://manus.im/app/{task_id}",
            **detail,
        },
    }


def stopped_payload(
    task_id: str = TASK_ID, *, stop_reason: str = "finish", message: str = "Done.", stamp: int = NOW
) -> dict[str, Any]:
    return {
        "event_id": f"task_stopped_{task_id}_{stamp}",
        "event_type": "task_stopped",
        "task_detail": {
            "task_id": task_id,
            "task_title": "Q4 report",
            "task_url": f"https://manus.im/app/{task_id}",
            "message": message,
            "stop_reason": stop_reason,
            "attachments": [{"file_name": "q4.pdf", "url": "https://files.example/q4.pdf", "size_bytes": 2048576}],
        },
    }


def progress_payload(task_id: str = TASK_ID, stamp: int = NOW) -> dict[str, Any]:
    return {
        "event_id": f"task_progress_{task_id}_{stamp}",
        "event_type": "task_progress",
        "progress_detail": {"task_id": task_id, "progress_type": "plan_update", "message": "Searching"},
    }


def encode(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload).encode()


@dataclass(frozen=True)
class Delivery:
    body: bytes
    headers: dict[str, str]


class Deliver(Protocol):
    def __call__(
        self,
        payload: dict[str, Any] | bytes,
        *,
        url: str = ...,
        timestamp: int | None = ...,
        scheme: SignatureScheme = ...,
        private_key: rsa.RSAPrivateKey | None = ...,
    ) -> Delivery: ...


def free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock
