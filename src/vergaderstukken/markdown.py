"""Markdown (CommonMark + tables) for every text field.

One parser configuration serves every output: HTML for the PDFs, the token stream for
the DOCX converter. Raw HTML is disabled, so markup typed into a field is shown as text.

Secretariats letter their lists ("a. ...", "b) ..."), which CommonMark does not know:
lines "a. ..." stay one paragraph, and "- a. ..." is a bullet list with letters in it.
`lettered_lists` turns both into an ordered list of type "a" (`<ol type="a">`; for the
DOCX converter each item's letter is in `list_item_open.info`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markupsafe import Markup

# "a. text" or "b) text": one letter, a full stop or parenthesis, a space
_LETTER = re.compile(r"^([a-z])([.)])[ \t]+(?=\S)")


@lru_cache(maxsize=1)
def md_parser() -> MarkdownIt:
    """The shared parser: CommonMark, tables and strikethrough, raw HTML off, lettered
    lists honoured."""
    md = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable(
        ["table", "strikethrough"]
    )
    md.core.ruler.before("inline", "lettered_lists", lettered_lists)
    return md


def _lettered(texts: list[str]) -> str | None:
    """The delimiter when every text opens with the next letter from "a", else None."""
    if len(texts) < 2:
        return None
    matches = [_LETTER.match(text) for text in texts]
    if not all(matches):
        return None
    letters = [m[1] for m in matches]  # type: ignore[index]
    delimiters = {m[2] for m in matches}  # type: ignore[index]
    expected = [chr(ord("a") + n) for n in range(len(texts))]
    return delimiters.pop() if letters == expected and len(delimiters) == 1 else None


def _attrs(delimiter: str) -> dict[str, str | int | float]:
    """`<ol type="a">`; "a)" items carry class "haakje" for the house style's marker."""
    return {"type": "a", "class": "haakje"} if delimiter == ")" else {"type": "a"}


def lettered_lists(state: StateCore) -> None:
    """Turn lettered bullet lists and lettered paragraph lines into lists of type "a"."""
    tokens = state.tokens
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "bullet_list_open":
            _bullets_to_letters(tokens, index)
        elif token.type == "paragraph_open" and index + 2 < len(tokens):
            lines = tokens[index + 1].content.split("\n")
            # "De TRA vraagt:" on the line above the list stays a paragraph of its own
            for first in range(len(lines) - 1):
                delimiter = _lettered(lines[first:])
                if delimiter is not None:
                    paragraph = tokens[index : index + 3]
                    replacement = _lines_to_list(paragraph, lines[first:], delimiter)
                    if first:
                        paragraph[1].content = "\n".join(lines[:first])
                        replacement = paragraph + replacement
                    tokens[index : index + 3] = replacement
                    index += len(replacement) - 1
                    break
        index += 1


def _bullets_to_letters(tokens: list[Token], start: int) -> None:
    """Make the bullet list opening at `start` a lettered list, if all its items are."""
    level = tokens[start].level
    items: list[int] = []  # index of each item's first inline token
    close = start
    for close in range(start + 1, len(tokens)):
        token = tokens[close]
        if token.level == level and token.type == "bullet_list_close":
            break
        if token.type == "list_item_open" and token.level == level + 1:
            first = close + 2  # list_item_open, paragraph_open, inline
            ok = first < len(tokens) and tokens[first].type == "inline"
            items.append(first if ok else -1)
    if not items or -1 in items:
        return
    delimiter = _lettered([tokens[i].content for i in items])
    if delimiter is None:
        return
    for token in (tokens[start], tokens[close]):
        token.type = token.type.replace("bullet", "ordered")
        token.tag = "ol"
        token.markup = delimiter
    tokens[start].attrs = _attrs(delimiter)
    for number, first in enumerate(items):
        tokens[first].content = _LETTER.sub("", tokens[first].content, count=1)
        item = tokens[first - 2]
        item.info, item.markup = chr(ord("a") + number), delimiter


def _lines_to_list(paragraph: list[Token], lines: list[str], delimiter: str) -> list[Token]:
    """paragraph_open, inline, paragraph_close of lettered lines as a tight lettered list."""
    opening, inline, _ = paragraph
    level, lines_map = opening.level, opening.map
    result = [
        Token(
            "ordered_list_open",
            "ol",
            1,
            attrs=_attrs(delimiter),
            map=lines_map,
            level=level,
            markup=delimiter,
            block=True,
        )
    ]
    for number, line in enumerate(lines):
        letter = chr(ord("a") + number)
        result += [
            Token(
                "list_item_open",
                "li",
                1,
                level=level + 1,
                info=letter,
                markup=delimiter,
                block=True,
            ),
            Token("paragraph_open", "p", 1, level=level + 2, hidden=True, block=True),
            Token(
                "inline",
                "",
                0,
                level=level + 3,
                content=_LETTER.sub("", line, count=1),
                children=[],
                block=True,
            ),
            Token("paragraph_close", "p", -1, level=level + 2, hidden=True, block=True),
            Token("list_item_close", "li", -1, level=level + 1, block=True),
        ]
    result.append(Token("ordered_list_close", "ol", -1, level=level, markup=delimiter, block=True))
    return result


def render_block(text: str | None) -> Markup:
    """Render a Markdown text field as block HTML (paragraphs, lists, tables)."""
    if not text:
        return Markup("")
    return Markup(dates_whole(md_parser().render(text)))


def render_inline(text: str | None) -> Markup:
    """Render a one-line field (a title) as inline HTML, without a wrapping paragraph."""
    if not text:
        return Markup("")
    return Markup(dates_whole(md_parser().renderInline(text)))


_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_DATE = re.compile(
    r"\b((?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) )?"
    rf"\d{{1,2}} (?:{_MONTHS})(?: \d{{4}})?)\b"
)


def dates_whole(html: str) -> str:
    """Keep each date in the text ("22 december 2023") on one line: a span the house
    style does not break (class "heel"). Only text between tags is touched."""
    parts = re.split(r"(<[^>]*>)", html)
    return "".join(
        part if part.startswith("<") else _DATE.sub(r'<span class="heel">\1</span>', part)
        for part in parts
    )
