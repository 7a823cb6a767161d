"""HTML to PDF with WeasyPrint, in a sandbox: nothing is fetched from the network and no
file outside the workspace or the package is read.

Every PDF declares a standard it meets: PDF/UA-1 (accessible: tagged structure, /Lang,
the title as window title, fonts embedded) by default, PDF/A-2b for the archive copies
(`stukken build --archief`; tagged too). WeasyPrint writes no dates into the XMP unless
the HTML asks for them (our templates do not), and its file identifier is a hash of the
content, so equal input still gives equal bytes.

WeasyPrint is imported lazily (laden.py): it costs ~0.3 s, and `stukken check` never needs it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from . import laden

UA = "pdf/ua-1"  # what every standalone PDF declares and meets
ARCHIEF = "pdf/a-2b"  # the archive copies in output/DATUM/archief/


def _fetcher_class() -> type[Any]:
    laden.weasyprint()
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class SandboxFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint is untyped
        """Serves data: URLs and files below the allowed roots; refuses everything else.

        An image the Markdown check refused (`refused`) is refused without a warning: the
        check has warned about it, at the field that holds it.
        """

        def __init__(
            self,
            roots: Iterable[Path],
            warn: Callable[[str], None],
            refused: Callable[[str], bool],
            read: Callable[[Path], None] | None = None,
        ) -> None:
            super().__init__(allowed_protocols={"file", "data"})
            self.roots = [root.resolve() for root in roots]
            self.warn = warn
            self.refused = refused
            self.read = read  # told of every file asked for (the build cache's inputs)

        def fetch(self, url: str, headers: dict[str, str] | None = None) -> Any:
            """WeasyPrint's hook: the response for `url`, or an error that leaves it out."""
            parsed = urlparse(url)
            path = Path(unquote(parsed.path)).resolve() if parsed.scheme == "file" else None
            if path is not None and self.read is not None:
                self.read(path)
            if self.refused(url) or (path is not None and self.refused(str(path))):
                raise ValueError(f"image refused: {url}")
            if parsed.scheme == "data":
                return super().fetch(url, headers)
            if path is not None:
                inside = any(path.is_relative_to(root) for root in self.roots)
                if inside and path.is_file():
                    return URLFetcherResponse(url, body=path.read_bytes())
                reason = (
                    "bestand niet gevonden"
                    if inside
                    else "alleen bestanden binnen de werkmap worden gebruikt"
                )
                self.warn(f"'{path}' niet opgenomen: {reason}")
                raise ValueError(f"not served: {url}")
            self.warn(f"'{url}' niet opgehaald: stukken haalt niets van internet")
            raise ValueError(f"remote resource refused: {url}")

    return SandboxFetcher


class Geweigerd(frozenset[str]):
    """The images a document may not show (the src, path and URL forms the Markdown check
    refused): the check the fetcher calls, and a value another process can be sent."""

    def __call__(self, target: str) -> bool:
        return target in self


@dataclass(frozen=True)
class CssProblem:
    """A declaration WeasyPrint ignored: its line and column within its <style> element."""

    line: int
    column: int
    declaration: str
    reason: str


CSS_REASONS = {"unknown property": "onbekende eigenschap", "invalid value": "ongeldige waarde"}


class _CssLog(logging.Handler):
    """Collects WeasyPrint's 'Ignored `x: y` at L:C, reason.' warnings while one PDF renders."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.found: list[CssProblem] = []

    def emit(self, record: logging.LogRecord) -> None:
        args: tuple[Any, ...] = record.args if isinstance(record.args, tuple) else ()
        if str(record.msg).startswith("Ignored") and len(args) == 5:
            name, value, line, column, reason = args
            self.found.append(
                CssProblem(
                    int(line),
                    int(column),
                    f"{name}:{value}".strip(),
                    CSS_REASONS.get(reason, reason),
                )
            )


def html_to_pdf(
    html: str,
    *,
    base_dir: Path,
    roots: Iterable[Path],
    warn: Callable[[str], None],
    refused: Callable[[str], bool] = lambda target: False,
    tagged: bool = True,
    css: Callable[[CssProblem], None] | None = None,
    variant: str | None = UA,
) -> bytes:
    """Render one HTML document; `base_dir` resolves relative image paths.

    `variant` is a WeasyPrint PDF variant (UA or ARCHIEF); None for a plain PDF.
    Declarations WeasyPrint ignores in the document's stylesheets go to `css`.
    """
    pdfs = html_to_pdfs(
        html,
        base_dir=base_dir,
        roots=roots,
        warn=warn,
        refused=refused,
        tagged=tagged,
        css=css,
        variant=variant,
    )
    return pdfs[0]


def html_to_pdfs(
    html: str,
    *,
    base_dir: Path,
    roots: Iterable[Path],
    warn: Callable[[str], None],
    refused: Callable[[str], bool] = lambda target: False,
    tagged: bool = True,
    css: Callable[[CssProblem], None] | None = None,
    variant: str | None = UA,
    without: str | None = None,
    read: Callable[[Path], None] | None = None,
) -> tuple[bytes, bytes | None]:
    """`html_to_pdf`, and with `without` (a margin box: "@bottom-right") a second PDF of
    the same layout with that margin box left out of every page, or None if this
    WeasyPrint does not let us (the caller then renders the other version itself).

    Laying out is most of the cost of a PDF; writing the same layout twice costs a
    tenth. The meeting pack's copy of the agenda differs only by the page numbers.
    `read` is told of every file the document asks for, served or not.
    """
    weasyprint = laden.weasyprint()
    logger = logging.getLogger("weasyprint")
    logger.setLevel(logging.WARNING)
    logger.propagate = False  # WeasyPrint's English warnings are not for a secretariat
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    collector = _CssLog()
    logger.addHandler(collector)
    options = {"pdf_tags": tagged, "uncompressed_pdf": False, "pdf_variant": variant}
    try:
        fetcher = _fetcher_class()(roots, warn, refused, read)
        document = weasyprint.HTML(
            string=html, base_url=base_dir.resolve().as_uri() + "/", url_fetcher=fetcher
        ).render(**options)  # as HTML.write_pdf does: the options reach the layout too
        pdf: bytes = document.write_pdf(**options)
        second = None
        if without is not None and drop_margin_boxes(document, without):
            second = document.write_pdf(**options)
    finally:
        logger.removeHandler(collector)
    if css is not None:
        for problem in collector.found:
            css(problem)
    return pdf, second


def drop_margin_boxes(document: Any, at_keyword: str) -> bool:
    """Take the margin boxes `at_keyword` off every laid-out page of a WeasyPrint
    document; False (nothing changed) if its pages are not built as this expects."""
    boxes: list[Any] = [getattr(page, "_page_box", None) for page in document.pages]
    if not all(isinstance(getattr(box, "children", None), (list, tuple)) for box in boxes):
        return False
    for box in boxes:
        kept = [c for c in box.children if getattr(c, "at_keyword", None) != at_keyword]
        box.children = type(box.children)(kept)
    return True
