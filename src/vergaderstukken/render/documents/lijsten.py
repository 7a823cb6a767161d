"""The action-and-decision list (PDF, DOCX) and its plain-text twins for git.

besluitenlijst.md and actielijst.md come from Jinja text templates (overridable in the
workspace's templates/) with autoescape off; their bytes depend only on the files, so
identical input gives identical output on every machine.
"""

from __future__ import annotations

from pathlib import Path

from ...gather import TITEL_LIJST, Gegevens, tabelcel, termijn_tekst
from ..context import gegevens_verslag
from ..docx import render_docx
from ..engines.templates import template_errors
from ..job import RenderJob

TITEL = TITEL_LIJST
TEKSTLIJSTEN = ("besluitenlijst.md", "actielijst.md")


def lijst_context(gegevens: Gegevens, fonts: Path) -> dict:
    """The action-and-decision list's template context (PDF and DOCX)."""
    data = gegevens.lijsten
    return {
        **gegevens_verslag(gegevens, gegevens.documenten.lijst, fonts),
        "besluiten": data.besluiten,
        "acties": data.acties,
        "chronologisch": data.chronologisch,
        "fonts_url": fonts.resolve().as_uri(),
    }


def tekst_context(gegevens: Gegevens) -> dict:
    """The context of the plain-text lists besluitenlijst.md and actielijst.md."""
    data = gegevens.lijsten
    return {
        "overleg": gegevens.overleg,
        "vergadering": gegevens.vergadering,
        "verslag": gegevens.vergadering.verslag,
        "stand": gegevens.stand,
        "besluiten": data.besluiten,
        "acties": data.acties,
        "chronologisch": data.chronologisch,
    }


def tekstlijst(job: RenderJob, naam: str, context: dict) -> bytes:
    """A Markdown list: LF line endings, exactly one trailing newline."""
    env = job.templates.env.overlay(autoescape=False)
    env.filters.update(cel=tabelcel, termijn_tekst=termijn_tekst)
    with template_errors():
        text = env.get_template(naam).render(context)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return (text.rstrip("\n") + "\n").encode("utf-8")


def context_van(job: RenderJob) -> dict:
    """The list's context (PDF and DOCX), built once per build."""
    return job.context("actie-en-besluitenlijst", lambda: lijst_context(job.gegevens, job.fonts))


def lijst_pdf(job: RenderJob) -> bytes:
    """actie-en-besluitenlijst.pdf of the job's meeting, which has minutes."""
    source = job.vergadering.verslag.loc
    return job.part(
        "actie-en-besluitenlijst.pdf",
        lambda: job.pdf("actie-en-besluitenlijst.html", context_van(job), source=source),
    )


def documents(job: RenderJob) -> dict[str, bytes]:
    """The action-and-decision list as PDF and DOCX, and its Markdown twins."""
    vergadering = job.vergadering
    if vergadering.verslag is None:
        return {}
    source = vergadering.verslag.loc
    tekst = tekst_context(job.gegevens)
    return {
        "actie-en-besluitenlijst.pdf": lijst_pdf(job),
        "actie-en-besluitenlijst.docx": render_docx(
            job, "actie-en-besluitenlijst.docx", context_van(job), source=source
        ),
        **{naam: tekstlijst(job, naam, tekst) for naam in TEKSTLIJSTEN},
    }


def pdf_documents(job: RenderJob) -> dict[str, bytes]:
    """The action-and-decision list without its Word and Markdown twins (the public edition)."""
    return (
        {} if job.vergadering.verslag is None else {"actie-en-besluitenlijst.pdf": lijst_pdf(job)}
    )
