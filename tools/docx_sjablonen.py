"""Generate the built-in A4 DOCX templates in templates/ (docxtpl syntax).

The .docx files are committed; run this after changing a template's module:

    .venv/bin/python tools/docx_sjablonen.py

python-docx starts from a US Letter document, so every template sets A4 and its own
styles (the building blocks are in docx_bouw.py). One module per document writes it:
docx_agenda.py (the agenda and the annotated agenda), docx_verslag.py (the minutes) and
docx_lijst.py (the action-and-decision list); a new document adds a module and an entry
in BUILDERS.
"""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from docx_agenda import agenda, geannoteerde_agenda  # noqa: E402
from docx_lijst import actie_en_besluitenlijst  # noqa: E402
from docx_verslag import verslag  # noqa: E402

from vergaderstukken.render.engines.docx_stable import make_reproducible  # noqa: E402

TEMPLATES = ROOT / "templates"

BUILDERS = {
    "agenda.docx": agenda,
    "geannoteerde-agenda.docx": geannoteerde_agenda,
    "verslag.docx": verslag,
    "actie-en-besluitenlijst.docx": actie_en_besluitenlijst,
}

__all__ = ["BUILDERS", "TEMPLATES", "drop_parts", "main", "make_reproducible", "write_template"]


# Parts of python-docx's default document that no Word or LibreOffice of today reads: the
# Word 2010 copy of the style sheet (0.4 MB, parsed and written again with every Word
# file a build makes) and a thumbnail of an empty page.
LEGACY_PARTS = ("word/stylesWithEffects.xml", "docProps/thumbnail.jpeg")


def drop_parts(path: Path, parts: tuple[str, ...] = LEGACY_PARTS) -> None:
    """Remove `parts` from the .docx at `path`, with their relationships and content types."""
    with zipfile.ZipFile(path) as archive:
        entries = {info.filename: archive.read(info) for info in archive.infolist()}
    for part in parts:
        entries.pop(part, None)
        name = part.rsplit("/", 1)[-1]
        for rels in ("_rels/.rels", "word/_rels/document.xml.rels"):
            if rels in entries:
                entries[rels] = re.sub(
                    rb'<Relationship [^>]*Target="/?(?:[^"]*/)?'
                    + re.escape(name.encode())
                    + rb'"[^>]*/>',
                    b"",
                    entries[rels],
                )
        entries["[Content_Types].xml"] = re.sub(
            rb'<Override [^>]*PartName="/' + re.escape(part.encode()) + rb'"[^>]*/>',
            b"",
            entries["[Content_Types].xml"],
        )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)


def write_template(name: str, target: Path) -> None:
    """Write template `name` (a key of BUILDERS) to `target`, reproducibly."""
    BUILDERS[name]().save(target)
    drop_parts(target)
    make_reproducible(target)


def main() -> None:
    """Write every template into templates/, reproducibly (the same bytes on each run)."""
    for name in BUILDERS:
        target = TEMPLATES / name
        write_template(name, target)
        print(f"geschreven: {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
