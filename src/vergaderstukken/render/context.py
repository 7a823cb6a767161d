"""Template contexts: gathered data (gather.py) in the shape the templates read.

Templates decide layout; gather decides content. Each context here is built once per
build, through `job.context`, and shared by the documents that show it.
"""

from __future__ import annotations

from pathlib import Path

from ..gather import Document, Gegevens
from .engines.watermerk import watermerk_url
from .job import RenderJob


def agenda(job: RenderJob) -> dict:
    """The agenda's context: agenda.pdf, agenda.docx, the pack and the annotated agendas."""
    return job.context("agenda", lambda: agenda_context(job.gegevens, job.fonts))


def agenda_context(gegevens: Gegevens, fonts: Path) -> dict:
    """The agenda's template context, built from the gathered data."""
    vergadering = gegevens.vergadering
    return {
        "overleg": gegevens.overleg,
        "vergadering": vergadering,
        "punten": vergadering.punten,
        "open_acties": gegevens.open_acties,
        "planning": gegevens.planning,
        "document": gegevens.documenten.agenda.als_dict(),
        "annotatie": None,
        "fonts_url": fonts.resolve().as_uri(),
    }


def gegevens_verslag(gegevens: Gegevens, document: Document, fonts: Path) -> dict:
    """What the minutes and the action-and-decision list share: title, marking, attendance."""
    info = document.als_dict()
    info["watermerk"] = info["markering"]
    info["watermerk_afbeelding"] = (
        watermerk_url(info["watermerk"], fonts / "Lato-Bold.ttf") if info["watermerk"] else ""
    )
    return {
        "overleg": gegevens.overleg,
        "vergadering": gegevens.vergadering,
        "verslag": gegevens.vergadering.verslag,
        "document": info,
        "aanwezig": gegevens.aanwezig,
        "afwezig": gegevens.afwezig,
        "stand": gegevens.stand,
    }
