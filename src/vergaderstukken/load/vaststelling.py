"""Adopting minutes across meetings: `vaststelling:` on an agenda item, `vastgesteld:` in
the adopting meeting's minutes.

The adopted minutes are never changed: their own verslag.yaml stays as written. What one
meeting decided on another's minutes is collected here, once, into
`Werkmap.vaststellingen`; gather.py derives from it the state the documents show
(vastgesteld on which date, with which changes). A hand-written `status: vastgesteld` /
`vastgesteld_op` in the old file must agree with it: a conflict is an error at both files.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..dutch import datum_kort
from ..exceptions import Problems
from ..model import Agendapunt, Overleg, Vaststelling, Vergadering, Werkmap, sort_key
from ..namen import did_you_mean
from .agenda import load_vergadering
from .verslag import load_verslag


def datum_van(naam: str) -> date:
    """The date of a meeting folder name ('2024-01-24-extra' -> 24 January 2024)."""
    return date.fromisoformat(naam[:10])


def resolve_vaststellingen(
    werkmap: Werkmap, problems: Problems, later: set[str], stil: bool = False
) -> None:
    """Give every item with `vaststelling:` the folder name of the meeting whose minutes it
    adopts (`Agendapunt.vaststelt`; `vorige`: the meeting before it), and its automatic
    attachment that name and the default title. `later`: folders after a `tot`, not loaded."""
    ordered = sorted(werkmap.vergaderingen, key=sort_key)
    for index, vergadering in enumerate(ordered):
        vorige = ordered[index - 1] if index else None
        for punt in vergadering.alle_punten():
            if punt.vaststelling is None:
                continue
            bron = _bron(
                werkmap, vergadering, punt, vorige, Problems() if stil else problems, later
            )
            if bron is None:
                continue
            punt.vaststelt = bron.naam
            for bijlage in punt.bijlagen:
                if bijlage.automatisch:
                    bijlage.verslag = bron.naam
                    bijlage.titel = f"Verslag {werkmap.overleg.afkorting} {datum_kort(bron.datum)}"


def _bron(
    werkmap: Werkmap,
    vergadering: Vergadering,
    punt: Agendapunt,
    vorige: Vergadering | None,
    problems: Problems,
    later: set[str],
) -> Vergadering | None:
    """The earlier meeting with minutes that `punt` adopts, or None (reported)."""
    loc = punt.locs.get("vaststelling", punt.loc)
    wat = f"agendapunt {punt.nummer}"
    if punt.vaststelling == "vorige":
        if vorige is None:
            problems.error(
                loc, f"{wat}: 'vaststelling: vorige', maar er is geen eerdere vergadering"
            )
            return None
        bron: Vergadering | None = vorige
    else:
        naam = punt.vaststelling.isoformat() if isinstance(punt.vaststelling, date) else ""
        bron = _find(werkmap, naam)
        if bron is None:
            if naam in werkmap.onvolledig or any(f.startswith(naam) for f in werkmap.onvolledig):
                return None  # that meeting's own error is reported already
            if any(f == naam or f.startswith(f"{naam}-") for f in later):
                problems.error(
                    loc,
                    f"{wat}: het verslag van {naam} kan pas na die vergadering vastgesteld worden",
                )
            else:
                # Only an earlier meeting can be meant: this one or a later one is no fix.
                names = [
                    v.naam for v in werkmap.vergaderingen if sort_key(v) < sort_key(vergadering)
                ]
                problems.error(
                    loc,
                    f"{wat}: geen vergadering '{naam}' om het verslag van vast te stellen"
                    f"{did_you_mean(naam, names)}",
                )
            return None
        if sort_key(bron) >= sort_key(vergadering):
            problems.error(
                loc,
                f"{wat}: het verslag van {bron.naam} kan pas na die vergadering vastgesteld worden",
            )
            return None
    assert bron is not None
    if bron.naam in werkmap.onvolledig:
        return None
    if not (bron.folder / "verslag.yaml").is_file():
        problems.error(
            loc, f"{wat}: vergadering {bron.naam} heeft (nog) geen verslag.yaml om vast te stellen"
        )
        return None
    return bron


def _find(werkmap: Werkmap, naam: str) -> Vergadering | None:
    exact = werkmap.vergadering(naam)
    if exact is not None:
        return exact
    same_day = [v for v in werkmap.vergaderingen if v.naam.startswith(f"{naam}-")]
    return same_day[0] if len(same_day) == 1 else None


def collect_vaststellingen(werkmap: Werkmap, vergaderingen: list[Vergadering]) -> None:
    """Every decision on minutes that the minutes of `vergaderingen` record, by the
    folder name of the minutes decided on, in meeting order."""
    for vergadering in sorted(vergaderingen, key=sort_key):
        if vergadering.verslag is None:
            continue
        for vp in vergadering.verslag.punten.values():
            if vp.vastgesteld and vp.punt.vaststelt:
                werkmap.vaststellingen.setdefault(vp.punt.vaststelt, []).append(
                    Vaststelling(
                        verslag_van=vp.punt.vaststelt,
                        door=vergadering,
                        punt=vp.punt,
                        uitkomst=vp.vastgesteld,
                        loc=vp.locs.get("vastgesteld", vp.punt.loc),
                        wijzigingen=vp.wijzigingen,
                    )
                )


def load_later(
    werkmap: Werkmap, folders: list[tuple[Path, date]], overleg: Overleg
) -> list[Vergadering]:
    """The meetings after a `tot`, read quietly for one thing: whether their minutes adopt
    a loaded meeting's minutes. Their own mistakes are reported when they are checked."""
    stil = Problems()
    later = [load_vergadering(f, d, overleg, stil) for f, d in folders]
    extra = [v for v in later if v is not None]
    if not extra:
        return []
    alle = Werkmap(werkmap.root, overleg, sorted([*werkmap.vergaderingen, *extra], key=sort_key))
    resolve_vaststellingen(alle, stil, set(), stil=True)
    for vergadering in extra:
        if (vergadering.folder / "verslag.yaml").is_file():
            vergadering.verslag = load_verslag(vergadering, stil)
    return extra


def check_vaststellingen(
    werkmap: Werkmap, problems: Problems, later: list[Vergadering] | None = None
) -> None:
    """`vastgesteld:` only where an item adopts minutes; at most one adoption per minutes;
    the adopted file's own status agrees; minutes left behind are pointed out (`later`:
    the meetings after a `tot`, whose items may put them up)."""
    for vergadering in werkmap.vergaderingen:
        if vergadering.verslag is None:
            continue
        for vp in vergadering.verslag.punten.values():
            punt = vp.punt
            if vp.vastgesteld and punt.vaststelling is None:
                problems.error(
                    vp.locs["vastgesteld"],
                    f"'vastgesteld' hoort bij een agendapunt met 'vaststelling'; agendapunt "
                    f"{punt.nummer} ('{punt.id}') stelt geen verslag vast",
                )
            ongeldig = "vastgesteld" in vp.locs and vp.vastgesteld is None  # reported already
            if vp.wijzigingen and vp.vastgesteld != "gewijzigd" and not ongeldig:
                problems.error(
                    vp.locs["wijzigingen"], "'wijzigingen' hoort bij 'vastgesteld: gewijzigd'"
                )
            if vp.vastgesteld == "gewijzigd" and not vp.wijzigingen:
                problems.warn(
                    vp.locs["vastgesteld"],
                    "'vastgesteld: gewijzigd' zonder 'wijzigingen'; noem de wijzigingen",
                )
    for naam, besluiten in werkmap.vaststellingen.items():
        _check_een_verslag(werkmap, naam, besluiten, problems)
    _zonder_datum(werkmap, problems)
    _nooit_geagendeerd(werkmap, problems, later or [])


def _zonder_datum(werkmap: Werkmap, problems: Problems) -> None:
    """Minutes marked vastgesteld by hand without the date, and adopted by no item: their
    closing block ('Aldus vastgesteld in de vergadering van <datum>') would have no date."""
    for vergadering in werkmap.vergaderingen:
        verslag = vergadering.verslag
        if verslag is None or verslag.status != "vastgesteld" or verslag.vastgesteld_op:
            continue
        if any(b.vastgesteld for b in werkmap.vaststellingen.get(vergadering.naam, [])):
            continue
        problems.warn(
            verslag.locs.get("status", verslag.loc),
            "status: vastgesteld zonder vastgesteld_op; het verslag sluit dan zonder de datum "
            "van vaststelling (zet bijvoorbeeld 'vastgesteld_op: JJJJ-MM-DD')",
        )


def _check_een_verslag(
    werkmap: Werkmap, naam: str, besluiten: list[Vaststelling], problems: Problems
) -> None:
    eerste = next((b for b in besluiten if b.vastgesteld), None)
    if eerste is not None:
        for later in besluiten[besluiten.index(eerste) + 1 :]:
            problems.error(
                later.loc,
                f"het verslag van {naam} is al vastgesteld in de vergadering van "
                f"{datum_kort(eerste.door.datum)} ({eerste.loc})",
            )
    bron = werkmap.vergadering(naam)
    verslag = bron.verslag if bron else None
    if verslag is None or verslag.status != "vastgesteld":
        return
    status_loc = verslag.locs.get("status", verslag.loc)
    if eerste is not None:
        op = verslag.vastgesteld_op
        if op is not None and op != eerste.door.datum:
            op_loc = verslag.locs.get("vastgesteld_op", status_loc)
            problems.error(
                op_loc,
                f"vastgesteld_op {op.isoformat()} wijkt af van de vaststelling in de "
                f"vergadering van {datum_kort(eerste.door.datum)} ({eerste.loc})",
            )
            problems.error(
                eerste.loc,
                f"het verslag van {naam} staat daar als vastgesteld op {datum_kort(op)} "
                f"({op_loc}), niet op {datum_kort(eerste.door.datum)}",
            )
        return
    laatste = besluiten[-1]  # only postponements
    op = verslag.vastgesteld_op
    if op is None or op <= laatste.door.datum:
        problems.error(
            status_loc,
            f"status: vastgesteld, maar de vaststelling is aangehouden in de vergadering van "
            f"{datum_kort(laatste.door.datum)} ({laatste.loc})",
        )
        problems.error(
            laatste.loc,
            f"het verslag van {naam} staat daar als vastgesteld ({status_loc}), "
            "maar wordt hier aangehouden",
        )


def _nooit_geagendeerd(werkmap: Werkmap, problems: Problems, later: list[Vergadering]) -> None:
    """Minutes of a meeting before the latest that no later item puts up for adoption."""
    if not werkmap.vergaderingen:
        return
    laatste = max(werkmap.vergaderingen, key=sort_key)
    geagendeerd = {
        punt.vaststelt
        for v in [*werkmap.vergaderingen, *later]
        for punt in v.alle_punten()
        if punt.vaststelt
    } | set(werkmap.vaststellingen)
    for vergadering in werkmap.vergaderingen:
        verslag = vergadering.verslag
        if (
            verslag is None
            or vergadering is laatste
            or verslag.status == "vastgesteld"
            or vergadering.naam in geagendeerd
        ):
            continue
        problems.warn(
            verslag.loc,
            f"het verslag van {datum_kort(vergadering.datum)} is nog niet ter vaststelling "
            f"geagendeerd; zet 'vaststelling: {vergadering.naam}' bij een agendapunt van een "
            "latere vergadering",
        )
