"""The texts of a new workspace (`stukken init`), with Dutch comments for the secretary.

STUKKEN_YAML must pass `stukken check` as written: every placeholder a secretary still has
to replace is either a harmless value or a comment. tests/test_cyclus.py checks it.
"""

from __future__ import annotations

from .yamltekst import entry

# The editor schema line: the YAML extension of VS Code (yaml-language-server) reads it and
# completes and checks keys while typing. `pad` is relative to the file.
SCHEMA_REGEL = "# yaml-language-server: $schema={pad}"

STUKKEN_KOP = """\
# De instellingen van het overleg. Vervang de voorbeelden door uw eigen gegevens; een regel
# met # ervoor telt niet mee: haal het # weg om hem te gebruiken. Controleer met: stukken check
overleg:
"""

STUKKEN_RUMP = """\
  # organisatie: Naam van de organisatie  # in de paginakop van elk stuk
  # secretariaat: Secretariaat            # afzender van het vergaderpakket
  # voorzitter: Naam van de voorzitter    # tenzij een agenda een ander noemt
  # secretaris: Naam van de secretaris    # ondertekent vastgestelde verslagen
  # locatie: Vergaderzaal, adres          # tenzij een agenda een andere noemt
leden:                                    # wie aan tafel zit: een organisatie, of met naam
  - Organisatie A
  # - organisatie: Organisatie B
  #   naam: mw. Jansen
  #   functie: wethouder
  #   email: jansen@example.org           # krijgt de uitnodiging
vaste_agenda:                             # de vaste punten van elke nieuwe agenda (stukken nieuw)
  - titel: Opening & vaststellen agenda
  - titel: Vaststelling verslag vorige vergadering
    vaststelling: vorige                  # stelt het verslag van de vorige vergadering vast
  - titel: Openstaande acties
    acties: true                          # toont de acties die nog openstaan
  - titel: Rondvraag
  - titel: Sluiting
# woo:                                    # de openbare versie: stukken build DATUM --openbaar
#   lakken:
#     - tekst: Jan Jansen                 # overal zwart gelakt
#       grond: 5.1.2e                     # de Woo-uitzonderingsgrond
"""

GITIGNORE = """\
# Gemaakt door stukken: niet met de hand bewerken, niet in git.
output/
site/
"""

GITKEEP = "# Hier komt per vergadering een map JJJJ-MM-DD (maak die met: stukken nieuw).\n"


def stukken_yaml(naam: str, afkorting: str, *, schema_pad: str | None) -> str:
    """stukken.yaml of a new workspace, with the committee's name and abbreviation."""
    kop = SCHEMA_REGEL.format(pad=schema_pad) + "\n" if schema_pad else ""
    overleg = [
        entry(2, "naam", naam, "voluit; boven elk stuk"),
        entry(2, "afkorting", afkorting, "in titels en bestandsgegevens"),
    ]
    return kop + STUKKEN_KOP + "\n".join(overleg) + "\n" + STUKKEN_RUMP
