"""Where a workspace path leads: inside the workspace or out of it.

Apart from safe_read.py, which needs PyYAML, so that a command can choose its meeting
(load/mappen.py) before anything heavy is imported.
"""

from __future__ import annotations

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
    system call per folder of each, thousands in a long history) is not needed."""
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
