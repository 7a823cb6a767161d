"""Review in git: the textconv driver under real `git diff`, and the pre-commit hook run
through the real pre-commit tool (offline: `language: system`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import verslag_werkmap
from conftest import REPO
from vergaderstukken.git_review import GITATTRIBUTES, PRE_COMMIT_CONFIG, TEXTCONV_CONFIG
from vergaderstukken.textconv import textconv

SRC = REPO / "src"


def run(cwd: Path, *args: str, env: dict | None = None, check: bool = True):
    return subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, check=check, env=env or os.environ.copy()
    )


def init(top: Path) -> None:
    run(top, "git", "init", "-q", "-b", "main")
    run(top, "git", "config", "user.name", "Secretariaat")
    run(top, "git", "config", "user.email", "secretariaat@example.org")
    run(top, "git", "config", "commit.gpgsign", "false")


@pytest.fixture
def shim(tmp_path) -> dict:
    """An environment in which `stukken` on PATH is this worktree's code."""
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "stukken"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m vergaderstukken "$@"\n', "utf-8")
    script.chmod(0o755)
    env = os.environ.copy()
    env["PATH"] = f"{folder}{os.pathsep}{env['PATH']}"
    env["PYTHONPATH"] = str(SRC)
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")
    return env


@pytest.fixture
def top(workspace) -> Path:
    root = workspace(verslag_werkmap.files())
    init(root)
    return root


def test_textconv_shows_one_line_per_entry(tmp_path):
    path = tmp_path / "verslag.yaml"
    path.write_text(verslag_werkmap.VERSLAG_1, "utf-8")
    lines = textconv(path).splitlines()
    assert lines[:3] == ["status: vastgesteld", "vastgesteld_op: 2024-03-13", "notulist: VR Twente"]
    assert "aanwezig: Hengelo (dhr. Eshuis, gemeentesecretaris)" in lines
    assert "afwezig: Haaksbergen (m.k.)" in lines
    assert "  besluit: Vragen vanuit gemeenten worden verzameld." in lines
    assert (
        "  actie: Gemeenten leveren hun cijfers aan. [id: cijfers; wie: Gemeenten; "
        "termijn: begin februari]"
    ) in lines


def test_textconv_names_list_entries_by_id_and_passes_non_yaml_through(tmp_path):
    agenda = tmp_path / "agenda.yaml"
    agenda.write_text(verslag_werkmap.AGENDA_2, "utf-8")
    lines = textconv(agenda).splitlines()
    assert "agenda[verslag].titel: Vaststelling verslag 24 januari 2024" in lines
    assert "bijlagen[verslag-januari].verslag: 2024-01-24" in lines
    broken = tmp_path / "kapot.yaml"
    broken.write_text("punten: [onaf\n", "utf-8")
    assert textconv(broken) == "punten: [onaf\n"


def test_plain_git_diff_uses_the_driver(top, shim):
    (top / ".gitattributes").write_text(GITATTRIBUTES, "utf-8")
    run(top, *TEXTCONV_CONFIG.split(" ", 3)[:3], TEXTCONV_CONFIG.split(" ", 3)[3].strip('"'))
    run(top, "git", "add", "-A")
    run(top, "git", "commit", "-q", "-m", "Begin")
    verslag = top / "meetings/2024-01-24/verslag.yaml"
    text = verslag.read_text("utf-8")
    verslag.write_text(
        text.replace(
            "      - besluit: Vragen vanuit gemeenten worden verzameld.",
            "      - besluit: >-\n          Vragen vanuit gemeenten worden\n          verzameld en"
            " doorgestuurd.",
        ),
        "utf-8",
    )
    out = run(top, "git", "diff", env=shim).stdout
    assert "-  besluit: Vragen vanuit gemeenten worden verzameld.\n" in out
    assert "+  besluit: Vragen vanuit gemeenten worden verzameld en doorgestuurd.\n" in out
    assert "verzameld en\n" not in out  # the YAML's own wrapping is not what is diffed


def test_readme_shows_the_snippets():
    readme = (REPO / "README.md").read_text("utf-8")
    assert PRE_COMMIT_CONFIG in readme
    assert GITATTRIBUTES in readme
    assert TEXTCONV_CONFIG in readme


def test_shipped_hook_matches_the_local_snippet():
    (shipped,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))
    (local,) = yaml.safe_load(PRE_COMMIT_CONFIG)["repos"][0]["hooks"]
    for key in ("id", "entry", "language", "pass_filenames"):
        assert shipped[key] == local[key]
    for docs in ("gitlab-ci.yml", "github-actions.yml"):
        text = (REPO / "docs/ci" / docs).read_text("utf-8")
        assert yaml.safe_load(text)
        assert "stukken check" in text and "stukken build" in text and "publiceer" in text


def pre_commit(top: Path, env: dict, *args: str):
    pytest.importorskip("pre_commit")
    return run(top, sys.executable, "-m", "pre_commit", *args, env=env, check=False)


def test_pre_commit_try_repo_runs_the_shipped_hook(top, shim, tmp_path):
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    shutil.copy(REPO / ".pre-commit-hooks.yaml", hooks)
    init(hooks)
    run(hooks, "git", "add", "-A")
    run(hooks, "git", "commit", "-q", "-m", "Hooks")
    run(top, "git", "add", "-A")
    result = pre_commit(top, shim, "try-repo", str(hooks), "stukken-check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "stukken check" in result.stdout and "Passed" in result.stdout
    verslag = top / "meetings/2024-03-13/verslag.yaml"
    verslag.write_text(
        verslag.read_text("utf-8").replace("2024-01-24.1: afgerond", "2024-01-24.1: klaar"),
        "utf-8",
    )
    run(top, "git", "add", "-A")
    result = pre_commit(top, shim, "try-repo", str(hooks), "stukken-check")
    assert result.returncode == 1
    assert "'2024-01-24.1': onbekende waarde 'klaar'" in result.stdout
    assert "1 fout gevonden; er is niets geschreven." in result.stdout


def test_pre_commit_local_config_checks_only_commits_that_touch_the_workspace(top, shim):
    (top / ".pre-commit-config.yaml").write_text(PRE_COMMIT_CONFIG, "utf-8")
    (top / "meetings/2024-03-13/verslag.yaml").write_text("status: klaar\n", "utf-8")
    run(top, "git", "add", "-A")
    run(top, "git", "commit", "-q", "--no-verify", "-m", "Begin")
    assert pre_commit(top, shim, "install").returncode == 0
    (top / "LEESMIJ.txt").write_text("Archief\n", "utf-8")
    run(top, "git", "add", "LEESMIJ.txt")
    result = run(top, "git", "commit", "-m", "Leesmij", env=shim, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(no files to check)Skipped" in result.stdout + result.stderr
    (top / "meetings/2024-01-24/agenda.yaml").write_text(
        verslag_werkmap.AGENDA_1 + "# bijgewerkt\n", "utf-8"
    )
    run(top, "git", "add", "-A")
    result = run(top, "git", "commit", "-m", "Agenda", env=shim, check=False)
    assert result.returncode == 1
    assert "onbekende waarde 'klaar'" in result.stdout + result.stderr
