"""The data every template receives. Templates decide layout; this decides content."""

from __future__ import annotations

from pathlib import Path

from .. import dutch
from ..actions import open_voor_agenda
from ..gather import persoon_tekst
from ..model import Vergadering, Werkmap
from .engines.watermerk import watermerk_url


def document_info(
    werkmap: Werkmap, vergadering: Vergadering, soort: str, titel: str, markering: str = ""
) -> dict:
    overleg = werkmap.overleg
    datum = dutch.datum_kort(vergadering.datum)
    return {
        "soort": soort,
        "titel": f"{titel} {overleg.naam} {datum}",
        "kop": f"{overleg.afkorting} · {titel} {datum}",
        "omschrijving": f"{titel} van de vergadering van {overleg.naam} op "
        f"{dutch.datum_lang(vergadering.datum)}",
        "markering": markering,
    }


def agenda_context(werkmap: Werkmap, vergadering: Vergadering, fonts: Path) -> dict:
    return {
        "overleg": werkmap.overleg,
        "vergadering": vergadering,
        "punten": vergadering.punten,
        "open_acties": open_voor_agenda(werkmap, vergadering),
        "document": document_info(werkmap, vergadering, "agenda", "Agenda"),
        "annotatie": None,
        "fonts_url": fonts.resolve().as_uri(),
    }


CONCEPT = "CONCEPT"


def markering(vergadering: Vergadering) -> str:
    """Minutes are marked CONCEPT on every page until they are vastgesteld."""
    verslag = vergadering.verslag
    return CONCEPT if verslag is not None and verslag.status != "vastgesteld" else ""


def gegevens_verslag(
    werkmap: Werkmap, vergadering: Vergadering, soort: str, titel: str, fonts: Path
) -> dict:
    """What the minutes and the action-and-decision list share: title, marking, attendance."""
    verslag = vergadering.verslag
    document = document_info(werkmap, vergadering, soort, titel, markering(vergadering))
    document["watermerk"] = document["markering"]
    document["watermerk_afbeelding"] = (
        watermerk_url(document["watermerk"], fonts / "Lato-Bold.ttf")
        if document["watermerk"]
        else ""
    )
    return {
        "overleg": werkmap.overleg,
        "vergadering": vergadering,
        "verslag": verslag,
        "document": document,
        "aanwezig": [persoon_tekst(p) for p in verslag.aanwezig],
        "afwezig": [persoon_tekst(p) for p in verslag.afwezig],
    }
