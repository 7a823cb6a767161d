"""A workspace for the annotated-agenda tests: a meeting that shows everything an agenda
can show, and two overlays whose every field carries a distinctive string."""

from __future__ import annotations

from pathlib import Path

MARKERING = "Intern advies – niet verspreiden"

# A meeting with parts, sub-items, questions, an attachment, open actions from an earlier
# meeting, minutes and a next meeting: everything the agenda can show.
BASE = {
    "meetings/2023-12-01/agenda.yaml": """\
        datum: 2023-12-01
        agenda:
          - titel: Opening
          - titel: Dijkversterking
            id: dijk
        """,
    "meetings/2023-12-01/verslag.yaml": """\
        status: vastgesteld
        vastgesteld_op: 2024-01-24
        punten:
          dijk:
            bka:
              - actie: Het waterschap levert de kaart van de kering aan.
                wie: Waterschap
                termijn: 2024-01-15
                id: kaart
              - actie: De gemeente Ede zoekt de kosten van de kade uit.
                wie: Gemeente Ede
              - actie: De provincie stuurt de subsidieregeling rond.
                wie: Provincie
                id: regeling
        """,
    "meetings/2024-01-24/agenda.yaml": """\
        datum: 2024-01-24
        tijd: 15:45-17:15
        agenda:
          - titel: Opening
          - titel: Dijkversterking
            id: dijk
            deel: Water
            doel: besluitvorming
            bijlagen: [plan]
            toelichting: Het plan ligt ter besluitvorming voor.
            vragen:
              - Stemt u in met het plan?
          - titel: Ter kennisname
            onderdelen:
              - titel: Verslag werkgroep
                id: werkgroep
              - titel: Brief provincie
                id: brief
          - titel: Openstaande acties
            id: acties
            acties: true
          - titel: Rondvraag
            deel: Afsluiting
        bijlagen:
          - id: plan
            titel: Plan dijkversterking
            bestand: bijlagen/plan.md
        volgende:
          datum: 2024-03-13
          tijd: 15:00-16:30
        """,
    "meetings/2024-01-24/bijlagen/plan.md": "# Plan\n\nDe dijk wordt versterkt.\n",
    "meetings/2024-01-24/verslag.yaml": """\
        status: concept
        punten:
          dijk:
            tekst: Het plan wordt besproken.
            bka:
              - besluit: Het plan wordt vastgesteld.
              - actie: Het waterschap start de aanbesteding.
                wie: Waterschap
        acties:
          regeling: afgerond
        """,
}

# Every string an overlay carries, per field, each distinctive enough to search for.
NOORD = {
    "auteur": "Beleidsadviseur Noordwaardia",
    "voor": "Wethouder Noordveldhuis",
    "inleiding": "Noordinleidingtekst",
    "advies": "Noordadviestekst",
    "tekst": "Noordtoelichtingtekst",
    "brief": "Noordbriefnotitie",
    "actie": "Noordactienotitie",
}
ZUID = {
    "auteur": "Beleidsadviseur Zuidwaardia",
    "voor": "Wethouder Zuidveldhuis",
    "inleiding": "Zuidinleidingtekst",
    "advies": "Zuidadviestekst",
    "tekst": "Zuidtoelichtingtekst",
    "opening": "Zuidopeningnotitie",
    "actie": "Zuidactienotitie",
}

OVERLAYS = {
    # Items by id, by number ("3b") and by YAML integer key; Markdown in the notes.
    "meetings/2024-01-24/annotaties/noord.yaml": """\
        auteur: {auteur}
        voor: {voor}
        inleiding: |
          Twee punten. {inleiding} staat **hier**.
        punten:
          dijk:
            advies: Instemmen, {advies}
            tekst: |
              Met de kanttekening dat **vetgedrukt** {tekst} telt.

              - eerste bolletje
              - tweede bolletje
          "3b": Ter info over de brief, {brief}.
        acties:
          kaart: Is hier al zicht op? {actie}
        """.format(**NOORD),
    "meetings/2024-01-24/annotaties/zuid.yaml": """\
        auteur: {auteur}
        voor: {voor}
        inleiding: {inleiding}
        punten:
          1: {opening}
          2:
            advies: Niet instemmen, {advies}
            tekst: {tekst}
        acties:
          2023-12-01.2: Navragen. {actie}
        """.format(**ZUID),
}


def out(root: Path, name: str) -> Path:
    return root / "output" / "2024-01-24" / name
