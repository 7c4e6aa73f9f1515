"""A real ``redis-server`` on a free loopback port, started and stopped by the tests (and the benchmark)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from types import TracebackType

__all__ = ["RedisServer", "free_port"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class RedisServer:
    """``with RedisServer() as server: ... server.url ...``; ``stop()`` / ``start()`` kill and restart it on
    the same port (the data is gone after a restart: nothing is persisted)."""

    def __init__(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is not installed (apt-get install redis-server; .ci/run does it)")
        self._binary = binary
        self.port = free_port()
        self._dir = tempfile.TemporaryDirectory(prefix="manus-redis-")
        self._process: subprocess.Popen[bytes] | None = None
        self._log = open(f"{self._dir.name}/redis.log", "ab")  # noqa: SIM115  # closed in __exit__

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        args = [
            self._binary,
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--enable-debug-command",
            "local",
        ]
        self._process = subprocess.Popen([*args, "--dir", self._dir.name], stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as conn:
                    conn.sendall(b"PING\r\n")
                    if conn.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                pass
            if self._process.poll() is not None or time.monotonic() > deadline:
                with open(f"{self._dir.name}/redis.log", "rb") as log:
                    tail = log.read()[-2000:].decode(errors="replace")
                raise RuntimeError(f"redis-server did not start on port {self.port}:\n{tail}")
            time.sleep(0.02)

    def stop(self) -> None:
        """Kill the server (SIGKILL: like a crash) and wait until it is gone."""
        if self._process is not None:
            self._process.kill()
            self._process.wait(timeout=30)
            self._process = None

    def __enter__(self) -> RedisServer:
        self.start()
        return self

    def __exit__(self, *exc: object | TracebackType) -> None:
        self.stop()
        self._log.close()
        self._dir.cleanup()
