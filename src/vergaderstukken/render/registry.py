"""The documents a build writes, in the order they are rendered.

Each entry takes the build's RenderJob and returns {file name: bytes}. The meeting pack
comes last because it reuses the parts the others rendered.
"""

from __future__ import annotations

from . import agenda

DOCUMENTS = [
    agenda.documents,
]

# The minutes, the action-and-decision list and its Markdown twins (when verslag.yaml exists).
from . import lijsten, verslag  # noqa: E402

DOCUMENTS += [verslag.documents, lijsten.documents]
