"""The agenda, as PDF and DOCX: content, numbering, open actions, safety, reproducibility."""

from __future__ import annotations

import re

from conftest import docx_text, in_order, pdf_pages, pdf_text
from soffice import docx_to_pdf

AGENDA = "meetings/2024-01-24/agenda.yaml"

FULL_AGENDA = """\
datum: 2024-01-24
tijd: 15:45-17:15
nummer: 12
agenda:
  - titel: Opening & vaststellen agenda
  - titel: Actualiteiten
    deel: Opvang vluchtelingen Oekraïne
    toelichting: |
      O.a. Spreidingswet, [uitspraak RvS](https://example.org/rvs).

      | Gemeente | Plekken |
      |----------|---------|
      | Almelo   | 120     |
  - id: portefeuilles
    titel: Voorstel versterking TRA
    doel: besluitvorming
    bijlagen: [voorstel, verslag-prt]
    vragen:
      - Onderschrijft u het idee?
      - Geeft u opdracht?
  - titel: Ter kennisname
    deel: Reguliere asielzoekersproblematiek
    onderdelen:
      - titel: Verslag PRT
        bijlagen: [verslag-prt]
      - titel: Brief minister
        bijlagen: [brief]
  - titel: Openstaande acties
    acties: true
  - titel: Wvttk
bijlagen:
  - {id: brief, titel: Brief van de minister, bestand: bijlagen/plan.md}
  - {id: verslag-prt, titel: Conceptverslag PRT, bestand: bijlagen/plan.md}
  - {id: voorstel, titel: Voorstel portefeuilles, bestand: bijlagen/plan.md}
volgende:
  datum: 2024-03-13
  tijd: 15:00-16:30
  locatie: Raadszaal Almelo
"""

EARLIER = {
    "meetings/2023-12-13/agenda.yaml": "datum: 2023-12-13\nagenda:\n  - titel: Opvang\n",
    "meetings/2023-12-13/verslag.yaml": """\
        punten:
          opvang:
            bka:
              - actie: Gemeenten leveren cijfers aan.
                wie: Secretariaat
                termijn: 2024-01-10
              - besluit: Er komt een regionaal beeld.
              - toezegging: Provincie zoekt locaties.
                wie: Provincie
                termijn: eind februari
              - actie: Notitie over vervoer.
                wie: Almelo
        """,
}


def build(workspace, stukken, files=None):
    root = workspace({AGENDA: FULL_AGENDA, **EARLIER, **(files or {})})
    result = stukken(root, "build", "2024-01-24")
    assert result.exit_code == 0, result.stderr
    return root, root / "output/2024-01-24"


def test_agenda_pdf_content(workspace, stukken):
    _, out = build(workspace, stukken)
    text = pdf_text(out / "agenda.pdf")
    assert in_order(
        text,
        "Waterschap Vallei",  # the organisation above the title, the committee in it
        "Agenda Regionaal Overleg Water",
        "woensdag 24 januari 2024",
        "15.45 - 17.15 uur",
        "Gemeentehuis Ede",
        "mw. De Boer",
        "1.",
        "Opening & vaststellen agenda",
        "DEEL 1: Opvang vluchtelingen Oekraïne",
        "2.",
        "Actualiteiten",
        "uitspraak RvS",
        "Gemeente",
        "Plekken",
        "Almelo",
        "120",
        "Voorstel versterking TRA",
        "ter besluitvorming",
        "1. Onderschrijft u het idee?",
        "2. Geeft u opdracht?",
        "Bijlage I: Voorstel portefeuilles",
        "Bijlage II: Conceptverslag PRT",
        "DEEL 2: Reguliere asielzoekersproblematiek",
        "4.",
        "Ter kennisname",
        "a)",
        "Verslag PRT",
        "Bijlage II: Conceptverslag PRT",
        "b)",
        "Brief minister",
        "Bijlage III: Brief van de minister",
        "5.",
        "Openstaande acties",
        "6.",
        "Wvttk",
        "De volgende vergadering is op woensdag 13 maart 2024, 15.00 - 16.30 uur, "
        "Raadszaal Almelo.",
    )
    pages = pdf_pages(out / "agenda.pdf")
    assert all(f"Pagina {i} van {len(pages)}" in page for i, page in enumerate(pages, 1))


def test_open_actions_carried_from_previous_meeting(workspace, stukken):
    _, out = build(workspace, stukken)
    text = pdf_text(out / "agenda.pdf", layout=True)
    acties = text[text.index("Openstaande acties") : text.index("Wvttk")]
    assert in_order(
        acties,
        "2023-12-13.1",
        "Gemeenten leveren cijfers aan.",
        "Secretariaat",
        "10 januari",
        "open",
    )
    # the action's text has half the table: in the narrow Termijn column the year may go
    # to the next line, "10 januari" stays whole
    assert re.search(r"Secretariaat +10 januari +open\n +2024\n +\(verlopen\)", acties)
    assert in_order(
        acties, "2023-12-13.2", "Provincie zoekt locaties.", "Provincie", "eind februari"
    )
    assert "2023-12-13.3" in acties and "Notitie over vervoer." in acties
    assert "Er komt een regionaal beeld." not in acties  # a decision is not an action


def test_closed_actions_leave_the_agenda(workspace, stukken):
    files = {
        "meetings/2024-01-10/agenda.yaml": "datum: 2024-01-10\nagenda:\n  - titel: Tussendoor\n",
        "meetings/2024-01-10/verslag.yaml": """\
            acties:
              2023-12-13.1: afgerond
              2023-12-13.3: {status: vervallen}
              2023-12-13.2: {termijn: 2024-03-01, toelichting: Loopt via de provincie.}
            """,
    }
    _, out = build(workspace, stukken, files)
    text = pdf_text(out / "agenda.pdf")
    assert "Gemeenten leveren cijfers aan." not in text
    assert "Notitie over vervoer." not in text
    assert in_order(text, "Provincie zoekt locaties.", "Loopt via de provincie.", "1 maart 2024")
    docx = docx_text(out / "agenda.docx")  # the progress note is in the Word agenda too
    assert "| Provincie zoekt locaties.Loopt via de provincie. | Provincie | 1 maart 2024 |" in docx


def test_agenda_without_open_actions_says_so(workspace, stukken):
    root = workspace({AGENDA: "datum: 2024-01-24\nagenda:\n  - titel: Acties\n    acties: true\n"})
    assert stukken(root, "build").exit_code == 0
    assert "Er staan geen acties open." in pdf_text(root / "output/2024-01-24/agenda.pdf")


def test_agenda_pdf_is_a4_tagged_dutch_with_embedded_font_and_bookmarks(workspace, stukken):
    import pikepdf

    _, out = build(workspace, stukken)
    with pikepdf.open(out / "agenda.pdf") as pdf:
        assert [round(float(v)) for v in pdf.pages[0].mediabox] == [0, 0, 595, 842]
        assert str(pdf.Root.Lang) == "nl"
        assert pdf.Root.MarkInfo.Marked
        assert str(pdf.docinfo.Title) == "Agenda Regionaal Overleg Water 24 januari 2024"
        fonts = {str(f.BaseFont) for page in pdf.pages for f in page.Resources.Font.values()}
        assert any("Lato" in font for font in fonts)
        with pdf.open_outline() as outline:
            tree = [
                (item.title, [(c.title, [g.title for g in c.children]) for c in item.children])
                for item in outline.root
            ]
    # The title holds the parts; items sit under their part, sub-items under their item.
    assert len(tree) == 1 and tree[0][0] == "Agenda Regionaal Overleg Water"
    parts = dict(tree[0][1])
    assert list(parts)[:2] == [
        "1. Opening & vaststellen agenda",
        "DEEL 1: Opvang vluchtelingen Oekraïne",
    ]
    assert parts["DEEL 1: Opvang vluchtelingen Oekraïne"] == [
        "2. Actualiteiten",
        "3. Voorstel versterking TRA",
    ]


def test_agenda_docx_content_and_libreoffice(workspace, stukken, tmp_path):
    _, out = build(workspace, stukken)
    text = docx_text(out / "agenda.docx")
    assert in_order(
        text,
        "Agenda Regionaal Overleg Water",
        "Datum: woensdag 24 januari 2024",
        "Tijd: 15.45 - 17.15 uur",
        "Vergadering: nr. 12",  # as agenda.pdf and the minutes show it
        "1.\tOpening & vaststellen agenda",
        "DEEL 1: Opvang vluchtelingen Oekraïne",
        "2.\tActualiteiten",
        "Almelo | 120",
        "3.\tVoorstel versterking TRA",
        "ter besluitvorming",
        "1.\tOnderschrijft u het idee?",
        "Bijlage I: Voorstel portefeuilles",
        "4.\tTer kennisname",
        "a)\tVerslag PRT",
        "b)\tBrief minister",
        "5.\tOpenstaande acties",
        "2023-12-13.1 | Gemeenten leveren cijfers aan.",
        "6.\tWvttk",
        "De volgende vergadering is op woensdag 13 maart 2024",
    )
    from docx import Document

    section = Document(str(out / "agenda.docx")).sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    pdf = docx_to_pdf(out / "agenda.docx", tmp_path / "lo")
    converted = pdf_text(pdf)
    assert in_order(
        converted,
        "Opening & vaststellen agenda",
        "Voorstel versterking TRA",
        "Gemeenten leveren cijfers",
        "Wvttk",
    )


QUESTIONS = """\
datum: 2024-01-24
agenda:
  - titel: Portefeuilles
    id: portefeuilles
    vragen:
      - Onderschrijft u het idee?
      - |
        Welke verdeling kiest u?

        | Portefeuille | Trekker |
        |--------------|---------|
        | Huisvesting  | Almelo  |
      - |
        Kiest u voor:
        - optie **A**, of
        - optie B?
      - Geeft u opdracht?
"""


def test_questions_are_markdown_with_tables_and_lists(workspace, stukken):
    root = workspace(
        {
            AGENDA: QUESTIONS,
            "meetings/2024-01-24/annotaties/adviseur.yaml": "punten:\n  portefeuilles: Ja.\n",
        }
    )
    result = stukken(root, "build", "2024-01-24")
    assert result.exit_code == 0, result.stderr
    out = root / "output/2024-01-24"
    for name in ("agenda", "geannoteerde-agenda-adviseur"):
        rows = [
            " ".join(line.split())
            for line in pdf_text(out / f"{name}.pdf", layout=True).splitlines()
        ]
        rows = [row for row in rows if row]
        start = rows.index("Vragen aan de vergadering")
        assert rows[start + 1 : start + 9] == [
            "1. Onderschrijft u het idee?",
            "2. Welke verdeling kiest u?",
            "Portefeuille Trekker",  # a table inside the question, not its Markdown source
            "Huisvesting Almelo",
            "3. Kiest u voor:",
            "◦ optie A, of",
            "◦ optie B?",
            "4. Geeft u opdracht?",
        ], name
        lines = docx_text(out / f"{name}.docx").splitlines()
        start = lines.index("Vragen aan de vergadering")
        assert lines[start + 1 : start + 9] == [
            "1.\tOnderschrijft u het idee?",
            "2.\tWelke verdeling kiest u?",
            "Portefeuille | Trekker",
            "Huisvesting | Almelo",
            "3.\tKiest u voor:",
            "optie A, of",
            "optie B?",
            "4.\tGeeft u opdracht?",
        ], name


def test_builds_are_byte_identical(workspace, stukken):
    root, out = build(workspace, stukken)
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    assert stukken(root, "build", "2024-01-24").exit_code == 0
    second = {p.name: p.read_bytes() for p in out.iterdir()}
    assert first.keys() == second.keys() and first == second


def test_failed_build_keeps_previous_output_and_sources(workspace, stukken):
    root, out = build(workspace, stukken)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    sources = {p: p.read_bytes() for p in (root / "meetings").rglob("*") if p.is_file()}
    (root / AGENDA).write_text(FULL_AGENDA.replace("doel: besluitvorming", "doel: beslissen"))
    result = stukken(root, "build", "2024-01-24")
    assert result.exit_code == 1
    assert result.lines[0].startswith(f"{AGENDA}:16: 'doel': onbekende waarde 'beslissen'")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    sources[root / AGENDA] = (root / AGENDA).read_bytes()
    assert {p: p.read_bytes() for p in (root / "meetings").rglob("*") if p.is_file()} == sources
    # no temp left; beside the meeting only the build cache (render/cache.py)
    assert sorted(p.name for p in (root / "output").iterdir()) == [".cache", "2024-01-24"]


def test_raw_html_is_text_and_nothing_is_fetched(workspace, stukken):
    root = workspace(
        {
            AGENDA: """\
        datum: 2024-01-24
        agenda:
          - titel: Veiligheid <script>alert(1)</script>
            toelichting: |
              Tekst met <b>vet</b> & <img src="http://example.org/x.png">.

              ![extern](http://127.0.0.1:9/lek.png) ![lokaal](file:///etc/hostname)
              ![buiten](../../../../etc/hostname.png)
        """
        }
    )
    result = stukken(root, "build")
    assert result.exit_code == 0, result.stderr
    text = pdf_text(root / "output/2024-01-24/agenda.pdf")
    assert "Veiligheid <script>alert(1)</script>" in text
    assert 'Tekst met <b>vet</b> & <img src="http://example.org/x.png">.' in text
    # One warning per image for all documents, at the field (line 4: toelichting).
    assert [line for line in result.lines if "afbeelding" in line] == [
        f"{AGENDA}:4: waarschuwing: afbeelding 'http://127.0.0.1:9/lek.png' is niet opgenomen "
        "in de documenten: stukken haalt niets van internet",
        f"{AGENDA}:4: waarschuwing: afbeelding '../../../../etc/hostname.png' is niet "
        "opgenomen in de documenten: alleen bestanden binnen de werkmap worden gebruikt",
    ]
    docx = docx_text(root / "output/2024-01-24/agenda.docx")
    assert "Tekst met <b>vet</b> & <img" in docx


def test_workspace_template_overrides_and_extends_builtin(workspace, stukken):
    root = workspace(
        {
            "templates/agenda.html": """\
        {% extends "builtin/agenda.html" %}
        {% block inhoud %}<p>Eigen huisstijl voor {{ overleg.afkorting }}</p>{{ super() }}{% endblock %}
        """
        }
    )
    assert stukken(root, "build").exit_code == 0
    text = pdf_text(root / "output/2024-01-24/agenda.pdf")
    assert in_order(text, "Eigen huisstijl voor ROW", "Agenda Regionaal Overleg Water")


def test_broken_template_variable_fails_with_name_and_line(workspace, stukken):
    root = workspace(
        {
            "templates/agenda.html": """\
        {% extends "builtin/agenda.html" %}
        {% block inhoud %}
        <p>{{ vergadering.onbekend }}</p>
        {% endblock %}
        """
        }
    )
    result = stukken(root, "build")
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("fout: ")
    assert "templates/agenda.html:3: sjabloonfout: " in result.stderr
    assert "onbekend" in result.stderr
    assert not (root / "output/2024-01-24").exists()


def test_template_syntax_error_names_the_file(workspace, stukken):
    root = workspace(
        {"templates/agenda.html": "{% extends 'builtin/agenda.html' %}\n{% block %}\n"}
    )
    result = stukken(root, "build")
    assert result.exit_code == 1
    assert "templates/agenda.html:2: sjabloonfout: " in result.stderr


def test_markdown_links_stay_clickable(workspace, stukken):
    import pikepdf

    _, out = build(workspace, stukken)
    with pikepdf.open(out / "agenda.pdf") as pdf:
        uris = [
            str(annot.A.URI)
            for page in pdf.pages
            for annot in page.get("/Annots", [])
            if "/A" in annot and "/URI" in annot.A
        ]
    assert "https://example.org/rvs" in uris


def test_output_folder_may_not_overwrite_sources(workspace, stukken):
    root = workspace()
    before = {p: p.read_bytes() for p in (root / "meetings").rglob("*") if p.is_file()}
    for uitvoer in ("meetings", "templates", "meetings/2024-01-24/bijlagen", ".", ".."):
        result = stukken(root, "build", "2024-01-24", "--uitvoer", uitvoer)
        if uitvoer in (".", ".."):  # a 2024-01-24/ beside meetings/ touches no source
            assert result.exit_code == 0, result.stderr
            continue
        assert result.exit_code == 1, uitvoer
        assert "valt samen met de bronbestanden van de werkmap" in result.stderr
    assert {p: p.read_bytes() for p in (root / "meetings").rglob("*") if p.is_file()} == before


def test_question_ten_keeps_its_list_inside_its_item():
    from vergaderstukken.markdown import render_block
    from vergaderstukken.render.engines.templates import vragenlijst

    markdown = vragenlijst([f"Vraag {n}?" for n in range(1, 10)] + ["Tien:\n- a\n\n- b"])
    assert markdown.startswith("1. Vraag 1?\n2. Vraag 2?\n")
    assert markdown.endswith("10. Tien:\n    - a\n\n    - b\n")  # indented by "10. "
    html = str(render_block(markdown))
    assert html.count("<li>") == 12 and html.count("<ol>") == 1 and "<ul>" in html
