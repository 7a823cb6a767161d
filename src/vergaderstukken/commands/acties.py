"""`stukken acties`: the actions that are open, as a table for the terminal.

State is computed from the minutes like every document does: as of the latest meeting,
or as of a given meeting or date (`--per`). Overdue is judged against that date.
"""

from __future__ import annotations

import shutil
import textwrap
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .. import dutch
from ..actions import Actieboek, ActieStand
from ..exceptions import Problem, StukkenError
from ..gather import platte_tekst
from ..load.mappen import Vergadermappen, scan_meetings, select_meeting
from ..load.werkmap import load_werkmap
from ..model import Overleg, Vergadering
from ..namen import parse_iso_date

KOPPEN = ("Nr", "Actie", "Wie", "Termijn", "Status", "Vergadering")
MIN_TEKST = 30


@dataclass
class ActieOverzicht:
    """What `stukken acties` shows: the actions as they stand after one meeting."""

    vergadering: Vergadering  # the latest meeting counted
    peildatum: date  # overdue is judged against this date
    acties: list[ActieStand]
    alle: bool
    wie: str | None
    warnings: list[Problem]
    overleg: Overleg | None = None

    def kop(self) -> str:
        """The heading: which actions, as of when, for whom, how many."""
        wat = "Alle acties" if self.alle else "Openstaande acties"
        na = f"na de vergadering van {dutch.datum_kort(self.vergadering.datum)}"
        if self.peildatum != self.vergadering.datum:
            na = f"op {dutch.datum_kort(self.peildatum)} ({na})"
        filter_ = f", verantwoordelijk: '{self.wie}'" if self.wie else ""
        return f"{wat} {na}{filter_}: {len(self.acties)}"

    def leeg(self) -> str:
        """What to say when no action matches."""
        if self.wie:
            return f"Geen {'' if self.alle else 'openstaande '}acties voor '{self.wie}'."
        return "Er zijn nog geen acties." if self.alle else "Er staan geen acties open."


def choose_meeting(mappen: Vergadermappen, per: str | None) -> tuple[str, date | None]:
    """The meeting folder to count up to, and the date when `per` is a plain date."""
    if per is None:
        return select_meeting(mappen, None), None
    day = parse_iso_date(per)
    if day is None or any(name.startswith(per) for name in mappen.names):
        return select_meeting(mappen, per), None
    earlier = [f.name for f, d in mappen.folders if d <= day]
    if not earlier:
        raise StukkenError(f"er is geen vergadering op of vóór {dutch.datum_kort(day)}")
    return earlier[-1], day


def acties(
    root: Path, *, wie: str | None = None, per: str | None = None, alle: bool = False
) -> ActieOverzicht:
    """The actions as they stand after the meeting or on the date `per` names (or the latest)."""
    mappen = scan_meetings(root)
    naam, day = choose_meeting(mappen, per)
    werkmap, warnings = load_werkmap(root, tot=naam, mappen=mappen)
    vergadering = werkmap.vergadering(naam)
    peildatum = day or vergadering.datum
    rows = Actieboek(werkmap).standen(vergadering, inclusief=True, peildatum=peildatum)
    if not alle:
        rows = [s for s in rows if s.is_open]
    if wie:
        rows = [s for s in rows if wie.casefold() in (s.regel.wie or "").casefold()]
    return ActieOverzicht(vergadering, peildatum, rows, alle, wie, warnings, werkmap.overleg)


def schrijf_ics(overzicht: ActieOverzicht, bestand: Path) -> None:
    """The listed actions as calendar to-dos (VTODO) in `bestand`."""
    from ..uitvoer import cannot_write, write_file
    from ..verzenden.kalender import acties_ics

    assert overzicht.overleg is not None
    data = acties_ics(overzicht.overleg, overzicht.acties)
    try:
        write_file(bestand, data)
    except OSError as error:
        raise StukkenError(cannot_write(bestand, error)) from None


def cellen(stand: ActieStand) -> list[str]:
    """One row of the table: id, text, who, deadline, status, meeting."""
    tekst = platte_tekst(stand.regel.tekst)
    if stand.regel.soort == "toezegging":
        tekst = f"Toezegging: {tekst}"
    if stand.toelichting:
        tekst += f"\n» {platte_tekst(stand.toelichting)}"
    termijn = dutch.termijn(stand.termijn)
    if stand.te_laat:
        termijn += " (VERLOPEN)"
    return [
        stand.id,
        tekst,
        platte_tekst(stand.regel.wie),
        termijn,
        stand.status,
        stand.vergadering.naam,
    ]


def tabel(overzicht: ActieOverzicht, breedte: int | None = None) -> str:
    """The actions as an aligned text table that fits `breedte` columns."""
    breedte = breedte or shutil.get_terminal_size((100, 24)).columns
    rows = [cellen(s) for s in overzicht.acties]
    widths = [max(len(KOPPEN[i]), *(len(r[i]) for r in rows)) for i in range(len(KOPPEN))]
    # A word is never broken, so a column is at least as wide as its longest word.
    longest = [max([len(w) for r in rows for w in r[i].split()] or [0]) for i in range(len(KOPPEN))]
    widths[2] = max(min(widths[2], 18), longest[2])
    widths[3] = max(min(widths[3], 16), longest[3])
    # Give the text what is left; in a narrow terminal Wie and Termijn give way first.
    for column in (2, 3):
        rest = breedte - (sum(widths) - widths[1]) - 2 * (len(KOPPEN) - 1)
        if rest < MIN_TEKST:
            widths[column] = max(12, longest[column], widths[column] - (MIN_TEKST - rest))
    rest = breedte - (sum(widths) - widths[1]) - 2 * (len(KOPPEN) - 1)
    widths[1] = max(MIN_TEKST, longest[1], min(widths[1], rest))
    lines = [_line(KOPPEN, widths), _line(["-" * w for w in widths], widths)]
    for row in rows:
        wrapped = [_wrap(cell, width) for cell, width in zip(row, widths, strict=True)]
        for index in range(max(len(w) for w in wrapped)):
            lines.append(_line([w[index] if index < len(w) else "" for w in wrapped], widths))
    return "\n".join(lines)


def _wrap(text: str, width: int) -> list[str]:
    out: list[str] = []
    for part in text.split("\n"):
        out.extend(
            textwrap.wrap(part, width, break_on_hyphens=False, break_long_words=False) or [""]
        )
    return out


def _line(cells, widths) -> str:
    return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()
