"""Part 2 of the contract (stukken.yaml, agenda.yaml and verslag.yaml additions), key for key:
a workspace written to it checks and builds, its keys reach the model typed, and wrong
values get a Dutch message at their line. The behaviour behind these keys (adopting minutes,
calendar files, sending mail) belongs to later work; here they are accepted and loaded."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import blank_pdf, in_order, pdf_text
from test_contract import AGENDA, ANNOTATIE, EARLIER, STUKKEN, VERSLAG

STUKKEN_DEEL2 = """\
overleg:
  naam: Twentse Regietafel Asielinstroom
  afkorting: TRA
  organisatie: Veiligheidsregio Twente
  secretariaat: Ambtelijke ondersteuning TRA
  voorzitter: Hans Broekhuizen
  locatie: Raadszaal Stadhuis Almelo, Haven Zuidzijde 30 te Almelo
  tijdzone: Europe/Amsterdam        # optional, default Europe/Amsterdam (calendar files)
  secretaris: Ilse Jansen           # optional; signs vastgestelde minutes with the chair
leden:                              # the roster; an entry is an organisation alone, or:
  - Almelo
  - Borne
  - organisatie: Hengelo
    naam: dhr. Eshuis
    functie: gemeentesecretaris
    email: r.eshuis@hengelo.example # optional: receives the invitation
vaste_agenda:                       # standing items of every new agenda (`stukken nieuw`)
  - titel: Opening & vaststellen agenda
  - titel: Vaststelling verslag vorige vergadering
    vaststelling: vorige            # adopts the minutes of the previous meeting
  - titel: Openstaande acties
    acties: true
  - titel: Rondvraag
  - titel: Sluiting
verzending:                         # optional: how the pack is sent (`stukken uitnodiging`)
  van: Secretariaat TRA <secretariaat@tra.example>
  aan: [r.eshuis@hengelo.example, Gemeente Almelo <griffie@almelo.example>]
  cc: [secretariaat@tra.example]
  max_mb: 10                        # larger packs are not attached but announced (default 10)
  smtp:
    host: smtp.example.org
    poort: 587
    starttls: true
    gebruiker: secretariaat        # the password comes from the environment, STUKKEN_SMTP_WACHTWOORD
woo:
  lakken:
    - tekst: Jorrit Eijbersen
      grond: 5.1.2e
"""

ITEM_DEEL2 = """\
  - titel: Vaststelling verslag TRA 13 december 2023
    vaststelling: 2023-12-13   # this item adopts that meeting's minutes (`vorige`: the previous
                               # meeting); they become an attachment by themselves
    tijd: 15:50                # optional planned start of the item ("HH:MM")
    duur: 15                   # optional planned minutes
    inleider: Voorzitter       # optional presenter
"""

AGENDA_DEEL2 = AGENDA.replace(
    "  - titel: Opening & vaststellen agenda\n",
    "  - titel: Opening & vaststellen agenda\n" + ITEM_DEEL2,
    1,
)

VERSLAG_DEEL2 = VERSLAG.replace(
    'punten:                      # keyed by item or sub-item id, or number (2, "2", "5b")\n',
    """punten:
  vaststelling-verslag:            # the item that carries `vaststelling:`
    vastgesteld: gewijzigd         # ongewijzigd | gewijzigd | aangehouden
    wijzigingen: |                 # with `gewijzigd`: the changes, in Markdown
      In punt 11.3 wordt "1 januari" gelezen als "1 februari".
""",
    1,
).replace('  "4a":', '  "5a":  # the inserted item moves Ter kennisname to 5')


def files(**overrides: str) -> dict[str, str | bytes]:
    return {
        "stukken.yaml": STUKKEN_DEEL2,
        **EARLIER,
        "meetings/2024-01-24/agenda.yaml": AGENDA_DEEL2,
        "meetings/2024-01-24/verslag.yaml": VERSLAG_DEEL2,
        "meetings/2024-01-24/annotaties/hellendoorn.yaml": ANNOTATIE,
        "meetings/2024-01-24/bijlagen/voorstel-portefeuilles.md": "# Voorstel\n\nTekst.\n",
        "meetings/2024-01-24/bijlagen/conceptverslag-prt.pdf": blank_pdf(),
        "meetings/2024-01-24/bijlagen/conceptverslag-prt-gelakt.pdf": blank_pdf(),
        **overrides,
    }


@pytest.fixture
def deel2(workspace):
    return workspace(files())


def test_the_part_2_workspace_keeps_every_part_1_line():
    """Part 2 adds to Part 1: the workspace still holds every key of Part 1 as written."""
    for part1, part2 in (
        (STUKKEN, STUKKEN_DEEL2),
        (AGENDA, AGENDA_DEEL2),
        (VERSLAG, VERSLAG_DEEL2),
    ):
        written = {line.split(" #")[0].rstrip() for line in part2.splitlines()}
        missing = [
            line.split(" #")[0].rstrip()
            for line in part1.splitlines()
            if line.split(" #")[0].rstrip() not in written
        ]
        assert missing in ([], ['  "4a":']), missing


def test_part_2_workspace_checks_clean(deel2, stukken):
    result = stukken(deel2, "check")
    assert result.exit_code == 0, result.stderr
    assert "stukken.yaml" not in result.stderr  # not even a warning for Part 2's keys
    assert result.stdout.startswith(
        "In orde: 3 vergaderingen, 10 agendapunten, 3 bijlagen, 3 verslagen, 1 annotatie"
    )


def test_part_2_workspace_builds(deel2, stukken):
    result = stukken(deel2, "build", "2024-01-24")
    assert result.exit_code == 0, result.stderr
    text = pdf_text(deel2 / "output/2024-01-24/agenda.pdf", layout=True)
    assert in_order(
        text,
        "1.",
        "Opening & vaststellen agenda",
        "2.",
        "Vaststelling verslag TRA 13 december 2023",
        "3.",
        "Actualiteiten",
    )


def test_part_2_keys_reach_the_model_typed(deel2):
    from vergaderstukken.load.werkmap import load_werkmap
    from vergaderstukken.model import Lid, Smtp

    werkmap, _ = load_werkmap(deel2)
    overleg = werkmap.overleg
    assert (overleg.tijdzone, overleg.secretaris) == ("Europe/Amsterdam", "Ilse Jansen")
    assert overleg.leden == [
        Lid("Almelo"),
        Lid("Borne"),
        Lid("Hengelo", "dhr. Eshuis", "gemeentesecretaris", "r.eshuis@hengelo.example"),
    ]
    assert [(p.nummer, p.titel, p.vaststelling, p.acties) for p in overleg.vaste_agenda] == [
        ("1", "Opening & vaststellen agenda", None, False),
        ("2", "Vaststelling verslag vorige vergadering", "vorige", False),
        ("3", "Openstaande acties", None, True),
        ("4", "Rondvraag", None, False),
        ("5", "Sluiting", None, False),
    ]
    verzending = overleg.verzending
    assert verzending is not None
    assert verzending.van == "Secretariaat TRA <secretariaat@tra.example>"
    assert verzending.aan == [
        "r.eshuis@hengelo.example",
        "Gemeente Almelo <griffie@almelo.example>",
    ]
    assert verzending.cc == ["secretariaat@tra.example"]
    assert verzending.max_mb == 10
    assert verzending.smtp == Smtp("smtp.example.org", 587, True, "secretariaat")

    vergadering = werkmap.vergadering("2024-01-24")
    punt = vergadering.punten[1]
    assert (punt.vaststelling, punt.tijd, punt.duur, punt.inleider) == (
        date(2023, 12, 13),
        "15:50",
        15,
        "Voorzitter",
    )
    assert punt.locs["duur"].line == 12
    verslagpunt = vergadering.verslag.punten[punt.id]
    assert verslagpunt.vastgesteld == "gewijzigd"
    assert verslagpunt.wijzigingen == 'In punt 11.3 wordt "1 januari" gelezen als "1 februari".\n'


def test_part_2_defaults(workspace):
    from vergaderstukken.load.werkmap import load_werkmap

    root = workspace(
        {
            "stukken.yaml": """\
            overleg:
              naam: Regionaal Overleg
              afkorting: RO
            verzending:
              smtp:
                host: smtp.example.org
            """
        }
    )
    overleg = load_werkmap(root)[0].overleg
    assert overleg.tijdzone == "Europe/Amsterdam"
    assert overleg.verzending.max_mb == 10
    assert overleg.verzending.aan == []
    assert (overleg.verzending.smtp.poort, overleg.verzending.smtp.starttls) == (587, True)


def errors(workspace, stukken, **overrides: str) -> list[str]:
    result = stukken(workspace(files(**overrides)), "check")
    assert result.exit_code == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.lines


def test_wrong_part_2_values_in_stukken_yaml(workspace, stukken):
    stukken_yaml = (
        STUKKEN_DEEL2.replace("r.eshuis@hengelo.example #", "r.eshuis(at)hengelo #")
        .replace("vaststelling: vorige ", "vaststelling: vorig  ")
        .replace("max_mb: 10 ", "max_mb: 0  ")
        .replace("poort: 587", "poort: 70000")
        .replace("starttls: true", "starttsl: true")
    )
    assert errors(workspace, stukken, **{"stukken.yaml": stukken_yaml}) == [
        "stukken.yaml:16: 'email': ongeldig e-mailadres 'r.eshuis(at)hengelo' "
        "(verwacht naam@domein.nl of Naam <naam@domein.nl>)",
        "stukken.yaml:20: 'vaststelling': 'vorig' is geen datum (JJJJ-MM-DD) en niet 'vorige' "
        "(bedoelde u 'vorige'?)",
        "stukken.yaml:29: 'max_mb' moet een positief geheel getal zijn, niet 0",
        "stukken.yaml:32: 'poort' moet een geheel getal van 1 tot en met 65535 zijn, niet 70000",
        "stukken.yaml:33: onbekende sleutel 'starttsl' in smtp (bedoelde u 'starttls'?)",
        "5 fouten gevonden; er is niets geschreven.",
    ]


def test_wrong_part_2_values_in_agenda_and_verslag(workspace, stukken):
    agenda = (
        AGENDA_DEEL2.replace("tijd: 15:50 ", "tijd: 25:50 ")
        .replace("duur: 15 ", "duur: 0  ")
        .replace("vaststelling: 2023-12-13", "vaststelling: 2023-13-12")
    )
    verslag = VERSLAG_DEEL2.replace("vastgesteld: gewijzigd", "vastgesteld: gewijzgd")
    lines = errors(
        workspace,
        stukken,
        **{"meetings/2024-01-24/agenda.yaml": agenda, "meetings/2024-01-24/verslag.yaml": verslag},
    )
    assert lines == [
        "meetings/2024-01-24/agenda.yaml:9: 'vaststelling': '2023-13-12' is geen datum "
        "(JJJJ-MM-DD) en niet 'vorige'",
        "meetings/2024-01-24/agenda.yaml:11: 'tijd': ongeldige tijd '25:50' (verwacht UU:MM)",
        "meetings/2024-01-24/agenda.yaml:12: 'duur' moet een positief geheel getal zijn, niet 0",
        "meetings/2024-01-24/verslag.yaml:14: 'vastgesteld': onbekende waarde 'gewijzgd' "
        "(bedoelde u 'gewijzigd'?); toegestaan: ongewijzigd, gewijzigd, aangehouden",
        "4 fouten gevonden; er is niets geschreven.",
    ]
