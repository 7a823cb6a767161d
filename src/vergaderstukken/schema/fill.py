"""Build a model object from a validated record: one generic filler for every declaration.

Each declared key fills the model field it names (`Key.target`); a nested mapping whose
declaration names a model becomes that model, a list of them a list. The model's `loc`
is the record's line, its `locs` the line of every key written, and a `<field>_locs`
field the line of every entry of a list. The loader passes only what it computes itself
(numbers, resolved references, defaults taken from elsewhere); those win over the record.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from .mappings import Key, Record, Seq

T = TypeVar("T")
_FIELDS: dict[type, dict[str, dataclasses.Field[Any]]] = {}  # a model's fields, by name


def fill(cls: type[T], record: Record, **computed: Any) -> T:
    """A `cls` holding every declared, non-computed key of `record`, plus `computed`."""
    fields = _FIELDS.get(cls)
    if fields is None:
        fields = _FIELDS[cls] = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    values: dict[str, Any] = {}
    _collect(record, fields, values)
    if "loc" in fields:
        values["loc"] = record.loc
    if "locs" in fields:
        values["locs"] = dict(record.key_locs)
    values.update(computed)
    return cls(**values)


def _collect(
    record: Record, fields: dict[str, dataclasses.Field[Any]], values: dict[str, Any]
) -> None:
    if record.mapping is None:
        raise TypeError("fill() needs a record validated against a declared mapping")
    for key in record.mapping.keys:
        if key.computed:
            continue
        if key.nested:
            nested = record.get(key.name)
            if isinstance(nested, Record):
                _collect(nested, fields, values)
            continue
        target = key.target
        if target not in fields:
            raise TypeError(f"{record.mapping.model} has no field '{target}' for key '{key.name}'")
        if key.name in record:
            value = record[key.name]
            values[target] = materialise(value)
            if isinstance(value, Seq) and f"{target}_locs" in fields:
                values[f"{target}_locs"] = list(value.locs)
        elif _without_default(fields[target]):
            values[target] = _stand_in(key)


def materialise(value: Any) -> Any:
    """A validated value as the model holds it: records of a declared model become that
    model, lists become plain lists of such values; scalars stay as they are."""
    if isinstance(value, Record) and value.mapping is not None and value.mapping.model:
        return fill(value.mapping.model, value)
    if isinstance(value, Seq):
        return [materialise(item) for item in value]
    return value


def _without_default(field: dataclasses.Field[Any]) -> bool:
    return field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING


def _stand_in(key: Key) -> Any:
    """A missing required value was reported already; an empty one lets loading go on."""
    return key.type.empty
