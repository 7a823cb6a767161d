"""The text of a verslag.yaml skeleton (`stukken verslag DATUM`).

Attendance from the roster, one entry per item and sub-item in agenda order (the title as
a comment), and every action open at the meeting with its current status. Every value is
one `stukken check` accepts, so the skeleton passes unchanged.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from .. import dutch
from ..actions import ActieStand
from ..model import Lid, Vergadering
from .sjablonen import SCHEMA_REGEL
from .yamltekst import comment, entry, item, with_comment


@dataclass
class Skelet:
    """What the skeleton of one meeting's minutes holds."""

    vergadering: Vergadering
    leden: list[Lid]
    open_acties: list[ActieStand]  # open before the meeting, as its agenda shows them
    schema_pad: str | None = None  # relative path to verslag.schema.json, when there is one


def verslag_yaml(skelet: Skelet) -> str:
    """verslag.yaml for `skelet`, with short Dutch comments where the secretary fills in."""
    vergadering = skelet.vergadering
    lines = [SCHEMA_REGEL.format(pad=skelet.schema_pad)] if skelet.schema_pad else []
    lines += [
        f"# Verslag van de vergadering van {dutch.datum_lang(vergadering.datum)}, gemaakt met",
        "# 'stukken verslag'. Vul per punt in wat besproken en besloten is; controleer met",
        "# 'stukken check'.",
        entry(0, "status", "concept", "concept, of vastgesteld (met vastgesteld_op:)"),
        with_comment("# notulist: ...", "wie het verslag maakte"),
        *_aanwezig(skelet.leden, vergadering.voorzitter),
        with_comment("afwezig: []", "bijv. - {organisatie: X, kennisgeving: true} (m.k.)"),
        "# Per agendapunt: 'tekst:' voor het verslag in lopende tekst (Markdown), 'bka:' voor",
        "# de regels, bijv. - besluit: ... / - knelpunt: ... / - afspraak: ... / - actie: ...",
        "# (met wie: en termijn:) / - toezegging: ... Wat leeg blijft, mag blijven staan.",
        "punten:",
        *_punten(vergadering),
        *_acties(skelet.open_acties),
    ]
    return "\n".join(lines) + "\n"


def _aanwezig(leden: list[Lid], voorzitter: str | None) -> list[str]:
    if not leden:
        return [with_comment("aanwezig: []", "bijv. - Organisatie, of met naam: en functie:")]
    lines = [with_comment("aanwezig:", "wie er niet was: verplaats naar afwezig")]
    for lid in leden:
        rol = "voorzitter" if voorzitter and lid.naam == voorzitter else None
        if not (lid.naam or lid.functie or rol):
            lines.append(item(2, lid.organisatie))
            continue
        lines.append(f"  - {entry(0, 'organisatie', lid.organisatie)}")
        for key, value in (("naam", lid.naam), ("functie", lid.functie), ("rol", rol)):
            if value:
                lines.append(entry(4, key, value))
    return lines


def _punten(vergadering: Vergadering) -> list[str]:
    lines = []
    for punt in vergadering.alle_punten():
        kop = f"{vergadering.verslag_nummer(punt)} {punt.titel}"
        if not punt.openbaar:
            kop += " (besloten)"
        # The id, unless it names another item (an id '12' means item 12): then the number.
        key = punt.id if vergadering.find_item(punt.id) is punt else punt.nummer
        lines += [f"  # {comment(kop)}", entry(2, key, None)]
        if punt.vaststelling is not None:
            note = "of gewijzigd (met wijzigingen: |), of aangehouden"
            lines.append(with_comment("    # vastgesteld: ongewijzigd", note))
        if punt.acties:
            lines.append("    # de voortgang van de acties staat onderaan, bij acties:")
        lines += ["    tekst:", "    bka: []"]
    return lines


def _acties(open_acties: list[ActieStand]) -> list[str]:
    if not open_acties:
        return [with_comment("acties: {}", "er stonden geen acties open")]
    lines = [with_comment("acties:", "per actie: open, loopt, afgerond of vervallen")]
    for stand in open_acties:
        regels = textwrap.wrap(comment(_beschrijving(stand)), 86, break_long_words=False)
        lines += [f"  # {regel}" for regel in regels]
        lines.append(entry(2, stand.id, stand.status))
    return lines


def _beschrijving(stand: ActieStand) -> str:
    """'Toezegging: text (wie: X; termijn: 13 maart 2024)' for the comment above an action."""
    tekst = stand.regel.tekst
    if stand.regel.soort == "toezegging":
        tekst = f"Toezegging: {tekst}"
    extra = []
    if stand.regel.wie:
        extra.append(f"wie: {stand.regel.wie}")
    if stand.termijn:
        extra.append(f"termijn: {dutch.termijn(stand.termijn)}")
    return f"{tekst} ({'; '.join(extra)})" if extra else tekst
