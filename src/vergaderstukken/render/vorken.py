"""When this process may fork processes that go on with its code: the build's workers
(pool.py) and its typesetters (zetter.py)."""

from __future__ import annotations

import sys
import threading


def fork_safe() -> bool:
    """Fork shares the loaded workspace for free, but macOS' system libraries forbid it,
    and a build in a thread beside others (stukken serve's) would fork that thread alone,
    with the locks the others hold (an import under way) taken for good."""
    main = threading.current_thread() is threading.main_thread()
    return sys.platform.startswith("linux") and main
