"""Build the Verslag (minutes) and the Annotaties (advisors' overlays) of a meeting."""

from __future__ import annotations

from pathlib import Path

from ..exceptions import Loc, Problems
from ..model import (
    ActieUpdate,
    Agendapunt,
    Annotatie,
    AnnotatiePunt,
    Persoon,
    Regel,
    Vergadering,
    Verslag,
    VerslagPunt,
)
from ..safe_read import shown
from ..schema import SOORTEN, read_document
from ..schema.types import Record, did_you_mean


def resolve_item(
    vergadering: Vergadering, key: str, loc: Loc, seen: dict[str, Loc], problems: Problems
) -> Agendapunt | None:
    """An item named by id or number; unknown or repeated names are reported."""
    punt = vergadering.find_item(key)
    if punt is None:
        suggestions = [p.id for p in vergadering.alle_punten()]
        hint = did_you_mean(key, suggestions) or did_you_mean(key, vergadering.item_keys())
        problems.error(loc, f"onbekend agendapunt '{shown(key)}'{hint}")
        return None
    if punt.id in seen:
        problems.error(
            loc,
            f"agendapunt {punt.nummer} ('{punt.id}') staat hier twee keer "
            f"(ook op regel {seen[punt.id].line})",
        )
        return None
    seen[punt.id] = loc
    return punt


def load_verslag(vergadering: Vergadering, problems: Problems) -> Verslag | None:
    path = vergadering.folder / "verslag.yaml"
    record = read_document(path, "verslag", problems, vergadering.folder.parents[1])
    if record is None:
        return None
    verslag = Verslag(
        loc=Loc(path, 1),
        status=record.status or "concept",
        vastgesteld_op=record.vastgesteld_op,
        notulist=record.notulist,
        aanwezig=[_persoon(p) for p in record.aanwezig or []],
        afwezig=[_persoon(p) for p in record.afwezig or []],
    )
    if record.vastgesteld_op and verslag.status != "vastgesteld":
        problems.warn(
            record.loc_of("vastgesteld_op"),
            "vastgesteld_op staat er, maar status is niet 'vastgesteld'",
        )
    by_item: dict[str, VerslagPunt] = {}
    seen: dict[str, Loc] = {}
    punten = record.punten or Record(record.loc)
    for key, value in punten.items():
        punt = resolve_item(vergadering, key, punten.loc_of(key), seen, problems)
        if punt is None:
            continue
        value = value or Record(punten.loc_of(key))
        regels = [_regel(r, punt) for r in value.bka or []]
        by_item[punt.id] = VerslagPunt(punt, value.tekst, regels, dict(value.key_locs))
    # The minutes follow the agenda, whatever the order of `punten:`.
    verslag.punten = {p.id: by_item.get(p.id, VerslagPunt(p)) for p in vergadering.alle_punten()}
    _number_regels(vergadering, verslag)
    acties = record.acties or Record(record.loc)
    for key, value in acties.items():
        loc = acties.loc_of(key)
        if value is None:
            problems.error(loc, f"actie '{shown(key)}' heeft geen status of toelichting")
        elif isinstance(value, str):
            verslag.updates.append(ActieUpdate(key, loc, status=value))
        else:
            verslag.updates.append(
                ActieUpdate(
                    key, loc, value.status, value.toelichting, value.termijn, dict(value.key_locs)
                )
            )
    return verslag


def _persoon(value) -> Persoon:
    if isinstance(value, str):
        return Persoon(organisatie=value)
    return Persoon(
        value.organisatie or "", value.naam, value.functie, value.rol, bool(value.kennisgeving)
    )


def _regel(record: Record, punt: Agendapunt) -> Regel:
    soort = next((s for s in SOORTEN if s in record), "knelpunt")
    return Regel(
        soort=soort,
        tekst=record.get(soort) or "",
        punt=punt,
        loc=record.loc,
        toelichting=record.toelichting,
        wie=record.wie,
        termijn=record.termijn,
        id=record.id,
        locs=dict(record.key_locs),
    )


def _number_regels(vergadering: Vergadering, verslag: Verslag) -> None:
    """Decisions 1, 2, 3 and action ids <date>.<n>, counted in the order the minutes show."""
    besluiten = acties = 0
    for regel in verslag.regels():
        if regel.is_besluit:
            besluiten += 1
            regel.besluitnummer = besluiten
        elif regel.is_actie:
            acties += 1
            regel.id = regel.id or f"{vergadering.naam}.{acties}"


def load_annotatie(path: Path, vergadering: Vergadering, problems: Problems) -> Annotatie | None:
    record = read_document(path, "annotatie", problems, vergadering.folder.parents[1])
    if record is None:
        return None
    annotatie = Annotatie(
        naam=path.stem,
        bestand=path,
        auteur=record.auteur,
        voor=record.voor,
        inleiding=record.inleiding,
        locs=dict(record.key_locs),
    )
    seen: dict[str, Loc] = {}
    punten = record.punten or Record(record.loc)
    for key, value in punten.items():
        loc = punten.loc_of(key)
        punt = resolve_item(vergadering, key, loc, seen, problems)
        if punt is None:
            continue
        if not value or (not isinstance(value, str) and not (value.advies or value.tekst)):
            problems.warn(loc, f"annotatie bij agendapunt {punt.nummer} ('{punt.id}') is leeg")
            continue
        if isinstance(value, str):
            annotatie.punten[punt.id] = AnnotatiePunt(punt, loc, tekst=value)
        else:
            annotatie.punten[punt.id] = AnnotatiePunt(
                punt, loc, value.advies, value.tekst, dict(value.key_locs)
            )
    acties = record.acties or Record(record.loc)
    annotatie.acties = {k: v for k, v in acties.items() if v}
    annotatie.actie_locs = acties.key_locs
    for key in acties.key_locs.keys() - annotatie.acties.keys():
        problems.warn(acties.loc_of(key), f"opmerking bij actie '{shown(key)}' is leeg")
    return annotatie
