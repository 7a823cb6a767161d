"""Render a build's documents on every core, with the same bytes as one after the other.

The documents of a build do not depend on each other, except the ones put together from
the parts of the others (the meeting pack). So the build runs in two steps: the documents
and the parts those need (`Taak`s) in a pool of worker processes, then the composed
documents in this process, from the parts the workers sent back.

Workers are forked from this process after the workspace is loaded and gathered and
WeasyPrint is imported: they start with all of it, nothing is pickled but the results
(file bytes, parts, warnings). The results are merged in the order of the tasks, never in
the order they finish, and warnings are merged as one process would have collected them
(each once, in task order), so output and messages do not depend on which worker was
quicker. A task that fails in a worker is run again here, so its error is raised exactly
as it would be without the pool.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from ..exceptions import Problem
from .cache import Onderdeel
from .job import RenderJob

#: the most worker processes a build starts (the machines this runs on have two to four
#: cores; more workers than documents worth a process gain nothing)
MAX_WORKERS = 2
#: environment variable that sets the number of workers; 1 renders in this process
WORKERS_ENV = "STUKKEN_PROCESSEN"

Produce = Callable[[RenderJob], dict[str, bytes]]
Progress = Callable[[str], None]


@dataclass(frozen=True)
class Taak:
    """One unit of work for a worker: a document (its files) or a part for later."""

    naam: str  # what the progress display shows
    doe: Produce


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
    # fork shares the loaded workspace for free; macOS' system libraries forbid it
    if not sys.platform.startswith("linux"):
        return 1
    return max(1, wanted)


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
    if count > 1 and len(taken) > 1:
        uitkomsten = in_pool(job, taken, min(count, len(taken)), voortgang)
    else:
        uitkomsten = [in_this_process(job, taak, voortgang) for taak in taken]
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


def _run(index: int) -> Uitkomst | None:
    """In a worker: run task `index` on its copy of the job; None if it failed (the
    parent runs it again itself, to raise the error as a serial build would)."""
    job, taken = _WORK[0]
    try:
        return in_this_process(job, taken[index], None)
    except Exception:  # reported by the parent's own run of the task
        return None


def in_pool(
    job: RenderJob, taken: Sequence[Taak], count: int, voortgang: Progress | None
) -> list[Uitkomst]:
    """The tasks in `count` forked workers; their results in task order."""
    import weasyprint  # noqa: F401  # imported once, here, and inherited by every worker

    _WORK[:] = [(job, taken)]
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
            futures = [pool.submit(_run, index) for index in range(len(taken))]
            if voortgang is not None:
                for taak, future in zip(taken, futures, strict=True):
                    future.add_done_callback(_tell(voortgang, taak.naam))
            results = [_result(future) for future in futures]
    finally:
        _WORK.clear()
    return [
        result if result is not None else in_this_process(job, taak, None)
        for taak, result in zip(taken, results, strict=True)
    ]


def _result(future: Future[Uitkomst | None]) -> Uitkomst | None:
    """A worker's result; None when the worker itself died (run the task here instead)."""
    try:
        return future.result()
    except Exception:  # a broken pool: the task runs again in this process
        return None


def _tell(voortgang: Progress, naam: str) -> Callable[[Future[Uitkomst | None]], None]:
    return lambda future: voortgang(naam)
