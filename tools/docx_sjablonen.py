"""Generate the built-in A4 DOCX templates in templates/ (docxtpl syntax).

The .docx files are committed; run this after changing it:

    .venv/bin/python tools/docx_sjablonen.py

python-docx starts from a US Letter document, so every template sets A4 and its own
styles here. Each template function writes one file; new documents add a function.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vergaderstukken.render.docx_stable import make_reproducible  # noqa: E402

TEMPLATES = ROOT / "templates"
BLUE = RGBColor(0x15, 0x42, 0x73)
GREY = RGBColor(0x55, 0x55, 0x55)
FONT = "Lato"


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
        fonts = style.element.rPr.find(qn("w:rFonts"))
        if fonts is not None:  # the theme font would otherwise win over Lato
            for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                fonts.attrib.pop(qn(attr), None)
    styles["Title"].element.pPr.remove_all("w:pBdr") if styles[
        "Title"
    ].element.pPr is not None else None
    table_text_styles(doc)
    return doc


# Paragraph styles for Markdown fields in table cells ({{p x|md('Tabeltekst') }}): the
# small type of the tables, which a field's paragraphs, lists and tables all take.
TABLE_TEXT_STYLES = (
    ("Tabeltekst", 9, None, False),
    ("Tabeltekst cursief", 9, None, True),
    ("Tabeltekst klein", 8, GREY, False),
)


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


def add_field(paragraph, code: str) -> None:
    run = paragraph.add_run()
    begin, instr, end = (
        OxmlElement("w:fldChar"),
        OxmlElement("w:instrText"),
        OxmlElement("w:fldChar"),
    )
    begin.set(qn("w:fldCharType"), "begin")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {code} "
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(instr)
    run._r.append(end)


def header_footer(doc, kop: str) -> None:
    section = doc.sections[0]
    header = section.header.paragraphs[0]
    run = header.add_run("{{ overleg.organisatie or '' }}\t\t" + kop)
    run.font.size, run.font.color.rgb = Pt(8), GREY
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for text in ("{{ document.markering }}\t\tPagina ", None, " van ", None):
        if text is None:
            add_field(footer, "PAGE" if footer.text.endswith("Pagina ") else "NUMPAGES")
        else:
            footer.add_run(text)
    for run in footer.runs:
        run.font.size, run.font.color.rgb = Pt(8), GREY


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
    for key, label, value in (
        ("vergadering.tijd", "Tijd", "{{ vergadering.tijd|tijd }}"),
        ("vergadering.locatie", "Locatie", "{{ vergadering.locatie }}"),
        ("vergadering.voorzitter", "Voorzitter", "{{ vergadering.voorzitter }}"),
        ("vergadering.nummer is not none", "Vergadering", "nr. {{ vergadering.nummer }}"),
    ):
        para(doc, "{%p if " + key + " %}")
        para(doc, f"{label}: {value}")
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


def acties_tabel(doc, lijst: str, notities: str | None = None) -> None:
    """The actions table; `notities` (a template dict action id -> note) adds a row under
    each action that has a note, for the annotated agenda."""
    para(doc, "{%p if " + lijst + " %}")
    table = doc.add_table(rows=4, cols=5)
    table.style = "Table Grid"
    for cell, title in zip(
        table.rows[0].cells, ("Nr.", "Actie", "Wie", "Termijn", "Status"), strict=True
    ):
        cell.paragraphs[0].add_run(title).bold = True
    table.rows[1].cells[0].text = "{%tr for stand in " + lijst + " %}"
    values = (
        "{{ stand.id }}",
        [
            "{{p stand.regel.tekst|md('Tabeltekst') }}",
            "{%p if stand.toelichting %}",
            "{{p stand.toelichting|md('Tabeltekst cursief') }}",
            "{%p endif %}",
        ],
        "{{ stand.regel.wie or '' }}",
        "{{ stand.termijn|termijn }}{% if stand.te_laat %} (verlopen){% endif %}",
        "{{ stand.status }}",
    )
    for cell, value in zip(table.rows[2].cells, values, strict=True):
        cell_paragraphs(cell, value)
    table.rows[3].cells[0].text = "{%tr endfor %}"
    if notities:
        actie_notitie_rijen(table, notities)
    set_widths(table, (3.1, 6.2, 2.9, 2.5, 1.8))
    small_text(table)
    para(doc, "{%p else %}")
    para(doc, "Er staan geen acties open.", italic=True)
    para(doc, "{%p endif %}")


def punt_inhoud(doc, var: str, notities: str | None = None) -> None:
    para(doc, "{%p if " + var + ".doel %}")
    para(doc, "{{ " + var + ".doel_tekst }}", italic=True, color=GREY)
    para(doc, "{%p endif %}")
    para(doc, "{%p if " + var + ".toelichting %}")
    para(doc, "{{p " + var + ".toelichting|md }}")
    para(doc, "{%p endif %}")
    para(doc, "{%p if " + var + ".vragen %}")
    para(doc, "Vragen aan de vergadering", bold=True)
    para(doc, "{{p " + var + ".vragen|vragenlijst|md }}")
    para(doc, "{%p endif %}")
    para(doc, "{%p if " + var + ".acties %}")
    acties_tabel(doc, "open_acties", notities)
    para(doc, "{%p endif %}")
    para(doc, "{%p for bijlage in " + var + ".bijlagen %}")
    para(doc, "– {{ bijlage.label }}: {{ bijlage.titel|tekst }}")
    para(doc, "{%p endfor %}")


def agenda_body(doc, extra_per_punt=None, notities: str | None = None) -> None:
    para(doc, "{%p for punt in punten %}")
    para(doc, "{%p if punt.deel %}")
    para(doc, "DEEL {{ punt.deel_nummer }}: {{ punt.deel|tekst }}", "Heading 1")
    para(doc, "{%p endif %}")
    runs(doc, ["{{ punt.nummer }}.\t", "{{r punt.titel|md_inline }}"], "Heading 2")
    punt_inhoud(doc, "punt", notities)
    if extra_per_punt:
        extra_per_punt(doc, "punt")
    para(doc, "{%p for onderdeel in punt.onderdelen %}")
    runs(doc, ["{{ onderdeel.letter }})\t", "{{r onderdeel.titel|md_inline }}"], "Heading 3")
    punt_inhoud(doc, "onderdeel", notities)
    if extra_per_punt:
        extra_per_punt(doc, "onderdeel")
    para(doc, "{%p endfor %}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p if vergadering.volgende %}")
    para(
        doc,
        "De volgende vergadering is op {{ vergadering.volgende.datum|datum_lang }}"
        "{% if vergadering.volgende.tijd %}, {{ vergadering.volgende.tijd|tijd }}{% endif %}"
        "{% if vergadering.volgende.locatie %}, {{ vergadering.volgende.locatie }}{% endif %}.",
    )
    para(doc, "{%p endif %}")


def agenda() -> Document:
    doc = new_document()
    header_footer(doc, "{{ document.kop }}")
    para(
        doc,
        "{{ overleg.naam }}{% if overleg.organisatie %} · {{ overleg.organisatie }}{% endif %}",
        size=10,
        color=BLUE,
    )
    para(doc, "Agenda {{ overleg.naam }}", "Title")
    gegevens(doc)
    agenda_body(doc)
    return doc


# --- the annotated agenda ----------------------------------------------------------------

TINT = "FBF3DF"  # the advisor's notes: the same tint and bar as in the PDF
BAR = "B8860B"
ACCENT = RGBColor(0x7A, 0x52, 0x00)
RED = RGBColor(0xAA, 0x00, 0x00)


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


def actie_notitie_rijen(table, notities: str) -> None:
    """Under each action with a note: a tinted row "Annotatie | note" (4 cells merged)."""
    end = table.rows[-1]._tr
    rows = [table.add_row() for _ in range(3)]
    for row in rows:
        end.addprevious(row._tr)
        for cell, width in zip(row.cells, (2.6, 7.4, 3.0, 2.6, 1.9), strict=True):
            cell.width = Cm(width)
    rows[0].cells[0].text = "{%tr if " + notities + ".get(stand.id) %}"
    first, rest = rows[1].cells[0], rows[1].cells[1].merge(rows[1].cells[4])
    label(first.paragraphs[0], "Annotatie")
    rest.paragraphs[0].add_run("{{p " + notities + "[stand.id]|md }}")
    tint(first)
    tint(rest, bar=False)
    rows[2].cells[0].text = "{%tr endif %}"


def annotatie_kader(doc, var: str) -> None:
    """The agenda_body hook: the advisor's note under item `var`, if there is one."""
    note = "per_punt[" + var + ".id]"
    para(doc, "{%p if " + var + ".id in per_punt %}")
    spacer(doc)
    cell = kader(doc)
    label(cell.add_paragraph(), "Annotatie")
    para(cell, "{%p if " + note + ".advies %}")
    para(cell, "{%p if " + note + ".advies_kort %}")
    advies = cell.add_paragraph()
    run = advies.add_run("Advies: ")
    run.bold, run.font.color.rgb = True, ACCENT
    advies.add_run("{{r " + note + ".advies|md_inline }}")
    para(cell, "{%p else %}")
    para(cell, "Advies:", bold=True, color=ACCENT)
    para(cell, "{{p " + note + ".advies|md }}")
    para(cell, "{%p endif %}")
    para(cell, "{%p endif %}")
    para(cell, "{%p if " + note + ".tekst %}")
    para(cell, "{{p " + note + ".tekst|md }}")
    para(cell, "{%p endif %}")
    finish(cell)
    spacer(doc)
    para(doc, "{%p endif %}")


def geannoteerde_agenda() -> Document:
    doc = new_document()
    header_footer(doc, "{{ document.kop }}")
    marking = para(doc, "{{ document.markering }}", bold=True, size=8, color=RED)
    marking.runs[0].font.all_caps = True
    para(
        doc,
        "{{ overleg.naam }}{% if overleg.organisatie %} · {{ overleg.organisatie }}{% endif %}",
        size=10,
        color=BLUE,
    )
    para(doc, "Geannoteerde agenda {{ overleg.naam }}", "Title")
    gegevens(doc)
    for key, title in (("voor", "Voor"), ("auteur", "Van")):
        para(doc, "{%p if annotatie." + key + " %}")
        para(doc, f"{title}: " + "{{ annotatie." + key + " }}")
        para(doc, "{%p endif %}")
    para(doc, "{%p if annotatie.inleiding %}")
    spacer(doc)
    cell = kader(doc)
    label(cell.add_paragraph(), "Inleiding")
    para(cell, "{{p annotatie.inleiding|md }}")
    finish(cell)
    spacer(doc)
    para(doc, "{%p endif %}")
    para(doc, "De agenda is ongewijzigd. {{ uitleg }}", italic=True, size=9, color=GREY)
    agenda_body(doc, extra_per_punt=annotatie_kader, notities="notities")
    return doc


BUILDERS = {
    "agenda.docx": agenda,
    "geannoteerde-agenda.docx": geannoteerde_agenda,
}


# --- minutes and the action-and-decision list (issue #3) ---------------------------------

TABLE_SIZE = Pt(9)
CONCEPT_KOP = "{% if document.markering %}{{ document.markering }} · {% endif %}{{ document.kop }}"


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


def verslag_kop(doc, titel: str) -> None:
    header_footer(doc, CONCEPT_KOP)
    para(
        doc,
        "{{ overleg.naam }}{% if overleg.organisatie %} · {{ overleg.organisatie }}{% endif %}",
        size=10,
        color=BLUE,
    )
    para(doc, titel, "Title")
    para(doc, "{%p if verslag.status == 'vastgesteld' %}")
    para(
        doc,
        "Vastgesteld{% if verslag.vastgesteld_op %} op "
        "{{ verslag.vastgesteld_op|datum_kort }}{% endif %}",
        bold=True,
    )
    para(doc, "{%p else %}")
    para(doc, "CONCEPT: NOG NIET VASTGESTELD", bold=True, color=RGBColor(0xAA, 0, 0))
    para(doc, "{%p endif %}")
    gegevens(doc)
    for key, label, value in (
        ("aanwezig", "Aanwezig", "{{ aanwezig|join('; ') }}"),
        ("afwezig", "Afwezig", "{{ afwezig|join('; ') }}"),
        ("verslag.notulist", "Verslag", "{{ verslag.notulist }}"),
    ):
        para(doc, "{%p if " + key + " %}")
        para(doc, f"{label}: {value}")
        para(doc, "{%p endif %}")


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


def bka_tabel(doc, var: str) -> None:
    para(doc, "{%p if " + var + ".regels %}")
    loop_table(
        doc,
        var + ".regels",
        ("Nr", "B/K/A", "Besluit (B) / Knelpunt (K) / Actie (A)", "Toelichting"),
        (
            "{% if regel.is_besluit %}{{ regel.besluitnummer }}{% elif regel.is_actie %}"
            "{{ regel.id }}{% endif %}",
            "{{ regel.letter }}",
            [
                "{{p regel.tekst|md('Tabeltekst') }}",
                "{%p if regel.is_actie and (regel.wie or regel.termijn) %}",
                "{% if regel.wie %}Wie: {{ regel.wie }}{% endif %}{% if regel.wie and regel.termijn %}"
                " · {% endif %}{% if regel.termijn %}Termijn: {{ regel.termijn|termijn }}{% endif %}",
                "{%p endif %}",
            ],
            "{{p regel.toelichting|md('Tabeltekst') }}",
        ),
        (2.8, 2.4, 7.1, 4.2),
        "regel",
    )
    para(doc, "{%p endif %}")


def verslag_punt(doc, var: str, style: str) -> None:
    runs(
        doc,
        [
            "{{ vergadering.verslag_nummer(" + var + ".punt) }}\t",
            "{{r " + var + ".punt.titel|md_inline }}",
        ],
        style,
    )
    para(doc, "{%p if " + var + ".tekst %}")
    para(doc, "{{p " + var + ".tekst|md }}")
    para(doc, "{%p endif %}")
    bka_tabel(doc, var)
    para(doc, "{%p if " + var + ".punt.acties %}")
    label = para(doc, "Voortgang van de acties uit eerdere vergaderingen", bold=True)
    label.paragraph_format.space_before = Pt(8)
    label.paragraph_format.keep_with_next = True
    para(doc, "{%p if voortgang %}")
    actielijst_tabel(doc, "voortgang", herkomst=False)
    para(doc, "{%p else %}")
    para(doc, "Er stonden geen acties open.", italic=True)
    para(doc, "{%p endif %}")
    para(doc, "{%p endif %}")


def verslag() -> Document:
    doc = new_document()
    verslag_kop(doc, "Verslag {{ overleg.naam }} {{ vergadering.datum|datum_kort }}")
    para(doc, "{%p for punt in punten %}")
    para(doc, "{%p if punt.deel %}")
    para(doc, "DEEL {{ punt.deel_nummer }}: {{ punt.deel|tekst }}", "Heading 1")
    para(doc, "{%p endif %}")
    para(doc, "{%p set vp = verslag_punten[punt.id] %}")
    verslag_punt(doc, "vp", "Heading 2")
    para(doc, "{%p for onderdeel in punt.onderdelen %}")
    para(doc, "{%p set vo = verslag_punten[onderdeel.id] %}")
    verslag_punt(doc, "vo", "Heading 3")
    para(doc, "{%p endfor %}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p if voortgang_apart %}")
    para(doc, "Voortgang van de acties uit eerdere vergaderingen", "Heading 2")
    actielijst_tabel(doc, "voortgang", herkomst=False)
    para(doc, "{%p endif %}")
    volgende(doc)
    fix_grids(doc)
    return doc


def actielijst_tabel(doc, lijst: str, herkomst: bool) -> None:
    actie = [
        "{%p if stand.regel.soort == 'toezegging' %}",
        "TOEZEGGING",
        "{%p endif %}",
        "{{p stand.regel.tekst|md('Tabeltekst') }}",
        "{%p if stand.regel.toelichting %}",
        "{{p stand.regel.toelichting|md('Tabeltekst klein') }}",
        "{%p endif %}",
        "{%p if stand.toelichting %}",
        "{{p stand.toelichting|met_label('Stand van zaken:')|md('Tabeltekst cursief') }}",
        "{%p endif %}",
    ]
    if herkomst:
        actie.append(
            "Uit de vergadering van {{ stand.vergadering.datum|datum_kort }}, punt "
            "{{ stand.vergadering.verslag_nummer(stand.regel.punt) }}"
        )
    table = loop_table(
        doc,
        lijst,
        ("Nr", "Actie", "Verantwoordelijk/betrokken", "Termijn", "Status"),
        (
            "{{ stand.id }}",
            actie,
            "{{ stand.regel.wie or '' }}",
            "{{ stand.termijn|termijn }}{% if stand.te_laat %} (verlopen){% endif %}",
            "{{ stand.status }}",
        ),
        (2.8, 6.4, 3.0, 2.3, 2.0),
        "stand",
    )
    cell = table.rows[2].cells[1]
    for paragraph in cell.paragraphs:
        text = paragraph.text
        for run in paragraph.runs:
            if text == "TOEZEGGING":
                run.bold, run.font.size, run.font.color.rgb = True, Pt(8), BLUE
            elif text.startswith("Uit de vergadering"):
                run.font.size, run.font.color.rgb = Pt(8), GREY


def actie_en_besluitenlijst() -> Document:
    doc = new_document()
    verslag_kop(
        doc,
        "Actie- en besluitenlijst {{ overleg.naam }} - Vergadering "
        "{{ vergadering.datum|datum_kort }}",
    )
    para(doc, "Besluiten en afspraken", "Heading 1")
    para(doc, "{%p if besluiten %}")
    loop_table(
        doc,
        "besluiten",
        ("Nr", "Agendapunt", "Besluit / afspraak", "Toelichting"),
        (
            "{{ regel.besluitnummer }}",
            "{{ vergadering.verslag_nummer(regel.punt) }}",
            [
                "{%p if regel.soort == 'afspraak' %}",
                "AFSPRAAK",
                "{%p endif %}",
                "{{p regel.tekst|md('Tabeltekst') }}",
            ],
            "{{p regel.toelichting|md('Tabeltekst') }}",
        ),
        (1.0, 1.8, 9.4, 4.3),
        "regel",
    )
    para(doc, "{%p else %}")
    para(doc, "In deze vergadering zijn geen besluiten genomen.", italic=True)
    para(doc, "{%p endif %}")
    para(doc, "Actielijst", "Heading 1")
    para(doc, "Nieuwe acties en toezeggingen", "Heading 2")
    para(doc, "{%p if acties.nieuw %}")
    actielijst_tabel(doc, "acties.nieuw", herkomst=False)
    para(doc, "{%p else %}")
    para(doc, "Geen nieuwe acties.", italic=True)
    para(doc, "{%p endif %}")
    para(doc, "Openstaande acties uit eerdere vergaderingen", "Heading 2")
    para(doc, "{%p if acties.lopend %}")
    actielijst_tabel(doc, "acties.lopend", herkomst=True)
    para(doc, "{%p else %}")
    para(doc, "Er staan geen eerdere acties meer open.", italic=True)
    para(doc, "{%p endif %}")
    para(doc, "{%p if acties.gesloten %}")
    para(doc, "Afgerond of vervallen in deze vergadering", "Heading 2")
    actielijst_tabel(doc, "acties.gesloten", herkomst=True)
    para(doc, "{%p endif %}")
    volgende(doc)
    fix_grids(doc)
    return doc


BUILDERS.update(
    {
        "verslag.docx": verslag,
        "actie-en-besluitenlijst.docx": actie_en_besluitenlijst,
    }
)


def main() -> None:
    for name, builder in BUILDERS.items():
        target = TEMPLATES / name
        builder().save(target)
        make_reproducible(target)
        print(f"geschreven: {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
