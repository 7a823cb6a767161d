"""The grounds of the Wet open overheid a redaction may name (`woo.lakken[].grond`).

The vocabulary of the format, like its other fixed words: loading warns about a ground
that is not one of these, and the public edition's legend describes each by its article.
"""

from __future__ import annotations

import re

from ..namen import did_you_mean

GROUNDS = {
    "5.1.1a": "De eenheid van de Kroon",
    "5.1.1b": "De veiligheid van de Staat",
    "5.1.1c": "Vertrouwelijk verstrekte bedrijfs- en fabricagegegevens",
    "5.1.1d": "Bijzondere persoonsgegevens",
    "5.1.1e": "Nationale identificatienummers",
    "5.1.2a": "De betrekkingen van Nederland met andere staten",
    "5.1.2b": "De economische of financiële belangen van de Staat",
    "5.1.2c": "De opsporing en vervolging van strafbare feiten",
    "5.1.2d": "Inspectie, controle en toezicht door bestuursorganen",
    "5.1.2e": "De eerbiediging van de persoonlijke levenssfeer",
    "5.1.2f": "Concurrentiegevoelige bedrijfs- en fabricagegegevens",
    "5.1.2g": "De bescherming van het milieu",
    "5.1.2h": "De beveiliging van personen en bedrijven",
    "5.1.2i": "Het goed functioneren van de Staat of andere overheden",
    "5.1.5": "Het voorkomen van onevenredige benadeling",
    "5.2": "Persoonlijke beleidsopvattingen in intern beraad",
}


def article(ground: str) -> str:
    """'5.1.2e' -> 'Art. 5.1 lid 2 sub e'; '5.2' -> 'Art. 5.2'."""
    match = re.fullmatch(r"(\d+\.\d+)\.(\d+)([a-z]?)", ground)
    if not match:
        return f"Art. {ground}"
    text = f"Art. {match[1]} lid {match[2]}"
    return f"{text} sub {match[3]}" if match[3] else text


def ground_problem(ground: str) -> str | None:
    """A Dutch warning when `ground` is not a known Woo ground, else None.

    Written-out forms ('Art. 5.1, lid 2, sub e', '5.1.2.E') are recognised for the hint.
    """
    if ground in GROUNDS:
        return None
    canonical = _canonical_ground(ground)
    hint = (
        f" (bedoelde u '{canonical}'?)" if canonical in GROUNDS else did_you_mean(ground, GROUNDS)
    )
    known = "" if hint else f" (bekende gronden: {', '.join(GROUNDS)})"
    return f"onbekende Woo-grond '{ground}'{hint}{known}; de legenda geeft er geen beschrijving bij"


def _canonical_ground(text: str) -> str:
    """'Art. 5.1 lid 2 sub e' -> '5.1.2e'; '' when the text does not read as an article."""
    words = re.sub(r"\b(?:artikel|art|lid|sub|onder|woo)\b", " ", text.lower())
    parts = re.findall(r"\d+|[a-z]+", words)
    numbers = [p for p in parts if p.isdigit()]
    letters = [p for p in parts if not p.isdigit()]
    if not numbers or len(letters) > 1 or (letters and parts[-1] != letters[0]):
        return ""
    return ".".join(numbers) + "".join(letters)
