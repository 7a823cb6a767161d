"""PDF/UA-1 for every standalone PDF, PDF/A-2b for the archive, Lato inside every .docx.

The PDF rules are read by the structural checker in pdf_normen.py and, for PDF/UA, by
PyPI's `pdfua` (its machine-checkable subset); the .docx by its package parts and by
LibreOffice, whose PDF must be set in the embedded Lato (Lato is not installed here).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pikepdf
import pytest
from lxml import etree

from pdf_normen import pdfa_problems, ua_problems
from soffice import docx_to_pdf
from vergaderstukken.render.engines.docx_fonts import deobfuscate

REPO = Path(__file__).resolve().parents[1]
FONTS = REPO / "templates" / "fonts"
STANDALONE = ("agenda.pdf", "verslag.pdf", "actie-en-besluitenlijst.pdf")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def gebouwd(example, stukken) -> Path:
    result = stukken(example, "build", "2024-01-24")
    assert result.exit_code == 0, result.stderr
    return example / "output" / "2024-01-24"


def vastgesteld(root: Path) -> None:
    path = root / "meetings" / "2024-01-24" / "verslag.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("status: concept", "status: vastgesteld\nvastgesteld_op: 2024-03-13", 1),
        encoding="utf-8",
    )


def test_every_standalone_pdf_meets_pdf_ua(gebouwd):
    from pdfua import validate

    for name in [*STANDALONE, "geannoteerde-agenda-hellendoorn.pdf"]:
        path = gebouwd / name
        assert ua_problems(path) == [], name
        report = validate(str(path))
        errors = [f.rule_id for f in report.findings if f.severity.name == "ERROR"]
        assert errors == [], name


def test_every_table_header_cell_has_a_scope():
    """templates/site/ has its own check; these are the PDF templates."""
    for template in sorted((REPO / "templates").glob("*.html")):
        cells = re.findall(r"<th\b[^>]*>", template.read_text(encoding="utf-8"))
        assert all(re.search(r'scope="(col|row)"', cell) for cell in cells), template.name


def test_table_data_cells_name_their_header_cells(gebouwd):
    """WeasyPrint 70 writes no /Scope for scope="col" (pdfua's UA-15-003 warning, which
    looks at the TH alone, stays); it ties each TD to its column's TH by /Headers and /ID."""
    from pdf_normen import structure_types

    for name in ("agenda.pdf", "verslag.pdf"):
        with pikepdf.open(gebouwd / name) as pdf:
            elements = structure_types(pdf)
            ids = {str(e.ID) for e in elements if e.S == pikepdf.Name.TH and "/ID" in e}
            cells = [e for e in elements if e.S == pikepdf.Name.TD]
            assert ids and cells, name
            for cell in cells:
                headers = [str(h) for h in cell.A.get("/Headers", [])]
                assert headers and set(headers) <= ids, (name, headers)


def test_the_pack_keeps_title_language_and_a_bookmark_per_part(gebouwd):
    pdf = pikepdf.open(gebouwd / "vergaderpakket.pdf")
    assert str(pdf.Root.Lang) == "nl"
    assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
    assert (
        str(pdf.docinfo.Title) == "Vergaderpakket Twentse Regietafel Asielinstroom 24 januari 2024"
    )
    with pdf.open_outline() as outline:
        titles = [str(item.title) for item in outline.root]
    assert titles[:3] == ["Omslag", "Inhoud", "Agenda"]
    assert [t.split(" — ")[0] for t in titles[3:]] == ["Bijlage I", "Bijlage II", "Bijlage III"]
    # It claims no PDF/UA: a merged third-party PDF brings no tags into it.
    assert "/StructTreeRoot" not in pdf.Root and "/Metadata" not in pdf.Root


def test_docx_embeds_lato_keeps_rows_whole_and_repeats_headers(gebouwd, tmp_path):
    ttf = {p.name: p.read_bytes() for p in FONTS.glob("Lato-*.ttf")}
    for path in sorted(gebouwd.glob("*.docx")):
        with zipfile.ZipFile(path) as docx:
            table = docx.read("word/fontTable.xml").decode()
            rels = docx.read("word/_rels/fontTable.xml.rels").decode()
            assert "<w:embedTrueTypeFonts/>" in docx.read("word/settings.xml").decode()
            assert 'Extension="odttf"' in docx.read("[Content_Types].xml").decode()
            lato = re.search(r'<w:font w:name="Lato">.*?</w:font>', table).group(0)
            embeds = re.findall(r'<w:(embed\w+) r:id="(\w+)" w:fontKey="(\{[0-9A-F-]+\})"', lato)
            assert [e[0] for e in embeds] == [
                "embedRegular",
                "embedBold",
                "embedItalic",
                "embedBoldItalic",
            ]
            for element, rid, key in embeds:
                target = re.search(f'Id="{rid}"[^>]*Target="([^"]+)"', rels).group(1)
                stored = docx.read(f"word/{target}")
                suffix = element.removeprefix("embed")
                assert stored[:32] != ttf[f"Lato-{suffix}.ttf"][:32]  # obfuscated ...
                assert deobfuscate(stored, key) == ttf[f"Lato-{suffix}.ttf"]  # ... reversibly
            body = docx.read("word/document.xml").decode()
        tables = [
            t
            for t in etree.fromstring(body.encode()).iter(f"{W}tbl")
            if len(t.find(f"{W}tblGrid")) > 1
        ]
        rows = [row for t in tables for row in t.findall(f"{W}tr")]
        assert rows and all(row.find(f"{W}trPr/{W}cantSplit") is not None for row in rows)
        assert '<w:tblHeader w:val="true"/>' in body
        pdf = docx_to_pdf(path, tmp_path / "lo")
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
        families = {line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:]}
        # OpenSymbol: LibreOffice draws list bullets (Word's Symbol) with its own font.
        text_fonts = families - {"OpenSymbol"}
        assert "Lato-Regular" in text_fonts, (path.name, fonts)
        assert all(f.startswith("Lato") for f in text_fonts), (path.name, fonts)


def test_docx_footer_page_field_has_a_result_in_the_footer_size(gebouwd):
    with zipfile.ZipFile(gebouwd / "verslag.docx") as docx:
        footer = docx.read("word/footer1.xml").decode()
    assert (
        '<w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="right"/><w:rPr><w:sz w:val="16"/>' in footer
    )
    field = re.search(r"PAGE </w:instrText>.*?fldCharType=\"end\"", footer, re.S).group(0)
    assert 'fldCharType="separate"' in field and '<w:sz w:val="16"/></w:rPr><w:t>1</w:t>' in field


def test_archive_refuses_draft_minutes(example, stukken):
    result = stukken(example, "build", "2024-01-24", "--archief")
    assert result.exit_code == 1
    assert result.lines == [
        "fout: meetings/2024-01-24/verslag.yaml:1: het verslag van 2024-01-24 is nog een "
        "concept (status: concept); alleen een vastgesteld verslag gaat naar het archief "
        "(zet status: vastgesteld en vastgesteld_op in verslag.yaml)"
    ]
    assert not (example / "output" / "2024-01-24" / "archief").exists()


def test_archive_is_pdf_a_2b_and_reproducible(example, stukken, tmp_path):
    vastgesteld(example)
    result = stukken(example, "build", "2024-01-24", "--archief")
    assert result.exit_code == 0, result.stderr
    archief = example / "output" / "2024-01-24" / "archief"
    names = ["actie-en-besluitenlijst.pdf", "verslag.pdf", "vergaderpakket.pdf"]
    assert sorted(p.name for p in archief.iterdir()) == sorted(names)
    first = {name: (archief / name).read_bytes() for name in names}
    for name in names:
        assert pdfa_problems(archief / name) == [], name
        with pikepdf.open(archief / name) as pdf:
            xmp = pdf.Root.Metadata.read_bytes()
        assert b"Date" not in xmp  # no CreateDate, ModifyDate or MetadataDate
    shutil.rmtree(archief)
    assert stukken(example, "build", "2024-01-24", "--archief").exit_code == 0
    assert {name: (archief / name).read_bytes() for name in names} == first


def test_archive_refuses_an_attachment_pdf_a_forbids(example, stukken):
    vastgesteld(example)
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(595, 842))
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
        )
    )
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.obj.Contents = pdf.make_stream(b"0 0 0 1 k BT /F1 12 Tf 72 720 Td (Hallo) Tj ET")
    buffer = io.BytesIO()
    pdf.save(buffer, deterministic_id=True)
    (example / "meetings/2024-01-24/bijlagen/conceptverslag-prt.pdf").write_bytes(buffer.getvalue())
    result = stukken(example, "build", "2024-01-24", "--archief")
    assert result.exit_code == 1
    assert result.lines[1] == "1 fout gevonden; er is niets geschreven."
    assert re.fullmatch(
        r"meetings/2024-01-24/agenda\.yaml:\d+: bijlage 'verslag-prt' "
        r"\(bijlagen/conceptverslag-prt\.pdf\) kan niet in het archiefpakket \(PDF/A-2b\): "
        r"CMYK-kleuren \(het archief werkt met sRGB\); lettertype\(n\) niet ingesloten: "
        r"Helvetica \(lever de bijlage aan als PDF/A, bijvoorbeeld via 'Opslaan als PDF/A' "
        r"in Word of LibreOffice\)",
        result.lines[0],
    ), result.lines


def test_archive_does_not_combine_with_the_public_edition(example, stukken):
    result = stukken(example, "build", "2024-01-24", "--archief", "--openbaar")
    assert result.exit_code == 1
    assert result.lines == [
        "fout: --archief gaat niet samen met --openbaar of --annotatie: het archief bevat "
        "het vastgestelde verslag, de actie- en besluitenlijst en het vergaderpakket"
    ]
