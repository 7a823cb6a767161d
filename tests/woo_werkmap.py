"""A two-meeting workspace for the public edition (Woo), written only to the contract.

Names to redact sit in an item's text, an item's title, a default item id, the
attendance, the minutes (one split over two lines, one in capitals), an action's `wie`,
a progress note, a Markdown attachment and an advisor's overlay; there are two e-mail
addresses. Meeting 2024-01-24 has a non-public item (which starts a part, and has its
own attachment, decision and action), a non-public attachment under a public item, and
the minutes of 2023-12-13 as an attachment, which has a non-public item of its own.
"""

from __future__ import annotations

from conftest import STUKKEN_YAML

STUKKEN = (
    STUKKEN_YAML
    + """\
woo:
  lakken:
    - tekst: Jorrit Eijbersen
      grond: 5.1.2e
    - tekst: Piet de Wit
      grond: 5.1.2e
    - tekst: Zeemeeuw
      grond: 5.1.2i
"""
)

AGENDA_VORIGE = """\
datum: 2023-12-13
tijd: "15:00"
agenda:
  - titel: Opening
  - titel: Vertrouwelijk dossier
    id: dossier
    openbaar: false
  - titel: Rondvraag
"""

VERSLAG_VORIGE = """\
status: vastgesteld
vastgesteld_op: 2024-01-24
punten:
  opening:
    tekst: Jorrit Eijbersen opent de vergadering.
  dossier:
    tekst: Het dossier blijft geheim.
    bka:
      - actie: Geheime actie uitvoeren.
        wie: Bureau
  rondvraag:
    bka:
      - actie: De aannemer bellen over de kade.
        wie: Piet de Wit
"""

AGENDA = """\
datum: 2024-01-24
tijd: 15:45-17:15
nummer: 7
agenda:
  - titel: Opening
    toelichting: |
      Jorrit Eijbersen heet iedereen welkom. Vragen vooraf naar
      secretariaat@row.example.nl.
  - titel: Dijkversterking met Piet de Wit
    id: dijk
    deel: Water
    doel: besluitvorming
    bijlagen: [plan, intern]
    toelichting: Het plan ligt ter besluitvorming voor.
  - titel: Personele zaken
    id: personeel
    deel: Organisatie
    openbaar: false
    bijlagen: [geheim]
    toelichting: Vertrouwelijk over de reorganisatie.
  - titel: Project Zeemeeuw
    bijlagen: [verslag-vorige]
    acties: true
    toelichting: Stand van zaken van het project.
  - titel: Rondvraag
bijlagen:
  - id: plan
    titel: Plan dijkversterking
    bestand: bijlagen/plan.md
  - id: intern
    titel: Interne notitie
    bestand: bijlagen/intern.md
    openbaar: false
  - id: geheim
    titel: Personeelsplan
    bestand: bijlagen/geheim.md
  - id: verslag-vorige
    verslag: 2023-12-13
"""

VERSLAG = """\
status: concept
aanwezig:
  - organisatie: Gemeente Ede
    naam: Jorrit Eijbersen
    functie: wethouder
  - Waterschap Vallei
punten:
  opening:
    tekst: De voorzitter opent. JORRIT EIJBERSEN komt later.
  dijk:
    bka:
      - besluit: Het plan wordt vastgesteld.
      - actie: De planning naar de leden sturen.
        wie: Jorrit Eijbersen
        termijn: 2024-02-15
  personeel:
    bka:
      - besluit: De reorganisatie gaat door.
      - actie: Gesprekken voeren met het team.
        wie: Bureau
  project-zeemeeuw:
    tekst: |
      De toelichting is van Piet
      de Wit, die het project trekt.
    bka:
      - besluit: Het project gaat door.
acties:
  2023-12-13.2:
    status: loopt
    toelichting: Piet de Wit belt volgende week.
"""

PLAN = """\
# Plan

Opgesteld door Jorrit Eijbersen (jorrit@ede.example.nl).

De dijk wordt versterkt.
"""

OVERLAY = """\
auteur: Adviseur Noord
voor: Jorrit Eijbersen
punten:
  dijk: Advies aan de wethouder, niet instemmen.
"""

FILES = {
    "stukken.yaml": STUKKEN,
    "meetings/2023-12-13/agenda.yaml": AGENDA_VORIGE,
    "meetings/2023-12-13/verslag.yaml": VERSLAG_VORIGE,
    "meetings/2024-01-24/agenda.yaml": AGENDA,
    "meetings/2024-01-24/verslag.yaml": VERSLAG,
    "meetings/2024-01-24/bijlagen/plan.md": PLAN,
    "meetings/2024-01-24/bijlagen/intern.md": "Interne afwegingen over de dijk.\n",
    "meetings/2024-01-24/bijlagen/geheim.md": "Drie functies vervallen.\n",
    "meetings/2024-01-24/annotaties/noord.yaml": OVERLAY,
}

# Never in any file of the public edition (compared case-insensitively).
REDACTED = ["jorrit", "eijbersen", "piet de wit", "piet\nde wit", "zeemeeuw", "example.nl"]
# Only in the non-public parts: items, attachments, their minutes, the overlay.
NOT_PUBLIC = [
    "Personele zaken",
    "reorganisatie",
    "Personeelsplan",
    "Drie functies vervallen",
    "Interne notitie",
    "Interne afwegingen",
    "Vertrouwelijk dossier",
    "Het dossier blijft geheim",
    "Geheime actie",
    "Gesprekken voeren",
    "Advies aan de wethouder",
    "Adviseur Noord",
]
