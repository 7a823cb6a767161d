"""A two-meeting workspace, written only to the contract, for the minutes and list tests.

Meeting 12 (2024-01-24, vastgesteld) agrees four actions; meeting 13 (2024-03-13,
concept) closes one, drops one, gives one a new termijn and leaves one open (and
overdue), and adds a new action and a toezegging.
"""

from __future__ import annotations

AGENDA_1 = """\
datum: 2024-01-24
tijd: 15:45-17:15
nummer: 12
agenda:
  - titel: Opening
  - titel: Actueel beeld
    id: beeld
    deel: Opvang vluchtelingen Oekraïne
  - titel: Opvanglocaties
    id: locaties
    onderdelen:
      - titel: Einddata locaties
        id: einddata
  - titel: Stand van zaken asiel
    id: asiel
    deel: Reguliere asielzoekersproblematiek
  - titel: Rondvraag
volgende:
  datum: 2024-03-13
  tijd: 15:00-16:30
  locatie: Raadszaal Almelo
"""

VERSLAG_1 = """\
status: vastgesteld
vastgesteld_op: 2024-03-13
notulist: VR Twente
aanwezig:
  - Enschede
  - organisatie: Hengelo
    naam: dhr. Eshuis
    functie: gemeentesecretaris
  - {organisatie: Twenterand, naam: dhr. Broekhuizen, rol: voorzitter}
afwezig:
  - {organisatie: Haaksbergen, kennisgeving: true}
  - Losser
punten:
  rondvraag:
    tekst: Er zijn geen vragen.
  beeld:
    tekst: |
      Projectleider licht het landelijk beeld toe:

      - Aantal vluchtelingen lijkt te stabiliseren
      - Huidige opvangcapaciteit raakt vol
    bka:
      - knelpunt: Veel onduidelijkheid over de rolverdeling.
      - besluit: Vragen vanuit gemeenten worden verzameld.
        toelichting: Inmiddels 35 mannen geplaatst in 8 gemeenten.
      - actie: Projectleider Oekraïne brengt de einddata van de opvanglocaties in beeld.
        wie: Projectleider Oekraïne
        termijn: 2024-02-01
  3a:
    bka:
      - actie: Gemeenten leveren hun cijfers aan.
        id: cijfers
        wie: Gemeenten
        termijn: begin februari
      - afspraak: Cijfers komen voortaan uit de BRP.
  asiel:
    bka:
      - actie: COA deelt de presentatie in de nazending.
        wie: COA
        termijn: 2024-02-15
      - actie: Secretariaat | ambtelijk overleg stemt de cijfers af.
        wie: Secretariaat
        termijn: 2024-02-29
"""

AGENDA_2 = """\
datum: 2024-03-13
tijd: 15:00-16:30
nummer: 13
agenda:
  - titel: Opening
  - titel: Vaststelling verslag 24 januari 2024
    id: verslag
    acties: true
    bijlagen: [verslag-januari]
  - titel: Rondvraag
bijlagen:
  - id: verslag-januari
    verslag: 2024-01-24
"""

LANG = "\n\n".join(
    f"Alinea {n}: de deelnemers bespreken uitvoerig de stand van zaken in de regio en de "
    "gevolgen voor de opvang, het onderwijs en de zorg in de komende maanden."
    for n in range(1, 26)
)

VERSLAG_2 = """\
status: concept
aanwezig:
  - Enschede
  - Hengelo
afwezig:
  - {organisatie: Losser, kennisgeving: true}
punten:
  verslag:
    tekst: Het verslag wordt vastgesteld.
    bka:
      - besluit: Het verslag van 24 januari 2024 wordt vastgesteld.
      - actie: Secretariaat plant een werksessie over de portefeuilles.
        wie: Secretariaat
        termijn: 2024-04-01
        toelichting: |
          Eerste alinea.

          Tweede alinea.
      - toezegging: De voorzitter informeert de Commissaris van de Koning.
        wie: Voorzitter
        termijn: voor de zomer
  rondvraag:
    tekst: |
LANG
acties:
  2024-01-24.1: afgerond
  cijfers:
    status: vervallen
    toelichting: Niet meer nodig.
  2024-01-24.3:
    status: loopt
    termijn: 2024-04-15
    toelichting: Presentatie volgt na het overleg met het COA.
""".replace("LANG\n", "".join(f"      {line}\n" if line else "\n" for line in LANG.splitlines()))


def files() -> dict[str, str]:
    return {
        "meetings/2024-01-24/agenda.yaml": AGENDA_1,
        "meetings/2024-01-24/verslag.yaml": VERSLAG_1,
        "meetings/2024-03-13/agenda.yaml": AGENDA_2,
        "meetings/2024-03-13/verslag.yaml": VERSLAG_2,
    }
