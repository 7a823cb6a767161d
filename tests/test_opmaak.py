"""Layout checked by geometry, not by eye: the pack's stamps and page numbers never touch
a page's own text, no heading ends a page, no date breaks over two lines; lettered lists.

Word boxes come from the PDFs themselves (tests/opmaak.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import verslag_werkmap
from conftest import AGENDA_YAML, STUKKEN_YAML, pdf_pages, pdf_text, write_files
from opmaak import MM, bladen, gesplitste_datums, is_kop, laatste_regel, regels, stempelwoorden
from vergaderstukken.commands.build import build

DATUM = "2024-01-24"
MARGE = 2 * MM  # the least room between the overlay and a page's own text


@pytest.fixture(scope="module")
def voorbeeld(tmp_path_factory) -> Path:
    """The repository's example workspace, built once for this module."""
    import shutil

    from conftest import REPO

    root = tmp_path_factory.mktemp("voorbeeld")
    shutil.copy(REPO / "stukken.yaml", root / "stukken.yaml")
    shutil.copytree(REPO / "meetings", root / "meetings")
    build(root, DATUM)
    return root / "output" / DATUM


@pytest.fixture(scope="module")
def verslagen(tmp_path_factory) -> list[Path]:
    """The two-meeting minutes workspace, both meetings built."""
    root = write_files(
        tmp_path_factory.mktemp("verslagen") / "werkmap",
        {"stukken.yaml": STUKKEN_YAML, **verslag_werkmap.files()},
    )
    build(root, "2024-01-24")
    build(root, "2024-03-13")
    return sorted((root / "output").glob("*/*.pdf"))


def randen_pdf() -> bytes:
    """An outside PDF whose own header and page number sit at the very edge of A4."""
    import weasyprint

    blad = (
        '<p style="position:absolute;top:0.5mm;left:0;right:0;margin:0;text-align:right;'
        'font:bold 10pt sans-serif">KOPREGEL VAN DE BRON tot aan de rand rechtsboven</p>'
        '<p style="position:absolute;top:0.5mm;left:1mm;margin:0">LINKSBOVEN</p>'
        '<p style="position:absolute;top:40mm;left:20mm;margin:0">Tekst van de bron.</p>'
        '<p style="position:absolute;bottom:0.5mm;right:1mm;margin:0">Bronpagina {n} van 2</p>'
        '<p style="position:absolute;bottom:0.5mm;left:1mm;margin:0">LINKSONDER</p>'
    )
    bladen_html = "".join(
        f'<section style="position:relative;height:297mm;break-after:page">'
        f"{blad.format(n=n)}</section>"
        for n in (1, 2)
    )
    return weasyprint.HTML(
        string=f"<style>@page {{ size: A4; margin: 0 }} body {{ margin: 0 }}</style>{bladen_html}"
    ).write_pdf()


@pytest.fixture(scope="module")
def randpakket(tmp_path_factory) -> Path:
    """A pack with the edge-to-edge outside PDF as Bijlage II."""
    agenda = AGENDA_YAML.replace("bijlagen: [plan]", "bijlagen: [plan, rand]") + (
        "  - id: rand\n    titel: Notitie van derden\n    bestand: bijlagen/rand.pdf\n"
    )
    root = write_files(
        tmp_path_factory.mktemp("rand") / "werkmap",
        {
            "stukken.yaml": STUKKEN_YAML,
            "meetings/2024-01-24/agenda.yaml": agenda,
            "meetings/2024-01-24/bijlagen/plan.md": "# Plan\n\nDe dijk wordt versterkt.\n",
            "meetings/2024-01-24/bijlagen/rand.pdf": randen_pdf(),
        },
    )
    build(root, DATUM)
    return root / "output" / DATUM / "vergaderpakket.pdf"


def assert_stempels_vrij(pack: Path, tmp: Path) -> None:
    """Every page carries the pack's page number, and the attachments their stamp, in the
    outer band of the sheet, clear of every word of the page itself."""
    pages = stempelwoorden(pack, tmp)
    for number, (blad, overlay, eigen) in enumerate(pages, 1):
        tekst = " ".join(w.tekst for w in overlay)
        assert tekst.endswith(f"Pagina {number} van {len(pages)}"), (number, tekst)
        for word in overlay:
            assert word.bottom <= 10 * MM or word.top >= blad.height - 10 * MM, (number, word)
            touching = [w.tekst for w in eigen if word.raakt(w, MARGE)]
            assert not touching, (number, word.tekst, touching)


def test_example_pack_stamps_touch_no_content(voorbeeld, tmp_path):
    pack = voorbeeld / "vergaderpakket.pdf"
    assert_stempels_vrij(pack, tmp_path)
    pages = stempelwoorden(pack, tmp_path)
    stamped = [
        (blad, eigen) for blad, overlay, eigen in pages if overlay and overlay[0].tekst == "Bijlage"
    ]
    assert len(stamped) == 11  # Bijlage I (2 pages), II (3), III (6)
    for blad, eigen in stamped:
        # the stamp takes the place of a generated part's running header
        assert not [w.tekst for w in eigen if w.top < 20 * MM], blad


def test_outside_pdf_is_framed_whole_below_the_stamp(randpakket, tmp_path):
    assert_stempels_vrij(randpakket, tmp_path)
    pages = bladen(randpakket)
    source = [p for p in pages if any(w.tekst == "KOPREGEL" for w in p.woorden)]
    assert len(source) == 2
    for n, blad in enumerate(source, 1):
        words = [w.tekst for w in blad.woorden]
        # nothing cropped or covered: its own header, corners and page number are all there
        for word in ("KOPREGEL", "rechtsboven", "LINKSBOVEN", "LINKSONDER", "Bronpagina"):
            assert word in words, (n, word)
        assert f"Bronpagina {n} van 2" in " ".join(words)
        for w in blad.woorden:
            assert 0 < w.x0 < w.x1 < blad.width and 0 < w.top < w.bottom < blad.height
    stamp = "Bijlage II — Notitie van derden"
    assert all(stamp in page for page in pdf_pages(randpakket)[-2:])


def documenten(voorbeeld: Path, verslagen: list[Path]) -> list[Path]:
    return [*sorted(voorbeeld.glob("*.pdf")), *verslagen]


def test_no_heading_is_the_last_line_of_a_page(voorbeeld, verslagen):
    """In every document; the pack is left out because a part may end on its last
    item's title (Rondvraag), and its parts are the documents checked here."""
    checked = 0
    for pdf in documenten(voorbeeld, verslagen):
        if pdf.name == "vergaderpakket.pdf":
            continue
        pages = bladen(pdf)
        for number, blad in enumerate(pages[:-1], 1):
            line = laatste_regel(blad)
            checked += 1
            assert line and not is_kop(line), (pdf.name, number, [w.tekst for w in line])
    assert checked >= 10


def test_headings_are_recognised_by_the_check(voorbeeld):
    """The check sees item titles as headings and body lines as not (so it can fail)."""
    from opmaak import regels

    blad = bladen(voorbeeld / "agenda.pdf")[0]
    lines = {" ".join(w.tekst for w in line): is_kop(line) for line in regels(blad.woorden)}
    assert lines["1. Opening & vaststellen agenda"] is True
    assert lines["3. Terugkoppeling Topambtelijk gesprek bestuurlijk arrangement"] is True
    assert not any(flag for text, flag in lines.items() if text.startswith("Datum"))


def test_no_date_breaks_over_two_lines(voorbeeld, verslagen):
    """Only the agenda's Termijn column (in the agendas and the pack) may put a term's
    year on the next line."""
    for pdf in documenten(voorbeeld, verslagen):
        termijnen = pdf.name.startswith(("agenda", "geannoteerde-agenda", "vergaderpakket"))
        assert gesplitste_datums(pdf, jaar_los=termijnen) == [], pdf.name


def test_open_actions_give_the_action_half_the_table(voorbeeld):
    """The agenda's open actions: the Actie column takes about half the table (it had
    two fifths while whole dates widened Termijn); a term's year may go to the next line
    there, "22 december" itself never breaks."""
    for name in ("agenda.pdf", "geannoteerde-agenda-hellendoorn.pdf"):
        blad = next(
            b for b in bladen(voorbeeld / name) if any(w.tekst == "Termijn" for w in b.woorden)
        )
        termijn = next(w for w in blad.woorden if w.tekst == "Termijn")
        rij = [w for w in blad.woorden if abs(w.top - termijn.top) < 1 and w.bold]
        kop = {w.tekst: w for w in rij}
        assert list(kop) == list(KOLOMMEN), name  # the header row, in order
        links = [kop[k].x0 for k in KOLOMMEN]
        rechts = blad.width - 20 * MM  # the right margin
        breedte = rechts - links[0]
        assert links[2] - links[1] >= 0.48 * breedte, (name, links)
        assert rechts - links[3] < 0.35 * breedte, (name, links)  # Termijn and Status
        assert gesplitste_datums(voorbeeld / name, jaar_los=True) == [], name
    regels = pdf_text(voorbeeld / "agenda.pdf", layout=True)
    assert re.search(r"2023-12-13\.3 .* 22 december +open", regels), regels
    assert re.search(r"^ +(?:\S.*)? 2023 *$", regels, re.M)


KOLOMMEN = ("Nr.", "Actie", "Wie", "Termijn", "Status")


def test_item_numbers_hang_beside_their_titles(voorbeeld):
    """An item's number stands in the heading's left margin and its title beside it, 10 mm
    on in the agenda and 14 mm in the minutes; a title of two lines keeps that indent."""
    agenda = [w for blad in bladen(voorbeeld / "agenda.pdf") for w in blad.woorden]
    for nummer, titel in (("2.", "Actualiteiten"), ("3.", "Terugkoppeling"), ("4.", "Voorstel")):
        kop = next(i for i, w in enumerate(agenda) if w.tekst == nummer and w.bold)
        naast = agenda[kop + 1]
        assert naast.tekst == titel and abs(naast.top - agenda[kop].top) < 0.5
        assert naast.x0 - agenda[kop].x0 == pytest.approx(10 * MM, abs=0.2)
    # the minutes of 13 December in the pack: "11.3 Stand van zaken ... bij gemeente" and,
    # on the next line, "Wierden per 1-1-2024"
    pakket = bladen(voorbeeld / "vergaderpakket.pdf")
    lines = [line for blad in pakket for line in regels(blad.woorden)]
    first = next(
        i for i, line in enumerate(lines) if [w.tekst for w in line[:2]] == ["11.3", "Stand"]
    )
    nummer, titel = lines[first][:2]
    assert titel.x0 - nummer.x0 == pytest.approx(14 * MM, abs=0.2)
    second = lines[first + 1]
    assert [w.tekst for w in second] == ["Wierden", "per", "1-1-2024"]
    assert all(w.bold for w in second) and second[0].x0 == pytest.approx(titel.x0, abs=0.2)


def test_page_one_names_the_committee_once(voorbeeld):
    for name in ("agenda.pdf", "verslag.pdf", "actie-en-besluitenlijst.pdf"):
        first = " ".join(pdf_pages(voorbeeld / name)[0].split())
        assert first.count("Twentse Regietafel Asielinstroom") == 1, name
        assert first.count("Veiligheidsregio Twente") == 1, name


def test_titles_keep_their_last_two_words_together(voorbeeld):
    first = pdf_pages(voorbeeld / "geannoteerde-agenda-hellendoorn.pdf")[0]
    assert "Geannoteerde agenda Twentse\nRegietafel Asielinstroom" in first


def test_bka_table_leaves_the_entry_most_of_the_line(voorbeeld):
    """Nr and B/K/A as wide as what they hold; no Toelichting column when it is empty."""
    blad = bladen(voorbeeld / "verslag.pdf")[0]
    words = blad.woorden
    nummer = next(w for w in words if w.tekst == "12.1" and not w.bold)  # the first row
    row = [w for w in words if abs(w.top - nummer.top) < 2 and w.x0 > nummer.x0]
    assert [w.tekst for w in row[:3]] == ["B", "De", "agenda"]
    table = blad.width - 20 * MM - nummer.x0  # to the right margin
    assert row[1].x0 - nummer.x0 < 0.16 * table  # was 34 mm of 149: 0.23
    header = [w.tekst for w in words if abs(w.top - nummer.top) < 30 and w.top < nummer.top]
    assert "B/K/A" in header and "Toelichting" not in header
    text = pdf_text(voorbeeld / "verslag.pdf", layout=True)
    assert re.search(r"^\s+12\.1\s+B\s+De agenda wordt conform vastgesteld\.", text, re.M)


# --- lettered lists ------------------------------------------------------------------------

LETTERS = """\
De TRA vraagt:

- a. Welke *maatregelen* helpen?
- b. Welke voorbeelden zijn er?

Daarna:
a) eerst dit
b) dan dat

- a. geen reeks
- c. want b ontbreekt
"""


def test_lettered_lists_become_ordered_lists_of_type_a():
    from vergaderstukken.markdown import render_block

    html = str(render_block(LETTERS))
    assert (
        '<ol type="a">\n<li>Welke <em>maatregelen</em> helpen?</li>\n'
        "<li>Welke voorbeelden zijn er?</li>\n</ol>"
    ) in html
    assert (
        '<p>Daarna:</p>\n<ol type="a" class="haakje">\n<li>eerst dit</li>\n<li>dan dat</li>\n</ol>'
    ) in html
    assert "<ul>\n<li>a. geen reeks</li>\n<li>c. want b ontbreekt</li>\n</ul>" in html


def test_lettered_lists_in_pdf_and_docx(tmp_path):
    import weasyprint
    from docx import Document
    from docxtpl import DocxTemplate

    from vergaderstukken.markdown import render_block
    from vergaderstukken.render.engines.docx_markdown import markdown_subdoc

    css = (Path(__file__).parents[1] / "templates" / "stijl.css").read_text(encoding="utf-8")
    lists = css[css.index("ol[type") : css.index("table {")]
    pdf = tmp_path / "lijst.pdf"
    html = f"<style>{lists}</style>{render_block(LETTERS)}"
    weasyprint.HTML(string=html).write_pdf(pdf)
    text = pdf_text(pdf)
    for line in ("a. Welke maatregelen helpen?", "b. Welke voorbeelden", "a) eerst dit"):
        assert line in text
    assert "b) dan dat" in text and "• a. Welke" not in text
    assert "• a. geen reeks" in text  # not a run of letters: left as typed

    template = tmp_path / "sjabloon.docx"
    document = Document()
    document.add_paragraph("{{p body }}")
    document.save(template)
    tpl = DocxTemplate(template)
    tpl.render({"body": markdown_subdoc(tpl, LETTERS, image_root=None, warn=print)})
    tpl.save(tmp_path / "lijst.docx")
    paragraphs = [p.text for p in Document(tmp_path / "lijst.docx").paragraphs]
    assert "a.\tWelke maatregelen helpen?" in paragraphs
    assert "b)\tdan dat" in paragraphs
    assert not any(p.endswith("a. geen reeks") and p.startswith("1") for p in paragraphs)
