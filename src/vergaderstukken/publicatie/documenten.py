"""The public PDFs of the site: each meeting's public edition, and each attachment apart.

One redacted copy of the workspace serves every meeting (`publieke_jobs`), made as
`woo.editie.public_job` makes it for one: `woo.public_werkmap` (items and attachments with
`openbaar: false` left out, no annotations, every string to redact a marker), then each
meeting's PDF attachments screened (`screen_attachments`), then gathered. The edition's
documents come from `woo.editie.documents`, read back there; the attachments are rendered
apart (a Markdown attachment in the house style with its own legend, minutes as the
minutes of their meeting, a PDF as screened and stripped of active content and metadata)
and read back the same way.
"""

from __future__ import annotations

from ..exceptions import Problem, StukkenError
from ..gather import Verzameling, platte_tekst
from ..model import Bijlage, Werkmap
from ..render.documents import pakket
from ..render.documents.verslag import verslag_pdf
from ..render.engines import pakket_pdf
from ..render.engines.pakket_ontsmet import ontsmetten
from ..render.engines.pakket_stukken import Bron
from ..render.job import RenderJob
from ..woo import editie
from ..woo import lakken as woo
from .gegevens import bijlage_bestand


def publieke_jobs(werkmap: Werkmap) -> tuple[dict[str, RenderJob], woo.Lakker]:
    """A public RenderJob per meeting, on one redacted copy of the workspace.

    A meeting whose attachments cannot go public (a pre-redacted PDF that still shows a
    name) stops the publication with its messages, like `stukken build --openbaar`.
    """
    public, lakker = woo.public_werkmap(werkmap)
    warnings: dict[str, list[Problem]] = {}
    for vergadering in public.vergaderingen:
        with namens(vergadering.naam):
            warnings[vergadering.naam] = editie.screen_attachments(vergadering, lakker)
    verzameling = Verzameling(public)  # after screening: the gathered model is final
    jobs = {}
    for vergadering in public.vergaderingen:
        job = RenderJob(
            public, vergadering, editie=editie.OpenbareEditie(lakker), verzameling=verzameling
        )
        job.warnings.extend(dict.fromkeys(warnings[vergadering.naam]))
        jobs[vergadering.naam] = job
    return jobs, lakker


class namens:
    """Name the meeting in an error raised while its public edition is made."""

    def __init__(self, naam: str):
        self.naam = naam

    def __enter__(self) -> namens:
        return self

    def __exit__(self, kind: object, error: BaseException | None, tb: object) -> None:
        if isinstance(error, StukkenError):
            raise StukkenError(
                f"de site is niet geschreven: de openbare versie van vergadering {self.naam} "
                f"kan niet gemaakt worden:\n{error.format_message()}"
            ) from None


def pdfs(job: RenderJob) -> dict[str, bytes]:
    """Every public PDF of the job's meeting, by its file name in the meeting's folder."""
    with namens(job.vergadering.naam):
        files = editie.documents(job)
        # A job of its own: the parts the pack rendered (without page numbers or legend)
        # must not stand in for the attachments published apart.
        apart = RenderJob(
            job.werkmap, job.vergadering, editie=job.editie, verzameling=job.verzameling
        )
        bijlagen = {bijlage_bestand(b): bijlage_pdf(apart, b) for b in job.vergadering.bijlagen}
        editie.check_no_leaks(apart, bijlagen)
        for warning in apart.warnings:
            job.warn(warning.loc, warning.message.removeprefix("waarschuwing: "))
    return {**files, **bijlagen}


def bijlage_pdf(job: RenderJob, bijlage: Bijlage) -> bytes:
    """One attachment as a PDF of its own, as the public edition shows it."""
    if bijlage.soort == "verslag":
        bron = job.werkmap.vergadering(bijlage.verslag or "")
        if bron is None:  # validation resolves the name, so this is a safety net
            raise StukkenError(f"{bijlage.loc}: geen vergadering '{bijlage.verslag}'")
        return verslag_pdf(job, bron)
    if bijlage.soort == "markdown":
        punten = job.gegevens.bijlage_punten.get(bijlage.id, [])
        return pakket.markdown_pdf(job, bijlage, punten)
    origineel = pakket_pdf.open_pdf(pakket.pdf_bestand(bijlage), bijlage.label)
    for removed in ontsmetten(origineel, openbaar=True):
        job.warn(bijlage.loc, f"{bijlage.label} op de website: {removed}")
    # Its pages, with their links and its own bookmarks, in a new PDF, as in the pack: the
    # attachment's catalog (XMP, document info, structure, keys of its own) stays behind.
    onderdeel = Bron(origineel, [(bijlage.label, 0)], eigen_bladwijzers=True)
    pdf = pakket_pdf.samenstellen([onderdeel])
    pakket_pdf.bladwijzers(pdf, [onderdeel])
    overleg = job.werkmap.overleg
    info = {
        "Title": f"{bijlage.label} {platte_tekst(bijlage.titel)}",
        "Author": overleg.secretariaat or overleg.naam,
        "Keywords": f"{overleg.afkorting}, bijlage, openbare versie",
        "Creator": "vergaderstukken",
    }
    return pakket_pdf.opslaan(pdf, {key: woo.plain(value) for key, value in info.items()})
