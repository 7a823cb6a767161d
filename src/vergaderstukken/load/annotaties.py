"""The overlays of a meeting: `annotaties/` of the workspace and an advisor's own folder.

An advisor's overlay is internal advice from one municipality to its own official, so it
may live apart from the secretariat's workspace (`--annotaties PAD`): `PAD/DATUM/NAAM.yaml`
per meeting, or `PAD/NAAM.yaml` when PAD holds the overlays of one meeting only. Such a
file may not lead out of PAD, as a workspace file may not lead out of the workspace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..exceptions import Loc, Problems, StukkenError, ValidationError, display_path
from ..model import Annotatie, Vergadering
from ..namen import did_you_mean
from ..paden import outside
from .verslag import load_annotatie

MEETING_NAME = re.compile(r"^\d{4}-\d{2}-\d{2}(-[A-Za-z0-9][A-Za-z0-9_-]*)?$")


def overlay_files(folder: Path) -> list[Path]:
    """The overlay files of a folder (NAAM.yaml, NAAM.yml), hidden files left out."""
    if not folder.is_dir():
        return []
    found = (p for p in folder.glob("*.y*ml") if p.suffix in (".yaml", ".yml"))
    return sorted(p for p in found if not p.name.startswith("."))


@dataclass
class Adviesmap:
    """An advisor's own folder of overlays, given with `--annotaties PAD`."""

    pad: Path  # absolute, symbolic links resolved
    per_vergadering: bool  # PAD/DATUM/NAAM.yaml; otherwise PAD/NAAM.yaml for one meeting

    @classmethod
    def open(cls, pad: Path) -> Adviesmap:
        """The folder PAD, or a Dutch error when it is not one."""
        if not pad.exists():
            raise StukkenError(f"annotatiemap {display_path(pad)} bestaat niet")
        if not pad.is_dir():
            raise StukkenError(f"annotatiemap {display_path(pad)} is geen map")
        pad = pad.resolve()
        meetings = any(MEETING_NAME.match(p.name) and p.is_dir() for p in pad.iterdir())
        return cls(pad, per_vergadering=meetings)

    def folder(self, vergadering: str, enige: bool) -> Path | None:
        """Where the overlays of meeting `vergadering` are; `enige`: it is the meeting the
        command names, the one loose files in PAD belong to."""
        if self.per_vergadering:
            return self.pad / vergadering
        return self.pad if enige else None

    def check(self, names: list[str], tot: str | None, problems: Problems) -> None:
        """Meeting folders in PAD for meetings that do not exist, and loose files that
        belong to no meeting, are errors."""
        if not self.per_vergadering:
            if tot is None and overlay_files(self.pad):
                problems.error(
                    Loc(self.pad),
                    f"de annotaties in {display_path(self.pad)} horen bij één vergadering; "
                    "geef die vergadering (DATUM), of zet ze in een map per vergadering "
                    "(PAD/DATUM/NAAM.yaml)",
                )
            return
        for path in overlay_files(self.pad):
            problems.error(
                Loc(path),
                f"{path.name} staat los in {display_path(self.pad)}, naast mappen per "
                "vergadering; zet het in de map van zijn vergadering (PAD/DATUM/NAAM.yaml)",
            )
        for folder in sorted(p for p in self.pad.iterdir() if MEETING_NAME.match(p.name)):
            if not folder.is_dir() or folder.name in names:
                continue
            problems.error(
                Loc(folder),
                f"annotaties voor vergadering '{folder.name}', maar die staat niet in "
                f"meetings/{did_you_mean(folder.name, names)}",
            )


def load_overlays(
    vergadering: Vergadering, problems: Problems, adviesmap: Adviesmap | None, enige: bool
) -> None:
    """Fill `vergadering.annotaties` from annotaties/ and, with `adviesmap`, from PAD."""
    for path in overlay_files(vergadering.folder / "annotaties"):
        _add(vergadering, load_annotatie(path, vergadering, problems), path, problems)
    folder = adviesmap.folder(vergadering.naam, enige) if adviesmap else None
    if adviesmap is None or folder is None:
        return
    if outside(folder, adviesmap.pad):
        problems.error(Loc(folder), _outside_message(folder.name, adviesmap.pad))
        return
    for path in overlay_files(folder):
        if outside(path, adviesmap.pad):
            problems.error(Loc(path), _outside_message(path.name, adviesmap.pad))
            continue
        annotatie = load_annotatie(path, vergadering, problems, adviesmap.pad)
        if annotatie is not None:
            annotatie.extern = True
        _add(vergadering, annotatie, path, problems)


def _outside_message(name: str, pad: Path) -> str:
    return (
        f"{name} verwijst naar een bestand buiten de annotatiemap {display_path(pad)}; "
        "stukken leest alleen bestanden binnen die map"
    )


def _add(
    vergadering: Vergadering, annotatie: Annotatie | None, path: Path, problems: Problems
) -> None:
    """Add an overlay; a second one of the same name (naam.yaml next to naam.yml, or in
    both annotaties/ and PAD) is an error: both would write the same files."""
    if annotatie is None:
        return
    first = vergadering.annotaties.get(annotatie.naam)
    if first is None:
        vergadering.annotaties[annotatie.naam] = annotatie
    elif first.bestand.parent == path.parent:
        problems.error(
            Loc(path),
            f"annotatie '{annotatie.naam}' staat twee keer in "
            f"{'annotaties/' if not first.extern else display_path(path.parent)}: "
            f"{first.bestand.name} en {path.name}",
        )
    else:
        problems.error(
            Loc(path),
            f"annotatie '{annotatie.naam}' staat ook in {display_path(first.bestand)}; "
            "twee annotaties met dezelfde naam zouden dezelfde geannoteerde agenda "
            "schrijven: geef deze een andere bestandsnaam",
        )


def own_overlays(vergadering: Vergadering, pad: Path, only: str | None) -> dict[str, Annotatie]:
    """The overlays read from PAD (with `only`, just that one), to be built apart."""
    own = {n: a for n, a in sorted(vergadering.annotaties.items()) if a.extern}
    if not own:
        raise StukkenError(
            f"geen annotaties voor vergadering {vergadering.naam} in {display_path(pad)} "
            f"(verwacht: {display_path(pad / vergadering.naam)}/NAAM.yaml, of NAAM.yaml in "
            "de map zelf)"
        )
    if only is None:
        return own
    if only not in own:
        raise StukkenError(
            f"geen annotatie '{only}' bij vergadering {vergadering.naam} in "
            f"{display_path(pad)}{did_you_mean(only, own)}; er zijn: {', '.join(own)}"
        )
    return {only: own[only]}


def refuse_stale(vergadering: Vergadering, only: str | None = None) -> None:
    """The build of an annotated agenda refuses an overlay whose keys name no item (any
    more), with the messages `check` warns with: its advice would silently disappear."""
    chosen = [a for n, a in vergadering.annotaties.items() if only is None or n == only]
    stale = [problem for annotatie in chosen for problem in annotatie.verouderd]
    if stale:
        raise ValidationError(stale)
