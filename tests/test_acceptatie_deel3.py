"""Acceptance of the features of part 3 (review in git, the website, the live preview,
advisors apart, the cycle), used as their users would: each test is a bug found that way,
with the smallest workspace that shows it."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import STUKKEN_YAML


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
    return result.stdout


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", message)


ADOPTED = {
    "stukken.yaml": STUKKEN_YAML,
    "meetings/2024-01-10/agenda.yaml": (
        "datum: 2024-01-10\nagenda:\n  - titel: Huisvesting\n    id: huisvesting\n"
    ),
    "meetings/2024-01-10/verslag.yaml": (
        "status: concept\npunten:\n  huisvesting:\n    bka:\n"
        "      - besluit: De TRA stemt in met het voorstel.\n"
    ),
    "meetings/2024-02-14/agenda.yaml": (
        "datum: 2024-02-14\nagenda:\n  - titel: Vaststelling verslag\n    id: vaststelling\n"
        "    vaststelling: 2024-01-10\n"
    ),
    "meetings/2024-02-14/verslag.yaml": (
        "status: concept\npunten:\n  vaststelling:\n    vastgesteld: ongewijzigd\n"
    ),
}


def test_diff_flags_minutes_adopted_by_a_later_meeting_that_changed(workspace, stukken):
    """Minutes adopted by a later meeting count as vastgesteld (contract part 2), though
    their own file still says `status: concept`: an edit to them is flagged too."""
    root = workspace(ADOPTED, base=False)
    git(root, "init", "-q")
    commit_all(root, "januari vastgesteld in februari")
    path = root / "meetings/2024-01-10/verslag.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "      - besluit: Een werkgroep bereidt het voor.\n",
        encoding="utf-8",
    )
    result = stukken(root, "diff", "HEAD")
    assert result.exit_code == 0, result.stderr
    assert (
        "  LET OP: het verslag is vastgesteld op 14 februari 2024 en is daarna toch gewijzigd; "
        "een vastgesteld verslag hoort niet meer te veranderen\n"
    ) in result.stdout


def test_a_basis_url_without_a_scheme_is_refused(workspace, stukken):
    """`--basis-url example.org/tra` made sitemap locations 'example.org/tra/index.html',
    which no search engine reads as an address."""
    root = workspace()
    result = stukken(root, "publiceer", "--basis-url", "example.org/tra")
    assert result.exit_code == 1
    assert result.lines == [
        "fout: --basis-url 'example.org/tra' is geen volledig webadres: begin met https:// of "
        "http:// (bedoelde u 'https://example.org/tra'?)"
    ]
    assert not (root / "site").exists()
    result = stukken(root, "publiceer", "--basis-url", "ftp://example.org/")
    assert result.lines == [
        "fout: --basis-url 'ftp://example.org/' is geen volledig webadres: begin met https:// "
        "of http://"
    ]


def test_a_wrong_port_is_explained_in_dutch(workspace, stukken):
    """Click named the type 'integer range' and said 'is not in the range' in English."""
    root = workspace()
    result = stukken(root, "serve", "--poort", "abc")
    assert result.exit_code == 2
    assert result.lines[-1] == (
        "fout: Ongeldige waarde voor '--poort' / '-p': 'abc' is geen geldig geheel getal."
    )
    result = stukken(root, "serve", "--poort", "99999")
    assert result.lines[-1] == (
        "fout: Ongeldige waarde voor '--poort' / '-p': 99999 ligt buiten het bereik 0<=x<=65535."
    )


def test_textconv_of_an_unreadable_file_says_why_in_dutch(tmp_path, stukken):
    """The OS's English reason ('No such file or directory') showed in `git diff`."""
    result = stukken(tmp_path, "diff", "--textconv", str(tmp_path / "weg.yaml"))
    assert result.exit_code == 0
    assert result.stdout == "(bestand niet te lezen: bestaat niet)\n"
