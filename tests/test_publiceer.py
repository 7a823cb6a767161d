"""`stukken publiceer`: the public website holds the public edition, nothing more.

One site is built per module from the Woo workspace of tests/woo_werkmap.py (names to
redact everywhere, a non-public item with its attachment, decision and action, a
non-public attachment, an overlay, minutes as an attachment), with a time schedule added.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest

import woo_werkmap
from conftest import pdf_text, write_files
from vergaderstukken.commands.publiceer import publiceer
from vergaderstukken.exceptions import StukkenError

AGENDA = woo_werkmap.AGENDA.replace(
    "  - titel: Opening\n", "  - titel: Opening\n    duur: 10\n    inleider: Voorzitter\n", 1
).replace("    id: dijk\n", "    id: dijk\n    duur: 30\n", 1)
FILES = {**woo_werkmap.FILES, "meetings/2024-01-24/agenda.yaml": AGENDA}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The published site of the Woo workspace (built once for the module)."""
    root = write_files(tmp_path_factory.mktemp("woo") / "werkmap", FILES)
    result = publiceer(root)
    assert result.folder == root / "site"
    assert result.vergaderingen == ["2024-01-24", "2023-12-13"]
    return result.folder


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def text_files(site: Path) -> dict[str, str]:
    return {
        name: data.decode()
        for name, data in files_of(site).items()
        if name.endswith((".html", ".json", ".xml", ".js", ".css"))
    }


def readable(site: Path, name: str) -> str:
    """What a reader sees: a page without its tags, a PDF's text layer, a data file."""
    path = site / name
    if name.endswith(".pdf"):
        return pdf_text(path)
    text = path.read_text(encoding="utf-8")
    return re.sub(r"<[^>]+>", " ", text) if name.endswith(".html") else text


# --- what is on it --------------------------------------------------------------------------


def test_the_site_has_every_page_and_the_public_pdfs_beside_each_meeting(site):
    names = set(files_of(site))
    for name in [
        "index.html",
        "besluiten.html",
        "acties.html",
        "zoeken.html",
        "feed.xml",
        "sitemap.xml",
        "vergadering.schema.json",
        "assets/stijl.css",
        "assets/zoeken.js",
        "assets/fonts/Lato-Regular.ttf",
        "assets/fonts/OFL.txt",
        "pagefind/pagefind.js",
        "pagefind/pagefind-entry.json",
    ]:
        assert name in names
    assert sorted(n for n in names if n.startswith("2024-01-24/")) == [
        "2024-01-24/actie-en-besluitenlijst.pdf",
        "2024-01-24/agenda.pdf",
        "2024-01-24/bijlage-I.pdf",  # the plan; the internal note and Personeelsplan stay out
        "2024-01-24/bijlage-IV.pdf",  # the minutes of 2023-12-13
        "2024-01-24/index.html",
        "2024-01-24/vergadering.json",
        "2024-01-24/vergaderpakket.pdf",
        "2024-01-24/verslag.pdf",
        "2024-01-24/woo-metadata.xml",
    ]
    assert not [n for n in names if n.endswith(".docx") or n.endswith(".md")]


def test_the_index_lists_every_meeting_newest_first_with_number_and_status(site):
    text = " ".join(readable(site, "index.html").split())
    assert "Regionaal Overleg Water" in text
    first, second = text.index("woensdag 24 januari 2024"), text.index("woensdag 13 december 2023")
    assert first < second
    assert "7 Verslag concept" in text
    assert "Verslag vastgesteld" in text
    html = (site / "index.html").read_text()
    assert 'href="2024-01-24/index.html"' in html
    assert 'href="2023-12-13/verslag.pdf"' in html


def test_the_meeting_page_shows_agenda_schedule_decisions_actions_minutes_and_legend(site):
    text = " ".join(readable(site, "2024-01-24/index.html").split())
    assert "Vergadering ROW 24 januari 2024" in text
    assert "Het plan wordt vastgesteld." in text
    assert "Het project gaat door." in text
    assert "De planning naar de leden sturen." in text
    assert "Termijn: 15 februari 2024" in text
    # the time schedule: Opening 15.45 for 10 minutes, then the dike 30 minutes
    assert "Tijdschema" in text
    assert "15:45 – 15:55 1. Opening 10 min. Voorzitter" in text
    assert "15:55 – 16:25 2. Dijkversterking met gelakt op grond van 5.1.2e 30 min." in text
    # boxes that say what they are, and the legend of the grounds
    assert "gelakt op grond van 5.1.2e" in text
    assert "Wet open overheid Art. 5.1 lid 2 sub e (5.1.2e)" in text
    assert "Art. 5.1 lid 2 sub i (5.1.2i)" in text
    html = (site / "2024-01-24/index.html").read_text()
    assert '<a href="bijlage-I.pdf">Bijlage I: Plan dijkversterking</a>' in html
    assert "Concept:</strong> dit verslag is nog niet vastgesteld" in html


def test_nothing_redacted_and_nothing_not_public_reaches_any_file(site):
    for name in files_of(site):
        if name.startswith(("assets/fonts/", "pagefind/")):
            continue
        shown = readable(site, name).lower()
        for secret in woo_werkmap.REDACTED:
            assert secret not in shown, (name, secret)
        for secret in woo_werkmap.NOT_PUBLIC:
            assert secret.lower() not in shown, (name, secret)


def test_the_search_index_holds_no_redacted_name(site):
    from vergaderstukken.publicatie.zoeken import leesbare_tekst

    fragments = sorted((site / "pagefind" / "fragment").glob("*.pf_fragment"))
    assert fragments
    content = " ".join(leesbare_tekst(p.read_bytes()) for p in fragments)
    assert "Het plan wordt vastgesteld." in content
    for secret in ["Jorrit", "Eijbersen", "Piet de Wit", "Zeemeeuw", "reorganisatie"]:
        assert secret not in content


def test_the_open_actions_page_and_the_decisions_overview(site):
    acties = " ".join(readable(site, "acties.html").split())
    assert "na de vergadering van woensdag 24 januari 2024" in acties
    assert "De planning naar de leden sturen." in acties
    assert "De aannemer bellen over de kade." in acties  # from 2023-12-13, still loopt
    assert "loopt" in acties
    assert 'href="2023-12-13/index.html"' in (site / "acties.html").read_text()
    besluiten = " ".join(readable(site, "besluiten.html").split())
    assert besluiten.index("Het plan wordt vastgesteld.") < besluiten.index(
        "Het project gaat door."
    )
    assert "reorganisatie" not in besluiten


# --- open data ------------------------------------------------------------------------------


def test_every_vergadering_json_validates_against_the_shipped_schema(site):
    schema = json.loads((site / "vergadering.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    for path in sorted(site.glob("*/vergadering.json")):
        data = json.loads(path.read_text())
        assert list(validator.iter_errors(data)) == [], path
    data = json.loads((site / "2024-01-24/vergadering.json").read_text())
    assert data["$schema"] == "../vergadering.schema.json"
    assert data["geplandeAanvangVergadering"] == "2024-01-24T15:45:00"
    assert [p["agendapuntvolgnummer"] for p in data["agendapunten"]] == ["1", "2", "4", "5"]
    assert data["agendapunten"][0]["agendapuntOmschrijving"].startswith(
        "[gelakt: 5.1.2e] heet iedereen welkom. Vragen vooraf naar\n[gelakt: 5.1.2e]."
    )
    assert {b["besluitresultaat"] for b in data["besluiten"]} == {
        "Het plan wordt vastgesteld.",
        "Het project gaat door.",
    }
    assert data["acties"]["nieuw"][0]["wie"] == "[gelakt: 5.1.2e]"
    assert data["verslagstatus"] == "concept"


def test_woo_metadata_names_the_tooi_category_and_the_adoption(site):
    ns = {"diwoo": "https://standaarden.overheid.nl/diwoo/metadata/"}
    old = ET.parse(site / "2023-12-13/woo-metadata.xml").getroot()
    documents = {
        d.find("diwoo:loc", ns).text: d.find("diwoo:DiWoo", ns)
        for d in old.findall("diwoo:Document", ns)
    }
    verslag = documents["2023-12-13/verslag.pdf"]
    categorie = verslag.find(".//diwoo:informatiecategorie", ns)
    assert categorie.get("resource") == (
        "https://identifier.overheid.nl/tooi/def/thes/kern/c_db4862c3"
    )
    assert categorie.text == "Vergaderstukken decentrale overheden"
    handeling = verslag.find(".//diwoo:soortHandeling", ns)
    assert handeling.text == "vaststelling"
    assert handeling.get("resource").endswith("/c_641ecd76")
    assert verslag.find(".//diwoo:atTime", ns).text == "2024-01-24"
    lijst = documents["2023-12-13/actie-en-besluitenlijst.pdf"]
    assert lijst.find(".//diwoo:informatiecategorie", ns).get("resource").endswith("/c_3a248e3a")
    concept = ET.parse(site / "2024-01-24/woo-metadata.xml").getroot()
    for document in concept.findall("diwoo:Document", ns):
        if document.find("diwoo:loc", ns).text.endswith("/verslag.pdf"):
            assert document.find(".//diwoo:soortHandeling", ns) is None  # not adopted yet


def test_sitemap_and_atom_feed_list_the_meetings_and_decisions(site):
    sitemap = ET.parse(site / "sitemap.xml").getroot()
    locs = [e.text for e in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "2024-01-24/index.html" in locs and "2023-12-13/verslag.pdf" in locs
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(site / "feed.xml").getroot()
    titles = [e.find(f"{atom}title").text for e in feed.findall(f"{atom}entry")]
    assert titles[0] == "Vergadering ROW 24 januari 2024"
    assert "Besluit 1 van ROW 24 januari 2024" in titles
    assert feed.find(f"{atom}updated").text == "2024-01-24T00:00:00Z"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if key in ("href", "src") and value:
                self.links.append(value)
            if key == "id":
                self.ids.append(value)


def test_every_link_in_the_site_is_relative_and_resolves_to_a_file(site):
    checked = 0
    for page in sorted(site.rglob("*.html")):
        parser = Links()
        parser.feed(page.read_text())
        for link in parser.links:
            parts = urlsplit(link)
            if link == "data:,":  # the empty icon, so no browser asks for /favicon.ico
                continue
            if parts.scheme in ("http", "https", "mailto"):
                assert "example.org" in link, (page, link)  # a link in the workspace's text
                continue
            assert not link.startswith("/"), (page, link)
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            assert target.is_file(), (page, link)
            assert site.resolve() in target.parents, (page, link)
            if parts.fragment:
                ids = Links()
                ids.feed(target.read_text())
                assert parts.fragment in ids.ids, (page, link)
            checked += 1
    for loc in ET.parse(site / "sitemap.xml").getroot().iter():
        if loc.tag.endswith("loc"):
            assert (site / loc.text).is_file(), loc.text
    assert checked > 50


def test_no_page_fetches_anything_from_outside(site):
    for name, text in text_files(site).items():
        if name.endswith(".html"):
            for tag in re.findall(r"<(?:link|script|img)[^>]+>", text):
                assert "http" not in tag, (name, tag)
    css = (site / "assets/stijl.css").read_text()
    assert re.findall(r"url\(([^)]*)\)", css) == [
        '"fonts/Lato-Regular.ttf"',
        '"fonts/Lato-Italic.ttf"',
        '"fonts/Lato-Bold.ttf"',
        '"fonts/Lato-BoldItalic.ttf"',
    ]


def test_every_page_has_one_h1_lang_nl_a_skip_link_and_captioned_tables(site):
    for page in sorted(site.rglob("*.html")):
        html = page.read_text()
        assert html.startswith('<!DOCTYPE html>\n<html lang="nl">')
        assert len(re.findall(r"<h1[ >]", html)) == 1, page
        assert '<a class="naar-inhoud" href="#inhoud">' in html
        assert html.count("<table") == html.count("<caption>"), page
        assert "<th>" not in html, page  # every header cell has its scope
        levels = [int(n) for n in re.findall(r"<h([1-6])", html)]
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), page


# --- reproducible, incremental, atomic ------------------------------------------------------


def weasy(html: str) -> bytes:
    import weasyprint

    return weasyprint.HTML(string=html).write_pdf()


def digest(folder: Path) -> dict[str, str]:
    return {n: hashlib.sha256(d).hexdigest() for n, d in files_of(folder).items()}


@pytest.fixture
def copy_of(site, tmp_path) -> Path:
    """A private copy of the workspace and its site, to change."""
    root = tmp_path / "werkmap"
    shutil.copytree(site.parent, root)
    return root


def test_publishing_again_is_byte_identical_and_renders_nothing(copy_of):
    before = digest(copy_of / "site")
    result = publiceer(copy_of)
    assert result.opnieuw == []
    assert digest(copy_of / "site") == before


def test_a_fresh_site_from_the_same_sources_is_byte_identical(site, copy_of):
    shutil.rmtree(copy_of / "site")
    result = publiceer(copy_of)
    assert result.opnieuw == ["2023-12-13", "2024-01-24"]
    assert digest(copy_of / "site") == digest(site)


def test_only_the_changed_meeting_is_rendered_again(copy_of):
    before = digest(copy_of / "site")
    verslag = copy_of / "meetings/2024-01-24/verslag.yaml"
    verslag.write_text(verslag.read_text().replace("Het project gaat door.", "Het project stopt."))
    result = publiceer(copy_of)
    assert result.opnieuw == ["2024-01-24"]
    after = digest(copy_of / "site")
    assert {n for n in after if n.startswith("2023-12-13/")} <= set(before)
    assert all(after[n] == before[n] for n in after if n.startswith("2023-12-13/"))
    assert after["2024-01-24/verslag.pdf"] != before["2024-01-24/verslag.pdf"]
    assert "Het project stopt." in (copy_of / "site/2024-01-24/index.html").read_text()


def test_a_leak_through_a_site_template_stops_everything_and_keeps_the_old_site(copy_of):
    before = digest(copy_of / "site")
    write_files(
        copy_of,
        {
            "templates/site/index.html": (
                '{% extends "base.html" %}{% block inhoud %}<h1>Welkom</h1>'
                "<p>Contact: Jorrit&nbsp;Eijbersen</p>{% endblock %}"
            )
        },
    )
    with pytest.raises(StukkenError) as error:
        publiceer(copy_of)
    message = error.value.format_message()
    assert message.startswith("de site is niet geschreven: site/index.html bevat nog 'Jorrit")
    assert "templates/site/" in message
    assert digest(copy_of / "site") == before
    assert not [p for p in copy_of.iterdir() if p.name.startswith(".site.")]


def test_a_meeting_whose_public_edition_fails_stops_the_publication_by_name(copy_of):
    before = digest(copy_of / "site")
    agenda = copy_of / "meetings/2024-01-24/agenda.yaml"
    agenda.write_text(
        agenda.read_text()
        + "  - id: brief\n    titel: Brief\n    bestand: bijlagen/brief.pdf\n"
        + "    openbaar: bijlagen/brief-gelakt.pdf\n"
    )
    agenda.write_text(
        agenda.read_text().replace("bijlagen: [plan, intern]", "bijlagen: [plan, intern, brief]")
    )
    write_files(
        copy_of,
        {
            "meetings/2024-01-24/bijlagen/brief.pdf": weasy("<p>Brief van Jorrit Eijbersen</p>"),
            "meetings/2024-01-24/bijlagen/brief-gelakt.pdf": weasy(
                "<p>Brief van Jorrit Eijbersen (zwart vlak erover)</p>"
            ),
        },
    )
    with pytest.raises(StukkenError) as error:
        publiceer(copy_of)
    message = error.value.format_message()
    assert message.startswith(
        "de site is niet geschreven: de openbare versie van vergadering 2024-01-24 kan niet "
        "gemaakt worden:\n"
    )
    assert "de gelakte versie bevat nog 'Jorrit Eijbersen' in de tekst" in message
    assert digest(copy_of / "site") == before


def test_a_missing_attachment_stops_the_publication_and_keeps_the_old_site(copy_of, stukken):
    before = digest(copy_of / "site")
    (copy_of / "meetings/2024-01-24/bijlagen/plan.md").unlink()
    result = stukken(copy_of, "publiceer")
    assert result.exit_code == 1
    assert "meetings/2024-01-24/agenda.yaml:" in result.stderr
    assert "plan.md" in result.stderr
    assert digest(copy_of / "site") == before


def test_the_command_line_says_what_it_wrote(copy_of, stukken):
    result = stukken(copy_of, "publiceer", "--uitvoer", "elders")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "Website geschreven naar elders/: 2 vergaderingen (2 opnieuw gemaakt), "
        f"{len(files_of(copy_of / 'elders'))} bestanden.\n"
    )
    assert "waarschuwing:" not in result.stderr or "bijlage" in result.stderr


def test_the_site_may_not_replace_a_source_folder(copy_of, stukken):
    result = stukken(copy_of, "publiceer", "--uitvoer", "meetings")
    assert result.exit_code == 1
    assert "valt samen met de bronbestanden van de werkmap" in result.stderr
