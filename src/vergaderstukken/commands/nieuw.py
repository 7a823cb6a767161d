"""`stukken nieuw [DATUM]`: the next meeting's agenda.yaml from the standing agenda.

Date, time and place come from the previous meeting's `volgende:`, the sequence number is
one up, and `vaststelling: vorige` is written as the previous meeting's date. The result
passes `stukken check` unchanged; an existing agenda is never written over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .. import dutch
from ..cyclus.agendatekst import NieuweAgenda, Vorige, agenda_yaml
from ..cyclus.bestanden import bestaat, schema_pad, schrijf_nieuw
from ..exceptions import Loc, Problem, StukkenError, display_path
from ..load.mappen import MEETING_FOLDER, Vergadermappen, scan_meetings
from ..load.werkmap import load_werkmap
from ..model import Agendapunt, Vergadering, Werkmap
from ..namen import parse_iso_date

VASTSTELLING_UIT = "# vaststelling: "  # the line nieuw writes when the minutes are missing

# A standing agenda for a workspace whose stukken.yaml has none.
STANDAARD_AGENDA = ("Opening & vaststellen agenda", "Rondvraag", "Sluiting")


@dataclass
class NieuwResult:
    """The agenda written, the meeting it follows (None: the first), and notes for the user."""

    path: Path
    naam: str
    vorige: Vergadering | None
    notes: list[Problem] = field(default_factory=list)


def nieuw(root: Path, datum: str | None = None) -> NieuwResult:
    """Write meetings/DATUM/agenda.yaml; DATUM defaults to the previous meeting's `volgende`."""
    naam = _folder_name(datum) if datum is not None else None
    if naam is not None:
        _refuse_existing(root, naam)
    mappen = scan_meetings(root)
    # A folder made beforehand (for its bijlagen/) is not a meeting until it has its agenda.
    bare = {f.name for f, _ in mappen.folders if not bestaat(f / "agenda.yaml")}
    met_agenda = [(f, d) for f, d in mappen.folders if f.name not in bare]
    werkmap, warnings = load_werkmap(root, mappen=Vergadermappen(met_agenda, mappen.errors))
    if naam is None:
        naam = _next_from_volgende(werkmap)
        _refuse_existing(root, naam)
    if bare - {naam}:  # another folder without agenda.yaml: its error, as any command says it
        others = [(f, d) for f, d in mappen.folders if f.name != naam]
        load_werkmap(root, mappen=Vergadermappen(others, mappen.errors))
    day = _date_of(naam)
    path = root / "meetings" / naam / "agenda.yaml"
    earlier = [v for v in werkmap.vergaderingen if (v.datum, v.naam) < (day, naam)]
    vorige = earlier[-1] if earlier else None
    notes = [*warnings, *_notes(werkmap, vorige, naam, day)]
    volgende = vorige.volgende if vorige else None
    agenda = NieuweAgenda(
        datum=day,
        punten=werkmap.overleg.vaste_agenda or _standaard_agenda(),
        tijd=volgende.tijd if volgende else None,
        locatie=volgende.locatie if volgende else None,
        nummer=vorige.nummer + 1 if vorige and vorige.nummer is not None else None,
        voorzitter=werkmap.overleg.voorzitter or (vorige.voorzitter if vorige else None),
        vorige=Vorige(vorige.datum, bestaat(vorige.folder / "verslag.yaml")) if vorige else None,
        schema_pad=schema_pad(root, path, "agenda"),
    )
    text = agenda_yaml(agenda)
    schrijf_nieuw(path, text, "stukken nieuw schrijft er niet overheen")
    if vorige and agenda.vorige and not agenda.vorige.met_verslag:
        notes += _minutes_missing(path, text, vorige)
    return NieuwResult(path, naam, vorige, notes)


def _minutes_missing(path: Path, text: str, vorige: Vergadering) -> list[Problem]:
    """The note at the commented `vaststelling:` line of a new agenda whose previous
    meeting has no minutes yet."""
    if VASTSTELLING_UIT not in text:  # the standing agenda adopts nothing
        return []
    line = text[: text.index(VASTSTELLING_UIT)].count("\n") + 1
    return [
        Problem(
            Loc(path, line),
            f"waarschuwing: het verslag van {dutch.datum_kort(vorige.datum)} is er nog "
            "niet, dus de vaststelling staat hier als opmerking; maak het met "
            f"'stukken verslag {vorige.naam}' en haal dan het # weg",
        )
    ]


def _refuse_existing(root: Path, naam: str) -> None:
    path = root / "meetings" / naam / "agenda.yaml"
    if bestaat(path):
        raise StukkenError(
            f"{display_path(path)} bestaat al; stukken nieuw schrijft er niet overheen. Bewerk "
            f"dat bestand, of kies een andere datum (of een achtervoegsel, zoals {naam}-extra)"
        )


def _folder_name(datum: str) -> str:
    naam = Path(datum).name  # meetings/2024-03-13 as well
    match = MEETING_FOLDER.match(naam)
    if match is None or parse_iso_date(match[1]) is None:
        raise StukkenError(
            f"'{datum}' is geen datum: schrijf JJJJ-MM-DD (bijv. 2024-03-13), eventueel met "
            "een achtervoegsel voor een tweede vergadering op die dag (2024-03-13-extra)"
        )
    return naam


def _date_of(naam: str) -> date:
    match = MEETING_FOLDER.match(naam)
    day = parse_iso_date(match[1]) if match else None
    assert day is not None  # _folder_name and Volgende.datum made sure
    return day


def _next_from_volgende(werkmap: Werkmap) -> str:
    if not werkmap.vergaderingen:
        raise StukkenError(
            "er is nog geen vergadering in meetings/, dus ook geen volgende datum; geef de "
            "datum van de eerste vergadering: stukken nieuw JJJJ-MM-DD"
        )
    vorige = werkmap.vergaderingen[-1]
    if vorige.volgende is None:
        raise StukkenError(
            f"{display_path(vorige.folder / 'agenda.yaml')}: de vergadering van "
            f"{dutch.datum_kort(vorige.datum)} noemt geen volgende vergadering; geef de datum "
            "(stukken nieuw JJJJ-MM-DD), of zet 'volgende:' met 'datum:' in die agenda"
        )
    return vorige.volgende.datum.isoformat()


def _notes(werkmap: Werkmap, vorige: Vergadering | None, naam: str, day: date) -> list[Problem]:
    """What the secretary should know about the agenda just written."""
    notes = []
    if vorige is not None and vorige.volgende and vorige.volgende.datum != day:
        notes.append(
            Problem(
                _volgende_loc(vorige),
                f"waarschuwing: de vergadering van {dutch.datum_kort(vorige.datum)} noemde "
                f"{dutch.datum_kort(vorige.volgende.datum)} als volgende; de nieuwe agenda is "
                f"voor {dutch.datum_kort(day)} (tijd en locatie zijn overgenomen)",
            )
        )
    later = [v.naam for v in werkmap.vergaderingen if (v.datum, v.naam) > (day, naam)]
    if later:
        notes.append(
            Problem(
                Loc(werkmap.root / "meetings" / naam / "agenda.yaml"),
                f"waarschuwing: er is al een latere vergadering ({', '.join(later)}); "
                "controleer het nummer en de vaststelling in beide agenda's",
            )
        )
    return notes


def _volgende_loc(vergadering: Vergadering) -> Loc:
    """The line of `volgende:` in an agenda, for a message that points at it."""
    path = vergadering.folder / "agenda.yaml"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return Loc(path)
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(r"volgende\s*:", line):
            return Loc(path, number)
    return Loc(path)


def _standaard_agenda() -> list[Agendapunt]:
    return [
        Agendapunt(id="", nummer=str(i), titel=titel, loc=Loc(Path("stukken.yaml")))
        for i, titel in enumerate(STANDAARD_AGENDA, start=1)
    ]
