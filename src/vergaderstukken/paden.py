"""Where a workspace path leads: inside the workspace or out of it.

Apart from safe_read.py, which needs PyYAML, so that a command can choose its meeting
(load/mappen.py) before anything heavy is imported.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def outside(path: Path, root: Path) -> bool:
    """Whether `path`, symbolic links followed, leads out of `root` (as attachments do)."""
    try:
        if _plainly_inside(path, root):
            return False
        return not path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError, ValueError):  # a link loop leads nowhere inside either
        return True


def _plainly_inside(path: Path, root: Path) -> bool:
    """Whether `path` is `root` followed by names none of which is '..' or a symbolic
    link: then it lies inside root wherever root itself leads, and resolving both (a
    system call per folder of each, thousands in a long history) is not needed.

    On the paths' text with os.lstat: pathlib's objects for every folder between cost
    more than the system calls."""
    text, base = str(path), str(root)
    if text == base:
        return True
    prefix = base if base.endswith(os.sep) else base + os.sep
    if not text.startswith(prefix) or base == ".":  # '.' is left off the paths it starts
        return False
    current = base
    for part in text[len(prefix) :].split(os.sep):
        if part in ("", ".", ".."):
            return False
        current = os.path.join(current, part)
        try:
            if stat.S_ISLNK(os.lstat(current).st_mode):
                return False
        except OSError:  # nothing there: no link either (as Path.is_symlink says)
            continue
    return True
