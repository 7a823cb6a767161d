"""Build a Vergadering from agenda.yaml: numbering, ids, attachments and their files.

Every other key reaches the model through `schema.fill`; only what is computed is here."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from ..exceptions import Loc, Problems
from ..model import Agendapunt, Bijlage, Overleg, Vergadering, letter, roman, roman_value, slugify
from ..namen import did_you_mean
from ..paden import outside
from ..safe_read import MAX_MARKDOWN_BYTES, os_reason, read_text, shown
from ..schema import Record, Seq, fill, read_document

ATTACHMENT_TYPES = (".md", ".pdf")


def load_vergadering(
    folder: Path, datum: date, overleg: Overleg, problems: Problems
) -> Vergadering | None:
    """The meeting of `folder` (its agenda.yaml, numbered), or None after reporting why."""
    path = folder / "agenda.yaml"
    if not (path.is_symlink() or path.exists()):  # a folder or a bad link is read_document's
        hint = "; hernoem agenda.yml naar agenda.yaml" if (folder / "agenda.yml").is_file() else ""
        problems.error(Loc(path), f"agenda.yaml ontbreekt in deze vergadermap{hint}")
        return None
    record = read_document(path, "agenda", problems, folder.parents[1])
    if record is None:
        return None
    written = record.get("datum")
    if written and written != datum:
        problems.error(
            record.loc_of("datum"),
            f"datum {written.isoformat()} wijkt af van de mapnaam {folder.name}",
        )
    vergadering = fill(
        Vergadering,
        record,
        naam=folder.name,
        folder=folder,
        datum=datum,
        loc=Loc(path, 1),
        locatie=record.text("locatie") or overleg.locatie,
        voorzitter=record.text("voorzitter") or overleg.voorzitter,
    )
    if vergadering.volgende is not None and not vergadering.volgende.locatie:
        vergadering.volgende.locatie = overleg.locatie  # never "..., ." with an empty place
    bijlagen = _bijlagen(record.records("bijlagen"), folder, problems)
    vergadering.punten = punten(record.records("agenda"), bijlagen, problems)
    _vaststelling_bijlagen(vergadering, bijlagen)
    if "agenda" in record and not vergadering.punten:
        problems.warn(record.loc_of("agenda"), "de agenda heeft geen punten")
    vergadering.bijlagen = _number_bijlagen(vergadering, bijlagen, problems)
    return vergadering


def _bijlagen(records: Seq, folder: Path, problems: Problems) -> dict[str, Bijlage]:
    bijlagen: dict[str, Bijlage] = {}
    for rec in records:
        bijlage_id = rec.text("id")
        if bijlage_id is None:
            continue
        if bijlage_id in bijlagen:
            problems.error(
                rec.loc_of("id"),
                f"bijlage-id '{shown(bijlage_id)}' komt twee keer voor "
                f"(ook op regel {bijlagen[bijlage_id].loc.line})",
            )
            continue
        bijlage = fill(Bijlage, rec)
        bestand = rec.text("bestand")
        if bestand:
            bijlage.bestand = attachment_path(bestand, folder, rec.loc_of("bestand"), problems)
            check_markdown(bijlage, bijlage.bestand, folder, problems)
        openbaar = rec.get("openbaar")  # true/false, or the path of a redacted version
        if isinstance(openbaar, bool):
            bijlage.openbaar = openbaar
        elif openbaar:
            loc = rec.loc_of("openbaar")
            bijlage.openbaar_bestand = attachment_path(openbaar, folder, loc, problems)
            check_markdown(bijlage, bijlage.openbaar_bestand, folder, problems)
        bijlagen[bijlage_id] = bijlage
    return bijlagen


def _vaststelling_bijlagen(vergadering: Vergadering, bijlagen: dict[str, Bijlage]) -> None:
    """An item that adopts minutes (`vaststelling:`) gets them as an attachment by itself,
    unless it names a `verslag:` attachment already; an attachment of the meeting that
    names those minutes is reused. `vorige` is resolved once every meeting is loaded
    (load/vaststelling.py), which also gives the attachment its title."""
    for punt in vergadering.alle_punten():
        if punt.vaststelling is None or any(b.verslag for b in punt.bijlagen):
            continue
        naam = (
            punt.vaststelling.isoformat()
            if isinstance(punt.vaststelling, date)
            else str(punt.vaststelling)
        )
        bestaand = next((b for b in bijlagen.values() if b.verslag == naam), None)
        if bestaand is None:
            bijlage_id, teller = f"verslag-{naam}", 1
            while bijlage_id in bijlagen:
                teller += 1
                bijlage_id = f"verslag-{naam}-{teller}"
            loc = punt.locs.get("vaststelling", punt.loc)
            bestaand = Bijlage(bijlage_id, "", loc, verslag=naam, automatisch=True)
            bijlagen[bijlage_id] = bestaand
        punt.bijlagen.append(bestaand)


def attachment_path(value: str, folder: Path, loc: Loc, problems: Problems) -> Path | None:
    """Resolve an attachment path; it must stay inside the meeting folder and exist."""
    try:
        return _attachment_path(value, folder, loc, problems)
    except (OSError, ValueError) as error:  # a NUL byte ("\0" in quotes), a name too long
        problems.error(
            loc, f"bijlage '{shown(value)}' kan niet gelezen worden ({os_reason(error)})"
        )
        return None


def _attachment_path(value: str, folder: Path, loc: Loc, problems: Problems) -> Path | None:
    candidate = (folder / value).resolve()
    if Path(value).is_absolute() or outside(candidate, folder):
        problems.error(
            loc,
            f"bijlage '{shown(value)}' ligt buiten de vergadermap; "
            "zet het bestand in de map van deze vergadering",
        )
        return None
    if candidate.suffix.lower() not in ATTACHMENT_TYPES:
        problems.error(
            loc, f"bijlage '{shown(value)}': alleen .md- en .pdf-bestanden worden ondersteund"
        )
        return None
    if candidate.is_dir():
        problems.error(loc, f"bijlage '{shown(value)}' is een map, geen bestand")
        return None
    if not candidate.is_file():
        written = Path(value).parent
        nearby = [
            (written / p.name).as_posix()
            for p in (candidate.parent.glob("*") if candidate.parent.is_dir() else [])
            if p.is_file()
        ]
        hint = did_you_mean(Path(value).as_posix(), nearby)
        problems.error(loc, f"bijlage '{shown(value)}' bestaat niet{hint}")
        return None
    return candidate


def check_markdown(bijlage: Bijlage, path: Path | None, folder: Path, problems: Problems) -> None:
    """A Markdown attachment is read at build time: refuse now what the build would refuse."""
    if path is None or path.suffix.lower() != ".md":
        return
    shown_path = path.relative_to(folder.resolve()).as_posix()
    what = f"bijlage '{shown(bijlage.id)}' ({shown(shown_path)})"
    read_text(path, MAX_MARKDOWN_BYTES, problems, bijlage.loc, what)


def punten(records: Seq, bijlagen: dict[str, Bijlage], problems: Problems) -> list[Agendapunt]:
    """The items of an agenda (or of stukken.yaml's vaste_agenda), numbered 1, 2, 2a, with
    their parts numbered, their attachments resolved and their ids assigned."""
    items: list[Agendapunt] = []
    deel_nummer = 0
    for index, rec in enumerate(records, start=1):
        punt = _punt(rec, str(index), bijlagen, problems)
        if punt.deel:
            deel_nummer += 1
            punt.deel_nummer = deel_nummer
        else:
            punt.deel = None
        for sub_index, sub in enumerate(rec.records("onderdelen")):
            onderdeel = _punt(sub, f"{index}{letter(sub_index)}", bijlagen, problems)
            onderdeel.is_onderdeel = True
            punt.onderdelen.append(onderdeel)
        items.append(punt)
    _assign_ids(list(_with_records(items, records)), problems)
    return items


def _with_records(items: list[Agendapunt], records: Seq) -> Iterator[tuple[Agendapunt, Record]]:
    for punt, rec in zip(items, records, strict=True):
        yield punt, rec
        yield from zip(punt.onderdelen, rec.records("onderdelen"), strict=True)


def _punt(rec: Record, nummer: str, bijlagen: dict[str, Bijlage], problems: Problems) -> Agendapunt:
    punt = fill(Agendapunt, rec, id="", nummer=nummer)
    refs = rec.get("bijlagen") or Seq(rec.loc)
    for ref, loc in zip(refs, refs.locs, strict=True):
        bijlage = bijlagen.get(ref)
        if bijlage is None:
            problems.error(loc, f"onbekende bijlage '{shown(ref)}'{did_you_mean(ref, bijlagen)}")
        elif bijlage not in punt.bijlagen:
            punt.bijlagen.append(bijlage)
    return punt


def _assign_ids(items: list[tuple[Agendapunt, Record]], problems: Problems) -> None:
    """Explicit ids must be unique; a default slug that collides gets '-2', '-3'."""
    explicit: dict[str, Loc] = {}
    for punt, rec in items:
        written = rec.text("id")
        if written is None:
            continue
        if written in explicit:
            problems.error(
                rec.loc_of("id"),
                f"id '{shown(written)}' komt twee keer voor in deze "
                f"agenda (ook op regel {explicit[written].line})",
            )
        explicit[written] = rec.loc_of("id")
        punt.id, punt.eigen_id = written, True
        if re.fullmatch(r"\d+[a-z]*", written.lower()):
            problems.warn(
                rec.loc_of("id"),
                f"id '{shown(written)}' lijkt op een agendanummer; "
                "een verwijzing als '3' of '2b' betekent altijd het nummer",
            )
    taken = set(explicit)
    for punt, rec in items:
        if rec.text("id") is not None:
            continue
        base = slugify(punt.titel)
        candidate, counter = base, 1
        while candidate in taken:
            counter += 1
            candidate = f"{base}-{counter}"
        punt.id = candidate
        taken.add(candidate)


def _number_bijlagen(
    vergadering: Vergadering, bijlagen: dict[str, Bijlage], problems: Problems
) -> list[Bijlage]:
    """Roman numerals in order of first reference; an explicit nummer ('I-a') overrides."""
    ordered: list[Bijlage] = []
    for punt in vergadering.alle_punten():
        ordered.extend(b for b in punt.bijlagen if b not in ordered)
    for bijlage in bijlagen.values():
        if bijlage not in ordered:
            problems.warn(bijlage.loc, f"bijlage '{bijlage.id}' hoort bij geen enkel agendapunt")
            ordered.append(bijlage)
    counter = 0
    given: dict[str, Bijlage] = {}
    for bijlage in ordered:
        if bijlage.nummer:
            counter = max(counter, roman_value(bijlage.nummer))
        else:
            counter += 1
            bijlage.nummer = roman(counter)
        first = given.setdefault(bijlage.nummer, bijlage)
        if first is not bijlage:
            problems.error(
                bijlage.loc,
                f"bijlage '{bijlage.id}' krijgt nummer {bijlage.nummer}, "
                f"net als bijlage '{first.id}'; geef een ander 'nummer'",
            )
    return ordered
