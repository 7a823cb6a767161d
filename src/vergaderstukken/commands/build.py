"""`stukken build`: load → validate → gather → render → write.

Everything is rendered in memory first; only when every document succeeded is the
output folder replaced, in one step (uitvoer.py), so a failed build leaves the previous
one intact, and a build killed halfway is restored or finished by the next one.
`--annotatie`, `--openbaar` and `--archief` keep the other files of the folder as they are; a full
build replaces the whole folder, a public edition in openbaar/ and an archive in archief/
included, so that neither outlives the sources it was made from.

Speed (README "Speed"): the documents render on every core (render/pool.py), and with the
build cache (render/cache.py, output/.cache/) what did not change is not rendered again;
a full build whose inputs all stayed the same is done before anything heavy is imported,
and files read before are not parsed again (schema/leescache.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..collector import fewer_collections
from ..exceptions import Problem, StukkenError, display_path
from ..load.mappen import Vergadermappen, scan_meetings, select_meeting
from ..render import cache as bouwcache
from ..render import hergebruik, manifest
from ..uitvoer import recover, write_atomically

if TYPE_CHECKING:
    from ..model import Vergadering, Werkmap
    from ..render.job import RenderJob
    from ..render.pool import Progress
    from ..render.zetter import Zetter


@dataclass
class BuildResult:
    """What a build wrote: the meeting, the output folder, its files and warnings."""

    vergadering: Vergadering | None  # None: the previous build still stood (the cache)
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
    cache: bool = False,
    opnieuw: bool = False,
    werkers: int | None = None,
) -> BuildResult:
    """Build the documents of meeting `datum` (default: the latest) into output/DATUM.

    With `annotaties` (an advisor's own folder) only the annotated agendas of the overlays
    there, into `output` (default: PAD/output/). `cache`: use and keep output/.cache/ (the
    command line does); `opnieuw`: render everything again (and keep the new renders).
    `werkers`: processes to render in (default: one per core, up to two; render/pool.py).
    """
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
    uitvoer = output or root / "output"
    target = uitvoer / naam
    refuse_source_folders(root, target)
    recover(target)  # whatever a killed build left, before anything else reads the folder
    folder = bouwcache.cache_folder(uitvoer)
    if cache:
        bouwcache.remember_hashes(folder)  # the files of a long history looked at, not read
    full = not (openbaar or archief or annotatie is not None)
    key, zonder = hergebruik.keys(root, naam) if cache and full else (None, None)
    if key is not None and not opnieuw:
        vorige = manifest.previous_build(folder, naam, key, target)
        if vorige is not None:  # nothing changed: nothing to load, render or write
            bouwcache.keep_hashes(folder)
            return BuildResult(None, target, vorige.files, vorige.warnings)
    staand = None  # with only overlays changed: the other documents as they stand
    if zonder is not None and not opnieuw:
        staand = hergebruik.previous_documents(folder, naam, zonder, target)
    # the typesetters start before the loading is even imported: one for only annotated
    # agendas (--openbaar and --archief never go with --annotatie) and for the archive's
    # copies (made one after the other), one per worker else
    few = staand is not None or annotatie is not None or archief
    zetter = typesetter(werkers, few)
    from ..load.annotaties import refuse_stale
    from ..load.werkmap import load_werkmap
    from ..schema import leescache, leescache_in

    store = bouwcache.Bouwcache(folder, lezen=not opnieuw) if cache else None
    gelezen = (
        leescache_in(folder, bouwcache.package_digest(), bouwcache.known_hash) if cache else None
    )
    try:
        with fewer_collections():
            with leescache.gebruikt(gelezen):
                werkmap, warnings = load_werkmap(root, tot=naam, mappen=mappen)
            if openbaar:
                return build_public(werkmap, naam, warnings, target, store, zetter, werkers)
            if archief:
                return build_archive(werkmap, naam, warnings, target, store, zetter)
            vergadering = werkmap.vergadering(naam)
            refuse_stale(vergadering, annotatie)  # the advice of a stale key would vanish
            job = gathered_job(werkmap, vergadering, annotatie, store, target)
            job.zetter = zetter
            rendered = render(job, werkers=werkers, alleen_annotaties=staand is not None)
    finally:
        if zetter is not None:
            zetter.stop()
    if staand is not None:
        rendered = {**staand.files, **rendered}
        if store is not None:
            store.gelezen.update(staand.gelezen)
    write_atomically(target, rendered, keep_existing=annotatie is not None)
    result = BuildResult(job.vergadering, target, sorted(rendered), [*warnings, *job.warnings])
    if store is not None:
        store.flush()
    if gelezen is not None:
        gelezen.flush()
    if key is not None and store is not None:
        extra = {hergebruik.KEY: zonder, hergebruik.RENDER_WARNINGS: len(job.warnings)}
        manifest.remember_build(
            folder, naam, key, target, result.files, result.warnings, store.gelezen, extra
        )
    if cache:
        bouwcache.keep_hashes(folder)
    return result


def typesetter(werkers: int | None, few: bool) -> Zetter | None:
    """WeasyPrint imported in processes of their own while this one loads the workspace
    (render/zetter.py): one to lay out a `few` documents, else one per worker; None with
    one core."""
    from ..render import pool
    from ..render.zetter import Zetter

    count = pool.workers(werkers)
    return Zetter.start(1 if few else count) if count > 1 else None


def gathered_job(
    werkmap: Werkmap,
    vergadering: Vergadering,
    annotatie: str | None,
    store: bouwcache.Bouwcache | None,
    target: Path,
) -> RenderJob:
    """The build's RenderJob, its meeting gathered: once, before anything renders;
    `target` is the folder it replaces (the calendar keeps its SEQUENCE from there)."""
    from ..gather import Verzameling
    from ..render.job import RenderJob

    verzameling = Verzameling(werkmap)
    verzameling.van(vergadering)
    return RenderJob(
        werkmap,
        vergadering,
        only_annotatie=annotatie,
        verzameling=verzameling,
        cache=store,
        uitvoer=target,
    )


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
    from ..load.annotaties import Adviesmap, own_overlays, refuse_stale
    from ..load.werkmap import load_werkmap

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
    from ..render.documents import ANNOTATIE_DOCUMENTS
    from ..render.job import RenderJob

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


def build_public(
    werkmap: Werkmap,
    naam: str,
    warnings: list[Problem],
    target: Path,
    store: bouwcache.Bouwcache | None = None,
    zetter: Zetter | None = None,
    werkers: int | None = None,
) -> BuildResult:
    """The public edition (woo/editie.py) into output/<meeting>/openbaar/, rendered on
    `werkers` cores, laid out by the `zetter` if there is one."""
    from ..woo import editie as openbaar

    job = openbaar.public_job(werkmap, naam)
    job.met_cache(store)
    job.zetter = zetter
    rendered = openbaar.documents(job, werkers=werkers)
    return write_edition(job, rendered, openbaar.MAP, target, store, warnings)


def build_archive(
    werkmap: Werkmap,
    naam: str,
    warnings: list[Problem],
    target: Path,
    store: bouwcache.Bouwcache | None = None,
    zetter: Zetter | None = None,
) -> BuildResult:
    """PDF/A-2b copies (render/archief.py) into output/<meeting>/archief/, laid out by
    the `zetter` if there is one."""
    from ..render import archief

    job = archief.archive_job(werkmap, werkmap.vergadering(naam))
    job.met_cache(store)
    job.zetter = zetter
    return write_edition(job, archief.documents(job), archief.MAP, target, store, warnings)


def write_edition(
    job: RenderJob,
    rendered: dict[str, bytes],
    folder: str,
    target: Path,
    store: bouwcache.Bouwcache | None,
    warnings: list[Problem],
) -> BuildResult:
    """Write an edition (openbaar/, archief/) into output/<meeting>/, whose other files stay."""
    files = {f"{folder}/{name}": data for name, data in rendered.items()}
    write_atomically(target, files, keep_existing=True, replace=folder)
    if store is not None:
        store.flush()
    return BuildResult(
        job.vergadering, target / folder, sorted(rendered), [*warnings, *job.warnings]
    )


def render(
    job: RenderJob,
    *,
    werkers: int | None = None,
    voortgang: Progress | None = None,
    alleen_annotaties: bool = False,
) -> dict[str, bytes]:
    """Every document of the job, in memory, on every core (render/pool.py); the pack
    last, from the parts made before. Progress goes to standard error (voortgang.py).
    `alleen_annotaties`: only the annotated agendas (render/hergebruik.py)."""
    from ..render import pool
    from ..render.documents import ANNOTATIE_DOCUMENTS, DOCUMENTS, plan
    from .voortgang import Voortgang

    alleen_annotaties = alleen_annotaties or job.only_annotatie is not None
    documents = ANNOTATIE_DOCUMENTS if alleen_annotaties else DOCUMENTS
    taken, samengesteld = plan(job, documents)
    meter = None if voortgang is not None else Voortgang.voor(len(taken) + len(samengesteld))
    try:
        return pool.render(job, taken, samengesteld, werkers=werkers, voortgang=voortgang or meter)
    finally:
        if meter is not None:
            meter.klaar()
