"""The typesetters: processes that lay out HTML with WeasyPrint, started before the
workspace is loaded, so that importing WeasyPrint overlaps the loading instead of
following it.

A build that lays out one or two documents (after an edit of an annotation file, or
with `--annotatie`) spends most of its time on a path of steps one after the other:
start, load and gather, import WeasyPrint (a quarter of a second), lay out. With a
typesetter the import runs on the other core while this process loads and renders the
HTML, and the layout starts as soon as both are done. A full build starts one per worker
(render/pool.py): the workers render the HTML and the Word files, the typesetters lay out,
and a long history's loading no longer comes before WeasyPrint's import.

The first typesetter is forked when the build knows it will lay out pages, from a process
that has loaded nothing of the workspace; the others are forked from it once it has
imported WeasyPrint (one import, not one per core beside the loading). Each is sent the
HTML with its sandbox (base folder, roots, refused images, options) and sends back the PDF
and what it reported on the way (warnings, files read, CSS problems), which are given to
the caller's own callbacks. Its layout is WeasyPrint's, with the same fetcher and options:
the bytes are the same as those of a layout in the caller's process (tests/test_zetter.py).

Nothing depends on them: a layout that fails in a typesetter is done again in the
caller's process, so that its error is raised there as it would have been; so is one no
typesetter can take (the only one busy with another process of the build, or dead). They
stop when the build tells them to, or by themselves when the build's end of the pipe is
gone.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from ..collector import fewer_collections
from .engines import laden
from .engines.pdf import UA, CssProblem, Geweigerd, html_to_pdfs
from .vorken import fork_child, fork_safe

GEEN = Geweigerd()  # no image refused
WACHTEN = 30.0  # seconds a layout waits for a busy typesetter before it is done here


@dataclass(frozen=True)
class Opdracht:
    """One layout: the HTML and everything `html_to_pdfs` needs besides callbacks."""

    html: str
    base_dir: Path
    roots: tuple[Path, ...]
    refused: Geweigerd
    tagged: bool
    css: bool
    variant: str | None
    without: str | None


@dataclass
class Zetsel:
    """A layout's result: the PDF (and its second version), and what it reported."""

    first: bytes
    second: bytes | None
    warnings: list[str]
    read: list[Path]
    css: list[CssProblem]


@dataclass
class Lijn:
    """The build's line to one typesetter: its end of the pipe, and the lock that gives it
    to one process of the build at a time (forked workers inherit both)."""

    conn: Connection
    lock: Any
    alive: bool = True


class Zetter:
    """The build's side of the typesetters (see the module's docstring)."""

    def __init__(self, process: Any, lijnen: list[Lijn]) -> None:
        self.process = process  # the first typesetter; the others are forked from it
        self.lijnen = lijnen
        self.owner = os.getpid()  # the build's process, the only one that stops them

    @property
    def alive(self) -> bool:
        """Whether a typesetter may still be asked (one that failed is not asked again)."""
        return any(lijn.alive for lijn in self.lijnen)

    @classmethod
    def start(cls, aantal: int = 1) -> Zetter | None:
        """Fork `aantal` typesetters; None where processes cannot be forked safely
        (vorken.py)."""
        if not fork_safe():
            return None
        context = multiprocessing.get_context("fork")
        pipes = [context.Pipe() for _ in range(max(1, aantal))]
        ours, theirs = [pipe[0] for pipe in pipes], [pipe[1] for pipe in pipes]
        for stream in (sys.stdout, sys.stderr):  # nothing buffered is written twice
            stream.flush()
        process = context.Process(
            target=_serve, args=(theirs, ours), name="stukken-zetter", daemon=True
        )
        try:
            process.start()
        except OSError:  # no process to spare: lay out here
            for end in ours:
                end.close()
            return None
        finally:
            for end in theirs:
                end.close()
        return cls(process, [Lijn(conn, context.Lock()) for conn in ours])

    def html_to_pdfs(
        self,
        html: str,
        *,
        base_dir: Path,
        roots: Iterable[Path],
        warn: Callable[[str], None],
        refused: Callable[[str], bool] = GEEN,
        tagged: bool = True,
        css: Callable[[CssProblem], None] | None = None,
        variant: str | None = UA,
        without: str | None = None,
        read: Callable[[Path], None] | None = None,
    ) -> tuple[bytes, bytes | None]:
        """engines/pdf.html_to_pdfs, laid out in the typesetter. `refused` crosses to it
        only as a Geweigerd (a set: a function cannot); any other check lays out here."""
        roots = tuple(roots)
        zetsel = None
        if isinstance(refused, Geweigerd):
            opdracht = Opdracht(
                html, base_dir, roots, refused, tagged, css is not None, variant, without
            )
            zetsel = self._ask(opdracht)
        if zetsel is None:  # here, so that an error is raised as without the typesetter
            return html_to_pdfs(
                html,
                base_dir=base_dir,
                roots=roots,
                warn=warn,
                refused=refused,
                tagged=tagged,
                css=css,
                variant=variant,
                without=without,
                read=read,
            )
        if read is not None:
            for path in zetsel.read:
                read(path)
        for message in zetsel.warnings:
            warn(message)
        if css is not None:
            for problem in zetsel.css:
                css(problem)
        return zetsel.first, zetsel.second

    def _ask(self, opdracht: Opdracht) -> Zetsel | None:
        """A typesetter's layout of `opdracht`; None if it failed or none could be asked."""
        lijn = self._free()
        if lijn is None:
            return None
        try:
            lijn.conn.send(opdracht)
            answer = lijn.conn.recv()
        except (OSError, EOFError, ValueError):  # it died: not asked again
            lijn.alive = False
            return None
        finally:
            lijn.lock.release()
        return answer if isinstance(answer, Zetsel) else None

    def _free(self) -> Lijn | None:
        """A typesetter for this process, its lock held; None if none is alive, or if the
        only one is busy (then laying out here is quicker than waiting for it)."""
        alive = [lijn for lijn in self.lijnen if lijn.alive]
        for lijn in alive:
            if lijn.lock.acquire(block=False):
                return lijn
        if len(self.lijnen) < 2 or not alive:
            return None
        # a full build's set, one for each worker: waiting beats importing WeasyPrint here;
        # a lock a worker took with it when it died is never taken (its answer may still
        # be in the pipe), hence the bound
        lijn = alive[os.getpid() % len(alive)]
        return lijn if lijn.lock.acquire(timeout=WACHTEN) else None

    def stop(self) -> None:
        """End the typesetters (they hold nothing worth waiting for): the first is killed,
        the others end with it."""
        for lijn in self.lijnen:
            lijn.alive = False
        if os.getpid() != self.owner:
            return
        for lijn in self.lijnen:
            lijn.conn.close()
        self.process.kill()
        self.process.join(timeout=5)


def _serve(theirs: list[Connection], ours: list[Connection]) -> None:
    """In the first typesetter: import WeasyPrint, fork the others from it (each import
    would cost what the first did, on a core the loading needs), then lay out what is sent
    on the first pipe until it ends."""
    for end in ours:  # the build's ends: without these copies, a pipe ends with the build
        end.close()
    with suppress(Exception):  # else every layout fails here and the build does it itself
        laden.weasyprint()
    for index, conn in enumerate(theirs[1:], start=1):
        if fork_child() == 0:  # the typesetter of pipe `index`, which never returns from here
            try:
                for other, end in enumerate(theirs):
                    if other != index:
                        end.close()
                with fewer_collections():
                    _answer(conn)
            finally:
                os._exit(0)
        conn.close()
    with fewer_collections():  # WeasyPrint's modules frozen, as in the build's own workers
        _answer(theirs[0])


def _answer(conn: Connection) -> None:
    """Lay out each request that comes in, until the pipe ends."""
    while True:
        try:
            opdracht = conn.recv()
        except (EOFError, OSError):
            return
        if not isinstance(opdracht, Opdracht):
            return
        try:
            answer: Zetsel | None = _lay_out(opdracht)
        except Exception:  # the build lays it out again and raises the error itself
            answer = None
        try:
            conn.send(answer)
        except (OSError, ValueError):
            return


def _lay_out(opdracht: Opdracht) -> Zetsel:
    """One layout, its callbacks recorded."""
    warnings: list[str] = []
    read: list[Path] = []
    css: list[CssProblem] = []
    first, second = html_to_pdfs(
        opdracht.html,
        base_dir=opdracht.base_dir,
        roots=opdracht.roots,
        warn=warnings.append,
        refused=opdracht.refused,
        tagged=opdracht.tagged,
        css=css.append if opdracht.css else None,
        variant=opdracht.variant,
        without=opdracht.without,
        read=read.append,
    )
    return Zetsel(first, second, warnings, read, css)
