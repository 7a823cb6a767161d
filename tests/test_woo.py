"""The public edition (Woo): `stukken build DATUM --openbaar` writes output/DATUM/openbaar/.

Read back with pdftotext (per page) and by scanning every string a file carries
(alle_tekst.everything_in: text layer, metadata, XMP, bookmarks, links, names).
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pikepdf
import pytest
from click.testing import CliRunner

import woo_werkmap as w
from alle_tekst import everything_in
from conftest import (
    AGENDA_YAML,
    STUKKEN_YAML,
    blank_pdf,
    in_order,
    pdf_pages,
    pdf_text,
    write_files,
)
from vergaderstukken.__main__ import cli
from vergaderstukken.woo import lakken as woo

DATUM = "2024-01-24"
PUBLIEK = {"agenda.pdf", "verslag.pdf", "actie-en-besluitenlijst.pdf", "vergaderpakket.pdf"}
ARTIKEL = {"5.1.2e": "Art. 5.1 lid 2 sub e", "5.1.2i": "Art. 5.1 lid 2 sub i"}
LEGENDA = "Legenda toegepaste uitzonderingsgrondslagen"


def run(root: Path, *args: str):
    result = CliRunner().invoke(cli, [*args, "--werkmap", str(root)], prog_name="stukken")
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


@pytest.fixture(scope="module")
def gebouwd(tmp_path_factory):
    """woo_werkmap built twice: the normal build, then --openbaar over it."""
    root = write_files(tmp_path_factory.mktemp("woo") / "werkmap", w.FILES)
    normaal = run(root, "build", DATUM)
    assert normaal.exit_code == 0, normaal.stderr
    folder = root / "output" / DATUM
    voor = {p.name: p.read_bytes() for p in folder.iterdir()}
    openbaar = run(root, "build", DATUM, "--openbaar")
    assert openbaar.exit_code == 0, openbaar.stderr
    return SimpleNamespace(
        root=root, folder=folder, map=folder / "openbaar", voor=voor, result=openbaar
    )


def tekst(path: Path) -> str:
    return " ".join(pdf_text(path).split())


def regels(path: Path) -> str:
    """The text as laid out (table rows stay together), on one line."""
    return " ".join(pdf_text(path, layout=True).split())


def bladwijzers(pdf: pikepdf.Pdf) -> list[str]:
    with pdf.open_outline() as outline:
        found, todo = [], list(outline.root)
        while todo:
            item = todo.pop(0)
            found.append(item.title)
            todo[:0] = list(item.children)
        return found


# --- what is written ---------------------------------------------------------------------


def test_public_edition_is_pdfs_in_their_own_folder(gebouwd):
    assert {p.name for p in gebouwd.map.iterdir()} == PUBLIEK
    assert gebouwd.result.stdout.startswith("4 bestanden geschreven naar ")
    assert "output/2024-01-24/openbaar/:" in gebouwd.result.stdout
    assert gebouwd.result.stderr == ""


def test_normal_build_is_unaffected(gebouwd):
    na = {p.name: p.read_bytes() for p in gebouwd.folder.iterdir() if p.is_file()}
    assert na == gebouwd.voor  # every file of the normal build kept, byte for byte
    agenda = tekst(gebouwd.folder / "agenda.pdf")
    assert "Jorrit Eijbersen heet iedereen welkom" in agenda
    assert "Personele zaken" in agenda and "5.1.2e" not in agenda
    assert "Bijlage II: Interne notitie" in agenda


@pytest.mark.parametrize("naam", sorted(PUBLIEK))
def test_redacted_text_is_in_no_layer_of_any_file(gebouwd, naam):
    alles = everything_in(gebouwd.map / naam)
    for verboden in w.REDACTED:
        assert verboden not in alles.lower(), verboden
    assert "@" not in pdf_text(gebouwd.map / naam)
    assert woo.OPEN not in alles and woo.CLOSE not in alles
    assert "5.1.2e" in pdf_text(gebouwd.map / naam)


@pytest.mark.parametrize("naam", sorted(PUBLIEK))
def test_non_public_items_attachments_and_annotations_are_absent(gebouwd, naam):
    alles = everything_in(gebouwd.map / naam).lower()
    for verboden in w.NOT_PUBLIC:
        assert verboden.lower() not in alles, verboden


def test_metadata_and_bookmarks_show_grounds_not_names(gebouwd):
    with pikepdf.open(gebouwd.map / "agenda.pdf") as pdf:
        titels = bladwijzers(pdf)
        info = {str(k): str(v) for k, v in pdf.docinfo.items()}
    assert "2. Dijkversterking met 5.1.2e" in titels
    assert titels[-1] == LEGENDA
    assert info["/Title"] == "Agenda Regionaal Overleg Water 24 januari 2024"
    with pikepdf.open(gebouwd.map / "vergaderpakket.pdf") as pdf:
        with pdf.open_outline() as outline:
            top = [item.title for item in outline.root]
        assert "openbare versie" in str(pdf.docinfo.Keywords)
    assert top == [
        "Omslag",
        "Inhoud",
        "Agenda",
        "Bijlage I — Plan dijkversterking",
        "Bijlage IV — Verslag ROW 13 december 2023",
        LEGENDA,
    ]


# --- content -----------------------------------------------------------------------------


def test_agenda_keeps_numbers_and_moves_the_part_heading(gebouwd):
    agenda = tekst(gebouwd.map / "agenda.pdf")
    assert in_order(
        agenda,
        "1. Opening",
        "5.1.2e heet iedereen welkom. Vragen vooraf naar 5.1.2e",
        "DEEL 1: Water",
        "2. Dijkversterking met 5.1.2e",
        "Bijlage I: Plan dijkversterking",
        "DEEL 2: Organisatie",  # started at item 3, which is not public
        "4. Project 5.1.2i",
        "De aannemer bellen over de kade.",
        "Bijlage IV: Verslag ROW 13 december 2023",
        "5. Rondvraag",
        LEGENDA,
    )
    # the action's row, read as laid out (the raw text order of a table is pdftotext's guess)
    assert "2023-12-13.2 De aannemer bellen over de kade. 5.1.2e open" in regels(
        gebouwd.map / "agenda.pdf"
    )
    assert not re.search(r"^3\.", pdf_text(gebouwd.map / "agenda.pdf"), re.M)
    assert "Bijlage II" not in agenda  # nor III


def test_minutes_and_lists_keep_numbers(gebouwd):
    verslag = regels(gebouwd.map / "verslag.pdf")
    assert in_order(
        verslag,
        "Aanwezig Gemeente Ede ( 5.1.2e , wethouder)",
        "7.1 Opening",
        "De voorzitter opent. 5.1.2e komt later.",
        "7.2 Dijkversterking met 5.1.2e",
        "7.2 B Het plan wordt vastgesteld.",
        "7.2 A De planning naar de leden sturen.",
        "Actie 2024-01-24.1 · Wie: 5.1.2e",
        "7.4 Project 5.1.2i",
        "De toelichting is van 5.1.2e , die het project trekt.",
        "7.4 B Het project gaat door.",
        "Stand van zaken: 5.1.2e belt volgende week.",
        "7.5 Rondvraag",
    )
    assert "7.3" not in verslag and "2024-01-24.2" not in verslag
    lijst = regels(gebouwd.map / "actie-en-besluitenlijst.pdf")
    assert in_order(lijst, "1 7.2 Het plan wordt vastgesteld.", "3 7.4 Het project gaat door.")
    assert in_order(lijst, "2024-01-24.1 De planning naar de leden sturen. 5.1.2e 15 februari")
    assert "2024-01-24.2" not in lijst and "2023-12-13.1" not in lijst


def test_pack_lists_only_public_attachments_and_redacts_them(gebouwd):
    pack = gebouwd.map / "vergaderpakket.pdf"
    pages = pdf_pages(pack)
    cover = " ".join(pages[0].split())
    contents = " ".join(pdf_text(pack, layout=True).split("\f")[1].split())
    assert "Openbare versie (Wet open overheid)" in cover and "Intern stuk" not in cover
    assert in_order(
        contents,
        "Agenda 3",
        "Bijlage I Plan dijkversterking 4 bij agendapunt 2",
        "Bijlage IV Verslag ROW 13 december 2023 5 bij agendapunt 4",
        "Legenda Toegepaste uitzonderingsgrondslagen 6",
        "Dit pakket telt 6 pagina's",
    )
    assert "Bijlage II" not in contents
    plan = " ".join(pages[3].split())
    assert in_order(plan, "Bijlage I — Plan dijkversterking", "Opgesteld door 5.1.2e ( 5.1.2e ).")
    vorige = " ".join(pages[4].split())
    assert in_order(vorige, "1 Opening", "5.1.2e opent de vergadering.", "3 Rondvraag")
    assert "2023-12-13.2" in vorige and "2023-12-13.1" not in vorige


# --- the legend --------------------------------------------------------------------------


def legend_rows(path: Path) -> dict[str, list[int]]:
    """{ground: pages} from the legend on the last page, read as pdftotext shows it."""
    last = " ".join(pdf_pages(path)[-1].split())
    assert LEGENDA in last and "Wet Artikel Beschrijving Pagina('s)" in last
    rows = {}
    for ground, artikel in ARTIKEL.items():
        match = re.search(re.escape(f"Wet open overheid {artikel} ") + r"\D+((?:\d+ ?)+)", last)
        if match:
            rows[ground] = [int(n) for n in match[1].split()]
    return rows


@pytest.mark.parametrize("naam", sorted(PUBLIEK))
def test_legend_lists_the_pages_with_boxes_of_that_document(gebouwd, naam):
    path = gebouwd.map / naam
    pages = pdf_pages(path)
    assert f"Pagina {len(pages)} van {len(pages)}" in pages[-1]  # the legend is counted
    expected = {
        ground: [n for n, page in enumerate(pages[:-1], start=1) if ground in page]
        for ground in ARTIKEL
    }
    expected = {ground: found for ground, found in expected.items() if found}
    assert legend_rows(path) == expected
    assert "5.1.2e" in expected


def test_pack_legend_counts_pages_across_parts(gebouwd):
    rows = legend_rows(gebouwd.map / "vergaderpakket.pdf")
    assert rows == {"5.1.2e": [3, 4, 5], "5.1.2i": [3]}
    assert "De eerbiediging van de persoonlijke levenssfeer" in tekst(
        gebouwd.map / "vergaderpakket.pdf"
    )


def test_document_without_redactions_says_so(workspace, stukken):
    root = workspace()
    assert stukken(root, "build", DATUM, "--openbaar").exit_code == 0
    last = " ".join(pdf_pages(root / "output" / DATUM / "openbaar" / "agenda.pdf")[-1].split())
    assert in_order(last, LEGENDA, "In dit document zijn geen gegevens geanonimiseerd.")


# --- building ----------------------------------------------------------------------------


def test_public_build_replaces_its_folder_and_a_full_build_removes_it(workspace, stukken):
    root = workspace(
        {"meetings/2024-01-24/verslag.yaml": "punten:\n  opening:\n    tekst: Geopend.\n"}
    )
    out = root / "output" / DATUM
    assert stukken(root, "build", DATUM).exit_code == 0
    assert stukken(root, "build", DATUM, "--openbaar").exit_code == 0
    assert (out / "openbaar" / "verslag.pdf").is_file() and (out / "agenda.docx").is_file()
    (root / "meetings/2024-01-24/verslag.yaml").unlink()
    assert stukken(root, "build", DATUM, "--openbaar").exit_code == 0
    assert {p.name for p in (out / "openbaar").iterdir()} == {"agenda.pdf", "vergaderpakket.pdf"}
    assert (out / "verslag.pdf").is_file()  # the other files stay as they are
    assert stukken(root, "build", DATUM).exit_code == 0
    assert not (out / "openbaar").exists()  # no public edition outlives a newer build


def test_openbaar_and_annotatie_do_not_go_together(workspace, stukken):
    result = stukken(workspace(), "build", DATUM, "--openbaar", "--annotatie", "noord")
    assert result.exit_code == 1
    assert "--openbaar en --annotatie gaan niet samen" in result.stderr


def test_help_describes_the_public_edition_in_dutch(workspace, stukken):
    result = stukken(workspace(), "build", "--help")
    assert "--openbaar" in result.stdout
    assert "Maak de openbare versie (Woo) in de submap openbaar/" in " ".join(result.stdout.split())


def test_a_leak_the_model_cannot_see_stops_the_build(workspace, stukken):
    """An HTML entity hides a name from the redaction; the read-back finds it."""
    agenda = AGENDA_YAML.replace(
        "Het plan ligt ter besluitvorming voor.", "Het plan is van Jorrit&nbsp;Eijbersen."
    )
    root = workspace(
        {
            "stukken.yaml": STUKKEN_YAML
            + "woo:\n  lakken:\n    - {tekst: Jorrit Eijbersen, grond: 5.1.2e}\n",
            "meetings/2024-01-24/agenda.yaml": agenda,
        }
    )
    result = stukken(root, "build", DATUM, "--openbaar")
    assert result.exit_code == 1
    assert (
        "fout: de openbare versie is niet geschreven: openbaar/agenda.pdf bevat nog "
        "'Jorrit Eijbersen'" in result.stderr
    )
    assert not (root / "output").exists()


def test_check_warns_about_an_unknown_ground(workspace, stukken):
    yaml = STUKKEN_YAML + (
        "woo:\n  lakken:\n    - tekst: Jorrit Eijbersen\n      grond: 5.1.2.e\n"
        "    - tekst: Piet de Wit\n      grond: 5.1.2e\n"
    )
    result = stukken(workspace({"stukken.yaml": yaml}), "check")
    assert result.exit_code == 0
    line = yaml.splitlines().index("      grond: 5.1.2.e") + 1
    assert result.lines == [
        f"stukken.yaml:{line}: waarschuwing: onbekende Woo-grond '5.1.2.e' (bedoelde u '5.1.2e'?); de legenda "
        "geeft er geen beschrijving bij"
    ]
    assert "1 waarschuwing." in result.stdout


# --- PDF attachments ---------------------------------------------------------------------


def weasy(html: str) -> bytes:
    import weasyprint

    return weasyprint.HTML(string=html).write_pdf()


PDF_AGENDA = (
    AGENDA_YAML.replace("bijlagen: [plan]", "bijlagen: [plan, brief, notitie, kaart, scan, link]")
    + """\
  - id: brief
    titel: Brief van de bewoners
    bestand: bijlagen/brief.pdf
    openbaar: bijlagen/brief-gelakt.pdf
  - id: notitie
    titel: Notitie
    bestand: bijlagen/notitie.pdf
  - id: kaart
    titel: Kaart
    bestand: bijlagen/kaart.pdf
  - id: scan
    titel: Scan
    bestand: bijlagen/scan.pdf
  - id: link
    titel: Contact
    bestand: bijlagen/link.pdf
"""
)
PDF_STUKKEN = STUKKEN_YAML + "woo:\n  lakken:\n    - {tekst: Piet de Wit, grond: 5.1.2e}\n"


def pdf_files(gelakt: str = "Brief van 5.1.2e over de dijk.") -> dict:
    folder = "meetings/2024-01-24/bijlagen/"
    return {
        "stukken.yaml": PDF_STUKKEN,
        "meetings/2024-01-24/agenda.yaml": PDF_AGENDA,
        folder + "brief.pdf": weasy("<p>Brief van Piet de Wit over de dijk.</p>"),
        folder + "brief-gelakt.pdf": weasy(f"<p>{gelakt}</p>"),
        folder + "notitie.pdf": weasy("<p>Gesprek met piet de wit.</p>"),
        folder + "kaart.pdf": weasy("<p>Kaart van de dijk.</p>"),
        folder + "scan.pdf": blank_pdf(),
        folder + "link.pdf": weasy('<p><a href="mailto:bewoners@dijk.example">Mail ons</a></p>'),
    }


def line_of(root: Path, text: str) -> int:
    lines = (root / "meetings/2024-01-24/agenda.yaml").read_text().splitlines()
    return next(n for n, line in enumerate(lines, start=1) if line == text)


def test_pdf_attachments_in_the_public_pack(workspace, stukken):
    root = workspace(pdf_files())
    result = stukken(root, "build", DATUM, "--openbaar")
    assert result.exit_code == 0, result.stderr
    where = "meetings/2024-01-24/agenda.yaml"
    warnings = [line for line in result.stderr.splitlines() if "openbare versie" in line]
    assert warnings == [
        f"{where}:{line_of(root, '  - id: notitie')}: waarschuwing: bijlage 'notitie' "
        "(bijlagen/notitie.pdf) blijft buiten de openbare versie: de PDF bevat 'piet de wit' "
        "in de tekst; stukken kan in een PDF niet lakken; voeg een gelakte versie toe met "
        "'openbaar: <pad>' bij de bijlage",
        f"{where}:{line_of(root, '  - id: kaart')}: waarschuwing: bijlage 'kaart' "
        "(bijlagen/kaart.pdf) staat ongelakt in de openbare versie: er staat geen te lakken "
        "tekst of e-mailadres in, maar op andere gevoelige gegevens is de PDF niet nagekeken; "
        "voeg een gelakte versie toe met 'openbaar: <pad>' bij de bijlage als dat nodig is",
        f"{where}:{line_of(root, '  - id: scan')}: waarschuwing: bijlage 'scan' "
        "(bijlagen/scan.pdf) blijft buiten de openbare versie: de PDF heeft geen tekstlaag, "
        "dus stukken kan niet nagaan wat erin staat; voeg een gelakte versie toe met "
        "'openbaar: <pad>' bij de bijlage",
        f"{where}:{line_of(root, '  - id: link')}: waarschuwing: bijlage 'link' "
        "(bijlagen/link.pdf) blijft buiten de openbare versie: de PDF bevat "
        "'bewoners@dijk.example' in een koppeling; stukken kan in een PDF niet lakken; voeg een gelakte "
        "versie toe met 'openbaar: <pad>' bij de bijlage",
    ]
    pack = root / "output" / DATUM / "openbaar" / "vergaderpakket.pdf"
    alles = everything_in(pack).lower()
    assert "piet de wit" not in alles and "bewoners@" not in alles and "mail ons" not in alles
    text = tekst(pack)
    assert "Brief van 5.1.2e over de dijk." in text and "Kaart van de dijk." in text
    agenda = tekst(root / "output" / DATUM / "openbaar" / "agenda.pdf")
    assert in_order(agenda, "Bijlage I: Plan", "Bijlage II: Brief", "Bijlage IV: Kaart")
    assert "Notitie" not in agenda and "Scan" not in agenda and "Contact" not in agenda
    # The ground printed in the pre-redacted file counts for the legend, on its page.
    pages = pdf_pages(pack)
    brief = next(n for n, page in enumerate(pages, start=1) if "Brief van 5.1.2e" in page)
    assert legend_rows(pack) == {"5.1.2e": [brief]}


def test_pre_redacted_pdf_that_still_shows_a_name_is_an_error(workspace, stukken):
    root = workspace(pdf_files(gelakt="Brief van Piet de Wit (zwart vlak erover)."))
    result = stukken(root, "build", DATUM, "--openbaar")
    assert result.exit_code == 1
    line = line_of(root, "  - id: brief")
    assert (
        f"meetings/2024-01-24/agenda.yaml:{line}: bijlage 'brief' (bijlagen/brief-gelakt.pdf): "
        "de gelakte versie bevat nog 'Piet de Wit' in de tekst; een zwart vlak over tekst lakt "
        "die tekst niet; lak opnieuw en sla op zonder de oude tekstlaag"
    ) in result.stderr
    assert not (root / "output").exists()


# --- the redaction itself ----------------------------------------------------------------


def test_lakker_matches_whole_words_in_any_case_across_gaps():
    lakker = woo.Lakker([("Jan", "5.1.2e"), ("Jan de Vries", "5.1.2h")])
    text = "Jan de\nVries (JAN.DE.VRIES@x.nl) belde in januari met jan; zie x.nl/jan-de-vries"
    assert woo.plain(lakker.text(text)) == (
        "5.1.2h (5.1.2e) belde in januari met 5.1.2e; zie x.nl/5.1.2h"
    )
    assert lakker.found("Jan  de Vries schreef 5.1.2e@x.nl en info@x.nl") == [
        "Jan de Vries",
        "info@x.nl",
    ]


def test_boxes_in_html_keep_tags_and_metadata_plain():
    marked = woo.mark("5.1.2e")
    html = (
        f"<html><head><title>Over {marked}</title></head>"
        f'<body><h2 id="punt-{marked}">Met {marked}</h2><a href="mailto:%EE%80%805.1.2e%EE%80%81">'
        "x</a></body></html>"
    )
    assert woo.boxes_in_html(html) == (
        '<html><head><title>Over 5.1.2e</title></head><body><h2 id="punt-5.1.2e">Met '
        '<span class="gelakt" id="gelakt-1-352e312e3265">5.1.2e</span></h2>'
        '<a href="mailto:5.1.2e">x</a></body></html>'
    )


def test_contract_words_are_never_redacted():
    """A string to redact that is also a contract word leaves the fields the code reads."""
    from vergaderstukken.exceptions import Loc
    from vergaderstukken.model import Agendapunt, Regel

    punt = Agendapunt("p", "1", "Punt", Loc(Path("agenda.yaml")), doel="besluitvorming")
    regel = Regel("besluit", "Besluit over de kade", punt, Loc(Path("verslag.yaml")))
    woo.Lakker([("besluit", "5.1.2e"), ("besluitvorming", "5.1.2e")]).walk(regel)
    assert (regel.soort, regel.letter, punt.doel) == ("besluit", "B", "besluitvorming")
    assert woo.plain(regel.tekst) == "5.1.2e over de kade"
