"""What the preview server shows right now, shared between its threads.

Two counters tell an open page when to reload: `versie` goes up when the rendered
documents (or the problems shown instead) change, `pdf_versie` when a background build
finished. A document page watches the first, the overview both.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from .voorbeeld import Voorbeeld


@dataclass
class PdfStand:
    """The background build: running, finished (at `tijd`) or failed (`fout`)."""

    bezig: bool = False
    tijd: str = ""
    fout: str = ""


@dataclass
class Stand:
    """The preview of workspace `root`, the build's output folder and the counters."""

    root: Path
    uitvoer: Path  # the output folder of all meetings (output/ unless --uitvoer)
    pdf_aan: bool = True
    voorbeeld: Voorbeeld = field(default_factory=Voorbeeld)
    vergadering: str = ""  # the meeting last shown, kept while an error is shown instead
    versie: int = 0
    pdf: PdfStand = field(default_factory=PdfStand)
    pdf_versie: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def vervang(self, voorbeeld: Voorbeeld) -> bool:
        """Show `voorbeeld` from now on; True (and a new version) when it differs."""
        with self._lock:
            if voorbeeld == self.voorbeeld and self.versie:
                return False
            self.voorbeeld = voorbeeld
            self.vergadering = voorbeeld.vergadering or self.vergadering
            self.versie += 1
            return True

    def pdf_bezig(self) -> None:
        """A background build has started."""
        with self._lock:
            self.pdf = PdfStand(bezig=True, tijd=self.pdf.tijd)
            self.pdf_versie += 1

    def pdf_klaar(self, fout: str = "") -> None:
        """A background build has ended, with `fout` when it failed."""
        with self._lock:
            self.pdf = PdfStand(tijd=time.strftime("%H:%M:%S"), fout=fout)
            self.pdf_versie += 1

    def versies(self) -> dict[str, int]:
        """The counters, as /__versie reports them."""
        with self._lock:
            return {"versie": self.versie, "pdf": self.pdf_versie}

    @property
    def pdf_map(self) -> Path | None:
        """The folder the build writes this meeting's files into (None: no meeting yet)."""
        return self.uitvoer / self.vergadering if self.vergadering else None
