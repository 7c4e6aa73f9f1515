"""Fixtures for the webhook tests: a session RSA key pair, delivery builders and a loopback server."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from manus_openai.webhooks import SignatureScheme, sign_webhook

from .support import NOW, URL, Deliver, Delivery, KeyPair, encode, free_socket, make_key_pair


@pytest.fixture(scope="session")
def keys() -> KeyPair:
    return make_key_pair()


@pytest.fixture(scope="session")
def other_keys() -> KeyPair:
    return make_key_pair()


@pytest.fixture
def deliver(keys: KeyPair) -> Deliver:
    """Build a signed delivery (``timestamp=None`` signs with the current time)."""

    def make(
        payload: dict[str, Any] | bytes,
        *,
        url: str = URL,
        timestamp: int | None = NOW,
        scheme: SignatureScheme = "single",
        private_key: rsa.RSAPrivateKey | None = None,
    ) -> Delivery:
        body = payload if isinstance(payload, bytes) else encode(payload)
        headers = sign_webhook(
            body,
            url=url,
            private_key=private_key or keys.private,
            timestamp=int(time.time()) if timestamp is None else timestamp,
            scheme=scheme,
        )
        return Delivery(body, headers)

    return make


Serve = Callable[..., str]


@pytest.fixture
def serve() -> Iterator[Serve]:
    """Run ASGI apps under a real uvicorn server on loopback port 0, each in its own thread.

    Returns the loopback URL. Tests sign for ``URL`` (the registered public URL) and post to the
    loopback one, as a receiver behind a proxy sees it.
    """
    import uvicorn

    servers: list[tuple[uvicorn.Server, threading.Thread, socket.socket]] = []

    def start(app: Any, path: str = "/webhooks/manus", sock: socket.socket | None = None) -> str:
        sock = sock or free_socket()
        config = uvicorn.Config(app, log_level="warning", lifespan="on", ws="none", http="h11")
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        deadline = time.monotonic() + 10
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.005)
        servers.append((server, thread, sock))
        host, port = sock.getsockname()[:2]
        return f"http://{host}:{port}{path}"

    yield start
    for server, thread, sock in servers:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
