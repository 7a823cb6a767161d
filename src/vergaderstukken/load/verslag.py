"""Build the Verslag (minutes) and the Annotaties (advisors' overlays) of a meeting.

`schema.fill` copies the declared keys; here are the references to agenda items, the
numbering of decisions and actions, and the checks that need the whole meeting."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from ..dutch import datum_kort
from ..exceptions import Loc, Problem, Problems
from ..model import (
    ActieUpdate,
    Agendapunt,
    Annotatie,
    AnnotatiePunt,
    Regel,
    Vergadering,
    Verslag,
    VerslagPunt,
)
from ..namen import did_you_mean, existing
from ..safe_read import shown
from ..schema import SOORTEN, Record, fill, read_document


def resolve_item(
    vergadering: Vergadering, key: str, loc: Loc, seen: dict[str, Loc], problems: Problems
) -> Agendapunt | None:
    """An item named by id or number; unknown or repeated names are reported."""
    punt = vergadering.find_item(key)
    if punt is None:
        problems.error(loc, unknown_item(vergadering, key))
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


def unknown_item(vergadering: Vergadering, key: str) -> str:
    """'onbekend agendapunt 'dijkk' (bedoelde u 'dijk'?)': the closest id suggested, the
    range of numbers for a number, else the ids there are (the format promises the
    closest existing id)."""
    suggestions = [p.id for p in vergadering.alle_punten()]
    hint = did_you_mean(key, suggestions) or did_you_mean(key, vergadering.item_keys())
    hint = hint or renamed(key, suggestions)  # 'dijk' renamed to 'dijkversterking'
    nummers = [p.nummer for p in vergadering.punten]
    if not hint and str(key).strip().isdigit() and nummers:  # a number: the range it is not in
        hint = f" (de agenda telt de punten {nummers[0]} tot en met {nummers[-1]})"
    hint = hint or existing(key, suggestions)
    return f"onbekend agendapunt '{shown(key)}'{hint}"


def load_verslag(vergadering: Vergadering, problems: Problems) -> Verslag | None:
    """The meeting's verslag.yaml, its entries numbered, or None when unreadable."""
    path = vergadering.folder / "verslag.yaml"
    record = read_document(path, "verslag", problems, vergadering.folder.parents[1])
    if record is None:
        return None
    verslag = fill(Verslag, record, loc=Loc(path, 1))
    if verslag.vastgesteld_op and verslag.status != "vastgesteld":
        problems.warn(
            record.loc_of("vastgesteld_op"),
            "vastgesteld_op staat er, maar status is niet 'vastgesteld'",
        )
    by_item: dict[str, VerslagPunt] = {}
    seen: dict[str, Loc] = {}
    punten = record.mapping_of("punten")
    for key, value in punten.items():
        punt = resolve_item(vergadering, key, punten.loc_of(key), seen, problems)
        if punt is None:
            continue
        if value is None:  # `opening:` with nothing under it
            by_item[punt.id] = VerslagPunt(punt)
            continue
        regels = [_regel(r, punt) for r in value.records("bka")]
        by_item[punt.id] = fill(VerslagPunt, value, punt=punt, regels=regels)
    # The minutes follow the agenda, whatever the order of `punten:`.
    verslag.punten = {p.id: by_item.get(p.id, VerslagPunt(p)) for p in vergadering.alle_punten()}
    for verslagpunt in verslag.punten.values():
        _vaststellingsbesluit(verslagpunt)
    _number_regels(vergadering, verslag)
    acties = record.mapping_of("acties")
    for key, value in acties.items():
        loc = acties.loc_of(key)
        if value is None:
            problems.error(loc, f"actie '{shown(key)}' heeft geen status of toelichting")
        else:  # a bare status is short for {status: ...}
            verslag.updates.append(fill(ActieUpdate, value, actie_id=key, loc=loc))
    return verslag


def _regel(record: Record, punt: Agendapunt) -> Regel:
    soort = next((s for s in SOORTEN if s in record), "knelpunt")
    return fill(Regel, record, soort=soort, tekst=record.text(soort) or "", punt=punt)


def _vaststellingsbesluit(verslagpunt: VerslagPunt) -> None:
    """An item that adopted (or postponed) minutes records that as its decision, first
    among its entries, unless the minutes write a besluit there themselves."""
    punt = verslagpunt.punt
    if not (verslagpunt.vastgesteld and punt.vaststelt):
        return
    if any(r.soort == "besluit" for r in verslagpunt.regels):
        return
    van = (
        f"het verslag van de vergadering van {datum_kort(date.fromisoformat(punt.vaststelt[:10]))}"
    )
    tekst = {
        "ongewijzigd": f"{van[0].upper()}{van[1:]} wordt ongewijzigd vastgesteld.",
        "gewijzigd": f"{van[0].upper()}{van[1:]} wordt gewijzigd vastgesteld.",
        "aangehouden": f"De vaststelling van {van} wordt aangehouden.",
    }[verslagpunt.vastgesteld]
    loc = verslagpunt.locs.get("vastgesteld", punt.loc)
    toelichting = verslagpunt.wijzigingen if verslagpunt.vastgesteld == "gewijzigd" else None
    besluit = Regel("besluit", tekst, punt, loc, toelichting=toelichting)
    verslagpunt.regels.insert(0, besluit)


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


def load_annotatie(
    path: Path, vergadering: Vergadering, problems: Problems, root: Path | None = None
) -> Annotatie | None:
    """One overlay; `root` is the folder it may not lead out of (default: the workspace).

    A key that names no item is an error, as the format says, with the closest id or the
    item it was renamed to (`Annotatie.verouderd` keeps it for the build of this overlay):
    the agenda may have changed after the overlay was written, and advice must never
    disappear without a word.
    An overlay with an empty item key (`opening:`, as `stukken annotatie` writes every
    item) lists the items its author has seen, so an item it lacks is new: a warning too.
    """
    record = read_document(path, "annotatie", problems, root or vergadering.folder.parents[1])
    if record is None:
        return None
    annotatie = fill(Annotatie, record, naam=path.stem, bestand=path)
    seen: dict[str, Loc] = {}
    stale: dict[str, Loc] = {}
    listed_empty = False
    punten = record.mapping_of("punten")
    for key, value in punten.items():
        loc = punten.loc_of(key)
        if vergadering.find_item(key) is None:
            stale[key] = loc
            message = unknown_item(vergadering, key)
            annotatie.verouderd.append(Problem(loc, message))
            problems.error(loc, message)
            continue
        punt = resolve_item(vergadering, key, loc, seen, problems)
        if punt is None:
            continue
        if value is None:  # `opening:`: seen, nothing to say
            listed_empty = True
            continue
        if not (value.get("advies") or value.get("tekst")):
            problems.warn(loc, f"annotatie bij agendapunt {punt.nummer} ('{punt.id}') is leeg")
            continue
        # A plain text is short for {tekst: ...}; the note's line is its key's.
        annotatie.punten[punt.id] = fill(AnnotatiePunt, value, punt=punt, loc=loc)
    if listed_empty:
        _warn_unlisted(vergadering, seen, stale, record.loc_of("punten"), problems)
    acties = record.mapping_of("acties")
    annotatie.acties = {k: v for k, v in acties.items() if v}
    annotatie.actie_locs = acties.key_locs
    for key in acties.key_locs.keys() - annotatie.acties.keys():
        problems.warn(acties.loc_of(key), f"opmerking bij actie '{shown(key)}' is leeg")
    return annotatie


def _warn_unlisted(
    vergadering: Vergadering,
    seen: dict[str, Loc],
    stale: dict[str, Loc],
    loc: Loc,
    problems: Problems,
) -> None:
    """Items the overlay does not list: added to the agenda (or renamed) since."""
    for punt in vergadering.alle_punten():
        if punt.id in seen:
            continue
        hint = did_you_mean(punt.id, stale) or renamed(punt.id, stale)
        if not hint:
            hint = f"; zet '{punt.id}:' onder punten (leeg als u er niets over zegt)"
        problems.warn(loc, f"agendapunt {punt.nummer} ('{punt.id}') heeft nog geen annotatie{hint}")


def renamed(word: str, candidates: Iterable[str]) -> str:
    """' (bedoelde u 'x'?)' for a candidate that contains `word` or is contained in it (an
    id made longer or shorter), when no spelling is close enough for `did_you_mean`."""
    word = str(word)
    close = [c for c in candidates if len(min(c, word, key=len)) >= 3 and (c in word or word in c)]
    return f" (bedoelde u '{close[0]}'?)" if len(close) == 1 else ""
