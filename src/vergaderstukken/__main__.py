"""The `stukken` command line: options in, one core call, exit code out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__, cli_nl
from .exceptions import Problem, display_path
from .load.werkmap import find_root

cli_nl.install()  # before the commands below are declared, so their help is Dutch too
_, DutchGroup = cli_nl.command_classes()

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


@click.group(cls=DutchGroup, context_settings=CONTEXT)
@click.version_option(__version__, "--versie", "-V", message="stukken %(version)s")
def cli() -> None:
    """Vergaderstukken: agenda, verslag, actielijst en vergaderpakket uit YAML-bestanden.

    Werk in de map met stukken.yaml. Een vergadering heet naar haar map in meetings/,
    een datum als 2024-01-24.
    """


@cli.command(context_settings=CONTEXT)
@click.argument("datum", required=False)
@werkmap_option
def check(datum: str | None, werkmap: Path) -> None:
    """Controleer de werkmap, of alleen vergadering DATUM (en wat eraan voorafgaat)."""
    from .commands.check import check as run_check

    result = run_check(find_root(werkmap), datum)
    show_warnings(result.warnings)
    click.echo(result.summary())


@cli.command(context_settings=CONTEXT)
@click.argument("datum", required=False)
@click.option(
    "--annotatie",
    "-a",
    metavar="NAAM",
    help="Maak alleen de geannoteerde agenda van annotaties/NAAM.yaml; de andere "
    "bestanden in de uitvoermap blijven staan.",
)
@click.option(
    "--openbaar",
    is_flag=True,
    help="Maak de openbare versie (Woo) in de submap openbaar/: alleen PDF's, "
    "zonder niet-openbare punten en bijlagen en zonder annotaties; namen uit "
    "woo.lakken en e-mailadressen zijn zwart gelakt met hun grond, met een "
    "legenda achteraan. De andere bestanden in de uitvoermap blijven staan.",
)
@click.option(
    "--archief",
    is_flag=True,
    help="Maak PDF/A-2b-versies van het vastgestelde verslag, de actie- en "
    "besluitenlijst en het vergaderpakket in de submap archief/. De andere bestanden in "
    "de uitvoermap blijven staan.",
)
@click.option(
    "--uitvoer",
    "-o",
    type=click.Path(file_okay=False, path_type=Path),
    help="Map voor de uitvoer (standaard: output/ in de werkmap).",
)
@click.option(
    "--opnieuw",
    is_flag=True,
    help="Maak alles opnieuw, ook wat sinds de vorige keer niet veranderd is (zonder "
    "de bouwcache in output/.cache/ te gebruiken).",
)
@werkmap_option
def build(
    datum: str | None,
    annotatie: str | None,
    openbaar: bool,
    archief: bool,
    uitvoer: Path | None,
    opnieuw: bool,
    werkmap: Path,
) -> None:
    """Maak de stukken van vergadering DATUM (standaard: de laatste vergadering)."""
    from .commands.build import build as run_build

    result = run_build(
        find_root(werkmap),
        datum,
        annotatie=annotatie,
        openbaar=openbaar,
        archief=archief,
        output=uitvoer,
        cache=True,
        opnieuw=opnieuw,
    )
    show_warnings(result.warnings)
    click.echo(f"{len(result.files)} bestanden geschreven naar {display_path(result.folder)}/:")
    for name in result.files:
        click.echo(f"  {name}")


@cli.command(context_settings=CONTEXT)
@click.argument(
    "map_", metavar="[MAP]", type=click.Path(file_okay=False, path_type=Path), required=False
)
@click.option(
    "--naslag",
    metavar="BESTAND",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Schrijf ook (of, zonder MAP, alleen) de beschrijving van alle sleutels naar "
    "BESTAND, als Markdown (zo ontstaat docs/format.md).",
)
def schema(map_: Path | None, naslag: Path | None) -> None:
    """Schrijf JSON Schema's van de bestanden naar MAP (standaard: schema/), voor invulhulp
    in uw editor."""
    from .schema import write_json_schemas
    from .schema.naslag import write_reference

    only_reference = map_ is None and naslag is not None
    written = [] if only_reference else write_json_schemas(map_ or Path("schema"))
    if naslag is not None:
        written.append(write_reference(naslag))
    for path in written:
        click.echo(f"geschreven: {display_path(path)}")


@cli.command(context_settings=CONTEXT)
@click.option(
    "--wie",
    metavar="TEKST",
    help="Alleen acties waarvan de verantwoordelijke TEKST bevat (hoofdletters maken niet uit).",
)
@click.option(
    "--per",
    metavar="DATUM",
    help="Stand na vergadering DATUM, of op een datum (JJJJ-MM-DD) tussen twee "
    "vergaderingen; standaard na de laatste vergadering.",
)
@click.option("--alle", is_flag=True, help="Ook afgeronde en vervallen acties tonen.")
@werkmap_option
def acties(wie: str | None, per: str | None, alle: bool, werkmap: Path) -> None:
    """Toon de openstaande acties en toezeggingen als tabel.

    Een actie staat open tot een later verslag haar onder 'acties:' afrondt of laat
    vervallen. Een open actie met een termijn vóór de peildatum is VERLOPEN.
    """
    from .commands.acties import acties as run_acties
    from .commands.acties import tabel

    overzicht = run_acties(find_root(werkmap), wie=wie, per=per, alle=alle)
    show_warnings(overzicht.warnings)
    click.echo(overzicht.kop())
    if overzicht.acties:
        click.echo(tabel(overzicht))
    else:
        click.echo(overzicht.leeg())


@cli.command(context_settings=CONTEXT)
@click.argument("rev", metavar="REV", required=False)
@click.argument("rev2", metavar="[REV2]", required=False)
@click.option(
    "--exit-code",
    "exit_code",
    is_flag=True,
    help="Eindig met code 1 als er verschillen zijn (zoals git diff --exit-code), om een "
    "merge tegen te houden.",
)
@click.option("--json", "as_json", is_flag=True, help="Geef de verschillen als JSON, voor scripts.")
@click.option("--stat", is_flag=True, help="Eén regel per vergadering: hoeveel er veranderde.")
@click.option(
    "--textconv",
    metavar="BESTAND",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Toon een YAML-bestand van de werkmap als leesbare regels (voor git diff; zie README).",
)
@werkmap_option
def diff(
    rev: str | None,
    rev2: str | None,
    exit_code: bool,
    as_json: bool,
    stat: bool,
    textconv: Path | None,
    werkmap: Path,
) -> None:
    """Vergelijk de besluiten en acties van revisie REV met de werkmap (of met REV2).

    REV en REV2 zijn git-revisies, zoals HEAD, HEAD~1, een commit of een tak. Getoond
    wordt per vergadering welke besluiten, afspraken, acties en bijlagen erbij zijn
    gekomen, zijn verwijderd of zijn gewijzigd (oude en nieuwe tekst), welke nummering
    verschoof, welke status of termijn veranderde, en of een vastgesteld verslag toch
    is gewijzigd. Er wordt niets uitgecheckt: werkmap en index blijven ongemoeid.
    """
    import json

    from .exceptions import StukkenError

    if textconv is not None:
        from .textconv import textconv as run_textconv

        if rev is not None:
            raise click.UsageError("--textconv neemt één bestand, geen revisies")
        click.echo(run_textconv(textconv), nl=False)
        return
    if rev is None:
        raise click.UsageError("geef een revisie, bijv. stukken diff HEAD")
    from .commands.diff import diff as run_diff

    result = run_diff(find_root(werkmap), rev, rev2)
    if as_json:
        click.echo(json.dumps(result.json(), ensure_ascii=False, indent=2))
    else:
        for line in result.stat() if stat else result.regels():
            click.echo(line)
    if result.fouten:
        raise StukkenError("\n".join(result.fouten))
    if exit_code and not result.leeg:
        raise SystemExit(1)


def main() -> None:  # pragma: no cover
    """Entry point of `python -m vergaderstukken`."""
    cli(prog_name="stukken")


if __name__ == "__main__":  # pragma: no cover
    main()
