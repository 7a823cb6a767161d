"""The installed versions of the libraries that write the files, for the cache's digest.

`importlib.metadata` costs 15 ms to import and reads each library's METADATA with the
e-mail parser; every build needs the versions before it knows whether anything changed.
An installer names a library's metadata folder `name-version.dist-info` (PEP 427, with the
name normalised), so the versions are read from those names, on the import path in its
order, as importlib.metadata would find them. A library installed otherwise (an .egg-info)
is asked of importlib.metadata after all.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable

MISSING = "-"


def normalised(name: str) -> str:
    """A distribution name as a metadata folder spells it (PEP 503, with underscores)."""
    return re.sub(r"[-_.]+", "_", name).lower()


def library_versions(names: Iterable[str]) -> dict[str, str]:
    """{name: version} of each of `names`, in their order; MISSING for one not installed."""
    wanted = {normalised(name): name for name in names}
    found: dict[str, str] = {}
    for folder in sys.path:
        try:
            entries = os.listdir(folder or ".")
        except OSError:
            continue
        for entry in entries:
            if not entry.endswith(".dist-info"):
                continue
            name, _, version = entry[: -len(".dist-info")].partition("-")
            library = wanted.get(normalised(name))
            if library is not None and version and library not in found:
                found[library] = version
        if len(found) == len(wanted):
            break
    return {
        library: found[library] if library in found else _from_metadata(library)
        for library in wanted.values()
    }


def _from_metadata(name: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return MISSING
