"""Markdown fields rendered into DOCX through docxtpl, read back with python-docx."""

from __future__ import annotations

import datetime as dt
import shutil
import struct
import subprocess
import zipfile
import zlib
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm
from docxtpl import DocxTemplate

from soffice import docx_to_pdf
from vergaderstukken.render.engines.docx_markdown import markdown_inline, markdown_subdoc
from vergaderstukken.render.engines.docx_stable import make_reproducible, set_core_properties

URL = "https://example.org/vergadering?id=1&x=2"
REMOTE = "http://example.com/logo.png"

TEXT = f"""\
Het **bestuur** besluit *voorlopig* tot ~~uitstel~~ van `stukken build`.
Zie [de website]({URL}) voor details.\\
Nieuwe regel.

Tom & Jerry <b>vet</b>

Sjabloontekst {{{{ x }}}} en {{% if %}} blijft staan.

- eerste punt
- tweede punt
  - genest punt
- derde punt

3. drie
4. vier

Tussenzin.

1. opnieuw een

## Besluit

> Geciteerd

```
code <x> & y
  tweede regel
```

| Naam | Bedrag |
|------|-------:|
| Jan | 10 |
| Piet & Co | 20 |

---

![Logo extern]({REMOTE})

![Lokaal logo](img/logo.png)

Control\x01char\x0bhier.
"""


def png(width: int = 1, height: int = 1) -> bytes:
    """A valid greyscale PNG without density info (python-docx then assumes 72 dpi)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = b"".join(b"\x00" + b"\xff" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixels))
        + chunk(b"IEND", b"")
    )


def make_template(path: Path, *, tag: str = "{{p body }}", drop_styles: tuple = ()) -> Path:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    doc.add_paragraph("Kop van het document")
    doc.add_paragraph(tag)
    for name in drop_styles:
        element = doc.styles[name].element
        element.getparent().remove(element)
    doc.save(path)
    return path


def build(
    tmp_path: Path, out: Path, text: str = TEXT, *, drop_styles: tuple = ()
) -> tuple[Path, list[str]]:
    root = tmp_path / "werkmap"
    (root / "img").mkdir(parents=True, exist_ok=True)
    (root / "img" / "logo.png").write_bytes(png(2000, 10))  # 70 cm wide at 72 dpi
    template = make_template(tmp_path / "sjabloon.docx", drop_styles=drop_styles)
    tpl = DocxTemplate(template)
    warnings: list[str] = []
    body = markdown_subdoc(tpl, text, image_root=root, warn=warnings.append)
    tpl.render({"body": body}, autoescape=True)
    set_core_properties(tpl, title="Agenda", subject="Vergadering", author="Secretariaat")
    tpl.save(out)
    return out, warnings


@pytest.fixture
def rendered(tmp_path: Path) -> tuple[Path, list[str]]:
    return build(tmp_path, tmp_path / "uit.docx")


def texts(path: Path) -> list[str]:
    return [p.text for p in Document(path).paragraphs]


def runs_with(path: Path, text: str) -> list:
    return [r for p in Document(path).paragraphs for r in p.runs if r.text == text]


def test_inline_formatting(rendered):
    path, _ = rendered
    assert runs_with(path, "bestuur")[0].bold
    assert runs_with(path, "voorlopig")[0].italic
    assert runs_with(path, "uitstel")[0].font.strike
    assert runs_with(path, "stukken build")[0].font.name == "Courier New"
    first = next(t for t in texts(path) if t.startswith("Het bestuur"))
    # soft break as a space, hard break as a line break, link text kept
    assert "build`" not in first
    assert "van stukken build. Zie de website voor details.\nNieuwe regel." in first


def test_hyperlink_is_clickable(rendered):
    path, _ = rendered
    doc = Document(path)
    links = [h for p in doc.paragraphs for h in p.hyperlinks]
    assert [(h.text, h.url) for h in links] == [("de website", URL)]
    run = links[0].runs[0]
    assert run.font.underline and str(run.font.color.rgb) == "0563C1"
    with zipfile.ZipFile(path) as z:
        rels = z.read("word/_rels/document.xml.rels").decode()
    assert 'TargetMode="External"' in rels
    assert URL.replace("&", "&amp;") in rels


def test_html_and_specials_stay_literal(rendered):
    path, _ = rendered
    all_text = texts(path)
    assert "Tom & Jerry <b>vet</b>" in all_text
    assert "code <x> & y\n  tweede regel" in all_text
    assert "Sjabloontekst {{ x }} en {% if %} blijft staan." in all_text
    assert "Controlcharhier." in all_text
    assert not runs_with(path, "vet")  # no bold run from the HTML tag


def test_lists_in_order(rendered):
    path, _ = rendered
    doc = Document(path)
    items = [
        (p.style.name, p.text)
        for p in doc.paragraphs
        if p.style.name.startswith("List") or p.text[:1].isdigit()
    ]
    assert items == [
        ("List Bullet", "eerste punt"),
        ("List Bullet", "tweede punt"),
        ("List Bullet 2", "genest punt"),
        ("List Bullet", "derde punt"),
        ("Normal", "3.\tdrie"),
        ("Normal", "4.\tvier"),
        ("Normal", "1.\topnieuw een"),
    ]
    drie = next(p for p in doc.paragraphs if p.text == "3.\tdrie")
    assert drie.paragraph_format.first_line_indent < 0 < drie.paragraph_format.left_indent


def test_lists_fall_back_to_prefix_without_styles(tmp_path):
    path, _ = build(
        tmp_path,
        tmp_path / "uit.docx",
        "- een\n  - genest\n- twee\n",
        drop_styles=("List Bullet", "List Bullet 2"),
    )
    assert [t for t in texts(path) if "\t" in t] == ["•\teen", "◦\tgenest", "•\ttwee"]


def test_heading_quote_rule(rendered):
    path, _ = rendered
    doc = Document(path)
    heading = next(p for p in doc.paragraphs if p.text == "Besluit")
    assert all(r.bold for r in heading.runs) and heading.style.name == "Normal"
    quote = next(p for p in doc.paragraphs if p.text == "Geciteerd")
    assert quote.paragraph_format.left_indent > 0
    assert doc.element.body.xpath(".//w:pPr/w:pBdr/w:bottom")


def test_table(rendered):
    path, _ = rendered
    (table,) = Document(path).tables
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Naam", "Bedrag"],
        ["Jan", "10"],
        ["Piet & Co", "20"],
    ]
    assert table.style.name == "Table Grid"
    assert all(r.bold for c in table.rows[0].cells for r in c.paragraphs[0].runs)
    assert not any(r.bold for c in table.rows[1].cells for r in c.paragraphs[0].runs)
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    # 100% wide, so it also fits when the template puts the field in a table cell
    assert table._tbl.tblPr.find(qn("w:tblW")).get(qn("w:type")) == "pct"


def test_images(rendered):
    path, warnings = rendered
    assert warnings == [
        f"afbeelding '{REMOTE}' niet opgenomen: alleen afbeeldingen binnen de werkmap "
        "zijn toegestaan"
    ]
    assert "[Logo extern]" in texts(path)
    doc = Document(path)
    (shape,) = doc.inline_shapes
    assert shape.width == Cm(15)
    assert shape._inline.docPr.get("descr") == "Lokaal logo"
    with zipfile.ZipFile(path) as z:
        assert [n for n in z.namelist() if n.startswith("word/media/")] == ["word/media/image1.png"]


def test_images_outside_root_are_refused(tmp_path):
    (tmp_path / "geheim.png").write_bytes(png())
    (tmp_path / "werkmap" / "img").mkdir(parents=True)
    (tmp_path / "werkmap" / "img" / "link.png").symlink_to(tmp_path / "geheim.png")
    text = (
        "![a](../geheim.png) ![b](/etc/passwd) ![c](data:image/png;base64,AAAA) "
        "![d](//host/x.png) ![e](img/link.png) ![f](img/ontbreekt.png) "
        "![g](file:///etc/passwd)"
    )
    path, warnings = build(tmp_path, tmp_path / "uit.docx", text)
    assert len(warnings) == 6
    assert all("niet opgenomen" in w for w in warnings)
    assert "bestand niet gevonden" in warnings[-1]
    # markdown-it itself refuses file: URLs, so that one stays literal text
    assert "[a] [b] [c] [d] [e] [f] ![g](file:///etc/passwd)" in texts(path)
    assert not Document(path).inline_shapes


def test_empty_field_gives_one_empty_paragraph(tmp_path):
    path, warnings = build(tmp_path, tmp_path / "uit.docx", "")
    assert texts(path) == ["Kop van het document", ""] and not warnings


def test_inline_title(tmp_path):
    template = make_template(tmp_path / "t.docx", tag="Punt: {{r title }}")
    tpl = DocxTemplate(template)
    title = markdown_inline(tpl, "3. Begroting *concept* & <b>\x07 [site](https://x.nl)")
    tpl.render({"title": title}, autoescape=True)
    tpl.save(tmp_path / "uit.docx")
    doc = Document(tmp_path / "uit.docx")
    para = doc.paragraphs[1]
    assert para.text == "Punt: 3. Begroting concept & <b> site"
    assert [r.text for r in para.runs if r.italic] == ["concept"]
    assert [h.url for h in para.hyperlinks] == ["https://x.nl"]


def test_reproducible(tmp_path):
    first, _ = build(tmp_path, tmp_path / "een.docx")
    second, _ = build(tmp_path, tmp_path / "twee.docx")
    assert first.read_bytes() != b""
    for path in (first, second):
        make_reproducible(path)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert {i.compress_type for i in z.infolist()} == {zipfile.ZIP_DEFLATED}
        core = z.read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z" in core and "<dc:title>Agenda</dc:title>" in core
    assert "<dc:creator>Secretariaat</dc:creator>" in core
    assert "<dc:language>nl-NL</dc:language>" in core
    # exactly one of each, in the core-properties namespace (see docx_stable._CUSTOM_NS)
    assert "custom-properties" not in core
    assert core.count("<cp:lastModifiedBy>vergaderstukken</cp:lastModifiedBy>") == 1
    assert core.count("<cp:revision>1</cp:revision>") == 1
    assert core.count("lastModifiedBy") == 2 and core.count("revision") == 2

    make_reproducible(second, when=dt.date(2026, 3, 12))
    with zipfile.ZipFile(second) as z:
        assert "2026-03-12T00:00:00Z" in z.read("docProps/core.xml").decode()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_opens_it(rendered, tmp_path):
    path, _ = rendered
    make_reproducible(path)
    pdf = docx_to_pdf(path, tmp_path / "pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "bestuur" in text
    assert "Piet & Co" in text
    assert "Tom & Jerry <b>vet</b>" in text


def render_with(tmp_path: Path, text: str, **options) -> tuple[Document, list[str]]:
    """Render `text` into a template that has a "Tabeltekst" paragraph style."""
    from docx.enum.style import WD_STYLE_TYPE

    template = make_template(tmp_path / "sjabloon.docx")
    doc = Document(template)
    doc.styles.add_style("Tabeltekst", WD_STYLE_TYPE.PARAGRAPH)
    doc.save(template)
    tpl = DocxTemplate(template)
    warnings: list[str] = []
    body = markdown_subdoc(tpl, text, warn=warnings.append, **options)
    tpl.render({"body": body}, autoescape=True)
    tpl.save(tmp_path / "uit.docx")
    return Document(tmp_path / "uit.docx"), warnings


def test_style_applies_to_every_paragraph_of_the_field(tmp_path):
    text = "Een alinea.\n\n- een\n- twee\n\n| x |\n|---|\n| 1 |\n"
    doc, _ = render_with(tmp_path, text, style="Tabeltekst")
    body = [(p.text, p.style.name) for p in doc.paragraphs[1:]]
    # bullets are typed, so they take the style too; a field ending in a table ends in
    # an (empty) paragraph of that style
    assert body == [
        ("Een alinea.", "Tabeltekst"),
        ("•\teen", "Tabeltekst"),
        ("•\ttwee", "Tabeltekst"),
        ("", "Tabeltekst"),
    ]
    cells = [p.style.name for row in doc.tables[0].rows for c in row.cells for p in c.paragraphs]
    assert cells == ["Tabeltekst", "Tabeltekst"]
    unknown, _ = render_with(tmp_path, "Tekst.", style="Bestaat niet")
    assert unknown.paragraphs[1].style.name == "Normal"


def test_allowed_root_admits_images_beside_the_image_root(tmp_path):
    root = tmp_path / "werkmap"
    (root / "gedeeld").mkdir(parents=True)
    (root / "vergadering").mkdir()
    (root / "gedeeld" / "logo.png").write_bytes(png())
    text = "![logo](../gedeeld/logo.png)"
    doc, warnings = render_with(tmp_path, text, image_root=root / "vergadering", allowed_root=root)
    assert len(doc.inline_shapes) == 1 and not warnings
    doc, warnings = render_with(tmp_path, text, image_root=root / "vergadering")
    assert not doc.inline_shapes and "niet opgenomen" in warnings[0]
