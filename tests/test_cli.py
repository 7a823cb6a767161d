"""The command line speaks Dutch, including Click's own words; schema export works."""

from __future__ import annotations

import json

import yaml

from vergaderstukken.schema import json_schemas


def test_help_is_dutch(stukken, tmp_path):
    result = stukken(tmp_path, "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith("Gebruik: stukken [OPTIES] OPDRACHT [ARGUMENTEN]...\n")
    assert "Opties:\n" in result.stdout and "Opdrachten:\n" in result.stdout
    assert "Toon deze hulp en stop." in result.stdout
    for english in ("Usage:", "Options:", "Commands:", "Show this message"):
        assert english not in result.stdout
    build_help = stukken(tmp_path, "build", "--help").stdout
    assert build_help.startswith("Gebruik: stukken build [OPTIES] [DATUM]\n")
    assert "Maak de stukken van vergadering DATUM" in build_help


def test_click_errors_are_dutch(stukken, tmp_path):
    result = stukken(tmp_path, "bild")
    assert result.exit_code == 2
    assert "fout: Onbekende opdracht 'bild'. Bedoelde u 'build'?" in result.stderr
    assert "Probeer 'stukken --help' voor hulp." in result.stderr


def test_check_summary_for_one_meeting(example, stukken):
    result = stukken(example, "check", "2024-01-24")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("In orde: vergadering 2024-01-24, ")


def test_werkmap_option_and_subfolder(example, stukken):
    result = stukken(example / "meetings", "check")
    assert result.exit_code == 0, result.stderr
    result = stukken(example.parent, "check", "--werkmap", str(example))
    assert result.exit_code == 0, result.stderr


def test_json_schema_export_describes_every_key(stukken, tmp_path):
    result = stukken(tmp_path, "schema", "schema")
    assert result.exit_code == 0
    agenda = json.loads((tmp_path / "schema/agenda.schema.json").read_text())
    punt = agenda["properties"]["agenda"]["items"]
    assert punt["additionalProperties"] is False
    assert set(punt["properties"]) >= {
        "id",
        "titel",
        "doel",
        "openbaar",
        "bijlagen",
        "toelichting",
        "vragen",
        "onderdelen",
        "acties",
        "deel",
    }
    assert punt["properties"]["doel"]["enum"][:3] == ["besluitvorming", "bespreking", "informatie"]
    assert all(p.get("description") for p in punt["properties"].values())
    assert set(json_schemas()) == {"stukken", "agenda", "verslag", "annotatie"}


def test_json_schema_accepts_the_example_workspace(tmp_path):
    import jsonschema

    from conftest import REPO

    schemas = json_schemas()

    # YAML dates load as date objects; the schema describes them as strings.
    def as_json(path):
        return json.loads(json.dumps(yaml.safe_load(path.read_text()), default=str))

    jsonschema.validate(as_json(REPO / "stukken.yaml"), schemas["stukken"])
    for agenda in (REPO / "meetings").glob("*/agenda.yaml"):
        jsonschema.validate(as_json(agenda), schemas["agenda"])
