"""Hostile or careless input while loading: bounded work, one clear Dutch `file:line`."""

from __future__ import annotations

import os

import pytest

from vergaderstukken.safe_read import shown

AGENDA = "meetings/2024-01-24/agenda.yaml"
VERSLAG = "meetings/2024-01-24/verslag.yaml"
PLAN = "meetings/2024-01-24/bijlagen/plan.md"
HEAD = "datum: 2024-01-24\nagenda:\n  - titel: Opening\n"
AGENDA_MET_PLAN = (
    HEAD + "    bijlagen: [plan]\nbijlagen:\n  - id: plan\n    titel: Plan\n    bestand: {}\n"
)
BUITEN = "stukken leest alleen bestanden binnen de werkmap"


def check_errors(stukken, root) -> list[str]:
    result = stukken(root, "check")
    assert result.exit_code == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert result.lines[-1].endswith("gevonden; er is niets geschreven.")
    return result.lines[:-1]


def test_a_huge_text_field_is_refused_at_its_line(workspace, stukken):
    root = workspace({AGENDA: HEAD + "    toelichting: " + "x" * 5_000_000 + "\n"})
    assert check_errors(stukken, root) == [
        f"{AGENDA}:4: tekst is te lang (5.000.000 tekens; hoogstens 1.000.000 per veld)"
    ]


@pytest.mark.parametrize(
    "vragen, line",
    [
        ("[" * 500 + "]" * 500, 4),
        ("\n" + "".join("  " * (depth + 3) + "-\n" for depth in range(500)), 52),
    ],
    ids=["flow", "block"],
)
def test_deep_nesting_is_refused(workspace, stukken, vragen, line):
    root = workspace({AGENDA: HEAD + "    vragen: " + vragen + "\n"})
    assert check_errors(stukken, root) == [f"{AGENDA}:{line}: te diep genest (meer dan 50 niveaus)"]


@pytest.mark.parametrize("digits", [4_000, 5_000])
def test_a_number_of_thousands_of_digits_is_refused(workspace, stukken, digits):
    root = workspace({AGENDA: HEAD.replace("agenda:", f"nummer: {'9' * digits}\nagenda:")})
    assert check_errors(stukken, root) == [
        f"{AGENDA}:2: 'nummer' is te groot ({digits} cijfers; hoogstens 9)"
    ]


def test_billion_laughs_is_refused_at_the_alias_that_explodes(workspace, stukken):
    levels = ["  a: &a [" + ", ".join(["haha"] * 10) + "]"]
    for level in range(1, 9):
        name, previous = chr(97 + level), chr(96 + level)
        levels.append(f"  {name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
    root = workspace({AGENDA: HEAD + "volgende:\n" + "\n".join(levels) + "\n"})
    assert check_errors(stukken, root) == [
        f"{AGENDA}:9: te veel waarden in dit bestand (meer dan 100.000, aliassen meegeteld)"
    ]


def test_an_alias_inside_itself_is_refused(workspace, stukken):
    root = workspace({AGENDA: HEAD + "    vragen: &lus [*lus]\n"})
    assert check_errors(stukken, root) == [f"{AGENDA}:4: een alias verwijst naar zichzelf"]


def test_a_huge_yaml_file_is_refused_unread(workspace, stukken):
    root = workspace({AGENDA: HEAD + "    titel: Rondvraag\n" * 600_000})
    assert check_errors(stukken, root) == [
        f"{AGENDA}: agenda.yaml is te groot (12,6 MB; hoogstens 10 MB)"
    ]


def test_many_small_values_are_refused(workspace, stukken):
    root = workspace({AGENDA: HEAD + "  - titel: Punt\n" * 60_000})
    assert check_errors(stukken, root) == [
        f"{AGENDA}:33334: te veel waarden in dit bestand (meer dan 100.000, aliassen meegeteld)"
    ]


def test_an_unclosed_quote_is_reported_where_it_opens(workspace, stukken):
    root = workspace({AGENDA: HEAD + "  - titel: 'Rondvraag\n  - titel: Sluiting\n"})
    assert check_errors(stukken, root) == [
        f"{AGENDA}:4: ongeldige YAML: aanhalingsteken op deze regel wordt nergens gesloten"
    ]


def test_an_unclosed_bracket_is_reported_where_it_opens(workspace, stukken):
    root = workspace({AGENDA: "datum: 2024-01-24\nagenda: [\n  {titel: Opening},\n"})
    assert check_errors(stukken, root) == [
        f"{AGENDA}:2: ongeldige YAML: '[' op deze regel wordt nergens gesloten"
    ]


def test_nul_and_non_utf8_bytes_are_reported_at_their_line(workspace, stukken):
    root = workspace(
        {
            AGENDA: HEAD + "  - titel: Rond\0vraag\n",
            "stukken.yaml": b"overleg:\n  naam: Overleg\n  afkorting: Caf\xe9\n",
        }
    )
    assert check_errors(stukken, root) == [
        f"{AGENDA}:4: bestand bevat een NUL-teken; verwijder het",
        "stukken.yaml:3: stukken.yaml is geen UTF-8-tekst: byte 0xE9 is geen geldig teken; "
        "sla het bestand op als UTF-8",
    ]


def test_check_refuses_markdown_attachments_the_build_would_refuse(workspace, stukken):
    root = workspace(
        {
            AGENDA: AGENDA_MET_PLAN.format("bijlagen/plan.md")
            + "  - id: groot\n    titel: Groot\n    bestand: bijlagen/groot.md\n",
            PLAN: b"# Plan\n\nCaf\xe9\n",
            "meetings/2024-01-24/bijlagen/groot.md": "x" * 1_200_000,
        }
    )
    lines = check_errors(stukken, root)
    assert lines == [
        f"{AGENDA}:6: bijlage 'plan' (bijlagen/plan.md) is geen UTF-8-tekst: byte 0xE9 "
        "(regel 3) is geen geldig teken; sla het bestand op als UTF-8",
        f"{AGENDA}:9: bijlage 'groot' (bijlagen/groot.md) is te groot (1,2 MB; hoogstens 1 MB)",
    ]


def test_an_attachment_path_with_a_nul_byte_is_refused(workspace, stukken):
    root = workspace({AGENDA: AGENDA_MET_PLAN.format('"bijlagen/pl\\0an.md"')})
    assert check_errors(stukken, root) == [
        f"{AGENDA}:8: bijlage 'bijlagen/pl\ufffdan.md' kan niet gelezen worden "
        "(het pad bevat een NUL-teken)"
    ]


@pytest.mark.parametrize(
    "name", ["agenda.yaml", "verslag.yaml", "annotaties/advies.yaml"], ids=lambda n: n
)
def test_a_folder_where_a_yaml_file_belongs(workspace, stukken, name):
    root = workspace()
    target = root / "meetings/2024-01-24" / name
    if target.exists():
        target.unlink()
    target.mkdir(parents=True)
    assert check_errors(stukken, root) == [
        f"meetings/2024-01-24/{name}: {target.name} is een map, geen bestand"
    ]


def test_a_named_pipe_is_refused_without_blocking(workspace, stukken):
    root = workspace()
    os.mkfifo(root / VERSLAG)
    assert check_errors(stukken, root) == [f"{VERSLAG}: verslag.yaml is geen gewoon bestand"]


@pytest.mark.parametrize(
    "name",
    [
        "stukken.yaml",
        "meetings/2024-01-24/agenda.yaml",
        "meetings/2024-01-24/verslag.yaml",
        "meetings/2024-01-24/annotaties/advies.yaml",
    ],
    ids=lambda n: n.rsplit("/", 1)[-1],
)
def test_a_yaml_file_linked_from_outside_is_refused_unread(workspace, stukken, tmp_path, name):
    secret = tmp_path / "buiten.yaml"
    secret.write_text("geheim: Jorrit Eijbersen\n", encoding="utf-8")
    root = workspace()
    link = root / name
    link.parent.mkdir(parents=True, exist_ok=True)
    link.unlink(missing_ok=True)
    link.symlink_to(secret)
    lines = check_errors(stukken, root)
    assert lines == [f"{name}: {link.name} verwijst naar een bestand buiten de werkmap; {BUITEN}"]


def test_a_meeting_folder_linked_from_outside_is_refused(workspace, stukken, tmp_path):
    outside = tmp_path / "buiten" / "2024-02-07"
    outside.mkdir(parents=True)
    (outside / "agenda.yaml").write_text("datum: Jorrit Eijbersen\n", encoding="utf-8")
    root = workspace()
    (root / "meetings/2024-02-07").symlink_to(outside)
    assert check_errors(stukken, root) == [
        f"meetings/2024-02-07: vergadermap '2024-02-07' verwijst naar een map buiten de "
        f"werkmap; {BUITEN}"
    ]


def test_a_link_inside_the_workspace_is_followed(workspace, stukken):
    root = workspace({"gedeeld/agenda.yaml": HEAD})
    (root / AGENDA).unlink()
    (root / AGENDA).symlink_to(root / "gedeeld/agenda.yaml")
    result = stukken(root, "check")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("In orde: 1 vergadering, 1 agendapunt,")


def test_messages_echo_one_line_of_at_most_80_characters(workspace, stukken):
    long_value = "z" * 300
    root = workspace({AGENDA: HEAD + f"    doel: {long_value}\n    {long_value}: 1\n"})
    lines = check_errors(stukken, root)
    assert lines == [
        f"{AGENDA}:4: 'doel': onbekende waarde '{'z' * 79}…'; toegestaan: besluitvorming, "
        "bespreking, informatie, kennisname, advisering",
        f"{AGENDA}:5: onbekende sleutel '{'z' * 79}…' in agendapunt",
    ]


def test_shown_keeps_one_line_and_hides_control_characters():
    assert shown("eerste regel\ntweede regel") == "eerste regel…"
    assert shown("a\0b") == "a\ufffdb"
    assert shown("x" * 81) == "x" * 79 + "…"
    assert shown("x" * 80) == "x" * 80


@pytest.mark.parametrize(
    "name, text, expected",
    [
        (
            "agenda.html",
            "{% extends 'builtin/agenda.html' %}\n{% block inhoud %}\n{{ vergadering.naam\n",
            "templates/agenda.html:3: sjabloonfout: sjabloon houdt onverwacht op "
            "(is een '{{', '{%' of blok niet gesloten?)",
        ),
        (
            "agenda.html",
            "<html>\n<body>\n<p>{{ voorzitter_naam }}</p>\n</body>\n</html>\n",
            "templates/agenda.html:3: sjabloonfout: onbekende variabele 'voorzitter_naam'",
        ),
        (
            "stijl.css",
            "body {\n  color: black;\n  font-size: {{ 12 }\n}\n",
            "templates/stijl.css:3: sjabloonfout: onverwacht '}'",
        ),
        (
            "agenda.html",
            "{% extends 'builtin/agendaa.html' %}\n",
            "templates/agenda.html:1: sjabloonfout: sjabloon 'builtin/agendaa.html' niet "
            "gevonden in templates/ of bij de ingebouwde sjablonen (bedoelde u "
            "'builtin/agenda.html'?)",
        ),
        (
            "agenda.html",
            "{% extends 'builtin/agenda.html' %}\n{% block inhoud %}\n"
            "{% include 'voetnoot.html' %}{% endblock %}\n",
            "templates/agenda.html:3: sjabloonfout: sjabloon 'voetnoot.html' niet gevonden in "
            "templates/ of bij de ingebouwde sjablonen",
        ),
    ],
    ids=["syntax", "undefined", "css", "missing-extended", "missing-included"],
)
def test_a_broken_workspace_template_is_named_with_its_line(
    workspace, stukken, name, text, expected
):
    root = workspace({f"templates/{name}": text})
    result = stukken(root, "build", "2024-01-24")
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    assert result.lines == [f"fout: {expected}"]


def test_the_workspace_budget_counts_values_over_all_files(tmp_path):
    from vergaderstukken.exceptions import Loc, Problems
    from vergaderstukken.safe_read import compose, werkmap_budget

    first, second = tmp_path / "een.yaml", tmp_path / "twee.yaml"
    first.write_text("a: [1, 2, 3]\n", encoding="utf-8")  # 6 values
    second.write_text("b:\n  - 1\n  - 2\n", encoding="utf-8")  # 5 values
    problems = Problems()
    with werkmap_budget(10):
        assert compose(first, problems) is not None
        assert compose(second, problems) is None
    assert [(p.loc, p.message) for p in problems.errors] == [
        (
            Loc(second, 3),
            "te veel waarden in de YAML-bestanden van de werkmap samen (meer dan 10, "
            "aliassen meegeteld)",
        )
    ]
