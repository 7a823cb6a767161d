"""DOCX documents from docxtpl templates (A4, in `templates/`), with Markdown fields.

Templates call `|md` on a block field ({{p punt.toelichting|md }}, in a table cell with
the template's paragraph style for it: {{p regel.toelichting|md("Tabeltekst") }}) and
`|md_inline` on a title ({{r punt.titel|md_inline }}); both build Word content from the
same Markdown parser the PDFs use. autoescape is on, or docxtpl silently drops '&' and '<'.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..exceptions import Loc, StukkenError
from ..gather import platte_tekst
from .cache import Bouwcache, file_hash
from .engines.templates import environment, template_errors
from .job import RenderJob

if TYPE_CHECKING:  # python-docx and docxtpl load in ~0.4 s: only when a file is made
    from docxtpl import DocxTemplate, RichText
    from docxtpl.subdoc import Subdoc

IMAGE_WARNING = re.compile(r"afbeelding '(.*)' niet opgenomen")


def converter_warner(job: RenderJob, text: str | None) -> Callable[[str], None]:
    """Warnings of the Markdown converter about one field: silent about an image the
    image check refused (it has warned for every document), and otherwise about an image
    that only the PDF shows (an SVG, an image in a title), at the field's own line."""

    def warn(message: str) -> None:
        found = IMAGE_WARNING.match(message)
        source, _ = job.bron
        if found is None:
            job.warn(source, message)
        elif not job.afbeeldingen.is_refused(found[1]):
            where = job.afbeeldingen.where(str(text or ""), found[1], 0)
            reason = message[found.end() :].lstrip(": ")
            job.warn(
                where or source,
                f"afbeelding '{found[1]}' is niet opgenomen in de Word-documenten: {reason}",
            )

    return warn


def render_docx(
    job: RenderJob,
    template: str,
    context: dict[str, Any],
    *,
    source: Loc,
    image_root: Path | None = None,
) -> bytes:
    """Fill the DOCX `template` with `context` and return the finished, reproducible file.

    Images in Markdown fields resolve against `image_root` (default: the meeting folder);
    `source` is where errors and warnings point when nothing more precise is known.
    """
    path = job.templates.path(template)
    root = image_root or job.vergadering.folder
    author = job.werkmap.overleg.secretariaat or job.werkmap.overleg.naam
    context_text = repr(context)
    key: list[object] | None = [
        "docx",
        str(path.resolve()),
        file_hash(path),
        context_text,
        str(root.resolve()),
        str(job.werkmap.root.resolve()),
        str(job.vergadering.datum),
        author,
        str(job.fonts),
        str(source),
    ]
    if " object at 0x" in context_text:  # a value without a stable text: not cached
        key = None

    def make(read: Callable[[Path], None]) -> list[bytes]:
        return [fill(job, path, context, source, root, author, read)]

    return job.onthouden(key, make)[0]


def fill(
    job: RenderJob,
    path: Path,
    context: dict[str, Any],
    source: Loc,
    root: Path,
    author: str,
    read: Callable[[Path], None],
) -> bytes:
    """The template at `path` filled with `context`, as a finished, reproducible file."""
    from .engines.docx_markdown import markdown_inline, markdown_subdoc
    from .engines.docx_stable import reproducible, saved_uncompressed, set_core_properties

    try:
        tpl = sjabloon(path, job.cache)
        tpl.render_init()
    except Exception as error:  # a damaged override is the user's file, not our bug
        raise StukkenError(
            f"{path}: sjabloon kan niet worden gelezen als .docx ({error})"
        ) from None

    def md(text: str | None, stijl: str | None = None) -> Subdoc:
        job.check_images(text)
        return markdown_subdoc(
            tpl,
            text,
            image_root=root,
            allowed_root=job.werkmap.root,
            warn=converter_warner(job, text),
            style=stijl,
            read=read,
        )

    def md_inline(text: str | None) -> RichText:
        job.check_images(text)
        return markdown_inline(tpl, text, warn=converter_warner(job, text))

    env = environment()
    env.filters.update(md=md, md_inline=md_inline, tekst=platte_tekst)
    env.bytecode_cache = job.templates.env.bytecode_cache  # the build cache's, if any
    with template_errors(), job.rendering(source, root):
        try:
            tpl.render(context, jinja_env=env, autoescape=True)
        except Exception as error:
            if error.__class__.__module__.startswith("jinja2"):
                raise
            raise StukkenError(f"{path}: sjabloonfout: {error}") from None
    document = context["document"]
    set_core_properties(
        tpl,
        title=document["titel"],
        subject=document["omschrijving"],
        author=author,
        when=job.vergadering.datum,
    )
    return reproducible(saved_uncompressed(tpl), job.vergadering.datum, fonts=job.fonts)


def sjabloon(path: Path, cache: Bouwcache | None) -> DocxTemplate:
    """docxtpl's template at `path`; with the build cache, the XML of its parts cleaned
    for Jinja once and kept (Bouwcache.voorbewerkt), not again in every build."""
    from docxtpl import DocxTemplate

    if cache is None:
        return DocxTemplate(path)
    store = cache

    class Sjabloon(DocxTemplate):  # type: ignore[misc]  # docxtpl is untyped
        def patch_xml(self, src_xml: str) -> str:
            return store.voorbewerkt(src_xml, super().patch_xml)

    return Sjabloon(path)
