"""A structural checker for the PDF/UA-1 and PDF/A-2b rules stukken relies on.

No veraPDF here: these are the machine-checkable rules the output is built to meet, read
with pikepdf. Each function returns a list of problems (empty: the rules hold). It does
not check reading order, contrast, the content of alternative texts or colour spaces
inside content streams; see the README.
"""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name

FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


def _xmp(pdf: pikepdf.Pdf) -> str:
    return pdf.Root.Metadata.read_bytes().decode() if "/Metadata" in pdf.Root else ""


def _fonts(pdf: pikepdf.Pdf) -> list[str]:
    """Names of fonts (in pages, forms and appearances) without an embedded font file."""
    missing = []
    for obj in pdf.objects:
        if not isinstance(obj, Dictionary) or obj.get("/Type") != Name.Font:
            continue
        if obj.get("/Subtype") in (Name.Type3, Name.CIDFontType0, Name.CIDFontType2):
            continue  # Type3 has no file; a CID font is checked through its Type0 parent
        descriptor = obj.get("/FontDescriptor")
        if obj.get("/Subtype") == Name.Type0:
            descriptor = obj.DescendantFonts[0].get("/FontDescriptor")
        if not (isinstance(descriptor, Dictionary) and any(k in descriptor for k in FONT_FILES)):
            missing.append(str(obj.get("/BaseFont")))
    return missing


def structure_types(pdf: pikepdf.Pdf) -> list[Dictionary]:
    """Every structure element of the tag tree, depth first."""
    found, stack = [], [pdf.Root.StructTreeRoot]
    while stack:
        node = stack.pop()
        kids = node.get("/K")
        for kid in kids if isinstance(kids, Array) else [kids]:
            if isinstance(kid, Dictionary) and "/S" in kid:
                found.append(kid)
                stack.append(kid)
    return found


def ua_problems(path: Path, *, tables: bool = True) -> list[str]:
    """PDF/UA-1: declared, tagged, headings, table headers, figures with /Alt, fonts."""
    pdf = pikepdf.open(path)
    root, problems = pdf.Root, []
    if not bool(root.get("/MarkInfo", {}).get("/Marked", False)):
        problems.append("MarkInfo /Marked is not true")
    if "/StructTreeRoot" not in root:
        return [*problems, "no StructTreeRoot"]
    if str(root.get("/Lang", "")) != "nl":
        problems.append(f"/Lang is {root.get('/Lang')!r}, not nl")
    if not re.search(r'pdfuaid:part(="1"|[^>]*>1<)', _xmp(pdf)):
        problems.append("XMP lacks pdfuaid:part 1")
    if "dc:title" not in _xmp(pdf):
        problems.append("XMP lacks dc:title")
    if not bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)):
        problems.append("DisplayDocTitle is not true")
    problems += [f"font not embedded: {name}" for name in _fonts(pdf)]
    elements = structure_types(pdf)
    types = {str(element.S) for element in elements}
    if not types & {"/H1", "/H2", "/H3", "/H"}:
        problems.append("no heading elements")
    if tables and "/Table" in types and "/TH" not in types:
        problems.append("tables without TH cells")
    for element in elements:
        if Name.Figure == element.S and not str(element.get("/Alt", "")).strip():
            problems.append("Figure without /Alt")
    return problems


def pdfa_problems(path: Path) -> list[str]:
    """PDF/A-2b: identification, sRGB output intent, no encryption or active content,
    every font embedded."""
    pdf = pikepdf.open(path)
    root, problems, xmp = pdf.Root, [], _xmp(pdf)
    part = re.search(r'pdfaid:part(="2"|[^>]*>2<)', xmp)
    conformance = re.search(r'pdfaid:conformance(="B"|[^>]*>B<)', xmp)
    if not (part and conformance):
        problems.append("XMP lacks pdfaid:part 2 / conformance B")
    intents = [
        oi
        for oi in root.get("/OutputIntents", [])
        if oi.get("/S") == Name.GTS_PDFA1 and "/DestOutputProfile" in oi
    ]
    if not intents:
        problems.append("no GTS_PDFA1 OutputIntent with an ICC profile")
    elif intents[0].DestOutputProfile.read_bytes()[36:40] != b"acsp":
        problems.append("OutputIntent profile is no ICC profile")
    if pdf.is_encrypted or "/Encrypt" in pdf.trailer:
        problems.append("encrypted")
    if "/AA" in root or "/OpenAction" in root and root.OpenAction.get("/S") != Name.GoTo:
        problems.append("automatic actions in the catalog")
    if "/Names" in root and "/JavaScript" in root.Names:
        problems.append("document JavaScript")
    for obj in pdf.objects:
        if isinstance(obj, Dictionary) and obj.get("/S") in (Name.JavaScript, Name.Launch):
            problems.append(f"{obj.S} action")
    for page in pdf.pages:
        for annotation in page.obj.get("/Annots", []):
            if int(annotation.get("/F", 0)) & 4 == 0:
                problems.append("annotation not printable")
    if "/ID" not in pdf.trailer:
        problems.append("no file identifier")
    problems += [f"font not embedded: {name}" for name in _fonts(pdf)]
    return problems
