"""The data every template receives. Templates decide layout; this decides content."""

from __future__ import annotations

from pathlib import Path

from .. import dutch
from ..actions import open_voor_agenda
from ..model import Vergadering, Workspace


def document_info(
    workspace: Workspace, vergadering: Vergadering, soort: str, titel: str, markering: str = ""
) -> dict:
    overleg = workspace.overleg
    datum = dutch.datum_kort(vergadering.datum)
    return {
        "soort": soort,
        "titel": f"{titel} {overleg.naam} {datum}",
        "kop": f"{overleg.afkorting} · {titel} {datum}",
        "omschrijving": f"{titel} van de vergadering van {overleg.naam} op "
        f"{dutch.datum_lang(vergadering.datum)}",
        "markering": markering,
    }


def agenda_context(workspace: Workspace, vergadering: Vergadering, fonts: Path) -> dict:
    return {
        "overleg": workspace.overleg,
        "vergadering": vergadering,
        "punten": vergadering.punten,
        "open_acties": open_voor_agenda(workspace, vergadering),
        "document": document_info(workspace, vergadering, "agenda", "Agenda"),
        "annotatie": None,
        "fonts_url": fonts.resolve().as_uri(),
    }
