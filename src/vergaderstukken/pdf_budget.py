"""Bounded work on a PDF from outside: a page limit and a decompression budget.

A PDF is small on disk but may decode to far more: a stream of a gigabyte of zeros
flate-compresses to a megabyte (a "zip bomb"). Every tool that reads the text or the
streams (pypdf, qpdf when it saves) would decode it whole, in memory. So before any of
them touches an attachment, every stream is decoded here chunk by chunk, nothing kept,
only counted, against a budget of `FACTOR` times the file size (at least `MINIMUM`). A
file over the budget or over `MAX_PAGES` pages is refused with a Dutch message.

Only the general-purpose filters are decoded (Flate, LZW, ASCIIHex, ASCII85,
RunLength); image codecs (DCT, JPX, CCITT, JBIG2) are not decoded by the text or
merging tools, so their encoded length counts.
"""

from __future__ import annotations

import base64
import binascii
import io
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from .exceptions import StukkenError

if TYPE_CHECKING:  # imported where used: `stukken check` on a workspace without PDFs
    import pikepdf

MAX_PAGES = 2000
FACTOR = 100
MINIMUM = 200_000_000
CHUNK = 1 << 20
_WHITESPACE = re.compile(rb"\s+")


class PdfTeZwaar(StukkenError):
    """A PDF that needs more work than a meeting attachment may: too many pages, or
    streams that decode to far more than the file's size. The message is Dutch and
    reads after the attachment's name."""


class Budget:
    """What may still be decoded from one file (and the files embedded in it)."""

    def __init__(self, file_size: int):
        self.total = max(FACTOR * file_size, MINIMUM)
        self.remaining = self.total

    def take(self, amount: int) -> None:
        """Count `amount` decoded bytes; refuse the file once the budget is spent."""
        self.remaining -= amount
        if self.remaining < 0:
            raise PdfTeZwaar(
                f"pakt uit tot meer dan {self.total // 1_000_000} MB (een 'zipbom'?); "
                "stukken leest zo'n bestand niet; sla het opnieuw op als PDF of vraag om "
                "een nieuwe versie"
            )


def check_pages(count: int) -> None:
    """Refuse a PDF with more pages than an attachment may have."""
    if count > MAX_PAGES:
        raise PdfTeZwaar(
            f"heeft {count} pagina's; een bijlage mag er hoogstens {MAX_PAGES} hebben; "
            "splits het bestand in delen"
        )


def check_streams(pdf: pikepdf.Pdf, budget: Budget) -> None:
    """Decode every stream of an open pikepdf.Pdf within the budget, keeping nothing."""
    import pikepdf

    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream):
            for chunk in decoded_chunks(obj, budget):
                budget.take(len(chunk))


@lru_cache(maxsize=32)
def _checked(data: bytes) -> str | None:
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            check_pages(len(pdf.pages))
            check_streams(pdf, Budget(len(data)))
    except PdfTeZwaar as error:
        return error.message
    except (pikepdf.PdfError, ValueError, KeyError, TypeError, OSError):
        return None  # not readable by qpdf: the tools that follow say so in their own way
    return None


def check_bytes(data: bytes) -> None:
    """Raise PdfTeZwaar when the PDF in `data` is over the page limit or the budget."""
    message = _checked(data)
    if message is not None:
        raise PdfTeZwaar(message)


def read_bounded(stream: pikepdf.Stream, budget: Budget, limit: int) -> bytes:
    """The decoded bytes of a stream, at most `limit` of them; counted against the budget."""
    kept = bytearray()
    for chunk in decoded_chunks(stream, budget):
        budget.take(len(chunk))
        kept += chunk[: max(0, limit - len(kept))]
        if len(kept) >= limit:
            break
    return bytes(kept)


# --- decoding chunk by chunk -------------------------------------------------------------


def decoded_chunks(stream: pikepdf.Stream, budget: Budget) -> Iterator[bytes]:
    """The stream's data through its filters, as chunks of at most about CHUNK bytes.

    A filter that needs its whole input at once (all but Flate) counts that input
    against the budget as it gathers it; the caller counts the chunks it is given."""
    import pikepdf

    given = stream.get("/Filter")
    filters: list[object] = list(given) if isinstance(given, pikepdf.Array) else [given]
    given = stream.get("/DecodeParms")
    parms: list[object] = (
        list(given) if isinstance(given, pikepdf.Array) else [given] * len(filters)
    )
    chunks: Iterable[bytes] = _slices(stream.read_raw_bytes())
    for index, filter_name in enumerate(filters):
        if filter_name is None:
            continue
        name = str(filter_name)
        parm = parms[index] if index < len(parms) else None
        predicted = isinstance(parm, pikepdf.Dictionary) and int(parm.get("/Predictor", 1)) > 1
        if predicted and index < len(filters) - 1:
            # the next filter would need the predictor undone first; no real PDF does this
            raise PdfTeZwaar(
                "bevat een ongebruikelijk gecodeerde datastroom die stukken niet veilig kan "
                "lezen; sla het opnieuw op als PDF"
            )
        stage = _STAGES.get(name)
        if stage is None:
            break  # an image codec: the encoded bytes are what the tools handle
        chunks = stage(chunks) if stage is _inflate else stage(_gathered(chunks, budget))
    yield from chunks


def _slices(data: bytes) -> Iterator[bytes]:
    for start in range(0, len(data), CHUNK):
        yield data[start : start + CHUNK]


def _inflate(chunks: Iterable[bytes]) -> Iterator[bytes]:
    decompressor = zlib.decompressobj()
    try:
        for chunk in chunks:
            data = chunk
            while data and not decompressor.eof:
                out = decompressor.decompress(data, CHUNK)
                if out:
                    yield out
                data = decompressor.unconsumed_tail
            if decompressor.eof:
                return
        while not decompressor.eof:
            out = decompressor.decompress(b"", CHUNK)
            if not out:
                return
            yield out
    except zlib.error:
        return  # damaged data ends the stream, as readers do


def _gathered(chunks: Iterable[bytes], budget: Budget) -> bytes:
    gathered = bytearray()
    for chunk in chunks:
        budget.take(len(chunk))
        gathered += chunk
    return bytes(gathered)


def _ascii_hex(data: bytes) -> Iterator[bytes]:
    data = _WHITESPACE.sub(b"", data).split(b">")[0]
    try:
        yield binascii.unhexlify(data + b"0" * (len(data) % 2))
    except binascii.Error:
        return


def _ascii85(data: bytes) -> Iterator[bytes]:
    data = _WHITESPACE.sub(b"", data)
    data = data.removeprefix(b"<~").split(b"~>")[0]
    try:
        yield base64.a85decode(data)
    except ValueError:
        return


def _run_length(data: bytes) -> Iterator[bytes]:
    position, out = 0, bytearray()
    while position < len(data):
        length = data[position]
        if length == 128:
            break
        if length < 128:
            out += data[position + 1 : position + 2 + length]
            position += 2 + length
        else:
            out += data[position + 1 : position + 2] * (257 - length)
            position += 2
        if len(out) >= CHUNK:
            yield bytes(out)
            out.clear()
    if out:
        yield bytes(out)


def _lzw(data: bytes) -> Iterator[bytes]:
    """LZW as PDF uses it (early change), emitting output as it grows."""
    table = [bytes([i]) for i in range(256)] + [b"", b""]
    width, buffer, bits, previous, out = 9, 0, 0, b"", bytearray()
    for byte in data:
        buffer, bits = (buffer << 8) | byte, bits + 8
        while bits >= width:
            bits -= width
            code = (buffer >> bits) & ((1 << width) - 1)
            if code == 256:
                table, width, previous = table[:258], 9, b""
                continue
            if code == 257:
                yield bytes(out)
                return
            if code < len(table):
                entry = table[code]
            elif previous:
                entry = previous + previous[:1]
            else:
                return
            out += entry
            if previous and len(table) < 4096:
                table.append(previous + entry[:1])
            previous = entry
            width = min(12, max(9, (len(table) + 1).bit_length()))
            if len(out) >= CHUNK:
                yield bytes(out)
                out.clear()
    if out:
        yield bytes(out)


_STAGES: dict[str, Callable[..., Iterator[bytes]]] = {  # _inflate takes chunks, others bytes
    "/FlateDecode": _inflate,
    "/Fl": _inflate,
    "/LZWDecode": _lzw,
    "/LZW": _lzw,
    "/ASCIIHexDecode": _ascii_hex,
    "/AHx": _ascii_hex,
    "/ASCII85Decode": _ascii85,
    "/A85": _ascii85,
    "/RunLengthDecode": _run_length,
    "/RL": _run_length,
}
