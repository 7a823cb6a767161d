"""The agenda: agenda.pdf and agenda.docx."""

from __future__ import annotations

from .context import agenda_context
from .docx import render_docx
from .job import RenderJob


def documents(job: RenderJob) -> dict[str, bytes]:
    context = agenda_context(job.workspace, job.vergadering, job.fonts)
    source = job.vergadering.loc
    pdf = job.part("agenda.pdf", lambda: job.pdf("agenda.html", context, source=source))
    return {
        "agenda.pdf": pdf,
        "agenda.docx": render_docx(job, "agenda.docx", context, source=source),
    }
