"""`stukken uitnodiging DATUM [--verstuur]`: the invitation e-mail, sent through a real
SMTP server on 127.0.0.1 (aiosmtpd, STARTTLS or SSL, AUTH) that the test starts and stops.

The meeting is built once per module; each test works on its own copy (file times kept,
so the copy's build is as fresh as the original's).
"""

from __future__ import annotations

import email
import json
import os
import re
import shutil
import time
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner
from icalendar import Calendar

import smtp_server
from conftest import AGENDA_YAML, STUKKEN_YAML, write_files
from smtp_server import GEBRUIKER, WACHTWOORD
from smtp_server import smtp_server as running_server
from vergaderstukken.__main__ import cli

GEHEIM = "Alleen-voor-de-voorzitter-7731"

STUKKEN = (
    STUKKEN_YAML
    + """\
leden:
  - Ede
  - organisatie: Wageningen
    naam: mw. Jansen
    email: m.jansen@wageningen.example
  - organisatie: Renkum
    email: secretariaat@renkum.example
verzending:
  van: Secretariaat ROW <secretariaat@row.example>
  cc: [griffie@ede.example]
  smtp:
    host: 127.0.0.1
    poort: 1
    starttls: true
    gebruiker: secretariaat
"""
)
AGENDA = AGENDA_YAML + "volgende:\n  datum: 2024-03-13\n  tijd: 15:00-16:30\n"
ONTVANGERS = ["m.jansen@wageningen.example", "secretariaat@renkum.example", "griffie@ede.example"]


def run(root: Path, *args: str, input: str | None = None):
    """The CLI in `root`, with its output (stderr apart)."""
    previous = os.getcwd()
    os.chdir(root)
    try:
        return CliRunner().invoke(cli, list(args), prog_name="stukken", input=input)
    finally:
        os.chdir(previous)


@pytest.fixture(scope="module")
def gebouwd(tmp_path_factory) -> Path:
    """The small workspace with e-mail addresses and an annotation, built once."""
    root = write_files(
        tmp_path_factory.mktemp("gebouwd") / "werkmap",
        {
            "stukken.yaml": STUKKEN,
            "meetings/2024-01-24/agenda.yaml": AGENDA,
            "meetings/2024-01-24/bijlagen/plan.md": "# Plan\n\nDe dijk wordt versterkt.\n",
            "meetings/2024-01-24/annotaties/advies.yaml": f"auteur: Adviseur\npunten:\n  dijk: {GEHEIM}\n",
        },
    )
    old = time.time() - 3600  # the sources an hour old, the build now
    for path in root.rglob("*"):
        os.utime(path, (old, old))
    result = run(root, "build", "2024-01-24")
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def root(gebouwd, tmp_path) -> Path:
    copy = tmp_path / "werkmap"
    shutil.copytree(gebouwd, copy)
    return copy


def set_smtp(root: Path, port: int, *, starttls: bool = True, user: str | None = GEBRUIKER) -> None:
    """Point stukken.yaml at the test's server, keeping its file time (the build stays fresh)."""
    path = root / "stukken.yaml"
    stat = path.stat()
    text = path.read_text(encoding="utf-8").replace("poort: 1\n", f"poort: {port}\n")
    text = text.replace("starttls: true", f"starttls: {'true' if starttls else 'false'}")
    if user is None:
        text = text.replace("    gebruiker: secretariaat\n", "")
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


@pytest.fixture
def server(tmp_path, monkeypatch):
    """A STARTTLS server whose certificate this process trusts, and the password set."""
    with running_server(tmp_path) as running:
        monkeypatch.setenv("SSL_CERT_FILE", str(running.cert))
        monkeypatch.setenv("STUKKEN_SMTP_WACHTWOORD", WACHTWOORD)
        yield running


def parse(data: bytes) -> EmailMessage:
    message = email.message_from_bytes(data, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def attachments(message: EmailMessage) -> dict[str, tuple[str, bytes]]:
    """File name -> (full content type, decoded bytes)."""
    return {
        part.get_filename(): (part["Content-Type"], part.get_payload(decode=True))
        for part in message.iter_attachments()
    }


def without_variable_headers(data: bytes) -> bytes:
    return re.sub(rb"^(Date|Message-ID): [^\r\n]*\r\n", b"", data, flags=re.MULTILINE)


def test_the_invitation_reads_like_the_secretariats_mail(root):
    result = run(root, "uitnodiging", "2024-01-24")
    assert result.exit_code == 0, result.output
    assert result.output == "geschreven: output/2024-01-24/uitnodiging.eml\n"
    data = (root / "output/2024-01-24/uitnodiging.eml").read_bytes()
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    message = parse(data)
    assert message["From"] == "Secretariaat ROW <secretariaat@row.example>"
    assert (
        message["To"]
        == '"mw. Jansen" <m.jansen@wageningen.example>, Renkum <secretariaat@renkum.example>'
    )
    assert message["Cc"] == "griffie@ede.example"
    assert (
        message["Subject"] == "Agenda met bijlagen Regionaal Overleg Water woensdag 24 januari 2024"
    )
    assert message["Message-ID"].endswith("@row.example>")
    text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert text.startswith(
        "Beste collega's,\n\nBijgaand stuur ik jullie de agenda met bijlagen van het Regionaal "
        "Overleg Water op woensdag 24 januari 2024 om 15.45 uur in Gemeentehuis Ede.\n"
    )
    assert "\nAgenda\n1. Opening\n2. Dijkversterking (Bijlage I)\n3. Rondvraag\n" in text
    assert "\nBijlagen\nI  Plan dijkversterking\n" in text
    assert "Het vergaderpakket (vergaderpakket.pdf) bevat de agenda en alle bijlagen." in text
    assert "De volgende vergadering is op woensdag 13 maart 2024." in text
    assert text.endswith("Met vriendelijke groet,\n\nSecretariaat ROW\nRegionaal Overleg Water\n")
    html = message.get_body(("html",)).get_content()
    assert "<p>Beste collega&#x27;s,</p>" in html and "2. Dijkversterking (Bijlage I)" in html
    files = attachments(message)
    assert list(files) == ["vergaderpakket.pdf", "vergadering.ics"]
    built = root / "output/2024-01-24"
    assert files["vergaderpakket.pdf"] == (
        "application/pdf",
        (built / "vergaderpakket.pdf").read_bytes(),
    )
    kind, ics = files["vergadering.ics"]
    assert kind == 'text/calendar; charset="utf-8"; method="REQUEST"'
    assert ics == (built / "vergadering.ics").read_bytes()
    calendar = Calendar.from_ical(ics)
    assert str(calendar["METHOD"]) == "REQUEST"
    event = calendar.walk("VEVENT")[0]
    assert str(event["ORGANIZER"]) == "mailto:secretariaat@row.example"
    assert sorted(str(a) for a in event["ATTENDEE"]) == sorted(f"mailto:{a}" for a in ONTVANGERS)
    # An annotation never goes into the invitation, in any part.
    assert GEHEIM.encode() not in data
    for part in message.walk():
        payload = part.get_payload(decode=True)
        assert payload is None or GEHEIM.encode() not in payload


def test_the_message_is_byte_stable_apart_from_date_and_message_id(root):
    assert run(root, "uitnodiging", "2024-01-24").exit_code == 0
    first = (root / "output/2024-01-24/uitnodiging.eml").read_bytes()
    assert run(root, "uitnodiging", "2024-01-24").exit_code == 0
    second = (root / "output/2024-01-24/uitnodiging.eml").read_bytes()
    assert parse(first)["Message-ID"] != parse(second)["Message-ID"]
    assert without_variable_headers(first) == without_variable_headers(second)


def test_writing_the_invitation_keeps_the_builds_files(root):
    before = sorted(p.name for p in (root / "output/2024-01-24").iterdir())
    assert run(root, "uitnodiging", "2024-01-24").exit_code == 0
    after = sorted(p.name for p in (root / "output/2024-01-24").iterdir())
    assert after == sorted([*before, "uitnodiging.eml"])


def test_a_pack_over_max_mb_is_announced_and_the_agenda_goes_instead(root, monkeypatch):
    monkeypatch.setattr("vergaderstukken.verzenden.bericht.MB", 1000)  # max_mb 10: 10 kB
    assert run(root, "uitnodiging", "2024-01-24").exit_code == 0
    message = parse((root / "output/2024-01-24/uitnodiging.eml").read_bytes())
    assert message["Subject"] == "Agenda Regionaal Overleg Water woensdag 24 januari 2024"
    files = attachments(message)
    assert list(files) == ["agenda.pdf", "vergadering.ics"]
    assert files["agenda.pdf"][1] == (root / "output/2024-01-24/agenda.pdf").read_bytes()
    text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert "Bijgaand stuur ik jullie de agenda van het Regionaal Overleg Water" in text
    assert re.search(
        r"Het vergaderpakket met alle bijlagen is te groot om mee te sturen \(\d+,\d MB, de "
        r"grens is 10 MB\); het volgt apart\.",
        text,
    )


def test_sending_through_starttls_with_login(root, server):
    set_smtp(root, server.port)
    result = run(root, "uitnodiging", "2024-01-24", "--verstuur", "--ja")
    assert result.exit_code == 0, result.output
    assert 'Ontvangers (3):\n  "mw. Jansen" <m.jansen@wageningen.example>\n' in result.output
    assert "  griffie@ede.example (cc)\n" in result.output
    assert result.output.endswith("Verzonden aan 3 ontvangers via 127.0.0.1.\n")
    [arrived] = server.handler.berichten
    assert arrived.mail_from == "secretariaat@row.example"
    assert arrived.rcpt_tos == ONTVANGERS
    written = (root / "output/2024-01-24/uitnodiging.eml").read_bytes()
    message = parse(arrived.data)
    assert message["Message-ID"] == parse(written)["Message-ID"]
    assert (
        message["Subject"] == "Agenda met bijlagen Regionaal Overleg Water woensdag 24 januari 2024"
    )
    built = root / "output/2024-01-24"
    files = attachments(message)
    assert files["vergaderpakket.pdf"][1] == (built / "vergaderpakket.pdf").read_bytes()
    assert files["vergadering.ics"][1] == (built / "vergadering.ics").read_bytes()
    assert len(Calendar.from_ical(files["vergadering.ics"][1]).walk("VEVENT")) == 2
    record = json.loads((root / "output/.verzonden/2024-01-24.json").read_text(encoding="utf-8"))
    [sent] = record["verzonden"]
    assert sent["message_id"] == message["Message-ID"]
    assert sent["ontvangers"] == ONTVANGERS and sent["geweigerd"] == []

    # The same message again is refused, unless --opnieuw.
    again = run(root, "uitnodiging", "2024-01-24", "--verstuur", "--ja")
    assert again.exit_code == 1
    assert "deze uitnodiging is al verzonden op " in again.output
    assert f"(Message-ID {message['Message-ID']}); geef --opnieuw" in again.output
    assert len(server.handler.berichten) == 1
    assert run(root, "uitnodiging", "2024-01-24", "--verstuur", "--ja", "--opnieuw").exit_code == 0
    assert len(server.handler.berichten) == 2

    # A rebuild replaces output/2024-01-24/ but keeps the record beside it.
    assert run(root, "build", "2024-01-24").exit_code == 0
    assert (root / "output/.verzonden/2024-01-24.json").is_file()


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")  # TLS from the start
def test_sending_over_ssl(root, tmp_path, monkeypatch):
    with running_server(tmp_path, ssl_direct=True) as server:
        monkeypatch.setenv("SSL_CERT_FILE", str(server.cert))
        monkeypatch.setenv("STUKKEN_SMTP_WACHTWOORD", WACHTWOORD)
        set_smtp(root, server.port, starttls=False)
        result = run(root, "uitnodiging", "2024-01-24", "--verstuur", "--ja")
        assert result.exit_code == 0, result.output
        assert [m.rcpt_tos for m in server.handler.berichten] == [ONTVANGERS]


def test_the_recipients_are_shown_and_asked_for(root, server):
    set_smtp(root, server.port)
    result = run(root, "uitnodiging", "2024-01-24", "--verstuur", input="n\n")
    assert result.exit_code == 1
    assert "Versturen? [y/N]: n\nfout: niets verzonden\n" in result.output
    assert server.handler.berichten == []
    assert not (root / "output/.verzonden").exists()


def test_a_refused_login_sends_nothing(root, server, monkeypatch):
    set_smtp(root, server.port)
    monkeypatch.setenv("STUKKEN_SMTP_WACHTWOORD", "fout")
    result = run(root, "uitnodiging", "2024-01-24", "--verstuur", "--ja")
    assert result.exit_code == 1
    assert (
        f"fout: de mailserver 127.0.0.1:{server.port} weigert de aanmelding van 'secretariaat' (535 "
        in result.output
    )
    assert "controleer STUKKEN_SMTP_WACHTWOORD. Er is niets verzonden.\n" in result.output
    assert "Traceback" not in result.output
    assert server.handler.berichten == []
    assert not (root / "output/.verzonden").exists()


def test_an_unreachable_server(root, monkeypatch):
    port = smtp_server.free_port()
    set_smtp(root, port)
    monkeypatch.setenv("STUKKEN_SMTP_WACHTWOORD", WACHTWOORD)
    result = run(root, "uitnodiging", "2024-01-24", "--verstuur", "--ja")
    assert result.exit_code == 1
    assert result.output.endswith(
        f"fout: kan de mailserver 127.0.0.1:{port} niet bereiken: de verbinding werd geweigerd\n"
    )


def test_a_rejected_recipient_is_named_with_those_who_got_it(root, tmp_path, monkeypatch):
    with running_server(tmp_path, weigeren={"secretariaat@renkum.example"}) as server:
        monkeypatch.setenv("SSL_CERT_FILE", str(server.cert))
        monkeypatch.setenv("STUKKEN_SMTP_WACHTWOORD", WACHTWOORD)
        set_smtp(root, server.port)
        result = run(root, "uitnodiging", "2024-01-24", "--verstuur", "--ja")
        assert result.exit_code == 1
        assert (
            "fout: verzonden aan 2 van 3 ontvangers (m.jansen@wageningen.example, "
            "griffie@ede.example); geweigerd: secretariaat@renkum.example (550 5.1.1 onbekende "
            "ontvanger)\n"
        ) in result.output
        [arrived] = server.handler.berichten
        assert arrived.rcpt_tos == ["m.jansen@wageningen.example", "griffie@ede.example"]
    record = json.loads((root / "output/.verzonden/2024-01-24.json").read_text(encoding="utf-8"))
    assert record["verzonden"][0]["ontvangers"] == [
        "m.jansen@wageningen.example",
        "griffie@ede.example",
    ]
    assert record["verzonden"][0]["geweigerd"] == ["secretariaat@renkum.example"]


def test_a_missing_smtp_section_says_what_to_add(root, monkeypatch):
    path = root / "stukken.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("  smtp:")], encoding="utf-8")
    assert run(root, "build", "2024-01-24").exit_code == 0
    result = run(root, "uitnodiging", "2024-01-24", "--verstuur", "--ja")
    assert result.exit_code == 1
    assert "fout: stukken.yaml: verzending.smtp ontbreekt" in result.output
    assert "  smtp:\n    host: smtp.example.org\n    poort: 587\n" in result.output
    assert "  van: Secretariaat ROW <secretariaat@row.example>\n" in result.output  # its own name
    assert not (root / "output/2024-01-24/uitnodiging.eml").exists()  # checked before writing


def test_a_missing_password_names_the_variable(root, server, monkeypatch):
    set_smtp(root, server.port)
    monkeypatch.delenv("STUKKEN_SMTP_WACHTWOORD")
    result = run(root, "uitnodiging", "2024-01-24", "--verstuur", "--ja")
    assert result.exit_code == 1
    assert result.output == (
        "fout: het wachtwoord voor gebruiker 'secretariaat' van 127.0.0.1 ontbreekt: zet het "
        "in de omgevingsvariabele STUKKEN_SMTP_WACHTWOORD\n"
    )
    assert server.handler.berichten == []


def test_a_build_older_than_its_sources_is_not_sent(root, server):
    set_smtp(root, server.port)
    (root / "meetings/2024-01-24/agenda.yaml").write_text(
        AGENDA.replace("Rondvraag", "Rondvraag en sluiting"), encoding="utf-8"
    )
    result = run(root, "uitnodiging", "2024-01-24", "--verstuur", "--ja")
    assert result.exit_code == 1
    assert result.output == (
        "fout: niet verzonden: de stukken in output/2024-01-24/ zijn ouder dan "
        "meetings/2024-01-24/agenda.yaml; maak ze opnieuw met stukken build 2024-01-24\n"
    )
    assert server.handler.berichten == []
    # An annotation does not reach the pack: editing one leaves the build fresh.
    assert run(root, "build", "2024-01-24").exit_code == 0
    (root / "meetings/2024-01-24/annotaties/advies.yaml").write_text(
        "auteur: Adviseur\n", encoding="utf-8"
    )
    assert run(root, "uitnodiging", "2024-01-24", "--verstuur", "--ja").exit_code == 0


def test_without_a_build_it_says_to_build_first(tmp_path):
    root = write_files(
        tmp_path / "leeg",
        {
            "stukken.yaml": STUKKEN,
            "meetings/2024-01-24/agenda.yaml": AGENDA,
            "meetings/2024-01-24/bijlagen/plan.md": "# Plan\n",
        },
    )
    result = run(root, "uitnodiging", "2024-01-24")
    assert result.exit_code == 1
    assert result.output == (
        "fout: output/2024-01-24/vergaderpakket.pdf ontbreekt: maak eerst de stukken met "
        "stukken build 2024-01-24\n"
    )


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        ("email: m.jansen@wageningen.example", "email: m.jansen@wageningen", 12),
        ("cc: [griffie@ede.example]", "cc: [griffie ede.example]", 17),
    ],
)
def test_a_malformed_address_is_an_error_at_its_line(tmp_path, old, new, line):
    root = write_files(
        tmp_path / "fout",
        {
            "stukken.yaml": STUKKEN.replace(old, new),
            "meetings/2024-01-24/agenda.yaml": AGENDA,
            "meetings/2024-01-24/bijlagen/plan.md": "# Plan\n",
        },
    )
    result = run(root, "uitnodiging", "2024-01-24", "--verstuur", "--ja")
    assert result.exit_code == 1
    written = new.split(": ", 1)[1].strip("[]")
    assert f"stukken.yaml:{line}: " in result.output
    assert f"ongeldig e-mailadres '{written}'" in result.output
    assert "Traceback" not in result.output


def test_help_is_dutch():
    result = CliRunner().invoke(cli, ["uitnodiging", "--help"], prog_name="stukken")
    assert (
        "Maak de uitnodiging van vergadering DATUM: output/DATUM/uitnodiging.eml." in result.output
    )
    assert "--verstuur" in result.output and "STUKKEN_SMTP_WACHTWOORD" in result.output
    assert "Vraag bij --verstuur niet om bevestiging." in result.output


def test_the_committee_takes_its_article():
    from vergaderstukken.dutch import met_lidwoord

    assert met_lidwoord("Twentse Regietafel Asielinstroom") == "de Twentse Regietafel Asielinstroom"
    assert met_lidwoord("Regionaal Overleg Water") == "het Regionaal Overleg Water"
    assert (
        met_lidwoord("Algemeen Bestuur Veiligheidsregio") == "het Algemeen Bestuur Veiligheidsregio"
    )
