"""Acceptance findings on Part 1 of the format contract, each with its own small workspace
or input: what a secretariat writes, and what it must get back."""

from __future__ import annotations

import pytest

from vergaderstukken.woo import lakken as woo


@pytest.mark.parametrize(
    "tekst",
    [
        "Locatie Heumensoord-\nNoord",  # a PDF text layer: the name broken at its hyphen
        "Locatie Heumensoord- Noord",
        "Locatie HeumensoordNoord",  # a reader that joins the broken line
        "Locatie Heumensoord-Noord",
    ],
)
def test_een_naam_met_koppelteken_wordt_ook_over_de_regelgrens_gevonden(tekst):
    lakker = woo.Lakker([("Locatie Heumensoord-Noord", "5.1.2d")])
    assert lakker.found(f"Zie {tekst} op de kaart.") == [" ".join(tekst.split())]
    assert "Heumensoord" not in lakker.text(f"Zie {tekst} op de kaart.")


def test_een_koppelteken_maakt_geen_woord_van_een_deel():
    lakker = woo.Lakker([("Pieter-Jan Smulders", "5.1.2e")])
    assert lakker.found("Pieter en Jan Smulders") == []
    assert lakker.found("Pieter-Jan\nSmulders") == ["Pieter-Jan Smulders"]
