"""Whole flows replayed offline from cassettes/test_cassettes/ (recorded as cassettes/README.md says)."""

from __future__ import annotations

import openai
import pytest

from manus_openai import AsyncManusOpenAI, ManusOpenAI

pytestmark = pytest.mark.vcr


def test_create_and_wait(cassette_client: ManusOpenAI) -> None:
    done = cassette_client.responses.create_and_wait(
        input="What's the color of the sky?", task_mode="agent", agent_profile="quality", poll_interval=0.01
    )
    assert done.status == "completed"
    assert "color of the sky" in done.output_text
    assert done.task_url
    assert done.credit_usage is not None


async def test_async_create_and_wait(async_cassette_client: AsyncManusOpenAI) -> None:
    done = await async_cassette_client.responses.create_and_wait(
        input="Explain quantum computing in simple terms.", task_mode="agent", poll_interval=0.01
    )
    assert done.status == "completed"
    assert "quantum computing" in done.output_text


def test_retrieve_then_delete(cassette_client: ManusOpenAI) -> None:
    created = cassette_client.responses.create(input="Temporary task", hide_in_task_list=True)
    assert cassette_client.responses.retrieve(created.id).id == created.id
    cassette_client.responses.delete(created.id)
    with pytest.raises(openai.NotFoundError):
        cassette_client.responses.retrieve(created.id)


def test_shareable_link(cassette_client: ManusOpenAI) -> None:
    created = cassette_client.responses.create(input="Research report", create_shareable_link=True)
    assert created.share_url
