"""The typesetter: a process that lays out HTML with WeasyPrint, started before the
workspace is loaded, so that importing WeasyPrint overlaps the loading instead of
following it.

A build that lays out one or two documents (after an edit of an annotation file, or
with `--annotatie`) spends most of its time on a path of steps one after the other:
start, load and gather, import WeasyPrint (a quarter of a second), lay out. With the
typesetter the import runs on the other core while this process loads and renders the
HTML, and the layout starts as soon as both are done.

The typesetter is forked when the build knows it will lay out pages, from a process that
has loaded nothing of the workspace. It is sent the HTML with its sandbox (base folder,
roots, refused images, options) and sends back the PDF and what it reported on the way
(warnings, files read, CSS problems), which are given to the caller's own callbacks. Its
layout is WeasyPrint's, with the same fetcher and options: the bytes are the same as
those of a layout in the caller's process (tests/test_zetter.py).

Nothing depends on it: a layout that fails in the typesetter is done again in the
caller's process, so that its error is raised there as it would have been; so is one the
typesetter cannot take (another process of the build is using it, or it died). It stops
when the build tells it to, or by itself when the build's end of the pipe is gone.
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

GEEN = Geweigerd()  # no image refused


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


class Zetter:
    """The build's side of the typesetter process (see the module's docstring)."""

    def __init__(self, process: Any, conn: Connection, lock: Any) -> None:
        self.process = process
        self.conn = conn
        self.lock = lock  # one process of the build at a time (forked workers inherit it)
        self.alive = True
        self.owner = os.getpid()  # the build's process, the only one that stops it

    @classmethod
    def start(cls) -> Zetter | None:
        """Fork the typesetter; None where processes cannot be forked safely (as the
        pool, render/pool.py: fork shares this process's modules for free)."""
        if not sys.platform.startswith("linux"):
            return None
        context = multiprocessing.get_context("fork")
        ours, theirs = context.Pipe()
        lock = context.Lock()
        for stream in (sys.stdout, sys.stderr):  # nothing buffered is written twice
            stream.flush()
        process = context.Process(
            target=_serve, args=(theirs, ours), name="stukken-zetter", daemon=True
        )
        try:
            process.start()
        except OSError:  # no process to spare: lay out here
            return None
        theirs.close()
        return cls(process, ours, lock)

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
        """The typesetter's layout of `opdracht`; None if it failed or could not be asked."""
        if not self.alive or not self.lock.acquire(block=False):
            return None
        try:
            self.conn.send(opdracht)
            answer = self.conn.recv()
        except (OSError, EOFError, ValueError):  # it died: lay out here from now on
            self.alive = False
            return None
        finally:
            self.lock.release()
        return answer if isinstance(answer, Zetsel) else None

    def stop(self) -> None:
        """End the typesetter (it holds nothing worth waiting for)."""
        self.alive = False
        if os.getpid() != self.owner:
            return
        self.conn.close()
        self.process.kill()
        self.process.join(timeout=5)


def _serve(conn: Connection, ours: Connection) -> None:
    """In the typesetter: import WeasyPrint, then lay out what is sent until the end."""
    ours.close()  # the build's end: without this copy, the pipe ends when the build does
    with suppress(Exception):  # else every layout fails here and the build does it itself
        laden.weasyprint()
    with fewer_collections():  # WeasyPrint's modules frozen, as in the build's own workers
        _answer(conn)


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
