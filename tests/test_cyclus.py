"""`stukken init`, `nieuw` and `verslag`: what they write, that it passes `check`
unchanged, odd titles that survive the trip, and the Dutch refusals for bad input."""

from __future__ import annotations

import json
from datetime import date

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from vergaderstukken.cyclus.yamltekst import comment, entry, fragment, scalar
from vergaderstukken.git_review import GITATTRIBUTES, PRE_COMMIT_CONFIG
from vergaderstukken.load.werkmap import load_werkmap

ODD_TITLES = [
    'Plan: "Dijk" #2 - fase 1',
    "- begint met een streepje",
    "# begint als commentaar",
    "'enkele' en \"dubbele\" aanhalingstekens",
    "Oekraïne, Zuid-Holland & Fryslân — 中文 🙂",
    "yes",
    "null",
    "2024-01-24",
    "12",
    "15:30",
    "@ en * en & en ! en % en `",
    "{accolades} en [haken]",
    "eindigt met een dubbele punt:",
    "  spaties eromheen  ",
    "tab\there",
]


# --- the YAML writer ----------------------------------------------------------------------


@pytest.mark.parametrize("title", ODD_TITLES)
def test_an_odd_title_reads_back_as_itself(title):
    assert yaml.safe_load("p:\n" + entry(2, "titel", title))["p"]["titel"] == title
    assert yaml.safe_load(f"- {scalar(title)}") == [title]


@given(st.text())
def test_every_text_reads_back_as_itself(text):
    line = entry(0, "titel", text, "een opmerking")
    assert "\n" not in line
    assert yaml.safe_load(line) == {"titel": text}


@given(st.text())
def test_a_comment_stays_one_comment(text):
    assert yaml.safe_load(f"a: 1  # {comment(text)}\nb: 2") == {"a": 1, "b": 2}


@given(st.text(), st.lists(st.text(), max_size=3))
def test_markdown_blocks_read_back_as_written(toelichting, vragen):
    lines = fragment(4, {"toelichting": toelichting, "vragen": vragen})
    text = "punt:\n" + "\n".join(lines) + "\nvolgende: 1\n"
    assert yaml.safe_load(text) == {
        "punt": {"toelichting": toelichting, "vragen": vragen},
        "volgende": 1,
    }


def test_markdown_of_several_lines_is_a_literal_block():
    assert fragment(2, {"toelichting": "Eerste regel.\n\n- een lijst\n"}) == [
        "  toelichting: |",
        "    Eerste regel.",
        "",
        "    - een lijst",
    ]


def test_a_date_is_written_as_a_date():
    assert entry(0, "vaststelling", date(2024, 1, 24)) == "vaststelling: 2024-01-24"


# --- stukken init -------------------------------------------------------------------------


def test_init_writes_a_workspace_that_passes_check(tmp_path, stukken):
    result = stukken(tmp_path, "init", "werkmap")
    assert result.exit_code == 0, result.stderr
    root = tmp_path / "werkmap"
    assert "geschreven: werkmap/stukken.yaml" in result.stdout
    assert "stukken nieuw JJJJ-MM-DD" in result.stdout
    assert (root / ".gitignore").read_text("utf-8").splitlines()[1:] == ["output/", "site/"]
    assert (root / ".pre-commit-config.yaml").read_text("utf-8") == PRE_COMMIT_CONFIG
    assert (root / ".gitattributes").read_text("utf-8") == GITATTRIBUTES
    assert (root / "meetings").is_dir()
    for kind in ("stukken", "agenda", "verslag", "annotatie"):
        schema = json.loads((root / "schema" / f"{kind}.schema.json").read_text("utf-8"))
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    text = (root / "stukken.yaml").read_text("utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=schema/stukken.schema.json"
    werkmap, warnings = load_werkmap(root)
    assert warnings == []
    assert werkmap.overleg.naam == "Naam van het overleg"
    assert [p.titel for p in werkmap.overleg.vaste_agenda] == [
        "Opening & vaststellen agenda",
        "Vaststelling verslag vorige vergadering",
        "Openstaande acties",
        "Rondvraag",
        "Sluiting",
    ]
    assert werkmap.overleg.vaste_agenda[1].vaststelling == "vorige"
    assert werkmap.overleg.vaste_agenda[2].acties is True
    check = stukken(root, "check")
    assert check.exit_code == 0, check.stderr
    assert check.stdout.startswith("In orde: 0 vergaderingen")


def test_the_schema_completes_stukken_yaml(tmp_path, stukken):
    """The schema init writes accepts the stukken.yaml it writes (what VS Code checks)."""
    import jsonschema

    stukken(tmp_path, "init", "w", "--naam", 'Overleg "West": #1', "--afkorting", "- OW")
    root = tmp_path / "w"
    data = yaml.safe_load((root / "stukken.yaml").read_text("utf-8"))
    assert data["overleg"] == {"naam": 'Overleg "West": #1', "afkorting": "- OW"}
    schema = json.loads((root / "schema" / "stukken.schema.json").read_text("utf-8"))
    jsonschema.validate(data, schema)


def test_init_in_the_current_folder(tmp_path, stukken):
    result = stukken(tmp_path, "init")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "stukken.yaml").is_file()
    assert "geschreven: stukken.yaml" in result.stdout


def test_init_never_overwrites_and_writes_nothing_then(tmp_path, stukken):
    (tmp_path / "w").mkdir()
    (tmp_path / "w" / ".gitignore").write_text("*.pyc\n", "utf-8")
    result = stukken(tmp_path, "init", "w")
    assert result.exit_code == 1
    assert result.stderr == (
        "fout: w/.gitignore bestaat al; stukken init schrijft nooit over bestaande bestanden "
        "heen. Kies een nieuwe of lege map (stukken init MAP), of verplaats deze bestanden eerst\n"
    )
    assert (tmp_path / "w" / ".gitignore").read_text("utf-8") == "*.pyc\n"
    assert sorted(p.name for p in (tmp_path / "w").iterdir()) == [".gitignore"]


def test_init_twice_names_every_file_in_the_way(tmp_path, stukken):
    stukken(tmp_path, "init", "w")
    result = stukken(tmp_path, "init", "w")
    assert result.exit_code == 1
    assert "fout: w/stukken.yaml, w/meetings/.gitkeep, w/.gitignore" in result.stderr
    assert "w/schema/annotatie.schema.json bestaan al" in result.stderr


def test_init_refuses_a_file_and_a_workspace_inside_a_workspace(tmp_path, stukken):
    (tmp_path / "bestand").write_text("", "utf-8")
    result = stukken(tmp_path, "init", "bestand")
    assert (result.exit_code, result.stderr) == (1, "fout: bestand is een bestand, geen map\n")
    stukken(tmp_path, "init", "w")
    result = stukken(tmp_path, "init", "w/binnen")
    assert result.exit_code == 1
    assert result.stderr.startswith("fout: w/binnen ligt in de werkmap w (met stukken.yaml)")
    assert not (tmp_path / "w" / "binnen").exists()


# --- stukken nieuw ------------------------------------------------------------------------

STUKKEN = """\
overleg:
  naam: Regionaal Overleg Water
  afkorting: ROW
  voorzitter: mw. De Boer
leden:
  - Ede
  - organisatie: Wageningen
    naam: dhr. Smit
    functie: wethouder
  - {organisatie: Renkum, naam: mw. De Boer}
vaste_agenda:
  - titel: Opening
  - titel: Vaststelling verslag
    id: verslag
    vaststelling: vorige
  - titel: Acties
    acties: true
  - titel: Sluiting
"""

VORIGE = """\
datum: 2024-01-24
nummer: 11
agenda:
  - titel: Opening
volgende:
  datum: 2024-03-13
  tijd: 15:00-16:30
  locatie: 'Zaal: "De Rijn" #2'
"""


def test_nieuw_takes_the_next_meeting_from_volgende(workspace, stukken):
    root = workspace(
        {"stukken.yaml": STUKKEN, "meetings/2024-01-24/agenda.yaml": VORIGE}, base=False
    )
    result = stukken(root, "nieuw")
    assert result.exit_code == 0, result.stderr
    path = root / "meetings/2024-03-13/agenda.yaml"
    assert result.stdout.startswith("geschreven: meetings/2024-03-13/agenda.yaml\n")
    text = path.read_text("utf-8")
    # no verslag.yaml yet for the meeting whose minutes it adopts: said, and left as a
    # comment, since adopting minutes that do not exist would not pass check
    line = text.splitlines().index(
        "    # vaststelling: 2024-01-24          # haal het # weg zodra het verslag van "
        "24 januari 2024 er is"
    )
    assert result.stderr == (
        f"meetings/2024-03-13/agenda.yaml:{line + 1}: waarschuwing: het verslag van 24 januari "
        "2024 is er nog niet, dus de vaststelling staat hier als opmerking; maak het met "
        "'stukken verslag 2024-01-24' en haal dan het # weg\n"
    )
    data = yaml.safe_load(text)
    assert data == {
        "datum": date(2024, 3, 13),
        "tijd": "15:00-16:30",
        "locatie": 'Zaal: "De Rijn" #2',
        "nummer": 12,
        "voorzitter": "mw. De Boer",
        "agenda": [
            {"titel": "Opening"},
            {"id": "verslag", "titel": "Vaststelling verslag"},
            {"titel": "Acties", "acties": True},
            {"titel": "Sluiting"},
        ],
    }
    assert "  # - titel: Voorstel ..." in text  # where new items go: before the actions
    assert text.index("# - titel: Voorstel") < text.index("- titel: Acties")
    check = stukken(root, "check")
    assert check.exit_code == 0, check.stderr
    assert check.stdout.startswith("In orde: 2 vergaderingen, 5 agendapunten")


def test_nieuw_with_another_date_than_volgende_says_so(workspace, stukken):
    root = workspace(
        {"stukken.yaml": STUKKEN, "meetings/2024-01-24/agenda.yaml": VORIGE}, base=False
    )
    result = stukken(root, "nieuw", "2024-03-20")
    assert result.exit_code == 0, result.stderr
    assert result.lines[0] == (
        "meetings/2024-01-24/agenda.yaml:5: waarschuwing: de vergadering van 24 januari 2024 "
        "noemde 13 maart 2024 als volgende; de nieuwe agenda is voor 20 maart 2024 "
        "(tijd en locatie zijn overgenomen)"
    )
    data = yaml.safe_load((root / "meetings/2024-03-20/agenda.yaml").read_text("utf-8"))
    assert (data["datum"], data["tijd"], data["nummer"]) == (date(2024, 3, 20), "15:00-16:30", 12)


def test_the_first_meeting_needs_a_date(workspace, stukken):
    root = workspace({"stukken.yaml": STUKKEN, "meetings/.gitkeep": ""}, base=False)
    result = stukken(root, "nieuw")
    assert (result.exit_code, result.stderr) == (
        1,
        "fout: er is nog geen vergadering in meetings/, dus ook geen volgende datum; geef de "
        "datum van de eerste vergadering: stukken nieuw JJJJ-MM-DD\n",
    )
    result = stukken(root, "nieuw", "2024-01-24")
    assert result.exit_code == 0, result.stderr
    text = (root / "meetings/2024-01-24/agenda.yaml").read_text("utf-8")
    # nothing to adopt yet, no number to count on: both left for the secretary
    assert "    # vaststelling: JJJJ-MM-DD" in text
    assert "\n# nummer: 1" in text
    assert "vaststelling" not in yaml.safe_load(text)["agenda"][1]
    assert stukken(root, "check").exit_code == 0


def test_nieuw_refuses_bad_input_in_dutch(workspace, stukken):
    root = workspace(
        {"stukken.yaml": STUKKEN, "meetings/2024-01-24/agenda.yaml": VORIGE}, base=False
    )
    result = stukken(root, "nieuw", "2024-02-30")
    assert result.exit_code == 1
    assert result.stderr.startswith("fout: '2024-02-30' is geen datum: schrijf JJJJ-MM-DD")
    result = stukken(root, "nieuw", "2024-01-24")
    assert result.exit_code == 1
    assert result.stderr == (
        "fout: meetings/2024-01-24/agenda.yaml bestaat al; stukken nieuw schrijft er niet "
        "overheen. Bewerk dat bestand, of kies een andere datum (of een achtervoegsel, zoals "
        "2024-01-24-extra)\n"
    )
    assert (root / "meetings/2024-01-24/agenda.yaml").read_text("utf-8") == VORIGE


def test_nieuw_without_volgende_points_at_the_previous_agenda(workspace, stukken):
    root = workspace()
    result = stukken(root, "nieuw")
    assert (result.exit_code, result.stderr) == (
        1,
        "fout: meetings/2024-01-24/agenda.yaml: de vergadering van 24 januari 2024 noemt geen "
        "volgende vergadering; geef de datum (stukken nieuw JJJJ-MM-DD), of zet 'volgende:' "
        "met 'datum:' in die agenda\n",
    )


def test_nieuw_reports_a_broken_workspace_as_file_line(workspace, stukken):
    root = workspace({"stukken.yaml": STUKKEN + "  - titel: [kapot\n"}, base=False)
    (root / "meetings").mkdir()
    result = stukken(root, "nieuw", "2024-01-24")
    assert result.exit_code == 1
    assert result.lines[0].startswith("stukken.yaml:19: ")
    assert result.lines[-1] == "1 fout gevonden; er is niets geschreven."
    assert not (root / "meetings/2024-01-24").exists()


def test_a_folder_made_beforehand_gets_its_agenda(workspace, stukken):
    root = workspace(
        {"stukken.yaml": STUKKEN, "meetings/2024-01-24/agenda.yaml": VORIGE}, base=False
    )
    (root / "meetings/2024-03-13/bijlagen").mkdir(parents=True)
    result = stukken(root, "nieuw")
    assert result.exit_code == 0, result.stderr
    assert (root / "meetings/2024-03-13/agenda.yaml").is_file()


def test_standing_items_with_odd_titles_survive_the_trip(workspace, stukken):
    """Every odd title, a multi-line toelichting and questions, written by nieuw, load back
    as stukken.yaml wrote them."""
    items = [{"titel": t} for t in ODD_TITLES]
    items[0].update(
        toelichting="Eerste alinea: met #.\n\n- een lijst\n- 'aanhalingen'\n",
        vragen=["Stemt u in?", "Een vraag\nover twee regels: ja?"],
        doel="besluitvorming",
        inleider="- de voorzitter",
        duur=15,
        tijd="15:50",
        openbaar=False,
        onderdelen=[{"titel": "Sub: a"}, {"titel": "# sub b", "id": "12b-x"}],
    )
    items[1].update(deel='Deel "een"', id="eigen: id")
    config = yaml.safe_load(STUKKEN)
    config["vaste_agenda"] = items
    root = workspace({"stukken.yaml": yaml.safe_dump(config, allow_unicode=True)}, base=False)
    (root / "meetings").mkdir()
    assert stukken(root, "nieuw", "2024-01-24").exit_code == 0
    werkmap, _ = load_werkmap(root)
    (vergadering,) = werkmap.vergaderingen
    assert [p.titel for p in vergadering.punten] == ODD_TITLES
    assert [p.titel for p in vergadering.alle_punten()] == [
        *ODD_TITLES[:1],
        "Sub: a",
        "# sub b",
        *ODD_TITLES[1:],
    ]
    first = vergadering.punten[0]
    assert first.toelichting == items[0]["toelichting"]
    assert first.vragen == items[0]["vragen"]
    assert (first.doel, first.inleider, first.duur, first.tijd, first.openbaar) == (
        "besluitvorming",
        "- de voorzitter",
        15,
        "15:50",
        False,
    )
    assert vergadering.punten[1].deel == 'Deel "een"'
    assert vergadering.punten[1].id == "eigen: id"
    assert first.onderdelen[1].id == "12b-x"
    # and the minutes skeleton of that agenda passes as well
    result = stukken(root, "verslag", "2024-01-24")
    assert result.exit_code == 0, result.stderr
    werkmap, _ = load_werkmap(root)
    verslag = werkmap.vergaderingen[0].verslag
    assert list(verslag.punten) == [p.id for p in vergadering.alle_punten()]
    text = (root / "meetings/2024-01-24/verslag.yaml").read_text("utf-8")
    assert '  # 1 Plan: "Dijk" #2 - fase 1 (besloten)\n' in text
    assert "  # 1b # sub b\n" in text


# --- stukken verslag ----------------------------------------------------------------------

VORIG_VERSLAG = """\
aanwezig: [Ede, Wageningen, Renkum]
punten:
  "1":
    bka:
      - actie: "Wageningen: stuurt\\n# het plan rond"
        wie: dhr. Smit
        termijn: 2024-02-01
      - toezegging: Ede zoekt het uit.
        wie: Ede
      - actie: Renkum belt.
        id: bellen
"""


def cycle_root(workspace):
    return workspace(
        {
            "stukken.yaml": STUKKEN,
            "meetings/2024-01-24/agenda.yaml": VORIGE,
            "meetings/2024-01-24/verslag.yaml": VORIG_VERSLAG,
        },
        base=False,
    )


def test_verslag_writes_the_skeleton_of_the_minutes(workspace, stukken):
    root = cycle_root(workspace)
    assert stukken(root, "nieuw").exit_code == 0
    later = root / "meetings/2024-03-13/verslag.yaml"
    result = stukken(root, "verslag", "2024-03-13")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("geschreven: meetings/2024-03-13/verslag.yaml\n")
    text = later.read_text("utf-8")
    assert text.startswith("# Verslag van de vergadering van woensdag 13 maart 2024,")
    assert yaml.safe_load(text) == {
        "status": "concept",
        "aanwezig": [
            "Ede",
            {"organisatie": "Wageningen", "naam": "dhr. Smit", "functie": "wethouder"},
            {"organisatie": "Renkum", "naam": "mw. De Boer", "rol": "voorzitter"},
        ],
        "afwezig": [],
        "punten": {
            "opening": {"tekst": None, "bka": []},
            "verslag": {"tekst": None, "bka": []},
            "acties": {"tekst": None, "bka": []},
            "sluiting": {"tekst": None, "bka": []},
        },
        "acties": {"2024-01-24.1": "open", "2024-01-24.2": "open", "bellen": "open"},
    }
    assert (
        "  # 12.2 Vaststelling verslag\n"
        "  verslag:\n"
        "    # vastgesteld: ongewijzigd          # of gewijzigd (met wijzigingen: |), of aangehouden\n"
    ) in text
    assert (
        "  # Wageningen: stuurt # het plan rond (wie: dhr. Smit; termijn: 1 februari 2024)\n"
        "  2024-01-24.1: open\n"
        "  # Toezegging: Ede zoekt het uit. (wie: Ede)\n"
        "  2024-01-24.2: open\n"
    ) in text
    check = stukken(root, "check", "2024-03-13")
    assert check.exit_code == 0, check.stderr
    assert check.stdout.startswith("In orde: vergadering 2024-03-13, 4 agendapunten")


def test_nieuw_adopts_the_previous_minutes_when_they_exist(workspace, stukken):
    root = cycle_root(workspace)
    result = stukken(root, "nieuw")
    assert (result.exit_code, result.stderr) == (0, "")
    text = (root / "meetings/2024-03-13/agenda.yaml").read_text("utf-8")
    assert (
        "  - id: verslag\n"
        "    titel: Vaststelling verslag\n"
        "    vaststelling: 2024-01-24            # stelt het verslag van 24 januari 2024 vast\n"
    ) in text
    assert yaml.safe_load(text)["agenda"][1]["vaststelling"] == date(2024, 1, 24)
    assert stukken(root, "check").exit_code == 0


def test_verslag_lists_only_what_is_open_at_the_meeting(workspace, stukken):
    root = cycle_root(workspace)
    stukken(root, "nieuw")
    (root / "meetings/2024-03-13/verslag.yaml").write_text(
        "acties:\n  2024-01-24.1: afgerond\n  bellen:\n    status: loopt\n", "utf-8"
    )
    (root / "meetings/2024-03-13/agenda.yaml").write_text(
        (root / "meetings/2024-03-13/agenda.yaml").read_text("utf-8")
        + "volgende:\n  datum: 2024-04-24\n",
        "utf-8",
    )
    assert stukken(root, "nieuw").exit_code == 0
    assert stukken(root, "verslag", "2024-04-24").exit_code == 0
    data = yaml.safe_load((root / "meetings/2024-04-24/verslag.yaml").read_text("utf-8"))
    assert data["acties"] == {"2024-01-24.2": "open", "bellen": "loopt"}


def test_verslag_refuses_bad_input_in_dutch(workspace, stukken):
    root = cycle_root(workspace)
    result = stukken(root, "verslag", "2024-01-24")
    assert (result.exit_code, result.stderr) == (
        1,
        "fout: meetings/2024-01-24/verslag.yaml bestaat al; stukken verslag schrijft er niet "
        "overheen. Bewerk dat bestand, of verwijder het eerst om opnieuw te beginnen\n",
    )
    assert (root / "meetings/2024-01-24/verslag.yaml").read_text("utf-8") == VORIG_VERSLAG
    stukken(root, "nieuw")
    result = stukken(root, "verslag", "2024-03-12")
    assert (result.exit_code, result.stderr) == (
        1,
        "fout: geen vergadering '2024-03-12' in meetings/ (bedoelde u 2024-03-13 of "
        "2024-01-24?); een nieuwe vergadering maakt u met: stukken nieuw DATUM\n",
    )
    result = stukken(root, "verslag", "maart")
    assert result.exit_code == 1
    assert result.stderr.startswith("fout: geen vergadering 'maart' in meetings/")
    result = stukken(root, "verslag")
    assert result.exit_code == 2  # Click: the argument is missing
    assert "Argument ontbreekt" in result.stderr


def test_verslag_reports_a_broken_agenda_as_file_line(workspace, stukken):
    root = cycle_root(workspace)
    (root / "meetings/2024-03-13").mkdir()
    (root / "meetings/2024-03-13/agenda.yaml").write_text(
        "datum: 2024-03-13\nagenda:\n  - titel: Opening\n    doel: feest\n", "utf-8"
    )
    result = stukken(root, "verslag", "2024-03-13")
    assert result.exit_code == 1
    assert result.lines[0].startswith("meetings/2024-03-13/agenda.yaml:4: ")
    assert not (root / "meetings/2024-03-13/verslag.yaml").exists()


@pytest.mark.parametrize(
    ("command", "words"),
    [
        ("init", "Begin een nieuwe werkmap in MAP"),
        ("nieuw", "Maak de agenda van een nieuwe vergadering"),
        ("verslag", "Maak het begin van het verslag van vergadering DATUM"),
    ],
)
def test_help_is_dutch(tmp_path, stukken, command, words):
    result = stukken(tmp_path, command, "--help")
    assert result.exit_code == 0
    assert words in result.stdout
    assert "Gebruik: stukken" in result.stdout
