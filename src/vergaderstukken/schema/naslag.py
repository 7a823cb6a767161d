"""The format reference (docs/format.md), generated from the declarations.

It is written for the secretariat, in Dutch: per file an introduction, an example
(`voorbeelden.py`) and a table per mapping with every key, its kind of value in plain words,
whether it is required, what holds when it is left out, and its meaning as declared.
`stukken schema --naslag docs/format.md` (or `make docs`) writes it; tests/test_naslag.py
fails when docs/format.md is not what this module makes.
"""

from __future__ import annotations

from pathlib import Path

from .mappings import Key, KeyedBy, ListOf, Mapping, OneOf
from .types import Type
from .voorbeelden import BY_KIND

REGENERATE = "make docs"
COMMAND = "stukken schema --naslag docs/format.md"

TITLES = {
    "stukken": "stukken.yaml",
    "agenda": "agenda.yaml",
    "verslag": "verslag.yaml",
    "annotatie": "annotaties/NAAM.yaml",
}

HEADER = f"""\
# Het formaat van de werkmap

<!-- Gemaakt uit de sleutels in src/vergaderstukken/schema/; niet met de hand wijzigen.
     Opnieuw maken: `{REGENERATE}` of `{COMMAND}`. -->

Een werkmap is een map met YAML-bestanden die u met een teksteditor bijhoudt; `stukken`
maakt er de vergaderstukken van. `stukken check` controleert de hele werkmap en meldt elke
fout met bestand en regel; `stukken build DATUM` maakt de stukken van een vergadering.

```
stukken.yaml                  het overleg en zijn vaste gegevens
meetings/
  2024-01-24/                 één map per vergadering, genoemd naar haar datum
    agenda.yaml               de agenda (vóór de vergadering)
    verslag.yaml              het verslag (na de vergadering)
    annotaties/
      hellendoorn.yaml        de aantekeningen van één adviseur bij de agenda
    bijlagen/                 de bestanden van de bijlagen
templates/                    eigen sjablonen (mag ontbreken)
output/                       wat stukken maakt; niet met de hand wijzigen
```

## Algemeen

- Een vergadering heet naar haar map: een datum (JJJJ-MM-DD), eventueel met een
  achtervoegsel (`2024-01-24-extra`) als het overleg twee keer op een dag vergadert.
- Tekst met opmaak is Markdown: *cursief*, **vet**, lijsten, links en tabellen. HTML in een
  tekst wordt als gewone tekst getoond.
- Datums schrijft u als JJJJ-MM-DD, tijden als UU:MM (15:45 of 15.45).
- In plaats van true en false mag ook ja en nee.
- Een sleutel zonder waarde telt als weggelaten.
- Een onbekende sleutel is een fout; `stukken check` noemt de sleutel die u waarschijnlijk
  bedoelde.
- In de tabellen betekent **Verplicht: ja** dat de sleutel er moet staan; **Standaard** is
  wat geldt als u de sleutel weglaat.
- `stukken schema` schrijft JSON Schema's van deze sleutels, waarmee uw editor ze aanvult en
  controleert.
"""

INTROS = {
    "stukken": "Eén per werkmap, in de hoofdmap: het overleg, zijn leden en zijn vaste "
    "gegevens. Wat hier staat, geldt voor elke vergadering die het niet zelf anders zegt.",
    "agenda": "Eén per vergadering, in de map van de vergadering. U schrijft haar vóór de "
    "vergadering: de gegevens van de vergadering, de agendapunten en de bijlagen.",
    "verslag": "Het verslag van de vergadering, in dezelfde map, geschreven na de "
    "vergadering: wie er was, wat er per agendapunt besproken en besloten is, en hoe het met "
    "de acties van eerdere vergaderingen staat.",
    "annotatie": "De aantekeningen van één adviseur bij de agenda, in de submap `annotaties/` "
    "van de vergadering. De bestandsnaam is de naam van de annotatie: `hellendoorn.yaml` "
    "wordt `geannoteerde-agenda-hellendoorn.pdf`.",
}

NOTES = {
    "agenda": """\
- Agendapunten worden doorgenummerd 1, 2, 3, ook over delen heen; onderdelen krijgen a), b)
  en heten in een verwijzing `2a`.
- Een id is uniek binnen de vergadering. Zonder id maakt `stukken` er een van de titel.
- Bijlagen krijgen Romeinse cijfers (Bijlage I, II, ...) in de volgorde waarin de agenda ze
  voor het eerst noemt; `nummer` op een bijlage gaat daarvoor (bijvoorbeeld `I-a`).
- Een bijlage ligt altijd in de map van de vergadering; `.md` wordt opgemaakt, `.pdf`
  ongewijzigd in het vergaderpakket gevoegd.
""",
    "verslag": """\
- Elke B/K/A-regel heeft precies één soort: `besluit` (B), `knelpunt` (K), `actie` (A),
  `afspraak` of `toezegging`. `wie`, `termijn` en `id` horen alleen bij een actie of
  toezegging.
- Het verslag volgt de volgorde van de agenda, wat de volgorde onder `punten` ook is; het
  nummer van een punt krijgt het volgnummer van de vergadering ervoor (`12.3`).
- Besluiten en afspraken worden per vergadering genummerd 1, 2, 3. Een actie of toezegging
  zonder id krijgt `<datum>.<n>`: n telt de acties en toezeggingen van de vergadering in de
  volgorde van het verslag. Een id is uniek in de hele werkmap.
- Een actie staat open tot een latere vergadering haar onder `acties` `afgerond` of
  `vervallen` noemt. Een open actie met een termijn vóór de vergadering heet verlopen.
""",
    "annotatie": """\
- Een annotatie verandert de agenda niet, ze vult haar aan. Ze staat alleen in de
  geannoteerde agenda van die adviseur, nooit in de agenda, het vergaderpakket of de
  openbare versie.
- Een actie die niet bestaat is een fout; `stukken check` noemt de id die er het dichtst
  bij ligt. Een agendapunt dat niet (meer) bestaat is bij `stukken check` een waarschuwing
  en bij het maken van deze geannoteerde agenda een fout, met dezelfde melding.
- Een leeg punt (`opening:`) betekent: gezien, geen opmerking. Een annotatie met een leeg
  punt noemt alle punten (zo maakt `stukken annotatie` haar); `stukken check` waarschuwt
  dan voor elk agendapunt dat er niet in staat. Adviseurs kunnen hun annotaties in een
  eigen map houden: zie `docs/adviseurs.md`.
""",
}


def reference() -> str:
    """The whole format reference, as Markdown."""
    from . import DOCUMENTS

    parts = [HEADER]
    for kind, mapping in DOCUMENTS.items():
        parts.append(f"## {TITLES[kind]}\n\n{INTROS[kind]}\n")
        parts.append(f"### Voorbeeld\n\n```yaml\n{BY_KIND[kind]}```\n")
        parts.extend(_sections(mapping, [], "### Sleutels", ""))
        if kind in NOTES:
            parts.append(f"### Goed om te weten\n\n{NOTES[kind]}")
    return "\n".join(parts)


def write_reference(path: Path) -> Path:
    """Write the format reference to `path` (UTF-8, Unix line ends)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(reference(), encoding="utf-8", newline="\n")
    return path


def _sections(mapping: Mapping, path: list[str], heading: str, lead: str) -> list[str]:
    """The table of `mapping`, then one section per mapping nested in it."""
    rows = [
        "| Sleutel | Waarde | Verplicht | Standaard | Betekenis |",
        "| --- | --- | --- | --- | --- |",
    ]
    rows += [_row(key) for key in mapping.keys]
    parts = [f"{heading}\n\n{lead}{chr(10) * 2 if lead else ''}" + "\n".join(rows) + "\n"]
    for key in mapping.keys:
        inner = _inner(key)
        if inner is not None:
            child, child_lead = inner
            where = [*path, key.name]
            title = "#### " + " → ".join(f"`{name}`" for name in where)
            parts.extend(_sections(child, where, title, child_lead))
    return parts


def _row(key: Key) -> str:
    cells = [
        f"`{key.name}`",
        key.type.describe(),
        "ja" if key.required else "",
        key.default or "",
        key.meaning,
    ]
    return "| " + " | ".join(_cell(cell) for cell in cells) + " |"


def _cell(text: str) -> str:
    """A table cell: `|` would end it, `<...>` would read as HTML."""
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def _inner(key: Key) -> tuple[Mapping, str] | None:
    """The mapping nested in a key's value, and a sentence saying where it stands."""
    kind: Type = key.type
    name = f"`{key.name}`"
    if isinstance(kind, Mapping):
        return kind, f"De sleutels onder {name}:"
    if isinstance(kind, ListOf):
        item = kind.item
        if isinstance(item, Mapping):
            return item, f"Elk item van de lijst {name} heeft deze sleutels:"
        if isinstance(item, OneOf):
            return item.mapping, f"Elk item van de lijst {name} heeft deze sleutels. {_short(item)}"
    if isinstance(kind, KeyedBy):
        per = kind.key_meaning.rstrip(".")
        per = per[0].lower() + per[1:]
        value = kind.value
        if isinstance(value, Mapping):
            return value, f"Onder {name} staat, {per}, een blok met deze sleutels:"
        if isinstance(value, OneOf):
            lead = f"Onder {name} staat, {per}, een blok met deze sleutels. {_short(value)}"
            return value.mapping, lead
    return None


def _short(kind: OneOf) -> str:
    return (
        f"Korte vorm: alleen {kind.scalar.describe()} staat voor de sleutel "
        f"`{kind.scalar_key}` met die waarde."
    )
