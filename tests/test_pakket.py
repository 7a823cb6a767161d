"""The meeting pack, vergaderpakket.pdf: order, stamps, page numbers, contents, bookmarks,
odd pages, bad attachment PDFs, reproducibility. Read back with pdftotext and pypdf."""

from __future__ import annotations

import io
import re
import subprocess
import warnings
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from conftest import AGENDA_YAML, in_order, pdf_pages, pdf_text

DATUM = "2024-01-24"
PAKKET = f"output/{DATUM}/vergaderpakket.pdf"
PAGINA = re.compile(r"Pagina (\d+) van (\d+)")


def verslag_sjabloon(root: Path) -> Path:
    return root


def weasy(html: str) -> bytes:
    import weasyprint

    return weasyprint.HTML(string=html).write_pdf()


def tekst_pdf(size: str, *woorden: str, pages: int = 1) -> bytes:
    """A PDF of `pages` pages of `size`, one word in each corner, 1 cm from the edge."""
    plekken = [
        "top:1cm;left:1cm",
        "top:1cm;right:1cm",
        "bottom:1cm;left:1cm",
        "bottom:1cm;right:1cm",
    ]
    blad = "".join(
        f'<p style="position:absolute;{plek};margin:0">{woord}</p>'
        for plek, woord in zip(plekken, woorden, strict=False)
    )
    bladen = "".join(
        f'<section style="break-after:page">{blad} {i}</section>' for i in range(1, pages + 1)
    )
    return weasy(f"<style>@page {{ size: {size}; margin: 0 }} body {{ margin: 0 }}</style>{bladen}")


def scan_pdf() -> bytes:
    """A page with only an image on it, as a scanner makes."""
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(595.28, 841.89))
    image = pikepdf.Stream(
        pdf,
        b"\x00\xff\xff\x00",
        Type=pikepdf.Name.XObject,
        Subtype=pikepdf.Name.Image,
        Width=2,
        Height=2,
        ColorSpace=pikepdf.Name.DeviceGray,
        BitsPerComponent=8,
    )
    page.add_resource(image, pikepdf.Name.XObject, pikepdf.Name.Im0)
    page.contents_add(b"q 500 0 0 700 40 70 cm /Im0 Do Q")
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def agenda_met_pdf(bestand: str = "bijlagen/plan.pdf") -> str:
    return AGENDA_YAML.replace("bijlagen/plan.md", bestand)


def regel_van(tekst: str, gezocht: str) -> int:
    return next(n for n, regel in enumerate(tekst.splitlines(), 1) if gezocht in regel)


def bouw(stukken, root: Path):
    result = stukken(root, "build", DATUM)
    assert result.exit_code == 0, result.stderr
    return root / PAKKET


def stempel_van(page: str) -> str | None:
    match = re.search(r"^(Bijlage [IVXLCDM]+(?:-\w+)? — .+)$", page, re.MULTILINE)
    return match[1] if match else None


def inhoud(pack: Path) -> dict[str, int]:
    """The contents page as {"Agenda": 3, "Bijlage I": 5, ...}."""
    page = subprocess.run(
        ["pdftotext", "-layout", "-f", "2", "-l", "2", str(pack), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = re.findall(r"^\s*(Agenda|Bijlage [IVX]+)\b.*?\s(\d+)\s*$", page, re.MULTILINE)
    return {wat: int(pagina) for wat, pagina in found}


def bladwijzers(pack: Path) -> list:
    """The outline as nested [(title, page number from 1, [children])]."""
    reader = PdfReader(pack)

    def walk(items):
        result = []
        for item in items:
            if isinstance(item, list):
                result[-1][2].extend(walk(item))
            else:
                result.append((item.title, reader.get_destination_page_number(item) + 1, []))
        return result

    return walk(reader.outline)


# --- the example meeting ---------------------------------------------------------------


@pytest.fixture
def voorbeeldpakket(example, stukken) -> tuple[Path, list[str]]:
    pack = bouw(stukken, verslag_sjabloon(example))
    return pack, pdf_pages(pack)


def test_order_cover_contents_agenda_then_attachments(voorbeeldpakket):
    pack, pages = voorbeeldpakket
    cover = pages[0]
    for part in (
        "Twentse Regietafel Asielinstroom",
        "Veiligheidsregio Twente",
        "Vergadering van woensdag 24 januari 2024",
        "15.45 - 17.15 uur",
        "Raadszaal Stadhuis Almelo",
        "Ambtelijke ondersteuning TRA",
        "nr. 12",
    ):
        assert part in cover
    assert "Inhoud" in pages[1]
    assert "Agenda Twentse Regietafel Asielinstroom" in pages[2]
    assert in_order(
        pdf_text(pack),
        "Inhoud",
        "Agenda Twentse Regietafel Asielinstroom",
        "Bijlage I — Voorstel versterking",
        "Met ingang van het jaar 2024",  # Markdown
        "Bijlage II — Verslag TRA 13 december 2023",
        "Agenda wordt conform vastgesteld",
        "Bijlage III — Conceptverslag PRT",
        "Provinciale Regietafel",  # the PDF, merged
    )


def test_every_page_numbered_once_and_stamped(voorbeeldpakket):
    pack, pages = voorbeeldpakket
    total = len(pages)
    assert total == len(PdfReader(pack).pages)
    own = pdf_pages(Path(pack).parent / "agenda.pdf")
    assert "Pagina 1 van" in own[0]  # the standalone agenda keeps its own footer
    prt = pdf_pages(Path(pack).parents[2] / f"meetings/{DATUM}/bijlagen/conceptverslag-prt.pdf")
    for number, page in enumerate(pages, 1):
        assert f"Pagina {number} van {total}" in page
        numbers = PAGINA.findall(page)
        if "Bijlage III" in (stempel_van(page) or ""):
            # a merged page keeps its own text, its own page number included
            assert len(numbers) == 2
        else:  # parts rendered for the pack carry no numbering of their own
            assert numbers == [(str(number), str(total))]
    stamps = [stempel_van(page) for page in pages]
    start = inhoud(pack)
    assert stamps[: start["Bijlage I"] - 1] == [None] * (start["Bijlage I"] - 1)
    merged = [
        page
        for page in pages
        if stempel_van(page) == "Bijlage III — Conceptverslag PRT 22 december 2023"
    ]
    assert len(merged) == len(prt) == 6
    for original, page in zip(prt, merged, strict=True):  # page by page, in order
        longest = max(original.splitlines(), key=len)
        assert longest in page


def test_contents_page_numbers_are_where_parts_start(voorbeeldpakket):
    pack, pages = voorbeeldpakket
    start = inhoud(pack)
    assert list(start) == ["Agenda", "Bijlage I", "Bijlage II", "Bijlage III"]
    assert start["Agenda"] == 3
    assert "Agenda Twentse Regietafel Asielinstroom" in pages[start["Agenda"] - 1]
    for label in ("Bijlage I", "Bijlage II", "Bijlage III"):
        first = pages[start[label] - 1]
        assert (stempel_van(first) or "").startswith(f"{label} — ")
        before = pages[start[label] - 2]
        assert not (stempel_van(before) or "").startswith(f"{label} — ")
    assert f"Dit pakket telt {len(pages)} pagina's" in pages[1]


def test_bookmarks(voorbeeldpakket):
    pack, pages = voorbeeldpakket
    start = inhoud(pack)
    outline = bladwijzers(pack)
    assert [(titel, pagina) for titel, pagina, _ in outline] == [
        ("Omslag", 1),
        ("Inhoud", 2),
        ("Agenda", start["Agenda"]),
        (
            "Bijlage I — Voorstel versterking effectiviteit en resultaatgerichtheid TRA",
            start["Bijlage I"],
        ),
        ("Bijlage II — Verslag TRA 13 december 2023", start["Bijlage II"]),
        ("Bijlage III — Conceptverslag PRT 22 december 2023", start["Bijlage III"]),
    ]
    agenda = outline[2][2]
    assert [titel for titel, _, _ in agenda][:4] == [
        "1. Opening & vaststellen agenda",
        "2. Actualiteiten",
        "3. Terugkoppeling Topambtelijk gesprek bestuurlijk arrangement",
        "4. Voorstel versterking effectiviteit en resultaatgerichtheid TRA",
    ]
    ter_informatie = agenda[-1]
    assert ter_informatie[0] == "7. Ter informatie"
    assert ter_informatie[2][0][0] == "a) Conceptverslag PRT 22 december 2023"
    # the merged PDF keeps its own bookmarks, nested under the attachment's, on its pages
    prt = outline[5][2]
    titles = [titel for titel, _, _ in prt]
    assert titles[0] == "1. Opening, welkom en mededelingen"
    assert "Actielijst" in titles
    actielijst = next(pagina for titel, pagina, _ in prt if titel == "Actielijst")
    assert "Actielijst" in pages[actielijst - 1]
    assert actielijst == len(pages) - 1


def test_no_annotation_text_in_the_pack(voorbeeldpakket):
    pack, _ = voorbeeldpakket
    text = pdf_text(pack)
    for annotation in (
        "Hellendoorn is 14",
        "Instemmen met voorstel",
        "Jorrit Eijbersen",
        "Geannoteerde",
    ):
        assert annotation not in text


def test_pack_is_byte_identical_across_builds(example, stukken, tmp_path):
    root = verslag_sjabloon(example)
    first = bouw(stukken, root).read_bytes()
    (root / PAKKET).unlink()
    assert bouw(stukken, root).read_bytes() == first
    pdf = pikepdf.open(root / PAKKET)
    info = pdf.docinfo
    assert "/CreationDate" not in info and "/ModDate" not in info
    assert str(info.Title) == "Vergaderpakket Twentse Regietafel Asielinstroom 24 januari 2024"


# --- small workspaces ------------------------------------------------------------------


def test_non_public_item_and_shared_attachment_appear_once(workspace, stukken):
    agenda = AGENDA_YAML.replace(
        "  - titel: Rondvraag\n",
        "  - titel: Personele zaken\n    openbaar: false\n    bijlagen: [plan, geheim]\n"
        "  - titel: Rondvraag\n",
    ) + ("  - id: geheim\n    titel: Vertrouwelijke notitie\n    bestand: bijlagen/geheim.md\n")
    root = workspace(
        {
            "meetings/2024-01-24/agenda.yaml": agenda,
            "meetings/2024-01-24/bijlagen/geheim.md": "Alleen voor de leden.\n",
        }
    )
    pack = bouw(stukken, root)
    text = pdf_text(pack)
    assert text.count("De dijk wordt versterkt.") == 1  # used by two items, merged once
    assert "Alleen voor de leden." in text
    assert "Bijlage II — Vertrouwelijke notitie" in text
    assert "Dit pakket bevat niet-openbare stukken: agendapunt 3" in " ".join(text.split())
    assert inhoud(pack) == {"Agenda": 3, "Bijlage I": 4, "Bijlage II": 5}
    plan = pdf_pages(pack)[3]
    assert "bij agendapunt 2, 3" in plan


def test_markdown_images_resolve_next_to_the_file(workspace, stukken):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "navy").save(buffer, "PNG")
    png = buffer.getvalue()
    root = workspace(
        {
            "meetings/2024-01-24/agenda.yaml": AGENDA_YAML.replace(
                "bijlagen/plan.md", "bijlagen/plan/plan.md"
            ),
            "meetings/2024-01-24/bijlagen/plan/plan.md": "# Plan\n\n![Kaart](kaart.png)\n",
            "meetings/2024-01-24/bijlagen/plan/kaart.png": png,
        }
    )
    result = stukken(root, "build", DATUM)
    assert result.exit_code == 0 and "kaart.png" not in result.stderr
    pack = pikepdf.open(root / PAKKET)
    images = [
        name
        for page in pack.pages[3:]
        for name, xobject in page.resources.get("/XObject", {}).items()
        if xobject.get("/Subtype") == "/Image"
    ]
    images += [
        sub
        for page in pack.pages[3:]
        for form in page.resources.get("/XObject", {}).values()
        for sub, x in form.get("/Resources", {}).get("/XObject", {}).items()
        if x.get("/Subtype") == "/Image"
    ]
    assert images


def test_landscape_and_odd_sizes_are_kept_whole_on_a4(workspace, stukken):
    agenda = AGENDA_YAML.replace("bijlagen: [plan]", "bijlagen: [plan, a3, liggend, gedraaid]")
    agenda += "".join(
        f"  - id: {naam}\n    titel: {titel}\n    bestand: bijlagen/{naam}.pdf\n"
        for naam, titel in (
            ("a3", "Kaart A3"),
            ("liggend", "Tabel liggend"),
            ("gedraaid", "Gedraaid"),
        )
    )
    gedraaid = pikepdf.open(io.BytesIO(tekst_pdf("A4", "NOORD", "OOST", "WEST", "ZUID")))
    gedraaid.pages[0].rotate(90, relative=False)
    buffer = io.BytesIO()
    gedraaid.save(buffer)
    root = workspace(
        {
            "meetings/2024-01-24/agenda.yaml": agenda,
            "meetings/2024-01-24/bijlagen/a3.pdf": tekst_pdf(
                "A3 landscape", "LINKSBOVEN", "RECHTSBOVEN", "LINKSONDER", "RECHTSONDER"
            ),
            "meetings/2024-01-24/bijlagen/liggend.pdf": tekst_pdf(
                "A4 landscape", "EEN", "TWEE", "DRIE", "VIER", pages=2
            ),
            "meetings/2024-01-24/bijlagen/gedraaid.pdf": buffer.getvalue(),
        }
    )
    pack = bouw(stukken, root)
    start = inhoud(pack)
    reader = PdfReader(pack)
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(pack), "-"], capture_output=True, text=True, check=True
    ).stdout
    sizes = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', boxes, re.S)
    landscape = (841.89, 595.28)
    for label, corners in (
        ("Bijlage II", ("LINKSBOVEN", "RECHTSBOVEN", "LINKSONDER", "RECHTSONDER")),
        ("Bijlage III", ("EEN", "TWEE", "DRIE", "VIER")),
        ("Bijlage IV", ("NOORD", "OOST", "WEST", "ZUID")),
    ):
        index = start[label] - 1
        page = reader.pages[index]
        assert (
            round(float(page.mediabox.width), 2),
            round(float(page.mediabox.height), 2),
        ) == landscape
        assert page.get("/Rotate", 0) == 0
        width, height, words = sizes[index]
        for corner in corners:  # every corner word is there, inside the sheet
            match = re.search(
                rf'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                rf'yMax="([\d.]+)">{corner}<',
                words,
            )
            assert match, (label, corner)
            x0, y0, x1, y1 = map(float, match.groups())
            assert 0 <= x0 < x1 <= float(width) and 0 <= y0 < y1 <= float(height)
    pages = pdf_pages(pack)
    a3 = pages[start["Bijlage II"] - 1]
    assert "Bijlage II — Kaart A3" in a3 and f"Pagina {start['Bijlage II']} van" in a3
    # the fitted A3 sheet was scaled down; the stamp band above it stays free
    top_word = min(
        float(y)
        for y in re.findall(
            r'yMin="([\d.]+)"[^>]*>(?:LINKSBOVEN|RECHTSBOVEN)<', sizes[start["Bijlage II"] - 1][2]
        )
    )
    assert top_word > 12 * 72 / 25.4
    assert len(reader.pages) == start["Bijlage IV"]


# --- bad attachment PDFs ---------------------------------------------------------------


def _bad_pdf_workspace(workspace, data: bytes) -> tuple[Path, str]:
    agenda = agenda_met_pdf()
    root = workspace(
        {"meetings/2024-01-24/agenda.yaml": agenda, "meetings/2024-01-24/bijlagen/plan.pdf": data}
    )
    where = f"meetings/2024-01-24/agenda.yaml:{regel_van(agenda, '- id: plan')}"
    return root, where


def _encrypted(user: str) -> bytes:
    pdf = pikepdf.open(io.BytesIO(tekst_pdf("A4", "geheim")))
    buffer = io.BytesIO()
    pdf.save(buffer, encryption=pikepdf.Encryption(owner="eigenaar", user=user))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            lambda: _encrypted("wachtwoord"),
            "is beveiligd met een wachtwoord; voeg een versie zonder wachtwoord toe",
        ),
        (
            lambda: _encrypted(""),
            "is versleuteld (beveiligd tegen wijzigen of kopiëren); sla het op zonder beveiliging "
            "en voeg die versie toe",
        ),
        (
            lambda: tekst_pdf("A4", "kapot")[:1500],
            "is beschadigd en niet als PDF te lezen; sla het opnieuw op als PDF of vraag om een "
            "nieuwe versie",
        ),
        (
            lambda: b"Dit is geen PDF.\n",
            "is beschadigd en niet als PDF te lezen; sla het opnieuw op als PDF of vraag om een "
            "nieuwe versie",
        ),
    ],
    ids=["wachtwoord", "versleuteld", "afgekapt", "geen-pdf"],
)
def test_bad_pdf_is_a_located_error_in_check_and_build(workspace, stukken, data, message):
    root, where = _bad_pdf_workspace(workspace, data())
    for command in ("check", "build"):
        result = stukken(root, command, DATUM)
        assert result.exit_code == 1
        assert result.lines == [
            f"{where}: bijlage 'plan' (bijlagen/plan.pdf) {message}",
            "1 fout gevonden; er is niets geschreven.",
        ]
    assert not (root / "output").exists()


def test_scan_without_text_layer_is_a_warning(workspace, stukken):
    root, where = _bad_pdf_workspace(workspace, scan_pdf())
    warning = (
        f"{where}: waarschuwing: bijlage 'plan' (bijlagen/plan.pdf) heeft geen tekstlaag (een scan?): "
        "de tekst is in het vergaderpakket niet doorzoekbaar; laat er zo mogelijk "
        "tekstherkenning (OCR) op los"
    )
    check = stukken(root, "check", DATUM)
    assert check.exit_code == 0 and warning in check.lines
    build = stukken(root, "build", DATUM)
    assert build.exit_code == 0 and warning in build.lines
    pages = pdf_pages(root / PAKKET)
    assert stempel_van(pages[-1]) == "Bijlage I — Plan dijkversterking"
    assert f"Pagina {len(pages)} van {len(pages)}" in pages[-1]


def test_annotatie_build_writes_no_pack(example, stukken):
    result = stukken(verslag_sjabloon(example), "build", DATUM, "--annotatie", "hellendoorn")
    assert "vergaderpakket.pdf" not in result.stdout


def test_internal_links_of_a_merged_pdf_keep_working(workspace, stukken):
    rapport = weasy(
        '<p><a href="#conclusie">Naar de conclusie</a></p>'
        '<p style="break-before: page">Tussenpagina</p>'
        '<h2 id="conclusie" style="break-before: page">Conclusie</h2>'
    )
    root = workspace(
        {
            "meetings/2024-01-24/agenda.yaml": agenda_met_pdf(),
            "meetings/2024-01-24/bijlagen/plan.pdf": rapport,
        }
    )
    pack = pikepdf.open(bouw(stukken, root))
    start = inhoud(root / PAKKET)["Bijlage I"] - 1
    link = pack.pages[start].Annots[0]
    target = link.Dest[0]
    index = next(i for i, page in enumerate(pack.pages) if page.obj.objgen == target.objgen)
    assert index == start + 2
    assert "Conclusie" in pdf_pages(root / PAKKET)[index]


def test_contents_over_two_pages_still_points_at_the_right_pages(workspace, stukken):
    count = 22
    ids = ", ".join(f"b{n}" for n in range(1, count + 1))
    agenda = AGENDA_YAML.replace("bijlagen: [plan]", f"bijlagen: [{ids}]")
    agenda = (
        agenda[: agenda.index("bijlagen:\n  - id: plan")]
        + "bijlagen:\n"
        + "".join(
            f"  - id: b{n}\n    titel: Notitie nummer {n}\n    bestand: bijlagen/b{n}.md\n"
            for n in range(1, count + 1)
        )
    )
    files = {"meetings/2024-01-24/agenda.yaml": agenda}
    files.update(
        {
            f"meetings/2024-01-24/bijlagen/b{n}.md": f"Inhoud van notitie {n}.\n"
            for n in range(1, count + 1)
        }
    )
    root = workspace(files)
    pack = bouw(stukken, root)
    pages = pdf_pages(pack)
    assert "Inhoud" in pages[1] and "Inhoud" not in pages[2].split("\n")[0]
    rows = dict(
        re.findall(
            r"^\s*(Agenda|Bijlage [IVXL]+)\b.*?\s(\d+)\s*$",
            subprocess.run(
                ["pdftotext", "-layout", "-f", "2", "-l", "3", str(pack), "-"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout,
            re.MULTILINE,
        )
    )
    assert len(rows) == count + 1
    assert int(rows["Agenda"]) == 4  # cover and two pages of contents come first
    for n, (label, pagina) in enumerate(list(rows.items())[1:], 1):
        assert f"Inhoud van notitie {n}." in pages[int(pagina) - 1]
        assert stempel_van(pages[int(pagina) - 1]) == f"{label} — Notitie nummer {n}"
    assert [titel for titel, _, _ in bladwijzers(pack)][:3] == ["Omslag", "Inhoud", "Agenda"]


def test_cover_of_a_bare_committee_still_names_the_sender(workspace, stukken):
    root = workspace(
        {
            "stukken.yaml": "overleg:\n  naam: Kleine Commissie\n  afkorting: KC\n",
            "meetings/2024-01-24/agenda.yaml": "datum: 2024-01-24\nagenda:\n  - titel: Opening\n",
        }
    )
    pages = pdf_pages(bouw(stukken, root))
    assert len(pages) == 3  # cover, contents, agenda
    cover = " ".join(pages[0].split())
    assert "Vergadering van woensdag 24 januari 2024" in cover
    assert "Van Kleine Commissie" in cover and "Aan Deelnemers KC" in cover
    assert "Pagina 1 van 3" in cover
    assert inhoud(root / PAKKET) == {"Agenda": 3}


def test_pdf_with_form_fields_merges_without_library_noise(workspace, stukken):
    pdf = pikepdf.open(io.BytesIO(tekst_pdf("A4", "formulier")))
    widget = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Widget,
            FT=pikepdf.Name.Tx,
            Rect=[100, 100, 300, 130],
            T=pikepdf.String("naam"),
        )
    )
    pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([widget]))
    buffer = io.BytesIO()
    pdf.save(buffer)
    root, _ = _bad_pdf_workspace(workspace, buffer.getvalue())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = stukken(root, "build", DATUM)
    assert result.exit_code == 0, result.stderr
    assert not [str(w.message) for w in caught if issubclass(w.category, pikepdf.PageCopyWarning)]
    assert "formulier" in pdf_text(root / PAKKET)
