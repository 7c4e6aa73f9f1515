"""Files: the presigned flow, the 3-minute upload URL, 48 h expiry on the clock, list of 10, multipart."""

from __future__ import annotations

import httpx

from manus_openai.emulator import ManualClock

from . import shapes


def test_presigned_flow(http: httpx.Client) -> None:
    created = http.post("/files", json={"filename": "berkshire_letter_2024.pdf"}).json()
    shapes.file_object(created, created=True)
    assert created["status"] == "pending"
    assert created["id"].startswith("file-")
    assert created["upload_url"].startswith(str(http.base_url).removesuffix("/v1/"))
    assert http.get(f"/files/{created['id']}").json()["status"] == "pending"

    put = httpx.put(created["upload_url"], content=b"%PDF-1.4 ...")
    assert put.status_code == 200
    fetched = http.get(f"/files/{created['id']}").json()
    shapes.file_object(fetched)
    assert fetched["status"] == "uploaded"

    task = http.post(
        "/responses",
        json={"input": [{"role": "user", "content": [
            {"type": "input_text", "text": "Summarise"}, {"type": "input_file", "file_id": created["id"]}]}]},
    )  # fmt: skip
    assert task.status_code == 200, task.text

    deleted = http.delete(f"/files/{created['id']}")
    shapes.deleted(deleted.json(), "file.deleted")
    gone = http.get(f"/files/{created['id']}")
    assert gone.status_code == 404
    assert gone.json() == {"code": 5, "message": "file not found or has been deleted", "details": []}
    assert http.delete(f"/files/{created['id']}").status_code == 404
    reuse = http.post("/responses", json={"input": [{"role": "user", "content": [
        {"type": "input_text", "text": "again"}, {"type": "input_file", "file_id": created["id"]}]}]})  # fmt: skip
    assert reuse.status_code == 400
    assert "file_id" in reuse.json()["message"]


def test_pending_file_cannot_be_used(http: httpx.Client) -> None:
    created = http.post("/files", json={"filename": "a.txt"}).json()
    response = http.post(
        "/tasks", json={"prompt": "x", "attachments": [{"filename": "a.txt", "file_id": created["id"]}]}
    )
    assert response.status_code == 400
    shapes.error(response.json(), 3)
    assert response.json()["message"].startswith("attachments[0].file_id")


def test_upload_url_expires_after_three_minutes(http: httpx.Client, clock: ManualClock) -> None:
    created = http.post("/files", json={"filename": "late.txt"}).json()
    clock.advance(181)
    put = httpx.put(created["upload_url"], content=b"late")
    assert put.status_code == 403
    assert put.headers["content-type"].startswith("application/xml")
    bad = httpx.put(created["upload_url"].replace("Signature=", "Signature=x"), content=b"x")
    assert bad.status_code == 403


def test_files_expire_after_48_hours(http: httpx.Client, clock: ManualClock) -> None:
    created = http.post("/files", json={"filename": "old.txt"}).json()
    httpx.put(created["upload_url"], content=b"old")
    clock.advance(48 * 3600 - 1)
    assert http.get(f"/files/{created['id']}").json()["status"] == "uploaded"
    clock.advance(1)
    assert http.get(f"/files/{created['id']}").json()["status"] == "deleted"
    used = http.post("/tasks", json={"prompt": "x", "attachments": [{"filename": "o", "file_id": created["id"]}]})
    assert used.status_code == 400
    assert "deleted" in used.json()["message"]


def test_list_returns_the_ten_most_recent(http: httpx.Client, clock: ManualClock) -> None:
    ids = []
    for i in range(12):
        ids.append(http.post("/files", json={"filename": f"f{i}.txt"}).json()["id"])
        clock.advance(1)
    listed = http.get("/files").json()
    shapes.file_list(listed)
    assert [f["id"] for f in listed["data"]] == ids[::-1][:10]


def test_multipart_upload_from_seed_001(http: httpx.Client) -> None:
    response = http.post("/files/upload", files={"file": ("report.csv", b"a,b\n", "text/csv")})
    assert response.status_code == 200
    body = response.json()
    assert body["file_id"] == body["id"]
    shapes.file_object({k: v for k, v in body.items() if k != "file_id"})
    assert body["status"] == "uploaded"
    assert body["filename"] == "report.csv"
    not_multipart = http.post("/files/upload", json={"file": "x"})
    assert not_multipart.status_code == 400
    shapes.error(not_multipart.json(), 3)
    no_file = http.post("/files/upload", files={"other": ("a", b"x")})
    assert no_file.status_code == 400
    assert no_file.json()["message"].startswith("file:")
