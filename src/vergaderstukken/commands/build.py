"""`stukken build`: load → validate → gather → render → write.

Everything is rendered in memory first; only when every document succeeded is the
output folder replaced, in one step (uitvoer.py), so a failed build leaves the previous
one intact, and a build killed halfway is restored or finished by the next one.
`--annotatie`, `--openbaar` and `--archief` keep the other files of the folder as they are; a full
build replaces the whole folder, a public edition in openbaar/ and an archive in archief/
included, so that neither outlives the sources it was made from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..exceptions import Problem, StukkenError, display_path
from ..gather import Verzameling
from ..load.annotaties import Adviesmap, own_overlays, refuse_stale
from ..load.werkmap import Vergadermappen, load_werkmap, scan_meetings, select_meeting
from ..model import Vergadering, Werkmap
from ..render.documents import ANNOTATIE_DOCUMENTS, DOCUMENTS
from ..render.job import RenderJob
from ..uitvoer import recover, write_atomically


@dataclass
class BuildResult:
    """What a build wrote: the meeting, the output folder, its files and warnings."""

    vergadering: Vergadering
    folder: Path
    files: list[str]
    warnings: list[Problem] = field(default_factory=list)


def build(
    root: Path,
    datum: str | None = None,
    *,
    annotatie: str | None = None,
    openbaar: bool = False,
    archief: bool = False,
    output: Path | None = None,
    annotaties: Path | None = None,
) -> BuildResult:
    """Build meeting `datum`; with `annotaties` (an advisor's own folder) only the
    annotated agendas of the overlays there, into `output` (default: PAD/output/)."""
    if openbaar and annotatie is not None:
        raise StukkenError(
            "--openbaar en --annotatie gaan niet samen: annotaties zijn intern advies en "
            "komen nooit in de openbare versie"
        )
    if archief and (openbaar or annotatie is not None):
        raise StukkenError(
            "--archief gaat niet samen met --openbaar of --annotatie: het archief bevat "
            "het vastgestelde verslag, de actie- en besluitenlijst en het vergaderpakket"
        )
    if annotaties is not None and (openbaar or archief):
        raise StukkenError(
            "--annotaties maakt alleen geannoteerde agenda's; het gaat niet samen met "
            "--openbaar of --archief"
        )
    mappen = scan_meetings(root)
    naam = select_meeting(mappen, datum)
    if annotaties is not None:
        return build_advice(root, mappen, naam, annotaties, annotatie, output)
    target = (output or root / "output") / naam
    refuse_source_folders(root, target)
    recover(target)  # whatever a killed build left, before anything else reads the folder
    werkmap, warnings = load_werkmap(root, tot=naam, mappen=mappen)
    if openbaar:
        return build_public(werkmap, naam, warnings, target)
    if archief:
        return build_archive(werkmap, naam, warnings, target)
    vergadering = werkmap.vergadering(naam)
    refuse_stale(vergadering, annotatie)  # the advice of a stale key would vanish
    verzameling = Verzameling(werkmap)
    verzameling.van(vergadering)  # gather: once, before anything renders
    job = RenderJob(
        werkmap, vergadering, only_annotatie=annotatie, verzameling=verzameling, uitvoer=target
    )
    rendered = render(job)
    write_atomically(target, rendered, keep_existing=annotatie is not None)
    return BuildResult(vergadering, target, sorted(rendered), [*warnings, *job.warnings])


def build_advice(
    root: Path,
    mappen: Vergadermappen,
    naam: str,
    pad: Path,
    annotatie: str | None,
    output: Path | None,
) -> BuildResult:
    """The annotated agendas of an advisor's own folder PAD, into PAD/output/<meeting>/
    (or --uitvoer): nothing is written into the workspace, which may be read-only."""
    adviesmap = Adviesmap.open(pad)
    target = (output or adviesmap.pad / "output") / naam
    refuse_source_folders(root, target)
    source = adviesmap.folder(naam, enige=True) or adviesmap.pad
    if source.resolve().is_relative_to(target.resolve()):
        raise StukkenError(
            f"uitvoermap {display_path(target)} bevat de annotaties zelf "
            f"({display_path(source)}); kies een andere map met --uitvoer"
        )
    recover(target)
    werkmap, warnings = load_werkmap(root, tot=naam, mappen=mappen, annotaties=pad)
    vergadering = werkmap.vergadering(naam)
    vergadering.annotaties = own_overlays(vergadering, adviesmap.pad, annotatie)
    refuse_stale(vergadering)
    job = RenderJob(werkmap, vergadering)
    rendered: dict[str, bytes] = {}
    for produce in ANNOTATIE_DOCUMENTS:
        rendered.update(produce(job))
    write_atomically(target, rendered, keep_existing=annotatie is not None)
    return BuildResult(vergadering, target, sorted(rendered), [*warnings, *job.warnings])


def refuse_source_folders(root: Path, target: Path) -> None:
    """A build replaces its output folder whole, so it must never be a source folder."""
    target, root = target.resolve(), root.resolve()
    sources = [root / "meetings", root / "templates"]
    if root.is_relative_to(target) or any(target.is_relative_to(s) for s in sources):
        raise StukkenError(
            f"uitvoermap {display_path(target)} valt samen met de bronbestanden van de "
            "werkmap; kies een andere map met --uitvoer (standaard: output/)"
        )


def build_public(werkmap: Werkmap, naam: str, warnings: list[Problem], target: Path) -> BuildResult:
    """The public edition (woo/editie.py) into output/<meeting>/openbaar/."""
    from ..woo import editie as openbaar

    job = openbaar.public_job(werkmap, naam)
    rendered = openbaar.documents(job)
    files = {f"{openbaar.MAP}/{name}": data for name, data in rendered.items()}
    write_atomically(target, files, keep_existing=True, replace=openbaar.MAP)
    return BuildResult(
        job.vergadering, target / openbaar.MAP, sorted(rendered), [*warnings, *job.warnings]
    )


def build_archive(
    werkmap: Werkmap, naam: str, warnings: list[Problem], target: Path
) -> BuildResult:
    """PDF/A-2b copies (render/archief.py) into output/<meeting>/archief/."""
    from ..render import archief

    job = archief.archive_job(werkmap, werkmap.vergadering(naam))
    rendered = archief.documents(job)
    files = {f"{archief.MAP}/{name}": data for name, data in rendered.items()}
    write_atomically(target, files, keep_existing=True, replace=archief.MAP)
    return BuildResult(
        job.vergadering, target / archief.MAP, sorted(rendered), [*warnings, *job.warnings]
    )


def render(job: RenderJob) -> dict[str, bytes]:
    """Every document of the job, in memory; the pack last, from the parts made before."""
    rendered: dict[str, bytes] = {}
    for produce in ANNOTATIE_DOCUMENTS if job.only_annotatie is not None else DOCUMENTS:
        rendered.update(produce(job))
    return rendered
