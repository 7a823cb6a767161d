"""`stukken diff REV [REV2]`: decisions, actions and attachments compared between git
revisions, in real repositories built in tmp dirs; pairing is by identity, not position."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

import verslag_werkmap
from conftest import blank_pdf
from vergaderstukken.__main__ import cli

BESLUIT = "Vragen vanuit gemeenten worden verzameld."
NIEUW_BESLUIT = "Vragen vanuit gemeenten worden verzameld en aan het Rijk voorgelegd."

AGENDA_3 = """\
datum: 2024-04-10
nummer: 14
agenda:
  - titel: Opening
  - titel: Begroting
    id: begroting
  - titel: Huisvesting
    id: huisvesting
  - titel: Rondvraag
"""

VERSLAG_3 = """\
status: concept
punten:
  begroting:
    bka:
      - besluit: De begroting 2025 wordt vastgesteld.
      - besluit: De reserve wordt aangevuld tot twee miljoen euro.
      - afspraak: Het secretariaat stuurt de cijfers per kwartaal.
  huisvesting:
    bka:
      - besluit: Het kantoor aan de Markt wordt verlaten per 1 juli.
      - besluit: De gemeenten zoeken samen een nieuwe locatie in het centrum.
      - actie: De voorzitter overlegt met de verhuurder.
        wie: Voorzitter
        termijn: 2024-05-01
"""

APRIL = "meetings/2024-04-10/verslag.yaml"


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
    return result.stdout


def init(top: Path) -> None:
    git(top, "init", "-q", "-b", "main")
    git(top, "config", "user.name", "Secretariaat")
    git(top, "config", "user.email", "secretariaat@example.org")
    git(top, "config", "commit.gpgsign", "false")


@pytest.fixture
def repo(workspace) -> Path:
    """A git repository whose subfolder werkmap/ is the workspace, committed once:
    meetings 12 (vastgesteld), 13 (concept) and 14 (concept, five decisions)."""
    root = workspace(
        {
            **verslag_werkmap.files(),
            "meetings/2024-04-10/agenda.yaml": AGENDA_3,
            APRIL: VERSLAG_3,
        }
    )
    init(root.parent)
    git(root.parent, "add", "-A")
    git(root.parent, "commit", "-q", "-m", "Verslagen januari, maart en april")
    return root


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


def commit(root: Path, message: str) -> None:
    git(root.parent, "add", "-A")
    git(root.parent, "commit", "-q", "-m", message)


KOP = "Besluiten en acties: HEAD vergeleken met de werkmap"


def last_commit(repo: Path, stukken) -> str:
    """`stukken diff HEAD~1 HEAD`'s report after its heading, the command having succeeded."""
    result = stukken(repo, "diff", "HEAD~1", "HEAD")
    assert result.exit_code == 0, result.stderr
    heading = "Besluiten en acties: HEAD~1 vergeleken met HEAD\n\n"
    assert result.stdout.startswith(heading)
    return result.stdout.removeprefix(heading)


def test_insertion_in_the_middle_is_one_new_decision_and_one_renumbering_line(repo, stukken):
    edit(
        repo / APRIL,
        "      - besluit: De reserve",
        "      - besluit: Er komt een meerjarenraming.\n      - besluit: De reserve",
    )
    result = stukken(repo, "diff", "HEAD")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"{KOP}\n"
        "\n"
        "Vergadering 2024-04-10\n"
        "  besluit 2 (punt 14.2): nieuw\n"
        "      + Er komt een meerjarenraming.\n"
        "  nummering verschoven (2 -> 3, 3 -> 4, 4 -> 5, 5 -> 6)\n"
        "\n"
        "Verschillen in 1 vergadering: 1 besluit (1 nieuw).\n"
    )


def test_a_deletion_plus_an_addition_under_another_item_is_not_a_change(repo, stukken):
    """The issue's case: decision 5 of 14.3 deleted, one added under 14.2."""
    edit(
        repo / APRIL,
        "      - besluit: De gemeenten zoeken samen een nieuwe locatie in het centrum.\n",
        "",
    )
    edit(
        repo / APRIL,
        "      - afspraak: Het secretariaat",
        "      - besluit: De accountant controleert de jaarrekening.\n"
        "      - afspraak: Het secretariaat",
    )
    out = stukken(repo, "diff", "HEAD").stdout
    assert out == (
        f"{KOP}\n"
        "\n"
        "Vergadering 2024-04-10\n"
        "  besluit 5 (punt 14.3): verwijderd\n"
        "      - De gemeenten zoeken samen een nieuwe locatie in het centrum.\n"
        "  besluit 3 (punt 14.2): nieuw\n"
        "      + De accountant controleert de jaarrekening.\n"
        "  nummering verschoven (3 -> 4, 4 -> 5)\n"
        "\n"
        "Verschillen in 1 vergadering: 2 besluiten (1 nieuw, 1 verwijderd).\n"
    )
    assert "gewijzigd" not in out


def test_reordering_only_renumbers(repo, stukken):
    edit(
        repo / APRIL,
        "      - besluit: De begroting 2025 wordt vastgesteld.\n"
        "      - besluit: De reserve wordt aangevuld tot twee miljoen euro.\n",
        "      - besluit: De reserve wordt aangevuld tot twee miljoen euro.\n"
        "      - besluit: De begroting 2025 wordt vastgesteld.\n",
    )
    out = stukken(repo, "diff", "HEAD").stdout.splitlines()
    assert out[2:5] == ["Vergadering 2024-04-10", "  nummering verschoven (1 -> 2, 2 -> 1)", ""]
    assert out[-1] == "Verschillen in 1 vergadering."


def test_text_edit_shows_old_and_new_text_with_words_highlighted_on_a_terminal(repo, stukken):
    edit(repo / APRIL, "tot twee miljoen euro.", "tot drie miljoen euro in 2025.")
    result = stukken(repo, "diff", "HEAD")
    assert result.stdout.splitlines()[2:8] == [
        "Vergadering 2024-04-10",
        "  besluit 2 (punt 14.2): gewijzigd",
        "    tekst:",
        "      oud:   De reserve wordt aangevuld tot twee miljoen euro.",
        "      nieuw: De reserve wordt aangevuld tot drie miljoen euro in 2025.",
        "",
    ]
    colour = CliRunner().invoke(cli, ["diff", "HEAD", "-w", str(repo)], color=True).stdout
    removed = "\x1b[31m\x1b[1m\x1b[7mtwee\x1b[0m"
    added = "\x1b[32m\x1b[1m\x1b[7mdrie\x1b[0m"
    assert removed in colour and added in colour
    assert "\x1b[31mmiljoen\x1b[0m" in colour  # unchanged words keep the line's colour


def test_an_edited_vastgesteld_verslag_is_flagged(repo, stukken):
    edit(repo / "meetings/2024-01-24/verslag.yaml", BESLUIT, NIEUW_BESLUIT)
    result = stukken(repo, "diff", "HEAD")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"{KOP}\n"
        "\n"
        "Vergadering 2024-01-24\n"
        "  LET OP: het verslag is vastgesteld op 13 maart 2024 en is daarna toch gewijzigd; "
        "een vastgesteld verslag hoort niet meer te veranderen\n"
        "  besluit 1 (punt 12.2): gewijzigd\n"
        "    tekst:\n"
        "      oud:   Vragen vanuit gemeenten worden verzameld.\n"
        "      nieuw: Vragen vanuit gemeenten worden verzameld en aan het Rijk voorgelegd.\n"
        "\n"
        "Verschillen in 1 vergadering: 1 besluit (1 gewijzigd).\n"
    )
    stat = stukken(repo, "diff", "HEAD", "--stat").stdout
    assert stat.splitlines()[1] == (
        "2024-01-24  1 besluit (1 gewijzigd), LET OP: vastgesteld verslag gewijzigd"
    )


def test_a_concept_verslag_may_change_without_a_flag(repo, stukken):
    edit(repo / APRIL, "status: concept", "status: concept\nnotulist: Secretariaat")
    assert stukken(repo, "diff", "HEAD").stdout == (
        f"{KOP}\nGeen verschillen in besluiten en acties.\n"
    )


def test_action_closed_and_deadline_moved(repo, stukken):
    (repo / APRIL).write_text(VERSLAG_3 + "acties:\n  2024-03-13.1: afgerond\n", "utf-8")
    edit(repo / "meetings/2024-03-13/verslag.yaml", "termijn: 2024-04-15", "termijn: 2024-05-15")
    commit(repo, "Actie afgerond, termijn verschoven")
    assert last_commit(repo, stukken) == (
        "Vergadering 2024-03-13\n"
        "  actie 2024-01-24.3: gewijzigd\n"
        "    termijn: 15 april 2024 -> 15 mei 2024\n"
        "\n"
        "Vergadering 2024-04-10\n"
        "  actie 2024-03-13.1: gewijzigd\n"
        "    status: open -> afgerond\n"
        "\n"
        "Verschillen in 2 vergaderingen: 2 acties (2 gewijzigd).\n"
    )
    assert "Geen verschillen" in stukken(repo, "diff", "HEAD").stdout


def test_an_agreed_deadline_moved_is_one_change_not_two(repo, stukken):
    """The action was never updated, so its termijn is the agreed one and moves with it:
    one line, under the minutes that changed."""
    edit(repo / APRIL, "termijn: 2024-05-01", "termijn: 2024-06-01")
    commit(repo, "Termijn verschoven")
    assert last_commit(repo, stukken) == (
        "Vergadering 2024-04-10\n"
        "  actie 2024-04-10.1: gewijzigd\n"
        "    afgesproken termijn: 1 mei 2024 -> 1 juni 2024\n"
        "\n"
        "Verschillen in 1 vergadering: 1 actie (1 gewijzigd).\n"
    )


def test_new_uncommitted_meeting_with_an_attachment(repo, stukken):
    """The issue's case: the old tree must not get a half meeting of stand-ins."""
    folder = repo / "meetings/2024-05-22"
    (folder / "bijlagen").mkdir(parents=True)
    (folder / "bijlagen/begroting.pdf").write_bytes(blank_pdf())
    (folder / "agenda.yaml").write_text(
        "datum: 2024-05-22\nagenda:\n  - titel: Begroting\n    bijlagen: [begroting]\n"
        "bijlagen:\n  - id: begroting\n    titel: Begroting\n"
        "    bestand: bijlagen/begroting.pdf\n",
        "utf-8",
    )
    (folder / "verslag.yaml").write_text(
        "punten:\n  begroting:\n    bka:\n      - besluit: De begroting is akkoord.\n"
        "      - actie: Het secretariaat publiceert de begroting.\n        wie: Secretariaat\n",
        "utf-8",
    )
    result = stukken(repo, "diff", "HEAD")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"{KOP}\n"
        "\n"
        "Vergadering 2024-05-22 (nieuw)\n"
        "  besluit 1 (punt 1): nieuw\n"
        "      + De begroting is akkoord.\n"
        "  bijlagebestand bijlagen/begroting.pdf: nieuw\n"
        "  actie 2024-05-22.1: nieuw\n"
        "      + Het secretariaat publiceert de begroting. — Secretariaat\n"
        "\n"
        "Verschillen in 1 vergadering: 1 besluit (1 nieuw); 1 actie (1 nieuw); "
        "1 bijlagebestand (1 nieuw).\n"
    )


def test_binary_attachment_changed_and_meeting_deleted(repo, stukken):
    folder = repo / "meetings/2024-03-13"
    (folder / "bijlagen").mkdir()
    (folder / "bijlagen/presentatie.pdf").write_bytes(blank_pdf())
    commit(repo, "Presentatie")
    (folder / "bijlagen/presentatie.pdf").write_bytes(blank_pdf(pages=2))
    assert stukken(repo, "diff", "HEAD", "--stat").stdout == (
        f"{KOP}\n2024-03-13  1 bijlagebestand (1 gewijzigd)\nVerschillen in 1 vergadering: "
        "1 bijlagebestand (1 gewijzigd).\n"
    )
    git(repo.parent, "rm", "-rq", "werkmap/meetings/2024-04-10")
    out = stukken(repo, "diff", "HEAD").stdout
    assert "Vergadering 2024-04-10 (verwijderd)\n  besluit 1 (punt 14.2): verwijderd\n" in out
    assert "  actie 2024-04-10.1: verwijderd\n" in out


def test_renamed_meeting_folder(repo, stukken):
    git(repo.parent, "mv", "werkmap/meetings/2024-04-10", "werkmap/meetings/2024-04-10-extra")
    result = stukken(repo, "diff", "HEAD")
    assert result.stdout == (
        f"{KOP}\n\nVergadering 2024-04-10-extra (hernoemd, was 2024-04-10)\n\n"
        "Verschillen in 1 vergadering.\n"
    )


def test_exit_code_and_json(repo, stukken):
    assert stukken(repo, "diff", "HEAD", "--exit-code").exit_code == 0
    edit(repo / APRIL, "tot twee miljoen", "tot drie miljoen")
    assert stukken(repo, "diff", "HEAD").exit_code == 0
    assert stukken(repo, "diff", "HEAD", "--exit-code").exit_code == 1
    data = json.loads(stukken(repo, "diff", "HEAD", "--json").stdout)
    assert data["oud"] == "HEAD" and data["nieuw"] == "de werkmap" and data["fouten"] == []
    (vergadering,) = data["vergaderingen"]
    assert vergadering["naam"] == "2024-04-10"
    assert vergadering["wijzigingen"] == [
        {
            "soort": "gewijzigd",
            "wat": "besluit",
            "naam": "besluit 2 (punt 14.2)",
            "tekst": None,
            "velden": [
                {
                    "veld": "tekst",
                    "oud": "De reserve wordt aangevuld tot twee miljoen euro.",
                    "nieuw": "De reserve wordt aangevuld tot drie miljoen euro.",
                }
            ],
        }
    ]


def test_neither_working_tree_nor_index_change(repo, stukken):
    edit(repo / APRIL, "tot twee miljoen", "tot drie miljoen")
    (repo / "meetings/2024-05-22/bijlagen").mkdir(parents=True)
    (repo / "meetings/2024-05-22/bijlagen/x.pdf").write_bytes(blank_pdf())
    (repo / "meetings/2024-05-22/agenda.yaml").write_text(
        "datum: 2024-05-22\nagenda:\n  - titel: Opening\n", "utf-8"
    )
    index = repo.parent / ".git/index"
    before = (git(repo.parent, "status", "--porcelain"), index.read_bytes())
    stukken(repo, "diff", "HEAD")
    stukken(repo, "diff", "HEAD", "--stat")
    assert (git(repo.parent, "status", "--porcelain"), index.read_bytes()) == before


def test_errors_in_the_old_revision_are_labelled_and_the_rest_is_still_compared(repo, stukken):
    verslag = repo / "meetings/2024-03-13/verslag.yaml"
    edit(verslag, "  2024-01-24.1: afgerond\n", "  2024-01-24.1: klaar\n")
    commit(repo, "Fout")
    edit(verslag, "  2024-01-24.1: klaar\n", "  2024-01-24.1: afgerond\n")
    edit(repo / APRIL, "tot twee miljoen", "tot drie miljoen")
    result = stukken(repo, "diff", "HEAD")
    assert result.exit_code == 1
    line = next(
        i for i, text in enumerate(verslag.read_text().splitlines(), 1) if "2024-01-24.1:" in text
    )
    assert result.stderr == (
        "fout: revisie 'HEAD' bevat fouten; vergadering 2024-03-13 niet vergeleken:\n"
        f"HEAD:meetings/2024-03-13/verslag.yaml:{line}: '2024-01-24.1': onbekende waarde "
        "'klaar'; toegestaan: open, loopt, afgerond, vervallen\n"
    )
    out = result.stdout
    assert "Vergadering 2024-03-13\n  niet vergeleken: de vergadering bevat fouten in HEAD\n" in out
    assert "      nieuw: De reserve wordt aangevuld tot drie miljoen euro.\n" in out


def test_unknown_revision_gets_gits_own_message(repo, stukken):
    result = stukken(repo, "diff", "v9.9")
    assert result.exit_code == 1
    assert result.stderr == (
        "fout: onbekende revisie 'v9.9' (git: bad revision 'v9.9'); geef een commit, tak of "
        "tag (bijv. HEAD, HEAD~1, main)\n"
    )
    assert "onbekende revisie 'nergens'" in stukken(repo, "diff", "HEAD", "nergens").stderr
    assert "'--output=x' is geen revisie" in stukken(repo, "diff", "--", "--output=x").stderr


def test_outside_a_git_repository(workspace, stukken):
    root = workspace(verslag_werkmap.files())
    result = stukken(root, "diff", "HEAD")
    assert result.exit_code == 1
    assert result.stderr == (
        f"fout: {root.resolve()} ligt niet in een git-repository; stukken diff vergelijkt met "
        "een eerdere versie uit git (git init, git commit)\n"
    )


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
    assert "bijlagebestand" not in result.stdout  # ignored by git: no difference


def test_errors_in_the_working_tree_and_in_stukken_yaml(repo, stukken):
    edit(repo / APRIL, "status: concept", "status: klaar")
    edit(repo / "meetings/2024-03-13/verslag.yaml", "termijn: 2024-04-15", "termijn: 2024-05-15")
    result = stukken(repo, "diff", "HEAD")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "fout: de werkmap bevat fouten; vergadering 2024-04-10 niet vergeleken:\n"
        "meetings/2024-04-10/verslag.yaml:1: "
    )
    assert "    termijn: 15 april 2024 -> 15 mei 2024\n" in result.stdout
    (repo / "stukken.yaml").write_text("overleg: [\n", "utf-8")
    result = stukken(repo, "diff", "HEAD")
    assert result.exit_code == 1
    assert result.stderr.startswith("fout: de werkmap bevat fouten; er is niets vergeleken:\n")
    assert result.stdout == ""
