"""A local emulator of the Manus v1 and v2 APIs, for offline use, tests and cassettes.

A real HTTP server (Starlette + uvicorn, 127.0.0.1, port 0) with an in-memory task engine::

    from manus_openai.emulator import Emulator

    with Emulator() as emu:
        client = emu.client()           # manus_openai.ManusOpenAI on emu.base_url / emu.api_key
        ...

Or ``python -m manus_openai.emulator --port 8765``, or the ``manus_emulator`` pytest fixture.

Scope (the stripe-mock idea): the v1 surface of manus-api.md §3-§5 — ``/v1/responses``,
``/v1/tasks``, ``/v1/projects``, ``/v1/files`` (presigned flow, plus seed 001's multipart
``/v1/files/upload``), ``/v1/webhooks``, ``/v1/webhook/public_key`` — with the ``API_KEY`` header
checked, v1-shaped errors, just enough state for lifecycles and pagination, signed webhook
deliveries, seeded faults and a request log. Everything is served under ``/v1/...``, ``/...``
and ``/v1/v1/...`` (§3.1). Extra, emulator-only paths: ``PUT /uploads/{file_id}`` (the
presigned upload URL; no API key, like S3) and ``GET /files-content/{task_id}/{name}`` (output
and attached files, absolute URLs on the emulator's own host).

Scenario directives — put them anywhere in the prompt text (``input_text``, bare ``input`` or
``prompt``); they are stripped from the title and the answer, and an unknown one is a 400:

* ``[[manus:duration=3]]``   run for 3 seconds of the emulator clock, then finish
* ``[[manus:polls=2]]``      finish on the 2nd read of the task (``GET /v1/responses/{id}``,
  ``GET /v1/tasks/{id}``, v2 ``task.detail`` or ``task.listMessages`` without a cursor; one
  count over both surfaces): the first read sees ``running``, the second the end state
* ``[[manus:error]]`` / ``[[manus:error=why]]``   end in ``error`` (v1 Task ``failed``)
* ``[[manus:ask]]`` / ``[[manus:ask=question]]``  pause in ``pending`` with a question; a follow-up
  turn (``previous_response_id``, ``task_id`` or ``taskId``) resumes it
* ``[[manus:forever]]``       keep running
* ``[[manus:finish]]``        finish normally (overrides a global default outcome)
* ``[[manus:files=2]]``       the answer carries 2 downloadable ``output_file`` parts
* ``[[manus:progress=3]]``    3 ``task_progress`` webhook events while running (default 2)

* ``[[manus:wait=gmailSendAction]]``  (v2) at the end of the turn, wait for that documented
  ``waiting_for_event_type`` (``webdevRunAction:deploy`` for the deploy variant) until
  ``task.confirmAction``; ``[[manus:wait=messageAskUser]]`` is ``[[manus:ask]]``
* ``[[manus:background=10]]``  ``has_running_background_jobs`` stays true 10 s after stopping
* ``[[manus:structured=fail]]``  an armed structured-output schema ends in ``success: false``
* ``[[manus:website]]``       the finished task owns a website (``website.*``)
* ``[[manus:slides]]``        the answer carries a ``slides`` deck: ``slides.html``, or a real
  ``slides.pptx`` with ``task.listMessages?slides_format=pptx`` (``_slides``)

Global defaults: ``Emulator(task_duration=..., polls=..., outcome=..., output_files=...)`` or
``emu.scenario(duration=..., polls=..., outcome=..., files=..., wait=..., background=...)`` at any time.

The v2 surface (manus-api.md §6) is served at ``/v2/<resource>.<verb>`` over the same engine: one
task store, each surface in its own vocabulary. Where each v2 choice is written: transport, auth,
rate limits and timestamps in ``_v2_http``; ``task.*`` in ``_v2_tasks``; the event log and the state
machine in ``_lifecycle`` (seeded tasks' logs in ``_seed_log``); confirmations in ``_confirm``;
structured output in ``_structured``; projects/files/webhooks/browsers/connectors/skills in
``_v2_resources``; agents/usage/websites in ``_v2_account``; record shapes in ``_v2_views``; errors
in ``_errors``; unknown paths in ``_app``; v1 input roles in ``_v1_inputs``. Cross-surface choices:

* A v2 ``waiting`` task reads ``pending`` on v1 (both vocabularies of §2.4); a user-stopped task
  reads ``completed`` on v1 (the Task schema has no ``stopped``); v1's
  ``createShareableLink``/``enableShared`` is v2's ``share_visibility`` ``public``/``private``.
* Tasks created on v1 have ``created_by_api_key`` on v2; seeded tasks (``seed_tasks``) get the
  event log their status implies (``_seed_log``), built on first need so 100k-task seeding stays
  fast.
* ``user_message.content`` is the text as sent, directives included (as v1's ``output`` shows it).

Faults (seeded by ``Emulator(seed=...)``, reproducible)::

    emu.faults.add(Fault.rate_limited(retry_after=2), "POST", "/v1/responses", calls=[1, 3])
    emu.faults.add(Fault.server_error(503), "GET", "/v1/tasks*", probability=0.3)
    emu.faults.add(Fault.drop(), "GET", "/v1/responses/*", times=1)
    emu.faults.add(Fault.slow(0.5), path="*")
    emu.faults.add(Fault.credit_limit(), "POST", "/v1/tasks")

Ambiguities in the docs and what this emulator does (manus-api.md section in brackets):

* Status vocabularies [§2.4]: the engine keeps one status (v2 words); ``/v1/responses`` shows the
  compat guide's running/pending/completed/error, ``/v1/tasks`` the Task schema's
  pending/running/completed/failed, and the ``status`` filter takes the Task-schema words — each
  surface keeps the vocabulary its own page documents.
* Casing [§1.2, §2.3]: camelCase and snake_case are accepted for every body and query key (the
  protobuf dual-naming inference; the compat guide sends snake_case); output uses the
  reference's spellings (``createdAt`` on responses, ``created_at`` on tasks).
* ``createdAt`` [§3.5, Q4]: a string of Unix seconds, as the compat guide prints it;
  ``object`` is ``"response"`` there and ``"task"`` on /v1/tasks, as each page shows.
* ``DELETE /v1/responses/{id}`` [§3.4]: mirrors ``DELETE /v1/tasks/{id}`` (``task.deleted``),
  the reference's inference; both delete the same task.
* Errors [§4.10]: the v1 ``{code, message, details: []}`` body everywhere, gRPC codes mapped the
  standard gRPC-gateway/Connect way (3→400, 5→404, 8→429, 12→405, 13→500, 14→503, 16→401); a 502 is
  a proxy's HTML page, as a real gateway error would be.
* Credit limit [§4.10]: code 8 = RESOURCE_EXHAUSTED, which gRPC-gateway and Connect both map to
  HTTP 429, so 429 (configurable: ``credit_limit_status=402``); clients tell it from a rate limit
  by the code-8 body and its "Credit limit exceeded" message, and it has no ``Retry-After``.
* Not-found bodies [§4.3]: ``{"code": 5, ...}`` with 404 for tasks/responses/webhooks as for
  files (the reference's inference). A file id, project id or cursor inside a request is a 400
  naming that field: the request, not the URL, is wrong.
* ``agentProfile`` required-and-defaulted [§9.4]: optional, default ``manus-1.6`` (the official
  examples omit it); every documented spelling is accepted [Q13]; ``model`` echoes
  ``manus-agent-quality`` for the legacy profiles (the compat guide's example) and
  ``<profile>-<task_mode>`` (seed 001's ``manus-1.6-adaptive``) otherwise. A follow-up keeps
  the task's profile unless one is sent (v2 sendMessage rule). ``mode`` is ignored [§4.1].
* ``additionalProperties: false`` [§8]: not enforced by default, because the official examples
  violate it (``mode``, snake_case update keys); ``Emulator(strict=True)`` enforces it on
  POST/PUT /v1/tasks and POST /v1/projects.
* Attachments [§4.1]: the official shapes and seed 001's ``type``-tagged ones are both accepted.
* Webhook registration body [§4.9]: wrapped ``{"webhook": {"url"}}`` and seed 001's flat
  ``{"url"}`` both accepted. The activation test request (body undocumented: we send
  ``{"event_id": "webhook_test_<id>", "event_type": "webhook_test", "webhook_detail": {...}}``,
  signed) is sent in the background by default and only logged, because offline receivers often
  do not exist; ``webhook_activation="require"`` makes registration fail unless it gets a 2xx.
* Webhook signature [§5.4, Q1]: single hash by default (the reference's recommendation: the Go
  sample and the live-tested receiver), ``webhook_signature_mode="double"`` for the doc samples.
* ``task_progress`` [§5.2]: emitted (the intermediate revision documents it, and receivers must
  tolerate it anyway); ``progress_events=0`` turns it off. Event ids follow
  ``{event_type}_{task_id}[_{unix}]``, with a ``_n`` suffix only if two fall in one second.
* A failed task [§5.3] sends ``task_stopped`` with ``stop_reason: "finish"`` and the error text
  as ``message`` (only finish/ask are documented; silence would hang webhook-only clients).
* Webhook retries [§5.1, Q11]: undocumented; failed deliveries are retried after 0.5/1/2/4 s of
  real time (``webhook_retry_delays``).
* ``GET /v1/tasks`` [§4.2]: ``status`` repeated or as ``status[]``; ``createdAfter``/``Before``
  are strict bounds; ``first_id``/``last_id`` are ``null`` on an empty page; an unknown ``after``
  is a 400, while a deleted task's id keeps working as a cursor. Hidden tasks
  (``hideInTaskList``) are listed: the flag hides them from the web app's list, not the API.
  ``query`` matches title and message text, case-insensitively.
* Files [§4.8]: ISO-8601 ``created_at``/``upload_expires_at`` (the API reference, not the
  guide's integer); the upload URL expires after 3 minutes and files after 48 h of the
  emulator's clock; an expired file reads ``status: "deleted"``, a deleted one is a 404
  ``file not found or has been deleted``; the list is the 10 most recent. Seed 001's multipart
  upload returns both ``file_id`` (as the seed says) and the File fields.
* ``GET /v1/files`` takes an undocumented ``after`` (files older than that id, within the 10):
  the OpenAI SDK's ``files.list()`` auto-pagination sends it, and answering the same page again
  would loop forever; the output keeps the documented ``{object, data}`` shape.
* An empty request body is read as ``{}`` (as grpc-gateway does), so the error names the missing
  field; the compat guide's ``client.put(..., options={"extra_body": ...})`` sends no body at all
  (the SDK has no such option) and is therefore a successful update of nothing.
* ``GET /v1/projects`` [Q14]: newest first, only ``limit``.
* Polls: with ``polls=N``, the N-th read of the task (v1 retrieve, v2 ``task.detail`` or a
  cursor-less ``task.listMessages``; lists do not count) observes the finished state.
* Follow-ups [§3.2]: both ``previous_response_id`` and ``task_id`` is a 400; a follow-up on a
  running task starts a new turn at once; a global default outcome of ``ask`` applies to first
  turns only, so a reply can finish the task.
* ``stream: true`` is a 400 (Manus has no streaming, §3.1) rather than a silent non-stream.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._app import REDACTED, EmulatorApp, RecordedRequest
    from ._clock import Clock, ManualClock, ScaledClock, SystemClock
    from ._emulator import DEFAULT_API_KEY, Emulator
    from ._faults import Fault, FaultPlan, FaultRule, FiredFault
    from ._model import Scenario, Task
    from ._webhooks import SignatureMode, WebhookDelivery

# Names resolve lazily (PEP 562) so that importing the pytest plugin, which lives in this package,
# never imports Starlette/uvicorn: users without the ``emulator`` extra must not break pytest.
_EXPORTS = {
    "REDACTED": "._app",
    "EmulatorApp": "._app",
    "RecordedRequest": "._app",
    "Clock": "._clock",
    "ManualClock": "._clock",
    "ScaledClock": "._clock",
    "SystemClock": "._clock",
    "DEFAULT_API_KEY": "._emulator",
    "Emulator": "._emulator",
    "Scenario": "._model",
    "Task": "._model",
    "Fault": "._faults",
    "FaultPlan": "._faults",
    "FaultRule": "._faults",
    "FiredFault": "._faults",
    "SignatureMode": "._webhooks",
    "WebhookDelivery": "._webhooks",
}

_EXTRA_MODULES = frozenset({"starlette", "uvicorn", "cryptography", "multipart", "python_multipart", "jsonschema"})
"""What the ``emulator`` extra installs (a missing one gets an install hint instead of a bare error)."""

__all__ = [
    "DEFAULT_API_KEY",
    "REDACTED",
    "Clock",
    "Emulator",
    "EmulatorApp",
    "Fault",
    "FaultPlan",
    "FaultRule",
    "FiredFault",
    "ManualClock",
    "RecordedRequest",
    "ScaledClock",
    "Scenario",
    "SignatureMode",
    "SystemClock",
    "Task",
    "WebhookDelivery",
    "create_app",
]


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    try:
        loaded = importlib.import_module(module, __name__)
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.split(".")[0] in _EXTRA_MODULES:
            raise ImportError(
                f"manus_openai.emulator needs the 'emulator' extra ({exc.name} is missing): "
                "pip install 'manus-openai[emulator]'"
            ) from exc
        raise
    value = getattr(loaded, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


def create_app(**kwargs: object) -> EmulatorApp:
    """Just the ASGI app of a new :class:`Emulator` (same keyword arguments), e.g. for
    ``uvicorn`` or ``httpx.ASGITransport``."""
    from ._emulator import Emulator

    return Emulator(**kwargs).app  # type: ignore[arg-type]  # kwargs are Emulator's keyword-only args
