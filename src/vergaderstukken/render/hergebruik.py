"""After an edit to advisors' overlays only: the other documents of the previous build.

An overlay (annotaties/NAAM.yaml) reaches its own annotated agenda and no other document
(documents/geannoteerde_agenda.py). So when every input file of a full build but the
overlays is as the previous full build found it, that build gave no warnings while
rendering, and output/DATUM still holds exactly what it wrote, every document but the
annotated agendas would come out byte for byte the same: those files are taken as they
stand, and only the annotated agendas are rendered (each still through the cache of
rendered documents). Without this, a build renders every document's HTML to find that
it did not change, after WeasyPrint's import; with it, an edit to one overlay costs the
loading and that overlay's two files.

A warning of the previous build's rendering (an image without alternative text, a CSS
rule) makes it step aside: warnings are merged across documents (each once), so the
reused documents' share of them cannot be told apart from the rendered ones'.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from . import cache as bouwcache
from . import manifest

PREFIX = "geannoteerde-agenda-"  # the file names of the annotated agendas

OVERLAY = re.compile(r"meetings/[^/]+/annotaties/")
KEY = "zonder_annotaties"  # the manifest's fingerprint without the overlays
RENDER_WARNINGS = "weergave"  # the manifest's count of the rendering's own warnings


def overlay(relative: str) -> bool:
    """Whether a workspace path (relative, with /) is an advisor's overlay file."""
    return OVERLAY.match(relative) is not None


def keys(root: Path, naam: str) -> tuple[str, str]:
    """The fingerprints of a full build of `naam` (manifest.build_key) and without the
    overlay files, from one walk over the input files."""
    return manifest.build_keys(root, naam, {"volledig": True}, without=overlay)


def annotated(name: str) -> bool:
    """Whether an output file is an annotated agenda (the overlays' own documents)."""
    return name.startswith(PREFIX)


@dataclass
class Staand:
    """The previous build's documents that stand: their files and the files read for them."""

    files: dict[str, bytes]
    gelezen: dict[str, str]


def previous_documents(folder: Path, naam: str, fingerprint: str, target: Path) -> Staand | None:
    """The files of the previous full build but its annotated agendas, if they may stand
    (see the module docstring); None otherwise."""
    try:
        stored = json.loads(manifest.manifest_path(folder, naam).read_text(encoding="utf-8"))
        if stored.get("format") != bouwcache.FORMAT or stored.get(KEY) != fingerprint:
            return None
        if stored.get(RENDER_WARNINGS) != 0:
            return None
        gelezen = {str(p): str(h) for p, h in stored["gelezen"].items()}
        if any(bouwcache.file_hash(Path(p)) != h for p, h in gelezen.items()):
            return None
        if manifest.listing(target) != stored["uitvoer"]:
            return None
        names = [str(name) for name in stored["files"]]
        files = {name: (target / name).read_bytes() for name in names if not annotated(name)}
        return Staand(files, gelezen)
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None
