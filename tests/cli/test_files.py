"""``manus files upload | list | delete`` and the streamed upload behind the progress bar."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from manus_openai.cli import ExitCode, _task_cmds
from manus_openai.cli._session import Session
from manus_openai.cli._v1 import V1Backend
from manus_openai.emulator import Emulator

from .conftest import Cli, json_lines


def test_upload_list_delete(cli: Cli, tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.md"
    a.write_text("alpha")
    b.write_text("# beta")
    uploaded = json_lines(cli("files", "upload", str(a), str(b), "--json").stdout)
    assert [(row["name"], row["size"]) for row in uploaded] == [("a.txt", 5), ("b.md", 6)]
    listed = json_lines(cli("files", "list", "--json").stdout)
    assert {row["id"] for row in listed} == {row["id"] for row in uploaded}
    assert {row["status"] for row in listed} == {"uploaded"}
    table = cli("files", "list").stdout
    assert "a.txt" in table
    assert "uploaded" in table
    deleted = cli("files", "delete", uploaded[0]["id"], "--json")
    assert json_lines(deleted.stdout) == [{"id": uploaded[0]["id"], "deleted": True}]
    assert [row["id"] for row in json_lines(cli("files", "list", "--json").stdout)] == [uploaded[1]["id"]]


def test_upload_text_output_has_id_name_and_size(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"x" * 2048)
    result = cli("files", "upload", str(path))
    assert result.exit_code == 0
    file_id, name, size = result.stdout.split(maxsplit=2)
    assert file_id.startswith("file")
    assert name == "notes.txt"
    assert size.strip() == "(2.0 KiB)"


def test_upload_of_a_missing_file_is_exit_2_before_any_request(cli: Cli, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("ok")
    result = cli("files", "upload", str(good), str(tmp_path / "missing.txt"))
    assert result.exit_code == ExitCode.USAGE
    assert "upload: no file at" in result.stderr
    assert cli.emu.requests == []


def test_deleting_an_unknown_file_is_exit_2(cli: Cli) -> None:
    result = cli("files", "delete", "file-nope")
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.startswith("manus: error: not found")


def test_streamed_upload_reports_every_byte_and_stores_the_content(emu: Emulator, tmp_path: Path) -> None:
    path = tmp_path / "big.bin"
    content = bytes(range(256)) * 1024 * 3  # 768 KiB: several 64 KiB chunks
    path.write_bytes(content)
    sent: list[int] = []
    backend = V1Backend(emu.client())
    try:
        info = backend.upload(path, sent.append)
    finally:
        backend.close()
    assert info.status == "uploaded"
    assert info.name == "big.bin"
    assert sum(sent) == len(content)
    assert len(sent) == 12
    put = next(r for r in emu.requests if r.method == "PUT")
    assert put.body == content
    assert not {"api_key", "authorization"} & {name.lower() for name in put.headers}


def test_large_files_upload_through_the_progress_bar_on_a_terminal(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small, large = tmp_path / "small.txt", tmp_path / "large.bin"
    small.write_bytes(b"s" * 10)
    large.write_bytes(b"L" * 200_000)
    monkeypatch.setattr(_task_cmds, "PROGRESS_THRESHOLD", 100_000)
    monkeypatch.setattr(Session, "live", property(lambda self: True))
    reported: dict[str, list[int] | None] = {}
    upload = V1Backend.upload

    def spy(self: V1Backend, path: Path, progress: Any) -> Any:
        sent: list[int] | None = None if progress is None else []

        def hear(n: int) -> None:
            assert sent is not None
            sent.append(n)
            progress(n)

        reported[path.name] = sent
        return upload(self, path, None if progress is None else hear)

    monkeypatch.setattr(V1Backend, "upload", spy)
    result = cli("files", "upload", str(small), str(large), "--json")
    assert result.exit_code == 0, result.stderr
    assert reported["small.txt"] is None
    assert sum(reported["large.bin"] or []) == 200_000
    assert [r.body for r in cli.emu.requests if r.method == "PUT"] == [b"s" * 10, b"L" * 200_000]


def test_a_dropped_streamed_upload_is_an_api_error_not_a_traceback(emu: Emulator, tmp_path: Path) -> None:
    from manus_openai.cli._exit import CliError
    from manus_openai.emulator import Fault

    path = tmp_path / "big.bin"
    path.write_bytes(b"x" * 300_000)
    emu.faults.add(Fault.drop(), "PUT", "/uploads/*")
    backend = V1Backend(emu.client())
    try:
        with pytest.raises(CliError, match=r"uploading big\.bin failed") as caught:
            backend.upload(path, lambda n: None)
    finally:
        backend.close()
    assert caught.value.code == ExitCode.API_ERROR
