"""Structured outputs through ``client.responses`` (``parse(text_format=...)``, ``text.format`` json_schema)
and the ``responses_backend`` option, sync and async written once (``await run(...)``)."""

from __future__ import annotations

import inspect
import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pydantic
import pytest
from openai.types.responses import ParsedResponse

from manus_openai import AsyncManusOpenAI, ManusOpenAI
from manus_openai.emulator import Emulator
from manus_openai.errors import UnsupportedArgumentError
from manus_openai.v2.structured import SchemaNotStrictError, StructuredOutputError, output_schema
from tests.conftest import TEST_KEY


class City(pydantic.BaseModel):
    name: str
    population: int


class Picky(pydantic.BaseModel):
    name: str

    @pydantic.field_validator("name")
    @classmethod
    def never(cls, value: str) -> str:
        raise ValueError("no name is good enough")


CITY_FORMAT = {"type": "json_schema", "name": "city", "strict": True, "schema": output_schema(City)}


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with Emulator(task_duration=0) as emulator:
        yield emulator


@pytest.fixture(params=["sync", "async"])
def flavour(request: pytest.FixtureRequest) -> str:
    return str(request.param)


_OPEN: list[Any] = []


async def run(value: Any) -> Any:
    return await value if inspect.isawaitable(value) else value


@pytest.fixture(autouse=True)
async def close_clients() -> AsyncIterator[None]:
    yield
    while _OPEN:
        await run(_OPEN.pop().close())


def make(emu: Emulator, flavour: str, **kwargs: Any) -> Any:
    cls = ManusOpenAI if flavour == "sync" else AsyncManusOpenAI
    client = cls(api_key=emu.api_key, base_url=emu.base_url, max_retries=0, **kwargs)
    _OPEN.append(client)
    return client


def creates(emu: Emulator) -> list[Any]:
    return [r.json() for r in emu.requests if r.method == "POST" and r.path == "/v2/task.create"]


async def test_parse_returns_the_sdk_parsed_response_with_the_model_instance(emu: Emulator, flavour: str) -> None:
    client = make(emu, flavour)
    parsed = await run(client.responses.parse(model="gpt-4o", input="The largest city in Japan?", text_format=City))
    assert isinstance(parsed, ParsedResponse)
    assert isinstance(parsed.output_parsed, City)
    assert City.model_validate_json(parsed.output_text) == parsed.output_parsed
    assert parsed.status == "completed"
    assert creates(emu)[0]["structured_output_schema"] == output_schema(City)


async def test_text_format_json_schema_makes_output_text_the_json(emu: Emulator, flavour: str) -> None:
    client = make(emu, flavour)
    response = await run(client.responses.create(input="A city", text={"format": CITY_FORMAT}))
    assert set(json.loads(response.output_text)) == {"name", "population"}
    assert creates(emu)[0]["structured_output_schema"] == CITY_FORMAT["schema"]


async def test_parse_with_text_json_schema_checks_success_too(emu: Emulator, flavour: str) -> None:
    client = make(emu, flavour)
    parsed = await run(client.responses.parse(input="A city", text={"format": CITY_FORMAT}))
    assert parsed.output_parsed is None  # the SDK parses only a text_format
    with pytest.raises(StructuredOutputError):
        await run(client.responses.parse(input="A city [[manus:structured=fail]]", text={"format": CITY_FORMAT}))


async def test_success_false_is_a_typed_error_with_the_message_and_the_response_id(emu: Emulator, flavour: str) -> None:
    client = make(emu, flavour)
    with pytest.raises(StructuredOutputError) as caught:
        await run(client.responses.parse(input="A city [[manus:structured=fail]]", text_format=City))
    error = caught.value
    assert error.error
    assert error.response_id is not None
    found = await run(client.responses.retrieve(error.response_id))
    assert found.status == "completed"
    assert found.output[0].content[0].type == "refusal"


async def test_a_value_that_does_not_fit_the_model_is_a_typed_error_not_a_validation_error(
    emu: Emulator, flavour: str
) -> None:
    client = make(emu, flavour)
    with pytest.raises(StructuredOutputError) as caught:
        await run(client.responses.parse(input="A name", text_format=Picky))
    assert not isinstance(caught.value, pydantic.ValidationError)
    assert isinstance(caught.value.__cause__, pydantic.ValidationError)
    assert json.loads(caught.value.value) == {"name": json.loads(caught.value.value)["name"]}
    assert caught.value.response_id is not None


async def test_a_non_strict_schema_is_refused_before_sending(emu: Emulator, flavour: str) -> None:
    client = make(emu, flavour)
    loose = {"type": "json_schema", "name": "x", "schema": {"type": "object", "properties": {"a": {"type": "string"}}}}
    with pytest.raises(SchemaNotStrictError):
        await run(client.responses.create(input="x", text={"format": loose}))
    with pytest.raises(UnsupportedArgumentError, match="json_object"):
        await run(client.responses.create(input="x", text={"format": {"type": "json_object"}}))
    assert emu.requests == []


async def test_the_v1_backend_refuses_structured_output_before_sending(emu: Emulator, flavour: str) -> None:
    client = make(emu, flavour, responses_backend="v1")
    with pytest.raises(UnsupportedArgumentError, match='responses_backend="v2"'):
        await run(client.responses.parse(input="x", text_format=City))
    with pytest.raises(UnsupportedArgumentError, match='responses_backend="v2"'):
        await run(client.responses.create(input="x", text={"format": CITY_FORMAT}))
    assert emu.requests == []


async def test_parse_in_the_manus_view_is_refused_before_sending(emu: Emulator, flavour: str) -> None:
    client = make(emu, flavour, responses_view="manus")
    with pytest.raises(UnsupportedArgumentError, match="responses_view"):
        await run(client.responses.parse(input="x", text_format=City))
    assert emu.requests == []


# ---------------------------------------------------------------- the responses_backend option


@pytest.mark.parametrize("cls", [ManusOpenAI, AsyncManusOpenAI])
def test_a_bad_backend_names_the_argument_and_the_allowed_values(cls: Any) -> None:
    with pytest.raises(ValueError, match=r"responses_backend must be one of 'v2', 'v1'.*'v3'"):
        cls(api_key=TEST_KEY, responses_backend="v3")


@pytest.mark.parametrize("cls", [ManusOpenAI, AsyncManusOpenAI])
def test_the_environment_chooses_the_backend_and_the_argument_beats_it(
    cls: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MANUS_RESPONSES_BACKEND", "v1")
    assert cls(api_key=TEST_KEY).responses_backend == "v1"
    assert cls(api_key=TEST_KEY, responses_backend="v2").responses_backend == "v2"
    monkeypatch.setenv("MANUS_RESPONSES_BACKEND", "v9")
    with pytest.raises(ValueError, match="MANUS_RESPONSES_BACKEND"):
        cls(api_key=TEST_KEY)


@pytest.mark.parametrize("cls", [ManusOpenAI, AsyncManusOpenAI])
def test_copy_and_with_options_keep_or_change_the_backend(cls: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MANUS_RESPONSES_BACKEND", raising=False)
    client = cls(api_key=TEST_KEY, responses_backend="v1")
    assert client.copy().responses_backend == "v1"
    assert client.with_options(timeout=5).responses_backend == "v1"
    assert client.with_options(responses_backend="v2").responses_backend == "v2"
    assert cls(api_key=TEST_KEY).responses_backend == "v2"
