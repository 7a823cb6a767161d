"""Images in Markdown fields: which ones the documents cannot show, and where they were written.

Both outputs refuse the same images: nothing from the internet, nothing outside the
workspace, no file that is not there. The Markdown filters of the PDF and the DOCX
templates check each field's images here before rendering it, so an image gets one
warning in one wording for the whole build, at the file and line of the field that holds
it (the key in agenda.yaml, verslag.yaml or the annotation, or the line of a Markdown
attachment). The PDF's URL fetcher and the DOCX converter then refuse those images
without a word of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from ...exceptions import Loc
from ...markdown import md_parser
from ...model import Werkmap

REMOTE_SCHEMES = {"http", "https", "ftp", "ftps"}
OFFLINE = "stukken haalt niets van internet"
OUTSIDE = "alleen bestanden binnen de werkmap worden gebruikt"
MISSING = "bestand niet gevonden"
UNREADABLE = "geen leesbare afbeelding (png, jpg, gif, bmp of tiff)"


def refusal(src: str, base_dir: Path, root: Path) -> str | None:
    """Why the documents cannot show image `src` (relative to `base_dir`), or None."""
    parts = urlsplit(src)
    if parts.scheme.lower() in REMOTE_SCHEMES or parts.netloc:
        return OFFLINE
    if parts.scheme:  # file:, data: and the like: a field names a file of the workspace
        return OUTSIDE
    if not parts.path:
        return MISSING
    path = (base_dir / unquote(parts.path)).resolve()
    if not path.is_relative_to(root.resolve()):
        return OUTSIDE
    if not path.is_file():
        return MISSING
    return None if readable(path) else UNREADABLE


def readable(path: Path) -> bool:
    """Whether Word can show the image (the PDF reads every format Word reads). An SVG
    counts as readable: the PDF shows it, and only the DOCX says it cannot."""
    from docx.image.image import Image

    if path.suffix.lower() == ".svg":
        return True
    try:
        Image.from_file(str(path))
    except Exception:  # any file python-docx cannot parse: not a picture for Word
        return False
    return True


def shown(src: str) -> str:
    """`src` as a warning shows it: a data: URL without its data."""
    if src.lower().startswith("data:"):
        return src.split(",", 1)[0] + ",…"
    return unquote(src)


def images(text: str) -> Iterator[tuple[str, int, str]]:
    """Each image in Markdown `text`: its src, the 0-based line of `text` it is on and
    its alternative text (the words between `![` and `]`)."""
    lines = text.splitlines()
    for token in md_parser().parse(text):
        for child in token.children or ():
            if child.type != "image":
                continue
            src = str(child.attrs.get("src", ""))
            start, end = token.map or (0, len(lines))
            line = next((n for n in range(start, end) if src in lines[n]), start)
            yield src, line, child.content


@dataclass
class Field:
    """A Markdown text of the model and where it was written."""

    text: str
    loc: Loc
    file: bool = False  # a whole Markdown file: an image's line is its own line in it


def model_fields(werkmap: Werkmap, redact: Callable[[str], str]) -> Iterator[Field]:
    """Every Markdown field of the workspace, with the line of its key, and the Markdown
    attachments (redacted as the public edition shows them)."""

    def at(obj: Any, key: str, text: str | None) -> Iterator[Field]:
        if text:
            yield Field(text, obj.locs.get(key) or getattr(obj, "loc", None) or fallback)

    for v in werkmap.vergaderingen:
        fallback = v.loc
        for punt in v.alle_punten():
            yield from at(punt, "titel", punt.titel)
            yield from at(punt, "deel", punt.deel)
            yield from at(punt, "toelichting", punt.toelichting)
            for vraag, loc in zip(punt.vragen, punt.vragen_locs, strict=False):
                yield Field(vraag, loc)
        for bijlage in v.bijlagen:
            yield from at(bijlage, "titel", bijlage.titel)
            if bijlage.soort == "markdown" and bijlage.bestand is not None:
                try:
                    inhoud = bijlage.bestand.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError):
                    continue  # the build reports an unreadable attachment itself
                yield Field(redact(inhoud), Loc(bijlage.bestand), True)
        if v.verslag is not None:
            fallback = v.verslag.loc
            for vp in v.verslag.punten.values():
                yield from at(vp, "tekst", vp.tekst)
                for regel in vp.regels:
                    yield from at(regel, regel.soort, regel.tekst)
                    yield from at(regel, "toelichting", regel.toelichting)
            for update in v.verslag.updates:
                yield from at(update, "toelichting", update.toelichting)
        for annotatie in v.annotaties.values():
            fallback = Loc(annotatie.bestand)
            yield from at(annotatie, "inleiding", annotatie.inleiding)
            for ap in annotatie.punten.values():
                yield from at(ap, "advies", ap.advies)
                yield from at(ap, "tekst", ap.tekst)
            for actie, note in annotatie.acties.items():
                yield Field(note, annotatie.actie_locs.get(actie, fallback))


@dataclass
class Afbeeldingen:
    """The image check of one build (see the module docstring)."""

    werkmap: Werkmap
    redact: Callable[[str], str] = str  # the edition's `tekst`: Markdown files as shown
    refused: set[str] = field(default_factory=set)  # src, path and URL forms of refused images
    _fields: list[Field] | None = None

    def check(
        self, text: str | None, base_dir: Path, fallback: Loc, warn: Callable[[Loc, str], None]
    ) -> None:
        """Warn once for every image in `text` the documents cannot show, and for every
        image they show without alternative text (PDF/UA asks one of each figure)."""
        if not text or "![" not in text:
            return  # the common case: no images, nothing parsed
        text = str(text)
        for src, line, alt in images(text):
            reason = refusal(src, base_dir, self.werkmap.root)
            if reason is None and alt.strip():
                continue
            where = self.where(text, src, line) or fallback
            if reason is None:
                warn(where, without_alt(src))
                continue
            self.refused.update(forms(src, base_dir))
            warn(where, f"afbeelding '{shown(src)}' is niet opgenomen in de documenten: {reason}")

    def is_refused(self, target: str) -> bool:
        """Whether a URL or path the renderers meet is an image this check refused."""
        return target in self.refused

    def where(self, text: str, src: str, line: int) -> Loc | None:
        """The field that holds `text` (or, for a text a template put together, like the
        numbered questions, the field that holds the image)."""
        if self._fields is None:
            self._fields = list(model_fields(self.werkmap, self.redact))
        for candidate in self._fields:
            if candidate.text == text:
                return Loc(candidate.loc.file, line + 1) if candidate.file else candidate.loc
        for candidate in self._fields:
            if src in candidate.text and all(
                part.strip() in text for part in candidate.text.splitlines()
            ):
                return candidate.loc
        return None


def without_alt(src: str) -> str:
    """The warning for a shown image without alternative text: a screen reader has
    nothing to read out, and a tagged PDF's Figure needs an /Alt."""
    return (
        f"afbeelding '{shown(src)}' heeft geen beschrijving (alt-tekst); schrijf "
        f"![beschrijving]({shown(src)}) zodat een schermlezer haar kan voorlezen"
    )


def forms(src: str, base_dir: Path) -> set[str]:
    """The ways a renderer may name image `src`: as written, unquoted, as the resolved
    path and as the URL WeasyPrint asks for."""
    found = {src, unquote(src)}
    base = base_dir.resolve().as_uri() + "/"
    found.add(urljoin(base, src))
    parts = urlsplit(src)
    if not parts.scheme and not parts.netloc and parts.path:
        found.add(str((base_dir / unquote(parts.path)).resolve()))
    return found
