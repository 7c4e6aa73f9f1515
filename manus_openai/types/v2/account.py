"""v2 projects, webhooks, browsers, connectors, skills, agents, usage and websites (manus-api.md §6.11-6.14).

Every field the docs name is typed; anything else Manus sends is kept (``model_extra``).
"""

from __future__ import annotations

from typing import Any, ClassVar, List, Optional

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
    "Skill",
]


class Done(V2Envelope):
    """An answer with nothing but ``{ok, request_id}`` (deletes, ``website.update``)."""


class V2Project(V2Model):
    """A project: its ``instruction`` applies to every task created in it."""

    _timestamps: ClassVar[tuple[str, ...]] = ("created_at",)

    id: str
    name: Optional[str] = None
    created_at: Optional[float] = None
    instruction: Optional[str] = None


class ProjectCreated(V2Envelope):
    project: V2Project


class V2Webhook(V2Model):
    """A registered webhook (``status`` ``active`` / ``inactive``)."""

    _timestamps: ClassVar[tuple[str, ...]] = ("created_at",)

    id: str
    url: Optional[str] = None
    status: Optional[str] = None
    created_at: Optional[float] = None


class V2WebhookCreated(V2Envelope):
    webhook: V2Webhook


class V2WebhookPublicKey(V2Envelope):
    """``webhook.publicKey``: the PEM that verifies deliveries (``algorithm`` ``RSA-SHA256``)."""

    public_key: str
    algorithm: Optional[str] = None


class Browser(V2Model):
    """A Manus Browser Extension that is online (``client_id`` goes to a ``needConnectMyBrowser`` confirm)."""

    client_id: str
    client_name: Optional[str] = None
    ua: Optional[str] = None


class Connector(V2Model):
    id: str
    name: Optional[str] = None
    type: Optional[str] = None
    description: Optional[str] = None
    category: Optional[str] = None


class CreatorInfo(V2Model):
    user_id: Optional[str] = None
    name: Optional[str] = None


class Skill(V2Model):
    _timestamps: ClassVar[tuple[str, ...]] = ("created_at", "updated_at")

    id: str
    name: Optional[str] = None
    description: Optional[str] = None
    owner_type: Optional[str] = None
    creator_info: Optional[CreatorInfo] = None
    created_at: Optional[float] = None
    updated_at: Optional[float] = None


class Agent(V2Model):
    """An agent and its persistent main task (``agent-default`` is the default IM agent)."""

    id: str
    task_id: Optional[str] = None
    nickname: Optional[str] = None
    about: Optional[str] = None


class AgentDetail(V2Envelope):
    agent: Agent


class CollaborateInfo(V2Model):
    user_id: Optional[str] = None
    user_name: Optional[str] = None
    credits: Optional[float] = None


class UsageRecord(V2Model):
    """One credit movement: ``credits`` negative when spent, positive for a refund or grant."""

    _timestamps: ClassVar[tuple[str, ...]] = ("created_at",)

    task_id: Optional[str] = None
    title: Optional[str] = None
    credits: Optional[float] = None
    created_at: Optional[float] = None
    type: Optional[str] = None
    collaborate_infos: List[CollaborateInfo] = []


class TeamStatistic(V2Model):
    _timestamps: ClassVar[tuple[str, ...]] = ("date",)

    date: Optional[float] = None
    credits: Optional[float] = None


class TeamLogRow(V2Model):
    user_id: Optional[str] = None
    user_name: Optional[str] = None
    email: Optional[str] = None
    task_count: Optional[int] = None
    credits: Optional[float] = None


class AvailableCredits(V2Model):
    """The account's balance; ``total_credits`` is authoritative."""

    _timestamps: ClassVar[tuple[str, ...]] = ("next_refresh_time",)

    total_credits: Optional[float] = None
    free_credits: Optional[float] = None
    periodic_credits: Optional[float] = None
    addon_credits: Optional[float] = None
    pro_monthly_credits: Optional[float] = None
    event_credits: Optional[float] = None
    refresh_credits: Optional[float] = None
    max_refresh_credits: Optional[float] = None
    next_refresh_time: Optional[float] = None
    refresh_interval: Optional[str] = None


class AvailableCreditsAnswer(V2Envelope):
    data: AvailableCredits


class Website(V2Envelope):
    """``website.status``: publish state, URLs (``site_urls[0]`` is the space URL) and visibility."""

    _timestamps: ClassVar[tuple[str, ...]] = ("status_updated_at",)

    website_id: Optional[str] = None
    publish_status: Optional[str] = None
    site_urls: List[str] = []
    version_id: Optional[str] = None
    status_updated_at: Optional[float] = None
    visibility: Optional[str] = None


class WebsiteCheckpoint(V2Model):
    _timestamps: ClassVar[tuple[str, ...]] = ("created_at",)

    version_id: Optional[str] = None
    message: Optional[str] = None
    status: Optional[str] = None
    created_at: Optional[float] = None


class WebsiteCheckpoints(V2Envelope):
    website_id: Optional[str] = None
    data: List[WebsiteCheckpoint] = []
    published_version_id: Optional[str] = None


class WebsitePublished(V2Envelope):
    website_id: Optional[str] = None
    version_id: Optional[str] = None


class DataList(V2Envelope):
    """An unpaginated ``{data: [...]}`` answer (items left as sent; the resources type them)."""

    data: List[Any] = []
