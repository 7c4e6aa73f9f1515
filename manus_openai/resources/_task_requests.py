"""The pure half of ``client.tasks``: validation and the query or body each v1 task call sends.

Shared by ``Tasks`` and ``AsyncTasks`` (``resources/tasks.py``), which only do the I/O. Wire spelling, in
one place each:

* ``LIST_QUERY_KEYS`` maps ``tasks.list`` arguments to the reference's query keys (camelCase
  ``orderBy`` / ``createdAfter`` / ``createdBefore``). ``status`` is sent as a repeated key
  (``status=completed&status=running``) as the reference documents, not the OpenAI client's
  ``status[]=`` (its key is a ``RepeatedQueryKey``; see ``_compat``).
* ``CREATE_BODY_KEYS`` / ``UPDATE_BODY_KEYS`` map keyword arguments to the camelCase body keys of
  ``POST /v1/tasks`` and ``PUT /v1/tasks/{id}``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Literal, Union

from .._compat import NOT_GIVEN, NotGiven
from .._ids import task_id_of
from .._options import build_manus_body, check_id
from ..types.attachments import check_attachments
from ..types.task import TASK_LIST_STATUSES

__all__ = [
    "CREATE_BODY_KEYS",
    "DEFAULT_AGENT_PROFILE",
    "LIST_QUERY_KEYS",
    "MAX_LIMIT",
    "UPDATE_BODY_KEYS",
    "ListStatus",
    "Order",
    "OrderBy",
    "Timestamp",
    "create_task_body",
    "list_tasks_request",
    "retrieve_query",
    "update_task_body",
]

DEFAULT_AGENT_PROFILE = "manus-1.6"
"""Sent as ``agentProfile`` when creating a task without one (the schema requires the key)."""

ListStatus = Literal["pending", "running", "completed", "failed"]
Order = Literal["asc", "desc"]
OrderBy = Literal["created_at", "updated_at"]
Timestamp = Union[int, datetime]

LIST_QUERY_KEYS: Mapping[str, str] = {
    "status": "status",
    "query": "query",
    "limit": "limit",
    "after": "after",
    "order": "order",
    "order_by": "orderBy",
    "created_after": "createdAfter",
    "created_before": "createdBefore",
}
"""``tasks.list`` argument -> query key of ``GET /v1/tasks`` (the reference's spelling, seed 003)."""

CREATE_BODY_KEYS: Mapping[str, str] = {
    "prompt": "prompt",
    "agent_profile": "agentProfile",
    "task_mode": "taskMode",
    "attachments": "attachments",
    "connectors": "connectors",
    "hide_in_task_list": "hideInTaskList",
    "create_shareable_link": "createShareableLink",
    "task_id": "taskId",
    "project_id": "projectId",
    "interactive_mode": "interactiveMode",
    "locale": "locale",
}
"""``tasks.create`` argument -> JSON key of ``POST /v1/tasks``."""

UPDATE_BODY_KEYS: Mapping[str, str] = {
    "title": "title",
    "enable_shared": "enableShared",
    "enable_visible_in_task_list": "enableVisibleInTaskList",
}
"""``tasks.update`` argument -> JSON key of ``PUT /v1/tasks/{id}``."""

_ORDERS = ("asc", "desc")
_ORDER_BYS = ("created_at", "updated_at")
MAX_LIMIT = 1000
MAX_UNIX_SECONDS = 253_402_300_799  # 9999-12-31T23:59:59Z, the last second a datetime can hold


def _given(value: object) -> bool:
    return value is not None and not isinstance(value, NotGiven)


def _choice(name: str, value: object, allowed: Sequence[str]) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, allowed))}; got {value!r}")
    return value


def _int_in(name: str, value: object, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int between {low} and {high}, got {type(value).__name__}")
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low} and {high}, got {value}")
    return value


def _timestamp(name: str, value: object) -> int:
    """Unix seconds from an int or a timezone-aware datetime (fractions of a second are dropped)."""
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(
                f"{name} must be a timezone-aware datetime (e.g. datetime.now(timezone.utc)); "
                f"got the naive {value.isoformat()}"
            )
        return int(value.timestamp())
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be Unix seconds (int) or an aware datetime, got {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{name} must not be negative, got {value}")
    if value > MAX_UNIX_SECONDS:
        # Past the year 9999: almost always milliseconds (e.g. JavaScript's Date.now()), which would
        # silently match nothing (or overflow the server's int64).
        raise ValueError(f"{name} must be Unix seconds; {value} is after the year 9999 (milliseconds?)")
    return value


def _statuses(value: object) -> list[str]:
    items = [value] if isinstance(value, str) else value
    if isinstance(items, (bytes, Mapping)) or not isinstance(items, Sequence):
        raise TypeError(f"status must be a status string or a list of them, got {type(value).__name__}")
    if not items:
        raise ValueError("status must not be an empty list (leave it out to list every status)")
    result: list[str] = []
    for item in items:
        if item not in TASK_LIST_STATUSES:
            hint = " ('error' is spelled 'failed' here)" if item == "error" else ""
            raise ValueError(f"status must be one of {', '.join(map(repr, TASK_LIST_STATUSES))}; got {item!r}{hint}")
        if item not in result:
            result.append(item)
    return result


def list_tasks_request(
    *,
    status: object = None,
    query: object = None,
    limit: object = None,
    after: object = None,
    order: object = None,
    order_by: object = None,
    created_after: object = None,
    created_before: object = None,
) -> dict[str, object]:
    """Validate ``tasks.list`` arguments and return the query parameters of ``GET /v1/tasks``.

    They travel in the SDK's ``params`` (so pagination, ``extra_query`` and the client's
    ``default_query`` merge with them as usual); the ``status`` list goes out as a repeated key.
    ``None`` means "not given" for every argument.

    >>> list_tasks_request(status=["completed", "running"], order_by="updated_at", limit=50)
    {'status': ['completed', 'running'], 'limit': 50, 'orderBy': 'updated_at'}
    """
    params: dict[str, object] = {}
    if _given(status):
        params[LIST_QUERY_KEYS["status"]] = _statuses(status)
    if _given(query):
        if not isinstance(query, str):
            raise TypeError(f"query must be a str, got {type(query).__name__}")
        if query.strip():
            params[LIST_QUERY_KEYS["query"]] = query
    if _given(limit):
        params[LIST_QUERY_KEYS["limit"]] = _int_in("limit", limit, 1, MAX_LIMIT)
    if _given(after):
        params[LIST_QUERY_KEYS["after"]] = check_id(after, "after")
    if _given(order):
        params[LIST_QUERY_KEYS["order"]] = _choice("order", order, _ORDERS)
    if _given(order_by):
        params[LIST_QUERY_KEYS["order_by"]] = _choice("order_by", order_by, _ORDER_BYS)
    lower = _timestamp("created_after", created_after) if _given(created_after) else None
    upper = _timestamp("created_before", created_before) if _given(created_before) else None
    if lower is not None and upper is not None and lower >= upper:
        raise ValueError(f"created_after ({lower}) must be earlier than created_before ({upper})")
    if lower is not None:
        params[LIST_QUERY_KEYS["created_after"]] = lower
    if upper is not None:
        params[LIST_QUERY_KEYS["created_before"]] = upper
    return params


def create_task_body(
    prompt: object,
    *,
    agent_profile: object = NOT_GIVEN,
    task_mode: object = NOT_GIVEN,
    attachments: object = NOT_GIVEN,
    connectors: object = NOT_GIVEN,
    hide_in_task_list: object = NOT_GIVEN,
    create_shareable_link: object = NOT_GIVEN,
    task_id: object = NOT_GIVEN,
    project_id: object = NOT_GIVEN,
    interactive_mode: object = NOT_GIVEN,
    locale: object = NOT_GIVEN,
) -> dict[str, object]:
    """Validate ``tasks.create`` arguments and return the camelCase JSON body of ``POST /v1/tasks``.

    >>> create_task_body("Hi", task_mode="chat")
    {'prompt': 'Hi', 'agentProfile': 'manus-1.6', 'taskMode': 'chat'}
    >>> create_task_body("And then?", task_id="TeBim6FDQf9peS52xHtAyh")
    {'prompt': 'And then?', 'taskId': 'TeBim6FDQf9peS52xHtAyh'}
    """
    if not isinstance(prompt, str):
        raise TypeError(f"prompt must be a str, got {type(prompt).__name__}")
    if not prompt.strip():
        raise ValueError("prompt must be a non-empty string")
    # Same validation as responses.create's Manus options (one implementation), then the v1 spelling.
    options = build_manus_body(
        {
            "agent_profile": agent_profile, "task_mode": task_mode, "connectors": connectors,
            "hide_in_task_list": hide_in_task_list, "create_shareable_link": create_shareable_link,
            "task_id": task_id_of(check_id(task_id, "task_id")) if _given(task_id) else None,
            "project_id": project_id, "interactive_mode": interactive_mode, "locale": locale,
        }
    )  # fmt: skip
    # agentProfile is schema-required and defaults to manus-1.6 for a new task; a continuation omits it
    # so the task keeps its profile (seed 001's examples; v2 sendMessage documents the same rule).
    if "agent_profile" not in options and "task_id" not in options:
        options["agent_profile"] = DEFAULT_AGENT_PROFILE
    if _given(attachments):
        options["attachments"] = check_attachments(attachments)
    body: dict[str, object] = {"prompt": prompt}
    for name, key in CREATE_BODY_KEYS.items():
        if name in options:
            body[key] = options[name]
    return body


def update_task_body(*, title: object = NOT_GIVEN, enable_shared: object = NOT_GIVEN,
                     enable_visible_in_task_list: object = NOT_GIVEN) -> dict[str, object]:  # fmt: skip
    """Validate ``tasks.update`` arguments; the body holds only what was given.

    >>> update_task_body(enable_shared=True)
    {'enableShared': True}
    """
    given = {
        name: value
        for name, value in {
            "title": title, "enable_shared": enable_shared, "enable_visible_in_task_list": enable_visible_in_task_list,
        }.items()
        if _given(value)
    }  # fmt: skip
    if not given:
        raise ValueError("tasks.update() needs at least one of title, enable_shared, enable_visible_in_task_list")
    if "title" in given:
        if not isinstance(given["title"], str):
            raise TypeError(f"title must be a str, got {type(given['title']).__name__}")
        if not given["title"].strip():
            raise ValueError("title must be a non-empty string")
    for name in ("enable_shared", "enable_visible_in_task_list"):
        if name in given and not isinstance(given[name], bool):
            raise TypeError(f"{name} must be a bool (True or False), got {type(given[name]).__name__}")
    return {UPDATE_BODY_KEYS[name]: value for name, value in given.items()}


def retrieve_query(convert: bool | None) -> dict[str, object]:
    if convert is None:
        return {}
    if not isinstance(convert, bool):
        raise TypeError(f"convert must be a bool, got {type(convert).__name__}")
    return {"convert": "true" if convert else "false"}
