"""Each key is declared once and fills the model: the declarations and the dataclasses agree."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import yaml

from vergaderstukken.exceptions import Problems
from vergaderstukken.model import Agendapunt
from vergaderstukken.schema import DOCUMENTS, fill
from vergaderstukken.schema.agenda import AGENDAPUNT
from vergaderstukken.schema.mappings import KeyedBy, ListOf, Mapping, OneOf
from vergaderstukken.schema.types import (
    Boolean,
    BoolOrText,
    Choice,
    Context,
    Date,
    DateOrWord,
    Email,
    Integer,
    Termijn,
    Text,
    Time,
    TimeRange,
    Type,
)

# The annotation a field needs to hold what each type produces.
SCALARS = {
    Text: "str",
    Email: "str",
    Choice: "str",
    Time: "str",
    Integer: "int",
    Boolean: "bool",
    Date: "date",
    DateOrWord: "date | str",
    Termijn: "date | str",
    TimeRange: "tuple[str, ...]",
    BoolOrText: "bool | str",
}


def annotation_for(kind: Type) -> str:
    if isinstance(kind, ListOf):
        return f"list[{annotation_for(kind.item)}]"
    if isinstance(kind, OneOf):
        return annotation_for(kind.mapping)
    if isinstance(kind, Mapping):
        assert kind.model is not None, f"{kind.noun} names no model"
        return kind.model.__name__
    return SCALARS[type(kind)]


def mappings(kind: Type, found: dict[int, Mapping]) -> dict[int, Mapping]:
    """Every mapping declared under `kind`, once each."""
    if isinstance(kind, Mapping) and id(kind) not in found:
        found[id(kind)] = kind
        for key in kind.keys:
            mappings(key.type, found)
    elif isinstance(kind, ListOf):
        mappings(kind.item, found)
    elif isinstance(kind, OneOf):
        mappings(kind.mapping, found)
    elif isinstance(kind, KeyedBy):
        mappings(kind.value, found)
    return found


def every_mapping() -> list[Mapping]:
    found: dict[int, Mapping] = {}
    for document in DOCUMENTS.values():
        mappings(document, found)
    return list(found.values())


def test_every_filled_key_has_a_model_field_of_its_type():
    wrong = []
    for mapping in every_mapping():
        if mapping.model is None:
            continue
        fields = {f.name: f.type for f in dataclasses.fields(mapping.model)}
        for key in mapping.keys:
            if key.computed or key.nested:
                continue
            wanted = annotation_for(key.type)
            written = fields.get(key.target)
            if written is None or not str(written).startswith(wanted):
                wrong.append(f"{mapping.noun}.{key.name}: {written} (wanted {wanted})")
    assert wrong == []


def test_only_the_lists_of_lakregels_and_the_woo_settings_fill_no_model():
    assert sorted(m.noun for m in every_mapping() if m.model is None) == ["lakregel", "woo"]


def test_every_key_says_what_it_means():
    assert [
        f"{m.noun}.{k.name}" for m in every_mapping() for k in m.keys if len(k.meaning) < 5
    ] == []


def record_of(text: str, mapping: Mapping):
    node = yaml.compose(text)
    problems = Problems()
    record = mapping.convert(node, Context(Path("agenda.yaml"), problems), "punt")
    assert not problems.errors
    return record


def test_fill_copies_every_declared_key_with_its_line():
    record = record_of(
        "titel: Begroting\ndoel: besluitvorming\nvragen:\n  - Akkoord?\n  - Nog iets?\n"
        "duur: 20\ninleider: Wethouder\nbijlagen: [begroting]\n",
        AGENDAPUNT,
    )
    punt = fill(Agendapunt, record, id="begroting", nummer="3")
    assert (punt.id, punt.nummer, punt.titel, punt.doel) == (
        "begroting",
        "3",
        "Begroting",
        "besluitvorming",
    )
    assert (punt.duur, punt.inleider, punt.openbaar, punt.acties) == (20, "Wethouder", True, False)
    assert punt.vragen == ["Akkoord?", "Nog iets?"]
    assert [loc.line for loc in punt.vragen_locs] == [4, 5]
    assert {k: loc.line for k, loc in punt.locs.items()} == {
        "titel": 1,
        "doel": 2,
        "vragen": 3,
        "duur": 6,
        "inleider": 7,
        "bijlagen": 8,
    }
    assert punt.bijlagen == []  # a reference the loader resolves, never a copy of the ids


def test_a_missing_required_key_leaves_an_empty_stand_in():
    node = yaml.compose("doel: informatie\n")
    problems = Problems()
    record = AGENDAPUNT.convert(node, Context(Path("agenda.yaml"), problems), "punt")
    assert [p.message for p in problems.errors] == ["agendapunt mist de verplichte sleutel 'titel'"]
    assert fill(Agendapunt, record, id="x", nummer="1").titel == ""
