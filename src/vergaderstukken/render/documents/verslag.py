"""The minutes: verslag.pdf and verslag.docx, and the minutes as a generated attachment.

`verslag_pdf(job, vergadering)` renders the minutes of any meeting of the workspace with
that meeting's own data (its date, number, attendance); the meeting pack uses it for a
`verslag: DATUM` attachment, and the part is cached so it is rendered once per build.
"""

from __future__ import annotations

from pathlib import Path

from ...actions import ActieStand, actielijst
from ...exceptions import StukkenError
from ...gather import minutes_order
from ...model import Vergadering, Werkmap
from ..context import gegevens_verslag
from ..docx import render_docx
from ..job import RenderJob


def voortgang(werkmap: Werkmap, vergadering: Vergadering) -> list[ActieStand]:
    """Earlier actions that were open when the meeting began, as they stand after it."""
    lijst = actielijst(werkmap, vergadering)
    return sorted([*lijst.lopend, *lijst.gesloten], key=minutes_order)


def verslag_context(werkmap: Werkmap, vergadering: Vergadering, fonts: Path) -> dict:
    verslag = vergadering.verslag
    acties_punt = next((p for p in vergadering.alle_punten() if p.acties), None)
    return {
        **gegevens_verslag(werkmap, vergadering, "verslag", "Verslag", fonts),
        "punten": vergadering.punten,
        "verslag_punten": verslag.punten,
        "voortgang": voortgang(werkmap, vergadering),
        # Without an item for the open actions, their progress closes the minutes.
        "voortgang_apart": acties_punt is None and bool(verslag.updates),
        "fonts_url": fonts.resolve().as_uri(),
    }


def verslag_pdf(job: RenderJob, vergadering: Vergadering) -> bytes:
    """The minutes of `vergadering` as PDF, rendered once per build."""
    if vergadering.verslag is None:
        raise StukkenError(f"vergadering {vergadering.naam} heeft (nog) geen verslag.yaml")

    def make() -> bytes:
        context = verslag_context(job.werkmap, vergadering, job.fonts)
        return job.pdf(
            "verslag.html", context, source=vergadering.verslag.loc, base_dir=vergadering.folder
        )

    return job.part(f"verslag:{vergadering.naam}", make)


def documents(job: RenderJob) -> dict[str, bytes]:
    vergadering = job.vergadering
    if vergadering.verslag is None:
        return {}
    context = verslag_context(job.werkmap, vergadering, job.fonts)
    return {
        "verslag.pdf": verslag_pdf(job, vergadering),
        "verslag.docx": render_docx(job, "verslag.docx", context, source=vergadering.verslag.loc),
    }


def pdf_documents(job: RenderJob) -> dict[str, bytes]:
    """The minutes without their Word twin (the public edition)."""
    vergadering = job.vergadering
    return {} if vergadering.verslag is None else {"verslag.pdf": verslag_pdf(job, vergadering)}
