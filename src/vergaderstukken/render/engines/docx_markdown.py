"""Markdown text fields as Word content for docxtpl templates.

The token stream comes from the same parser as the HTML/PDF output, so both formats
agree on what a field means. Block fields become a Subdoc (``{{p body }}`` in the
template), one-line titles a RichText (``{{r title }}``).

Headings inside a field become bold paragraphs, not the template's "Heading N" styles:
the document itself uses those styles for its own structure (agenda items, sections),
and a "# Kopje" typed in a field would otherwise land at the top level of Word's
navigation pane and table of contents, and take the size of a chapter title.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, RGBColor, Twips
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from docxtpl import DocxTemplate, RichText
from docxtpl.subdoc import Subdoc  # needs docxcompose: docxtpl[subdoc]
from markdown_it.token import Token

from vergaderstukken.markdown import md_parser

from .docx_bouwstenen import (
    blank_subdoc,
    element,
    link_target,
    plain_text,
    toggle,
    xml_safe,
)
from .docx_stijlen import Stijlen

__all__ = ["markdown_inline", "markdown_subdoc", "xml_safe"]

MONO_FONT = "Courier New"  # present in Word; LibreOffice maps it to Liberation Mono
LINK_COLOR = RGBColor(0x05, 0x63, 0xC1)
MAX_IMAGE_WIDTH = Cm(15)
MAX_IMAGE_HEIGHT = Cm(22)
# Matches the hanging indent of python-docx's and Word's default "List Bullet", so
# styled and prefixed list paragraphs line up.
LIST_INDENT = Twips(360)
QUOTE_INDENT = Cm(1)
BULLETS = ("•", "◦", "▪")
OUTSIDE_ROOT = "alleen afbeeldingen binnen de werkmap zijn toegestaan"
_ALIGN = {
    "text-align:right": WD_ALIGN_PARAGRAPH.RIGHT,
    "text-align:center": WD_ALIGN_PARAGRAPH.CENTER,
}

Warn = Callable[[str], None]
# Word rejects a document whose property elements are out of schema order, so
# borders and shading go before whatever python-docx may already have written.
_PPR_AFTER_SHD = ("w:tabs", "w:spacing", "w:ind", "w:jc", "w:rPr", "w:sectPr")


def _default_warn(message: str) -> None:
    warnings.warn(message, stacklevel=2)


@dataclass
class _List:
    ordered: bool
    delimiter: str
    counter: int
    pending: str | None = None  # prefix not yet written for the current item


class _Builder:
    def __init__(
        self,
        tpl: DocxTemplate,
        image_root: Path | None,
        warn: Warn,
        style: str | None = None,
        allowed_root: Path | None = None,
        read: Callable[[Path], None] | None = None,
    ) -> None:
        self.tpl = tpl
        self.read = read
        self.doc: Subdoc = blank_subdoc(tpl)
        self.stijlen = Stijlen.van(tpl)
        self.image_root = image_root.resolve() if image_root is not None else None
        self.allowed_root = allowed_root.resolve() if allowed_root else self.image_root
        self.warn = warn
        # The template's paragraph style for every paragraph of the field (a table cell's
        # smaller text, say); None, or a name the template lacks: its default style.
        self.style = style if style and self.stijlen.has(style) else None
        self.lists: list[_List] = []
        self.quote_depth = 0
        self.tight_last: Paragraph | None = None

    # --- styles ---------------------------------------------------------------

    def has_style(self, name: str) -> bool:
        return self.stijlen.has(name)

    def bullet_style(self, depth: int) -> str | None:
        """The template's bullet style for this depth, if its bullet really exists.

        A "List Bullet" copied between documents often keeps its numPr while the
        numbering definition stayed behind; Word then shows no bullet at all.
        """
        name = "List Bullet" if depth == 1 else f"List Bullet {depth}"
        if depth > 3 or self.quote_depth or self.style or not self.has_style(name):
            return None
        ids = self.doc.styles[name].element.xpath("./w:pPr/w:numPr/w:numId/@w:val")
        found = ids and any(
            rel.target_part.element.xpath(f'./w:num[@w:numId="{ids[0]}"]')
            for rel in self.doc.part.rels.values()
            if rel.reltype == RT.NUMBERING and not rel.is_external
        )
        return name if found else None

    # --- blocks ---------------------------------------------------------------

    def indent(self) -> int:
        return len(self.lists) * LIST_INDENT + self.quote_depth * QUOTE_INDENT

    def paragraph(self) -> Paragraph:
        paragraph: Paragraph = self.doc.add_paragraph()
        if self.style is not None:
            self.stijlen.paragraph(paragraph, self.style)
        return paragraph

    def block_paragraph(self) -> Paragraph:
        """A new body paragraph, carrying the pending list prefix if any."""
        para = self.paragraph()
        fmt = para.paragraph_format
        lst = self.lists[-1] if self.lists else None
        if lst is not None and lst.pending is not None:
            prefix, lst.pending = lst.pending, None
            style = None if lst.ordered else self.bullet_style(len(self.lists))
            if style:
                self.stijlen.paragraph(para, style)
                return para
            # Ordered lists always get a typed number: Word's list numbering would
            # run on from one list into the next within the same document.
            fmt.left_indent = self.indent()
            fmt.first_line_indent = -LIST_INDENT
            para.add_run(prefix + "\t")
            return para
        if self.indent():
            fmt.left_indent = self.indent()
        return para

    def flush_prefix(self) -> None:
        """An item that opens with a table or nested list still shows its marker."""
        if self.lists and self.lists[-1].pending is not None:
            self.block_paragraph()

    def build(self, tokens: list[Token]) -> Subdoc:
        stream = iter(tokens)
        for tok in stream:
            self.block(tok, stream)
        blocks = [el for el in self.doc.element.body if el.tag != qn("w:sectPr")]
        # A table cell must end in a paragraph; the template may put the field in one.
        if not blocks or blocks[-1].tag == qn("w:tbl"):
            self.paragraph()
        return self.doc

    def block(self, tok: Token, stream: Iterator[Token]) -> None:
        kind = tok.type
        if kind in ("paragraph_open", "heading_open"):
            para = self.block_paragraph()
            if kind == "heading_open":
                para.paragraph_format.keep_with_next = True
            elif tok.hidden:
                # A tight list (no blank lines between items) reads as one block, as
                # in the HTML output: no gap between items, the usual one after it.
                para.paragraph_format.space_after = 0
                self.tight_last = para
            self.inline(para, next(stream).children, bold=kind == "heading_open")
            next(stream)  # the matching _close
        elif kind in ("bullet_list_open", "ordered_list_open"):
            self.flush_prefix()
            start = int(tok.attrs.get("start", 1))
            self.lists.append(_List(kind == "ordered_list_open", tok.markup or ".", start))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
            if not self.lists and self.tight_last is not None:
                self.tight_last.paragraph_format.space_after = None
                self.tight_last = None
        elif kind == "list_item_open":
            lst = self.lists[-1]
            if lst.ordered:
                lst.pending = f"{tok.info or lst.counter}{lst.delimiter}"
                lst.counter += 1
            else:
                lst.pending = BULLETS[(len(self.lists) - 1) % len(BULLETS)]
        elif kind == "list_item_close":
            self.flush_prefix()
        elif kind == "blockquote_open":
            self.flush_prefix()
            self.quote_depth += 1
        elif kind == "blockquote_close":
            self.quote_depth -= 1
        elif kind in ("fence", "code_block"):
            self.code_block(tok.content)
        elif kind == "hr":
            self.rule()
        elif kind == "html_block":
            self.block_paragraph().add_run(tok.content.rstrip("\n"))
        elif kind == "table_open":
            self.flush_prefix()
            self.table(stream)

    def code_block(self, code: str) -> None:
        para = self.block_paragraph()
        shd = element("w:shd", val="clear", color="auto", fill="F2F2F2")
        para._p.get_or_add_pPr().insert_element_before(shd, *_PPR_AFTER_SHD)
        # python-docx turns "\n" into <w:br/> and "\t" into <w:tab/>, keeping
        # the lines of the block together in one shaded paragraph.
        run = para.add_run(code.rstrip("\n"))
        run.font.name = MONO_FONT

    def rule(self) -> None:
        para = self.block_paragraph()
        border = element("w:pBdr")
        border.append(element("w:bottom", val="single", sz="6", space="1", color="auto"))
        para._p.get_or_add_pPr().insert_element_before(border, "w:shd", *_PPR_AFTER_SHD)

    def table(self, stream: Iterator[Token]) -> None:
        rows: list[list[tuple[Token, Token | None]]] = []
        for tok in stream:
            if tok.type == "table_close":
                break
            if tok.type == "tr_open":
                rows.append([])
            elif tok.type in ("th_open", "td_open"):
                rows[-1].append((tok, None))
            elif tok.type == "inline":
                rows[-1][-1] = (rows[-1][-1][0], tok)
        table = self.doc.add_table(rows=0, cols=len(rows[0]))
        self.style_table(table)
        for cells in rows:
            row = table.add_row()  # after style_table: new cells copy the column widths
            # markdown-it pads short rows and cuts long ones, so zip loses nothing.
            for cell, (start, inline) in zip(row.cells, cells, strict=False):
                para = cell.paragraphs[0]
                if self.style:
                    self.stijlen.paragraph(para, self.style)
                para.alignment = _ALIGN.get(str(start.attrs.get("style")))
                self.inline(para, inline.children if inline else None, start.type == "th_open")
            if cells[0][0].type == "th_open":
                # Repeat the header row on every page the table spans.
                row._tr.get_or_add_trPr().append(element("w:tblHeader"))

    def style_table(self, table: Table) -> None:
        section = self.tpl.docx.sections[-1]
        width = section.page_width - section.left_margin - section.right_margin
        for column in table.columns:
            column.width = width // len(table.columns)
        # The grid assumes the full text width; 100% lets the table shrink to fit
        # when the template puts the field in a table cell or a narrower column.
        tbl_w = table._tbl.tblPr.find(qn("w:tblW"))
        tbl_w.set(qn("w:type"), "pct")
        tbl_w.set(qn("w:w"), "5000")
        if self.has_style("Table Grid"):
            self.stijlen.table(table, "Table Grid")
            return
        borders = element("w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            borders.append(element(f"w:{edge}", val="single", sz="4", space="0", color="auto"))
        table._tbl.tblPr.insert_element_before(
            borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption"
        )

    # --- inline ---------------------------------------------------------------

    def inline(self, para: Paragraph, children: list[Token] | None, bold: bool = False) -> None:
        fmt = {"bold": int(bold), "italic": 0, "strike": 0}
        link = None  # the open <w:hyperlink>, if any

        def run(text: str = "", code: bool = False) -> Run:
            r = para.add_run(text)
            if fmt["bold"]:
                r.bold = True
            if fmt["italic"]:
                r.italic = True
            if fmt["strike"]:
                r.font.strike = True
            if code:
                r.font.name = MONO_FONT
            if link is not None:
                link.append(r._r)
                if self.has_style("Hyperlink"):
                    self.stijlen.run(r, "Hyperlink")
                else:
                    r.font.color.rgb = LINK_COLOR
                    r.font.underline = True
            return r

        for tok in children or ():
            kind = tok.type
            if kind in ("text", "html_inline"):
                run(tok.content)
            elif kind == "code_inline":
                run(tok.content, code=True)
            elif kind == "softbreak":
                run(" ")
            elif kind == "hardbreak":
                run().add_break()
            elif toggle(fmt, kind):
                continue
            elif kind == "link_open":
                target = link_target(str(tok.attrs.get("href", "")))
                if target is not None:
                    link = element("w:hyperlink", history="1")
                    link.set(qn("r:id"), self.tpl.build_url_id(target))
                    para._p.append(link)
            elif kind == "link_close":
                link = None
            elif kind == "image":
                self.image(tok, run)

    def image(self, tok: Token, run: Callable[..., Run]) -> None:
        src = str(tok.attrs.get("src", ""))
        shown = unquote(src)
        alt = plain_text(tok.children) or tok.content
        path = self.local_image(src)
        if path is not None and self.read is not None:
            self.read(path)
        if path is None:
            self.warn(f"afbeelding '{shown}' niet opgenomen: {OUTSIDE_ROOT}")
        elif not path.is_file():
            self.warn(f"afbeelding '{shown}' niet opgenomen: bestand niet gevonden")
        elif path.suffix.lower() == ".svg":  # python-docx embeds bitmaps only
            self.warn(f"afbeelding '{shown}' niet opgenomen: Word toont hier geen svg")
        else:
            r = run()
            try:
                shape = r.add_picture(str(path))
            except Exception as exc:  # any unreadable file: warn, keep building
                reason = str(exc) or type(exc).__name__
                self.warn(f"afbeelding '{shown}' niet opgenomen: {reason}")
            else:
                scale = min(1.0, MAX_IMAGE_WIDTH / shape.width, MAX_IMAGE_HEIGHT / shape.height)
                if scale < 1.0:
                    shape.width = Emu(int(shape.width * scale))
                    shape.height = Emu(int(shape.height * scale))
                shape._inline.docPr.set("descr", alt)
                return
        run(f"[{alt}]" if alt else "[afbeelding]")

    def local_image(self, src: str) -> Path | None:
        """The file `src` names inside image_root, or None when it points elsewhere.

        Nothing is ever fetched: a build must not depend on the network, and a
        remote or absolute path would let a text field read arbitrary files.
        """
        parts = urlsplit(src)
        if self.image_root is None or self.allowed_root is None:
            return None
        if parts.scheme or parts.netloc or not parts.path:
            return None
        path = (self.image_root / unquote(parts.path)).resolve()
        return path if path.is_relative_to(self.allowed_root) else None


def markdown_subdoc(
    tpl: DocxTemplate,
    text: str | None,
    *,
    image_root: Path | None = None,
    warn: Warn | None = None,
    style: str | None = None,
    allowed_root: Path | None = None,
    read: Callable[[Path], None] | None = None,
) -> Subdoc:
    """Convert a Markdown block field into a Subdoc for a ``{{p field }}`` tag.

    Call before or during ``tpl.render`` (a Jinja filter works), for the document
    body only: links and images are registered on the main document part, so in a
    header or footer they would dangle, and a second render of `tpl` reloads the
    template and drops them. Relative image paths resolve against `image_root`, and
    images are only taken from inside `allowed_root` (default: `image_root`); others
    are replaced by their alt text and reported through `warn` (default:
    ``warnings.warn``). `style` names the template's paragraph style for the field's
    paragraphs (bullets are then typed, so they take that style too). `read` is told
    of every image file the field names inside the allowed root (the build cache's inputs).
    """
    builder = _Builder(tpl, image_root, warn or _default_warn, style, allowed_root, read)
    return builder.build(md_parser().parse(xml_safe(text)))


def markdown_inline(tpl: DocxTemplate, text: str | None, *, warn: Warn | None = None) -> RichText:
    """Convert a one-line Markdown field (a title) into RichText for a ``{{r field }}`` tag.

    Only inline markup applies, so "3. Begroting" stays a title instead of becoming a
    list. Line breaks become spaces and images their alt text.
    """
    rich = RichText()
    tokens = md_parser().parseInline(xml_safe(text))
    children = (tokens[0].children or []) if tokens else []
    fmt = {"bold": 0, "italic": 0, "strike": 0}
    url_id = None
    for tok in children:
        kind = tok.type
        if toggle(fmt, kind):
            continue
        if kind == "link_open":
            target = link_target(str(tok.attrs.get("href", "")))
            url_id = tpl.build_url_id(target) if target else None
            continue
        if kind == "link_close":
            url_id = None
            continue
        if kind in ("text", "code_inline", "html_inline"):
            content = tok.content
        elif kind in ("softbreak", "hardbreak"):
            content = " "
        elif kind == "image":
            alt = plain_text(tok.children) or tok.content
            (warn or _default_warn)(
                f"afbeelding '{unquote(str(tok.attrs.get('src', '')))}' niet opgenomen: "
                "geen afbeeldingen in een titel"
            )
            content = f"[{alt}]" if alt else "[afbeelding]"
        else:
            continue
        rich.add(
            content,
            bold=bool(fmt["bold"]),
            italic=bool(fmt["italic"]),
            strike=bool(fmt["strike"]),
            font=MONO_FONT if kind == "code_inline" else None,
            url_id=url_id,
            color=f"{LINK_COLOR}" if url_id else None,
            underline=bool(url_id),
        )
    return rich
