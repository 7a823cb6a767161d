"""Acceptance of contract Part 2, written from the contract text alone: each test is a
bug an unseen workspace found, with the smallest workspace that shows it."""

from __future__ import annotations

from conftest import STUKKEN_YAML
from vergaderstukken.woo import lakken as woo

VERZENDING = """\
verzending:
  van: Secretariaat ROW <secretariaat@row.example>
"""


def test_a_plain_autolinked_address_is_redacted_without_a_crash():
    text = "Mail <jan@x.nl> of <https://x.nl/info>."
    redacted = woo.plain(woo.Lakker([]).text(text))
    assert redacted == "Mail 5.1.2e of <https://x.nl/info>."


def test_publiceer_with_a_named_sender_address(workspace, stukken):
    root = workspace({"stukken.yaml": STUKKEN_YAML + VERZENDING})
    result = stukken(root, "publiceer")
    assert result.exit_code == 0, result.stderr
    site = "".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in (root / "site").rglob("*")
        if p.suffix in {".html", ".json", ".xml"}
    )
    assert "secretariaat@row.example" not in site


LEDEN_MET_ACCENT = """\
leden:
  - Ede
  - organisatie: Renkum
    naam: mw. K. Öztürk
    email: k.ozturk@renkum.example
"""


def test_a_lid_name_with_accents_stays_readable_in_the_calendar(workspace, stukken):
    import icalendar

    root = workspace({"stukken.yaml": STUKKEN_YAML + LEDEN_MET_ACCENT + VERZENDING})
    result = stukken(root, "build", "2024-01-24")
    assert result.exit_code == 0, result.stderr
    data = (root / "output/2024-01-24/vergadering.ics").read_bytes()
    event = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    attendee = event["ATTENDEE"]
    attendee = attendee[0] if isinstance(attendee, list) else attendee
    assert (attendee.params["CN"], str(attendee)) == (
        "mw. K. Öztürk",
        "mailto:k.ozturk@renkum.example",
    )


def test_an_unknown_vaststelling_date_suggests_an_earlier_meeting(workspace, stukken):
    root = workspace(
        {
            "meetings/2024-09-04/agenda.yaml": "datum: 2024-09-04\nagenda:\n  - titel: Opening\n",
            "meetings/2024-09-04/verslag.yaml": "status: concept\n",
            "meetings/2024-10-02/agenda.yaml": (
                "datum: 2024-10-02\nagenda:\n  - titel: Verslag\n    vaststelling: 2024-08-28\n"
            ),
        },
        base=False,
    )
    (root / "stukken.yaml").write_text(STUKKEN_YAML, encoding="utf-8")
    result = stukken(root, "check")
    assert result.exit_code == 1
    assert result.lines[0] == (
        "meetings/2024-10-02/agenda.yaml:4: agendapunt 1: geen vergadering '2024-08-28' om het "
        "verslag van vast te stellen (bedoelde u '2024-09-04'?)"
    )


def test_the_file_identifier_of_a_pdf_is_no_leak():
    """The /ID is a hash; its bytes once read '½@œ' and stopped a public edition."""
    import io

    import pikepdf

    from vergaderstukken.woo import pdf as woo_pdf

    pdf = pikepdf.new()
    pdf.add_blank_page()
    # 16 hash bytes that read as an address in Latin-1: "½@œ", as a real one did
    pdf.trailer.ID = pikepdf.Array([pikepdf.String(b"\xbd@\x9c\x8f\x01\xfe\x10\x88\xa7")] * 2)
    saved = io.BytesIO()
    pdf.save(saved, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    assert woo_pdf.leaks(saved.getvalue(), woo.Lakker([])) == []


KOMMA_NAMEN = """\
leden:
  - organisatie: Den Helder
    email: "Çelik, T. <t.celik@denhelder.example>"
verzending:
  van: "Kok, B. <b.kok@vnhn.example>"
  cc: ["Archief, VNHN <archief@vnhn.example>"]
"""


def test_a_name_with_a_comma_stays_one_address(workspace, stukken):
    import email
    from email import policy

    root = workspace({"stukken.yaml": STUKKEN_YAML + KOMMA_NAMEN})
    assert stukken(root, "build", "2024-01-24").exit_code == 0
    result = stukken(root, "uitnodiging", "2024-01-24")
    assert result.exit_code == 0, result.stderr
    data = (root / "output/2024-01-24/uitnodiging.eml").read_bytes()
    message = email.message_from_bytes(data, policy=policy.default)
    assert [
        (a.display_name, a.addr_spec)
        for header in ("From", "To", "Cc")
        for a in message[header].addresses
    ] == [
        ("Kok, B.", "b.kok@vnhn.example"),
        ("Çelik, T.", "t.celik@denhelder.example"),
        ("Archief, VNHN", "archief@vnhn.example"),
    ]
