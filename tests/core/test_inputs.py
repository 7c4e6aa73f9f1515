"""The input part builders produce the documented shapes and refuse bad input with a named field."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from manus_openai import inputs


def test_text_part() -> None:
    assert inputs.text("hi") == {"type": "input_text", "text": "hi"}


def test_file_from_url_and_file_id() -> None:
    assert inputs.file(url="https://example.com/a.pdf") == {
        "type": "input_file",
        "file_url": "https://example.com/a.pdf",
    }
    assert inputs.file(file_id="file-abc123xyz") == {"type": "input_file", "file_id": "file-abc123xyz"}


def test_file_from_path_is_a_data_url_with_the_mime_type(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    part = inputs.file(path=path)
    assert part["filename"] == "report.pdf"
    assert part["file_data"] == "data:application/pdf;base64," + base64.b64encode(b"%PDF-1.4").decode()


def test_file_from_bytes_needs_a_filename() -> None:
    assert inputs.file(data=b"a,b", filename="t.csv")["file_data"].startswith("data:text/csv;base64,")
    with pytest.raises(ValueError, match="filename is required"):
        inputs.file(data=b"a,b")


def test_unknown_extension_falls_back_to_octet_stream() -> None:
    assert inputs.file(data=b"x", filename="blob.zzz")["file_data"].startswith("data:application/octet-stream;")
    assert inputs.file(data=b"x", filename="a.zzz", mime_type="text/x-custom")["file_data"].startswith(
        "data:text/x-custom;"
    )


def test_image_from_url_path_and_bytes(tmp_path: Path) -> None:
    assert inputs.image(url="https://example.com/c.png") == {
        "type": "input_image",
        "image_url": "https://example.com/c.png",
    }
    path = tmp_path / "c.png"
    path.write_bytes(b"\x89PNG")
    assert inputs.image(path=path)["image_url"] == "data:image/png;base64," + base64.b64encode(b"\x89PNG").decode()
    assert inputs.image(data=b"GIF8", mime_type="image/gif")["image_url"].startswith("data:image/gif;base64,")


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: inputs.text(""), ValueError, "text must be a non-empty string"),
        (lambda: inputs.text(3), TypeError, "text must be a str"),
        (lambda: inputs.file(), ValueError, "exactly one of url, path, data, file_id"),
        (lambda: inputs.file(url="u", file_id="f"), ValueError, "exactly one of"),
        (lambda: inputs.file(url=""), ValueError, "url must be a non-empty string"),
        (lambda: inputs.file(path="/no/such/file.pdf"), ValueError, "cannot be read"),
        (lambda: inputs.image(data=b"x"), ValueError, "mime_type must be one of image/png"),
        (lambda: inputs.image(path="notes.txt"), ValueError, "cannot be read"),
        (lambda: inputs.data_url("text", "text/plain"), TypeError, "data must be bytes"),
        (lambda: inputs.data_url(b"x", "plain"), ValueError, "mime_type must look like"),
    ],
)
def test_bad_builder_input_is_named(call: object, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        call()  # type: ignore[operator]


def test_image_of_the_wrong_type_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    with pytest.raises(ValueError, match="image/png, image/jpeg, image/gif, image/webp"):
        inputs.image(path=path)
