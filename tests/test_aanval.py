"""Attacks on the promises of the public edition: spellings that dodge the redaction,
hostile files, interrupted builds. Each test is a case found by attacking the CLI."""

from __future__ import annotations

import pikepdf
import pytest
from pikepdf import Dictionary, Name, String

import vijandige_pdf as v
from conftest import AGENDA_YAML, STUKKEN_YAML, pdf_text
from vergaderstukken.woo import lakken as woo

DATUM = "2024-01-24"
LAKKEN = "woo:\n  lakken:\n    - {tekst: Jorrit Eijbersen, grond: 5.1.2e}\n"

# Markdown that renders as the name, with a change of style or an escape inside it.
NADRUK = {
    "woorden-apart": "*Jorrit* _Eijbersen_",
    "vet-voornaam": "**Jorrit** Eijbersen",
    "binnen-woord": "Jor**rit** Eij*ber*sen",
    "doorgehaald": "~~Jorrit~~ Eijbersen",
    "onderstreept": "__Jorrit__ Eijbersen",
    "escape": "Jorrit\\_Eijbersen",
}


@pytest.mark.parametrize("spelling", NADRUK.values(), ids=NADRUK.keys())
def test_markdown_emphasis_inside_a_name_is_redacted_with_it(spelling):
    lakker = woo.Lakker([("Jorrit Eijbersen", "5.1.2e"), ("Jan", "5.1.2e")])
    assert woo.plain(lakker.text(f"Welkom, {spelling}, bij de dijk.")) == (
        "Welkom, 5.1.2e, bij de dijk."
    )
    # Emphasis around the whole name stays around its box; a word is still a whole word.
    assert woo.plain(lakker.text("**Jorrit Eijbersen** en *Jan* in januari")) == (
        "**5.1.2e** en *5.1.2e* in januari"
    )


def test_a_name_with_emphasis_inside_reaches_no_public_pdf(workspace, stukken):
    agenda = AGENDA_YAML.replace(
        "Het plan ligt ter besluitvorming voor.",
        "Het plan is van **Jorrit** Eijbersen en Jor*rit* _Eijbersen_.",
    )
    root = workspace(
        {"stukken.yaml": STUKKEN_YAML + LAKKEN, "meetings/2024-01-24/agenda.yaml": agenda}
    )
    result = stukken(root, "build", DATUM, "--openbaar")
    assert result.exit_code == 0, result.stderr
    tekst = " ".join(pdf_text(root / "output" / DATUM / "openbaar" / "agenda.pdf").split())
    assert "Het plan is van 5.1.2e en 5.1.2e ." in tekst, tekst
    assert "rrit" not in tekst and "Eijb" not in tekst and "*" not in tekst


def test_the_read_back_never_blames_an_annotation_overlay(workspace, stukken):
    # An overlay never reaches the public edition, so it cannot be where a leak came from,
    # even when it spells the name the same evasive way as the real source.
    root = workspace(
        {
            "stukken.yaml": STUKKEN_YAML + LAKKEN,
            "meetings/2024-01-24/annotaties/noord.yaml": (
                "auteur: Adviseur Noord\nvoor: Jorrit&nbsp;Eijbersen\n"
                "punten:\n  dijk: Niet instemmen.\n"
            ),
            "meetings/2024-01-24/bijlagen/plan.md": "# Plan\n\nVan Jorrit&nbsp;Eijbersen.\n",
        }
    )
    result = stukken(root, "build", DATUM, "--openbaar")
    assert result.exit_code == 1
    assert "(uit meetings/2024-01-24/bijlagen/plan.md:3)" in result.stderr
    assert "annotaties" not in result.stderr


def test_a_public_pdf_attachment_on_the_website_keeps_nothing_but_its_pages(workspace, stukken):
    # Nothing of this names anyone, so the attachment goes public; but none of it is
    # drawn on a page, and the website promises the attachment without its metadata.
    pdf = v.tekst_pdf()
    pdf.docinfo[Name("/Company")] = "Geheimbedrijf"
    pdf.Root.Metadata = v.metadata_stroom(pdf, "Geheimauteur")
    pdf.Root.Notities = pdf.make_indirect(pikepdf.Stream(pdf, b"Catalogusgeheim"))
    pdf.Root.StructTreeRoot = Dictionary(
        Type=Name.StructTreeRoot, K=Dictionary(Alt=String("Altgeheim"))
    )
    pdf.pages[0].obj.Notities = pdf.make_indirect(pikepdf.Stream(pdf, b"Paginageheim"))
    pdf.pages[0].obj.Thumb = pdf.make_indirect(pikepdf.Stream(pdf, b"Duimgeheim"))
    agenda = AGENDA_YAML.replace("bestand: bijlagen/plan.md", "bestand: bijlagen/plan.pdf")
    root = workspace(
        {
            "meetings/2024-01-24/agenda.yaml": agenda,
            "meetings/2024-01-24/bijlagen/plan.pdf": v.opslaan(pdf),
        }
    )
    result = stukken(root, "publiceer")
    assert result.exit_code == 0, result.stderr
    assert (
        "Bijlage I op de website: metadata (documentinformatie en XMP) verwijderd" in result.stderr
    )
    path = root / "site" / DATUM / "bijlage-I.pdf"
    assert "Vijandige bijlage over de dijk." in pdf_text(path)
    with pikepdf.open(path) as public:
        raw = b"".join(
            obj.read_bytes() if isinstance(obj, pikepdf.Stream) else bytes(obj.unparse())
            for obj in public.objects
        )
        assert set(public.pages[0].obj.keys()) == {
            "/Type",
            "/Parent",
            "/Resources",
            "/Contents",
            "/MediaBox",
        }
    assert b"geheim" not in raw.lower()


def test_a_zero_width_space_in_place_of_the_space_is_redacted():
    from vergaderstukken.woo import lakken

    lakker = lakken.Lakker([("Jorrit Eijbersen", "5.1.2e")])
    for spelling in ("Jorrit\u200bEijbersen", "Jorrit\u2060Eijbersen", "JorritEijbersen"):
        assert lakken.plain(lakker.text(f"Gesprek met {spelling} gehad.")) == (
            "Gesprek met 5.1.2e gehad."
        )
        assert lakker.found(f"met {spelling}.") != []
    assert lakken.plain(lakker.text("Jorrit en Eijbersen")) == "Jorrit en Eijbersen"
