"""Fixtures of the reliability suite: one chaos run per client flavour, shared by the tests that check it."""

from __future__ import annotations

import pytest

from tests.conftest import register_secret

from . import chaos

register_secret(chaos.API_KEY)


@pytest.fixture(scope="session", params=["sync", "async"])
def chaos_report(request: pytest.FixtureRequest) -> chaos.ChaosReport:
    """The chaos run (200 tasks, 20% faults) for ``ManusOpenAI`` and for ``AsyncManusOpenAI``; run once each."""
    return chaos.run_sync() if request.param == "sync" else chaos.run_async()
