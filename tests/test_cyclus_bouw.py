"""The meeting cycle as a new secretary runs it, with real builds: init, then for two
meetings nieuw -> fill in -> build -> verslag -> fill in -> build, then nieuw for the next.

The test edits the generated YAML the way a secretary would: by replacing lines of it, so
the layout and the comments the commands write are what is being filled in.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

from conftest import in_order, pdf_text


def edit(path: Path, *replacements: tuple[str, str]) -> None:
    """Replace each `old` (which must occur exactly once) by `new` in the file."""
    text = path.read_text("utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, f"{old!r} staat niet precies één keer in {path}"
        text = text.replace(old, new)
    path.write_text(text, "utf-8")


def passes_check(stukken, root: Path) -> str:
    result = stukken(root, "check")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("In orde: ")
    return result.stdout


def build(stukken, root: Path, naam: str) -> Path:
    result = stukken(root, "build", naam)
    assert result.exit_code == 0, result.stderr
    return root / "output" / naam


def flat(text: str) -> str:
    return " ".join(text.split())


def test_two_cycles_from_init(tmp_path, stukken):
    # --- a new workspace ------------------------------------------------------------------
    result = stukken(
        tmp_path, "init", "row", "--naam", "Regionaal Overleg Water", "--afkorting", "ROW"
    )
    assert result.exit_code == 0, result.stderr
    root = tmp_path / "row"
    edit(
        root / "stukken.yaml",
        ("  # voorzitter: Naam van de voorzitter ", "  voorzitter: mw. De Boer #"),
        ("  # locatie: Vergaderzaal, adres ", "  locatie: Gemeentehuis Ede #"),
        (
            "  - Organisatie A\n",
            "  - Ede\n  - organisatie: Wageningen\n    naam: dhr. Smit\n"
            "    functie: wethouder\n  - Renkum\n",
        ),
    )
    assert passes_check(stukken, root).startswith("In orde: 0 vergaderingen")

    # --- the first meeting: nieuw needs its date ------------------------------------------
    assert stukken(root, "nieuw").exit_code == 1
    result = stukken(root, "nieuw", "2024-01-24")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    agenda1 = root / "meetings/2024-01-24/agenda.yaml"
    text = agenda1.read_text("utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../schema/agenda.schema.json"
    assert passes_check(stukken, root).startswith("In orde: 1 vergadering, 5 agendapunten")
    edit(
        agenda1,
        ("# tijd: 15:00-16:30", "tijd: 15:00-16:30"),
        ("# nummer: 1 ", "nummer: 1 #"),
        (
            "  # Nieuwe punten, bijvoorbeeld:\n",
            "  - titel: 'Plan: \"Dijk\" #2 - fase 1'\n"
            "    id: dijk\n"
            "    doel: besluitvorming\n"
            "    toelichting: |\n"
            "      Het plan ligt ter besluitvorming voor.\n"
            "  # Nieuwe punten, bijvoorbeeld:\n",
        ),
    )
    with agenda1.open("a", encoding="utf-8") as out:
        out.write(
            "volgende:\n  datum: 2024-03-13\n  tijd: 15:00-16:30\n"
            "  locatie: 'Raadzaal: \"De Rijn\"'\n"
        )
    passes_check(stukken, root)
    folder1 = build(stukken, root, "2024-01-24")
    agenda_text = flat(pdf_text(folder1 / "agenda.pdf"))
    assert in_order(
        agenda_text,
        "Agenda Regionaal Overleg Water",
        "woensdag 24 januari 2024",
        "15.00 - 16.30 uur",
        "Gemeentehuis Ede",
        "Opening & vaststellen agenda",
        "Vaststelling verslag vorige vergadering",
        'Plan: "Dijk" #2 - fase 1',
        "Het plan ligt ter besluitvorming voor.",
        "Openstaande acties",
        "Rondvraag",
        "Sluiting",
    )

    # --- its minutes -----------------------------------------------------------------------
    result = stukken(root, "verslag", "2024-01-24")
    assert result.exit_code == 0, result.stderr
    verslag1 = root / "meetings/2024-01-24/verslag.yaml"
    text = verslag1.read_text("utf-8")
    assert (
        "aanwezig:                               # wie er niet was: verplaats naar afwezig\n"
        "  - Ede\n"
        "  - organisatie: Wageningen\n"
        "    naam: dhr. Smit\n"
        "    functie: wethouder\n"
        "  - Renkum\n"
    ) in text
    assert '  # 1.3 Plan: "Dijk" #2 - fase 1\n  dijk:\n' in text
    assert "acties: {}" in text
    passes_check(stukken, root)
    edit(
        verslag1,
        ("  - Renkum\n", ""),
        ("afwezig: []", "afwezig:\n  - {organisatie: Renkum, kennisgeving: true}\n#"),
        (
            "  dijk:\n    tekst:\n    bka: []\n",
            "  dijk:\n"
            "    tekst: Het plan wordt besproken.\n"
            "    bka:\n"
            "      - besluit: 'Het plan wordt vastgesteld: fase 1 begint.'\n"
            "      - actie: Wageningen stuurt het uitvoeringsplan rond.\n"
            "        wie: Wageningen\n"
            "        termijn: 2024-03-01\n"
            "      - toezegging: Ede levert de cijfers over de dijk.\n"
            "        wie: Ede\n",
        ),
    )
    passes_check(stukken, root)
    folder1 = build(stukken, root, "2024-01-24")
    minutes = flat(pdf_text(folder1 / "verslag.pdf"))
    assert "CONCEPT" in minutes
    assert in_order(
        minutes,
        "Aanwezig",
        "Ede",
        "Wageningen",
        "Afwezig",
        "Renkum",
        'Plan: "Dijk" #2 - fase 1',
        "Het plan wordt besproken.",
        "Het plan wordt vastgesteld: fase 1 begint.",
        "Wageningen stuurt het uitvoeringsplan rond.",
        "Ede levert de cijfers over de dijk.",
    )

    # --- the second meeting: everything from volgende ---------------------------------------
    result = stukken(root, "nieuw")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""  # the minutes it adopts exist
    agenda2 = root / "meetings/2024-03-13/agenda.yaml"
    data = yaml.safe_load(agenda2.read_text("utf-8"))
    assert {k: data[k] for k in ("datum", "tijd", "locatie", "nummer", "voorzitter")} == {
        "datum": date(2024, 3, 13),
        "tijd": "15:00-16:30",
        "locatie": 'Raadzaal: "De Rijn"',
        "nummer": 2,
        "voorzitter": "mw. De Boer",
    }
    assert data["agenda"][1]["vaststelling"] == date(2024, 1, 24)
    assert passes_check(stukken, root).startswith("In orde: 2 vergaderingen")
    with agenda2.open("a", encoding="utf-8") as out:
        out.write("volgende:\n  datum: 2024-04-17\n  tijd: '14:00'\n")
    folder2 = build(stukken, root, "2024-03-13")
    agenda_text = flat(pdf_text(folder2 / "agenda.pdf"))
    assert in_order(
        agenda_text,
        "woensdag 13 maart 2024",
        'Raadzaal: "De Rijn"',
        "Vaststelling verslag vorige vergadering",
        "Openstaande acties",
        "2024-01-24.1",
        "Wageningen stuurt het uitvoeringsplan rond.",
        "2024-01-24.2",
        "Ede levert de cijfers over de dijk.",
        "Rondvraag",
    )
    if "Verslag ROW 24 januari 2024" in agenda_text:  # adoption attaches the minutes
        assert in_order(agenda_text, "Vaststelling verslag vorige vergadering", "Bijlage I")

    # --- its minutes: the carried actions with their status ---------------------------------
    result = stukken(root, "verslag", "2024-03-13")
    assert result.exit_code == 0, result.stderr
    verslag2 = root / "meetings/2024-03-13/verslag.yaml"
    text = verslag2.read_text("utf-8")
    assert (
        "acties:                                 # per actie: open, loopt, afgerond of vervallen\n"
        "  # Wageningen stuurt het uitvoeringsplan rond. (wie: Wageningen; termijn: 1 maart 2024)\n"
        "  2024-01-24.1: open\n"
        "  # Toezegging: Ede levert de cijfers over de dijk. (wie: Ede)\n"
        "  2024-01-24.2: open\n"
    ) in text
    passes_check(stukken, root)
    edit(
        verslag2,
        ("    # vastgesteld: ongewijzigd ", "    vastgesteld: ongewijzigd #"),
        ("  2024-01-24.1: open", "  2024-01-24.1: afgerond"),
        (
            "  2024-01-24.2: open",
            "  2024-01-24.2:\n    status: loopt\n    toelichting: De cijfers volgen in april.",
        ),
        (
            "  rondvraag:\n    tekst:\n    bka: []\n",
            "  rondvraag:\n"
            "    bka:\n"
            "      - actie: 'Renkum: plant een werkbezoek #3.'\n"
            "        wie: Renkum\n"
            "        termijn: mei 2024\n",
        ),
    )
    passes_check(stukken, root)
    folder2 = build(stukken, root, "2024-03-13")
    lijst = flat(pdf_text(folder2 / "actie-en-besluitenlijst.pdf"))
    assert in_order(lijst, "2024-03-13.1", "Renkum: plant een werkbezoek #3.")
    assert "De cijfers volgen in april." in lijst
    assert "Wageningen stuurt het uitvoeringsplan rond." in lijst  # closed here, shown once
    assert lijst.count("Wageningen stuurt het uitvoeringsplan rond.") == 1
    minutes = flat(pdf_text(folder2 / "verslag.pdf"))
    assert in_order(minutes, "2.4", "Rondvraag", "Renkum: plant een werkbezoek #3.", "2.5")
    adopted = flat(pdf_text(build(stukken, root, "2024-01-24") / "verslag.pdf"))
    if "Vastgesteld in de vergadering van" in adopted:  # adoption (issue 11, other part)
        assert "Vastgesteld in de vergadering van 13 maart 2024" in adopted

    # --- and the agenda of the next one, on another day than volgende said ------------------
    result = stukken(root, "nieuw", "2024-04-24")
    assert result.exit_code == 0, result.stderr
    line = agenda2.read_text("utf-8").splitlines().index("volgende:") + 1
    assert result.stderr == (
        f"meetings/2024-03-13/agenda.yaml:{line}: waarschuwing: de vergadering van 13 maart 2024 "
        "noemde 17 april 2024 als volgende; de nieuwe agenda is voor 24 april 2024 "
        "(tijd en locatie zijn overgenomen)\n"
    )
    data = yaml.safe_load((root / "meetings/2024-04-24/agenda.yaml").read_text("utf-8"))
    assert (data["nummer"], data["tijd"], data["agenda"][1]["vaststelling"]) == (
        3,
        "14:00",
        date(2024, 3, 13),
    )
    # volgende named no place: the committee's (written out, or left to the default)
    assert data.get("locatie", "Gemeentehuis Ede") == "Gemeentehuis Ede"
    assert stukken(root, "verslag", "2024-04-24").exit_code == 0
    data = yaml.safe_load((root / "meetings/2024-04-24/verslag.yaml").read_text("utf-8"))
    assert data["acties"] == {"2024-01-24.2": "loopt", "2024-03-13.1": "open"}
    assert passes_check(stukken, root).startswith("In orde: 3 vergaderingen, 16 agendapunten")
