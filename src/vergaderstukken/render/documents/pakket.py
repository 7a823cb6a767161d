"""The meeting pack, vergaderpakket.pdf: cover, contents, the agenda and every attachment
in numeral order, as one PDF.

Every page carries one continuous "Pagina X van Y"; every page of an attachment carries a
stamp naming it ("Bijlage II — Verslag TRA 13 december 2023"); there is a bookmark per
agenda item and per attachment. Items with `openbaar: false` are in it: the pack is the
internal edition. Advisors' annotations never are.

How: each part is rendered (or read) once as PDF, the parts rendered for the pack without
their own page numbers (RenderJob.pakket_modus). pikepdf merges the pages as they are
(pakket_pdf.py). WeasyPrint renders one transparent overlay page per pack page with the
stamp and page number, and pikepdf lays those over the pages. The contents need the page
count of the cover and contents themselves, so that front part is rendered again in the
rare case the first guess of its length was wrong.
"""

from __future__ import annotations

from functools import partial

from ... import dutch
from ...exceptions import StukkenError
from ...gather import platte_tekst
from ...model import Bijlage
from .. import context as contexts
from ..engines.pakket_stukken import Bron, Stuk
from ..job import RenderJob
from ..pool import Taak
from .agenda import PAKKET_KOPIE

NAAM = "vergaderpakket.pdf"


def documents(job: RenderJob) -> dict[str, bytes]:
    """The meeting pack."""
    return {NAAM: vergaderpakket(job)}


def voorbereiden() -> None:
    """Import what putting the pack together takes (pikepdf), ahead of the parts."""
    from ..engines import pakket_ontsmet, pakket_pdf  # noqa: F401


def onderdelen(job: RenderJob) -> list[Taak]:
    """The pack's parts worth a task of their own (render/pool.py): each generated
    attachment (Markdown, earlier minutes). Each task renders its part into `job.parts`,
    where `vergaderpakket` finds it; a PDF attachment is only read, by the pack itself."""
    return [
        Taak(f"bijlage {bijlage.label}", partial(bijlage_vooraf, bijlage=bijlage), vooraf=True)
        for bijlage in job.vergadering.bijlagen
        if bijlage.soort != "pdf"
    ]


def bijlage_vooraf(job: RenderJob, *, bijlage: Bijlage) -> dict[str, bytes]:
    """Render one attachment's part for the pack, ahead of the pack; no files."""
    with job.pakket_modus():
        bijlage_stuk(job, bijlage)
    return {}


def vergaderpakket(job: RenderJob) -> bytes:
    """The pack: cover, contents, agenda and attachments in one PDF."""
    from ..engines import pakket_pdf

    with job.pakket_modus():
        stukken = [agenda_stuk(job), *(bijlage_stuk(job, b) for b in job.vergadering.bijlagen)]
        bronnen = [
            Bron(
                geopend(job, s),
                [(job.editie.kaal(s.bladwijzer), 0)],
                eigen_bladwijzers=True,
                dicht=s.stempel is not None,
                inlijsten=s.bijlage is not None and s.bijlage.soort == "pdf",
            )
            for s in stukken
        ]
        voorwerk, slot = voorwerk_en_slot(job, stukken, bronnen)
        alles = [voorwerk, *bronnen, *slot]
        pack = pakket_pdf.samenstellen(alles)
        stempels = [None] * voorwerk.paginas
        for stuk, bron in zip(stukken, bronnen, strict=True):
            stempels += [stuk.stempel] * bron.paginas
        stempels += [None] * sum(bron.paginas for bron in slot)
        bladen = [
            {"stempel": stempel, "liggend": pakket_pdf.liggend(page)}
            for stempel, page in zip(stempels, pack.pages, strict=True)
        ]
        context = {"bladen": bladen, "fonts_url": job.fonts.resolve().as_uri()}
        overlay = job.pdf("pakket-stempel.html", context, source=job.vergadering.loc)
    pakket_pdf.stempelen(pack, overlay)
    pakket_pdf.bladwijzers(pack, alles)
    return pakket_pdf.opslaan(pack, metadata(job))


def geopend(job: RenderJob, stuk: Stuk):
    """A part, opened for merging; a PDF attachment from outside loses its active content
    (pakket_ontsmet.py), with a warning at the attachment per kind removed."""
    from ..engines import pakket_pdf
    from ..engines.pakket_ontsmet import ontsmetten

    pdf = pakket_pdf.open_pdf(stuk.pdf, stuk.bladwijzer)
    bijlage = stuk.bijlage
    if bijlage is not None and bijlage.soort == "pdf":
        what = (
            f"bijlage '{job.editie.kaal(bijlage.id)}' ({getoond(bijlage, job.vergadering.folder)})"
        )
        for removed in ontsmetten(pdf, openbaar=job.openbaar):
            job.warn(bijlage.loc, f"{what} in het vergaderpakket: {removed}")
    return pdf


def getoond(bijlage: Bijlage, folder) -> str:
    """The attachment's file as messages show it: relative to the meeting's folder."""
    try:
        return bijlage.bestand.relative_to(folder.resolve()).as_posix()
    except ValueError:
        return bijlage.bestand.name


def agenda_stuk(job: RenderJob) -> Stuk:
    """The agenda as a part of the pack."""
    v = job.vergadering
    pdf = job.part(PAKKET_KOPIE, lambda: job.pdf("agenda.html", contexts.agenda(job), source=v.loc))
    return Stuk("Agenda", "", pdf)


def bijlage_stuk(job: RenderJob, bijlage: Bijlage) -> Stuk:
    """An attachment as a part of the pack, stamped with its numeral and title."""
    punten = job.gegevens.bijlage_punten[bijlage.id]
    bij = f"bij agendapunt {', '.join(punten)}" if punten else ""
    if bijlage.id in job.gegevens.besloten_bijlagen:
        bij = f"{bij} · Besloten" if bij else "Besloten"
    pdf = job.part(f"pakket/bijlage-{bijlage.id}.pdf", lambda: bijlage_pdf(job, bijlage, punten))
    stempel = f"{bijlage.label} — {platte_tekst(bijlage.titel)}"
    return Stuk(bijlage.label, bijlage.titel, pdf, bij=bij, stempel=stempel, bijlage=bijlage)


def bijlage_pdf(job: RenderJob, bijlage: Bijlage, punten: list[str]) -> bytes:
    """An attachment as PDF: its file, its Markdown rendered, or the minutes."""
    if bijlage.soort == "verslag":
        from .verslag import verslag_pdf

        bron = job.werkmap.vergadering(bijlage.verslag)
        if bron is None:  # validation resolves the name, so this is a safety net
            raise StukkenError(f"{bijlage.loc}: geen vergadering '{bijlage.verslag}'")
        return verslag_pdf(job, bron)
    if bijlage.soort == "pdf":
        return pdf_bestand(bijlage)
    return markdown_pdf(job, bijlage, punten)


def pdf_bestand(bijlage: Bijlage) -> bytes:
    """A PDF attachment's file, as it goes into the pack."""
    try:
        return bijlage.bestand.read_bytes()
    except OSError as error:
        raise StukkenError(
            f"{bijlage.loc}: bijlage '{bijlage.id}' kan niet gelezen "
            f"worden: {error.strerror or error}"
        ) from None


def markdown_pdf(job: RenderJob, bijlage: Bijlage, punten: list[str]) -> bytes:
    """A Markdown attachment in the house style; its images resolve next to the file."""
    try:
        inhoud = bijlage.bestand.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise StukkenError(
            f"{bijlage.loc}: bijlage '{bijlage.id}' ({bijlage.bestand.name}) "
            "is geen UTF-8-tekst; sla het bestand op als UTF-8"
        ) from None
    inhoud = job.editie.tekst(inhoud)  # the file is not part of the (redacted) model
    v = job.vergadering
    context = {
        "overleg": job.werkmap.overleg,
        "vergadering": v,
        "bijlage": bijlage,
        "punten": punten,
        "inhoud": inhoud,
        "document": job.gegevens.documenten.bijlagen[bijlage.id].als_dict(),
        "fonts_url": job.fonts.resolve().as_uri(),
    }
    return job.pdf("bijlage.html", context, source=bijlage.loc, base_dir=bijlage.bestand.parent)


def voorwerk_en_slot(
    job: RenderJob, stukken: list[Stuk], bronnen: list[Bron]
) -> tuple[Bron, list[Bron]]:
    """Cover and contents, and what the edition closes the pack with (the public
    edition: the legend of grounds).

    A closing part may list the pages of the cover and contents (the legend does), so it
    is made after them; the contents list the closing parts, so they need their lengths
    first. Each is one page unless rendering shows otherwise.
    """
    paginas = [bron.paginas for bron in bronnen]
    slotstukken = job.editie.slotstukken
    lengtes = [1] * len(slotstukken)
    for _ in range(4):
        voorwerk, pdf = voorwerk_bron(job, [*stukken, *slotstukken], [*paginas, *lengtes])
        slot = job.editie.slot(job, pdf, voorwerk.paginas, stukken, paginas)
        if [bron.paginas for bron in slot] == lengtes:
            return voorwerk, slot
        lengtes = [bron.paginas for bron in slot]
    raise StukkenError("interne fout: de lengte van het slot van het pakket blijft veranderen")


def voorwerk_bron(job: RenderJob, stukken: list[Stuk], paginas: list[int]) -> tuple[Bron, bytes]:
    """Cover and contents, with the pack's page numbers in the contents."""
    from ..engines import pakket_pdf

    lengte = 2  # cover + one page of contents, unless rendering shows otherwise
    for _ in range(4):
        pdf = job.part(
            f"pakket/voorwerk-{lengte}-{'-'.join(map(str, paginas))}.pdf",
            lambda n=lengte: voorwerk_pdf(job, stukken, paginas, n),
        )
        bron = Bron(pakket_pdf.open_pdf(pdf, "het voorblad"), [("Omslag", 0)])
        if bron.paginas == lengte:
            if lengte > 1:
                bron.bladwijzers.append(("Inhoud", 1))
            return bron, pdf
        lengte = bron.paginas
    raise StukkenError("interne fout: de lengte van de inhoudsopgave blijft veranderen")


def voorwerk_pdf(job: RenderJob, stukken: list[Stuk], paginas: list[int], lengte: int) -> bytes:
    """Cover and contents, pointing at the pages each part starts on."""
    v = job.vergadering
    pagina = lengte + 1
    inhoud = []
    for stuk, aantal in zip(stukken, paginas, strict=True):
        inhoud.append({"wat": stuk.wat, "titel": stuk.titel, "bij": stuk.bij, "pagina": pagina})
        pagina += aantal
    context = {
        "overleg": job.werkmap.overleg,
        "vergadering": v,
        "inhoud": inhoud,
        "totaal": pagina - 1,
        "niet_openbaar": job.gegevens.niet_openbaar,
        "document": job.gegevens.documenten.pakket.als_dict(),
        "fonts_url": job.fonts.resolve().as_uri(),
    }
    return job.pdf("pakket.html", context, source=v.loc)


def metadata(job: RenderJob) -> dict[str, str]:
    """The pack's document information (title, author, subject, keywords)."""
    overleg, v = job.werkmap.overleg, job.vergadering
    metadata = {
        "Title": job.gegevens.documenten.pakket.titel,
        "Author": overleg.secretariaat or overleg.naam,
        "Subject": f"Agenda met bijlagen van de vergadering van {overleg.naam} op "
        f"{dutch.datum_lang(v.datum)}",
        "Keywords": f"{overleg.afkorting}, vergaderpakket",
        "Creator": "vergaderstukken",
    }
    if job.openbaar:
        metadata["Keywords"] += ", openbare versie"
    return {key: job.editie.kaal(value) for key, value in metadata.items()}
