"""The Word agenda and the annotated agenda (docxtpl templates, written by
docx_sjablonen.py)."""

from __future__ import annotations

from docx import Document
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Cm, Pt
from docx_bouw import (
    ACCENT,
    BESLOTEN,
    BLUE,
    GREY,
    RED,
    cell_paragraphs,
    finish,
    gegevens,
    header_footer,
    kader,
    label,
    mark_header,
    new_document,
    para,
    runs,
    set_widths,
    small_text,
    spacer,
    tint,
)


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
