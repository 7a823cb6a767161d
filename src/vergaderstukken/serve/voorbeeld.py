"""The preview of one meeting: the HTML of its documents, or the problems that stop it.

Each save renders only HTML, through the same templates and template contexts the PDFs
use, so the browser shows a change within a fraction of a second; the PDFs come from the
normal build (commands/build.py), made in the background.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..exceptions import Loc, Problem, StukkenError, ValidationError
from ..gather import Verzameling
from ..load.mappen import scan_meetings, select_meeting
from ..load.werkmap import load_werkmap
from ..model import Vergadering
from ..render import context as contexts
from ..render.documents import geannoteerde_agenda, lijsten, verslag
from ..render.job import RenderJob

FONTS_URL = "/__sjablonen/fonts"  # where the pages find the house font (handler.py)
WERKMAP_URL = "/__werkmap/"  # where the pages find images of the workspace (handler.py)


@dataclass(frozen=True)
class Stuk:
    """One document of the preview: its address, its name in the overview, its HTML."""

    naam: str  # the page's address below /, and the output file's name without suffix
    titel: str
    html: str

    @property
    def pdf(self) -> str:
        """The file the normal build writes for this document."""
        return f"{self.naam}.pdf"


@dataclass(frozen=True)
class Voorbeeld:
    """What the server shows: the documents of meeting `vergadering`, or the `fouten`
    (each `file:line: message`) that keep them from being rendered."""

    vergadering: str = ""
    stukken: dict[str, Stuk] = field(default_factory=dict)
    waarschuwingen: tuple[str, ...] = ()
    fouten: tuple[str, ...] = ()


def maak_voorbeeld(root: Path, datum: str | None) -> Voorbeeld:
    """Load, gather and render meeting `datum` (None: the latest) of workspace `root`."""
    try:
        return _render(root, datum)
    except ValidationError as error:
        return Voorbeeld(fouten=tuple(problem_line(p, root) for p in error.problems))
    except StukkenError as error:
        return Voorbeeld(fouten=tuple(error.format_message().splitlines()))
    except Exception as error:  # a preview outlives a bug: it shows it and waits for a save
        return Voorbeeld(fouten=(f"interne fout: {type(error).__name__}: {error}",))


def problem_line(problem: Problem, root: Path) -> str:
    """`file:line: message` with the file relative to the workspace, wherever the server
    was started."""
    file = problem.loc.file
    try:
        shown = os.path.relpath(file, root) if file.is_absolute() else str(file)
    except ValueError:
        shown = str(file)
    if shown.startswith(".."):
        shown = str(file)
    where = f"{shown}:{problem.loc.line}" if problem.loc.line else shown
    return f"{where}: {problem.message}"


def _render(root: Path, datum: str | None) -> Voorbeeld:
    mappen = scan_meetings(root)
    naam = select_meeting(mappen, datum)
    werkmap, warnings = load_werkmap(root, tot=naam, mappen=mappen)
    vergadering = werkmap.vergadering(naam)
    if vergadering is None:  # select_meeting named it, so only a race with a deletion
        raise StukkenError(f"vergadering {naam} is niet (meer) te vinden in meetings/")
    verzameling = Verzameling(werkmap)
    verzameling.van(vergadering)
    job = RenderJob(werkmap, vergadering, verzameling=verzameling)
    stukken = [*_agendas(job, vergadering), *_verslag(job, vergadering)]
    fonts = job.fonts.resolve().as_uri()
    folder = vergadering.folder.resolve().relative_to(root.resolve()).as_posix()
    base = f'<base href="{WERKMAP_URL}{folder}/">'
    shown = {s.naam: Stuk(s.naam, s.titel, _for_browser(s.html, fonts, base)) for s in stukken}
    problems = [*warnings, *job.warnings]
    return Voorbeeld(naam, shown, tuple(problem_line(p, root) for p in problems))


def _agendas(job: RenderJob, vergadering: Vergadering) -> list[Stuk]:
    with job.rendering(vergadering.loc):
        html = job.templates.render("agenda.html", contexts.agenda(job))
    found = [Stuk("agenda", "Agenda", html)]
    for annotatie in geannoteerde_agenda.selected(vergadering, None):
        context = geannoteerde_agenda.annotated_context(job, annotatie)
        source = Loc(annotatie.bestand)
        with job.rendering(source):
            html = job.templates.render(geannoteerde_agenda.HTML_TEMPLATE, context)
        geannoteerde_agenda.check_placement(html, context, source)
        naam = geannoteerde_agenda.file_names(annotatie.naam)[0].removesuffix(".pdf")
        found.append(Stuk(naam, f"Geannoteerde agenda ({annotatie.naam})", html))
    return found


def _verslag(job: RenderJob, vergadering: Vergadering) -> list[Stuk]:
    if vergadering.verslag is None:
        return []
    source = vergadering.verslag.loc
    with job.rendering(source, vergadering.folder):
        minutes = job.templates.render("verslag.html", verslag.context_van(job, vergadering))
        lijst = job.templates.render("actie-en-besluitenlijst.html", lijsten.context_van(job))
    return [
        Stuk("verslag", "Verslag", minutes),
        Stuk("actie-en-besluitenlijst", lijsten.TITEL, lijst),
    ]


def _for_browser(html: str, fonts_uri: str, base: str) -> str:
    """The document's HTML with addresses the server answers: the house font from the
    template folder, relative images from the meeting folder (a <base> element)."""
    html = html.replace(fonts_uri, FONTS_URL)
    head = html.find("<head>")
    if head < 0:
        return base + html
    return html[: head + len("<head>")] + "\n" + base + html[head + len("<head>") :]
