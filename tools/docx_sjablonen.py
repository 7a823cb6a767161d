"""Generate the built-in A4 DOCX templates in templates/ (docxtpl syntax).

The .docx files are committed; run this after changing it:

    .venv/bin/python tools/docx_sjablonen.py

python-docx starts from a US Letter document, so every template sets A4 and its own
styles here (the building blocks are in docx_bouw.py). Each template function writes one
file; new documents add a function.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Cm, Pt, RGBColor

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docx_bouw import (  # noqa: E402
    ACCENT,
    BLUE,
    GREY,
    cell_paragraphs,
    finish,
    fix_grids,
    gegevens,
    header_footer,
    kader,
    label,
    loop_table,
    mark_header,
    new_document,
    para,
    runs,
    set_widths,
    small_text,
    spacer,
    tint,
    volgende,
)

from vergaderstukken.render.engines.docx_stable import make_reproducible  # noqa: E402

TEMPLATES = ROOT / "templates"
RED = RGBColor(0xAA, 0x00, 0x00)


def acties_tabel(doc, lijst: str, notities: str | None = None) -> None:
    """The actions table; `notities` (a template dict action id -> note) adds a row under
    each action that has a note, for the annotated agenda."""
    para(doc, "{%p if " + lijst + " %}")
    table = doc.add_table(rows=4, cols=5)
    table.style = "Table Grid"
    for cell, title in zip(
        table.rows[0].cells, ("Nr.", "Actie", "Wie", "Termijn", "Status"), strict=True
    ):
        cell.paragraphs[0].add_run(title).bold = True
    mark_header(table.rows[0])
    table.rows[1].cells[0].text = "{%tr for stand in " + lijst + " %}"
    values = (
        "{{ stand.id }}",
        [
            "{{p stand.regel.tekst|md('Tabeltekst') }}",
            "{%p if stand.toelichting %}",
            "{{p stand.toelichting|md('Tabeltekst cursief') }}",
            "{%p endif %}",
        ],
        "{{ stand.regel.wie or '' }}",
        "{{ stand.termijn|termijn }}{% if stand.te_laat %} (verlopen){% endif %}",
        "{{ stand.status }}",
    )
    for cell, value in zip(table.rows[2].cells, values, strict=True):
        cell_paragraphs(cell, value)
    table.rows[3].cells[0].text = "{%tr endfor %}"
    if notities:
        actie_notitie_rijen(table, notities)
    set_widths(table, (3.1, 6.2, 2.9, 2.5, 1.8))
    small_text(table)
    para(doc, "{%p else %}")
    para(doc, "Er staan geen acties open.", italic=True)
    para(doc, "{%p endif %}")


BESLOTEN = "{% if not VAR.openbaar %}  · BESLOTEN{% endif %}"
TIJDKOLOM = (
    "{% if planning and planning.get(VAR.id) %}\t{{ planning[VAR.id].begin_tekst }}"
    "{% if VAR.duur %} ({{ VAR.duur }} min.){% endif %}{% endif %}"
)


def kop_met_tijd(doc, nummer: str, var: str, style: str) -> None:
    """An item's heading: number, title, "BESLOTEN" for an item kept out of the public
    edition, and at a right tab stop (the time column) its planned start and length."""
    paragraph = runs(
        doc,
        [
            nummer,
            "{{r " + var + ".titel|md_inline }}",
            BESLOTEN.replace("VAR", var),
            TIJDKOLOM.replace("VAR", var),
        ],
        style,
    )
    paragraph.runs[2].font.color.rgb = RED
    paragraph.runs[2].font.size = Pt(8)
    paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(16.5), WD_TAB_ALIGNMENT.RIGHT)


def punt_inhoud(doc, var: str, notities: str | None = None) -> None:
    para(doc, "{%p if " + var + ".inleider %}")
    para(doc, "Inleider: {{ " + var + ".inleider }}", color=GREY)
    para(doc, "{%p endif %}")
    para(doc, "{%p if " + var + ".doel %}")
    para(doc, "{{ " + var + ".doel_tekst }}", italic=True, color=GREY)
    para(doc, "{%p endif %}")
    para(doc, "{%p if " + var + ".toelichting %}")
    para(doc, "{{p " + var + ".toelichting|md }}")
    para(doc, "{%p endif %}")
    para(doc, "{%p if " + var + ".vragen %}")
    para(doc, "Vragen aan de vergadering", bold=True)
    para(doc, "{{p " + var + ".vragen|vragenlijst|md }}")
    para(doc, "{%p endif %}")
    para(doc, "{%p if " + var + ".acties %}")
    acties_tabel(doc, "open_acties", notities)
    para(doc, "{%p endif %}")
    para(doc, "{%p for bijlage in " + var + ".bijlagen %}")
    para(doc, "– {{ bijlage.label }}: {{ bijlage.titel|tekst }}")
    para(doc, "{%p endfor %}")


def agenda_body(doc, extra_per_punt=None, notities: str | None = None) -> None:
    para(doc, "{%p for punt in punten %}")
    para(doc, "{%p if punt.deel %}")
    para(doc, "DEEL {{ punt.deel_nummer }}: {{ punt.deel|tekst }}", "Heading 1")
    para(doc, "{%p endif %}")
    kop_met_tijd(doc, "{{ punt.nummer }}.\t", "punt", "Heading 2")
    punt_inhoud(doc, "punt", notities)
    if extra_per_punt:
        extra_per_punt(doc, "punt")
    para(doc, "{%p for onderdeel in punt.onderdelen %}")
    kop_met_tijd(doc, "{{ onderdeel.letter }})\t", "onderdeel", "Heading 3")
    punt_inhoud(doc, "onderdeel", notities)
    if extra_per_punt:
        extra_per_punt(doc, "onderdeel")
    para(doc, "{%p endfor %}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p if vergadering.volgende %}")
    para(
        doc,
        "De volgende vergadering is op {{ vergadering.volgende.datum|datum_lang }}"
        "{% if vergadering.volgende.tijd %}, {{ vergadering.volgende.tijd|tijd }}{% endif %}"
        "{% if vergadering.volgende.locatie %}, {{ vergadering.volgende.locatie }}{% endif %}.",
    )
    para(doc, "{%p endif %}")


def agenda() -> Document:
    doc = new_document()
    header_footer(doc, "{{ document.kop }}")
    para(
        doc,
        "{{ overleg.naam }}{% if overleg.organisatie %} · {{ overleg.organisatie }}{% endif %}",
        size=10,
        color=BLUE,
    )
    para(doc, "Agenda {{ overleg.naam }}", "Title")
    gegevens(doc)
    agenda_body(doc)
    return doc


# --- the annotated agenda ----------------------------------------------------------------


def actie_notitie_rijen(table, notities: str) -> None:
    """Under each action with a note: a tinted row "Annotatie | note" (4 cells merged)."""
    end = table.rows[-1]._tr
    rows = [table.add_row() for _ in range(3)]
    for row in rows:
        end.addprevious(row._tr)
        for cell, width in zip(row.cells, (2.6, 7.4, 3.0, 2.6, 1.9), strict=True):
            cell.width = Cm(width)
    rows[0].cells[0].text = "{%tr if " + notities + ".get(stand.id) %}"
    first, rest = rows[1].cells[0], rows[1].cells[1].merge(rows[1].cells[4])
    label(first.paragraphs[0], "Annotatie")
    rest.paragraphs[0].add_run("{{p " + notities + "[stand.id]|md }}")
    tint(first)
    tint(rest, bar=False)
    rows[2].cells[0].text = "{%tr endif %}"


def annotatie_kader(doc, var: str) -> None:
    """The agenda_body hook: the advisor's note under item `var`, if there is one."""
    note = "per_punt[" + var + ".id]"
    para(doc, "{%p if " + var + ".id in per_punt %}")
    spacer(doc)
    cell = kader(doc)
    label(cell.add_paragraph(), "Annotatie")
    para(cell, "{%p if " + note + ".advies %}")
    para(cell, "{%p if " + note + ".advies_kort %}")
    advies = cell.add_paragraph()
    run = advies.add_run("Advies: ")
    run.bold, run.font.color.rgb = True, ACCENT
    advies.add_run("{{r " + note + ".advies|md_inline }}")
    para(cell, "{%p else %}")
    para(cell, "Advies:", bold=True, color=ACCENT)
    para(cell, "{{p " + note + ".advies|md }}")
    para(cell, "{%p endif %}")
    para(cell, "{%p endif %}")
    para(cell, "{%p if " + note + ".tekst %}")
    para(cell, "{{p " + note + ".tekst|md }}")
    para(cell, "{%p endif %}")
    finish(cell)
    spacer(doc)
    para(doc, "{%p endif %}")


def geannoteerde_agenda() -> Document:
    doc = new_document()
    header_footer(doc, "{{ document.kop }}")
    marking = para(doc, "{{ document.markering }}", bold=True, size=8, color=RED)
    marking.runs[0].font.all_caps = True
    para(
        doc,
        "{{ overleg.naam }}{% if overleg.organisatie %} · {{ overleg.organisatie }}{% endif %}",
        size=10,
        color=BLUE,
    )
    para(doc, "Geannoteerde agenda {{ overleg.naam }}", "Title")
    gegevens(doc)
    for key, title in (("voor", "Voor"), ("auteur", "Van")):
        para(doc, "{%p if annotatie." + key + " %}")
        para(doc, f"{title}: " + "{{ annotatie." + key + " }}")
        para(doc, "{%p endif %}")
    para(doc, "{%p if annotatie.inleiding %}")
    spacer(doc)
    cell = kader(doc)
    label(cell.add_paragraph(), "Inleiding")
    para(cell, "{{p annotatie.inleiding|md }}")
    finish(cell)
    spacer(doc)
    para(doc, "{%p endif %}")
    para(doc, "De agenda is ongewijzigd. {{ uitleg }}", italic=True, size=9, color=GREY)
    agenda_body(doc, extra_per_punt=annotatie_kader, notities="notities")
    return doc


BUILDERS = {
    "agenda.docx": agenda,
    "geannoteerde-agenda.docx": geannoteerde_agenda,
}


# --- minutes and the action-and-decision list (issue #3) ---------------------------------

CONCEPT_KOP = "{% if document.markering %}{{ document.markering }} · {% endif %}{{ document.kop }}"


def verslag_kop(doc, titel: str) -> None:
    header_footer(doc, CONCEPT_KOP)
    para(
        doc,
        "{{ overleg.naam }}{% if overleg.organisatie %} · {{ overleg.organisatie }}{% endif %}",
        size=10,
        color=BLUE,
    )
    para(doc, titel, "Title")
    para(doc, "{%p if stand and stand.vastgesteld_in %}")
    para(
        doc,
        "Vastgesteld in de vergadering van {{ stand.vastgesteld_in.datum|datum_kort }}",
        bold=True,
    )
    para(doc, "{%p if stand.wijzigingen %}")
    para(doc, "Vastgesteld met de volgende wijzigingen:", bold=True)
    para(doc, "{{p stand.wijzigingen|md }}")
    para(doc, "{%p endif %}")
    para(doc, "{%p elif verslag.status == 'vastgesteld' %}")
    para(
        doc,
        "Vastgesteld{% if verslag.vastgesteld_op %} op "
        "{{ verslag.vastgesteld_op|datum_kort }}{% endif %}",
        bold=True,
    )
    para(doc, "{%p else %}")
    para(doc, "CONCEPT: NOG NIET VASTGESTELD", bold=True, color=RGBColor(0xAA, 0, 0))
    para(doc, "{%p if stand and stand.aangehouden_tekst %}")
    para(doc, "{{ stand.aangehouden_tekst }}", italic=True)
    para(doc, "{%p endif %}")
    para(doc, "{%p endif %}")
    gegevens(doc)
    for key, kop, value in (
        ("aanwezig", "Aanwezig", "{{ aanwezig|join('; ') }}"),
        ("afwezig", "Afwezig", "{{ afwezig|join('; ') }}"),
        ("verslag.notulist", "Verslag", "{{ verslag.notulist }}"),
    ):
        para(doc, "{%p if " + key + " %}")
        para(doc, f"{kop}: {value}")
        para(doc, "{%p endif %}")


def bka_tabel(doc, var: str) -> None:
    para(doc, "{%p if " + var + ".regels %}")
    loop_table(
        doc,
        var + ".regels",
        ("Nr", "B/K/A", "Besluit (B) / Knelpunt (K) / Actie (A)", "Toelichting"),
        (
            "{% if regel.is_besluit %}{{ regel.besluitnummer }}{% elif regel.is_actie %}"
            "{{ regel.id }}{% endif %}",
            "{{ regel.letter }}",
            [
                "{{p regel.tekst|md('Tabeltekst') }}",
                "{%p if regel.is_actie and (regel.wie or regel.termijn) %}",
                "{% if regel.wie %}Wie: {{ regel.wie }}{% endif %}{% if regel.wie and regel.termijn %}"
                " · {% endif %}{% if regel.termijn %}Termijn: {{ regel.termijn|termijn }}{% endif %}",
                "{%p endif %}",
            ],
            "{{p regel.toelichting|md('Tabeltekst') }}",
        ),
        (2.8, 2.4, 7.1, 4.2),
        "regel",
    )
    para(doc, "{%p endif %}")


def verslag_punt(doc, var: str, style: str) -> None:
    runs(
        doc,
        [
            "{{ vergadering.verslag_nummer(" + var + ".punt) }}\t",
            "{{r " + var + ".punt.titel|md_inline }}",
            BESLOTEN.replace("VAR", var + ".punt"),
        ],
        style,
    ).runs[2].font.color.rgb = RED
    para(doc, "{%p if " + var + ".tekst %}")
    para(doc, "{{p " + var + ".tekst|md }}")
    para(doc, "{%p endif %}")
    bka_tabel(doc, var)
    para(doc, "{%p if " + var + ".punt.acties %}")
    label = para(doc, "Voortgang van de acties uit eerdere vergaderingen", bold=True)
    label.paragraph_format.space_before = Pt(8)
    label.paragraph_format.keep_with_next = True
    para(doc, "{%p if voortgang %}")
    actielijst_tabel(doc, "voortgang", herkomst=False)
    para(doc, "{%p else %}")
    para(doc, "Er stonden geen acties open.", italic=True)
    para(doc, "{%p endif %}")
    para(doc, "{%p endif %}")


def verslag() -> Document:
    doc = new_document()
    verslag_kop(doc, "Verslag {{ overleg.naam }} {{ vergadering.datum|datum_kort }}")
    para(doc, "{%p for punt in punten %}")
    para(doc, "{%p if punt.deel %}")
    para(doc, "DEEL {{ punt.deel_nummer }}: {{ punt.deel|tekst }}", "Heading 1")
    para(doc, "{%p endif %}")
    para(doc, "{%p set vp = verslag_punten[punt.id] %}")
    verslag_punt(doc, "vp", "Heading 2")
    para(doc, "{%p for onderdeel in punt.onderdelen %}")
    para(doc, "{%p set vo = verslag_punten[onderdeel.id] %}")
    verslag_punt(doc, "vo", "Heading 3")
    para(doc, "{%p endfor %}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p if voortgang_apart %}")
    para(doc, "Voortgang van de acties uit eerdere vergaderingen", "Heading 2")
    actielijst_tabel(doc, "voortgang", herkomst=False)
    para(doc, "{%p endif %}")
    volgende(doc)
    aldus_vastgesteld(doc)
    fix_grids(doc)
    return doc


def aldus_vastgesteld(doc) -> None:
    """The closing block of adopted minutes: the line, the chair and the secretary."""
    para(doc, "{%p if stand and stand.vastgesteld %}")
    spacer(doc)
    para(doc, "{{ stand.aldus }}")
    para(doc, "De voorzitter, {{ stand.voorzitter or '' }}")
    para(doc, "{%p if stand.secretaris %}")
    para(doc, "De secretaris, {{ stand.secretaris }}")
    para(doc, "{%p endif %}")
    para(doc, "{%p endif %}")


def actielijst_tabel(doc, lijst: str, herkomst: bool) -> None:
    actie = [
        "{%p if stand.regel.soort == 'toezegging' %}",
        "TOEZEGGING",
        "{%p endif %}",
        "{{p stand.regel.tekst|md('Tabeltekst') }}",
        "{%p if stand.regel.toelichting %}",
        "{{p stand.regel.toelichting|md('Tabeltekst klein') }}",
        "{%p endif %}",
        "{%p if stand.toelichting %}",
        "{{p stand.toelichting|met_label('Stand van zaken:')|md('Tabeltekst cursief') }}",
        "{%p endif %}",
    ]
    if herkomst:
        actie.append(
            "Uit de vergadering van {{ stand.vergadering.datum|datum_kort }}, punt "
            "{{ stand.vergadering.verslag_nummer(stand.regel.punt) }}"
        )
    table = loop_table(
        doc,
        lijst,
        ("Nr", "Actie", "Verantwoordelijk/betrokken", "Termijn", "Status"),
        (
            "{{ stand.id }}",
            actie,
            "{{ stand.regel.wie or '' }}",
            "{{ stand.termijn|termijn }}{% if stand.te_laat %} (verlopen){% endif %}",
            "{{ stand.status }}",
        ),
        (2.8, 6.4, 3.0, 2.3, 2.0),
        "stand",
    )
    cell = table.rows[2].cells[1]
    for paragraph in cell.paragraphs:
        text = paragraph.text
        for run in paragraph.runs:
            if text == "TOEZEGGING":
                run.bold, run.font.size, run.font.color.rgb = True, Pt(8), BLUE
            elif text.startswith("Uit de vergadering"):
                run.font.size, run.font.color.rgb = Pt(8), GREY


def actie_en_besluitenlijst() -> Document:
    doc = new_document()
    verslag_kop(
        doc,
        "Actie- en besluitenlijst {{ overleg.naam }} - Vergadering "
        "{{ vergadering.datum|datum_kort }}",
    )
    para(doc, "Besluiten en afspraken", "Heading 1")
    para(doc, "{%p if besluiten %}")
    loop_table(
        doc,
        "besluiten",
        ("Nr", "Agendapunt", "Besluit / afspraak", "Toelichting"),
        (
            "{{ regel.besluitnummer }}",
            "{{ vergadering.verslag_nummer(regel.punt) }}",
            [
                "{%p if regel.soort == 'afspraak' %}",
                "AFSPRAAK",
                "{%p endif %}",
                "{{p regel.tekst|md('Tabeltekst') }}",
            ],
            "{{p regel.toelichting|md('Tabeltekst') }}",
        ),
        (1.0, 1.8, 9.4, 4.3),
        "regel",
    )
    para(doc, "{%p else %}")
    para(doc, "In deze vergadering zijn geen besluiten genomen.", italic=True)
    para(doc, "{%p endif %}")
    para(doc, "Actielijst", "Heading 1")
    para(doc, "Nieuwe acties en toezeggingen", "Heading 2")
    para(doc, "{%p if acties.nieuw %}")
    actielijst_tabel(doc, "acties.nieuw", herkomst=False)
    para(doc, "{%p else %}")
    para(doc, "Geen nieuwe acties.", italic=True)
    para(doc, "{%p endif %}")
    para(doc, "Openstaande acties uit eerdere vergaderingen", "Heading 2")
    para(doc, "{%p if acties.lopend %}")
    actielijst_tabel(doc, "acties.lopend", herkomst=True)
    para(doc, "{%p else %}")
    para(doc, "Er staan geen eerdere acties meer open.", italic=True)
    para(doc, "{%p endif %}")
    para(doc, "{%p if acties.gesloten %}")
    para(doc, "Afgerond of vervallen in deze vergadering", "Heading 2")
    actielijst_tabel(doc, "acties.gesloten", herkomst=True)
    para(doc, "{%p endif %}")
    volgende(doc)
    fix_grids(doc)
    return doc


BUILDERS.update(
    {
        "verslag.docx": verslag,
        "actie-en-besluitenlijst.docx": actie_en_besluitenlijst,
    }
)


def main() -> None:
    for name, builder in BUILDERS.items():
        target = TEMPLATES / name
        builder().save(target)
        make_reproducible(target)
        print(f"geschreven: {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
