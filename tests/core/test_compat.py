"""Fails loudly if an openai release moves a private name or signature manus_openai relies on."""

from __future__ import annotations

import inspect

import openai

from manus_openai import _compat


def test_every_private_name_still_exists() -> None:
    for name in _compat.__all__:
        assert getattr(_compat, name) is not None, name


def test_override_cast_to_header_is_still_popped_by_the_client() -> None:
    source = inspect.getsource(openai._base_client.BaseClient._maybe_override_cast_to)  # type: ignore[attr-defined]
    assert "OVERRIDE_CAST_TO_HEADER" in source


def test_hooks_we_override_keep_their_signatures() -> None:
    client = openai.OpenAI
    assert list(inspect.signature(client._make_status_error).parameters) == [
        "self",
        "err_msg",
        "body",
        "response",
    ]
    assert "retries_taken" in inspect.signature(client._build_request).parameters
    assert list(inspect.signature(client._should_retry).parameters) == ["self", "response"]
    assert list(inspect.signature(client._calculate_retry_timeout).parameters)[:3] == [
        "self",
        "remaining_retries",
        "options",
    ]
    assert isinstance(inspect.getattr_static(client, "auth_headers"), property)
    assert isinstance(inspect.getattr_static(client, "default_headers"), property)


def test_final_request_options_still_carry_max_retries() -> None:
    options = _compat.FinalRequestOptions.construct(method="post", url="/responses")
    options.max_retries = 0
    assert options.get_max_retries(5) == 0


def test_response_stream_internals_the_streams_replace_still_exist() -> None:
    from openai.lib.streaming.responses import AsyncResponseStream, ResponseStream

    for cls in (ResponseStream, AsyncResponseStream):
        source = inspect.getsource(cls.__init__)
        for name in ("self._raw_stream", "self._state", "self._iterator"):
            assert name in source, (cls.__name__, name)
        assert "self._iterator" in inspect.getsource(cls)
    assert "handle_event" in dir(openai.lib.streaming.responses._responses.ResponseStreamState)
