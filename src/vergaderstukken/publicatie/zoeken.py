"""The search index: Pagefind over the site's pages, as static files in pagefind/.

Pagefind's own command line (`python -m pagefind`, from PyPI's `pagefind[bin]`) indexes a
copy of the pages in a temporary folder; its output is read back into memory, so the
index is checked with everything else before anything is written. Only the pages marked
`data-pagefind-body` (the meetings) are indexed. Pagefind's output is the same for the
same pages, so the site stays byte-identical. Its ready-made search interfaces are left
out: zoeken.html has its own small, accessible one.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
import tempfile
from pathlib import Path

from ..exceptions import StukkenError

MAP = "pagefind"
UNUSED = ("pagefind-ui.", "pagefind-component-ui.", "pagefind-modular-ui.")
SIGNATURE = b"pagefind_dcd"  # what Pagefind's compressed files start with, unpacked


def zoekindex(pages: dict[str, bytes]) -> dict[str, bytes]:
    """The files of the search index over `pages` (name -> HTML), named below pagefind/."""
    with tempfile.TemporaryDirectory(prefix="stukken-zoeken-") as folder:
        site = Path(folder)
        for name, data in pages.items():
            path = site / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        command = [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(site),
            "--keep-index-url",
            "--force-language",
            "nl",
            "--silent",
        ]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=300)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise StukkenError(f"de zoekindex kan niet gemaakt worden: {error}") from None
        if result.returncode != 0:
            reason = (result.stderr or result.stdout).strip().splitlines()
            shown = reason[-1] if reason else f"code {result.returncode}"
            if "No module named pagefind" in (result.stderr or ""):
                shown = "Pagefind is niet geïnstalleerd (pip install 'pagefind[bin]')"
            raise StukkenError(f"de zoekindex kan niet gemaakt worden: {shown}")
        out = site / MAP
        return {
            f"{MAP}/{path.relative_to(out).as_posix()}": path.read_bytes()
            for path in sorted(out.rglob("*"))
            if path.is_file() and not path.name.startswith(UNUSED)
        }


def leesbare_tekst(data: bytes) -> str:
    """What an index file holds, unpacked when it is one of Pagefind's compressed files
    (fragments hold each page's whole text, index files its single words)."""
    try:
        unpacked = gzip.decompress(data)
    except (OSError, EOFError):
        unpacked = data
    return unpacked.removeprefix(SIGNATURE).decode("utf-8", errors="replace")
