"""Attachment PDFs are opened while the workspace loads, so `stukken check` already reports
a file that cannot go into the meeting pack (unreadable, encrypted, damaged, no pages)
instead of `stukken build` failing halfway. A PDF without any text (a scan) only gets a
warning: it goes into the pack, but nobody can search or copy its text.

The check reads the cross-reference table and the page tree, and decodes every stream
chunk by chunk against a budget (pdf_budget.py), keeping nothing: a PDF with more pages
than an attachment may have, or whose streams decode to far more than its size (a zip
bomb), is refused here, before any tool reads it whole.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..exceptions import Problems
from ..model import Bijlage, Vergadering
from ..pdf_budget import Budget, PdfTeZwaar, check_pages, check_streams

if TYPE_CHECKING:  # imported where used: a workspace without PDFs never loads it
    import pikepdf

MAX_FORM_DEPTH = 4  # forms nested deeper than this are not searched for fonts


def check_attachment_pdfs(vergadering: Vergadering, problems: Problems) -> None:
    """Check every PDF file of the meeting's attachments (including public versions)."""
    for bijlage in vergadering.bijlagen:
        for path in dict.fromkeys((bijlage.bestand, bijlage.openbaar_bestand)):
            if path is not None and path.suffix.lower() == ".pdf":
                check_attachment_pdf(bijlage, path, vergadering.folder, problems)


def check_attachment_pdf(bijlage: Bijlage, path: Path, folder: Path, problems: Problems) -> None:
    """Report what is wrong with one PDF file of `bijlage`, at the attachment's line."""
    try:
        shown = path.relative_to(folder.resolve()).as_posix()
    except ValueError:
        shown = path.name
    what = f"bijlage '{bijlage.id}' ({shown})"
    error, warning = pdf_findings(path)
    if error:
        problems.error(bijlage.loc, f"{what} {error}")
    elif warning:
        problems.warn(bijlage.loc, f"{what} {warning}")


def pdf_findings(path: Path) -> tuple[str | None, str | None]:
    """(error, warning) for one PDF file, in Dutch; (None, None) when all is well."""
    import pikepdf

    try:
        with pikepdf.open(path) as pdf:
            if pdf.is_encrypted:
                return (
                    "is versleuteld (beveiligd tegen wijzigen of kopiëren); sla het op "
                    "zonder beveiliging en voeg die versie toe",
                    None,
                )
            repaired = bool(pdf.get_warnings())
            if len(pdf.pages) == 0:
                return "bevat geen pagina's", None
            check_pages(len(pdf.pages))
            check_streams(pdf, Budget(path.stat().st_size))
            has_text = False
            for page in pdf.pages:
                _read_contents(page.obj)
                has_text = has_text or _has_fonts(_resources(page.obj), MAX_FORM_DEPTH)
            repaired = repaired or bool(pdf.get_warnings())
    except PdfTeZwaar as error:
        return error.message, None
    except pikepdf.PasswordError:
        return ("is beveiligd met een wachtwoord; voeg een versie zonder wachtwoord toe", None)
    except OSError as error:
        return f"kan niet gelezen worden: {error.strerror or error}", None
    except (pikepdf.PdfError, ValueError, KeyError, TypeError):
        return (
            "is beschadigd en niet als PDF te lezen; sla het opnieuw op als PDF of vraag "
            "om een nieuwe versie",
            None,
        )
    if repaired:
        return None, (
            "is beschadigd maar kon hersteld worden; controleer de pagina's in het vergaderpakket"
        )
    if not has_text:
        return None, (
            "heeft geen tekstlaag (een scan?): de tekst is in het vergaderpakket "
            "niet doorzoekbaar; laat er zo mogelijk tekstherkenning (OCR) op los"
        )
    return None, None


def _read_contents(page: pikepdf.Object) -> None:
    """Decode the page's content streams: a damaged stream raises here, not in the build."""
    import pikepdf

    contents = page.get("/Contents")
    streams = contents if isinstance(contents, pikepdf.Array) else [contents]
    for stream in streams:
        if isinstance(stream, pikepdf.Stream):
            stream.read_bytes()


def _resources(page: pikepdf.Object) -> pikepdf.Object | None:
    """The page's resources, inherited from the page tree when the page has none."""
    node: pikepdf.Object | None = page
    for _ in range(64):  # a page tree is never this deep; guards against a cycle
        if node is None:
            return None
        if "/Resources" in node:
            return node.Resources
        node = node.get("/Parent")
    return None


def _has_fonts(resources: object, depth: int) -> bool:
    """True when the resources (or a form XObject inside them) name at least one font."""
    import pikepdf

    if not isinstance(resources, pikepdf.Dictionary):
        return False
    fonts = resources.get("/Font")
    if isinstance(fonts, pikepdf.Dictionary) and len(fonts) > 0:
        return True
    xobjects = resources.get("/XObject")
    if depth <= 0 or not isinstance(xobjects, pikepdf.Dictionary):
        return False
    for _name, xobject in xobjects.items():
        if (
            isinstance(xobject, pikepdf.Stream)
            and xobject.get("/Subtype") == "/Form"
            and _has_fonts(xobject.get("/Resources"), depth - 1)
        ):
            return True
    return False
