"""Typed answers for a waiting task (manus-api.md §6.10), validated against ``confirm_input_schema``.

A ``waiting`` status says what it waits for (``StatusDetail.waiting_for_event_type``). Each helper here
builds the ``input`` of ``task.confirmAction`` for the documented types and says which types it fits;
``V2Tasks.confirm`` checks that fit and validates the input against the event's own
``confirm_input_schema`` with ``jsonschema`` (the ``v2`` extra) before sending. A plain dict is accepted
too, for types a later Manus adds (it is still validated against the schema).

``messageAskUser`` is answered with ``task.sendMessage`` (``V2Tasks.reply`` / ``send_message``): confirm
on it is refused before sending. ``accept: false`` on an accept-style type produces no event and leaves
the task waiting (only ``webdevRequestSecrets`` treats it as a rejection): the answer says so
(``ActionConfirmed.stays_waiting``) instead of letting a follow hang.

| waiting_for_event_type | helper |
|---|---|
| needConnectMyBrowser | ``select_browser(client_id)``, ``skip_browser()`` |
| gmailSendAction, outlookSendMailsAction | ``send_mail(save_draft=False)`` |
| deployAction | ``deploy(global_allow=False)`` |
| terminalExecute | ``run_command(always_allow=False)`` |
| videoGenerate | ``video_quality("standard" / "premium")`` |
| apiHighCreditNotice | ``credit_notice("accept" / "reject" / "do_not_show_again")`` |
| google/outlookCalendar Create/Update/Delete, connectorOauthExpired, mapreduceAction | ``accept()`` |
| metaMarketingAction | ``meta_marketing(selected_account_ids=None)`` |
| metaMarketingActionResult | ``meta_marketing_result(mode=None)`` |
| webdevRunAction | ``webdev_run(mode=None)``, ``webdev_deploy(visibility=None)`` |
| webdevRequestSecrets | ``provide_secrets({...})``, ``reject()`` |
| any accept-style type | ``reject()`` (the task stays waiting) |

Example::

    waiting = client.v2.tasks.waiting_for(task_id)
    if waiting and waiting.waiting_for_event_type == "gmailSendAction":
        client.v2.tasks.confirm(task_id, waiting, confirmations.send_mail(save_draft=True))
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, Union

from ..errors import ManusError
from ._params import check_bool, check_choice, check_str, check_strings

__all__ = [
    "ACCEPT_TYPES",
    "ASK_USER",
    "WAITING_TYPES",
    "ConfirmInputInvalidError",
    "Confirmation",
    "ConfirmationMismatchError",
    "accept",
    "check_confirmation",
    "credit_notice",
    "deploy",
    "meta_marketing",
    "meta_marketing_result",
    "provide_secrets",
    "reject",
    "rejection_stays_waiting",
    "run_command",
    "select_browser",
    "send_mail",
    "skip_browser",
    "video_quality",
    "webdev_deploy",
    "webdev_run",
]

ASK_USER = "messageAskUser"
INSTALL_HINT = "pip install 'manus-openai[v2]'"

_CALENDAR = tuple(f"{p}Calendar{v}" for p in ("google", "outlook") for v in ("Create", "Update", "Delete"))
_MAIL = ("gmailSendAction", "outlookSendMailsAction")
_PLAIN_ACCEPT = (*_CALENDAR, "connectorOauthExpired", "mapreduceAction")
ACCEPT_TYPES: tuple[str, ...] = (
    *_MAIL,
    "deployAction",
    "terminalExecute",
    *_PLAIN_ACCEPT,
    "metaMarketingAction",
    "metaMarketingActionResult",
    "webdevRunAction",
    "webdevRequestSecrets",
)
"""Types whose input has ``accept``."""
WAITING_TYPES: tuple[str, ...] = (
    ASK_USER,
    "needConnectMyBrowser",
    "videoGenerate",
    "apiHighCreditNotice",
    *ACCEPT_TYPES,
)
"""Every documented ``waiting_for_event_type``."""


class Confirmation:
    """A ``task.confirmAction`` input and the waiting types it answers.

    Example::

        c = send_mail(save_draft=True)
        print(c.input, c.fits)   # {'accept': True, 'save_draft': True} ('gmailSendAction', 'outlookSendMailsAction')
    """

    __slots__ = ("fits", "input", "name")

    def __init__(self, name: str, input: dict[str, Any], fits: Sequence[str]) -> None:
        self.name = name
        self.input = input
        self.fits = tuple(fits)

    def __repr__(self) -> str:
        shown = {k: ("***" if k == "secrets" else v) for k, v in self.input.items()}
        return f"Confirmation({self.name}, {shown})"


class ConfirmationMismatchError(ManusError, ValueError):
    """The answer does not fit what the task waits for (or it waits for a reply, not a confirmation)."""


class ConfirmInputInvalidError(ManusError, ValueError):
    """The input does not match the event's ``confirm_input_schema``; ``path`` names the field."""

    def __init__(self, message: str, *, path: str) -> None:
        super().__init__(message)
        self.path = path


def accept(accept: bool = True) -> Confirmation:
    """``{"accept": ...}`` for calendar, connector re-authorisation, map-reduce and other accept-style types."""
    return Confirmation("accept", {"accept": check_bool("accept", accept)}, ACCEPT_TYPES)


def reject() -> Confirmation:
    """``{"accept": false}``: the task stays waiting with no event (``webdevRequestSecrets``: an explicit rejection)."""
    return Confirmation("reject", {"accept": False}, ACCEPT_TYPES)


def send_mail(save_draft: bool = False) -> Confirmation:
    """Send the e-mail, or (``save_draft=True``) save it as a draft instead."""
    data: dict[str, Any] = {"accept": True}
    if check_bool("save_draft", save_draft):
        data["save_draft"] = True
    return Confirmation("send_mail", data, _MAIL)


def deploy(global_allow: bool = False) -> Confirmation:
    """Confirm a deploy; ``global_allow=True`` skips future deploy confirmations."""
    data: dict[str, Any] = {"accept": True}
    if check_bool("global_allow", global_allow):
        data["global_allow"] = True
    return Confirmation("deploy", data, ("deployAction",))


def run_command(always_allow: bool = False) -> Confirmation:
    """Confirm a terminal command; ``always_allow=True`` skips future command confirmations."""
    data: dict[str, Any] = {"accept": True}
    if check_bool("always_allow", always_allow):
        data["always_allow"] = True
    return Confirmation("run_command", data, ("terminalExecute",))


def video_quality(choice: Literal["standard", "premium"] = "standard") -> Confirmation:
    """Choose the video quality (``standard`` is Manus's default)."""
    return Confirmation(
        "video_quality", {"choice": check_choice("choice", choice, ("standard", "premium"))}, ("videoGenerate",)
    )


def credit_notice(action: Literal["accept", "reject", "do_not_show_again"] = "accept") -> Confirmation:
    """Answer a high-credit notice."""
    value = check_choice("action", action, ("accept", "reject", "do_not_show_again"))
    return Confirmation("credit_notice", {"action": value}, ("apiHighCreditNotice",))


def select_browser(client_id: str) -> Confirmation:
    """Let the agent use the browser ``client_id`` (from ``client.v2.browsers.online()``)."""
    return Confirmation(
        "select_browser",
        {"action": "select", "client_id": check_str("client_id", client_id)},
        ("needConnectMyBrowser",),
    )


def skip_browser() -> Confirmation:
    """Go on without a local browser."""
    return Confirmation("skip_browser", {"action": "skip"}, ("needConnectMyBrowser",))


def meta_marketing(selected_account_ids: Sequence[str] | None = None) -> Confirmation:
    """Confirm a marketing action, optionally for the given ad accounts (``selectedAccountIds``)."""
    data: dict[str, Any] = {"accept": True}
    if selected_account_ids is not None:
        data["selectedAccountIds"] = check_strings("selected_account_ids", selected_account_ids)
    return Confirmation("meta_marketing", data, ("metaMarketingAction",))


def meta_marketing_result(mode: str | None = None) -> Confirmation:
    """Confirm a marketing result; ``mode`` values are undocumented and passed as given."""
    data: dict[str, Any] = {"accept": True}
    if mode is not None:
        data["mode"] = check_str("mode", mode)
    return Confirmation("meta_marketing_result", data, ("metaMarketingActionResult",))


def webdev_run(mode: Literal["quality", "speed", "max"] | None = None) -> Confirmation:
    """Run the web app (``mode`` ``speed`` is Manus's default)."""
    data: dict[str, Any] = {"accept": True}
    if mode is not None:
        data["mode"] = check_choice("mode", mode, ("quality", "speed", "max"))
    return Confirmation("webdev_run", data, ("webdevRunAction",))


def webdev_deploy(visibility: Literal["owner", "team", "public"] | None = None) -> Confirmation:
    """Deploy the web app (``visibility`` ``owner`` is Manus's default)."""
    data: dict[str, Any] = {"accept": True}
    if visibility is not None:
        data["visibility"] = check_choice("visibility", visibility, ("owner", "team", "public"))
    return Confirmation("webdev_deploy", data, ("webdevRunAction",))


def provide_secrets(secrets: Union[Mapping[str, str], Sequence[Mapping[str, str]]]) -> Confirmation:
    """Give the secrets the web app asks for: ``{"KEY": "value"}`` or ``[{"key": ..., "value": ...}]``."""
    if isinstance(secrets, Mapping):
        items = [{"key": check_str("secrets key", k), "value": _secret(k, v)} for k, v in secrets.items()]
    elif isinstance(secrets, Sequence) and not isinstance(secrets, (str, bytes)):  # type: ignore[unreachable,unused-ignore]  # a str is a Sequence at runtime
        items = []
        for i, item in enumerate(secrets):
            if not isinstance(item, Mapping) or set(item) != {"key", "value"}:
                raise ValueError(f"secrets[{i}] must be a dict with exactly 'key' and 'value'")
            items.append({"key": check_str(f"secrets[{i}].key", item["key"]), "value": _secret(i, item["value"])})
    else:
        raise TypeError(f"secrets must be a dict or a list of {{key, value}} dicts, got {type(secrets).__name__}")
    if not items:
        raise ValueError("secrets must not be empty (use reject() to refuse)")
    return Confirmation("provide_secrets", {"accept": True, "secrets": items}, ("webdevRequestSecrets",))


def _secret(where: object, value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"the value of secret {where!r} must be a str, got {type(value).__name__}")
    return value


def rejection_stays_waiting(event_type: str | None, data: Mapping[str, Any] | None) -> bool:
    """Whether this input leaves the task waiting with no event (``accept: false``, §6.10)."""
    return bool(data) and data.get("accept") is False and event_type != "webdevRequestSecrets"  # type: ignore[union-attr]  # checked just before


def _validate(data: Mapping[str, Any], schema: Mapping[str, Any], event_type: str | None) -> None:
    try:
        import jsonschema
    except ImportError as exc:
        raise ManusError(
            f"validating a confirmation against confirm_input_schema needs 'jsonschema': {INSTALL_HINT}"
        ) from exc
    validator_cls = jsonschema.validators.validator_for(schema)
    validator = validator_cls(dict(schema))
    errors = sorted(validator.iter_errors(dict(data)), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        path = "input" + "".join(f"[{p!r}]" for p in first.absolute_path)
        raise ConfirmInputInvalidError(
            f"{path} does not match the confirm_input_schema of {event_type or 'this event'}: {first.message}",
            path=path,
        )


def check_confirmation(
    answer: Union[Confirmation, Mapping[str, Any], None],
    *,
    event_type: str | None,
    schema: Mapping[str, Any] | None,
) -> dict[str, Any] | None:
    """The ``input`` to send for ``answer``, refused before sending when it cannot be right."""
    if event_type == ASK_USER:
        raise ConfirmationMismatchError(
            "the task is asking a question (messageAskUser): answer it with client.v2.tasks.reply(task_id, "
            "'your answer') (task.sendMessage); task.confirmAction is not for messageAskUser"
        )
    if isinstance(answer, Confirmation):
        if event_type is not None and event_type not in answer.fits:
            raise ConfirmationMismatchError(
                f"{answer.name}() answers {', '.join(answer.fits)}, but the task waits for {event_type}"
            )
        data: dict[str, Any] | None = dict(answer.input)
    elif answer is None:
        data = None
    elif isinstance(answer, Mapping):
        data = dict(answer)
    else:
        raise TypeError(f"input must be a Confirmation, a dict or None, got {type(answer).__name__}")
    if schema:
        _validate(data or {}, schema, event_type)
    return data
