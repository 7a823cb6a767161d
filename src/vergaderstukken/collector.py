"""Python's cycle collector, tuned for a build.

Loading a workspace and laying out pages make millions of short-lived objects; with the
default thresholds the collector walks everything alive again and again (a tenth of a
build, more with a long history).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def fewer_collections() -> Iterator[None]:
    """The collector inside the block: what is alive when it starts stays alive until the
    build ends, so it is frozen out of the collector's sight (forked workers then also
    share it without copying), and the collector runs less often. Memory stays bounded:
    it still runs. Restored afterwards."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()
