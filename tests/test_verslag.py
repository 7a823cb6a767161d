"""The minutes: verslag.pdf / verslag.docx, and the minutes as a generated attachment."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

import verslag_werkmap
from conftest import STUKKEN_YAML, docx_text, in_order, pdf_pages, pdf_text, write_files
from soffice import docx_to_pdf
from vergaderstukken.commands.build import build
from vergaderstukken.exceptions import StukkenError
from vergaderstukken.load.werkmap import load_werkmap
from vergaderstukken.render.documents import ANNOTATIE_DOCUMENTS
from vergaderstukken.render.documents import lijsten as render_lijsten
from vergaderstukken.render.documents import verslag as render_verslag
from vergaderstukken.render.documents.verslag import verslag_pdf
from vergaderstukken.render.job import RenderJob


def flat(text: str) -> str:
    """Text with every run of whitespace as one space, so line wrapping does not matter."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def gebouwd(tmp_path_factory) -> Path:
    """The two-meeting workspace, with both meetings built once for this module."""
    root = write_files(
        tmp_path_factory.mktemp("verslag") / "werkmap",
        {"stukken.yaml": STUKKEN_YAML, **verslag_werkmap.files()},
    )
    build(root, "2024-01-24")
    build(root, "2024-03-13")
    return root


def output(root: Path, meeting: str, name: str) -> Path:
    return root / "output" / meeting / name


def test_minutes_show_heading_attendance_and_status(gebouwd):
    text = flat(pdf_text(output(gebouwd, "2024-01-24", "verslag.pdf")))
    assert in_order(
        text,
        "Verslag Regionaal Overleg Water 24 januari 2024",
        "Vastgesteld op 13 maart 2024",
        "Datum woensdag 24 januari 2024",
        "Tijd 15.45 - 17.15 uur",
        "Locatie Gemeentehuis Ede",
        "Voorzitter mw. De Boer",
        "Vergadering nr. 12",
        "Aanwezig Enschede; Hengelo (dhr. Eshuis, gemeentesecretaris); "
        "Twenterand (dhr. Broekhuizen, voorzitter)",
        "Afwezig Haaksbergen (m.k.); Losser",
        "Verslag VR Twente",
    )
    assert "CONCEPT" not in text


def test_minutes_follow_the_agenda_with_parts_and_meeting_numbers(gebouwd):
    text = flat(pdf_text(output(gebouwd, "2024-01-24", "verslag.pdf")))
    assert in_order(
        text,
        "12.1 Opening",
        "DEEL 1: Opvang vluchtelingen Oekraïne",
        "12.2 Actueel beeld",
        "Projectleider licht het landelijk beeld toe:",
        "• Aantal vluchtelingen lijkt te stabiliseren",
        "12.3 Opvanglocaties",  # an item without minutes is still listed
        "12.3a Einddata locaties",
        "DEEL 2: Reguliere asielzoekersproblematiek",
        "12.4 Stand van zaken asiel",
        "12.5 Rondvraag",  # written first in punten:, shown in agenda order
        "Er zijn geen vragen.",
        "De volgende vergadering is op woensdag 13 maart 2024, 15.00 - 16.30 uur, "
        "Raadszaal Almelo.",
    )


def outline(path: Path) -> list[tuple[str, list]]:
    """The PDF's bookmarks as nested [(title, children)]."""
    import pikepdf

    def walk(items) -> list[tuple[str, list]]:
        return [(item.title, walk(item.children)) for item in items]

    with pikepdf.open(path) as pdf, pdf.open_outline() as tree:
        return walk(tree.root)


MINUTES_BOOKMARKS = [
    ("12.1 Opening", []),
    (
        "DEEL 1: Opvang vluchtelingen Oekraïne",
        [
            ("12.2 Actueel beeld", []),
            ("12.3 Opvanglocaties", [("12.3a Einddata locaties", [])]),
        ],
    ),
    (
        "DEEL 2: Reguliere asielzoekersproblematiek",
        [("12.4 Stand van zaken asiel", []), ("12.5 Rondvraag", [])],
    ),
]


def test_minutes_bookmarks_nest_items_under_their_part(gebouwd):
    assert outline(output(gebouwd, "2024-01-24", "verslag.pdf")) == [
        ("Verslag Regionaal Overleg Water 24 januari 2024", MINUTES_BOOKMARKS)
    ]
    # The same minutes as an attachment in the next meeting's pack.
    pack = dict(outline(output(gebouwd, "2024-03-13", "vergaderpakket.pdf")))
    assert pack["Bijlage I — Verslag ROW 24 januari 2024"] == MINUTES_BOOKMARKS


def test_minutes_bookmarks_without_a_meeting_number(workspace, stukken):
    root = workspace({"meetings/2024-01-24/verslag.yaml": "punten:\n  1:\n    tekst: Welkom.\n"})
    assert stukken(root, "build").exit_code == 0
    [(_, items)] = outline(output(root, "2024-01-24", "verslag.pdf"))
    assert [title for title, _ in items] == ["1 Opening", "2 Dijkversterking", "3 Rondvraag"]


def test_bka_entries_in_written_order_with_numbers_and_side_notes(gebouwd):
    layout = pdf_text(output(gebouwd, "2024-01-24", "verslag.pdf"), layout=True)
    rows = [" ".join(line.split()) for line in layout.splitlines()]
    assert "Nr B/K/A Besluit (B) / Knelpunt (K) / Actie (A) Toelichting" in rows
    # As in the published minutes: the item's number, then the entry.
    assert "12.2 K Veel onduidelijkheid over de rolverdeling." in rows
    # The besluit has its toelichting in the side column.
    assert any(
        r.startswith("12.2 B Vragen vanuit gemeenten worden verzameld. Inmiddels 35 mannen")
        for r in rows
    )
    text = flat(pdf_text(output(gebouwd, "2024-01-24", "verslag.pdf")))
    assert in_order(
        text,
        "Veel onduidelijkheid over de rolverdeling.",
        "Vragen vanuit gemeenten worden verzameld.",
        "12.2 A Projectleider Oekraïne brengt de einddata van de opvanglocaties in beeld.",
        # an action's id (how the action list finds it) leads its Wie/Termijn line
        "Actie 2024-01-24.1 · Wie: Projectleider Oekraïne · Termijn: 1 februari 2024",
        "12.3a A Gemeenten leveren hun cijfers aan.",
        "Actie cijfers · Wie: Gemeenten · Termijn: begin februari",
        "12.3a Afspraak Cijfers komen voortaan uit de BRP.",
        "12.4 A COA deelt de presentatie in de nazending.",
        "Actie 2024-01-24.3",
        "12.4 A Secretariaat | ambtelijk overleg stemt de cijfers af.",
    )


def test_concept_minutes_are_marked_on_every_page(gebouwd):
    """In the footer of every page (as text) and as a watermark (outlines, not text)."""
    pages = pdf_pages(output(gebouwd, "2024-03-13", "verslag.pdf"))
    assert len(pages) >= 2
    assert all("CONCEPT" in page for page in pages)
    assert "CONCEPT: NOG NIET VASTGESTELD" in pages[0]
    assert "Vastgesteld op" not in "".join(pages)


def test_minutes_show_progress_of_earlier_actions_under_the_actions_item(gebouwd):
    # Layout mode keeps table rows together: a row's cells come out on one line.
    text = flat(pdf_text(output(gebouwd, "2024-03-13", "verslag.pdf"), layout=True))
    assert in_order(
        text,
        "13.2 Vaststelling verslag 24 januari 2024",
        "13.2 B Het verslag van 24 januari 2024 wordt vastgesteld.",
        "13.2 A Secretariaat plant een werksessie over de Eerste alinea.",
        "Actie 2024-03-13.1 · Wie: Secretariaat · Termijn: 1 april 2024",
        "13.2 Toezegging De voorzitter informeert de Commissaris van de Koning.",
        "Toezegging 2024-03-13.2 · Wie: Voorzitter · Termijn: voor de zomer",
        "Voortgang van de acties uit eerdere vergaderingen",
        "2024-01-24.1 Projectleider Oekraïne brengt de Projectleider 1 februari 2024 afgerond",
        "cijfers Gemeenten leveren hun cijfers aan. Gemeenten begin februari vervallen",
        "Stand van zaken: Niet meer",
        "2024-01-24.3 COA deelt de presentatie in de COA 15 april 2024 loopt",
        "Stand van zaken: Presentatie",
        "2024-01-24.4",
        "29 februari 2024",  # a date stays whole
        "open",
        "(verlopen)",
        "13.3 Rondvraag",
        "Alinea 1:",
    )


def test_minutes_docx_text_and_concept_header(gebouwd):
    path = output(gebouwd, "2024-03-13", "verslag.docx")
    text = docx_text(path)
    assert in_order(
        text,
        "Verslag Regionaal Overleg Water 13 maart 2024",
        "CONCEPT: NOG NIET VASTGESTELD",
        "Aanwezig: Enschede; Hengelo",
        "Afwezig: Losser (m.k.)",
        "13.1\tOpening",
        "13.2\tVaststelling verslag 24 januari 2024",
        "Nr | B/K/A | Besluit (B) / Knelpunt (K) / Actie (A) | Toelichting",
        # numbered like the PDF: the item's number; an action's id leads its Wie line
        "13.2 | B | Het verslag van 24 januari 2024 wordt vastgesteld. | ",
        "13.2 | A | Secretariaat plant een werksessie over de portefeuilles."
        "Actie 2024-03-13.1 · Wie: Secretariaat · Termijn: 1 april 2024 | Eerste alinea.",
        "13.2 | Toezegging | De voorzitter informeert de Commissaris van de Koning."
        "Toezegging 2024-03-13.2 · Wie: Voorzitter · Termijn: voor de zomer | ",
        "Voortgang van de acties uit eerdere vergaderingen",
        "2024-01-24.4 | Secretariaat | ambtelijk overleg stemt de cijfers af.",
        "29 februari 2024 (verlopen) | open",
        "13.3\tRondvraag",
    )
    section = Document(str(path)).sections[0]
    assert "CONCEPT" in section.header.paragraphs[0].text
    assert section.footer.paragraphs[0].text.startswith("CONCEPT")


def test_vastgesteld_docx_has_no_concept_marking(gebouwd):
    path = output(gebouwd, "2024-01-24", "verslag.docx")
    text = docx_text(path)
    assert in_order(
        text,
        "Vastgesteld op 13 maart 2024",
        "DEEL 1: Opvang vluchtelingen Oekraïne",
        "12.2\tActueel beeld",
        "12.3a\tEinddata locaties",
        "DEEL 2: Reguliere asielzoekersproblematiek",
    )
    lines = text.splitlines()
    # No entry of item 12.3a has a toelichting: its table has no Toelichting column.
    start = lines.index("12.3a\tEinddata locaties")
    assert lines[start + 1 : start + 4] == [
        "Nr | B/K/A | Besluit (B) / Knelpunt (K) / Actie (A)",
        "12.3a | A | Gemeenten leveren hun cijfers aan."
        "Actie cijfers · Wie: Gemeenten · Termijn: begin februari",
        "12.3a | Afspraak | Cijfers komen voortaan uit de BRP.",
    ]
    section = Document(str(path)).sections[0]
    assert "CONCEPT" not in section.header.paragraphs[0].text + text


def test_minutes_docx_converts_with_libreoffice(gebouwd, tmp_path):
    pdf = docx_to_pdf(output(gebouwd, "2024-01-24", "verslag.docx"), tmp_path)
    text = flat(pdf_text(pdf, layout=True))  # reading order: the running header stays apart
    assert in_order(
        text,
        "Verslag Regionaal Overleg Water 24 januari 2024",
        "12.2 Actueel beeld",
        "Inmiddels 35 mannen",
        "12.5 Rondvraag",
        "Er zijn geen vragen.",
    )


def test_minutes_of_an_earlier_meeting_as_attachment(gebouwd):
    workspace, _ = load_werkmap(gebouwd, tot="2024-03-13")
    meeting, earlier = workspace.vergadering("2024-03-13"), workspace.vergadering("2024-01-24")
    bijlage = meeting.bijlagen[0]
    assert (bijlage.soort, bijlage.verslag, bijlage.label) == ("verslag", "2024-01-24", "Bijlage I")
    assert bijlage.titel == "Verslag ROW 24 januari 2024"  # the default title
    job = RenderJob(workspace, meeting)
    pdf = verslag_pdf(job, earlier)
    assert verslag_pdf(job, earlier) is pdf  # rendered once per build
    text = flat(pdf_text(write_bytes(gebouwd / "bijlage.pdf", pdf)))
    # Rendered with that meeting's own data: its date, number and status.
    assert in_order(
        text,
        "Verslag Regionaal Overleg Water 24 januari 2024",
        "Vastgesteld op 13 maart 2024",
        "12.2 Actueel beeld",
    )
    assert "CONCEPT" not in text
    assert "13 maart 2024 wordt vastgesteld" not in text


def test_agenda_lists_the_generated_minutes_attachment(gebouwd):
    text = flat(pdf_text(output(gebouwd, "2024-03-13", "agenda.pdf")))
    assert "Bijlage I: Verslag ROW 24 januari 2024" in text


def test_no_minutes_without_verslag_yaml(workspace, stukken):
    root = workspace()
    result = stukken(root, "build", "2024-01-24")
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in (root / "output" / "2024-01-24").iterdir())
    assert names == ["agenda.docx", "agenda.pdf", "vergadering.ics", "vergaderpakket.pdf"]


def test_workspace_template_overrides_the_minutes(gebouwd, tmp_path):
    root = write_files(
        tmp_path / "eigen",
        {
            "stukken.yaml": STUKKEN_YAML,
            **verslag_werkmap.files(),
            "templates/verslag.html": (
                '{% extends "builtin/verslag.html" %}\n'
                "{% block inhoud %}<p>Eigen kop</p>{{ super() }}{% endblock %}\n"
            ),
        },
    )
    build(root, "2024-01-24")
    text = flat(pdf_text(output(root, "2024-01-24", "verslag.pdf")))
    assert in_order(text, "Eigen kop", "Verslag Regionaal Overleg Water", "12.5 Rondvraag")


def write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_minutes_are_not_rendered_for_a_meeting_without_them(workspace):
    ws, _ = load_werkmap(workspace())
    job = RenderJob(ws, ws.vergaderingen[0])
    with pytest.raises(StukkenError, match="vergadering 2024-01-24 heeft \\(nog\\) geen verslag"):
        verslag_pdf(job, ws.vergaderingen[0])
    assert render_verslag.documents(job) == {}


def test_only_annotatie_builds_no_minutes():
    """`--annotatie` renders from its own list of documents, which holds no minutes."""
    assert render_verslag.documents not in ANNOTATIE_DOCUMENTS
    assert render_lijsten.documents not in ANNOTATIE_DOCUMENTS


# --- Markdown blocks in table cells ------------------------------------------------------

MARKDOWN_CELLS = {
    "meetings/2024-01-24/agenda.yaml": """\
        datum: 2024-01-24
        nummer: 12
        agenda:
          - titel: Opvang
            id: opvang
        """,
    "meetings/2024-01-24/verslag.yaml": """\
        status: vastgesteld
        vastgesteld_op: 2024-03-13
        punten:
          opvang:
            bka:
              - besluit: |
                  De TRA besluit:

                  - plekken te verdelen;
                  - de provincie te vragen.
                toelichting: |
                  Verdeling:

                  | Gemeente | Plekken |
                  |----------|---------|
                  | Almelo   | 120     |
              - actie: Gemeenten leveren cijfers aan.
                id: cijfers
                wie: Gemeenten
                toelichting: |
                  - per week
                  - per gemeente
        """,
    "meetings/2024-03-13/agenda.yaml": """\
        datum: 2024-03-13
        agenda:
          - titel: Acties
            acties: true
        """,
    "meetings/2024-03-13/verslag.yaml": """\
        acties:
          cijfers:
            status: loopt
            toelichting: |
              | Gemeente | Week |
              |----------|------|
              | Hengelo  | 10   |
        """,
}


@pytest.fixture(scope="module")
def markdown_cellen(tmp_path_factory) -> Path:
    root = write_files(
        tmp_path_factory.mktemp("cellen") / "werkmap",
        {"stukken.yaml": STUKKEN_YAML, **MARKDOWN_CELLS},
    )
    build(root, "2024-01-24")
    build(root, "2024-03-13")
    return root


def table_rows(path: Path) -> list[str]:
    """The PDF's text lines, whitespace runs as one space (a table row is one line)."""
    return [flat(line) for line in pdf_text(path, layout=True).splitlines() if line.strip()]


def test_markdown_tables_and_lists_in_pdf_table_cells(markdown_cellen):
    for meeting, name, row in (
        ("2024-01-24", "verslag.pdf", "Almelo 120"),
        ("2024-01-24", "actie-en-besluitenlijst.pdf", "Almelo 120"),
        ("2024-03-13", "verslag.pdf", "Hengelo 10"),  # stand van zaken
        ("2024-03-13", "actie-en-besluitenlijst.pdf", "Hengelo 10"),
    ):
        path = output(markdown_cellen, meeting, name)
        text = pdf_text(path)
        assert "|" not in text and "---" not in text, name
        assert any(line.endswith(row) for line in table_rows(path)), (meeting, name)
    rows = table_rows(output(markdown_cellen, "2024-01-24", "verslag.pdf"))
    assert any(line.endswith("• per week") for line in rows)
    lijst = flat(pdf_text(output(markdown_cellen, "2024-03-13", "actie-en-besluitenlijst.pdf")))
    assert "• per week • per gemeente Stand van zaken: Gemeente Week Hengelo 10" in lijst


def test_markdown_tables_and_lists_in_docx_table_cells(markdown_cellen, tmp_path):
    verslag = output(markdown_cellen, "2024-01-24", "verslag.docx")
    lines = docx_text(verslag).splitlines()
    # A cell's paragraphs run together in docx_text; a nested table's rows follow its row.
    start = lines.index("Nr | B/K/A | Besluit (B) / Knelpunt (K) / Actie (A) | Toelichting")
    assert lines[start + 1 : start + 5] == [
        "12.1 | B | De TRA besluit:•\tplekken te verdelen;•\tde provincie te vragen. | "
        "Verdeling:GemeentePlekkenAlmelo120",
        "Gemeente | Plekken",
        "Almelo | 120",
        "12.1 | A | Gemeenten leveren cijfers aan.Actie cijfers · Wie: Gemeenten | "
        "•\tper week•\tper gemeente",
    ]
    lijst = docx_text(output(markdown_cellen, "2024-01-24", "actie-en-besluitenlijst.docx"))
    assert in_order(lijst, "| Verdeling:GemeentePlekkenAlmelo120\nGemeente | Plekken\nAlmelo | 120")
    assert in_order(lijst, "Gemeenten leveren cijfers aan.•\tper week•\tper gemeente | Gemeenten")
    for name in ("verslag.docx", "actie-en-besluitenlijst.docx"):
        text = docx_text(output(markdown_cellen, "2024-03-13", name))
        # the label has a paragraph of its own: the text opens with a table
        assert in_order(
            text, "Stand van zaken:GemeenteWeekHengelo10", "Gemeente | Week\nHengelo | 10"
        )
        assert "---" not in text
    document = Document(str(verslag))
    cells = [cell for table in document.tables for row in table.rows for cell in row.cells]
    # Word refuses a cell that does not end in a paragraph; a field may end in a table.
    assert all(cell._tc[-1].tag.endswith("}p") for cell in cells)
    # The field takes the table's small type: the template's style for Markdown in cells.
    styles = {p.text: p.style.name for cell in cells for p in cell.paragraphs}
    assert styles["•\tper week"] == styles["Verdeling:"] == "Tabeltekst"
    converted = flat(pdf_text(docx_to_pdf(verslag, tmp_path)))
    assert in_order(converted, "De TRA besluit:", "plekken te verdelen", "Verdeling:")
    assert "Plekken" in converted and "|" not in converted


def test_an_entry_longer_than_a_page_starts_under_its_heading(workspace, stukken):
    alineas = "\n\n".join(
        f"Alinea {n}: de deelnemers bespreken uitvoerig de stand van zaken in de regio en de "
        "gevolgen voor de opvang."
        for n in range(1, 40)
    )
    besluit = "".join(f"          {line}\n" if line else "\n" for line in alineas.splitlines())
    root = workspace(
        {
            "meetings/2024-01-24/verslag.yaml": "punten:\n  1:\n    tekst: Welkom.\n"
            "  dijk:\n    bka:\n      - besluit: |\n" + besluit + "      - knelpunt: Kort.\n"
        }
    )
    assert stukken(root, "build").exit_code == 0
    pages = [flat(page) for page in pdf_pages(output(root, "2024-01-24", "verslag.pdf"))]
    # The entry breaks across pages instead of leaving its heading behind on a bare page.
    [first] = [page for page in pages if "2 Dijkversterking" in page]
    assert in_order(first, "2 Dijkversterking", "Nr B/K/A", "2 B Alinea 1:")
    # (the wider entry column fits it on two pages; the next entry starts the third)
    assert len(pages) == 3 and "Alinea 39:" in pages[1] and "2 K Kort." in pages[2]


def test_only_long_rows_may_break_across_pages():
    from vergaderstukken.render.engines.templates import lange_rij

    assert not lange_rij("Een kort besluit.", "Een korte toelichting.")
    assert not lange_rij("Tien regels.\n" * 10, None)
    assert lange_rij("Dertig regels.\n" * 30, None)
    assert lange_rij("x" * 50 * 26, None)  # one paragraph that wraps to 26 lines
    assert lange_rij("Kort.", "Een toelichting van een paar regels. " * 16)  # the narrow column
