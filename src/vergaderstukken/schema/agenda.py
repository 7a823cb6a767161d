"""The keys of agenda.yaml, and of an agenda item (also used by stukken.yaml's vaste_agenda)."""

from __future__ import annotations

from ..model import Agendapunt, Bijlage, Vergadering, Volgende
from .mappings import Key, ListOf, Mapping, Record
from .types import (
    MARKDOWN,
    Boolean,
    BoolOrText,
    Choice,
    Context,
    Date,
    DateOrWord,
    Integer,
    Text,
    Time,
    TimeRange,
)

DOELEN = ("besluitvorming", "bespreking", "informatie", "kennisname", "advisering")

# --- agenda items (agenda.yaml, and stukken.yaml's vaste_agenda) ---------------------------

PUNT_KEYS = [
    Key(
        "id",
        Text(),
        "Vaste id waarmee verslag en annotaties naar het punt verwijzen.",
        default="gemaakt van de titel (Opening & vaststellen agenda: opening-vaststellen-agenda)",
        computed=True,
    ),
    Key("titel", Text(), "Titel van het agendapunt.", required=True),
    Key("doel", Choice(*DOELEN), "Doel, getoond als 'ter ...'."),
    Key("openbaar", Boolean(), "false houdt het punt uit de openbare versie.", default="true"),
    Key("toelichting", MARKDOWN, "Toelichting bij het punt."),
    Key("vragen", ListOf(MARKDOWN), "Vragen aan de vergadering, genummerd 1., 2."),
    Key("bijlagen", ListOf(Text()), "Ids van bijlagen bij dit punt.", computed=True),
    Key(
        "acties",
        Boolean(),
        "true toont hier de openstaande acties van eerdere vergaderingen.",
        default="false",
    ),
    Key(
        "vaststelling",
        DateOrWord("vorige"),
        "Dit punt stelt het verslag van die vergadering vast (datum van haar map); "
        "'vorige' is de vorige vergadering.",
    ),
    Key("tijd", Time(), "Geplande begintijd van het punt."),
    Key("duur", Integer(minimum=1), "Geplande duur in minuten."),
    Key("inleider", Text(), "Wie het punt inleidt."),
]

ONDERDEEL = Mapping("onderdeel", PUNT_KEYS, model=Agendapunt)

AGENDAPUNT = Mapping(
    "agendapunt",
    [
        *PUNT_KEYS,
        Key("deel", Text(), "Begint een deel ('DEEL 1: ...') boven dit punt."),
        Key("onderdelen", ListOf(ONDERDEEL), "Subpunten, geletterd a), b), c).", computed=True),
    ],
    model=Agendapunt,
)

VAST_ONDERDEEL = Mapping(
    "vast onderdeel", [k for k in PUNT_KEYS if k.name != "bijlagen"], model=Agendapunt
)
VAST_AGENDAPUNT = Mapping(
    "vast agendapunt",
    [
        *VAST_ONDERDEEL.keys,
        Key("deel", Text(), "Begint een deel ('DEEL 1: ...') boven dit punt."),
        Key(
            "onderdelen", ListOf(VAST_ONDERDEEL), "Subpunten, geletterd a), b), c).", computed=True
        ),
    ],
    model=Agendapunt,
)

# --- agenda.yaml --------------------------------------------------------------------------


def check_bijlage(record: Record, ctx: Context) -> None:
    """An attachment names a file or a minutes date (not both), and a title unless minutes."""
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
        Key(
            "titel",
            Text(),
            "Titel van de bijlage; verplicht, behalve bij 'verslag'.",
            default="bij 'verslag': 'Verslag <afkorting> <datum>'",
        ),
        Key(
            "bestand",
            Text(),
            "Pad binnen de vergadermap; .md wordt opgemaakt, .pdf ingevoegd.",
            computed=True,
        ),
        Key(
            "verslag", Text(), "Datum (map) van een vergadering waarvan het verslag de bijlage is."
        ),
        Key(
            "openbaar",
            BoolOrText(),
            "false: niet openbaar; een pad: de gelakte versie.",
            default="true",
            computed=True,
        ),
        Key("nummer", Text(), "Eigen nummer in plaats van het Romeinse volgnummer (bijv. I-a)."),
    ],
    check=check_bijlage,
    model=Bijlage,
)

VOLGENDE = Mapping(
    "volgende vergadering",
    [
        Key("datum", Date(), "Datum van de volgende vergadering.", required=True),
        Key("tijd", TimeRange(), "Tijd, UU:MM-UU:MM."),
        Key("locatie", Text(), "Locatie."),
    ],
    model=Volgende,
)

AGENDA = Mapping(
    "agenda.yaml",
    [
        Key(
            "datum",
            Date(),
            "Datum van de vergadering; gelijk aan de mapnaam.",
            required=True,
            computed=True,
        ),
        Key("tijd", TimeRange(), "Tijd, UU:MM-UU:MM of UU:MM."),
        Key("locatie", Text(), "Locatie.", default="overleg.locatie uit stukken.yaml"),
        Key("nummer", Integer(), "Volgnummer van de vergadering (verslag: '12.3')."),
        Key("voorzitter", Text(), "Voorzitter.", default="overleg.voorzitter uit stukken.yaml"),
        Key(
            "agenda",
            ListOf(AGENDAPUNT),
            "De agendapunten, genummerd 1, 2, 3.",
            required=True,
            field="punten",
            computed=True,
        ),
        Key("bijlagen", ListOf(BIJLAGE), "Bijlagen, genummerd I, II, III.", computed=True),
        Key("volgende", VOLGENDE, "De volgende vergadering."),
    ],
    model=Vergadering,
)
