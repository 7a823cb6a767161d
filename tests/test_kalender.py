"""vergadering.ics (every build) and `stukken acties --ics`: read back with `icalendar`,
every required property checked, the bytes stable, SEQUENCE raised on a change."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from icalendar import Calendar

import verslag_werkmap
from conftest import AGENDA_YAML, STUKKEN_YAML

AGENDA = AGENDA_YAML + "volgende:\n  datum: 2024-03-13\n  tijd: 15:00-16:30\n"
UID = re.compile(r"^2024-01-24-row-[0-9a-f]{10}@vergaderstukken$")


def check_rfc5545_lines(data: bytes) -> None:
    """CRLF everywhere, no line over 75 octets, folded lines start with a space."""
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert all(len(line) <= 75 for line in lines)
    assert lines[0] == b"BEGIN:VCALENDAR" and lines[-1] == b"END:VCALENDAR"


def read(path: Path) -> Calendar:
    data = path.read_bytes()
    check_rfc5545_lines(data)
    calendar = Calendar.from_ical(data)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == "-//vergaderstukken//stukken//NL"
    return calendar


def events(path: Path) -> list:
    return read(path).walk("VEVENT")


def test_the_build_writes_the_meeting_and_the_next_one(workspace, stukken):
    root = workspace({"meetings/2024-01-24/agenda.yaml": AGENDA})
    assert stukken(root, "build", "2024-01-24").exit_code == 0
    ics = root / "output/2024-01-24/vergadering.ics"
    calendar = read(ics)
    assert "METHOD" not in calendar  # no verzending.van: a plain calendar file
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Amsterdam"
    meeting, volgende = calendar.walk("VEVENT")
    for event in (meeting, volgende):
        for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "SEQUENCE"):
            assert name in event, name
        assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert UID.match(str(meeting["UID"]))
    assert str(meeting["SUMMARY"]) == "ROW 24 januari 2024"
    start = meeting.decoded("DTSTART")
    assert (start.replace(tzinfo=None), str(start.tzinfo)) == (
        datetime(2024, 1, 24, 15, 45),
        "Europe/Amsterdam",
    )
    assert meeting.decoded("DTEND").replace(tzinfo=None) == datetime(2024, 1, 24, 17, 15)
    assert meeting.decoded("DTSTAMP") == datetime(2024, 1, 24, 0, 0, tzinfo=timezone.utc)
    assert str(meeting["LOCATION"]) == "Gemeentehuis Ede"
    assert meeting["SEQUENCE"] == 0
    assert str(meeting["DESCRIPTION"]) == (
        "Vergadering van de Regionaal Overleg Water\n"
        "woensdag 24 januari 2024, 15.45 - 17.15 uur\n"
        "Gemeentehuis Ede\n\n"
        "Agenda\n1. Opening\n2. Dijkversterking (Bijlage I)\n3. Rondvraag"
    )
    assert str(volgende["SUMMARY"]) == "ROW 13 maart 2024"
    assert str(volgende["UID"]).startswith("2024-03-13-row-")
    assert volgende.decoded("DTSTART").replace(tzinfo=None) == datetime(2024, 3, 13, 15, 0)
    assert str(volgende["LOCATION"]) == "Gemeentehuis Ede"  # overleg.locatie


def test_sequence_rises_when_time_or_place_changes_and_the_bytes_stay_otherwise(workspace, stukken):
    root = workspace({"meetings/2024-01-24/agenda.yaml": AGENDA})
    ics = root / "output/2024-01-24/vergadering.ics"
    agenda = root / "meetings/2024-01-24/agenda.yaml"
    assert stukken(root, "build", "2024-01-24").exit_code == 0
    first = ics.read_bytes()
    assert stukken(root, "build", "2024-01-24").exit_code == 0
    assert ics.read_bytes() == first  # unchanged input: byte-identical
    agenda.write_text(AGENDA.replace("tijd: 15:00-16:30", "tijd: 15:00-17:00"), encoding="utf-8")
    assert stukken(root, "build", "2024-01-24").exit_code == 0
    meeting, volgende = events(ics)
    assert (meeting["SEQUENCE"], volgende["SEQUENCE"]) == (0, 1)  # only the next meeting moved
    agenda.write_text(
        AGENDA.replace("tijd: 15:00-16:30", "tijd: 15:00-17:00").replace(
            "tijd: 15:45-17:15", "tijd: 15:45-17:15\nlocatie: Stadhuis Wageningen"
        ),
        encoding="utf-8",
    )
    assert stukken(root, "build", "2024-01-24").exit_code == 0
    second = ics.read_bytes()
    meeting, volgende = events(ics)
    assert (meeting["SEQUENCE"], volgende["SEQUENCE"]) == (1, 1)
    assert str(meeting["LOCATION"]) == "Stadhuis Wageningen"
    assert UID.match(str(meeting["UID"]))  # the same event, updated
    assert stukken(root, "build", "2024-01-24").exit_code == 0
    assert ics.read_bytes() == second


def test_time_zone_and_a_meeting_without_a_time(workspace, stukken):
    root = workspace(
        {
            "stukken.yaml": STUKKEN_YAML + "  tijdzone: America/New_York\n",
            "meetings/2024-01-24/agenda.yaml": AGENDA.replace("tijd: 15:45-17:15\n", ""),
        }
    )
    assert stukken(root, "build", "2024-01-24").exit_code == 0
    calendar = read(root / "output/2024-01-24/vergadering.ics")
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["America/New_York"]
    meeting, volgende = calendar.walk("VEVENT")
    assert meeting.decoded("DTSTART") == date(2024, 1, 24)  # all day
    assert meeting.decoded("DTEND") == date(2024, 1, 25)
    assert volgende["DTSTART"].params["TZID"] == "America/New_York"


def test_an_unknown_time_zone_is_an_error_at_its_line(workspace, stukken):
    root = workspace({"stukken.yaml": STUKKEN_YAML + "  tijdzone: Europe/Amsterdm\n"})
    result = stukken(root, "check")
    assert result.exit_code == 1
    assert (
        "stukken.yaml:8: onbekende tijdzone 'Europe/Amsterdm' (bedoelde u 'Europe/Amsterdam'?)"
        in result.lines
    )


@pytest.fixture
def acties_root(workspace):
    return workspace(verslag_werkmap.files())


def todos(path: Path) -> dict[str, object]:
    calendar = read(path)
    found = {}
    for todo in calendar.walk("VTODO"):
        for name in ("UID", "DTSTAMP", "SUMMARY", "DESCRIPTION", "STATUS"):
            assert name in todo, name
        found[str(todo["SUMMARY"]).split(":")[0]] = todo
    return found


def test_open_actions_as_todos(acties_root, stukken, tmp_path):
    target = tmp_path / "acties.ics"
    result = stukken(acties_root, "acties", "--ics", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.endswith(f"4 taken geschreven naar {target}\n")
    found = todos(target)
    assert sorted(found) == [
        "Actie 2024-01-24.3",
        "Actie 2024-01-24.4",
        "Actie 2024-03-13.1",
        "Toezegging 2024-03-13.2",
    ]
    actie = found["Actie 2024-01-24.4"]
    assert actie.decoded("DUE") == date(2024, 2, 29)
    assert str(actie["STATUS"]) == "NEEDS-ACTION"
    description = str(actie["DESCRIPTION"])
    assert "\nVergadering: ROW 24 januari 2024\nAgendapunt: " in description
    assert "\nTermijn: 29 februari 2024\n" in description
    toezegging = found["Toezegging 2024-03-13.2"]
    assert "DUE" not in toezegging  # 'voor de zomer' is no date
    assert "Termijn: voor de zomer" in str(toezegging["DESCRIPTION"])
    assert str(found["Actie 2024-03-13.1"]["UID"]).startswith("actie-2024-03-13.1-row-")
    loopt = [t for t in found.values() if str(t["STATUS"]) == "IN-PROCESS"]
    assert loopt and all("Status: loopt" in str(t["DESCRIPTION"]) for t in loopt)
    first = target.read_bytes()
    assert stukken(acties_root, "acties", "--ics", str(target)).exit_code == 0
    assert target.read_bytes() == first  # stable UIDs and stamps


def test_all_actions_with_the_closed_ones_completed(acties_root, stukken, tmp_path):
    target = tmp_path / "alle.ics"
    assert stukken(acties_root, "acties", "--alle", "--ics", str(target)).exit_code == 0
    statuses = {name: str(t["STATUS"]) for name, t in todos(target).items()}
    assert "COMPLETED" in statuses.values() and "CANCELLED" in statuses.values()
    done = next(t for t in todos(target).values() if str(t["STATUS"]) == "COMPLETED")
    assert done["PERCENT-COMPLETE"] == 100 and "COMPLETED" in done


def test_todos_per_owner(acties_root, stukken, tmp_path):
    target = tmp_path / "secretariaat.ics"
    table = stukken(acties_root, "acties", "--wie", "secretariaat").stdout
    assert (
        stukken(acties_root, "acties", "--wie", "secretariaat", "--ics", str(target)).exit_code == 0
    )
    found = todos(target)
    assert found and all(name.split()[-1] in table for name in found)
    assert all("secretariaat" in str(t["DESCRIPTION"]).casefold() for t in found.values())
