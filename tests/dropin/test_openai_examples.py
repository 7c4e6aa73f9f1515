"""Public OpenAI Responses examples, run against the emulator with only the client line changed.

Sources: openai-python's README at v1.100.2 (text, instructions, vision by URL and base64, async, raw
responses), OpenAI's background-mode guide (the ``while status in {"queued", "in_progress"}`` loop),
the conversation-state guide (``previous_response_id`` chains and a hand-kept history), file inputs. The
streaming and ``parse`` examples of ``examples/responses`` belong to the streaming issue and are not here.
Each example's body is the published code; the asserts say what its author meant it to show.
``responses.cancel`` runs against the emulator's v2 ``task.stop`` here and at the transport level in
``tests/bridge``.
"""

from __future__ import annotations

import asyncio
import base64
import time
from typing import Any

from manus_openai import AsyncManusOpenAI, ManusOpenAI

PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32).decode()
PDF = base64.b64encode(b"%PDF-1.4 emulated").decode()


def received(client: Any, response_id: str) -> str:
    """What Manus received in that turn (input items), as one text."""
    items = list(client.responses.input_items.list(response_id))
    return "\n".join(part.text for item in items for part in item.content if part.type == "input_text")


# ---------------------------------------------------------------------------- openai-python README
def test_readme_text_with_instructions(client: ManusOpenAI) -> None:
    response = client.responses.create(
        model="gpt-4o",
        instructions="You are a coding assistant that talks like a pirate.",
        input="How do I check if a Python object is an instance of a class?",
    )
    print(response.output_text)
    assert response.status == "completed"
    assert response.output_text.startswith("Emulated answer")
    seen = received(client, response.id)
    assert "talks like a pirate" in seen
    assert "instance of a class" in seen


async def test_readme_async(aclient: AsyncManusOpenAI) -> None:
    response = await aclient.responses.create(
        model="gpt-4o", input="Explain disestablishmentarianism to a smart five year old."
    )
    print(response.output_text)
    assert response.status == "completed"
    assert "disestablishmentarianism" in response.output_text


def test_readme_vision_by_url(client: ManusOpenAI) -> None:
    prompt = "What is in this image?"
    img_url = "https://upload.wikimedia.org/wikipedia/commons/thumb/d/d5/2023_06_08_Raccoon1.jpg/1599px-2023_06_08_Raccoon1.jpg"
    response = client.responses.create(
        model="gpt-4o-mini",
        input=[
            {
                "role": "user",
                "content": [
                    {"type": "input_text", "text": prompt},
                    {"type": "input_image", "image_url": f"{img_url}"},
                ],
            }
        ],
    )
    assert response.status == "completed"
    assert "1 attachment" in response.output_text  # the agent got the image


async def test_readme_vision_base64_async(aclient: AsyncManusOpenAI) -> None:
    prompt = "What is in this image?"
    b64_image = PNG
    response = await aclient.responses.create(
        model="gpt-4o-mini",
        input=[
            {
                "role": "user",
                "content": [
                    {"type": "input_text", "text": prompt},
                    {"type": "input_image", "image_url": f"data:image/png;base64,{b64_image}"},
                ],
            }
        ],
    )
    assert response.status == "completed"
    assert "1 attachment" in response.output_text


def test_readme_raw_response(client: ManusOpenAI) -> None:
    response = client.responses.with_raw_response.create(model="gpt-4o", input="Say this is a test")
    print(response.headers.get("content-type"))
    parsed = response.parse()
    print(parsed.output_text)
    assert response.headers.get("content-type") == "application/json"
    assert parsed.status == "completed"
    assert "Say this is a test" in parsed.output_text


async def test_readme_raw_response_async(aclient: AsyncManusOpenAI) -> None:
    response = await aclient.responses.with_raw_response.create(model="gpt-4o", input="Say this is a test")
    parsed = response.parse()
    assert parsed.status == "completed"
    assert "Say this is a test" in parsed.output_text


# ---------------------------------------------------------------------------- file inputs
def test_file_input_by_url_and_base64(client: ManusOpenAI) -> None:
    response = client.responses.create(
        model="gpt-4.1",
        input=[
            {
                "role": "user",
                "content": [
                    {"type": "input_text", "text": "Compare these two documents."},
                    {"type": "input_file", "file_url": "https://www.berkshirehathaway.com/letters/2024ltr.pdf"},
                    {"type": "input_file", "filename": "draft.pdf", "file_data": f"data:application/pdf;base64,{PDF}"},
                ],
            }
        ],
    )
    assert response.status == "completed"
    assert "2 attachment" in response.output_text
    assert "draft.pdf" in response.output_text


# ---------------------------------------------------------------------------- background mode guide
def test_background_mode_polling_loop(client: ManusOpenAI) -> None:
    resp = client.responses.create(model="o3", input="Write a very long novel about otters in space.", background=True)
    assert resp.status in {"queued", "in_progress"}
    while resp.status in {"queued", "in_progress"}:
        print(f"Current status: {resp.status}")
        time.sleep(2)
        resp = client.responses.retrieve(resp.id)
    print(f"Final status: {resp.status}\nOutput:\n{resp.output_text}")
    assert resp.status == "completed"
    assert "otters in space" in resp.output_text


async def test_background_mode_polling_loop_async(aclient: AsyncManusOpenAI) -> None:
    resp = await aclient.responses.create(model="o3", input="Write a very long novel about otters.", background=True)
    while resp.status in {"queued", "in_progress"}:
        await asyncio.sleep(2)
        resp = await aclient.responses.retrieve(resp.id)
    assert resp.status == "completed"
    assert "otters" in resp.output_text


# ---------------------------------------------------------------------------- conversation state guide
def test_previous_response_id_chain(client: ManusOpenAI) -> None:
    response = client.responses.create(model="gpt-4o-mini", input="tell me a joke")
    print(response.output_text)
    second_response = client.responses.create(
        model="gpt-4o-mini",
        previous_response_id=response.id,
        input=[{"role": "user", "content": "explain why this is funny."}],
    )
    print(second_response.output_text)
    assert second_response.id != response.id
    assert "explain why this is funny" in second_response.output_text
    assert "tell me a joke" not in second_response.output_text  # only this turn's answer
    assert client.responses.retrieve(response.id).output_text == response.output_text
    assert second_response.output[0].content[0].text == second_response.output_text  # type: ignore[union-attr]


async def test_previous_response_id_chain_async(aclient: AsyncManusOpenAI) -> None:
    response = await aclient.responses.create(model="gpt-4o-mini", input="tell me a joke")
    second = await aclient.responses.create(
        model="gpt-4o-mini", previous_response_id=response.id, input="explain why this is funny."
    )
    assert "explain why this is funny" in second.output_text
    assert "joke" not in second.output_text
    assert (await aclient.responses.retrieve(response.id)).output_text == response.output_text


def test_hand_kept_history(client: ManusOpenAI) -> None:
    history: list[Any] = [{"role": "user", "content": "tell me a joke"}]
    response = client.responses.create(model="gpt-4o-mini", input=history, store=False)
    print(response.output_text)
    history += [{"role": el.role, "content": el.content} for el in response.output]  # type: ignore[union-attr]
    history.append({"role": "user", "content": "tell me another"})
    second_response = client.responses.create(model="gpt-4o-mini", input=history, store=False)
    assert response.status == second_response.status == "completed"
    seen = received(client, second_response.id)
    assert "[assistant (earlier turn)]" in seen
    assert response.output_text in seen
    assert "tell me another" in seen


def test_two_follow_ups_of_one_response_fork(client: ManusOpenAI) -> None:
    first = client.responses.create(model="gpt-4o", input="Name a colour.")
    a = client.responses.create(model="gpt-4o", previous_response_id=first.id, input="Another one.")
    b = client.responses.create(model="gpt-4o", previous_response_id=first.id, input="A third one.")
    assert a.task_id == first.task_id != b.task_id  # the second follow-up forked into a new task
    assert "Name a colour." in received(client, b.id)
    assert "Another one." not in received(client, b.id)
    assert b.status == "completed"
    assert "A third one." in received(client, b.id)


def test_system_and_developer_messages_reach_the_agent(client: ManusOpenAI) -> None:
    response = client.responses.create(
        model="gpt-4o",
        input=[
            {"role": "system", "content": "You are terse."},
            {"role": "developer", "content": "Answer in French."},
            {"role": "user", "content": "What is the capital of Italy?"},
        ],
    )
    assert response.status == "completed"
    seen = received(client, response.id)
    assert "You are terse." in seen
    assert "Answer in French." in seen


def test_output_items_are_assistant_messages_with_annotation_lists(client: ManusOpenAI) -> None:
    response = client.responses.create(
        model="gpt-4o", input="Write a report [[manus:files=1]]", tools=[{"type": "web_search_preview"}]
    )
    for item in response.output:
        assert item.type == "message"
        assert item.role == "assistant"  # type: ignore[union-attr]
        for part in item.content:  # type: ignore[union-attr]
            assert isinstance(part.annotations, list)  # type: ignore[union-attr]
    assert [f.file_name for f in response.output_files] == ["result-1.md"]
    assert response.usage is not None
    assert response.credit_usage is not None


# ---------------------------------------------------------------------------- async twins of the rest
async def areceived(aclient: AsyncManusOpenAI, response_id: str) -> str:
    page = await aclient.responses.input_items.list(response_id)
    return "\n".join(part.text for item in page.data for part in item.content if part.type == "input_text")  # type: ignore[union-attr]


async def test_readme_text_with_instructions_async(aclient: AsyncManusOpenAI) -> None:
    response = await aclient.responses.create(
        model="gpt-4o",
        instructions="You are a coding assistant that talks like a pirate.",
        input="How do I check if a Python object is an instance of a class?",
    )
    assert response.status == "completed"
    assert "talks like a pirate" in await areceived(aclient, response.id)


async def test_readme_vision_by_url_async(aclient: AsyncManusOpenAI) -> None:
    response = await aclient.responses.create(
        model="gpt-4o-mini",
        input=[{"role": "user", "content": [{"type": "input_text", "text": "What is in this image?"},
                                            {"type": "input_image", "image_url": "https://example.com/raccoon.jpg"}]}],
    )  # fmt: skip
    assert response.status == "completed"
    assert "1 attachment" in response.output_text


def test_readme_vision_base64(client: ManusOpenAI) -> None:
    response = client.responses.create(
        model="gpt-4o-mini",
        input=[{"role": "user", "content": [{"type": "input_text", "text": "What is in this image?"},
                                            {"type": "input_image", "image_url": f"data:image/png;base64,{PNG}"}]}],
    )  # fmt: skip
    assert response.status == "completed"
    assert "1 attachment" in response.output_text


async def test_file_input_async(aclient: AsyncManusOpenAI) -> None:
    response = await aclient.responses.create(
        model="gpt-4.1",
        input=[{"role": "user", "content": [
            {"type": "input_text", "text": "Summarise this."},
            {"type": "input_file", "filename": "draft.pdf", "file_data": f"data:application/pdf;base64,{PDF}"},
        ]}],
    )  # fmt: skip
    assert response.status == "completed"
    assert "draft.pdf" in response.output_text


async def test_hand_kept_history_async(aclient: AsyncManusOpenAI) -> None:
    history: list[Any] = [{"role": "user", "content": "tell me a joke"}]
    response = await aclient.responses.create(model="gpt-4o-mini", input=history, store=False)
    history += [{"role": el.role, "content": el.content} for el in response.output]  # type: ignore[union-attr]
    history.append({"role": "user", "content": "tell me another"})
    second = await aclient.responses.create(model="gpt-4o-mini", input=history, store=False)
    seen = await areceived(aclient, second.id)
    assert second.status == "completed"
    assert response.output_text in seen
    assert "tell me another" in seen


async def test_two_follow_ups_of_one_response_fork_async(aclient: AsyncManusOpenAI) -> None:
    first = await aclient.responses.create(model="gpt-4o", input="Name a colour.")
    a = await aclient.responses.create(model="gpt-4o", previous_response_id=first.id, input="Another one.")
    b = await aclient.responses.create(model="gpt-4o", previous_response_id=first.id, input="A third one.")
    assert a.task_id == first.task_id != b.task_id
    assert "Name a colour." in await areceived(aclient, b.id)


async def test_system_and_developer_messages_reach_the_agent_async(aclient: AsyncManusOpenAI) -> None:
    response = await aclient.responses.create(
        model="gpt-4o",
        input=[{"role": "system", "content": "You are terse."}, {"role": "user", "content": "Capital of Italy?"}],
    )
    assert response.status == "completed"
    assert "You are terse." in await areceived(aclient, response.id)


async def test_output_items_are_assistant_messages_async(aclient: AsyncManusOpenAI) -> None:
    response = await aclient.responses.create(model="gpt-4o", input="Write a report [[manus:files=1]]")
    assert [item.role for item in response.output] == ["assistant"]  # type: ignore[union-attr]
    assert response.output[0].content[0].annotations == []  # type: ignore[union-attr]


def test_agent_question_is_incomplete_with_the_question_reachable(client: ManusOpenAI) -> None:
    response = client.responses.create(model="gpt-4o", input="Book a table [[manus:ask=For how many people?]]")
    assert response.status == "incomplete"
    assert response.incomplete_details is not None
    assert response.question == "For how many people?"
    follow = client.responses.create(model="gpt-4o", input="Four", previous_response_id=response.id)
    assert follow.status == "completed"
    assert follow.id == f"{response.task_id}~2"


async def test_agent_question_async(aclient: AsyncManusOpenAI) -> None:
    response = await aclient.responses.create(input="Book a table [[manus:ask=For how many people?]]")
    assert (response.status, response.question) == ("incomplete", "For how many people?")


def test_manus_ids_and_turn_ids_work_everywhere(client: ManusOpenAI) -> None:
    response = client.responses.create(model="gpt-4o", input="hello")
    assert client.responses.retrieve(response.task_id).id == response.id  # a bare task id: the latest turn
    assert client.tasks.retrieve(response.id).id == response.task_id  # a turn id names its task
    follow = client.responses.create(input="again", extra_body={"task_id": response.id}, background=True)
    assert follow.task_id == response.task_id
    client.responses.delete(response.id)


# ---------------------------------------------------------------------------- background mode: cancel
def test_background_cancel_is_cancelled_and_idempotent(emu: Any, client: ManusOpenAI) -> None:
    resp = client.responses.create(model="o3", input="A long job [[manus:duration=600]]", background=True)
    cancelled = client.responses.cancel(resp.id)
    assert cancelled.status == "cancelled"
    assert client.responses.cancel(resp.id).status == "cancelled"
    assert client.responses.retrieve(resp.id).status == "cancelled"
    assert [r.path for r in emu.requests].count("/v2/task.stop") == 1


async def test_background_cancel_async(emu: Any, aclient: AsyncManusOpenAI) -> None:
    resp = await aclient.responses.create(model="o3", input="A long job [[manus:duration=600]]", background=True)
    assert (await aclient.responses.cancel(resp.id)).status == "cancelled"
    assert (await aclient.responses.cancel(resp.id)).status == "cancelled"
