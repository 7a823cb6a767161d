"""The gather stage: everything the documents of one meeting show, computed once.

The pipeline is load -> gather -> render -> write. `Verzameling` holds what is gathered
from one (loaded, validated, for the public edition redacted and screened) workspace:
one action ledger for the whole workspace and, per meeting, one `Gegevens`, made the
first time it is asked for and cached by meeting name (a build's own meeting, and each
meeting whose minutes are an attachment). The render modules turn a `Gegevens` into a
template context, layout only; the decision and action lists, the numbering, the
attendance and the titles are decided here, so every document and every command agrees.
Nothing here imports render: gathering needs no WeasyPrint.

The PDF/DOCX action-and-decision list, the Markdown lists, `stukken acties` and
`stukken diff` all read their rows from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html import unescape

from . import dutch
from .actions import Actieboek, Actielijst, ActieStand
from .markdown import md_parser, render_inline
from .model import (
    Annotatie,
    Overleg,
    Persoon,
    Regel,
    Vergadering,
    Werkmap,
    sort_key,
)
from .tijdschema import Planning, planning

TAG = re.compile(r"<[^>]+>")
LIST_ITEM = re.compile(r"^([-*+]|\d+[.)])\s")

CONCEPT = "CONCEPT"
MARKERING_ANNOTATIE = "Intern advies – niet verspreiden"
TITEL_LIJST = "Actie- en besluitenlijst"


# --- the titles of the documents ----------------------------------------------------------


@dataclass(frozen=True)
class Document:
    """How one document names itself: metadata title, running head, description, and
    the marking on every page (CONCEPT, internal advice), if any."""

    soort: str
    titel: str
    kop: str
    omschrijving: str
    markering: str = ""

    def als_dict(self) -> dict[str, str]:
        """The `document` of a template context."""
        return {
            "soort": self.soort,
            "titel": self.titel,
            "kop": self.kop,
            "omschrijving": self.omschrijving,
            "markering": self.markering,
        }


def document_info(
    werkmap: Werkmap, vergadering: Vergadering, soort: str, titel: str, markering: str = ""
) -> Document:
    """'Agenda Regionaal Overleg Water 24 januari 2024' and its companions."""
    overleg = werkmap.overleg
    datum = dutch.datum_kort(vergadering.datum)
    return Document(
        soort=soort,
        titel=f"{titel} {overleg.naam} {datum}",
        kop=f"{overleg.afkorting} · {titel} {datum}",
        omschrijving=f"{titel} van de vergadering van {overleg.naam} op "
        f"{dutch.datum_lang(vergadering.datum)}",
        markering=markering,
    )


def markering(werkmap: Werkmap, vergadering: Vergadering) -> str:
    """Minutes are marked CONCEPT on every page until they are vastgesteld (in their own
    file, or by a later meeting's `vastgesteld:`)."""
    stand = verslagstand(werkmap, vergadering)
    return CONCEPT if stand is not None and not stand.vastgesteld else ""


# --- the state of the minutes: adopted, by which meeting, with which changes ---------------


@dataclass(frozen=True)
class Verslagstand:
    """Whether a meeting's minutes are adopted, as every document shows it: from their own
    `status:` or from a later meeting that adopted them (`Werkmap.vaststellingen`)."""

    status: str  # concept | vastgesteld
    vastgesteld_op: date | None
    vastgesteld_in: Vergadering | None  # the meeting of the workspace that adopted them
    wijzigingen: str | None  # with "gewijzigd": the changes
    aangehouden: tuple[date, ...]  # the meetings that postponed their adoption
    voorzitter: str | None  # who signs adopted minutes, with the secretary
    secretaris: str | None

    @property
    def vastgesteld(self) -> bool:
        """Whether the minutes are adopted."""
        return self.status == "vastgesteld"

    @property
    def regel(self) -> str:
        """The status line under the title."""
        if self.vastgesteld_in is not None:
            return (
                f"Vastgesteld in de vergadering van {dutch.datum_kort(self.vastgesteld_in.datum)}"
            )
        if self.vastgesteld:
            op = self.vastgesteld_op
            return f"Vastgesteld op {dutch.datum_kort(op)}" if op else "Vastgesteld"
        return "Concept: nog niet vastgesteld"

    @property
    def aangehouden_tekst(self) -> str:
        """'De vaststelling is aangehouden in de vergadering van 24 januari 2024.'"""
        if not self.aangehouden or self.vastgesteld:
            return ""
        data = [dutch.datum_kort(d) for d in self.aangehouden]
        genoemd = " en ".join([", ".join(data[:-1]), data[-1]] if len(data) > 1 else data)
        wat = "vergadering" if len(data) == 1 else "vergaderingen"
        return f"De vaststelling is aangehouden in de {wat} van {genoemd}."

    @property
    def aldus(self) -> str:
        """The closing line of adopted minutes."""
        if not self.vastgesteld:
            return ""
        op = self.vastgesteld_op
        return (
            f"Aldus vastgesteld in de vergadering van {dutch.datum_kort(op)}."
            if op
            else ("Aldus vastgesteld.")
        )


def verslagstand(werkmap: Werkmap, vergadering: Vergadering) -> Verslagstand | None:
    """The state of `vergadering`'s minutes (None without minutes)."""
    verslag = vergadering.verslag
    if verslag is None:
        return None
    besluiten = werkmap.vaststellingen.get(vergadering.naam, [])
    vastgesteld = next((b for b in besluiten if b.vastgesteld), None)
    aangehouden = tuple(b.door.datum for b in besluiten if not b.vastgesteld)
    if vastgesteld is not None:
        door = vastgesteld.door
        wijzigingen = vastgesteld.wijzigingen if vastgesteld.uitkomst == "gewijzigd" else None
        return Verslagstand(
            "vastgesteld",
            door.datum,
            door,
            wijzigingen,
            aangehouden,
            door.voorzitter,
            werkmap.overleg.secretaris,
        )
    op = verslag.vastgesteld_op if verslag.status == "vastgesteld" else None
    op_vergadering = next((v for v in werkmap.vergaderingen if op and v.datum == op), None)
    voorzitter = (op_vergadering or vergadering).voorzitter
    return Verslagstand(
        verslag.status, op, None, None, aangehouden, voorzitter, werkmap.overleg.secretaris
    )


@dataclass(frozen=True)
class Documenten:
    """The titles of every document of one meeting."""

    agenda: Document
    geannoteerde_agenda: Document
    verslag: Document
    lijst: Document
    pakket: Document
    bijlagen: dict[str, Document]  # a Markdown attachment rendered for the pack, by id


def documenten(werkmap: Werkmap, vergadering: Vergadering) -> Documenten:
    """The titles and properties of every document of the meeting."""
    concept = markering(werkmap, vergadering)
    return Documenten(
        agenda=document_info(werkmap, vergadering, "agenda", "Agenda"),
        geannoteerde_agenda=document_info(
            werkmap,
            vergadering,
            "geannoteerde agenda",
            "Geannoteerde agenda",
            markering=MARKERING_ANNOTATIE,
        ),
        verslag=document_info(werkmap, vergadering, "verslag", "Verslag", concept),
        lijst=document_info(werkmap, vergadering, "actie-en-besluitenlijst", TITEL_LIJST, concept),
        pakket=document_info(werkmap, vergadering, "vergaderpakket", "Vergaderpakket"),
        bijlagen={
            b.id: document_info(werkmap, vergadering, "bijlage", b.label)
            for b in vergadering.bijlagen
        },
    )


# --- the lists ----------------------------------------------------------------------------


def besluiten(vergadering: Vergadering) -> list[Regel]:
    """Besluiten and afspraken of a meeting, numbered 1, 2, 3 in minutes order."""
    if vergadering.verslag is None:
        return []
    return [regel for regel in vergadering.verslag.regels() if regel.is_besluit]


@dataclass
class Lijsten:
    """Everything the action-and-decision list of one meeting shows."""

    vergadering: Vergadering
    besluiten: list[Regel]
    acties: Actielijst
    chronologisch: list[ActieStand]  # every action on the list, oldest meeting first


def minutes_order(stand: ActieStand) -> tuple:
    """Oldest meeting first, then in the order its minutes show the actions."""
    regels = stand.vergadering.verslag.regels() if stand.vergadering.verslag else []
    position = next((i for i, r in enumerate(regels) if r is stand.regel), 0)
    return (*sort_key(stand.vergadering), position)


def lijsten(boek: Actieboek, vergadering: Vergadering) -> Lijsten:
    """What the action-and-decision list shows, actions in minutes order too."""
    acties = boek.actielijst(vergadering)
    chronologisch = sorted(acties.alle, key=minutes_order)
    return Lijsten(vergadering, besluiten(vergadering), acties, chronologisch)


# --- the advisors' notes (annotated agendas only) ------------------------------------------


@dataclass
class Notitie:
    """The advisor's note on one item, as the templates show it."""

    advies: str | None
    tekst: str | None

    @property
    def advies_kort(self) -> bool:
        """A one-paragraph advice reads as one line, "Advies: ..."; longer advice gets
        the label on a line of its own above it."""
        return one_paragraph(self.advies)


def one_paragraph(text: str | None) -> bool:
    """Whether the Markdown `text` is a single paragraph (shown inline, then)."""
    tokens = [t for t in md_parser().parse(text or "") if t.level == 0]
    return [t.type for t in tokens] == ["paragraph_open", "paragraph_close"]


@dataclass
class Notities:
    """One overlay's notes: per item id (only items with a note), per open action id."""

    per_punt: dict[str, Notitie]
    acties: dict[str, str]


def notities(annotatie: Annotatie) -> Notities:
    """The notes of one overlay, by item and by action."""
    return Notities(
        per_punt={
            punt_id: Notitie(punt.advies, punt.tekst)
            for punt_id, punt in annotatie.punten.items()
            if punt.advies or punt.tekst
        },
        acties=dict(annotatie.acties),
    )


# --- one meeting, gathered ----------------------------------------------------------------


@dataclass
class Gegevens:
    """Everything the documents of one meeting show, gathered once per build."""

    overleg: Overleg
    vergadering: Vergadering
    documenten: Documenten
    open_acties: list[ActieStand]  # the agenda's: open after the previous meeting
    bijlage_punten: dict[str, list[str]]  # attachment id -> numbers of its items ('3', '5a')
    niet_openbaar: list[str]  # 'agendapunt 4', 'Bijlage II': the internal pack's cover says so
    lijsten: Lijsten | None  # with minutes: the decisions and the actions
    voortgang: list[ActieStand]  # minutes: earlier actions open at the start, after it
    voortgang_apart: bool  # no item shows the open actions: their progress ends the minutes
    aanwezig: list[str]  # attendance as the minutes write it
    afwezig: list[str]
    annotaties: dict[str, Notities]  # by overlay name; the annotated agendas read only their own
    stand: Verslagstand | None  # with minutes: adopted or not, and by which meeting
    besloten_bijlagen: set[str]  # ids of attachments that stay out of the public edition
    planning: dict[str, Planning]  # the agenda's time column, by item id (empty: no column)


def gather(werkmap: Werkmap, vergadering: Vergadering, boek: Actieboek) -> Gegevens:
    """Gather the documents' data of `vergadering`; `boek` is the workspace's ledger."""
    verslag = vergadering.verslag
    alle_punten = vergadering.alle_punten()
    data = lijsten(boek, vergadering) if verslag is not None else None
    voortgang = (
        sorted([*data.acties.lopend, *data.acties.gesloten], key=minutes_order) if data else []
    )
    acties_punt = next((p for p in alle_punten if p.acties), None)
    niet_openbaar = [f"agendapunt {p.nummer}" for p in alle_punten if not p.openbaar]
    niet_openbaar += [b.label for b in vergadering.bijlagen if not b.openbaar]
    return Gegevens(
        overleg=werkmap.overleg,
        vergadering=vergadering,
        documenten=documenten(werkmap, vergadering),
        open_acties=boek.open_voor_agenda(vergadering),
        bijlage_punten={
            b.id: [p.nummer for p in alle_punten if b in p.bijlagen] for b in vergadering.bijlagen
        },
        niet_openbaar=niet_openbaar,
        lijsten=data,
        voortgang=voortgang,
        voortgang_apart=verslag is not None and acties_punt is None and bool(verslag.updates),
        aanwezig=[persoon_tekst(p) for p in verslag.aanwezig] if verslag else [],
        afwezig=[persoon_tekst(p) for p in verslag.afwezig] if verslag else [],
        annotaties={naam: notities(a) for naam, a in vergadering.annotaties.items()},
        stand=verslagstand(werkmap, vergadering),
        besloten_bijlagen=besloten_bijlagen(vergadering),
        planning={item.punt.id: item for item in planning(vergadering)},
    )


def besloten_bijlagen(vergadering: Vergadering) -> set[str]:
    """Attachments marked "Besloten" in the internal pack: not public themselves, or used
    only by items that are not public."""
    besloten = set()
    for bijlage in vergadering.bijlagen:
        punten = [p for p in vergadering.alle_punten() if bijlage in p.bijlagen]
        if not bijlage.openbaar or (punten and not any(p.openbaar for p in punten)):
            besloten.add(bijlage.id)
    return besloten


class Verzameling:
    """What is gathered from one workspace: its action ledger, computed once, and each
    meeting's `Gegevens`, gathered once and cached by meeting name."""

    def __init__(self, werkmap: Werkmap):
        self.werkmap = werkmap
        self.acties = Actieboek(werkmap)
        self._per_vergadering: dict[str, Gegevens] = {}

    def van(self, vergadering: Vergadering) -> Gegevens:
        """The gathered data of `vergadering` (a meeting of this workspace)."""
        if vergadering.naam not in self._per_vergadering:
            self._per_vergadering[vergadering.naam] = gather(self.werkmap, vergadering, self.acties)
        return self._per_vergadering[vergadering.naam]


# --- text helpers -------------------------------------------------------------------------


def persoon_tekst(persoon: Persoon) -> str:
    """'Hengelo (dhr. Eshuis, gemeentesecretaris)', 'Haaksbergen (m.k.)', as the seeds write it."""
    details = [d for d in (persoon.naam, persoon.functie, persoon.rol) if d]
    if persoon.kennisgeving:
        details.append("m.k.")
    if not persoon.organisatie:
        return ", ".join(details)
    return f"{persoon.organisatie} ({', '.join(details)})" if details else persoon.organisatie


def platte_tekst(text: str | None) -> str:
    """A Markdown field as one line of plain text (terminal tables, diffs)."""
    if not text:
        return ""
    lines = [str(render_inline(line.strip())) for line in str(text).splitlines() if line.strip()]
    return " ".join(unescape(TAG.sub("", line)) for line in lines)


def tabelcel(text: object) -> str:
    """Text for one cell of a Markdown table: one line, '|' escaped.

    A blank line (new paragraph) and a list item become '<br>'; any other line break a
    space, as Markdown itself would render it.
    """
    if text is None:
        return ""
    if not isinstance(text, str):
        text = dutch.termijn(text) if hasattr(text, "isoformat") else str(text)
    parts: list[str] = []
    breaking = False
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            breaking = bool(parts)
            continue
        if parts:
            parts.append("<br>" if breaking or LIST_ITEM.match(line) else " ")
        parts.append(line.replace("\\|", "|").replace("|", "\\|"))
        breaking = False
    return "".join(parts)


def termijn_tekst(stand: ActieStand) -> str:
    """'15 februari 2024', with '(verlopen)' when an open action is past its deadline."""
    text = dutch.termijn(stand.termijn)
    return f"{text} (verlopen)" if stand.te_laat else text
