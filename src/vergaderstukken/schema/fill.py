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
    mapping = record.mapping
    if mapping is None:
        raise TypeError("fill() needs a record validated against a declared mapping")
    plan = _PLANS.get((id(mapping), id(fields)))
    if plan is None:
        plan = _plan(mapping, fields)
    for name, target, nested, locs, required in plan[2]:
        if nested:
            inner = record.get(name)
            if isinstance(inner, Record):
                _collect(inner, fields, values)
        elif name in record:
            value = record[name]
            values[target] = materialise(value)
            if locs is not None and isinstance(value, Seq):
                values[locs] = list(value.locs)
        elif required is not None:
            values[target] = _stand_in(required)


#: per (declaration, model): what each key fills, worked out once (a history fills a
#: hundred thousand values); the declaration and the fields are kept in it, so that
#: their ids stay their own
_PLANS: dict[
    tuple[int, int], tuple[object, object, list[tuple[str, str, bool, str | None, Key | None]]]
] = {}


def _plan(
    mapping: Any, fields: dict[str, dataclasses.Field[Any]]
) -> tuple[object, object, list[tuple[str, str, bool, str | None, Key | None]]]:
    """For each declared key that is not computed: its name, the field it fills, whether
    it is nested, the field of its list's lines, and itself if the field has no default."""
    steps: list[tuple[str, str, bool, str | None, Key | None]] = []
    for key in mapping.keys:
        if key.computed:
            continue
        if key.nested:
            steps.append((key.name, "", True, None, None))
            continue
        target = key.target
        if target not in fields:
            raise TypeError(f"{mapping.model} has no field '{target}' for key '{key.name}'")
        locs = f"{target}_locs" if f"{target}_locs" in fields else None
        steps.append(
            (key.name, target, False, locs, key if _without_default(fields[target]) else None)
        )
    plan = (mapping, fields, steps)
    _PLANS[(id(mapping), id(fields))] = plan
    return plan


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
