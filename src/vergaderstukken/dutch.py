"""Dutch dates and times as secretariats write them ("woensdag 24 januari 2024", "15.45 uur")."""

from __future__ import annotations

from datetime import date

DAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def datum_lang(day: date) -> str:
    """'woensdag 24 januari 2024'."""
    return f"{DAGEN[day.weekday()]} {datum_kort(day)}"


def datum_kort(day: date) -> str:
    """'24 januari 2024'."""
    return f"{day.day} {MAANDEN[day.month - 1]} {day.year}"


def datum_numeriek(day: date) -> str:
    """'24-01-2024', for narrow table columns."""
    return f"{day.day:02d}-{day.month:02d}-{day.year}"


def tijd(times: tuple[str, ...] | None) -> str:
    """('15:45', '17:15') -> '15.45 - 17.15 uur'; ('15:45',) -> '15.45 uur'."""
    if not times:
        return ""
    return " - ".join(f"{int(t[:2])}.{t[3:]}" for t in times) + " uur"


def termijn(value: date | str | None) -> str:
    """A deadline as written: a date in full ('24 januari 2024'), free text as it is."""
    if value is None:
        return ""
    return datum_kort(value) if isinstance(value, date) else str(value)


# Committee names whose last word is a neuter noun take "het": "het Regionaal Overleg".
HET_WOORDEN = {"overleg", "platform", "bestuur", "college", "comité", "beraad", "netwerk", "forum"}


def met_lidwoord(naam: str) -> str:
    """'de Twentse Regietafel Asielinstroom', 'het Regionaal Overleg Water'."""
    words = naam.split()
    neuter = any(word.lower().strip(".,") in HET_WOORDEN for word in words[:3])
    return f"{'het' if neuter else 'de'} {naam}" if naam else naam
