"""Matching for the redaction (lakken.py): every spelling that renders the same.

Text is compared on a normalised copy (NFKC + casefold, format characters dropped, any
whitespace a space) that keeps, for every character, the span of the original text it
came from; a match on the copy replaces that whole original span, so the model stays
readable where nothing is redacted and nothing of a match survives, not even a soft
hyphen inside it.

E-mail addresses are matched as a mail client accepts them (RFC 5322 atext in the local
part, a host without a dot, an IP literal), and Markdown link targets are screened after
decoding (`woo.Lakker.text`), because a browser or mail client decodes them too.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import unquote, unquote_plus

# Invisible characters that are no format character (category Cf) but render as nothing
# all the same: the combining grapheme joiner, Hangul fillers, variation selectors.
_ALSO_IGNORABLE = {0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0}
_ALSO_IGNORABLE.update(range(0x180B, 0x1810), range(0xFE00, 0xFE10), range(0xE0100, 0xE01F0))

# On the normalised copy (lower case, "＠" already "@"). Local part: RFC 5322 atext and
# dots, and any letter or digit (internationalised addresses). Host: labels of letters,
# digits and hyphens, with or without a dot (`user@localhost`), or an IP literal.
_ATEXT = r"[\w!#$%&'*+/=?^`{|}~-]"
_LABEL = r"[^\W_](?:[\w-]*[^\W_])?"
EMAIL = re.compile(
    rf"{_ATEXT}(?:[\w.!#$%&'*+/=?^`{{|}}~-]*{_ATEXT})?@(?:{_LABEL}(?:\.{_LABEL})*|\[[^\]\s\[@]+\])"
)
# Markup that may open an address in Markdown (`*jan@x.nl*`): not part of it when the
# same character closes it.
_MARKUP = "*_~`'"

# Markdown link targets, in the source: inline `[tekst](doel "titel")` and images, and
# reference definitions `[label]: doel`; group 1 is the target.
INLINE_TARGET = re.compile(r"\]\([ \t]*\n?[ \t]*(<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)")
REFERENCE_TARGET = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\n?[ \t]*(<[^<>\n]*>|\S+)", re.M)
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>")
_MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def ignorable(char: str) -> bool:
    """Whether `char` renders as nothing: a format character or one of its kin."""
    return unicodedata.category(char) == "Cf" or ord(char) in _ALSO_IGNORABLE


@dataclass(frozen=True)
class Normalised:
    """A normalised copy of a text, and where each of its characters came from."""

    text: str
    starts: Sequence[int]
    ends: Sequence[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text behind `text[start:end]` (end > start)."""
        return self.starts[start], self.ends[end - 1]


def normalise(text: str) -> Normalised:
    """NFKC + casefold, format characters out, whitespace a space, with a position map.

    A base character and the combining marks after it are normalised together, so a
    decomposed accent composes; a ligature gives several characters of one origin.
    """
    if text.isascii():
        return Normalised(text.lower(), range(len(text)), range(1, len(text) + 1))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if ignorable(char):
            i += 1
            continue
        j = i + 1
        cluster = [char]
        while j < n and (unicodedata.category(text[j])[0] == "M" or ignorable(text[j])):
            if not ignorable(text[j]):
                cluster.append(text[j])
            j += 1
        piece = unicodedata.normalize("NFKC", "".join(cluster))
        piece = unicodedata.normalize("NFKC", piece.casefold())
        for c in piece:
            if not ignorable(c):
                out.append(" " if c.isspace() else c)
                starts.append(i)
                ends.append(j)
        i = j
    return Normalised("".join(out), starts, ends)


def email_spans(normalised: str) -> list[tuple[int, int]]:
    """Spans of the e-mail addresses in a normalised text."""
    spans = []
    for match in EMAIL.finditer(normalised):
        start, end = match.span()
        at = normalised.index("@", start)
        host = normalised[at + 1 : end]
        if not re.search(r"[^\W_]", normalised[start:at]) or not (
            host.startswith("[") or re.search(r"[^\W\d_]", host)
        ):
            continue  # "&@95", "C#@3": no letter or digit before, no letter after
        while (
            start < at - 1
            and normalised[start] in _MARKUP
            and end < len(normalised)
            and normalised[end] == normalised[start]
        ):
            start += 1
        spans.append((start, end))
    return spans


def decoded(target: str) -> list[str]:
    """A link target as a browser or mail client reads it: entities and percent-escapes
    decoded, and once more with '+' as a space."""
    target = html.unescape(target.strip("<>"))
    return list(dict.fromkeys([target, unquote(target), unquote_plus(target)]))


def shown(text: str) -> str:
    """A match as a message shows it: without invisible characters, spaces collapsed."""
    return " ".join("".join(c for c in text if not ignorable(c)).split())


def escaped(text: str) -> str:
    """Plain text as Markdown that shows exactly that text."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)
