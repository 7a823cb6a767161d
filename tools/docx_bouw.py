"""Building blocks of the DOCX templates: an A4 document with the house styles, header and
footer, paragraphs holding docxtpl tags, and tables. docx_agenda.py, docx_verslag.py and
docx_lijst.py use them to write each template (tools/docx_sjablonen.py).
"""

from __future__ import annotations

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

BLUE = RGBColor(0x15, 0x42, 0x73)
GREY = RGBColor(0x55, 0x55, 0x55)
FONT = "Lato"
TABLE_SIZE = Pt(9)
TINT = "FBF3DF"  # the advisor's notes: the same tint and bar as in the PDF
BAR = "B8860B"
ACCENT = RGBColor(0x7A, 0x52, 0x00)
RED = RGBColor(0xAA, 0x00, 0x00)
# An item kept out of the public edition says so after its title (VAR: the item's variable).
BESLOTEN = "{% if not VAR.openbaar %}  · BESLOTEN{% endif %}"

# Paragraph styles for Markdown fields in table cells ({{p x|md('Tabeltekst') }}): the
# small type of the tables, which a field's paragraphs, lists and tables all take.
TABLE_TEXT_STYLES = (
    ("Tabeltekst", 9, None, False),
    ("Tabeltekst cursief", 9, None, True),
    ("Tabeltekst klein", 8, GREY, False),
)


def new_document():
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
    section.left_margin, section.right_margin = Cm(2.5), Cm(2.0)
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(10.5)
    normal.paragraph_format.space_after = Pt(3)
    for name, size, color in (
        ("Title", 20, BLUE),
        ("Heading 1", 12, BLUE),
        ("Heading 2", 11.5, None),
        ("Heading 3", 10.5, None),
    ):
        style = styles[name]
        style.font.name, style.font.size, style.font.bold = FONT, Pt(size), True
        style.font.color.rgb = color or RGBColor(0x1A, 0x1A, 0x1A)
        style.font.italic = False
        style.paragraph_format.space_before = Pt(10 if name != "Title" else 0)
        style.paragraph_format.space_after = Pt(3)
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.keep_together = True  # a heading never breaks across pages
        fonts = style.element.rPr.find(qn("w:rFonts"))
        if fonts is not None:  # the theme font would otherwise win over Lato
            for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                fonts.attrib.pop(qn(attr), None)
    styles["Title"].element.pPr.remove_all("w:pBdr") if styles[
        "Title"
    ].element.pPr is not None else None
    table_text_styles(doc)
    return doc


def table_text_styles(doc) -> None:
    for name, size, color, italic in TABLE_TEXT_STYLES:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.quick_style = True
        style.font.size = Pt(size)
        style.font.italic = italic or None
        if color:
            style.font.color.rgb = color
        style.paragraph_format.space_after = Pt(2)


def add_field(paragraph, code: str, result: str = "1") -> None:
    """A complete field: begin, code, separate, a result shown until the field is
    updated, end. Each part is its own run, so the result takes the run formatting of
    the text around it (a field without a result is laid out in the paragraph's size)."""

    def part(kind: str | None = None, code: str | None = None, text: str | None = None):
        run = paragraph.add_run(text)
        if kind is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        if code is not None:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {code} "
            run._r.append(instr)

    part("begin")
    part(code=code)
    part("separate")
    part(text=result)
    part("end")


def mark_size(paragraph, size) -> None:
    """The paragraph mark's size: the line of a small footer is as high as its text."""
    props = paragraph._p.get_or_add_pPr()
    rpr = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), str(int(size.pt * 2)))
    rpr.append(sz)
    props.append(rpr)


def header_footer(doc, kop: str) -> None:
    section = doc.sections[0]
    header = section.header.paragraphs[0]
    run = header.add_run("{{ overleg.organisatie or '' }}\t\t" + kop)
    run.font.size, run.font.color.rgb = Pt(8), GREY
    mark_size(header, Pt(8))
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for text in ("{{ document.markering }}\t\tPagina ", None, " van ", None):
        if text is None:
            add_field(footer, "PAGE" if footer.text.endswith("Pagina ") else "NUMPAGES")
        else:
            footer.add_run(text)
    for run in footer.runs:
        run.font.size, run.font.color.rgb = Pt(8), GREY
    mark_size(footer, Pt(8))


def para(
    doc,
    text: str = "",
    style: str | None = None,
    *,
    bold=False,
    italic=False,
    size=None,
    color=None,
):
    paragraph = doc.add_paragraph(style=style)
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic = bold or None, italic or None
        if size:
            run.font.size = Pt(size)
        if color:
            run.font.color.rgb = color
    return paragraph


def runs(doc, parts: list[str], style: str | None = None):
    """A paragraph whose parts are separate runs, so a {{r ...}} tag owns its run."""
    paragraph = doc.add_paragraph(style=style)
    for part in parts:
        paragraph.add_run(part)
    return paragraph


def gegevens(doc) -> None:
    para(doc, "Datum: {{ vergadering.datum|datum_lang }}")
    for key, kop, value in (
        ("vergadering.tijd", "Tijd", "{{ vergadering.tijd|tijd }}"),
        ("vergadering.locatie", "Locatie", "{{ vergadering.locatie }}"),
        ("vergadering.voorzitter", "Voorzitter", "{{ vergadering.voorzitter }}"),
        ("vergadering.nummer is not none", "Vergadering", "nr. {{ vergadering.nummer }}"),
    ):
        para(doc, "{%p if " + key + " %}")
        para(doc, f"{kop}: {value}")
        para(doc, "{%p endif %}")


def set_widths(table, widths_cm) -> None:
    """Fixed column widths; LibreOffice reads the grid, Word the cells, so set both."""
    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)


def cell_paragraphs(cell, value: str | list[str]) -> None:
    """Fill a table cell: a list is one paragraph per part (a tag on a line of its own)."""
    parts = value if isinstance(value, list) else [value]
    for index, part in enumerate(parts):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.add_run(part)


def small_text(table, size: float = 9) -> None:
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(size)


def tint(cell, bar: bool = True) -> None:
    """Shade a table cell and give it a coloured bar on the left (OOXML order matters)."""
    tc_pr = cell._tc.get_or_add_tcPr()
    if bar:
        borders = OxmlElement("w:tcBorders")
        left = OxmlElement("w:left")
        for key, value in (("val", "single"), ("sz", "20"), ("space", "0"), ("color", BAR)):
            left.set(qn(f"w:{key}"), value)
        borders.append(left)
        tc_pr.append(borders)
    shd = OxmlElement("w:shd")
    for key, value in (("val", "clear"), ("color", "auto"), ("fill", TINT)):
        shd.set(qn(f"w:{key}"), value)
    tc_pr.append(shd)
    margins = OxmlElement("w:tcMar")
    for side in ("top", "bottom"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), "90")
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    tc_pr.append(margins)


def label(paragraph, text: str) -> None:
    run = paragraph.add_run(text)
    run.bold, run.font.all_caps = True, True
    run.font.size, run.font.color.rgb = Pt(7.5), ACCENT


def spacer(doc) -> None:
    """A tiny paragraph: keeps two tables apart (Word joins adjacent tables) and ends
    the body with a paragraph."""
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = Pt(4)


def kader(doc):
    """A one-cell tinted table, full text width; returns the cell, emptied."""
    table = doc.add_table(rows=1, cols=1)
    cell = table.rows[0].cells[0]
    cell.width = Cm(16.5)
    tint(cell)
    return cell


def finish(cell) -> None:
    cell._tc.remove(cell.paragraphs[0]._p)  # python-docx starts a cell with an empty one


def table_widths(table, widths) -> None:
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)


def fix_grids(doc) -> None:
    """Give every table's grid the widths of its first row's cells.

    python-docx sets only the cell widths; LibreOffice lays a table out by its grid
    (w:gridCol), which python-docx leaves at equal widths.
    """
    for table in doc.tables:
        grid = table._tbl.tblGrid
        widths = [cell.width for cell in table.rows[0].cells]
        for col, width in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
            if width is not None:
                col.set(qn("w:w"), str(int(width.twips)))


def header_row(table, titles) -> None:
    for cell, title in zip(table.rows[0].cells, titles, strict=True):
        run = cell.paragraphs[0].add_run(title)
        run.bold, run.font.size = True, TABLE_SIZE
    mark_header(table.rows[0])


def mark_header(row) -> None:
    """Repeat the row on every page a table spans."""
    props = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    props.append(header)


def loop_table(doc, lijst: str, titles, values, widths, var: str):
    """A table with a header row and one row per item of `lijst` (a docxtpl row loop)."""
    table = doc.add_table(rows=4, cols=len(titles))
    table.style = "Table Grid"
    header_row(table, titles)
    table.rows[1].cells[0].text = "{%tr for " + var + " in " + lijst + " %}"
    for cell, value in zip(table.rows[2].cells, values, strict=True):
        cell_paragraphs(cell, value)
        for paragraph in cell.paragraphs:
            for run in paragraph.runs:
                if not run.text.startswith("{{p"):  # Markdown blocks bring their own style
                    run.font.size = TABLE_SIZE
    table.rows[3].cells[0].text = "{%tr endfor %}"
    table_widths(table, widths)
    return table


def volgende(doc) -> None:
    para(doc, "{%p if vergadering.volgende %}")
    para(
        doc,
        "De volgende vergadering is op {{ vergadering.volgende.datum|datum_lang }}"
        "{% if vergadering.volgende.tijd %}, "
        "{{ vergadering.volgende.tijd|tijd }}{% endif %}"
        "{% if vergadering.volgende.locatie %}, "
        "{{ vergadering.volgende.locatie }}{% endif %}.",
    )
    para(doc, "{%p endif %}")
