"""Shared fixtures: small workspaces written in the test, the CLI, text from outputs."""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from vergaderstukken.__main__ import cli

REPO = Path(__file__).resolve().parents[1]

STUKKEN_YAML = """\
overleg:
  naam: Regionaal Overleg Water
  afkorting: ROW
  organisatie: Waterschap Vallei
  secretariaat: Secretariaat ROW
  voorzitter: mw. De Boer
  locatie: Gemeentehuis Ede
"""

AGENDA_YAML = """\
datum: 2024-01-24
tijd: 15:45-17:15
agenda:
  - titel: Opening
  - titel: Dijkversterking
    id: dijk
    doel: besluitvorming
    bijlagen: [plan]
    toelichting: |
      Het plan ligt ter besluitvorming voor.
  - titel: Rondvraag
bijlagen:
  - id: plan
    titel: Plan dijkversterking
    bestand: bijlagen/plan.md
"""


# Test modules that render documents (WeasyPrint, LibreOffice), build wheels or fuzz: run
# `make test-snel` (pytest -m "not traag") for the fast unit tests of load, schema, gather
# and the commands alone. A new rendering test module belongs in this set.
TRAAG = {
    "test_acceptatie_deel2",
    "test_aanval",
    "test_adviseurs_build",
    "test_afbeeldingen",
    "test_agenda",
    "test_annotaties",
    "test_cyclus_bouw",
    "test_docx_markdown",
    "test_fuzz_laden",
    "test_golden",
    "test_kalender",
    "test_uitnodiging",
    "test_invoer_vijandig",
    "test_lijsten",
    "test_packaging",
    "test_pakket",
    "test_pdf_vijandig",
    "test_serve_browser",
    "test_publiceer",
    "test_snelheid",
    "test_snelheid_motor",
    "test_sjablonen_veilig",
    "test_site_browser",
    "test_uitvoer",
    "test_verslag",
    "test_woo",
    "test_woo_lakken",
    "test_zetter",
}


def pytest_collection_modifyitems(items):
    for item in items:
        if item.module is not None and item.module.__name__ in TRAAG:
            item.add_marker(pytest.mark.traag)


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


@pytest.fixture
def workspace(tmp_path):
    """A factory: workspace(files) writes a minimal valid workspace plus/over `files`."""

    def make(files: dict[str, str | bytes] | None = None, *, base: bool = True) -> Path:
        root = tmp_path / "werkmap"
        defaults = (
            {
                "stukken.yaml": STUKKEN_YAML,
                "meetings/2024-01-24/agenda.yaml": AGENDA_YAML,
                "meetings/2024-01-24/bijlagen/plan.md": "# Plan\n\nDe dijk wordt versterkt.\n",
            }
            if base
            else {}
        )
        return write_files(root, {**defaults, **(files or {})})

    return make


@pytest.fixture
def example(tmp_path) -> Path:
    """A private copy of the repository's example workspace."""
    root = tmp_path / "voorbeeld"
    root.mkdir()
    shutil.copy(REPO / "stukken.yaml", root / "stukken.yaml")
    shutil.copytree(REPO / "meetings", root / "meetings")
    return root


class Result:
    def __init__(self, click_result):
        self.exit_code = click_result.exit_code
        self.stdout = click_result.stdout
        self.stderr = click_result.stderr
        self.exception = click_result.exception

    @property
    def lines(self) -> list[str]:
        return self.stderr.splitlines()


@pytest.fixture
def stukken(monkeypatch):
    """Run the CLI in a workspace: stukken(root, "build", "2024-01-24")."""

    def run(root: Path, *args: str) -> Result:
        monkeypatch.chdir(root)
        result = CliRunner().invoke(cli, list(args), prog_name="stukken", catch_exceptions=True)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Result(result)

    return run


def pdf_text(path: Path, *, layout: bool = False) -> str:
    """The text layer of a PDF, as poppler's pdftotext reads it."""
    args = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pdf_pages(path: Path) -> list[str]:
    return pdf_text(path).split("\f")[:-1]


def docx_text(path: Path) -> str:
    """Paragraphs and table cells of a .docx, in document order, one per line."""
    from docx import Document

    document = Document(str(path))

    def text_of(element) -> str:
        parts = []
        for node in element.iter():
            name = node.tag.rsplit("}", 1)[-1]
            if name == "t":
                parts.append(node.text or "")
            elif name == "tab" and node.getparent().tag.endswith("}r"):
                parts.append("\t")
            elif name in ("br", "cr"):
                parts.append("\n")
        return "".join(parts)

    lines = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(text_of(block))
        elif tag == "tbl":
            for row in block.iter():
                if row.tag.endswith("}tr"):
                    cells = [text_of(c) for c in row.iterchildren() if c.tag.endswith("}tc")]
                    lines.append(" | ".join(cells))
    return "\n".join(lines)


def in_order(text: str, *parts: str) -> bool:
    """True when every part occurs in `text`, each after the previous one."""
    position = 0
    for part in parts:
        found = text.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return True


def blank_pdf(pages: int = 1, size: tuple[float, float] = (595, 842)) -> bytes:
    """A valid PDF of empty pages (no text layer), made with pikepdf."""
    import io

    import pikepdf

    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page(page_size=size)
    buffer = io.BytesIO()
    pdf.save(buffer, deterministic_id=True)
    return buffer.getvalue()
