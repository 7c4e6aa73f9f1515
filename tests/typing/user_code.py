"""Typical user code; `mypy --strict tests/typing` must accept it (run by tests/core/test_typing.py)."""

from __future__ import annotations

import openai

from manus_openai import (
    AsyncManusOpenAI,
    ManusOpenAI,
    ManusResponse,
    OutputFile,
    RateLimits,
    RateLimitWaitTimeout,
    WaitTimeout,
    inputs,
    manus_client_options,
    manus_extra_body,
    wait_for_response,
)


def takes_openai(client: openai.OpenAI) -> None:
    print(client.base_url)


def main() -> None:
    client = ManusOpenAI(api_key="mk", base_url="http://127.0.0.1:8765/v1", max_retries=0)
    takes_openai(client)
    shared = ManusOpenAI(api_key="mk", rate_limits=RateLimits(redis_url="redis://localhost:6379/0", account="acme"))
    quick: ManusOpenAI = shared.with_options(timeout=5, rate_limits=False)
    try:
        quick.responses.create(input="hi")
    except RateLimitWaitTimeout as exc:
        print(exc.endpoint, exc.waited)
    created: ManusResponse = client.responses.create(
        input=[{"role": "user", "content": [{"type": "input_text", "text": "hi"}]}],
        task_mode="agent",
        agent_profile="manus-1.6",
        create_shareable_link=True,
        connectors=["uuid"],
        extra_headers={"X-Trace": "1"},
    )
    try:
        done = client.responses.wait(created.id, timeout=60, poll_interval=2, on_update=lambda r: print(r.status))
    except WaitTimeout as exc:
        print(exc.response)
        return
    text: str = done.output_text
    files: list[OutputFile] = done.output_files
    credits: int | None = done.credit_usage
    print(text, files, credits, done.task_url, done.share_url, done.task_title)
    client.responses.create_and_wait(input="hi", timeout=30, locale="en-US")
    client.responses.create(input=[{"role": "user", "content": [inputs.text("a"), inputs.file(url="https://x/a.pdf")]}])
    plain = openai.OpenAI(**manus_client_options())
    plain.responses.create(input="hi", model="manus-1.6", extra_body=manus_extra_body(task_mode="chat"))
    print(wait_for_response(plain, "id").status)


async def amain() -> None:
    client = AsyncManusOpenAI()
    done = await client.responses.create_and_wait(input="hi", timeout=30)
    print(done.output_text)


def v2_main() -> None:
    import pydantic

    from manus_openai.types.v2 import AssistantMessageEvent, Event, StatusDetail, V2Task
    from manus_openai.v2 import V2WaitTimeout, confirmations

    class City(pydantic.BaseModel):
        name: str

    client = ManusOpenAI(api_key="mk", base_url="http://127.0.0.1:8765/v1", max_retries=0)
    created = client.v2.tasks.create("hi", interactive_mode=True, share_visibility="team", structured_output=City)
    follower = client.v2.tasks.follow(created.task_id, verbose=True)
    for event in follower:
        e: Event = event
        if isinstance(e, AssistantMessageEvent):
            print(e.assistant_message.content, [a.filename for a in e.assistant_message.attachments])
    waiting: StatusDetail | None = follower.waiting
    if waiting is not None:
        follower.confirm(confirmations.send_mail(save_draft=True))
    try:
        task: V2Task = client.v2.tasks.wait(created.task_id, timeout=60)
    except V2WaitTimeout as exc:
        print(exc.task)
        return
    city: City = client.v2.tasks.structured_result(task.id, City)
    print(city.name, [t.id for t in client.v2.tasks.list(limit=10)])


async def v2_amain() -> None:
    client = AsyncManusOpenAI()
    created = await client.v2.tasks.create("hi")
    async for event in client.v2.tasks.follow(created.task_id):
        print(event.type)
    async for task in client.v2.tasks.list():
        print(task.status)


def v2_raw_main() -> None:
    from manus_openai.types.v2 import AvailableCredits, Event, V2Task
    from manus_openai.v2 import SyncCursorPage, SyncEventPage

    client = ManusOpenAI(api_key="mk", base_url="http://127.0.0.1:8765/v1", max_retries=0)
    raw = client.v2.tasks.with_raw_response.retrieve("t1", extra_headers={"X-Trace": "1"})
    request_id: str | None = raw.headers.get("x-request-id")
    status: int = raw.status_code
    task: V2Task = raw.parse()
    page: SyncCursorPage[V2Task] = client.v2.with_raw_response.tasks.list(limit=10).parse()
    events: SyncEventPage = client.with_raw_response.v2.tasks.list_messages("t1", order="asc").parse()
    first: list[Event] = events.events
    credits: AvailableCredits = client.v2.usage.with_raw_response.available_credits().parse()
    with client.v2.tasks.with_streaming_response.retrieve("t1") as response:
        streamed: V2Task = response.parse()
    print(request_id, status, task.status, page.data, first, credits.total_credits, streamed.id)


async def v2_raw_amain() -> None:
    from manus_openai.types.v2 import V2File, V2Task
    from manus_openai.v2 import AsyncCursorPage

    client = AsyncManusOpenAI()
    raw = await client.v2.tasks.with_raw_response.retrieve("t1")
    task: V2Task = raw.parse()
    listed = await client.v2.with_raw_response.tasks.list()
    page: AsyncCursorPage[V2Task] = listed.parse()
    async with client.v2.files.with_streaming_response.retrieve("f1") as response:
        file: V2File = await response.parse()
    print(task.id, raw.headers.get("x-request-id"), page.data, file.status)


def openai_contract() -> None:
    """OpenAI Responses code, unchanged but for the client line (the bridge's contract)."""
    from manus_openai.errors import ForkRefusedError, ResponseTimeoutError, UnsupportedArgumentError

    client = ManusOpenAI(api_key="mk", forks="refuse")
    response = client.responses.create(model="gpt-4o", instructions="Be terse.", input="Hi")
    text: str = response.output_text
    status: str | None = response.status
    follow = client.responses.create(model="gpt-4o", input="More", previous_response_id=response.id)
    background = client.responses.create(model="o3", input="Long job", background=True)
    cancelled: ManusResponse = client.responses.cancel(background.id)
    items = client.responses.input_items.list(follow.id, limit=10, order="asc")
    raw = client.with_options(responses_view="manus").responses.create(input="raw view")
    try:
        client.responses.create(input="Hi", timeout=30)
    except openai.APITimeoutError as exc:
        if isinstance(exc, ResponseTimeoutError):
            print(exc.response_id)
    except (ForkRefusedError, UnsupportedArgumentError) as exc:
        print(exc)
    print(text, status, cancelled.manus_status, response.turn, response.question, response.task_id, items, raw.id)


def streaming() -> None:
    """OpenAI's streaming helpers, typed as the SDK types them."""
    client = ManusOpenAI(api_key="mk")
    with client.responses.stream(input="Plan a trip", model="gpt-4o") as stream:
        for event in stream:
            if event.type == "response.output_text.delta":
                delta: str = event.delta
                print(delta, event.sequence_number)
        final = stream.get_final_response()
    with client.responses.stream(response_id=final.id, starting_after=3) as resumed:
        resumed.until_done()
    print(final.output_text)
    events = client.responses.create(input="Plan a trip", model="gpt-4o", stream=True)
    for created_event in events:
        number: int = created_event.sequence_number
        print(number)
    for resumed_event in client.responses.retrieve(final.id, stream=True, starting_after=3):
        print(resumed_event.type)
    answer: ManusResponse = client.responses.create(input="Plan a trip", stream=False)
    again: ManusResponse = client.responses.retrieve(answer.id)
    print(again.output_text)


async def streaming_async() -> None:
    client = AsyncManusOpenAI(api_key="mk")
    async with client.responses.stream(input="Plan a trip") as stream:
        async for event in stream:
            print(event.type)
        final = await stream.get_final_response()
    print(final.id)
    events = await client.responses.create(input="Plan a trip", stream=True)
    async for created_event in events:
        number: int = created_event.sequence_number
        print(number)
    async for resumed_event in await client.responses.retrieve(final.id, stream=True, starting_after=3):
        print(resumed_event.type)
    answer: ManusResponse = await client.responses.create(input="Plan a trip")
    print(answer.output_text)
