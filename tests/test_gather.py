"""The gather stage: a meeting's data, computed once, without rendering anything."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import verslag_werkmap
from conftest import REPO
from vergaderstukken import actions, gather
from vergaderstukken.commands.acties import acties
from vergaderstukken.commands.build import build
from vergaderstukken.commands.check import check
from vergaderstukken.gather import Verzameling
from vergaderstukken.load import mappen as load_module
from vergaderstukken.load.werkmap import load_werkmap
from vergaderstukken.render import context as contexts
from vergaderstukken.render.documents import lijsten as render_lijsten
from vergaderstukken.render.documents import verslag as render_verslag

SRC = Path(__file__).resolve().parents[1] / "src"


def gathered(workspace):
    werkmap, _ = load_werkmap(workspace(verslag_werkmap.files()))
    verzameling = Verzameling(werkmap)
    return werkmap, verzameling, [verzameling.van(v) for v in werkmap.vergaderingen]


def test_the_agenda_gets_the_actions_open_after_the_previous_meeting(workspace):
    _, _, (eerste, tweede) = gathered(workspace)
    assert eerste.open_acties == []
    assert [(s.id, s.status, s.te_laat) for s in tweede.open_acties] == [
        ("2024-01-24.1", "open", True),  # 1 februari lies before 13 maart
        ("cijfers", "open", False),  # 'begin februari' is no date
        ("2024-01-24.3", "open", True),
        ("2024-01-24.4", "open", True),
    ]


def test_the_lists_of_the_second_meeting(workspace):
    _, _, (eerste, tweede) = gathered(workspace)
    lijsten = tweede.lijsten
    assert [(r.besluitnummer, r.tekst) for r in lijsten.besluiten] == [
        (1, "Het verslag van 24 januari 2024 wordt vastgesteld.")
    ]
    assert [s.id for s in lijsten.acties.nieuw] == ["2024-03-13.1", "2024-03-13.2"]
    assert [(s.id, s.status, s.te_laat) for s in lijsten.acties.lopend] == [
        ("2024-01-24.3", "loopt", False),  # its new termijn is 15 april
        ("2024-01-24.4", "open", True),
    ]
    assert [(s.id, s.status) for s in lijsten.acties.gesloten] == [
        ("2024-01-24.1", "afgerond"),
        ("cijfers", "vervallen"),
    ]
    # Oldest meeting first, then in the order of its minutes.
    assert [s.id for s in lijsten.chronologisch] == [
        "2024-01-24.1",
        "cijfers",
        "2024-01-24.3",
        "2024-01-24.4",
        "2024-03-13.1",
        "2024-03-13.2",
    ]
    assert [s.id for s in tweede.voortgang] == [
        "2024-01-24.1",
        "cijfers",
        "2024-01-24.3",
        "2024-01-24.4",
    ]
    assert tweede.voortgang_apart is False  # item 2 shows the open actions
    assert [s.id for s in eerste.lijsten.acties.nieuw] == [
        "2024-01-24.1",
        "cijfers",
        "2024-01-24.3",
        "2024-01-24.4",
    ]
    assert eerste.voortgang == []


def test_numbering_attendance_and_titles(workspace):
    werkmap, _, (eerste, tweede) = gathered(workspace)
    assert tweede.bijlage_punten == {"verslag-januari": ["2"]}
    # The loader resolved the attachment: the meeting it names and the default title.
    bijlage = tweede.vergadering.bijlagen[0]
    assert (bijlage.label, bijlage.verslag, bijlage.titel) == (
        "Bijlage I",
        "2024-01-24",
        "Verslag ROW 24 januari 2024",
    )
    assert tweede.niet_openbaar == []
    assert eerste.aanwezig == [
        "Enschede",
        "Hengelo (dhr. Eshuis, gemeentesecretaris)",
        "Twenterand (dhr. Broekhuizen, voorzitter)",
    ]
    assert eerste.afwezig == ["Haaksbergen (m.k.)", "Losser"]
    assert tweede.afwezig == ["Losser (m.k.)"]
    documenten = tweede.documenten
    assert documenten.verslag.als_dict() == {
        "soort": "verslag",
        "titel": "Verslag Regionaal Overleg Water 13 maart 2024",
        "kop": "ROW · Verslag 13 maart 2024",
        "omschrijving": "Verslag van de vergadering van Regionaal Overleg Water op "
        "woensdag 13 maart 2024",
        "markering": "CONCEPT",
    }
    assert eerste.documenten.lijst.titel == (
        "Actie- en besluitenlijst Regionaal Overleg Water 24 januari 2024"
    )
    assert eerste.documenten.lijst.markering == ""  # vastgesteld
    assert documenten.geannoteerde_agenda.markering == "Intern advies – niet verspreiden"
    assert documenten.bijlagen["verslag-januari"].kop == "ROW · Bijlage I 13 maart 2024"


def test_overdue_is_judged_against_the_peildatum(workspace):
    werkmap, verzameling, _ = gathered(workspace)
    tweede = werkmap.vergaderingen[1]
    op_de_dag = verzameling.acties.standen(tweede, inclusief=True)
    later = verzameling.acties.standen(tweede, inclusief=True, peildatum=date(2024, 4, 20))
    assert [s.id for s in op_de_dag if s.te_laat] == ["2024-01-24.4"]
    assert [s.id for s in later if s.te_laat] == ["2024-01-24.3", "2024-01-24.4", "2024-03-13.1"]
    # Asking with another date changes nothing the documents show.
    assert [s.id for s in verzameling.acties.standen(tweede, inclusief=True) if s.te_laat] == [
        "2024-01-24.4"
    ]


def test_a_meeting_is_gathered_once_and_the_ledger_computed_once(workspace, monkeypatch):
    werkmap, _ = load_werkmap(workspace(verslag_werkmap.files()))
    ledgers = []
    original = actions.Actieboek.__init__

    def counting(self, *args):
        ledgers.append(self)
        original(self, *args)

    monkeypatch.setattr(actions.Actieboek, "__init__", counting)
    verzameling = Verzameling(werkmap)
    eerste, tweede = werkmap.vergaderingen
    assert verzameling.van(tweede) is verzameling.van(tweede)
    assert verzameling.van(eerste) is not verzameling.van(tweede)
    assert len(ledgers) == 1


def test_every_command_scans_the_meetings_once(workspace, monkeypatch):
    root = workspace(verslag_werkmap.files())
    scans = []
    original = load_module.meeting_folders

    def counting(*args):
        scans.append(args[0])
        return original(*args)

    monkeypatch.setattr(load_module, "meeting_folders", counting)
    assert check(root, "2024-03-13").meeting == "2024-03-13"
    assert len(scans) == 1
    overzicht = acties(root, per="2024-02-20")  # a date between two meetings
    assert (overzicht.vergadering.naam, overzicht.peildatum) == ("2024-01-24", date(2024, 2, 20))
    assert [s.id for s in overzicht.acties if s.te_laat] == ["2024-01-24.1", "2024-01-24.3"]
    assert len(scans) == 2


def test_gathering_does_not_import_weasyprint(workspace):
    root = workspace(verslag_werkmap.files())
    script = (
        "import sys\n"
        f"sys.path.insert(0, {str(SRC)!r})\n"
        "from pathlib import Path\n"
        "from vergaderstukken.gather import Verzameling\n"
        "from vergaderstukken.load.werkmap import load_werkmap\n"
        f"werkmap, _ = load_werkmap(Path({str(root)!r}))\n"
        "gegevens = Verzameling(werkmap).van(werkmap.vergaderingen[-1])\n"
        "print(len(gegevens.lijsten.chronologisch), 'weasyprint' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["6", "False"]


def test_a_build_gathers_each_meeting_once(example, monkeypatch):
    """The example's meeting has a verslag: attachment of 2023-12-13 and an overlay."""
    calls: dict[str, int] = {}
    original_gather = gather.gather

    def counting_gather(werkmap, vergadering, boek):
        calls[f"gather {vergadering.naam}"] = calls.get(f"gather {vergadering.naam}", 0) + 1
        return original_gather(werkmap, vergadering, boek)

    def counted(module, name: str):
        original = getattr(module, name)

        def wrapper(gegevens, *args):
            key = f"{name} {gegevens.vergadering.naam}"
            calls[key] = calls.get(key, 0) + 1
            return original(gegevens, *args)

        monkeypatch.setattr(module, name, wrapper)

    monkeypatch.setattr(gather, "gather", counting_gather)
    scans = []
    original_scan = load_module.meeting_folders
    monkeypatch.setattr(
        load_module, "meeting_folders", lambda *a: scans.append(a) or original_scan(*a)
    )
    counted(contexts, "agenda_context")
    counted(render_verslag, "verslag_context")
    counted(render_lijsten, "lijst_context")
    result = build(example, "2024-01-24", werkers=1)  # counted in this process: no pool
    assert "vergaderpakket.pdf" in result.files
    assert "geannoteerde-agenda-hellendoorn.pdf" in result.files
    assert calls == {
        "gather 2024-01-24": 1,
        "gather 2023-12-13": 1,  # for the minutes attached to the pack
        "agenda_context 2024-01-24": 1,  # agenda.pdf, .docx, the pack and the overlay
        "verslag_context 2024-01-24": 1,  # verslag.pdf and .docx
        "verslag_context 2023-12-13": 1,
        "lijst_context 2024-01-24": 1,  # actie-en-besluitenlijst.pdf and .docx
    }
    assert len(scans) == 1


def test_an_overlays_notes_are_gathered_per_item_and_per_action(example):
    werkmap, _ = load_werkmap(example)
    gegevens = Verzameling(werkmap).van(werkmap.vergadering("2024-01-24"))
    notities = gegevens.annotaties["hellendoorn"]
    assert list(notities.per_punt) == [
        "actualiteiten",
        "bestuurlijk-arrangement",
        "portefeuilles",
        "vaststelling-verslag-tra-13-december-2023",
        "conceptverslag-prt-22-december-2023",
    ]
    portefeuilles = notities.per_punt["portefeuilles"]
    assert portefeuilles.advies.startswith("Instemmen met voorstel")
    assert portefeuilles.advies_kort is True  # one paragraph: 'Advies: ...' on one line
    assert notities.per_punt["actualiteiten"].advies is None
    assert list(notities.acties) == ["jenv-reactie"]


def test_the_ledger_walks_on_and_answers_as_a_fresh_walk_would(tmp_path):
    """Questions in any order: each answer is what a ledger asked only that would give."""
    import random

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    try:
        import werkmap as generator
    finally:
        sys.path.pop(0)
    werkmap, _ = load_werkmap(generator.geschiedenis(tmp_path / "g", 12))

    def shown(standen):
        return [
            (
                s.id,
                s.status,
                s.termijn,
                s.toelichting,
                s.bijgewerkt and s.bijgewerkt.naam,
                s.gesloten_in and s.gesloten_in.naam,
            )
            for s in standen
        ]

    questions = [(v, inclusief) for v in werkmap.vergaderingen for inclusief in (False, True)]
    for order in (questions, random.Random(7).sample(questions, len(questions))):
        boek = actions.Actieboek(werkmap)
        for vergadering, inclusief in order:
            fresh = actions.Actieboek(werkmap).standen(vergadering, inclusief=inclusief)
            asked = boek.standen(vergadering, inclusief=inclusief)
            assert shown(asked) == shown(fresh), (vergadering.naam, inclusief)
        for vergadering, inclusief in questions:  # kept answers stay as they were given
            fresh = actions.Actieboek(werkmap).standen(vergadering, inclusief=inclusief)
            assert shown(boek.standen(vergadering, inclusief=inclusief)) == shown(fresh)
    laatst = actions.Actieboek(werkmap).standen(werkmap.vergaderingen[-1], inclusief=True)
    statuses = {s.status for s in laatst}
    assert len(laatst) > 12 and "loopt" in statuses and statuses - {"open", "loopt"}


def test_a_meeting_is_found_by_its_folder_name_also_after_the_list_changed():
    werkmap, _ = load_werkmap(REPO)
    alle = list(werkmap.vergaderingen)
    assert [werkmap.vergadering(v.naam) for v in alle] == alle
    assert werkmap.vergadering("1999-01-01") is None
    werkmap.vergaderingen = alle[:-1]
    assert werkmap.vergadering(alle[-1].naam) is None
    werkmap.vergaderingen.append(alle[-1])
    assert werkmap.vergadering(alle[-1].naam) is alle[-1]
