"""Layout read back from the PDFs by geometry: word boxes (pdfplumber) and the lines of
each text block (pdftotext -bbox-layout), in points from the top left of the page."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import pdfplumber

from vergaderstukken.dutch import DAGEN, MAANDEN

MM = 72 / 25.4


@dataclass(frozen=True)
class Woord:
    tekst: str
    x0: float
    top: float
    x1: float
    bottom: float
    bold: bool = False
    size: float = 0.0

    def raakt(self, other: Woord, marge: float) -> bool:
        """Whether the boxes come closer than `marge` points."""
        return not (
            self.x1 + marge <= other.x0
            or other.x1 + marge <= self.x0
            or self.bottom + marge <= other.top
            or other.bottom + marge <= self.top
        )


@dataclass
class Blad:
    width: float
    height: float
    woorden: list[Woord]


def bladen(pdf: Path) -> list[Blad]:
    """Every page's words, with whether they are bold and their size."""
    result = []
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            words = page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False)
            result.append(
                Blad(
                    float(page.width),
                    float(page.height),
                    [
                        Woord(
                            w["text"],
                            w["x0"],
                            w["top"],
                            w["x1"],
                            w["bottom"],
                            "bold" in w["fontname"].lower(),
                            round(w["size"], 1),
                        )
                        for w in words
                    ],
                )
            )
    return result


def regels(woorden: list[Woord], tolerantie: float = 2.0) -> list[list[Woord]]:
    """Words grouped into lines by their top, top to bottom, each left to right."""
    lines: list[list[Woord]] = []
    for word in sorted(woorden, key=lambda w: (w.top, w.x0)):
        if lines and abs(lines[-1][0].top - word.top) <= tolerantie:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def is_kop(regel: list[Woord]) -> bool:
    """A heading's line: bold throughout, at body size or larger (10.5 pt and up)."""
    return all(w.bold and w.size >= 10.4 for w in regel)


def laatste_regel(blad: Blad, boven: float = 20 * MM, onder: float = 18 * MM) -> list[Woord]:
    """The page's last line of body text (running header and footer left out)."""
    body = [w for w in blad.woorden if w.top >= boven and w.bottom <= blad.height - onder]
    lines = regels(body)
    return lines[-1] if lines else []


def blokregels(pdf: Path) -> list[list[str]]:
    """The text of each block's lines, block by block (a table cell is a block)."""
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    blocks = []
    for block in re.findall(r"<block [^>]*>(.*?)</block>", xml, re.S):
        lines = [
            " ".join(unescape(w) for w in re.findall(r"<word [^>]*>(.*?)</word>", line, re.S))
            for line in re.findall(r"<line [^>]*>(.*?)</line>", block, re.S)
        ]
        blocks.append(lines)
    return blocks


_DAG = r"(?:\d{1,2}|" + "|".join(DAGEN) + ")"
_SPLITS = [
    # "13" | "maart 2024", "woensdag" | "13 maart", "13 maart" | "2024"
    (re.compile(r"\b\d{1,2}$"), re.compile(rf"^(?:{'|'.join(MAANDEN)})\b")),
    (re.compile(rf"\b(?:{'|'.join(DAGEN)})$"), re.compile(r"^\d{1,2} ")),
    (re.compile(rf"\b{_DAG} (?:{'|'.join(MAANDEN)})$"), re.compile(r"^\d{4}\b")),
]
_DAG_MAAND = re.compile(rf"\d{{1,2}} (?:{'|'.join(MAANDEN)})")


def gesplitste_datums(pdf: Path, *, jaar_los: bool = False) -> list[str]:
    """Dates broken over two lines of one block, as "line | next line". With `jaar_los`
    a line that is a day and month alone may have the year on the next: the term in the
    agenda's narrow Termijn column ("22 december" | "2023 (verlopen)")."""
    found = []
    for lines in blokregels(pdf):
        for line, following in zip(lines, lines[1:], strict=False):
            if jaar_los and _DAG_MAAND.fullmatch(line) and _SPLITS[2][1].search(following):
                continue
            if any(end.search(line) and start.search(following) for end, start in _SPLITS):
                found.append(f"{line} | {following}")
    return found


def zonder_stempels(pack: Path, doel: Path) -> Path:
    """The pack with its overlay emptied: the forms the pack lays over its pages are
    named /Stempel, /Stempel1, ... (pakket_pdf.stempelen)."""
    import pikepdf

    with pikepdf.open(pack) as pdf:
        for page in pdf.pages:
            for name, form in page.resources.get("/XObject", {}).items():
                if str(name).startswith("/Stempel"):
                    form.write(b"")
        pdf.save(doel)
    return doel


def stempelwoorden(pack: Path, tmp: Path) -> list[tuple[Blad, list[Woord], list[Woord]]]:
    """Per page of the pack: the page, the overlay's words (stamp and page number) and
    the page's own words, told apart by emptying the overlay."""
    kaal = bladen(zonder_stempels(pack, tmp / "zonder-stempels.pdf"))
    result = []
    for blad, eigen in zip(bladen(pack), kaal, strict=True):
        over = list(eigen.woorden)
        overlay = []
        for word in blad.woorden:
            twin = next((w for w in over if _zelfde(w, word)), None)
            if twin is None:
                overlay.append(word)
            else:
                over.remove(twin)
        result.append((blad, overlay, eigen.woorden))
    return result


def _zelfde(a: Woord, b: Woord) -> bool:
    return a.tekst == b.tekst and abs(a.x0 - b.x0) < 0.5 and abs(a.top - b.top) < 0.5
