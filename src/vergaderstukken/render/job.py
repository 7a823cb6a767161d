"""One build's shared state: the workspace, its gathered data, the templates, warnings,
template contexts and rendered parts.

Every document of a build is rendered in one process through one job, so WeasyPrint is
imported once, a meeting is gathered once (`job.gegevens`), a template context is built
once per document kind (`job.context`) and a part (the agenda, generated minutes) is
rendered once and reused by the meeting pack.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..exceptions import Loc, Problem
from ..gather import Gegevens, Verzameling
from ..markdown import render_block, render_inline
from ..model import Vergadering, Werkmap
from .cache import Bouwcache, key_of
from .engines.afbeeldingen import Afbeeldingen
from .engines.pakket_stukken import Bron, Stuk
from .engines.pdf import UA, CssProblem, Geweigerd, html_to_pdfs
from .engines.templates import Templates, css_string

if TYPE_CHECKING:
    from .zetter import Zetter

STYLESHEET = "stijl.css"
# What the house style (stijl.css) adds for a part of the meeting pack: no page number of
# its own. A document whose pack copy differs by exactly this is laid out once for both.
ZONDER_PAGINANUMMERS = "@page { @bottom-right { content: none; } }\n"
PAGINANUMMER = "@bottom-right"


class Editie:
    """The internal edition: the documents as they are."""

    #: the folder below output/DATUM/ the edition is written to ("" for the meeting's own)
    map = ""
    openbaar = False

    def tekst(self, text: str) -> str:
        """Text that did not come through the model (a Markdown attachment's file), as
        this edition shows it."""
        return text

    def kaal(self, text: str) -> str:
        """Text for places that show no boxes: metadata, bookmarks, page headers."""
        return text

    def pdf(
        self, job: RenderJob, html: str, context: dict, render: Callable[[str], bytes]
    ) -> bytes:
        """A document's HTML, rendered to PDF in this edition."""
        return render(html)

    @property
    def slotstukken(self) -> list[Stuk]:
        """What the meeting pack lists after the attachments, in its contents."""
        return []

    def slot(
        self,
        job: RenderJob,
        voorwerk: bytes,
        voorwerk_paginas: int,
        stukken: list[Stuk],
        paginas: list[int],
    ) -> list[Bron]:
        """The parts that close the meeting pack, one per entry of `slotstukken`."""
        return []


INTERN = Editie()


@dataclass
class RenderJob:
    """Rendering one meeting's documents: templates, shared parts, warnings."""

    werkmap: Werkmap
    vergadering: Vergadering
    only_annotatie: str | None = None
    warnings: list[Problem] = field(default_factory=list)
    parts: dict[str, bytes] = field(default_factory=dict)
    voor_pakket: bool = False  # see pakket_modus()
    editie: Editie = INTERN  # the public edition renders a redacted model through its own
    pdf_variant: str = UA  # the standard every PDF declares (engines/pdf.py; ARCHIEF: PDF/A)
    verzameling: Verzameling | None = None  # the gathered workspace; gathered here if None
    contexts: dict[str, dict] = field(default_factory=dict)  # see context()
    # The folder the build replaces (output/DATUM): vergadering.ics reads the previous
    # calendar there to keep its SEQUENCE. None: the default output/ of the workspace.
    uitvoer: Path | None = None
    cache: Bouwcache | None = None  # rendered documents of earlier builds (cache.py)
    zetter: Zetter | None = None  # lays out the PDFs in its own process (zetter.py)

    def __post_init__(self):
        if self.verzameling is None:
            self.verzameling = Verzameling(self.werkmap)
        self.templates = Templates(self.werkmap.root)
        self.met_cache(self.cache)
        self.afbeeldingen = Afbeeldingen(self.werkmap, self.editie.tekst)
        # What is being rendered: the fallback place of a warning, and the folder that
        # relative image paths start from.
        self.bron: tuple[Loc, Path] = (self.vergadering.loc, self.vergadering.folder)
        self.templates.env.filters.update(
            markdown=self.markdown,
            inline=self.inline,
            css_string=lambda value: css_string(self.editie.kaal(str(value or ""))),
        )

    def met_cache(self, cache: Bouwcache | None) -> None:
        """Use the build cache (cache.py) for the documents and the compiled templates."""
        self.cache = cache
        if cache is not None:
            self.templates.env.bytecode_cache = cache.jinja()

    @property
    def gegevens(self) -> Gegevens:
        """The gathered data of the job's meeting."""
        return self.gegevens_van(self.vergadering)

    def gegevens_van(self, vergadering: Vergadering) -> Gegevens:
        """The gathered data of any meeting of the workspace (a `verslag:` attachment's)."""
        return self.verzameling.van(vergadering)

    def context(self, key: str, make: Callable[[], dict]) -> dict:
        """A template context, built once per build and shared by every document that
        shows it (agenda.pdf, agenda.docx and the pack's agenda). Never changed after:
        a document that needs more copies it."""
        if key not in self.contexts:
            self.contexts[key] = make()
        return self.contexts[key]

    def markdown(self, text: str | None) -> Markup:
        """The templates' `|markdown`: block HTML, its images checked first."""
        self.check_images(text)
        return render_block(text)

    def inline(self, text: str | None) -> Markup:
        """Markdown `text` rendered inline, its images checked."""
        self.check_images(text)
        return render_inline(text)

    def check_images(self, text: str | None, base_dir: Path | None = None) -> None:
        """Warn once per build, at the field, for each image in `text` no document shows."""
        source, folder = self.bron
        self.afbeeldingen.check(text, base_dir or folder, source, self.warn)

    @contextmanager
    def rendering(self, source: Loc, base_dir: Path | None = None) -> Iterator[None]:
        """Render one document from `source`, relative images starting at `base_dir`."""
        previous, self.bron = self.bron, (source, base_dir or self.vergadering.folder)
        try:
            yield
        finally:
            self.bron = previous

    @property
    def uitvoermap(self) -> Path:
        """The folder this meeting's build is written to."""
        return self.uitvoer or self.werkmap.root / "output" / self.vergadering.naam

    @property
    def openbaar(self) -> bool:
        """Whether this is the public edition."""
        return self.editie.openbaar

    @property
    def fonts(self) -> Path:
        """The folder of the built-in fonts."""
        return self.templates.builtin / "fonts"

    def warn(self, loc: Loc, message: str) -> None:
        """Add a warning at `loc`, once."""
        problem = Problem(loc, f"waarschuwing: {message}")
        if problem not in self.warnings:
            self.warnings.append(problem)

    def warner(self, loc: Loc) -> Callable[[str], None]:
        """A function that warns at `loc`."""
        return lambda message: self.warn(loc, message)

    def pdf(
        self,
        template: str,
        context: dict,
        *,
        source: Loc,
        base_dir: Path | None = None,
        inspect: Callable[[str], None] | None = None,
    ) -> bytes:
        """Render an HTML template to PDF bytes, inside the workspace sandbox; `inspect`
        sees the HTML first (and may refuse it by raising)."""
        context = self.pdf_context(context)
        with self.rendering(source, base_dir):
            html = self.templates.render(template, context)
        if inspect is not None:
            inspect(html)

        def render(html: str) -> bytes:
            return self._render(html, template, source, base_dir)[0]

        return self.editie.pdf(self, html, context, render)

    def pdf_en_pakketkopie(
        self, template: str, context: dict, *, source: Loc
    ) -> tuple[bytes, bytes | None]:
        """The document as PDF and, from the same layout, its copy for the meeting pack
        (as `pakket_modus()` renders it) when the two differ only by the page numbers the
        house style leaves out in the pack; otherwise None, and the pack renders its own.

        One layout instead of two: the derived copy has the same bytes as a second render
        (tests/test_snelheid.py checks it). Only the internal edition: the public edition
        passes every PDF through its own redaction.
        """
        if self.voor_pakket or type(self.editie).pdf is not Editie.pdf:
            return self.pdf(template, context, source=source), None
        with self.rendering(source):
            los = self.templates.render(template, self.pdf_context(context))
            with self.pakket_modus():
                kopie = self.templates.render(template, self.pdf_context(context))
        if kopie.replace(ZONDER_PAGINANUMMERS, "", 1) != los:  # a workspace's own style
            return self.pdf(template, context, source=source), None
        return self._render(los, template, source, None, without=PAGINANUMMER)

    def pdf_context(self, context: dict) -> dict:
        """The context a PDF template gets: the pack's and public edition's flags added."""
        if self.voor_pakket:
            context = {**context, "pakket": True}
        if self.openbaar:
            context = {**context, "openbaar": True}
        return context

    def _render(
        self,
        html: str,
        template: str,
        source: Loc,
        base_dir: Path | None,
        without: str | None = None,
    ) -> tuple[bytes, bytes | None]:
        """WeasyPrint, in the workspace sandbox (engines/pdf.py), unless the cache has
        the same HTML rendered with the same options and files."""
        base = base_dir or self.vergadering.folder
        roots = [self.werkmap.root, self.templates.builtin]
        css = template != "pakket-stempel.html"

        def make(read: Callable[[Path], None]) -> list[bytes]:
            lay_out = html_to_pdfs if self.zetter is None else self.zetter.html_to_pdfs
            first, second = lay_out(
                html,
                base_dir=base,
                roots=roots,
                warn=self.warner(source),
                refused=Geweigerd(self.afbeeldingen.refused),
                css=self.css_problem if css else None,
                variant=self.pdf_variant,
                without=without,
                read=read,
            )
            return [first] if second is None else [first, second]

        places = [str(base.resolve()), [str(root.resolve()) for root in roots]]
        key = ["pdf", html, places, self.pdf_variant, without, css]
        made = self.onthouden(key, make)
        return made[0], made[1] if len(made) > 1 else None

    def onthouden(
        self, key: list[object] | None, make: Callable[[Callable[[Path], None]], list[bytes]]
    ) -> list[bytes]:
        """`make(read)`, or what it made before for the same `key` (None: not cached).

        The warnings it gives are collected apart, so that the cache keeps all of them
        (even those an earlier document gave already) and gives them again on a hit.
        """
        if self.cache is None or key is None:
            return make(lambda path: None)
        saved, self.warnings = self.warnings, []
        try:
            made = self.cache.onthouden(key_of(*key), self.warnings, make)
        finally:
            emitted, self.warnings = self.warnings, saved
        for problem in emitted:
            if problem not in self.warnings:
                self.warnings.append(problem)
        return made

    def css_problem(self, problem: CssProblem) -> None:
        """A declaration of the workspace's own templates/stijl.css that WeasyPrint ignored,
        at its line there. The stylesheet is a template, so its rendered lines can shift:
        the line is found by the declaration itself, else estimated (base.html includes the
        stylesheet from the second line of its <style> element on). The built-in
        stylesheet has none."""
        own = self.werkmap.root / "templates" / STYLESHEET
        if not own.is_file():
            return
        self.warn(
            Loc(own, css_line(own, problem)),
            f"CSS-regel genegeerd: '{problem.declaration}' ({problem.reason})",
        )

    def part(self, key: str, make: Callable[[], bytes]) -> bytes:
        """A rendered part, made once per build (the pack reuses what the documents made)."""
        if key not in self.parts:
            self.parts[key] = make()
        return self.parts[key]

    @contextmanager
    def pakket_modus(self) -> Iterator[None]:
        """Render parts for the meeting pack: their templates get `pakket=True`.

        The pack numbers all its pages itself ("Pagina X van Y" over the whole pack), so the
        house style leaves out a part's own page numbers when `pakket` is set. Parts made
        here are cached under their own keys, apart from the standalone documents.
        """
        previous, self.voor_pakket = self.voor_pakket, True
        try:
            yield
        finally:
            self.voor_pakket = previous


def css_line(stylesheet: Path, problem: CssProblem) -> int:
    """The line of `stylesheet` that holds the declaration WeasyPrint ignored."""
    name, _, value = problem.declaration.partition(":")
    wanted = f"{name.strip()}:{''.join(value.split())}"
    try:
        lines = stylesheet.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        lines = []
    for number, line in enumerate(lines, start=1):
        if wanted in "".join(line.split()):
            return number
    return max(problem.line - 1, 1)
