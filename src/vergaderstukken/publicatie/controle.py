"""The read-back of the site: no file may show a string to redact or an e-mail address.

As the public edition reads back its PDFs (woo/editie.check_no_leaks), every HTML, JSON,
XML, script, stylesheet and search-index file is read back with `Lakker.found`: as
written, with HTML entities decoded (`Jorrit&nbsp;Eijbersen`), JSON strings as parsed,
and Pagefind's compressed files unpacked. PDFs are read back where they are made. One
finding stops the whole publication, naming every file.
"""

from __future__ import annotations

import contextlib
import html
import json

from ..exceptions import StukkenError
from ..woo import lakken as woo
from .zoeken import MAP as ZOEKMAP
from .zoeken import leesbare_tekst

TEKSTBESTANDEN = (".html", ".json", ".xml", ".js", ".css", ".txt")
FONTS = "assets/fonts/"


def teksten(name: str, data: bytes) -> list[str]:
    """The readings of one file that the check looks at."""
    if name.startswith(f"{ZOEKMAP}/") and not name.endswith(".js"):
        return [leesbare_tekst(data)]
    text = data.decode("utf-8", errors="replace")
    readings = [text, html.unescape(text)]
    if name.endswith(".json"):
        with contextlib.suppress(ValueError):
            readings.append("\n".join(_strings(json.loads(text))))
    return readings


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def te_controleren(name: str) -> bool:
    """Whether the read-back reads this file. The PDFs were read where they were made;
    the fonts (with their licence, which names the foundry's address) and Pagefind's
    WebAssembly are the program's own files, the same on every site, never made from
    the workspace."""
    if name.startswith(FONTS) or name.endswith(".pagefind"):
        return False
    return name.endswith(TEKSTBESTANDEN) or ".pf_" in name


def controleer(files: dict[str, bytes], lakker: woo.Lakker, map_naam: str) -> None:
    """Stop the publication when any text file still shows a string to redact."""
    findings = []
    for name in sorted(files):
        if not te_controleren(name):
            continue
        found: dict[str, None] = {}
        for text in teksten(name, files[name]):
            found.update(dict.fromkeys(lakker.found(text)))
        if found:
            hits = ", ".join(f"'{hit}'" for hit in list(found)[:3])
            more = f" en nog {len(found) - 3}" if len(found) > 3 else ""
            findings.append(f"{map_naam}/{name} bevat nog {hits}{more}")
    if findings:
        raise StukkenError(
            "de site is niet geschreven: "
            + "; ".join(findings)
            + ". Een tekst uit woo.lakken of een e-mailadres mag op de site niet "
            "voorkomen: haal hem uit het sjabloon (templates/site/) of schrijf hem in de "
            "werkmap zo dat het lakken hem herkent (zonder HTML-entiteiten)."
        )
