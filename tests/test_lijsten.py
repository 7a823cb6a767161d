"""The action-and-decision list: carry-forward, the PDF/DOCX list, the Markdown twins,
and the errors an action update can make."""

from __future__ import annotations

from pathlib import Path

import pytest

import verslag_werkmap
from conftest import STUKKEN_YAML, docx_text, in_order, pdf_pages, pdf_text, write_files
from soffice import docx_to_pdf
from vergaderstukken.actions import actielijst, open_voor_agenda
from vergaderstukken.commands.build import build
from vergaderstukken.gather import besluiten, persoon_tekst, tabelcel
from vergaderstukken.load.werkmap import load_werkmap
from vergaderstukken.model import Persoon

BESLUITENLIJST = """\
# Besluitenlijst Regionaal Overleg Water 13 maart 2024

Verslag: concept

| Nr | Agendapunt | Soort | Besluit | Toelichting |
| --- | --- | --- | --- | --- |
| 1 | 13.2 | besluit | Het verslag van 24 januari 2024 wordt vastgesteld. |  |
"""

ACTIELIJST = """\
# Actielijst Regionaal Overleg Water 13 maart 2024

Verslag: concept

| Nr | Soort | Actie | Verantwoordelijk/betrokken | Termijn | Status | Vergadering \
| Agendapunt | Toelichting | Stand van zaken |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
| 2024-01-24.1 | actie | Projectleider Oekraïne brengt de einddata van de opvanglocaties \
in beeld. | Projectleider Oekraïne | 1 februari 2024 | afgerond | 2024-01-24 | 12.2 |  |  |
| cijfers | actie | Gemeenten leveren hun cijfers aan. | Gemeenten | begin februari \
| vervallen | 2024-01-24 | 12.3a |  | Niet meer nodig. |
| 2024-01-24.3 | actie | COA deelt de presentatie in de nazending. | COA | 15 april 2024 \
| loopt | 2024-01-24 | 12.4 |  | Presentatie volgt na het overleg met het COA. |
| 2024-01-24.4 | actie | Secretariaat \\| ambtelijk overleg stemt de cijfers af. \
| Secretariaat | 29 februari 2024 (verlopen) | open | 2024-01-24 | 12.4 |  |  |
| 2024-03-13.1 | actie | Secretariaat plant een werksessie over de portefeuilles. \
| Secretariaat | 1 april 2024 | open | 2024-03-13 | 13.2 | Eerste alinea.<br>Tweede alinea. |  |
| 2024-03-13.2 | toezegging | De voorzitter informeert de Commissaris van de Koning. \
| Voorzitter | voor de zomer | open | 2024-03-13 | 13.2 |  |  |
"""


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def gebouwd(tmp_path_factory) -> Path:
    root = write_files(
        tmp_path_factory.mktemp("lijsten") / "werkmap",
        {"stukken.yaml": STUKKEN_YAML, **verslag_werkmap.files()},
    )
    build(root, "2024-03-13")
    return root


def lijst_pdf(root: Path) -> Path:
    return root / "output" / "2024-03-13" / "actie-en-besluitenlijst.pdf"


# --- ids, numbers and carry-forward (the model) -------------------------------------------


def test_action_ids_count_every_action_and_toezegging_in_minutes_order(workspace):
    ws, _ = load_werkmap(workspace(verslag_werkmap.files()))
    first, second = ws.vergaderingen
    ids = [r.id for r in first.verslag.regels() if r.is_actie]
    # The explicit id 'cijfers' still takes its place in the count.
    assert ids == ["2024-01-24.1", "cijfers", "2024-01-24.3", "2024-01-24.4"]
    assert [(r.besluitnummer, r.soort) for r in besluiten(first)] == [
        (1, "besluit"),
        (2, "afspraak"),
    ]
    assert [(r.id, r.soort) for r in second.verslag.regels() if r.is_actie] == [
        ("2024-03-13.1", "actie"),
        ("2024-03-13.2", "toezegging"),
    ]


def test_four_actions_carried_into_the_next_meeting(workspace):
    ws, _ = load_werkmap(workspace(verslag_werkmap.files()))
    first, second = ws.vergaderingen
    assert [s.id for s in open_voor_agenda(ws, second)] == [
        "2024-01-24.1",
        "cijfers",
        "2024-01-24.3",
        "2024-01-24.4",
    ]
    lijst = actielijst(ws, second)
    assert [(s.id, s.status) for s in lijst.nieuw] == [
        ("2024-03-13.1", "open"),
        ("2024-03-13.2", "open"),
    ]
    lopend = {s.id: s for s in lijst.lopend}
    assert list(lopend) == ["2024-01-24.3", "2024-01-24.4"]
    assert lopend["2024-01-24.3"].status == "loopt"
    assert lopend["2024-01-24.3"].termijn.isoformat() == "2024-04-15"  # the new termijn
    assert lopend["2024-01-24.3"].toelichting == "Presentatie volgt na het overleg met het COA."
    assert lopend["2024-01-24.3"].te_laat is False
    assert lopend["2024-01-24.4"].te_laat is True  # 29 februari lies before 13 maart
    assert lopend["2024-01-24.4"].vergadering is first
    assert [(s.id, s.status) for s in lijst.gesloten] == [
        ("2024-01-24.1", "afgerond"),
        ("cijfers", "vervallen"),
    ]
    # The first meeting's own list: its four new actions, nothing earlier.
    eerste = actielijst(ws, first)
    assert [s.id for s in eerste.nieuw] == [
        "2024-01-24.1",
        "cijfers",
        "2024-01-24.3",
        "2024-01-24.4",
    ]
    assert eerste.lopend == eerste.gesloten == []


DERDE_AGENDA = """\
datum: 2024-05-01
agenda:
  - titel: Acties
    acties: true
"""


def test_a_closed_action_is_listed_as_closed_only_once(workspace):
    files = {
        **verslag_werkmap.files(),
        "meetings/2024-05-01/agenda.yaml": DERDE_AGENDA,
        "meetings/2024-05-01/verslag.yaml": """\
            acties:
              cijfers:
                toelichting: Nagekomen opmerking.
              2024-01-24.3: afgerond
            """,
    }
    ws, _ = load_werkmap(workspace(files))
    lijst = actielijst(ws, ws.vergaderingen[-1])
    assert [s.id for s in lijst.gesloten] == ["2024-01-24.3"]
    assert "cijfers" not in [s.id for s in lijst.alle]
    assert [s.id for s in lijst.lopend] == ["2024-01-24.4", "2024-03-13.1", "2024-03-13.2"]
    assert [s.id for s in open_voor_agenda(ws, ws.vergaderingen[-1])] == [
        "2024-01-24.3",
        "2024-01-24.4",
        "2024-03-13.1",
        "2024-03-13.2",
    ]


def test_a_reopened_action_is_open_again(workspace):
    files = {
        **verslag_werkmap.files(),
        "meetings/2024-05-01/agenda.yaml": DERDE_AGENDA,
        "meetings/2024-05-01/verslag.yaml": "acties:\n  cijfers: open\n",
    }
    ws, _ = load_werkmap(workspace(files))
    lijst = actielijst(ws, ws.vergaderingen[-1])
    assert "cijfers" in [s.id for s in lijst.lopend]
    assert lijst.gesloten == []


def test_attendance_as_the_seeds_write_it():
    assert persoon_tekst(Persoon("Enschede")) == "Enschede"
    assert (
        persoon_tekst(Persoon("Hengelo", "dhr. Eshuis", "gemeentesecretaris"))
        == "Hengelo (dhr. Eshuis, gemeentesecretaris)"
    )
    assert (
        persoon_tekst(Persoon("Twenterand", "dhr. Broekhuizen", rol="voorzitter"))
        == "Twenterand (dhr. Broekhuizen, voorzitter)"
    )
    assert persoon_tekst(Persoon("Haaksbergen", kennisgeving=True)) == "Haaksbergen (m.k.)"


def test_table_cells_are_one_line_with_pipes_escaped():
    assert tabelcel(None) == ""
    assert tabelcel("a | b") == "a \\| b"
    assert tabelcel("regel een\nregel twee") == "regel een regel twee"
    assert tabelcel("Eerste.\n\nTweede.\n") == "Eerste.<br>Tweede."
    assert tabelcel("Lijst:\n- een\n- twee") == "Lijst:<br>- een<br>- twee"
    assert tabelcel("Windows\r\nregel") == "Windows regel"


# --- the Markdown lists -------------------------------------------------------------------


def test_markdown_lists_match_the_expected_text(gebouwd):
    folder = gebouwd / "output" / "2024-03-13"
    assert (folder / "besluitenlijst.md").read_bytes() == BESLUITENLIJST.encode()
    assert (folder / "actielijst.md").read_bytes() == ACTIELIJST.encode()


def test_markdown_lists_are_byte_identical_across_builds(gebouwd, tmp_path):
    build(gebouwd, "2024-03-13", output=tmp_path / "tweede")
    for name in ("besluitenlijst.md", "actielijst.md"):
        first = (gebouwd / "output" / "2024-03-13" / name).read_bytes()
        second = (tmp_path / "tweede" / "2024-03-13" / name).read_bytes()
        assert first == second
        assert b"\r" not in first
        assert first.endswith(b"|\n") and not first.endswith(b"\n\n")


def test_markdown_lists_of_the_first_meeting(gebouwd):
    build(gebouwd, "2024-01-24")
    folder = gebouwd / "output" / "2024-01-24"
    besluitenlijst = (folder / "besluitenlijst.md").read_text("utf-8").splitlines()
    assert besluitenlijst[2] == "Verslag: vastgesteld (vastgesteld op 13 maart 2024)"
    assert besluitenlijst[-2:] == [
        "| 1 | 12.2 | besluit | Vragen vanuit gemeenten worden verzameld. "
        "| Inmiddels 35 mannen geplaatst in 8 gemeenten. |",
        "| 2 | 12.3a | afspraak | Cijfers komen voortaan uit de BRP. |  |",
    ]
    rows = (folder / "actielijst.md").read_text("utf-8").splitlines()[6:]
    assert [row.split(" | ")[0] for row in rows] == [
        "| 2024-01-24.1",
        "| cijfers",
        "| 2024-01-24.3",
        "| 2024-01-24.4",
    ]


def test_markdown_text_is_not_html_escaped(workspace):
    files = verslag_werkmap.files()
    files["meetings/2024-01-24/verslag.yaml"] = files["meetings/2024-01-24/verslag.yaml"].replace(
        "Cijfers komen voortaan uit de BRP.", "R&D-cijfers <b>komen</b> uit de BRP."
    )
    root = workspace(files)
    build(root, "2024-01-24")
    text = (root / "output" / "2024-01-24" / "besluitenlijst.md").read_text("utf-8")
    assert "| R&D-cijfers <b>komen</b> uit de BRP. |" in text


def test_workspace_overrides_a_markdown_list(workspace):
    files = {
        **verslag_werkmap.files(),
        "templates/besluitenlijst.md": (
            "{% for regel in besluiten %}\n"
            "- {{ regel.besluitnummer }}. {{ regel.tekst }} (& zo)\n"
            "{% endfor %}\n"
        ),
    }
    root = workspace(files)
    build(root, "2024-01-24")
    text = (root / "output" / "2024-01-24" / "besluitenlijst.md").read_text("utf-8")
    assert text == (
        "- 1. Vragen vanuit gemeenten worden verzameld. (& zo)\n"
        "- 2. Cijfers komen voortaan uit de BRP. (& zo)\n"
    )


# --- the PDF and DOCX list ----------------------------------------------------------------


def test_list_pdf_shows_decisions_and_the_carried_action_list(gebouwd):
    # Layout mode keeps table rows together: a row's cells come out on one line.
    text = flat(pdf_text(lijst_pdf(gebouwd), layout=True))
    assert in_order(
        text,
        "Actie- en besluitenlijst Regionaal Overleg Water Vergadering 13 maart 2024",
        "CONCEPT: NOG NIET VASTGESTELD",
        "Aanwezig Enschede; Hengelo",
        "Afwezig Losser (m.k.)",
        "Besluiten en afspraken",
        "Nr Agendapunt Besluit / afspraak Toelichting",
        "1 13.2 Het verslag van 24 januari 2024 wordt vastgesteld.",
        "Actielijst",
        "Nieuwe acties en toezeggingen",
        "Nr Actie Verantwoordelijk/ Termijn Status betrokken",
        "2024-03-13.1 Secretariaat plant een werksessie over de Secretariaat 1 april 2024 open",
        "Eerste alinea. Tweede alinea.",
        "2024-03-13.2 TOEZEGGING Voorzitter voor de zomer open",
        "De voorzitter informeert de Commissaris",
        "Openstaande acties uit eerdere vergaderingen",
        "2024-01-24.3 COA deelt de presentatie in de nazending. COA 15 april 2024 loopt",
        "Stand van zaken: Presentatie volgt na het overleg met het COA.",
        "Uit de vergadering van 24 januari 2024, punt 12.4",
        # a date stays whole; "(verlopen)" goes to the next line
        "2024-01-24.4 Secretariaat | ambtelijk overleg stemt de cijfers Secretariaat "
        "29 februari 2024 open",
        "(verlopen)",
        "Afgerond of vervallen in deze vergadering",
        "2024-01-24.1 Projectleider Oekraïne brengt de einddata van Projectleider 1 februari "
        "2024 afgerond",
        "cijfers Gemeenten leveren hun cijfers aan. Gemeenten begin februari vervallen",
        "Stand van zaken: Niet meer nodig.",
        "Uit de vergadering van 24 januari 2024, punt 12.3a",
    )
    assert text.count("2024-01-24.1 ") == 1  # closed here: listed once, as closed


def test_list_pdf_is_marked_concept_on_every_page(gebouwd):
    pages = pdf_pages(lijst_pdf(gebouwd))
    assert pages and all("CONCEPT" in page for page in pages)


def test_afspraken_are_on_the_decision_list(gebouwd):
    build(gebouwd, "2024-01-24")
    path = gebouwd / "output" / "2024-01-24" / "actie-en-besluitenlijst.pdf"
    text = flat(pdf_text(path, layout=True))
    assert in_order(
        text,
        "Vastgesteld op 13 maart 2024",
        "1 12.2 Vragen vanuit gemeenten worden verzameld. Inmiddels 35 mannen",
        "2 12.3a AFSPRAAK",
        "Cijfers komen voortaan uit de BRP.",
        "Nieuwe acties en toezeggingen",
        "2024-01-24.1",
        "cijfers",
        "Openstaande acties uit eerdere vergaderingen",
        "Er staan geen eerdere acties meer open.",
    )
    assert "CONCEPT" not in text
    assert "Afgerond of vervallen" not in text


def test_list_docx_text_and_libreoffice(gebouwd, tmp_path):
    path = gebouwd / "output" / "2024-03-13" / "actie-en-besluitenlijst.docx"
    text = docx_text(path)
    assert in_order(
        text,
        "Actie- en besluitenlijst Regionaal Overleg Water - Vergadering 13 maart 2024",
        "CONCEPT: NOG NIET VASTGESTELD",
        "Besluiten en afspraken",
        "1 | 13.2 | Het verslag van 24 januari 2024 wordt vastgesteld. | ",
        "Nieuwe acties en toezeggingen",
        "Nr | Actie | Verantwoordelijk/betrokken | Termijn | Status",
        "2024-03-13.2 | TOEZEGGINGDe voorzitter informeert",
        "Openstaande acties uit eerdere vergaderingen",
        "2024-01-24.3 | COA deelt de presentatie in de nazending.Stand van zaken: Presentatie "
        "volgt na het overleg met het COA.Uit de vergadering van 24 januari 2024, punt 12.4 "
        "| COA | 15 april 2024 | loopt",
        "2024-01-24.4",
        "29 februari 2024 (verlopen) | open",
        "Afgerond of vervallen in deze vergadering",
        "cijfers | Gemeenten leveren hun cijfers aan.",
        "| vervallen",
    )
    converted = flat(pdf_text(docx_to_pdf(path, tmp_path), layout=True))
    assert in_order(
        converted,
        "Actie- en besluitenlijst",
        "Besluiten en afspraken",
        "2024-01-24.4",
        "(verlopen)",
        "Afgerond of vervallen in deze vergadering",
    )


# --- errors in action updates ---------------------------------------------------------------


def test_action_update_errors_name_file_line_and_message(workspace, stukken):
    files = verslag_werkmap.files()
    files["meetings/2024-01-24/verslag.yaml"] += "acties:\n  2024-03-13.2: afgerond\n"
    files["meetings/2024-03-13/verslag.yaml"] = """\
status: concept
punten:
  verslag:
    bka:
      - actie: Nieuwe actie met een bestaande id.
        id: cijfers
      - toezegging: Een toezegging.
acties:
  2024-01-24.9: afgerond
  2024-01-24.1: klaar
  2024-01-24.3:
    status: gedaan
  2024-03-13.2: afgerond
"""
    result = stukken(workspace(files), "check")
    assert result.exit_code == 1
    assert result.lines == [
        "meetings/2024-01-24/verslag.yaml:45: actie '2024-03-13.2' is pas afgesproken in de "
        "vergadering van 2024-03-13; alleen een latere vergadering kan haar bijwerken",
        "meetings/2024-03-13/verslag.yaml:5: actie-id 'cijfers' bestaat al (vergadering "
        "2024-01-24, meetings/2024-01-24/verslag.yaml:31)",
        "meetings/2024-03-13/verslag.yaml:9: onbekende actie '2024-01-24.9' "
        "(bedoelde u '2024-01-24.4'?)",
        "meetings/2024-03-13/verslag.yaml:10: '2024-01-24.1': onbekende waarde 'klaar'; "
        "toegestaan: open, loopt, afgerond, vervallen",
        "meetings/2024-03-13/verslag.yaml:12: 'status': onbekende waarde 'gedaan'; "
        "toegestaan: open, loopt, afgerond, vervallen",
        "meetings/2024-03-13/verslag.yaml:13: actie '2024-03-13.2' is pas afgesproken in de "
        "vergadering van 2024-03-13; alleen een latere vergadering kan haar bijwerken",
        "6 fouten gevonden; er is niets geschreven.",
    ]


def test_a_generated_id_taken_explicitly_is_a_duplicate(workspace, stukken):
    files = verslag_werkmap.files()
    files["meetings/2024-01-24/verslag.yaml"] = files["meetings/2024-01-24/verslag.yaml"].replace(
        "        id: cijfers\n", "        id: 2024-01-24.3\n"
    )
    result = stukken(workspace(files), "check")
    assert result.exit_code == 1
    assert result.lines[0] == (
        "meetings/2024-01-24/verslag.yaml:38: actie-id '2024-01-24.3' bestaat al "
        "(vergadering 2024-01-24, meetings/2024-01-24/verslag.yaml:31)"
    )
