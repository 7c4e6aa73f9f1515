"""Receive Manus webhooks in Flask (the same three lines work in Django or any sync framework).

Flask is not a dependency of manus-openai: ``pip install flask 'manus-openai[webhooks]'``. Only
``create_app`` imports it; the logic is :func:`handle_delivery`, which any framework can call
with the *raw* body bytes (``request.get_data()``, never a re-serialised ``request.json``: the
signature covers the exact bytes) and the request headers.

Run it::

    export MANUS_WEBHOOK_URL='https://api.example.com/manus/webhook'   # exactly as registered
    export MANUS_WEBHOOK_PUBLIC_KEY='-----BEGIN PUBLIC KEY-----...'    # GET /v1/webhook/public_key
    python examples/webhook_flask.py

Without those variables it runs offline: it signs a delivery with a throwaway key and posts it
through Flask's test client.

Django::

    @csrf_exempt
    def manus_webhook(request):
        body, status = handle_delivery(receiver, request.body, request.headers)
        return JsonResponse(body, status=status)
"""

from __future__ import annotations

import importlib
import os
from typing import Any

from manus_openai.webhooks import HeadersLike, TaskStoppedEvent, WebhookEvent, WebhookReceiver


def on_event(event: WebhookEvent) -> None:
    """Runs on the receiver's worker thread, after Manus got its 200, one event at a time."""
    if isinstance(event, TaskStoppedEvent):
        print(f"task {event.task_id} stopped ({event.stop_reason}): {event.message}")
    else:
        print(f"{event.event_type} for task {event.task_id}")


def make_receiver(url: str, public_key: Any) -> WebhookReceiver:
    """One receiver per process: it remembers deliveries (dedupe) and serves ``wait_stopped``."""
    return WebhookReceiver(url=url, public_key=public_key, callback=on_event)


def handle_delivery(receiver: WebhookReceiver, body: bytes, headers: HeadersLike) -> tuple[dict[str, Any], int]:
    """Framework-agnostic core: returns the JSON body and status code to answer Manus with."""
    status, response_body, _event = receiver.handle(body, headers)
    return response_body, status


def create_app(receiver: WebhookReceiver) -> Any:
    """A Flask app with one route; Flask is imported here only."""
    try:
        flask: Any = importlib.import_module("flask")
    except ImportError:
        raise SystemExit("This example needs Flask: pip install flask") from None

    def manus_webhook() -> tuple[dict[str, Any], int]:
        return handle_delivery(receiver, flask.request.get_data(), flask.request.headers)

    app = flask.Flask(__name__)
    app.add_url_rule("/manus/webhook", view_func=manus_webhook, methods=["POST"])
    return app


def main() -> None:
    url = os.environ.get("MANUS_WEBHOOK_URL")
    public_key = os.environ.get("MANUS_WEBHOOK_PUBLIC_KEY")
    if url and public_key:
        create_app(make_receiver(url, public_key)).run(port=8080)
        return

    import json

    from cryptography.hazmat.primitives.asymmetric import rsa

    from manus_openai.webhooks import sign_webhook

    manus_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)  # stands in for Manus's key
    url = "http://localhost/manus/webhook"
    receiver = make_receiver(url, manus_key.public_key())
    client = create_app(receiver).test_client()
    body = json.dumps(
        {
            "event_id": "task_stopped_abc",
            "event_type": "task_stopped",
            "task_detail": {"task_id": "abc", "message": "Done.", "stop_reason": "finish"},
        }
    ).encode()
    response = client.post("/manus/webhook", data=body, headers=sign_webhook(body, url=url, private_key=manus_key))
    print(response.status_code, response.get_json())
    receiver.close()


if __name__ == "__main__":
    main()
