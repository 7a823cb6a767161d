"""`stukken acties`: open actions as a terminal table, with --wie, --per and --alle."""

from __future__ import annotations

import pytest

import verslag_werkmap
from vergaderstukken.commands.acties import acties, tabel


@pytest.fixture
def root(workspace, monkeypatch):
    monkeypatch.setenv("COLUMNS", "140")  # wide enough that no cell wraps
    return workspace(verslag_werkmap.files())


def ids(stdout: str) -> list[str]:
    """The Nr column: the first word of each table row after the ruler."""
    lines = stdout.splitlines()
    ruler = next(i for i, line in enumerate(lines) if line.startswith("----"))
    return [line.split()[0] for line in lines[ruler + 1 :] if line and not line.startswith(" ")]


def test_open_actions_after_the_latest_meeting(root, stukken):
    result = stukken(root, "acties")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Openstaande acties na de vergadering van 13 maart 2024: 4"
    assert lines[1].split() == ["Nr", "Actie", "Wie", "Termijn", "Status", "Vergadering"]
    assert ids(result.stdout) == ["2024-01-24.3", "2024-01-24.4", "2024-03-13.1", "2024-03-13.2"]
    row = next(line for line in lines if line.startswith("2024-01-24.4"))
    assert row.split("  ")[0] == "2024-01-24.4"
    assert "Secretariaat | ambtelijk overleg stemt de cijfers af." in row
    assert "29 februari 2024" in row and row.rstrip().endswith("open    2024-01-24")
    # Overdue is said in words, on the row or the line below it.
    below = lines[lines.index(row) + 1]
    assert "(VERLOPEN)" in row + below
    toezegging = next(line for line in lines if line.startswith("2024-03-13.2"))
    assert "Toezegging: De voorzitter informeert de Commissaris van de Koning." in toezegging
    assert "voor de zomer" in toezegging
    # The latest progress note is shown under the action.
    assert "» Presentatie volgt na het overleg met het COA." in result.stdout


def test_wie_filters_case_insensitively_on_the_owner(root, stukken):
    result = stukken(root, "acties", "--wie", "SECRETARIAAT")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == (
        "Openstaande acties na de vergadering van 13 maart 2024, verantwoordelijk: "
        "'SECRETARIAAT': 2"
    )
    assert ids(result.stdout) == ["2024-01-24.4", "2024-03-13.1"]
    assert ids(stukken(root, "acties", "--wie", "coa").stdout) == ["2024-01-24.3"]


def test_alle_includes_closed_actions(root, stukken):
    result = stukken(root, "acties", "--alle")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "Alle acties na de vergadering van 13 maart 2024: 6"
    assert ids(result.stdout) == [
        "2024-01-24.1",
        "cijfers",
        "2024-01-24.3",
        "2024-01-24.4",
        "2024-03-13.1",
        "2024-03-13.2",
    ]
    rows = {line.split()[0]: line for line in result.stdout.splitlines()}
    assert "afgerond" in rows["2024-01-24.1"]
    assert "vervallen" in rows["cijfers"]
    assert "VERLOPEN" not in rows["2024-01-24.1"]  # closed actions are never overdue


def test_per_meeting_shows_the_state_after_that_meeting(root, stukken):
    result = stukken(root, "acties", "--per", "2024-01-24")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == (
        "Openstaande acties na de vergadering van 24 januari 2024: 4"
    )
    assert ids(result.stdout) == ["2024-01-24.1", "cijfers", "2024-01-24.3", "2024-01-24.4"]
    assert "VERLOPEN" not in result.stdout
    assert "15 februari 2024" in result.stdout  # the termijn before it was changed


def test_per_date_between_meetings_judges_overdue_on_that_date(root, stukken):
    result = stukken(root, "acties", "--per", "2024-02-20")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == (
        "Openstaande acties op 20 februari 2024 (na de vergadering van 24 januari 2024): 4"
    )
    overzicht = acties(root, per="2024-02-20")
    assert [(s.id, s.te_laat) for s in overzicht.acties] == [
        ("2024-01-24.1", True),  # 1 februari
        ("cijfers", False),  # 'begin februari' is text, never overdue
        ("2024-01-24.3", True),  # 15 februari
        ("2024-01-24.4", False),  # 29 februari
    ]


def test_no_matching_actions_is_not_an_error(root, stukken):
    result = stukken(root, "acties", "--wie", "niemand")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Openstaande acties na de vergadering van 13 maart 2024, verantwoordelijk: 'niemand': 0",
        "Geen openstaande acties voor 'niemand'.",
    ]


def test_workspace_without_minutes(workspace, stukken):
    result = stukken(workspace(), "acties")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Openstaande acties na de vergadering van 24 januari 2024: 0",
        "Er staan geen acties open.",
    ]


def test_per_errors_are_dutch(root, stukken):
    result = stukken(root, "acties", "--per", "2023-01-01")
    assert result.exit_code == 1
    assert result.stderr == "fout: er is geen vergadering op of vóór 1 januari 2023\n"
    result = stukken(root, "acties", "--per", "gisteren")
    assert result.exit_code == 1
    assert result.stderr == "fout: geen vergadering 'gisteren' in meetings/\n"
    for args in (["acties", "--per", "2025-13-01"], ["build", "2025-13-01"]):
        result = stukken(root, *args)
        assert result.exit_code == 1
        assert result.stderr == "fout: '2025-13-01' is geen bestaande datum (JJJJ-MM-DD)\n"


def test_table_fits_a_narrow_terminal(root):
    text = tabel(acties(root), breedte=100)
    assert max(len(line) for line in text.splitlines()) <= 100
    assert "Secretariaat | ambtelijk" in text


def test_help_is_dutch(root, stukken):
    result = stukken(root, "acties", "--help")
    assert result.exit_code == 0
    assert "Toon de openstaande acties en toezeggingen als tabel." in result.stdout
    assert "--wie TEKST" in result.stdout
    assert "--per DATUM" in result.stdout
    assert "Ook afgeronde en vervallen acties tonen." in result.stdout


def test_long_words_keep_the_columns_aligned(workspace):
    files = verslag_werkmap.files()
    path = "meetings/2024-01-24/verslag.yaml"
    files[path] = files[path].replace(
        "wie: Projectleider Oekraïne", "wie: Projectleiderasielopvangoekraine"
    )
    text = tabel(acties(workspace(files), alle=True), breedte=100)
    lines = text.splitlines()
    status = lines[0].index("Status")
    rows = [line for line in lines[2:] if line[:1].strip()]
    # Every row's status word starts in the Status column.
    assert all(
        line[status:].split()[0] in ("open", "loopt", "afgerond", "vervallen") for line in rows
    )
    assert "Projectleiderasielopvangoekraine" in text
