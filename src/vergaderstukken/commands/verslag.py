"""`stukken verslag DATUM`: the skeleton of a meeting's verslag.yaml, ready to fill in.

Attendance from `leden`, an entry per item and sub-item, and under `acties` every action
and toezegging open at the meeting (the Actieboek's state before it). The skeleton passes
`stukken check` unchanged; an existing verslag.yaml is never written over.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from difflib import get_close_matches
from pathlib import Path

from ..actions import Actieboek
from ..cyclus.bestanden import bestaat, schema_pad, schrijf_nieuw
from ..cyclus.verslagtekst import Skelet, verslag_yaml
from ..exceptions import Problem, StukkenError, display_path
from ..load.mappen import MEETING_FOLDER, Vergadermappen, named_meeting, scan_meetings
from ..load.werkmap import load_werkmap
from ..model import Vergadering
from ..namen import parse_iso_date


@dataclass
class VerslagResult:
    """The skeleton written, its meeting, and the warnings of loading the workspace."""

    path: Path
    vergadering: Vergadering
    open_acties: int
    warnings: list[Problem]


def verslag(root: Path, datum: str) -> VerslagResult:
    """Write meetings/DATUM/verslag.yaml as a skeleton for the minutes of that meeting."""
    mappen = scan_meetings(root)
    naam = kies_vergadering(mappen, datum)
    path = root / "meetings" / naam / "verslag.yaml"
    if bestaat(path):
        raise StukkenError(
            f"{display_path(path)} bestaat al; stukken verslag schrijft er niet overheen. "
            "Bewerk dat bestand, of verwijder het eerst om opnieuw te beginnen"
        )
    werkmap, warnings = load_werkmap(root, tot=naam, mappen=mappen)
    vergadering = werkmap.vergadering(naam)
    assert vergadering is not None  # load_werkmap raised otherwise
    open_acties = Actieboek(werkmap).open_voor_agenda(vergadering)
    skelet = Skelet(
        vergadering, werkmap.overleg.leden, open_acties, schema_pad(root, path, "verslag")
    )
    schrijf_nieuw(path, verslag_yaml(skelet), "stukken verslag schrijft er niet overheen")
    return VerslagResult(path, vergadering, len(open_acties), warnings)


def kies_vergadering(mappen: Vergadermappen, datum: str) -> str:
    """The meeting folder DATUM names; when none does, the closest meetings by date (or by
    spelling) are named."""
    found = named_meeting(mappen, datum)
    if found is not None:
        return found
    if not mappen.names:
        raise StukkenError(
            f"geen vergadering '{datum}' in meetings/: er is nog geen vergadering; maak de "
            f"agenda eerst met: stukken nieuw {datum}"
        )
    closest = _closest(mappen, Path(datum).name)
    hint = f" (bedoelde u {' of '.join(closest)}?)" if closest else ""
    raise StukkenError(
        f"geen vergadering '{datum}' in meetings/{hint}; een nieuwe vergadering "
        "maakt u met: stukken nieuw DATUM"
    )


def _closest(mappen: Vergadermappen, wanted: str) -> list[str]:
    """Up to two meetings nearest in time to a date, or nearest in spelling to a name."""
    match = MEETING_FOLDER.match(wanted)
    day = parse_iso_date(match[1]) if match else None
    if day is None:
        return get_close_matches(wanted, mappen.names, n=2, cutoff=0.5)
    return [f.name for f, _ in sorted(mappen.folders, key=lambda pair: _distance(pair[1], day))][:2]


def _distance(one: date, other: date) -> int:
    return abs((one - other).days)
