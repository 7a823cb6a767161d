"""The documents a build writes, in the order they are rendered.

Each entry takes the build's RenderJob and returns {file name: bytes}. The meeting pack
comes last because it reuses the parts the others rendered.
"""

from __future__ import annotations

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
