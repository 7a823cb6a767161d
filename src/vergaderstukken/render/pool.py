"""Render a build's documents on every core, with the same bytes as one after the other.

The documents of a build do not depend on each other, except the ones put together from
the parts of the others (the meeting pack). So the build runs in two steps: the documents
and the parts those need (`Taak`s) in a pool of worker processes, then the composed
documents in this process, from the parts the workers sent back.

Workers are forked from this process after the workspace is loaded and gathered (and,
without typesetters, render/zetter.py, after WeasyPrint is imported): they start with
all of it, nothing is pickled but the results (file bytes, parts, warnings). The results
are merged in the order of the tasks, never in the order they finish, and warnings are
merged as one process would have collected them (each once, in task order), so output
and messages do not depend on which worker was quicker. A task that fails in a worker is
run again here, so its error is raised exactly as it would be without the pool.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from ..collector import fewer_collections
from ..exceptions import Problem
from .cache import Onderdeel
from .vorken import fork_safe

if TYPE_CHECKING:  # not imported here: the typesetter is started before them (zetter.py)
    from concurrent.futures import Future

    from .job import RenderJob

#: the most worker processes a build starts (the machines this runs on have two to four
#: cores; more workers than documents worth a process gain nothing)
MAX_WORKERS = 2
#: environment variable that sets the number of workers; 1 renders in this process
WORKERS_ENV = "STUKKEN_PROCESSEN"

Produce = Callable[["RenderJob"], dict[str, bytes]]
T = TypeVar("T")
R = TypeVar("R")
Progress = Callable[[str], None]


@dataclass(frozen=True)
class Taak:
    """One unit of work for a worker: a document (its files) or a part for later."""

    naam: str  # what the progress display shows
    doe: Produce
    vooraf: bool = False  # makes parts a composed document takes: started first
    # a composed document's heavy imports, made here while the workers render (once they
    # are forked: they never need them)
    voorbereiden: Callable[[], None] | None = None


@dataclass
class Uitkomst:
    """What a task produced, sent back from a worker."""

    files: dict[str, bytes]
    parts: dict[str, bytes]
    warnings: list[Problem]
    gelezen: dict[str, str]  # the files its cached renders read (cache.py)
    entries: dict[str, Onderdeel]  # new cache entries, stored by the parent (cache.Bouwcache)
    compiled: dict[str, bytes]  # templates it compiled, likewise


def workers(wanted: int | None = None) -> int:
    """How many worker processes to use: `wanted`, else $STUKKEN_PROCESSEN, else one per
    core up to MAX_WORKERS; 1 (no pool) where processes cannot be forked safely."""
    if wanted is None:
        try:
            wanted = int(os.environ.get(WORKERS_ENV, "0")) or None
        except ValueError:
            wanted = None
    if wanted is None:
        wanted = min(MAX_WORKERS, os.cpu_count() or 1)
    return max(1, wanted) if fork_safe() else 1


def render(
    job: RenderJob,
    taken: Sequence[Taak],
    samengesteld: Sequence[Taak],
    *,
    werkers: int | None = None,
    voortgang: Progress | None = None,
) -> dict[str, bytes]:
    """Every file of the build: the tasks (in a pool when `werkers` > 1), then the
    composed documents, in this process."""
    count = workers(werkers)
    with fewer_collections():
        if count > 1 and len(taken) > 1:
            return in_pool(job, taken, samengesteld, min(count, len(taken)), voortgang)
        uitkomsten = [in_this_process(job, taak, voortgang) for taak in taken]
        return merged(job, uitkomsten, samengesteld, voortgang)


def merged(
    job: RenderJob,
    uitkomsten: Sequence[Uitkomst],
    samengesteld: Sequence[Taak],
    voortgang: Progress | None,
) -> dict[str, bytes]:
    """The tasks' files, parts, warnings and cache entries in task order, then the
    composed documents made from them."""
    rendered: dict[str, bytes] = {}
    for uitkomst in uitkomsten:
        rendered.update(uitkomst.files)
        for key, data in uitkomst.parts.items():
            job.parts.setdefault(key, data)
        for problem in uitkomst.warnings:
            if problem not in job.warnings:
                job.warnings.append(problem)
        if job.cache is not None:
            job.cache.gelezen.update(uitkomst.gelezen)
            job.cache.pending.update(uitkomst.entries)
            job.cache.compiled.update(uitkomst.compiled)
    for taak in samengesteld:
        rendered.update(taak.doe(job))
        if voortgang is not None:
            voortgang(taak.naam)
    return rendered


def in_this_process(job: RenderJob, taak: Taak, voortgang: Progress | None) -> Uitkomst:
    """A task run here: its files, and the parts and warnings it added to the job."""
    parts, warned = set(job.parts), len(job.warnings)
    gelezen = set(job.cache.gelezen) if job.cache is not None else set()
    files = taak.doe(job)
    if voortgang is not None:
        voortgang(taak.naam)
    new_parts = {key: data for key, data in job.parts.items() if key not in parts}
    cache = job.cache
    read = cache.gelezen if cache is not None else {}
    new_read = {path: digest for path, digest in read.items() if path not in gelezen}
    entries: dict[str, Onderdeel] = dict(cache.pending) if cache is not None else {}
    compiled = dict(cache.compiled) if cache is not None else {}
    if cache is not None:  # handed over with this result, so not sent twice
        cache.pending.clear()
        cache.compiled.clear()
    return Uitkomst(files, new_parts, job.warnings[warned:], new_read, entries, compiled)


# The job and tasks a forked worker runs: set before the pool forks, so a worker finds
# them in its copy of this module and only a task's index crosses to it.
_WORK: list[tuple[RenderJob, Sequence[Taak]]] = []


def _second_to_the_typesetter() -> None:
    """In a worker beside the typesetter: its layout is what the build waits for, so the
    workers (an HTML to render, a Word file) give it the core first."""
    with suppress(OSError):
        os.nice(5)


def _run(index: int) -> Uitkomst | None:
    """In a worker: run task `index` on its copy of the job; None if it failed (the
    parent runs it again itself, to raise the error as a serial build would)."""
    job, taken = _WORK[0]
    try:
        return in_this_process(job, taken[index], None)
    except Exception:  # reported by the parent's own run of the task
        return None


def in_pool(
    job: RenderJob,
    taken: Sequence[Taak],
    samengesteld: Sequence[Taak],
    count: int,
    voortgang: Progress | None,
) -> dict[str, bytes]:
    """The tasks in `count` forked workers, the parts for the composed documents first;
    the composed documents here, as soon as those parts are in, while the workers go on
    with the rest. Files, warnings and errors come out as in a serial build."""
    from concurrent.futures import ProcessPoolExecutor

    from .engines import laden

    if job.zetter is None:  # else the typesetter lays out the PDFs (zetter.py)
        laden.weasyprint()  # imported once, here, and inherited by every worker
    gc.freeze()  # with its modules out of the collector's sight (fewer_collections)

    _WORK[:] = [(job, taken)]
    first = sorted(range(len(taken)), key=lambda index: not taken[index].vooraf)
    pool = ProcessPoolExecutor(
        max_workers=count,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_second_to_the_typesetter if job.zetter is not None else None,
    )
    try:
        futures = {index: pool.submit(_run, index) for index in first}
        for taak in samengesteld:
            if taak.voorbereiden is not None:
                taak.voorbereiden()
        if voortgang is not None:
            for index, future in futures.items():
                future.add_done_callback(_tell(voortgang, taken[index].naam))
        needed = [futures[index] for index in first if taken[index].vooraf]
        vroeg = composed_early(job, needed, samengesteld, voortgang)
        results = [_result(futures[index]) for index in range(len(taken))]
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _WORK.clear()
    uitkomsten = [  # a failed task runs again here: the first failure raises, in task order
        result if result is not None else in_this_process(job, taak, None)
        for taak, result in zip(taken, results, strict=True)
    ]
    if vroeg is None:
        return merged(job, uitkomsten, samengesteld, voortgang)
    rendered = merged(job, uitkomsten, [], voortgang)
    if vroeg.error is not None:
        raise vroeg.error
    for problem in vroeg.warnings:
        if problem not in job.warnings:
            job.warnings.append(problem)
    rendered.update(vroeg.files)
    return rendered


@dataclass
class Vroeg:
    """The composed documents, made before the last tasks were in: their files, their
    warnings (given after the tasks', as in a serial build) and the error they raised."""

    files: dict[str, bytes]
    warnings: list[Problem]
    error: Exception | None


def composed_early(
    job: RenderJob,
    needed: Sequence[Future[Uitkomst | None]],
    samengesteld: Sequence[Taak],
    voortgang: Progress | None,
) -> Vroeg | None:
    """The composed documents, from the parts of the `needed` tasks; None (compose them
    after all tasks) if there are none or one of those tasks failed."""
    if not samengesteld or not needed:
        return None
    results = [_result(future) for future in needed]
    if any(result is None for result in results):
        return None
    for result in results:
        for key, data in (result.parts if result is not None else {}).items():
            job.parts.setdefault(key, data)
    start = len(job.warnings)
    files: dict[str, bytes] = {}
    error: Exception | None = None
    try:
        for taak in samengesteld:
            files.update(taak.doe(job))
            if voortgang is not None:
                voortgang(taak.naam)
    except Exception as raised:  # raised after the tasks' own errors, as serially
        error = raised
    warnings = job.warnings[start:]
    del job.warnings[start:]
    return Vroeg(files, warnings, error)


def _result(future: Future[R | None]) -> R | None:
    """A worker's result; None when the worker itself died (run the task here instead)."""
    try:
        return future.result()
    except Exception:  # a broken pool: the task runs again in this process
        return None


def _tell(voortgang: Progress, naam: str) -> Callable[[Future[Uitkomst | None]], None]:
    return lambda future: voortgang(naam)


# The function and items `across` maps: set before its workers fork, as _WORK is.
_MAP: list[tuple[Callable[[Any], Any], Sequence[Any]]] = []


def across(
    function: Callable[[T], R], items: Sequence[T], *, werkers: int | None = None
) -> list[R]:
    """`function` of each of `items`, in forked workers (`werkers`, as `workers` counts
    them), in the order of the items; the workers find both in their copy of this module,
    only the results are pickled. With one worker or one item it all runs here, and so
    does an item a worker failed on, so that its error is raised as it would be here.
    Give the costliest items first: each worker takes the next one when it is free."""
    count = min(workers(werkers), len(items))
    if count < 2:
        return [function(item) for item in items]
    from concurrent.futures import ProcessPoolExecutor

    _MAP[:] = [(function, items)]
    try:
        with ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = [pool.submit(_map_one, index) for index in range(len(items))]
            done = [_result(future) for future in futures]
    finally:
        _MAP.clear()
    return [found[0] if found else function(item) for found, item in zip(done, items, strict=True)]


def _map_one(index: int) -> tuple[Any] | None:
    """In a worker: the function of item `index`, or None if it raised."""
    function, items = _MAP[0]
    try:
        return (function(items[index]),)
    except Exception:  # raised again by the parent's own call
        return None
