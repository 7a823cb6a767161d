"""Annotated agendas (issue #4): one document per advisor's overlay, notes under the right
items and actions, and no overlay text in any other output file."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from conftest import docx_text, in_order, pdf_pages, pdf_text
from soffice import docx_to_pdf

MARKERING = "Intern advies – niet verspreiden"

# A meeting with parts, sub-items, questions, an attachment, open actions from an earlier
# meeting, minutes and a next meeting: everything the agenda can show.
BASE = {
    "meetings/2023-12-01/agenda.yaml": """\
        datum: 2023-12-01
        agenda:
          - titel: Opening
          - titel: Dijkversterking
            id: dijk
        """,
    "meetings/2023-12-01/verslag.yaml": """\
        status: vastgesteld
        vastgesteld_op: 2024-01-24
        punten:
          dijk:
            bka:
              - actie: Het waterschap levert de kaart van de kering aan.
                wie: Waterschap
                termijn: 2024-01-15
                id: kaart
              - actie: De gemeente Ede zoekt de kosten van de kade uit.
                wie: Gemeente Ede
              - actie: De provincie stuurt de subsidieregeling rond.
                wie: Provincie
                id: regeling
        """,
    "meetings/2024-01-24/agenda.yaml": """\
        datum: 2024-01-24
        tijd: 15:45-17:15
        agenda:
          - titel: Opening
          - titel: Dijkversterking
            id: dijk
            deel: Water
            doel: besluitvorming
            bijlagen: [plan]
            toelichting: Het plan ligt ter besluitvorming voor.
            vragen:
              - Stemt u in met het plan?
          - titel: Ter kennisname
            onderdelen:
              - titel: Verslag werkgroep
                id: werkgroep
              - titel: Brief provincie
                id: brief
          - titel: Openstaande acties
            id: acties
            acties: true
          - titel: Rondvraag
            deel: Afsluiting
        bijlagen:
          - id: plan
            titel: Plan dijkversterking
            bestand: bijlagen/plan.md
        volgende:
          datum: 2024-03-13
          tijd: 15:00-16:30
        """,
    "meetings/2024-01-24/bijlagen/plan.md": "# Plan\n\nDe dijk wordt versterkt.\n",
    "meetings/2024-01-24/verslag.yaml": """\
        status: concept
        punten:
          dijk:
            tekst: Het plan wordt besproken.
            bka:
              - besluit: Het plan wordt vastgesteld.
              - actie: Het waterschap start de aanbesteding.
                wie: Waterschap
        acties:
          regeling: afgerond
        """,
}

# Every string an overlay carries, per field, each distinctive enough to search for.
NOORD = {
    "auteur": "Beleidsadviseur Noordwaardia",
    "voor": "Wethouder Noordveldhuis",
    "inleiding": "Noordinleidingtekst",
    "advies": "Noordadviestekst",
    "tekst": "Noordtoelichtingtekst",
    "brief": "Noordbriefnotitie",
    "actie": "Noordactienotitie",
}
ZUID = {
    "auteur": "Beleidsadviseur Zuidwaardia",
    "voor": "Wethouder Zuidveldhuis",
    "inleiding": "Zuidinleidingtekst",
    "advies": "Zuidadviestekst",
    "tekst": "Zuidtoelichtingtekst",
    "opening": "Zuidopeningnotitie",
    "actie": "Zuidactienotitie",
}

OVERLAYS = {
    # Items by id, by number ("3b") and by YAML integer key; Markdown in the notes.
    "meetings/2024-01-24/annotaties/noord.yaml": """\
        auteur: {auteur}
        voor: {voor}
        inleiding: |
          Twee punten. {inleiding} staat **hier**.
        punten:
          dijk:
            advies: Instemmen, {advies}
            tekst: |
              Met de kanttekening dat **vetgedrukt** {tekst} telt.

              - eerste bolletje
              - tweede bolletje
          "3b": Ter info over de brief, {brief}.
        acties:
          kaart: Is hier al zicht op? {actie}
        """.format(**NOORD),
    "meetings/2024-01-24/annotaties/zuid.yaml": """\
        auteur: {auteur}
        voor: {voor}
        inleiding: {inleiding}
        punten:
          1: {opening}
          2:
            advies: Niet instemmen, {advies}
            tekst: {tekst}
        acties:
          2023-12-01.2: Navragen. {actie}
        """.format(**ZUID),
}


def out(root: Path, name: str) -> Path:
    return root / "output" / "2024-01-24" / name


@pytest.fixture
def annotated(workspace, stukken):
    """The workspace above, built; returns its root."""
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
        "DEEL 1: WATER",
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
        "DEEL 2: AFSLUITING",
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
        "1.Opening",
        "Deel 1: Water",
        "2.Dijkversterking",
        "ter besluitvorming",
        "Stemt u in met het plan?",
        "Bijlage I: Plan dijkversterking",
        "Annotatie",
        f"Advies: Instemmen, {NOORD['advies']}",
        NOORD["tekst"],
        "3.Ter kennisname",
        "a)Verslag werkgroep",
        "b)Brief provincie",
        "Annotatie",
        NOORD["brief"],
        "4.Openstaande acties",
        "Deel 2: Afsluiting",
        "5.Rondvraag",
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


# --- marking ----------------------------------------------------------------------------


def test_internal_advice_marking_on_every_page_and_at_the_top(annotated):
    pages = pdf_pages(out(annotated, "geannoteerde-agenda-noord.pdf"))
    first_lines = [line for line in pages[0].splitlines() if line.strip()]
    assert first_lines[:3] == [  # page header, marking, then the heading
        "Waterschap Vallei",
        MARKERING.upper(),
        "Regionaal Overleg Water · Waterschap Vallei",
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
    from conftest import write_files

    write_files(root, OVERLAYS)


# --- confidentiality --------------------------------------------------------------------


def pdf_strings(path: Path) -> str:
    """Every string object and every decompressed stream of a PDF (metadata, XMP,
    bookmarks, annotations), beside its text layer."""
    import pikepdf

    found: list[str] = []

    def walk(obj, top: bool = False) -> None:
        if not top and getattr(obj, "is_indirect", False):
            return  # visited on its own through pdf.objects
        if isinstance(obj, pikepdf.Stream):
            found.append(obj.read_bytes().decode("utf-8", "replace"))
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            for value in obj.values():
                walk(value)
        elif isinstance(obj, pikepdf.Array):
            for value in obj:
                walk(value)
        elif isinstance(obj, pikepdf.String):
            found.append(str(obj))

    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            walk(obj, top=True)
        found.extend(str(v) for v in pdf.docinfo.values())
        found.extend(str(v) for _, v in pdf.open_metadata().items())
    return "\n".join(found)


def docx_strings(path: Path) -> str:
    """Every part of a .docx as text: the XML as is, and with the tags taken out (a
    string may be split over runs)."""
    found = []
    with zipfile.ZipFile(path) as docx:
        for name in docx.namelist():
            xml = docx.read(name).decode("utf-8", "replace")
            found += [name, xml, re.sub(r"<[^>]+>", "", xml)]
    return "\n".join(found)


def everything_in(path: Path) -> str:
    """All text a file carries, however it is stored; generic over every output kind."""
    if path.suffix == ".pdf":
        return pdf_text(path) + pdf_strings(path)
    if path.suffix == ".docx":
        return docx_strings(path)
    return path.read_bytes().decode("utf-8", "replace")


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


# --- validation -------------------------------------------------------------------------


def check_errors(workspace, stukken, overlay: str, extra: dict | None = None) -> list[str]:
    root = workspace(
        {**BASE, "meetings/2024-01-24/annotaties/noord.yaml": overlay, **(extra or {})}
    )
    result = stukken(root, "check")
    assert result.exit_code == 1
    return result.lines


PATH = "meetings/2024-01-24/annotaties/noord.yaml"


def test_misspelt_item_key_names_file_line_and_closest_id(workspace, stukken):
    lines = check_errors(
        workspace,
        stukken,
        """\
        auteur: A
        punten:
          opening: goed
          dijkk: Typo
          werkgorep:
            advies: ja
          9: bestaat niet
        """,
    )
    assert lines == [
        f"{PATH}:4: onbekend agendapunt 'dijkk' (bedoelde u 'dijk'?)",
        f"{PATH}:5: onbekend agendapunt 'werkgorep' (bedoelde u 'werkgroep'?)",
        f"{PATH}:7: onbekend agendapunt '9'",
        "3 fouten gevonden; er is niets geschreven.",
    ]


def test_same_item_twice_by_id_and_number(workspace, stukken):
    lines = check_errors(
        workspace,
        stukken,
        """\
        punten:
          dijk: een
          2: twee
        """,
    )
    assert lines[0] == f"{PATH}:3: agendapunt 2 ('dijk') staat hier twee keer (ook op regel 2)"


def test_action_notes_must_name_an_open_action(workspace, stukken):
    lines = check_errors(
        workspace,
        stukken,
        """\
        acties:
          kaart: goed
          kaartt: typo
          2024-01-24.1: van deze vergadering
        """,
        {
            "meetings/2023-12-15/agenda.yaml": "datum: 2023-12-15\nagenda:\n  - titel: Een\n",
            "meetings/2023-12-15/verslag.yaml": "acties:\n  regeling: vervallen\n",
        },
    )
    assert lines == [
        f"{PATH}:3: onbekende actie 'kaartt' (bedoelde u 'kaart'?)",
        f"{PATH}:4: actie '2024-01-24.1' wordt in deze vergadering afgesproken en staat nog "
        "niet open op deze agenda",
        "2 fouten gevonden; er is niets geschreven.",
    ]
    lines = check_errors(
        workspace,
        stukken,
        "acties:\n  regeling: al dicht\n",
        {
            "meetings/2023-12-15/agenda.yaml": "datum: 2023-12-15\nagenda:\n  - titel: Een\n",
            "meetings/2023-12-15/verslag.yaml": "acties:\n  regeling: vervallen\n",
        },
    )
    assert lines[0] == (
        f"{PATH}:2: actie 'regeling' is al vervallen en staat niet meer open op deze vergadering"
    )


def test_action_note_needs_an_agenda_that_shows_the_actions(workspace, stukken):
    agenda = BASE["meetings/2024-01-24/agenda.yaml"].replace("            acties: true\n", "")
    lines = check_errors(
        workspace, stukken, "acties:\n  kaart: Vraag\n", {"meetings/2024-01-24/agenda.yaml": agenda}
    )
    assert lines[0] == (
        f"{PATH}:2: opmerking bij actie 'kaart' staat nergens: deze agenda "
        "toont de openstaande acties niet (geen agendapunt met 'acties: true')"
    )


def test_overlay_named_twice(workspace, stukken):
    root = workspace(
        {**BASE, **OVERLAYS, "meetings/2024-01-24/annotaties/noord.yml": "auteur: B\n"}
    )
    result = stukken(root, "check")
    assert result.lines[0] == (
        "meetings/2024-01-24/annotaties/noord.yml: annotatie 'noord' "
        "staat twee keer in annotaties/: noord.yaml en noord.yml"
    )


def test_check_catches_an_item_id_changed_after_the_overlay_was_written(example, stukken):
    agenda = example / "meetings/2024-01-24/agenda.yaml"
    agenda.write_text(agenda.read_text().replace("id: portefeuilles", "id: portefeuilles-tra"))
    overlay = "meetings/2024-01-24/annotaties/hellendoorn.yaml"
    line = next(
        i
        for i, text in enumerate((example / overlay).read_text().splitlines(), 1)
        if text.startswith("  portefeuilles:")
    )
    result = stukken(example, "check")
    assert result.exit_code == 1
    assert (
        f"{overlay}:{line}: onbekend agendapunt 'portefeuilles' (bedoelde u 'portefeuilles-tra'?)"
    ) in result.lines


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


def test_second_overlay_has_its_own_notes_in_its_own_places(annotated):
    text = docx_text(out(annotated, "geannoteerde-agenda-zuid.docx"))
    assert in_order(
        text,
        f"Voor: {ZUID['voor']}",
        ZUID["inleiding"],
        "1.Opening",
        ZUID["opening"],
        "2.Dijkversterking",
        f"Advies: Niet instemmen, {ZUID['advies']}",
        ZUID["tekst"],
        "3.Ter kennisname",
    )
    lines = text.splitlines()
    ede = next(i for i, line in enumerate(lines) if line.startswith("2023-12-01.2 |"))
    assert lines[ede + 1] == f"Annotatie | Navragen. {ZUID['actie']}"
    assert lines.count(f"Annotatie | Navragen. {ZUID['actie']}") == 1


def test_committed_docx_template_matches_its_builder(tmp_path):
    import importlib.util

    tools = Path(__file__).resolve().parents[1] / "tools" / "docx_sjablonen.py"
    spec = importlib.util.spec_from_file_location("docx_sjablonen", tools)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    target = tmp_path / "geannoteerde-agenda.docx"
    module.BUILDERS["geannoteerde-agenda.docx"]().save(target)
    module.make_reproducible(target)
    assert target.read_bytes() == (module.TEMPLATES / "geannoteerde-agenda.docx").read_bytes()


def test_empty_notes_are_warned_about(workspace, stukken):
    root = workspace(
        {
            **BASE,
            "meetings/2024-01-24/annotaties/noord.yaml": """\
        punten:
          dijk: {}
          3a:
        acties:
          kaart:
        """,
        }
    )
    result = stukken(root, "check")
    assert result.exit_code == 0, result.stderr
    assert result.lines == [
        f"{PATH}:2: annotatie bij agendapunt 2 ('dijk') is leeg",
        f"{PATH}:3: annotatie bij agendapunt 3a ('werkgroep') is leeg",
        f"{PATH}:5: opmerking bij actie 'kaart' is leeg",
    ]


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
        "a)Verslag werkgroep",
        "AnnotatieAdvies:Eerste alinea van het advies.",
        "punt een",
        "punt twee",
        "b)Brief provincie",
    )
    assert "bij de openstaande acties" not in pdf
