"""Progress of a build on standard error, document by document, for builds that take a
while.

Nothing is shown in the first second: a quick build stays quiet. After that, on a terminal
one line is rewritten in place ("stukken maken: 3 van 8 klaar (verslag)") and cleared at
the end; elsewhere (a log, with STUKKEN_VOORTGANG=regels) each finished document gets a
plain line. Outside a terminal and without that variable nothing is shown, so the output
of scripts and tests stays exactly the list of files written.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from typing import TextIO

ENV = "STUKKEN_VOORTGANG"  # "regels": plain lines even when standard error is no terminal
QUIET_SECONDS = 1.0


class Voortgang:
    """Counts finished documents and shows them once the build takes longer than a second.

    Called from the pool's result thread as well as the build's own, hence the lock.
    """

    def __init__(self, total: int, stream: TextIO, *, live: bool) -> None:
        self.total = total
        self.stream = stream
        self.live = live
        self.done = 0
        self.start = time.monotonic()
        self.shown = False
        self.lock = threading.Lock()

    @classmethod
    def voor(cls, total: int, stream: TextIO | None = None) -> Voortgang | None:
        """A display for `total` documents on `stream` (standard error), or None when it
        would show nothing (no terminal, no STUKKEN_VOORTGANG=regels)."""
        stream = stream or sys.stderr
        live = bool(getattr(stream, "isatty", lambda: False)())
        if not live and os.environ.get(ENV) != "regels":
            return None
        return cls(total, stream, live=live)

    def __call__(self, naam: str) -> None:
        """One more document finished."""
        with self.lock:
            self.done += 1
            if time.monotonic() - self.start < QUIET_SECONDS:
                return
            self.shown = True
            text = f"stukken maken: {self.done} van {self.total} klaar ({naam})"
            if self.live:
                self.stream.write(f"\r\x1b[2K{text}")
            else:
                self.stream.write(text + "\n")
            self.stream.flush()

    def klaar(self) -> None:
        """The build is done: clear the live line."""
        with self.lock:
            if self.live and self.shown:
                self.stream.write("\r\x1b[2K")
                self.stream.flush()
