"""Adopting minutes across meetings (format.md part 2): `vaststelling:` on an item,
`vastgesteld:` in the adopting minutes; the adopted minutes change state without their
file being edited, as the PDFs, the DOCX and the decision lists show."""

from __future__ import annotations

import pytest

from conftest import docx_text, in_order, pdf_text
from cyclus_werkmap import AGENDA_2, VERSLAG_1, VERSLAG_2, files

V1 = "meetings/2023-12-13/verslag.yaml"
V2 = "meetings/2024-01-24/verslag.yaml"
A2 = "meetings/2024-01-24/agenda.yaml"
A3 = "meetings/2024-03-13/agenda.yaml"


@pytest.fixture(scope="module")
def gebouwd(tmp_path_factory):
    """The cycle workspace with meeting 1 and meeting 3 built (module scope: renders once)."""
    from click.testing import CliRunner

    from conftest import write_files
    from vergaderstukken.__main__ import cli

    root = write_files(tmp_path_factory.mktemp("cyclus") / "werkmap", files())
    runner = CliRunner()
    for datum in ("2023-12-13", "2024-01-24", "2024-03-13"):
        result = runner.invoke(cli, ["build", datum, "--werkmap", str(root)])
        assert result.exit_code == 0, result.output
    return root / "output"


def test_adopted_minutes_lose_the_concept_mark_and_say_where_they_were_adopted(gebouwd):
    text = pdf_text(gebouwd / "2023-12-13/verslag.pdf")
    assert "CONCEPT" not in text.upper().replace("CONCEPT:", "")  # no mark, no status line
    assert "Concept" not in text
    assert in_order(
        text,
        "Vastgesteld in de vergadering van 24 januari 2024",
        "Vastgesteld met de volgende wijzigingen:",
        'In punt 11.2 wordt "samen" gelezen als "gezamenlijk".',
        "De gemeenten zoeken samen een locatie.",
        "Aldus vastgesteld in de vergadering van 24 januari 2024.",
        "De voorzitter,",
        "De secretaris,",
    )
    assert "Anna de Vries" in text  # the chair of the adopting meeting signs
    assert "Ilse Jansen" in text  # overleg.secretaris
    lijst = pdf_text(gebouwd / "2023-12-13/actie-en-besluitenlijst.pdf")
    assert "Vastgesteld in de vergadering van 24 januari 2024" in lijst
    assert "CONCEPT" not in lijst


def test_the_adopted_minutes_file_is_not_edited(gebouwd):
    root = gebouwd.parent
    assert (root / V1).read_text(encoding="utf-8") == VERSLAG_1


def test_adopted_minutes_in_word_too(gebouwd):
    text = docx_text(gebouwd / "2023-12-13/verslag.docx")
    assert in_order(
        text,
        "Vastgesteld in de vergadering van 24 januari 2024",
        'In punt 11.2 wordt "samen" gelezen als "gezamenlijk".',
        "Aldus vastgesteld in de vergadering van 24 januari 2024.",
        "De voorzitter, Anna de Vries",
        "De secretaris, Ilse Jansen",
    )
    assert "CONCEPT" not in text


def test_the_adopting_meeting_records_the_decision(gebouwd):
    lijst = " ".join(pdf_text(gebouwd / "2024-01-24/actie-en-besluitenlijst.pdf").split())
    assert in_order(
        lijst,
        "Besluiten en afspraken",
        "12.2",
        "Het verslag van de vergadering van 13 december 2023 wordt gewijzigd vastgesteld.",
        'In punt 11.2 wordt "samen" gelezen als "gezamenlijk".',
    )
    md = (gebouwd / "2024-01-24/besluitenlijst.md").read_text(encoding="utf-8")
    assert (
        "| 1 | 12.2 | besluit | Het verslag van de vergadering van 13 december 2023 wordt "
        'gewijzigd vastgesteld. | In punt 11.2 wordt "samen" gelezen als "gezamenlijk". |'
    ) in md
    verslag = pdf_text(gebouwd / "2024-01-24/verslag.pdf")
    assert "Het verslag van de vergadering van 13 december 2023 wordt gewijzigd vastgesteld." in (
        verslag.replace("\n", " ")
    )
    # the adopting meeting's own minutes are still a concept: nobody adopted them yet
    assert "CONCEPT" in verslag.upper()


def test_vorige_gets_the_previous_minutes_as_an_attachment(gebouwd):
    agenda = pdf_text(gebouwd / "2024-03-13/agenda.pdf")
    assert "Bijlage I: Verslag TRA 24 januari 2024" in agenda
    pakket = pdf_text(gebouwd / "2024-03-13/vergaderpakket.pdf")
    assert in_order(pakket, "Bijlage I", "Verslag TRA 24 januari 2024", "bij agendapunt 2")
    assert "Verslag Twentse Regietafel Asielinstroom" in pakket  # the minutes themselves


def test_an_existing_verslag_attachment_is_reused(workspace, stukken):
    from vergaderstukken.load.werkmap import load_werkmap

    agenda = AGENDA_2.replace(
        "    vaststelling: 2023-12-13\n",
        "    vaststelling: 2023-12-13\n    bijlagen: [notulen]\n",
    ) + ("bijlagen:\n  - id: notulen\n    titel: Notulen 13 december\n    verslag: 2023-12-13\n")
    root = workspace(files(**{A2: agenda}), base=False)
    werkmap, _ = load_werkmap(root)
    vergadering = werkmap.vergadering("2024-01-24")
    assert [(b.id, b.titel, b.nummer) for b in vergadering.bijlagen] == [
        ("notulen", "Notulen 13 december", "I")
    ]


def test_the_item_keeps_a_besluit_written_by_hand(workspace):
    from vergaderstukken.gather import Verzameling
    from vergaderstukken.load.werkmap import load_werkmap

    verslag = VERSLAG_2.replace(
        "    vastgesteld: gewijzigd\n",
        "    vastgesteld: gewijzigd\n    bka:\n      - besluit: Het verslag wordt vastgesteld.\n",
    )
    root = workspace(files(**{V2: verslag}), base=False)
    werkmap, _ = load_werkmap(root)
    gegevens = Verzameling(werkmap).van(werkmap.vergadering("2024-01-24"))
    assert [r.tekst for r in gegevens.lijsten.besluiten] == ["Het verslag wordt vastgesteld."]


def test_aangehouden_leaves_the_minutes_concept_and_says_so(workspace, stukken):
    verslag = VERSLAG_2.replace("vastgesteld: gewijzigd", "vastgesteld: aangehouden").replace(
        '    wijzigingen: |\n      In punt 11.2 wordt "samen" gelezen als "gezamenlijk".\n', ""
    )
    root = workspace(files(**{V2: verslag}), base=False)
    assert stukken(root, "build", "2023-12-13").exit_code == 0
    text = pdf_text(root / "output/2023-12-13/verslag.pdf")
    assert "CONCEPT: NOG NIET VASTGESTELD" in text
    assert "De vaststelling is aangehouden in de vergadering van 24 januari 2024." in text
    assert "Aldus vastgesteld" not in text
    assert stukken(root, "build", "2024-01-24").exit_code == 0
    md = (root / "output/2024-01-24/besluitenlijst.md").read_text(encoding="utf-8")
    assert "De vaststelling van het verslag van de vergadering van 13 december 2023 wordt " in md


def test_ongewijzigd(workspace, stukken):
    verslag = VERSLAG_2.replace("vastgesteld: gewijzigd", "vastgesteld: ongewijzigd").replace(
        '    wijzigingen: |\n      In punt 11.2 wordt "samen" gelezen als "gezamenlijk".\n', ""
    )
    root = workspace(files(**{V2: verslag}), base=False)
    result = stukken(root, "build", "2023-12-13")
    assert result.exit_code == 0, result.stderr
    text = pdf_text(root / "output/2023-12-13/verslag.pdf")
    assert "Vastgesteld in de vergadering van 24 januari 2024" in text
    assert "wijzigingen" not in text
    md = (root / "output/2023-12-13/besluitenlijst.md").read_text(encoding="utf-8")
    assert "Verslag: vastgesteld (vastgesteld op 24 januari 2024)" in md


def check_lines(stukken, root) -> list[str]:
    result = stukken(root, "check")
    assert "Traceback" not in result.stderr
    return result.lines


def test_a_conflicting_hand_written_date_is_an_error_at_both_files(workspace, stukken):
    verslag_1 = "status: vastgesteld\nvastgesteld_op: 2024-01-20\n" + VERSLAG_1.replace(
        "status: concept\n", ""
    )
    root = workspace(files(**{V1: verslag_1}), base=False)
    assert check_lines(stukken, root) == [
        f"{V1}:2: vastgesteld_op 2024-01-20 wijkt af van de vaststelling in de vergadering "
        f"van 24 januari 2024 ({V2}:5)",
        f"{V2}:5: het verslag van 2023-12-13 staat daar als vastgesteld op 20 januari 2024 "
        f"({V1}:2), niet op 24 januari 2024",
        "2 fouten gevonden; er is niets geschreven.",
    ]


def test_an_agreeing_hand_written_state_is_fine(workspace, stukken):
    verslag_1 = "status: vastgesteld\nvastgesteld_op: 2024-01-24\n" + VERSLAG_1.replace(
        "status: concept\n", ""
    )
    root = workspace(files(**{V1: verslag_1}), base=False)
    result = stukken(root, "check")
    assert result.exit_code == 0, result.stderr


def test_hand_written_vastgesteld_against_aangehouden_is_an_error_at_both(workspace, stukken):
    verslag_1 = "status: vastgesteld\n" + VERSLAG_1.replace("status: concept\n", "")
    verslag_2 = VERSLAG_2.replace("vastgesteld: gewijzigd", "vastgesteld: aangehouden").replace(
        '    wijzigingen: |\n      In punt 11.2 wordt "samen" gelezen als "gezamenlijk".\n', ""
    )
    root = workspace(files(**{V1: verslag_1, V2: verslag_2}), base=False)
    assert check_lines(stukken, root) == [
        f"{V1}:1: status: vastgesteld, maar de vaststelling is aangehouden in de vergadering "
        f"van 24 januari 2024 ({V2}:5)",
        f"{V2}:5: het verslag van 2023-12-13 staat daar als vastgesteld ({V1}:1), maar wordt "
        "hier aangehouden",
        "2 fouten gevonden; er is niets geschreven.",
    ]


def test_the_conflict_is_found_when_checking_the_old_meeting_alone(workspace, stukken):
    verslag_1 = "status: vastgesteld\nvastgesteld_op: 2024-01-20\n" + VERSLAG_1.replace(
        "status: concept\n", ""
    )
    root = workspace(files(**{V1: verslag_1}), base=False)
    result = stukken(root, "check", "2023-12-13")
    assert result.exit_code == 1
    assert f"{V2}:5: het verslag van 2023-12-13 staat daar als vastgesteld" in result.stderr


def test_wrong_use_of_vastgesteld_and_wijzigingen(workspace, stukken):
    verslag_2 = VERSLAG_2.replace(
        "punten:\n",
        "punten:\n  opening:\n    vastgesteld: ongewijzigd\n  wvttk:\n    wijzigingen: Niets.\n",
    )
    root = workspace(files(**{V2: verslag_2}), base=False)
    assert check_lines(stukken, root) == [
        f"{V2}:5: 'vastgesteld' hoort bij een agendapunt met 'vaststelling'; agendapunt 1 "
        "('opening') stelt geen verslag vast",
        f"{V2}:7: 'wijzigingen' hoort bij 'vastgesteld: gewijzigd'",
        "2 fouten gevonden; er is niets geschreven.",
    ]


def test_adopting_twice_is_an_error(workspace, stukken):
    agenda_3 = AGENDA_2.replace("2024-01-24", "2024-03-13").replace("nummer: 12", "nummer: 13")
    verslag_3 = VERSLAG_2.replace("vastgesteld: gewijzigd", "vastgesteld: ongewijzigd").replace(
        '    wijzigingen: |\n      In punt 11.2 wordt "samen" gelezen als "gezamenlijk".\n', ""
    )
    root = workspace(
        files(
            **{A3: agenda_3, "meetings/2024-03-13/verslag.yaml": verslag_3},
        ),
        base=False,
    )
    lines = check_lines(stukken, root)
    assert (
        "meetings/2024-03-13/verslag.yaml:5: het verslag van 2023-12-13 is al vastgesteld in "
        f"de vergadering van 24 januari 2024 ({V2}:5)"
    ) in lines


@pytest.mark.parametrize(
    ("vaststelling", "message"),
    [
        (
            "2023-12-14",
            "agendapunt 2: geen vergadering '2023-12-14' om het verslag van vast te "
            "stellen (bedoelde u '2023-12-13'?)",
        ),
        (
            "2024-03-13",
            "agendapunt 2: het verslag van 2024-03-13 kan pas na die vergadering "
            "vastgesteld worden",
        ),
    ],
)
def test_a_wrong_vaststelling_target(workspace, stukken, vaststelling, message):
    agenda = AGENDA_2.replace("vaststelling: 2023-12-13", f"vaststelling: {vaststelling}")
    root = workspace(files(**{A2: agenda}), base=False)
    lines = check_lines(stukken, root)
    assert f"{A2}:9: {message}" in lines


def test_vorige_without_an_earlier_meeting(workspace, stukken):
    agenda = AGENDA_2.replace("vaststelling: 2023-12-13", "vaststelling: vorige")
    root = workspace({"stukken.yaml": files()["stukken.yaml"], A2: agenda}, base=False)
    assert check_lines(stukken, root) == [
        f"{A2}:9: agendapunt 2: 'vaststelling: vorige', maar er is geen eerdere vergadering",
        "1 fout gevonden; er is niets geschreven.",
    ]


def test_minutes_without_verslag_yaml_cannot_be_adopted(workspace, stukken):
    written = files()
    del written[V1]
    root = workspace(written, base=False)
    lines = check_lines(stukken, root)
    assert (
        f"{A2}:9: agendapunt 2: vergadering 2023-12-13 heeft (nog) geen verslag.yaml om vast "
        "te stellen"
    ) in lines


def test_minutes_never_put_up_for_adoption_are_pointed_out(workspace, stukken):
    agenda = AGENDA_2.replace("    vaststelling: 2023-12-13\n", "")
    verslag = VERSLAG_2.replace(
        '    vastgesteld: gewijzigd\n    wijzigingen: |\n      In punt 11.2 wordt "samen" '
        'gelezen als "gezamenlijk".\n',
        "    tekst: Besproken.\n",
    )
    root = workspace(files(**{A2: agenda, V2: verslag}), base=False)
    result = stukken(root, "check")
    assert result.exit_code == 0, result.stderr
    assert (
        f"{V1}:1: waarschuwing: het verslag van 13 december 2023 is nog niet ter vaststelling "
        "geagendeerd; zet 'vaststelling: 2023-12-13' bij een agendapunt van een latere "
        "vergadering"
    ) in result.lines
    # the latest meeting's minutes wait for the next meeting: no warning for them
    assert not any("2024-01-24" in line and "geagendeerd" in line for line in result.lines)


def test_a_cycle_checks_without_adoption_warnings(workspace, stukken):
    result = stukken(workspace(files(), base=False), "check")
    assert result.exit_code == 0, result.stderr
    assert "geagendeerd" not in result.stderr
