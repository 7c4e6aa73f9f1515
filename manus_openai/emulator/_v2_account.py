"""The v2 ``agent.*``, ``usage.*`` and ``website.*`` endpoints (manus-api.md §6.14).

Choices where the docs are silent:

* Agents: only ``agent-default`` exists; its ``task_id`` is the main task (created on first use).
  ``agent.update`` needs ``nickname`` and/or ``about`` (non-empty strings); an unknown
  ``agent_id`` is a 404.
* Usage follows what tasks really consumed: ``usage.list`` has one ``cost`` record per task with
  credits (negative ``credits``), deleted tasks titled ``Deleted conversation``, newest first.
  The account is personal unless ``Emulator(account_type="team")``: ``usage.teamStatistic`` and
  ``usage.teamLog`` are 403 ``permission_denied`` for a personal account. The API key is the
  team admin's, so both report the whole team. ``start_date``/``end_date`` default to the last
  30 days and must be ordered; a task counts in the range its ``created_at`` falls in.
* ``usage.teamLog`` has one row per team member (§6.14): the owner and every
  ``Emulator(team_members=...)`` member, members without tasks in the range included with
  ``0``/``0``; ``task_count`` counts the member's tasks created in the range (deleted ones
  too), ``credits`` what they consumed. A task belongs to whoever created it: the owner for
  the API key, ``add_oauth_token(user_id=...)``'s member for that token, ``seed_tasks(users=...)``
  for seeded tasks. Rows are ordered by ``sort_by`` (``is_asc``), ties by ``user_id``; the
  cursor is a position in that order and pins the query's range and sort: the next page is the
  same request plus ``cursor`` (a cursor with another ``sort_by``/``is_asc``/range is a 400
  naming ``cursor``; when the request leaves the dates out, the cursor's range applies, so
  "the last 30 days" does not slide between pages). Each page reads the aggregates as they are
  when it is served. ``usage.availableCredits`` reports ``credit_limit`` minus what was spent (1,000
  credits when there is no limit), all of it as ``periodic_credits``; the refresh fields are
  ``0``/``0``/``""`` for teams and a daily 300-credit refresh for personal accounts.
* Websites exist only for tasks that built one (``[[manus:website]]`` or
  ``Scenario(website=True)``); a task without a site is a 404. ``website.publish`` sets
  ``publishing`` and, 2 seconds of the emulator clock later, ``published`` with the latest
  checkpoint; ``site_urls[0]`` is the space URL. A site's visibility cap is ``public``
  (``Emulator.engine`` tests may lower ``Website.cap``); above it, 403 ``permission_denied``.
  Before its first publish a site's ``visibility`` is ``private``.
"""

from __future__ import annotations

from typing import Any, Literal

from starlette.routing import Route

from ._engine import Engine
from ._errors import ApiError
from ._model import Task, Website
from ._store import OWNER
from ._v2_http import Call, V2Surface
from ._v2_tasks import AGENT_ID, V2Tasks
from ._v2_views import decode_cursor, encode_cursor

__all__ = ["PUBLISH_SECONDS", "V2Account"]

JSONDict = dict[str, Any]
PUBLISH_SECONDS = 2.0
DAY = 86_400


class V2Account:
    """Handlers of agents, usage and websites."""

    def __init__(self, engine: Engine, tasks: V2Tasks, *, account_type: str = "personal") -> None:
        self.engine = engine
        self.tasks = tasks
        self.account_type = account_type
        self.agent = {"nickname": "Manus", "about": "Your default Manus agent"}

    def routes(self, surface: V2Surface) -> list[Route]:
        return [
            surface.route("agent.list", self.agent_list),
            surface.route("agent.detail", self.agent_detail),
            surface.route("agent.update", self.agent_update),
            surface.route("usage.list", self.usage_list),
            surface.route("usage.teamStatistic", self.team_statistic),
            surface.route("usage.teamLog", self.team_log),
            surface.route("usage.availableCredits", self.available_credits),
            surface.route("website.status", self.website_status),
            surface.route("website.listCheckpoints", self.website_checkpoints),
            surface.route("website.publish", self.website_publish),
            surface.route("website.update", self.website_update),
        ]

    # ------------------------------------------------------------------ agents
    def _agent(self) -> JSONDict:
        return {"id": AGENT_ID, "task_id": self.tasks.main_task().id, **self.agent}

    def _agent_id(self, call: Call) -> None:
        agent_id = call.need("agent_id")
        if agent_id != AGENT_ID:
            raise ApiError.not_found(f"agent not found: {agent_id}")

    async def agent_list(self, call: Call) -> JSONDict:
        return {"data": [self._agent()]}

    async def agent_detail(self, call: Call) -> JSONDict:
        self._agent_id(call)
        return {"agent": self._agent()}

    async def agent_update(self, call: Call) -> JSONDict:
        self._agent_id(call)
        changes = {k: call.text(k, empty_ok=False) for k in ("nickname", "about")}
        given = {k: v for k, v in changes.items() if v is not None}
        if not given:
            raise ApiError.invalid("nickname", "give nickname and/or about")
        self.agent.update(given)
        return {"agent": self._agent()}

    # ------------------------------------------------------------------ usage
    def _records(self, *, with_zero: bool = False) -> list[tuple[float, str, str, int, str]]:
        """``(created_at, task_id, title, credits, user_id)`` newest first (tasks with credits only,
        unless ``with_zero``)."""
        now = self.engine.clock.now()
        rate = self.engine.credits_per_second
        owner = OWNER["user_id"]
        with self.engine.lock:
            self.engine.advance_active()
            rows = [
                (t.created_at, t.id, t.title, t.credits(now, rate), t.user_id or owner)
                for t in self.engine.tasks.values()
            ]
            rows += [
                (c, i, "Deleted conversation", n, u or owner) for i, (c, n, u) in self.engine.deleted_usage.items()
            ]
        return sorted((r for r in rows if with_zero or r[3] > 0), key=lambda r: (r[0], r[1]), reverse=True)

    async def usage_list(self, call: Call) -> JSONDict:
        limit = call.integer("limit", 20, 1, 100)
        cursor = call.text("cursor")
        start = int(decode_cursor(cursor, "usage", 2)[1]) if cursor else 0
        rows = self._records()
        page = rows[start : start + limit]
        data = [
            {
                "task_id": task_id,
                "title": title,
                "credits": -credits,
                "created_at": int(created),
                "type": "cost",
                "collaborate_infos": [],
            }
            for created, task_id, title, credits, _ in page
        ]
        body: JSONDict = {"data": data, "has_more": start + limit < len(rows)}
        if body["has_more"]:
            body["next_cursor"] = encode_cursor("usage", start + limit)
        return body

    def _team(self, name: str) -> None:
        if self.account_type != "team":
            raise ApiError.denied(f"{name} is available to team accounts only")

    def _range(self, call: Call, pinned: tuple[int, int] | None = None) -> tuple[int, int]:
        now = int(self.engine.clock.now())
        end = call.opt_int("end_date")
        start = call.opt_int("start_date")
        if pinned is not None:
            start = pinned[0] if start is None else start
            end = pinned[1] if end is None else end
        end = now if end is None else end
        start = end - 30 * DAY if start is None else start
        if start > end:
            raise ApiError.invalid("start_date", "must not be after end_date")
        return start, end

    async def team_statistic(self, call: Call) -> JSONDict:
        self._team("usage.teamStatistic")
        start, end = self._range(call)
        days: dict[int, int] = {}
        for created, _, _, credits, _ in self._records():
            if start <= created <= end:
                day = int(created) - int(created) % DAY
                days[day] = days.get(day, 0) + credits
        return {"data": [{"date": d, "credits": days[d]} for d in sorted(days)]}

    async def team_log(self, call: Call) -> JSONDict:
        self._team("usage.teamLog")
        limit = call.integer("limit", 20, 1, 100)
        sort_by = call.choice("sort_by", ("task_count", "credits"), "task_count") or "task_count"
        ascending = bool(call.flag("is_asc", False))
        cursor = call.text("cursor")
        offset, pinned = 0, None
        if cursor:
            _, c_sort, c_asc, c_start, c_end, c_offset = decode_cursor(cursor, "teamlog", 6)
            if not all(p.lstrip("-").isdigit() for p in (c_asc, c_start, c_end, c_offset)):
                raise ApiError.invalid("cursor", "unknown or foreign cursor (pass next_cursor unchanged)")
            offset, pinned = int(c_offset), (int(c_start), int(c_end))
            if (c_sort, c_asc) != (sort_by, str(int(ascending))):
                raise ApiError.invalid("cursor", "this cursor belongs to another sort_by or is_asc")
        start, end = self._range(call, pinned)
        if pinned is not None and pinned != (start, end):
            raise ApiError.invalid("cursor", "this cursor belongs to another start_date/end_date")
        totals = {user_id: [0, 0] for user_id in self.engine.members}
        for created, _, _, credits, user_id in self._records(with_zero=True):
            if start <= created <= end and user_id in totals:
                totals[user_id][0] += 1
                totals[user_id][1] += credits
        key = 0 if sort_by == "task_count" else 1
        # Ties by user_id ascending in both directions, so equal rows never swap between pages.
        order = sorted(totals, key=lambda u: u)
        order.sort(key=lambda u: totals[u][key], reverse=not ascending)
        members = self.engine.members
        data = [
            {**members[u], "task_count": totals[u][0], "credits": totals[u][1]} for u in order[offset : offset + limit]
        ]
        body: JSONDict = {"data": data, "has_more": offset + limit < len(order)}
        if body["has_more"]:
            body["next_cursor"] = encode_cursor("teamlog", sort_by, int(ascending), start, end, offset + limit)
        return body

    async def available_credits(self, call: Call) -> JSONDict:
        spent = sum(r[3] for r in self._records())
        total = max(0, (self.engine.credit_limit if self.engine.credit_limit is not None else 1000) - spent)
        team = self.account_type == "team"
        return {
            "data": {
                "total_credits": total,
                "free_credits": 0,
                "periodic_credits": total,
                "addon_credits": 0,
                "pro_monthly_credits": 0,
                "event_credits": 0,
                "refresh_credits": 0 if team else 300,
                "max_refresh_credits": 0 if team else 300,
                "next_refresh_time": 0 if team else (int(self.engine.clock.now()) // DAY + 1) * DAY,
                "refresh_interval": "" if team else "daily",
            }
        }

    # ------------------------------------------------------------------ websites
    def _site(self, call: Call) -> tuple[Task, Website]:
        task_id = call.text("task_id") or None
        website_id = call.text("website_id") or None
        if (task_id is None) == (website_id is None):
            raise ApiError.invalid("task_id", "give exactly one of task_id or website_id")
        if website_id is not None:
            owner = self.engine.websites.get(website_id)
            if owner is None or owner not in self.engine.tasks:
                raise ApiError.not_found(f"website not found: {website_id}")
            task_id = owner
        assert task_id is not None
        task = self.tasks.task(call) if call.has("task_id") else self.engine.get(task_id)
        if task.website is None:
            raise ApiError.not_found(f"task {task.id} has no website")
        site = task.website
        done = site.publish_done_at
        if site.publish_status == "publishing" and done is not None and self.engine.clock.now() >= done:
            site.publish_status = "published"
            site.status_updated_at = done
        return task, site

    async def website_status(self, call: Call) -> JSONDict:
        _, site = self._site(call)
        body: JSONDict = {"website_id": site.id, "publish_status": site.publish_status, "visibility": site.visibility}
        if site.publish_status == "published":
            body["site_urls"] = [f"https://{site.id}.manus.space/"]
        if site.published_version is not None:
            body["version_id"] = site.published_version
        if site.status_updated_at is not None:
            body["status_updated_at"] = int(site.status_updated_at)
        return body

    async def website_checkpoints(self, call: Call) -> JSONDict:
        _, site = self._site(call)
        data = [
            {"version_id": v, "message": m, "status": "success", "created_at": int(at)}
            for v, m, at in reversed(site.checkpoints)
        ]
        body: JSONDict = {"website_id": site.id, "data": data}
        if site.published_version is not None:
            body["published_version_id"] = site.published_version
        return body

    async def website_publish(self, call: Call) -> JSONDict:
        _, site = self._site(call)
        visibility: Literal["public", "team"] = call.choice("visibility", ("public", "team"), "public") or "public"
        if site.cap == "team" and visibility == "public":
            raise ApiError.denied("this site's visibility cap is team; public is not allowed")
        now = self.engine.clock.now()
        version = site.checkpoints[-1][0]
        site.publish_status = "publishing"
        site.published_version = version
        site.publish_done_at = now + PUBLISH_SECONDS
        site.status_updated_at = now
        site.visibility = visibility
        return {"website_id": site.id, "version_id": version}

    async def website_update(self, call: Call) -> JSONDict:
        _, site = self._site(call)
        title = call.text("title", empty_ok=False)
        visibility: Literal["public", "team"] | None = call.choice("visibility", ("public", "team"))
        if title is None and visibility is None:
            raise ApiError.invalid("title", "give title and/or visibility")
        if visibility == "public" and site.cap == "team":
            raise ApiError.denied("this site's visibility cap is team; public is not allowed")
        if title is not None:
            site.title = title
        if visibility is not None:
            site.visibility = visibility
        return {}
