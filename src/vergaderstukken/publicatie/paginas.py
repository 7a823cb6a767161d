"""The HTML pages of the site, from the Jinja templates in templates/site/.

A workspace overrides a page or the stylesheet file by file in its own templates/site/,
as it does for the PDFs. Every link is relative (`root` is "" on the top pages and "../"
on a meeting's page), so the folder works from any URL prefix and from file://.
Redaction markers become boxes that show their ground, with words for screen readers.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from .. import dutch
from ..exceptions import StukkenError
from ..markdown import render_block, render_inline
from ..render.engines.templates import builtin_templates, environment, template_errors
from ..woo import lakken as woo

MAP = "site"
BOX = re.compile(r'<span class="gelakt" id="gelakt-\d+-[0-9a-f]+">([^<]*)</span>')
TOEGANKELIJK_VAK = (
    r'<span class="gelakt"><span class="visueel-verborgen">gelakt op grond van </span>\1</span>'
)


class Paginas:
    """Renders the site's pages for one workspace."""

    def __init__(self, root: Path):
        own = root / "templates" / MAP
        self.folders = [f for f in (own, builtin_templates() / MAP) if f.is_dir()]
        self.env = environment(jinja2.FileSystemLoader(self.folders))
        self.env.filters.update(
            md=lambda text: render_block(text) if text else Markup(""),
            inline=lambda text: render_inline(text) if text else Markup(""),
            datum=_datum(dutch.datum_kort),
            datum_lang=_datum(dutch.datum_lang),
            termijn=termijn,
        )

    def render(self, name: str, context: dict[str, Any]) -> str:
        """A page: the template rendered, then the markers as boxes."""
        with template_errors():
            html = self.env.get_template(name).render(context)
        return vakken(html)

    def bestand(self, name: str) -> bytes:
        """A file of the site's assets (stylesheet, script) as it is, the workspace's first."""
        for folder in self.folders:
            if (folder / name).is_file():
                return (folder / name).read_bytes()
        raise StukkenError(f"sjabloon '{MAP}/{name}' niet gevonden")


def vakken(html: str) -> str:
    """Markers become black boxes with their ground (as in the PDFs), said out loud as
    'gelakt op grond van 5.1.2e'; in attributes and the head their bare ground."""
    return BOX.sub(TOEGANKELIJK_VAK, woo.boxes_in_html(html))


def _datum(form: Any) -> Any:
    def show(value: str | date | None) -> str:
        if value is None:
            return ""
        day = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
        return str(form(day))

    return show


def termijn(value: str | None) -> str:
    """A deadline in words: an ISO date as '15 februari 2024', free text as written."""
    if not value:
        return ""
    try:
        return dutch.datum_kort(date.fromisoformat(value))
    except ValueError:
        return value
