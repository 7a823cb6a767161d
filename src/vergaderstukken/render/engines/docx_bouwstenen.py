"""The building blocks of Word content made from Markdown (docx_markdown.py): XML
elements, text XML can carry, the inline formatting toggles, plain text of inline tokens,
link targets worth a hyperlink, and the blank sub-document every block field starts from.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from urllib.parse import urlsplit

import docx
from docx.document import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docxtpl import DocxTemplate
from docxtpl.subdoc import Subdoc  # needs docxcompose: docxtpl[subdoc]
from markdown_it.token import Token

LINK_SCHEMES = {"http", "https", "mailto", "tel"}
TOGGLES = {"strong": "bold", "em": "italic", "s": "strike"}

# Characters outside the XML 1.0 Char production (control characters, lone
# surrogates, U+FFFE/U+FFFF): lxml refuses them, and a stray one pasted from a PDF
# must not stop the build.
XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def element(tag: str, **attrs: str) -> BaseOxmlElement:
    """A WordprocessingML element `tag` with its w: attributes."""
    el = OxmlElement(tag)
    for name, value in attrs.items():
        el.set(qn(f"w:{name}"), value)
    return el


def toggle(fmt: dict[str, int], kind: str) -> bool:
    """Count **, * and ~~ nesting in `fmt`; False if `kind` is not one of them."""
    name, _, edge = kind.rpartition("_")
    if name not in TOGGLES or edge not in ("open", "close"):
        return False
    fmt[TOGGLES[name]] += 1 if edge == "open" else -1
    return True


def xml_safe(text: str | None) -> str:
    """Return `text` without the characters XML 1.0 cannot carry."""
    return XML_INVALID.sub("", text or "")


def plain_text(tokens: Sequence[Token] | None) -> str:
    """Text of inline tokens without markup, for alt texts."""
    out = []
    for tok in tokens or ():
        if tok.type in ("text", "code_inline", "html_inline"):
            out.append(tok.content)
        elif tok.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif tok.children:
            out.append(plain_text(tok.children))
    return "".join(out)


def link_target(href: str) -> str | None:
    """Only absolute web/mail links become hyperlinks; a relative target means
    nothing once the document has been mailed around."""
    return href if urlsplit(href).scheme.lower() in LINK_SCHEMES else None


_BLANK: list[BaseOxmlElement] = []  # python-docx's default document body, read once


def blank_subdoc(tpl: DocxTemplate) -> Subdoc:
    """An empty Subdoc on `tpl`'s main part, as `tpl.new_subdoc()` makes, without
    opening python-docx's default template again for every field (that costs ~15 ms
    each, a third of a build). Each field gets its own copy of the blank body, so no
    two fields share XML."""
    if not _BLANK:
        _BLANK.append(docx.Document().element)
    tpl.init_docx()
    main = tpl.get_docx()
    subdoc: Subdoc = Subdoc.__new__(Subdoc)
    subdoc.tpl, subdoc.docx = tpl, main
    subdoc.subdocx = WordDocument(copy.deepcopy(_BLANK[0]), main.part)
    return subdoc
