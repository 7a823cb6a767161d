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

import sys
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

__all__ = ["BUILDERS", "TEMPLATES", "main", "make_reproducible"]


def main() -> None:
    """Write every template into templates/, reproducibly (the same bytes on each run)."""
    for name, builder in BUILDERS.items():
        target = TEMPLATES / name
        builder().save(target)
        make_reproducible(target)
        print(f"geschreven: {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
