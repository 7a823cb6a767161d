"""Build the Overleg from stukken.yaml: the committee, its members and its defaults."""

from __future__ import annotations

from pathlib import Path

from ..exceptions import Problems
from ..model import Overleg
from ..schema import fill, read_document
from ..woo.lakken import ground_problem
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
    vaste_agenda = punten(record.records("vaste_agenda"), {}, problems)
    return fill(Overleg, record, lakken=lakken, vaste_agenda=vaste_agenda)
