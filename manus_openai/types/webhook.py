"""Models of the v1 webhook management endpoints (``manus-api.md`` §4.9)."""

from __future__ import annotations

from openai import BaseModel

__all__ = ["WebhookCreated", "WebhookPublicKey"]


class WebhookCreated(BaseModel):
    """``POST /v1/webhooks`` -> ``{"webhook_id": ...}``.

    Example::

        created = client.webhooks.create("https://example.com/manus-hook")
        print(created.webhook_id)
    """

    webhook_id: str


class WebhookPublicKey(BaseModel):
    """``GET /v1/webhook/public_key``: the PEM key Manus signs deliveries with.

    Example::

        key = client.webhooks.public_key()
        print(key.algorithm)  # RSA-SHA256
    """

    public_key: str
    algorithm: str | None = None
    created_at: str | None = None
