"""The time schedule of an agenda: each item's planned start and end, from its own `tijd`
or, failing that, the end of the item before it (the meeting's start for the first item),
plus its `duur`. Loading warns with it (an item running past the meeting's end), the
agenda shows it in its time column."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Agendapunt, Vergadering


@dataclass(frozen=True)
class Planning:
    """When one item is planned: start and end in minutes after midnight (None: unknown)."""

    punt: Agendapunt
    begin: int | None
    eind: int | None

    @property
    def begin_tekst(self) -> str:
        """'15.50', as the agenda's time column shows it; '' when unknown."""
        return klok(self.begin) if self.begin is not None else ""


def minuten(tijd: str) -> int:
    """'15:50' -> 950."""
    return int(tijd[:2]) * 60 + int(tijd[3:5])


def klok(waarde: int) -> str:
    """950 -> '15.50'."""
    return f"{waarde // 60}.{waarde % 60:02d}"


def planning(vergadering: Vergadering) -> list[Planning]:
    """The schedule of every item and sub-item in agenda order; empty when no item has a
    `tijd` or `duur` (an agenda without a schedule shows no time column). Sub-items fill
    their item's time: they start with it, and the next item starts after the item's
    `duur`, or else after its last sub-item."""
    if not any(p.tijd or p.duur for p in vergadering.alle_punten()):
        return []
    result: list[Planning] = []
    vorig_eind = minuten(vergadering.tijd[0]) if vergadering.tijd else None
    for punt in vergadering.punten:
        item = _plan(punt, vorig_eind)
        result.append(item)
        binnen = item.begin
        for onderdeel in punt.onderdelen:
            sub = _plan(onderdeel, binnen)
            result.append(sub)
            binnen = sub.eind
        vorig_eind = item.eind if item.eind is not None or not punt.onderdelen else binnen
    return result


def _plan(punt: Agendapunt, vorig_eind: int | None) -> Planning:
    begin = minuten(punt.tijd) if punt.tijd else vorig_eind
    eind = begin + punt.duur if begin is not None and punt.duur else None
    return Planning(punt, begin, eind)
