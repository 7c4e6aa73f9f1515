"""How people start it: context manager, in-process ASGI, the CLI, the pytest fixture; start-up time."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import httpx
import pytest

from manus_openai.emulator import Emulator, Fault, ManualClock, ScaledClock, create_app

pytest_plugins = ["pytester"]


def test_starts_quickly() -> None:
    started = time.perf_counter()
    with Emulator() as emu:
        elapsed = time.perf_counter() - started
        assert httpx.get(emu.base_url + "/tasks", headers={"API_KEY": emu.api_key}).status_code == 200
    assert elapsed < 10  # generous on purpose: a loaded CI machine must not fail it (typically ~0.1 s)


def test_construction_starts_nothing_and_base_url_needs_start() -> None:
    emu = Emulator(port=0)
    assert not emu.running
    with pytest.raises(RuntimeError, match="not started"):
        emu.base_url  # noqa: B018
    emu.start()
    try:
        assert emu.base_url == f"http://127.0.0.1:{emu.port}/v1"
        assert repr(emu) == f"<Emulator {emu.base_url}>"
    finally:
        emu.stop()
        emu.stop()  # idempotent
    assert not emu.running


async def test_in_process_over_asgi_transport() -> None:
    emu = Emulator(clock=ManualClock(), task_duration=0)
    transport = httpx.ASGITransport(app=emu.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver/v1",
                                 headers={"API_KEY": emu.api_key}) as client:  # fmt: skip
        created = (await client.post("/responses", json={"input": "in process [[manus:files=1]]"})).json()
        done = (await client.get(f"/responses/{created['id']}")).json()
        assert done["status"] == "completed"
        assert done["output"][-1]["content"][1]["fileUrl"].startswith("http://testserver/files-content/")
        emu.faults.add(Fault.drop(), times=1)
        with pytest.raises(httpx.RemoteProtocolError):
            await client.get("/tasks")
    assert not emu.running


async def test_create_app_is_an_asgi_app() -> None:
    app = create_app(api_key="k")
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        assert (await client.get("/v1/tasks", headers={"API_KEY": "k"})).status_code == 200


def test_scaled_clock_runs_faster() -> None:
    with (
        Emulator(clock=ScaledClock(100), task_duration=10) as emu,
        httpx.Client(base_url=emu.base_url, headers={"API_KEY": emu.api_key}) as http,
    ):
        task_id = http.post("/responses", json={"input": "x"}).json()["id"]
        time.sleep(0.15)
        assert http.get(f"/responses/{task_id}").json()["status"] == "completed"


def test_client_helpers_point_at_the_emulator(manus_emulator: Emulator) -> None:
    from manus_openai import AsyncManusOpenAI, ManusOpenAI

    client = manus_emulator.client(responses_view="manus", max_retries=0)
    assert isinstance(client, ManusOpenAI)
    assert str(client.base_url).rstrip("/") == manus_emulator.base_url
    async_client = manus_emulator.async_client(responses_view="manus")
    assert isinstance(async_client, AsyncManusOpenAI)
    assert str(async_client.base_url).rstrip("/") == manus_emulator.base_url


def test_cli_prints_url_and_key() -> None:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "manus_openai.emulator", "--port", "0", "--api-key", "cli-key"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first.startswith("Manus emulator listening on http://127.0.0.1:")
        base_url = first.rsplit(" ", 1)[-1].strip()
        assert proc.stdout.readline().strip() == f"MANUS_BASE_URL={base_url}"
        assert proc.stdout.readline().strip() == "MANUS_API_KEY=cli-key"
        assert httpx.get(base_url + "/tasks", headers={"API_KEY": "cli-key"}).status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        assert proc.stdout is not None
        assert proc.stderr is not None
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == 0


def test_fixture_yields_a_started_emulator(manus_emulator: Emulator) -> None:
    assert manus_emulator.running
    response = httpx.get(manus_emulator.base_url + "/tasks", headers={"API_KEY": manus_emulator.api_key})
    assert response.json()["object"] == "list"


@pytest.mark.manus_emulator(api_key="marked", task_duration=0)
def test_fixture_takes_marker_kwargs(manus_emulator: Emulator) -> None:
    assert manus_emulator.api_key == "marked"


def test_plugin_works_in_a_fresh_pytest_run(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import httpx

        def test_user_code(manus_emulator):
            r = httpx.post(manus_emulator.base_url + "/tasks", json={"prompt": "hi"},
                           headers={"API_KEY": manus_emulator.api_key})
            assert r.status_code == 200
        """
    )
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\nfilterwarnings = error\n")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_plugin_module_imports_nothing_heavy() -> None:
    code = (
        "import sys, manus_openai.emulator.pytest_plugin as p; "
        "heavy = [m for m in ('starlette', 'uvicorn', 'cryptography', 'manus_openai.emulator._app') "
        "if m in sys.modules]; "
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_missing_extra_names_the_install_command() -> None:
    code = (
        "import sys; sys.modules['starlette'] = None\n"
        "try:\n"
        "    from manus_openai.emulator import Emulator\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert "pip install 'manus-openai[emulator]'" in result.stdout
