"""Reading workspace files with bounded work, whatever is in them.

Every limit here exists so that a careless or hostile file (a 5 MB text, a list nested 500
deep, a "billion laughs" alias bomb, a named pipe instead of a file) ends in one Dutch
`file:line` message within seconds instead of a hang, a `RecursionError` or all memory.
The README states these limits; keep the two in step.
"""

from __future__ import annotations

import errno
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

import yaml

from .exceptions import Loc, Problems
from .paden import outside

if TYPE_CHECKING:  # PyYAML's C loader has a Mark class of its own
    from yaml._yaml import Mark as CMark

    AnyMark: TypeAlias = yaml.Mark | CMark

MB = 1_000_000
MAX_YAML_BYTES = 10 * MB  # one YAML file
MAX_TEXT_CHARS = 1 * MB  # one text field (scalar), after alias expansion as well
MAX_MARKDOWN_BYTES = 1 * MB  # one .md attachment: a text field in a file of its own
MAX_DEPTH = 50  # nested lists and mappings
MAX_VALUES = 100_000  # nodes in one file, every alias counted as what it stands for
MAX_WERKMAP_VALUES = 500_000  # nodes in all YAML files together (a meeting has ~300)
MAX_SHOWN = 80  # characters of a value echoed in a message
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

YAML_HINTS = {
    "mapping values are not allowed here": "hier mag geen 'sleutel: waarde' staan "
    "(ontbreekt een inspringing, of moet de tekst tussen aanhalingstekens?)",
    "found character '\\t' that cannot start any token": "tab gevonden; spring in met spaties",
    "could not find expected ':'": "':' verwacht na een sleutel",
    "found undefined alias": "onbekende alias",
    "expected <block end>, but found": "inspringing klopt niet",
    "found unexpected end of stream": "bestand houdt onverwacht op (aanhalingsteken niet gesloten?)",
    "while parsing a flow": "een '[' of '{' is hier niet goed gesloten",
}


def shown(value: object, width: int = MAX_SHOWN) -> str:
    """A value as a message may echo it: its first line, cut to `width` characters."""
    text = str(value)
    first = CONTROL.sub("\ufffd", text.split("\n", 1)[0])  # a NUL would end the terminal line
    if len(first) > width:
        return first[: width - 1] + "…"
    return first + ("…" if len(first) < len(text) else "")


OS_REASONS = {
    errno.ENOENT: "bestaat niet",
    errno.EACCES: "geen toegang",
    errno.EPERM: "geen toegang",
    errno.ELOOP: "symbolische koppeling in een kringetje",
    errno.ENAMETOOLONG: "pad is te lang",
    errno.EISDIR: "is een map",
}


def os_reason(error: Exception) -> str:
    """Why a file could not be read, in Dutch (PyYAML and the OS speak English)."""
    if isinstance(error, ValueError) and "null" in str(error):
        return "het pad bevat een NUL-teken"
    code = getattr(error, "errno", None)
    known = OS_REASONS.get(code) if isinstance(code, int) else None
    return known or getattr(error, "strerror", None) or "onleesbaar pad"


def getal(number: int) -> str:
    """A number as Dutch writes it: 200.000."""
    return f"{number:,}".replace(",", ".")


def size_mb(size: int) -> str:
    """A size in megabytes as Dutch writes it: '1,5 MB', '2 MB'."""
    return f"{size / MB:.1f}".replace(".0", "").replace(".", ",") + " MB"


def read_text(
    path: Path, limit: int, problems: Problems, loc: Loc | None = None, name: str | None = None
) -> str | None:
    """A regular UTF-8 file of at most `limit` bytes, or None with the problem reported.

    Problems are reported at `loc` (default: the file itself, a wrong byte at its line),
    naming the file as `name` (default: its file name).
    """
    where = loc or Loc(path)
    name = name or path.name
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            problems.error(where, f"{name} is een map, geen bestand")
            return None
        if not stat.S_ISREG(info.st_mode):  # a named pipe would block the read forever
            problems.error(where, f"{name} is geen gewoon bestand")
            return None
        with path.open("rb") as file:
            data = file.read(limit + 1)  # the file may have grown since stat()
    except (OSError, ValueError) as error:
        problems.error(where, f"{name} kan niet gelezen worden ({os_reason(error)})")
        return None
    if len(data) > limit:
        size = max(info.st_size, len(data))
        problems.error(where, f"{name} is te groot ({size_mb(size)}; hoogstens {size_mb(limit)})")
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start]
        at = Loc(path, line) if loc is None else loc
        extra = "" if loc is None else f" (regel {line})"
        problems.error(
            at,
            f"{name} is geen UTF-8-tekst: byte 0x{byte:02X}{extra} is geen geldig "
            "teken; sla het bestand op als UTF-8",
        )
        return None


# Values the YAML files still being loaded may hold; None outside `werkmap_budget()`.
_remaining: ContextVar[list[int] | None] = ContextVar("remaining_values", default=None)


def values_left() -> list[int] | None:
    """[what is left, what there was] of the bound of `werkmap_budget()`, or None."""
    return _remaining.get()


@contextmanager
def werkmap_budget(values: int = MAX_WERKMAP_VALUES) -> Iterator[None]:
    """Bound the values of every YAML file read inside the block together."""
    token = _remaining.set([values, values])  # what is left, what there was
    try:
        yield
    finally:
        _remaining.reset(token)


class LimitError(yaml.YAMLError):
    """A YAML document that would cost too much to read; `mark` is where it happened."""

    def __init__(self, mark: AnyMark | None, message: str) -> None:
        super().__init__(message)
        self.mark, self.message = mark, message


class _Limits:
    """PyYAML's safe composer with bounds on depth, values, text size and aliases.

    PyYAML composes an alias as the same node again, so a bomb is small as nodes but
    explodes in whoever walks the tree; here each alias counts as the values and
    characters it stands for, and an alias inside its own anchor (a cycle) is refused.
    Mixed into a loader before PyYAML's Composer, whose compose_node it wraps.
    """

    anchors: dict[str, yaml.Node]

    def limits(self, budget: list[int] | None) -> None:
        """Start counting; `budget` is what the workspace's files may still hold."""
        self.max_values = MAX_VALUES if budget is None else min(MAX_VALUES, budget[0])
        self.scope = f"in dit bestand (meer dan {getal(MAX_VALUES)}"
        if budget is not None and budget[0] < MAX_VALUES:
            total = getal(budget[1])
            self.scope = f"in de YAML-bestanden van de werkmap samen (meer dan {total}"
        self.depth = 0
        self.values = 0
        self.chars = 0
        self.sizes: dict[int, tuple[int, int]] = {}  # id(node) -> (values, characters)

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        """PyYAML's composer, counting every node (an alias as what it stands for)."""
        event = self.peek_event()  # type: ignore[attr-defined]  # the loader's parser
        composer: Any = super()  # PyYAML's Composer, next in the loader's MRO
        if isinstance(event, yaml.AliasEvent):
            anchored = self.anchors.get(str(event.anchor))
            if anchored is not None:
                size = self.sizes.get(id(anchored))
                if size is None:
                    raise LimitError(event.start_mark, "een alias verwijst naar zichzelf")
                self._count(*size, event.start_mark)
            alias: yaml.Node | None = composer.compose_node(parent, index)
            return alias
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise LimitError(event.start_mark, f"te diep genest (meer dan {MAX_DEPTH} niveaus)")
        before = (self.values, self.chars)
        if isinstance(event, yaml.ScalarEvent):
            if len(event.value) > MAX_TEXT_CHARS:
                raise LimitError(
                    event.start_mark,
                    f"tekst is te lang ({getal(len(event.value))} tekens; hoogstens "
                    f"{getal(MAX_TEXT_CHARS)} per veld)",
                )
            self._count(1, len(event.value), event.start_mark)
        else:
            self._count(1, 0, event.start_mark)
        node: yaml.Node | None = composer.compose_node(parent, index)
        self.depth -= 1
        self.sizes[id(node)] = (self.values - before[0], self.chars - before[1])
        return node

    def _count(self, values: int, chars: int, mark: AnyMark | None) -> None:
        self.values += values
        self.chars += chars
        if self.values > self.max_values:
            raise LimitError(
                mark,
                f"te veel waarden {self.scope}, aliassen meegeteld)",
            )
        if self.chars > MAX_YAML_BYTES:
            raise LimitError(
                mark, f"aliassen maken van dit bestand meer dan {size_mb(MAX_YAML_BYTES)} tekst"
            )


class LimitedLoader(_Limits, yaml.SafeLoader):
    """The bounded composer on PyYAML's pure-Python scanner and parser: the one whose
    marks and messages the Dutch hints are written against."""

    def __init__(self, stream: str, budget: list[int] | None = None) -> None:
        yaml.SafeLoader.__init__(self, stream)
        self.limits(budget)


try:  # libyaml scans and parses ~10x faster; the composing and its bounds stay ours
    from yaml._yaml import CParser

    HAS_LIBYAML = True
except ImportError:  # PyYAML built without libyaml
    HAS_LIBYAML = False

if HAS_LIBYAML:

    class FastLoader(
        _Limits,
        yaml.composer.Composer,
        CParser,
        yaml.constructor.SafeConstructor,
        yaml.resolver.Resolver,
    ):
        """The same bounded composer on libyaml's events (yaml.CSafeLoader's parser).

        Only for text that parses: on any YAML error the file is read again with
        LimitedLoader, so every message, line and hint stays exactly as it was.
        """

        def __init__(self, stream: str, budget: list[int] | None = None) -> None:
            CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)
            self.limits(budget)


def _fast_node(text: str, remaining: list[int] | None) -> tuple[bool, yaml.Node | None]:
    """(True, node) when libyaml composes `text` within the bounds; (False, None) when
    the slow path must read it (no libyaml, a character PyYAML's reader refuses, any
    error: that path has the messages)."""
    if not HAS_LIBYAML or yaml.reader.Reader.NON_PRINTABLE.search(text):
        return False, None
    loader = FastLoader(text, remaining)
    try:
        node: yaml.Node | None = loader.get_single_node()
    except (yaml.YAMLError, RecursionError):
        return False, None
    finally:
        loader.dispose()
    if remaining is not None:
        remaining[0] -= loader.values
    return True, node


def compose(path: Path, problems: Problems, root: Path | None = None) -> yaml.Node | None:
    """Parse a YAML file into nodes (safe loader, marks kept); report every problem.

    With `root`, a file that (through a symbolic link) lies outside it is refused unread.
    """
    if root is not None and outside(path, root):
        problems.error(
            Loc(path),
            f"{path.name} verwijst naar een bestand buiten de werkmap; "
            "stukken leest alleen bestanden binnen de werkmap",
        )
        return None
    text = read_text(path, MAX_YAML_BYTES, problems)
    if text is None:
        return None
    remaining = _remaining.get()
    done, node = _fast_node(text, remaining)
    if done:
        if node is None:
            problems.error(Loc(path, 1), "bestand is leeg")
        return node
    loader = None
    try:
        loader = LimitedLoader(text, remaining)  # checks every character at once
        node = loader.get_single_node()
    except LimitError as error:
        problems.error(Loc(path, error.mark.line + 1 if error.mark else 0), error.message)
        return None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        char = error.character if isinstance(error.character, str) else chr(error.character)
        what = "een NUL-teken" if char == "\0" else f"het onzichtbare teken U+{ord(char):04X}"
        problems.error(Loc(path, line), f"bestand bevat {what}; verwijder het")
        return None
    except yaml.MarkedYAMLError as error:
        line, hint = _syntax_error(error, loader.marks if loader else [], text)
        problems.error(Loc(path, line), f"ongeldige YAML: {hint}")
        return None
    except yaml.YAMLError:  # no mark, and its text would quote the file
        problems.error(Loc(path), "ongeldige YAML")
        return None
    except RecursionError:  # cannot happen below MAX_DEPTH; never show a traceback
        problems.error(Loc(path), f"te diep genest (meer dan {MAX_DEPTH} niveaus)")
        return None
    finally:
        if loader is not None:
            loader.dispose()
            if remaining is not None:
                remaining[0] -= loader.values
    if node is None:
        problems.error(Loc(path, 1), "bestand is leeg")
    return node


def _syntax_error(
    error: yaml.MarkedYAMLError, open_marks: list[yaml.Mark], text: str
) -> tuple[int, str]:
    """(line, Dutch hint) of a syntax error; an unclosed quote or bracket where it opens.

    PyYAML reports both at the end of the file, which is no help in a long agenda.
    """
    at_end = "end of stream" in (error.problem or "") or "<stream end>" in (error.problem or "")
    if at_end and error.context == "while scanning a quoted scalar" and error.context_mark:
        return error.context_mark.line + 1, "aanhalingsteken op deze regel wordt nergens gesloten"
    mark = open_marks[-1] if open_marks else None  # the parser's stack of open collections
    bracket = text[mark.index] if mark and mark.index < len(text) else ""
    if at_end and mark and bracket in ("[", "{"):
        return mark.line + 1, f"'{bracket}' op deze regel wordt nergens gesloten"
    mark = error.problem_mark or error.context_mark
    detail = " ".join(filter(None, [error.context, error.problem]))
    hint = next((dutch for key, dutch in YAML_HINTS.items() if key in detail), None)
    return (mark.line + 1 if mark else 0), hint or shown(detail)
