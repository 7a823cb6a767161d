"""Writing YAML by hand, safely: every key and value goes through PyYAML's emitter.

The files `stukken init`, `nieuw` and `verslag` write are meant to be read and filled in by a
secretary, so they are laid out line by line with Dutch comments, which no YAML library
writes. Only the layout is ours: each key and value is emitted by PyYAML, so a title with
quotes, a colon, a `#`, a leading `-`, a date-like or number-like text or any Unicode reads
back as exactly the same string.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import yaml

Scalar = str | int | bool | date

# Line breaks YAML knows; a one-line value holding one is written double-quoted.
LINE_BREAKS = re.compile("[\n\r\x85\u2028\u2029]")
OTHER_BREAKS = re.compile("[\r\x85\u2028\u2029]")
# What may not stand in a comment: a line break ends it, control characters confuse, and
# what YAML calls non-printable makes the whole file unreadable.
NOT_IN_COMMENT = re.compile(
    "(?:[\x00-\x1f\x7f\x85\u2028\u2029]|" + yaml.reader.Reader.NON_PRINTABLE.pattern + ")+"
)
WIDE = 1 << 30  # never fold a value over lines
COMMENT_COLUMN = 40


class _Dumper(yaml.SafeDumper):
    """The safe dumper; a text of several lines becomes a literal block (`|`), so Markdown
    stays as the secretary typed it (PyYAML quotes it instead when a block cannot hold it)."""


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.Node:
    # Only plain newlines in a block; the other breaks only escaped ("\N"), since PyYAML
    # would write them as they are and they would read back as newlines or spaces.
    style = '"' if OTHER_BREAKS.search(text) else "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_text)


def _dump(value: Any) -> str:
    text: str = yaml.dump(value, Dumper=_Dumper, allow_unicode=True, width=WIDE, sort_keys=False)
    return text


def scalar(value: Scalar) -> str:
    """A value as one line of YAML that reads back as the same value."""
    one_line = isinstance(value, str) and LINE_BREAKS.search(value)
    text = yaml.safe_dump(
        value, allow_unicode=True, width=WIDE, default_style='"' if one_line else None
    )
    return text.removesuffix("\n").removesuffix("\n...")


def comment(text: str) -> str:
    """Text made fit for a comment: one line, no control characters."""
    return NOT_IN_COMMENT.sub(" ", text).strip()


def with_comment(line: str, note: str | None) -> str:
    """`line` with `# note` after it, aligned when the line is short enough."""
    if not note:
        return line
    return f"{line.ljust(COMMENT_COLUMN - 1)} # {comment(note)}"


def entry(indent: int, key: str, value: Scalar | None, note: str | None = None) -> str:
    """`key: value` at `indent` spaces (`key:` alone for None), with an optional comment."""
    line = f"{' ' * indent}{scalar(key)}:"
    return with_comment(line if value is None else f"{line} {scalar(value)}", note)


def item(indent: int, value: Scalar, note: str | None = None) -> str:
    """`- value` at `indent` spaces, with an optional comment."""
    return with_comment(f"{' ' * indent}- {scalar(value)}", note)


def fragment(indent: int, data: dict[str, Any] | list[Any]) -> list[str]:
    """A mapping or list in block style at `indent` spaces; texts of several lines as
    literal blocks."""
    lines = _dump(data).removesuffix("\n").split("\n")  # not splitlines(): "\x85" is no break
    if lines[-1] == "...":  # the end marker after a `|+` block; the next key ends it as well
        lines.pop()
    return [(" " * indent + line).rstrip(" ") for line in lines]
