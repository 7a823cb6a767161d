"""The documents a build writes, in the order they are rendered.

Each entry takes the build's RenderJob and returns {file name: bytes}. The meeting pack
comes last because it reuses the parts the others rendered.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..job import RenderJob
from ..pool import Produce, Taak
from . import agenda, kalender, lijsten, pakket, verslag
from . import geannoteerde_agenda as annotaties

DOCUMENTS = [
    agenda.documents,
    annotaties.documents,
    # The minutes, the action-and-decision list and its Markdown twins (with verslag.yaml).
    verslag.documents,
    lijsten.documents,
    pakket.documents,
    # vergadering.ics: the meeting and the next one, for calendars (and the invitation).
    kalender.documents,
]

# `stukken build DATUM --annotatie NAAM` renders only that overlay's annotated agenda and
# keeps every other file already in output/DATUM/ as it is.
ANNOTATIE_DOCUMENTS = [
    annotaties.documents,
]

# The public edition (`--openbaar`, rendered through woo.editie.OpenbareEditie): PDFs only.
# A .docx carries more than its visible text (revision data, document properties), and the
# Markdown lists are the secretariat's aid for git diffs, without pages for a legend.
OPENBARE_DOCUMENTS = [
    agenda.pdf_documents,
    verslag.pdf_documents,
    lijsten.pdf_documents,
    pakket.documents,
]

# Documents put together from the parts the others rendered: made after them, in the
# build's own process (render/pool.py), with the parts they need made ahead as tasks of
# their own (ONDERDELEN), alongside the other documents.
SAMENGESTELD: set[Produce] = {pakket.documents}
ONDERDELEN: dict[Produce, Callable[[RenderJob], list[Taak]]] = {pakket.documents: pakket.onderdelen}
# What a composed document imports before it is made (the pack: pikepdf), imported while
# the parts render.
VOORBEREIDEN: dict[Produce, Callable[[], None]] = {pakket.documents: pakket.voorbereiden}
# Documents that make a part a composed document takes (the agenda: the pack's copy of
# its layout): started first, so that the pack can be put together while the rest renders.
VOORAF: set[Produce] = {agenda.documents, agenda.pdf_documents}

# Documents of several files that render as one task per file (the same files, in the
# same order), so that the files of an edited overlay are made side by side.
GESPLITST: dict[Produce, Callable[[RenderJob], list[Taak]]] = {
    annotaties.documents: annotaties.taken
}

# What the progress display calls a document; a module not named here is shown by its
# module's name.
NAMEN = {
    agenda.documents: "agenda",
    agenda.pdf_documents: "agenda",
    annotaties.documents: "geannoteerde agenda",
    verslag.documents: "verslag",
    verslag.pdf_documents: "verslag",
    lijsten.documents: "actie- en besluitenlijst",
    lijsten.pdf_documents: "actie- en besluitenlijst",
    pakket.documents: "vergaderpakket",
}


def naam(produce: Produce) -> str:
    """The name the progress display gives a document."""
    return NAMEN.get(produce) or produce.__module__.rsplit(".", 1)[-1]


def plan(job: RenderJob, documents: Sequence[Produce]) -> tuple[list[Taak], list[Taak]]:
    """The build's tasks (documents, then the parts composed documents need) and the
    composed documents, in registry order."""
    samengesteld = [d for d in documents if d in SAMENGESTELD]
    taken: list[Taak] = []
    for d in documents:
        if d in GESPLITST:
            taken += GESPLITST[d](job)
        elif d not in SAMENGESTELD:
            taken.append(Taak(naam(d), d, vooraf=d in VOORAF))
    for composed in samengesteld:
        if composed in ONDERDELEN:
            taken += ONDERDELEN[composed](job)
    return taken, [Taak(naam(d), d, voorbereiden=VOORBEREIDEN.get(d)) for d in samengesteld]
