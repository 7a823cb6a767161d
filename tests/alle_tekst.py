"""All the text an output file carries, however it is stored, for leak scans.

Generic over file kinds, so a scan over output/DATUM also covers documents added later:
PDFs give their text layer plus every string object and decompressed stream (document
info, XMP metadata, bookmarks, link annotations); .docx files every part, as XML and with
the tags removed (a string may be split over runs); anything else its bytes as UTF-8.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from conftest import pdf_text


def pdf_strings(path: Path) -> str:
    """Every string object and every decompressed stream of a PDF (metadata, XMP,
    bookmarks, annotations), beside its text layer."""
    import pikepdf

    found: list[str] = []

    def walk(obj, top: bool = False) -> None:
        if not top and getattr(obj, "is_indirect", False):
            return  # visited on its own through pdf.objects
        if isinstance(obj, pikepdf.Stream):
            found.append(obj.read_bytes().decode("utf-8", "replace"))
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            for value in obj.values():
                walk(value)
        elif isinstance(obj, pikepdf.Array):
            for value in obj:
                walk(value)
        elif isinstance(obj, pikepdf.String):
            found.append(str(obj))

    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            walk(obj, top=True)
        found.extend(str(v) for v in pdf.docinfo.values())
        found.extend(str(v) for _, v in pdf.open_metadata().items())
    return "\n".join(found)


def docx_strings(path: Path) -> str:
    """Every part of a .docx as text: the XML as is, and with the tags taken out (a
    string may be split over runs)."""
    found = []
    with zipfile.ZipFile(path) as docx:
        for name in docx.namelist():
            xml = docx.read(name).decode("utf-8", "replace")
            found += [name, xml, re.sub(r"<[^>]+>", "", xml)]
    return "\n".join(found)


def everything_in(path: Path) -> str:
    """All text a file carries, however it is stored; generic over every output kind."""
    if path.suffix == ".pdf":
        return pdf_text(path) + pdf_strings(path)
    if path.suffix == ".docx":
        return docx_strings(path)
    return path.read_bytes().decode("utf-8", "replace")
