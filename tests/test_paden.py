"""Whether a path leads out of the workspace (paden.py): the quick test on the path's text
answers as resolving both paths does."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from vergaderstukken.paden import _plainly_inside, outside


def slow_plainly_inside(path: Path, root: Path) -> bool:
    """The test as pathlib spells it (what _plainly_inside was written from)."""
    if not path.is_relative_to(root):
        return False
    current = root
    for part in path.relative_to(root).parts:
        if part in ("..", "."):
            return False
        current = current / part
        if current.is_symlink():
            return False
    return True


@pytest.fixture
def root(tmp_path) -> Path:
    (tmp_path / "w" / "meetings" / "2024-01-24").mkdir(parents=True)
    (tmp_path / "w" / "meetings" / "2024-01-24" / "agenda.yaml").write_text("datum: x\n")
    (tmp_path / "elders").mkdir()
    (tmp_path / "elders" / "geheim.yaml").write_text("x\n")
    (tmp_path / "w" / "meetings" / "link").symlink_to(tmp_path / "elders")
    (tmp_path / "w" / "binnen").symlink_to(tmp_path / "w" / "meetings")
    return tmp_path / "w"


CASES = [
    "meetings/2024-01-24/agenda.yaml",
    "meetings/2024-01-24/ontbreekt.yaml",
    "meetings/link/geheim.yaml",
    "binnen/2024-01-24/agenda.yaml",
    "meetings/../meetings/2024-01-24/agenda.yaml",
    "meetings",
    "",
]


@pytest.mark.parametrize("relative", CASES)
def test_the_quick_test_answers_as_pathlib(root, relative):
    path = root / relative if relative else root
    assert _plainly_inside(path, root) == slow_plainly_inside(path, root)
    raw = Path(os.path.join(str(root), *relative.split("/"))) if relative else root
    assert _plainly_inside(raw, root) == slow_plainly_inside(raw, root)


def test_what_leads_out_is_outside_and_what_stays_is_not(root, tmp_path, monkeypatch):
    assert not outside(root / "meetings/2024-01-24/agenda.yaml", root)
    assert outside(root / "meetings/link/geheim.yaml", root)
    assert not outside(root / "binnen/2024-01-24/agenda.yaml", root)  # a link inside
    assert outside(root / "../elders/geheim.yaml", root)
    assert not outside(Path("/") / "etc", Path("/"))
    monkeypatch.chdir(root)
    assert not outside(Path("meetings/2024-01-24/agenda.yaml"), Path("."))
    assert outside(Path("meetings/link/geheim.yaml"), Path("."))
