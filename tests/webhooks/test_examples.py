"""The webhook examples: the ASGI demo runs offline; the Flask example's core runs without Flask."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from manus_openai.webhooks import TaskStoppedEvent

from .support import NOW, URL, Deliver, KeyPair, created_payload, encode, stopped_payload

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def load_example(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"example_{name}", EXAMPLES / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_asgi_example_demo_runs_offline_end_to_end() -> None:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "webhook_receiver.py")], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "POST (activation) -> 200" in result.stdout
    assert "stopped  TeBim6FDQf9peS52xHtAyh (finish): Done." in result.stdout
    assert "await_stopped -> finish" in result.stdout


def test_flask_example_imports_without_flask() -> None:
    load_example("webhook_flask")
    assert "flask" not in sys.modules


def test_flask_example_core_answers_manus_without_flask(
    deliver: Deliver, keys: KeyPair, capsys: pytest.CaptureFixture[str]
) -> None:
    example = load_example("webhook_flask")
    receiver = example.make_receiver(URL, keys.public_pem)
    d = deliver(stopped_payload(), timestamp=None)
    assert example.handle_delivery(receiver, d.body, d.headers) == ({"ok": True}, 200)
    assert example.handle_delivery(receiver, d.body, d.headers) == ({"ok": True, "duplicate": True}, 200)
    assert example.handle_delivery(receiver, b"{}", {})[1] == 200
    stale = deliver(created_payload(), timestamp=NOW)
    body, status = example.handle_delivery(receiver, stale.body, stale.headers)
    assert (status, body["error"]["reason"]) == (401, "stale_timestamp")
    assert example.handle_delivery(receiver, encode(created_payload()), {})[1] == 401
    assert isinstance(receiver.latest_stopped("TeBim6FDQf9peS52xHtAyh"), TaskStoppedEvent)
    receiver.close()
    assert "stopped (finish): Done." in capsys.readouterr().out


@pytest.mark.skipif(importlib.util.find_spec("flask") is not None, reason="Flask is installed here")
def test_flask_example_without_flask_says_how_to_install_it() -> None:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "webhook_flask.py")], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert "pip install flask" in result.stderr
