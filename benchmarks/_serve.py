"""Serve any ASGI app with uvicorn from a background thread on a pre-bound loopback port."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from types import TracebackType
from typing import Any

import uvicorn

__all__ = ["ThreadedServer"]


class ThreadedServer:
    """``with ThreadedServer() as server: server.serve(app); ... server.url ...`` (http://127.0.0.1:<port>).

    The port is bound at construction, so an app that must know its own URL (a webhook receiver
    verifies signatures over it) can be built before serving starts.
    """

    def __init__(self, *, host: str = "127.0.0.1") -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind((host, 0))
        self.host = host
        self.port: int = self._sock.getsockname()[1]
        self._server: uvicorn.Server | None = None
        self._thread = threading.Thread(target=self._run, name="bench-asgi-server", daemon=True)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def _run(self) -> None:
        assert self._server is not None
        asyncio.run(self._server.serve(sockets=[self._sock]))

    def serve(self, app: Any) -> None:
        """Start serving ``app``; returns once the server accepts connections."""
        config = uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False)
        self._server = uvicorn.Server(config)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the benchmark's ASGI server did not start")
            time.sleep(0.01)

    def __enter__(self) -> ThreadedServer:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._server is not None:
            self._server.should_exit = True
            self._thread.join(timeout=5)
        self._sock.close()
