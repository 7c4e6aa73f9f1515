"""Receive Manus webhooks with the built-in ASGI receiver (no web framework needed).

Offline demo (needs the dev/emulator extras for uvicorn and cryptography)::

    python examples/webhook_receiver.py

It serves the receiver with uvicorn on a free loopback port, signs an activation request, a
``task_created`` and a ``task_stopped`` delivery with a throwaway RSA key exactly as Manus does,
posts them to itself, and returns from ``await receiver.await_stopped(...)`` as soon as the stop
arrives.

In production, register the public URL with Manus (``POST /v1/webhooks``), then::

    export MANUS_WEBHOOK_URL='https://api.example.com/manus/webhook'   # exactly as registered
    export MANUS_WEBHOOK_PUBLIC_KEY="$(curl -s -H "API_KEY: $MANUS_API_KEY" \\
        https://api.manus.ai/v1/webhook/public_key | jq -r .public_key)"
    uvicorn --app-dir examples --factory webhook_receiver:create_app

Or mount it in an existing ASGI app: ``app.mount("/manus/webhook", create_app())`` (Starlette,
FastAPI). The signed URL is the registered one, never the one the proxy forwards to.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import sys

from manus_openai.webhooks import (
    TaskCreatedEvent,
    TaskStoppedEvent,
    WebhookEvent,
    WebhookReceiver,
    sign_webhook,
)


async def on_event(event: WebhookEvent) -> None:
    """Runs as a task on the server's loop after Manus got its 200; keep slow work here."""
    if isinstance(event, TaskCreatedEvent):
        print(f"created  {event.task_id}: {event.task_title}")
    elif isinstance(event, TaskStoppedEvent):
        files = ", ".join(a.file_name for a in event.attachments) or "no files"
        print(f"stopped  {event.task_id} ({event.stop_reason}): {event.message} [{files}]")
    else:
        print(f"other    {event.event_type}: {event.model_dump()}")


def create_app() -> WebhookReceiver:
    """The production app: the URL and the PEM come from the environment."""
    return WebhookReceiver(
        url=os.environ["MANUS_WEBHOOK_URL"],
        public_key=os.environ["MANUS_WEBHOOK_PUBLIC_KEY"],
        callback=on_event,
    )


async def demo() -> None:
    try:
        import httpx
        import uvicorn
        from cryptography.hazmat.primitives.asymmetric import rsa
    except ImportError as exc:
        raise SystemExit(
            f"The demo needs uvicorn and cryptography: pip install 'manus-openai[emulator]' ({exc})"
        ) from None

    manus_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)  # stands in for Manus's key
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/manus/webhook?team=demo"

    receiver = WebhookReceiver(url=url, public_key=manus_key.public_key(), callback=on_event)
    server = uvicorn.Server(uvicorn.Config(receiver, log_level="warning", lifespan="on", ws="none"))
    serving = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        await asyncio.sleep(0.01)

    task_id = "TeBim6FDQf9peS52xHtAyh"
    detail = {"task_id": task_id, "task_title": "Q4 report", "task_url": f"https://manus.im/app/{task_id}"}
    deliveries = [
        {},  # the activation test request (its body is undocumented)
        {"event_id": f"task_created_{task_id}", "event_type": "task_created", "task_detail": detail},
        {
            "event_id": f"task_stopped_{task_id}",
            "event_type": "task_stopped",
            "task_detail": {**detail, "message": "Done.", "stop_reason": "finish", "attachments": []},
        },
    ]
    async with httpx.AsyncClient() as client:
        waiting = asyncio.create_task(receiver.await_stopped(task_id, timeout=10))
        for payload in deliveries:
            body = json.dumps(payload).encode()
            headers = sign_webhook(body, url=url, private_key=manus_key)
            response = await client.post(url, content=body, headers=headers)
            print(f"POST {payload.get('event_type', '(activation)')} -> {response.status_code} {response.text}")
        stopped = await waiting
    print(f"await_stopped -> {stopped.stop_reason if stopped else None}")

    server.should_exit = True
    await serving
    sock.close()
    sys.exit(0 if stopped is not None else 1)


if __name__ == "__main__":
    asyncio.run(demo())
