"""`stukken diff REV [REV2]`: decisions and actions compared between git revisions."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import verslag_werkmap
from conftest import blank_pdf

BESLUIT = "Vragen vanuit gemeenten worden verzameld."
NIEUW_BESLUIT = "Vragen vanuit gemeenten worden verzameld en aan het Rijk voorgelegd."


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
    return result.stdout


@pytest.fixture
def repo(workspace) -> Path:
    """A git repository whose subfolder werkmap/ is the workspace, committed once."""
    root = workspace(verslag_werkmap.files())
    top = root.parent
    git(top, "init", "-q", "-b", "main")
    git(top, "config", "user.name", "Secretariaat")
    git(top, "config", "user.email", "secretariaat@example.org")
    git(top, "config", "commit.gpgsign", "false")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "Verslagen januari en maart")
    return root


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


def commit(root: Path, message: str) -> None:
    git(root.parent, "commit", "-q", "-am", message)


def test_changed_decision_shows_old_and_new_text(repo, stukken):
    edit(repo / "meetings/2024-01-24/verslag.yaml", BESLUIT, NIEUW_BESLUIT)
    result = stukken(repo, "diff", "HEAD")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "Besluiten en acties: HEAD vergeleken met de werkmap\n"
        "\n"
        "Besluiten van de vergadering 2024-01-24\n"
        "  besluit 1 (punt 12.2): gewijzigd\n"
        "    tekst:\n"
        "      oud:   Vragen vanuit gemeenten worden verzameld.\n"
        "      nieuw: Vragen vanuit gemeenten worden verzameld en aan het Rijk voorgelegd.\n"
        "\n"
        "Verschillen: 1 besluit (1 gewijzigd).\n"
    )


def test_no_differences(repo, stukken):
    result = stukken(repo, "diff", "HEAD")
    assert result.exit_code == 0
    assert result.stdout == (
        "Besluiten en acties: HEAD vergeleken met de werkmap\n"
        "Geen verschillen in besluiten en acties.\n"
    )


def test_rewrapping_text_is_not_a_change(repo, stukken):
    edit(
        repo / "meetings/2024-01-24/verslag.yaml",
        f"besluit: {BESLUIT}",
        "besluit: >-\n          Vragen vanuit gemeenten\n          worden verzameld.",
    )
    assert "Geen verschillen" in stukken(repo, "diff", "HEAD").stdout


def test_two_commits_with_actions_and_decisions(repo, stukken):
    verslag = repo / "meetings/2024-03-13/verslag.yaml"
    edit(verslag, "  2024-01-24.1: afgerond\n", "  2024-01-24.1: vervallen\n")
    edit(
        verslag,
        "        termijn: voor de zomer\n",
        "        termijn: voor de zomer\n"
        "      - actie: Het secretariaat stuurt de presentatie rond.\n"
        "        wie: Secretariaat\n"
        "      - besluit: De werksessie wordt openbaar.\n",
    )
    commit(repo, "Verslag maart bijgewerkt")
    result = stukken(repo, "diff", "HEAD~1", "HEAD")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "Besluiten en acties: HEAD~1 vergeleken met HEAD\n"
        "\n"
        "Besluiten van de vergadering 2024-03-13\n"
        "  besluit 2 (punt 13.2): toegevoegd\n"
        "      + tekst: De werksessie wordt openbaar.\n"
        "\n"
        "Acties\n"
        "  actie 2024-01-24.1: gewijzigd\n"
        "    status:\n"
        "      oud:   afgerond\n"
        "      nieuw: vervallen\n"
        "  actie 2024-03-13.3 (vergadering 2024-03-13, punt 13.2): toegevoegd\n"
        "      + tekst: Het secretariaat stuurt de presentatie rond.\n"
        "      + wie: Secretariaat\n"
        "\n"
        "Verschillen: 1 besluit (1 toegevoegd); 2 acties (1 gewijzigd, 1 toegevoegd).\n"
    )
    # The working tree equals HEAD now.
    assert "Geen verschillen" in stukken(repo, "diff", "HEAD").stdout


def test_inserted_decision_renumbers_without_changing_the_others(repo, stukken):
    edit(
        repo / "meetings/2024-01-24/verslag.yaml",
        "      - knelpunt: Veel onduidelijkheid",
        "      - besluit: Een nieuw eerste besluit.\n      - knelpunt: Veel onduidelijkheid",
    )
    edit(
        repo / "meetings/2024-01-24/verslag.yaml",
        "Cijfers komen voortaan uit de BRP.",
        "Cijfers komen voortaan alleen uit de BRP.",
    )
    lines = stukken(repo, "diff", "HEAD").stdout.splitlines()
    assert lines[2:10] == [
        "Besluiten van de vergadering 2024-01-24",
        "  afspraak 3 (punt 12.3a, eerder nr. 2): gewijzigd",
        "    tekst:",
        "      oud:   Cijfers komen voortaan uit de BRP.",
        "      nieuw: Cijfers komen voortaan alleen uit de BRP.",
        "  besluit 1 (punt 12.2): toegevoegd",
        "      + tekst: Een nieuw eerste besluit.",
        "",
    ]
    assert "Vragen vanuit gemeenten" not in "\n".join(lines)


def test_removed_meeting_minutes(repo, stukken):
    (repo / "meetings/2024-03-13/verslag.yaml").unlink()
    out = stukken(repo, "diff", "HEAD").stdout
    assert "  besluit 1 (punt 13.2): verwijderd\n" in out
    assert "      - tekst: Het verslag van 24 januari 2024 wordt vastgesteld.\n" in out
    assert "  actie 2024-03-13.2: verwijderd\n" in out
    # Without the March minutes the January actions are open again.
    assert "  actie cijfers: gewijzigd\n" in out


def test_outside_a_git_repository(workspace, stukken):
    root = workspace(verslag_werkmap.files())
    result = stukken(root, "diff", "HEAD")
    assert result.exit_code == 1
    assert result.stderr == (
        f"fout: {root.resolve()} ligt niet in een git-repository; stukken diff vergelijkt met "
        "een eerdere versie uit git (git init, git commit)\n"
    )


def test_unknown_revision(repo, stukken):
    result = stukken(repo, "diff", "v9.9")
    assert result.exit_code == 1
    assert result.stderr == (
        "fout: onbekende revisie 'v9.9': geef een commit, tak of tag (bijv. HEAD, HEAD~1, main)\n"
    )
    result = stukken(repo, "diff", "HEAD", "nergens")
    assert result.exit_code == 1
    assert "onbekende revisie 'nergens'" in result.stderr


def test_revision_before_the_workspace_existed(workspace, stukken):
    root = workspace(verslag_werkmap.files())
    top = root.parent
    (top / "LEESMIJ.txt").write_text("Archief\n", "utf-8")
    git(top, "init", "-q")
    git(top, "config", "user.name", "Secretariaat")
    git(top, "config", "user.email", "secretariaat@example.org")
    git(top, "config", "commit.gpgsign", "false")
    git(top, "add", "LEESMIJ.txt")
    git(top, "commit", "-q", "-m", "Begin")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "Werkmap")
    result = stukken(root, "diff", "HEAD~1")
    assert result.exit_code == 1
    assert result.stderr == "fout: in revisie 'HEAD~1' bestaat de map werkmap nog niet\n"
    assert stukken(root, "diff", "HEAD").exit_code == 0


def test_errors_in_the_old_revision_name_the_revision(repo, stukken):
    verslag = repo / "meetings/2024-03-13/verslag.yaml"
    edit(verslag, "  2024-01-24.1: afgerond\n", "  2024-01-24.1: klaar\n")
    commit(repo, "Fout")
    edit(verslag, "  2024-01-24.1: klaar\n", "  2024-01-24.1: afgerond\n")
    result = stukken(repo, "diff", "HEAD")
    assert result.exit_code == 1
    line = next(
        i
        for i, text in enumerate(verslag.read_text().splitlines(), 1)
        if "klaar" in text or "2024-01-24.1: afgerond" in text
    )
    assert result.stderr == (
        "fout: de werkmap in revisie 'HEAD' bevat fouten:\n"
        f"HEAD:meetings/2024-03-13/verslag.yaml:{line}: '2024-01-24.1': onbekende waarde "
        "'klaar'; toegestaan: open, loopt, afgerond, vervallen\n"
    )


def test_workspace_at_the_top_of_the_repository(workspace, stukken):
    root = workspace(verslag_werkmap.files())
    git(root, "init", "-q")
    git(root, "config", "user.name", "Secretariaat")
    git(root, "config", "user.email", "secretariaat@example.org")
    git(root, "config", "commit.gpgsign", "false")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Begin")
    edit(root / "meetings/2024-01-24/verslag.yaml", BESLUIT, NIEUW_BESLUIT)
    result = stukken(root / "meetings", "diff", "HEAD")  # run from a subfolder
    assert result.exit_code == 0, result.stderr
    assert "      nieuw: Vragen vanuit gemeenten worden verzameld en aan het Rijk" in result.stdout


def test_help_is_dutch(repo, stukken):
    result = stukken(repo, "diff", "--help")
    assert "Vergelijk de besluiten en acties van revisie REV met de werkmap" in result.stdout


def test_attachments_kept_out_of_git_do_not_block_the_comparison(workspace, stukken):
    files = {**verslag_werkmap.files(), ".gitignore": "*.pdf\n"}
    files["meetings/2024-03-13/agenda.yaml"] += (
        "  - id: presentatie\n    titel: Presentatie COA\n    bestand: bijlagen/presentatie.pdf\n"
    )
    files["meetings/2024-03-13/bijlagen/presentatie.pdf"] = blank_pdf()
    root = workspace(files)
    git(root, "init", "-q")
    git(root, "config", "user.name", "Secretariaat")
    git(root, "config", "user.email", "secretariaat@example.org")
    git(root, "config", "commit.gpgsign", "false")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Begin")
    assert "presentatie.pdf" not in git(root, "ls-files")
    edit(root / "meetings/2024-01-24/verslag.yaml", BESLUIT, NIEUW_BESLUIT)
    result = stukken(root, "diff", "HEAD")
    assert result.exit_code == 0, result.stderr
    assert "  besluit 1 (punt 12.2): gewijzigd" in result.stdout
