"""The build cache in output/.cache/: what did not change is not rendered again.

Two levels, both safe by construction (a stale, damaged or foreign entry is a miss, never
an output):

- A whole build: a cheap fingerprint of every input file (stukken.yaml, meetings/,
  templates/, the files outside those a previous build read), the package (its code,
  templates and fonts, the versions of the libraries that write the files) and the
  options. When it matches the previous build's and output/DATUM holds exactly the files
  that build wrote, nothing is loaded, rendered or imported: the warnings of that build
  are shown again and the build is done (manifest.py).
- One rendered document: its key is everything it is made from (a PDF: the HTML and the
  render options; a Word file: the template file and its whole context), and the entry
  remembers every file the render read with its hash, and the warnings it gave. An entry
  is used only if all those files are unchanged; its warnings are given again.

Entries are written to a temporary name and renamed, each with the hash of its bytes, so
a build that is killed leaves complete entries or none. `stukken build --opnieuw`
neither reads nor keeps the cache's old entries; it still uses the compiled templates
(as Python uses its .pyc files: Jinja checks each against the source it was compiled
from). The cache lives next to the meetings' output folders, never inside output/DATUM
(which a build replaces whole).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..exceptions import Loc, Problem
from .versies import library_versions

FORMAT = 1  # of the entries below; a change makes every old entry a miss
MAP = ".cache"
LIBRARIES = ("weasyprint", "pydyf", "pikepdf", "docxtpl", "python-docx", "docxcompose", "jinja2")
MISSING = "ontbreekt"


def cache_folder(output: Path) -> Path:
    """output/.cache/, beside (never inside) the meetings' output folders."""
    return output / MAP


# --- hashing ----------------------------------------------------------------------------

Stat = tuple[str, int, int, int, int]  # path, size, mtime and ctime (ns), inode
#: a file's sha256 while it stays the same by all of those, and when it was taken (ns)
_HASHES: dict[Stat, tuple[str, int]] = {}
_USED: set[Stat] = set()  # those this process asked for: what keep_hashes() keeps
HASHES = "hashes.json"  # in output/.cache/: the hashes of an earlier build
#: A hash taken within this long after the file last changed is kept for this process
#: only: a change in the same tick of a coarse clock would not show in its times (git's
#: "racy" files). Two seconds covers FAT's and network file systems' timestamps.
RACY_NS = 2_000_000_000


def file_hash(path: Path | str) -> str:
    """The sha256 of a file's bytes, or MISSING if it is not a readable regular file.

    Remembered while the file keeps its size, times and inode: for this process, and
    across builds through output/.cache/hashes.json (remember_hashes, keep_hashes), as git
    keeps its index: a history of a thousand files is then looked at, not read."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return MISSING
        memo = (str(path), info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
        if memo not in _HASHES:
            taken = time.time_ns()
            _HASHES[memo] = (sha256_of(path), taken)
        _USED.add(memo)
        return _HASHES[memo][0]
    except (OSError, ValueError):
        return MISSING


def sha256_of(path: Path | str) -> str:
    """The sha256 of a file's bytes, read now."""
    with open(path, "rb") as file:
        return hashlib.sha256(file.read()).hexdigest()


def known_hash(path: Path) -> str | None:
    """file_hash, None for a file that is not there (as the cache of files read before
    asks: schema/leescache.py)."""
    digest = file_hash(path)
    return None if digest == MISSING else digest


def remember_hashes(folder: Path) -> None:
    """The file hashes an earlier build kept in `folder` (output/.cache/), each used only
    while its file keeps the size, times and inode it had; a damaged file is ignored."""
    try:
        stored = json.loads((folder / HASHES).read_text(encoding="utf-8"))
        if stored.get("format") != FORMAT or stored.get("package") != __version__:
            return
        for path, size, mtime, ctime, inode, digest, taken in stored["hashes"]:
            memo = (str(path), int(size), int(mtime), int(ctime), int(inode))
            if int(taken) - max(int(mtime), int(ctime)) >= RACY_NS and len(str(digest)) == 64:
                _HASHES.setdefault(memo, (str(digest), int(taken)))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return


def keep_hashes(folder: Path) -> None:
    """Keep the hashes this process used (of files that had not just changed) in `folder`
    for the next build; only when they differ from what is kept."""
    kept = [
        [*memo, *_HASHES[memo]]
        for memo in sorted(_USED)
        if _HASHES[memo][1] - max(memo[2], memo[3]) >= RACY_NS
    ]
    text = json.dumps({"format": FORMAT, "package": __version__, "hashes": kept})
    target = folder / HASHES
    try:
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            return
        write_atomically(target, text.encode("utf-8"))
    except OSError:  # a full or read-only disk costs speed, never the build
        return


def walk(folder: str, relative: str) -> list[tuple[str, str]]:
    """Every file below `folder` as (its path, its name below `folder` with / and after
    `relative/`), in the order of os.walk with sorted names: a folder's files, then each
    subfolder's; links to folders are not followed. On the paths' text: pathlib objects
    for a history of a thousand files cost more than looking at them."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError:
        return []
    prefix = f"{relative}/" if relative else ""
    found = []
    folders = []
    for entry in entries:
        try:
            is_folder = entry.is_dir()
        except OSError:
            is_folder = False
        if not is_folder:
            found.append((entry.path, prefix + entry.name))
        elif not entry.is_symlink():
            folders.append(entry)
    for entry in folders:
        found += walk(entry.path, prefix + entry.name)
    return found


_PACKAGE: list[str] = []


def package_digest() -> str:
    """This version of stukken: its code, built-in templates and fonts (a checkout changes
    without a new version number), and the libraries that write the files."""
    if not _PACKAGE:
        package = Path(__file__).resolve().parents[1]
        digest = hashlib.sha256(f"{FORMAT} {__version__} {sys.version}".encode())
        folders = [package] + [
            candidate
            for candidate in (package / "templates", package.parents[1] / "templates")
            if (candidate / "agenda.html").is_file() and not candidate.is_relative_to(package)
        ]
        for folder in folders:
            for path, relative in walk(str(folder), ""):
                if "__pycache__" not in relative.split("/"):
                    digest.update(f"{relative} {file_hash(path)}\n".encode())
        for library, version in library_versions(LIBRARIES).items():
            digest.update(f"{library} {version}\n".encode())
        _PACKAGE.append(digest.hexdigest())
    return _PACKAGE[0]


def key_of(*parts: object) -> str:
    """A cache key: the package and `parts` (JSON-able values), hashed."""
    text = json.dumps([package_digest(), *parts], sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- writing and reading entries --------------------------------------------------------


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` under a temporary name and rename it: readers see all of it or none."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def problem_json(problem: Problem) -> list[object]:
    """A warning as the cache stores it."""
    return [str(problem.loc.file), problem.loc.line, problem.message]


def problem_from(stored: list[Any]) -> Problem:
    """A warning the cache stored."""
    return Problem(Loc(Path(stored[0]), int(stored[1])), str(stored[2]))


@dataclass
class Onderdeel:
    """A rendered document as an entry holds it: its bytes, the files the render read
    (path -> hash) and the warnings it gave."""

    data: list[bytes]
    gelezen: dict[str, str] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)


class Bouwcache:
    """Rendered documents of earlier builds, by key, in output/.cache/."""

    def __init__(self, folder: Path, *, lezen: bool = True) -> None:
        self.folder = folder
        self.lezen = lezen  # False with --opnieuw: render everything, keep the new
        self.gelezen: dict[str, str] = {}  # every file an entry of this build read
        self.pending: dict[str, Onderdeel] = {}  # new entries, stored by flush()
        self.compiled: dict[str, bytes] = {}  # new compiled templates, likewise

    def jinja(self) -> Any:
        """Jinja's cache of compiled templates (Jinja checks each template's source)."""
        return compiled_templates(self)

    def voorbewerkt(self, source: str, make: Callable[[str], str]) -> str:
        """`make(source)`: docxtpl's cleaning of a Word template's XML for Jinja (a tenth
        of a Word file's cost), kept with the compiled templates and for the same reason:
        it is derived from the exact XML (and this version of stukken and docxtpl) alone.
        Each file holds the sha256 of what follows it: a damaged one is made again."""
        key = hashlib.sha256(f"{package_digest()}\n{source}".encode()).hexdigest()
        name = f"xml-{key}.xml"
        try:
            digest, _, text = (self.folder / "jinja" / name).read_text("utf-8").partition("\n")
            if hashlib.sha256(text.encode("utf-8")).hexdigest() == digest:
                return text
        except (OSError, ValueError):
            pass
        made = make(source)
        digest = hashlib.sha256(made.encode("utf-8")).hexdigest()
        self.compiled[name] = f"{digest}\n{made}".encode()
        return made

    def entry_path(self, key: str) -> Path:
        """Where the entry under `key` is kept."""
        return self.folder / "stukken" / key[:2] / f"{key}.json"

    def get(self, key: str) -> Onderdeel | None:
        """The entry under `key`, if it is whole and every file it read is unchanged."""
        if not self.lezen:
            return None
        try:
            stored = json.loads(self.entry_path(key).read_text(encoding="utf-8"))
            if stored.get("format") != FORMAT or stored.get("key") != key:
                return None
            gelezen = {str(p): str(h) for p, h in stored["gelezen"].items()}
            if any(file_hash(Path(p)) != h for p, h in gelezen.items()):
                return None
            data = []
            for digest in stored["data"]:
                blob = (self.folder / "stukken" / digest[:2] / digest).read_bytes()
                if hashlib.sha256(blob).hexdigest() != digest:
                    return None
                data.append(blob)
            warnings = [problem_from(p) for p in stored["warnings"]]
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
            return None
        self.gelezen.update(gelezen)
        return Onderdeel(data, gelezen, warnings)

    def put(self, key: str, onderdeel: Onderdeel) -> None:
        """Keep an entry, to be stored once the build has succeeded (`flush`)."""
        self.pending[key] = onderdeel
        self.gelezen.update(onderdeel.gelezen)

    def flush(self) -> None:
        """Store the entries of this build: the bytes first, then the entry naming them.
        Only after the build wrote its output: a failed build stores nothing and leaves
        no output/ behind; a killed one leaves whole entries or none."""
        try:
            for key, onderdeel in sorted(self.pending.items()):
                self.store(key, onderdeel)
            for name, data in sorted(self.compiled.items()):
                write_atomically(self.folder / "jinja" / name, data)
            ignore_all(self.folder)
        except OSError:  # a full or read-only disk costs speed, never the build
            return
        finally:
            self.pending.clear()
            self.compiled.clear()

    def store(self, key: str, onderdeel: Onderdeel) -> None:
        """Write one entry: the bytes first, then the entry that names them."""
        digests = []
        for blob in onderdeel.data:
            digest = hashlib.sha256(blob).hexdigest()
            path = self.folder / "stukken" / digest[:2] / digest
            if not path.is_file():
                write_atomically(path, blob)
            digests.append(digest)
        entry = {
            "format": FORMAT,
            "key": key,
            "data": digests,
            "gelezen": onderdeel.gelezen,
            "warnings": [problem_json(p) for p in onderdeel.warnings],
        }
        write_atomically(self.entry_path(key), json.dumps(entry).encode("utf-8"))

    def onthouden(
        self,
        key: str,
        warnings: list[Problem],
        make: Callable[[Callable[[Path], None]], list[bytes]],
    ) -> list[bytes]:
        """The bytes under `key`, else made by `make(read)` (which reports every file it
        reads to `read`) and stored. Warnings of the render, or the stored ones, are added
        to `warnings` (each once)."""
        found = self.get(key)
        if found is None:
            gelezen: dict[str, str] = {}

            def read(path: Path) -> None:
                gelezen[str(path)] = file_hash(path)

            start = len(warnings)
            data = make(read)
            emitted = warnings[start:]
            found = Onderdeel(data, gelezen, emitted)
            self.put(key, found)
        for problem in found.warnings:
            if problem not in warnings:
                warnings.append(problem)
        return found.data


def compiled_templates(cache: Bouwcache) -> Any:
    """A Jinja bytecode cache that reads output/.cache/jinja/ and keeps what it compiles
    in `cache.compiled`, written with the other entries when the build succeeded.

    Read with --opnieuw too: like Python's .pyc files these are no output but compiled
    code, which Jinja uses only for the very source it was compiled from (it checks the
    source's checksum and its own version), so they cannot make a document stale."""
    import jinja2

    folder = cache.folder / "jinja"

    class Compiled(jinja2.BytecodeCache):
        def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            try:
                data = (folder / f"{bucket.key}.cache").read_bytes()
            except (OSError, ValueError):
                return
            bucket.bytecode_from_string(data)  # Jinja checks its own header and checksum

        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            cache.compiled[f"{bucket.key}.cache"] = bucket.bytecode_to_string()

    return Compiled()


def ignore_all(folder: Path) -> None:
    """A .gitignore that keeps the cache out of git, wherever the output folder is."""
    marker = folder / ".gitignore"
    if not marker.exists():
        write_atomically(marker, b"# the build cache of stukken (stukken build --opnieuw)\n*\n")
