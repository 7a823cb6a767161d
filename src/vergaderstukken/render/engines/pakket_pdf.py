"""The PDF mechanics of the meeting pack, with pikepdf: merge pages as they are, fit odd
pages onto A4, carry over each part's bookmarks, lay the stamps over the pages, save.

Pages are never re-typeset, cropped or covered. A page the pack made itself (rendered
without its own running header and page number) is copied untouched. A page from outside
(a PDF attachment), and any page that is not A4, is drawn whole, scaled and centred into a
frame on an A4 sheet of its own orientation, its links moved along with it: the frame
leaves a band above and below for the pack's stamp and page number, so they never land
on the document's own header or page number, however close to the edge those are. Only
/Rotate is flattened first, so every page of the pack is upright and its overlay lands
the right way up.
"""

from __future__ import annotations

import io
import re
import warnings

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, Page, Rectangle

from ...exceptions import StukkenError
from .pakket_stukken import Bron

MM = 72 / 25.4
A4 = (210 * MM, 297 * MM)
TOLERANCE = 3  # points: 595 x 842 is A4 too
# Kept free above and below a framed page, for the stamp and the page number; the overlay
# (pakket-stempel.html) sets both within the outer 10 mm of the sheet.
BAND = 12 * MM
SIDE = 8 * MM

# "1.Opening" (a bookmark made of a number span and a title span) -> "1. Opening"
_NUMBER_GLUED = re.compile(r"^(\d+[a-z]?\.|[a-z]\))(?=[^\s\d.)])")


def open_pdf(data: bytes, wat: str) -> pikepdf.Pdf:
    """Open a part; attachment files were checked while loading, so failing here is rare."""
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PdfError as error:
        raise StukkenError(
            f"{wat} kan niet in het vergaderpakket: geen leesbare PDF ({error})"
        ) from None
    if pdf.is_encrypted or len(pdf.pages) == 0:
        raise StukkenError(f"{wat} kan niet in het vergaderpakket: versleuteld of zonder pagina's")
    return pdf


def samenstellen(bronnen: list[Bron]) -> pikepdf.Pdf:
    """Copy every part's pages, in order, into one new PDF; frame the pages that are not
    A4 and those of parts that ask for it."""
    pack = pikepdf.new()
    for bron in bronnen:
        bron.eerste = len(pack.pages)
        for page in bron.pdf.pages:
            key = page.obj.objgen
            if page.rotation % 360:
                page.flatten_rotation()
                bron.verplaatst.add(len(pack.pages))
            if is_a4(page) and not bron.inlijsten:
                pack.pages.append(page)
            else:
                _fit_on_a4(pack, page)
                bron.verplaatst.add(len(pack.pages) - 1)
            bron.pagina_map[key] = len(pack.pages) - 1
        _links(pack, bron)
    return pack


def is_a4(page: Page) -> bool:
    """Whether the page is A4, upright or landscape, within `TOLERANCE` points."""
    width, height = _size(page)
    user_unit = float(page.obj.get("/UserUnit", 1))
    return user_unit == 1 and any(
        abs(width - w) <= TOLERANCE and abs(height - h) <= TOLERANCE for w, h in (A4, A4[::-1])
    )


def liggend(page: Page) -> bool:
    """Whether the page's crop box is wider than it is high."""
    width, height = _size(page)
    return width > height


def _size(page: Page) -> tuple[float, float]:
    box = Rectangle(page.cropbox)
    return float(box.width), float(box.height)


def _fit_on_a4(pack: pikepdf.Pdf, page: Page) -> None:
    """Draw `page` whole on a new A4 sheet, scaled to fit the frame between the bands."""
    width, height = A4[::-1] if liggend(page) else A4
    sheet = pack.add_blank_page(page_size=(width, height))
    form = pack.copy_foreign(page.as_form_xobject())
    name = _add_xobject(sheet, form, "Bron")
    area = Rectangle(SIDE, BAND, width - SIDE, height - BAND)
    matrix = sheet.get_matrix_for_form_xobject_placement(
        form, area, allow_shrink=True, allow_expand=True
    )
    sheet.contents_add(b"q " + matrix.encode() + b" cm " + bytes(name.unparse()) + b" Do Q")
    if "/Annots" in page.obj:
        sheet.copy_annotations(page, matrix)


def _add_xobject(page: Page, form: pikepdf.Object, basis: str) -> Name:
    """Add a form to the page's resources under the first free name basis, basis1, ...

    pikepdf's own naming (Page.add_overlay, add_resource) is random, which would make
    every build of the pack differ in bytes.
    """
    used = {
        str(key) for sub in page.resources.values() if isinstance(sub, Dictionary) for key in sub
    }
    number, name = 0, f"/{basis}"
    while name in used:
        number += 1
        name = f"/{basis}{number}"
    return page.add_resource(form, Name.XObject, Name(name))


def bladwijzers(pack: pikepdf.Pdf, bronnen: list[Bron]) -> None:
    """One bookmark per part (and per extra entry), each part's own outline nested below."""
    with pack.open_outline() as outline:
        for bron in bronnen:
            for index, (titel, pagina) in enumerate(bron.bladwijzers):
                item = OutlineItem(titel, bron.eerste + pagina)
                if index == 0 and bron.eigen_bladwijzers:
                    item.children.extend(_eigen(pack, bron))
                    item.is_closed = bron.dicht and bool(item.children)
                outline.root.append(item)


def _eigen(pack: pikepdf.Pdf, bron: Bron) -> list[OutlineItem]:
    """The part's own outline, re-pointed at its pages in the pack.

    A lone top entry on the first page (the document's title) adds nothing under the
    part's own bookmark, so its children take its place.
    """
    try:
        with bron.pdf.open_outline() as outline:
            items = list(outline.root)
            first = _target(bron, items[0].destination, items[0].action)[0] if items else None
            if len(items) == 1 and first == bron.eerste:
                items = list(items[0].children)
            return [_copy(pack, bron, item) for item in items]
    except (pikepdf.PdfError, pikepdf.OutlineStructureError, ValueError, TypeError, KeyError):
        return []  # a broken outline costs the part its own bookmarks, not the pack


def _copy(pack: pikepdf.Pdf, bron: Bron, item: OutlineItem) -> OutlineItem:
    titel = _NUMBER_GLUED.sub(r"\1 ", " ".join(str(item.title).split()))
    destination = _destination(pack, bron, item.destination, item.action)
    if destination is None:  # a remote or broken target: the part's first page
        destination = Array([pack.pages[bron.eerste].obj, Name.Fit])
    copy = OutlineItem(titel, destination)
    copy.children.extend(_copy(pack, bron, child) for child in item.children)
    copy.is_closed = item.is_closed
    return copy


def _destination(pack: pikepdf.Pdf, bron: Bron, dest: object, action: object) -> Array | None:
    """A source bookmark's or link's target as an explicit destination in the pack.

    Named destinations live in the source's name tree, which the pack does not have, so
    every target becomes [page /XYZ ...]; a redrawn page gets /Fit, its coordinates
    having changed. None when the target is not a page of this part.
    """
    index, array = _target(bron, dest, action)
    if index is None or array is None:
        return None
    if index in bron.verplaatst:
        return Array([pack.pages[index].obj, Name.Fit])
    return Array([pack.pages[index].obj, *list(array)[1:]])


def _target(bron: Bron, dest: object, action: object) -> tuple[int | None, Array | None]:
    """(pack page index, source destination array), from a /Dest or a GoTo action."""
    if dest is None and isinstance(action, Dictionary) and action.get("/S") == Name.GoTo:
        dest = action.get("/D")
    if isinstance(dest, (pikepdf.Name, pikepdf.String)):
        dest = _named(bron.pdf, dest)
    if isinstance(dest, Dictionary):
        dest = dest.get("/D")
    if isinstance(dest, Array) and len(dest) >= 2 and isinstance(dest[0], Dictionary):
        index = bron.pagina_map.get(dest[0].objgen)
        if index is not None:
            return index, dest
    return None, None


def _links(pack: pikepdf.Pdf, bron: Bron) -> None:
    """Point the part's internal links at its pages in the pack.

    The copied annotations are in the source's order, so each is paired with its source
    annotation, whose target is resolved in the source (where the named destinations are).
    """
    for source_page in bron.pdf.pages:
        index = bron.pagina_map[source_page.obj.objgen]
        originals = source_page.obj.get("/Annots")
        copies = pack.pages[index].obj.get("/Annots")
        if not isinstance(originals, Array) or not isinstance(copies, Array):
            continue
        if len(originals) != len(copies):
            continue
        for original, copy in zip(originals, copies, strict=True):
            if not isinstance(original, Dictionary) or original.get("/Subtype") != Name.Link:
                continue
            destination = _destination(pack, bron, original.get("/Dest"), original.get("/A"))
            if destination is not None:
                copy.Dest = destination
                if isinstance(copy.get("/A"), Dictionary) and copy.A.get("/S") == Name.GoTo:
                    del copy["/A"]  # a link has a /Dest or a GoTo action, not both


def _named(pdf: pikepdf.Pdf, name: object) -> object | None:
    root = pdf.Root
    try:
        if isinstance(name, pikepdf.String) and "/Names" in root and "/Dests" in root.Names:
            return pikepdf.NameTree(root.Names.Dests).get(str(name))
        if isinstance(name, pikepdf.Name) and "/Dests" in root:
            return root.Dests.get(name)
    except (KeyError, ValueError, pikepdf.PdfError):
        return None
    return None


def stempelen(pack: pikepdf.Pdf, overlay: bytes) -> None:
    """Lay page i of the overlay over page i of the pack (same size and orientation)."""
    stamps = pikepdf.open(io.BytesIO(overlay))
    if len(stamps.pages) != len(pack.pages):
        raise StukkenError(
            f"interne fout: {len(stamps.pages)} stempelpagina's voor {len(pack.pages)} pagina's"
        )
    for page, stamp in zip(pack.pages, stamps.pages, strict=True):
        form = pack.copy_foreign(stamp.as_form_xobject())
        name = _add_xobject(page, form, "Stempel")
        place = page.calc_form_xobject_placement(
            form, name, Rectangle(page.cropbox), allow_shrink=True, allow_expand=True
        )
        page.contents_add(b"q\n", prepend=True)  # isolate the page's own graphics state
        page.contents_add(b"Q\n" + place)


def opslaan(pack: pikepdf.Pdf, info: dict[str, str]) -> bytes:
    """Save byte-reproducibly: no dates, an id derived from the content."""
    for key, value in info.items():
        pack.docinfo[Name("/" + key)] = value
    pack.Root.Lang = pikepdf.String("nl")
    pack.Root.PageMode = Name.UseOutlines
    pack.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    buffer = io.BytesIO()
    # Form fields of a merged PDF are not carried over (its pages and links are); pikepdf
    # says so in English on stderr, which tells a secretariat nothing it can act on.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
        pack.save(
            buffer,
            deterministic_id=True,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
            compress_streams=True,
        )
    return buffer.getvalue()
