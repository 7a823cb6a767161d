"""PDF/A-2b for the archive copies (`stukken build DATUM --archief`).

The minutes and the action-and-decision list are rendered by WeasyPrint's pdf/a-2b
variant, which writes the XMP identification and an sRGB output intent itself. The
meeting pack is merged by pikepdf, so `pdfa_pakket` gives it what PDF/A-2b asks of the
document as a whole: XMP metadata that matches the document information, with
pdfaid:part 2 and conformance B, an sRGB OutputIntent (GTS_PDFA1, WeasyPrint's own
sRGB profile, the one its parts carry), every annotation printable, no dates.

What a merged PDF attachment brings is its own. `bezwaren` lists what in it PDF/A-2b
forbids and the pack cannot repair without re-typesetting it: fonts that are not
embedded, DeviceCMYK colour (the output intent is RGB), transparency groups in CMYK,
LZW compression, PostScript. Encryption is refused for every pack, and JavaScript and
other active content are removed for every pack (pakket_ontsmet.py). The build refuses
such an attachment, naming it: an archive copy that silently lacks a document is worse
than none. PDF/A-2 permits transparency itself, so an ordinary RGB transparency group
is no objection.
"""

from __future__ import annotations

import io
from importlib import resources

import pikepdf
from pikepdf import Array, Dictionary, Name

__all__ = ["bezwaren", "pdfa_pakket", "srgb_profile"]

PRINT = 4  # annotation flag: printed (PDF/A wants every annotation printable)
_FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")
CMYK = "CMYK-kleuren (het archief werkt met sRGB)"


def srgb_profile() -> bytes:
    """The sRGB ICC profile WeasyPrint puts in its own PDF/A output intents."""
    return (resources.files("weasyprint") / "pdf" / "sRGB2014.icc").read_bytes()


def pdfa_pakket(data: bytes) -> bytes:
    """The saved meeting pack, made PDF/A-2b; byte-reproducible like the pack itself."""
    pdf = pikepdf.open(io.BytesIO(data))
    profile = pdf.make_stream(srgb_profile(), N=3)
    pdf.Root.OutputIntents = Array(
        [
            Dictionary(
                Type=Name.OutputIntent,
                S=Name.GTS_PDFA1,
                OutputConditionIdentifier=pikepdf.String("sRGB IEC61966-2.1"),
                Info=pikepdf.String("sRGB IEC61966-2.1"),
                DestOutputProfile=profile,
            )
        ]
    )
    for page in pdf.pages:
        for annotation in page.obj.get("/Annots", Array()):
            if isinstance(annotation, Dictionary):
                annotation.F = PRINT
    # set_pikepdf_as_editor=False: no xmp:MetadataDate, no ModifyDate, no new Producer.
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta.load_from_docinfo(pdf.docinfo)
        meta["pdfaid:part"] = "2"
        meta["pdfaid:conformance"] = "B"
    buffer = io.BytesIO()
    pdf.save(
        buffer,
        deterministic_id=True,
        object_stream_mode=pikepdf.ObjectStreamMode.generate,
        compress_streams=True,
        min_version="1.7",
    )
    return buffer.getvalue()


def bezwaren(pdf: pikepdf.Pdf) -> list[str]:
    """What in this PDF keeps it out of a PDF/A-2b pack, in Dutch, each kind once."""
    found: dict[str, None] = {}
    fonts: dict[str, None] = {}
    seen: set[tuple[int, int]] = set()
    for page in pdf.pages:
        _walk(page.obj, found, fonts, seen)
        operators = (str(i.operator) for i in pikepdf.parse_content_stream(page))
        if any(op in ("k", "K") for op in operators):
            found[CMYK] = None
        for annotation in page.obj.get("/Annots", Array()):
            if isinstance(annotation, Dictionary) and "/AP" in annotation:
                _walk(annotation.AP, found, fonts, seen)
    if fonts:
        names = ", ".join(sorted(fonts))
        found[f"lettertype(n) niet ingesloten: {names}"] = None
    return list(found)


def _walk(
    obj: pikepdf.Object,
    found: dict[str, None],
    fonts: dict[str, None],
    seen: set[tuple[int, int]],
) -> None:
    """Every dictionary and stream reachable from `obj` (resources, forms, fonts)."""
    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, (Dictionary, pikepdf.Stream)):
            if item.is_indirect:
                if item.objgen in seen:
                    continue
                seen.add(item.objgen)
            _inspect(item, found, fonts)
            if item.get("/Type") == Name.Page and item is not obj:
                continue  # a link to another page: that page is walked on its own
            stack.extend(v for k, v in item.items() if k not in ("/Parent", "/Alternate"))
        elif isinstance(item, Array):
            stack.extend(item)
        elif isinstance(item, Name) and item == Name.DeviceCMYK:
            found[CMYK] = None


def _inspect(
    item: Dictionary | pikepdf.Stream, found: dict[str, None], fonts: dict[str, None]
) -> None:
    if item.get("/Type") == Name.Font or "/BaseFont" in item:
        _font(item, fonts)
    filters = item.get("/Filter") if isinstance(item, pikepdf.Stream) else None
    if filters is not None:
        names = list(filters) if isinstance(filters, Array) else [filters]
        if Name.LZWDecode in names:
            found["LZW-compressie"] = None
    if item.get("/Subtype") == Name.PS or item.get("/S") == Name.PS:
        found["PostScript"] = None


def _font(font: Dictionary | pikepdf.Stream, fonts: dict[str, None]) -> None:
    subtype = font.get("/Subtype")
    if subtype == Name.Type3:
        return  # drawn with PDF operators: nothing to embed
    descriptor = font.get("/FontDescriptor")
    if subtype == Name.Type0:
        descendants = font.get("/DescendantFonts", Array())
        descriptor = descendants[0].get("/FontDescriptor") if len(descendants) else None
    embedded = isinstance(descriptor, Dictionary) and any(k in descriptor for k in _FONT_FILES)
    if not embedded:
        fonts[str(font.get("/BaseFont", "/onbekend"))[1:]] = None
