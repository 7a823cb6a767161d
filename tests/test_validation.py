"""Every validation error: exact Dutch message, file:line, exit 1, no traceback."""

from __future__ import annotations

import pytest

AGENDA = "meetings/2024-01-24/agenda.yaml"
VERSLAG = "meetings/2024-01-24/verslag.yaml"


def errors_for(workspace, stukken, files, *args):
    root = workspace(files)
    result = stukken(root, "check", *args)
    assert result.exit_code == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.lines


def test_clean_workspace_checks(workspace, stukken):
    result = stukken(workspace(), "check")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "In orde: 1 vergadering, 3 agendapunten, 1 bijlagen, 0 verslagen, 0 annotaties.\n"
    )


def test_unknown_key_with_suggestion(workspace, stukken):
    lines = errors_for(
        workspace,
        stukken,
        {
            AGENDA: """\
        datum: 2024-01-24
        agenda:
          - titel: Opening
            toelichtng: Welkom.
        """
        },
    )
    assert lines[0] == (
        f"{AGENDA}:4: onbekende sleutel 'toelichtng' in agendapunt (bedoelde u 'toelichting'?)"
    )
    assert lines[-1] == "1 fout gevonden; er is niets geschreven."


def test_wrong_types(workspace, stukken):
    lines = errors_for(
        workspace,
        stukken,
        {
            AGENDA: """\
        datum: 2024-01-24
        nummer: twaalf
        agenda:
          - titel: Opening
            bijlagen: plan
            vragen:
              een: twee
        """
        },
    )
    assert lines[:3] == [
        f"{AGENDA}:2: 'nummer' moet een geheel getal zijn, niet 'twaalf'",
        f"{AGENDA}:5: 'bijlagen' moet een lijst zijn, niet de waarde 'plan'",
        f"{AGENDA}:7: 'vragen' moet een lijst zijn, niet een lijst van sleutels (mapping)",
    ]


def test_impossible_date_and_time(workspace, stukken):
    lines = errors_for(
        workspace,
        stukken,
        {
            AGENDA: """\
        datum: 2024-01-24
        tijd: 25:00
        agenda:
          - titel: Opening
        volgende:
          datum: 2024-02-30
        """
        },
    )
    assert lines[:2] == [
        f"{AGENDA}:2: 'tijd': ongeldige tijd '25:00' (verwacht UU:MM of UU:MM-UU:MM)",
        f"{AGENDA}:6: 'datum': onmogelijke datum '2024-02-30' (verwacht JJJJ-MM-DD)",
    ]


def test_datum_must_match_folder(workspace, stukken):
    lines = errors_for(
        workspace,
        stukken,
        {
            AGENDA: """\
        datum: 2024-01-25
        agenda:
          - titel: Opening
        """
        },
    )
    assert lines[0] == f"{AGENDA}:1: datum 2024-01-25 wijkt af van de mapnaam 2024-01-24"


def test_folder_name_must_be_a_date(workspace, stukken):
    lines = errors_for(workspace, stukken, {"meetings/2024-13-01/agenda.yaml": "datum: x\n"})
    assert lines[0] == (
        "meetings/2024-13-01: mapnaam '2024-13-01' is geen datum (JJJJ-MM-DD, eventueel met "
        "achtervoegsel zoals 2024-01-24-extra)"
    )


def test_missing_required_keys(workspace, stukken):
    lines = errors_for(
        workspace,
        stukken,
        {
            "stukken.yaml": "overleg:\n  naam: ROW\n",
            AGENDA: "datum: 2024-01-24\nagenda:\n  - doel: bespreking\n",
        },
    )
    assert lines[:2] == [
        f"{AGENDA}:3: agendapunt mist de verplichte sleutel 'titel'",
        "stukken.yaml:2: overleg mist de verplichte sleutel 'afkorting'",
    ]


def test_duplicate_ids_and_keys(workspace, stukken):
    lines = errors_for(
        workspace,
        stukken,
        {
            AGENDA: """\
        datum: 2024-01-24
        agenda:
          - titel: Opening
            id: start
          - titel: Mededelingen
            id: start
            titel: Nogmaals
        bijlagen:
          - {id: plan, titel: Plan, bestand: bijlagen/plan.md}
          - {id: plan, titel: Plan 2, bestand: bijlagen/plan.md}
        """
        },
    )
    assert lines[:3] == [
        f"{AGENDA}:6: id 'start' komt twee keer voor in deze agenda (ook op regel 4)",
        f"{AGENDA}:7: sleutel 'titel' staat twee keer in agendapunt (ook op regel 5)",
        f"{AGENDA}:10: bijlage-id 'plan' komt twee keer voor (ook op regel 9)",
    ]


def test_unknown_attachment_reference(workspace, stukken):
    lines = errors_for(
        workspace,
        stukken,
        {
            AGENDA: """\
        datum: 2024-01-24
        agenda:
          - titel: Plan
            bijlagen: [plann]
        bijlagen:
          - {id: plan, titel: Plan, bestand: bijlagen/plan.md}
        """
        },
    )
    assert lines[0] == f"{AGENDA}:4: onbekende bijlage 'plann' (bedoelde u 'plan'?)"


@pytest.mark.parametrize(
    ("bestand", "message"),
    [
        (
            "../../../geheim.md",
            "bijlage '../../../geheim.md' ligt buiten de vergadermap; "
            "zet het bestand in de map van deze vergadering",
        ),
        (
            "/etc/passwd.md",
            "bijlage '/etc/passwd.md' ligt buiten de vergadermap; "
            "zet het bestand in de map van deze vergadering",
        ),
        ("bijlagen/plam.md", "bijlage 'bijlagen/plam.md' bestaat niet (bedoelde u 'plan.md'?)"),
        (
            "bijlagen/plan.docx",
            "bijlage 'bijlagen/plan.docx': alleen .md- en .pdf-bestanden worden ondersteund",
        ),
    ],
)
def test_attachment_paths(workspace, stukken, bestand, message):
    lines = errors_for(
        workspace,
        stukken,
        {
            AGENDA: f"""\
        datum: 2024-01-24
        agenda:
          - titel: Plan
            bijlagen: [plan]
        bijlagen:
          - id: plan
            titel: Plan
            bestand: {bestand}
        """,
            "geheim.md": "geheim",
        },
    )
    assert lines[0] == f"{AGENDA}:8: {message}"


def test_entry_with_two_kinds_and_misplaced_keys(workspace, stukken):
    lines = errors_for(
        workspace,
        stukken,
        {
            VERSLAG: """\
        punten:
          dijk:
            bka:
              - besluit: Het plan wordt vastgesteld.
                actie: Het waterschap voert het uit.
              - knelpunt: Geld ontbreekt.
                wie: Provincie
        """
        },
    )
    assert lines[:2] == [
        f"{VERSLAG}:4: B/K/A-regel heeft precies één soort, hier staan er 2: besluit, actie",
        f"{VERSLAG}:7: 'wie' hoort alleen bij een actie of toezegging",
    ]


def test_unknown_item_in_minutes(workspace, stukken):
    lines = errors_for(
        workspace,
        stukken,
        {
            VERSLAG: """\
        punten:
          dijkk:
            tekst: Besproken.
          9:
            tekst: Bestaat niet.
        """
        },
    )
    assert lines[:2] == [
        f"{VERSLAG}:2: onbekend agendapunt 'dijkk' (bedoelde u 'dijk'?)",
        f"{VERSLAG}:4: onbekend agendapunt '9'",
    ]


def test_invalid_yaml_syntax(workspace, stukken):
    lines = errors_for(
        workspace,
        stukken,
        {
            AGENDA: """\
        datum: 2024-01-24
        agenda:
          - titel: Opening: welkom
        """
        },
    )
    assert lines[0] == (
        f"{AGENDA}:3: ongeldige YAML: hier mag geen 'sleutel: waarde' staan (ontbreekt een "
        "inspringing, of moet de tekst tussen aanhalingstekens?)"
    )


def test_all_problems_reported_at_once_across_files(workspace, stukken):
    lines = errors_for(
        workspace,
        stukken,
        {
            AGENDA: "datum: 2024-01-24\nagenda:\n  - titel: A\n    doel: besluit\n",
            VERSLAG: "status: klaar\n",
        },
    )
    assert lines == [
        f"{AGENDA}:4: 'doel': onbekende waarde 'besluit' (bedoelde u 'besluitvorming'?); "
        "toegestaan: besluitvorming, bespreking, informatie, kennisname, advisering",
        f"{VERSLAG}:1: 'status': onbekende waarde 'klaar'; toegestaan: concept, vastgesteld",
        "2 fouten gevonden; er is niets geschreven.",
    ]


def test_tijd_is_read_as_written_not_as_yaml_number(workspace, stukken):
    root = workspace({AGENDA: "datum: 2024-01-24\ntijd: 15:45\nagenda:\n  - titel: A\n"})
    assert stukken(root, "check").exit_code == 0


def test_no_workspace(tmp_path, stukken):
    result = stukken(tmp_path, "check")
    assert result.exit_code == 1
    assert result.stderr.startswith("fout: geen stukken.yaml gevonden in ")


def test_same_day_meetings_need_the_full_name(workspace, stukken):
    root = workspace(
        {
            "meetings/2024-01-24-extra/agenda.yaml": "datum: 2024-01-24\nagenda:\n  - titel: A\n",
        }
    )
    result = stukken(root, "check", "2024-01-24")
    assert result.exit_code == 1
    assert result.stderr == (
        "fout: 2024-01-24 noemt meer dan één vergadering: 2024-01-24, 2024-01-24-extra; "
        "geef de volledige mapnaam (bijv. 2024-01-24-extra, of meetings/2024-01-24)\n"
    )
    assert stukken(root, "check", "2024-01-24-extra").exit_code == 0
    assert stukken(root, "check", "meetings/2024-01-24").exit_code == 0


def test_unknown_meeting(workspace, stukken):
    result = stukken(workspace(), "check", "2024-01-25")
    assert result.stderr == (
        "fout: geen vergadering '2024-01-25' in meetings/ (bedoelde u '2024-01-24'?)\n"
    )


def test_misspelt_required_key_is_reported_once(workspace, stukken):
    lines = errors_for(workspace, stukken, {AGENDA: "datum: 2024-01-24\nagenda:\n  - titl: A\n"})
    assert lines == [
        f"{AGENDA}:3: onbekende sleutel 'titl' in agendapunt (bedoelde u 'titel'?)",
        "1 fout gevonden; er is niets geschreven.",
    ]
