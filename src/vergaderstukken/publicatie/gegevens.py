"""The data of one meeting's public pages and its vergadering.json, from the public edition.

Everything here is read from a public RenderJob's gathered data (`job.gegevens`): the
redacted model, with the items, decisions, actions and attachments the public edition
leaves out already gone. Text keeps the redaction markers (woo/lakken.py); the HTML
turns them into boxes, the JSON into "[gelakt: 5.1.2e]".

Field names follow ODS Open Raadsinformatie (ORI) where it has a term: `vergaderdatum`,
`geplandeAanvangVergadering`, `agendapuntvolgnummer`, `agendapuntTitel`,
`indicatorBesloten`, `besluitresultaat`, `informatieobjecten`, ...; docs/open-data.md
holds the mapping, also to OParl.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from .. import dutch
from ..actions import ActieStand
from ..gather import Gegevens
from ..model import Agendapunt, Bijlage, Regel, Vergadering

FORMAAT = "application/pdf"
# The public edition's documents: file name, kind, title.
DOCUMENTEN = [
    ("agenda.pdf", "agenda", "Agenda"),
    ("verslag.pdf", "verslag", "Verslag"),
    ("actie-en-besluitenlijst.pdf", "actie-en-besluitenlijst", "Actie- en besluitenlijst"),
    ("vergaderpakket.pdf", "vergaderpakket", "Vergaderpakket (agenda met bijlagen)"),
]

Data = dict[str, Any]


def bijlage_bestand(bijlage: Bijlage) -> str:
    """The public PDF of an attachment: 'bijlage-I-a.pdf', by its numeral (never its id,
    which may hold a redaction marker)."""
    return f"bijlage-{bijlage.nummer}.pdf"


def iso(value: date | str | None) -> str | None:
    """A date as ISO 8601, free text as written, None as None."""
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def vergadering_gegevens(gegevens: Gegevens, bestanden: list[str]) -> Data:
    """The meeting as its page and vergadering.json show it; `bestanden` are the public
    PDFs written beside it."""
    v = gegevens.vergadering
    overleg = gegevens.overleg
    verslag = v.verslag
    return {
        "id": v.naam,
        "naam": f"Vergadering {overleg.afkorting} {dutch.datum_kort(v.datum)}",
        "nummer": v.nummer,
        "vergaderdatum": v.datum.isoformat(),
        "geplandeAanvangVergadering": _moment(v.datum, v.tijd[0]) if v.tijd else None,
        "geplandeEindeVergadering": _moment(v.datum, v.tijd[-1])
        if v.tijd and len(v.tijd) > 1
        else None,
        "locatie": v.locatie,
        "voorzitter": v.voorzitter,
        "status": "gehouden" if verslag is not None else "gepland",
        "verslagstatus": None if verslag is None else verslagstatus(gegevens),
        "vastgesteldOp": None if verslag is None else vastgesteld_op(gegevens),
        "georganiseerdDoorGremium": {
            "naam": overleg.naam,
            "afkorting": overleg.afkorting,
            "organisatie": overleg.organisatie,
        },
        "agendapunten": agendapunten(gegevens),
        "besluiten": besluiten(gegevens),
        "acties": acties(gegevens),
        "verslag": verslag_gegevens(gegevens),
        "informatieobjecten": informatieobjecten(gegevens, bestanden),
        "volgendeVergadering": None
        if v.volgende is None
        else {
            "vergaderdatum": v.volgende.datum.isoformat(),
            "geplandeAanvangVergadering": _moment(v.volgende.datum, v.volgende.tijd[0])
            if v.volgende.tijd
            else None,
            "locatie": v.volgende.locatie,
        },
    }


def verslagstatus(gegevens: Gegevens) -> str:
    """'concept' until the minutes are vastgesteld, in their own file or by the meeting
    that adopted them (the CONCEPT mark of the PDFs)."""
    stand = gegevens.stand
    return "vastgesteld" if stand is not None and stand.vastgesteld else "concept"


def vastgesteld_op(gegevens: Gegevens) -> str | None:
    """The date the minutes were adopted, when they are."""
    stand = gegevens.stand
    return iso(stand.vastgesteld_op) if stand is not None and stand.vastgesteld else None


def _moment(day: date, time: str) -> str:
    return f"{day.isoformat()}T{time}:00"


# --- the agenda ---------------------------------------------------------------------------


def agendapunten(gegevens: Gegevens) -> list[Data]:
    """The public items with their sub-items, numbers and planned times."""
    v = gegevens.vergadering
    klok = [_start(v)]  # the running clock of the time schedule, None when unknown
    return [_agendapunt(gegevens, punt, klok) for punt in v.punten]


def _start(v: Vergadering) -> datetime | None:
    return datetime.combine(v.datum, _time(v.tijd[0])) if v.tijd else None


def _time(text: str) -> Any:
    return datetime.strptime(text, "%H:%M").time()


def _agendapunt(gegevens: Gegevens, punt: Agendapunt, klok: list[datetime | None]) -> Data:
    v = gegevens.vergadering
    start = datetime.combine(v.datum, _time(punt.tijd)) if punt.tijd else klok[0]
    planned = punt.tijd is not None or punt.duur is not None
    einde = start + timedelta(minutes=punt.duur) if start and punt.duur else None
    klok[0] = einde if punt.duur else (None if planned else klok[0])
    data: Data = {
        "id": punt.id,
        "agendapuntvolgnummer": punt.nummer,
        "agendapuntTitel": punt.titel,
        "tussenkop": punt.deel,
        "doel": punt.doel,
        "agendapuntOmschrijving": punt.toelichting,
        "vragen": list(punt.vragen),
        "inleider": punt.inleider,
        "geplandeStarttijd": start.strftime("%H:%M") if start and planned else None,
        "geplandeEindtijd": einde.strftime("%H:%M") if einde else None,
        "geplandeDuur": punt.duur,
        "indicatorBesloten": not punt.openbaar,  # always false here: the edition is public
        "informatieobjecten": [bijlage_bestand(b) for b in punt.bijlagen],
        "openstaandeActies": [actie(s) for s in gegevens.open_acties] if punt.acties else None,
        "subagendapunten": [],
    }
    data["subagendapunten"] = [_agendapunt(gegevens, o, klok) for o in punt.onderdelen]
    return data


# --- decisions and actions ----------------------------------------------------------------


def besluiten(gegevens: Gegevens) -> list[Data]:
    """Besluiten and afspraken, numbered 1, 2, 3 as the action-and-decision list does."""
    if gegevens.lijsten is None:
        return []
    v = gegevens.vergadering
    return [
        {
            "nummer": regel.besluitnummer,
            "soort": regel.soort,
            "besluitresultaat": regel.tekst,
            "besluittoelichting": regel.toelichting,
            "agendapunt": v.verslag_nummer(regel.punt),
            "agendapuntTitel": regel.punt.titel,
        }
        for regel in gegevens.lijsten.besluiten
    ]


def actie(stand: ActieStand) -> Data:
    """An action or toezegging as it stands (`verlopen` judged on the meeting's day)."""
    regel = stand.regel
    return {
        "id": stand.id,
        "soort": regel.soort,
        "omschrijving": regel.tekst,
        "wie": regel.wie,
        "termijn": iso(stand.termijn),
        "status": stand.status,
        "verlopen": stand.te_laat,
        "toelichting": stand.toelichting,
        "afgesprokenIn": stand.vergadering.naam,
        "agendapunt": stand.vergadering.verslag_nummer(regel.punt),
        "geslotenIn": stand.gesloten_in.naam if stand.gesloten_in else None,
    }


def acties(gegevens: Gegevens) -> Data:
    """The action list of the meeting: new, still open from before, closed here."""
    if gegevens.lijsten is None:
        return {"nieuw": [], "lopend": [], "afgerond": []}
    lijst = gegevens.lijsten.acties
    return {
        "nieuw": [actie(s) for s in lijst.nieuw],
        "lopend": [actie(s) for s in lijst.lopend],
        "afgerond": [actie(s) for s in lijst.gesloten],
    }


# --- the minutes --------------------------------------------------------------------------


def verslag_gegevens(gegevens: Gegevens) -> Data | None:
    """The public minutes: attendance and, per item, the narrative and B/K/A entries."""
    v = gegevens.vergadering
    verslag = v.verslag
    if verslag is None:
        return None
    return {
        "status": verslagstatus(gegevens),
        "vastgesteldOp": vastgesteld_op(gegevens),
        "aanwezig": list(gegevens.aanwezig),
        "afwezig": list(gegevens.afwezig),
        "notulist": verslag.notulist,
        "punten": [
            {
                "agendapunt": v.verslag_nummer(vp.punt),
                "agendapuntTitel": vp.punt.titel,
                "tekst": vp.tekst,
                "vastgesteld": vp.vastgesteld,
                "wijzigingen": vp.wijzigingen,
                "regels": [_regel(v, r) for r in vp.regels],
            }
            for vp in verslag.punten.values()
        ],
    }


def _regel(v: Vergadering, regel: Regel) -> Data:
    return {
        "soort": regel.soort,
        "letter": regel.letter,
        "tekst": regel.tekst,
        "toelichting": regel.toelichting,
        "id": regel.id,
        "wie": regel.wie,
        "termijn": iso(regel.termijn),
        "besluitnummer": regel.besluitnummer,
    }


# --- documents ----------------------------------------------------------------------------


def informatieobjecten(gegevens: Gegevens, bestanden: list[str]) -> list[Data]:
    """The public PDFs beside the page: the edition's documents, then every attachment."""
    v = gegevens.vergadering
    objecten: list[Data] = [
        {
            "id": naam.removesuffix(".pdf"),
            "soort": soort,
            "titel": titel,
            "nummer": None,
            "bestand": naam,
            "formaat": FORMAAT,
            "agendapunten": [],
        }
        for naam, soort, titel in DOCUMENTEN
        if naam in bestanden
    ]
    for bijlage in v.bijlagen:
        naam = bijlage_bestand(bijlage)
        if naam in bestanden:
            objecten.append(
                {
                    "id": naam.removesuffix(".pdf"),
                    "soort": "bijlage",
                    "titel": bijlage.titel,
                    "nummer": bijlage.nummer,
                    "bestand": naam,
                    "formaat": FORMAAT,
                    "agendapunten": list(gegevens.bijlage_punten.get(bijlage.id, [])),
                }
            )
    return objecten
