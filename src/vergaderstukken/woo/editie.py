"""The public edition (Woo): `stukken build DATUM --openbaar` writes output/DATUM/openbaar/.

It holds agenda.pdf, with verslag.yaml also verslag.pdf and actie-en-besluitenlijst.pdf,
and vergaderpakket.pdf. PDFs only: a .docx carries more than its visible text (revision
data, document properties), and the Markdown lists are the secretariat's aid for git
diffs, without pages for a legend to point at.

How: `lakken.public_werkmap` makes a redacted copy of the model (items and attachments
with `openbaar: false` left out, no annotations, a marker for every string to redact
and every e-mail address). Every document is rendered from that copy through a
RenderJob with a `lakker`: `public_pdf` turns the markers into black boxes that show
their ground and closes each document with the legend of grounds and pages; the pack
gets one legend for all its pages (`pakket_legenda`). PDF attachments cannot be
redacted here: `screen_attachments` decides which may go in, while the edition is
prepared, so the documents render a final model and never change it. Last, every file is read
back (`check_no_leaks`); if one still shows a string to redact or an e-mail address,
nothing is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from ..exceptions import Loc, Problem, Problems, StukkenError
from ..gather import Verzameling, document_info
from ..model import Vergadering, Werkmap
from ..pdf_budget import PdfTeZwaar
from ..render import pool
from ..render.documents import OPENBARE_DOCUMENTS, pakket, plan
from ..render.engines.pakket_pdf import open_pdf
from ..render.engines.pakket_stukken import Bron, Stuk
from ..render.job import Editie, RenderJob
from ..schema.gronden import GROUNDS
from . import lakken, match
from . import pdf as woo_pdf
from .plekken import TEKST

MAP = "openbaar"
LEGENDA = "woo-legenda.html"
LEGENDA_TITEL = "Legenda toegepaste uitzonderingsgrondslagen"
LEGENDA_STUK = Stuk("Legenda", "Toegepaste uitzonderingsgrondslagen", b"")
BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S | re.I)
GELAKTE_VERSIE = "voeg een gelakte versie toe met 'openbaar: <pad>' bij de bijlage"


class OpenbareEditie(Editie):
    """The public edition: boxes for the redaction markers, a legend closing every
    document, and the legend as the meeting pack's last part."""

    map = MAP
    openbaar = True

    def __init__(self, lakker: lakken.Lakker):
        self.lakker = lakker

    def tekst(self, text: str) -> str:
        """The text with every string to redact and e-mail address as a marker."""
        return self.lakker.text(text)

    def kaal(self, text: str) -> str:
        """The text with every marker as its bare ground (bookmarks, file names)."""
        return lakken.plain(text)

    def pdf(
        self, job: RenderJob, html: str, context: dict[str, Any], render: Callable[[str], bytes]
    ) -> bytes:
        """The document with black boxes and, unless it goes into the pack, its legend."""
        return public_pdf(job, html, context, render)

    @property
    def slotstukken(self) -> list[Stuk]:
        """The pack closes with the legend."""
        return [LEGENDA_STUK]

    def slot(
        self,
        job: RenderJob,
        voorwerk: bytes,
        voorwerk_paginas: int,
        stukken: list[Stuk],
        paginas: list[int],
    ) -> list[Bron]:
        """The legend of the whole pack, as its last part."""
        return [pakket_legenda(job, voorwerk, voorwerk_paginas, stukken, paginas)]


def lakker_of(job: RenderJob) -> lakken.Lakker:
    """The redaction of a job rendered in the public edition."""
    assert isinstance(job.editie, OpenbareEditie)
    return job.editie.lakker


def public_job(werkmap: Werkmap, naam: str) -> RenderJob:
    """A job on the redacted copy of the workspace, for meeting `naam`: redacted, its PDF
    attachments screened, then gathered; the documents render that final model."""
    public, lakker = lakken.public_werkmap(werkmap)
    vergadering = public.vergadering(naam)
    assert vergadering is not None, naam  # the build selected it from this workspace
    warnings = screen_attachments(vergadering, lakker)
    job = RenderJob(
        public, vergadering, editie=OpenbareEditie(lakker), verzameling=Verzameling(public)
    )
    job.warnings.extend(dict.fromkeys(warnings))  # before anything renders, as job.warn would
    return job


def documents(job: RenderJob, *, werkers: int | None = None) -> dict[str, bytes]:
    """Every document of the public edition, rendered on every core as a build's are
    (render/pool.py: the same bytes and messages as one after the other), and read back
    before anything is written."""
    taken, samengesteld = plan(job, OPENBARE_DOCUMENTS)
    files = pool.render(job, taken, samengesteld, werkers=werkers)
    check_no_leaks(job, files)
    return files


# --- rendering: boxes and the legend ------------------------------------------------------


def public_pdf(
    job: RenderJob, html: str, context: dict[str, Any], render: Callable[[str], bytes]
) -> bytes:
    """Render a document of the public edition: boxes for the markers, then the legend.

    The legend is part of the same HTML, after a page break, so that "Pagina X van Y"
    counts it; the boxes' pages come from a first rendering without it, and the pages
    before a forced break do not change when something follows it.
    """
    html = lakken.boxes_in_html(html)
    pdf = render(html)
    if job.voor_pakket:
        return pdf  # a part of the pack: the pack closes with one legend for all its pages
    legenda = legenda_html(job, context, woo_pdf.pages_with_boxes(pdf))
    return render(with_legend(html, legenda))


def legenda_html(job: RenderJob, context: dict[str, Any], pages: dict[str, list[int]]) -> str:
    """The body of woo-legenda.html for these pages, to close another document with."""
    html = job.templates.render(LEGENDA, {**context, "legenda": lakken.legend_rows(pages)})
    match = BODY.search(html)
    return match[1] if match else html


def with_legend(html: str, legenda: str) -> str:
    """The document's HTML with the legend's body at its end."""
    end = html.lower().rfind("</body>")
    return html[:end] + legenda + html[end:] if end >= 0 else html + legenda


def pakket_legenda(
    job: RenderJob,
    voorwerk: bytes,
    voorwerk_paginas: int,
    stukken: list[Stuk],
    paginas: list[int],
) -> Bron:
    """The pack's closing legend, over the pack's page numbers (cover included)."""
    found: dict[str, set[int]] = {}

    def add(pages: dict[str, list[int]], offset: int) -> None:
        for ground, numbers in pages.items():
            found.setdefault(ground, set()).update(n + offset for n in numbers)

    add(woo_pdf.pages_with_boxes(voorwerk), 0)
    offset = voorwerk_paginas
    foreign_grounds = sorted({*GROUNDS, *lakker_of(job).grounds})
    for stuk, aantal in zip(stukken, paginas, strict=True):
        if stuk.bijlage is not None and stuk.bijlage.soort == "pdf":  # redacted elsewhere
            add(woo_pdf.pages_with_grounds(stuk.pdf, foreign_grounds), offset)
        else:
            add(woo_pdf.pages_with_boxes(stuk.pdf), offset)
        for ground in lakken.grounds_in(stuk.stempel or ""):  # a box in the stamp of each page
            add({ground: list(range(1, aantal + 1))}, offset)
        offset += aantal
    v = job.vergadering
    context = {
        "overleg": job.werkmap.overleg,
        "vergadering": v,
        "document": document_info(job.werkmap, v, "legenda", "Legenda").als_dict(),
        "fonts_url": job.fonts.resolve().as_uri(),
        "legenda": lakken.legend_rows({g: sorted(p) for g, p in found.items()}),
    }
    pdf = job.pdf(LEGENDA, context, source=v.loc)
    return Bron(open_pdf(pdf, "de legenda"), [(LEGENDA_TITEL, 0)])


# --- PDF attachments ----------------------------------------------------------------------


def screen_attachments(v: Vergadering, lakker: lakken.Lakker) -> list[Problem]:
    """Decide which PDF attachments may go into the public pack; we cannot redact a PDF.
    The others leave the (redacted copy of the) meeting; the warnings are returned.

    Every place a reader or a tool can reach is searched (woo.pdf.leaks_by_place: text,
    document info, XMP, bookmarks, links, comments, form fields, embedded files, names).
    - with `openbaar: <pad>`: that file, redacted elsewhere; if it still shows a string
      to redact or an e-mail address anywhere, that is an error naming where.
    - without: left out (with a warning naming where) when it shows a string to redact
      or an e-mail address, or has no text layer to check (a scan); otherwise it goes in
      as it is, with a warning that nothing else in it was checked.
    Markdown attachments and minutes are redacted like every other text.
    """
    problems = Problems()
    keep = []
    pdfs = [b for b in v.bijlagen if b.soort == "pdf" and b.bestand is not None]  # with a file
    read = pool.across(partial(_screened, lakker=lakker), [pakket.pdf_bestand(b) for b in pdfs])
    screened = dict(zip((b.id for b in pdfs), read, strict=True))
    for bijlage in v.bijlagen:
        if bijlage.soort != "pdf" or bijlage.bestand is None:
            keep.append(bijlage)
            continue
        what = f"bijlage '{lakken.plain(bijlage.id)}' ({_shown(bijlage.bestand, v.folder)})"
        result = screened[bijlage.id]
        if isinstance(result, str):  # refused while loading; a safety net
            problems.error(bijlage.loc, f"{what} {result}")
            continue
        found, has_text = result
        if bijlage.openbaar_bestand is not None:
            keep.append(bijlage)
            if found:
                hint = (
                    "een zwart vlak over tekst lakt die tekst niet; lak opnieuw en sla op "
                    "zonder de oude tekstlaag"
                    if TEKST in found
                    else "lak opnieuw en sla op zonder verborgen gegevens (metadata, "
                    "opmerkingen, formuliervelden, ingesloten bestanden)"
                )
                problems.error(
                    bijlage.loc, f"{what}: de gelakte versie bevat nog {_per_plaats(found)}; {hint}"
                )
        elif found:
            problems.warn(
                bijlage.loc,
                f"{what} blijft buiten de openbare versie: de PDF bevat {_per_plaats(found)}; "
                f"stukken kan in een PDF niet lakken; {GELAKTE_VERSIE}",
            )
        elif not has_text:
            problems.warn(
                bijlage.loc,
                f"{what} blijft buiten de openbare versie: de PDF heeft geen tekstlaag, "
                f"dus stukken kan niet nagaan wat erin staat; {GELAKTE_VERSIE}",
            )
        else:
            keep.append(bijlage)
            problems.warn(
                bijlage.loc,
                f"{what} staat ongelakt in de openbare versie: er staat geen te lakken tekst "
                "of e-mailadres in, maar op andere gevoelige gegevens is de PDF niet "
                f"nagekeken; {GELAKTE_VERSIE} als dat nodig is",
            )
    problems.raise_if_any()
    lakken.leave_out_attachments(v, keep)
    return problems.warnings


def _screened(data: bytes, lakker: lakken.Lakker) -> tuple[dict[str, list[str]], bool] | str:
    """What a PDF attachment shows of the strings to redact, by place, and whether it has
    a text layer; or, for one over its budget, the message it is refused with."""
    try:
        return woo_pdf.leaks_by_place(data, lakker), woo_pdf.has_text(data)
    except PdfTeZwaar as error:
        return error.message


def _per_plaats(found: dict[str, list[str]]) -> str:
    """ "'Jan' in de tekst en 'jan@x.nl' in een koppeling"."""
    parts = [f"{_opsomming(hits)} {place}" for place, hits in found.items()]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


def _shown(path: Path, folder: Path) -> str:
    try:
        return path.relative_to(folder.resolve()).as_posix()
    except ValueError:
        return path.name


def _opsomming(found: list[str]) -> str:
    shown = ", ".join(f"'{text}'" for text in found[:3])
    more = f" en nog {len(found) - 3}" if len(found) > 3 else ""
    return shown + more


# --- the last line of defence -------------------------------------------------------------


def check_no_leaks(job: RenderJob, files: dict[str, bytes]) -> None:
    """Read every file back: text layer, metadata, bookmarks, links. A string to redact
    that reached a file (an HTML entity in the source, a template that names someone)
    stops the build before anything is written.

    The message names each file and string, and where the string came from when the
    workspace shows it: the first line of its YAML files, Markdown attachments or own
    templates and stylesheets that holds it, read as the read-back reads it.
    """
    findings, advice = [], []
    # the largest file (the pack) first: the others are read beside it
    largest = sorted(files, key=lambda name: -len(files[name]))
    read = pool.across(partial(woo_pdf.leaks, lakker=lakker_of(job)), [files[n] for n in largest])
    leaks = dict(zip(largest, read, strict=True))
    for name in files:
        found = leaks[name]
        if not found:
            continue
        shown = []
        for hit in found:
            source = _source_of(hit, job.werkmap.root)
            shown.append(f"'{hit}' ({f'uit {source}' if source else 'herkomst niet gevonden'})")
            advice.append(_advice(lakker_of(job), hit, source, job.werkmap.root))
        more = f" en nog {len(shown) - 3}" if len(shown) > 3 else ""
        findings.append(f"{MAP}/{name} bevat nog {', '.join(shown[:3])}{more}")
    if findings:
        raise StukkenError(
            "de openbare versie is niet geschreven: "
            + "; ".join(findings)
            + ". "
            + " ".join(dict.fromkeys(advice))
        )


SOURCE_PATTERNS = ["stukken.yaml", "meetings/**/*.yaml", "meetings/**/*.yml", "meetings/**/*.md"]
TEMPLATE_PATTERNS = ["templates/**/*.html", "templates/**/*.css", "templates/**/*.md"]


def _source_of(hit: str, root: Path) -> Loc | None:
    """Where `hit` came from: the first line of the workspace's YAML files and Markdown
    attachments that holds it in a spelling the redaction does not read (an HTML entity),
    else the first line of its own templates and stylesheets, else of those files."""
    tracer = lakken.Lakker([(hit, "")])
    sources = [
        p
        for pattern in SOURCE_PATTERNS
        for p in sorted(root.glob(pattern))
        if "annotaties" not in p.relative_to(root).parts  # never in the public edition
    ]
    templates = [p for pattern in TEMPLATE_PATTERNS for p in sorted(root.glob(pattern))]
    for paths, evasive in ((sources, True), (templates, False), (sources, False)):
        for path in paths:
            for number, line, following in _lines(path, root):
                pair = line + "\n" + following
                if _holds(tracer, line, evasive) or (
                    not _holds(tracer, following, evasive) and _holds(tracer, pair, evasive)
                ):
                    return Loc(path, number)
    return None


def _holds(tracer: lakken.Lakker, text: str, evasive: bool) -> bool:
    """Whether `text` holds the string; if `evasive`, only in a spelling (an entity, a
    percent-escape) that the redaction of the model does not read."""
    return tracer.in_lakken(text) and not (evasive and tracer.in_lakken(text, decode=False))


def _lines(path: Path, root: Path) -> Iterator[tuple[int, str, str]]:
    """A file's lines by number, each with the next (a string split over two lines);
    without the woo section of stukken.yaml, which holds every string to redact."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return
    in_woo = False
    for number, line in enumerate(lines, start=1):
        if path == root / "stukken.yaml" and line[:1] not in ("", " ", "#"):
            in_woo = line.startswith("woo:")
        if in_woo:
            continue
        yield number, line, lines[number] if number < len(lines) else ""


def _advice(lakker: lakken.Lakker, hit: str, source: Loc | None, root: Path) -> str:
    """What to do about one finding, without advice the user already followed."""
    in_templates = source is not None and (root / "templates") in source.file.parents
    if in_templates:
        return "Haal de tekst uit het sjabloon of stijlblad: daarin lakt stukken niets."
    if lakker.in_lakken(hit):
        kind = "staat al in woo.lakken"
    elif match.EMAIL.search(match.normalise(hit).text):
        kind = "is een e-mailadres, dat stukken altijd lakt"
    else:
        return (
            "Neem die schrijfwijze op in woo.lakken in stukken.yaml, of haal de tekst uit "
            "het sjabloon."
        )
    if source is None:
        return (
            f"'{hit}' {kind}, maar de bron is in de werkmap niet gevonden: zoek een "
            "schrijfwijze die het lakken ontwijkt, zoals een HTML-entiteit (&nbsp;, &#74;)."
        )
    return (
        f"'{hit}' {kind}, maar {source} schrijft het zo dat stukken het bij het lakken niet "
        "herkent, bijvoorbeeld met een HTML-entiteit (&nbsp;, &#74;): schrijf het daar gewoon uit."
    )
