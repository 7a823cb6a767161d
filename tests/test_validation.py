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
        "In orde: 1 vergadering, 3 agendapunten, 1 bijlage, 0 verslagen, 0 annotaties.\n"
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
        f"{AGENDA}:7: 'vragen' moet een lijst zijn, niet sleutels met waarden",
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
        (
            "bijlagen/plam.md",
            "bijlage 'bijlagen/plam.md' bestaat niet (bedoelde u 'bijlagen/plan.md'?)",
        ),
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
        f"{VERSLAG}:4: onbekend agendapunt '9' (de agenda telt de punten 1 tot en met 3)",
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


def test_entries_and_required_keys_need_text(workspace, stukken):
    lines = errors_for(
        workspace,
        stukken,
        {
            AGENDA: "datum: 2024-01-24\nagenda:\n  - titel: ''\n",
            VERSLAG: """\
            punten:
              1:
                bka:
                  - actie:
                    wie: X
                  - besluit: ''
            """,
        },
    )
    assert lines[:3] == [
        f"{AGENDA}:3: 'titel' mag niet leeg zijn",
        f"{VERSLAG}:4: 'actie' heeft geen tekst",
        f"{VERSLAG}:6: 'besluit' heeft geen tekst",
    ]


def test_two_attachments_may_not_share_a_numeral(workspace, stukken):
    lines = errors_for(
        workspace,
        stukken,
        {
            AGENDA: """\
        datum: 2024-01-24
        agenda:
          - titel: Stukken
            bijlagen: [a, b]
        bijlagen:
          - {id: a, titel: A, bestand: bijlagen/plan.md}
          - {id: b, titel: B, bestand: bijlagen/plan.md, nummer: I}
        """
        },
    )
    assert lines[0] == (
        f"{AGENDA}:7: bijlage 'b' krijgt nummer I, net als bijlage 'a'; geef een ander 'nummer'"
    )


def test_a_broken_earlier_meeting_gives_no_follow_on_errors(workspace, stukken):
    lines = errors_for(
        workspace,
        stukken,
        {
            "meetings/2023-12-13/agenda.yaml": "datum: 2023-12-13\nagenda:\n\t- titel: A\n",
            "meetings/2023-12-13/verslag.yaml": "punten:\n  1:\n    bka:\n      - actie: X\n",
            AGENDA: """\
            datum: 2024-01-24
            agenda:
              - titel: Verslag
                bijlagen: [vorig]
            bijlagen:
              - {id: vorig, verslag: 2023-12-13}
            """,
            VERSLAG: "acties:\n  2023-12-13.1: afgerond\n",
        },
    )
    assert lines == [
        "meetings/2023-12-13/agenda.yaml:3: ongeldige YAML: tab gevonden; spring in met spaties",
        "1 fout gevonden; er is niets geschreven.",
    ]


def test_minutes_of_a_later_meeting_cannot_be_attached(workspace, stukken):
    root = workspace(
        {
            AGENDA: """\
            datum: 2024-01-24
            agenda:
              - titel: Verslag
                bijlagen: [later]
            bijlagen:
              - {id: later, verslag: 2024-03-13}
            """,
            "meetings/2024-03-13/agenda.yaml": "datum: 2024-03-13\nagenda:\n  - titel: A\n",
            "meetings/2024-03-13/verslag.yaml": "status: concept\n",
        }
    )
    expected = (
        f"{AGENDA}:6: bijlage 'later': het verslag van 2024-03-13 kan pas na die "
        "vergadering bijgevoegd worden"
    )
    for args in (("check",), ("build", "2024-01-24")):
        result = stukken(root, *args)
        assert result.exit_code == 1
        assert result.lines[0] == expected


def test_two_meetings_on_one_day_follow_their_starting_times(workspace, stukken):
    root = workspace(
        {
            "meetings/2024-01-24/agenda.yaml": "datum: 2024-01-24\ntijd: 15:45\nagenda:\n"
            "  - titel: Middag\n",
            "meetings/2024-01-24/verslag.yaml": "acties:\n  2024-01-24-ochtend.1: afgerond\n",
            "meetings/2024-01-24-ochtend/agenda.yaml": "datum: 2024-01-24\ntijd: 09:00\n"
            "agenda:\n  - titel: Ochtend\n",
            "meetings/2024-01-24-ochtend/verslag.yaml": "punten:\n  1:\n    bka:\n"
            "      - actie: Iets doen.\n",
        }
    )
    result = stukken(root, "check")
    assert result.exit_code == 0, result.stderr


def test_update_of_a_closed_action_is_warned_about(workspace, stukken):
    root = workspace(
        {
            "meetings/2023-12-13/agenda.yaml": "datum: 2023-12-13\nagenda:\n  - titel: A\n",
            "meetings/2023-12-13/verslag.yaml": "punten:\n  1:\n    bka:\n      - actie: X\n",
            "meetings/2024-01-10/agenda.yaml": "datum: 2024-01-10\nagenda:\n  - titel: B\n",
            "meetings/2024-01-10/verslag.yaml": "acties:\n  2023-12-13.1: afgerond\n",
            VERSLAG: "acties:\n  2023-12-13.1: {toelichting: Toch nog iets.}\n",
        }
    )
    result = stukken(root, "check")
    assert result.exit_code == 0
    assert result.lines == [
        "meetings/2023-12-13/verslag.yaml:1: waarschuwing: het verslag van 13 december 2023 is "
        "nog niet ter vaststelling geagendeerd; zet 'vaststelling: 2023-12-13' bij een "
        "agendapunt van een latere vergadering",
        "meetings/2024-01-10/verslag.yaml:1: waarschuwing: het verslag van 10 januari 2024 is "
        "nog niet ter vaststelling geagendeerd; zet 'vaststelling: 2024-01-10' bij een "
        "agendapunt van een latere vergadering",
        f"{VERSLAG}:2: waarschuwing: actie '2023-12-13.1' is al gesloten in de vergadering "
        "van 2024-01-10; deze regel verandert niets (zet status: open of loopt om haar te "
        "heropenen)",
    ]


def test_minutes_marked_vastgesteld_without_a_date_are_warned_about(workspace, stukken):
    # The format: vastgesteld_op goes with status vastgesteld; without it (and with no later
    # item adopting them) the closing block 'Aldus vastgesteld ...' would have no date.
    root = workspace({VERSLAG: "status: vastgesteld\npunten: {}\n"})
    result = stukken(root, "check")
    assert result.exit_code == 0
    assert result.lines == [
        f"{VERSLAG}:1: waarschuwing: status: vastgesteld zonder vastgesteld_op; het verslag "
        "sluit dan zonder de datum van vaststelling (zet bijvoorbeeld "
        "'vastgesteld_op: JJJJ-MM-DD')",
    ]
    root = workspace({VERSLAG: "status: vastgesteld\nvastgesteld_op: 2024-02-07\npunten: {}\n"})
    assert stukken(root, "check").lines == []


@pytest.mark.parametrize(
    ("tijd", "shown"),
    [
        ("15:45", "15.45 uur"),
        ("15.45-17.15 uur", "15.45 - 17.15 uur"),
        ("9:00 – 10:30", "9.00 - 10.30 uur"),
        ("14:00 tot 15:00", "14.00 - 15.00 uur"),
    ],
)
def test_time_notations(workspace, stukken, tijd, shown):
    import yaml

    from vergaderstukken.dutch import tijd as format_tijd
    from vergaderstukken.exceptions import Problems
    from vergaderstukken.schema.types import Context, TimeRange

    problems = Problems()
    value = TimeRange().convert(yaml.compose(f"'{tijd}'"), Context(None, problems), "'tijd'")
    assert not problems.errors and format_tijd(value) == shown


def test_end_before_start(workspace, stukken):
    lines = errors_for(
        workspace,
        stukken,
        {AGENDA: "datum: 2024-01-24\ntijd: 17:00-16:00\nagenda:\n  - titel: A\n"},
    )
    assert lines[0] == f"{AGENDA}:2: 'tijd': eindtijd 16:00 ligt niet na begintijd 17:00"


def test_items_by_meeting_number_and_number_like_ids(workspace, stukken):
    root = workspace(
        {
            AGENDA: """\
            datum: 2024-01-24
            nummer: 12
            agenda:
              - titel: Opening
                id: '3'
              - titel: Tweede
              - titel: Derde
            """,
            VERSLAG: "punten:\n  '12.2':\n    tekst: Via het verslagnummer.\n"
            "  3:\n    tekst: Het derde punt, niet het punt met id 3.\n",
        }
    )
    result = stukken(root, "check")
    assert result.exit_code == 0, result.stderr
    assert result.lines == [
        f"{AGENDA}:5: waarschuwing: id '3' lijkt op een agendanummer; een verwijzing als '3' "
        "of '2b' betekent altijd het nummer"
    ]
    from vergaderstukken.load.werkmap import load_werkmap

    vergadering = load_werkmap(root)[0].vergaderingen[0]
    assert vergadering.verslag.punten["derde"].tekst.startswith("Het derde punt")
    assert vergadering.verslag.punten["tweede"].tekst == "Via het verslagnummer."


def test_hidden_files_and_empty_agenda(workspace, stukken):
    root = workspace(
        {
            "meetings/.git/HEAD": "ref: refs/heads/main\n",
            "meetings/2024-01-24/annotaties/.kladje.yaml": "niet: geldig: yaml:\n",
            "meetings/2024-03-13/agenda.yml": "datum: 2024-03-13\n",
        }
    )
    result = stukken(root, "check")
    assert result.lines[0] == (
        "meetings/2024-03-13/agenda.yaml: agenda.yaml ontbreekt in deze vergadermap; "
        "hernoem agenda.yml naar agenda.yaml"
    )
    assert len(result.lines) == 2
    (root / "meetings/2024-03-13/agenda.yml").rename(root / "meetings/2024-03-13/agenda.yaml")
    (root / "meetings/2024-03-13/agenda.yaml").write_text("datum: 2024-03-13\nagenda: []\n")
    result = stukken(root, "check")
    assert result.exit_code == 0
    assert result.lines == [
        "meetings/2024-03-13/agenda.yaml:2: waarschuwing: de agenda heeft geen punten"
    ]
