"""The whole build's fingerprint and manifest (output/.cache/bouwen/NAAM.json): the first
level of the build cache (cache.py). A full build whose fingerprint, files read and
output folder all match its manifest is done before anything heavy is imported."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..exceptions import Problem
from .cache import (
    FORMAT,
    file_hash,
    ignore_all,
    key_of,
    problem_from,
    problem_json,
    walk,
    write_atomically,
)

INPUTS = ("stukken.yaml", "meetings", "templates")  # what a build reads of the workspace


def build_key(root: Path, naam: str, options: dict[str, object]) -> str:
    """The fingerprint of a build: every input file's path and hash, the package and the
    options. Cheap: no YAML is read and nothing heavy is imported."""
    return build_keys(root, naam, options)[0]


def build_keys(
    root: Path,
    naam: str,
    options: dict[str, object],
    without: Callable[[str], bool] = lambda relative: False,
) -> tuple[str, str]:
    """build_key, and in the same walk the fingerprint without the files `without` names
    (by their path relative to `root`, with /)."""
    digest = hashlib.sha256(key_of("build", naam, options).encode())
    partial = digest.copy()
    for name in INPUTS:
        path = str(root / name)
        for found, relative in walk(path, name) if os.path.isdir(path) else [(path, name)]:
            line = f"{relative} {file_hash(found)}\n".encode()
            digest.update(line)
            if not without(relative):
                partial.update(line)
    return digest.hexdigest(), partial.hexdigest()


def listing(folder: Path) -> dict[str, str]:
    """Every file of an output folder (relative path -> hash)."""
    return {relative: file_hash(path) for path, relative in walk(str(folder), "")}


def manifest_path(folder: Path, naam: str) -> Path:
    """Where the last full build of meeting `naam` is described."""
    return folder / "bouwen" / f"{naam}.json"


@dataclass
class Vorige:
    """A previous build that still stands: what it wrote and the warnings it gave."""

    files: list[str]
    warnings: list[Problem]


def previous_build(folder: Path, naam: str, key: str, target: Path) -> Vorige | None:
    """The previous build of `naam`, if it had the same fingerprint, every other file it
    read is unchanged and output/DATUM holds exactly what it wrote."""
    try:
        stored = json.loads(manifest_path(folder, naam).read_text(encoding="utf-8"))
        if stored.get("format") != FORMAT or stored.get("key") != key:
            return None
        if any(file_hash(Path(p)) != h for p, h in stored["gelezen"].items()):
            return None
        if listing(target) != stored["uitvoer"]:
            return None
        return Vorige(list(stored["files"]), [problem_from(p) for p in stored["warnings"]])
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None


def remember_build(
    folder: Path,
    naam: str,
    key: str,
    target: Path,
    files: list[str],
    warnings: list[Problem],
    gelezen: dict[str, str],
    extra: dict[str, object] | None = None,
) -> None:
    """Keep what this build wrote, for the next build with the same fingerprint (and
    `extra`, for render/hergebruik.py)."""
    entry = {
        "format": FORMAT,
        "key": key,
        "files": files,
        "warnings": [problem_json(p) for p in warnings],
        "gelezen": gelezen,
        "uitvoer": listing(target),
        **(extra or {}),
    }
    try:
        write_atomically(manifest_path(folder, naam), json.dumps(entry).encode("utf-8"))
        ignore_all(folder)
    except OSError:  # the next build is slower, not wrong
        return
