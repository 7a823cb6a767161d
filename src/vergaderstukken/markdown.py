"""Markdown (CommonMark + tables) for every text field.

One parser configuration serves every output: HTML for the PDFs, the token stream for
the DOCX converter. Raw HTML is disabled, so markup typed into a field is shown as text.
"""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markupsafe import Markup


@lru_cache(maxsize=1)
def md_parser() -> MarkdownIt:
    """The shared parser: CommonMark, tables and strikethrough, raw HTML off."""
    return MarkdownIt("commonmark", {"html": False, "typographer": False}).enable(
        ["table", "strikethrough"]
    )


def render_block(text: str | None) -> Markup:
    """Render a Markdown text field as block HTML (paragraphs, lists, tables)."""
    if not text:
        return Markup("")
    return Markup(md_parser().render(text))


def render_inline(text: str | None) -> Markup:
    """Render a one-line field (a title) as inline HTML, without a wrapping paragraph."""
    if not text:
        return Markup("")
    return Markup(md_parser().renderInline(text))
