"""New files only: the cycle's commands never write over what a secretary has written."""

from __future__ import annotations

import os
from pathlib import Path

from ..exceptions import StukkenError, display_path


def bestaat(path: Path) -> bool:
    """Whether anything is at `path`: a file, a folder, or a link that leads nowhere."""
    return path.is_symlink() or path.exists()


def schema_pad(root: Path, bestand: Path, kind: str) -> str | None:
    """The path from `bestand` to the workspace's editor schema of `kind`, when it exists
    (`stukken init` and `stukken schema` write them into schema/)."""
    schema = root / "schema" / f"{kind}.schema.json"
    if not schema.is_file():
        return None
    return Path(os.path.relpath(schema, bestand.parent)).as_posix()


def schrijf_nieuw(path: Path, text: str, hoe_verder: str) -> None:
    """Write `text` to a file that must not exist yet; `hoe_verder` tells the user what to
    do when it does."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as out:  # "x": never overwrite
            out.write(text)
    except FileExistsError:
        raise StukkenError(f"{display_path(path)} bestaat al; {hoe_verder}") from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise StukkenError(f"{display_path(path)} kan niet geschreven worden ({reason})") from None
