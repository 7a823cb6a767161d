"""`stukken diff --textconv FILE`: a workspace YAML file as the lines a reviewer reads.

git runs a textconv driver on both versions of a file and diffs what it prints
(`.gitattributes`: `*.yaml diff=stukken`; `git config diff.stukken.textconv
"stukken diff --textconv"`). git hands over a temporary copy of the file, so this reads
the file alone: no workspace, no validation. Every decision, action and attendee becomes
one line, so re-wrapping a block is no change and a changed decision is one changed
line. A file that is not YAML, or too big, is printed as it is: a driver that fails
would break `git diff` itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .safe_read import os_reason

MAX_BYTES = 2_000_000
MAX_LINES = 50_000  # aliases can multiply a small file; the reviewer is served by far less
BKA = ("besluit", "knelpunt", "actie", "afspraak", "toezegging")


def textconv(path: Path) -> str:
    """The text git should diff for `path`."""
    try:
        raw = path.read_bytes()[: MAX_BYTES + 1]
    except OSError as error:
        return f"(bestand niet te lezen: {os_reason(error)})\n"
    text = raw.decode("utf-8", errors="replace")
    if len(raw) > MAX_BYTES:
        return text
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return text
    if not isinstance(data, dict):
        return text
    lines = verslag_regels(data) if _is_verslag(data) else list(flatten(data))
    return "\n".join(lines[:MAX_LINES]) + "\n"


def _is_verslag(data: dict[Any, Any]) -> bool:
    return isinstance(data.get("punten"), dict) and "agenda" not in data


def one_line(value: object) -> str:
    """Any YAML value on one line: dates in ISO, lists with commas, whitespace collapsed."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(one_line(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {one_line(v)}" for k, v in value.items())
    return " ".join(str(value).split())


def persoon(value: object) -> str:
    """'Hengelo (dhr. Eshuis, gemeentesecretaris)', as the minutes show an attendee."""
    if not isinstance(value, dict):
        return one_line(value)
    details = [one_line(value[k]) for k in ("naam", "functie", "rol") if value.get(k)]
    if value.get("kennisgeving"):
        details.append("m.k.")
    name = one_line(value.get("organisatie"))
    return f"{name} ({', '.join(details)})" if details else name


def verslag_regels(data: dict[Any, Any]) -> list[str]:
    """verslag.yaml as lines: its keys, one line per attendee, per item its B/K/A entries."""
    lines = [f"status: {one_line(data.get('status'))}"]
    for key in data:
        if key in ("status", "punten", "acties", "aanwezig", "afwezig"):
            continue
        lines.append(f"{key}: {one_line(data[key])}")
    for key in ("aanwezig", "afwezig"):
        for entry in data.get(key) or []:
            lines.append(f"{key}: {persoon(entry)}")
    for punt, inhoud in (data.get("punten") or {}).items():
        lines += ["", f"punt {punt}"]
        inhoud = inhoud if isinstance(inhoud, dict) else {"tekst": inhoud}
        for key, value in inhoud.items():
            if key != "bka":
                lines.append(f"  {key}: {one_line(value)}")
        for regel in inhoud.get("bka") or []:
            lines += bka_regels(regel)
    acties = data.get("acties") or {}
    if isinstance(acties, dict) and acties:
        lines += ["", "acties bijgewerkt"]
        for actie_id, update in acties.items():
            lines.append(f"  {actie_id}: {one_line(update)}")
    return lines


def bka_regels(regel: object) -> list[str]:
    """One line per entry: 'besluit: …', an action with its id, wie and termijn."""
    if not isinstance(regel, dict):
        return [f"  {one_line(regel)}"]
    soort = next((k for k in BKA if k in regel), None)
    if soort is None:
        return [f"  {one_line(regel)}"]
    extra = [f"{key}: {one_line(regel[key])}" for key in ("id", "wie", "termijn") if regel.get(key)]
    line = f"  {soort}: {one_line(regel[soort])}"
    lines = [line + (f" [{'; '.join(extra)}]" if extra else "")]
    for key, value in regel.items():
        if key not in (soort, "id", "wie", "termijn"):
            lines.append(f"    {key}: {one_line(value)}")
    return lines


def flatten(value: object, path: str = "") -> Iterator[str]:
    """`agenda[beeld].titel: Actueel beeld`: list entries named by id, not position,
    so inserting an item changes one block, not every line after it."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from flatten(inner, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list) and any(isinstance(v, dict) for v in value):
        for n, inner in enumerate(value, 1):
            name = inner.get("id") or inner.get("titel") if isinstance(inner, dict) else None
            yield from flatten(inner, f"{path}[{one_line(name) if name else n}]")
    else:
        yield f"{path}: {one_line(value)}"
