"""The keys of stukken.yaml: the committee, its members, its standing agenda, sending out."""

from __future__ import annotations

from ..model import Lid, Overleg, Smtp, Verzending
from .agenda import VAST_AGENDAPUNT
from .mappings import Key, ListOf, Mapping, OneOf
from .types import Boolean, Email, Integer, Text

OVERLEG = Mapping(
    "overleg",
    [
        Key("naam", Text(), "Naam van het overleg, voluit.", required=True),
        Key("afkorting", Text(), "Afkorting; gebruikt in titels en metadata.", required=True),
        Key("organisatie", Text(), "Organisatie; staat in de paginakop."),
        Key("secretariaat", Text(), "Afzender van het vergaderpakket."),
        Key("voorzitter", Text(), "Standaardvoorzitter van de vergaderingen."),
        Key("locatie", Text(), "Standaardlocatie van de vergaderingen."),
        Key(
            "tijdzone",
            Text(),
            "Tijdzone van de agenda-uitnodigingen (kalenderbestanden).",
            default="Europe/Amsterdam",
        ),
        Key(
            "secretaris",
            Text(),
            "Secretaris; ondertekent vastgestelde verslagen met de voorzitter.",
        ),
    ],
    model=Overleg,
)

LAK = Mapping(
    "lakregel",
    [
        Key("tekst", Text(), "Tekst die overal wordt weggelakt.", required=True),
        Key("grond", Text(), "Woo-uitzonderingsgrond, bijv. 5.1.2e.", required=True),
    ],
)

LID = OneOf(
    Text(),
    Mapping(
        "lid",
        [
            Key("organisatie", Text(), "Organisatie.", required=True),
            Key("naam", Text(), "Naam van wie de organisatie vertegenwoordigt."),
            Key("functie", Text(), "Functie."),
            Key("email", Email(), "E-mailadres; krijgt de uitnodiging."),
        ],
        model=Lid,
    ),
    scalar_key="organisatie",
)

SMTP = Mapping(
    "smtp",
    [
        Key("host", Text(), "Mailserver.", required=True),
        Key("poort", Integer(minimum=1, maximum=65535), "Poort van de mailserver.", default="587"),
        Key("starttls", Boolean(), "Versleutelen met STARTTLS.", default="true"),
        Key(
            "gebruiker",
            Text(),
            "Gebruikersnaam; het wachtwoord komt uit de omgeving (STUKKEN_SMTP_WACHTWOORD).",
        ),
    ],
    model=Smtp,
)

VERZENDING = Mapping(
    "verzending",
    [
        Key("van", Email(), "Afzender van de uitnodiging."),
        Key("aan", ListOf(Email()), "Geadresseerden.", default="elk lid met een e-mailadres"),
        Key("cc", ListOf(Email()), "Adressen in cc."),
        Key(
            "max_mb",
            Integer(minimum=1),
            "Grotere vergaderpakketten worden niet meegestuurd maar aangekondigd (in megabytes).",
            default="10",
        ),
        Key("smtp", SMTP, "De mailserver waarlangs `stukken uitnodiging --verstuur` verstuurt."),
    ],
    model=Verzending,
)

STUKKEN = Mapping(
    "stukken.yaml",
    [
        Key("overleg", OVERLEG, "Het overleg en zijn standaarden.", required=True, nested=True),
        Key(
            "leden",
            ListOf(LID),
            "Wie aan tafel zit: een organisatie, of een lid met naam, functie en e-mailadres.",
        ),
        Key(
            "woo",
            Mapping(
                "woo",
                [
                    Key("lakken", ListOf(LAK), "Teksten die in de openbare versie worden gelakt."),
                ],
            ),
            "Instellingen voor de openbare versie (Woo).",
            computed=True,
        ),
        Key(
            "vaste_agenda",
            ListOf(VAST_AGENDAPUNT),
            "Vaste punten van elke nieuwe agenda (`stukken nieuw`).",
            computed=True,
        ),
        Key(
            "verzending",
            VERZENDING,
            "Hoe het vergaderpakket wordt verstuurd (`stukken uitnodiging`).",
        ),
    ],
    model=Overleg,
)
