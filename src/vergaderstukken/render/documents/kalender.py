"""vergadering.ics: the meeting and the next one as calendar events (every full build).

The SEQUENCE of an event goes up when its start, end or place changes. That needs a
memory, and the build keeps none of its own: the memory is the previous vergadering.ics
in the folder this build replaces, and the calendar of the last invitation sent
(output/.verzonden/DATUM.json, which a rebuild keeps). With the same input and the same
previous file the bytes are the same, so building twice changes nothing.
"""

from __future__ import annotations

from pathlib import Path

from ...gather import kalender
from ...verzenden import register
from ...verzenden.kalender import Stand, vergadering_ics, vorige_standen
from ..job import RenderJob

NAAM = "vergadering.ics"


def vorige(uitvoermap: Path) -> dict[str, Stand]:
    """What calendars already know of the events: the higher SEQUENCE of the previous
    file and of the last sent invitation, per UID."""
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
    data = kalender(job.werkmap.overleg, job.vergadering)
    return {NAAM: vergadering_ics(data, vorige(job.uitvoermap))}
