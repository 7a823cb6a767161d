"""Hostile PDF attachments: no active content in either pack, a name hidden anywhere
keeps a PDF out of the public edition (naming where), and a zip bomb or a PDF of
thousands of pages is a clear error within seconds, never a hang or a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

import vijandige_pdf as v
from conftest import AGENDA_YAML, STUKKEN_YAML, pdf_text
from pdf_scanner import actief, alles
from vergaderstukken.pdf_budget import PdfTeZwaar
from vergaderstukken.woo import lakken as woo
from vergaderstukken.woo import pdf as woo_pdf

DATUM = "2024-01-24"
AGENDA = "meetings/2024-01-24/agenda.yaml"
BIJLAGEN = "meetings/2024-01-24/bijlagen/"
STUKKEN = STUKKEN_YAML + "woo:\n  lakken:\n    - {tekst: Jorrit Eijbersen, grond: 5.1.2e}\n"
GELAKTE_VERSIE = "voeg een gelakte versie toe met 'openbaar: <pad>' bij de bijlage"
SRC = Path(__file__).resolve().parents[1] / "src"


def agenda(extra: str = "") -> str:
    return AGENDA_YAML.replace("bijlagen/plan.md", "bijlagen/plan.pdf") + extra


def regel(tekst: str, gezocht: str) -> int:
    return next(n for n, line in enumerate(tekst.splitlines(), 1) if line == gezocht)


def werkmap(workspace, data: bytes, *, gelakt: bytes | None = None) -> tuple[Path, str]:
    tekst = agenda()
    files = {"stukken.yaml": STUKKEN, AGENDA: tekst, BIJLAGEN + "plan.pdf": data}
    if gelakt is not None:
        tekst = tekst.replace(
            "    bestand: bijlagen/plan.pdf\n",
            "    bestand: bijlagen/plan.pdf\n    openbaar: bijlagen/plan-gelakt.pdf\n",
        )
        files.update({AGENDA: tekst, BIJLAGEN + "plan-gelakt.pdf": gelakt})
    return workspace(files), f"{AGENDA}:{regel(tekst, '  - id: plan')}"


def pack(root: Path, openbaar: bool = False) -> Path:
    return root / "output" / DATUM / ("openbaar/" if openbaar else "") / "vergaderpakket.pdf"


def uris(path: Path) -> set[str]:
    with pikepdf.open(path) as pdf:
        return {
            str(annot.A.URI)
            for page in pdf.pages
            for annot in page.obj.get("/Annots", [])
            if "/A" in annot and "/URI" in annot.A
        }


# --- no active content ---------------------------------------------------------------


VERWIJDERD = [
    "JavaScript verwijderd",
    "automatische acties (bij openen, sluiten of bekijken) verwijderd",
    "opdrachten die een programma starten (Launch) verwijderd",
    "opdrachten die gegevens inlezen (ImportData) verwijderd",
    "opdrachten die een formulier verzenden of wissen (SubmitForm/ResetForm) verwijderd",
    "koppelingen naar andere of lokale bestanden (GoToR, GoToE, file:) verwijderd",
    "ingesloten bestanden verwijderd",
    "formuliervelden platgeslagen: wat erin stond, staat er als vaste tekst",
]


def test_internal_pack_keeps_no_active_content(workspace, stukken):
    root, where = werkmap(workspace, v.actief_overal())
    assert actief(root / BIJLAGEN / "plan.pdf")  # the scanner sees what is there
    result = stukken(root, "build", DATUM)
    assert result.exit_code == 0, result.stderr
    prefix = f"{where}: waarschuwing: bijlage 'plan' (bijlagen/plan.pdf) in het vergaderpakket: "
    assert [line for line in result.lines if line.startswith(prefix)] == [
        prefix + kind for kind in VERWIJDERD
    ]
    assert actief(pack(root)) == []
    text = pdf_text(pack(root))
    assert "Vijandige bijlage over de dijk." in text
    assert "Ingevulde waarde" in text  # the form field's value, drawn into the page
    assert uris(pack(root)) == {
        "https://www.example.nl/dijk",
        "https://www.example.nl/kaart",
        "mailto:info@dijk.example",
    }


def test_public_pack_keeps_no_active_content(workspace, stukken):
    root, where = werkmap(workspace, v.actief_overal(mailto=False))
    result = stukken(root, "build", DATUM, "--openbaar")
    assert result.exit_code == 0, result.stderr
    prefix = f"{where}: waarschuwing: bijlage 'plan' (bijlagen/plan.pdf) in het vergaderpakket: "
    assert [line for line in result.lines if line.startswith(prefix)] == [
        prefix + kind for kind in VERWIJDERD
    ]
    assert actief(pack(root, openbaar=True)) == []
    assert "Ingevulde waarde" in pdf_text(pack(root, openbaar=True))


def test_public_pack_drops_page_metadata(workspace, stukken):
    pdf = pikepdf.open(__import__("io").BytesIO(v.opslaan(v.tekst_pdf())))
    pdf.pages[0].obj.Metadata = v.metadata_stroom(pdf, "Secretariaat ROW")
    root, where = werkmap(workspace, v.opslaan(pdf))
    result = stukken(root, "build", DATUM, "--openbaar")
    assert result.exit_code == 0, result.stderr
    assert (
        f"{where}: waarschuwing: bijlage 'plan' (bijlagen/plan.pdf) in het vergaderpakket: "
        "metadata (documentinformatie en XMP) verwijderd"
    ) in result.lines
    with pikepdf.open(pack(root, openbaar=True)) as public:
        assert not any("/Metadata" in page.obj for page in public.pages)


# --- a name in any place keeps the PDF out ---------------------------------------------


PLEKKEN = {
    "xmp": "'Jorrit Eijbersen' in de metadata (XMP)",
    "pagina-xmp": "'Jorrit Eijbersen' in de metadata (XMP)",
    "info": "'Jorrit Eijbersen' in de documentinformatie",
    "bladwijzer": "'Jorrit Eijbersen' in de bladwijzers",
    "mailto": "'jorrit.eijbersen@gemeente.example' in een koppeling",
    "opmerking": "'Jorrit Eijbersen' in een opmerking",
    "formulier": "'Jorrit Eijbersen' in een formulierveld",
    "ingesloten": "'Jorrit Eijbersen' in een ingesloten bestand",
    "ingesloten-naam": "'Jorrit_Eijbersen' in een ingesloten bestand",
    "ingesloten-pdf": "'Jorrit Eijbersen' in een ingesloten bestand",
    "pdf-naam": "'Jorrit.Eijbersen' in de naam van een PDF-object",
}


def test_a_name_in_any_place_keeps_the_pdf_out_of_the_public_pack(workspace, stukken):
    ids = [plek.replace("-", "_") for plek in PLEKKEN]
    tekst = agenda().replace("bijlagen: [plan]", f"bijlagen: [plan, {', '.join(ids)}]")
    tekst += "".join(
        f"  - id: {id_}\n    titel: Stuk {id_}\n    bestand: bijlagen/{id_}.pdf\n" for id_ in ids
    )
    files = {
        "stukken.yaml": STUKKEN,
        AGENDA: tekst,
        BIJLAGEN + "plan.pdf": v.opslaan(v.tekst_pdf()),
    }
    files.update(
        {BIJLAGEN + f"{id_}.pdf": v.naam_in(plek) for id_, plek in zip(ids, PLEKKEN, strict=True)}
    )
    root = workspace(files)
    result = stukken(root, "build", DATUM, "--openbaar")
    assert result.exit_code == 0, result.stderr
    kept_out = [line for line in result.lines if "blijft buiten de openbare versie" in line]
    assert kept_out == [
        f"{AGENDA}:{regel(tekst, f'  - id: {id_}')}: waarschuwing: bijlage '{id_}' "
        f"(bijlagen/{id_}.pdf) blijft buiten de openbare versie: de PDF bevat {found}; "
        f"stukken kan in een PDF niet lakken; {GELAKTE_VERSIE}"
        for id_, found in zip(ids, PLEKKEN.values(), strict=True)
    ]
    public = alles(pack(root, openbaar=True)).lower()
    assert "vijandige bijlage over de dijk." in public  # the clean attachment is in
    assert "jorrit" not in public and "eijbersen" not in public


@pytest.mark.parametrize("plek", ["formulier", "xmp"])
def test_pre_redacted_pdf_with_a_hidden_name_is_an_error_naming_where(workspace, stukken, plek):
    root, where = werkmap(workspace, v.naam_in("info"), gelakt=v.naam_in(plek))
    result = stukken(root, "build", DATUM, "--openbaar")
    assert result.exit_code == 1
    assert result.lines == [
        f"{where}: bijlage 'plan' (bijlagen/plan-gelakt.pdf): de gelakte versie bevat nog "
        f"{PLEKKEN[plek]}; lak opnieuw en sla op zonder verborgen gegevens (metadata, "
        "opmerkingen, formuliervelden, ingesloten bestanden)",
        "1 fout gevonden; er is niets geschreven.",
    ]
    assert not (root / "output").exists()


def test_leaks_by_place_reads_each_place_once():
    lakker = woo.Lakker([("Jorrit Eijbersen", "5.1.2e")])
    found = woo_pdf.leaks_by_place(v.naam_in("bladwijzer"), lakker)
    assert found == {"in de bladwijzers": ["Jorrit Eijbersen"]}
    assert woo_pdf.leaks_by_place(v.naam_in("xmp"), lakker, metadata=False) == {}


# --- bounded work -----------------------------------------------------------------------


BOM = (
    "pakt uit tot meer dan 200 MB (een 'zipbom'?); stukken leest zo'n bestand niet; "
    "sla het opnieuw op als PDF of vraag om een nieuwe versie"
)
PAGINAS = (
    "heeft 3000 pagina's; een bijlage mag er hoogstens 2000 hebben; splits het bestand in delen"
)


@pytest.mark.parametrize(
    ("maak", "fout"),
    [
        (lambda: v.zipbom(), BOM),
        (lambda: v.zipbom(dubbel=True), BOM),
        (lambda: v.duizenden_paginas(3000), PAGINAS),
    ],
    ids=["zipbom", "dubbele-zipbom", "3000-paginas"],
)
def test_hostile_pdf_is_a_located_error(workspace, stukken, maak, fout):
    root, where = werkmap(workspace, maak())
    for command in ("check", "build"):
        result = stukken(root, command, DATUM)
        assert result.exit_code == 1
        assert result.lines == [
            f"{where}: bijlage 'plan' (bijlagen/plan.pdf) {fout}",
            "1 fout gevonden; er is niets geschreven.",
        ]
    assert not (root / "output").exists()


MEASURED = """\
import atexit, resource, sys
atexit.register(lambda: print("piek", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr))
from vergaderstukken.__main__ import cli
cli(sys.argv[1:], prog_name="stukken")
"""


def test_zip_bomb_check_stays_under_500_mb(workspace):
    root, where = werkmap(workspace, v.zipbom())
    result = subprocess.run(
        [sys.executable, "-c", MEASURED, "check", DATUM],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    lines = result.stderr.splitlines()
    assert result.returncode == 1
    assert lines[:2] == [
        f"{where}: bijlage 'plan' (bijlagen/plan.pdf) {BOM}",
        "1 fout gevonden; er is niets geschreven.",
    ]
    peak_kb = int(lines[-1].removeprefix("piek "))
    assert peak_kb < 500 * 1024


def test_text_extraction_refuses_a_bomb():
    with pytest.raises(PdfTeZwaar, match="pakt uit tot meer dan 200 MB"):
        woo_pdf.page_texts(v.zipbom(dubbel=True))
