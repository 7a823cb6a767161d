"""Fuzzing the loaders: whatever bytes a file holds, loading ends in success or a
`StukkenError`, never in a traceback."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import AGENDA_YAML, STUKKEN_YAML, write_files
from vergaderstukken.exceptions import StukkenError
from vergaderstukken.load.werkmap import load_werkmap

VERSLAG_YAML = """\
status: concept
aanwezig: [ROW, {naam: mw. De Boer, organisatie: ROW, rol: voorzitter}]
punten:
  dijk:
    tekst: Besproken.
    bka:
      - besluit: Het plan wordt vastgesteld.
      - actie: Plan uitwerken.
        wie: ROW
        termijn: 2024-03-01
"""

ANNOTATIE_YAML = """\
auteur: Adviseur
voor: bestuurder
punten:
  dijk: {advies: Instemmen, tekst: Goed plan.}
  opening: Geen opmerkingen.
"""

FILES = {
    "stukken.yaml": STUKKEN_YAML,
    "meetings/2024-01-24/agenda.yaml": AGENDA_YAML,
    "meetings/2024-01-24/verslag.yaml": VERSLAG_YAML,
    "meetings/2024-01-24/annotaties/advies.yaml": ANNOTATIE_YAML,
}

# Pieces of YAML (and of this format) that random text is built from, so the fuzzer
# reaches the schema and the loaders instead of stopping at the first syntax error.
PIECES = [
    "\n", "  ", "- ", ": ", "[", "]", "{", "}", ",", "&a ", "*a", "! ", "!!str ", "|", ">",
    "'", '"', "#", "---", "...", "? ", "~", "null", "ja", "nee", "2024-01-24", "2024-02-30",
    "15:45-17:15", "25:00", "99999999999", "0", "1", "3b", "12.4", "I-a", "bijlagen/plan.md",
    "../stukken.yaml", "/etc/passwd", "\\0", "\t", "é", "\u2028", "\ufeff",
    "datum", "tijd", "agenda", "titel", "id", "dijk", "opening", "onderdelen", "deel",
    "bijlagen", "bestand", "verslag", "openbaar", "nummer", "vragen", "doel", "toelichting",
    "punten", "bka", "besluit", "actie", "toezegging", "wie", "termijn", "acties", "status",
    "afgerond", "aanwezig", "afwezig", "naam", "organisatie", "kennisgeving", "advies",
    "tekst", "auteur", "overleg", "afkorting", "woo", "lakken", "grond", "5.1.2e", "volgende",
]  # fmt: skip

yamlish = st.lists(st.sampled_from(PIECES) | st.text(max_size=5), max_size=60).map("".join)
contents = st.binary(max_size=300) | yamlish | yamlish.map(lambda text: text.encode("utf-8"))


@pytest.fixture(scope="module")
def scratch():
    with tempfile.TemporaryDirectory(prefix="fuzz-") as folder:
        yield Path(folder)


@pytest.mark.parametrize("target", list(FILES), ids=lambda name: Path(name).stem)
@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(content=contents)
def test_loading_never_raises_anything_but_a_stukken_error(scratch, target, content):
    root = scratch / Path(target).stem
    write_files(root, FILES)
    (root / "meetings/2024-01-24/bijlagen").mkdir(exist_ok=True)
    (root / "meetings/2024-01-24/bijlagen/plan.md").write_text("# Plan\n", encoding="utf-8")
    write_files(root, {target: content if isinstance(content, bytes) else content.encode()})
    try:
        load_werkmap(root)
    except StukkenError as error:
        for line in error.format_message().splitlines():
            assert len(line) < 1000  # one line echoed, cut short: never the file itself
