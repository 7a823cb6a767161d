"""The small type language in which `schema.py` declares every key.

Each type converts a PyYAML node (which keeps its line) into a plain value, reporting
problems with `file:line` instead of raising, so one run finds every mistake. Scalars are
read from their source text, never from YAML 1.1's guesses: `tijd: 15:45` stays "15:45"
(not the sexagesimal 945) and `datum: 2024-02-30` is reported, not a crash.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from difflib import get_close_matches
from pathlib import Path
from typing import Any

import yaml

from ..exceptions import Loc, Problems
from ..safe_read import shown

NULL_TAG = "tag:yaml.org,2002:null"
TRUE_WORDS = {"true", "yes", "ja", "on"}
FALSE_WORDS = {"false", "no", "nee", "off"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")
MAX_DIGITS = 9  # Python refuses int() of more than 4,300 digits; no count needs 10


def did_you_mean(word: str, candidates) -> str:
    """' (bedoelde u 'x'?)' for the closest candidate, or '' when nothing is close."""
    close = get_close_matches(str(word), [str(c) for c in candidates], n=1, cutoff=0.6)
    return f" (bedoelde u '{close[0]}'?)" if close else ""


class Record(dict):
    """A validated mapping that remembers where it and each of its keys were written."""

    def __init__(self, loc: Loc):
        super().__init__()
        self.loc = loc
        self.key_locs: dict[str, Loc] = {}

    def __getattr__(self, name: str) -> Any:
        return self.get(name)

    def loc_of(self, key: str) -> Loc:
        return self.key_locs.get(key, self.loc)


class Seq(list):
    """A validated list that remembers the line of each element."""

    def __init__(self, loc: Loc):
        super().__init__()
        self.loc = loc
        self.locs: list[Loc] = []

    def append_at(self, value: Any, loc: Loc) -> None:
        self.append(value)
        self.locs.append(loc)


@dataclass
class Context:
    file: Path
    problems: Problems

    def loc(self, node: yaml.Node) -> Loc:
        return Loc(self.file, node.start_mark.line + 1)

    def error(self, node: yaml.Node, message: str) -> None:
        self.problems.error(self.loc(node), message)


INVALID = object()  # a value that was reported and must not be used


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG and node.style is None


def kind_of(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "een lijst van sleutels (mapping)"
    if isinstance(node, yaml.SequenceNode):
        return "een lijst"
    return f"de waarde '{shown(node.value)}'"


class Type:
    """Base of all schema types. `noun` says in Dutch what is expected."""

    noun = "een waarde"

    def convert(self, node: yaml.Node, ctx: Context, what: str) -> Any:
        raise NotImplementedError

    def json_schema(self) -> dict:
        raise NotImplementedError

    def _scalar(self, node: yaml.Node, ctx: Context, what: str) -> str | object:
        if not isinstance(node, yaml.ScalarNode):
            ctx.error(node, f"{what} moet {self.noun} zijn, niet {kind_of(node)}")
            return INVALID
        return node.value


class Text(Type):
    noun = "een tekst"

    def __init__(self, markdown: bool = False):
        self.markdown = markdown

    def convert(self, node, ctx, what):
        return self._scalar(node, ctx, what)

    def json_schema(self):
        schema: dict = {"type": ["string", "number", "boolean"]}
        if self.markdown:
            schema["contentMediaType"] = "text/markdown"
        return schema


class Integer(Type):
    noun = "een geheel getal"

    def convert(self, node, ctx, what):
        value = self._scalar(node, ctx, what)
        if value is INVALID:
            return INVALID
        if not re.fullmatch(r"\d+", value):
            ctx.error(node, f"{what} moet {self.noun} zijn, niet '{shown(value)}'")
            return INVALID
        if len(value) > MAX_DIGITS:
            ctx.error(node, f"{what} is te groot ({len(value)} cijfers; hoogstens {MAX_DIGITS})")
            return INVALID
        return int(value)

    def json_schema(self):
        return {"type": "integer", "minimum": 0}


class Boolean(Type):
    noun = "true of false"

    def convert(self, node, ctx, what):
        value = self._scalar(node, ctx, what)
        if value is INVALID:
            return INVALID
        word = value.lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        ctx.error(node, f"{what} moet {self.noun} zijn, niet '{shown(value)}'")
        return INVALID

    def json_schema(self):
        return {"type": "boolean"}


def parse_iso_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if ISO_DATE.match(value) else None
    except ValueError:
        return None


class Date(Type):
    noun = "een datum (JJJJ-MM-DD)"

    def convert(self, node, ctx, what):
        value = self._scalar(node, ctx, what)
        if value is INVALID:
            return INVALID
        parsed = parse_iso_date(value)
        if parsed is None:
            adjective = "onmogelijke" if ISO_DATE.match(value) else "ongeldige"
            ctx.error(node, f"{what}: {adjective} datum '{shown(value)}' (verwacht JJJJ-MM-DD)")
            return INVALID
        return parsed

    def json_schema(self):
        return {"type": "string", "format": "date"}


class Termijn(Type):
    """A deadline: an ISO date when it looks like one, otherwise free text."""

    noun = "een datum (JJJJ-MM-DD) of een tekst"

    def convert(self, node, ctx, what):
        value = self._scalar(node, ctx, what)
        if value is INVALID or not ISO_DATE.match(value):
            return value
        return Date().convert(node, ctx, what)

    def json_schema(self):
        return {"type": "string"}


class TimeRange(Type):
    """'HH:MM' or 'HH:MM-HH:MM'; kept as a tuple of 'HH:MM' strings."""

    noun = "een tijd (UU:MM of UU:MM-UU:MM)"

    def convert(self, node, ctx, what):
        value = self._scalar(node, ctx, what)
        if value is INVALID:
            return INVALID
        written = re.sub(r"\s*uur\s*$", "", value.strip())  # '15.45-17.15 uur' as in letters
        parts = [p.strip() for p in re.split(r"\s*[-–—]\s*|\s+tot\s+", written)]
        times = []
        for part in parts if len(parts) <= 2 else []:
            match = TIME.match(part)
            if not match or int(match[1]) > 23 or int(match[2]) > 59:
                break
            times.append(f"{int(match[1]):02d}:{match[2]}")
        if len(times) != len(parts) or len(parts) > 2:
            ctx.error(
                node, f"{what}: ongeldige tijd '{shown(value)}' (verwacht UU:MM of UU:MM-UU:MM)"
            )
            return INVALID
        if len(times) == 2 and times[1] <= times[0]:
            ctx.error(node, f"{what}: eindtijd {times[1]} ligt niet na begintijd {times[0]}")
            return INVALID
        return tuple(times)

    def json_schema(self):
        return {"type": "string"}


class Choice(Type):
    def __init__(self, *values: str):
        self.values = values
        self.noun = " of ".join(f"'{v}'" for v in values)

    def convert(self, node, ctx, what):
        value = self._scalar(node, ctx, what)
        if value is INVALID:
            return INVALID
        if value not in self.values:
            allowed = ", ".join(self.values)
            hint = did_you_mean(value, self.values)
            ctx.error(
                node, f"{what}: onbekende waarde '{shown(value)}'{hint}; toegestaan: {allowed}"
            )
            return INVALID
        return value

    def json_schema(self):
        return {"enum": list(self.values)}


class BoolOrText(Type):
    """true/false, or a text (used where a path can stand in for 'yes')."""

    noun = "true, false of een bestandsnaam"

    def convert(self, node, ctx, what):
        value = self._scalar(node, ctx, what)
        if value is INVALID:
            return INVALID
        word = value.lower()
        return True if word in TRUE_WORDS else False if word in FALSE_WORDS else value

    def json_schema(self):
        return {"type": ["boolean", "string"]}


class ListOf(Type):
    def __init__(self, item: Type):
        self.item = item
        self.noun = "een lijst"

    def convert(self, node, ctx, what):
        if not isinstance(node, yaml.SequenceNode):
            ctx.error(node, f"{what} moet een lijst zijn, niet {kind_of(node)}")
            return INVALID
        result = Seq(ctx.loc(node))
        for child in node.value:
            if is_null(child):
                ctx.error(child, f"lege regel in {what}")
                continue
            value = self.item.convert(child, ctx, what)
            if value is not INVALID:
                result.append_at(value, ctx.loc(child))
        return result

    def json_schema(self):
        return {"type": "array", "items": self.item.json_schema()}


class OneOf(Type):
    """A plain scalar or a mapping: the node's shape picks the type (e.g. a name or a person)."""

    def __init__(self, scalar: Type, mapping: Type):
        self.scalar, self.mapping = scalar, mapping
        self.noun = f"{scalar.noun} of {mapping.noun}"

    def convert(self, node, ctx, what):
        chosen = self.mapping if isinstance(node, yaml.MappingNode) else self.scalar
        return chosen.convert(node, ctx, what)

    def json_schema(self):
        return {"anyOf": [self.scalar.json_schema(), self.mapping.json_schema()]}


@dataclass
class Key:
    """One key of a mapping: its Dutch name, its type and what it means."""

    name: str
    type: Type
    meaning: str
    required: bool = False


def mapping_pairs(node: yaml.MappingNode, ctx: Context, what: str):
    """Yield (key text, key node, value node), reporting keys written twice."""
    seen: dict[str, int] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            ctx.error(key_node, f"sleutel in {what} moet een tekst zijn")
            continue
        key = key_node.value
        line = key_node.start_mark.line + 1
        if key in seen:
            ctx.error(
                key_node,
                f"sleutel '{shown(key)}' staat twee keer in {what} (ook op regel {seen[key]})",
            )
            continue
        seen[key] = line
        yield key, key_node, value_node


class Mapping(Type):
    """A mapping with declared keys; unknown keys are reported with a suggestion."""

    def __init__(self, noun: str, keys: list[Key], check: Callable | None = None):
        self.noun, self.keys, self.check = noun, keys, check
        self.by_name = {key.name: key for key in keys}

    def convert(self, node, ctx, what):
        if not isinstance(node, yaml.MappingNode):
            ctx.error(node, f"{what} moet {self.noun} met sleutels zijn, niet {kind_of(node)}")
            return INVALID
        record = Record(ctx.loc(node))
        empty: set[str] = set()
        suggested: set[str] = set()  # a misspelt required key is reported once, not twice
        for name, key_node, value_node in mapping_pairs(node, ctx, self.noun):
            key = self.by_name.get(name)
            if key is None:
                hint = did_you_mean(name, self.by_name)
                ctx.error(key_node, f"onbekende sleutel '{shown(name)}' in {self.noun}{hint}")
                suggested.add(hint)
                continue
            record.key_locs[name] = ctx.loc(key_node)
            if is_null(value_node):
                empty.add(name)  # an empty key is the same as an absent one
                continue
            value = key.type.convert(value_node, ctx, f"'{name}'")
            if value is not INVALID:
                record[name] = value
        for key in self.keys:
            blank = isinstance(record.get(key.name), str) and not record[key.name].strip()
            if key.required and (key.name in empty or blank):
                ctx.problems.error(record.loc_of(key.name), f"'{key.name}' mag niet leeg zijn")
            elif (
                key.required
                and key.name not in record.key_locs
                and did_you_mean(key.name, [key.name]) not in suggested
            ):
                ctx.problems.error(
                    record.loc, f"{self.noun} mist de verplichte sleutel '{key.name}'"
                )
        if self.check:
            self.check(record, ctx)
        return record

    def json_schema(self):
        return {
            "type": "object",
            "description": self.noun,
            "properties": {
                key.name: {**key.type.json_schema(), "description": key.meaning}
                for key in self.keys
            },
            "required": [key.name for key in self.keys if key.required],
            "additionalProperties": False,
        }


class KeyedBy(Type):
    """A mapping from free keys (item ids, action ids) to values of one type."""

    def __init__(self, noun: str, value: Type, key_meaning: str):
        self.noun, self.value, self.key_meaning = noun, value, key_meaning

    def convert(self, node, ctx, what):
        if not isinstance(node, yaml.MappingNode):
            ctx.error(node, f"{what} moet {self.noun} zijn, niet {kind_of(node)}")
            return INVALID
        record = Record(ctx.loc(node))
        for name, key_node, value_node in mapping_pairs(node, ctx, what):
            record.key_locs[name] = ctx.loc(key_node)
            if is_null(value_node):
                record[name] = None
                continue
            value = self.value.convert(value_node, ctx, f"'{shown(name)}'")
            if value is not INVALID:
                record[name] = value
        return record

    def json_schema(self):
        return {
            "type": "object",
            "description": self.key_meaning,
            "additionalProperties": self.value.json_schema(),
        }
