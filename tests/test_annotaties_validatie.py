"""Overlay validation: every key names an item, sub-item or open action, reported as
file:line with the closest existing id; `stukken check` catches ids that changed later."""

from __future__ import annotations

from annotatie_werkmap import BASE, OVERLAYS

# --- validation -------------------------------------------------------------------------


def check_errors(workspace, stukken, overlay: str, extra: dict | None = None) -> list[str]:
    root = workspace(
        {**BASE, "meetings/2024-01-24/annotaties/noord.yaml": overlay, **(extra or {})}
    )
    result = stukken(root, "check")
    assert result.exit_code == 1
    return result.lines


PATH = "meetings/2024-01-24/annotaties/noord.yaml"


def test_misspelt_item_key_is_an_error_for_check_and_the_build(workspace, stukken):
    root = workspace(
        {
            **BASE,
            "meetings/2024-01-24/annotaties/noord.yaml": """\
        auteur: A
        punten:
          opening: goed
          dijkk: Typo
          werkgorep:
            advies: ja
          9: bestaat niet
        """,
        }
    )
    messages = [
        f"{PATH}:4: onbekend agendapunt 'dijkk' (bedoelde u 'dijk'?)",
        f"{PATH}:5: onbekend agendapunt 'werkgorep' (bedoelde u 'werkgroep'?)",
        f"{PATH}:7: onbekend agendapunt '9' (de agenda telt de punten 1 tot en met 5)",
    ]
    # The format: an overlay naming an item that does not exist is an error.
    for args in (["check"], ["build", "--annotatie", "noord"], ["build"]):
        result = stukken(root, *args)
        assert result.exit_code == 1
        assert result.lines == [*messages, "3 fouten gevonden; er is niets geschreven."]
    assert not (root / "output").exists()


def test_same_item_twice_by_id_and_number(workspace, stukken):
    lines = check_errors(
        workspace,
        stukken,
        """\
        punten:
          dijk: een
          2: twee
        """,
    )
    assert lines[0] == f"{PATH}:3: agendapunt 2 ('dijk') staat hier twee keer (ook op regel 2)"


def test_an_unknown_key_with_nothing_alike_names_the_ids_there_are(workspace, stukken):
    # The format: the error names the file, the line and the closest existing id; when no
    # spelling is close, the writer sees the ids that do exist.
    lines = check_errors(
        workspace,
        stukken,
        "punten:\n  begroting: te laat\nacties:\n  zwembad: ook niet\n",
    )
    assert lines == [
        f"{PATH}:2: onbekend agendapunt 'begroting' (er zijn: opening, dijk, ter-kennisname, "
        "werkgroep, brief, acties, rondvraag)",
        f"{PATH}:4: onbekende actie 'zwembad' (er zijn: kaart, 2023-12-01.2, regeling)",
        "2 fouten gevonden; er is niets geschreven.",
    ]


def test_action_notes_must_name_an_open_action(workspace, stukken):
    lines = check_errors(
        workspace,
        stukken,
        """\
        acties:
          kaart: goed
          kaartt: typo
          2024-01-24.1: van deze vergadering
        """,
        {
            "meetings/2023-12-15/agenda.yaml": "datum: 2023-12-15\nagenda:\n  - titel: Een\n",
            "meetings/2023-12-15/verslag.yaml": "acties:\n  regeling: vervallen\n",
        },
    )
    assert lines == [
        f"{PATH}:3: onbekende actie 'kaartt' (bedoelde u 'kaart'?)",
        f"{PATH}:4: actie '2024-01-24.1' wordt in deze vergadering afgesproken en staat nog "
        "niet open op deze agenda",
        "2 fouten gevonden; er is niets geschreven.",
    ]
    lines = check_errors(
        workspace,
        stukken,
        "acties:\n  regeling: al dicht\n",
        {
            "meetings/2023-12-15/agenda.yaml": "datum: 2023-12-15\nagenda:\n  - titel: Een\n",
            "meetings/2023-12-15/verslag.yaml": "acties:\n  regeling: vervallen\n",
        },
    )
    assert lines[0] == (
        f"{PATH}:2: actie 'regeling' is al vervallen en staat niet meer open op deze vergadering"
    )


def test_action_note_needs_an_agenda_that_shows_the_actions(workspace, stukken):
    agenda = BASE["meetings/2024-01-24/agenda.yaml"].replace("            acties: true\n", "")
    lines = check_errors(
        workspace, stukken, "acties:\n  kaart: Vraag\n", {"meetings/2024-01-24/agenda.yaml": agenda}
    )
    assert lines[0] == (
        f"{PATH}:2: opmerking bij actie 'kaart' staat nergens: deze agenda "
        "toont de openstaande acties niet (geen agendapunt met 'acties: true')"
    )


def test_overlay_named_twice(workspace, stukken):
    root = workspace(
        {**BASE, **OVERLAYS, "meetings/2024-01-24/annotaties/noord.yml": "auteur: B\n"}
    )
    result = stukken(root, "check")
    assert result.lines[0] == (
        "meetings/2024-01-24/annotaties/noord.yml: annotatie 'noord' "
        "staat twee keer in annotaties/: noord.yaml en noord.yml"
    )


def test_check_catches_an_item_id_changed_after_the_overlay_was_written(example, stukken):
    agenda = example / "meetings/2024-01-24/agenda.yaml"
    agenda.write_text(agenda.read_text().replace("id: portefeuilles", "id: portefeuilles-tra"))
    verslag = example / "meetings/2024-01-24/verslag.yaml"
    verslag.write_text(verslag.read_text().replace("  portefeuilles:", "  portefeuilles-tra:"))
    overlay = "meetings/2024-01-24/annotaties/hellendoorn.yaml"
    line = next(
        i
        for i, text in enumerate((example / overlay).read_text().splitlines(), 1)
        if text.startswith("  portefeuilles:")
    )
    message = (
        f"{overlay}:{line}: onbekend agendapunt 'portefeuilles' (bedoelde u 'portefeuilles-tra'?)"
    )
    for args in (["check"], ["build", "2024-01-24", "--annotatie", "hellendoorn"]):
        result = stukken(example, *args)
        assert result.exit_code == 1
        assert result.lines == [message, "1 fout gevonden; er is niets geschreven."]


def test_empty_notes_are_warned_about(workspace, stukken):
    root = workspace(
        {
            **BASE,
            "meetings/2024-01-24/annotaties/noord.yaml": """\
        punten:
          dijk: {}
        acties:
          kaart:
        """,
        }
    )
    result = stukken(root, "check")
    assert result.exit_code == 0, result.stderr
    assert result.lines == [
        f"{PATH}:2: waarschuwing: annotatie bij agendapunt 2 ('dijk') is leeg",
        f"{PATH}:4: waarschuwing: opmerking bij actie 'kaart' is leeg",
    ]


def test_an_empty_item_key_means_seen_and_lists_every_item(workspace, stukken):
    """`opening:` says nothing and is no mistake: the overlay lists the items its author
    has seen, so the items it lacks are named."""
    root = workspace(
        {
            **BASE,
            "meetings/2024-01-24/annotaties/noord.yaml": """\
        punten:
          opening:
          dijk: Goed plan.
          ter-kennisname:
          werkgroep:
          brief:
          acties:
        """,
        }
    )
    result = stukken(root, "check")
    assert result.exit_code == 0, result.stderr
    assert result.lines == [
        f"{PATH}:1: waarschuwing: agendapunt 5 ('rondvraag') heeft nog geen annotatie; "
        "zet 'rondvraag:' onder punten (leeg als u er niets over zegt)"
    ]


def test_the_hint_for_an_unknown_id_of_a_long_list_is_the_most_alike():
    from vergaderstukken.namen import closest

    ids = [f"punt-{n}" for n in range(1, 20)]
    assert closest("punt-7x", ids) == " (bedoelde u 'punt-7'?)"
    assert closest("zwembad", ids[:3]) == " (er zijn: punt-1, punt-2, punt-3)"
    assert closest("qq", ids).startswith(" (het meest gelijkende is 'punt-")
    assert closest("qq", []) == ""
