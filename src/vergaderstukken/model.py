"""The domain, in the users' words: Vergadering, Agendapunt, Bijlage, Verslag, Regel, Actie.

These are built by `load/` from validated records: `schema.fill` copies every declared
key into the field of the same name (the declarations in `schema/__init__.py` name the
model each mapping fills), and the loaders add what they compute. Numbering (items 1, 2,
2a; attachments I, II; action ids <datum>.<n>) is derived once, so every document shows
the same numbers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .exceptions import Loc, Problem

ROMAN = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]


def roman(number: int) -> str:
    """1 -> 'I', 4 -> 'IV', 14 -> 'XIV' (attachment numerals)."""
    result = ""
    for value, letters in ROMAN:
        while number >= value:
            result += letters
            number -= value
    return result


def roman_value(text: str) -> int:
    """The value of a leading Roman numeral ('I-a' -> 1, 'IV' -> 4), 0 when there is none."""
    match = re.match(r"^[IVXLCDM]+", text)
    if not match:
        return 0
    values = {letters: value for value, letters in ROMAN if len(letters) == 1}
    total, previous = 0, 0
    for letter in reversed(match[0]):
        value = values[letter]
        total += -value if value < previous else value
        previous = max(previous, value)
    return total


def slugify(text: str) -> str:
    """An id made of the text: lower case ASCII words joined by '-' ('punt' when none)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "punt"


def letter(index: int) -> str:
    """0 -> 'a', 25 -> 'z', 26 -> 'aa'."""
    return letter(index // 26 - 1) + chr(97 + index % 26) if index >= 26 else chr(97 + index)


@dataclass
class Lid:
    """An organisation at the table, possibly with its representative."""

    organisatie: str
    naam: str | None = None
    functie: str | None = None
    email: str | None = None  # receives the invitation


@dataclass
class Smtp:
    """The mail server the pack is sent through."""

    host: str
    poort: int = 587
    starttls: bool = True
    gebruiker: str | None = None  # the password comes from STUKKEN_SMTP_WACHTWOORD


@dataclass
class Verzending:
    """How the pack is sent: addresses as written, 'Naam <adres>' or a bare address."""

    van: str | None = None
    aan: list[str] = field(default_factory=list)  # empty: every lid with an email
    cc: list[str] = field(default_factory=list)
    max_mb: int = 10  # larger packs are announced, not attached
    smtp: Smtp | None = None


@dataclass
class Overleg:
    """The committee: its name, members, fixed agenda items and sending settings."""

    naam: str
    afkorting: str
    organisatie: str | None = None
    secretariaat: str | None = None
    voorzitter: str | None = None
    locatie: str | None = None
    tijdzone: str = "Europe/Amsterdam"
    secretaris: str | None = None
    leden: list[Lid] = field(default_factory=list)
    lakken: list[tuple[str, str]] = field(default_factory=list)  # (tekst, grond)
    vaste_agenda: list[Agendapunt] = field(default_factory=list)  # numbered as an agenda
    verzending: Verzending | None = None


@dataclass
class Bijlage:
    """An attachment of a meeting: a file, or the minutes of another meeting."""

    id: str
    titel: str
    loc: Loc
    bestand: Path | None = None  # absolute path inside the meeting folder
    verslag: str | None = None  # meeting folder name whose minutes form this attachment
    openbaar: bool = True
    openbaar_bestand: Path | None = None
    nummer: str = ""
    automatisch: bool = False  # added by an item's `vaststelling:`, not written in bijlagen:
    locs: dict[str, Loc] = field(default_factory=dict)  # the line of each key written

    @property
    def soort(self) -> str:
        """'verslag', 'pdf' or 'markdown': how the attachment is rendered."""
        if self.verslag:
            return "verslag"
        return "pdf" if self.bestand and self.bestand.suffix.lower() == ".pdf" else "markdown"

    @property
    def label(self) -> str:
        """'Bijlage II', as the documents name it."""
        return f"Bijlage {self.nummer}"


@dataclass
class Agendapunt:
    """One agenda item (or sub-item), numbered as the agenda shows it."""

    id: str
    nummer: str  # "4", or "7a" for a sub-item
    titel: str
    loc: Loc
    doel: str | None = None
    openbaar: bool = True
    toelichting: str | None = None
    vragen: list[str] = field(default_factory=list)
    bijlagen: list[Bijlage] = field(default_factory=list)
    acties: bool = False
    deel: str | None = None
    deel_nummer: int | None = None
    onderdelen: list[Agendapunt] = field(default_factory=list)
    vaststelling: date | str | None = None  # the meeting whose minutes it adopts, or "vorige"
    tijd: str | None = None  # planned start, "HH:MM"
    duur: int | None = None  # planned minutes
    inleider: str | None = None
    vaststelt: str | None = None  # the folder name `vaststelling` resolves to (set by load)
    is_onderdeel: bool = False
    eigen_id: bool = False  # the id was written in agenda.yaml, not derived from the title
    locs: dict[str, Loc] = field(default_factory=dict)  # the line of each key written
    vragen_locs: list[Loc] = field(default_factory=list)  # the line of each question

    @property
    def letter(self) -> str:
        """The sub-item letter of the number ('a' of '7a'; '' for a main item)."""
        return self.nummer.lstrip("0123456789")

    @property
    def doel_tekst(self) -> str:
        """'ter besluitvorming', or '' without a purpose."""
        return f"ter {self.doel}" if self.doel else ""


@dataclass
class Volgende:
    """The next meeting, as announced at the end of the agenda."""

    datum: date
    tijd: tuple[str, ...] | None = None
    locatie: str | None = None


@dataclass
class Persoon:
    """Someone present or absent at a meeting, by organisation."""

    organisatie: str
    naam: str | None = None
    functie: str | None = None
    rol: str | None = None
    kennisgeving: bool = False


@dataclass
class Regel:
    """One B/K/A entry of the minutes."""

    soort: str  # besluit | knelpunt | actie | afspraak | toezegging
    tekst: str
    punt: Agendapunt
    loc: Loc
    toelichting: str | None = None
    wie: str | None = None
    termijn: date | str | None = None
    id: str | None = None  # actions and toezeggingen only, always set after loading
    besluitnummer: int | None = None  # besluiten and afspraken, 1, 2, 3 per meeting
    locs: dict[str, Loc] = field(default_factory=dict)  # the line of each key written

    @property
    def letter(self) -> str:
        """The letter (or word) the minutes show for this kind: B, K, A, ..."""
        return {
            "besluit": "B",
            "knelpunt": "K",
            "actie": "A",
            "afspraak": "Afspraak",
            "toezegging": "Toezegging",
        }[self.soort]

    @property
    def is_actie(self) -> bool:
        """Whether this entry is followed up on the action list."""
        return self.soort in ("actie", "toezegging")

    @property
    def is_besluit(self) -> bool:
        """Whether this entry goes on the decision list, numbered."""
        return self.soort in ("besluit", "afspraak")


@dataclass
class VerslagPunt:
    """The minutes of one agenda item: its text and B/K/A entries."""

    punt: Agendapunt
    tekst: str | None = None
    regels: list[Regel] = field(default_factory=list)
    vastgesteld: str | None = None  # ongewijzigd | gewijzigd | aangehouden (a vaststelling)
    wijzigingen: str | None = None  # with "gewijzigd": the changes
    locs: dict[str, Loc] = field(default_factory=dict)  # the line of each key written


@dataclass
class ActieUpdate:
    """A change of an earlier action's state, recorded in these minutes."""

    actie_id: str
    loc: Loc
    status: str | None = None
    toelichting: str | None = None
    termijn: date | str | None = None
    locs: dict[str, Loc] = field(default_factory=dict)  # the line of each key written


@dataclass
class Verslag:
    """The minutes of a meeting (verslag.yaml)."""

    loc: Loc
    status: str = "concept"
    vastgesteld_op: date | None = None
    notulist: str | None = None
    aanwezig: list[Persoon] = field(default_factory=list)
    afwezig: list[Persoon] = field(default_factory=list)
    punten: dict[str, VerslagPunt] = field(default_factory=dict)  # by item id
    updates: list[ActieUpdate] = field(default_factory=list)
    locs: dict[str, Loc] = field(default_factory=dict)  # the line of each key written
    aanwezig_locs: list[Loc] = field(default_factory=list)  # the line of each attendee
    afwezig_locs: list[Loc] = field(default_factory=list)

    def regels(self) -> list[Regel]:
        """Every entry in the order the minutes show them (agenda order, entry order)."""
        return [regel for punt in self.punten.values() for regel in punt.regels]


@dataclass
class AnnotatiePunt:
    """An advisor's note on one agenda item."""

    punt: Agendapunt
    loc: Loc
    advies: str | None = None
    tekst: str | None = None
    locs: dict[str, Loc] = field(default_factory=dict)  # the line of each key written


@dataclass
class Annotatie:
    """One annotation file: an advisor's notes on the agenda and open actions."""

    naam: str
    bestand: Path
    auteur: str | None = None
    voor: str | None = None
    inleiding: str | None = None
    punten: dict[str, AnnotatiePunt] = field(default_factory=dict)  # by item id
    acties: dict[str, str] = field(default_factory=dict)  # action id -> note
    actie_locs: dict[str, Loc] = field(default_factory=dict)
    locs: dict[str, Loc] = field(default_factory=dict)  # the line of each key written
    extern: bool = False  # read from an advisor's own folder (--annotaties PAD)
    # Keys naming no item (any more): warnings for `check`, errors for a build of it.
    verouderd: list[Problem] = field(default_factory=list)


@dataclass
class Vergadering:
    """One meeting: its folder, agenda, attachments, minutes and annotations."""

    naam: str  # the folder name: an ISO date, possibly with a suffix
    folder: Path
    datum: date
    loc: Loc
    tijd: tuple[str, ...] | None = None
    locatie: str | None = None
    nummer: int | None = None
    voorzitter: str | None = None
    punten: list[Agendapunt] = field(default_factory=list)
    bijlagen: list[Bijlage] = field(default_factory=list)  # in numeral order
    volgende: Volgende | None = None
    verslag: Verslag | None = None
    annotaties: dict[str, Annotatie] = field(default_factory=dict)
    locs: dict[str, Loc] = field(default_factory=dict)  # the line of each key written

    def alle_punten(self) -> list[Agendapunt]:
        """Items and sub-items in agenda order."""
        return [p for punt in self.punten for p in (punt, *punt.onderdelen)]

    def item_keys(self) -> dict[str, Agendapunt]:
        """Every way an item may be named: its id and its number ('4', '5b')."""
        keys = {punt.id: punt for punt in self.alle_punten()}
        keys.update((punt.nummer, punt) for punt in self.alle_punten())  # a number always wins
        return keys

    def find_item(self, key: str) -> Agendapunt | None:
        """An item by id or number; also by the first words of its default id
        ('opening' for 'opening-vaststellen-agenda') when only one item starts so."""
        keys = self.item_keys()
        text = str(key).strip()
        if self.nummer is not None and text.startswith(f"{self.nummer}."):
            text = text[len(f"{self.nummer}.") :]  # '12.4', as the minutes number it
        found = keys.get(text) or keys.get(text.lower().replace(" ", ""))
        if found is not None:
            return found
        prefix = slugify(text) + "-"
        starting = [p for p in self.alle_punten() if not p.eigen_id and p.id.startswith(prefix)]
        return starting[0] if len(starting) == 1 else None

    def verslag_nummer(self, punt: Agendapunt) -> str:
        """The number the minutes show: '5.3' when the meeting has a sequence number."""
        return f"{self.nummer}.{punt.nummer}" if self.nummer is not None else punt.nummer


@dataclass
class Vaststelling:
    """What one meeting decided on the minutes of an earlier one: an item with
    `vaststelling:` and, in the adopting meeting's minutes, its `vastgesteld:`."""

    verslag_van: str  # the folder name of the meeting whose minutes were put up
    door: Vergadering  # the adopting meeting
    punt: Agendapunt
    uitkomst: str  # ongewijzigd | gewijzigd | aangehouden
    loc: Loc  # the line of `vastgesteld:` in the adopting meeting's verslag.yaml
    wijzigingen: str | None = None

    @property
    def vastgesteld(self) -> bool:
        """Whether the minutes were adopted (with or without changes), not postponed."""
        return self.uitkomst != "aangehouden"


@dataclass
class Werkmap:
    """The whole workspace: the committee and all its meetings."""

    root: Path
    overleg: Overleg
    vergaderingen: list[Vergadering]  # in date order
    onvolledig: set[str] = field(default_factory=set)  # meetings whose files did not load
    # per meeting folder name, every decision on its minutes, in meeting order (set by load;
    # also those of meetings after a `tot`, read for this alone)
    vaststellingen: dict[str, list[Vaststelling]] = field(default_factory=dict)
    # the meetings by folder name, made again when the list is another or grew
    _namen: tuple[int, int, dict[str, Vergadering]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def vergadering(self, naam: str) -> Vergadering | None:
        """The meeting of folder `naam`, or None."""
        lijst = self.vergaderingen
        if self._namen is None or self._namen[:2] != (id(lijst), len(lijst)):
            namen: dict[str, Vergadering] = {}
            for v in lijst:
                namen.setdefault(v.naam, v)  # the first, as a search from the start finds
            self._namen = (id(lijst), len(lijst), namen)
        return self._namen[2].get(naam)


def sort_key(vergadering: Vergadering) -> tuple[date, str, str]:
    """Meetings in time order: by date, then starting time (two on one day), then name."""
    start = vergadering.tijd[0] if vergadering.tijd else "99:99"
    return (vergadering.datum, start, vergadering.naam)
