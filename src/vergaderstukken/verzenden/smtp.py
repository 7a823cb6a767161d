"""Sending the invitation through `verzending.smtp`, with Dutch messages for failures.

`starttls: true` (the default, port 587) upgrades the connection with STARTTLS;
`starttls: false` connects over TLS from the start (SSL, port 465). There is no
unencrypted mode: the password would travel in the clear. The server's certificate is
checked against the system's certificate store (or the file in SSL_CERT_FILE).
The password comes from STUKKEN_SMTP_WACHTWOORD, never from a file.
"""

from __future__ import annotations

import os
import smtplib
import socket
import ssl
from dataclasses import dataclass, field

from ..exceptions import StukkenError
from ..model import Smtp

WACHTWOORD = "STUKKEN_SMTP_WACHTWOORD"
TIMEOUT = 30  # seconds per network operation


@dataclass
class Resultaat:
    """Who the server accepted the message for, and who it refused (with its reply)."""

    verzonden: list[str]
    geweigerd: dict[str, str] = field(default_factory=dict)


class VerzendFout(StukkenError):
    """Sending failed; `resultaat` says who got the message anyway (usually no one)."""

    def __init__(self, message: str, resultaat: Resultaat | None = None):
        super().__init__(message)
        self.resultaat = resultaat or Resultaat([])


def wachtwoord(smtp: Smtp) -> str | None:
    """The password for `smtp.gebruiker`; an error naming the variable when it is unset."""
    if not smtp.gebruiker:
        return None
    value = os.environ.get(WACHTWOORD)
    if not value:
        raise StukkenError(
            f"het wachtwoord voor gebruiker '{smtp.gebruiker}' van {smtp.host} ontbreekt: "
            f"zet het in de omgevingsvariabele {WACHTWOORD}"
        )
    return value


def reply(error: smtplib.SMTPResponseException) -> str:
    """The server's answer as one line: '535 authentication failed'."""
    text = error.smtp_error
    text = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return f"{error.smtp_code} {' '.join(text.split())}"


def verstuur(smtp: Smtp, afzender: str, ontvangers: list[str], data: bytes) -> Resultaat:
    """Send `data` (a whole message) from `afzender` to `ontvangers`.

    Raises `VerzendFout` when no one got it, or when some recipients were refused (its
    `resultaat` then names who did get it)."""
    password = wachtwoord(smtp)
    waar = f"{smtp.host}:{smtp.poort}"
    context = ssl.create_default_context()
    try:
        connection = connect(smtp, context)
    except ssl.SSLError as error:
        raise VerzendFout(
            f"geen beveiligde verbinding met {waar}: {error.reason or error}"
        ) from None
    except smtplib.SMTPNotSupportedError:
        raise VerzendFout(
            f"de mailserver {waar} biedt geen STARTTLS aan; zet starttls: false als hij "
            "SSL gebruikt (meestal poort 465)"
        ) from None
    except (OSError, smtplib.SMTPException) as error:
        raise VerzendFout(f"kan de mailserver {waar} niet bereiken: {oorzaak(error)}") from None
    with connection:
        try:
            if password is not None and smtp.gebruiker:
                connection.login(smtp.gebruiker, password)
            refused = connection.sendmail(afzender, ontvangers, data)
        except smtplib.SMTPAuthenticationError as error:
            raise VerzendFout(
                f"de mailserver {waar} weigert de aanmelding van '{smtp.gebruiker}' "
                f"({reply(error)}); controleer {WACHTWOORD}. Er is niets verzonden."
            ) from None
        except smtplib.SMTPRecipientsRefused as error:
            geweigerd = {a: reply_text(r) for a, r in error.recipients.items()}
            raise VerzendFout(
                f"de mailserver {waar} weigert alle ontvangers: {lijst(geweigerd)}. "
                "Er is niets verzonden.",
                Resultaat([], geweigerd),
            ) from None
        except smtplib.SMTPSenderRefused as error:
            raise VerzendFout(
                f"de mailserver {waar} weigert afzender {afzender} ({reply(error)}). "
                "Er is niets verzonden."
            ) from None
        except smtplib.SMTPResponseException as error:
            raise VerzendFout(
                f"de mailserver {waar} weigert het bericht ({reply(error)}). Er is niets verzonden."
            ) from None
        except (OSError, smtplib.SMTPException) as error:
            raise VerzendFout(
                f"de verbinding met {waar} viel weg: {oorzaak(error)}. Controleer in de "
                "verzonden items of het bericht is aangekomen voordat u het opnieuw verstuurt."
            ) from None
    geweigerd = {a: reply_text(r) for a, r in refused.items()}
    resultaat = Resultaat([a for a in ontvangers if a not in geweigerd], geweigerd)
    if geweigerd:
        raise VerzendFout(
            f"verzonden aan {len(resultaat.verzonden)} van {len(ontvangers)} ontvangers "
            f"({', '.join(resultaat.verzonden)}); geweigerd: {lijst(geweigerd)}",
            resultaat,
        )
    return resultaat


def connect(smtp: Smtp, context: ssl.SSLContext) -> smtplib.SMTP:
    """An encrypted connection: STARTTLS, or TLS from the start."""
    if not smtp.starttls:
        return smtplib.SMTP_SSL(smtp.host, smtp.poort, timeout=TIMEOUT, context=context)
    connection = smtplib.SMTP(smtp.host, smtp.poort, timeout=TIMEOUT)
    try:
        connection.ehlo()
        connection.starttls(context=context)
        connection.ehlo()
    except BaseException:
        connection.close()
        raise
    return connection


def reply_text(value: tuple[int, bytes]) -> str:
    """A refused recipient's reply: '550 no such user'."""
    code, text = value
    return f"{code} {' '.join(text.decode('utf-8', 'replace').split())}"


def lijst(geweigerd: dict[str, str]) -> str:
    """'a@x (550 no such user), b@y (...)'."""
    return ", ".join(f"{address} ({why})" for address, why in geweigerd.items())


def oorzaak(error: BaseException) -> str:
    """Why a connection failed, in Dutch where we know the cause."""
    if isinstance(error, socket.gaierror):
        return "onbekende servernaam"
    if isinstance(error, ConnectionRefusedError):
        return "de verbinding werd geweigerd"
    if isinstance(error, TimeoutError | socket.timeout):
        return "geen antwoord binnen de tijd"
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return "de server verbrak de verbinding"
    return str(error) or type(error).__name__
