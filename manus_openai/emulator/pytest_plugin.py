"""pytest plugin (entry point ``manus_emulator``): the ``manus_emulator`` fixture.

Imports nothing heavy at module level, so installing ``manus-openai`` without the ``emulator``
extra never breaks pytest start-up; the fixture imports the emulator when first used.

Example::

    def test_my_code(manus_emulator):
        client = manus_emulator.client()
        ...

    @pytest.mark.manus_emulator(task_duration=0, output_files=1)
    def test_with_options(manus_emulator): ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from manus_openai.emulator import Emulator


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "manus_emulator(**kwargs): keyword arguments for the manus_emulator fixture's Emulator"
    )


@pytest.fixture
def manus_emulator(request: pytest.FixtureRequest) -> Iterator[Emulator]:
    """A started :class:`manus_openai.emulator.Emulator` on 127.0.0.1 (a free port), stopped after
    the test. Configure it with ``@pytest.mark.manus_emulator(**kwargs)``."""
    try:
        from manus_openai.emulator import Emulator
    except ImportError as exc:  # pragma: no cover - depends on the install
        # Fail, never skip: a skipped emulator test would pass a suite that tested nothing.
        raise pytest.UsageError(
            f"the manus_emulator fixture needs the emulator extra: pip install 'manus-openai[emulator]' ({exc})"
        ) from exc
    marker = request.node.get_closest_marker("manus_emulator")
    kwargs = dict(marker.kwargs) if marker is not None else {}
    with Emulator(**kwargs) as emu:
        yield emu
