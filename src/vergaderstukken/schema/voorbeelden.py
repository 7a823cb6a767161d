"""One example per file kind for the format reference, in the secretariat's words.

tests/test_naslag.py writes them into a workspace that `stukken check` must pass, so an
example never shows a key or a value the loader refuses.
"""

from __future__ import annotations

STUKKEN = """\
overleg:
  naam: Twentse Regietafel Asielinstroom
  afkorting: TRA                       # in titels en bestandsgegevens
  organisatie: Veiligheidsregio Twente # in de paginakop
  secretariaat: Ambtelijke ondersteuning TRA
  voorzitter: Hans Broekhuizen         # tenzij de agenda een ander noemt
  locatie: Raadszaal Stadhuis Almelo, Haven Zuidzijde 30 te Almelo
  secretaris: Ilse Jansen
leden:
  - Almelo                             # alleen de organisatie
  - organisatie: Hengelo               # of met wie haar vertegenwoordigt
    naam: dhr. Eshuis
    functie: gemeentesecretaris
    email: r.eshuis@hengelo.example
vaste_agenda:                          # de vaste punten van elke nieuwe agenda
  - titel: Opening & vaststellen agenda
  - titel: Vaststelling verslag vorige vergadering
    vaststelling: vorige
  - titel: Openstaande acties
    acties: true
  - titel: Rondvraag
verzending:
  van: Secretariaat TRA <secretariaat@tra.example>
  cc: [secretariaat@tra.example]
  max_mb: 10
  smtp:
    host: smtp.example.org
    gebruiker: secretariaat
woo:
  lakken:                              # overal zwart in de openbare versie
    - tekst: Jorrit Eijbersen
      grond: 5.1.2e
"""

AGENDA = """\
datum: 2024-01-24                      # gelijk aan de naam van de map
tijd: 15:45-17:15
nummer: 12                             # het verslag nummert dan 12.1, 12.2, ...
agenda:
  - titel: Opening & vaststellen agenda
  - titel: Vaststelling verslag TRA 13 december 2023
    vaststelling: 2023-12-13
    tijd: 15:50
    duur: 10
    inleider: Voorzitter
  - titel: Actualiteiten
    deel: Opvang vluchtelingen Oekraïne  # boven dit punt: DEEL 1: ...
    toelichting: |
      O.a. Spreidingswet en [uitspraak RvS Derdelanders](https://example.org).
  - id: portefeuilles                  # vaste naam voor verslag en annotaties
    titel: Voorstel versterking effectiviteit en resultaatgerichtheid TRA
    doel: besluitvorming               # getoond als 'ter besluitvorming'
    bijlagen: [voorstel-portefeuilles]
    vragen:
      - Onderschrijft u het idee om te werken met portefeuilles?
  - titel: Ter kennisname
    onderdelen:                        # 5a), 5b), ...
      - titel: Conceptverslag PRT 22 december 2023
        bijlagen: [verslag-prt]
        openbaar: false                # niet in de openbare versie
  - titel: Openstaande acties
    acties: true
bijlagen:
  - id: voorstel-portefeuilles
    titel: Voorstel versterking effectiviteit en resultaatgerichtheid TRA
    bestand: bijlagen/voorstel-portefeuilles.md
  - id: verslag-prt
    titel: Conceptverslag PRT 22 december 2023
    bestand: bijlagen/conceptverslag-prt.pdf
    openbaar: false
volgende:
  datum: 2024-03-13
  tijd: 15:00-16:30
"""

VERSLAG = """\
status: concept
notulist: VR Twente
aanwezig:
  - Enschede                           # alleen de organisatie
  - organisatie: Hengelo
    naam: dhr. Eshuis
    functie: gemeentesecretaris
  - {organisatie: Twenterand, naam: dhr. Broekhuizen, rol: voorzitter}
afwezig:
  - {organisatie: Haaksbergen, kennisgeving: true}   # getoond als 'm.k.'
punten:                                # per agendapunt: id of nummer
  opening:
    tekst: De agenda wordt ongewijzigd vastgesteld.
  2:
    vastgesteld: gewijzigd
    wijzigingen: In punt 11.3 wordt "1 januari" gelezen als "1 februari".
  portefeuilles:
    tekst: De TRA bespreekt het voorstel.
    bka:                               # in de volgorde waarin het gezegd is
      - knelpunt: Onduidelijk is wie wat doet.
      - besluit: De TRA stemt in met het voorstel.
        toelichting: Met de kanttekening dat de gemeenten zelf kiezen.
      - actie: Het secretariaat werkt de portefeuilles uit.
        wie: Secretariaat
        termijn: 2024-03-01
      - toezegging: JenV komt terug op de planning.
        wie: JenV
        termijn: tweede helft februari
acties:                                # voortgang van eerdere acties, per actie-id
  2023-12-13.1: afgerond
  2023-12-13.2:
    status: loopt
    toelichting: JenV reageert half februari.
    termijn: 2024-02-15
"""

ANNOTATIE = """\
auteur: Projectleider Opvang en huisvesting nieuwkomers, gemeente Hellendoorn
voor: Jorrit Eijbersen
inleiding: |
  Twee punten vragen uw aandacht.
punten:                                # per agendapunt: id of nummer
  3: Het aantal derdelanders in Hellendoorn is 14.
  portefeuilles:
    advies: Instemmen met voorstel
    tekst: Met de kanttekening dat de portefeuilles klein blijven.
acties:                                # per actie-id
  2023-12-13.2: Is hier al zicht op?
"""

# The earlier meeting the examples refer to (its minutes are adopted, its actions followed).
VORIGE_AGENDA = "datum: 2023-12-13\nagenda:\n  - titel: Opvang\n"
VORIGE_VERSLAG = """\
punten:
  opvang:
    bka:
      - actie: De regio's maken één overzicht.
      - actie: JenV gaat na wanneer de regeling gereed is.
        wie: JenV
"""

BY_KIND = {
    "stukken": STUKKEN,
    "agenda": AGENDA,
    "verslag": VERSLAG,
    "annotatie": ANNOTATIE,
}
