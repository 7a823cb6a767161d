"""The PDF side of the public edition: where the boxes are, and what a PDF still says.

Which pages show boxes of which ground: in a PDF we rendered, exactly, because every box
is an anchor and WeasyPrint writes each anchor as a named destination pointing at its
page. In a PDF redacted by someone else, by its text: the ground ("5.1.2e") printed on
the page.

What a PDF still carries that should have been redacted: its text layer (pypdf) and its
string objects (document info, bookmarks, link targets, form fields), and its XMP
metadata.
"""

from __future__ import annotations

import io
import logging
import re
from functools import lru_cache

from .lakken import Lakker, box_ground


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
        for name, dest in pikepdf.NameTree(dests).items():
            ground = box_ground(str(name))
            if isinstance(dest, pikepdf.Dictionary):
                dest = dest.get("/D")
            if ground is None or not isinstance(dest, pikepdf.Array) or len(dest) == 0:
                continue
            page = numbers.get(dest[0].objgen) if isinstance(dest[0], pikepdf.Dictionary) else None
            if page is not None:
                found.setdefault(ground, set()).add(page)
    return {ground: sorted(pages) for ground, pages in found.items()}


def pages_with_grounds(pdf: bytes, grounds) -> dict[str, list[int]]:
    """Pages (1-based) whose text shows a ground: for PDFs redacted elsewhere."""
    found: dict[str, list[int]] = {}
    patterns = {ground: _ground_pattern(ground) for ground in grounds}
    for number, text in enumerate(page_texts(pdf), start=1):
        for ground, pattern in patterns.items():
            if pattern.search(text):
                found.setdefault(ground, []).append(number)
    return found


def _ground_pattern(ground: str) -> re.Pattern:
    # "5.1.2e" but not inside "15.1.2e"; "5.2" but not "5.25" or "5.2.1"
    after = r"(?![a-z])" if ground[-1:].isalpha() else r"(?!\.?\d|[a-z])"
    return re.compile(r"(?<![\w.])" + re.escape(ground) + after, re.I)


@lru_cache(maxsize=32)
def page_texts(pdf: bytes) -> tuple[str, ...]:
    """The text layer per page; empty strings when it cannot be read."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        return tuple(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError):
        return ()


def has_text(pdf: bytes) -> bool:
    return any(text.strip() for text in page_texts(pdf))


def pdf_strings(pdf: bytes, *, metadata: bool) -> list[str]:
    """Every string object of a PDF (bookmarks, link targets, annotations, names); with
    `metadata` also the document info and every XMP metadata stream."""
    import pikepdf

    found: list[str] = []

    def walk(obj, top: bool = False) -> None:
        if not top and getattr(obj, "is_indirect", False):
            return  # visited on its own as one of document.objects
        if isinstance(obj, pikepdf.String):
            found.append(str(obj))
        elif isinstance(obj, pikepdf.Array):
            for value in obj:
                walk(value)
        elif isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            if isinstance(obj, pikepdf.Stream) and obj.get("/Type") == "/Metadata":
                if metadata:
                    found.append(obj.read_bytes().decode("utf-8", "replace"))
                return
            for value in obj.values():
                walk(value)

    with pikepdf.open(io.BytesIO(pdf)) as document:
        info = document.trailer.get("/Info")
        skip = info.objgen if isinstance(info, pikepdf.Dictionary) and not metadata else None
        for obj in document.objects:
            if skip is None or getattr(obj, "objgen", None) != skip:
                walk(obj, top=True)
        if metadata and isinstance(info, pikepdf.Dictionary):
            found.extend(str(value) for value in info.values())
    return found


def leaks(pdf: bytes, lakker: Lakker, *, metadata: bool = True) -> list[str]:
    """What the PDF still shows or carries of the strings to redact and e-mail addresses.

    Without `metadata`, the document info and XMP are not read: the meeting pack copies an
    attachment's pages and bookmarks, never its metadata.
    """
    texts = [*page_texts(pdf), *pdf_strings(pdf, metadata=metadata)]
    return lakker.found("\n".join(texts))
