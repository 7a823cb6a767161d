"""Acceptance findings on Part 1 of the format contract, each with its own small workspace
or input: what a secretariat writes, and what it must get back."""

from __future__ import annotations

import pytest

from vergaderstukken.woo import lakken as woo


@pytest.mark.parametrize(
    "tekst",
    [
        "Locatie Heumensoord-\nNoord",  # a PDF text layer: the name broken at its hyphen
        "Locatie Heumensoord- Noord",
        "Locatie HeumensoordNoord",  # a reader that joins the broken line
        "Locatie Heumensoord-Noord",
    ],
)
def test_een_naam_met_koppelteken_wordt_ook_over_de_regelgrens_gevonden(tekst):
    lakker = woo.Lakker([("Locatie Heumensoord-Noord", "5.1.2d")])
    assert lakker.found(f"Zie {tekst} op de kaart.") == [" ".join(tekst.split())]
    assert "Heumensoord" not in lakker.text(f"Zie {tekst} op de kaart.")


def test_een_koppelteken_maakt_geen_woord_van_een_deel():
    lakker = woo.Lakker([("Pieter-Jan Smulders", "5.1.2e")])
    assert lakker.found("Pieter en Jan Smulders") == []
    assert lakker.found("Pieter-Jan\nSmulders") == ["Pieter-Jan Smulders"]


def _pdf_met_id(identifier: bytes) -> bytes:
    import io

    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page()
    out = io.BytesIO()
    # an XRef stream (object streams) carries the /ID among the objects, as in our packs
    pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate, static_id=True)
    with pikepdf.open(io.BytesIO(out.getvalue())) as again:
        again.trailer.ID = pikepdf.Array([pikepdf.String(identifier)] * 2)
        final = io.BytesIO()
        again.save(final, object_stream_mode=pikepdf.ObjectStreamMode.generate, static_id=True)
    return final.getvalue()


def test_de_bestandsidentificatie_van_een_pdf_is_geen_e_mailadres():
    # The pack of a real workspace had this /ID (a hash); latin-1 it reads 'x@ë', an
    # address to the read-back, and the public edition was refused.
    from vergaderstukken.woo.pdf import leaks

    hash_id = b"\xd5\x12\xa30\xde\x9f1{L\x13\x15x@\xeb%\t"
    lakker = woo.Lakker([])
    assert leaks(_pdf_met_id(hash_id), lakker) == []
    # an identifier that is text is still read as text
    assert leaks(_pdf_met_id(b"jan@gemeente.nl"), lakker) == ["jan@gemeente.nl"]
