"""Import WeasyPrint in half the time it takes by itself.

WeasyPrint opens Pango, HarfBuzz and fontconfig through cffi, trying several names per
library (one per platform). For every name that is not a file name cffi asks
`ctypes.util.find_library`, which on Linux starts `ldconfig -p`, then gcc and ld, each
time: about 0.3 s of the 0.6 s that `import weasyprint` costs, paid again by every build.

Here the linker cache is read once (one `ldconfig -p`) and find_library answers from it
while WeasyPrint is imported. A library it does not list (installed outside the linker
cache) is still found: cffi also tries the plain file names, and if WeasyPrint cannot be
imported this way it is imported again with the real find_library.

A third of what is left is fontTools' font subsetter and variable-font instancer, which
WeasyPrint imports for the rare font HarfBuzz cannot subset, and for variable and colour
fonts: they are imported when first used (`later`), not with WeasyPrint.
"""

from __future__ import annotations

import ctypes.util
import importlib.util
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any


def weasyprint() -> ModuleType:
    """The weasyprint module, imported with the quick library lookup the first time."""
    loaded: ModuleType | None = sys.modules.get("weasyprint")
    if loaded is not None:  # imported here, or (a test, a plug-in) by plain import
        quick_types(_ffi_of(loaded))
        return loaded
    with later():
        try:
            with quick_find_library():
                import weasyprint as module
        except OSError:  # a library outside the linker cache: WeasyPrint's own way
            for name in [name for name in sys.modules if name.partition(".")[0] == "weasyprint"]:
                del sys.modules[name]
            import weasyprint as module
    imported: ModuleType = module
    quick_types(_ffi_of(imported))
    return imported


def _ffi_of(module: ModuleType) -> Any:
    """WeasyPrint's cffi FFI (weasyprint.text.ffi.ffi), or None where it has none."""
    return getattr(getattr(getattr(module, "text", None), "ffi", None), "ffi", None)


#: modules WeasyPrint imports whole and uses only now and then: loaded on first use
LAZY = ("fontTools.subset", "fontTools.ttLib.woff2")
#: a module WeasyPrint takes one function from (`from M import f`): f imports M when called
STAND_IN = ("fontTools.varLib.instancer", "instantiateVariableFont")


@contextmanager
def later() -> Iterator[None]:
    """Inside the block, the modules of LAZY are imported lazily (importlib's LazyLoader:
    the module's first attribute asked for runs it) and STAND_IN's function is one that
    imports its module when called; after it, that module imports as usual. A module that
    cannot be found is left to the usual import (and its error)."""
    for name in LAZY:
        if name not in sys.modules:
            _lazy(name)
    module, function = STAND_IN
    stand_in = None if module in sys.modules else _stand_in(module, function)
    try:
        yield
    finally:
        if stand_in is not None and sys.modules.get(module) is stand_in:
            del sys.modules[module]


def _lazy(name: str) -> None:
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return
    if spec is None or spec.loader is None:
        return
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    setattr(sys.modules[parent], child, module)  # as the import system does


def _stand_in(name: str, function: str) -> ModuleType:
    def call(*args: Any, **kwargs: Any) -> Any:  # called only after later() took it away
        real = importlib.import_module(name)
        return getattr(real, function)(*args, **kwargs)

    call.__name__ = call.__qualname__ = function
    stand_in = ModuleType(name)
    setattr(stand_in, function, call)
    sys.modules[name] = stand_in
    return stand_in


#: a C type as WeasyPrint asks cffi for them: a type name (or 'unsigned char'/'unsigned
#: int'), pointers to it, an array of it: 'hb_codepoint_t[94]', 'PangoRectangle *', 'char[]'
SIMPLE = re.compile(
    r"((?:unsigned )?[A-Za-z_][A-Za-z0-9_]*)"  # a name, as in 'hb_codepoint_t', 'unsigned int'
    r" *((?:\* *)*)"  # pointers
    r"(?:\[(0|[1-9][0-9]*)?\])?"  # one array, of a decimal length or open ('010' is octal)
)
PREFIXES = ("short", "long", "signed", "unsigned")  # words the parser reorders: left to it


def quick_types(ffi: Any) -> None:
    """Let `ffi` (WeasyPrint's) make the types it is asked for without parsing C.

    For every font of every PDF WeasyPrint asks cffi for an array of the glyphs it keeps
    ('hb_codepoint_t[94]'), and on a process's first layout for a few other types
    ('PangoRectangle *', 'char[]'); cffi parses each new spelling as C source, with every
    type name declared before it: 2-3 ms each, a tenth of a second per build. A spelling
    of a declared type name or a primitive type, with pointers or one array after it, is
    made here the way cffi's parser makes it (the typedef as declared, its pointer and
    array types), through cffi's own cache of types, so it is the very object the parser
    would give. Anything else, or a cffi that is not built as this expects, goes the
    usual way.
    """
    if ffi is None or "_typeof_locked" in getattr(ffi, "__dict__", {}):  # made quick already
        return
    try:
        from cffi import model  # type: ignore[import-untyped]  # no stubs installed
        from cffi.commontypes import resolve_common_type  # type: ignore[import-untyped]

        slow = ffi._typeof_locked
        parser, parsed, cached = ffi._parser, ffi._parsed_types, ffi._get_cached_btype
        declarations, pointer = parser._declarations, parser._get_type_pointer
    except (ImportError, AttributeError):
        return

    def base(name: str) -> tuple[Any, int]:
        """The type a name means, as the parser's _get_type_and_quals finds it."""
        declared = declarations.get(f"typedef {name}")
        if declared is not None:
            tp, quals = declared
            return tp, int(quals)
        if name == "void":
            return model.void_type, 0
        words = name.split()
        if any(word in PREFIXES for word in words[-1:]) or (
            len(words) == 2 and words[1] not in ("char", "int")
        ):
            raise LookupError(name)  # the parser's own rules for these
        tp, quals = resolve_common_type(parser, name)
        return tp, int(quals)

    def typeof_locked(cdecl: object) -> Any:
        found = parsed.get(cdecl)
        if found is not None:
            return found
        match = SIMPLE.fullmatch(cdecl) if isinstance(cdecl, str) else None
        if match is None:
            return slow(cdecl)
        name, stars, length = match.groups()
        try:
            tp, quals = base(name)
            for _ in range(stars.count("*")):
                tp, quals = pointer(tp, quals), 0
            if match.group(0).endswith("]"):
                tp = model.ArrayType(tp, int(length) if length is not None else None)
            function = tp.is_raw_function
            result = (cached(tp.as_function_pointer() if function else tp), function)
        except Exception:  # cffi's own way, with its own errors
            return slow(cdecl)
        parsed[cdecl] = result
        return result

    ffi._typeof_locked = typeof_locked


def linker_cache() -> list[str]:
    """The file names of the shared libraries the dynamic linker knows (`ldconfig -p`),
    or an empty list where there is no such cache."""
    for ldconfig in ("/sbin/ldconfig", "/usr/sbin/ldconfig", "ldconfig"):
        try:
            done = subprocess.run(
                [ldconfig, "-p"],
                capture_output=True,
                env={**os.environ, "LC_ALL": "C", "LANG": "C"},
                timeout=10,
                check=False,
            )
        except (OSError, subprocess.SubprocessError):
            continue
        if done.returncode == 0:
            lines = done.stdout.decode("utf-8", "replace").splitlines()
            return [line.split()[0] for line in lines[1:] if line.startswith(("\t", " "))]
    return []


def lookup(names: list[str]) -> Callable[[str], str | None]:
    """find_library over `names` (from linker_cache): 'gobject-2.0' -> 'libgobject-2.0.so.0',
    as ctypes answers on Linux; None for a name it does not know."""

    def find(name: str) -> str | None:
        pattern = re.compile(rf"lib{re.escape(name)}\.so(\.[0-9]+)*$")
        found = sorted(candidate for candidate in names if pattern.match(candidate))
        return found[0] if found else None

    return find


@contextmanager
def quick_find_library() -> Iterator[None]:
    """ctypes.util.find_library answering from one read of the linker cache, inside the
    block; outside Linux, or without a linker cache, nothing changes."""
    names = linker_cache() if sys.platform.startswith("linux") else []
    if not names:
        yield
        return
    original = ctypes.util.find_library
    ctypes.util.find_library = lookup(names)  # type: ignore[assignment]  # same signature
    try:
        yield
    finally:
        ctypes.util.find_library = original
