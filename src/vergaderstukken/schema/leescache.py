"""Workspace files as read before: output/.cache/lezen.pickle.

Reading a YAML file (composing its nodes within the bounds of safe_read.py, validating
them against the schema) costs a millisecond or two; a workspace with 500 meetings has
1,000 such files, which a build reads again each time although only the latest meeting
changed. Here the result of reading each file is kept with the sha256 of its bytes, its
kind and its path, under a key that also holds the package's own digest: a file whose
bytes changed is read again, and so is everything after an update of stukken.

Safe by construction, like the build cache (render/cache.py):
- only a read without errors is kept (its warnings are given again when it is used), and
  with the number of YAML values it holds, which still count against the workspace's bound;
- the file is unpickled with a restricted unpickler that knows only the classes of the
  model, the schema's records and a few standard value types: nothing in the file can name
  a function to call. The schema's declarations are referred to by their place in the
  schema, never stored. Anything else, a damaged file or one of another version, is a miss;
- like compiled templates (.pyc files), it is used with `stukken build --opnieuw` too: what
  it holds is derived from each file's exact bytes and cannot make a document stale.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from types import FunctionType
from typing import Any

from ..exceptions import Problem

FORMAT = 1
NAME = "lezen.pickle"
SAFE_TYPES = {
    ("datetime", "date"),
    ("datetime", "time"),
    ("datetime", "datetime"),
    ("pathlib", "Path"),
    ("pathlib", "PosixPath"),
    ("pathlib", "WindowsPath"),
    ("vergaderstukken.exceptions", "Loc"),
    ("vergaderstukken.exceptions", "Problem"),
    ("vergaderstukken.schema.mappings", "Record"),
    ("vergaderstukken.schema.mappings", "Seq"),
    ("vergaderstukken.schema.leescache", "Gelezen"),
}
MODEL = "vergaderstukken.model"


@dataclass
class Gelezen:
    """One file as read: the value, the warnings it gave, the YAML values it holds."""

    value: Any
    warnings: list[Problem]
    values: int


class _Plain(pickle.Unpickler):
    """Tuples, dicts, strings, numbers and bytes only: no class, no function."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{module}.{name}")

    def persistent_load(self, pid: Any) -> object:
        raise pickle.UnpicklingError(str(pid))


class _Unpickler(pickle.Unpickler):
    """Only data: the model's classes, records and standard values; schema objects by name."""

    def __init__(self, data: bytes, schema: dict[str, object]) -> None:
        super().__init__(io.BytesIO(data))
        self.schema = schema

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in SAFE_TYPES or (module == MODEL and name[:1].isupper()):
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"{module}.{name}")

    def persistent_load(self, pid: Any) -> object:
        if isinstance(pid, str) and pid in self.schema:
            return self.schema[pid]
        raise pickle.UnpicklingError(str(pid))


def schema_objects(documents: dict[str, Any]) -> dict[str, object]:
    """Every declaration object of the schema (mappings, keys, types, checks) by a name
    that is the same in every process of this version: its path from the `documents`."""
    found: dict[str, object] = {}
    seen: set[int] = set()
    stack: list[tuple[str, object]] = sorted(documents.items(), reverse=True)
    while stack:
        name, obj = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if isinstance(obj, dict):
            children = [(f"{name}[{k!r}]", v) for k, v in obj.items()]
        elif isinstance(obj, (list, tuple, set, frozenset)):
            items = sorted(obj, key=repr) if isinstance(obj, (set, frozenset)) else obj
            children = [(f"{name}[{i}]", v) for i, v in enumerate(items)]
        elif _declaration(obj):
            found[name] = obj
            attributes = getattr(obj, "__dict__", {})
            children = [(f"{name}.{k}", v) for k, v in attributes.items()]
        else:
            continue
        stack.extend(reversed(children))
    return found


def _declaration(obj: object) -> bool:
    """Whether `obj` belongs to the schema's declarations (not to what a file holds)."""
    if isinstance(obj, (FunctionType, type)):
        return False
    module = type(obj).__module__
    return module.startswith("vergaderstukken.schema") and type(obj).__name__ not in (
        "Record",
        "Seq",
    )


class Leescache:
    """Files as read before, by (kind, path) with the hash of their bytes."""

    def __init__(self, path: Path, digest: str, documents: dict[str, Any]) -> None:
        self.path = path
        self.digest = digest
        self.documents = documents  # the schema's declarations (schema.DOCUMENTS)
        self.hash_of: Callable[[Path], str | None] = file_sha
        self.entries: dict[tuple[str, str], tuple[str, bytes]] = {}
        self.changed = False
        self._schema: dict[str, object] | None = None
        self._ids: dict[int, str] | None = None
        try:
            stored = _Plain(io.BytesIO(path.read_bytes())).load() if path.is_file() else None
        except Exception:  # a damaged file: every file is read again
            stored = None
        # the outer layer is plain tuples, strings and bytes (checked here); the values
        # inside are unpickled, restricted, only when used
        if (
            isinstance(stored, tuple)
            and len(stored) == 3
            and stored[:2] == (FORMAT, digest)
            and isinstance(stored[2], dict)
        ):
            self.entries = {
                k: v
                for k, v in stored[2].items()
                if isinstance(k, tuple) and isinstance(v, tuple) and len(v) == 2
            }

    def schema(self) -> dict[str, object]:
        """The schema's declaration objects by name (schema_objects), made once."""
        if self._schema is None:
            self._schema = schema_objects(self.documents)
            self._ids = {id(obj): name for name, obj in self._schema.items()}
        return self._schema

    def get(self, kind: str, path: Path, sha: str) -> Gelezen | None:
        """The file as read before, if its bytes are the same."""
        found = self.entries.get((kind, str(path)))
        if found is None or found[0] != sha:
            return None
        try:
            value = _Unpickler(found[1], self.schema()).load()
        except Exception:  # not ours, or not of this version: read the file again
            return None
        return value if isinstance(value, Gelezen) else None

    def put(self, kind: str, path: Path, sha: str, gelezen: Gelezen) -> None:
        """Keep a file as read (pickled now: a loader may change the value later)."""
        self.schema()
        ids = self._ids or {}
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.persistent_id = lambda obj: ids.get(id(obj))  # type: ignore[method-assign]
        try:
            pickler.dump(gelezen)
        except Exception:  # a value that does not pickle: read it again next time
            return
        self.entries[(kind, str(path))] = (sha, buffer.getvalue())
        self.changed = True

    def flush(self) -> None:
        """Store the entries of files that still exist, if a file was read anew (an
        unchanged build does not look at a thousand files again only to prune them)."""
        if not self.changed:
            return
        kept = {k: v for k, v in self.entries.items() if Path(k[1]).is_file()}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-")
            try:
                with os.fdopen(handle, "wb") as file:
                    pickle.dump((FORMAT, self.digest, kept), file, pickle.HIGHEST_PROTOCOL)
                os.replace(temporary, self.path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:  # a full or read-only disk costs speed, never the build
            return


_active: ContextVar[Leescache | None] = ContextVar("leescache", default=None)


def active() -> Leescache | None:
    """The cache files are read through, inside `gebruikt()`; None elsewhere."""
    return _active.get()


@contextmanager
def gebruikt(cache: Leescache | None) -> Iterator[None]:
    """Read the workspace's files through `cache` inside the block (nothing changes with
    None). The caller stores what was read (`flush`) once the build has succeeded: a
    failed build writes nothing into output/."""
    token = _active.set(cache)
    try:
        yield
    finally:
        _active.reset(token)


def file_sha(path: Path) -> str | None:
    """The sha256 a file's bytes are kept under; None if it is no readable file."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
    except OSError:
        return None
