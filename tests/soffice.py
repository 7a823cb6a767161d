"""LibreOffice as a second opinion on generated DOCX files.

python-docx reads almost anything back; LibreOffice is stricter about document
structure and is what many members open the files with, so a successful conversion
to PDF is a useful check that the document is well-formed.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

TIMEOUT = 120


def docx_to_pdf(docx: Path, outdir: Path) -> Path:
    """Convert `docx` to PDF in `outdir` with headless LibreOffice; return the PDF path."""
    outdir.mkdir(parents=True, exist_ok=True)
    # A private profile: a shared one is locked by any running LibreOffice, and
    # parallel test runs would otherwise fail or silently do nothing.
    with tempfile.TemporaryDirectory(prefix="soffice-profile-") as profile:
        result = subprocess.run(
            [
                "soffice",
                "--headless",
                "--norestore",
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                str(docx),
            ],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
    pdf = outdir / f"{docx.stem}.pdf"
    if result.returncode != 0 or not pdf.is_file():
        raise RuntimeError(
            f"soffice could not convert {docx} (exit {result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}"
        )
    return pdf
