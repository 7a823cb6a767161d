"""The parts of a meeting pack, as the documents hand them to pakket_pdf.py.

Apart from pakket_pdf.py, which imports pikepdf: a worker that renders an attachment for
the pack, and every build that imports the documents, need these two classes and not the
library that puts the pack together (imported when the pack is).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...gather import platte_tekst
from ...model import Bijlage

if TYPE_CHECKING:
    import pikepdf


@dataclass
class Bron:
    """One part of the pack, opened: its pages, and the bookmarks it gets in the pack.

    `bladwijzers` are (title, page within the part). With `eigen_bladwijzers` the part's
    own outline is nested under its first bookmark; `dicht` shows that nest collapsed.
    `inlijsten` frames every page, A4 or not (a PDF from outside: its own header and page
    number may sit anywhere, and the stamp must not cover them).
    """

    pdf: pikepdf.Pdf
    bladwijzers: list[tuple[str, int]]
    eigen_bladwijzers: bool = False
    dicht: bool = False
    inlijsten: bool = False
    # filled by samenstellen(): where the part's pages landed, and which were redrawn
    eerste: int = 0
    pagina_map: dict[tuple[int, int], int] = field(default_factory=dict)
    verplaatst: set[int] = field(default_factory=set)

    @property
    def paginas(self) -> int:
        """The number of pages of the part."""
        return len(self.pdf.pages)


@dataclass
class Stuk:
    """One document of the pack, the agenda or an attachment, rendered, with what the
    pack says about it."""

    wat: str  # "Agenda", "Bijlage I"
    titel: str  # Markdown inline; empty for the agenda
    pdf: bytes
    bij: str = ""  # "bij agendapunt 4"
    stempel: str | None = None  # the text stamped on each of its pages
    bijlage: Bijlage | None = None

    @property
    def bladwijzer(self) -> str:
        """The bookmark's text; an edition's `kaal` turns a redaction into its ground."""
        return f"{self.wat} — {platte_tekst(self.titel)}" if self.titel else self.wat
