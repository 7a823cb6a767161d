"""A template's Word styles, looked up once per template.

python-docx finds a style by walking every style of the document, and finds the default
style the same way, each time a paragraph, run or table is given one: a tenth of the cost
of a Word file. The answers are the same for every field of a template, so each is asked
once; the XML written is what python-docx's own setters write.
"""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from docxtpl import DocxTemplate


class Stijlen:
    """The styles of one template's main document part."""

    def __init__(self, tpl: DocxTemplate) -> None:
        self.document = tpl.get_docx()
        self.present: dict[str, bool] = {}
        self.ids: dict[tuple[str, WD_STYLE_TYPE], str | None] = {}

    @classmethod
    def van(cls, tpl: DocxTemplate) -> Stijlen:
        """The lookups of `tpl`, made on first use (docxtpl reloads the document part of a
        template it renders again: then they start over)."""
        found = tpl.__dict__.get("_stukken_stijlen")
        if not isinstance(found, Stijlen) or found.document is not tpl.get_docx():
            found = cls(tpl)
            tpl.__dict__["_stukken_stijlen"] = found
        return found

    def has(self, name: str) -> bool:
        """Whether the template defines a style called `name`."""
        if name not in self.present:
            self.present[name] = name in self.document.styles
        return self.present[name]

    def style_id(self, name: str, kind: WD_STYLE_TYPE) -> str | None:
        """The id python-docx would write for style `name`; None for the default style."""
        if (name, kind) not in self.ids:
            self.ids[(name, kind)] = self.document.part.get_style_id(name, kind)
        return self.ids[(name, kind)]

    def paragraph(self, paragraph: Paragraph, name: str) -> None:
        """`paragraph.style = name`."""
        paragraph._p.style = self.style_id(name, WD_STYLE_TYPE.PARAGRAPH)

    def run(self, run: Run, name: str) -> None:
        """`run.style = name`."""
        run._r.style = self.style_id(name, WD_STYLE_TYPE.CHARACTER)

    def table(self, table: Table, name: str) -> None:
        """`table.style = name`."""
        table._tbl.tblStyle_val = self.style_id(name, WD_STYLE_TYPE.TABLE)
