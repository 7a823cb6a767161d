"""`stukken annotatie DATUM NAAM`: write the skeleton of an advisor's overlay.

The skeleton names every item and sub-item as a key (empty: nothing said yet), with the
title, purpose and questions as comments above it, and every open action the agenda shows
as a commented line. It passes `stukken check` as it is. Because every item is listed,
`check` can later name an item that was added to the agenda after the overlay was written.

Everything taken from the agenda goes into comments or quoted keys, so no title (quotes,
colons, '#', line separators, Unicode) can break the YAML.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import yaml

from ..actions import Actieboek
from ..dutch import datum_lang, termijn
from ..exceptions import StukkenError, display_path
from ..load.annotaties import Adviesmap, overlay_files
from ..load.mappen import scan_meetings, select_meeting
from ..load.werkmap import load_werkmap
from ..model import Agendapunt, Vergadering, Werkmap

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
WIDTH = 92  # comment lines wrap here
MAX_COMMENT = 400  # characters of one agenda text copied into a comment

INTRO = """\
# Schrijf onder een agendapunt een korte notitie, of:
#     advies: wat u adviseert (getoond als 'Advies: ...')
#     tekst: |
#       uw toelichting
# Laat een punt leeg als u er niets over zegt, maar haal het niet weg: zo weet
# 'stukken check' dat u het gezien hebt, en meldt het een agendapunt dat er later bij komt.
auteur:  # uw naam en functie, bijv. projectleider, gemeente ...
voor:  # voor wie het advies is, bijv. de bestuurder die aan tafel zit
inleiding:  # een korte begeleidende notitie bovenaan (mag leeg blijven)
"""


def annotatie(root: Path, datum: str, naam: str, pad: Path | None = None) -> Path:
    """Write the overlay skeleton of meeting `datum` as NAAM.yaml (in PAD, or else in the
    meeting's annotaties/); never over an existing file. Returns the path written."""
    if not NAME.match(naam):
        raise StukkenError(
            f"'{naam}' kan geen naam van een annotatie zijn; gebruik letters, cijfers, "
            "'-' en '_' (bijv. hellendoorn): de naam wordt de bestandsnaam"
        )
    adviesmap = Adviesmap.open(pad) if pad is not None else None
    mappen = scan_meetings(root)
    meeting = select_meeting(mappen, datum)
    werkmap, _ = load_werkmap(root, tot=meeting, mappen=mappen)
    vergadering = werkmap.vergadering(meeting)
    if vergadering is None:  # pragma: no cover - load_werkmap reports why
        raise StukkenError(f"vergadering {meeting} kon niet geladen worden")
    existing = vergadering.annotaties.get(naam)
    if existing is not None:
        raise StukkenError(
            f"annotatie '{naam}' bestaat al: {display_path(existing.bestand)}; "
            "kies een andere naam of werk dat bestand bij"
        )
    folder = _folder(vergadering, adviesmap)
    return _write_new(folder, naam, skeleton(werkmap, vergadering, naam))


def _folder(vergadering: Vergadering, adviesmap: Adviesmap | None) -> Path:
    """annotaties/ of the meeting, PAD/DATUM/, or PAD itself when PAD already holds the
    loose overlays of one meeting."""
    if adviesmap is None:
        return vergadering.folder / "annotaties"
    if not adviesmap.per_vergadering and overlay_files(adviesmap.pad):
        return adviesmap.pad
    return adviesmap.pad / vergadering.naam


def _write_new(folder: Path, naam: str, text: str) -> Path:
    path = folder / f"{naam}.yaml"
    for other in (path, path.with_suffix(".yml")):
        if other.is_symlink() or other.exists():
            raise StukkenError(
                f"{display_path(other)} bestaat al; stukken annotatie overschrijft nooit "
                "een annotatie"
            )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as file:  # "x": never over a file made meanwhile
            file.write(text)
    except FileExistsError:
        raise StukkenError(f"{display_path(path)} bestaat al") from None
    except OSError as error:
        reason = error.strerror or "onbekende fout"
        raise StukkenError(f"kan {display_path(path)} niet schrijven ({reason})") from None
    return path


def skeleton(werkmap: Werkmap, vergadering: Vergadering, naam: str) -> str:
    """The text of a new overlay for `vergadering`: valid YAML whatever the titles are."""
    overleg = werkmap.overleg.afkorting or werkmap.overleg.naam or "het overleg"
    lines = [
        *comment(
            f"Annotatie '{naam}' bij de agenda van {overleg}, {datum_lang(vergadering.datum)} "
            f"(vergadering {vergadering.naam})."
        ),
        "# Intern advies: het komt alleen in uw eigen geannoteerde agenda, nooit in de",
        "# andere stukken van de vergadering.",
        "#",
        INTRO.rstrip("\n"),
        "punten:",
    ]
    for punt in vergadering.punten:
        if punt.deel:
            lines += comment(f"--- {punt.deel} ---", "  ")
        lines += _item(punt, "  ")
        for onderdeel in punt.onderdelen:
            lines += _item(onderdeel, "  ")
    lines += _actions(werkmap, vergadering)
    return "\n".join(lines) + "\n"


def _item(punt: Agendapunt, indent: str) -> list[str]:
    indent += "  " if punt.is_onderdeel else ""
    lines = comment(f"{punt.nummer}. {punt.titel}", indent)
    hang = " " * (len(punt.nummer) + 2)  # under the title, past its number
    if punt.doel:
        lines += comment(f"Doel: {punt.doel_tekst}", indent, hang)
    for vraag in punt.vragen:
        lines += comment(f"Vraag: {vraag}", indent, hang)
    return [*lines, f"  {yaml_key(punt.id)}:"]


def _actions(werkmap: Werkmap, vergadering: Vergadering) -> list[str]:
    """The open actions as commented lines: only those the agenda shows can have a note."""
    if not any(punt.acties for punt in vergadering.alle_punten()):
        return [
            "# Deze agenda toont de openstaande acties niet, dus opmerkingen bij acties",
            "# staan er niet in.",
        ]
    standen = Actieboek(werkmap).open_voor_agenda(vergadering)
    if not standen:
        return ["# Er staan geen acties open."]
    lines = [
        "acties:",
        "  # Openstaande acties: haal het '# ' weg en schrijf uw opmerking achter de dubbele",
        "  # punt.",
    ]
    for stand in standen:
        wie = f"; {stand.regel.wie}" if stand.regel.wie else ""
        wanneer = f"; termijn {termijn(stand.termijn)}" if stand.termijn else ""
        lines += comment(f"{stand.regel.tekst} ({stand.vergadering.naam}{wie}{wanneer})", "  ")
        lines.append(f"  # {yaml_key(stand.id)}:")
    return lines


def comment(text: str, indent: str = "", hang: str = "") -> list[str]:
    """Text as YAML comment lines: one line of printable characters, wrapped.

    Every kind of line break (also U+2028, U+0085, which YAML counts as line breaks)
    becomes a space, and any other unprintable character U+FFFD, so nothing written in the
    agenda can end the comment and become YAML."""
    flat = "".join(c if c.isprintable() else "\ufffd" for c in " ".join(text.split()))
    if len(flat) > MAX_COMMENT:
        flat = flat[: MAX_COMMENT - 1] + "…"
    width = max(WIDTH - len(indent) - len(hang) - 2, 40)
    wrapped = textwrap.wrap(flat, width, break_long_words=False, break_on_hyphens=False)
    return [f"{indent}# {hang}{line}" for line in wrapped or [""]]


def yaml_key(text: str) -> str:
    """An id as a YAML mapping key that reads back as exactly that string: plain when it
    is plain, else double-quoted with every unprintable character escaped."""
    if PLAIN_KEY.match(text) and yaml.safe_load(f"{text}: x") == {text: "x"}:
        return text
    escaped = []
    for char in text:
        if char in '"\\':
            escaped.append("\\" + char)
        elif char.isprintable():
            escaped.append(char)
        elif ord(char) <= 0xFFFF:
            escaped.append(f"\\u{ord(char):04x}")
        else:
            escaped.append(f"\\U{ord(char):08x}")
    return '"' + "".join(escaped) + '"'
