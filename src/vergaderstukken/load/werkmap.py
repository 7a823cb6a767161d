"""Load and validate a whole workspace: stukken.yaml, every meeting, minutes, overlays.

Loading never stops at the first mistake: everything is read, every problem collected,
and then one `ValidationError` lists them all as `file:line: message`.
"""

from __future__ import annotations

from pathlib import Path

from ..actions import Actieboek, annotation_action_problems, validate_actions
from ..dutch import datum_kort
from ..exceptions import Problem, Problems
from ..model import Bijlage, Vergadering, Werkmap, sort_key
from ..namen import did_you_mean
from ..safe_read import werkmap_budget
from .agenda import load_vergadering
from .annotaties import Adviesmap, load_overlays
from .bijlagen import check_attachment_pdfs
from .controles import check_vergaderingen
from .mappen import Vergadermappen, scan_meetings
from .overleg import load_overleg
from .vaststelling import (
    check_vaststellingen,
    collect_vaststellingen,
    load_later,
    resolve_vaststellingen,
)
from .verslag import load_verslag


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
            f"'{bijlage.verslag}'"
            f"{did_you_mean(bijlage.verslag, [v.naam for v in werkmap.vergaderingen])}",
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
