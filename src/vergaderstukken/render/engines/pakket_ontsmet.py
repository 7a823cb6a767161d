"""No active content in any meeting pack: what a merged PDF attachment loses.

An attachment PDF comes from outside. Whatever in it can act when the pack is opened
goes: JavaScript, automatic actions (OpenAction, /AA), Launch, ImportData, SubmitForm
and ResetForm, links to other or local files (GoToR, GoToE, file:), embedded files and
file-attachment annotations, multimedia. Form fields are flattened: each widget's
appearance is drawn into the page and the widget removed, so the values stay readable
but nothing is live and no /AcroForm reaches the pack. In the public edition a page's
XMP metadata, private application data and every other key that does not draw it go too
(the pack never copies a document's info or XMP). Ordinary http(s) and mailto links, and
links within the document, stay.

`ontsmetten` works on the opened attachment before its pages are copied, and returns
what kinds it removed, so the pack can warn once per kind per attachment.
"""

from __future__ import annotations

from urllib.parse import unquote

import pikepdf
from pikepdf import Array, Dictionary, Name

JAVASCRIPT = "JavaScript verwijderd"
AUTOMATISCH = "automatische acties (bij openen, sluiten of bekijken) verwijderd"
LAUNCH = "opdrachten die een programma starten (Launch) verwijderd"
IMPORT = "opdrachten die gegevens inlezen (ImportData) verwijderd"
FORMULIERACTIE = (
    "opdrachten die een formulier verzenden of wissen (SubmitForm/ResetForm) verwijderd"
)
EXTERN = "koppelingen naar andere of lokale bestanden (GoToR, GoToE, file:) verwijderd"
ANDERE = "andere koppelingen en acties verwijderd"
INGESLOTEN = "ingesloten bestanden verwijderd"
MULTIMEDIA = "multimedia (video, geluid, 3D) verwijderd"
FORMULIER = "formuliervelden platgeslagen: wat erin stond, staat er als vaste tekst"
METADATA = "metadata (documentinformatie en XMP) verwijderd"
KINDS = (
    JAVASCRIPT,
    AUTOMATISCH,
    LAUNCH,
    IMPORT,
    FORMULIERACTIE,
    EXTERN,
    ANDERE,
    INGESLOTEN,
    MULTIMEDIA,
    FORMULIER,
    METADATA,
)

_ACTION_KIND = {
    "/JavaScript": JAVASCRIPT,
    "/Launch": LAUNCH,
    "/ImportData": IMPORT,
    "/SubmitForm": FORMULIERACTIE,
    "/ResetForm": FORMULIERACTIE,
    "/GoToR": EXTERN,
    "/GoToE": EXTERN,
}
_ACTIONS = {
    *_ACTION_KIND,
    *("/GoTo", "/GoToDp", "/Thread", "/URI", "/Sound", "/Movie", "/Hide", "/Named"),
    *("/SetOCGState", "/Rendition", "/Trans", "/GoTo3DView", "/RichMediaExecute"),
}
_MULTIMEDIA = {"/Sound", "/Movie", "/Screen", "/RichMedia", "/3D"}
_NAVIGATION = {"/NextPage", "/PrevPage", "/FirstPage", "/LastPage"}
_SAFE_SCHEMES = ("http:", "https:", "mailto:")
# The keys of a page that draw it: a public page keeps these and no others.
_PAGE_DRAWING = {
    *("/Type", "/Parent", "/Resources", "/Contents", "/Annots", "/Rotate", "/Group"),
    *("/MediaBox", "/CropBox", "/BleedBox", "/TrimBox", "/ArtBox", "/UserUnit"),
}
# keys that point back up the page tree or at a parent: not followed from a page
_UPWARDS = {"/Parent", "/P", "/Popup", "/IRT"}


def ontsmetten(pdf: pikepdf.Pdf, *, openbaar: bool) -> list[str]:
    """Remove the active content of an opened attachment in place; what was removed,
    once per kind, in the order of KINDS."""
    found: set[str] = set()
    _document(pdf, found, openbaar)
    for page in pdf.pages:
        _flatten_fields(page, found)
        _annotations(page.obj, found)
        _walk(page.obj, found)
        if openbaar:
            # Only what draws the page stays: metadata, private application data,
            # thumbnails and keys of the producer's own may hold what no reader shows.
            for key in sorted(set(page.obj.keys()) - _PAGE_DRAWING):
                del page.obj[key]
                found.add(METADATA)
    return [kind for kind in KINDS if kind in found]


def _document(pdf: pikepdf.Pdf, found: set[str], openbaar: bool) -> None:
    """What lives at the document level is never copied; it is named and dropped."""
    root = pdf.Root
    names = root.get("/Names")
    if isinstance(names, Dictionary):
        for key, kind in (("/JavaScript", JAVASCRIPT), ("/EmbeddedFiles", INGESLOTEN)):
            if key in names:
                del names[key]
                found.add(kind)
    opening = root.get("/OpenAction")
    if isinstance(opening, Dictionary):
        kinds = _action_kinds(opening)
        if kinds or opening.get("/S") != Name.GoTo:
            found.update(kinds | {AUTOMATISCH})
    if "/AA" in root:
        found.update(_triggers(root.AA))
    for key in ("/OpenAction", "/AA"):
        if key in root:
            del root[key]
    form = root.get("/AcroForm")
    if isinstance(form, Dictionary) and (len(form.get("/Fields", Array())) or "/XFA" in form):
        found.add(FORMULIER)
    _outline(root, found)
    if openbaar:
        info = pdf.trailer.get("/Info")
        meaningful = isinstance(info, Dictionary) and any(
            key not in ("/Producer", "/Creator", "/CreationDate", "/ModDate") for key in info
        )
        if meaningful or "/Metadata" in root:
            found.add(METADATA)


def _outline(root: pikepdf.Object, found: set[str]) -> None:
    """Bookmarks are rebuilt from their targets alone; their other actions are lost."""
    outlines = root.get("/Outlines")
    stack = [outlines.get("/First")] if isinstance(outlines, Dictionary) else []
    seen: set[tuple[int, int]] = set()
    while stack:
        item = stack.pop()
        if not isinstance(item, Dictionary) or item.objgen in seen:
            continue
        seen.add(item.objgen)
        action = item.get("/A")
        if isinstance(action, Dictionary):
            found.update(_action_kinds(action))
        stack += [item.get("/Next"), item.get("/First")]


def _flatten_fields(page: pikepdf.Page, found: set[str]) -> None:
    """Draw every visible form field's appearance into the page; remove the widgets."""
    from .pakket_pdf import _add_xobject

    annots = page.obj.get("/Annots")
    if not isinstance(annots, Array):
        return
    widgets = [a for a in annots if isinstance(a, Dictionary) and a.get("/Subtype") == "/Widget"]
    if not widgets:
        return
    found.add(FORMULIER)
    rotate = int(page.obj.get("/Rotate", 0)) % 360
    for widget in widgets:
        annotation = pikepdf.Annotation(widget)
        appearance = annotation.get_appearance_stream(Name.N)
        if not isinstance(appearance, pikepdf.Stream):
            continue  # no appearance: nothing to draw (a value without one is lost)
        name = _add_xobject(page, appearance, "Veld")
        content = annotation.get_page_content_for_appearance(name, rotate)
        if content:
            page.contents_add(b"q\n" + content + b"\nQ\n")
    page.obj.Annots = Array(
        [a for a in annots if not (isinstance(a, Dictionary) and a.get("/Subtype") == "/Widget")]
    )


def _annotations(page: pikepdf.Object, found: set[str]) -> None:
    """File attachments and multimedia go; a link keeps only a harmless target."""
    annots = page.get("/Annots")
    if not isinstance(annots, Array):
        return
    kept = []
    for annot in annots:
        subtype = annot.get("/Subtype") if isinstance(annot, Dictionary) else None
        if subtype == "/FileAttachment":
            found.add(INGESLOTEN)
        elif subtype in _MULTIMEDIA:
            found.add(MULTIMEDIA)
        else:
            kept.append(annot)
    if len(kept) != len(annots):
        page.Annots = Array(kept)


def _walk(page: pikepdf.Object, found: set[str]) -> None:
    """Below the page (annotations, resources): no automatic actions, no harmful action
    under any key, no embedded file."""
    stack, seen = [page], set()
    while stack:
        obj = stack.pop()
        if isinstance(obj, Array):
            stack += [v for v in obj if isinstance(v, (Array, Dictionary))]
            continue
        if not isinstance(obj, Dictionary):
            continue
        if obj.is_indirect:
            if obj.objgen in seen:
                continue
            seen.add(obj.objgen)
        for key in list(obj.keys()):
            value = obj[key]
            if key == "/AA":
                found.update(_triggers(value))
                del obj[key]
            elif key == "/EF" or (key == "/JS" and "/S" in obj):
                found.add(INGESLOTEN if key == "/EF" else JAVASCRIPT)
                del obj[key]
            elif isinstance(value, Dictionary) and _is_action(value):
                found.update(_action_kinds(value))
                if _action_kinds(value, chain=False):
                    del obj[key]
                elif "/Next" in value:
                    del value["/Next"]  # a harmless action stays, without what it chains
            elif key not in _UPWARDS and isinstance(value, (Array, Dictionary)):
                stack.append(value)


def _is_action(value: Dictionary) -> bool:
    # by its type: /S alone also names a border style, a transparency group, a transition
    return value.get("/Type") == Name.Action or str(value.get("/S", "")) in _ACTIONS


def _triggers(aa: object) -> set[str]:
    """An /AA dictionary: automatic actions, and what they would do."""
    kinds = {AUTOMATISCH}
    if isinstance(aa, Dictionary):
        for action in aa.values():
            if isinstance(action, Dictionary):
                kinds |= _action_kinds(action)
    return kinds


def _action_kinds(action: Dictionary, depth: int = 0, *, chain: bool = True) -> set[str]:
    """What is harmful in an action and (with `chain`) the actions chained to it
    (/Next); empty when it is a plain GoTo, a navigation or an http(s)/mailto link."""
    kinds: set[str] = set()
    kind = action.get("/S")
    if kind == Name.URI:
        uri = unquote(str(action.get("/URI", ""))).strip().lower()
        if uri.startswith("javascript:"):
            kinds.add(JAVASCRIPT)
        elif uri.startswith("file:") or "://" not in uri and not uri.startswith("mailto:"):
            kinds.add(EXTERN)
        elif not uri.startswith(_SAFE_SCHEMES):
            kinds.add(ANDERE)
    elif kind == Name.Named:
        if str(action.get("/N", "")) not in _NAVIGATION:
            kinds.add(ANDERE)
    elif kind != Name.GoTo:
        kinds.add(_ACTION_KIND.get(str(kind), ANDERE))
    if "/JS" in action:
        kinds.add(JAVASCRIPT)
    chained = action.get("/Next") if chain else None
    for next_action in chained if isinstance(chained, Array) else [chained]:
        if isinstance(next_action, Dictionary) and depth < 16:
            kinds |= _action_kinds(next_action, depth + 1)
    return kinds
