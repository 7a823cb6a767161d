"""The decision list and the action list of a meeting, as data (no layout).

The PDF/DOCX action-and-decision list, the Markdown lists, `stukken acties` and
`stukken diff` all read their rows from here, so they always agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

from . import dutch
from .actions import Actielijst, ActieStand, actielijst
from .markdown import render_inline
from .model import Persoon, Regel, Vergadering, Werkmap, sort_key

TAG = re.compile(r"<[^>]+>")
LIST_ITEM = re.compile(r"^([-*+]|\d+[.)])\s")


def besluiten(vergadering: Vergadering) -> list[Regel]:
    """Besluiten and afspraken of a meeting, numbered 1, 2, 3 in minutes order."""
    if vergadering.verslag is None:
        return []
    return [regel for regel in vergadering.verslag.regels() if regel.is_besluit]


@dataclass
class Lijsten:
    """Everything the action-and-decision list of one meeting shows."""

    vergadering: Vergadering
    besluiten: list[Regel]
    acties: Actielijst

    @property
    def chronologisch(self) -> list[ActieStand]:
        """Every action on the list, oldest meeting first, then in minutes order."""
        return sorted(self.acties.alle, key=minutes_order)


def minutes_order(stand: ActieStand) -> tuple:
    regels = stand.vergadering.verslag.regels() if stand.vergadering.verslag else []
    position = next((i for i, r in enumerate(regels) if r is stand.regel), 0)
    return (*sort_key(stand.vergadering), position)


def lijsten(werkmap: Werkmap, vergadering: Vergadering) -> Lijsten:
    return Lijsten(vergadering, besluiten(vergadering), actielijst(werkmap, vergadering))


def persoon_tekst(persoon: Persoon) -> str:
    """'Hengelo (dhr. Eshuis, gemeentesecretaris)', 'Haaksbergen (m.k.)', as the seeds write it."""
    details = [d for d in (persoon.naam, persoon.functie, persoon.rol) if d]
    if persoon.kennisgeving:
        details.append("m.k.")
    if not persoon.organisatie:
        return ", ".join(details)
    return f"{persoon.organisatie} ({', '.join(details)})" if details else persoon.organisatie


def platte_tekst(text: str | None) -> str:
    """A Markdown field as one line of plain text (terminal tables, diffs)."""
    if not text:
        return ""
    lines = [str(render_inline(line.strip())) for line in str(text).splitlines() if line.strip()]
    return " ".join(unescape(TAG.sub("", line)) for line in lines)


def tabelcel(text: object) -> str:
    """Text for one cell of a Markdown table: one line, '|' escaped.

    A blank line (new paragraph) and a list item become '<br>'; any other line break a
    space, as Markdown itself would render it.
    """
    if text is None:
        return ""
    if not isinstance(text, str):
        text = dutch.termijn(text) if hasattr(text, "isoformat") else str(text)
    parts: list[str] = []
    breaking = False
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            breaking = bool(parts)
            continue
        if parts:
            parts.append("<br>" if breaking or LIST_ITEM.match(line) else " ")
        parts.append(line.replace("\\|", "|").replace("|", "\\|"))
        breaking = False
    return "".join(parts)


def termijn_tekst(stand: ActieStand) -> str:
    """'15 februari 2024', with '(verlopen)' when an open action is past its deadline."""
    text = dutch.termijn(stand.termijn)
    return f"{text} (verlopen)" if stand.te_laat else text
