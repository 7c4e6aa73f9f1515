"""Follow a v2 task at the terminal: print its events as they happen, answer its questions and confirmations.

Runs offline by default: without ``MANUS_API_KEY`` it starts the bundled emulator and runs two tasks, one
that asks a question and one that waits for an e-mail confirmation. With ``MANUS_API_KEY`` set it runs
your prompt on Manus::

    python examples/v2_interactive.py ["your prompt"]

When stdin is not a terminal, answers are chosen automatically (and printed), so the example also runs
unattended.
"""

from __future__ import annotations

import contextlib
import os
import sys

from manus_openai import ManusOpenAI
from manus_openai.types.v2 import AssistantMessageEvent, Event, StatusDetail, StatusUpdateEvent, ToolUsedEvent
from manus_openai.v2 import Confirmation, confirmations


def ask(question: str, default: str) -> str:
    if not sys.stdin.isatty():
        print(f"{question} [{default}] -> {default} (not a terminal: automatic answer)")
        return default
    return input(f"{question} [{default}] ").strip() or default


def show(event: Event) -> None:
    if isinstance(event, StatusUpdateEvent):
        print(f"  [{event.agent_status}] {event.status_update.brief or ''}")
    elif isinstance(event, AssistantMessageEvent):
        print(f"  agent: {event.assistant_message.content}")
        for attachment in event.assistant_message.attachments:
            print(f"    file: {attachment.filename} {attachment.url}")
    elif isinstance(event, ToolUsedEvent):
        print(f"  tool: {event.tool_used.tool} {event.tool_used.brief or ''}")
    else:
        print(f"  {event.type}")


def answer_for(waiting: StatusDetail) -> Confirmation | dict[str, object]:
    kind = waiting.waiting_for_event_type or "unknown"
    print(f"The agent waits for {kind}: {waiting.waiting_description or ''}")
    if kind in ("gmailSendAction", "outlookSendMailsAction"):
        choice = ask("send, draft or reject?", "draft")
        return confirmations.reject() if choice == "reject" else confirmations.send_mail(save_draft=choice == "draft")
    if kind == "videoGenerate":
        return confirmations.video_quality(
            "premium" if ask("standard or premium?", "standard") == "premium" else "standard"
        )
    if kind in confirmations.ACCEPT_TYPES:
        return confirmations.accept(ask("accept? (y/n)", "y") == "y")
    return {}  # a type this script does not know: send an empty input (checked against its schema)


def run(client: ManusOpenAI, prompt: str) -> None:
    created = client.v2.tasks.create(prompt, interactive_mode=True)
    print(f"Task created: {created.task_id} {created.task_url or ''}")
    follower = client.v2.tasks.follow(created.task_id, verbose=True)
    while True:
        for event in follower:
            show(event)
        waiting = follower.waiting
        if waiting is None:
            break
        if waiting.waiting_for_event_type == confirmations.ASK_USER:
            follower.reply(ask("Your answer:", "Kyoto, in spring"))
            continue
        done = follower.confirm(answer_for(waiting))
        if done.stays_waiting:
            print("Rejected: the task stays waiting. Stopping it.")
            client.v2.tasks.stop(created.task_id)
    task = client.v2.tasks.retrieve(created.task_id)
    print(f"Final status: {task.status}\n")


def main() -> None:
    with contextlib.ExitStack() as stack:
        if os.environ.get("MANUS_API_KEY"):
            client = stack.enter_context(ManusOpenAI())
            prompts = [" ".join(sys.argv[1:]) or "Plan a 3-day trip; ask me where to go first."]
        else:
            from manus_openai.emulator import Emulator

            emulator = stack.enter_context(Emulator(task_duration=1.0))
            client = stack.enter_context(emulator.client())
            print(f"(no MANUS_API_KEY: using the bundled emulator at {emulator.base_url})")
            prompts = [  # emulator directives choose what the agent does
                "Plan a 3-day trip [[manus:ask=Which city should I plan for?]]",
                "E-mail the team about Friday [[manus:wait=gmailSendAction]]",
            ]
        for prompt in prompts:
            run(client, prompt)


if __name__ == "__main__":
    main()
