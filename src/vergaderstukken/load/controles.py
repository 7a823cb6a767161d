"""Consistency checks across a meeting or across meetings, all warnings: attendance
against the roster (`leden`), the time schedule against the meeting's end, the date a
previous meeting announced (`volgende`), and progress notes carried forward unchanged."""

from __future__ import annotations

from ..dutch import datum_kort
from ..exceptions import Loc, Problems
from ..model import Persoon, Vergadering, Werkmap, sort_key
from ..namen import did_you_mean
from ..safe_read import shown
from ..tijdschema import klok, minuten, planning

STIL_GELATEN = 3  # meetings in a row with the same progress note before check says so


def check_vergaderingen(werkmap: Werkmap, problems: Problems) -> None:
    """Every consistency warning of the loaded meetings."""
    ordered = sorted(werkmap.vergaderingen, key=sort_key)
    for index, vergadering in enumerate(ordered):
        check_aanwezigheid(werkmap, vergadering, problems)
        check_tijdschema(vergadering, problems)
        if index:
            check_aangekondigde_datum(ordered[index - 1], vergadering, problems)
    check_voortgang(ordered, problems)


def check_aanwezigheid(werkmap: Werkmap, vergadering: Vergadering, problems: Problems) -> None:
    """Attendance against `leden`: an organisation that is not a lid (a guest with a `rol`,
    such as the notulist, excepted), and a lid in neither list ("niet vermeld")."""
    verslag = vergadering.verslag
    leden = [lid.organisatie for lid in werkmap.overleg.leden]
    if verslag is None or not leden:
        return
    bekend = {lid.casefold() for lid in leden}
    vermeld: set[str] = set()
    for lijst, personen, locs in (
        ("aanwezig", verslag.aanwezig, verslag.aanwezig_locs),
        ("afwezig", verslag.afwezig, verslag.afwezig_locs),
    ):
        for persoon, loc in zip(personen, _locs(locs, personen, verslag.loc), strict=True):
            vermeld.add(persoon.organisatie.casefold())
            if persoon.organisatie.casefold() in bekend or persoon.rol:
                continue
            problems.warn(
                loc,
                f"'{shown(persoon.organisatie)}' ({lijst}) is geen lid van het overleg"
                f"{did_you_mean(persoon.organisatie, leden)}",
            )
    loc = verslag.locs.get("aanwezig", verslag.loc)
    for lid in leden:
        if lid.casefold() not in vermeld:
            problems.warn(
                loc, f"lid '{shown(lid)}' staat niet bij aanwezig of afwezig (niet vermeld)"
            )


def _locs(locs: list[Loc], personen: list[Persoon], fallback: Loc) -> list[Loc]:
    return locs if len(locs) == len(personen) else [fallback] * len(personen)


def check_tijdschema(vergadering: Vergadering, problems: Problems) -> None:
    """The first planned item that ends after the meeting's end time."""
    if not vergadering.tijd or len(vergadering.tijd) < 2:
        return
    einde = minuten(vergadering.tijd[1])
    for item in planning(vergadering):
        if item.eind is not None and item.eind > einde:
            punt = item.punt
            problems.warn(
                punt.locs.get("duur", punt.loc),
                f"agendapunt {punt.nummer} loopt volgens de planning tot {klok(item.eind)} uur, "
                f"na het einde van de vergadering ({klok(einde)} uur)",
            )
            return


def check_aangekondigde_datum(
    vorige: Vergadering, vergadering: Vergadering, problems: Problems
) -> None:
    """A meeting on another date than the previous meeting announced in `volgende`."""
    volgende = vorige.volgende
    if volgende is None or volgende.datum == vergadering.datum:
        return
    problems.warn(
        vergadering.locs.get("datum", vergadering.loc),
        f"de vorige vergadering kondigde deze aan voor {datum_kort(volgende.datum)} "
        f"({vorige.locs.get('volgende', vorige.loc)}), maar de map heet {vergadering.naam}",
    )


def check_voortgang(ordered: list[Vergadering], problems: Problems) -> None:
    """A progress note (`acties:` toelichting) written the same in STIL_GELATEN meetings
    in a row for an action that is still open: the note is probably copied, not updated."""
    reeks: dict[str, list[str]] = {}
    for vergadering in ordered:
        verslag = vergadering.verslag
        updates = {u.actie_id: u for u in (verslag.updates if verslag else [])}
        reeks = {k: v for k, v in reeks.items() if k in updates}  # a meeting without it breaks it
        for actie_id, update in updates.items():
            tekst = (update.toelichting or "").strip()
            if not tekst or update.status in ("afgerond", "vervallen"):
                reeks[actie_id] = []
                continue
            vorige = reeks.get(actie_id, [])
            reeks[actie_id] = [*vorige, tekst] if vorige and vorige[-1] == tekst else [tekst]
            if len(reeks[actie_id]) == STIL_GELATEN:
                problems.warn(
                    update.locs.get("toelichting", update.loc),
                    f"de stand van zaken van actie '{shown(actie_id)}' staat er "
                    f"{STIL_GELATEN} vergaderingen op rij ongewijzigd; is die nog actueel?",
                )
