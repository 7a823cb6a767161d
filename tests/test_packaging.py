"""The wheel carries the built-in templates and works outside the repository."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO)],
        check=True,
        capture_output=True,
    )
    return next(out.glob("vergaderstukken-*.whl"))


def test_wheel_ships_templates_and_fonts(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in (
        "agenda.html",
        "base.html",
        "stijl.css",
        "macros.html",
        "agenda.docx",
        "fonts/Lato-Regular.ttf",
        "fonts/OFL.txt",
    ):
        assert f"vergaderstukken/templates/{name}" in names


def test_wheel_says_the_package_is_typed(wheel):
    # PEP 561: without the marker, type checkers ignore the package's annotations.
    assert "vergaderstukken/py.typed" in zipfile.ZipFile(wheel).namelist()


def test_installed_package_builds_outside_the_repository(wheel, tmp_path, example):
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run(
        [sys.executable, "-m", "vergaderstukken", "build", "2024-01-24"],
        cwd=example,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert (example / "output/2024-01-24/agenda.pdf").stat().st_size > 1000
    # The installed copy was used, not the checkout's source tree.
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import vergaderstukken.render.engines.templates as t; print(t.builtin_templates())",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.strip().startswith(str(target))


def test_the_stukken_script_ends_as_python_m_does(wheel, tmp_path):
    """The script is `main` (its output flushed, then the process ends without tearing the
    workspace down), with the exit codes of the commands."""
    entry_points = next(
        n for n in zipfile.ZipFile(wheel).namelist() if n.endswith(".dist-info/entry_points.txt")
    )
    text = zipfile.ZipFile(wheel).read(entry_points).decode("utf-8")
    assert "stukken = vergaderstukken.__main__:main" in text.splitlines()
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target)]
        + [str(wheel)],
        check=True,
        capture_output=True,
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    script = target / "bin" / "stukken"
    shown = subprocess.run([script, "--versie"], env=env, capture_output=True, text=True)
    assert shown.returncode == 0 and shown.stdout.startswith("stukken ")
    empty = tmp_path / "leeg"
    empty.mkdir()
    failed = subprocess.run([script, "check"], cwd=empty, env=env, capture_output=True, text=True)
    assert failed.returncode == 1
    assert failed.stderr.startswith("fout: ") and "Traceback" not in failed.stderr
