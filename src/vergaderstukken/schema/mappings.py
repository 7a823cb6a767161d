"""The structure of the type language: lists, mappings and their keys, and the records
they produce (which remember the line of every key).

A `Mapping` names the model dataclass its records fill (`schema/fill.py` builds it); a
`Key` names the field it fills, or is `computed` by the loader.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from ..exceptions import Loc
from ..namen import did_you_mean
from ..safe_read import shown
from .types import INVALID, Context, Invalid, JsonSchema, Type, is_null, kind_of


class Record(dict[str, Any]):
    """A validated mapping that remembers where it and each of its keys were written, and
    the declaration it was validated against (`schema.fill` builds the model from both).

    The loaders read a record only for what they compute themselves (numbering, references);
    every other key reaches the model through `fill`, typed by the model's dataclass.
    """

    def __init__(self, loc: Loc, mapping: Mapping | None = None) -> None:
        super().__init__()
        self.loc = loc
        self.mapping = mapping
        self.key_locs: dict[str, Loc] = {}

    def loc_of(self, key: str) -> Loc:
        """Where `key` was written, or where the record starts when it was not."""
        return self.key_locs.get(key, self.loc)

    def text(self, key: str) -> str | None:
        """A text key's value (None when absent, empty or invalid)."""
        value = self.get(key)
        return value if isinstance(value, str) else None

    def records(self, key: str) -> Seq:
        """A list-of-mappings key's validated entries (an empty list when absent)."""
        value = self.get(key)
        return value if isinstance(value, Seq) else Seq(self.loc)

    def mapping_of(self, key: str) -> Record:
        """A mapping key's record (an empty record at this one's line when absent)."""
        value = self.get(key)
        return value if isinstance(value, Record) else Record(self.loc)


class Seq(list[Any]):
    """A validated list that remembers the line of each element."""

    def __init__(self, loc: Loc) -> None:
        super().__init__()
        self.loc = loc
        self.locs: list[Loc] = []

    def append_at(self, value: Any, loc: Loc) -> None:
        """Append `value`, written at `loc`."""
        self.append(value)
        self.locs.append(loc)


class ListOf(Type):
    """A list whose every element is an `item`; empty elements are reported."""

    def __init__(self, item: Type) -> None:
        self.item = item
        self.noun = "een lijst"

    def describe(self) -> str:
        """Says what each element is."""
        if isinstance(self.item, Mapping):
            return "een lijst; elk item heeft sleutels (zie hieronder)"
        return f"een lijst; elk item is {self.item.describe()}"

    def convert(self, node: yaml.Node, ctx: Context, what: str) -> Seq | Invalid:
        """The valid elements, each with its line."""
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

    def json_schema(self) -> JsonSchema:
        """Its JSON Schema."""
        return {"type": "array", "items": self.item.json_schema()}


class OneOf(Type):
    """A plain scalar or a mapping: the node's shape picks the type (e.g. a name or a person).

    The scalar is short for the mapping with only `scalar_key` written ('Enschede' for
    `{organisatie: Enschede}`), so both shapes arrive as one record and fill one model."""

    def __init__(self, scalar: Type, mapping: Mapping, scalar_key: str) -> None:
        self.scalar: Type = scalar
        self.mapping: Mapping = mapping
        self.scalar_key = scalar_key
        self.noun = f"{scalar.noun} of {mapping.noun}"

    def describe(self) -> str:
        """Names both shapes."""
        return f"{self.scalar.describe()}, of {self.mapping.describe()}"

    def convert(self, node: yaml.Node, ctx: Context, what: str) -> Record | Invalid:
        """A record, from the mapping or from the scalar under `scalar_key`."""
        if isinstance(node, yaml.MappingNode):
            return self.mapping.convert(node, ctx, what)
        value: object = self.scalar.convert(node, ctx, what)
        if value is INVALID:
            return INVALID
        record = Record(ctx.loc(node), self.mapping)
        record[self.scalar_key] = value
        return record

    def json_schema(self) -> JsonSchema:
        """Its JSON Schema."""
        return {"anyOf": [self.scalar.json_schema(), self.mapping.json_schema()]}


@dataclass
class Key:
    """One key of a mapping: its Dutch name, its type and what it means.

    A key fills the model field of the same name (or `field`), through `schema.fill`;
    a `computed` key is read by the loader instead, which derives the field from it
    (numbers, references, paths). `default` says in words what an absent key means;
    `nested` keys (stukken.yaml's `overleg:`) fill the enclosing model with their keys.
    """

    name: str
    type: Type
    meaning: str
    required: bool = False
    default: str | None = None
    field: str | None = None
    computed: bool = False
    nested: bool = False

    @property
    def target(self) -> str:
        """The model field this key fills."""
        return self.field or self.name


def mapping_pairs(
    node: yaml.MappingNode, ctx: Context, what: str
) -> Iterator[tuple[str, yaml.Node, yaml.Node]]:
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
    """A mapping with declared keys; unknown keys are reported with a suggestion.

    `model` is the dataclass its records fill; `schema.fill` builds it."""

    def __init__(
        self,
        noun: str,
        keys: list[Key],
        check: Callable[[Record, Context], None] | None = None,
        model: type | None = None,
    ) -> None:
        self.noun, self.keys, self.check, self.model = noun, keys, check, model
        self.by_name = {key.name: key for key in keys}

    def describe(self) -> str:
        """Points to the keys listed below it."""
        return "sleutels (zie hieronder)"

    def convert(self, node: yaml.Node, ctx: Context, what: str) -> Record | Invalid:
        """The record of known keys; reports unknown, doubled and missing required keys."""
        if not isinstance(node, yaml.MappingNode):
            soort = (  # 'agenda.yaml moet ...', "'overleg' moet een overleg zijn ..."
                "sleutels met waarden bevatten"
                if self.noun.endswith(".yaml")
                else f"een {self.noun} zijn met sleutels en waarden"
            )
            ctx.error(node, f"{what} moet {soort}, niet {kind_of(node)}")
            return INVALID
        record = Record(ctx.loc(node), self)
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

    def json_schema(self) -> JsonSchema:
        """Its JSON Schema."""
        return {
            "type": "object",
            "description": self.noun,
            "properties": {
                key.name: {**key.type.json_schema(), "description": described(key)}
                for key in self.keys
            },
            "required": [key.name for key in self.keys if key.required],
            "additionalProperties": False,
        }


def described(key: Key) -> str:
    """The key's meaning with its default, as editors show it."""
    if key.default is None:
        return key.meaning
    return f"{key.meaning} Standaard: {key.default}."


class KeyedBy(Type):
    """A mapping from free keys (item ids, action ids) to values of one type."""

    def __init__(self, noun: str, value: Type, key_meaning: str) -> None:
        self.noun, self.value, self.key_meaning = noun, value, key_meaning

    def describe(self) -> str:
        """Says what the keys stand for and what each value is."""
        per = self.key_meaning.rstrip(".")
        return f"{per[0].lower()}{per[1:]}: {self.value.describe()}"

    def convert(self, node: yaml.Node, ctx: Context, what: str) -> Record | Invalid:
        """A record of every key; an empty value is kept as None."""
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

    def json_schema(self) -> JsonSchema:
        """Its JSON Schema."""
        return {
            "type": "object",
            "description": self.key_meaning,
            "additionalProperties": self.value.json_schema(),
        }
