"""Click's own words (usage, options, its error messages) in Dutch.

Click translates through gettext but ships no Dutch catalogue; our users read Dutch, so
the strings they can meet are translated here and put in place of Click's `_`.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

DUTCH = {
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Positional arguments": "Argumenten",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Show the version and exit.": "Toon de versie en stop.",
    "Error: {message}": "fout: {message}",
    "Try '{command} {option}' for help.": "Probeer '{command} {option}' voor hulp.",
    "No such command {name!r}.": "Onbekende opdracht {name!r}.",
    "No such option: {name}": "Onbekende optie: {name}",
    "No such option {name!r}.": "Onbekende optie {name!r}.",
    "Missing argument": "Argument ontbreekt",
    "Missing option": "Optie ontbreekt",
    "Missing parameter": "Parameter ontbreekt",
    "Missing command.": "Geef een opdracht.",
    "Missing {param_type}": "{param_type} ontbreekt",
    "Missing parameter: {param_name}": "Parameter ontbreekt: {param_name}",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Option {name!r} does not take a value.": "Optie {name!r} neemt geen waarde.",
    "Aborted!": "Afgebroken.",
    "default: {default}": "standaard: {default}",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map.",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig {number_type}.",
    "{value} is not in the range {range}.": "{value} ligt buiten het bereik {range}.",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
    "directory": "map",
    "file": "bestand",
    "path": "pad",
    "argument": "argument",
    "option": "optie",
    "parameter": "parameter",
    "integer": "geheel getal",
    "integer range": "geheel getal",
    "float": "getal",
    "float range": "getal",
}

# Click names its number types in messages by a class attribute it never translates
# ("'abc' is not a valid integer range"): they get their Dutch names at install.
NUMBER_TYPES = ("IntParamType", "IntRange", "FloatParamType", "FloatRange")

DUTCH_PLURAL = {
    "Did you mean {possibility}?": (
        "Bedoelde u {possibility}?",
        "(Bedoelde u een van: {possibilities}?)",
    ),
    "Got unexpected extra argument ({args})": (
        "Onverwacht extra argument ({args})",
        "Onverwachte extra argumenten ({args})",
    ),
    "Option {name!r} requires an argument.": (
        "Optie {name!r} vraagt om een waarde.",
        "Optie {name!r} vraagt om {nargs} waarden.",
    ),
}

CLICK_MODULES = ("core", "exceptions", "decorators", "formatting", "parser", "types", "termui")


def gettext(message: str) -> str:
    """Click's `_`: the Dutch text of `message`, or `message` itself when not translated."""
    return DUTCH.get(message, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Click's `ngettext`: the Dutch singular or plural for `count`."""
    if singular in DUTCH_PLURAL:
        return DUTCH_PLURAL[singular][0 if count == 1 else 1]
    return singular if count == 1 else plural


def install() -> None:
    """Put the Dutch `gettext`/`ngettext` in place of Click's, in every module that uses them."""
    for name in CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            vars(module)["_"] = gettext
        if hasattr(module, "ngettext"):
            vars(module)["ngettext"] = ngettext
    for type_name in NUMBER_TYPES:
        number_type = getattr(click.types, type_name)
        number_type.name = DUTCH.get(number_type.name, number_type.name)


class Command:
    """Mixin: Dutch placeholders in usage lines ('[OPTIES]')."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPTIES]")
        super().__init__(*args, **kwargs)


def command_classes() -> tuple[type[click.Command], type[click.Group]]:
    """The Click command and group classes with Dutch placeholders in their usage lines."""

    class DutchCommand(Command, click.Command):
        pass

    class DutchGroup(Command, click.Group):
        command_class = DutchCommand

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("subcommand_metavar", "OPDRACHT [ARGUMENTEN]...")
            super().__init__(*args, **kwargs)

    return DutchCommand, DutchGroup
