"""A workspace's own templates: a CSS mistake is named at its line in templates/stijl.css,
and a template linked in from outside the workspace is never read."""

from __future__ import annotations

import os

from conftest import REPO


def test_an_ignored_css_declaration_is_a_warning_at_its_line(workspace, stukken):
    house_style = (REPO / "templates" / "stijl.css").read_text(encoding="utf-8")
    line = house_style.count("\n") + 2
    root = workspace({"templates/stijl.css": house_style + "\np { colr: blue; }\n"})
    result = stukken(root, "build", "2024-01-24")
    assert result.exit_code == 0, result.stderr
    warning = (
        f"templates/stijl.css:{line}: waarschuwing: CSS-regel genegeerd: "
        "'colr: blue' (onbekende eigenschap)"
    )
    assert result.lines.count(warning) == 1, result.stderr


def test_the_built_in_house_style_has_no_ignored_declarations(workspace, stukken):
    result = stukken(workspace(), "build", "2024-01-24")
    assert result.exit_code == 0
    assert "CSS-regel" not in result.stderr


def test_a_template_linked_from_outside_the_workspace_is_refused(workspace, stukken, tmp_path):
    secret = tmp_path / "elders.html"
    secret.write_text("<p>Geheim advies van Hellendoorn</p>", encoding="utf-8")
    root = workspace()
    (root / "templates").mkdir()
    os.symlink(secret, root / "templates" / "agenda.html")
    result = stukken(root, "build", "2024-01-24")
    assert result.exit_code == 1
    assert result.lines == [
        "fout: templates/agenda.html: agenda.html verwijst naar een bestand buiten de werkmap; "
        "stukken leest alleen bestanden binnen de werkmap (kopieer het bestand naar templates/)"
    ]
    assert not (root / "output").exists()
