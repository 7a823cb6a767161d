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
