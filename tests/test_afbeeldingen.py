"""Images in Markdown fields: one warning per image for all documents, at the line of the
field that holds it, and the same images in the PDFs and the Word documents."""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import STUKKEN_YAML, write_files
from vergaderstukken.commands.build import build

MAP = "meetings/2024-01-24"
AGENDA = f"{MAP}/agenda.yaml"
VERSLAG = f"{MAP}/verslag.yaml"
ANNOTATIE = f"{MAP}/annotaties/adviseur.yaml"
PLAN = f"{MAP}/bijlagen/plan.md"


def png(colour: str) -> bytes:
    """A small valid PNG (1x1); Word stores identical pictures once, so vary the colour."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (1, 1), colour).save(buffer, format="PNG")
    return buffer.getvalue()


FILES = {
    "stukken.yaml": STUKKEN_YAML,
    "gedeeld/logo.png": png("blue"),  # in the workspace, outside the meeting folder: shown
    f"{MAP}/bijlagen/kaart.png": png("red"),
    f"{MAP}/bijlagen/kapot.png": b"geen afbeelding",
    AGENDA: """\
        datum: 2024-01-24
        agenda:
          - titel: Opening
            toelichting: |
              Welkom. ![logo](../../gedeeld/logo.png)

              ![extern](https://example.org/foto.png)
          - titel: Dijk
            id: dijk
            bijlagen: [plan]
            vragen:
              - Eerste vraag?
              - Tweede vraag ![kaart](bijlagen/kaart.png) en ![weg](bijlagen/weg.png)?
        bijlagen:
          - id: plan
            titel: Plan
            bestand: bijlagen/plan.md
        """,
    PLAN: "# Plan\n\nTekst.\n\n![web](https://example.org/x.png)\n",
    VERSLAG: """\
        punten:
          dijk:
            bka:
              - besluit: Akkoord.
                toelichting: Zie ![kapot](bijlagen/kapot.png).
        """,
    ANNOTATIE: """\
        punten:
          dijk:
            advies: Instemmen.
            tekst: Let op ![buiten](../../../buiten.png).
        """,
}


@pytest.fixture(scope="module")
def gebouwd(tmp_path_factory) -> tuple[Path, list[str]]:
    root = write_files(tmp_path_factory.mktemp("afbeeldingen") / "werkmap", FILES)
    result = build(root, "2024-01-24")
    return root, [str(w) for w in result.warnings]


def test_one_warning_per_image_at_its_field(gebouwd):
    root, warnings = gebouwd
    expected = [
        (AGENDA, 4, "https://example.org/foto.png", "stukken haalt niets van internet"),
        (AGENDA, 13, "bijlagen/weg.png", "bestand niet gevonden"),
        (ANNOTATIE, 4, "../../../buiten.png", "alleen bestanden binnen de werkmap worden gebruikt"),
        (PLAN, 5, "https://example.org/x.png", "stukken haalt niets van internet"),
        (VERSLAG, 5, "bijlagen/kapot.png", "geen leesbare afbeelding (png, jpg, gif, bmp of tiff)"),
    ]
    assert sorted(warnings) == sorted(
        f"{root / path}:{line}: waarschuwing: afbeelding '{src}' is niet opgenomen in de "
        f"documenten: {reason}"
        for path, line, src, reason in expected
    )


def pdf_images(path: Path) -> int:
    listing = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return len(listing.splitlines()) - 2  # two header lines


def docx_images(path: Path) -> int:
    with zipfile.ZipFile(path) as docx:
        return sum(name.startswith("word/media/") for name in docx.namelist())


def test_pdf_and_docx_show_the_same_images(gebouwd):
    root, _ = gebouwd
    out = root / "output" / "2024-01-24"
    # the logo from elsewhere in the workspace and the map in a question: in both formats
    assert pdf_images(out / "agenda.pdf") == docx_images(out / "agenda.docx") == 2
    assert pdf_images(out / "verslag.pdf") == docx_images(out / "verslag.docx") == 0


def test_images_only_the_pdf_shows_are_named_once_for_the_word_documents(workspace, stukken):
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>'
    root = workspace(
        {
            f"{MAP}/bijlagen/kaart.png": png("green"),
            f"{MAP}/bijlagen/logo.svg": svg,
            AGENDA: """\
                datum: 2024-01-24
                agenda:
                  - titel: Kaart ![kaart](bijlagen/kaart.png)
                    toelichting: Het logo ![logo](bijlagen/logo.svg).
                """,
            VERSLAG: "punten:\n  1:\n    tekst: Gezien.\n",  # the title is in the minutes too
        }
    )
    result = stukken(root, "build", "2024-01-24")
    assert result.exit_code == 0, result.stderr
    assert [line for line in result.lines if "afbeelding" in line] == [
        f"{AGENDA}:3: waarschuwing: afbeelding 'bijlagen/kaart.png' is niet opgenomen in de "
        "Word-documenten: geen afbeeldingen in een titel",
        f"{AGENDA}:4: waarschuwing: afbeelding 'bijlagen/logo.svg' is niet opgenomen in de "
        "Word-documenten: Word toont hier geen svg",
    ]


def test_an_image_without_alt_text_is_a_warning_and_alt_text_reaches_the_pdf(workspace, stukken):
    import pikepdf

    from pdf_normen import structure_types

    root = workspace(
        {
            f"{MAP}/bijlagen/kaart.png": png("green"),
            f"{MAP}/bijlagen/dijk.png": png("yellow"),
            AGENDA: """\
                datum: 2024-01-24
                agenda:
                  - titel: Opening
                    toelichting: |
                      Welkom.

                      ![](bijlagen/kaart.png)
                  - titel: Dijk
                    toelichting: Zie ![Kaart van de dijk](bijlagen/dijk.png).
                """,
            VERSLAG: "punten:\n  1:\n    tekst: Gezien ![ ](bijlagen/kaart.png).\n",
        }
    )
    result = stukken(root, "build", "2024-01-24")
    assert result.exit_code == 0, result.stderr
    # once per image and field, for all documents (agenda, minutes, PDF and DOCX)
    assert [line for line in result.lines if "afbeelding" in line] == [
        f"{path}:{line}: waarschuwing: afbeelding 'bijlagen/kaart.png' heeft geen beschrijving "
        "(alt-tekst); schrijf ![beschrijving](bijlagen/kaart.png) zodat een schermlezer haar "
        "kan voorlezen"
        for path, line in ((AGENDA, 4), (VERSLAG, 3))
    ]
    with pikepdf.open(root / "output/2024-01-24/agenda.pdf") as pdf:
        figures = [e for e in structure_types(pdf) if pikepdf.Name.Figure == e.S]
        alts = [str(e.get("/Alt", "")) for e in figures]
    # the described image's Figure carries its words; the other has none (so the warning)
    assert sorted(alts) == ["", "Kaart van de dijk"]
