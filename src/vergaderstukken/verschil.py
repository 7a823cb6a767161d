"""What changed between two loaded versions of a workspace, paired by identity.

Meetings pair by folder name (a renamed folder by its date or sequence number), actions
and toezeggingen by id, decisions and afspraken by meeting, agenda item and text: an
exact match first, then the most similar text within the same item. Position never
pairs anything, so deleting one decision and adding another shows as one removed and
one new decision, and an insertion as one new decision plus one renumbering line.
No git here: `commands/diff.py` exports the revisions and calls `vergelijk`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from typing import Any

from . import dutch
from .actions import standen
from .gather import besluiten, verslagstand
from .model import Vergadering, Werkmap

SIMILAR = 0.6  # decisions of one item this alike (difflib ratio) are one decision, changed


def normal(text: object) -> str:
    """Text compared and shown on one line: re-wrapping a YAML block is not a change."""
    if text is None:
        return ""
    if isinstance(text, date):
        return dutch.termijn(text)
    return " ".join(str(text).split())


def gelijkenis(old: str, new: str) -> float:
    """How alike two texts are, 0 to 1 (difflib's ratio)."""
    return SequenceMatcher(None, old, new, autojunk=False).ratio()


@dataclass
class Veld:
    """One field that differs; `kort` fields show on one line (old -> new)."""

    naam: str
    oud: str
    nieuw: str

    @property
    def kort(self) -> bool:
        """Whether old and new fit on one line."""
        return self.naam in ("soort", "status", "termijn", "afgesproken termijn", "wie", "punt")


@dataclass
class Wijziging:
    """One change of one decision, action or attachment file."""

    soort: str  # nieuw | verwijderd | gewijzigd | verplaatst
    wat: str  # besluit | afspraak | actie | toezegging | bijlage
    naam: str  # 'besluit 6 (punt 12.4)', 'actie 2024-01-24.1', 'bijlage bijlagen/plan.pdf'
    velden: list[Veld] = field(default_factory=list)  # gewijzigd: what differs
    tekst: str = ""  # nieuw / verwijderd: what it says

    def json(self) -> dict[str, Any]:
        """The change as `stukken diff --json` writes it."""
        return {
            "soort": self.soort,
            "wat": self.wat,
            "naam": self.naam,
            "tekst": self.tekst or None,
            "velden": [{"veld": v.naam, "oud": v.oud, "nieuw": v.nieuw} for v in self.velden],
        }


@dataclass
class VergaderingVerschil:
    """Everything that changed in one meeting (by its new folder name)."""

    naam: str
    toestand: str = ""  # '' (in both) | nieuw | verwijderd | hernoemd
    was: str | None = None  # the old folder name of a renamed meeting
    wijzigingen: list[Wijziging] = field(default_factory=list)
    verschoven: list[tuple[int, int]] = field(default_factory=list)  # renumbered, unchanged
    vastgesteld_gewijzigd: str | None = None  # the date the changed minutes were adopted
    niet_vergeleken: list[str] = field(default_factory=list)  # revisions it failed to load in

    @property
    def leeg(self) -> bool:
        """Whether nothing changed in this meeting."""
        return not (
            self.toestand
            or self.wijzigingen
            or self.verschoven
            or self.vastgesteld_gewijzigd
            or self.niet_vergeleken
        )


@dataclass(frozen=True)
class BesluitRij:
    """A decision or afspraak as compared: its number, item and text."""

    nummer: int
    punt_id: str
    punt: str  # the number the minutes show, '12.4'
    soort: str
    tekst: str
    toelichting: str

    @property
    def naam(self) -> str:
        """'besluit 6 (punt 12.4)'."""
        return f"{self.soort} {self.nummer} (punt {self.punt})"


def besluit_rijen(vergadering: Vergadering) -> list[BesluitRij]:
    """The meeting's decisions and afspraken, in the order the minutes number them."""
    return [
        BesluitRij(
            r.besluitnummer or 0,
            r.punt.id,
            vergadering.verslag_nummer(r.punt),
            r.soort,
            normal(r.tekst),
            normal(r.toelichting),
        )
        for r in besluiten(vergadering)
    ]


def pair_besluiten(
    oud: list[BesluitRij], nieuw: list[BesluitRij]
) -> tuple[list[Wijziging], list[tuple[int, int]]]:
    """The decisions' changes, and the renumbering of those that did not change."""
    rest_oud, rest_nieuw = list(oud), list(nieuw)
    pairs: list[tuple[BesluitRij, BesluitRij]] = []

    def take(o: BesluitRij, n: BesluitRij) -> None:
        rest_oud.remove(o)
        rest_nieuw.remove(n)
        pairs.append((o, n))

    for n in list(rest_nieuw):  # 1. the same text under the same item
        same = (n.punt_id, n.soort, n.tekst)
        o = next((o for o in rest_oud if (o.punt_id, o.soort, o.tekst) == same), None)
        if o is not None:
            take(o, n)
    candidates = sorted(  # 2. the most similar text under the same item
        (
            (gelijkenis(o.tekst, n.tekst), -abs(o.nummer - n.nummer), i, j)
            for i, o in enumerate(rest_oud)
            for j, n in enumerate(rest_nieuw)
            if o.punt_id == n.punt_id
        ),
        reverse=True,
    )
    used_o, used_n, similar = set(), set(), []
    for ratio, _, i, j in candidates:
        if ratio >= SIMILAR and i not in used_o and j not in used_n:
            used_o.add(i)
            used_n.add(j)
            similar.append((rest_oud[i], rest_nieuw[j]))
    for o, n in similar:
        take(o, n)
    moved = []
    for n in list(rest_nieuw):  # 3. the same text, moved to another item
        o = next((o for o in rest_oud if (o.soort, o.tekst) == (n.soort, n.tekst)), None)
        if o is not None:
            rest_oud.remove(o)
            rest_nieuw.remove(n)
            moved.append((o, n))
    changes, renumbered = [], []
    for o, n in sorted(pairs, key=lambda pair: pair[1].nummer):
        velden = [
            Veld(label, old, new)
            for label, old, new in (
                ("soort", o.soort, n.soort),
                ("tekst", o.tekst, n.tekst),
                ("toelichting", o.toelichting, n.toelichting),
            )
            if old != new
        ]
        if velden:
            was = f", was {o.nummer}" if o.nummer != n.nummer else ""
            naam = f"{n.soort} {n.nummer} (punt {n.punt}{was})"
            changes.append(Wijziging("gewijzigd", n.soort, naam, velden))
        elif o.nummer != n.nummer:
            renumbered.append((o.nummer, n.nummer))
    for o, n in moved:
        velden = [Veld("punt", o.punt, n.punt)]
        changes.append(Wijziging("verplaatst", n.soort, n.naam, velden, tekst=n.tekst))
    changes += [Wijziging("verwijderd", o.soort, o.naam, tekst=o.tekst) for o in rest_oud]
    changes += [Wijziging("nieuw", n.soort, n.naam, tekst=n.tekst) for n in rest_nieuw]
    return changes, sorted(renumbered)


AFSPRAAK_VELDEN = (  # what the minutes that agreed an action say
    ("soort", "soort"),
    ("tekst", "tekst"),
    ("wie", "wie"),
    ("afgesproken", "afgesproken termijn"),
    ("toelichting", "toelichting"),
    ("punt", "punt"),
)
STAND_VELDEN = (  # how it stands after the latest minutes
    ("status", "status"),
    ("termijn", "termijn"),
    ("stand", "stand van zaken"),
)


@dataclass(frozen=True)
class ActieRij:
    """An action or toezegging as compared: where it was agreed and its fields."""

    id: str
    vergadering: str  # where it was agreed
    bijgewerkt: str | None  # the meeting whose minutes last updated it
    velden: dict[str, str]


def actie_rijen(werkmap: Werkmap, hernoemd: dict[str, str]) -> dict[str, ActieRij]:
    """Every action by id (an id derived from a renamed folder under its new name)."""
    if not werkmap.vergaderingen:
        return {}
    rows = {}
    for stand in standen(werkmap, werkmap.vergaderingen[-1], inclusief=True):
        regel, agreed = stand.regel, stand.vergadering.naam
        actie_id = stand.id
        if agreed in hernoemd and actie_id.startswith(f"{agreed}."):
            actie_id = hernoemd[agreed] + actie_id[len(agreed) :]
        rows[actie_id] = ActieRij(
            actie_id,
            hernoemd.get(agreed, agreed),
            hernoemd.get(stand.bijgewerkt.naam, stand.bijgewerkt.naam)
            if stand.bijgewerkt
            else None,
            {
                "soort": regel.soort,
                "tekst": normal(regel.tekst),
                "wie": normal(regel.wie),
                "afgesproken": normal(regel.termijn),
                "toelichting": normal(regel.toelichting),
                "punt": stand.vergadering.verslag_nummer(regel.punt),
                "status": stand.status,
                "termijn": normal(stand.termijn),
                "stand": normal(stand.toelichting),
            },
        )
    return rows


def compare_acties(
    oud: dict[str, ActieRij], nieuw: dict[str, ActieRij]
) -> list[tuple[str, Wijziging]]:
    """(meeting, change): what the agreeing minutes say under the meeting that agreed it,
    a new status or termijn under the meeting whose minutes wrote it."""
    changes = []
    for actie_id in [*oud, *(i for i in nieuw if i not in oud)]:
        o, n = oud.get(actie_id), nieuw.get(actie_id)
        if o is None or n is None:
            row = nieuw[actie_id] if o is None else o
            soort = "nieuw" if o is None else "verwijderd"
            extra = [row.velden[k] for k in ("wie", "termijn") if row.velden[k]]
            tekst = " — ".join([row.velden["tekst"], *extra])
            wat = row.velden["soort"]
            changes.append(
                (row.vergadering, Wijziging(soort, wat, f"{wat} {actie_id}", tekst=tekst))
            )
            continue
        afspraak = _velden(o, n, AFSPRAAK_VELDEN)
        # a termijn that moved with the agreed one is that change, not one of its own
        mee = {(v.oud, v.nieuw) for v in afspraak if v.naam == "afgesproken termijn"}
        stand = [
            v
            for v in _velden(o, n, STAND_VELDEN)
            if not (v.naam == "termijn" and (v.oud, v.nieuw) in mee)
        ]
        if afspraak == [Veld("afgesproken termijn", "", "")]:
            afspraak = []
        wat = n.velden["soort"]
        if afspraak:
            changes.append(
                (n.vergadering, Wijziging("gewijzigd", wat, f"{wat} {actie_id}", afspraak))
            )
        if stand:
            where = n.bijgewerkt or o.bijgewerkt or n.vergadering
            changes.append((where, Wijziging("gewijzigd", wat, f"{wat} {actie_id}", stand)))
    return changes


def _velden(o: ActieRij, n: ActieRij, keys: tuple[tuple[str, str], ...]) -> list[Veld]:
    velden = [
        Veld(label, o.velden[k] or "(leeg)", n.velden[k] or "(leeg)")
        for k, label in keys
        if o.velden[k] != n.velden[k]
    ]
    termijn = [v.naam for v in velden]
    if "termijn" in termijn and "afgesproken termijn" in termijn:
        velden = [v for v in velden if v.naam != "afgesproken termijn"]  # one line suffices
    return velden


def pair_vergaderingen(oud: Werkmap, nieuw: Werkmap) -> dict[str, str]:
    """Old folder name -> new folder name, for folders renamed in between.

    A folder that is gone pairs with a new one of the same date or sequence number
    (2024-03-20 -> 2024-03-20-extra, or the meeting moved to another day)."""
    new_names = {v.naam for v in nieuw.vergaderingen}
    old_names = {v.naam for v in oud.vergaderingen}
    gone = [v for v in oud.vergaderingen if v.naam not in new_names]
    added = [v for v in nieuw.vergaderingen if v.naam not in old_names]
    renamed = {}
    for o in gone:
        match = next((n for n in added if n.datum == o.datum), None) or next(
            (n for n in added if o.nummer is not None and n.nummer == o.nummer), None
        )
        if match is not None:
            added.remove(match)
            renamed[o.naam] = match.naam
    return renamed


def compare_bijlagen(oud: dict[str, str], nieuw: dict[str, str]) -> list[Wijziging]:
    """Attachment files (path in the meeting folder -> content hash) compared."""
    changes = []
    for path in sorted(set(oud) | set(nieuw)):
        if path not in nieuw:
            changes.append(Wijziging("verwijderd", "bijlage", f"bijlagebestand {path}"))
        elif path not in oud:
            changes.append(Wijziging("nieuw", "bijlage", f"bijlagebestand {path}"))
        elif oud[path] != nieuw[path]:
            changes.append(Wijziging("gewijzigd", "bijlage", f"bijlagebestand {path}"))
    return changes


@dataclass
class Kant:
    """One side of the comparison: a loaded workspace and what the loader cannot show."""

    werkmap: Werkmap
    bestanden: dict[str, dict[str, str]]  # meeting -> attachment path -> content hash
    verslagen: dict[str, object]  # meeting -> the parsed verslag.yaml
    niet_geladen: set[str] = field(default_factory=set)  # meetings that failed to load


def vergelijk(oud: Kant, nieuw: Kant, oud_rev: str, nieuw_rev: str) -> list[VergaderingVerschil]:
    """Every meeting's differences, in date order (meetings without any left out)."""
    hernoemd = pair_vergaderingen(oud.werkmap, nieuw.werkmap)
    old_by_name = {hernoemd.get(v.naam, v.naam): v for v in oud.werkmap.vergaderingen}
    new_by_name = {v.naam: v for v in nieuw.werkmap.vergaderingen}
    skipped = {hernoemd.get(n, n) for n in oud.niet_geladen} | nieuw.niet_geladen
    order = sorted(
        [
            *nieuw.werkmap.vergaderingen,
            *(v for n, v in old_by_name.items() if n not in new_by_name),
        ],
        key=lambda v: (v.datum, v.naam),
    )
    result: dict[str, VergaderingVerschil] = {}
    for naam in sorted(skipped):
        verschil = result.setdefault(naam, VergaderingVerschil(naam))
        verschil.niet_vergeleken = [
            rev
            for rev, kant in ((oud_rev, oud), (nieuw_rev, nieuw))
            if naam in {hernoemd.get(n, n) for n in kant.niet_geladen}
        ]
    for v in order:
        if v.naam in skipped:
            continue
        o, n = old_by_name.get(v.naam), new_by_name.get(v.naam)
        verschil = result.setdefault(v.naam, VergaderingVerschil(v.naam))
        if o is None:
            verschil.toestand = "nieuw"
        elif n is None:
            verschil.toestand = "verwijderd"
        elif o.naam != n.naam:
            verschil.toestand, verschil.was = "hernoemd", o.naam
        changes, verschil.verschoven = pair_besluiten(
            besluit_rijen(o) if o else [], besluit_rijen(n) if n else []
        )
        verschil.wijzigingen += changes
        verschil.wijzigingen += compare_bijlagen(
            oud.bestanden.get(o.naam, {}) if o else {},
            nieuw.bestanden.get(v.naam, {}) if n else {},
        )
        # the minutes were adopted (by their own status or by a later meeting), yet changed
        stand = verslagstand(oud.werkmap, o) if o else None
        if (
            o
            and n
            and stand
            and stand.vastgesteld
            and oud.verslagen.get(o.naam) != nieuw.verslagen.get(n.naam)
        ):
            op = stand.vastgesteld_op
            verschil.vastgesteld_gewijzigd = dutch.datum_kort(op) if op else "?"
    old_rows = actie_rijen(oud.werkmap, hernoemd)
    new_rows = actie_rijen(nieuw.werkmap, {})
    for naam, change in compare_acties(old_rows, new_rows):
        if naam not in skipped and naam in result:
            result[naam].wijzigingen.append(change)
    ranked = {v.naam: i for i, v in enumerate(order)}
    return sorted((v for v in result.values() if not v.leeg), key=lambda v: ranked.get(v.naam, -1))
