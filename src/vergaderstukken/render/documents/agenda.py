"""The agenda: agenda.pdf and agenda.docx."""

from __future__ import annotations

from .. import context as contexts
from ..docx import render_docx
from ..job import RenderJob

PAKKET_KOPIE = "pakket/agenda.pdf"  # the pack's part (pakket.agenda_stuk)


def agenda_pdf(job: RenderJob) -> bytes:
    """agenda.pdf; laid out once with the pack's copy (pakket.agenda_stuk) where it can."""
    if "agenda.pdf" not in job.parts:
        context = contexts.agenda(job)
        los, kopie = job.pdf_en_pakketkopie("agenda.html", context, source=job.vergadering.loc)
        job.parts["agenda.pdf"] = los
        if kopie is not None:
            job.parts[PAKKET_KOPIE] = kopie
    return job.parts["agenda.pdf"]


def documents(job: RenderJob) -> dict[str, bytes]:
    """agenda.pdf and agenda.docx."""
    context = contexts.agenda(job)
    return {
        "agenda.pdf": agenda_pdf(job),
        "agenda.docx": render_docx(job, "agenda.docx", context, source=job.vergadering.loc),
    }


def pdf_documents(job: RenderJob) -> dict[str, bytes]:
    """The agenda without its Word twin (the public edition)."""
    return {"agenda.pdf": agenda_pdf(job)}
