"""The PDF side of the public edition: where the boxes are, and what a PDF still says.

Which pages show boxes of which ground: in a PDF we rendered, exactly, because every box
is an anchor and WeasyPrint writes each anchor as a named destination pointing at its
page. In a PDF redacted by someone else, by its text: the ground ("5.1.2e") printed on
the page.

What a PDF still carries that should have been redacted: its text layer (pypdf) and
every other place a reader or a tool can reach (plekken.py), read within the
decompression budget (pdf_budget.py).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from functools import lru_cache

from ..pdf_budget import Budget, check_bytes
from .lakken import Lakker, box_ground
from .plekken import (
    BLADWIJZERS,
    ELDERS,
    FORMULIER,
    INFO,
    INGESLOTEN,
    KOPPELING,
    NAAM,
    OPMERKING,
    TEKST,
    XMP,
    plekken,
    read_page_texts,
)

PLACES = (TEKST, INFO, XMP, BLADWIJZERS, KOPPELING, OPMERKING, FORMULIER, INGESLOTEN, NAAM, ELDERS)


def pages_with_boxes(pdf: bytes) -> dict[str, list[int]]:
    """Pages (1-based) of the boxes in a PDF rendered from `boxes_in_html` output."""
    import pikepdf

    found: dict[str, set[int]] = {}
    with pikepdf.open(io.BytesIO(pdf)) as document:
        numbers = {page.obj.objgen: n for n, page in enumerate(document.pages, start=1)}
        names = document.Root.get("/Names")
        dests = names.get("/Dests") if isinstance(names, pikepdf.Dictionary) else None
        if dests is None:
            return {}
        for name, entry in pikepdf.NameTree(dests).items():
            ground = box_ground(str(name))
            dest = entry.get("/D") if isinstance(entry, pikepdf.Dictionary) else entry
            if ground is None or not isinstance(dest, pikepdf.Array) or len(dest) == 0:
                continue
            page = numbers.get(dest[0].objgen) if isinstance(dest[0], pikepdf.Dictionary) else None
            if page is not None:
                found.setdefault(ground, set()).add(page)
    return {ground: sorted(pages) for ground, pages in found.items()}


def pages_with_grounds(pdf: bytes, grounds: Iterable[str]) -> dict[str, list[int]]:
    """Pages (1-based) whose text shows a ground: for PDFs redacted elsewhere."""
    found: dict[str, list[int]] = {}
    patterns = {ground: _ground_pattern(ground) for ground in grounds}
    for number, text in enumerate(page_texts(pdf), start=1):
        for ground, pattern in patterns.items():
            if pattern.search(text):
                found.setdefault(ground, []).append(number)
    return found


def _ground_pattern(ground: str) -> re.Pattern[str]:
    # "5.1.2e" but not inside "15.1.2e"; "5.2" but not "5.25" or "5.2.1"
    after = r"(?![a-z])" if ground[-1:].isalpha() else r"(?!\.?\d|[a-z])"
    return re.compile(r"(?<![\w.])" + re.escape(ground) + after, re.I)


@lru_cache(maxsize=32)
def page_texts(pdf: bytes) -> tuple[str, ...]:
    """The text layer per page, read only after the file passed its budget check."""
    """The text layer per page; empty strings when it cannot be read.

    Raises PdfTeZwaar (a StukkenError) for a PDF over the page limit or the
    decompression budget: pypdf would decode every stream whole, in memory."""
    check_bytes(pdf)
    return read_page_texts(pdf)


def has_text(pdf: bytes) -> bool:
    """Whether any page has text; a scan without one cannot be searched for names."""
    return any(text.strip() for text in page_texts(pdf))


def leaks_by_place(pdf: bytes, lakker: Lakker, *, metadata: bool = True) -> dict[str, list[str]]:
    """What the PDF still shows or carries of the strings to redact and e-mail addresses,
    by place ("in de tekst", "in de metadata (XMP)", ...), in the order of PLACES.

    Every place a reader or a tool can reach is searched (plekken.py). A hit that
    only turns up among the PDF's other strings and names is left out when a named
    place already showed it. Without `metadata`, document info and XMP are not read.
    """
    import pikepdf

    texts = page_texts(pdf)  # checks the budget first
    with pikepdf.open(io.BytesIO(pdf)) as document:
        pairs = plekken(document, texts, Budget(len(pdf)))
    by_place: dict[str, dict[str, None]] = {}
    for place, text in pairs:
        if text and (metadata or place not in (INFO, XMP)):
            by_place.setdefault(place, {})[text] = None
    result: dict[str, list[str]] = {}
    shown: set[str] = set()
    for place in PLACES:
        found: dict[str, None] = {}
        for text in by_place.get(place, ()):
            found.update(dict.fromkeys(lakker.found(text)))
        if place in (NAAM, ELDERS):
            found = {hit: None for hit in found if hit.lower() not in shown}
        shown.update(hit.lower() for hit in found)
        if found:
            result[place] = list(found)
    return result


def leaks(pdf: bytes, lakker: Lakker, *, metadata: bool = True) -> list[str]:
    """What the PDF still shows or carries of the strings to redact and e-mail addresses,
    in any place (`leaks_by_place`), once each."""
    found = leaks_by_place(pdf, lakker, metadata=metadata)
    return list(dict.fromkeys(hit for hits in found.values() for hit in hits))
