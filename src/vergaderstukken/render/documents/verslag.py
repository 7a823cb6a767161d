"""The minutes: verslag.pdf and verslag.docx, and the minutes as a generated attachment.

`verslag_pdf(job, vergadering)` renders the minutes of any meeting of the workspace with
that meeting's own gathered data (its date, number, attendance); the meeting pack uses it
for a `verslag: DATUM` attachment, and the part is cached so it is rendered once per build.
"""

from __future__ import annotations

from pathlib import Path

from ...exceptions import StukkenError
from ...gather import Gegevens
from ...model import Vergadering
from ..context import gegevens_verslag
from ..docx import render_docx
from ..job import RenderJob


def verslag_context(gegevens: Gegevens, fonts: Path) -> dict:
    """The minutes' template context (PDF and DOCX)."""
    vergadering = gegevens.vergadering
    return {
        **gegevens_verslag(gegevens, gegevens.documenten.verslag, fonts),
        "punten": vergadering.punten,
        "verslag_punten": vergadering.verslag.punten,
        "voortgang": gegevens.voortgang,
        "voortgang_apart": gegevens.voortgang_apart,
        "fonts_url": fonts.resolve().as_uri(),
    }


def context_van(job: RenderJob, vergadering: Vergadering) -> dict:
    """The minutes' context of `vergadering`, built once per build."""
    return job.context(
        f"verslag:{vergadering.naam}",
        lambda: verslag_context(job.gegevens_van(vergadering), job.fonts),
    )


def verslag_pdf(job: RenderJob, vergadering: Vergadering) -> bytes:
    """The minutes of `vergadering` as PDF, rendered once per build."""
    if vergadering.verslag is None:
        raise StukkenError(f"vergadering {vergadering.naam} heeft (nog) geen verslag.yaml")

    def make() -> bytes:
        return job.pdf(
            "verslag.html",
            context_van(job, vergadering),
            source=vergadering.verslag.loc,
            base_dir=vergadering.folder,
        )

    return job.part(f"verslag:{vergadering.naam}", make)


def documents(job: RenderJob) -> dict[str, bytes]:
    """verslag.pdf and verslag.docx, when the meeting has minutes."""
    vergadering = job.vergadering
    if vergadering.verslag is None:
        return {}
    context = context_van(job, vergadering)
    return {
        "verslag.pdf": verslag_pdf(job, vergadering),
        "verslag.docx": render_docx(job, "verslag.docx", context, source=vergadering.verslag.loc),
    }


def pdf_documents(job: RenderJob) -> dict[str, bytes]:
    """The minutes without their Word twin (the public edition)."""
    vergadering = job.vergadering
    return {} if vergadering.verslag is None else {"verslag.pdf": verslag_pdf(job, vergadering)}
