"""The keys of verslag.yaml (the minutes) and annotaties/NAAM.yaml (an advisor's overlay)."""

from __future__ import annotations

from ..model import ActieUpdate, Annotatie, AnnotatiePunt, Persoon, Regel, Verslag, VerslagPunt
from .mappings import Key, KeyedBy, ListOf, Mapping, OneOf, Record
from .types import MARKDOWN, Boolean, Choice, Context, Date, Termijn, Text

ACTIE_STATUSSEN = ("open", "loopt", "afgerond", "vervallen")
SOORTEN = ("besluit", "knelpunt", "actie", "afspraak", "toezegging")
ACTIE_SOORTEN = ("actie", "toezegging")
VASTSTELLINGEN = ("ongewijzigd", "gewijzigd", "aangehouden")

# --- verslag.yaml -------------------------------------------------------------------------

PERSOON_KEYS = [
    Key("organisatie", Text(), "Organisatie.", required=True),
    Key("naam", Text(), "Naam."),
    Key("functie", Text(), "Functie."),
    Key("rol", Text(), "Rol in dit overleg, bijv. voorzitter."),
]
AANWEZIGE = OneOf(Text(), Mapping("aanwezige", PERSOON_KEYS, model=Persoon), "organisatie")
AFWEZIGE = OneOf(
    Text(),
    Mapping(
        "afwezige",
        [
            *PERSOON_KEYS,
            Key("kennisgeving", Boolean(), "Met kennisgeving afwezig ('m.k.').", default="false"),
        ],
        model=Persoon,
    ),
    "organisatie",
)


def check_regel(record: Record, ctx: Context) -> None:
    """A B/K/A line has exactly one kind, with text; wie/termijn/id only on an action."""
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


def kind_key(name: str, meaning: str) -> Key:
    """One of the five kinds of B/K/A entry: its text becomes the entry's `tekst`."""
    return Key(name, MARKDOWN, meaning, field="tekst", computed=True)


REGEL = Mapping(
    "B/K/A-regel",
    [
        kind_key("besluit", "Besluit (B)."),
        kind_key("knelpunt", "Knelpunt (K)."),
        kind_key("actie", "Actie (A)."),
        kind_key("afspraak", "Afspraak; staat bij de besluiten."),
        kind_key("toezegging", "Toezegging; gevolgd als een actie."),
        Key("toelichting", MARKDOWN, "Toelichting in de zijkolom."),
        Key("wie", Text(), "Wie de actie uitvoert."),
        Key("termijn", Termijn(), "Uiterlijke datum (JJJJ-MM-DD) of vrije tekst."),
        Key("id", Text(), "Vaste id van de actie.", default="<datum>.<n>"),
    ],
    check=check_regel,
    model=Regel,
)

VERSLAGPUNT = Mapping(
    "verslagpunt",
    [
        Key("tekst", MARKDOWN, "Verslag in lopende tekst."),
        Key(
            "bka",
            ListOf(REGEL),
            "Besluiten, knelpunten, acties, in gesproken volgorde.",
            field="regels",
            computed=True,
        ),
        Key(
            "vastgesteld",
            Choice(*VASTSTELLINGEN),
            "Bij het punt met 'vaststelling': wat er met het verslag gebeurde.",
        ),
        Key("wijzigingen", MARKDOWN, "Bij 'vastgesteld: gewijzigd': de wijzigingen."),
    ],
    model=VerslagPunt,
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
        model=ActieUpdate,
    ),
    "status",
)

VERSLAG = Mapping(
    "verslag.yaml",
    [
        Key(
            "status", Choice("concept", "vastgesteld"), "concept of vastgesteld.", default="concept"
        ),
        Key("vastgesteld_op", Date(), "Datum van vaststelling (bij status vastgesteld)."),
        Key("notulist", Text(), "Wie het verslag maakte."),
        Key("aanwezig", ListOf(AANWEZIGE), "Aanwezigen: organisatie of persoon."),
        Key("afwezig", ListOf(AFWEZIGE), "Afwezigen; kennisgeving: true toont 'm.k.'."),
        Key(
            "punten",
            KeyedBy(
                "verslag per agendapunt", VERSLAGPUNT, "Per agendapunt (id of nummer, bijv. 5b)."
            ),
            "Verslag per agendapunt.",
            computed=True,
        ),
        Key(
            "acties",
            KeyedBy("voortgang van acties", ACTIE_UPDATE, "Per actie-id (bijv. 2023-12-13.1)."),
            "Voortgang van eerdere acties.",
            field="updates",
            computed=True,
        ),
    ],
    model=Verslag,
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
        model=AnnotatiePunt,
    ),
    "tekst",
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
            computed=True,
        ),
        Key(
            "acties",
            KeyedBy("annotaties per actie", MARKDOWN, "Per actie-id een opmerking."),
            "Opmerkingen bij openstaande acties.",
            computed=True,
        ),
    ],
    model=Annotatie,
)
