"""The invitation e-mail (RFC 5322, Python's `email` package): uitnodiging.eml.

It reads like the secretariat's own mail ("Agenda met bijlagen <overleg> <datum>",
"Beste collega's, Bijgaand stuur ik jullie de agenda met bijlagen van ..."), lists the
agenda items and the attachments by numeral, and carries the meeting pack and
vergadering.ics. A pack over `verzending.max_mb` stays out: the agenda goes instead and
the text says the pack follows separately. Only the agenda's data goes in, never an
annotation. Everything but Date and Message-ID depends only on the input: the MIME
boundaries are derived from the content.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr

from .. import dutch
from ..afspraken import agenda_regels
from ..gather import platte_tekst
from ..model import Overleg, Vergadering

MB = 1024 * 1024
VARIABLE_HEADERS = re.compile(rb"^(Date|Message-ID): [^\r\n]*\r\n", re.MULTILINE | re.IGNORECASE)


@dataclass(frozen=True)
class Stukken:
    """The built files the invitation carries or announces."""

    pakket: bytes
    agenda: bytes
    kalender: bytes


@dataclass(frozen=True)
class Uitnodiging:
    """The message and what the command tells the user about it."""

    bericht: EmailMessage
    aan: list[str]
    cc: list[str]
    pakket_apart: bool  # the pack was too large and is announced, not attached

    @property
    def ontvangers(self) -> list[str]:
        """Every envelope recipient: the bare addresses of To and Cc."""
        return [parseaddr(a)[1] for a in (*self.aan, *self.cc)]

    def als_bytes(self) -> bytes:
        """The message as the .eml file holds it and SMTP sends it (CRLF line ends)."""
        return self.bericht.as_bytes(policy=policy.SMTP)


def vingerafdruk(data: bytes) -> str:
    """sha256 of a message without its Date and Message-ID: equal for the same message."""
    return hashlib.sha256(VARIABLE_HEADERS.sub(b"", data)).hexdigest()


def onderwerp(overleg: Overleg, vergadering: Vergadering, pakket_apart: bool) -> str:
    """'Agenda met bijlagen Twentse Regietafel Asielinstroom woensdag 24 januari 2024'."""
    wat = "Agenda" if pakket_apart else "Agenda met bijlagen"
    return f"{wat} {overleg.naam} {dutch.datum_lang(vergadering.datum)}"


def ondertekening(overleg: Overleg) -> list[str]:
    """The sender under 'Met vriendelijke groet,': the secretary, else the secretariat."""
    van = parseaddr(overleg.verzending.van or "")[0] if overleg.verzending else ""
    if overleg.secretaris:
        return [overleg.secretaris, f"Secretaris {overleg.naam}"]
    naam = overleg.secretariaat or van or f"Secretariaat {overleg.afkorting}"
    return [naam, overleg.naam]


def tekst_regels(
    overleg: Overleg, vergadering: Vergadering, pakket_apart: bool, mb: float
) -> list[str]:
    """The plain-text body, line by line."""
    wanneer = dutch.datum_lang(vergadering.datum)
    if vergadering.tijd:
        wanneer += f" om {dutch.tijd(vergadering.tijd[:1])}"
    waar = f" in {platte_tekst(vergadering.locatie)}" if vergadering.locatie else ""
    wat = "de agenda" if pakket_apart else "de agenda met bijlagen"
    lines = [
        "Beste collega's,",
        "",
        f"Bijgaand stuur ik jullie {wat} van {dutch.met_lidwoord(overleg.naam)} op {wanneer}{waar}.",
        "",
        "Agenda",
        *agenda_regels(vergadering),
    ]
    if vergadering.bijlagen:
        width = max(len(b.nummer) for b in vergadering.bijlagen)
        lines += ["", "Bijlagen"]
        lines += [f"{b.nummer.ljust(width)}  {platte_tekst(b.titel)}" for b in vergadering.bijlagen]
    lines.append("")
    if pakket_apart:
        max_mb = overleg.verzending.max_mb if overleg.verzending else 10
        lines.append(
            "Het vergaderpakket met alle bijlagen is te groot om mee te sturen "
            f"({komma(mb)} MB, de grens is {max_mb} MB); het volgt apart."
        )
        lines.append("De agenda (agenda.pdf) zit als bijlage bij deze e-mail.")
    else:
        lines.append("Het vergaderpakket (vergaderpakket.pdf) bevat de agenda en alle bijlagen.")
    lines.append("Met het agendabestand (vergadering.ics) zet je de vergadering in je agenda.")
    if (volgende := vergadering.volgende) is not None:
        lines += ["", f"De volgende vergadering is op {dutch.datum_lang(volgende.datum)}."]
    lines += [
        "",
        "Met vriendelijke groet,",
        "",
        *ondertekening(overleg),
    ]
    return lines


def komma(mb: float) -> str:
    """12.34 -> '12,3', as Dutch writes decimals."""
    return f"{mb:.1f}".replace(".", ",")


def html_tekst(lines: list[str]) -> str:
    """The same text as a simple HTML part: paragraphs, the lists line by line."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(html.escape(line).replace("  ", "&nbsp; "))
        else:
            blocks.append([])
    body = "\n".join(f"<p>{'<br>'.join(b)}</p>" for b in blocks if b)
    return (
        '<!DOCTYPE html>\n<html lang="nl">\n<head><meta charset="utf-8"></head>\n'
        f'<body style="font-family: Arial, sans-serif; font-size: 11pt">\n{body}\n</body>\n</html>\n'
    )


def uitnodiging(
    overleg: Overleg,
    vergadering: Vergadering,
    stukken: Stukken,
    aan: list[str],
    cc: list[str],
    nu: datetime | None = None,
) -> Uitnodiging:
    """The invitation of `vergadering` from `verzending.van` to `aan` and `cc`."""
    verzending = overleg.verzending
    assert verzending is not None and verzending.van
    max_mb = verzending.max_mb
    pakket_apart = len(stukken.pakket) > max_mb * MB
    lines = tekst_regels(overleg, vergadering, pakket_apart, len(stukken.pakket) / MB)
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = verzending.van
    message["To"] = ", ".join(aan)
    if cc:
        message["Cc"] = ", ".join(cc)
    message["Subject"] = onderwerp(overleg, vergadering, pakket_apart)
    message["Date"] = format_datetime((nu or datetime.now()).astimezone())
    domain = parseaddr(verzending.van)[1].rpartition("@")[2] or None
    message["Message-ID"] = make_msgid(domain=domain)
    message["Content-Language"] = "nl"
    message.set_content("\n".join(lines) + "\n", cte="quoted-printable")
    message.add_alternative(html_tekst(lines), subtype="html", cte="quoted-printable")
    if pakket_apart:
        message.add_attachment(
            stukken.agenda, maintype="application", subtype="pdf", filename="agenda.pdf"
        )
    else:
        message.add_attachment(
            stukken.pakket, maintype="application", subtype="pdf", filename="vergaderpakket.pdf"
        )
    params = {"charset": "utf-8"}
    if method := kalender_methode(stukken.kalender):
        params["method"] = method
    message.add_attachment(
        stukken.kalender,
        maintype="text",
        subtype="calendar",
        filename="vergadering.ics",
        params=params,
    )
    stable_boundaries(message, stukken)
    return Uitnodiging(message, aan, cc, pakket_apart)


def kalender_methode(data: bytes) -> str | None:
    """The METHOD of a calendar file (REQUEST when it is an invitation)."""
    match = re.search(rb"^METHOD:([A-Z-]+)\r?$", data, re.MULTILINE)
    return match[1].decode() if match else None


def stable_boundaries(message: EmailMessage, stukken: Stukken) -> None:
    """MIME boundaries from the content instead of random ones, so the same input gives
    the same bytes. Base64 and quoted-printable bodies never hold '=_'."""
    digest = hashlib.sha256()
    for part in message.walk():
        if not part.is_multipart():
            digest.update(part.as_bytes())
    for data in (stukken.pakket, stukken.agenda, stukken.kalender):
        digest.update(hashlib.sha256(data).digest())
    for index, part in enumerate(p for p in message.walk() if p.is_multipart()):
        part.set_boundary(f"=_stukken_{digest.hexdigest()[:24]}_{index}")
