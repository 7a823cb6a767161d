"""`stukken check`: validate the workspace (or one meeting) and summarise it in one line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..exceptions import Problem
from ..model import Workspace
from ..workspace import load_workspace, select_meeting


@dataclass
class CheckResult:
    workspace: Workspace
    warnings: list[Problem]
    meeting: str | None

    def summary(self) -> str:
        vergaderingen = self.workspace.vergaderingen
        if self.meeting:
            vergaderingen = [v for v in vergaderingen if v.naam == self.meeting]
        punten = sum(len(v.alle_punten()) for v in vergaderingen)
        bijlagen = sum(len(v.bijlagen) for v in vergaderingen)
        verslagen = sum(1 for v in vergaderingen if v.verslag)
        annotaties = sum(len(v.annotaties) for v in vergaderingen)
        wat = (
            f"vergadering {self.meeting}"
            if self.meeting
            else f"{len(vergaderingen)} {'vergadering' if len(vergaderingen) == 1 else 'vergaderingen'}"
        )
        return (
            f"In orde: {wat}, {punten} agendapunten, {bijlagen} bijlagen, "
            f"{verslagen} {'verslag' if verslagen == 1 else 'verslagen'}, "
            f"{annotaties} {'annotatie' if annotaties == 1 else 'annotaties'}"
            + (f", {len(self.warnings)} waarschuwingen." if self.warnings else ".")
        )


def check(root: Path, datum: str | None = None) -> CheckResult:
    meeting = select_meeting(root, datum) if datum else None
    workspace, warnings = load_workspace(root, tot=meeting)
    return CheckResult(workspace, warnings, meeting)
