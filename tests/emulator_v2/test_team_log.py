"""``usage.teamLog`` (manus-api.md §6.14): one row per team member, sorted, cursor-paginated."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from manus_openai.emulator import Emulator, ManualClock

from . import shapes
from .conftest import create, fails, ok

MEMBERS = [{"user_id": f"u{k}", "user_name": f"Member {k}", "email": f"u{k}@example.com"} for k in range(2, 6)]
USERS = ["user_emulator", "u2", "u2", "u3", "u3", "u3", "u4"]  # u5 has no task
NOW = 1_760_000_000.0


@pytest.fixture
def team() -> Iterator[Emulator]:
    clock = ManualClock(start=NOW)
    with Emulator(
        clock=clock, account_type="team", team_members=MEMBERS, task_duration=2, webhook_activation="off"
    ) as emu:
        emu.seed_tasks(14, start=NOW - 14 * 3600, spacing=3600, users=USERS)  # credits 1 + i % 7
        yield emu


@pytest.fixture
def v2(team: Emulator) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=team.v2_url, headers=team.v2_headers, timeout=10) as client:
        yield client


def expected() -> dict[str, tuple[int, int]]:
    totals: dict[str, tuple[int, int]] = {m: (0, 0) for m in ["user_emulator", "u2", "u3", "u4", "u5"]}
    for i in range(14):
        count, credits = totals[USERS[i % len(USERS)]]
        totals[USERS[i % len(USERS)]] = (count + 1, credits + 1 + i % 7)
    return totals


def pages(v2: httpx.Client, **params: Any) -> list[dict[str, Any]]:
    """Every page of ``usage.teamLog`` with these params (the same request plus ``cursor``)."""
    out: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        body = ok(v2.get("/usage.teamLog", params={**params, **({"cursor": cursor} if cursor else {})}))
        out.append(body)
        assert ("next_cursor" in body) == body["has_more"]
        if not body["has_more"]:
            return out
        cursor = body["next_cursor"]


def test_one_row_per_member_with_their_tasks_and_credits(v2: httpx.Client) -> None:
    [page] = pages(v2, limit=100)
    for row in page["data"]:
        shapes.check(row, {"user_id": str, "user_name": str, "email": str, "task_count": int, "credits": int})
    got = {r["user_id"]: (r["task_count"], r["credits"]) for r in page["data"]}
    assert got == expected()
    assert next(r for r in page["data"] if r["user_id"] == "u3")["email"] == "u3@example.com"


@pytest.mark.parametrize(("sort_by", "is_asc"), [(None, None), ("task_count", "true"), ("credits", "false")])
def test_pages_walk_the_sorted_rows(v2: httpx.Client, sort_by: str | None, is_asc: str | None) -> None:
    params = {k: v for k, v in {"sort_by": sort_by, "is_asc": is_asc}.items() if v is not None}
    walked = pages(v2, limit=2, **params)
    assert [len(p["data"]) for p in walked] == [2, 2, 1]
    rows = [r for p in walked for r in p["data"]]
    assert rows == pages(v2, limit=100, **params)[0]["data"]
    key = 1 if sort_by == "credits" else 0
    ascending = is_asc == "true"
    want = sorted(expected().items(), key=lambda kv: kv[0])
    want.sort(key=lambda kv: kv[1][key], reverse=not ascending)
    assert [r["user_id"] for r in rows] == [u for u, _ in want]


def test_the_range_counts_tasks_created_in_it(v2: httpx.Client) -> None:
    start = int(NOW - 7 * 3600)  # the last 7 seeded tasks (i = 7..13)
    [page] = pages(v2, limit=100, start_date=start, end_date=int(NOW))
    assert sum(r["task_count"] for r in page["data"]) == 7
    assert sum(r["credits"] for r in page["data"]) == sum(1 + i % 7 for i in range(7, 14))


def test_a_cursor_pins_the_default_range(team: Emulator, v2: httpx.Client) -> None:
    first = ok(v2.get("/usage.teamLog", params={"limit": 2, "sort_by": "credits"}))
    team.advance(30 * 86_400)  # "the last 30 days" now holds none of the seeded tasks
    rest = ok(v2.get("/usage.teamLog", params={"limit": 100, "sort_by": "credits", "cursor": first["next_cursor"]}))
    assert sum(r["credits"] for r in first["data"] + rest["data"]) == sum(1 + i % 7 for i in range(14))
    assert sum(r["credits"] for r in ok(v2.get("/usage.teamLog"))["data"]) == 0


def test_oauth_members_own_their_tasks_and_deleted_tasks_still_count(team: Emulator, v2: httpx.Client) -> None:
    team.add_oauth_token("tok-u5", scopes=["create_task"], user_id="u5")
    with httpx.Client(base_url=team.v2_url, headers={"Authorization": "Bearer tok-u5"}, timeout=10) as oauth:
        task_id = create(oauth, "Mine")
    team.advance(2)
    ok(v2.post("/task.delete", json={"task_id": task_id}))
    [page] = pages(v2, limit=100)
    u5 = next(r for r in page["data"] if r["user_id"] == "u5")
    assert u5["task_count"] == 1
    assert u5["credits"] > 0


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": "0"}, "limit"),
        ({"limit": "101"}, "limit"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"sort_by": "email"}, "sort_by"),
        ({"is_asc": "maybe"}, "is_asc"),
        ({"start_date": "20", "end_date": "10"}, "start_date"),
    ],
)
def test_bad_input_is_named(v2: httpx.Client, params: dict[str, str], field: str) -> None:
    fails(v2.get("/usage.teamLog", params=params), 400, "invalid_argument", field)


def test_a_cursor_of_another_query_is_refused(v2: httpx.Client) -> None:
    cursor = ok(v2.get("/usage.teamLog", params={"limit": 1}))["next_cursor"]
    for other in ({"sort_by": "credits"}, {"is_asc": "true"}, {"start_date": "0"}):
        refused = v2.get("/usage.teamLog", params={"limit": 1, "cursor": cursor, **other})
        fails(refused, 400, "invalid_argument", "cursor")
    usage_cursor = ok(v2.get("/usage.list", params={"limit": 1}))["next_cursor"]
    fails(v2.get("/usage.teamLog", params={"cursor": usage_cursor}), 400, "invalid_argument", "cursor")


def test_members_are_checked() -> None:
    with pytest.raises(ValueError, match="account_type='team'"):
        Emulator(team_members=MEMBERS)
    with pytest.raises(ValueError, match="given twice"):
        Emulator(account_type="team", team_members=[MEMBERS[0], MEMBERS[0]])
    with pytest.raises(ValueError, match="user_id"):
        Emulator(account_type="team", team_members=[{"user_id": "x"}])
    emu = Emulator(account_type="team", team_members=MEMBERS)
    with pytest.raises(ValueError, match="unknown user"):
        emu.seed_tasks(1, users=["nobody"])
    with pytest.raises(ValueError, match="unknown user_id"):
        emu.add_oauth_token("tok", user_id="nobody")


async def test_async_pages(team: Emulator) -> None:
    async with httpx.AsyncClient(base_url=team.v2_url, headers=team.v2_headers, timeout=10) as v2:
        first = ok(await v2.get("/usage.teamLog", params={"limit": 3}))
        second = ok(await v2.get("/usage.teamLog", params={"limit": 3, "cursor": first["next_cursor"]}))
    assert len(first["data"]) == 3
    assert len(second["data"]) == 2
    assert "next_cursor" not in second
