"""Advisors working apart (`--annotaties PAD`): the overlay skeleton, `check` of an
advisor's own folder, the warnings when the agenda changed, and bad input."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from annotatie_werkmap import BASE
from vergaderstukken.commands.annotatie import comment, yaml_key

AGENDA = "meetings/2024-01-24/agenda.yaml"


@pytest.fixture
def pad(tmp_path) -> Path:
    """The advisor's own folder, outside the workspace."""
    folder = tmp_path / "advies"
    folder.mkdir()
    return folder


def overlay_line(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if line == text)


# --- the skeleton ---------------------------------------------------------------------------


def test_skeleton_lists_every_item_and_open_action_and_passes_check(workspace, stukken, pad):
    root = workspace(BASE)
    result = stukken(root, "annotatie", "2024-01-24", "noord", "--annotaties", str(pad))
    assert result.exit_code == 0, result.stderr
    path = pad / "2024-01-24/noord.yaml"
    assert result.stdout == f"geschreven: {path}\n"
    text = path.read_text()
    data = yaml.safe_load(text)
    assert data == {
        "auteur": None,
        "voor": None,
        "inleiding": None,
        "punten": dict.fromkeys(
            ["opening", "dijk", "ter-kennisname", "werkgroep", "brief", "acties", "rondvraag"]
        ),
        "acties": None,  # every open action is a commented line
    }
    assert "  # --- Water ---\n  # 2. Dijkversterking\n" in text
    assert (
        "  #    Doel: ter besluitvorming\n  #    Vraag: Stemt u in met het plan?\n  dijk:\n" in text
    )
    assert "    # 3a. Verslag werkgroep\n  werkgroep:\n" in text
    for action in ("kaart", '"2023-12-01.2"', "regeling"):
        assert f"\n  # {action}:\n" in text
    assert "  # Het waterschap levert de kaart van de kering aan. (2023-12-01; Waterschap;" in text
    result = stukken(root, "check", "2024-01-24", "--annotaties", str(pad))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""  # no warning either
    assert result.stdout.endswith(", 1 annotatie.\n")


def test_skeleton_actions_uncommented_pass_check(workspace, stukken, pad):
    root = workspace(BASE)
    stukken(root, "annotatie", "2024-01-24", "noord", "--annotaties", str(pad))
    path = pad / "2024-01-24/noord.yaml"
    text = path.read_text().replace('  # "2023-12-01.2":', '  "2023-12-01.2": Zicht op?')
    path.write_text(text.replace("  # kaart:", "  kaart: Is de kaart er?"))
    result = stukken(root, "check", "2024-01-24", "--annotaties", str(pad))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


def test_skeleton_refuses_to_overwrite(workspace, stukken, pad):
    root = workspace(BASE)
    stukken(root, "annotatie", "2024-01-24", "noord", "--annotaties", str(pad))
    path = pad / "2024-01-24/noord.yaml"
    path.write_text("auteur: Mijn werk\n")
    result = stukken(root, "annotatie", "2024-01-24", "noord", "--annotaties", str(pad))
    assert result.exit_code == 1
    assert result.lines == [
        f"fout: {path} bestaat al; stukken annotatie overschrijft nooit een annotatie"
    ]
    assert path.read_text() == "auteur: Mijn werk\n"


def test_skeleton_in_the_workspace_and_name_taken(workspace, stukken):
    root = workspace(BASE)
    result = stukken(root, "annotatie", "2024-01-24", "noord")
    assert result.stdout == "geschreven: meetings/2024-01-24/annotaties/noord.yaml\n"
    assert stukken(root, "check").stderr == ""
    result = stukken(root, "annotatie", "2024-01-24", "noord", "--annotaties", str(root.parent))
    assert result.lines == [
        "fout: annotatie 'noord' bestaat al: meetings/2024-01-24/annotaties/noord.yaml; "
        "kies een andere naam of werk dat bestand bij"
    ]
    result = stukken(root, "annotatie", "2024-01-24", "../noord")
    assert result.exit_code == 1
    assert result.lines[0].startswith("fout: '../noord' kan geen naam van een annotatie zijn")


ODD_TITLES = [
    "Een \"citaat\" en 'enkel'",
    "Dubbele punt: daarna # geen commentaar",
    "- lijkt een lijst",
    "Café Ωmega 🌊 — “Unicode”",
    "Regel\u2028scheiding en\u0085NEL en\u00a0nbsp",
    "*ster &anker !tag {accolade} [haak] %pct @at `tick` | pijp > groter",
]


def test_skeleton_is_safe_for_odd_titles_and_ids(workspace, stukken, pad):
    items = "".join(
        f"  - titel: {yaml.safe_dump(title, allow_unicode=False).splitlines()[0]}\n"
        for title in ODD_TITLES
    )
    agenda = (
        "datum: 2024-01-24\nagenda:\n"
        + items
        + '  - titel: Met id\n    id: "2024-01-24"\n'
        + "  - titel: Vraag\n    vragen: ['Wat: nu? # echt', \"Nog een \\u2029 regel\"]\n"
    )
    root = workspace({AGENDA: agenda})
    result = stukken(root, "annotatie", "2024-01-24", "odd", "--annotaties", str(pad))
    assert result.exit_code == 0, result.stderr
    text = (pad / "2024-01-24/odd.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert len(data["punten"]) == len(ODD_TITLES) + 2
    assert "2024-01-24" in data["punten"]  # a string, not a date
    assert all(value is None for value in data["punten"].values())
    assert "# 4. Café Ωmega 🌊 — “Unicode”" in text
    assert "# 5. Regel scheiding en NEL en nbsp" in text
    result = stukken(root, "check", "--annotaties", str(pad), "2024-01-24")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


@pytest.mark.parametrize(
    "key", ["plain-id", "2024-01-24", "ja", "1.5", "a: b", '"q"', "x\u2028y", "tab\tz", "🌊", "#"]
)
def test_yaml_key_reads_back_as_the_same_string(key):
    assert yaml.safe_load(f"{yaml_key(key)}: x\n") == {key: "x"}


def test_comment_never_breaks_out_of_its_line():
    lines = comment("a\nb\rc\u2028d\u2029e\x85f\x0bg\x00h" + "lang " * 200, "  ")
    assert all(line.startswith("  # ") for line in lines)
    assert yaml.safe_load("\n".join(lines) + "\nk: v\n") == {"k": "v"}
    assert lines[0].startswith("  # a b c d e f g\ufffdhlang lang")


# --- the agenda changed after the overlay was written --------------------------------------


def test_check_and_build_name_stale_keys_and_new_items(workspace, stukken, pad):
    root = workspace(BASE)
    stukken(root, "annotatie", "2024-01-24", "noord", "--annotaties", str(pad))
    path = (pad / "2024-01-24/noord.yaml").resolve()
    path.write_text(path.read_text().replace("  dijk:\n", "  dijk:\n    advies: Instemmen\n"))
    agenda = root / AGENDA
    changed = (
        agenda.read_text()
        .replace("    id: dijk\n", "    id: dijkversterking\n")  # renamed
        .replace("      - titel: Brief provincie\n        id: brief\n", "")  # removed
        .replace("  - titel: Rondvraag\n", "  - titel: Begroting 2025\n  - titel: Rondvraag\n")
    )
    agenda.write_text(changed)
    verslag = root / "meetings/2024-01-24/verslag.yaml"
    verslag.write_text(verslag.read_text().replace("  dijk:", "  dijkversterking:"))
    punten = overlay_line(path, "punten:")
    dijk = overlay_line(path, "  dijk:")
    brief = overlay_line(path, "  brief:")
    errors = [
        f"{path}:{dijk}: onbekend agendapunt 'dijk' (bedoelde u 'dijkversterking'?)",
        f"{path}:{brief}: onbekend agendapunt 'brief' (er zijn: opening, dijkversterking, "
        "ter-kennisname, werkgroep, acties, begroting-2025, rondvraag)",
        "2 fouten gevonden; er is niets geschreven.",
    ]
    # The format: a key that names no item is an error, for check and build alike.
    for args in (["check"], ["build"]):
        result = stukken(root, *args, "2024-01-24", "--annotaties", str(pad))
        assert result.exit_code == 1
        assert result.lines == errors
    assert sorted(p.name for p in pad.iterdir()) == ["2024-01-24"]  # no output/ either
    # Mended, the items added since are named as warnings.
    path.write_text(path.read_text().replace("  dijk:\n", "  dijkversterking:\n"))
    path.write_text(path.read_text().replace("  brief:\n", ""))
    result = stukken(root, "check", "2024-01-24", "--annotaties", str(pad))
    assert result.exit_code == 0, result.stderr
    assert result.lines == [
        f"{path}:{punten}: waarschuwing: agendapunt 5 ('begroting-2025') heeft nog geen "
        "annotatie; zet 'begroting-2025:' onder punten (leeg als u er niets over zegt)",
    ]


# --- bad input ---------------------------------------------------------------------------------


def test_pad_that_does_not_exist(workspace, stukken, tmp_path):
    root = workspace(BASE)
    missing = tmp_path / "nergens"
    for args in (["check"], ["build", "2024-01-24"], ["annotatie", "2024-01-24", "x"]):
        result = stukken(root, *args, "--annotaties", str(missing))
        assert result.exit_code == 1
        assert result.lines == [f"fout: annotatiemap {missing} bestaat niet"]
        assert result.exception is None or isinstance(result.exception, SystemExit)


def test_overlay_for_a_meeting_that_does_not_exist(workspace, stukken, pad):
    root = workspace(BASE)
    (pad / "2024-02-30").mkdir()
    (pad / "2024-02-30/noord.yaml").write_text("auteur: A\n")
    result = stukken(root, "check", "--annotaties", str(pad))
    assert result.exit_code == 1
    assert result.lines == [
        f"{pad.resolve() / '2024-02-30'}: annotaties voor vergadering '2024-02-30', maar die "
        "staat niet in meetings/ (bedoelde u '2024-01-24'?)",
        "1 fout gevonden; er is niets geschreven.",
    ]


def test_same_name_in_annotaties_and_pad(workspace, stukken, pad):
    root = workspace({**BASE, "meetings/2024-01-24/annotaties/noord.yaml": "auteur: A\n"})
    (pad / "2024-01-24").mkdir()
    (pad / "2024-01-24/noord.yaml").write_text("auteur: B\n")
    for args in (["check"], ["build", "2024-01-24"]):
        result = stukken(root, *args, "--annotaties", str(pad))
        assert result.exit_code == 1
        assert result.lines == [
            f"{pad.resolve()}/2024-01-24/noord.yaml: annotatie 'noord' staat ook in "
            "meetings/2024-01-24/annotaties/noord.yaml; twee annotaties met dezelfde naam "
            "zouden dezelfde geannoteerde agenda schrijven: geef deze een andere bestandsnaam",
            "1 fout gevonden; er is niets geschreven.",
        ]


def test_loose_overlays_belong_to_the_meeting_named(workspace, stukken, pad):
    root = workspace(BASE)
    (pad / "noord.yaml").write_text("punten:\n  dijkk: x\n")
    result = stukken(root, "check", "2024-01-24", "--annotaties", str(pad))
    assert result.exit_code == 1
    assert result.lines == [
        f"{pad.resolve()}/noord.yaml:2: onbekend agendapunt 'dijkk' (bedoelde u 'dijk'?)",
        "1 fout gevonden; er is niets geschreven.",
    ]
    result = stukken(root, "check", "--annotaties", str(pad))
    assert result.exit_code == 1
    assert result.lines[0] == (
        f"{pad.resolve()}: de annotaties in {pad.resolve()} horen bij één vergadering; geef "
        "die vergadering (DATUM), of zet ze in een map per vergadering (PAD/DATUM/NAAM.yaml)"
    )
    (pad / "2024-01-24").mkdir()
    result = stukken(root, "check", "2024-01-24", "--annotaties", str(pad))
    assert result.lines[0] == (
        f"{pad.resolve()}/noord.yaml: noord.yaml staat los in {pad.resolve()}, naast mappen "
        "per vergadering; zet het in de map van zijn vergadering (PAD/DATUM/NAAM.yaml)"
    )


def test_overlay_may_not_lead_out_of_pad_and_is_bounded(workspace, stukken, pad, tmp_path):
    root = workspace(BASE)
    elders = tmp_path / "elders.yaml"
    elders.write_text("auteur: geheim\n")
    (pad / "2024-01-24").mkdir()
    (pad / "2024-01-24/noord.yaml").symlink_to(elders)
    (pad / "2024-01-24/groot.yaml").write_text("auteur: " + "x" * 10_000_001 + "\n")
    (pad / "2024-01-24/binnen.yaml").symlink_to(pad / "echt.txt")
    (pad / "echt.txt").write_text("auteur: binnen PAD\n")
    result = stukken(root, "check", "2024-01-24", "--annotaties", str(pad))
    folder = pad.resolve() / "2024-01-24"
    assert result.lines == [
        f"{folder}/groot.yaml: groot.yaml is te groot (10 MB; hoogstens 10 MB)",
        f"{folder}/noord.yaml: noord.yaml verwijst naar een bestand buiten de annotatiemap "
        f"{pad.resolve()}; stukken leest alleen bestanden binnen die map",
        "2 fouten gevonden; er is niets geschreven.",
    ]


def test_pad_as_output_folder_is_refused(workspace, stukken, pad):
    root = workspace(BASE)
    stukken(root, "annotatie", "2024-01-24", "noord", "--annotaties", str(pad))
    result = stukken(root, "build", "2024-01-24", "--annotaties", str(pad), "--uitvoer", str(pad))
    assert result.exit_code == 1
    folder = pad / "2024-01-24"
    assert result.lines == [
        f"fout: uitvoermap {folder} bevat de annotaties zelf ({pad.resolve() / '2024-01-24'}); "
        "kies een andere map met --uitvoer"
    ]
    assert (folder / "noord.yaml").is_file()


def test_help_names_the_advisor_options(workspace, stukken):
    root = workspace(BASE)
    for command in ("build", "check", "annotatie"):
        result = stukken(root, command, "--help")
        assert "--annotaties PAD" in result.stdout
    text = textwrap.dedent(stukken(root, "--help").stdout)
    assert "annotatie" in text and "Begin een annotatie NAAM" in text
