"""The public edition under the Woo (Wet open overheid).

Redaction happens in the model, before anything is rendered: every string of
`woo.lakken` and every e-mail address is replaced by a marker that the templates turn
into a black box carrying its ground ("5.1.2e"). The redacted text therefore never
reaches a PDF's text layer or metadata; a black rectangle drawn over text would.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from datetime import date
from pathlib import Path

from .model import Vergadering, Workspace

OPEN, CLOSE = "\ue000", "\ue001"  # private-use characters survive Markdown and escaping
MARKER = re.compile(f"{OPEN}([^{CLOSE}]*){CLOSE}")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
EMAIL_GROUND = "5.1.2e"

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
    "5.2": "Persoonlijke beleidsopvattingen in intern beraad",
}


def article(ground: str) -> str:
    """'5.1.2e' -> 'Art. 5.1 lid 2 sub e'; '5.2' -> 'Art. 5.2'."""
    match = re.fullmatch(r"(\d+\.\d+)\.(\d+)([a-z]?)", ground)
    if not match:
        return f"Art. {ground}"
    text = f"Art. {match[1]} lid {match[2]}"
    return f"{text} sub {match[3]}" if match[3] else text


class Lakker:
    """Replaces the strings to redact by markers that carry their ground."""

    def __init__(self, lakken: list[tuple[str, str]]):
        self.grounds = {text.lower(): ground for text, ground in lakken if text}
        words = sorted(self.grounds, key=len, reverse=True)  # longest first: full names win
        self.pattern = re.compile("|".join(re.escape(w) for w in words), re.I) if words else None

    def text(self, value: str) -> str:
        if self.pattern is not None:
            value = self.pattern.sub(lambda m: mark(self.grounds[m[0].lower()]), value)
        return EMAIL.sub(lambda m: mark(EMAIL_GROUND), value)

    def walk(self, obj, seen: set[int] | None = None):
        """Redact every string inside dataclasses, lists and dicts, in place."""
        seen = set() if seen is None else seen
        if id(obj) in seen:
            return obj
        seen.add(id(obj))
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            for field in dataclasses.fields(obj):
                setattr(obj, field.name, self._value(getattr(obj, field.name), seen))
        elif isinstance(obj, list):
            obj[:] = [self._value(v, seen) for v in obj]
        elif isinstance(obj, dict):
            for key in list(obj):
                obj[key] = self._value(obj[key], seen)
        return obj

    def _value(self, value, seen):
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, (Path, date, int, float, bool)) or value is None:
            return value
        if isinstance(value, tuple):
            return tuple(self._value(v, seen) for v in value)
        return self.walk(value, seen)


def mark(ground: str) -> str:
    return f"{OPEN}{ground}{CLOSE}"


def boxes_in_html(html: str) -> str:
    """Markers become black boxes that show only their ground."""
    return MARKER.sub(lambda m: f'<span class="gelakt">{m[1]}</span>', html)


def boxes_in_text(text: str) -> str:
    """Markers in plain text (Markdown lists, DOCX) become '[5.1.2e]'."""
    return MARKER.sub(lambda m: f"[{m[1]}]", text)


def public_workspace(workspace: Workspace) -> tuple[Workspace, Lakker]:
    """A redacted copy: non-public items and attachments left out, no annotations."""
    public = copy.deepcopy(workspace)
    for vergadering in public.vergaderingen:
        _leave_out_private(vergadering)
    lakker = Lakker(public.overleg.lakken)
    lakker.walk(public)
    return public, lakker


def _leave_out_private(vergadering: Vergadering) -> None:
    vergadering.annotaties = {}
    vergadering.punten = [p for p in vergadering.punten if p.openbaar]
    for punt in vergadering.punten:
        punt.onderdelen = [o for o in punt.onderdelen if o.openbaar]
    kept = {p.id for p in vergadering.alle_punten()}
    used = {id(b) for p in vergadering.alle_punten() for b in p.bijlagen}
    vergadering.bijlagen = [b for b in vergadering.bijlagen if b.openbaar and id(b) in used]
    public_ids = {id(b) for b in vergadering.bijlagen}
    for punt in vergadering.alle_punten():
        punt.bijlagen = [b for b in punt.bijlagen if id(b) in public_ids]
    for bijlage in vergadering.bijlagen:
        if bijlage.openbaar_bestand is not None:
            bijlage.bestand = bijlage.openbaar_bestand
    if vergadering.verslag is not None:
        vergadering.verslag.punten = {
            key: punt for key, punt in vergadering.verslag.punten.items() if key in kept
        }


def legend_rows(pages_by_ground: dict[str, list[int]]) -> list[dict]:
    return [
        {
            "wet": "Wet open overheid",
            "artikel": article(ground),
            "beschrijving": GROUNDS.get(ground, ""),
            "paginas": " ".join(str(p) for p in pages),
        }
        for ground, pages in sorted(pages_by_ground.items())
    ]


def pages_with_grounds(pdf: bytes, grounds: list[str]) -> dict[str, list[int]]:
    """Which pages show a box for each ground (the box text is the ground itself)."""
    import io

    from pypdf import PdfReader

    found: dict[str, list[int]] = {}
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):
        text = page.extract_text() or ""
        for ground in grounds:
            if ground in text:
                found.setdefault(ground, []).append(number)
    return found
