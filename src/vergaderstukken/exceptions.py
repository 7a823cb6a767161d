"""One exception family, so the CLI needs no try/except ladder.

Every error a user can cause is a `StukkenError`, which is a `click.ClickException`:
Click prints it and exits with code 1, never with a traceback.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import click


@dataclass(frozen=True, order=True)
class Loc:
    """Where something was written: a file and a 1-based line (0 when unknown)."""

    file: Path
    line: int = 0

    def __str__(self) -> str:
        shown = display_path(self.file)
        return f"{shown}:{self.line}" if self.line else shown


def display_path(path: Path) -> str:
    """A path as the user can click it: relative to the current directory when inside it."""
    try:
        return os.path.relpath(path) if not os.path.relpath(path).startswith("..") else str(path)
    except ValueError:  # another drive on Windows
        return str(path)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or worth a warning) in the workspace, and where it was written."""

    loc: Loc
    message: str

    def __str__(self) -> str:
        return f"{self.loc}: {self.message}"


class StukkenError(click.ClickException):
    """Base of every error shown to the user; exit code 1."""

    exit_code = 1

    def show(self, file: IO[Any] | None = None) -> None:
        """Print the error to standard error (Click calls this before exiting)."""
        click.echo(f"fout: {self.format_message()}", file=file, err=True)


class ValidationError(StukkenError):
    """All problems found in a workspace at once, each as `file:line: message`."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=_problem_order)
        super().__init__("\n".join(str(p) for p in self.problems))

    def show(self, file: IO[Any] | None = None) -> None:
        """Print every problem on its own line, then how many there were."""
        for problem in self.problems:
            click.echo(str(problem), file=file, err=True)
        count = len(self.problems)
        noun = "fout" if count == 1 else "fouten"
        click.echo(f"{count} {noun} gevonden; er is niets geschreven.", file=file, err=True)


def _problem_order(problem: Problem) -> tuple[str, int, str]:
    return (str(problem.loc.file), problem.loc.line, problem.message)


class Problems:
    """Collects problems while loading, so that every one is reported in one run."""

    def __init__(self) -> None:
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []

    def error(self, loc: Loc, message: str) -> None:
        """Record an error; loading goes on so that the next one is found too."""
        self.errors.append(Problem(loc, message))

    def warn(self, loc: Loc, message: str) -> None:
        """Record a warning; it is shown but does not stop the build."""
        self.warnings.append(Problem(loc, f"waarschuwing: {message}"))

    def raise_if_any(self) -> None:
        """Raise a `ValidationError` with every error recorded so far, if there is one."""
        if self.errors:
            raise ValidationError(self.errors)
