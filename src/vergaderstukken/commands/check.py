"""`stukken check`: validate the workspace (or one meeting) and summarise it in one line."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from ..exceptions import Problem
from ..load.mappen import scan_meetings, select_meeting
from ..load.werkmap import load_werkmap
from ..model import Werkmap
from ..render import cache as bouwcache
from ..schema import leescache, leescache_in


@dataclass
class CheckResult:
    """The loaded workspace, its warnings, and the meeting checked (None: all of them)."""

    werkmap: Werkmap
    warnings: list[Problem]
    meeting: str | None

    def summary(self) -> str:
        """'In orde: 3 vergaderingen, 24 agendapunten, ...' for what was checked."""
        vergaderingen = self.werkmap.vergaderingen
        if self.meeting:
            vergaderingen = [v for v in vergaderingen if v.naam == self.meeting]
        punten = sum(len(v.alle_punten()) for v in vergaderingen)
        bijlagen = sum(len(v.bijlagen) for v in vergaderingen)
        verslagen = sum(1 for v in vergaderingen if v.verslag)
        annotaties = sum(len(v.annotaties) for v in vergaderingen)
        wat = (
            f"vergadering {self.meeting}"
            if self.meeting
            else aantal(len(vergaderingen), "vergadering", "vergaderingen")
        )
        delen = [
            wat,
            aantal(punten, "agendapunt", "agendapunten"),
            aantal(bijlagen, "bijlage", "bijlagen"),
            aantal(verslagen, "verslag", "verslagen"),
            aantal(annotaties, "annotatie", "annotaties"),
        ]
        if self.warnings:
            delen.append(aantal(len(self.warnings), "waarschuwing", "waarschuwingen"))
        return f"In orde: {', '.join(delen)}."


def aantal(count: int, enkelvoud: str, meervoud: str) -> str:
    """'1 bijlage', '2 bijlagen'."""
    return f"{count} {enkelvoud if count == 1 else meervoud}"


def check(
    root: Path,
    datum: str | None = None,
    annotaties: Path | None = None,
    *,
    cache: bool = False,
) -> CheckResult:
    """Validate the workspace (up to meeting `datum`), with the overlays of an advisor's
    own folder `annotaties` beside those in annotaties/. `cache`: read the files through
    the cache of files read before in output/.cache/ and keep it (the command line does,
    as `stukken build` does: schema/leescache.py)."""
    mappen = scan_meetings(root)
    meeting = select_meeting(mappen, datum) if datum else None
    gelezen = None
    folder = bouwcache.cache_folder(root / "output")
    if cache:
        bouwcache.remember_hashes(folder)
        gelezen = leescache_in(folder, bouwcache.package_digest(), bouwcache.known_hash)
    with leescache.gebruikt(gelezen):
        werkmap, warnings = load_werkmap(root, tot=meeting, mappen=mappen, annotaties=annotaties)
    if gelezen is not None:  # only after a check without errors, as after a build
        gelezen.flush()
        bouwcache.keep_hashes(folder)
        if folder.is_dir():
            with suppress(OSError):  # a read-only output folder costs speed, never the check
                bouwcache.ignore_all(folder)
    return CheckResult(werkmap, warnings, meeting)
