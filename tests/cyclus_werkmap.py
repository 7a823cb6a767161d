"""A three-meeting workspace for the meeting cycle (format.md part 2): meeting 1 (13
December 2023) and meeting 2 (24 January 2024) have concept minutes; meeting 2 adopts
meeting 1's minutes with a change, meeting 3 (13 March 2024) puts meeting 2's up with
`vaststelling: vorige`, a time schedule and a closed (besloten) item."""

from __future__ import annotations

STUKKEN = """\
overleg:
  naam: Twentse Regietafel Asielinstroom
  afkorting: TRA
  voorzitter: Hans Broekhuizen
  secretaris: Ilse Jansen
  locatie: Stadhuis Almelo
leden:
  - Almelo
  - Borne
  - organisatie: Hengelo
    naam: dhr. Eshuis
  - Losser
"""

AGENDA_1 = """\
datum: 2023-12-13
tijd: 15:00-16:30
nummer: 11
agenda:
  - titel: Opening
  - titel: Opvang
    id: opvang
volgende:
  datum: 2024-01-24
  tijd: 15:45-17:15
"""

VERSLAG_1 = """\
status: concept
aanwezig: [Almelo, Borne, Hengelo, Losser]
punten:
  opvang:
    bka:
      - besluit: De gemeenten zoeken samen een locatie.
"""

AGENDA_2 = """\
datum: 2024-01-24
tijd: 15:45-17:15
nummer: 12
voorzitter: Anna de Vries
agenda:
  - titel: Opening
  - titel: Vaststelling verslag TRA 13 december 2023
    id: vaststelling-verslag
    vaststelling: 2023-12-13
  - titel: Wvttk
"""

VERSLAG_2 = """\
status: concept
aanwezig: [Almelo, Borne, Hengelo, Losser]
punten:
  vaststelling-verslag:
    vastgesteld: gewijzigd
    wijzigingen: |
      In punt 11.2 wordt "samen" gelezen als "gezamenlijk".
"""

AGENDA_3 = """\
datum: 2024-03-13
tijd: 15:00-16:00
nummer: 13
agenda:
  - titel: Opening
    tijd: 15:00
    duur: 5
    inleider: Voorzitter
  - titel: Vaststelling verslag vorige vergadering
    id: vaststelling
    vaststelling: vorige
    duur: 10
  - titel: Personele zaken
    id: personeel
    openbaar: false
    tijd: 15:15
    duur: 40
    inleider: Secretaris
  - titel: Sluiting
    tijd: 15:55
    duur: 5
"""


def files(**overrides: str) -> dict[str, str]:
    """The three meetings; keyword arguments replace a file (its path with / as __)."""
    written = {
        "stukken.yaml": STUKKEN,
        "meetings/2023-12-13/agenda.yaml": AGENDA_1,
        "meetings/2023-12-13/verslag.yaml": VERSLAG_1,
        "meetings/2024-01-24/agenda.yaml": AGENDA_2,
        "meetings/2024-01-24/verslag.yaml": VERSLAG_2,
        "meetings/2024-03-13/agenda.yaml": AGENDA_3,
    }
    written.update(overrides)
    return written
