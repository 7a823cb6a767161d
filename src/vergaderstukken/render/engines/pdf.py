"""HTML to PDF with WeasyPrint, in a sandbox: nothing is fetched from the network and no
file outside the workspace or the package is read.

Every PDF declares a standard it meets: PDF/UA-1 (accessible: tagged structure, /Lang,
the title as window title, fonts embedded) by default, PDF/A-2b for the archive copies
(`stukken build --archief`; tagged too). WeasyPrint writes no dates into the XMP unless
the HTML asks for them (our templates do not), and its file identifier is a hash of the
content, so equal input still gives equal bytes.

WeasyPrint is imported lazily: it costs ~0.6 s, and `stukken check` never needs it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import unquote, urlparse

UA = "pdf/ua-1"  # what every standalone PDF declares and meets
ARCHIEF = "pdf/a-2b"  # the archive copies in output/DATUM/archief/


def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class SandboxFetcher(URLFetcher):
        """Serves data: URLs and files below the allowed roots; refuses everything else.

        An image the Markdown check refused (`refused`) is refused without a warning: the
        check has warned about it, at the field that holds it.
        """

        def __init__(
            self,
            roots: Iterable[Path],
            warn: Callable[[str], None],
            refused: Callable[[str], bool],
        ):
            super().__init__(allowed_protocols={"file", "data"})
            self.roots = [root.resolve() for root in roots]
            self.warn = warn
            self.refused = refused

        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            path = Path(unquote(parsed.path)).resolve() if parsed.scheme == "file" else None
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


def html_to_pdf(
    html: str,
    *,
    base_dir: Path,
    roots: Iterable[Path],
    warn: Callable[[str], None],
    refused: Callable[[str], bool] = lambda target: False,
    tagged: bool = True,
    variant: str = UA,
) -> bytes:
    """Render one HTML document; `base_dir` resolves relative image paths.

    `variant` is a WeasyPrint PDF variant (UA or ARCHIEF); None for a plain PDF.
    """
    import weasyprint

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    fetcher = _fetcher_class()(roots, warn, refused)
    document = weasyprint.HTML(
        string=html, base_url=base_dir.resolve().as_uri() + "/", url_fetcher=fetcher
    )
    return document.write_pdf(pdf_tags=tagged, uncompressed_pdf=False, pdf_variant=variant)
