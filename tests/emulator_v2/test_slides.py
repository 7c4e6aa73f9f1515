"""``slides`` attachments (manus-api.md §6.9): an HTML deck, or a real .pptx with ``slides_format=pptx``."""

from __future__ import annotations

import io
import posixpath
import zipfile
from typing import Any
from xml.etree import ElementTree

import httpx

from manus_openai.emulator import Emulator

from .conftest import TASK_DURATION, create, fails, ok

PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def answer(v2: httpx.Client, task_id: str, **params: Any) -> dict[str, Any]:
    body = ok(v2.get("/task.listMessages", params={"task_id": task_id, **params}))
    return next(e["assistant_message"] for e in body["messages"] if e["type"] == "assistant_message")


def check_pptx(data: bytes) -> list[list[str]]:
    """Structural validity of an Office Open XML presentation; returns each slide's texts."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.testzip() is None
    names = set(archive.namelist())
    trees = {n: ElementTree.fromstring(archive.read(n)) for n in names}  # every part is well-formed XML
    types = trees["[Content_Types].xml"]
    overrides = {o.get("PartName") for o in types if o.tag.endswith("Override")}
    assert {"/" + n for n in names if n.endswith(".xml") and n != "[Content_Types].xml"} <= overrides
    for name in names:
        if not name.endswith(".rels"):
            continue
        folder = posixpath.dirname(posixpath.dirname(name))
        for rel in trees[name]:
            target = posixpath.normpath(posixpath.join(folder, rel.get("Target") or ""))
            assert target in names, f"{name} points at missing {target}"
    presentation = trees["ppt/presentation.xml"]
    ids = presentation.findall(f"{P}sldIdLst/{P}sldId")
    return [
        [
            "".join(t.text or "" for t in shape.iter(f"{A}t"))
            for shape in trees[f"ppt/slides/slide{k}.xml"].iter(f"{P}sp")
        ]
        for k in range(1, len(ids) + 1)
    ]


def test_a_slides_task_answers_with_an_html_deck(emu: Emulator, v2: httpx.Client) -> None:
    task_id = create(v2, "Quarterly review deck [[manus:slides]]")
    emu.advance(TASK_DURATION)
    [deck] = answer(v2, task_id)["attachments"]
    assert deck["type"] == "slides"
    assert deck["filename"] == "slides.html"
    assert deck["content_type"] == "text/html"
    page = httpx.get(deck["url"])
    assert page.headers["content-type"].startswith("text/html")
    assert page.text.startswith("<!DOCTYPE html>")
    assert page.text.count('<section class="slide">') == 2
    assert "Quarterly review deck" in page.text


def test_slides_format_pptx_serves_a_real_presentation(emu: Emulator, v2: httpx.Client) -> None:
    task_id = create(v2, "Board <update> & plan [[manus:slides]] [[manus:files=1]]")
    emu.advance(TASK_DURATION)
    message = answer(v2, task_id, slides_format="pptx")
    report, deck = message["attachments"]
    assert report == answer(v2, task_id)["attachments"][0]  # other attachments do not change
    assert deck["type"] == "slides"
    assert deck["filename"] == "slides.pptx"
    assert deck["content_type"] == PPTX_MIME
    download = httpx.get(deck["url"])
    assert download.headers["content-type"] == PPTX_MIME
    slides = check_pptx(download.content)
    assert slides[0][0] == "Board <update> & plan"
    assert slides[1] == ["Summary", message["content"]]
    assert httpx.get(deck["url"]).content == download.content  # deterministic bytes


def test_v1_sees_the_html_deck(emu: Emulator, v2: httpx.Client) -> None:
    emu.scenario(slides=True)
    task_id = create(v2, "Deck")
    emu.advance(TASK_DURATION)
    with emu.client() as client:
        files = client.tasks.retrieve(task_id).output_files
    assert [f.file_name for f in files] == ["slides.html"]


def test_no_slides_without_the_scenario_and_a_bad_format_is_named(emu: Emulator, v2: httpx.Client) -> None:
    task_id = create(v2, "Plain")
    emu.advance(TASK_DURATION)
    assert answer(v2, task_id, slides_format="pptx")["attachments"] == []
    fails(v2.get("/task.listMessages", params={"task_id": task_id, "slides_format": "pdf"}), 400, "invalid_argument")


async def test_async_pptx(emu: Emulator) -> None:
    async with httpx.AsyncClient(base_url=emu.v2_url, headers=emu.v2_headers, timeout=10) as v2:
        created = ok(await v2.post("/task.create", json={"message": {"content": "Deck [[manus:slides]]"}}))
        emu.advance(TASK_DURATION)
        params = {"task_id": created["task_id"], "slides_format": "pptx"}
        body = ok(await v2.get("/task.listMessages", params=params))
        deck = next(e for e in body["messages"] if e["type"] == "assistant_message")["assistant_message"]
        data = (await v2.get(deck["attachments"][0]["url"])).content
    assert check_pptx(data)[0][0] == "Deck"
