"""When this process may fork processes that go on with its code: the build's workers
(pool.py), its typesetters (zetter.py) and stukken serve's builder (serve/bouwer.py)."""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
from contextlib import suppress

PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent ends


def fork_safe() -> bool:
    """Fork shares the loaded workspace for free, but macOS' system libraries forbid it,
    and a build in a thread beside others (stukken serve's) would fork that thread alone,
    with the locks the others hold (an import under way) taken for good."""
    main = threading.current_thread() is threading.main_thread()
    return sys.platform.startswith("linux") and main


def fork_child() -> int:
    """os.fork, the child ending with its parent (nothing but its parent stops it); -1 if
    no process could be made. Only where `fork_safe()`."""
    for stream in (sys.stdout, sys.stderr):  # nothing buffered is written twice
        stream.flush()
    try:
        pid = os.fork()
    except OSError:
        return -1
    if pid == 0:
        with suppress(Exception):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    return pid
