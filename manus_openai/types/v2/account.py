"""v2 projects, webhooks, browsers, connectors, skills, agents, usage and websites (manus-api.md §6.11-6.14).

Every field the docs name is typed; anything else Manus sends is kept (``model_extra``).
"""

from __future__ import annotations

from typing import Any, ClassVar

from ._base import V2Envelope, V2Model

__all__ = [
    "Agent",
    "AgentDetail",
    "AvailableCredits",
    "AvailableCreditsAnswer",
    "Browser",
    "Connector",
    "CreatorInfo",
    "Done",
    "Skill",
    "TeamLogRow",
    "TeamStatistic",
    "UsageRecord",
    "V2Project",
    "V2Webhook",
    "V2WebhookCreated",
    "V2WebhookPublicKey",
    "Website",
    "WebsiteCheckpoint",
    "WebsiteCheckpoints",
    "WebsitePublished",
]


class Done(V2Envelope):
    """An answer with nothing but ``{ok, request_id}`` (deletes, ``website.update``)."""


class V2Project(V2Model):
    """A project: its ``instruction`` applies to every task created in it."""

    _timestamps: ClassVar[tuple[str, ...]] = ("created_at",)

    id: str
    name: str | None = None
    created_at: float | None = None
    instruction: str | None = None


class ProjectCreated(V2Envelope):
    _payload: ClassVar[str | None] = "project"

    project: V2Project


class V2Webhook(V2Model):
    """A registered webhook (``status`` ``active`` / ``inactive``)."""

    _timestamps: ClassVar[tuple[str, ...]] = ("created_at",)

    id: str
    url: str | None = None
    status: str | None = None
    created_at: float | None = None


class V2WebhookCreated(V2Envelope):
    _payload: ClassVar[str | None] = "webhook"

    webhook: V2Webhook


class V2WebhookPublicKey(V2Envelope):
    """``webhook.publicKey``: the PEM that verifies deliveries (``algorithm`` ``RSA-SHA256``)."""

    public_key: str
    algorithm: str | None = None


class Browser(V2Model):
    """A Manus Browser Extension that is online (``client_id`` goes to a ``needConnectMyBrowser`` confirm)."""

    client_id: str
    client_name: str | None = None
    ua: str | None = None


class Connector(V2Model):
    id: str
    name: str | None = None
    type: str | None = None
    description: str | None = None
    category: str | None = None


class CreatorInfo(V2Model):
    user_id: str | None = None
    name: str | None = None


class Skill(V2Model):
    _timestamps: ClassVar[tuple[str, ...]] = ("created_at", "updated_at")

    id: str
    name: str | None = None
    description: str | None = None
    owner_type: str | None = None
    creator_info: CreatorInfo | None = None
    created_at: float | None = None
    updated_at: float | None = None


class Agent(V2Model):
    """An agent and its persistent main task (``agent-default`` is the default IM agent)."""

    id: str
    task_id: str | None = None
    nickname: str | None = None
    about: str | None = None


class AgentDetail(V2Envelope):
    _payload: ClassVar[str | None] = "agent"

    agent: Agent


class CollaborateInfo(V2Model):
    user_id: str | None = None
    user_name: str | None = None
    credits: float | None = None


class UsageRecord(V2Model):
    """One credit movement: ``credits`` negative when spent, positive for a refund or grant."""

    _timestamps: ClassVar[tuple[str, ...]] = ("created_at",)

    task_id: str | None = None
    title: str | None = None
    credits: float | None = None
    created_at: float | None = None
    type: str | None = None
    collaborate_infos: list[CollaborateInfo] = []


class TeamStatistic(V2Model):
    _timestamps: ClassVar[tuple[str, ...]] = ("date",)

    date: float | None = None
    credits: float | None = None


class TeamLogRow(V2Model):
    user_id: str | None = None
    user_name: str | None = None
    email: str | None = None
    task_count: int | None = None
    credits: float | None = None


class AvailableCredits(V2Model):
    """The account's balance; ``total_credits`` is authoritative."""

    _timestamps: ClassVar[tuple[str, ...]] = ("next_refresh_time",)

    total_credits: float | None = None
    free_credits: float | None = None
    periodic_credits: float | None = None
    addon_credits: float | None = None
    pro_monthly_credits: float | None = None
    event_credits: float | None = None
    refresh_credits: float | None = None
    max_refresh_credits: float | None = None
    next_refresh_time: float | None = None
    refresh_interval: str | None = None


class AvailableCreditsAnswer(V2Envelope):
    _payload: ClassVar[str | None] = "data"

    data: AvailableCredits


class Website(V2Envelope):
    """``website.status``: publish state, URLs (``site_urls[0]`` is the space URL) and visibility."""

    _timestamps: ClassVar[tuple[str, ...]] = ("status_updated_at",)

    website_id: str | None = None
    publish_status: str | None = None
    site_urls: list[str] = []
    version_id: str | None = None
    status_updated_at: float | None = None
    visibility: str | None = None


class WebsiteCheckpoint(V2Model):
    _timestamps: ClassVar[tuple[str, ...]] = ("created_at",)

    version_id: str | None = None
    message: str | None = None
    status: str | None = None
    created_at: float | None = None


class WebsiteCheckpoints(V2Envelope):
    website_id: str | None = None
    data: list[WebsiteCheckpoint] = []
    published_version_id: str | None = None


class WebsitePublished(V2Envelope):
    website_id: str | None = None
    version_id: str | None = None


class DataList(V2Envelope):
    """An unpaginated ``{data: [...]}`` answer (items left as sent; the resources type them)."""

    data: list[Any] = []
