"""The text of a new agenda.yaml (`stukken nieuw`): the standing items, filled in.

Everything the secretary still has to decide is a comment; everything written is a value
`stukken check` accepts, so the file passes unchanged and builds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .. import dutch
from ..model import Agendapunt
from .sjablonen import SCHEMA_REGEL
from .yamltekst import comment, entry, fragment, with_comment

VOORBEELD_PUNT = """\
  # Nieuwe punten, bijvoorbeeld:
  # - titel: Voorstel ...
  #   doel: besluitvorming              # besluitvorming, bespreking of informatie
  #   toelichting: |
  #     Waarom dit punt op de agenda staat.
  #   bijlagen: [voorstel]              # een id onder bijlagen: hieronder"""

STAART = """\
# bijlagen:                             # de stukken bij de punten, in bijlagen/ van deze map
#   - id: voorstel
#     titel: Voorstel ...
#     bestand: bijlagen/voorstel.pdf    # .pdf wordt ingevoegd, .md opgemaakt
# volgende:                             # de volgende vergadering; stukken nieuw neemt haar over
#   datum: JJJJ-MM-DD
#   tijd: 15:00-16:30
#   locatie: ..."""


@dataclass(frozen=True)
class Vorige:
    """The meeting `vaststelling: vorige` stands for, and whether its minutes exist yet."""

    datum: date
    met_verslag: bool


@dataclass
class NieuweAgenda:
    """What a new agenda says besides its standing items."""

    datum: date
    punten: list[Agendapunt]  # the standing agenda, as stukken.yaml numbers it
    tijd: tuple[str, ...] | None = None
    locatie: str | None = None
    nummer: int | None = None
    voorzitter: str | None = None
    vorige: Vorige | None = None  # what `vaststelling: vorige` stands for
    schema_pad: str | None = None  # relative path to agenda.schema.json, when there is one


def agenda_yaml(agenda: NieuweAgenda) -> str:
    """agenda.yaml for `agenda`, with short Dutch comments where the secretary fills in."""
    lines = [SCHEMA_REGEL.format(pad=agenda.schema_pad)] if agenda.schema_pad else []
    lines += [
        f"# Agenda van de vergadering van {dutch.datum_lang(agenda.datum)}, gemaakt met",
        "# 'stukken nieuw' uit de vaste agenda in stukken.yaml. Vul aan; controleer met",
        "# 'stukken check', maak de stukken met 'stukken build'.",
        entry(0, "datum", agenda.datum, "gelijk aan de naam van de map"),
    ]
    if agenda.tijd:
        lines.append(entry(0, "tijd", "-".join(agenda.tijd)))
    else:
        lines.append("# tijd: 15:00-16:30")
    if agenda.locatie:
        lines.append(entry(0, "locatie", agenda.locatie))
    else:
        lines.append(with_comment("# locatie: ...", "standaard: overleg.locatie"))
    if agenda.nummer is not None:
        note = f"volgnummer; het verslag nummert {agenda.nummer}.1, {agenda.nummer}.2, ..."
        lines.append(entry(0, "nummer", agenda.nummer, note))
    else:
        lines.append(with_comment("# nummer: 1", "volgnummer van de vergadering"))
    if agenda.voorzitter:
        lines.append(entry(0, "voorzitter", agenda.voorzitter))
    lines.append("agenda:")
    example_at = _example_position(agenda.punten)
    for index, punt in enumerate(agenda.punten):
        if index == example_at:
            lines.append(VOORBEELD_PUNT)
        lines += punt_lines(punt, 2, agenda.vorige)
    if example_at == len(agenda.punten):
        lines.append(VOORBEELD_PUNT)
    lines.append(STAART)
    return "\n".join(lines) + "\n"


def _example_position(punten: list[Agendapunt]) -> int:
    """Where new items go: before the open actions, else before the last item (the
    closing one), else at the end."""
    for index, punt in enumerate(punten):
        if punt.acties and index > 0:
            return index
    return len(punten) - 1 if len(punten) > 1 else len(punten)


def punt_lines(punt: Agendapunt, indent: int, vorige: Vorige | None) -> list[str]:
    """One standing item (and its sub-items) as a list entry at `indent` spaces."""
    at = indent + 2  # the item's keys; the first one follows the "- "
    body: list[str] = []
    if punt.eigen_id:
        body.append(entry(at, "id", punt.id))
    body.append(entry(at, "titel", punt.titel))
    if punt.deel:
        body.append(entry(at, "deel", punt.deel))
    if punt.doel:
        body.append(entry(at, "doel", punt.doel))
    if not punt.openbaar:
        body.append(entry(at, "openbaar", False, "besloten: niet in de openbare versie"))
    body += _vaststelling(at, punt.vaststelling, vorige)
    if punt.acties:
        body.append(entry(at, "acties", True, "toont de acties die nog openstaan"))
    if punt.tijd:
        body.append(entry(at, "tijd", punt.tijd))
    if punt.duur is not None:
        body.append(entry(at, "duur", punt.duur, "minuten"))
    if punt.inleider:
        body.append(entry(at, "inleider", punt.inleider))
    if punt.toelichting:
        body += fragment(at, {"toelichting": punt.toelichting})
    if punt.vragen:
        body += fragment(at, {"vragen": list(punt.vragen)})
    if punt.onderdelen:
        body.append(" " * at + "onderdelen:")
        for onderdeel in punt.onderdelen:
            body += punt_lines(onderdeel, at, vorige)
    first, *rest = body
    return [" " * indent + "- " + first[at:], *rest]


def _vaststelling(at: int, value: date | str | None, vorige: Vorige | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, date):
        return [entry(at, "vaststelling", value, "stelt het verslag van die vergadering vast")]
    if vorige is None:  # the first meeting in meetings/: no earlier minutes to point at
        note = "nog geen eerdere vergadering in meetings/: vul de datum in of laat weg"
        return [with_comment(" " * at + "# vaststelling: JJJJ-MM-DD", note)]
    if not vorige.met_verslag:  # adopting minutes that do not exist would not pass check
        note = f"haal het # weg zodra het verslag van {dutch.datum_kort(vorige.datum)} er is"
        return [with_comment(f"{' ' * at}# vaststelling: {vorige.datum.isoformat()}", note)]
    note = f"stelt het verslag van {dutch.datum_kort(vorige.datum)} vast"
    return [entry(at, "vaststelling", vorige.datum, comment(note))]
