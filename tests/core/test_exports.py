"""The public names are importable from the package root and carry docstrings."""

from __future__ import annotations

import inspect
from pathlib import Path

import manus_openai

CONTRACT = {
    "ManusOpenAI",
    "AsyncManusOpenAI",
    "ManusError",
    "UnsupportedEndpointError",
    "StreamingNotSupportedError",
    "WaitTimeout",
    "CreditLimitExceededError",
    "ManusResponse",
    "OutputFile",
    "manus_client_options",
    "manus_extra_body",
    "wait_for_response",
    "async_wait_for_response",
}


def test_contract_names_are_exported() -> None:
    assert set(manus_openai.__all__) >= CONTRACT
    for name in manus_openai.__all__:
        assert hasattr(manus_openai, name), name


def test_public_names_have_docstrings_with_an_example() -> None:
    for name in CONTRACT:
        obj = getattr(manus_openai, name)
        doc = inspect.getdoc(obj) or ""
        assert doc, name
        assert "Example" in doc or ">>>" in doc, name


def test_package_is_typed() -> None:
    assert (Path(manus_openai.__file__).parent / "py.typed").exists()
