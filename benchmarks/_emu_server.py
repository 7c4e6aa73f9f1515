"""An emulator in its own process, for benchmarks that must not share the client's GIL or heap.

``python -m benchmarks._emu_server --seed-tasks 100000`` seeds the tasks, starts the server, prints
``READY <base_url> <api_key>`` and serves until its standard input closes. ``EmulatorProcess`` runs it.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path
from types import TracebackType

__all__ = ["EmulatorProcess"]


class EmulatorProcess:
    """``with EmulatorProcess(seed_tasks=100_000) as emu: emu.base_url, emu.api_key``."""

    def __init__(self, *, seed_tasks: int = 0) -> None:
        self._args = [sys.executable, "-m", "benchmarks._emu_server", "--seed-tasks", str(seed_tasks)]
        self._proc: subprocess.Popen[str] | None = None
        self.base_url = ""
        self.api_key = ""

    def __enter__(self) -> EmulatorProcess:
        root = Path(__file__).resolve().parent.parent  # so that `-m benchmarks...` resolves
        self._proc = subprocess.Popen(self._args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=root)
        assert self._proc.stdout is not None
        line = self._proc.stdout.readline().split()
        if len(line) != 3 or line[0] != "READY":
            self._proc.kill()
            raise RuntimeError(f"the emulator process did not start: {line!r}")
        self.base_url, self.api_key = line[1], line[2]
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._proc is None:
            return
        assert self._proc.stdin is not None
        self._proc.stdin.close()
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed-tasks", type=int, default=0)
    args = parser.parse_args()

    from manus_openai.emulator import Emulator

    with Emulator(webhook_activation="off") as emu:
        if args.seed_tasks:
            emu.seed_tasks(args.seed_tasks)
        print(f"READY {emu.base_url} {emu.api_key}", flush=True)
        sys.stdin.read()  # until the parent closes our stdin (or dies)
    return 0


if __name__ == "__main__":
    sys.exit(main())
