"""Putting a build's output folder on disk so that nothing is lost.

A build renders everything in memory first; this module writes it. The new set goes into
a staging folder beside the target (`.DATUM.xxxxxxxx`), is flushed to disk, and is swapped
in. On Linux the swap is one atomic exchange (`renameat2` with `RENAME_EXCHANGE`), so at
every instant `output/DATUM/` holds the complete old set or the complete new one. Elsewhere,
or on a filesystem without the exchange, it is two renames via `.DATUM.oud`; a run killed
between them leaves the old set there, and `recover`, at the start of the next build, puts
it back. `recover` also removes the staging and `.oud` folders that killed runs left.

Disk trouble (a full disk, no write permission, a file where a folder should be) becomes a
Dutch `StukkenError` naming the folder; the previous output stays as it was.
"""

from __future__ import annotations

import ctypes
import errno
import functools
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from .exceptions import StukkenError, display_path

AT_FDCWD = -100  # <fcntl.h>: paths relative to the current directory
RENAME_EXCHANGE = 2  # <linux/fs.h>

REASONS = {
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.EACCES: "geen toestemming om daar te schrijven",
    errno.EPERM: "geen toestemming om daar te schrijven",
    errno.ENAMETOOLONG: "de padnaam is te lang",
    errno.EIO: "de schijf gaf een lees- of schrijffout",
}
if hasattr(errno, "EDQUOT"):  # not on Windows
    REASONS[errno.EDQUOT] = "de schijf is vol (uw quotum is op)"


def write_atomically(
    target: Path, files: dict[str, bytes], *, keep_existing: bool, replace: str | None = None
) -> None:
    """Replace folder `target` by `files` (relative name → bytes) in one step.

    With `keep_existing` the other files already in `target` stay; the subfolder `replace`
    is then written afresh. On failure `target` is left as it was.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with locked(target.parent):
            _recover(target)
            if os.path.lexists(target) and not target.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, "not a directory", str(target))
            staging = Path(tempfile.mkdtemp(prefix=staging_prefix(target), dir=target.parent))
            try:
                fill(staging, target, files, keep_existing=keep_existing, replace=replace)
                swap_in(staging, target)
            finally:  # after an exchange the staging folder holds the old set
                remove(staging)
    except OSError as error:
        raise StukkenError(cannot_write(target, error)) from None


def recover(target: Path) -> None:
    """Restore or clean up what a build killed while writing `target` left beside it."""
    if not target.parent.is_dir():
        return
    try:
        with locked(target.parent):
            _recover(target)
    except OSError as error:
        raise StukkenError(cannot_write(target, error)) from None


def _recover(target: Path) -> None:
    retired = retired_path(target)
    if os.path.lexists(retired):
        if os.path.lexists(target):  # killed after the new set was in place
            remove(retired)
        else:  # killed between the two renames: the old set goes back
            os.rename(retired, target)
            sync_dir(target.parent)
    for entry in target.parent.iterdir():
        if entry.name.startswith(staging_prefix(target)):
            remove(entry)


def staging_prefix(target: Path) -> str:
    """How the hidden folders beside `target` start, so a later run finds its leftovers."""
    return f".{target.name}."


def retired_path(target: Path) -> Path:
    """Where the old set waits during the two-rename swap; a name `mkdtemp` never makes."""
    return target.with_name(f"{staging_prefix(target)}oud")


def fill(
    staging: Path,
    target: Path,
    files: dict[str, bytes],
    *,
    keep_existing: bool,
    replace: str | None,
) -> None:
    """Write the new set into `staging` and flush it, so no crash swaps in empty files."""
    if keep_existing and target.is_dir():
        shutil.copytree(target, staging, dirs_exist_ok=True)
        if replace is not None:
            remove(staging / replace)
    for name, data in files.items():
        path = staging / name
        path.parent.mkdir(parents=True, exist_ok=True)
        write_file(path, data)
    staging.chmod(0o755)  # mkdtemp makes it private; the output is not
    sync_tree(staging)


def write_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` in full (os.write may write less than it is given)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def swap_in(staging: Path, target: Path) -> None:
    """Put `staging` in the place of `target`; afterwards `staging` holds the old set, if any."""
    if not os.path.lexists(target):
        os.rename(staging, target)
    elif not exchange(staging, target):
        retired = retired_path(target)
        os.rename(target, retired)
        # A kill here leaves no target; `recover` renames `retired` back.
        os.rename(staging, target)
        sync_dir(target.parent)
        remove(retired)
    sync_dir(target.parent)


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one atomic step; False where the system or filesystem cannot."""
    renameat2 = libc_renameat2()
    if renameat2 is None:
        return False
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE):
        code = ctypes.get_errno()
        if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
            return False  # an old kernel, or a filesystem without RENAME_EXCHANGE
        raise OSError(code, os.strerror(code), str(second))
    return True


@functools.cache
def libc_renameat2() -> Callable[..., int] | None:
    """glibc's `renameat2` (2.28 and later) on Linux, else None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    int_, path = ctypes.c_int, ctypes.c_char_p
    function.argtypes = [int_, path, int_, path, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """An exclusive lock on `folder`, so two builds never clean up each other's staging."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks on folders
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        with suppress(OSError):  # e.g. NFS without locking: run unlocked, as before
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def sync_tree(folder: Path) -> None:
    """fsync every file and folder below `folder`, deepest first."""
    for here, _, names in os.walk(folder, topdown=False):
        for name in names:
            if not os.path.islink(os.path.join(here, name)):
                sync_path(os.path.join(here, name))
        sync_dir(Path(here))


def sync_dir(folder: Path) -> None:
    """Make renames and new entries in `folder` durable; folders cannot be synced on Windows."""
    if os.name == "posix":
        sync_path(str(folder))


def sync_path(path: str) -> None:
    """fsync one file or folder; outside POSIX it is opened read-write, as fsync needs there."""
    fd = os.open(path, os.O_RDONLY if os.name == "posix" else os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove(path: Path) -> None:
    """Remove a file, link or folder if it is there; leftovers are cleaned up next time."""
    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)


def cannot_write(target: Path, error: OSError) -> str:
    """The Dutch message for a failed write, naming the folder and the cause."""
    blocker = file_in_the_way(target)
    if error.errno in (errno.ENOTDIR, errno.EEXIST) and blocker is not None:
        reason = f"{display_path(blocker)} is een bestand, geen map"
    elif error.errno in REASONS:
        reason = REASONS[error.errno]
    else:
        reason = f"systeemfout: {error.strerror or error}"
    return f"kan niet schrijven in {display_path(target)}: {reason}"


def file_in_the_way(target: Path) -> Path | None:
    """The nearest existing path at or above `target`, if it is not a folder."""
    for path in (target, *target.parents):
        if os.path.lexists(path):
            return None if path.is_dir() else path
    return None
