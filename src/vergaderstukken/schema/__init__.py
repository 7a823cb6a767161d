"""Every key of the workspace format, declared once, with its Dutch meaning.

This module is the contract of `../shared/spec/format.md` in code: the loader validates
with it, `stukken schema` exports it as JSON Schema for editors. Keys may be added here;
keys of the contract are never renamed or dropped.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..exceptions import Problems
from ..safe_read import compose
from .types import (
    Boolean,
    BoolOrText,
    Choice,
    Context,
    Date,
    Integer,
    Key,
    KeyedBy,
    ListOf,
    Mapping,
    OneOf,
    Record,
    Termijn,
    Text,
    TimeRange,
)

MARKDOWN = Text(markdown=True)
DOELEN = ("besluitvorming", "bespreking", "informatie", "kennisname", "advisering")
ACTIE_STATUSSEN = ("open", "loopt", "afgerond", "vervallen")
SOORTEN = ("besluit", "knelpunt", "actie", "afspraak", "toezegging")
ACTIE_SOORTEN = ("actie", "toezegging")

# --- stukken.yaml -------------------------------------------------------------------------

OVERLEG = Mapping(
    "overleg",
    [
        Key("naam", Text(), "Naam van het overleg, voluit.", required=True),
        Key("afkorting", Text(), "Afkorting; gebruikt in titels en metadata.", required=True),
        Key("organisatie", Text(), "Organisatie; staat in de paginakop."),
        Key("secretariaat", Text(), "Afzender van het vergaderpakket."),
        Key("voorzitter", Text(), "Standaardvoorzitter."),
        Key("locatie", Text(), "Standaardlocatie van de vergaderingen."),
    ],
)

LAK = Mapping(
    "lakregel",
    [
        Key("tekst", Text(), "Tekst die overal wordt weggelakt.", required=True),
        Key("grond", Text(), "Woo-uitzonderingsgrond, bijv. 5.1.2e.", required=True),
    ],
)

STUKKEN = Mapping(
    "stukken.yaml",
    [
        Key("overleg", OVERLEG, "Het overleg en zijn standaarden.", required=True),
        Key("leden", ListOf(Text()), "Organisaties die aan tafel zitten."),
        Key(
            "woo",
            Mapping(
                "woo",
                [
                    Key("lakken", ListOf(LAK), "Teksten die in de openbare versie worden gelakt."),
                ],
            ),
            "Instellingen voor de openbare versie (Woo).",
        ),
    ],
)

# --- agenda.yaml --------------------------------------------------------------------------

PUNT_KEYS = [
    Key("id", Text(), "Vaste id; standaard een slug van de titel."),
    Key("titel", Text(), "Titel van het agendapunt.", required=True),
    Key("doel", Choice(*DOELEN), "Doel, getoond als 'ter ...'."),
    Key("openbaar", Boolean(), "false houdt het punt uit de openbare versie (standaard true)."),
    Key("toelichting", MARKDOWN, "Toelichting bij het punt (Markdown)."),
    Key("vragen", ListOf(MARKDOWN), "Vragen aan de vergadering, genummerd 1., 2."),
    Key("bijlagen", ListOf(Text()), "Ids van bijlagen bij dit punt."),
    Key("acties", Boolean(), "true toont hier de openstaande acties van eerdere vergaderingen."),
]

ONDERDEEL = Mapping("onderdeel", PUNT_KEYS)

AGENDAPUNT = Mapping(
    "agendapunt",
    [
        *PUNT_KEYS,
        Key("deel", Text(), "Begint een deel ('DEEL 1: ...') boven dit punt."),
        Key("onderdelen", ListOf(ONDERDEEL), "Subpunten, geletterd a), b), c)."),
    ],
)


def check_bijlage(record: Record, ctx: Context) -> None:
    sources = [name for name in ("bestand", "verslag") if name in record.key_locs]
    if len(sources) != 1:
        message = (
            "bijlage heeft 'bestand' of 'verslag' nodig"
            if not sources
            else "bijlage heeft 'bestand' of 'verslag', niet allebei"
        )
        ctx.problems.error(record.loc, message)
    if "titel" not in record.key_locs and "verslag" not in record.key_locs:
        ctx.problems.error(record.loc, "bijlage mist de verplichte sleutel 'titel'")


BIJLAGE = Mapping(
    "bijlage",
    [
        Key("id", Text(), "Id waarmee agendapunten naar deze bijlage verwijzen.", required=True),
        Key("titel", Text(), "Titel van de bijlage (bij 'verslag' standaard 'Verslag ...')."),
        Key("bestand", Text(), "Pad binnen de vergadermap; .md wordt opgemaakt, .pdf ingevoegd."),
        Key(
            "verslag", Text(), "Datum (map) van een vergadering waarvan het verslag de bijlage is."
        ),
        Key("openbaar", BoolOrText(), "false: niet openbaar; een pad: de gelakte versie."),
        Key("nummer", Text(), "Eigen nummer in plaats van het Romeinse volgnummer (bijv. I-a)."),
    ],
    check=check_bijlage,
)

VOLGENDE = Mapping(
    "volgende vergadering",
    [
        Key("datum", Date(), "Datum van de volgende vergadering.", required=True),
        Key("tijd", TimeRange(), "Tijd, UU:MM-UU:MM."),
        Key("locatie", Text(), "Locatie."),
    ],
)

AGENDA = Mapping(
    "agenda.yaml",
    [
        Key("datum", Date(), "Datum van de vergadering; gelijk aan de mapnaam.", required=True),
        Key("tijd", TimeRange(), "Tijd, UU:MM-UU:MM of UU:MM."),
        Key("locatie", Text(), "Locatie; standaard overleg.locatie."),
        Key("nummer", Integer(), "Volgnummer van de vergadering (verslag: '12.3')."),
        Key("voorzitter", Text(), "Voorzitter; standaard overleg.voorzitter."),
        Key("agenda", ListOf(AGENDAPUNT), "De agendapunten, genummerd 1, 2, 3.", required=True),
        Key("bijlagen", ListOf(BIJLAGE), "Bijlagen, genummerd I, II, III."),
        Key("volgende", VOLGENDE, "De volgende vergadering."),
    ],
)

# --- verslag.yaml -------------------------------------------------------------------------

PERSOON_KEYS = [
    Key("organisatie", Text(), "Organisatie.", required=True),
    Key("naam", Text(), "Naam."),
    Key("functie", Text(), "Functie."),
    Key("rol", Text(), "Rol in dit overleg, bijv. voorzitter."),
]
AANWEZIGE = OneOf(Text(), Mapping("aanwezige", PERSOON_KEYS))
AFWEZIGE = OneOf(
    Text(),
    Mapping(
        "afwezige",
        [
            *PERSOON_KEYS,
            Key("kennisgeving", Boolean(), "Met kennisgeving afwezig ('m.k.')."),
        ],
    ),
)


def check_regel(record: Record, ctx: Context) -> None:
    kinds = [name for name in SOORTEN if name in record.key_locs]
    if not kinds:
        ctx.problems.error(record.loc, "B/K/A-regel heeft een soort nodig: " + ", ".join(SOORTEN))
    elif len(kinds) > 1:
        ctx.problems.error(
            record.loc,
            f"B/K/A-regel heeft precies één soort, hier staan er {len(kinds)}: " + ", ".join(kinds),
        )
    for kind in kinds:
        if not str(record.get(kind) or "").strip():
            ctx.problems.error(record.loc_of(kind), f"'{kind}' heeft geen tekst")
    if kinds and kinds[0] not in ACTIE_SOORTEN:
        for name in ("wie", "termijn", "id"):
            if name in record.key_locs:
                ctx.problems.error(
                    record.loc_of(name), f"'{name}' hoort alleen bij een actie of toezegging"
                )


REGEL = Mapping(
    "B/K/A-regel",
    [
        Key("besluit", MARKDOWN, "Besluit (B)."),
        Key("knelpunt", MARKDOWN, "Knelpunt (K)."),
        Key("actie", MARKDOWN, "Actie (A)."),
        Key("afspraak", MARKDOWN, "Afspraak; staat bij de besluiten."),
        Key("toezegging", MARKDOWN, "Toezegging; gevolgd als een actie."),
        Key("toelichting", MARKDOWN, "Toelichting in de zijkolom."),
        Key("wie", Text(), "Wie de actie uitvoert."),
        Key("termijn", Termijn(), "Uiterlijke datum (JJJJ-MM-DD) of vrije tekst."),
        Key("id", Text(), "Vaste id van de actie; standaard <datum>.<n>."),
    ],
    check=check_regel,
)

VERSLAGPUNT = Mapping(
    "verslagpunt",
    [
        Key("tekst", MARKDOWN, "Verslag in lopende tekst (Markdown)."),
        Key("bka", ListOf(REGEL), "Besluiten, knelpunten, acties, in gesproken volgorde."),
    ],
)

ACTIE_UPDATE = OneOf(
    Choice(*ACTIE_STATUSSEN),
    Mapping(
        "actie-update",
        [
            Key("status", Choice(*ACTIE_STATUSSEN), "open, loopt, afgerond of vervallen."),
            Key("toelichting", MARKDOWN, "Stand van zaken."),
            Key("termijn", Termijn(), "Nieuwe termijn."),
        ],
    ),
)

VERSLAG = Mapping(
    "verslag.yaml",
    [
        Key("status", Choice("concept", "vastgesteld"), "concept of vastgesteld."),
        Key("vastgesteld_op", Date(), "Datum van vaststelling."),
        Key("notulist", Text(), "Wie het verslag maakte."),
        Key("aanwezig", ListOf(AANWEZIGE), "Aanwezigen: organisatie of persoon."),
        Key("afwezig", ListOf(AFWEZIGE), "Afwezigen; kennisgeving: true toont 'm.k.'."),
        Key(
            "punten",
            KeyedBy(
                "verslag per agendapunt", VERSLAGPUNT, "Per agendapunt (id of nummer, bijv. 5b)."
            ),
            "Verslag per agendapunt.",
        ),
        Key(
            "acties",
            KeyedBy("voortgang van acties", ACTIE_UPDATE, "Per actie-id de nieuwe status."),
            "Voortgang van eerdere acties.",
        ),
    ],
)

# --- annotaties/NAAM.yaml ------------------------------------------------------------------

ANNOTATIE_PUNT = OneOf(
    MARKDOWN,
    Mapping(
        "annotatie",
        [
            Key("advies", MARKDOWN, "Advies, getoond als 'Advies: ...'."),
            Key("tekst", MARKDOWN, "Toelichting van de adviseur."),
        ],
    ),
)

ANNOTATIE = Mapping(
    "annotatie",
    [
        Key("auteur", Text(), "Wie de annotatie schreef."),
        Key("voor", Text(), "Voor wie de annotatie is geschreven."),
        Key("inleiding", MARKDOWN, "Begeleidende notitie bovenaan."),
        Key(
            "punten",
            KeyedBy("annotaties per agendapunt", ANNOTATIE_PUNT, "Per agendapunt (id of nummer)."),
            "Annotaties per agendapunt.",
        ),
        Key(
            "acties",
            KeyedBy("annotaties per actie", MARKDOWN, "Per actie-id een opmerking."),
            "Opmerkingen bij openstaande acties.",
        ),
    ],
)

DOCUMENTS = {
    "stukken": STUKKEN,
    "agenda": AGENDA,
    "verslag": VERSLAG,
    "annotatie": ANNOTATIE,
}

# --- reading ------------------------------------------------------------------------------


def read_document(
    path: Path, kind: str, problems: Problems, root: Path | None = None
) -> Record | None:
    """Read and validate one workspace file (never one outside `root`) against its keys."""
    node = compose(path, problems, root)
    if node is None:
        return None
    value = DOCUMENTS[kind].convert(node, Context(path, problems), path.name)
    return value if isinstance(value, Record) else None


def json_schemas() -> dict[str, dict]:
    """JSON Schema (draft 2020-12) per file kind, for editor completion and checking."""
    return {
        kind: {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": f"vergaderstukken: {mapping.noun}",
            **mapping.json_schema(),
        }
        for kind, mapping in DOCUMENTS.items()
    }


def write_json_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, schema in json_schemas().items():
        target = folder / f"{kind}.schema.json"
        target.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", "utf-8")
        written.append(target)
    return written
