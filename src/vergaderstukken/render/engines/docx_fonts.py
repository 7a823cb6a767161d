"""Fonts inside the .docx, and tables that break cleanly across pages.

The house style asks for Lato, which few computers have; Word and LibreOffice then fall
back to another font with other widths and paginate differently from the PDF. Word's
embedded fonts fix that: each TTF is stored as word/fonts/fontN.odttf, its first 32
bytes XOR-ed with a GUID (ECMA-376 Part 1, 17.8.1, "font obfuscation"), the GUID named
as w:fontKey on the w:embedRegular / w:embedBold / ... element of the font in
word/fontTable.xml, and w:embedTrueTypeFonts in word/settings.xml. LibreOffice reads
these too. The GUID is derived from the font's bytes, so equal input gives equal bytes.

Tables: a row of a multi-column table is not split across pages (w:cantSplit); a
one-cell frame (an advisor's note) may grow longer than a page, so it may split.
Header rows (w:tblHeader) are marked by the templates and the Markdown converter.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from html import unescape
from pathlib import Path

from lxml import etree

__all__ = ["deobfuscate", "embed_fonts", "keep_rows_whole", "obfuscate"]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
FONT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
ODTTF = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
FONT_TABLE_RELS = "word/_rels/fontTable.xml.rels"

# (w:fontTable element, file name suffix), in the schema's order
STYLES = (
    ("embedRegular", "Regular"),
    ("embedBold", "Bold"),
    ("embedItalic", "Italic"),
    ("embedBoldItalic", "BoldItalic"),
)
# settings.xml children that come before w:embedTrueTypeFonts (CT_Settings sequence)
_BEFORE_EMBED = {
    "writeProtection",
    "view",
    "zoom",
    "removePersonalInformation",
    "removeDateAndTime",
    "doNotDisplayPageBoundaries",
    "displayBackgroundShape",
    "printPostScriptOverText",
    "printFractionalCharacterWidth",
    "printFormsData",
}


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def font_key(ttf: bytes) -> str:
    """The GUID a font is obfuscated with: from its own bytes, so builds agree."""
    return "{" + str(uuid.UUID(bytes=hashlib.sha256(ttf).digest()[:16])).upper() + "}"


def obfuscate(ttf: bytes, key: str) -> bytes:
    """XOR the first 32 bytes with the GUID's bytes, last hex pair first (ECMA-376)."""
    guid = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    head = bytes(byte ^ guid[index % 16] for index, byte in enumerate(ttf[:32]))
    return head + ttf[32:]


deobfuscate = obfuscate  # XOR is its own inverse


def _xml(root: etree._Element) -> bytes:
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


def _families(parts: dict[str, bytes]) -> list[str]:
    """Font names the document's runs and styles ask for, in first-seen order."""
    names: list[str] = []
    for name, data in parts.items():
        if not (name.startswith("word/") and name.endswith(".xml")) or "fontTable" in name:
            continue
        if b"rFonts" not in data:
            continue
        for value in _asked(data):
            if value not in names:
                names.append(value)
    return names


RFONTS = re.compile(rb"<w:rFonts\b([^>]*)>")
FONT_ATTRIBUTE = re.compile(rb'\sw:(ascii|hAnsi)="([^"]*)"')
W_PREFIX = b'xmlns:w="' + W.encode() + b'"'


def _asked(data: bytes) -> list[str]:
    """The ascii and hAnsi fonts of every w:rFonts of one part, in document order: read
    off the text where the part spells the namespace "w:" (Word and python-docx always
    do; parsing the body of every file took a tenth of its cost), else from the XML."""
    elements = [element[1] for element in RFONTS.finditer(data)]
    if W_PREFIX in data and data.count(b"xmlns:w=") == 1 and b"'" not in b"".join(elements):
        found = []
        for element in elements:
            attributes = dict(FONT_ATTRIBUTE.findall(element))
            for attr in (b"ascii", b"hAnsi"):
                if attributes.get(attr):
                    found.append(unescape(attributes[attr].decode("utf-8")))
        return found
    return [
        value
        for fonts in etree.fromstring(data).iter(_w("rFonts"))
        for value in (fonts.get(_w("ascii")), fonts.get(_w("hAnsi")))
        if value
    ]


def embed_fonts(parts: dict[str, bytes], fonts: Path) -> dict[str, bytes]:
    """`parts` (zip entry name -> bytes, in zip order) with every used font that has
    TTF files in `fonts` (Family-Regular.ttf, -Bold, -Italic, -BoldItalic) embedded."""
    if "word/fontTable.xml" not in parts:
        return parts
    wanted = [
        (family, [(element, fonts / f"{family}-{suffix}.ttf") for element, suffix in STYLES])
        for family in _families(parts)
    ]
    wanted = [(family, files) for family, files in wanted if files[0][1].is_file()]
    if not wanted:
        return parts
    parts = dict(parts)
    table = etree.fromstring(parts["word/fontTable.xml"])
    rels = (
        etree.fromstring(parts[FONT_TABLE_RELS])
        if FONT_TABLE_RELS in parts
        else etree.Element(f"{{{PR}}}Relationships", nsmap={None: PR})
    )
    number = 0
    for family, files in wanted:
        font = next((f for f in table.findall(_w("font")) if f.get(_w("name")) == family), None)
        if font is None:
            font = etree.SubElement(table, _w("font"))
            font.set(_w("name"), family)
            etree.SubElement(font, _w("family")).set(_w("val"), "swiss")
            etree.SubElement(font, _w("pitch")).set(_w("val"), "variable")
        for old in [child for child in font if etree.QName(child).localname.startswith("embed")]:
            font.remove(old)
        for element, path in files:
            if not path.is_file():
                continue
            number += 1
            ttf, rid = path.read_bytes(), f"rIdFont{number}"
            key = font_key(ttf)
            parts[f"word/fonts/font{number}.odttf"] = obfuscate(ttf, key)
            embed = etree.SubElement(font, _w(element))
            embed.set(f"{{{R}}}id", rid)
            embed.set(_w("fontKey"), key)
            rel = etree.SubElement(rels, f"{{{PR}}}Relationship")
            rel.set("Id", rid)
            rel.set("Type", FONT_REL)
            rel.set("Target", f"fonts/font{number}.odttf")
    parts["word/fontTable.xml"] = _xml(table)
    parts[FONT_TABLE_RELS] = _xml(rels)
    parts["[Content_Types].xml"] = _with_odttf(parts["[Content_Types].xml"])
    if "word/settings.xml" in parts:
        parts["word/settings.xml"] = _embed_setting(parts["word/settings.xml"])
    return parts


def _with_odttf(xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    if not any(d.get("Extension") == "odttf" for d in root.findall(f"{{{CT}}}Default")):
        default = etree.Element(f"{{{CT}}}Default", Extension="odttf", ContentType=ODTTF)
        root.insert(0, default)  # Defaults come before Overrides
    return _xml(root)


def _embed_setting(xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    if root.find(_w("embedTrueTypeFonts")) is None:
        position = 0
        for index, child in enumerate(root):
            if etree.QName(child).localname in _BEFORE_EMBED:
                position = index + 1
        root.insert(position, etree.Element(_w("embedTrueTypeFonts")))
    return _xml(root)


# CT_TrPr children are a choice, in any order; cantSplit goes first for readability.
def keep_rows_whole(xml: bytes) -> bytes:
    """Every row of a table with more than one column gets w:cantSplit."""
    if b"<w:tbl>" not in xml and b"<w:tbl " not in xml:
        return xml
    root = etree.fromstring(xml)
    for table in root.iter(_w("tbl")):
        grid = table.find(_w("tblGrid"))
        if grid is None or len(grid.findall(_w("gridCol"))) < 2:
            continue
        for row in table.findall(_w("tr")):
            props = row.find(_w("trPr"))
            if props is None:
                props = etree.Element(_w("trPr"))
                position = 1 if row.find(_w("tblPrEx")) is not None else 0
                row.insert(position, props)
            if props.find(_w("cantSplit")) is None:
                props.insert(0, etree.Element(_w("cantSplit")))
    return _xml(root)
