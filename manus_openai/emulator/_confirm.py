"""Confirmation waits (manus-api.md §6.10, seed 002): each type's ``confirm_input_schema`` and
what ``task.confirmAction`` does with an ``input``.

``input`` is validated with ``jsonschema`` (Draft 2020-12) against the schema the task published;
a violation is a 400 ``invalid_argument`` naming ``input.<path>``. Choices where the docs are
silent:

* Schemas follow the seed's table: every object has ``additionalProperties: false``;
  accept-style types require ``accept``; ``needConnectMyBrowser`` requires ``action`` and, for
  ``select``, a ``client_id`` that ``browser.onlineList`` lists; ``apiHighCreditNotice``
  requires ``action``; ``videoGenerate``'s ``choice`` defaults to ``standard``;
  ``webdevRequestSecrets`` requires ``secrets`` (non-empty ``[{key, value}]``) when ``accept`` is
  true; ``metaMarketingActionResult``'s ``mode`` is any string (its values are undocumented).
* An omitted ``input`` is "simple confirmation" (the docs say it may be omitted): it confirms
  the accept-style types and ``videoGenerate`` (default choice); the types that need a choice
  (``needConnectMyBrowser``, ``apiHighCreditNotice``, ``webdevRequestSecrets``) are validated
  as ``{}`` and therefore refused naming the missing key.
* ``accept: false`` leaves the task waiting with no new event and the answer says
  ``confirmed: false`` (``ok`` stays true); only ``webdevRequestSecrets`` treats it as a
  rejection, which resumes the task without the secrets. ``apiHighCreditNotice`` with
  ``reject`` resumes the task without the high-credit step (it is not an accept-style type).
* The two ``webdevRunAction`` variants differ only by their schema (``mode`` vs ``visibility``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from typing import Any

from ._errors import ApiError
from ._model import Waiting

__all__ = ["confirm_schema", "decide", "describe"]


def _accept(**extra: Mapping[str, object]) -> dict[str, object]:
    return {
        "type": "object",
        "properties": {"accept": {"type": "boolean"}, **extra},
        "required": ["accept"],
        "additionalProperties": False,
    }


_BOOL: dict[str, object] = {"type": "boolean"}
_SCHEMAS: dict[str, dict[str, object]] = {
    "needConnectMyBrowser": {
        "type": "object",
        "properties": {"action": {"type": "string", "enum": ["select", "skip"]}, "client_id": {"type": "string"}},
        "required": ["action"],
        "additionalProperties": False,
        "if": {"properties": {"action": {"const": "select"}}},
        "then": {"required": ["client_id"]},
    },
    "gmailSendAction": _accept(save_draft=_BOOL),
    "outlookSendMailsAction": _accept(save_draft=_BOOL),
    "deployAction": _accept(global_allow=_BOOL),
    "terminalExecute": _accept(always_allow=_BOOL),
    "videoGenerate": {
        "type": "object",
        "properties": {"choice": {"type": "string", "enum": ["standard", "premium"], "default": "standard"}},
        "additionalProperties": False,
    },
    "apiHighCreditNotice": {
        "type": "object",
        "properties": {"action": {"type": "string", "enum": ["accept", "reject", "do_not_show_again"]}},
        "required": ["action"],
        "additionalProperties": False,
    },
    "googleCalendarCreate": _accept(),
    "googleCalendarUpdate": _accept(),
    "googleCalendarDelete": _accept(),
    "outlookCalendarCreate": _accept(),
    "outlookCalendarUpdate": _accept(),
    "outlookCalendarDelete": _accept(),
    "metaMarketingAction": _accept(selectedAccountIds={"type": "array", "items": {"type": "string"}}),
    "metaMarketingActionResult": _accept(mode={"type": "string"}),
    "webdevRunAction": _accept(mode={"type": "string", "enum": ["quality", "speed", "max"], "default": "speed"}),
    "webdevRunAction:deploy": _accept(
        visibility={"type": "string", "enum": ["owner", "team", "public"], "default": "owner"}
    ),
    "webdevRequestSecrets": {
        **_accept(
            secrets={
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "properties": {"key": {"type": "string", "minLength": 1}, "value": {"type": "string"}},
                    "required": ["key", "value"],
                    "additionalProperties": False,
                },
            }
        ),
        "if": {"properties": {"accept": {"const": True}}},
        "then": {"required": ["secrets"]},
    },
    "connectorOauthExpired": _accept(),
    "mapreduceAction": _accept(),
}

_DESCRIPTIONS = {
    "needConnectMyBrowser": "Select a browser from browser.onlineList, or skip",
    "gmailSendAction": "Send the email drafted for: {title}",
    "outlookSendMailsAction": "Send the Outlook email drafted for: {title}",
    "deployAction": "Deploy the result of: {title}",
    "terminalExecute": "Run a terminal command for: {title}",
    "videoGenerate": "Choose the video quality for: {title}",
    "apiHighCreditNotice": "This step of {title} uses many credits",
    "metaMarketingAction": "Run a Meta marketing action for: {title}",
    "metaMarketingActionResult": "Confirm the Meta marketing result of: {title}",
    "webdevRunAction": "Run the web app built for: {title}",
    "webdevRunAction:deploy": "Deploy the web app built for: {title}",
    "webdevRequestSecrets": "Provide the secrets the web app of {title} needs",
    "connectorOauthExpired": "Re-authorise the expired connector used by: {title}",
    "mapreduceAction": "Confirm the map-reduce run of: {title}",
}

_NEEDS_CHOICE = frozenset({"needConnectMyBrowser", "apiHighCreditNotice", "webdevRequestSecrets"})


def confirm_schema(kind: str) -> dict[str, object] | None:
    """The ``confirm_input_schema`` published for a waiting type (``None`` for ``messageAskUser``)."""
    schema = _SCHEMAS.get(kind)
    return _copy(schema) if schema is not None else None


def describe(kind: str, title: str) -> str:
    """The ``waiting_description``."""
    default = "Confirm the calendar change for: {title}" if "Calendar" in kind else "Confirm: {title}"
    return _DESCRIPTIONS.get(kind, default).format(title=title)


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def decide(browsers: Callable[[], Collection[str]]) -> Callable[[Waiting, Mapping[str, object] | None], bool]:
    """The ``decide`` callback of ``Engine.confirm``: validate, then resume (True) or stay (False)."""

    def run(waiting: Waiting, value: Mapping[str, object] | None) -> bool:
        kind = waiting.type
        if value is None and kind not in _NEEDS_CHOICE:
            return True
        given = dict(value or {})
        if waiting.schema is not None:
            validate(given, waiting.schema, "input")
        if kind == "needConnectMyBrowser":
            if given.get("action") == "select" and given.get("client_id") not in browsers():
                raise ApiError.invalid(
                    "input.client_id", f"{given.get('client_id')!r} is not an online browser (see browser.onlineList)"
                )
            return True
        if "accept" in given and given["accept"] is False:
            return kind == "webdevRequestSecrets"
        return True

    return run


def validate(value: object, schema: Mapping[str, object], where: str) -> None:
    """Validate ``value`` with ``jsonschema``; a 400 naming ``where.<path>`` on the first error."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(value), key=lambda e: (len(e.absolute_path), list(map(str, e.path))))
    if errors:
        error = errors[0]
        path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
        raise ApiError.invalid(where + path, error.message)
