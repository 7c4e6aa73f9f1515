"""``organization=``, ``project=`` and ``webhook_secret=``: each has a Manus meaning or is refused, never dropped."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from manus_openai import AsyncManusOpenAI, ManusOpenAI, UnsupportedOptionError
from tests.conftest import BASE_URL, TEST_KEY, FakeManus, response_body

CREATED = {"task_id": "t9", "task_title": "T", "task_url": "https://manus.im/app/t9"}


def make(fake: FakeManus, **kwargs: Any) -> ManusOpenAI:
    return ManusOpenAI(  # the raw view: these tests read the body of one create that returns at once
        api_key=TEST_KEY, base_url=BASE_URL, http_client=httpx.Client(transport=httpx.MockTransport(fake)),
        responses_view="manus", **kwargs,
    )  # fmt: skip


@pytest.mark.parametrize("cls", [ManusOpenAI, AsyncManusOpenAI])
@pytest.mark.parametrize(("name", "hint"), [("organization", "no organizations"), ("webhook_secret", "public key")])
def test_options_without_a_manus_meaning_are_refused(cls: Any, name: str, hint: str) -> None:
    with pytest.raises(UnsupportedOptionError, match=hint) as info:
        cls(api_key=TEST_KEY, **{name: "whsec-or-org-123"})
    assert info.value.option == name
    assert isinstance(info.value, ValueError)


def test_copy_refuses_them_too() -> None:
    client = ManusOpenAI(api_key=TEST_KEY)
    with pytest.raises(UnsupportedOptionError):
        client.copy(organization="org-1")
    with pytest.raises(UnsupportedOptionError):
        client.with_options(webhook_secret="whsec_1")


def test_openai_environment_settings_stay_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_ORG_ID", "org-env")
    monkeypatch.setenv("OPENAI_PROJECT_ID", "proj-env")
    monkeypatch.setenv("OPENAI_WEBHOOK_SECRET", "whsec-env")
    client = ManusOpenAI(api_key=TEST_KEY)
    assert client.organization is None
    assert client.project is None
    assert getattr(client, "webhook_secret", None) is None


@pytest.mark.parametrize("project", ["", 42])
def test_project_must_be_a_non_empty_string(project: object) -> None:
    with pytest.raises((TypeError, ValueError), match="project"):
        ManusOpenAI(api_key=TEST_KEY, project=project)  # type: ignore[arg-type]


def test_project_reads_back_and_survives_copy_and_with_options(fake: FakeManus) -> None:
    client = make(fake, project="proj_abc")
    assert client.project == "proj_abc"
    assert client.copy(timeout=5).project == "proj_abc"
    assert client.with_options(max_retries=1).project == "proj_abc"
    assert client.copy(project="proj_other").project == "proj_other"


def test_project_is_the_default_project_of_new_responses(fake: FakeManus) -> None:
    client = make(fake, project="proj_abc")
    client.responses.create(input="hi")
    assert fake.bodies()[0]["project_id"] == "proj_abc"
    assert "OpenAI-Project" not in fake.requests[0].headers


def test_a_project_named_by_the_call_wins(fake: FakeManus) -> None:
    client = make(fake, project="proj_abc")
    client.responses.create(input="hi", project_id="proj_call")
    client.responses.create(input="hi", extra_body={"project_id": "proj_extra"})
    assert [b["project_id"] for b in fake.bodies()] == ["proj_call", "proj_extra"]


def test_continuing_a_task_sends_no_project(fake: FakeManus) -> None:
    client = make(fake, project="proj_abc")
    client.responses.create(input="more", previous_response_id="t1")
    client.responses.create(input="more", task_id="t1")
    assert all("project_id" not in body for body in fake.bodies())


def test_project_is_the_default_project_of_tasks_create(fake: FakeManus) -> None:
    fake.replies = [httpx.Response(200, json=CREATED)]
    client = make(fake, project="proj_abc")
    client.tasks.create("Summarise")
    client.tasks.create("Summarise", project_id="proj_call")
    client.tasks.create("More", task_id="t9")
    bodies = fake.bodies()
    assert bodies[0]["projectId"] == "proj_abc"
    assert bodies[1]["projectId"] == "proj_call"
    assert "projectId" not in bodies[2]


def test_the_callers_body_dict_is_not_changed(fake: FakeManus) -> None:
    fake.replies = [httpx.Response(200, json=CREATED)]
    client = make(fake, project="proj_abc")
    body = {"prompt": "hi", "agentProfile": "manus-1.6"}
    client.post("/tasks", body=body, cast_to=object)
    assert body == {"prompt": "hi", "agentProfile": "manus-1.6"}
    assert fake.bodies()[0]["projectId"] == "proj_abc"


def test_reads_and_other_creates_carry_no_project(fake: FakeManus) -> None:
    fake.replies = [httpx.Response(200, json={"id": "proj_new", "name": "n"})]
    client = make(fake, project="proj_abc")
    client.projects.create("n")
    fake.replies = [httpx.Response(200, json=response_body())]
    client.responses.retrieve("t1")
    assert "projectId" not in fake.bodies()[0]
    assert "project_id" not in fake.bodies()[0]
    assert fake.requests[1].content == b""


async def test_async_project_is_the_default_project(fake: FakeManus) -> None:
    client = AsyncManusOpenAI(
        api_key=TEST_KEY,
        base_url=BASE_URL,
        responses_view="manus",
        project="proj_abc",
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(fake)),
    )
    async with client:
        await client.responses.create(input="hi")
        assert client.copy().project == "proj_abc"
    assert fake.bodies()[0]["project_id"] == "proj_abc"
