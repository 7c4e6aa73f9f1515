"""200 tasks through create -> wait -> list -> update -> delete while the emulator injects 20% faults.

The harness and the careful-user rules it follows are in ``chaos.py``; this file checks the outcome of
one run per client (sync and async). Seeded: a failure reproduces with the same ``chaos.SEED``.
"""

from __future__ import annotations

import openai

from manus_openai.emulator import RecordedRequest

from .chaos import (
    GENERAL_FAULTS,
    MAX_RETRIES,
    POST_TIMEOUT_CALLS,
    TASKS,
    TIMEOUT_FAULT_NAME,
    ChaosReport,
    is_transient,
)


def _prompt_of(request: RecordedRequest) -> str:
    body = request.json()
    return str(body["prompt"] if request.path == "/v1/tasks" else body["input"][0]["content"][0]["text"])


def test_every_task_ends_with_the_result_its_scenario_asks_for(chaos_report: ChaosReport) -> None:
    assert len(chaos_report.outcomes) == TASKS
    for p in chaos_report.plans:
        done = chaos_report.outcomes[p.marker].waited
        assert done.status == p.expected_status, p
        if p.outcome in ("finish", "files"):
            assert f"(digest {p.expected_digest})" in done.output_text, p
            assert p.marker in done.output_text
        if p.outcome == "files":
            assert [f.file_name for f in done.output_files] == ["result-1.md"]
            assert done.output_files[0].file_url
        else:
            assert done.output_files == []
        if p.outcome == "ask":
            assert "Before I continue" in done.output_text
        if p.outcome == "error":
            assert done.output_text == ""


def test_no_task_is_created_twice(chaos_report: ChaosReport) -> None:
    assert sum(chaos_report.created.values()) == TASKS
    duplicates = {marker: n for marker, n in chaos_report.created.items() if n != 1}
    assert duplicates == {}
    assert set(chaos_report.created) == {p.marker for p in chaos_report.plans}


def test_the_server_acted_on_exactly_one_create_per_task(chaos_report: ChaosReport) -> None:
    acted = chaos_report.acted_create_posts
    assert sorted(_prompt_of(r) for r in acted) == sorted(p.prompt for p in chaos_report.plans)
    # More creates were sent than acted on: the faults really hit the POSTs.
    assert len(chaos_report.create_posts) > TASKS


def test_escaped_errors_are_typed_and_come_only_after_the_retry_budget(chaos_report: ChaosReport) -> None:
    assert chaos_report.escapes, "the run should have exhausted the retry budget at least once"
    for escape in chaos_report.escapes:
        assert isinstance(escape.error, openai.APIError), escape
        assert is_transient(escape.error), escape
        if escape.step == "create" and not isinstance(escape.error, openai.RateLimitError):
            continue  # checked by the next test: such a create is sent once
        assert len(escape.sent) == MAX_RETRIES + 1, (escape.step, escape.error, escape.sent)
        retry_counts = [r.headers.get("x-stainless-retry-count") for r in escape.sent]
        # The SDK's loop numbers its attempts; the client's own create loop numbers them the same way.
        assert retry_counts == [str(n) for n in range(MAX_RETRIES + 1)], (escape.step, retry_counts)


def test_a_create_that_may_have_acted_is_never_sent_again(chaos_report: ChaosReport) -> None:
    ambiguous = [
        e for e in chaos_report.escapes if e.step == "create" and not isinstance(e.error, openai.RateLimitError)
    ]
    assert ambiguous
    for escape in ambiguous:
        *earlier, last = escape.sent
        # Only a refusal (429) may come before the final attempt: nothing was sent after a 5xx, a drop or a timeout.
        assert all(r.fault == "error:429" for r in earlier), escape.sent
        if isinstance(escape.error, openai.APITimeoutError):
            assert last.fault in ("delay", None)
        elif isinstance(escape.error, openai.APIConnectionError):
            assert last.fault == "drop"
        else:
            assert isinstance(escape.error, openai.InternalServerError)
            assert last.fault == f"error:{escape.error.status_code}"


def test_ambiguous_creates_are_settled_by_listing_before_sending_again(chaos_report: ChaosReport) -> None:
    # Timed-out creates were created by the server anyway: the careful user found them instead of re-sending.
    assert chaos_report.faults[TIMEOUT_FAULT_NAME] == 2 * len(POST_TIMEOUT_CALLS)
    assert chaos_report.found_after_check >= chaos_report.faults[TIMEOUT_FAULT_NAME], chaos_report.faults
    # Creates refused with a 5xx or a drop were not created: the user sent them again after checking.
    assert chaos_report.recreated_after_check > 0


def test_nothing_the_caller_passed_is_lost(chaos_report: ChaosReport) -> None:
    for p in chaos_report.plans:
        stored = chaos_report.outcomes[p.marker].stored
        assert stored == {
            "prompt": p.prompt,
            "task_mode": p.task_mode,
            "agent_profile": p.agent_profile,
            "locale": p.locale,
            "connectors": p.connectors,
            "hide_in_task_list": p.hide_in_task_list,
            "create_shareable_link": p.create_shareable_link,
            "interactive_mode": p.interactive_mode,
            "title": p.new_title,
        }


def test_listing_under_faults_shows_every_task_once_with_its_final_status(chaos_report: ChaosReport) -> None:
    ids = [o.task_id for o in chaos_report.outcomes.values()]
    assert sorted(chaos_report.listed_ids) == sorted(ids)
    assert len(set(chaos_report.listed_ids)) == TASKS
    for p in chaos_report.plans:
        assert chaos_report.outcomes[p.marker].listed_status == p.expected_list_status


def test_updates_and_deletes_take_effect(chaos_report: ChaosReport) -> None:
    for p in chaos_report.plans:
        outcome = chaos_report.outcomes[p.marker]
        assert outcome.updated_title == p.new_title
        assert outcome.deleted
    assert chaos_report.remaining_tasks == []


def test_every_fault_kind_was_injected_at_about_the_configured_rate(chaos_report: ChaosReport) -> None:
    general = {name: chaos_report.faults[name] for name in GENERAL_FAULTS}
    assert all(count > 0 for count in general.values()), general
    rate = sum(general.values()) / len(chaos_report.requests)
    assert 0.15 <= rate <= 0.25, rate
    hit = {"/".join(r.path.split("/")[:3]) for r in chaos_report.requests if r.fault}
    assert hit == {"/v1/responses", "/v1/tasks"}
    methods = {r.method for r in chaos_report.requests if r.fault}
    assert methods == {"GET", "POST", "PUT", "DELETE"}
