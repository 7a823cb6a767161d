"""The annotated agendas: geannoteerde-agenda-NAAM.pdf and .docx, one per overlay.

An overlay (annotaties/NAAM.yaml) is one advisor's internal advice to one official. Its
document is the full agenda with the advisor's notes set off under the items and beside
the open actions. Its text goes into these two files only: the context below is built
per overlay from that overlay's gathered notes and nothing is cached in `job.parts`, so
no other document can pick it up.
"""

from __future__ import annotations

import re
from functools import partial
from html import unescape

from ...exceptions import Loc, StukkenError
from ...gather import MARKERING_ANNOTATIE
from ...model import Annotatie, Vergadering
from ...namen import did_you_mean
from .. import context as contexts
from ..docx import render_docx
from ..hergebruik import PREFIX
from ..job import RenderJob
from ..pool import Taak

MARKERING = MARKERING_ANNOTATIE
HTML_TEMPLATE = "geannoteerde-agenda.html"
PLACED_NOTE = re.compile(r'<aside class="annotatie" id="annotatie-([^"]*)"')
PLACED_ACTION_NOTE = re.compile(r'<tr class="actie-annotatie" data-actie="([^"]*)"')


def file_names(naam: str) -> tuple[str, str]:
    """The PDF and DOCX file names of overlay `naam`."""
    return f"{PREFIX}{naam}.pdf", f"{PREFIX}{naam}.docx"


def documents(job: RenderJob) -> dict[str, bytes]:
    """The annotated agendas, PDF and DOCX, of the selected overlays."""
    rendered: dict[str, bytes] = {}
    for annotatie in selected(job.vergadering, job.only_annotatie):
        rendered.update(pdf_document(job, annotatie))
        rendered.update(docx_document(job, annotatie))
    return rendered


def taken(job: RenderJob) -> list[Taak]:
    """The same files as `documents`, each a task of its own (render/pool.py): after an
    edit to one overlay its PDF and its Word file are made side by side."""
    return [
        Taak(f"geannoteerde agenda {annotatie.naam}{suffix}", partial(make, annotatie=annotatie))
        for annotatie in selected(job.vergadering, job.only_annotatie)
        for make, suffix in ((pdf_document, ""), (docx_document, " (Word)"))
    ]


def pdf_document(job: RenderJob, annotatie: Annotatie) -> dict[str, bytes]:
    """geannoteerde-agenda-NAAM.pdf."""
    context = annotated_context(job, annotatie)
    source = Loc(annotatie.bestand)
    pdf = job.pdf(
        HTML_TEMPLATE,
        context,
        source=source,
        inspect=lambda html: check_placement(html, context, source),
    )
    return {file_names(annotatie.naam)[0]: pdf}


def docx_document(job: RenderJob, annotatie: Annotatie) -> dict[str, bytes]:
    """geannoteerde-agenda-NAAM.docx."""
    context = annotated_context(job, annotatie)
    source = Loc(annotatie.bestand)
    docx = render_docx(job, "geannoteerde-agenda.docx", context, source=source)
    return {file_names(annotatie.naam)[1]: docx}


def check_placement(html: str, context: dict, source: Loc) -> None:
    """Every note must be in the document. A workspace's own templates/agenda.html without
    the blocks this document fills would otherwise drop the advice without a word."""
    items = {unescape(i) for i in PLACED_NOTE.findall(html)}
    actions = {unescape(i) for i in PLACED_ACTION_NOTE.findall(html)}
    missing = [f"agendapunt '{i}'" for i in context["per_punt"] if i not in items]
    missing += [f"actie '{i}'" for i in context["notities"] if i not in actions]
    if missing:
        raise StukkenError(
            f"{source}: de geannoteerde agenda toont niet alle annotaties "
            f"({', '.join(missing)}); een eigen templates/agenda.html moet de blokken "
            "na_punt en na_onderdeel houden en 'notities' doorgeven aan punt_inhoud "
            "(laat het erven van 'builtin/agenda.html')"
        )


def selected(vergadering: Vergadering, only: str | None) -> list[Annotatie]:
    """Every overlay of the meeting, by name; with --annotatie just that one."""
    annotaties = vergadering.annotaties
    if only is None:
        return [annotaties[naam] for naam in sorted(annotaties)]
    naam = only.strip()
    for suffix in (".yaml", ".yml"):  # accept the file name as well
        naam = naam.removesuffix(suffix)
    naam = naam.rsplit("/", 1)[-1]
    if naam in annotaties:
        return [annotaties[naam]]
    if not annotaties:
        raise StukkenError(
            f"vergadering {vergadering.naam} heeft geen annotaties "
            f"(geen bestanden in meetings/{vergadering.naam}/annotaties/)"
        )
    raise StukkenError(
        f"geen annotatie '{only}' bij vergadering {vergadering.naam}"
        f"{did_you_mean(naam, sorted(annotaties))}; "
        f"er zijn: {', '.join(sorted(annotaties))}"
    )


def annotated_context(job: RenderJob, annotatie: Annotatie) -> dict:
    """The agenda's context with this overlay's notes (a copy: the agenda's is shared)."""
    context = dict(contexts.agenda(job))
    context.update(
        document=job.gegevens.documenten.geannoteerde_agenda.als_dict(),
        annotatie=annotatie,
        per_punt=job.gegevens.annotaties[annotatie.naam].per_punt,
        notities=job.gegevens.annotaties[annotatie.naam].acties,
    )
    context["uitleg"] = uitleg(context["per_punt"], context["notities"])
    return context


def uitleg(per_punt: dict, notities: dict) -> str:
    """The reading hint under the heading: where this overlay's notes are."""
    waar = [
        w
        for w, some in (
            ("onder de agendapunten", per_punt),
            ("bij de openstaande acties", notities),
        )
        if some
    ]
    if not waar:
        return "Deze annotatie bevat geen opmerkingen bij de agendapunten."
    return f"De annotaties staan in de gekleurde kaders {' en '.join(waar)}."
