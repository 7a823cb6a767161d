"""docs/format.md is generated from the key declarations and stays current; its examples
are a workspace that passes `stukken check`."""

from __future__ import annotations

import re

from conftest import REPO, blank_pdf
from test_schema_model import every_mapping
from vergaderstukken.schema import DOCUMENTS
from vergaderstukken.schema.naslag import reference
from vergaderstukken.schema.voorbeelden import (
    AGENDA,
    ANNOTATIE,
    STUKKEN,
    VERSLAG,
    VORIGE_AGENDA,
    VORIGE_VERSLAG,
)


def test_docs_format_md_is_current():
    written = (REPO / "docs/format.md").read_text(encoding="utf-8")
    assert written == reference(), (
        "docs/format.md is out of date with the key declarations in src/vergaderstukken/schema/; "
        "regenerate it with `make docs` (or `stukken schema --naslag docs/format.md`)"
    )


def test_every_declared_key_is_in_its_table_with_its_meaning():
    text = reference()
    rows = set(re.findall(r"^\| `([^`]+)` \|.*\| ([^|]+) \|$", text, re.M))
    missing = [
        f"{mapping.noun}.{key.name}"
        for mapping in every_mapping()
        for key in mapping.keys
        if (key.name, key.meaning.replace("<", "&lt;").replace(">", "&gt;")) not in rows
    ]
    assert missing == []


def test_the_reference_says_required_and_default_in_words():
    text = reference()
    assert "| `naam` | een tekst | ja |  | Naam van het overleg, voluit. |" in text
    assert "| `tijdzone` | een tekst |  | Europe/Amsterdam |" in text
    assert "| `duur` | een positief geheel getal |  |  | Geplande duur in minuten. |" in text
    assert "| `vastgesteld` | 'ongewijzigd' of 'gewijzigd' of 'aangehouden' |" in text
    assert "#### `punten` → `bka`" in text
    assert text.count("### Voorbeeld") == len(DOCUMENTS) == 4


def test_the_examples_form_a_workspace_that_checks(workspace, stukken):
    root = workspace(
        {
            "stukken.yaml": STUKKEN,
            "meetings/2023-12-13/agenda.yaml": VORIGE_AGENDA,
            "meetings/2023-12-13/verslag.yaml": VORIGE_VERSLAG,
            "meetings/2024-01-24/agenda.yaml": AGENDA,
            "meetings/2024-01-24/verslag.yaml": VERSLAG,
            "meetings/2024-01-24/annotaties/hellendoorn.yaml": ANNOTATIE,
            "meetings/2024-01-24/bijlagen/voorstel-portefeuilles.md": "# Voorstel\n\nTekst.\n",
            "meetings/2024-01-24/bijlagen/conceptverslag-prt.pdf": blank_pdf(),
        },
        base=False,
    )
    result = stukken(root, "check")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(
        "In orde: 2 vergaderingen, 8 agendapunten, 3 bijlagen, 2 verslagen, 1 annotatie"  # +1: the vaststelling item's minutes
    )


def test_the_command_writes_the_reference_alone(stukken, tmp_path):
    result = stukken(tmp_path, "schema", "--naslag", "docs/format.md")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "geschreven: docs/format.md\n"
    assert (tmp_path / "docs/format.md").read_text(encoding="utf-8") == reference()
    assert not (tmp_path / "schema").exists()
