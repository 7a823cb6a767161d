"""A watermark ("CONCEPT") drawn as outlines, not as text.

Text in a rotated box would land in the PDF's text layer, letter by letter, between the
real content: copying a paragraph or searching the document would pick it up. Outlines
from the house font in an SVG image are seen on every page and read by nobody.
"""

from __future__ import annotations

import base64
from functools import lru_cache
from pathlib import Path

COLOR = "#aa0000"
OPACITY = 0.08
TRACKING = 0.1  # extra space between letters, in em


@lru_cache(maxsize=8)
def watermerk_url(text: str, font: Path) -> str:
    """A data: URL of an SVG with `text` as filled outlines in `font`."""
    from fontTools.pens.svgPathPen import SVGPathPen
    from fontTools.pens.transformPen import TransformPen
    from fontTools.ttLib import TTFont

    ttf = TTFont(str(font))
    glyphs, cmap = ttf.getGlyphSet(), ttf.getBestCmap()
    units = ttf["head"].unitsPerEm
    ascent, descent = ttf["hhea"].ascent, ttf["hhea"].descent
    pen = SVGPathPen(glyphs)
    x = 0.0
    for char in text:
        name = cmap.get(ord(char))
        if name is None:
            continue
        glyphs[name].draw(TransformPen(pen, (1, 0, 0, -1, x, ascent)))  # SVG's y points down
        x += glyphs[name].width + TRACKING * units
    width, height = round(max(x - TRACKING * units, 1)), ascent - descent
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}"><path d="{pen.getCommands()}" '
        f'fill="{COLOR}" fill-opacity="{OPACITY}"/></svg>'
    )
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")
