"""``python -m manus_openai.emulator [--port 8765]``: serve the emulator until Ctrl-C."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Sequence

from ._emulator import DEFAULT_API_KEY, Emulator


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m manus_openai.emulator", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765, help="0 picks a free port (default 8765)")
    parser.add_argument("--api-key", default=DEFAULT_API_KEY)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--task-duration", type=float, default=3.0, help="seconds a task runs (default 3)")
    parser.add_argument("--output-files", type=int, default=0, help="output files per finished task")
    parser.add_argument("--signature-mode", choices=("single", "double"), default="single")
    parser.add_argument("--strict", action="store_true", help="reject unknown body fields")
    parser.add_argument("--log-level", default="warning")
    parser.add_argument("--rate-limits", action="store_true", help="enforce the documented v2 per-minute limits")
    parser.add_argument("--retry-after", action="store_true", help="send Retry-After with v2 429s")
    args = parser.parse_args(argv)

    emu = Emulator(
        api_key=args.api_key,
        host=args.host,
        port=args.port,
        seed=args.seed,
        task_duration=args.task_duration,
        output_files=args.output_files,
        webhook_signature_mode=args.signature_mode,
        strict=args.strict,
        log_level=args.log_level,
        rate_limits=args.rate_limits,
        rate_limit_retry_after=args.retry_after,
    )
    done = threading.Event()

    def stop(signum: int, frame: object) -> None:
        done.set()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    with emu:
        print(f"Manus emulator listening on {emu.base_url}", flush=True)
        print(f"MANUS_BASE_URL={emu.base_url}", flush=True)
        print(f"MANUS_API_KEY={emu.api_key}", flush=True)
        print(f"v2 endpoints: {emu.v2_url}/<resource>.<verb> with the header x-manus-api-key", flush=True)
        print("Press Ctrl-C to stop.", flush=True)
        while not done.wait(0.5):
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
