"""The shared pieces of the `stukken` command line: its Dutch command classes, the
options several commands take, and how warnings are shown."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from . import cli_nl
from .exceptions import Problem

cli_nl.install()  # before any command is declared, so that its help is Dutch too
DutchCommand, DutchGroup = cli_nl.command_classes()

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


F = TypeVar("F", bound=Callable[..., Any])


def werkmap_option(f: F) -> F:
    """The `-w/--werkmap` option that every command shares."""
    return click.option(
        "-w",
        "--werkmap",
        type=click.Path(file_okay=False, path_type=Path),
        default=".",
        help="Map met stukken.yaml (standaard: de huidige map of een map daarboven).",
    )(f)


def show_warnings(warnings: list[Problem]) -> None:
    """Print the warnings of a run to standard error, one a line."""
    for warning in warnings:
        click.echo(str(warning), err=True)


def uitvoer_option(help_text: str) -> Callable[[F], F]:
    """The `-o/--uitvoer MAP` option: where a command writes, instead of its default."""
    return click.option(
        "--uitvoer",
        "-o",
        type=click.Path(file_okay=False, path_type=Path),
        help=help_text,
    )


def annotaties_option(help_text: str) -> Callable[[F], F]:
    """The `--annotaties PAD` option: an advisor's own folder of overlays."""
    return click.option(
        "--annotaties",
        metavar="PAD",
        type=click.Path(path_type=Path),
        help=help_text,
    )
