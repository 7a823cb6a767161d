"""The Word action-and-decision list (docxtpl template, written by docx_sjablonen.py)."""

from __future__ import annotations

from docx import Document
from docx_bouw import fix_grids, loop_table, new_document, para, volgende
from docx_verslag import actielijst_tabel, verslag_kop


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
