"""A workspace written from the examples of the contract (../shared/spec/format.md, part 1), key
for key, checks and builds; test_contract_deel2.py adds part 2."""

from __future__ import annotations

import pytest

from conftest import blank_pdf, in_order, pdf_text

STUKKEN = """\
overleg:
  naam: Twentse Regietafel Asielinstroom     # required
  afkorting: TRA                             # required; used in titles and file metadata
  organisatie: Veiligheidsregio Twente       # optional; shown in the page header
  secretariaat: Ambtelijke ondersteuning TRA # optional; sender of the pack
  voorzitter: Hans Broekhuizen               # optional default chair
  locatie: Raadszaal Stadhuis Almelo, Haven Zuidzijde 30 te Almelo   # optional default
leden:                                       # optional roster: organisations that sit at the table
  - Almelo
  - Borne
woo:                                         # optional, see "Public edition"
  lakken:                                    # strings redacted wherever they appear
    - tekst: Jorrit Eijbersen
      grond: 5.1.2e
"""

AGENDA = """\
datum: 2024-01-24            # must equal the folder's date
tijd: 15:45-17:15            # "HH:MM-HH:MM" or "HH:MM"
locatie: Stadhuis Almelo     # default: overleg.locatie
nummer: 12                   # optional sequence number of this meeting (minutes use "12.3")
voorzitter: Hans Broekhuizen # default: overleg.voorzitter
agenda:
  - titel: Opening & vaststellen agenda
  - titel: Actualiteiten
    deel: Opvang vluchtelingen Oekraïne   # optional: starts a part, "DEEL 1: ..." above this item
    toelichting: |
      O.a. Spreidingswet, [uitspraak RvS Derdelanders](https://example.org), ...
  - id: portefeuilles        # optional stable id; default: a slug of the title
    titel: Voorstel versterking effectiviteit en resultaatgerichtheid TRA
    doel: besluitvorming     # besluitvorming | bespreking | informatie  (shown as "ter ...")
    openbaar: true           # default true; false keeps the item out of the public edition
    bijlagen: [voorstel-portefeuilles]
    toelichting: |
      Tijdens de TRA van 13 december jl. ...
    vragen:                  # optional questions put to the meeting, numbered 1., 2.
      - Onderschrijft u het idee om ...
  - titel: Ter kennisname
    onderdelen:              # optional sub-items, lettered a), b), c)
      - titel: Verslag PRT
        bijlagen: [verslag-prt]
  - titel: Openstaande acties
    acties: true             # renders the actions still open after the previous meeting
  - titel: Wvttk
bijlagen:
  - id: voorstel-portefeuilles
    titel: Voorstel versterking effectiviteit en resultaatgerichtheid TRA
    bestand: bijlagen/voorstel-portefeuilles.md   # .md is rendered; .pdf is merged as is
  - id: verslag-2023-12-13
    verslag: 2023-12-13      # generated from that meeting's verslag.yaml, no file needed
  - id: verslag-prt
    titel: Conceptverslag PRT 22 december 2023
    bestand: bijlagen/conceptverslag-prt.pdf
    openbaar: bijlagen/conceptverslag-prt-gelakt.pdf   # optional pre-redacted version
volgende:                    # optional next meeting ("Vervolgafspraken")
  datum: 2024-03-13
  tijd: 15:00-16:30
  locatie: Raadszaal Almelo
"""

VERSLAG = """\
status: concept              # concept | vastgesteld
vastgesteld_op: 2024-01-24   # with status vastgesteld
notulist: VR Twente          # optional
aanwezig:
  - Enschede                               # an organisation alone
  - organisatie: Hengelo
    naam: dhr. Eshuis
    functie: gemeentesecretaris
  - {organisatie: Twenterand, naam: dhr. Broekhuizen, rol: voorzitter}
afwezig:
  - {organisatie: Haaksbergen, kennisgeving: true}   # shown as "m.k."
punten:                      # keyed by item or sub-item id, or number (2, "2", "5b")
  opening:
    tekst: Agenda wordt cf vastgesteld.
  portefeuilles:
    tekst: |                 # optional narrative minutes (Markdown)
      De TRA bespreekt het voorstel ...
    bka:                     # B/K/A entries, in the order they were spoken
      - knelpunt: Veel onduidelijkheid over rolverdeling Veiligheidsregio's en gemeenten.
      - besluit: Vragen vanuit gemeenten verzamelen zodat VRT deze op Rijksniveau kan neerleggen.
        toelichting: Inmiddels 35 mannen geplaatst in 8 gemeenten.   # side note column
      - actie: Projectleider Oekraïne brengt begin juni de einddata van de opvanglocaties in beeld.
        wie: Projectleider Oekraïne
        termijn: 2022-06-01  # an ISO date, or free text ("tweede helft januari")
        id: einddata         # optional stable id
      - afspraak: Afgesproken wordt ...        # agreement: listed with the decisions
      - toezegging: JenV komt terug op ...     # commitment: tracked like an action (wie, termijn, id)
        wie: JenV
  "4a":
    tekst: Voor kennisgeving aangenomen.
acties:                      # progress of actions from earlier meetings, keyed by action id
  2023-12-22.1: afgerond
  2023-12-22.4:
    status: loopt            # open | loopt | afgerond | vervallen
    toelichting: JenV reageert half februari.
    termijn: 2024-02-15      # a new deadline
"""

ANNOTATIE = """\
auteur: Projectleider Opvang en huisvesting nieuwkomers, gemeente Hellendoorn
voor: Jorrit Eijbersen        # the official it is written for
inleiding: |                  # optional cover note
  Twee belangrijke punten: ...
punten:                       # keyed by agenda item id or number
  actualiteiten: |            # a plain string is the annotation text
    - Ter info: het aantal derdelanders in de gemeente Hellendoorn is 14 (waren er ooit 41)
  portefeuilles:
    advies: Instemmen met voorstel       # shown as "Advies: ..."
    tekst: |
      Met de kanttekening dat ...
acties:                       # notes on open actions, keyed by action id
  2023-12-22.4: Is hier al zicht op?
"""

EARLIER = {
    "meetings/2023-12-13/agenda.yaml": "datum: 2023-12-13\nagenda:\n  - titel: Opening\n",
    "meetings/2023-12-13/verslag.yaml": "status: vastgesteld\nvastgesteld_op: 2024-01-24\n"
    "punten:\n  1:\n    tekst: Geopend.\n",
    "meetings/2023-12-22/agenda.yaml": "datum: 2023-12-22\nagenda:\n  - titel: Opvang\n",
    "meetings/2023-12-22/verslag.yaml": """\
        punten:
          opvang:
            bka:
              - actie: PRT-secretaris neemt contact op met JenV over RVB-locaties.
                wie: Provincie
              - actie: JenV deelt informatie over de pilot eigen bijdrage.
                wie: JenV
              - besluit: De regio's maken één overzicht.
              - actie: JenV gaat na wanneer de regeling doorstroomlocaties gereed is.
                wie: JenV
                termijn: 2024-01-15
              - toezegging: JenV komt in de tweede helft van januari met een reactie.
                wie: JenV
                termijn: tweede helft januari
        """,
}


@pytest.fixture
def contract(workspace):
    return workspace(
        {
            "stukken.yaml": STUKKEN,
            **EARLIER,
            "meetings/2024-01-24/agenda.yaml": AGENDA,
            "meetings/2024-01-24/verslag.yaml": VERSLAG,
            "meetings/2024-01-24/annotaties/hellendoorn.yaml": ANNOTATIE,
            "meetings/2024-01-24/bijlagen/voorstel-portefeuilles.md": "# Voorstel\n\nTekst.\n",
            "meetings/2024-01-24/bijlagen/conceptverslag-prt.pdf": blank_pdf(),
            "meetings/2024-01-24/bijlagen/conceptverslag-prt-gelakt.pdf": blank_pdf(),
        }
    )


def test_contract_workspace_checks_clean(contract, stukken):
    result = stukken(contract, "check")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(
        "In orde: 3 vergaderingen, 9 agendapunten, 3 bijlagen, 3 verslagen, 1 annotatie"
    )


def test_contract_workspace_builds_the_agenda(contract, stukken):
    result = stukken(contract, "build", "2024-01-24")
    assert result.exit_code == 0, result.stderr
    text = pdf_text(contract / "output/2024-01-24/agenda.pdf", layout=True)
    assert in_order(
        text,
        "Agenda Twentse Regietafel Asielinstroom",
        "woensdag 24 januari 2024",
        "15.45 - 17.15 uur",
        "Stadhuis Almelo",
        "Hans Broekhuizen",
        "1.",
        "Opening & vaststellen agenda",
        "DEEL 1: Opvang vluchtelingen Oekraïne",
        "2.",
        "Actualiteiten",
        "3.",
        "Voorstel versterking effectiviteit en resultaatgerichtheid TRA",
        "ter besluitvorming",
        "1. Onderschrijft u het idee om ...",
        "Bijlage I: Voorstel versterking effectiviteit",
        "4.",
        "Ter kennisname",
        "a)",
        "Verslag PRT",
        "Bijlage II: Conceptverslag PRT 22 december",
        "5.",
        "Openstaande acties",
        "2023-12-22.1",
        "PRT-secretaris neemt contact op",
        "2023-12-22.2",
        "JenV deelt informatie",
        "2023-12-22.3",
        "JenV gaat na wanneer",
        "15 januari 2024",
        "2023-12-22.4",
        "tweede helft",  # a free-text term wraps in the column sized to the dates
        "6.",
        "Wvttk",
        "De volgende vergadering is op woensdag 13 maart 2024",
    )
    assert "(verlopen)" in text  # 15 januari lies before the meeting
    assert "Is hier al zicht op?" not in text  # overlay advice stays out of the agenda
    assert "Instemmen met voorstel" not in text
