"""stukken serve's background builds, in a process of their own: the builder.

It is forked when the preview starts, before the preview's threads (a fork copies only
the thread that makes it: render/vorken.py), imports WeasyPrint once and then builds
whenever asked, as `stukken build` does on the command line: its typesetters and
workers use every core, while the preview's own process renders the HTML of the same
save. Where no process can be forked safely the preview builds in a thread instead
(`Bouwer.start` gives None), one document after the other.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections.abc import Callable
from contextlib import suppress
from multiprocessing.connection import Connection

from ..exceptions import StukkenError
from ..render.engines import laden
from ..render.vorken import fork_child, fork_safe

STOPPEN = 10.0  # seconds a build under way gets to end when the preview stops


def bouw_een(bouwen: Callable[[], object]) -> str:
    """Build once: "" when it succeeded, else what went wrong, in a line or three."""
    try:
        bouwen()
    except StukkenError as error:
        return "; ".join(error.format_message().splitlines()[:3])
    except Exception as error:  # the preview stays up and says what went wrong
        return f"interne fout: {type(error).__name__}: {error}"
    return ""


class Bouwer:
    """The preview's side of the builder."""

    def __init__(self, conn: Connection, pid: int) -> None:
        self.conn = conn
        self.pid = pid

    @classmethod
    def start(cls, bouwen: Callable[[], object]) -> Bouwer | None:
        """Fork the builder, which calls `bouwen` for each request; None where processes
        cannot be forked safely, or none could be made."""
        if not fork_safe():
            return None
        ours, theirs = multiprocessing.get_context("fork").Pipe()
        pid = fork_child()
        if pid == 0:  # the builder, which never returns from here
            try:
                ours.close()
                _dien(theirs, bouwen)
            finally:
                os._exit(0)
        theirs.close()
        if pid < 0:
            ours.close()
            return None
        return cls(ours, pid)

    def bouw(self) -> str | None:
        """Build once (see `bouw_een`); None if the builder is gone."""
        try:
            self.conn.send(True)
            answer = self.conn.recv()
        except (EOFError, OSError, ValueError):
            return None
        return answer if isinstance(answer, str) else None

    def stop(self) -> None:
        """End the builder, idle or building: a build under way is interrupted as Ctrl+C
        interrupts `stukken build` (its workers and typesetters stop, nothing half-made
        is kept); a builder that does not end is killed. The pipe is closed last, so that
        a thread waiting for an answer finds it ended."""
        with suppress(OSError):
            os.kill(self.pid, signal.SIGINT)
        deadline = time.monotonic() + STOPPEN
        while not self._ended() and time.monotonic() < deadline:
            time.sleep(0.02)
        if not self._ended():
            with suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
            with suppress(ChildProcessError):
                os.waitpid(self.pid, 0)
        self.conn.close()

    def _ended(self) -> bool:
        try:
            return os.waitpid(self.pid, os.WNOHANG)[0] != 0
        except ChildProcessError:  # reaped already
            return True


def _dien(conn: Connection, bouwen: Callable[[], object]) -> None:
    """In the builder: build for each request that comes in, until the pipe ends."""
    with suppress(Exception):  # else the first build imports it
        laden.weasyprint()
    while True:
        try:
            if conn.recv() is not True:
                return
            conn.send(bouw_een(bouwen))
        except (EOFError, OSError, ValueError, KeyboardInterrupt):
            return
