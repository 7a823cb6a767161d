"""PLACEHOLDER for the minutes branch: the real module replaces this file when it lands.

It offers the one function the meeting pack needs, `verslag_pdf(job, vergadering)`, and
renders a meeting's minutes through a template named `verslag.html` when one exists (the
workspace's own or a built-in one); without that template it says so instead of guessing.
"""

from __future__ import annotations

import jinja2

from ..exceptions import StukkenError
from ..model import Vergadering
from .context import agenda_context, document_info
from .job import RenderJob


def verslag_pdf(job: RenderJob, vergadering: Vergadering) -> bytes:
    """The minutes of `vergadering` as PDF, rendered once per build."""

    def make() -> bytes:
        try:
            job.templates.env.get_template("verslag.html")
        except jinja2.TemplateNotFound:
            raise StukkenError(
                f"{vergadering.loc}: het verslag van {vergadering.naam} kan niet gemaakt "
                "worden: sjabloon 'verslag.html' ontbreekt"
            ) from None
        context = agenda_context(job.workspace, vergadering, job.fonts)
        context["verslag"] = vergadering.verslag
        context["document"] = document_info(job.workspace, vergadering, "verslag", "Verslag")
        source = vergadering.verslag.loc if vergadering.verslag else vergadering.loc
        return job.pdf("verslag.html", context, source=source)

    return job.part(f"verslag-{vergadering.naam}.pdf", make)
