"""The preview's HTTP server: its pages, and files from three places only.

Images come from the workspace (a document's relative images resolve against its
meeting folder), fonts and images from the template folders, and the built PDFs and
Word files from the meeting's output folder. Every other address is a 404: a path with
`..`, `.` or hidden segments, an encoded slash, a file through a symbolic link that leads
outside its folder, or a file of another kind (the YAML sources are never served). A
server on a loopback address answers only requests for a loopback host name, so a web
page elsewhere cannot read the documents by pointing its own name at 127.0.0.1 (DNS
rebinding).
"""

from __future__ import annotations

import ipaddress
import json
import mimetypes
import socket
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import cast
from urllib.parse import unquote, urlsplit

from ..render.engines.templates import builtin_templates
from . import paginas
from .stand import Stand

AFBEELDINGEN = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".svg", ".webp"}
LETTERTYPEN = {".ttf", ".otf", ".woff", ".woff2"}
UITVOER = {".pdf", ".docx", ".md"}


class VoorvertoningServer(ThreadingHTTPServer):
    """A threading HTTP server that knows the preview it serves."""

    daemon_threads = True  # an open connection never keeps the process alive

    def __init__(self, adres: tuple[str, int], stand: Stand) -> None:
        self.address_family = socket.AF_INET6 if ":" in adres[0] else socket.AF_INET
        self.stand = stand
        self.alleen_lokaal = is_loopback(adres[0])
        super().__init__(adres, Handler)


def is_loopback(host: str) -> bool:
    """Whether `host` (a name or an address) stays on this computer."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def host_name(header: str) -> str:
    """The host of a Host header, without its port."""
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def safe_file(folder: Path, segments: list[str], suffixes: set[str]) -> Path | None:
    """The file `segments` name below `folder`, or None when it is not one to serve."""
    if not segments or any(
        not s or s.startswith(".") or "/" in s or "\\" in s or "\0" in s for s in segments
    ):
        return None
    try:
        base = folder.resolve(strict=True)
        path = folder.joinpath(*segments).resolve(strict=True)
    except (OSError, RuntimeError):  # missing, or a loop of links
        return None
    if not path.is_relative_to(base) or not path.is_file():
        return None
    return path if path.suffix.lower() in suffixes else None


class Handler(BaseHTTPRequestHandler):
    """Answers GET and HEAD requests of the preview."""

    server_version = "stukken-serve"

    @property
    def stand(self) -> Stand:
        """The preview this request reads."""
        return cast(VoorvertoningServer, self.server).stand

    def do_GET(self) -> None:  # noqa: N802  (the name http.server calls)
        """Answer a GET request."""
        self.answer(body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        """Answer a HEAD request: the headers of a GET."""
        self.answer(body=False)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Requests are not logged: the terminal shows rebuilds and errors only."""

    def answer(self, *, body: bool) -> None:
        """Route the request and send the response."""
        server = cast(VoorvertoningServer, self.server)
        if server.alleen_lokaal and not is_loopback(host_name(self.headers.get("Host", ""))):
            self.send(HTTPStatus.FORBIDDEN, b"Alleen voor deze computer.\n", "text/plain", body)
            return
        raw = urlsplit(self.path).path
        if not raw.startswith("/"):
            self.not_found(raw, body)
            return
        segments = [unquote(s) for s in raw.split("/")[1:]]
        head, rest = segments[0], segments[1:]
        stand = self.stand
        if raw == "/":
            self.page(paginas.overzicht(stand) if not stand.voorbeeld.fouten else None, body)
        elif raw == paginas.VERSIE_URL:
            versies = json.dumps(stand.versies()).encode()
            self.send(HTTPStatus.OK, versies, "application/json", body)
        elif head == "__werkmap":
            self.file(safe_file(stand.root, rest, AFBEELDINGEN), body, sandbox=True)
        elif head == "__sjablonen":
            folders = [stand.root / "templates", builtin_templates()]
            found = (safe_file(f, rest, AFBEELDINGEN | LETTERTYPEN) for f in folders)
            self.file(next((f for f in found if f), None), body, sandbox=True)
        elif head == "__uitvoer":
            folder = stand.pdf_map
            self.file(safe_file(folder, rest, UITVOER) if folder else None, body)
        elif len(segments) == 1 and head in stand.voorbeeld.stukken:
            stuk = stand.voorbeeld.stukken[head]
            self.page(paginas.document(stuk, stand) if not stand.voorbeeld.fouten else None, body)
        elif len(segments) == 1 and stand.voorbeeld.fouten and not head.startswith("__"):
            self.page(None, body)  # a document the error hides: it may be back after the fix
        else:
            self.not_found(raw, body)

    def page(self, html: str | None, body: bool) -> None:
        """A page, or (None) the error page in its place."""
        html = html if html is not None else paginas.fout(self.stand)
        self.send(HTTPStatus.OK, html.encode("utf-8"), "text/html; charset=utf-8", body)

    def file(self, path: Path | None, body: bool, *, sandbox: bool = False) -> None:
        """A file found by `safe_file`, or a 404."""
        if path is None:
            self.not_found(self.path, body)
            return
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        extra = {"Content-Security-Policy": "sandbox"} if sandbox else {}
        self.send(HTTPStatus.OK, path.read_bytes(), kind, body, extra)

    def not_found(self, pad: str, body: bool) -> None:
        """The 404 page."""
        html = paginas.niet_gevonden(pad, self.stand).encode("utf-8")
        self.send(HTTPStatus.NOT_FOUND, html, "text/html; charset=utf-8", body)

    def send(
        self,
        status: HTTPStatus,
        data: bytes,
        kind: str,
        body: bool,
        extra: dict[str, str] | None = None,
    ) -> None:
        """Send one response; nothing is cached, since everything may change at a save."""
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if body:
            self.wfile.write(data)
