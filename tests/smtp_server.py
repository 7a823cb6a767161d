"""A real SMTP server on 127.0.0.1 for the invitation tests (aiosmtpd), with STARTTLS or
TLS from the start, AUTH, a self-signed certificate made here, and a list of what arrived.

Used as a context manager, so the server stops when the test ends, also when it fails.
"""

from __future__ import annotations

import datetime
import ipaddress
import socket
import ssl
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

GEBRUIKER = "secretariaat"
WACHTWOORD = "geheim-wachtwoord"


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 (and its key), valid for a day; it is its own CA."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    public = key.public_key()
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(public), critical=False)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                key_cert_sign=True,
                crl_sign=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([x509.OID_SERVER_AUTH]), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "server.pem", folder / "server.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@dataclass
class Aangekomen:
    """One message as the server received it."""

    mail_from: str
    rcpt_tos: list[str]
    data: bytes


@dataclass
class Handler:
    """Stores every message; refuses the recipients in `weigeren` with a 550."""

    weigeren: set[str] = field(default_factory=set)
    berichten: list[Aangekomen] = field(default_factory=list)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in self.weigeren:
            return "550 5.1.1 onbekende ontvanger"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.berichten.append(
            Aangekomen(envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.content))
        )
        return "250 Message accepted for delivery"


def authenticator(server, session, envelope, mechanism, auth_data) -> AuthResult:
    """Accepts exactly GEBRUIKER / WACHTWOORD."""
    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login == GEBRUIKER.encode()
        and auth_data.password == WACHTWOORD.encode()
    )
    return AuthResult(success=ok, handled=False)  # unhandled: the server answers 535


def free_port() -> int:
    """A port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    """A running server: where it listens and what it got."""

    port: int
    handler: Handler
    cert: Path


@contextmanager
def smtp_server(folder: Path, *, ssl_direct: bool = False, weigeren: set[str] | None = None):
    """Run a server with STARTTLS (or TLS from the start) and AUTH until the block ends."""
    cert, key = self_signed(folder)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    handler = Handler(weigeren or set())
    port = free_port()
    options = {"ssl_context": context} if ssl_direct else {"tls_context": context}
    controller = Controller(
        handler,
        hostname="127.0.0.1",
        port=port,
        authenticator=authenticator,
        auth_required=True,
        require_starttls=not ssl_direct,
        auth_require_tls=not ssl_direct,  # aiosmtpd counts only STARTTLS as TLS
        server_hostname="127.0.0.1",
        **options,
    )
    controller.start()
    try:
        yield Server(port, handler, cert)
    finally:
        controller.stop()
