"""The workspace and its meeting folders: which folder is the workspace, which folders
are meetings, and which meeting a DATUM argument means.

Apart from loading (werkmap.py), with nothing heavy imported: a build decides whether
anything changed (render/cache.py) before it loads a thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..exceptions import Loc, Problem, Problems, StukkenError
from ..namen import ISO_DATE, did_you_mean, parse_iso_date
from ..paden import outside

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


def select_meeting(mappen: Vergadermappen, datum: str | None) -> str:
    """The folder name a DATUM argument means; no argument means the latest meeting."""
    names = mappen.names
    if datum is None:
        if not names:
            raise StukkenError("er is nog geen vergadering: maak meetings/JJJJ-MM-DD/agenda.yaml")
        return names[-1]
    found = named_meeting(mappen, datum)
    if found is not None:
        return found
    if ISO_DATE.match(datum) and parse_iso_date(datum) is None:  # 2025-13-01, 2025-02-30
        raise StukkenError(f"'{datum}' is geen bestaande datum (JJJJ-MM-DD)")
    raise StukkenError(f"geen vergadering '{datum}' in meetings/{did_you_mean(datum, names)}")


def named_meeting(mappen: Vergadermappen, datum: str) -> str | None:
    """The folder DATUM names (a folder name, its date alone, or meetings/FOLDER); None
    when none does. A date that starts several folders' names names none of them, unless
    given as the folder (meetings/2024-01-24): that is said, with both ways out."""
    names = mappen.names
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
    return None
