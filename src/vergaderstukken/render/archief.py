"""The archive copies: PDF/A-2b versions of the minutes, the action-and-decision list and
the meeting pack, for output/DATUM/archief/ (`stukken build DATUM --archief`).

Only adopted (vastgesteld) minutes are archived: a draft is not a record. Every part is
rendered afresh through a job whose PDFs are PDF/A-2b (engines/pdf.py ARCHIEF), the
pack made PDF/A-2b as a whole afterwards (engines/archief.py). A PDF attachment that
cannot be part of a PDF/A-2b file is refused, all of them at once, by name.
"""

from __future__ import annotations

import io

import pikepdf

from ..exceptions import Problems, StukkenError
from ..gather import verslagstand
from ..model import Vergadering, Werkmap
from .documents import lijsten, pakket, verslag
from .engines import archief
from .engines.pakket_ontsmet import ontsmetten
from .engines.pdf import ARCHIEF
from .job import RenderJob

MAP = "archief"


def archive_job(werkmap: Werkmap, vergadering: Vergadering) -> RenderJob:
    """A job whose PDFs are PDF/A-2b, for adopted minutes only."""
    if vergadering.verslag is None:
        raise StukkenError(
            f"{vergadering.loc}: vergadering {vergadering.naam} heeft nog geen verslag.yaml; "
            "het archief bevat het vastgestelde verslag"
        )
    stand = verslagstand(werkmap, vergadering)  # also adopted by a later meeting's minutes
    if stand is None or not stand.vastgesteld:
        raise StukkenError(
            f"{vergadering.verslag.loc}: het verslag van {vergadering.naam} is nog een "
            f"concept (status: {vergadering.verslag.status}); alleen een vastgesteld verslag "
            "gaat naar het archief (zet status: vastgesteld en vastgesteld_op in verslag.yaml)"
        )
    return RenderJob(werkmap, vergadering, pdf_variant=ARCHIEF)


def refuse_attachments(job: RenderJob) -> None:
    """Every PDF attachment that PDF/A-2b forbids, with what in it, as one error."""
    problems = Problems()
    for bijlage in job.vergadering.bijlagen:
        if bijlage.soort != "pdf" or bijlage.bestand is None:
            continue
        try:
            pdf = pikepdf.open(io.BytesIO(bijlage.bestand.read_bytes()))
        except (OSError, pikepdf.PdfError):
            continue  # the pack itself reports an unreadable attachment
        ontsmetten(pdf, openbaar=False)  # as the pack takes it: without active content
        bezwaren = archief.bezwaren(pdf)
        if bezwaren:
            problems.error(
                bijlage.loc,
                f"bijlage '{bijlage.id}' ({pakket.getoond(bijlage, job.vergadering.folder)}) "
                f"kan niet in het archiefpakket (PDF/A-2b): {'; '.join(bezwaren)} "
                "(lever de bijlage aan als PDF/A, bijvoorbeeld via 'Opslaan als PDF/A' "
                "in Word of LibreOffice)",
            )
    problems.raise_if_any()


def documents(job: RenderJob) -> dict[str, bytes]:
    """{file name: PDF/A-2b bytes} for the archive folder."""
    refuse_attachments(job)
    return {
        "verslag.pdf": verslag.verslag_pdf(job, job.vergadering),
        "actie-en-besluitenlijst.pdf": lijsten.lijst_pdf(job),
        pakket.NAAM: archief.pdfa_pakket(pakket.vergaderpakket(job)),
    }
