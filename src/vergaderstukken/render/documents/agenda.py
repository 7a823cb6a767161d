"""The agenda: agenda.pdf and agenda.docx."""

from __future__ import annotations

from .. import context as contexts
from ..docx import render_docx
from ..job import RenderJob


def agenda_pdf(job: RenderJob) -> bytes:
    """agenda.pdf, rendered once per build."""
    context = contexts.agenda(job)
    source = job.vergadering.loc
    return job.part("agenda.pdf", lambda: job.pdf("agenda.html", context, source=source))


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
