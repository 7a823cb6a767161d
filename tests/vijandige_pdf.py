"""Hostile attachment PDFs, made with pikepdf in the tests: active content at every
level, a name hidden in each place a tool can reach, a zip bomb, too many pages."""

from __future__ import annotations

import io
import zlib
from functools import lru_cache

import pikepdf
from pikepdf import Array, Dictionary, Name, String

NAAM = "Jorrit Eijbersen"


def helvetica() -> Dictionary:
    return Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica)


def opslaan(pdf: pikepdf.Pdf) -> bytes:
    buffer = io.BytesIO()
    # streams as they are: qpdf would otherwise decode (the bomb, whole) and recompress
    pdf.save(
        buffer,
        deterministic_id=True,
        compress_streams=False,
        stream_decode_level=pikepdf.StreamDecodeLevel.none,
    )
    return buffer.getvalue()


def tekst_pdf(tekst: str = "Vijandige bijlage over de dijk.", pages: int = 1) -> pikepdf.Pdf:
    """A4 pages with one line of Helvetica text each."""
    pdf = pikepdf.new()
    for n in range(1, pages + 1):
        page = pdf.add_blank_page(page_size=(595.28, 841.89))
        page.add_resource(pdf.make_indirect(helvetica()), Name.Font, Name.F1)
        regel = f"{tekst} {n}" if pages > 1 else tekst
        page.contents_add(f"BT /F1 12 Tf 72 760 Td ({regel}) Tj ET".encode())
    return pdf


def actie(pdf: pikepdf.Pdf, soort: str, **velden) -> Dictionary:
    return pdf.make_indirect(Dictionary(Type=Name.Action, S=Name("/" + soort), **velden))


def link(pdf: pikepdf.Pdf, y: int, **velden) -> Dictionary:
    return pdf.make_indirect(
        Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=[72, y, 300, y + 14], **velden)
    )


def formulierveld(pdf: pikepdf.Pdf, page, waarde: str, naam: str = "opmerking") -> None:
    """A text field with a value and its appearance, on `page`."""
    appearance = pikepdf.Stream(pdf, f"BT /Helv 10 Tf 2 5 Td ({waarde}) Tj ET".encode())
    appearance.Type, appearance.Subtype = Name.XObject, Name.Form
    appearance.BBox = [0, 0, 300, 20]
    appearance.Resources = Dictionary(Font=Dictionary(Helv=helvetica()))
    widget = pdf.make_indirect(
        Dictionary(
            Type=Name.Annot,
            Subtype=Name.Widget,
            FT=Name.Tx,
            Rect=[72, 600, 372, 620],
            T=String(naam),
            V=String(waarde),
            F=4,
            AP=Dictionary(N=pdf.make_indirect(appearance)),
            P=page.obj,
            AA=Dictionary(K=actie(pdf, "JavaScript", JS=String("event.rc = true;"))),
        )
    )
    _annot(page, widget)
    pdf.Root.AcroForm = Dictionary(Fields=Array([widget]), DA=String("/Helv 0 Tf 0 g"))


def _annot(page, annot) -> None:
    if "/Annots" not in page.obj:
        page.obj.Annots = Array()
    page.obj.Annots.append(annot)


def ingesloten(pdf: pikepdf.Pdf, naam: str, data: bytes, beschrijving: str = "") -> None:
    spec = pikepdf.AttachedFileSpec(pdf, data, description=beschrijving, filename=naam)
    pdf.attachments[naam] = spec


def bijlage_annotatie(pdf: pikepdf.Pdf, page, naam: str, data: bytes) -> None:
    spec = pikepdf.AttachedFileSpec(pdf, data, filename=naam)
    annot = Dictionary(
        Type=Name.Annot,
        Subtype=Name.FileAttachment,
        Rect=[400, 700, 420, 720],
        FS=spec.obj,
        Contents=String("bijgevoegd bestand"),
    )
    _annot(page, pdf.make_indirect(annot))


def actief_overal(mailto: bool = True) -> bytes:
    """Every kind of active content, at every level; no name to redact anywhere (the
    e-mail address of the mailto link, unless `mailto` is false)."""
    pdf = tekst_pdf()
    page = pdf.pages[0]
    js = actie(pdf, "JavaScript", JS=String("app.alert('hallo');"))
    pdf.Root.Names = Dictionary(JavaScript=Dictionary(Names=Array([String("begin"), js])))
    pdf.Root.OpenAction = actie(pdf, "JavaScript", JS=String("app.alert('open');"))
    pdf.Root.AA = Dictionary(WC=actie(pdf, "JavaScript", JS=String("app.alert('dicht');")))
    page.obj.AA = Dictionary(O=actie(pdf, "JavaScript", JS=String("app.alert('pagina');")))
    gewoon = actie(pdf, "URI", URI=String("https://www.example.nl/dijk"))
    gewoon.Next = actie(pdf, "JavaScript", JS=String("app.alert('daarna');"))
    links = [
        link(pdf, 500, A=gewoon),
        link(pdf, 480, A=actie(pdf, "JavaScript", JS=String("app.alert('klik');"))),
        link(pdf, 460, A=actie(pdf, "Launch", F=String("calc.exe"))),
        link(pdf, 440, A=actie(pdf, "ImportData", F=String("gegevens.fdf"))),
        link(pdf, 420, A=actie(pdf, "SubmitForm", F=String("https://example.nl/in"))),
        link(pdf, 400, A=actie(pdf, "ResetForm")),
        link(pdf, 380, A=actie(pdf, "GoToR", F=String("ander.pdf"), D=Array([0, Name.Fit]))),
        link(pdf, 360, A=actie(pdf, "GoToE", D=Array([0, Name.Fit]))),
        link(pdf, 340, A=actie(pdf, "URI", URI=String("file:///etc/passwd"))),
        *([link(pdf, 320, A=actie(pdf, "URI", URI=String("mailto:info@dijk.example")))] * mailto),
        link(pdf, 300, A=actie(pdf, "URI", URI=String("https://www.example.nl/kaart"))),
        link(pdf, 280, AA=Dictionary(E=actie(pdf, "JavaScript", JS=String("app.beep(0);")))),
    ]
    for annot in links:
        _annot(page, annot)
    with pdf.open_outline() as outline:
        item = pikepdf.OutlineItem("Begin", 0)
        outline.root.append(item)
    pdf.Root.Outlines.First.A = actie(pdf, "JavaScript", JS=String("app.alert('boek');"))
    formulierveld(pdf, page, "Ingevulde waarde")
    ingesloten(pdf, "notities.txt", b"Losse notities.")
    bijlage_annotatie(pdf, page, "programma.exe", b"MZ\x00\x00")
    return opslaan(pdf)


def xmp(naam: str) -> bytes:
    return (
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:creator><rdf:Seq><rdf:li>{naam}</rdf:li></rdf:Seq></dc:creator>"
        '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    ).encode()


def metadata_stroom(pdf: pikepdf.Pdf, naam: str) -> pikepdf.Stream:
    stream = pikepdf.Stream(pdf, xmp(naam))
    stream.Type, stream.Subtype = Name.Metadata, Name.XML
    return pdf.make_indirect(stream)


def naam_in(plek: str, naam: str = NAAM) -> bytes:
    """A clean text page that carries `naam` in one hidden place only."""
    pdf = tekst_pdf()
    page = pdf.pages[0]
    if plek == "xmp":
        pdf.Root.Metadata = metadata_stroom(pdf, naam)
    elif plek == "pagina-xmp":
        page.obj.Metadata = metadata_stroom(pdf, naam)
    elif plek == "info":
        pdf.docinfo[Name.Author] = naam
    elif plek == "bladwijzer":
        with pdf.open_outline() as outline:
            outline.root.append(pikepdf.OutlineItem(f"Brief van {naam}", 0))
    elif plek == "mailto":
        adres = "mailto:" + naam.lower().replace(" ", "%2E") + "%40gemeente.example"
        _annot(page, link(pdf, 500, A=actie(pdf, "URI", URI=String(adres))))
    elif plek == "opmerking":
        text = Dictionary(Type=Name.Annot, Subtype=Name.Text, Rect=[72, 700, 90, 718])
        text.Contents = String(f"Nagevraagd bij {naam}")
        _annot(page, pdf.make_indirect(text))
    elif plek == "formulier":
        formulierveld(pdf, page, f"Ingevuld door {naam}")
    elif plek == "ingesloten":
        ingesloten(pdf, "notities.txt", f"Gesprek met {naam}.".encode())
    elif plek == "ingesloten-naam":
        ingesloten(pdf, naam.replace(" ", "_") + ".txt", b"Niets bijzonders.")
    elif plek == "ingesloten-pdf":
        ingesloten(pdf, "brief.pdf", opslaan(tekst_pdf(f"Brief van {naam}")))
    elif plek == "pdf-naam":
        page.obj.PieceInfo = Dictionary({"/" + naam.replace(" ", "."): Dictionary()})
    else:
        raise ValueError(plek)
    return opslaan(pdf)


@lru_cache(maxsize=1)
def _gigabyte_nullen() -> bytes:
    compressor = zlib.compressobj(9)
    zeros = bytes(1 << 24)
    return b"".join(compressor.compress(zeros) for _ in range(64)) + compressor.flush()


def zipbom(dubbel: bool = False) -> bytes:
    """A page whose content stream is 1 GB of zeros, flate-compressed (about 1 MB);
    `dubbel`: compressed twice, so the file is a few kilobytes."""
    data = _gigabyte_nullen()
    filters = [Name.FlateDecode]
    if dubbel:
        data, filters = zlib.compress(data, 9), [Name.FlateDecode, Name.FlateDecode]
    pdf = tekst_pdf()
    stream = pdf.make_indirect(pikepdf.Stream(pdf, b""))
    stream.write(data, filter=Array(filters))  # data already encoded
    pdf.pages[0].obj.Contents = stream
    return opslaan(pdf)


def duizenden_paginas(aantal: int = 3000) -> bytes:
    return opslaan(tekst_pdf("Pagina", pages=aantal))
