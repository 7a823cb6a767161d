"""The meeting cycle's other checks and marks (format.md part 2): attendance against
`leden`, the time schedule, besloten items, the announced date, the place of the next
meeting and progress notes carried forward unchanged."""

from __future__ import annotations

import pytest

from conftest import docx_text, in_order, pdf_text
from cyclus_werkmap import AGENDA_1, AGENDA_3, VERSLAG_1, files

V1 = "meetings/2023-12-13/verslag.yaml"
A1 = "meetings/2023-12-13/agenda.yaml"
A3 = "meetings/2024-03-13/agenda.yaml"


def warnings(stukken, root) -> list[str]:
    result = stukken(root, "check")
    assert result.exit_code == 0, result.stderr
    return [line for line in result.lines if "waarschuwing" in line]


def test_attendance_against_the_roster(workspace, stukken):
    verslag = VERSLAG_1.replace(
        "aanwezig: [Almelo, Borne, Hengelo, Losser]\n",
        "aanwezig:\n  - Almelo\n  - Bornе\n  - {organisatie: VR Twente, rol: notulist}\n"
        "afwezig:\n  - {organisatie: Hengelo, kennisgeving: true}\n  - Hengeloo\n",
    )
    root = workspace(files(**{V1: verslag}), base=False)
    assert warnings(stukken, root) == [
        f"{V1}:2: waarschuwing: lid 'Borne' staat niet bij aanwezig of afwezig (niet vermeld)",
        f"{V1}:2: waarschuwing: lid 'Losser' staat niet bij aanwezig of afwezig (niet vermeld)",
        f"{V1}:4: waarschuwing: 'Bornе' (aanwezig) is geen lid van het overleg "
        "(bedoelde u 'Borne'?)",
        f"{V1}:8: waarschuwing: 'Hengeloo' (afwezig) is geen lid van het overleg "
        "(bedoelde u 'Hengelo'?)",
    ]


def test_the_minutes_show_absentees_with_and_without_notice(workspace, stukken):
    verslag = VERSLAG_1.replace(
        "aanwezig: [Almelo, Borne, Hengelo, Losser]\n",
        "aanwezig: [Almelo, Borne]\nafwezig:\n  - {organisatie: Hengelo, kennisgeving: true}\n"
        "  - Losser\n",
    )
    root = workspace(files(**{V1: verslag}), base=False)
    assert stukken(root, "build", "2023-12-13").exit_code == 0
    text = pdf_text(root / "output/2023-12-13/verslag.pdf")
    assert in_order(text, "Afwezig", "Hengelo (m.k.); Losser")


@pytest.fixture(scope="module")
def maart(tmp_path_factory):
    """Meeting 3 built: a schedule, a besloten item (module scope: renders once)."""
    from click.testing import CliRunner

    from conftest import write_files
    from vergaderstukken.__main__ import cli

    root = write_files(tmp_path_factory.mktemp("maart") / "werkmap", files())
    runner = CliRunner()
    for args in (["build", "2024-03-13"], ["build", "2024-03-13", "--openbaar"]):
        result = runner.invoke(cli, [*args, "--werkmap", str(root)])
        assert result.exit_code == 0, result.output
    return root / "output/2024-03-13"


def test_the_agenda_has_a_time_column(maart):
    text = pdf_text(maart / "agenda.pdf", layout=True)
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    assert "1. Opening 15.00" in lines
    assert "2. Vaststelling verslag vorige vergadering 15.05" in lines  # 15.00 + 5 min.
    assert "4. Sluiting 15.55" in lines
    assert in_order(" ".join(lines), "Opening 15.00", "5 min.", "Inleider: Voorzitter")
    word = docx_text(maart / "agenda.docx")
    assert "1.\tOpening\t15.00 (5 min.)" in word
    assert "2.\tVaststelling verslag vorige vergadering\t15.05 (10 min.)" in word
    assert "Inleider: Secretaris" in word


def test_besloten_items_are_marked_in_every_internal_document(maart):
    agenda = pdf_text(maart / "agenda.pdf")
    assert in_order(agenda, "Personele zaken", "BESLOTEN")  # CSS capitals in the text layer
    assert "3.\tPersonele zaken  · BESLOTEN\t15.15 (40 min.)" in docx_text(maart / "agenda.docx")
    pakket = pdf_text(maart / "vergaderpakket.pdf")
    assert in_order(pakket, "Personele zaken", "BESLOTEN")


def test_the_public_edition_never_says_besloten(maart):
    for name in ("agenda.pdf", "vergaderpakket.pdf"):
        text = pdf_text(maart / "openbaar" / name)
        assert "Personele zaken" not in text
        assert "BESLOTEN" not in text.upper()


def test_besloten_in_the_minutes(workspace, stukken):
    agenda = AGENDA_1.replace("    id: opvang\n", "    id: opvang\n    openbaar: false\n")
    root = workspace(files(**{A1: agenda}), base=False)
    assert stukken(root, "build", "2023-12-13").exit_code == 0
    assert in_order(pdf_text(root / "output/2023-12-13/verslag.pdf"), "Opvang", "BESLOTEN")
    assert "11.2\tOpvang  · BESLOTEN" in docx_text(root / "output/2023-12-13/verslag.docx")


def test_a_schedule_past_the_end_is_a_warning(workspace, stukken):
    assert warnings(stukken, workspace(files(), base=False)) == []  # 15.55 + 5 fits
    late = AGENDA_3.replace("    tijd: 15:55\n    duur: 5\n", "    tijd: 15:55\n    duur: 10\n")
    assert warnings(stukken, workspace(files(**{A3: late}), base=False)) == [
        f"{A3}:21: waarschuwing: agendapunt 4 loopt volgens de planning tot 16.05 uur, na het "
        "einde van de vergadering (16.00 uur)",
    ]


def test_a_meeting_on_another_date_than_announced(workspace, stukken):
    agenda = AGENDA_1.replace("  datum: 2024-01-24\n", "  datum: 2024-01-31\n")
    root = workspace(files(**{A1: agenda}), base=False)
    assert warnings(stukken, root) == [
        "meetings/2024-01-24/agenda.yaml:1: waarschuwing: de vorige vergadering kondigde deze "
        f"aan voor 31 januari 2024 ({A1}:8), maar de map heet 2024-01-24",
    ]


def test_volgende_without_a_place_takes_the_committee_s_place(workspace, stukken):
    root = workspace(files(), base=False)
    assert stukken(root, "build", "2023-12-13").exit_code == 0
    text = " ".join(pdf_text(root / "output/2023-12-13/agenda.pdf").split())
    assert (
        "De volgende vergadering is op woensdag 24 januari 2024, 15.45 - 17.15 uur, "
        "Stadhuis Almelo." in text
    )


def test_a_progress_note_copied_for_three_meetings(workspace, stukken):
    verslag_1 = VERSLAG_1.replace(
        "      - besluit: De gemeenten zoeken samen een locatie.\n",
        "      - actie: Locaties in beeld brengen.\n        id: locaties\n",
    )
    note = "acties:\n  locaties:\n    status: loopt\n    toelichting: Wordt aan gewerkt.\n"
    verslag_2 = (
        "aanwezig: [Almelo, Borne, Hengelo, Losser]\n"
        "punten:\n  vaststelling-verslag:\n    vastgesteld: ongewijzigd\n" + note
    )
    agenda_4 = "datum: 2024-04-10\nagenda:\n  - titel: Verslag\n    vaststelling: vorige\n"
    verslag_3 = (
        "aanwezig: [Almelo, Borne, Hengelo, Losser]\n"
        "punten:\n  vaststelling:\n    vastgesteld: ongewijzigd\n" + note
    )
    verslag_4 = (
        "aanwezig: [Almelo, Borne, Hengelo, Losser]\n"
        "punten:\n  verslag:\n    vastgesteld: ongewijzigd\n" + note
    )
    written = files(
        **{
            V1: verslag_1,
            "meetings/2024-01-24/verslag.yaml": verslag_2,
            "meetings/2024-03-13/verslag.yaml": verslag_3,
            "meetings/2024-04-10/agenda.yaml": agenda_4,
            "meetings/2024-04-10/verslag.yaml": verslag_4,
        }
    )
    lines = warnings(stukken, workspace(written, base=False))
    assert [line for line in lines if "stand van zaken" in line] == [
        "meetings/2024-04-10/verslag.yaml:8: waarschuwing: de stand van zaken van actie "
        "'locaties' staat er 3 vergaderingen op rij ongewijzigd; is die nog actueel?",
    ]
