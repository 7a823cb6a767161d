"""The typesetter (render/zetter.py) lays out what the build's own process would: the same
bytes, the same warnings, files read and CSS problems; and when it cannot, the build lays
out itself.

Never timings: what is asserted is that the typesetter answers as a layout here does.
"""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from conftest import REPO
from vergaderstukken.commands.build import build
from vergaderstukken.render import zetter
from vergaderstukken.render.engines.pdf import Geweigerd, html_to_pdfs

DATUM = "2024-01-24"
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork is Linux's")

HTML = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Zetproef</title>
<style>p { colour: red; font-size: 12pt }</style></head>
<body><h1>Zetproef</h1><p>Hallo &amp; welkom, één twee drie.</p>
<img src="plaatje.png" alt="plaatje"><img src="weg.png" alt="weg">
<img src="https://example.org/x.png" alt="extern"><img src="geweigerd.png" alt="geweigerd">
</body></html>
"""


def lay_out(function, folder: Path, refused: Geweigerd) -> tuple:
    """`function`'s layout of HTML in `folder`, with what its callbacks were told."""
    warnings: list[str] = []
    read: list[Path] = []
    css: list = []
    first, second = function(
        HTML,
        base_dir=folder,
        roots=[folder],
        warn=warnings.append,
        refused=refused,
        css=css.append,
        without="@bottom-right",
        read=read.append,
    )
    return first, second, warnings, read, css


@pytest.fixture
def folder(tmp_path) -> Path:
    for name in ("plaatje.png", "geweigerd.png"):
        Image.new("RGB", (8, 8), "navy").save(tmp_path / name)
    return tmp_path


@pytest.fixture
def typesetter():
    started = zetter.Zetter.start()
    assert started is not None
    yield started
    started.stop()


def test_the_typesetter_lays_out_what_this_process_would(folder, typesetter):
    refused = Geweigerd({str(folder / "geweigerd.png")})
    here = lay_out(html_to_pdfs, folder, refused)
    there = lay_out(typesetter.html_to_pdfs, folder, refused)
    assert there == here
    first, _, warnings, read, css = there
    assert first.startswith(b"%PDF-")
    assert any("weg.png" in w and "bestand niet gevonden" in w for w in warnings)
    assert any("example.org" in w and "internet" in w for w in warnings)
    assert folder / "plaatje.png" in read and folder / "geweigerd.png" in read
    assert [p.declaration for p in css] == ["colour: red"]
    # and a second layout, by the same typesetter
    assert lay_out(typesetter.html_to_pdfs, folder, Geweigerd()) == lay_out(
        html_to_pdfs, folder, Geweigerd()
    )


def test_a_layout_that_fails_there_is_done_here_with_its_own_error(folder, monkeypatch):
    def broken(opdracht):
        raise RuntimeError("kapot in de zetter")

    monkeypatch.setattr(zetter, "_lay_out", broken)  # inherited by the forked typesetter
    started = zetter.Zetter.start()
    assert started is not None
    try:
        assert lay_out(started.html_to_pdfs, folder, Geweigerd()) == lay_out(
            html_to_pdfs, folder, Geweigerd()
        )

        def failing(html, **options):
            raise ValueError("de fout van hier")

        monkeypatch.setattr(zetter, "html_to_pdfs", failing)
        with pytest.raises(ValueError, match="de fout van hier"):
            lay_out(started.html_to_pdfs, folder, Geweigerd())
    finally:
        started.stop()


def test_a_dead_typesetter_or_a_plain_check_is_laid_out_here(folder, typesetter):
    here = lay_out(html_to_pdfs, folder, Geweigerd())
    assert lay_out(typesetter.html_to_pdfs, folder, lambda target: False) == here
    typesetter.process.kill()
    typesetter.process.join(timeout=10)
    assert lay_out(typesetter.html_to_pdfs, folder, Geweigerd()) == here
    assert not typesetter.alive


def test_the_typesetter_ends_when_the_build_does(typesetter):
    typesetter.lijnen[0].conn.close()  # the build's end, as when the build's process ends
    typesetter.process.join(timeout=30)
    assert typesetter.process.exitcode == 0


def test_a_set_of_typesetters_lays_out_alike_and_ends_with_the_first(folder):
    started = zetter.Zetter.start(2)
    assert started is not None and len(started.lijnen) == 2
    try:
        here = lay_out(html_to_pdfs, folder, Geweigerd())
        first, second = started.lijnen
        assert lay_out(started.html_to_pdfs, folder, Geweigerd()) == here  # the first
        with first.lock:  # the first busy (another worker's layout): the second lays out
            assert lay_out(started.html_to_pdfs, folder, Geweigerd()) == here
        forked = children(started.process.pid)
        assert len(forked) == 1  # the second typesetter, forked from the first
    finally:
        started.stop()
    assert not started.alive
    gone(forked[0])  # killed with the first


def children(pid: int) -> list[int]:
    found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(child) for child in found]


def gone(pid: int) -> None:
    """Wait until process `pid` has ended (a zombie counts: it runs nothing)."""
    import time

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return
        if state in ("Z", "X"):
            return
        time.sleep(0.05)
    raise AssertionError(f"proces {pid} loopt nog")


def test_an_overlay_edit_is_laid_out_by_the_typesetter_with_the_bytes_of_a_full_build(
    example, tmp_path, monkeypatch
):
    marks = tmp_path / "gezet.txt"
    original = zetter._lay_out

    def marking(opdracht):
        title = opdracht.html.split("<title>", 1)[1].split("</title>", 1)[0]
        with marks.open("a", encoding="utf-8") as file:
            file.write(title + "\n")
        return original(opdracht)

    monkeypatch.setattr(zetter, "_lay_out", marking)  # before the typesetter forks
    build(example, DATUM, output=tmp_path / "uit", werkers=2, cache=True)
    full = marks.read_text("utf-8").splitlines()  # a full build: one typesetter per worker
    assert len(full) >= 6 and any("geannoteerd" in title.lower() for title in full)
    marks.unlink()
    overlay = example / "meetings" / DATUM / "annotaties" / "hellendoorn.yaml"
    overlay.write_text(overlay.read_text("utf-8").replace("vragen hebben", "vraag heeft"), "utf-8")
    edited = build(example, DATUM, output=tmp_path / "uit", werkers=2, cache=True)
    laid_out = marks.read_text("utf-8").splitlines()
    assert len(laid_out) == 1 and "geannoteerd" in laid_out[0].lower()
    fresh = build(example, DATUM, output=tmp_path / "vers", werkers=1)
    assert outputs(edited.folder) == outputs(fresh.folder)
    assert edited.warnings == fresh.warnings
    assert [p for p in multiprocessing.active_children() if p.name == "stukken-zetter"] == []


def test_one_core_starts_no_typesetter_a_full_build_one_per_worker(example, tmp_path, monkeypatch):
    started: list[int] = []
    monkeypatch.setattr(
        zetter.Zetter, "start", classmethod(lambda cls, aantal=1: started.append(aantal))
    )
    build(example, DATUM, output=tmp_path / "uit", werkers=2, cache=True)
    assert started == [2]
    overlay = example / "meetings" / DATUM / "annotaties" / "hellendoorn.yaml"
    overlay.write_text(overlay.read_text("utf-8").replace("vragen hebben", "vraag heeft"), "utf-8")
    build(example, DATUM, output=tmp_path / "uit", werkers=1, cache=True)
    assert started == [2]
    build(example, DATUM, output=tmp_path / "uit", werkers=1, cache=True, opnieuw=True)
    assert started == [2]


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_the_typesetter_starts_before_the_loading_is_imported(example, tmp_path):
    """So that importing WeasyPrint there overlaps importing and loading here."""
    build(example, DATUM, output=tmp_path / "uit", werkers=2, cache=True)
    overlay = example / "meetings" / DATUM / "annotaties" / "hellendoorn.yaml"
    overlay.write_text(overlay.read_text("utf-8").replace("vragen hebben", "vraag heeft"), "utf-8")
    script = (
        "import sys; from pathlib import Path\n"
        "from vergaderstukken.render import zetter\n"
        "start = zetter.Zetter.start.__func__\n"
        "def watched(cls, aantal=1):\n"
        "    print(sorted(m for m in ('yaml', 'jinja2', 'vergaderstukken.load.werkmap',\n"
        "                             'vergaderstukken.render.job') if m in sys.modules))\n"
        "    return start(cls, aantal)\n"
        "zetter.Zetter.start = classmethod(watched)\n"
        "from vergaderstukken.commands.build import build\n"
        f"build(Path({str(example)!r}), {DATUM!r}, output=Path({str(tmp_path / 'uit')!r}),\n"
        "      werkers=2, cache=True)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_the_workers_beside_the_typesetter_give_it_the_core_first(typesetter):
    from types import SimpleNamespace

    from vergaderstukken.render import pool

    def priority(job) -> dict[str, bytes]:
        return {f"{os.getpid()}": str(os.getpriority(os.PRIO_PROCESS, 0)).encode()}

    taken = [pool.Taak("een", priority), pool.Taak("twee", priority)]
    for zetter_of_job, raised in ((typesetter, True), (None, False)):
        job = SimpleNamespace(zetter=zetter_of_job, parts={}, warnings=[], cache=None)
        files = pool.render(job, taken, [], werkers=2)
        own = os.getpriority(os.PRIO_PROCESS, 0)
        assert str(os.getpid()) not in files  # rendered in the workers
        assert {int(v) > own for v in files.values()} == {raised}


def test_no_typesetter_is_forked_from_a_build_in_a_thread():
    """stukken serve builds in a thread beside its server's: a fork copies that thread
    alone, and a lock another thread holds would stay taken in a typesetter that imports
    WeasyPrint. From the main thread it starts as ever."""
    import threading

    started: list[object] = []
    thread = threading.Thread(target=lambda: started.append(zetter.Zetter.start(2)))
    thread.start()
    thread.join()
    assert started == [None]
    here = zetter.Zetter.start()
    assert here is not None
    here.stop()
