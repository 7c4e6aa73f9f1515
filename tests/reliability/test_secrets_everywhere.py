"""The API key never appears in an error, a repr, a DEBUG log line, a cassette or the emulator's request log.

The chaos run (``chaos.py``) supplies the errors, the log lines and the request log: 2,500+ requests with
faults of every kind. The whole suite's DEBUG logs are checked by the autouse fixture in ``tests/conftest.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CASSETTES, known_secrets

from .chaos import API_KEY, ChaosReport


def test_the_chaos_key_is_one_of_the_secrets_the_suite_checks() -> None:
    assert API_KEY in known_secrets()


def test_no_error_of_the_chaos_run_shows_the_key(chaos_report: ChaosReport) -> None:
    assert chaos_report.escapes
    for escape in chaos_report.escapes:
        error = escape.error
        texts = [str(error), repr(error), repr(error.body), repr(getattr(error, "response", None))]
        cause = error.__cause__
        while cause is not None:
            texts += [str(cause), repr(cause)]
            cause = cause.__cause__
        assert not any(API_KEY in text for text in texts), escape


def test_no_debug_log_line_of_the_chaos_run_shows_the_key(chaos_report: ChaosReport) -> None:
    lines = chaos_report.log_lines
    assert any("Request options" in line for line in lines), "the SDK's DEBUG lines did not run"
    assert any(line.startswith("httpcore") for line in lines), "httpcore's DEBUG lines did not run"
    assert [line for line in lines if API_KEY in line] == []


def test_the_emulator_request_log_redacts_the_key(chaos_report: ChaosReport) -> None:
    assert len(chaos_report.requests) > 1000
    for recorded in chaos_report.requests:
        assert recorded.headers.get("api_key") == "[REDACTED]", recorded
        text = " ".join([repr(recorded), repr(recorded.headers), repr(recorded.query), recorded.body.decode("latin-1")])
        assert API_KEY not in text


def test_results_and_their_reprs_never_show_the_key(chaos_report: ChaosReport) -> None:
    for outcome in list(chaos_report.outcomes.values())[:20]:
        assert API_KEY not in repr(outcome.waited)
        assert API_KEY not in outcome.waited.to_json()


@pytest.mark.parametrize("path", sorted(CASSETTES.rglob("*.yaml")), ids=lambda p: p.name)
def test_no_cassette_holds_a_key(path: Path) -> None:
    text = path.read_text()
    leaked = [secret for secret in known_secrets() if secret in text]
    assert leaked == []
    lowered = text.lower()
    assert "api_key:" not in lowered  # the header is filtered on record, not just its value
    assert "authorization:" not in lowered
