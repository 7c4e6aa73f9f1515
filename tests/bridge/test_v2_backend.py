"""``client.responses`` on the v2 backend (the default): v2 primitives only, against the bundled emulator.

Each behaviour runs sync and async through one ``call`` helper (``run`` awaits when the client is async),
so the two flavours are asserted by the same lines.
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Iterator
from typing import Any

import openai
import pytest

from manus_openai import AsyncManusOpenAI, ManusOpenAI
from manus_openai.emulator import Emulator, Fault, ManualClock
from manus_openai.errors import ForkRefusedError, UnsupportedArgumentError

V1_PATHS = ("/v1/responses",)


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with Emulator(task_duration=0, clock=ManualClock()) as emulator:
        yield emulator


@pytest.fixture(params=["sync", "async"])
def flavour(request: pytest.FixtureRequest) -> str:
    return str(request.param)


_OPEN: list[Any] = []


@pytest.fixture(autouse=True)
async def close_clients() -> AsyncIterator[None]:
    yield
    while _OPEN:
        client = _OPEN.pop()
        await run(client.close())


def make(emu: Emulator, flavour: str, **kwargs: Any) -> Any:
    cls = ManusOpenAI if flavour == "sync" else AsyncManusOpenAI
    kwargs.setdefault("max_retries", 0)
    client = cls(api_key=emu.api_key, base_url=emu.base_url, **kwargs)
    _OPEN.append(client)
    if flavour == "sync":
        client.responses._sleep = lambda _s: None
    else:

        async def no_sleep(_s: float) -> None:
            return None

        client.responses._sleep = no_sleep
    return client


async def run(value: Any) -> Any:
    """The result of a client call, sync or async (``await run(client.responses.create(...))``)."""
    return await value if inspect.isawaitable(value) else value


def v1_calls(emu: Emulator) -> list[str]:
    return [f"{r.method} {r.path}" for r in emu.requests if r.path.startswith(V1_PATHS)]


def writes(emu: Emulator, endpoint: str) -> list[Any]:
    return [r for r in emu.requests if r.method == "POST" and r.path == f"/v2/{endpoint}"]


async def test_the_default_backend_is_v2(emu: Emulator, flavour: str) -> None:
    assert make(emu, flavour).responses_backend == "v2"


async def test_blocking_create_returns_the_finished_turn_through_v2_only(emu: Emulator, flavour: str) -> None:
    client = make(emu, flavour)
    response = await run(client.responses.create(model="gpt-4o", input="What colour is the sky? [[manus:polls=3]]"))
    assert response.status == "completed"
    assert response.output_text.startswith("Emulated answer")
    assert response.id.endswith("~1")
    assert response.manus_status == "stopped"
    assert response.usage is not None
    assert response.credit_usage is not None
    assert response.task_url
    assert response.created_at
    assert [item.role for item in response.output] == ["assistant"]
    assert len(writes(emu, "task.create")) == 1
    assert v1_calls(emu) == []


async def test_the_create_body_carries_the_folded_message_and_the_manus_options(emu: Emulator, flavour: str) -> None:
    client = make(emu, flavour)
    await run(client.responses.create(
        input=[{"role": "system", "content": "Be brief"}, {"role": "user", "content": "hi"}],
        agent_profile="manus-1.6-lite", interactive_mode=True, create_shareable_link=True, locale="en",
    ))  # fmt: skip
    body = writes(emu, "task.create")[0].json()
    assert body["agent_profile"] == "manus-1.6-lite"
    assert body["interactive_mode"] is True
    assert body["locale"] == "en"
    assert body["share_visibility"] == "public"
    assert "[system]\nBe brief" in body["message"]["content"]


async def test_background_returns_at_once_in_progress(emu: Emulator, flavour: str) -> None:
    client = make(emu, flavour)
    response = await run(client.responses.create(input="slow [[manus:forever]]", background=True))
    assert response.status == "in_progress"
    assert response.output_text == ""
    assert response.background is True
    assert response.task_url
    assert [f"{r.method} {r.path}" for r in emu.requests] == ["POST /v2/task.create"]  # nothing but the create


async def test_continuing_the_latest_turn_sends_one_message_to_the_same_task(emu: Emulator, flavour: str) -> None:
    client = make(emu, flavour)
    first = await run(client.responses.create(input="one"))
    second = await run(client.responses.create(input="two", previous_response_id=first.id))
    assert second.id == f"{first.task_id}~2"
    assert second.output_text == 'Emulated answer to "two" ' + second.output_text.split('"two" ')[1]
    assert "one" not in second.output_text
    assert second.previous_response_id == first.id
    assert len(writes(emu, "task.sendMessage")) == 1
    assert len(writes(emu, "task.create")) == 1
    again = await run(client.responses.retrieve(first.id))
    assert again.status == "completed"
    assert '"one"' in again.output_text


async def test_task_id_option_continues_that_task(emu: Emulator, flavour: str) -> None:
    client = make(emu, flavour)
    first = await run(client.responses.create(input="one"))
    second = await run(client.responses.create(input="two", task_id=first.id))
    assert second.id == f"{first.task_id}~2"
    assert '"two"' in second.output_text


async def test_a_fork_starts_a_new_task_carrying_the_conversation(emu: Emulator, flavour: str) -> None:
    client = make(emu, flavour)
    first = await run(client.responses.create(input="alpha"))
    await run(client.responses.create(input="beta", previous_response_id=first.id))
    fork = await run(client.responses.create(input="gamma", previous_response_id=first.id))
    assert fork.task_id != first.task_id
    assert fork.id.endswith("~1")
    content = writes(emu, "task.create")[-1].json()["message"]["content"]
    assert "[user]\nalpha" in content
    assert "[assistant (earlier turn)]" in content
    assert "gamma" in content
    assert "beta" not in content
    refusing = make(emu, flavour, forks="refuse")
    with pytest.raises(ForkRefusedError):
        await run(refusing.responses.create(input="delta", previous_response_id=first.id))


async def test_retrieve_and_wait_read_detail_and_every_page_of_the_log(emu: Emulator, flavour: str) -> None:
    client = make(emu, flavour)
    created = await run(
        client.responses.create(input="files please [[manus:files=2]] [[manus:polls=2]]", background=True)
    )
    done = await run(client.responses.wait(created.id, timeout=30))
    assert done.status == "completed"
    assert [f.file_name for f in done.output_files] == ["result-1.md", "result-2.md"]
    assert done.output[0].content[1].type == "output_file"
    emu.clear_requests()
    again = await run(client.responses.retrieve(created.task_id))
    assert again.id == created.id
    assert again.output_text == done.output_text
    paths = {r.path for r in emu.requests}
    assert paths == {"/v2/task.detail", "/v2/task.listMessages"}


async def test_input_items_list_pages_the_turns_inputs(emu: Emulator, flavour: str) -> None:
    client = make(emu, flavour)
    first = await run(client.responses.create(input="first question"))
    second = await run(client.responses.create(input="second question", previous_response_id=first.id))
    page = await run(client.responses.input_items.list(second.id))
    assert [item.content[0].text for item in page.data] == ["second question"]
    assert [item.content[0].text for item in (await run(client.responses.input_items.list(first.id))).data] == [
        "first question"
    ]
    assert v1_calls(emu) == []


async def test_cancel_stops_the_task_with_task_stop_and_is_idempotent(emu: Emulator, flavour: str) -> None:
    client = make(emu, flavour)
    created = await run(client.responses.create(input="long [[manus:forever]]", background=True))
    assert (await run(client.responses.cancel(created.id))).status == "cancelled"
    assert (await run(client.responses.cancel(created.id))).status == "cancelled"
    assert (await run(client.responses.retrieve(created.id))).status == "cancelled"
    assert len(writes(emu, "task.stop")) == 1


async def test_delete_is_task_delete(emu: Emulator, flavour: str) -> None:
    client = make(emu, flavour)
    created = await run(client.responses.create(input="bye"))
    await run(client.responses.delete(created.id))
    assert len(writes(emu, "task.delete")) == 1
    with pytest.raises(openai.NotFoundError):
        await run(client.responses.retrieve(created.id))


async def test_a_blocking_create_past_its_timeout_carries_the_id_of_the_running_task(
    emu: Emulator, flavour: str
) -> None:
    client = make(emu, flavour)
    with pytest.raises(openai.APITimeoutError) as caught:
        await run(client.responses.create(input="slow [[manus:forever]]", timeout=0.05))
    response_id = caught.value.response_id  # type: ignore[attr-defined]
    assert (await run(client.responses.retrieve(response_id))).status == "in_progress"
    assert len(writes(emu, "task.create")) == 1


async def test_a_question_is_incomplete_with_the_question_and_answering_resumes(emu: Emulator, flavour: str) -> None:
    client = make(emu, flavour)
    asked = await run(client.responses.create(input="plan it [[manus:ask=Which city?]]"))
    assert asked.status == "incomplete"
    assert asked.incomplete_details.reason == "waiting_for_user"
    assert asked.question == "Which city?"
    answered = await run(client.responses.create(input="Kyoto", previous_response_id=asked.id))
    assert answered.status == "completed"
    assert answered.id.endswith("~2")


async def test_a_confirmation_wait_is_incomplete_with_what_it_waits_for(emu: Emulator, flavour: str) -> None:
    client = make(emu, flavour)
    waiting = await run(client.responses.create(input="mail it [[manus:wait=gmailSendAction]]"))
    assert waiting.status == "incomplete"
    assert waiting.waiting_for["waiting_for_event_type"] == "gmailSendAction"
    assert waiting.question


async def test_a_failed_task_is_failed_with_manus_message(emu: Emulator, flavour: str) -> None:
    client = make(emu, flavour)
    failed = await run(client.responses.create(input="break [[manus:error=disk full]]"))
    assert failed.status == "failed"
    assert "disk full" in failed.error.message


async def test_background_jobs_keep_a_stopped_turn_in_progress(emu: Emulator, flavour: str) -> None:
    client = make(emu, flavour)
    created = await run(client.responses.create(input="deploy [[manus:background=10]]", background=True))
    read = await run(client.responses.retrieve(created.id))
    assert read.manus_status == "stopped"
    assert read.has_running_background_jobs is True
    assert read.status == "in_progress"
    emu.advance(11)
    assert (await run(client.responses.retrieve(created.id))).status == "completed"


async def test_metadata_and_other_task_modes_are_refused_before_sending(emu: Emulator, flavour: str) -> None:
    client = make(emu, flavour)
    with pytest.raises(UnsupportedArgumentError, match="metadata"):
        await run(client.responses.create(input="x", metadata={"k": "v"}))
    with pytest.raises(UnsupportedArgumentError, match="task_mode"):
        await run(client.responses.create(input="x", task_mode="chat"))
    assert emu.requests == []


async def test_ids_work_across_backends(emu: Emulator, flavour: str) -> None:
    v2 = make(emu, flavour)
    v1 = make(emu, flavour, responses_backend="v1")
    on_v1 = await run(v1.responses.create(input="from v1"))
    on_v2 = await run(v2.responses.create(input="from v2", previous_response_id=on_v1.id))
    assert on_v2.id == f"{on_v1.task_id}~2"
    assert (await run(v1.responses.retrieve(on_v2.id))).output_text == on_v2.output_text
    assert (await run(v2.responses.retrieve(on_v1.id))).output_text == on_v1.output_text


async def test_the_manus_view_stays_on_v1_endpoints(emu: Emulator, flavour: str) -> None:
    client = make(emu, flavour, responses_view="manus")
    created = await run(client.responses.create(input="raw"))
    assert created.status == "running"
    assert created.turn is None
    assert v1_calls(emu) == ["POST /v1/responses"]


@pytest.mark.parametrize("endpoint", ["task.create", "task.sendMessage"])
async def test_a_write_is_never_sent_twice_after_a_5xx(emu: Emulator, flavour: str, endpoint: str) -> None:
    client = make(emu, flavour, max_retries=2)
    first = None
    if endpoint == "task.sendMessage":
        first = await run(client.responses.create(input="one"))
    emu.faults.add(Fault.server_error(503), "POST", f"/v2/{endpoint}", times=1)
    with pytest.raises(openai.InternalServerError):
        await run(client.responses.create(input="two", previous_response_id=first.id if first else None))
    assert len(writes(emu, endpoint)) == 1


async def test_a_429_on_create_is_sent_again_because_the_server_did_not_act(emu: Emulator, flavour: str) -> None:
    client = make(emu, flavour, max_retries=2)
    emu.faults.add(Fault.rate_limited(retry_after=0), "POST", "/v2/task.create", times=1)
    response = await run(client.responses.create(input="hi"))
    assert response.status == "completed"
    assert [r.status for r in writes(emu, "task.create")] == [429, 200]


async def test_an_oauth_token_client_runs_responses_on_v2(emu: Emulator, flavour: str) -> None:
    emu.add_oauth_token("tok-123")
    client = make(emu, flavour)
    token_client = client.with_options(oauth_token="tok-123")
    _OPEN.append(token_client)
    response = await run(token_client.responses.create(input="with a token"))
    assert response.status == "completed"
    assert all("authorization" in r.headers for r in emu.requests)


async def test_the_raw_view_deletes_and_lists_inputs_through_v1(emu: Emulator, flavour: str) -> None:
    client = make(emu, flavour, responses_view="manus")
    created = await run(client.responses.create(input="raw"))
    await run(client.responses.input_items.list(created.id))
    await run(client.responses.delete(created.id))
    assert [r.path for r in emu.requests if r.path.startswith("/v2/")] == []


async def test_with_raw_response_create_parses_to_the_finished_turn(emu: Emulator, flavour: str) -> None:
    client = make(emu, flavour)
    raw = await run(client.responses.with_raw_response.create(input="raw please"))
    response = raw.parse()
    assert response.status == "completed"
    assert response.output_text.startswith("Emulated answer")
    assert raw.http_response.request.url.path in ("/v2/task.detail", "/v2/task.listMessages")


async def test_a_wait_reads_the_log_only_when_the_task_stops_running(emu: Emulator, flavour: str) -> None:
    # One request per poll while task.detail says running, as on v1; the log is read first and at the end.
    client = make(emu, flavour)
    created = await run(client.responses.create(input="count my polls [[manus:polls=6]]", background=True))
    emu.clear_requests()
    done = await run(client.responses.wait(created.id, timeout=30))
    assert done.status == "completed"
    assert done.output_text.startswith("Emulated answer")
    details = [r for r in emu.requests if r.path == "/v2/task.detail"]
    logs = [r for r in emu.requests if r.path == "/v2/task.listMessages"]
    assert len(details) >= 5  # polls=6 counts the create too
    assert len(logs) == 2  # the first poll and the one that saw the task stop


async def test_a_follow_up_not_yet_picked_up_is_not_read_from_a_stale_log(emu: Emulator, flavour: str) -> None:
    client = make(emu, flavour)
    first = await run(client.responses.create(input="first [[manus:polls=2]]"))
    second = await run(client.responses.create(input="second [[manus:polls=3]]", previous_response_id=first.id))
    assert second.id.endswith("~2")
    assert second.status == "completed"
    assert "second" in second.output_text
    assert "first" not in second.output_text
