"""The `stukken` command line: options in, one core call, exit code out."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__, cli_delen
from .cli_opties import (
    CONTEXT,
    DutchGroup,
    annotaties_option,
    show_warnings,
    uitvoer_option,
    werkmap_option,
)
from .exceptions import display_path
from .load.mappen import find_root


@click.group(cls=DutchGroup, context_settings=CONTEXT)
@click.version_option(__version__, "--versie", "-V", message="stukken %(version)s")
def cli() -> None:
    """Vergaderstukken: agenda, verslag, actielijst en vergaderpakket uit YAML-bestanden.

    Werk in de map met stukken.yaml. Een vergadering heet naar haar map in meetings/,
    een datum als 2024-01-24.
    """


@cli.command(context_settings=CONTEXT)
@click.argument("datum", required=False)
@annotaties_option(
    "Controleer ook de annotaties in uw eigen map PAD (PAD/DATUM/NAAM.yaml, of "
    "PAD/NAAM.yaml voor één vergadering), naast die in annotaties/."
)
@werkmap_option
def check(datum: str | None, annotaties: Path | None, werkmap: Path) -> None:
    """Controleer de werkmap, of alleen vergadering DATUM (en wat eraan voorafgaat).

    Een annotatie die een agendapunt noemt dat niet (meer) op de agenda staat, of een
    agendapunt mist dat erbij kwam, geeft een waarschuwing; de geannoteerde agenda wordt
    pas gemaakt als elke sleutel weer een agendapunt noemt.
    """
    from .commands.check import check as run_check

    result = run_check(find_root(werkmap), datum, annotaties, cache=True)
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
@annotaties_option(
    "Maak alleen de geannoteerde agenda's van de annotaties in uw eigen map PAD "
    "(PAD/DATUM/NAAM.yaml, of PAD/NAAM.yaml voor één vergadering), in PAD/output/DATUM/ "
    "(of --uitvoer). In de werkmap wordt niets geschreven; die mag alleen-lezen zijn."
)
@uitvoer_option(
    "Map voor de uitvoer (standaard: output/ in de werkmap; met --annotaties: PAD/output/)."
)
@click.option(
    "--opnieuw",
    is_flag=True,
    help="Maak alles opnieuw, ook wat sinds de vorige keer niet veranderd is (zonder "
    "stukken uit de bouwcache in output/.cache/ over te nemen).",
)
@werkmap_option
def build(
    datum: str | None,
    annotatie: str | None,
    openbaar: bool,
    archief: bool,
    annotaties: Path | None,
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
        annotaties=annotaties,
        cache=True,
        opnieuw=opnieuw,
    )
    show_warnings(result.warnings)
    click.echo(f"{len(result.files)} bestanden geschreven naar {display_path(result.folder)}/:")
    for name in result.files:
        click.echo(f"  {name}")


@cli.command(context_settings=CONTEXT)
@click.argument("datum", required=False)
@click.option(
    "--poort",
    "-p",
    metavar="POORT",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Poort van de webserver (0: een vrije poort).",
)
@click.option(
    "--adres",
    metavar="ADRES",
    default="127.0.0.1",
    show_default=True,
    help="Adres waarop de webserver luistert. Alleen een adres van deze computer "
    "(127.0.0.1, localhost) houdt de stukken voor anderen verborgen.",
)
@click.option(
    "--geen-pdf",
    is_flag=True,
    help="Maak geen PDF's op de achtergrond; alleen de HTML-voorvertoning.",
)
@uitvoer_option("Map voor de PDF's (standaard: output/ in de werkmap).")
@werkmap_option
def serve(
    datum: str | None,
    poort: int,
    adres: str,
    geen_pdf: bool,
    uitvoer: Path | None,
    werkmap: Path,
) -> None:
    """Toon de stukken van vergadering DATUM (standaard: de laatste) in de browser, bijgewerkt
    bij elke wijziging.

    Open het getoonde adres in uw browser. Zodra u een bestand van de werkmap opslaat,
    worden de stukken opnieuw opgemaakt en herlaadt de pagina vanzelf; een fout in een
    bestand staat dan op de pagina. De PDF's worden op de achtergrond gemaakt in de
    uitvoermap, net als met stukken build. Stoppen: Ctrl+C.
    """
    from .commands.serve import serve as run_serve

    run_serve(
        find_root(werkmap),
        datum,
        poort=poort,
        adres=adres,
        pdf=not geen_pdf,
        uitvoer=uitvoer,
        melden=lambda message: click.echo(message, err=True),
    )


@cli.command(context_settings=CONTEXT)
@click.argument("map_", metavar="[MAP]", type=click.Path(path_type=Path), default=".")
@click.option("--naam", metavar="TEKST", help="Naam van het overleg, voluit.")
@click.option("--afkorting", metavar="TEKST", help="Afkorting van het overleg, bijv. TRA.")
def init(map_: Path, naam: str | None, afkorting: str | None) -> None:
    """Begin een nieuwe werkmap in MAP (standaard: de huidige map).

    Schrijft stukken.yaml met voorbeelden en een vaste agenda, de map meetings/,
    .gitignore (output/ en site/), de schema's voor invulhulp in uw editor (schema/) en
    .pre-commit-config.yaml. Bestaande bestanden worden nooit overschreven.
    """
    from .commands.init import init as run_init

    result = run_init(map_, naam=naam, afkorting=afkorting)
    for path in result.files:
        click.echo(f"geschreven: {display_path(path)}")
    click.echo(
        "Vul stukken.yaml in (naam, afkorting, leden, vaste agenda) en maak dan de eerste "
        "agenda met: stukken nieuw JJJJ-MM-DD"
    )


@cli.command(context_settings=CONTEXT)
@click.argument("datum", required=False)
@werkmap_option
def nieuw(datum: str | None, werkmap: Path) -> None:
    """Maak de agenda van een nieuwe vergadering: meetings/DATUM/agenda.yaml.

    De agenda begint met de vaste_agenda uit stukken.yaml. Datum, tijd en locatie komen
    uit 'volgende:' van de vorige vergadering (zonder DATUM geldt die datum), het
    nummer is één hoger en 'vaststelling: vorige' wordt de datum van de vorige
    vergadering. Een bestaande agenda wordt nooit overschreven.
    """
    from .commands.nieuw import nieuw as run_nieuw

    result = run_nieuw(find_root(werkmap), datum)
    show_warnings(result.notes)
    click.echo(f"geschreven: {display_path(result.path)}")
    click.echo(
        f"Vul de agenda aan, controleer met 'stukken check {result.naam}' en maak de "
        f"stukken met 'stukken build {result.naam}'."
    )


@cli.command(context_settings=CONTEXT)
@click.argument("datum")
@click.argument("naam")
@annotaties_option(
    "Schrijf het bestand in uw eigen map: PAD/DATUM/NAAM.yaml (standaard: "
    "meetings/DATUM/annotaties/NAAM.yaml in de werkmap)."
)
@werkmap_option
def annotatie(datum: str, naam: str, annotaties: Path | None, werkmap: Path) -> None:
    """Begin een annotatie NAAM bij vergadering DATUM: een bestand met elk agendapunt.

    Elk agendapunt en onderdeel staat erin als sleutel, met de titel, het doel en de
    vragen als commentaar erboven, en elke openstaande actie als regel met '#' ervoor.
    Schrijf uw advies onder de punten; laat een punt leeg als u er niets over zegt.
    Een bestaand bestand wordt nooit overschreven.
    """
    from .commands.annotatie import annotatie as run_annotatie

    path = run_annotatie(find_root(werkmap), datum, naam, annotaties)
    click.echo(f"geschreven: {display_path(path)}")


@cli.command(context_settings=CONTEXT)
@click.argument("datum")
@werkmap_option
def verslag(datum: str, werkmap: Path) -> None:
    """Maak het begin van het verslag van vergadering DATUM: meetings/DATUM/verslag.yaml.

    Met status concept, de leden uit stukken.yaml als aanwezigen, per agendapunt en
    subpunt een plek voor tekst en B/K/A-regels, en onder 'acties:' elke actie en
    toezegging die bij de vergadering openstond, met haar huidige status. Een bestaand
    verslag wordt nooit overschreven.
    """
    from .commands.verslag import verslag as run_verslag

    result = run_verslag(find_root(werkmap), datum)
    show_warnings(result.warnings)
    click.echo(f"geschreven: {display_path(result.path)}")
    naam = result.vergadering.naam
    click.echo(
        f"Vul het verslag in, controleer met 'stukken check {naam}' en maak het met "
        f"'stukken build {naam}'."
    )


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
@click.option(
    "--ics",
    metavar="BESTAND",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Schrijf de acties ook als taken (VTODO) naar kalenderbestand BESTAND, met de "
    "termijn als einddatum; met --alle staan afgeronde acties erin als voltooid.",
)
@werkmap_option
def acties(wie: str | None, per: str | None, alle: bool, ics: Path | None, werkmap: Path) -> None:
    """Toon de openstaande acties en toezeggingen als tabel.

    Een actie staat open tot een later verslag haar onder 'acties:' afrondt of laat
    vervallen. Een open actie met een termijn vóór de peildatum is VERLOPEN.
    """
    from .commands.acties import acties as run_acties
    from .commands.acties import schrijf_ics, tabel

    overzicht = run_acties(find_root(werkmap), wie=wie, per=per, alle=alle)
    show_warnings(overzicht.warnings)
    if ics is not None:
        schrijf_ics(overzicht, ics)
        click.echo(f"{len(overzicht.acties)} taken geschreven naar {display_path(ics)}")
        return
    click.echo(overzicht.kop())
    if overzicht.acties:
        click.echo(tabel(overzicht))
    else:
        click.echo(overzicht.leeg())


for command in (cli_delen.uitnodiging, cli_delen.diff, cli_delen.publiceer):
    cli.add_command(command)


def main() -> None:  # pragma: no cover
    """Entry point of `stukken` and `python -m vergaderstukken`.

    Once the command is done and its output flushed, the process ends at once: tearing
    down a loaded workspace object by object (a long history is a million of them) cost a
    build a fifth of a second, and everything the command wrote is complete and closed.
    """
    try:
        cli(prog_name="stukken")
        code: object = 0
    except SystemExit as done:
        code = done.code
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or 0)


if __name__ == "__main__":  # pragma: no cover
    main()
