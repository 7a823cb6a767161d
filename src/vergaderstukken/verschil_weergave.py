"""`stukken diff` shown: as text for a reviewer, one line per meeting (--stat), or JSON.

Text lines carry ANSI colour (removed red, new green, changed words highlighted);
click.echo strips it when the output is not a terminal, so files and pipes get plain text.
"""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher
from typing import Any

import click

from .verschil import Veld, VergaderingVerschil, Wijziging

WIDTH = 96
GROEPEN = (  # (kinds of entry, singular, plural) in the order the summaries name them
    (("besluit", "afspraak"), "besluit", "besluiten"),
    (("actie", "toezegging"), "actie", "acties"),
    (("bijlage",), "bijlagebestand", "bijlagebestanden"),
)
KLEUR = {"nieuw": "green", "verwijderd": "red"}


def kop(verschil: VergaderingVerschil) -> str:
    """The meeting's heading: 'Vergadering 2024-01-24 (hernoemd, was ...)'."""
    if verschil.toestand == "hernoemd":
        return f"Vergadering {verschil.naam} (hernoemd, was {verschil.was})"
    if verschil.toestand:
        return f"Vergadering {verschil.naam} ({verschil.toestand})"
    return f"Vergadering {verschil.naam}"


def waarschuwingen(verschil: VergaderingVerschil) -> list[str]:
    """What the reviewer must not miss: adopted minutes changed, a side not compared."""
    lines: list[str] = []
    if verschil.vastgesteld_gewijzigd:
        lines.append(
            f"LET OP: het verslag is vastgesteld op {verschil.vastgesteld_gewijzigd} en "
            "is daarna toch gewijzigd; een vastgesteld verslag hoort niet meer te veranderen"
        )
    for rev in verschil.niet_vergeleken:
        lines.append(f"niet vergeleken: de vergadering bevat fouten in {rev}")
    return lines


def tekst_regels(
    vergaderingen: list[VergaderingVerschil], titel: str, width: int = WIDTH
) -> list[str]:
    """The report a reviewer reads, per meeting, with a summary at the end."""
    if not vergaderingen:
        return [titel, "Geen verschillen in besluiten en acties."]
    lines = [titel]
    for verschil in vergaderingen:
        lines += ["", click.style(kop(verschil), bold=True)]
        lines += [click.style(f"  {w}", fg="red", bold=True) for w in waarschuwingen(verschil)]
        for change in verschil.wijzigingen:
            lines += _show(change, width)
        if verschil.verschoven:
            lines.append(f"  {nummering(verschil.verschoven)}")
    lines += ["", samenvatting(vergaderingen)]
    return lines


def nummering(verschoven: list[tuple[int, int]]) -> str:
    """'nummering verschoven (3 -> 4, 4 -> 5)', the first three when there are more than four."""
    shown = [f"{old} -> {new}" for old, new in verschoven]
    if len(shown) > 4:
        shown = [*shown[:3], "…"]
    return f"nummering verschoven ({', '.join(shown)})".replace(", …", " …")


def tellingen(vergaderingen: list[VergaderingVerschil]) -> list[str]:
    """'2 besluiten (1 gewijzigd, 1 nieuw)', '1 actie (1 gewijzigd)', ..."""
    changes = [c for v in vergaderingen for c in v.wijzigingen]
    parts = []
    for kinds, singular, plural in GROEPEN:
        group = [c for c in changes if c.wat in kinds]
        if group:
            by_kind = Counter(c.soort for c in group)
            detail = ", ".join(f"{n} {kind}" for kind, n in sorted(by_kind.items()))
            parts.append(f"{len(group)} {singular if len(group) == 1 else plural} ({detail})")
    return parts


def samenvatting(vergaderingen: list[VergaderingVerschil]) -> str:
    """The closing line: how many meetings differ, and in what."""
    count = len(vergaderingen)
    noun = "vergadering" if count == 1 else "vergaderingen"
    parts = tellingen(vergaderingen)
    return f"Verschillen in {count} {noun}" + (": " + "; ".join(parts) if parts else "") + "."


def stat_regels(vergaderingen: list[VergaderingVerschil], titel: str) -> list[str]:
    """One line per meeting: what kind of differences, how many."""
    if not vergaderingen:
        return [titel, "Geen verschillen in besluiten en acties."]
    width = max(len(v.naam) for v in vergaderingen)
    lines = [titel]
    for verschil in vergaderingen:
        parts = tellingen([verschil])
        if verschil.toestand == "hernoemd":
            parts.insert(0, f"hernoemd (was {verschil.was})")
        elif verschil.toestand:
            parts.insert(0, verschil.toestand)
        if verschil.verschoven:
            parts.append("nummering verschoven")
        if verschil.vastgesteld_gewijzigd:
            parts.append("LET OP: vastgesteld verslag gewijzigd")
        parts += [f"niet vergeleken ({rev})" for rev in verschil.niet_vergeleken]
        lines.append(f"{verschil.naam.ljust(width)}  {', '.join(parts)}")
    lines.append(samenvatting(vergaderingen))
    return lines


def json_data(
    vergaderingen: list[VergaderingVerschil], oud: str, nieuw: str, fouten: list[str]
) -> dict[str, Any]:
    """The differences as `stukken diff --json` writes them, with the revisions' problems."""
    return {
        "oud": oud,
        "nieuw": nieuw,
        "vergaderingen": [
            {
                "naam": v.naam,
                "toestand": v.toestand or "gewijzigd",
                "was": v.was,
                "vastgesteld_gewijzigd": bool(v.vastgesteld_gewijzigd),
                "niet_vergeleken": v.niet_vergeleken,
                "nummering": [list(pair) for pair in v.verschoven],
                "wijzigingen": [c.json() for c in v.wijzigingen],
            }
            for v in vergaderingen
        ],
        "fouten": fouten,
    }


def _show(change: Wijziging, width: int) -> list[str]:
    if change.soort == "verplaatst":
        (veld,) = change.velden
        head = f"  {change.naam}: verplaatst van punt {veld.oud}"
        return [head, *_wrapped("      ", [(change.tekst, None)], width)]
    lines = [f"  {change.naam}: {change.soort}"]
    if change.soort == "gewijzigd":
        for veld in change.velden:
            lines += _veld(veld, width)
    elif change.tekst:
        sign = "+ " if change.soort == "nieuw" else "- "
        style = {"fg": KLEUR[change.soort]}
        lines += _wrapped("      " + sign, [(change.tekst, None)], width, style)
    return lines


def _veld(veld: Veld, width: int) -> list[str]:
    if veld.kort:
        return [
            f"    {veld.naam}: {click.style(veld.oud, fg='red')} -> "
            f"{click.style(veld.nieuw, fg='green')}"
        ]
    old, new = woorden(veld.oud, veld.nieuw)
    return [
        f"    {veld.naam}:",
        *_wrapped("      oud:   ", old, width, {"fg": "red"}),
        *_wrapped("      nieuw: ", new, width, {"fg": "green"}),
    ]


def woorden(
    oud: str, nieuw: str
) -> tuple[list[tuple[str, str | None]], list[tuple[str, str | None]]]:
    """Both texts as words, those that differ marked, as `git diff --word-diff` would."""
    old_words, new_words = oud.split(), nieuw.split()
    old_marked: list[tuple[str, str | None]] = []
    new_marked: list[tuple[str, str | None]] = []
    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        mark = None if op == "equal" else "anders"
        old_marked += [(w, mark) for w in old_words[i1:i2]]
        new_marked += [(w, mark) for w in new_words[j1:j2]]
    return old_marked, new_marked


def _wrapped(
    prefix: str,
    words: list[tuple[str, str | None]],
    width: int,
    style: dict[str, Any] | None = None,
) -> list[str]:
    """Wrap words to `width` visible characters. Each word is coloured on its own: ANSI
    codes must not count as width, and a reset after a highlighted word must not end the
    colour of the rest of the line."""
    style = style or {}
    tokens = [(w, mark) for text, mark in words for w in (text.split() or ["(leeg)"])]
    lines: list[list[str]] = []
    current: list[str] = []
    used = len(prefix)
    for word, mark in tokens or [("(leeg)", None)]:
        if current and used + 1 + len(word) > width:
            lines.append(current)
            current, used = [], len(prefix)
        used += len(word) + (1 if current else 0)
        highlight = {"bold": True, "reverse": True} if mark else {}
        current.append(click.style(word, **style, **highlight) if style or mark else word)
    lines.append(current)
    indent = " " * len(prefix)
    first = click.style(prefix, **style) if style else prefix
    return [(first if i == 0 else indent) + " ".join(line) for i, line in enumerate(lines)]
