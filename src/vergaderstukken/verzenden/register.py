"""What was sent: output/.verzonden/DATUM.json, beside the meetings' output folders.

A build replaces output/DATUM/ as a whole, so the record lives outside it and outlives
every rebuild. It holds, per sending, the Message-ID, the time, the recipients who got it
and the calendar that went with it (whose SEQUENCE the next build continues from, even
when output/DATUM/ was removed).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..exceptions import StukkenError, display_path
from ..uitvoer import cannot_write, write_file

MAP = ".verzonden"


def record_path(uitvoermap: Path) -> Path:
    """The record of meeting folder `uitvoermap` (output/DATUM -> output/.verzonden/DATUM.json)."""
    return uitvoermap.parent / MAP / f"{uitvoermap.name}.json"


@dataclass
class Verzending:
    """One sending of the invitation."""

    message_id: str
    tijd: str  # ISO 8601, local time with offset
    ontvangers: list[str]
    geweigerd: list[str] = field(default_factory=list)
    vingerafdruk: str = ""  # sha256 of the message without Date and Message-ID
    kalender: str = ""  # the vergadering.ics that was attached


def read(uitvoermap: Path) -> list[Verzending]:
    """Every sending recorded for this meeting, oldest first ([] when none or unreadable)."""
    path = record_path(uitvoermap)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [Verzending(**entry) for entry in data.get("verzonden", [])]
    except (OSError, ValueError, TypeError, AttributeError):
        return []


def append(uitvoermap: Path, entry: Verzending) -> None:
    """Add `entry` to the record (written whole, so a crash leaves the old one or the new)."""
    path = record_path(uitvoermap)
    entries = [*read(uitvoermap), entry]
    text = json.dumps(
        {"verzonden": [vars(e) for e in entries]}, ensure_ascii=False, indent=2, sort_keys=True
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tijdelijk = path.with_name(f".{path.name}.nieuw")
        write_file(tijdelijk, (text + "\n").encode("utf-8"))
        tijdelijk.replace(path)
    except OSError as error:
        raise StukkenError(
            f"verzonden, maar {cannot_write(path.parent, error)}; noteer zelf dat "
            f"{display_path(path)} ontbreekt"
        ) from None


def laatste_kalender(uitvoermap: Path) -> bytes | None:
    """The calendar file the latest sending carried, if any."""
    sent = [e for e in read(uitvoermap) if e.kalender]
    return sent[-1].kalender.encode("utf-8") if sent else None
