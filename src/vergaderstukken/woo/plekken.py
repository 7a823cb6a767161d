"""Every place of a PDF where a reader or a tool can find text, each with its Dutch name.

A redacted PDF may still carry a name outside the visible page: in the document info or
the XMP metadata (of the document or of one page), in a bookmark, a link's address
(percent-encoded: "jan%2Evries%40..."), a comment, a form field, an embedded file, the
name of a PDF object, or any other string or stream. `plekken` lists them all, as
(place, text) pairs, for `woo.pdf.leaks_by_place`.

All decoding stays within the file's decompression budget (pdf_budget.py): an embedded
file is read only that far, an embedded PDF is searched in turn, two levels deep.
"""

from __future__ import annotations

import html
import io
import logging
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING
from urllib.parse import unquote

from ..pdf_budget import Budget, check_streams, read_bounded

if TYPE_CHECKING:  # imported where used: `stukken check` never opens a PDF
    import pikepdf

Add = Callable[[tuple[str, str]], None]  # takes one (place, text)

TEKST = "in de tekst"
INFO = "in de documentinformatie"
XMP = "in de metadata (XMP)"
BLADWIJZERS = "in de bladwijzers"
KOPPELING = "in een koppeling"
OPMERKING = "in een opmerking"
FORMULIER = "in een formulierveld"
INGESLOTEN = "in een ingesloten bestand"
NAAM = "in de naam van een PDF-object"
ELDERS = "elders in de PDF"

MAX_EMBEDDING_DEPTH = 2  # a PDF embedded in an embedded PDF is still searched; deeper is not
MAX_SEARCHED_BYTES = 20_000_000  # bytes of one stream searched as text
ANNOTATION_TEXT = ("/Contents", "/T", "/RC", "/Subj", "/NM")
FIELD_TEXT = ("/T", "/TU", "/TM", "/V", "/DV", "/Opt", "/RV")
FILESPEC_TEXT = ("/F", "/UF", "/Desc", "/DOS", "/Mac", "/Unix")
_NAME_ESCAPE = re.compile(r"#([0-9a-fA-F]{2})")
_TAG = re.compile(r"<[^>]*>")


def plekken(
    pdf: pikepdf.Pdf, page_texts: Iterable[str], budget: Budget, depth: int = 0
) -> list[tuple[str, str]]:
    """(place, text) for every text an open pikepdf.Pdf carries; `page_texts` gives its
    text layer. Streams are read within `budget`."""
    import pikepdf

    found: list[tuple[str, str]] = [(TEKST, text) for text in page_texts]
    add = found.append
    info = pdf.trailer.get("/Info")
    if isinstance(info, pikepdf.Dictionary):
        for key, value in info.items():
            add((INFO, _name(key)))
            add((INFO, _text(value)))
    for page in pdf.pages:
        for annot in _list(page.obj.get("/Annots")):
            if isinstance(annot, pikepdf.Dictionary):
                _annotation(annot, add)
    _outline(pdf, add)
    _fields(pdf, add)
    contents = {
        stream.objgen
        for page in pdf.pages
        for stream in _list(page.obj.get("/Contents")) or [page.obj.get("/Contents")]
        if isinstance(stream, pikepdf.Stream)
    }
    for obj in pdf.objects:
        _object(obj, add, budget, depth, contents)
    return found


def _list(value: object) -> list[object]:
    import pikepdf

    return list(value) if isinstance(value, pikepdf.Array) else []


def _text(value: object) -> str:
    import pikepdf

    if isinstance(value, pikepdf.String):
        return str(value)
    if isinstance(value, pikepdf.Name):
        return _name(value)
    if isinstance(value, pikepdf.Array):
        return "\n".join(_text(v) for v in value)
    return ""


def _name(name: object) -> str:
    return _NAME_ESCAPE.sub(lambda m: chr(int(m[1], 16)), str(name)[1:])


def _markup(text: str) -> str:
    """Rich text and XMP as a reader shows it: tags out, entities resolved."""
    return html.unescape(_TAG.sub(" ", text))


def _uri(action: object) -> str:
    import pikepdf

    if not isinstance(action, pikepdf.Dictionary):
        return ""
    parts = [_text(action.get("/URI")), _text(action.get("/F"))]
    spec = action.get("/F")
    if isinstance(spec, pikepdf.Dictionary):
        parts += [_text(spec.get(key)) for key in FILESPEC_TEXT]
    return "\n".join(unquote(part) for part in parts if part)


def _annotation(annot: pikepdf.Dictionary, add: Add) -> None:
    place = FORMULIER if annot.get("/Subtype") == "/Widget" else OPMERKING
    for key in ANNOTATION_TEXT + (FIELD_TEXT if place == FORMULIER else ()):
        text = _text(annot.get(key))
        add((place, _markup(text) if key == "/RC" else text))
    add((KOPPELING, _uri(annot.get("/A"))))
    add((KOPPELING, _uri(annot.get("/PA"))))


def _outline(pdf: pikepdf.Pdf, add: Add) -> None:
    import pikepdf

    outlines = pdf.Root.get("/Outlines")
    stack = [outlines.get("/First")] if isinstance(outlines, pikepdf.Dictionary) else []
    seen: set[tuple[int, int]] = set()
    while stack:
        item = stack.pop()
        if not isinstance(item, pikepdf.Dictionary) or item.objgen in seen:
            continue
        seen.add(item.objgen)
        add((BLADWIJZERS, _text(item.get("/Title"))))
        add((BLADWIJZERS, _uri(item.get("/A"))))
        stack += [item.get("/Next"), item.get("/First")]


def _fields(pdf: pikepdf.Pdf, add: Add) -> None:
    import pikepdf

    form = pdf.Root.get("/AcroForm")
    if not isinstance(form, pikepdf.Dictionary):
        return
    stack, seen = _list(form.get("/Fields")), set[tuple[int, int]]()
    while stack:
        field = stack.pop()
        if not isinstance(field, pikepdf.Dictionary) or field.objgen in seen:
            continue
        seen.add(field.objgen)
        for key in FIELD_TEXT:
            add((FORMULIER, _text(field.get(key))))
        stack += _list(field.get("/Kids"))


def _object(
    obj: pikepdf.Object, add: Add, budget: Budget, depth: int, contents: set[tuple[int, int]]
) -> None:
    """Every string and name of one object (not descending into indirect ones, which are
    visited on their own); streams by their decoded bytes."""
    import pikepdf

    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, pikepdf.String):
            add((ELDERS, str(item)))
        elif isinstance(item, pikepdf.Name):
            add((NAAM, _name(item)))
        elif isinstance(item, pikepdf.Array):
            stack += [v for v in item if not _indirect(v)]
        elif isinstance(item, (pikepdf.Dictionary, pikepdf.Stream)):
            if "/EF" in item:
                for key in FILESPEC_TEXT:
                    add((INGESLOTEN, unquote(_text(item.get(key)))))
            for key, value in item.items():
                add((NAAM, _name(key)))
                if key == "/ID" and item.get("/Type") == "/XRef":
                    continue  # the file identifier: hash bytes, never text ("½@œ")
                if not _indirect(value):
                    stack.append(value)
            if isinstance(item, pikepdf.Stream):
                _stream(item, add, budget, depth, item.objgen in contents)


def _indirect(value: object) -> bool:
    return bool(getattr(value, "is_indirect", False))


def _stream(
    stream: pikepdf.Stream, add: Add, budget: Budget, depth: int, page_content: bool
) -> None:
    """Metadata, embedded files, and the drawing of pages and forms (where text may be
    written out, or hidden in a comment); images and fonts are not text."""
    kind = stream.get("/Type")
    subtype = stream.get("/Subtype")
    if kind == "/Metadata" or subtype == "/XML":
        text = read_bounded(stream, budget, MAX_SEARCHED_BYTES).decode("utf-8", "replace")
        add((XMP, text))
        add((XMP, _markup(text)))
    elif kind == "/EmbeddedFile":
        _embedded(read_bounded(stream, budget, MAX_SEARCHED_BYTES), add, budget, depth)
    elif page_content or subtype == "/Form":
        add((ELDERS, read_bounded(stream, budget, MAX_SEARCHED_BYTES).decode("latin-1")))


def _embedded(data: bytes, add: Add, budget: Budget, depth: int) -> None:
    """An embedded file: a PDF is searched in turn, text is read as text."""
    if b"%PDF-" in data[:1024]:
        if depth < MAX_EMBEDDING_DEPTH:
            for _place, text in embedded_pdf(data, budget, depth + 1):
                add((INGESLOTEN, text))
        return
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        add((INGESLOTEN, data.decode("utf-16", "replace")))
    elif b"\x00" not in data[:4096]:
        text = data.decode("utf-8", "replace")
        add((INGESLOTEN, text))
        add((INGESLOTEN, _markup(text)))


def embedded_pdf(data: bytes, budget: Budget, depth: int) -> list[tuple[str, str]]:
    """The places of a PDF inside a PDF, within the outer file's budget."""
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            check_streams(pdf, budget)
            return plekken(pdf, read_page_texts(data), budget, depth)
    except (pikepdf.PdfError, ValueError, KeyError, TypeError):
        # not readable as a PDF: searched as the bytes it is
        return [(INGESLOTEN, data.decode("latin-1"))]


def read_page_texts(pdf: bytes) -> tuple[str, ...]:
    """The text layer per page, for a PDF whose streams were checked against a budget."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        return tuple(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError):
        return ()
