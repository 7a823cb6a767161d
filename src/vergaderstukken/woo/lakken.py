"""The public edition under the Woo (Wet open overheid): redaction and its legend.

Redaction happens in the model, before anything is rendered: every string of
`woo.lakken` and every e-mail address is replaced by a marker that the templates turn
into a black box carrying its ground ("5.1.2e"). The redacted text therefore never
reaches a PDF's text layer or metadata; a black rectangle drawn over text would.

The PDF side (which pages show boxes, what a PDF's text still contains) is in
`pdf.py`.
"""

from __future__ import annotations

import copy
import dataclasses
import html
import itertools
import re
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TypeVar
from urllib.parse import unquote

from ..exceptions import Loc, Problems
from ..model import Bijlage, Vergadering, Werkmap
from ..schema.gronden import GROUNDS, article
from .match import (
    AUTOLINK,
    INLINE_TARGET,
    REFERENCE_TARGET,
    decoded,
    email_spans,
    escaped,
    normalise,
    shown,
)

OPEN, CLOSE = "\ue000", "\ue001"  # private-use characters survive Markdown and escaping
MARKER = re.compile(f"{OPEN}([^{CLOSE}]*){CLOSE}")
# Markdown percent-encodes the markers inside a link target: "%EE%80%80", "%EE%80%81".
ENCODED_MARKS = re.compile("%EE%80%8[01]", re.I)
EMAIL_GROUND = "5.1.2e"
T = TypeVar("T")
# Between the words of a string to redact: spaces, line breaks, the separators of names
# in addresses and links ("Jan de Vries", "jan.de.vries", "jan-de-vries", "Jan%20de"), and
# the Markdown that renders as none of them: emphasis ("*Jan* _de Vries_") and escapes;
# or nothing at all: a zero-width space in place of the space ("Jorrit\u200bEijbersen")
# is dropped by the normalisation, and the name then reads "JorritEijbersen".
WORD_GAP = r"(?:[\s._+*~\\-]|%20)*"
HYPHEN_GAP = r"(?:[\s._+*~\\-]|%20)*"
# Inside a word, Markdown emphasis renders as nothing but a change of style ("Jor**rit**").
IN_WORD = r"(?:\*{1,3}|~~)?"
# Emphasis markers around a match that holds some: they open or close emphasis inside it,
# so the box takes them along ("**Jan** de Vries" becomes one box, no stray "**").
EMPHASIS = "*_~"
# A redacted address as pre-redacted documents show it: "5.1.2e@hellendoorn.nl".
GROUND_LIKE = re.compile(r"\d+(?:\.\d+)+[a-z]?")
BOX_ID = re.compile(r"gelakt-\d+-([0-9a-f]+)")
# Fields that hold one of the contract's fixed words (besluit, open, besluitvorming), never
# free text: the code compares them, so they are never redacted.
KEYWORD_FIELDS = {"soort", "status", "doel"}
TAG_OR_TEXT = re.compile(r"(<[^>]*>)|([^<]+)")
# What Markdown makes of a link or image whose target `Lakker.text` emptied: its text.
EMPTIED_LINK = re.compile(r'<a href=""(?: title="[^"]*")?>(.*?)</a>', re.S)
EMPTIED_IMAGE = re.compile(r'<img src="" alt="([^"]*)"[^>]*>')


def _pattern(text: str) -> str:
    """A string to redact as a regex: any gap between its words, whole words only.

    A hyphen inside a word ("Pieter-Jan", "Heumensoord-Noord") also matches a line
    break after it, as a PDF's text layer shows a name broken at its hyphen, or nothing
    at all, as a reader that joins such a break shows it.
    """
    words = text.split()
    body = WORD_GAP.join(
        HYPHEN_GAP.join(_in_word(part) for part in re.split(r"-+", word) if part) or re.escape(word)
        for word in words
    )
    # A letter or digit may not touch the match; an underscore may ("_Jan_": emphasis).
    before = r"(?<![^\W_])" if re.match(r"\w", words[0]) else ""
    after = r"(?![^\W_])" if re.search(r"\w$", words[-1]) else ""
    return before + body + after


def _in_word(part: str) -> str:
    """A word as a regex that also takes Markdown emphasis between its letters."""
    return IN_WORD.join(re.escape(char) for char in part)


class Lakker:
    """Replaces the strings to redact by markers that carry their ground.

    Matching ignores case and the kind of gap between words, and only takes whole words:
    'Jan' is redacted in 'Jan de Vries' but not in 'januari'. Longest first, so a full
    name wins over a first name alone. It compares a normalised copy (woo/match.py), so
    every spelling that renders the same matches: composed or decomposed accents,
    ligatures, fullwidth letters, a soft hyphen or zero-width space inside, a
    non-breaking space between the words.
    """

    def __init__(self, lakken: list[tuple[str, str]]):
        unique = {
            " ".join(normalise(text).text.split()): ground for text, ground in lakken if shown(text)
        }
        entries = sorted(unique.items(), key=lambda pair: len(pair[0]), reverse=True)
        self.ground_of_group = {f"l{i}": ground for i, (_, ground) in enumerate(entries)}
        alternatives = [f"(?P<l{i}>{_pattern(text)})" for i, (text, _) in enumerate(entries)]
        self.pattern = re.compile("|".join(alternatives), re.I) if alternatives else None

    @property
    def grounds(self) -> list[str]:
        """Every ground this redactor can mark: the address ground and those of woo.lakken."""
        return sorted({EMAIL_GROUND, *self.ground_of_group.values()})

    def text(self, value: str) -> str:
        """`value` with every string to redact and every address replaced by a marker.

        A Markdown link target that holds one, once decoded (`%40`, `+`), loses its
        target; its link text stays and is redacted as text.
        """
        if "](" in value or "]:" in value or "<" in value:
            value = self._link_targets(value)
        value = self._replace(value, self._email_hits)  # the whole address, first
        return self._replace(value, self._lakken_hits_in_markdown)

    def found(self, text: str) -> list[str]:
        """What `text` still shows that should have been redacted, in order, once each.

        Read as `text` does, and percent-decoded (a link target); a pre-redacted address
        such as '5.1.2e@hellendoorn.nl' is not reported.
        """
        lakken_hits, email_hits = [], []
        for variant in dict.fromkeys([text, unquote(text)]):
            norm = normalise(variant)
            emails = [
                (start, end)
                for start, end, _ in self._email_hits(norm.text)
                if not GROUND_LIKE.fullmatch(norm.text[start:end].split("@")[0])
            ]
            email_hits += [shown(variant[slice(*norm.span(*span))]) for span in emails]
            lakken_hits += [
                shown(variant[slice(*norm.span(start, end))])
                for start, end, _ in self._lakken_hits(norm.text)
                if not any(s <= start and end <= e for s, e in emails)  # said with the address
            ]
        unique: dict[str, str] = {}
        for hit in lakken_hits + email_hits:  # 'Jan%20Smit' and 'Jan Smit' are one finding
            unique.setdefault(" ".join(normalise(unquote(hit)).text.split()), hit)
        return list(unique.values())

    def in_lakken(self, text: str, *, decode: bool = True) -> bool:
        """Whether `text` holds a string of woo.lakken; with `decode` also once its HTML
        entities or percent-escapes are decoded."""
        variants = {text, unquote(text), html.unescape(text)} if decode else {text}
        return any(self._lakken_hits(normalise(v).text) for v in variants)

    def _lakken_hits(self, normalised: str) -> list[tuple[int, int, str]]:
        if self.pattern is None:
            return []
        return [
            (*m.span(), self.ground_of_group[str(m.lastgroup)])  # every alternative is named
            for m in self.pattern.finditer(normalised)
        ]

    def _lakken_hits_in_markdown(self, normalised: str) -> list[tuple[int, int, str]]:
        """The hits, each widened over the emphasis markers around it when it holds some."""
        hits = []
        for start, end, ground in self._lakken_hits(normalised):
            if any(char in EMPHASIS for char in normalised[start:end]):
                while start > 0 and normalised[start - 1] in EMPHASIS:
                    start -= 1
                while end < len(normalised) and normalised[end] in EMPHASIS:
                    end += 1
            hits.append((start, end, ground))
        return hits

    @staticmethod
    def _email_hits(normalised: str) -> list[tuple[int, int, str]]:
        return [(s, e, EMAIL_GROUND) for s, e in email_spans(normalised)]

    def _hits(self, value: str) -> list[tuple[int, int, str]]:
        norm = normalise(value).text
        return self._email_hits(norm) + self._lakken_hits(norm)

    @staticmethod
    def _replace(value: str, hits_in: Callable[[str], list[tuple[int, int, str]]]) -> str:
        """Replace the original span behind every hit on the normalised copy."""
        norm = normalise(value)
        pieces, last = [], 0
        for start, end, ground in hits_in(norm.text):
            begin, finish = norm.span(start, end)
            if begin < last:
                continue  # two hits inside one ligature: the first took it
            pieces += [value[last:begin], mark(ground)]
            last = finish
        return "".join(pieces) + value[last:] if pieces else value

    def _leaks_in_target(self, target: str) -> bool:
        return any(self._hits(variant) for variant in decoded(target))

    def _link_targets(self, value: str) -> str:
        """Empty every link target that holds a string to redact or an address; an
        autolink, whose text is its target, becomes its redacted text."""

        def empty(match: re.Match[str]) -> str:
            if not self._leaks_in_target(match[1]):
                return match[0]
            start, end = match.span(1)
            return match[0][: start - match.start()] + "<>" + match[0][end - match.start() :]

        def autolink(match: re.Match[str]) -> str:
            if not self._leaks_in_target(match[1]):
                return match[0]
            # Percent-decoded as a browser shows it; a plain address has no other variant.
            redacted = self.text(unquote(html.unescape(match[1])))
            parts, last = [], 0
            for marker in MARKER.finditer(redacted):  # escape the text, keep the markers
                parts += [escaped(redacted[last : marker.start()]), marker[0]]
                last = marker.end()
            return "".join(parts) + escaped(redacted[last:])

        value = INLINE_TARGET.sub(empty, value)
        value = REFERENCE_TARGET.sub(empty, value)
        return AUTOLINK.sub(autolink, value)

    def walk(self, obj: T, seen: set[int] | None = None) -> T:
        """Redact every string inside dataclasses, lists and dicts (keys too), in place."""
        seen = set() if seen is None else seen
        if id(obj) in seen:
            return obj
        seen.add(id(obj))
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            for field in dataclasses.fields(obj):
                value = getattr(obj, field.name)
                if not (field.name in KEYWORD_FIELDS and isinstance(value, str)):
                    setattr(obj, field.name, self._value(value, seen))
        elif isinstance(obj, list):
            obj[:] = [self._value(v, seen) for v in obj]
        elif isinstance(obj, dict):
            # Item ids are keys (verslag.punten) and values (punt.id): both change alike.
            items = [(self._value(k, seen), self._value(v, seen)) for k, v in obj.items()]
            obj.clear()
            obj.update(items)
        return obj

    def _value(self, value: object, seen: set[int]) -> object:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, (Path, date, int, float, bool, Loc)) or value is None:
            return value  # Loc is frozen and holds only a path and a line
        if isinstance(value, tuple):
            return tuple(self._value(v, seen) for v in value)
        return self.walk(value, seen)


def mark(ground: str) -> str:
    """The marker that stands for a redacted string until the output shows its ground."""
    return f"{OPEN}{ground}{CLOSE}"


def grounds_in(text: str) -> list[str]:
    """The grounds of the markers in `text`, in order."""
    found: list[str] = MARKER.findall(text)
    return found


def plain(text: str) -> str:
    """Markers as their bare ground, for metadata, bookmarks and CSS strings."""
    return MARKER.sub(lambda m: m[1], text).replace(OPEN, "").replace(CLOSE, "")


def boxes_in_html(html: str) -> str:
    """Markers become black boxes that show only their ground.

    In the body's text a marker becomes `<span class="gelakt" id="gelakt-N-HEX">5.1.2e</span>`;
    the id (HEX: the ground) lets `woo.pdf.pages_with_boxes` find the page of every box
    through the PDF's named destinations. Inside tags (an id, an alt text) and in the
    head (title and metadata) a marker becomes its bare ground.
    """
    numbers = itertools.count(1)

    def box(match: re.Match[str]) -> str:
        ground = match[1]
        return (
            f'<span class="gelakt" id="gelakt-{next(numbers)}-{ground.encode().hex()}">'
            f"{ground}</span>"
        )

    def part(match: re.Match[str]) -> str:
        return plain(match[1]) if match[1] is not None else MARKER.sub(box, match[2])

    html = EMPTIED_IMAGE.sub(r"\1", EMPTIED_LINK.sub(r"\1", html))
    end = html.find("</head>")
    head, body = (html[:end], html[end:]) if end >= 0 else ("", html)
    html = plain(head) + TAG_OR_TEXT.sub(part, body)
    return ENCODED_MARKS.sub("", html).replace(OPEN, "").replace(CLOSE, "")


def box_ground(anchor: str) -> str | None:
    """The ground of a box from its anchor name, None for any other anchor."""
    match = BOX_ID.fullmatch(anchor)
    if match is None:
        return None
    try:
        return bytes.fromhex(match[1]).decode()
    except ValueError:
        return None


def public_werkmap(werkmap: Werkmap) -> tuple[Werkmap, Lakker]:
    """A redacted copy: non-public items and attachments left out, no annotations."""
    check_meeting_names(werkmap)
    public = copy.deepcopy(werkmap)
    for vergadering in public.vergaderingen:
        _leave_out_private(vergadering)
    lakker = Lakker(public.overleg.lakken)
    lakker.walk(public)
    return public, lakker


def check_meeting_names(werkmap: Werkmap) -> None:
    """A meeting folder's name is its id in every document (action numbers, references):
    it cannot be redacted, so a name that holds a string to redact is an error."""
    lakker = Lakker(werkmap.overleg.lakken)
    problems = Problems()
    for vergadering in werkmap.vergaderingen:
        found = lakker.found(vergadering.naam)
        if found:
            problems.error(
                Loc(vergadering.folder),
                f"de mapnaam '{vergadering.naam}' bevat '{found[0]}', een tekst uit woo.lakken "
                "of een e-mailadres; de mapnaam staat in de openbare versie (in de "
                "actienummers en verwijzingen) en kan niet gelakt worden: geef de map een "
                f"naam zonder die tekst (bedoelde u '{vergadering.datum.isoformat()}'?)",
            )
    problems.raise_if_any()


def _leave_out_private(vergadering: Vergadering) -> None:
    vergadering.annotaties = {}
    kept_punten = []
    carried = None  # the part heading of a left-out item, for the next item kept
    for punt in vergadering.punten:
        if punt.deel:
            carried = None
        if not punt.openbaar:
            carried = (punt.deel, punt.deel_nummer) if punt.deel else carried
            continue
        if carried and not punt.deel:
            punt.deel, punt.deel_nummer = carried
        carried = None
        kept_punten.append(punt)
    vergadering.punten = kept_punten
    for punt in vergadering.punten:
        punt.onderdelen = [o for o in punt.onderdelen if o.openbaar]
    kept = {p.id for p in vergadering.alle_punten()}
    used = {id(b) for p in vergadering.alle_punten() for b in p.bijlagen}
    vergadering.bijlagen = [b for b in vergadering.bijlagen if b.openbaar and id(b) in used]
    for bijlage in vergadering.bijlagen:
        if bijlage.openbaar_bestand is not None:
            bijlage.bestand = bijlage.openbaar_bestand
    leave_out_attachments(vergadering, keep=vergadering.bijlagen)
    if vergadering.verslag is not None:
        vergadering.verslag.punten = {
            key: punt for key, punt in vergadering.verslag.punten.items() if key in kept
        }


def leave_out_attachments(vergadering: Vergadering, keep: Iterable[Bijlage]) -> None:
    """Keep only the attachments in `keep`, on the meeting and under every item."""
    public_ids = {id(b) for b in keep}
    vergadering.bijlagen = [b for b in vergadering.bijlagen if id(b) in public_ids]
    for punt in vergadering.alle_punten():
        punt.bijlagen = [b for b in punt.bijlagen if id(b) in public_ids]


def legend_rows(pages_by_ground: dict[str, list[int]]) -> list[dict[str, str]]:
    """The legend's rows: per ground used, its article, its description and its pages."""
    return [
        {
            "grond": ground,
            "wet": "Wet open overheid",
            "artikel": article(ground),
            "beschrijving": GROUNDS.get(ground, ""),
            "paginas": " ".join(str(p) for p in pages),
        }
        for ground, pages in sorted(pages_by_ground.items())
        if pages
    ]
