"""The commands that send or show the work outside the workspace: `stukken uitnodiging`
(the invitation, by mail), `stukken diff` (decisions and actions between git revisions)
and `stukken publiceer` (the public website). Options in, one core call, exit code out,
as in __main__.py, which adds them to the command group."""

from __future__ import annotations

from pathlib import Path

import click

from .cli_opties import CONTEXT, DutchCommand, show_warnings, uitvoer_option, werkmap_option
from .exceptions import display_path
from .load.mappen import find_root


@click.command(cls=DutchCommand, context_settings=CONTEXT)
@click.argument("datum", required=False)
@click.option(
    "--verstuur",
    is_flag=True,
    help="Verstuur de uitnodiging ook via verzending.smtp (wachtwoord uit "
    "STUKKEN_SMTP_WACHTWOORD), na het tonen van de ontvangers.",
)
@click.option("--ja", is_flag=True, help="Vraag bij --verstuur niet om bevestiging.")
@click.option(
    "--opnieuw",
    is_flag=True,
    help="Verstuur ook als precies deze uitnodiging al eerder is verzonden.",
)
@uitvoer_option("Map met de uitvoer (standaard: output/ in de werkmap).")
@werkmap_option
def uitnodiging(
    datum: str | None,
    verstuur: bool,
    ja: bool,
    opnieuw: bool,
    uitvoer: Path | None,
    werkmap: Path,
) -> None:
    """Maak de uitnodiging van vergadering DATUM: output/DATUM/uitnodiging.eml.

    Een e-mail van verzending.van aan de leden met een e-mailadres (of verzending.aan),
    met de agenda in de tekst en het vergaderpakket en vergadering.ics als bijlage. Een
    pakket groter dan verzending.max_mb gaat niet mee; de e-mail meldt dat het apart
    volgt. Maak eerst de stukken met stukken build DATUM.
    """
    from .commands import uitnodiging as run
    from .exceptions import StukkenError

    voorbereid = run.voorbereiden(find_root(werkmap), datum, uitvoer)
    show_warnings(voorbereid.warnings)
    smtp = run.controleer(voorbereid, opnieuw) if verstuur else None
    if not verstuur and (stale := run.verouderd_tekst(voorbereid)):
        click.echo(f"waarschuwing: {stale}", err=True)
    run.schrijf(voorbereid)
    made = voorbereid.uitnodiging
    click.echo(f"geschreven: {display_path(voorbereid.bestand)}")
    if made.pakket_apart:
        click.echo("Het vergaderpakket is groter dan verzending.max_mb en gaat niet mee.")
    if smtp is None:
        return
    click.echo(f"Onderwerp: {made.bericht['Subject']}")
    click.echo(f"Ontvangers ({len(made.ontvangers)}):")
    for adres in [*made.aan, *(f"{a} (cc)" for a in made.cc)]:
        click.echo(f"  {adres}")
    if not ja:
        try:
            akkoord = click.confirm("Versturen?", default=False)
        except click.Abort:
            akkoord = False
        if not akkoord:
            raise StukkenError("niets verzonden")
    resultaat = run.versturen(voorbereid, smtp)
    click.echo(f"Verzonden aan {len(resultaat.verzonden)} ontvangers via {smtp.host}.")


@click.command(cls=DutchCommand, context_settings=CONTEXT)
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


@click.command(cls=DutchCommand, context_settings=CONTEXT)
@uitvoer_option("Map voor de website (standaard: site/ in de werkmap).")
@click.option(
    "--basis-url",
    metavar="URL",
    help="Het adres waar de site komt te staan (https://...); alleen sitemap.xml, de "
    "nieuwsfeed en de Woo-metadata gebruiken het, de pagina's linken relatief.",
)
@werkmap_option
def publiceer(uitvoer: Path | None, basis_url: str | None, werkmap: Path) -> None:
    """Maak de openbare website: elke vergadering in haar openbare versie (Woo).

    Per vergadering een toegankelijke pagina met agenda, besluiten, acties en verslag, de
    openbare PDF's ernaast, de gegevens als JSON en Woo-metadata; daarbij een overzicht
    van alle vergaderingen, besluiten en openstaande acties, een nieuwsfeed, een sitemap
    en een zoekfunctie. Alles statische bestanden: zet de map op een willekeurige
    webserver. Alleen vergaderingen waarvan de bronnen veranderden, worden opnieuw
    gemaakt.
    """
    from .commands.publiceer import publiceer as run_publiceer

    result = run_publiceer(find_root(werkmap), uitvoer, basis_url)
    show_warnings(result.warnings)
    opnieuw = f"{len(result.opnieuw)} opnieuw gemaakt" if result.opnieuw else "geen opnieuw gemaakt"
    click.echo(
        f"Website geschreven naar {display_path(result.folder)}/: "
        f"{len(result.vergaderingen)} vergaderingen ({opnieuw}), {result.bestanden} bestanden."
    )
