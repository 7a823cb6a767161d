"""vergadering.ics: the meeting and the next one as calendar events (every full build).

The SEQUENCE of an event goes up when its start, end or place changes. That needs a
memory, and the build keeps none of its own: the memory is the previous vergadering.ics
in the folder this build replaces, and the calendar of the last invitation sent
(output/.verzonden/DATUM.json, which a rebuild keeps). With the same input and the same
previous file the bytes are the same, so building twice changes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ...afspraken import kalender
from ...verzenden import register
from ..job import RenderJob

if TYPE_CHECKING:  # icalendar is imported by the task that writes the file, not the build
    from ...verzenden.kalender import Stand

NAAM = "vergadering.ics"


def vorige(uitvoermap: Path) -> dict[str, Stand]:
    """What calendars already know of the events: the higher SEQUENCE of the previous
    file and of the last sent invitation, per UID."""
    from ...verzenden.kalender import vorige_standen

    try:
        previous = (uitvoermap / NAAM).read_bytes()
    except OSError:
        previous = None
    found = vorige_standen(previous)
    for uid, stand in vorige_standen(register.laatste_kalender(uitvoermap)).items():
        if uid not in found or stand.volgnummer > found[uid].volgnummer:
            found[uid] = stand
    return found


def documents(job: RenderJob) -> dict[str, bytes]:
    """{'vergadering.ics': bytes}."""
    from ...verzenden.kalender import vergadering_ics

    data = kalender(job.werkmap.overleg, job.vergadering)
    return {NAAM: vergadering_ics(data, vorige(job.uitvoermap))}
