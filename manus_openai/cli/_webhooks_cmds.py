"""``manus webhooks create | list | delete | listen``.

``list`` is v2's ``webhook.list`` (v1 documents no webhook list: exit 5 there). Rows and ``create``'s
output carry the id as ``webhook_id`` on both APIs.

``listen`` serves ``manus_openai.webhooks.WebhookReceiver`` with uvicorn on ``--host``/``--port``: every
delivery is verified against the account's public key (fetched once at start) and the URL it was
registered under (``--url``, default ``http://HOST:PORT/``; behind a tunnel, pass the public URL), then
printed as it arrives. ``--register`` registers that URL first (once the server is up, so Manus's test
request is answered) and deletes it on exit. ``--max-events N`` exits after N events (scripts, tests).
"""

from __future__ import annotations

import socket
import threading
import time
from datetime import datetime, timezone
from typing import Annotated, Any

import typer
from rich.table import Table

from ._exit import CliError
from ._session import Session, emit, run_command
from ._task_cmds import JsonOpt

__all__ = ["event_line", "webhooks_app"]

webhooks_app = typer.Typer(
    help="Register, delete and listen to webhooks (signed deliveries of task events).",
    epilog="Examples:\n\n  manus webhooks create https://example.com/manus-hook\n\n"
    "  manus webhooks listen --port 8000 --url https://my-tunnel.example/ --register\n\n"
    "  manus webhooks listen --port 8000 --json | jq .event_type\n\n  manus webhooks list\n\n"
    "  manus webhooks delete WEBHOOK_ID",
    no_args_is_help=True,
)


@webhooks_app.command("create", epilog="Example: manus webhooks create https://example.com/manus-hook")
def create(
    ctx: typer.Context,
    url: Annotated[str, typer.Argument(help="The public https URL Manus should POST events to.")],
    as_json: JsonOpt = False,
) -> None:
    """Register a webhook URL (Manus sends it a test request first) and print its id."""

    def body(session: Session) -> int:
        if not url.startswith(("http://", "https://")):
            raise CliError(f"the webhook URL must start with http:// or https://, got {url!r}")
        created = session.backend().create_webhook(url)
        if as_json:
            emit(created)
        else:
            session.line(str(created.get("webhook_id")))
        return 0

    run_command(ctx, body)


@webhooks_app.command("list", epilog="Example: manus webhooks list --json | jq -r .webhook_id")
def list_webhooks(
    ctx: typer.Context, as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False
) -> None:
    """List the registered webhooks (v2; v1 has no list: exit 5)."""

    def body(session: Session) -> int:
        hooks = session.backend().list_webhooks()
        if as_json:
            for hook in hooks:
                emit(hook)
            return 0
        if not hooks:
            session.info("no webhooks")
            return 0
        table = Table(box=None, show_edge=False, pad_edge=False)
        for name in ("ID", "STATUS", "CREATED", "URL"):
            table.add_column(name, no_wrap=name != "URL")
        for hook in hooks:
            created = hook.get("created_at")
            when = datetime.fromtimestamp(created, tz=timezone.utc).strftime("%Y-%m-%d %H:%M") if created else ""
            table.add_row(str(hook.get("webhook_id")), str(hook.get("status") or ""), when, str(hook.get("url") or ""))
        session.out.print(table)
        return 0

    run_command(ctx, body)


@webhooks_app.command("delete", epilog="Example: manus webhooks delete WEBHOOK_ID")
def delete(
    ctx: typer.Context,
    webhook_id: Annotated[str, typer.Argument(metavar="WEBHOOK_ID", help="The webhook id.")],
    as_json: JsonOpt = False,
) -> None:
    """Delete a webhook."""

    def body(session: Session) -> int:
        session.backend().delete_webhook(webhook_id)
        if as_json:
            emit({"id": webhook_id, "deleted": True})
        else:
            session.info(f"deleted {webhook_id}")
        return 0

    run_command(ctx, body)


def event_line(event: Any) -> str:
    """One event for people: time, type, task and what it says.

    >>> from manus_openai.webhooks import parse_event
    >>> e = parse_event(b'{"event_id": "e", "event_type": "task_stopped", "task_detail": '
    ...                 b'{"task_id": "abc", "stop_reason": "ask", "message": "Which year?"}}')
    >>> event_line(e)[10:]
    'task_stopped  abc  ask: Which year?'
    """
    parts = [datetime.now().strftime("%H:%M:%S"), str(getattr(event, "event_type", None) or "event")]
    task_id = getattr(event, "task_id", None)
    if task_id:
        parts.append(str(task_id))
    reason = getattr(event, "stop_reason", None)
    message = getattr(event, "message", None)
    if reason or message:
        parts.append(f"{reason}: {message}" if reason else str(message))
    return "  ".join(parts)


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise CliError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    return sock


@webhooks_app.command(
    "listen", epilog="Example: manus webhooks listen --port 8000 --url https://my-tunnel.example/ --register"
)
def listen(
    ctx: typer.Context,
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on (0: any free one).")] = 8000,
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
    url: Annotated[
        str | None, typer.Option("--url", help="The URL as registered with Manus [default: http://HOST:PORT/].")
    ] = None,
    register: Annotated[bool, typer.Option("--register", help="Register the URL now, delete it on exit.")] = False,
    max_events: Annotated[int | None, typer.Option("--max-events", min=1, help="Exit after N events.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per event on stdout.")] = False,
) -> None:
    """Receive webhook deliveries, verify their signatures and print each event live (Ctrl-C ends)."""

    def body(session: Session) -> int:
        import uvicorn

        from ..webhooks import WebhookReceiver

        backend = session.backend()
        public_key = backend.webhook_public_key()
        sock = _bind(host, port)
        bound = sock.getsockname()[1]
        public_url = url or f"http://{host}:{bound}/"
        seen = 0
        lock = threading.Lock()
        server: uvicorn.Server

        def on_event(event: Any) -> None:
            nonlocal seen
            if as_json:
                emit(event.model_dump(mode="json"))
            else:
                session.line(event_line(event))
            with lock:
                seen += 1
                if max_events is not None and seen >= max_events:
                    server.should_exit = True

        receiver = WebhookReceiver(url=public_url, public_key=public_key, callback=on_event)
        server = uvicorn.Server(uvicorn.Config(receiver, log_level="warning", lifespan="off"))
        hook: dict[str, Any] = {}
        failure: list[BaseException] = []

        def register_when_up() -> None:
            while not server.started and not server.should_exit:
                time.sleep(0.02)
            try:
                hook.update(backend.create_webhook(public_url))
                session.info(f"registered {public_url} as webhook {hook.get('webhook_id')}")
            except Exception as exc:
                failure.append(exc)
                server.should_exit = True

        session.info(f"listening on http://{host}:{bound}/  (verifying signatures for {public_url}; Ctrl-C to stop)")
        registrar = threading.Thread(target=register_when_up, daemon=True) if register else None
        if registrar is not None:
            registrar.start()
        try:
            server.run(sockets=[sock])
        finally:
            sock.close()
            if registrar is not None:
                server.should_exit = True
                registrar.join()
            receiver.close()
            if hook.get("webhook_id"):
                backend.delete_webhook(str(hook["webhook_id"]))
                session.info(f"deleted webhook {hook['webhook_id']}")
        if failure:
            raise failure[0]
        return 0

    run_command(ctx, body)
