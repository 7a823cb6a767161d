"""Every key of the workspace format, declared once, with its Dutch meaning.

The declarations (stukken.py, agenda.py, verslag.py) are the contract of
`../shared/spec/format.md` in code: the loader validates with them and fills the model
from them (`fill`); `stukken schema` exports them as JSON Schema for editors and as the
format reference `docs/format.md` (`naslag.py`). Keys may be added; keys of the contract
are never renamed or dropped. Adding a key means: declare it (its type, its meaning, the
model field it fills), add that field to `model.py`, and show it in the templates that
need it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..exceptions import Problems
from ..paden import outside
from ..safe_read import compose, values_left
from . import leescache
from .agenda import AGENDA, DOELEN
from .fill import fill
from .mappings import Mapping, Record, Seq
from .stukken import STUKKEN
from .types import Context
from .verslag import ACTIE_SOORTEN, ACTIE_STATUSSEN, ANNOTATIE, SOORTEN, VERSLAG

__all__ = [
    "ACTIE_SOORTEN",
    "ACTIE_STATUSSEN",
    "DOCUMENTS",
    "DOELEN",
    "SOORTEN",
    "Record",
    "Seq",
    "fill",
    "json_schemas",
    "read_document",
]

DOCUMENTS: dict[str, Mapping] = {
    "stukken": STUKKEN,
    "agenda": AGENDA,
    "verslag": VERSLAG,
    "annotatie": ANNOTATIE,
}

# --- reading ------------------------------------------------------------------------------


def read_document(
    path: Path, kind: str, problems: Problems, root: Path | None = None
) -> Record | None:
    """Read and validate one workspace file (never one outside `root`) against its keys;
    through the cache of files read before (leescache.py) when one is in use."""
    cache = leescache.active()
    if cache is None or (root is not None and outside(path, root)):
        return _read(path, kind, problems, root)
    digest = cache.hash_of(path)
    remaining = values_left()
    if digest is None:  # not a readable file: its message is the reader's
        return _read(path, kind, problems, root)
    found = cache.get(kind, path, digest)
    if found is not None and (remaining is None or found.values <= remaining[0]):
        if remaining is not None:
            remaining[0] -= found.values
        problems.warnings.extend(found.warnings)
        return found.value if isinstance(found.value, Record) else None
    errors, warnings = len(problems.errors), len(problems.warnings)
    before = remaining[0] if remaining is not None else 0
    value = _read(path, kind, problems, root)
    if len(problems.errors) == errors and value is not None:
        used = before - remaining[0] if remaining is not None else 0
        cache.put(kind, path, digest, leescache.Gelezen(value, problems.warnings[warnings:], used))
    return value


def leescache_in(
    folder: Path, digest: str, hash_of: Callable[[Path], str | None] | None = None
) -> leescache.Leescache:
    """The cache of files read before in `folder` (output/.cache/), for package `digest`;
    `hash_of` gives the sha256 of a file's bytes (None if it cannot be read)."""
    cache = leescache.Leescache(folder / leescache.NAME, digest, DOCUMENTS)
    if hash_of is not None:
        cache.hash_of = hash_of
    return cache


def _read(path: Path, kind: str, problems: Problems, root: Path | None) -> Record | None:
    node = compose(path, problems, root)
    if node is None:
        return None
    value = DOCUMENTS[kind].convert(node, Context(path, problems), path.name)
    return value if isinstance(value, Record) else None


def json_schemas() -> dict[str, dict[str, Any]]:
    """JSON Schema (draft 2020-12) per file kind, for editor completion and checking."""
    return {
        kind: {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": f"vergaderstukken: {mapping.noun}",
            **mapping.json_schema(),
        }
        for kind, mapping in DOCUMENTS.items()
    }


def write_json_schemas(folder: Path) -> list[Path]:
    """Write one `<kind>.schema.json` per file kind into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, schema in json_schemas().items():
        target = folder / f"{kind}.schema.json"
        target.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", "utf-8")
        written.append(target)
    return written
