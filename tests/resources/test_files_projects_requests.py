"""client.files, client.projects and OutputFile downloads at the transport level."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import openai
import pytest

from manus_openai import AsyncManusOpenAI, ManusError, ManusOpenAI
from manus_openai.resources.files import Files, read_upload
from manus_openai.types import File, FileDeleted, OutputFile, Project
from tests.conftest import BASE_URL, TEST_KEY, FakeManus
from tests.resources.conftest import AnyClient, body_of, call, collect, json_reply

API = "https://api.manus.ai/v1"
UPLOAD_URL = "https://bucket.s3.amazonaws.com/up/file-1?X-Amz-Signature=sig"


def file_json(status: str = "uploaded", **extra: Any) -> dict[str, Any]:
    return {"id": "file-1", "object": "file", "filename": "data.csv", "status": status,
            "created_at": "2025-10-13T09:44:51Z", **extra}  # fmt: skip


def upload_script(*after_put: str) -> list[Any]:
    created = file_json("pending", upload_url=UPLOAD_URL, upload_expires_at="2025-10-13T09:47:51Z")
    return [json_reply(created), httpx.Response(200), *(json_reply(file_json(s)) for s in after_put)]


def key_headers(request: httpx.Request) -> list[str]:
    return [n for n in request.headers if n.lower() in ("api_key", "api-key", "authorization")]


# --- upload ------------------------------------------------------------------------------------------


async def test_upload_runs_the_presigned_flow_without_the_key_on_put(mock_client: AnyClient, fake: FakeManus) -> None:
    fake.replies = upload_script("uploaded")
    f = await call(mock_client, "files.upload", b"a,b\n1,2\n", filename="data.csv")
    post, put, get = fake.requests
    assert (post.method, str(post.url), body_of(post)) == ("POST", f"{API}/files", {"filename": "data.csv"})
    assert post.headers["API_KEY"] == TEST_KEY
    assert (put.method, str(put.url)) == ("PUT", UPLOAD_URL)
    assert put.content == b"a,b\n1,2\n"
    assert put.headers["content-type"] == "text/csv"
    assert key_headers(put) == []
    assert (get.method, str(get.url)) == ("GET", f"{API}/files/file-1")
    assert isinstance(f, File)
    assert (f.id, f.status, f.created_at, f.filename) == ("file-1", "uploaded", 1760348691, "data.csv")


async def test_upload_polls_until_uploaded(mock_client: AnyClient, fake: FakeManus) -> None:
    fake.replies = upload_script("pending", "pending", "uploaded")
    f = await call(mock_client, "files.upload", ("notes.md", b"# hi"))
    assert f.status == "uploaded"
    assert [r.method for r in fake.requests] == ["POST", "PUT", "GET", "GET", "GET"]


async def test_upload_gives_up_when_never_uploaded(mock_client: AnyClient, fake: FakeManus) -> None:
    fake.replies = upload_script("pending")
    with pytest.raises(ManusError, match="still says 'pending'"):
        await call(mock_client, "files.upload", b"x", filename="x.txt")


async def test_upload_put_rejected_raises_the_sdk_error(mock_client: AnyClient, fake: FakeManus) -> None:
    fake.replies = [*upload_script()[:1], httpx.Response(403, text="<Error><Code>AccessDenied</Code></Error>")]
    with pytest.raises(openai.PermissionDeniedError):
        await call(mock_client, "files.upload", b"x", filename="x.txt")
    assert len(fake.requests) == 2


async def test_custom_http_client_key_header_is_stripped_from_put(fake: FakeManus) -> None:
    fake.replies = upload_script("uploaded")
    http = httpx.Client(transport=httpx.MockTransport(fake), headers={"API_KEY": "leak", "Authorization": "x"})
    with ManusOpenAI(responses_view="manus", api_key=TEST_KEY, base_url=BASE_URL, http_client=http) as client:
        client.files.upload(b"x", filename="x.txt")
    assert key_headers(fake.requests[1]) == []


async def test_openai_style_create_maps_onto_upload(mock_client: AnyClient, fake: FakeManus, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    fake.replies = upload_script("uploaded")
    with path.open("rb") as handle:
        f = await call(mock_client, "files.create", file=handle, purpose="user_data")
    assert body_of(fake.requests[0]) == {"filename": "report.pdf"}
    assert fake.requests[1].headers["content-type"] == "application/pdf"
    assert f.id == "file-1"


def test_files_is_still_an_openai_files_resource(client: ManusOpenAI) -> None:
    assert isinstance(client.files, Files)
    assert isinstance(client.files, openai.resources.Files)


def test_unsupported_openai_file_endpoints_fail_before_sending(client: ManusOpenAI, fake: FakeManus) -> None:
    from manus_openai import UnsupportedEndpointError

    with pytest.raises(UnsupportedEndpointError):
        client.files.content("file-1")
    assert fake.requests == []


@pytest.mark.parametrize(
    ("file", "kwargs", "error", "match"),
    [
        (b"x", {}, ValueError, "filename"),
        ("/no/such/file.txt", {}, ValueError, "no file"),
        (12, {}, TypeError, "file must be"),
        (b"x", {"filename": ""}, ValueError, "filename"),
        (("a",), {}, TypeError, "tuple"),
    ],
)
def test_read_upload_validates(file: Any, kwargs: dict[str, Any], error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        read_upload(file, **kwargs)


def test_read_upload_refuses_text_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("hi")
    with path.open() as handle, pytest.raises(TypeError, match="binary mode"):
        read_upload(handle)


def test_read_upload_path_and_tuple_content_type(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    path.write_bytes(b"{}")
    upload = read_upload(path)
    assert (upload.filename, upload.content, upload.content_type) == ("data.json", b"{}", "application/json")
    upload = read_upload(("blob", b"123", "application/x-custom"))
    assert (upload.filename, upload.content_type) == ("blob", "application/x-custom")


# --- retrieve / list / delete -------------------------------------------------------------------------


async def test_retrieve_list_delete(mock_client: AnyClient, fake: FakeManus) -> None:
    fake.replies = [json_reply(file_json())]
    f = await call(mock_client, "files.retrieve", "file-1")
    fake.replies = [json_reply({"object": "list", "data": [file_json(), file_json("deleted", id="file-2")]})]
    files = await collect(mock_client.files.list())
    fake.replies = [json_reply({"id": "file-1", "object": "file.deleted", "deleted": True})]
    deleted = await call(mock_client, "files.delete", "file-1")
    assert [(r.method, str(r.url)) for r in fake.requests] == [
        ("GET", f"{API}/files/file-1"), ("GET", f"{API}/files"), ("DELETE", f"{API}/files/file-1"),
    ]  # fmt: skip
    assert f.status == "uploaded"
    assert [x.id for x in files] == ["file-1", "file-2"]
    assert all(isinstance(x, File) for x in files)
    assert isinstance(deleted, FileDeleted)
    assert deleted.deleted
    assert deleted.object == "file.deleted"


async def test_not_found_keeps_the_v1_error_body(mock_client: AnyClient, fake: FakeManus) -> None:
    not_found = {"code": 5, "message": "file not found or has been deleted", "details": []}
    fake.replies = [httpx.Response(404, json=not_found)]
    with pytest.raises(openai.NotFoundError) as info:
        await call(mock_client, "files.retrieve", "file-x")
    assert info.value.code == 5  # type: ignore[comparison-overlap]  # Manus's int code


async def test_wait_for_processing_returns_once_not_pending(mock_client: AnyClient, fake: FakeManus) -> None:
    fake.replies = [json_reply(file_json("pending")), json_reply(file_json("uploaded"))]
    f = await call(mock_client, "files.wait_for_processing", "file-1", poll_interval=0)
    assert f.status == "uploaded"
    assert len(fake.requests) == 2


# --- projects -----------------------------------------------------------------------------------------


async def test_projects_create_and_list(mock_client: AnyClient, fake: FakeManus) -> None:
    project = {"id": "proj_abc123", "name": "Research", "instruction": "Cite", "created_at": "1699900000"}
    fake.replies = [json_reply(project)]
    created = await call(mock_client, "projects.create", "Research", instruction="Cite")
    fake.replies = [json_reply({"data": [project]})]
    listed = await collect(mock_client.projects.list(limit=20))
    create, list_ = fake.requests
    assert (create.method, str(create.url), body_of(create)) == (
        "POST", f"{API}/projects", {"name": "Research", "instruction": "Cite"},
    )  # fmt: skip
    assert (list_.method, str(list_.url)) == ("GET", f"{API}/projects?limit=20")
    assert isinstance(created, Project)
    assert created.created_at == 1699900000
    assert [p.id for p in listed] == ["proj_abc123"]


async def test_projects_create_without_instruction(mock_client: AnyClient, fake: FakeManus) -> None:
    fake.replies = [json_reply({"id": "proj_1", "name": "X", "created_at": 1})]
    await call(mock_client, "projects.create", "X")
    assert body_of(fake.requests[0]) == {"name": "X"}


@pytest.mark.parametrize(
    ("method", "args", "kwargs", "error"),
    [
        ("projects.create", ("",), {}, ValueError),
        ("projects.create", (3,), {}, TypeError),
        ("projects.create", ("X",), {"instruction": 3}, TypeError),
        ("projects.list", (), {"limit": 0}, ValueError),
        ("projects.list", (), {"limit": 1001}, ValueError),
        ("projects.list", (), {"limit": "5"}, TypeError),
    ],
)
async def test_projects_validate(mock_client: AnyClient, fake: FakeManus, method: str, args: tuple[Any, ...],
                                 kwargs: dict[str, Any], error: type[Exception]) -> None:  # fmt: skip
    with pytest.raises(error):
        await call(mock_client, method, *args, **kwargs)
    assert fake.requests == []


async def test_raw_views_for_projects_and_files(mock_client: AnyClient, fake: FakeManus) -> None:
    fake.replies = [json_reply({"data": []})]
    raw = await call(mock_client, "with_raw_response.projects.list")
    assert raw.parse().data == []
    fake.replies = [json_reply(file_json())]
    raw = await call(mock_client, "with_raw_response.files.retrieve", "file-1")
    assert raw.parse().id == "file-1"


# --- output file downloads -------------------------------------------------------------------------------


def cdn_file(url: str = "https://cdn.example.com/out/report.md") -> OutputFile:
    part = {"type": "output_file", "fileUrl": url, "fileName": "report.md", "mimeType": "text/markdown"}
    return OutputFile.from_part(part)


def test_download_to_a_directory_streams_without_the_key(client: ManusOpenAI, fake: FakeManus, tmp_path: Path) -> None:
    fake.replies = [httpx.Response(200, content=b"# Report\n")]
    path = cdn_file().download(tmp_path, client=client)
    assert path == tmp_path / "report.md"
    assert path.read_bytes() == b"# Report\n"
    (request,) = fake.requests
    assert str(request.url) == "https://cdn.example.com/out/report.md"
    assert key_headers(request) == []
    assert not list(tmp_path.glob("*.part"))


def test_download_on_the_api_origin_carries_the_key(client: ManusOpenAI, fake: FakeManus) -> None:
    fake.replies = [httpx.Response(200, content=b"x")]
    assert cdn_file("https://api.manus.ai/files-content/t/report.md").read(client=client) == b"x"
    assert fake.requests[0].headers["API_KEY"] == TEST_KEY


def test_redirect_from_api_origin_to_cdn_drops_the_key(client: ManusOpenAI, fake: FakeManus) -> None:
    fake.replies = [httpx.Response(302, headers={"location": "https://cdn.example.com/r.md"}),
                    httpx.Response(200, content=b"ok")]  # fmt: skip
    assert cdn_file("https://api.manus.ai/files-content/t/r.md").read(client=client) == b"ok"
    first, second = fake.requests
    assert first.headers["API_KEY"] == TEST_KEY
    assert str(second.url) == "https://cdn.example.com/r.md"
    assert key_headers(second) == []


def test_failed_download_leaves_no_file(client: ManusOpenAI, fake: FakeManus, tmp_path: Path) -> None:
    fake.replies = [httpx.Response(404, json={"code": 5, "message": "gone", "details": []})]
    with pytest.raises(openai.NotFoundError):
        cdn_file().download(tmp_path / "out.md", client=client)
    assert list(tmp_path.iterdir()) == []


def test_file_name_cannot_escape_the_directory(client: ManusOpenAI, fake: FakeManus, tmp_path: Path) -> None:
    fake.replies = [httpx.Response(200, content=b"x")]
    evil = OutputFile.from_part({"fileUrl": "https://cdn.example.com/a", "fileName": "../../etc/passwd"})
    assert evil.download(tmp_path, client=client) == tmp_path / "passwd"


async def test_async_download_and_read(async_client: AsyncManusOpenAI, fake: FakeManus, tmp_path: Path) -> None:
    fake.replies = [httpx.Response(200, content=b"abc")]
    path = await cdn_file().adownload(f"{tmp_path}/sub/", client=async_client)
    assert path == tmp_path / "sub" / "report.md"
    assert path.read_bytes() == b"abc"
    assert await cdn_file().aread(client=async_client) == b"abc"
    assert all(key_headers(r) == [] for r in fake.requests)


def test_download_needs_a_matching_client(async_client: AsyncManusOpenAI) -> None:
    with pytest.raises(TypeError, match="adownload"):
        cdn_file().read(client=async_client)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="no file_url"):
        OutputFile.from_part({"fileName": "x"}).read()


def test_download_without_a_client_uses_a_plain_request(monkeypatch: pytest.MonkeyPatch, fake: FakeManus) -> None:
    fake.replies = [httpx.Response(200, content=b"plain")]
    real = httpx.Client
    monkeypatch.setattr(httpx, "Client", lambda **kw: real(transport=httpx.MockTransport(fake), **kw))
    assert cdn_file().read() == b"plain"
    assert key_headers(fake.requests[0]) == []
