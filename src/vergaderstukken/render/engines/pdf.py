"""HTML to PDF with WeasyPrint, in a sandbox: nothing is fetched from the network and no
file outside the workspace or the package is read.

WeasyPrint is imported lazily: it costs ~0.6 s, and `stukken check` never needs it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse


def _fetcher_class() -> type[Any]:
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
        ) -> None:
            super().__init__(allowed_protocols={"file", "data"})
            self.roots = [root.resolve() for root in roots]
            self.warn = warn
            self.refused = refused

        def fetch(self, url: str, headers: dict[str, str] | None = None) -> Any:
            """WeasyPrint's hook: the response for `url`, or an error that leaves it out."""
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
) -> bytes:
    """Render one HTML document; `base_dir` resolves relative image paths."""
    import weasyprint

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    fetcher = _fetcher_class()(roots, warn, refused)
    document = weasyprint.HTML(
        string=html, base_url=base_dir.resolve().as_uri() + "/", url_fetcher=fetcher
    )
    pdf: bytes = document.write_pdf(pdf_tags=tagged, uncompressed_pdf=False)
    return pdf
