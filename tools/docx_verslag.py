"""The Word minutes (docxtpl template, written by docx_sjablonen.py), and the header and
action table they share with the action-and-decision list (docx_lijst.py)."""

from __future__ import annotations

from docx import Document
from docx.shared import Pt, RGBColor
from docx_bouw import (
    BESLOTEN,
    BLUE,
    GREY,
    RED,
    fix_grids,
    gegevens,
    header_footer,
    loop_table,
    new_document,
    para,
    runs,
    spacer,
    volgende,
)

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


# An action's line under its text: its id (how the action list finds it), who and when.
WIE_TERMIJN = (
    "{{ 'Toezegging' if regel.soort == 'toezegging' else 'Actie' }} {{ regel.id }}"
    "{% if regel.wie %} · Wie: {{ regel.wie }}{% endif %}"
    "{% if regel.termijn %} · Termijn: {{ regel.termijn|termijn }}{% endif %}"
)


def bka_tabel(doc, var: str) -> None:
    """An item's B/K/A table, read like the published minutes (and the PDF): the item's
    number (12.2), the letter, the entry with an action's id on a line of its own; the
    Toelichting column only when an entry has one (two tables, one chosen per item)."""
    regels = var + ".regels"
    para(doc, "{%p if " + regels + " %}")
    para(doc, "{%p if " + regels + "|selectattr('toelichting')|list %}")
    bka_loop(doc, regels, zij=True)
    para(doc, "{%p else %}")
    bka_loop(doc, regels, zij=False)
    para(doc, "{%p endif %}")
    para(doc, "{%p endif %}")


def bka_loop(doc, regels: str, zij: bool) -> None:
    """One B/K/A table, with or without its Toelichting column."""
    titles = ("Nr", "B/K/A", "Besluit (B) / Knelpunt (K) / Actie (A)")
    values: list[str | list[str]] = [
        "{{ vergadering.verslag_nummer(regel.punt) }}",
        "{{ regel.letter }}",
        [
            "{{p regel.tekst|md('Tabeltekst') }}",
            "{%p if regel.is_actie %}",
            WIE_TERMIJN,
            "{%p endif %}",
        ],
    ]
    widths = (1.5, 2.1, 8.5, 4.4) if zij else (1.5, 2.1, 12.9)
    if zij:
        titles += ("Toelichting",)
        values.append("{{p regel.toelichting|md('Tabeltekst') }}")
    table = loop_table(doc, regels, titles, values, widths, "regel")
    for paragraph in table.rows[2].cells[2].paragraphs:
        if paragraph.text == WIE_TERMIJN:
            for run in paragraph.runs:
                run.font.size, run.font.color.rgb = Pt(8.5), GREY


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
