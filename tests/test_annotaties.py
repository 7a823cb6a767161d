"""Annotated agendas (issue #4): one document per advisor's overlay, the full agenda with
the notes under the right items and actions, marked as internal advice, and no overlay
text in any other output file."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from alle_tekst import everything_in
from annotatie_werkmap import BASE, MARKERING, NOORD, OVERLAYS, ZUID, out
from conftest import docx_text, in_order, pdf_pages, pdf_text, write_files
from soffice import docx_to_pdf


@pytest.fixture
def annotated(workspace, stukken):
    """The workspace of annotatie_werkmap, built; returns its root."""
    root = workspace({**BASE, **OVERLAYS})
    result = stukken(root, "build", "2024-01-24")
    assert result.exit_code == 0, result.stderr
    return root


# --- placement -------------------------------------------------------------------------


def test_each_overlay_gets_its_own_documents(annotated, stukken):
    names = sorted(p.name for p in (annotated / "output" / "2024-01-24").iterdir())
    for naam in ("noord", "zuid"):
        assert f"geannoteerde-agenda-{naam}.pdf" in names
        assert f"geannoteerde-agenda-{naam}.docx" in names


def test_pdf_shows_the_full_agenda_with_notes_under_their_items(annotated):
    text = " ".join(pdf_text(out(annotated, "geannoteerde-agenda-noord.pdf")).split())
    assert in_order(
        text,
        MARKERING.upper(),
        "Geannoteerde agenda Regionaal Overleg Water",
        "woensdag 24 januari 2024",
        "Voor",
        NOORD["voor"],
        "Van",
        NOORD["auteur"],
        "INLEIDING",
        NOORD["inleiding"],
        "1.",
        "Opening",
        "DEEL 1: Water",
        "2.",
        "Dijkversterking",
        "ter besluitvorming",
        "Het plan ligt ter besluitvorming voor.",
        "Vragen aan de vergadering",
        "Stemt u in met het plan?",
        "Bijlage I: Plan dijkversterking",
        "ANNOTATIE",
        f"Advies: Instemmen, {NOORD['advies']}",
        NOORD["tekst"],
        "eerste bolletje",
        "tweede bolletje",
        "3.",
        "Ter kennisname",
        "a)",
        "Verslag werkgroep",
        "b)",
        "Brief provincie",
        "ANNOTATIE",
        NOORD["brief"],
        "4.",
        "Openstaande acties",
        "DEEL 2: Afsluiting",
        "5.",
        "Rondvraag",
        "De volgende vergadering is op woensdag 13 maart 2024",
    )
    # Markdown is rendered, not shown as markup.
    assert "**" not in text
    # Nothing annotated where the overlay says nothing.
    between = text[text.index("Verslag werkgroep") : text.index("Brief provincie")]
    assert "ANNOTATIE" not in between
    assert text.count("ANNOTATIE") == 3  # dijk, 3b and the action note


def test_pdf_action_note_sits_under_its_action(annotated):
    text = pdf_text(out(annotated, "geannoteerde-agenda-noord.pdf"), layout=True)
    lines = [line for line in text.splitlines() if line.strip()]
    kaart = next(i for i, line in enumerate(lines) if line.strip().startswith("kaart "))
    note = next(i for i, line in enumerate(lines) if NOORD["actie"] in line)
    ede = next(i for i, line in enumerate(lines) if line.strip().startswith("2023-12-01.2"))
    assert kaart < note < ede
    assert lines[note].split()[0] == "ANNOTATIE"
    # The other open actions are all there, without notes.
    assert "regeling" in text and text.count("ANNOTATIE") == 3


def test_docx_shows_the_same_content_in_the_same_places(annotated):
    text = docx_text(out(annotated, "geannoteerde-agenda-noord.docx"))
    assert in_order(
        text,
        MARKERING,
        "Geannoteerde agenda Regionaal Overleg Water",
        f"Voor: {NOORD['voor']}",
        f"Van: {NOORD['auteur']}",
        "Inleiding",
        NOORD["inleiding"],
        "1.\tOpening",
        "DEEL 1: Water",
        "2.\tDijkversterking",
        "ter besluitvorming",
        "Stemt u in met het plan?",
        "Bijlage I: Plan dijkversterking",
        "Annotatie",
        f"Advies: Instemmen, {NOORD['advies']}",
        NOORD["tekst"],
        "3.\tTer kennisname",
        "a)\tVerslag werkgroep",
        "b)\tBrief provincie",
        "Annotatie",
        NOORD["brief"],
        "4.\tOpenstaande acties",
        "DEEL 2: Afsluiting",
        "5.\tRondvraag",
        "De volgende vergadering is op woensdag 13 maart 2024",
    )
    lines = text.splitlines()
    kaart = next(i for i, line in enumerate(lines) if line.startswith("kaart |"))
    assert lines[kaart + 1] == f"Annotatie | Is hier al zicht op? {NOORD['actie']}"
    assert lines[kaart + 2].startswith("2023-12-01.2 |")


def test_docx_renders_markdown_in_notes(annotated):
    from docx import Document

    document = Document(str(out(annotated, "geannoteerde-agenda-noord.docx")))
    runs = [
        run
        for table in document.tables
        for cell in table._cells
        for paragraph in cell.paragraphs
        for run in paragraph.runs
    ]
    assert any(run.text == "vetgedrukt" and run.bold for run in runs)
    assert not any("**" in run.text for run in runs)


def test_docx_converts_with_libreoffice(annotated, tmp_path):
    pdf = docx_to_pdf(out(annotated, "geannoteerde-agenda-noord.docx"), tmp_path / "lo")
    text = pdf_text(pdf)
    assert in_order(
        text,
        NOORD["inleiding"],
        "Dijkversterking",
        NOORD["advies"],
        "Brief provincie",
        NOORD["brief"],
        NOORD["actie"],
        "Rondvraag",
    )


def test_second_overlay_has_its_own_notes_in_its_own_places(annotated):
    text = docx_text(out(annotated, "geannoteerde-agenda-zuid.docx"))
    assert in_order(
        text,
        f"Voor: {ZUID['voor']}",
        ZUID["inleiding"],
        "1.\tOpening",
        ZUID["opening"],
        "2.\tDijkversterking",
        f"Advies: Niet instemmen, {ZUID['advies']}",
        ZUID["tekst"],
        "3.\tTer kennisname",
    )
    lines = text.splitlines()
    ede = next(i for i, line in enumerate(lines) if line.startswith("2023-12-01.2 |"))
    assert lines[ede + 1] == f"Annotatie | Navragen. {ZUID['actie']}"
    assert lines.count(f"Annotatie | Navragen. {ZUID['actie']}") == 1


def docx_builders():
    import importlib.util

    tools = Path(__file__).resolve().parents[1] / "tools" / "docx_sjablonen.py"
    spec = importlib.util.spec_from_file_location("docx_sjablonen", tools)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", sorted(docx_builders().BUILDERS))
def test_committed_docx_template_matches_its_builder(tmp_path, name):
    module = docx_builders()
    target = tmp_path / name
    module.write_template(name, target)
    assert target.read_bytes() == (module.TEMPLATES / name).read_bytes(), (
        f"templates/{name} is niet bijgewerkt: draai `python tools/docx_sjablonen.py`"
    )


def test_longer_advice_gets_its_label_on_a_line_of_its_own(workspace, stukken):
    root = workspace(
        {
            **BASE,
            "meetings/2024-01-24/annotaties/noord.yaml": """\
        punten:
          werkgroep:
            advies: |
              Eerste alinea van het advies.

              - punt een
              - punt twee
        """,
        }
    )
    assert stukken(root, "build", "2024-01-24").exit_code == 0
    pdf = pdf_text(out(root, "geannoteerde-agenda-noord.pdf"))
    assert in_order(
        pdf,
        "a)",
        "Verslag werkgroep",
        "ANNOTATIE",
        "Advies:\nEerste alinea",
        "punt een",
        "punt twee",
        "b)",
        "Brief provincie",
    )
    docx = docx_text(out(root, "geannoteerde-agenda-noord.docx"))
    assert in_order(
        docx,
        "a)\tVerslag werkgroep",
        "AnnotatieAdvies:Eerste alinea van het advies.",
        "punt een",
        "punt twee",
        "b)\tBrief provincie",
    )
    assert "bij de openstaande acties" not in pdf


# --- marking ----------------------------------------------------------------------------


def test_internal_advice_marking_on_every_page_and_at_the_top(annotated):
    pages = pdf_pages(out(annotated, "geannoteerde-agenda-noord.pdf"))
    first_lines = [line for line in pages[0].splitlines() if line.strip()]
    assert first_lines[:3] == [  # marking, organisation, then the title (no page header)
        MARKERING.upper(),
        "Waterschap Vallei",
        "Geannoteerde agenda Regionaal Overleg Water",
    ]
    assert all(MARKERING in page for page in pages)
    with zipfile.ZipFile(out(annotated, "geannoteerde-agenda-noord.docx")) as docx:
        footers = [docx.read(n).decode() for n in docx.namelist() if "footer" in n]
    assert any(MARKERING in footer for footer in footers)


def test_agenda_is_unchanged_by_overlays(workspace, stukken):
    root = workspace(BASE)
    assert stukken(root, "build", "2024-01-24").exit_code == 0
    before = {n: out(root, n).read_bytes() for n in ("agenda.pdf", "agenda.docx")}
    write_overlays(root)
    assert stukken(root, "build", "2024-01-24").exit_code == 0
    assert {n: out(root, n).read_bytes() for n in before} == before


def write_overlays(root: Path) -> None:
    write_files(root, OVERLAYS)


# --- confidentiality --------------------------------------------------------------------


def test_overlay_text_appears_only_in_its_own_documents(annotated):
    folder = annotated / "output" / "2024-01-24"
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    assert {"agenda.pdf", "agenda.docx"} <= {p.name for p in files}
    contents = {p.relative_to(folder).as_posix(): everything_in(p) for p in files}
    for naam, strings in (("noord", NOORD), ("zuid", ZUID)):
        own = {f"geannoteerde-agenda-{naam}.pdf", f"geannoteerde-agenda-{naam}.docx"}
        for field, string in strings.items():
            where = sorted(name for name, text in contents.items() if string in text)
            assert set(where) == own, f"{naam}.{field} ({string!r}) staat in {where}"


def test_annotated_documents_keep_overlay_text_out_of_their_metadata(annotated):
    """The file may be forwarded: its properties name the meeting, not the advisor."""
    import pikepdf
    from docx import Document

    strings = [*NOORD.values()]
    with pikepdf.open(out(annotated, "geannoteerde-agenda-noord.pdf")) as pdf:
        info = " ".join(str(v) for v in pdf.docinfo.values())
    assert "Geannoteerde agenda" in info
    props = Document(str(out(annotated, "geannoteerde-agenda-noord.docx"))).core_properties
    meta = " ".join(str(v) for v in (props.title, props.subject, props.author, props.keywords))
    assert not any(s in info or s in meta for s in strings)


# --- --annotatie ------------------------------------------------------------------------


def test_build_one_overlay_keeps_the_other_files(annotated, stukken):
    folder = annotated / "output" / "2024-01-24"
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    overlay = annotated / "meetings/2024-01-24/annotaties/noord.yaml"
    overlay.write_text(overlay.read_text().replace("Instemmen,", "Uitstellen,"))
    result = stukken(annotated, "build", "2024-01-24", "--annotatie", "noord")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "2 bestanden geschreven naar output/2024-01-24/:",
        "  geannoteerde-agenda-noord.docx",
        "  geannoteerde-agenda-noord.pdf",
    ]
    after = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert after.keys() == before.keys()
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {"geannoteerde-agenda-noord.pdf", "geannoteerde-agenda-noord.docx"}
    assert f"Advies: Uitstellen, {NOORD['advies']}" in pdf_text(
        out(annotated, "geannoteerde-agenda-noord.pdf")
    )


def test_build_one_overlay_into_an_empty_folder(workspace, stukken):
    root = workspace({**BASE, **OVERLAYS})
    result = stukken(root, "build", "2024-01-24", "-a", "zuid.yaml")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (root / "output" / "2024-01-24").iterdir()) == [
        "geannoteerde-agenda-zuid.docx",
        "geannoteerde-agenda-zuid.pdf",
    ]


def test_unknown_overlay_name_is_a_dutch_error_with_a_suggestion(workspace, stukken):
    root = workspace({**BASE, **OVERLAYS})
    result = stukken(root, "build", "2024-01-24", "--annotatie", "noordd")
    assert result.exit_code == 1
    assert result.lines == [
        "fout: geen annotatie 'noordd' bij vergadering 2024-01-24 (bedoelde u 'noord'?); "
        "er zijn: noord, zuid"
    ]
    assert not (root / "output").exists()


def test_annotatie_without_overlays(workspace, stukken):
    root = workspace()
    result = stukken(root, "build", "2024-01-24", "--annotatie", "noord")
    assert result.exit_code == 1
    assert result.lines == [
        "fout: vergadering 2024-01-24 heeft geen annotaties "
        "(geen bestanden in meetings/2024-01-24/annotaties/)"
    ]


# --- the example ------------------------------------------------------------------------


def test_example_hellendoorn_overlay_builds_with_the_meeting(example, stukken):
    result = stukken(example, "build", "2024-01-24")
    assert result.exit_code == 0, result.stderr
    pdf = example / "output/2024-01-24/geannoteerde-agenda-hellendoorn.pdf"
    text = " ".join(pdf_text(pdf).split())  # titles may wrap
    assert in_order(
        text,
        "Geannoteerde agenda Twentse Regietafel Asielinstroom",
        "Jorrit Eijbersen",
        "gemeente Hellendoorn",
        "Twee belangrijke punten",
        "2.",
        "Actualiteiten",
        "derdelanders in de gemeente Hellendoorn is 14",
        "3.",
        "Terugkoppeling Topambtelijk gesprek",
        "Advies: Alleen investeren in een bestuurlijk arrangement",
        "4.",
        "Voorstel versterking",
        "Advies: Instemmen met voorstel",
        "5.",
        "Vaststelling verslag",
        "jenv-reactie",
        "Is hier al zicht op?",
        "overlast gevende situaties OEK",
        "7.",
        "Ter informatie",
        "a)",
        "Conceptverslag PRT 22 december 2023",
        "Laatste actiepunt uit dit conceptverslag",
    )
    assert "Hellendoorn is 14" not in pdf_text(example / "output/2024-01-24/agenda.pdf")


# --- workspace templates -----------------------------------------------------------------


def test_own_agenda_template_that_drops_the_notes_is_an_error(workspace, stukken):
    own = """\
        {% extends "base.html" %}
        {% block inhoud %}
        {% for punt in punten %}<h2>{{ punt.titel }}</h2>{% endfor %}
        {% endblock %}
        """
    root = workspace({**BASE, **OVERLAYS, "templates/agenda.html": own})
    result = stukken(root, "build", "2024-01-24")
    assert result.exit_code == 1
    assert result.lines == [
        "fout: meetings/2024-01-24/annotaties/noord.yaml: de geannoteerde agenda toont niet "
        "alle annotaties (agendapunt 'dijk', agendapunt 'brief', actie 'kaart'); een eigen "
        "templates/agenda.html moet de blokken na_punt en na_onderdeel houden en 'notities' "
        "doorgeven aan punt_inhoud (laat het erven van 'builtin/agenda.html')"
    ]


def test_own_agenda_template_that_extends_the_builtin_one_keeps_the_notes(workspace, stukken):
    own = """\
        {% extends "builtin/agenda.html" %}
        {% block voor_punten %}<p>Eigen tekst van het secretariaat.</p>{% endblock %}
        """
    root = workspace({**BASE, **OVERLAYS, "templates/agenda.html": own})
    assert stukken(root, "build", "2024-01-24").exit_code == 0
    assert "Eigen tekst van het secretariaat." in pdf_text(out(root, "agenda.pdf"))
    text = " ".join(pdf_text(out(root, "geannoteerde-agenda-noord.pdf")).split())
    assert in_order(
        text,
        NOORD["inleiding"],
        "Dijkversterking",
        NOORD["advies"],
        "Brief provincie",
        NOORD["brief"],
        NOORD["actie"],
    )
