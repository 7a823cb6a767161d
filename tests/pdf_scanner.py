"""A test's eye on an output PDF: every place a reader or a tool can reach, read
independently of the code under test.

`alles` gives all the text a PDF carries: the text layer (pdftotext and pypdf), the
document info, the XMP (every metadata stream), every string and name of every object,
link addresses percent-decoded, and the decompressed bytes of every stream (embedded
files included) as Latin-1, UTF-8 and UTF-16. `actief` lists the active content a PDF
still has, in plain words; a clean pack gives [].
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pikepdf
from pypdf import PdfReader

from conftest import pdf_text

HARMFUL_ACTIONS = {
    "/JavaScript",
    "/Launch",
    "/ImportData",
    "/SubmitForm",
    "/ResetForm",
    "/GoToR",
    "/GoToE",
    "/Rendition",
    "/RichMediaExecute",
}
LIVE_ANNOTATIONS = {"/Widget", "/FileAttachment", "/Screen", "/Movie", "/Sound", "/RichMedia"}


def _objects(pdf: pikepdf.Pdf):
    """Every object, nested ones too, once each."""
    stack = [pdf.trailer, *pdf.objects]
    seen = set()
    while stack:
        obj = stack.pop()
        if getattr(obj, "is_indirect", False):
            if obj.objgen in seen:
                continue
            seen.add(obj.objgen)
        yield obj
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            stack += list(obj.values())
        elif isinstance(obj, pikepdf.Array):
            stack += list(obj)


def _decoded(text_bytes: bytes) -> list[str]:
    found = [text_bytes.decode("latin-1"), text_bytes.decode("utf-8", "replace")]
    for offset in (0, 1):  # UTF-16 either way round, whatever the alignment
        for codec in ("utf-16-be", "utf-16-le"):
            found.append(text_bytes[offset:].decode(codec, "replace"))
    return found


def _drawing(obj) -> bool:
    """A stream of PDF syntax (page content, form, object stream), not a font or image
    whose binary data could hold any three bytes by chance."""
    binary = {"/Image", "/Type1C", "/CIDFontType0C", "/OpenType"}
    return (
        isinstance(obj, pikepdf.Stream)
        and str(obj.get("/Subtype", "")) not in binary
        and not any(key in obj for key in ("/Length1", "/Length2", "/Length3", "/N"))
    )


def alles(path: Path) -> str:
    """All text the PDF carries, however it is stored."""
    found = [pdf_text(path)]
    found += [page.extract_text() or "" for page in PdfReader(path).pages]
    with pikepdf.open(path) as pdf:
        found += [f"{k} {v}" for k, v in pdf.docinfo.items()]
        found += [f"{k} {v}" for k, v in pdf.open_metadata().items()]
        for obj in _objects(pdf):
            if isinstance(obj, pikepdf.String):
                found += [str(obj), unquote(str(obj))]
                found += _decoded(bytes(obj))
            elif isinstance(obj, pikepdf.Name):
                found.append(str(obj))
            if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
                found += [str(key) for key in obj.keys()]  # noqa: SIM118 (a Stream is no Mapping)
            if isinstance(obj, pikepdf.Stream):
                try:
                    data = obj.read_bytes()
                except pikepdf.PdfError:
                    data = obj.read_raw_bytes()
                found += _decoded(data)
    text = "\n".join(found)
    return text + "\n" + re.sub(r"<[^>]+>", " ", text)  # XML and rich text without tags


def actief(path: Path) -> list[str]:
    """The active content a PDF still has: [] for a clean one."""
    problems: list[str] = []
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        for key in ("/OpenAction", "/AA", "/AcroForm"):
            if key in root:
                problems.append(f"Root {key}")
        names = root.get("/Names")
        if isinstance(names, pikepdf.Dictionary):
            problems += [f"Names {k}" for k in ("/JavaScript", "/EmbeddedFiles") if k in names]
        for obj in _objects(pdf):
            if not isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
                continue
            kind = str(obj.get("/S", ""))
            if kind in HARMFUL_ACTIONS:
                problems.append(f"actie {kind}")
            for key in ("/JS", "/AA", "/EF"):
                if key in obj:
                    problems.append(f"sleutel {key}")
            if obj.get("/Type") == "/EmbeddedFile":
                problems.append("ingesloten bestand")
            annotation = obj.get("/Type") == "/Annot" or "/Rect" in obj
            if annotation and str(obj.get("/Subtype")) in LIVE_ANNOTATIONS:
                problems.append(f"annotatie {obj.get('/Subtype')}")
            uri = unquote(str(obj.get("/URI", ""))).lower().strip()
            if uri and not uri.startswith(("http://", "https://", "mailto:")):
                problems.append(f"koppeling {uri}")
            if _drawing(obj) and re.search(rb"/(JavaScript|JS)\b", obj.read_bytes()):
                problems.append("JavaScript in een datastroom")
    return problems
