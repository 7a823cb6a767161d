"""iCalendar files (RFC 5545) with the `icalendar` library: CRLF, folded lines.

`vergadering_ics` writes vergadering.ics: the meeting and the next one as VEVENTs in
the committee's time zone, with a VTIMEZONE. Its bytes depend only on the workspace and
on the previous vergadering.ics of the same meeting (see `volgnummer`), so building
twice gives the same file. `acties_ics` writes the open actions as VTODOs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from email.utils import parseaddr
from zoneinfo import ZoneInfo

from icalendar import Calendar, Component, Event, Timezone, Todo, vCalAddress

from .. import dutch
from ..actions import ActieStand
from ..afspraken import Afspraak, Kalender, kalender_uid
from ..gather import platte_tekst
from ..model import Overleg

PRODID = "-//vergaderstukken//stukken//NL"
TODO_STATUS = {
    "open": "NEEDS-ACTION",
    "loopt": "IN-PROCESS",
    "afgerond": "COMPLETED",
    "vervallen": "CANCELLED",
}


@dataclass(frozen=True)
class Stand:
    """What an earlier vergadering.ics said about one event: its SEQUENCE and the
    properties whose change raises it (start, end, place)."""

    volgnummer: int
    vingerafdruk: tuple[str, ...]


def vorige_standen(data: bytes | None) -> dict[str, Stand]:
    """The events of an earlier vergadering.ics by UID; nothing when it is unreadable."""
    if not data:
        return {}
    try:
        calendar = Calendar.from_ical(data)
    except ValueError:
        return {}
    found = {}
    for event in calendar.walk("VEVENT"):
        try:
            number = int(event.get("SEQUENCE", 0))
        except (TypeError, ValueError):
            number = 0
        found[str(event.get("UID", ""))] = Stand(number, vingerafdruk(event))
    return found


def vingerafdruk(event: Component) -> tuple[str, ...]:
    """Start, end (with their time zones) and place, as the file writes them."""
    parts = []
    for name in ("DTSTART", "DTEND"):
        value = event.get(name)
        parts.append("" if value is None else f"{value.params.get('TZID', '')}:{value.to_ical()!r}")
    parts.append(str(event.get("LOCATION", "")))
    return tuple(parts)


def volgnummer(event: Event, vorige: Stand | None) -> int:
    """SEQUENCE: 0 for a new event; the earlier file's number while start, end and place
    stay the same, one more when one of them changed (so calendars take the update)."""
    if vorige is None:
        return 0
    return (
        vorige.volgnummer if vorige.vingerafdruk == vingerafdruk(event) else vorige.volgnummer + 1
    )


def vergadering_ics(kalender: Kalender, vorige: dict[str, Stand]) -> bytes:
    """vergadering.ics; `vorige` holds the events of the file this one replaces."""
    zone = ZoneInfo(kalender.tijdzone)
    calendar = new_calendar()
    if kalender.organisator:
        calendar.add("method", "REQUEST")  # the invitation's text/calendar; method=REQUEST
    timed = [a for a in kalender.afspraken if a.begin is not None]
    if timed:
        years = [a.datum.year for a in timed]
        calendar.add_component(
            Timezone.from_tzid(
                kalender.tijdzone,
                first_date=date(min(years), 1, 1),
                last_date=date(max(years) + 1, 1, 1),
            )
        )
    stamp = kalender.stempel.replace(tzinfo=timezone.utc)
    for afspraak in kalender.afspraken:
        event = vevent(afspraak, zone, stamp)
        if kalender.organisator:
            add_people(event, kalender)
        event.add("sequence", volgnummer(event, vorige.get(afspraak.uid)))
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def new_calendar() -> Calendar:
    """An empty VCALENDAR with the properties every file carries."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    return calendar


def vevent(afspraak: Afspraak, zone: ZoneInfo, stamp: datetime) -> Event:
    """One meeting; without a time it is an all-day event."""
    event = Event()
    event.add("uid", afspraak.uid)
    event.add("dtstamp", stamp)
    if afspraak.begin is not None and afspraak.einde is not None:
        event.add("dtstart", afspraak.begin.replace(tzinfo=zone))
        event.add("dtend", afspraak.einde.replace(tzinfo=zone))
    else:
        event.add("dtstart", afspraak.datum)
        event.add("dtend", afspraak.datum + timedelta(days=1))
    event.add("summary", afspraak.titel)
    if afspraak.locatie:
        event.add("location", platte_tekst(afspraak.locatie))
    event.add("description", afspraak.omschrijving)
    event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")
    return event


def add_people(event: Event, kalender: Kalender) -> None:
    """ORGANIZER and ATTENDEE, which an invitation (METHOD:REQUEST) must have."""
    event.add("organizer", cal_address(kalender.organisator or ""))
    for addresses, role in ((kalender.aan, "REQ-PARTICIPANT"), (kalender.cc, "OPT-PARTICIPANT")):
        for written in addresses:
            attendee = cal_address(written)
            attendee.params.update({"ROLE": role, "PARTSTAT": "NEEDS-ACTION", "RSVP": "FALSE"})
            event.add("attendee", attendee)


def cal_address(written: str) -> vCalAddress:
    """'Naam <adres>' as a calendar address: mailto:adres with CN=Naam."""
    name, address = parseaddr(written)
    value: vCalAddress = vCalAddress(f"mailto:{address or written}")
    if name:
        value.params["CN"] = name
    return value


def acties_ics(overleg: Overleg, standen: Iterable[ActieStand]) -> bytes:
    """The actions and toezeggingen as VTODOs: due on their termijn when it is a date."""
    calendar = new_calendar()
    for stand in standen:
        calendar.add_component(vtodo(overleg, stand))
    return bytes(calendar.to_ical())


def vtodo(overleg: Overleg, stand: ActieStand) -> Todo:
    """One action; its UID stays the same as long as its id does."""
    regel, vergadering = stand.regel, stand.vergadering
    todo = Todo()
    todo.add("uid", kalender_uid(overleg, f"actie-{stand.id}"))
    latest = stand.gesloten_in or stand.bijgewerkt or vergadering
    todo.add("dtstamp", midnight_utc(latest.datum))
    soort = "Toezegging" if regel.soort == "toezegging" else "Actie"
    todo.add("summary", f"{soort} {stand.id}: {platte_tekst(regel.tekst)}")
    beschrijving = [
        platte_tekst(regel.tekst),
        "",
        f"Vergadering: {overleg.afkorting} {dutch.datum_kort(vergadering.datum)}",
        f"Agendapunt: {vergadering.verslag_nummer(regel.punt)} {platte_tekst(regel.punt.titel)}",
    ]
    if regel.wie:
        beschrijving.append(f"Wie: {platte_tekst(regel.wie)}")
    if stand.termijn is not None:
        beschrijving.append(f"Termijn: {dutch.termijn(stand.termijn)}")
    beschrijving.append(f"Status: {stand.status}")
    if stand.toelichting:
        beschrijving.append(f"Toelichting: {platte_tekst(stand.toelichting)}")
    todo.add("description", "\n".join(beschrijving))
    if isinstance(stand.termijn, date):
        todo.add("due", stand.termijn)
    todo.add("status", TODO_STATUS.get(stand.status, "NEEDS-ACTION"))
    if stand.status == "afgerond" and stand.gesloten_in is not None:
        todo.add("completed", midnight_utc(stand.gesloten_in.datum))
        todo.add("percent-complete", 100)
    if regel.wie:
        todo.add("categories", [platte_tekst(regel.wie)])
    return todo


def midnight_utc(day: date) -> datetime:
    """A date as a fixed UTC time (DTSTAMP, COMPLETED): the same on every run."""
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc)
