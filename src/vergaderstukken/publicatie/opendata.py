"""Open data around the pages: vergadering.json and its JSON Schema, Woo metadata (DiWoo)
per document, sitemap.xml and an Atom feed.

Everything is byte-stable: no clock is read (dates come from the meetings), keys keep
their order, XML is written by hand in one fixed layout. Links are relative unless a
base URL is given (`basis`): the sitemap protocol and feed readers want absolute URLs.
"""

from __future__ import annotations

import json
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from ..model import Overleg, slugify
from ..schema.gronden import GROUNDS, article
from ..woo import lakken as woo
from .gegevens import Data

SCHEMA_BESTAND = "vergadering.schema.json"
TOOI = "https://identifier.overheid.nl/tooi/def/thes/kern/"
# Woo art. 3.3 lid 2 c and d, from the TOOI value list of information categories.
VERGADERSTUKKEN = (TOOI + "c_db4862c3", "Vergaderstukken decentrale overheden")
BESLUITENLIJSTEN = (TOOI + "c_3a248e3a", "Agenda's en besluitenlijsten bestuurscolleges")
VASTSTELLING = (TOOI + "c_641ecd76", "vaststelling")
ONTVANGST = (TOOI + "c_dfcee535", "ontvangst")
PDF_FORMAAT = "http://publications.europa.eu/resource/authority/file-type/PDF"
DIWOO = "https://standaarden.overheid.nl/diwoo/metadata/"
GELAKT = "[gelakt: {}]"


def leesbaar(value: Any) -> Any:
    """The data with every redaction marker as '[gelakt: 5.1.2e]'."""
    if isinstance(value, str):
        return woo.MARKER.sub(lambda m: GELAKT.format(m[1]), value).replace(woo.OPEN, "")
    if isinstance(value, dict):
        return {leesbaar(k): leesbaar(v) for k, v in value.items()}
    if isinstance(value, list):
        return [leesbaar(v) for v in value]
    return value


def json_bytes(data: Data) -> bytes:
    """vergadering.json: pointing at the schema beside the meeting's folder."""
    shown = {"$schema": f"../{SCHEMA_BESTAND}", **leesbaar(data)}
    return (json.dumps(shown, ensure_ascii=False, indent=2) + "\n").encode()


def gronden(text: str) -> list[dict[str, str]]:
    """The legend of the grounds whose markers are in `text`."""
    return [
        {
            "grond": grond,
            "wet": "Wet open overheid",
            "artikel": article(grond),
            "beschrijving": GROUNDS.get(grond, ""),
        }
        for grond in sorted(set(woo.grounds_in(text)))
    ]


# --- DiWoo ---------------------------------------------------------------------------------


def categorie(soort: str) -> tuple[str, str]:
    """The information category of a document: the agenda and the decision list are
    'agenda's en besluitenlijsten', the minutes, the pack and the attachments
    'vergaderstukken'."""
    return BESLUITENLIJSTEN if soort in ("agenda", "actie-en-besluitenlijst") else VERGADERSTUKKEN


def handeling(v: Data, soort: str) -> tuple[tuple[str, str], str] | None:
    """What was done to a document, and when: minutes and the decision list are
    vastgesteld once the minutes are; the agenda at its meeting; the pack and the
    attachments were received for it. Concept minutes have no act yet."""
    if soort in ("verslag", "actie-en-besluitenlijst"):
        return (VASTSTELLING, v["vastgesteldOp"]) if v["verslagstatus"] == "vastgesteld" else None
    if soort == "agenda":
        return VASTSTELLING, v["vergaderdatum"]
    return ONTVANGST, v["vergaderdatum"]


def diwoo_xml(overleg: Overleg, v: Data, basis: str) -> bytes:
    """woo-metadata.xml: one DiWoo `Document` per public PDF of the meeting."""
    publisher = overleg.organisatie or overleg.naam
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<diwoo:Documents xmlns:diwoo="{DIWOO}">',
    ]
    for obj in v["informatieobjecten"]:
        uri, naam = categorie(obj["soort"])
        titel = (
            obj["titel"] if obj["soort"] != "bijlage" else f"Bijlage {obj['nummer']} {obj['titel']}"
        )
        officieel = f"{titel} ({v['naam']})"
        lines += [
            "  <diwoo:Document>",
            f"    <diwoo:loc>{escape(basis + v['id'] + '/' + obj['bestand'])}</diwoo:loc>",
            "    <diwoo:DiWoo>",
            "      <diwoo:identifiers>",
            f"        <diwoo:identifier>{escape(v['id'] + '/' + obj['id'])}</diwoo:identifier>",
            "      </diwoo:identifiers>",
            f"      <diwoo:publisher>{escape(publisher)}</diwoo:publisher>",
            f"      <diwoo:opsteller>{escape(overleg.secretariaat or overleg.naam)}</diwoo:opsteller>",
            "      <diwoo:titelcollectie>",
            f"        <diwoo:officieleTitel>{escape(officieel)}</diwoo:officieleTitel>",
            "      </diwoo:titelcollectie>",
            "      <diwoo:classificatiecollectie>",
            "        <diwoo:informatiecategorieen>",
            f"          <diwoo:informatiecategorie resource={quoteattr(uri)}>{escape(naam)}</diwoo:informatiecategorie>",
            "        </diwoo:informatiecategorieen>",
            "      </diwoo:classificatiecollectie>",
            f"      <diwoo:creatiedatum>{v['vergaderdatum']}</diwoo:creatiedatum>",
            f'      <diwoo:format resource="{PDF_FORMAAT}">pdf</diwoo:format>',
            "      <diwoo:language>nl</diwoo:language>",
        ]
        act = handeling(v, obj["soort"])
        if act is not None:
            (act_uri, act_naam), moment = act
            lines += [
                "      <diwoo:documenthandelingen>",
                "        <diwoo:documenthandeling>",
                f"          <diwoo:soortHandeling resource={quoteattr(act_uri)}>{act_naam}</diwoo:soortHandeling>",
                f"          <diwoo:atTime>{moment}</diwoo:atTime>",
                "        </diwoo:documenthandeling>",
                "      </diwoo:documenthandelingen>",
            ]
        lines += ["    </diwoo:DiWoo>", "  </diwoo:Document>"]
    lines.append("</diwoo:Documents>")
    return xml_bytes(lines)


def xml_bytes(lines: list[str]) -> bytes:
    """XML lines as a file, markers as their bare ground (an XML file shows no boxes)."""
    return ("\n".join(woo.plain(line) for line in lines) + "\n").encode()


# --- sitemap and feed ----------------------------------------------------------------------


def laatst_gewijzigd(v: Data) -> str:
    """The meeting's last date: the adoption of its minutes, else the meeting itself."""
    return str(v["vastgesteldOp"] or v["vergaderdatum"])


def sitemap(vergaderingen: list[Data], basis: str) -> bytes:
    """sitemap.xml: the overview pages, every meeting's page and its PDFs."""
    newest = max((laatst_gewijzigd(v) for v in vergaderingen), default=None)
    entries = [(p, newest) for p in ("index.html", "besluiten.html", "acties.html")]
    for v in vergaderingen:
        entries.append((f"{v['id']}/index.html", laatst_gewijzigd(v)))
        entries += [
            (f"{v['id']}/{o['bestand']}", laatst_gewijzigd(v)) for o in v["informatieobjecten"]
        ]
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for path, moment in entries:
        lastmod = f"<lastmod>{moment}</lastmod>" if moment else ""
        lines.append(f"  <url><loc>{escape(basis + path)}</loc>{lastmod}</url>")
    lines.append("</urlset>")
    return xml_bytes(lines)


def feed(overleg: Overleg, vergaderingen: list[Data], basis: str) -> bytes:
    """feed.xml (Atom): an entry per meeting and per decision, the newest first."""
    tag = f"tag:stukken,2024:{slugify(overleg.afkorting or overleg.naam)}"
    entries = []
    for v in vergaderingen:
        moment = f"{laatst_gewijzigd(v)}T00:00:00Z"
        pagina = f"{v['id']}/index.html"
        samenvatting = f"{len(v['besluiten'])} besluiten en afspraken" if v["verslag"] else "Agenda"
        entries.append((moment, f"{tag}/{v['id']}", v["naam"], pagina, samenvatting))
        for b in v["besluiten"]:
            entries.append(
                (
                    moment,
                    f"{tag}/{v['id']}/besluit-{b['nummer']}",
                    f"Besluit {b['nummer']} van {v['naam'].removeprefix('Vergadering ')}",
                    f"{pagina}#besluit-{b['nummer']}",
                    str(leesbaar(b["besluitresultaat"])),
                )
            )
    updated = max((e[0] for e in entries), default="1970-01-01T00:00:00Z")
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">',
        f"  <title>{escape(overleg.naam)}: vergaderingen en besluiten</title>",
        f"  <id>{tag}</id>",
        f"  <updated>{updated}</updated>",
        f"  <author><name>{escape(overleg.secretariaat or overleg.naam)}</name></author>",
        f'  <link rel="alternate" type="text/html" href={quoteattr(basis + "index.html")}/>',
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(basis + "feed.xml")}/>',
    ]
    for moment, ident, titel, pagina, samenvatting in entries:
        lines += [
            "  <entry>",
            f"    <title>{escape(titel)}</title>",
            f"    <id>{escape(ident)}</id>",
            f"    <updated>{moment}</updated>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(basis + pagina)}/>',
            f"    <summary>{escape(samenvatting)}</summary>",
            "  </entry>",
        ]
    lines.append("</feed>")
    return xml_bytes(lines)
