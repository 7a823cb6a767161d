"""An advisor builds their annotated agenda from their own folder while the secretariat's
workspace stays untouched: nothing in it changes, a write into it would fail, and the
overlay's text appears in the advisor's output only."""

from __future__ import annotations

import builtins
import errno
import hashlib
import io
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import docx_text, pdf_text
from vergaderstukken import uitvoer
from vergaderstukken.__main__ import cli

GEHEIM = "Dinkelland-advies-7431"  # in every field of the advisor's overlay
HELLENDOORN = "Ministerie stelt zich hautain op"  # the workspace's own overlay

OVERLAY = f"""\
auteur: Beleidsadviseur, gemeente Dinkelland
voor: Wethouder Dinkelland
inleiding: Inleiding {GEHEIM}-inleiding.
punten:
  portefeuilles:
    advies: Instemmen, {GEHEIM}-advies
    tekst: Toelichting {GEHEIM}-tekst.
  actualiteiten: Notitie {GEHEIM}-notitie
acties:
  jenv-reactie: Vraag {GEHEIM}-actie
"""


def snapshot(root: Path) -> dict[str, tuple]:
    """Every file and folder below `root`: kind, mtime, and for files size and content."""
    found: dict[str, tuple] = {}
    for here, folders, files in os.walk(root):
        for name in folders + files:
            path = Path(here, name)
            info = path.lstat()
            key = str(path.relative_to(root))
            if path.is_file() and not path.is_symlink():
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                found[key] = ("file", info.st_mtime_ns, info.st_size, digest)
            else:
                found[key] = ("other", info.st_mtime_ns, info.st_mode)
    return found


def read_only(monkeypatch, root: Path) -> list[str]:
    """Make every way Python writes refuse paths inside `root`, as a read-only mount
    would (the tests run as root, whom chmod does not stop). Returns the refused writes."""
    refused: list[str] = []
    inside = str(root.resolve())

    def guard(path, what: str, dir_fd: int | None = None) -> None:
        if isinstance(path, int):
            return
        text = os.fsdecode(path)
        if dir_fd is not None and not os.path.isabs(text):  # shutil.rmtree works so
            text = os.path.join(os.readlink(f"/proc/self/fd/{dir_fd}"), text)
        text = os.path.abspath(text)
        real = os.path.realpath(text)
        if any(p == inside or p.startswith(inside + os.sep) for p in (text, real)):
            refused.append(f"{what} {text}")
            raise OSError(errno.EROFS, "Read-only file system", text)

    real_open, real_os_open = io.open, os.open

    def fake_open(file, mode="r", *args, **kwargs):
        if any(c in mode for c in "wax+"):
            guard(file, "open")
        return real_open(file, mode, *args, **kwargs)

    def fake_os_open(path, flags, *args, **kwargs):
        writing = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
        if flags & writing:
            guard(path, "os.open", kwargs.get("dir_fd"))
        return real_os_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(io, "open", fake_open)
    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(os, "open", fake_os_open)
    for name in ("mkdir", "unlink", "remove", "rmdir", "utime", "chmod", "truncate"):
        real = getattr(os, name)

        def one(path, *args, _real=real, _name=name, **kwargs):
            guard(path, _name, kwargs.get("dir_fd"))
            return _real(path, *args, **kwargs)

        monkeypatch.setattr(os, name, one)
    for name in ("rename", "replace", "symlink", "link"):
        real = getattr(os, name)

        def two(first, second, *args, _real=real, _name=name, **kwargs):
            guard(first, _name, kwargs.get("src_dir_fd"))
            guard(second, _name, kwargs.get("dst_dir_fd"))
            return _real(first, second, *args, **kwargs)

        monkeypatch.setattr(os, name, two)
    real_exchange = uitvoer.exchange

    def exchange(first, second):
        guard(first, "exchange")
        guard(second, "exchange")
        return real_exchange(first, second)

    monkeypatch.setattr(uitvoer, "exchange", exchange)
    return refused


def run(cwd: Path, monkeypatch, *args: str):
    monkeypatch.chdir(cwd)
    return CliRunner().invoke(cli, list(args), prog_name="stukken")


def texts(folder: Path) -> dict[str, str]:
    """The text of every generated file below `folder`."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.suffix == ".pdf":
            found[str(path)] = pdf_text(path)
        elif path.suffix == ".docx":
            found[str(path)] = docx_text(path)
        elif path.is_file():
            found[str(path)] = path.read_bytes().decode("utf-8", "replace")
    return found


def test_guard_refuses_writes_inside_the_workspace(monkeypatch, tmp_path):
    root = tmp_path / "werkmap"
    root.mkdir()
    refused = read_only(monkeypatch, root)
    with pytest.raises(OSError):
        (root / "x.txt").write_text("x")
    with pytest.raises(OSError):
        (root / "map").mkdir()
    (tmp_path / "buiten.txt").write_text("mag")
    assert refused == [f"open {root / 'x.txt'}", f"mkdir {root / 'map'}"]


def test_advisor_builds_apart_and_the_workspace_stays_as_it_was(example, tmp_path, monkeypatch):
    result = run(example, monkeypatch, "build", "2024-01-24")  # the secretariat's own build
    assert result.exit_code == 0, result.output
    pad = tmp_path / "advies"
    (pad / "2024-01-24").mkdir(parents=True)
    (pad / "2024-01-24/dinkelland.yaml").write_text(OVERLAY, encoding="utf-8")
    before = snapshot(example)
    refused = read_only(monkeypatch, example)

    result = run(pad, monkeypatch, "build", "2024-01-24", "--annotaties", ".", "-w", str(example))
    assert result.exit_code == 0, result.output
    assert refused == []
    assert snapshot(example) == before
    out = pad.resolve() / "output/2024-01-24"
    assert result.output == (
        "2 bestanden geschreven naar output/2024-01-24/:\n"  # relative to PAD, the cwd
        "  geannoteerde-agenda-dinkelland.docx\n"
        "  geannoteerde-agenda-dinkelland.pdf\n"
    )
    assert sorted(p.name for p in out.iterdir()) == [
        "geannoteerde-agenda-dinkelland.docx",
        "geannoteerde-agenda-dinkelland.pdf",
    ]
    pdf = " ".join(pdf_text(out / "geannoteerde-agenda-dinkelland.pdf").split())
    word = " ".join(docx_text(out / "geannoteerde-agenda-dinkelland.docx").split())
    for field in ("inleiding", "advies", "tekst", "notitie", "actie"):
        assert f"{GEHEIM}-{field}" in pdf
        assert f"{GEHEIM}-{field}" in word
    assert "Wethouder Dinkelland" in pdf
    assert HELLENDOORN not in pdf and HELLENDOORN not in word  # another municipality's advice

    # The overlay's text is in no other file: nothing the secretariat built, no source.
    others = texts(example)
    assert others and not [name for name, text in others.items() if GEHEIM in text]
    assert any(HELLENDOORN in text for text in others.values())  # the check can find text

    # Built again, the advisor's files are byte-identical and the workspace still untouched.
    first = (out / "geannoteerde-agenda-dinkelland.pdf").read_bytes()
    result = run(pad, monkeypatch, "build", "2024-01-24", "--annotaties", ".", "-w", str(example))
    assert result.exit_code == 0, result.output
    assert (out / "geannoteerde-agenda-dinkelland.pdf").read_bytes() == first
    assert snapshot(example) == before and refused == []


def test_a_failed_write_into_the_workspace_would_be_noticed(example, tmp_path, monkeypatch):
    """The guard is not idle: building the secretariat's documents under it fails."""
    refused = read_only(monkeypatch, example)
    result = run(example, monkeypatch, "build", "2024-01-24")
    assert result.exit_code == 1
    assert (
        result.output
        == "fout: kan niet schrijven in output/2024-01-24: de schijf is alleen-lezen\n"
    )
    assert refused and refused[0].endswith(str(example.resolve() / "output"))
