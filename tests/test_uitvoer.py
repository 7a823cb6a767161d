"""Writing the output folder (uitvoer.py, issue #8): nothing is lost.

A build killed with SIGKILL at any file-system call leaves `output/DATUM/` complete old or
complete new (after the next build's recovery, where the system cannot exchange folders
atomically); disk errors are Dutch messages naming the folder, and the old output stays.
Most tests call `write_atomically` directly with a few bytes, so nothing is rendered.
"""

from __future__ import annotations

import ctypes
import errno
import itertools
import os
import signal
import sys
import traceback
from pathlib import Path

import pytest

from annotatie_werkmap import BASE, OVERLAYS
from vergaderstukken import uitvoer
from vergaderstukken.exceptions import StukkenError
from vergaderstukken.uitvoer import recover, write_atomically

OLD = {
    "agenda.pdf": b"oude agenda",
    "verslag.pdf": b"oud verslag",
    "openbaar/agenda.pdf": b"oude openbare agenda",
}
FULL_BUILD = {"agenda.pdf": b"nieuwe agenda", "actielijst.md": b"| nieuw |", "x/y.md": b"diep"}
PUBLIC_BUILD = {"openbaar/agenda.pdf": b"nieuwe openbare agenda"}

# (files written, keyword arguments, the folder's complete new content)
BUILDS = {
    "full": (FULL_BUILD, {"keep_existing": False}, FULL_BUILD),
    "openbaar": (
        PUBLIC_BUILD,
        {"keep_existing": True, "replace": "openbaar"},
        {**OLD, **PUBLIC_BUILD},
    ),
}

# Every call that changes the file system, or opens a file to change it.
MUTATIONS = ("mkdir", "rename", "replace", "rmdir", "unlink", "open", "write", "fsync", "chmod")


def contents(folder: Path) -> dict[str, bytes] | None:
    """Every file below `folder` by relative name, or None when there is no folder."""
    if not folder.is_dir():
        return None
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def old_output(tmp_path: Path) -> Path:
    """output/2024-01-24 holding OLD; returns the folder."""
    target = tmp_path / "output" / "2024-01-24"
    for name, data in OLD.items():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        (target / name).write_bytes(data)
    return target


def killed_at(step: int, target: Path, files: dict[str, bytes], kwargs: dict, *, exchange: bool):
    """Run `write_atomically` in a child process that SIGKILLs itself just before its
    `step`-th file-system call; True when it was killed, False when it got to the end."""
    pid = os.fork()
    if pid == 0:  # the child: no cleanup of any kind may run, as after a real kill -9
        try:
            counter = itertools.count(1)

            def wrap(function):
                def killing(*args, **kw):
                    if next(counter) == step:
                        os.kill(os.getpid(), signal.SIGKILL)
                    return function(*args, **kw)

                return killing

            for name in MUTATIONS:
                setattr(os, name, wrap(getattr(os, name)))
            uitvoer.exchange = wrap(uitvoer.exchange if exchange else lambda a, b: False)
            write_atomically(target, files, **kwargs)
        except BaseException:
            traceback.print_exc()
            os._exit(3)
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        assert os.WTERMSIG(status) == signal.SIGKILL
        return True
    assert os.WEXITSTATUS(status) == 0, "the child failed otherwise (see its stderr)"
    return False


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork() to kill a child at each step")
@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "two-renames"])
@pytest.mark.parametrize("build", BUILDS)
def test_kill_at_any_step_leaves_the_old_or_the_new_set(tmp_path, build, exchange):
    if exchange and uitvoer.libc_renameat2() is None:
        pytest.skip("this system has no renameat2(RENAME_EXCHANGE)")
    files, kwargs, new = BUILDS[build]
    seen = set()
    for step in itertools.count(1):
        target = old_output(tmp_path / f"stap{step}")
        killed = killed_at(step, target, files, kwargs, exchange=exchange)
        now = contents(target)
        if now is None:  # only between the two renames, with the old set beside it
            assert not exchange, f"step {step}: output/2024-01-24 is missing"
            assert contents(uitvoer.retired_path(target)) == OLD, step
        else:
            assert now in (OLD, new), f"step {step}: {now}"
        seen.add("missing" if now is None else "old" if now == OLD else "new")

        recover(target)
        assert contents(target) == (now or OLD), step
        assert os.listdir(target.parent) == ["2024-01-24"], step  # no staging, no .oud

        write_atomically(target, files, **kwargs)  # and the next build just works
        assert contents(target) == new
        assert os.listdir(target.parent) == ["2024-01-24"]
        if not killed:
            break
    assert step > 20  # the kills really hit the copy, the writes, the syncs and the swap
    assert seen == ({"old", "new"} if exchange else {"old", "missing", "new"})


def test_the_swap_is_one_exchange_where_the_system_has_it(tmp_path):
    if uitvoer.libc_renameat2() is None:
        pytest.skip("this system has no renameat2(RENAME_EXCHANGE)")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "in-a").write_text("a")
    (tmp_path / "b").mkdir()
    assert uitvoer.exchange(tmp_path / "a", tmp_path / "b") is True
    assert os.listdir(tmp_path / "b") == ["in-a"] and os.listdir(tmp_path / "a") == []


@pytest.mark.parametrize("code", [errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP])
def test_without_exchange_support_the_two_renames_take_over(tmp_path, monkeypatch, code):
    def unsupported(*args):
        ctypes.set_errno(code)
        return -1

    monkeypatch.setattr(uitvoer, "libc_renameat2", lambda: unsupported)
    assert uitvoer.exchange(tmp_path / "a", tmp_path / "b") is False
    target = old_output(tmp_path)
    write_atomically(target, FULL_BUILD, keep_existing=False)
    assert contents(target) == FULL_BUILD
    assert os.listdir(target.parent) == ["2024-01-24"]


def test_other_exchange_errors_are_errors(tmp_path, monkeypatch):
    def denied(*args):
        ctypes.set_errno(errno.EACCES)
        return -1

    monkeypatch.setattr(uitvoer, "libc_renameat2", lambda: denied)
    monkeypatch.chdir(tmp_path)
    target = old_output(tmp_path)
    with pytest.raises(StukkenError) as raised:
        write_atomically(target, FULL_BUILD, keep_existing=False)
    assert raised.value.message == (
        "kan niet schrijven in output/2024-01-24: geen toestemming om daar te schrijven"
    )
    assert contents(target) == OLD
    assert os.listdir(target.parent) == ["2024-01-24"]


def test_everything_is_on_disk_before_the_swap(tmp_path, monkeypatch):
    """fsync of every staged file and folder before the swap, of the parent after it, so
    a power cut cannot leave a swapped-in folder of empty files."""
    target = old_output(tmp_path)
    opened: dict[int, Path] = {}
    events: list[tuple[str, Path]] = []
    real_open, real_fsync, real_exchange = os.open, os.fsync, uitvoer.exchange

    def recording_open(path, *args, **kwargs):
        fd = real_open(path, *args, **kwargs)
        opened[fd] = Path(path)
        return fd

    def recording_fsync(fd):
        events.append(("fsync", opened[fd]))
        return real_fsync(fd)

    def recording_exchange(first, second):
        events.append(("swap", Path(first)))
        return real_exchange(first, second)

    monkeypatch.setattr(os, "open", recording_open)
    monkeypatch.setattr(os, "fsync", recording_fsync)
    monkeypatch.setattr(uitvoer, "exchange", recording_exchange)
    write_atomically(target, PUBLIC_BUILD, keep_existing=True, replace="openbaar")

    swap = next(i for i, (kind, _) in enumerate(events) if kind == "swap")
    staging = events[swap][1]
    synced = {p.relative_to(staging).as_posix() for _, p in events[:swap] if p != target.parent}
    assert synced == {*OLD, ".", "openbaar"}  # the copied files too, not only the new one
    assert ("fsync", target.parent) in events[swap:]
    assert contents(target) == {**OLD, **PUBLIC_BUILD}


# --- recovery at the start of a build --------------------------------------------------


def leftovers_of_a_killed_build(tmp_path: Path) -> Path:
    """output/ as a build killed between its two renames left it: the old set in
    .2024-01-24.oud, a staging folder, no 2024-01-24; plus an older staging folder."""
    target = old_output(tmp_path)
    target.rename(uitvoer.retired_path(target))
    for staging in (".2024-01-24.k1ll3d_x", ".2024-01-24.0ld3r"):
        (target.parent / staging / "openbaar").mkdir(parents=True)
        (target.parent / staging / "openbaar" / "agenda.pdf").write_bytes(b"half")
    (target.parent / ".2024-01-24-extra.abc").mkdir()  # another meeting's: not ours
    return target


def test_recovery_puts_the_old_set_back_and_removes_leftovers(tmp_path):
    target = leftovers_of_a_killed_build(tmp_path)
    recover(target)
    assert contents(target) == OLD
    assert sorted(os.listdir(target.parent)) == [".2024-01-24-extra.abc", "2024-01-24"]


def test_recovery_removes_the_old_set_once_the_new_one_is_in_place(tmp_path):
    target = old_output(tmp_path)
    retired = uitvoer.retired_path(target)
    retired.mkdir()
    (retired / "agenda.pdf").write_bytes(b"nog ouder")
    recover(target)
    assert contents(target) == OLD
    assert os.listdir(target.parent) == ["2024-01-24"]


def test_recovery_without_output_creates_nothing(tmp_path):
    recover(tmp_path / "output" / "2024-01-24")
    assert not (tmp_path / "output").exists()


def test_a_build_starts_by_recovering_even_when_it_then_fails(workspace, stukken):
    root = workspace({**BASE, **OVERLAYS})
    target = leftovers_of_a_killed_build(root)
    result = stukken(root, "build", "2024-01-24", "--annotatie", "west")
    assert result.exit_code == 1
    assert result.lines[0].startswith("fout: geen annotatie 'west' bij vergadering 2024-01-24")
    assert contents(target) == OLD
    assert sorted(os.listdir(target.parent)) == [".2024-01-24-extra.abc", "2024-01-24"]


def test_an_annotatie_build_after_a_kill_keeps_the_restored_files(workspace, stukken):
    root = workspace({**BASE, **OVERLAYS})
    target = leftovers_of_a_killed_build(root)
    result = stukken(root, "build", "2024-01-24", "--annotatie", "noord")
    assert result.exit_code == 0, result.stderr
    after = contents(target)
    assert sorted(after) == sorted(
        [*OLD, "geannoteerde-agenda-noord.pdf", "geannoteerde-agenda-noord.docx"]
    )
    assert {name: after[name] for name in OLD} == OLD


# --- disk errors: a Dutch message naming the folder, the old output intact -------------


def failing(code: int):
    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    return fail


@pytest.mark.parametrize(
    ("call", "code", "reason"),
    [
        ("write", errno.ENOSPC, "de schijf is vol"),
        ("fsync", errno.ENOSPC, "de schijf is vol"),
        ("write", errno.EDQUOT, "de schijf is vol (uw quotum is op)"),
        ("mkdir", errno.EACCES, "geen toestemming om daar te schrijven"),
        ("mkdir", errno.EROFS, "de schijf is alleen-lezen"),
        ("fsync", errno.EIO, "de schijf gaf een lees- of schrijffout"),
        ("rename", errno.EXDEV, "systeemfout: Invalid cross-device link"),
    ],
)
def test_disk_errors_are_dutch_and_keep_the_old_output(tmp_path, monkeypatch, call, code, reason):
    monkeypatch.chdir(tmp_path)
    target = old_output(tmp_path)
    monkeypatch.setattr(uitvoer, "exchange", lambda a, b: False)  # so rename is reached
    monkeypatch.setattr(os, call, failing(code))
    with pytest.raises(StukkenError) as raised:
        write_atomically(target, FULL_BUILD, keep_existing=False)
    monkeypatch.undo()
    assert raised.value.message == f"kan niet schrijven in output/2024-01-24: {reason}"
    assert contents(target) == OLD
    assert os.listdir(target.parent) == ["2024-01-24"]


def test_a_full_disk_during_a_build_is_exit_1_without_traceback(workspace, stukken, monkeypatch):
    root = workspace({**BASE, **OVERLAYS})
    target = old_output(root)
    monkeypatch.setattr(os, "write", failing(errno.ENOSPC))
    result = stukken(root, "build", "2024-01-24", "--annotatie", "noord")
    monkeypatch.undo()
    assert result.exit_code == 1
    assert result.lines == ["fout: kan niet schrijven in output/2024-01-24: de schijf is vol"]
    assert result.stdout == ""
    assert contents(target) == OLD
    assert os.listdir(target.parent) == ["2024-01-24"]


def test_output_below_a_file(workspace, stukken):
    root = workspace({**BASE, **OVERLAYS, "notities.txt": "niet weggooien\n"})
    result = stukken(root, "build", "2024-01-24", "-a", "noord", "--uitvoer", "notities.txt/x")
    assert result.exit_code == 1
    assert result.lines == [
        "fout: kan niet schrijven in notities.txt/x/2024-01-24: "
        "notities.txt is een bestand, geen map"
    ]
    assert (root / "notities.txt").read_text() == "niet weggooien\n"


def test_a_file_where_the_output_folder_should_be_stays(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "2024-01-24").write_text("van de gebruiker")
    with pytest.raises(StukkenError) as raised:
        write_atomically(tmp_path / "output" / "2024-01-24", FULL_BUILD, keep_existing=False)
    assert raised.value.message == (
        "kan niet schrijven in output/2024-01-24: output/2024-01-24 is een bestand, geen map"
    )
    assert (tmp_path / "output" / "2024-01-24").read_text() == "van de gebruiker"
    assert os.listdir(tmp_path / "output") == ["2024-01-24"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="root writes into a read-only folder anyway; the EACCES case is simulated above",
)
def test_a_read_only_output_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    target = old_output(tmp_path)
    target.parent.chmod(0o555)
    try:
        with pytest.raises(StukkenError) as raised:
            write_atomically(target, FULL_BUILD, keep_existing=False)
    finally:
        target.parent.chmod(0o755)
    assert raised.value.message == (
        "kan niet schrijven in output/2024-01-24: geen toestemming om daar te schrijven"
    )
    assert contents(target) == OLD
