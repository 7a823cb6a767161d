"""The documents a build writes, in the order they are rendered.

Each entry takes the build's RenderJob and returns {file name: bytes}. The meeting pack
comes last because it reuses the parts the others rendered.
"""

from __future__ import annotations

from . import agenda

DOCUMENTS = [
    agenda.documents,
]

# The meeting pack reuses the parts rendered above, so it stays last.
from . import pakket  # noqa: E402

DOCUMENTS.append(pakket.documents)
