"""uvicorn in a background thread on a pre-bound socket (port 0 works; the port is known at once).

Dropped connections are real: :class:`DroppingH11Protocol` hands the app a scope extension that
aborts the TCP transport, so the client sees the peer hang up without any response bytes.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
import time
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from ._app import DROP_EXTENSION

__all__ = ["DroppingH11Protocol", "ServerThread"]


class DroppingH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, plus the ``manus_emulator.drop_connection`` scope extension."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        inner = self.app

        async def app(scope: Any, receive: Any, send: Any) -> None:
            extensions = dict(scope.get("extensions") or {})
            extensions[DROP_EXTENSION] = self._abort
            scope["extensions"] = extensions
            await inner(scope, receive, send)

        self.app = app

    def _abort(self) -> None:
        self.transport.abort()


class _Server(uvicorn.Server):
    """Wakes up as soon as ``wake()`` is called instead of on uvicorn's next 0.1 s tick, so a
    test's ``stop()`` costs milliseconds."""

    _wake_event: asyncio.Event | None = None
    _loop: asyncio.AbstractEventLoop | None = None

    async def main_loop(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._wake_event = asyncio.Event()
        counter = 0
        while not await self.on_tick(counter):
            counter = (counter + 1) % 864000
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._wake_event.wait(), timeout=0.1)

    def wake(self) -> None:
        loop, event = self._loop, self._wake_event
        if loop is not None and event is not None and not loop.is_closed():
            loop.call_soon_threadsafe(event.set)


class ServerThread:
    """Serve an ASGI app on ``host:port`` (0 = any free port) from a daemon thread."""

    def __init__(self, app: Any, host: str = "127.0.0.1", port: int = 0, log_level: str = "warning") -> None:
        self.host = host
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        # proto=IPPROTO_TCP matters: asyncio only sets TCP_NODELAY on accepted sockets whose proto
        # says TCP, and without it every response waits ~40 ms for a delayed ACK.
        self._sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            self._sock.bind((host, port))
        except OSError:
            self._sock.close()
            raise
        self.port: int = self._sock.getsockname()[1]
        config = uvicorn.Config(
            app,
            log_level=log_level,
            access_log=False,
            lifespan="off",
            ws="none",
            http=DroppingH11Protocol,
            timeout_graceful_shutdown=1,
        )
        self._server = _Server(config)
        self._thread = threading.Thread(target=self._run, name=f"manus-emulator:{self.port}", daemon=True)
        self._error: BaseException | None = None

    def _run(self) -> None:
        try:
            asyncio.run(self._server.serve(sockets=[self._sock]))
        except BaseException as exc:  # pragma: no cover - surfaced by start()
            self._error = exc

    def start(self, timeout: float = 10.0) -> None:
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if self._error is not None or not self._thread.is_alive():
                raise RuntimeError(f"the emulator server failed to start: {self._error!r}")
            if time.monotonic() > deadline:  # pragma: no cover
                raise RuntimeError("the emulator server did not start in time")
            time.sleep(0.002)

    def stop(self) -> None:
        self._server.should_exit = True
        self._server.wake()
        self._thread.join(timeout=10)
        self._sock.close()
