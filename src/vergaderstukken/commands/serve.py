"""`stukken serve`: the live preview of one meeting in the browser.

Three threads besides the caller's: the HTTP server (serve/handler.py), a watcher of the
workspace files (watchfiles) that renders the documents' HTML again at each save, and one
that has the PDFs and Word files in output/DATUM/ built again (commands/build.py, with its
cache: a saved note lays out that advisor's annotated agenda) at the same save, by the
builder (serve/bouwer.py): a process of its own, so that the build has every core while
this one renders the HTML. A burst of saves during a build costs one more build, not one
per save; a build that fails on an error the page shows is not reported twice.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType
from typing import Any

from ..exceptions import StukkenError, display_path
from ..serve.bouwer import Bouwer, bouw_een
from ..serve.handler import VoorvertoningServer, is_loopback
from ..serve.stand import Stand
from ..serve.voorbeeld import maak_voorbeeld
from .build import build, refuse_source_folders

BRONNEN = ("meetings", "templates")  # the folders below the workspace whose files count
WACHT = 2.0  # seconds a thread gets to finish when the preview stops
# seconds a failed build waits for the page to show the error (the watcher's debounce and
# one HTML rendering) before it reports the failure itself
OPGEMERKT = 1.0

Melden = Callable[[str], None]
Bouwen = Callable[..., Any]


def waarschuwing_adres(adres: str) -> str:
    """The warning for an address other computers can reach."""
    return (
        f"waarschuwing: de voorvertoning luistert op {adres}, niet alleen op deze computer; "
        "iedereen die deze computer via het netwerk bereikt, kan de stukken lezen"
    )


class Voorvertoning:
    """The running preview of meeting `datum` (None: the latest) of workspace `root`.

    Use it as a context manager: the threads start on entering and always stop on
    leaving. `poort=0` picks a free port (see `url`).
    """

    def __init__(
        self,
        root: Path,
        datum: str | None = None,
        *,
        poort: int = 8000,
        adres: str = "127.0.0.1",
        pdf: bool = True,
        uitvoer: Path | None = None,
        melden: Melden = lambda message: None,
        bouwen: Bouwen = build,
    ) -> None:
        self.root = root.resolve()
        self.datum = datum
        self.adres = (adres, poort)
        self.uitvoer = (uitvoer or self.root / "output").resolve()
        self.stand = Stand(self.root, self.uitvoer, pdf_aan=pdf)
        self.melden = melden
        self.bouwen = bouwen
        self.stop_event = threading.Event()
        self.pdf_nodig = threading.Event()
        # held while the HTML renders (the watchers render one at a time) and told at every
        # new HTML: a failed build waits for the page to show its error (the HTML of the
        # same save, or of one the watcher has yet to report) before it says it
        self.html_klaar = threading.Condition()
        self.threads: list[threading.Thread] = []
        self.server: VoorvertoningServer | None = None
        self.bouwer: Bouwer | None = None

    @property
    def url(self) -> str:
        """The address of the overview page."""
        if self.server is None:
            raise RuntimeError("de voorvertoning is niet gestart")
        host, port = self.server.server_address[:2]
        host = host.decode() if isinstance(host, bytes) else str(host)
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/"

    def __enter__(self) -> Voorvertoning:
        self.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def start(self) -> None:
        """Render once, then start serving, watching and (with `pdf`) building."""
        refuse_source_folders(self.root, self.uitvoer)
        if self.stand.pdf_aan:  # before any thread, and before the port: see bouwer.py
            self.bouwer = Bouwer.start(self._bouw)
        self.ververs()
        try:
            self.server = VoorvertoningServer(self.adres, self.stand)
        except OSError as error:
            self.stop()
            host, port = self.adres
            raise StukkenError(
                f"kan niet luisteren op {host}:{port}: {error.strerror or error} "
                "(is de poort al in gebruik? kies een andere met --poort)"
            ) from None
        self._thread(self.server.serve_forever, 0.2)
        self._thread(self._kijk, [self.root], False)
        bronnen = [self.root / naam for naam in BRONNEN if (self.root / naam).is_dir()]
        if bronnen:
            self._thread(self._kijk, bronnen, True)
        if self.stand.pdf_aan:
            self.pdf_nodig.set()
            self._thread(self._bouw_pdfs)

    def _thread(self, target: Callable[..., object], *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)
        thread.start()
        self.threads.append(thread)

    def stop(self) -> None:
        """Stop every thread and close the port; safe to call more than once."""
        self.stop_event.set()
        self.pdf_nodig.set()
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
        if self.bouwer is not None:
            self.bouwer.stop()
        for thread in self.threads:
            thread.join(WACHT)
        self.threads = []

    def wacht(self) -> None:
        """Block until the preview is stopped (Ctrl+C in the terminal)."""
        while not self.stop_event.wait(0.5):
            pass

    def ververs(self) -> None:
        """Render the documents' HTML again; report what changed."""
        with self.html_klaar:
            begin = time.monotonic()
            try:
                voorbeeld = maak_voorbeeld(self.root, self.datum)
                if not self.stand.vervang(voorbeeld):
                    return
            finally:
                self.html_klaar.notify_all()
        if voorbeeld.fouten:
            for line in voorbeeld.fouten:
                self.melden(line)
            self.melden("de voorvertoning toont de fout tot het bestand is hersteld")
            return
        for line in voorbeeld.waarschuwingen:
            self.melden(line)
        duur = time.monotonic() - begin
        self.melden(f"bijgewerkt: vergadering {voorbeeld.vergadering} ({duur:.2f} s)")

    def telt_mee(self, change: object, path: str) -> bool:
        """Whether a changed file is a source of the documents: stukken.yaml, or a file
        below meetings/ or templates/; never the output, hidden files or backups."""
        pad = Path(path)
        if pad.is_relative_to(self.uitvoer):
            return False
        try:
            delen = pad.relative_to(self.root).parts
        except ValueError:
            return False
        if not delen or any(d.startswith(".") or d.endswith("~") for d in delen):
            return False
        return delen == ("stukken.yaml",) or delen[0] in BRONNEN

    def _kijk(self, paths: Iterable[Path], recursive: bool) -> None:
        try:
            self._volg(paths, recursive)
        except Exception as error:  # e.g. the system's limit of watched folders
            self.melden(
                f"waarschuwing: de werkmap wordt niet meer gevolgd ({error}); "
                "start stukken serve opnieuw om wijzigingen te zien"
            )

    def _volg(self, paths: Iterable[Path], recursive: bool) -> None:
        from watchfiles import watch

        for _changes in watch(
            *paths,
            watch_filter=self.telt_mee,
            debounce=400,
            step=50,
            stop_event=self.stop_event,
            rust_timeout=500,
            raise_interrupt=False,
            recursive=recursive,
        ):
            if self.stand.pdf_aan:
                self.pdf_nodig.set()  # the build starts beside the HTML, not after it
            self.ververs()

    def _bouw_pdfs(self) -> None:
        while True:
            self.pdf_nodig.wait()
            if self.stop_event.is_set():
                return
            self.pdf_nodig.clear()
            self.stand.pdf_bezig()
            fout = self._bouw_eens()
            self.stand.pdf_klaar(fout)
            with self.html_klaar:
                getoond = bool(fout) and self.html_klaar.wait_for(
                    lambda: bool(self.stand.voorbeeld.fouten) or self.stop_event.is_set(), OPGEMERKT
                )
            if fout and not getoond and not self.stop_event.is_set():
                self.melden(f"PDF's niet gemaakt: {fout}")

    def _bouw_eens(self) -> str:
        if self.bouwer is not None:
            fout = self.bouwer.bouw()
            if fout is not None or self.stop_event.is_set():
                return fout or ""
            self.bouwer.stop()  # gone (the system ended it): build here from now on
            self.bouwer = None
        return bouw_een(self._bouw)

    def _bouw(self) -> None:
        # with the build cache, as `stukken build` has it: after a save only what
        # changed renders again (a note: that advisor's annotated agenda)
        self.bouwen(self.root, self.datum, output=self.uitvoer, cache=True)


def serve(
    root: Path,
    datum: str | None = None,
    *,
    poort: int = 8000,
    adres: str = "127.0.0.1",
    pdf: bool = True,
    uitvoer: Path | None = None,
    melden: Melden = print,
) -> None:
    """Serve the preview until Ctrl+C."""
    if not is_loopback(adres):
        melden(waarschuwing_adres(adres))
    try:  # around the whole preview: Ctrl+C may come the moment its address is printed
        with Voorvertoning(
            root, datum, poort=poort, adres=adres, pdf=pdf, uitvoer=uitvoer, melden=melden
        ) as preview:
            pdfs = f"; de PDF's in {display_path(preview.uitvoer)}/" if pdf else ""
            melden(f"voorvertoning op {preview.url}{pdfs} (stoppen: Ctrl+C)")
            preview.wacht()
    except KeyboardInterrupt:
        melden("voorvertoning gestopt")
