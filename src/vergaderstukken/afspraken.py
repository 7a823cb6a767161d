"""The meeting as calendar events, and who an invitation goes to: what vergadering.ics
and uitnodiging.eml show, gathered from the loaded workspace like every document's data
(gather.py), so that the calendar file of a build and that of a sent invitation agree.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from email.headerregistry import Address

from . import dutch
from .gather import platte_tekst
from .model import Agendapunt, Overleg, Vergadering, slugify

STANDAARD_DUUR = timedelta(hours=2)  # a meeting with only a starting time


@dataclass(frozen=True)
class Afspraak:
    """One meeting as a calendar event: what vergadering.ics and the invitation show.

    `begin`/`einde` are local times in the committee's time zone; both None for a
    meeting without a time (an all-day event)."""

    uid: str
    titel: str  # SUMMARY: "TRA 24 januari 2024"
    datum: date
    begin: datetime | None
    einde: datetime | None
    locatie: str | None
    omschrijving: str


@dataclass(frozen=True)
class Kalender:
    """The calendar of one meeting: the meeting itself, then the next one (`volgende`)."""

    tijdzone: str
    afspraken: list[Afspraak]
    stempel: datetime  # DTSTAMP: midnight UTC of the meeting's date, the same every build
    organisator: str | None = None  # verzending.van: the file is then an invitation
    aan: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)


def ontvangers(overleg: Overleg) -> tuple[list[str], list[str]]:
    """To and Cc of the invitation: `verzending.aan`, else every lid with an email."""
    verzending = overleg.verzending
    aan = list(verzending.aan) if verzending and verzending.aan else []
    if not aan:
        # Address, not formataddr: a name stays readable ("mw. Öztürk"), not RFC 2047
        # encoded, for the calendar's CN and the list of recipients; the e-mail header
        # encodes it itself.
        aan = [
            lid.email  # written with its own name: 'Kok, B. <b.kok@x.nl>'
            if "<" in lid.email
            else str(Address(lid.naam or lid.organisatie, addr_spec=lid.email))
            for lid in overleg.leden
            if lid.email
        ]
    return aan, list(verzending.cc) if verzending else []


def kalender_uid(overleg: Overleg, naam: str) -> str:
    """A UID that stays the same for every build of meeting `naam` of this committee, so
    a re-sent invitation updates the event instead of adding one. The next meeting gets
    the UID its own build will have (its folder is named by its date)."""
    committee = hashlib.sha256(overleg.naam.encode("utf-8")).hexdigest()[:10]
    return f"{naam}-{slugify(overleg.afkorting)}-{committee}@vergaderstukken"


def agenda_regels(vergadering: Vergadering) -> list[str]:
    """The agenda as plain lines: '4. Voorstel ... (Bijlage I)', sub-items indented."""
    lines = []
    for punt in vergadering.punten:
        lines.append(f"{punt.nummer}. {punt_regel(punt)}")
        lines += [f"   {o.letter}. {punt_regel(o)}" for o in punt.onderdelen]
    return lines


def punt_regel(punt: Agendapunt) -> str:
    """An item as one line of plain text, its attachments by numeral."""
    text = platte_tekst(punt.titel)
    if punt.bijlagen:
        text += f" ({', '.join(b.label for b in punt.bijlagen)})"
    return text


def tijden(
    day: date, tijd: tuple[str, ...] | None, punten: list[Agendapunt]
) -> tuple[datetime | None, datetime | None]:
    """Start and end of a meeting; without an end time the items' plan decides it
    (the last planned item's start plus its duration), else two hours."""
    if not tijd:
        return None, None
    begin = datetime.combine(day, datetime.strptime(tijd[0], "%H:%M").time())
    if len(tijd) > 1:
        einde = datetime.combine(day, datetime.strptime(tijd[1], "%H:%M").time())
        return begin, einde if einde > begin else einde + timedelta(days=1)
    planned = [
        datetime.combine(day, datetime.strptime(p.tijd, "%H:%M").time()) + timedelta(minutes=p.duur)
        for p in punten
        if p.tijd and p.duur
    ]
    return begin, max(planned or [begin + STANDAARD_DUUR])


def kalender(overleg: Overleg, vergadering: Vergadering) -> Kalender:
    """The calendar data of `vergadering`: never an annotation, only the agenda."""
    begin, einde = tijden(vergadering.datum, vergadering.tijd, vergadering.alle_punten())
    wanneer = dutch.datum_lang(vergadering.datum)
    if vergadering.tijd:
        wanneer += f", {dutch.tijd(vergadering.tijd)}"
    kop = f"Vergadering van de {overleg.naam}"
    if vergadering.nummer is not None:
        kop += f" (nr. {vergadering.nummer})"
    omschrijving = [kop, wanneer]
    if vergadering.locatie:
        omschrijving.append(vergadering.locatie)
    omschrijving += ["", "Agenda", *agenda_regels(vergadering)]
    afspraken = [
        Afspraak(
            uid=kalender_uid(overleg, vergadering.naam),
            titel=f"{overleg.afkorting} {dutch.datum_kort(vergadering.datum)}",
            datum=vergadering.datum,
            begin=begin,
            einde=einde,
            locatie=vergadering.locatie,
            omschrijving="\n".join(omschrijving),
        )
    ]
    if (volgende := vergadering.volgende) is not None:
        begin, einde = tijden(volgende.datum, volgende.tijd, [])
        locatie = volgende.locatie or overleg.locatie
        afspraken.append(
            Afspraak(
                uid=kalender_uid(overleg, volgende.datum.isoformat()),
                titel=f"{overleg.afkorting} {dutch.datum_kort(volgende.datum)}",
                datum=volgende.datum,
                begin=begin,
                einde=einde,
                locatie=locatie,
                omschrijving=f"Volgende vergadering van de {overleg.naam}. "
                "De agenda en de stukken volgen.",
            )
        )
    verzending = overleg.verzending
    aan, cc = ontvangers(overleg)
    return Kalender(
        tijdzone=overleg.tijdzone or "Europe/Amsterdam",
        afspraken=afspraken,
        stempel=datetime(vergadering.datum.year, vergadering.datum.month, vergadering.datum.day),
        organisator=verzending.van if verzending else None,
        aan=aan,
        cc=cc,
    )
