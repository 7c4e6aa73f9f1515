"""The slide deck a ``slides`` scenario produces (manus-api.md §6.9): HTML, and its PowerPoint form.

§6.9 documents a ``slides`` attachment type on ``assistant_message`` and the ``task.listMessages``
parameter ``slides_format`` (``html``, the default, or ``pptx``: "converts HTML slides
attachments to PowerPoint"). It does not document the deck's file names or its HTML; choices:

* The deck is ``slides.html`` (``text/html``): one HTML document, one ``<section class="slide">``
  per slide. With ``slides_format=pptx`` the same attachment reads ``slides.pptx``
  (``application/vnd.openxmlformats-officedocument.presentationml.presentation``), a real
  Office Open XML presentation with the same slides (a title and a bullet text box each),
  built with the standard library only (``zipfile``).
* Other attachments (``file``, ``image``, ``voice``) are the same under either format. v1 has
  no ``slides_format``: its output shows the HTML deck as an ``output_file``; webhooks carry
  the HTML deck too.

Example::

    html = deck_html("Q4", [("Revenue", "Up 12%")])
    pptx = deck_pptx("Q4", [("Revenue", "Up 12%")])   # bytes of a .pptx (a zip)
"""

from __future__ import annotations

import html
import io
import zipfile
from collections.abc import Sequence

__all__ = ["HTML_MIME", "PPTX_MIME", "deck_html", "deck_pptx", "deck_slides"]

HTML_MIME = "text/html"
PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"

Slide = tuple[str, str]  # (title, body text)

_NS = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
)
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.presentationml"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def deck_slides(title: str, answer: str) -> list[Slide]:
    """The slides of a task's deck: a title slide and a summary slide."""
    return [(title, "Prepared by Manus (emulated)"), ("Summary", answer)]


def deck_html(title: str, slides: Sequence[Slide]) -> bytes:
    """An HTML slide deck: one ``<section class="slide">`` per slide."""
    sections = "\n".join(
        f'<section class="slide"><h1>{html.escape(t)}</h1><p>{html.escape(b)}</p></section>' for t, b in slides
    )
    page = (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        "<style>.slide{width:1280px;height:720px;page-break-after:always}</style></head>\n"
        f"<body>\n{sections}\n</body></html>\n"
    )
    return page.encode()


def _rels(*items: tuple[str, str, str]) -> str:
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in items)
    return f'{_HEAD}<Relationships xmlns="{_PKG_REL}">{body}</Relationships>'


def _text_shape(shape_id: int, name: str, text: str, y: int, height: int, size: int) -> str:
    paragraphs = "".join(
        f'<a:p><a:r><a:rPr lang="en-US" sz="{size}" dirty="0"/><a:t>{html.escape(line, quote=False)}</a:t></a:r></a:p>'
        for line in (text.splitlines() or [""])
    )
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="457200" y="{y}"/><a:ext cx="11277600" cy="{height}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>'
        f'<p:txBody><a:bodyPr wrap="square"/><a:lstStyle/>{paragraphs}</p:txBody></p:sp>'
    )


def _tree(shapes: str) -> str:
    return (
        '<p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
        '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/>'
        f'<a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>{shapes}</p:spTree></p:cSld>'
    )


_MAP = (
    '<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" '
    'accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>'
)


def _theme() -> str:
    colors = "".join(
        f'<a:{name}><a:srgbClr val="{value}"/></a:{name}>'
        for name, value in (
            ("dk1", "000000"),
            ("lt1", "FFFFFF"),
            ("dk2", "1F2937"),
            ("lt2", "F3F4F6"),
            ("accent1", "2563EB"),
            ("accent2", "16A34A"),
            ("accent3", "DC2626"),
            ("accent4", "D97706"),
            ("accent5", "7C3AED"),
            ("accent6", "0891B2"),
            ("hlink", "1D4ED8"),
            ("folHlink", "6D28D9"),
        )
    )
    font = '<a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/>'
    fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = f'<a:ln w="9525">{fill}</a:ln>'
    effect = "<a:effectStyle><a:effectLst/></a:effectStyle>"
    return (
        f'{_HEAD}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Emulator">'
        f'<a:themeElements><a:clrScheme name="Emulator">{colors}</a:clrScheme>'
        f'<a:fontScheme name="Emulator"><a:majorFont>{font}</a:majorFont><a:minorFont>{font}</a:minorFont>'
        f'</a:fontScheme><a:fmtScheme name="Emulator"><a:fillStyleLst>{fill * 3}</a:fillStyleLst>'
        f"<a:lnStyleLst>{line * 3}</a:lnStyleLst><a:effectStyleLst>{effect * 3}</a:effectStyleLst>"
        f"<a:bgFillStyleLst>{fill * 3}</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>"
    )


def deck_pptx(title: str, slides: Sequence[Slide]) -> bytes:
    """A minimal valid ``.pptx`` (Office Open XML): a master, a layout, a theme and the slides."""
    n = len(slides)
    parts: dict[str, str] = {}
    overrides = [
        ("/ppt/presentation.xml", f"{_CT}.presentation.main+xml"),
        ("/ppt/slideMasters/slideMaster1.xml", f"{_CT}.slideMaster+xml"),
        ("/ppt/slideLayouts/slideLayout1.xml", f"{_CT}.slideLayout+xml"),
        ("/ppt/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
    ] + [(f"/ppt/slides/slide{k}.xml", f"{_CT}.slide+xml") for k in range(1, n + 1)]
    parts["[Content_Types].xml"] = (
        f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides)
        + "</Types>"
    )
    parts["_rels/.rels"] = _rels(
        ("rId1", f"{_REL}/officeDocument", "ppt/presentation.xml"),
        ("rId2", f"{_PKG_REL}/metadata/core-properties", "docProps/core.xml"),
    )
    parts["docProps/core.xml"] = (
        f'{_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{html.escape(title, quote=False)}</dc:title><dc:creator>Manus (emulated)</dc:creator>"
        "</cp:coreProperties>"
    )
    slide_ids = "".join(f'<p:sldId id="{255 + k}" r:id="rId{k + 1}"/>' for k in range(1, n + 1))
    parts["ppt/presentation.xml"] = (
        f"{_HEAD}<p:presentation {_NS}>"
        '<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>'
        f"<p:sldIdLst>{slide_ids}</p:sldIdLst>"
        '<p:sldSz cx="12192000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>'
    )
    parts["ppt/_rels/presentation.xml.rels"] = _rels(
        ("rId1", f"{_REL}/slideMaster", "slideMasters/slideMaster1.xml"),
        *((f"rId{k + 1}", f"{_REL}/slide", f"slides/slide{k}.xml") for k in range(1, n + 1)),
        (f"rId{n + 2}", f"{_REL}/theme", "theme/theme1.xml"),
    )
    parts["ppt/slideMasters/slideMaster1.xml"] = (
        f"{_HEAD}<p:sldMaster {_NS}>{_tree('')}{_MAP}"
        '<p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst></p:sldMaster>'
    )
    parts["ppt/slideMasters/_rels/slideMaster1.xml.rels"] = _rels(
        ("rId1", f"{_REL}/slideLayout", "../slideLayouts/slideLayout1.xml"),
        ("rId2", f"{_REL}/theme", "../theme/theme1.xml"),
    )
    parts["ppt/slideLayouts/slideLayout1.xml"] = (
        f'{_HEAD}<p:sldLayout {_NS} type="blank" preserve="1">{_tree("")}'
        "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"
    )
    parts["ppt/slideLayouts/_rels/slideLayout1.xml.rels"] = _rels(
        ("rId1", f"{_REL}/slideMaster", "../slideMasters/slideMaster1.xml")
    )
    parts["ppt/theme/theme1.xml"] = _theme()
    for k, (heading, body) in enumerate(slides, start=1):
        shapes = _text_shape(2, "Title", heading, 457200, 1143000, 4000) + _text_shape(
            3, "Body", body, 1828800, 4572000, 2000
        )
        parts[f"ppt/slides/slide{k}.xml"] = (
            f"{_HEAD}<p:sld {_NS}>{_tree(shapes)}<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"
        )
        parts[f"ppt/slides/_rels/slide{k}.xml.rels"] = _rels(
            ("rId1", f"{_REL}/slideLayout", "../slideLayouts/slideLayout1.xml")
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            # A fixed date keeps the bytes a pure function of the deck (deterministic downloads).
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode())
    return buffer.getvalue()
