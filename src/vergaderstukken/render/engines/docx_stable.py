"""Byte-identical DOCX output.

A .docx is a zip: every entry carries the time it was written, and docProps/core.xml
records when and by whom the file was made. Both change on each build, so identical
input would give a different file every time, which defeats checking the outputs
into version control or comparing them in CI.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import tempfile
import zipfile
import zlib
from pathlib import Path
from typing import Any

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from lxml import etree

from .docx_fonts import embed_fonts, keep_rows_whole

__all__ = ["make_reproducible", "set_core_properties"]

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold
DEFAULT_WHEN = dt.datetime(2000, 1, 1)
GENERATOR = "vergaderstukken"

# docxcompose (imported by docxtpl for subdocs) rebinds python-docx's global "cp"
# prefix to the custom-properties namespace, so python-docx then writes
# cp:lastModifiedBy / cp:revision / cp:keywords as stray elements Word calls
# unreadable content (docxcompose#101, python-docx#1037). Those properties are
# therefore set here with explicit namespaces, and strays are removed.
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}


def _w3cdtf(when: dt.date | dt.datetime | None) -> str:
    if when is None:
        when = DEFAULT_WHEN
    elif not isinstance(when, dt.datetime):
        when = dt.datetime(when.year, when.month, when.day)
    if when.tzinfo is not None:
        when = when.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _fixed_core(xml: bytes, when: dt.date | dt.datetime | None) -> bytes:
    root = etree.fromstring(xml)
    stamp = _w3cdtf(when)
    fixed = {
        "dcterms:created": stamp,
        "dcterms:modified": stamp,
        "cp:lastModifiedBy": GENERATOR,
        "cp:revision": "1",
    }
    for name, value in fixed.items():
        prefix, local = name.split(":")
        el = root.find(f"{{{_NS[prefix]}}}{local}")
        if el is None:
            el = etree.SubElement(root, f"{{{_NS[prefix]}}}{local}")
        el.text = value
        if prefix == "dcterms":
            el.set(f"{{{_NS['xsi']}}}type", "dcterms:W3CDTF")
    # A print date copied from the template says nothing about this document.
    strays = root.findall(f"{{{_NS['cp']}}}lastPrinted")
    strays += [el for el in root if etree.QName(el).namespace == _CUSTOM_NS]
    for el in strays:
        root.remove(el)
    fixed_xml: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return fixed_xml


def make_reproducible(
    path: Path, when: dt.date | dt.datetime | None = None, *, fonts: Path | None = None
) -> None:
    """Rewrite the saved .docx at `path` so equal input gives equal bytes.

    With `fonts` (a folder of Family-Regular.ttf etc.), the fonts the document uses are
    embedded and table rows kept whole (docx_fonts.py), so Word and LibreOffice
    paginate with the house font.

    Zip entries keep their order but get a fixed timestamp, permissions and
    compression; created/modified in docProps/core.xml become `when` (the meeting
    date is a good choice; default 2000-01-01; pass the same value as to
    set_core_properties), lastModifiedBy and revision fixed.
    """
    path = Path(path)
    data = reproducible(path.read_bytes(), when, fonts=fonts)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def reproducible(
    docx: bytes, when: dt.date | dt.datetime | None = None, *, fonts: Path | None = None
) -> bytes:
    """The .docx `docx` as make_reproducible rewrites it."""
    with zipfile.ZipFile(io.BytesIO(docx)) as zin:
        entries = {info.filename: zin.read(info) for info in zin.infolist()}
    if fonts is not None:
        entries = embed_fonts(entries, fonts)
        entries["word/document.xml"] = keep_rows_whole(entries["word/document.xml"])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zout:
        for name, data in entries.items():
            if name == "docProps/core.xml":
                data = _fixed_core(data, when)
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, also when built on Windows
            info.external_attr = 0o100644 << 16
            _write(zout, info, data)
    return buffer.getvalue()


COMPRESSION_LEVEL = 6
_DEFLATED: dict[bytes, bytes] = {}  # sha256 of a large entry -> its deflated bytes
LARGE = 16_000  # bytes: the fonts and the style sheets, the same in every Word file


class _Deflated:
    """Stands in for zipfile's compressor of one entry: the bytes deflated before."""

    def __init__(self, deflated: bytes) -> None:
        self.deflated = deflated

    def compress(self, data: bytes) -> bytes:
        deflated, self.deflated = self.deflated, b""
        return deflated

    def flush(self) -> bytes:
        return b""


def _write(zout: zipfile.ZipFile, info: zipfile.ZipInfo, data: bytes) -> None:
    """`zout.writestr(info, data, compresslevel=6)`, with a large entry deflated once per
    process: the embedded fonts are the same bytes in every Word file of a build, and
    deflating them was a tenth of the cost of each. zipfile still computes the CRC and
    sizes from `data`; where its writer is not built as this expects, it deflates itself."""
    if len(data) < LARGE:
        zout.writestr(info, data, compresslevel=COMPRESSION_LEVEL)
        return
    digest = hashlib.sha256(data).digest()
    if digest not in _DEFLATED:
        # exactly the compressor zipfile makes for ZIP_DEFLATED at this level
        compressor = zlib.compressobj(COMPRESSION_LEVEL, zlib.DEFLATED, -15)
        _DEFLATED[digest] = compressor.compress(data) + compressor.flush()
    info._compresslevel = COMPRESSION_LEVEL  # type: ignore[attr-defined]  # as writestr sets it
    info.file_size = len(data)
    with zout.open(info, mode="w") as dest:
        if hasattr(dest, "_compressor"):
            dest._compressor = _Deflated(_DEFLATED[digest])
        dest.write(data)


def saved_uncompressed(document: Any) -> bytes:
    """A python-docx (or docxtpl) document saved in memory without compression: it is
    rewritten, compressed once, by `reproducible` (compressing twice was a seventh of
    the cost of a Word file)."""
    from docx.opc import phys_pkg

    buffer = io.BytesIO()
    compression = getattr(phys_pkg, "ZIP_DEFLATED")  # noqa: B009  # what its writer reads
    setattr(phys_pkg, "ZIP_DEFLATED", zipfile.ZIP_STORED)  # noqa: B010
    try:
        document.save(buffer)
    finally:
        setattr(phys_pkg, "ZIP_DEFLATED", compression)  # noqa: B010
    return buffer.getvalue()


def _set_language(doc: Document, language: str) -> None:
    """Default proofing language in styles.xml, so Word spell-checks in Dutch."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), language)


def set_core_properties(
    doc_or_tpl: Document | DocxTemplate,
    *,
    title: str,
    subject: str = "",
    author: str = "",
    language: str = "nl-NL",
    when: dt.date | dt.datetime | None = None,
) -> None:
    """Set the document properties Word shows under File > Info.

    With a DocxTemplate, call after ``render``: docxtpl renders the core properties as
    Jinja templates (a "{{" in a title would break), and ``get_docx()`` after a render
    reloads the template, so the rendered document is taken from ``tpl.docx``.
    lastModifiedBy and revision are left to make_reproducible (see _CUSTOM_NS).
    """
    doc = doc_or_tpl.docx if isinstance(doc_or_tpl, DocxTemplate) else doc_or_tpl
    stamp = dt.datetime.strptime(_w3cdtf(when), "%Y-%m-%dT%H:%M:%SZ")
    props = doc.core_properties
    props.title = title
    props.subject = subject
    props.author = author
    props.language = language
    props.created = stamp
    props.modified = stamp
    props.comments = ""  # python-docx's template says "generated by python-docx"
    _set_language(doc, language)
