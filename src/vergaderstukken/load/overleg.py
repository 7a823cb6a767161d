"""Build the Overleg from stukken.yaml: the committee, its members and its defaults."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from ..exceptions import Problems
from ..model import Overleg
from ..namen import did_you_mean
from ..schema import Record, fill, read_document
from ..schema.gronden import ground_problem
from .agenda import punten


def load_overleg(root: Path, problems: Problems) -> Overleg:
    """The committee; `schema.fill` copies `overleg:`, `leden:` and `verzending:`, and
    the standing agenda is numbered like any agenda (its items name no attachments)."""
    record = read_document(root / "stukken.yaml", "stukken", problems, root)
    if record is None or not record.get("overleg"):
        return Overleg(naam="", afkorting="")
    lakken = []
    for lak in record.mapping_of("woo").records("lakken"):
        grond = lak.text("grond")
        lakken.append((lak.get("tekst"), grond))
        if grond and (problem := ground_problem(grond)):
            problems.warn(lak.loc_of("grond"), problem)  # still redacted, legend says less
    check_tijdzone(record.mapping_of("overleg"), problems)
    vaste_agenda = punten(record.records("vaste_agenda"), {}, problems)
    return fill(Overleg, record, lakken=lakken, vaste_agenda=vaste_agenda)


def check_tijdzone(overleg: Record, problems: Problems) -> None:
    """`overleg.tijdzone` must be a zone the calendar files can be written in."""
    naam = overleg.text("tijdzone")
    if naam is None:
        return
    try:
        ZoneInfo(naam)
    except (ZoneInfoNotFoundError, ValueError):
        hint = did_you_mean(naam, sorted(available_timezones()))
        problems.error(overleg.loc_of("tijdzone"), f"onbekende tijdzone '{naam}'{hint}")
