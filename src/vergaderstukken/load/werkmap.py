"""Load and validate a whole workspace: stukken.yaml, every meeting, minutes, overlays.

Loading never stops at the first mistake: everything is read, every problem collected,
and then one `ValidationError` lists them all as `file:line: message`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..actions import Actieboek, annotation_action_problems, validate_actions
from ..dutch import datum_kort
from ..exceptions import Loc, Problem, Problems, StukkenError
from ..model import Bijlage, Vergadering, Werkmap, sort_key
from ..safe_read import outside, werkmap_budget
from ..schema.types import did_you_mean, parse_iso_date
from .agenda import load_vergadering
from .annotaties import Adviesmap, load_overlays
from .bijlagen import check_attachment_pdfs
from .controles import check_vergaderingen
from .overleg import load_overleg
from .vaststelling import (
    check_vaststellingen,
    collect_vaststellingen,
    load_later,
    resolve_vaststellingen,
)
from .verslag import load_verslag

MEETING_FOLDER = re.compile(r"^(\d{4}-\d{2}-\d{2})(-[A-Za-z0-9][A-Za-z0-9_-]*)?$")


def find_root(start: Path) -> Path:
    """The workspace is the nearest folder, from `start` upwards, holding stukken.yaml."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / "stukken.yaml").is_file():
            return folder
    if (start / "stukken.yaml").is_dir():
        raise StukkenError(f"{start / 'stukken.yaml'} is een map, geen bestand")
    raise StukkenError(
        f"geen stukken.yaml gevonden in {start} of een map daarboven; "
        "ga naar de werkmap of geef die op met --werkmap"
    )


@dataclass
class Vergadermappen:
    """The meeting folders of a workspace in date order, scanned once per command: choosing
    the meeting and loading the workspace read the same scan."""

    folders: list[tuple[Path, date]]
    errors: list[Problem] = field(default_factory=list)  # reported when the workspace loads

    @property
    def names(self) -> list[str]:
        """The folder names, in date order."""
        return [folder.name for folder, _ in self.folders]


def scan_meetings(root: Path) -> Vergadermappen:
    """Scan meetings/ once; its problems wait for `load_werkmap` to report them."""
    problems = Problems()
    folders = meeting_folders(root, problems)
    return Vergadermappen(folders, problems.errors)


def meeting_folders(root: Path, problems: Problems) -> list[tuple[Path, date]]:
    """The folders in meetings/ that name a meeting, with their dates."""
    meetings = root / "meetings"
    if not meetings.is_dir():
        problems.error(Loc(root / "stukken.yaml"), "de map meetings/ ontbreekt naast stukken.yaml")
        return []
    found = []
    for folder in sorted(p for p in meetings.iterdir() if p.is_dir() and p.name[0] != "."):
        if outside(folder, root):  # as an attachment outside its meeting folder is refused
            problems.error(
                Loc(folder),
                f"vergadermap '{folder.name}' verwijst naar een map buiten de werkmap; "
                "stukken leest alleen bestanden binnen de werkmap",
            )
            continue
        match = MEETING_FOLDER.match(folder.name)
        day = parse_iso_date(match[1]) if match else None
        if day is None:
            problems.error(
                Loc(folder),
                f"mapnaam '{folder.name}' is geen datum (JJJJ-MM-DD, "
                "eventueel met achtervoegsel zoals 2024-01-24-extra)",
            )
            continue
        found.append((folder, day))
    return sorted(found, key=lambda pair: (pair[1], pair[0].name))


def load_werkmap(
    root: Path,
    tot: str | None = None,
    *,
    mappen: Vergadermappen | None = None,
    annotaties: Path | None = None,
) -> tuple[Werkmap, list[Problem]]:
    """Load the workspace (up to and including meeting `tot`); return it with its warnings.

    `mappen` is the command's scan of meetings/ (`scan_meetings`), scanned here if not given.
    `annotaties` is an advisor's own folder of overlays, read beside annotaties/.
    """
    adviesmap = Adviesmap.open(annotaties) if annotaties is not None else None
    with werkmap_budget():  # hostile YAML costs seconds, never minutes
        return _load_workspace(root, tot, mappen, adviesmap)


def _load_workspace(
    root: Path, tot: str | None, mappen: Vergadermappen | None, adviesmap: Adviesmap | None
) -> tuple[Werkmap, list[Problem]]:
    problems = Problems()
    overleg = load_overleg(root, problems)
    mappen = mappen or scan_meetings(root)
    problems.errors.extend(mappen.errors)
    if adviesmap is not None:
        adviesmap.check(mappen.names, tot, problems)
    all_folders = mappen.folders
    day = next((d for f, d in all_folders if f.name == tot), None)
    folders = [(f, d) for f, d in all_folders if day is None or d <= day]
    loaded = {f.name: load_vergadering(f, d, overleg, problems) for f, d in folders}
    vergaderingen = sorted((v for v in loaded.values() if v is not None), key=sort_key)
    if tot in loaded and loaded[tot] is not None:  # same-day meetings after it do not count
        vergaderingen = [v for v in vergaderingen if sort_key(v) <= sort_key(loaded[tot])]
    werkmap = Werkmap(root, overleg, vergaderingen)
    werkmap.onvolledig = {name for name, v in loaded.items() if v is None}
    later = {f.name for f, _ in all_folders} - {v.naam for v in vergaderingen}
    resolve_vaststellingen(werkmap, problems, later)  # before the minutes: they record it
    for vergadering in vergaderingen:
        if _exists(vergadering.folder / "verslag.yaml"):  # a folder there is reported
            vergadering.verslag = load_verslag(vergadering, problems)
            if vergadering.verslag is None:
                werkmap.onvolledig.add(vergadering.naam)
        load_overlays(vergadering, problems, adviesmap, enige=vergadering.naam == tot)
        check_attachment_pdfs(vergadering, problems)
    _resolve_verslag_bijlagen(werkmap, problems, later)
    na_tot = load_later(
        werkmap, [(f, d) for f, d in all_folders if f.name in later - werkmap.onvolledig], overleg
    )
    collect_vaststellingen(werkmap, [*vergaderingen, *na_tot])
    check_vaststellingen(werkmap, problems, na_tot)
    check_vergaderingen(werkmap, problems)
    validate_actions(werkmap, problems)
    if not werkmap.onvolledig:  # otherwise an action may exist in the file that failed
        boek = Actieboek(werkmap)
        for vergadering in vergaderingen:
            annotation_action_problems(boek, vergadering, problems)
    problems.raise_if_any()
    return werkmap, sorted(set(problems.warnings))


def _resolve_verslag_bijlagen(werkmap: Werkmap, problems: Problems, later: set[str]) -> None:
    """The one place a `verslag: DATUM` attachment gets its final values: the folder name
    of the meeting whose minutes it is, and the contract's default title ('Verslag TRA 13
    december 2023'). The agenda loader cannot give them: which meeting DATUM names, and
    whether it comes earlier, is known only once every agenda is loaded. After this the
    model is not changed again."""
    for vergadering in werkmap.vergaderingen:
        for bijlage in vergadering.bijlagen:
            if not bijlage.verslag or bijlage.automatisch:  # load/vaststelling.py resolves it
                continue
            bron = _verslag_bron(werkmap, vergadering, bijlage, problems, later)
            if bron is not None:
                bijlage.verslag = bron.naam
                if not bijlage.titel:
                    bijlage.titel = f"Verslag {werkmap.overleg.afkorting} {datum_kort(bron.datum)}"


def _verslag_bron(
    werkmap: Werkmap,
    vergadering: Vergadering,
    bijlage: Bijlage,
    problems: Problems,
    later: set[str],
) -> Vergadering | None:
    """The earlier meeting with minutes a `verslag: DATUM` attachment names, or None
    (with the error reported)."""
    bron = find_meeting(werkmap, bijlage.verslag)
    names = [v.naam for v in werkmap.vergaderingen]
    if bron is None and _names_meeting(bijlage.verslag, werkmap.onvolledig):
        return None  # that meeting's own error is reported already
    if bron is None and _names_meeting(bijlage.verslag, later):
        problems.error(
            bijlage.loc,
            f"bijlage '{bijlage.id}': het verslag van "
            f"{bijlage.verslag} kan pas na die vergadering bijgevoegd worden",
        )
    elif bron is None:
        problems.error(
            bijlage.loc,
            f"bijlage '{bijlage.id}': geen vergadering "
            f"'{bijlage.verslag}'{did_you_mean(bijlage.verslag, names)}",
        )
    elif sort_key(bron) >= sort_key(vergadering):
        problems.error(
            bijlage.loc,
            f"bijlage '{bijlage.id}': het verslag van "
            f"{bron.naam} kan pas na die vergadering bijgevoegd worden",
        )
    elif not (bron.folder / "verslag.yaml").is_file():
        problems.error(
            bijlage.loc,
            f"bijlage '{bijlage.id}': vergadering {bron.naam} heeft (nog) geen verslag.yaml",
        )
    else:
        return bron
    return None


def _names_meeting(name: str, folders: set[str]) -> bool:
    return name in folders or any(f.startswith(f"{name}-") for f in folders)


def _exists(path: Path) -> bool:
    """Whether anything is at `path`: a file, a folder, or a link that leads nowhere."""
    return path.is_symlink() or path.exists()


def find_meeting(werkmap: Werkmap, name: str) -> Vergadering | None:
    """The meeting of folder `name`, or the only one whose folder starts with it."""
    exact = werkmap.vergadering(name)
    if exact is not None:
        return exact
    same_day = [v for v in werkmap.vergaderingen if v.naam.startswith(name)]
    return same_day[0] if len(same_day) == 1 else None


def select_meeting(mappen: Vergadermappen, datum: str | None) -> str:
    """The folder name a DATUM argument means; no argument means the latest meeting."""
    names = mappen.names
    if datum is None:
        if not names:
            raise StukkenError("er is nog geen vergadering: maak meetings/JJJJ-MM-DD/agenda.yaml")
        return names[-1]
    wanted = Path(datum).name  # accept meetings/2024-01-24 as well
    matches = [n for n in names if n == wanted or n.startswith(wanted + "-")]
    if wanted in names and (wanted != datum or len(matches) == 1):
        return wanted
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise StukkenError(
            f"{datum} noemt meer dan één vergadering: {', '.join(matches)}; "
            f"geef de volledige mapnaam (bijv. {matches[-1]}, of meetings/{matches[0]})"
        )
    raise StukkenError(f"geen vergadering '{datum}' in meetings/{did_you_mean(datum, names)}")
