"""Golden text of the example workspace's documents.

When output changes on purpose, regenerate with `make golden` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import docx_text, pdf_text

GOLDEN = Path(__file__).parent / "golden"
WRITE = os.environ.get("STUKKEN_GOLDEN") == "schrijf"

# (meeting, output file) pairs whose text is kept as golden files.
DOCUMENTS = [
    ("2024-01-24", "agenda.pdf"),
    ("2024-01-24", "agenda.docx"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    import shutil

    from conftest import REPO
    from vergaderstukken.commands.build import build

    root = tmp_path_factory.mktemp("golden")
    shutil.copy(REPO / "stukken.yaml", root / "stukken.yaml")
    shutil.copytree(REPO / "meetings", root / "meetings")
    for meeting in sorted({m for m, _ in DOCUMENTS}):
        build(root, meeting)
    return root / "output"


@pytest.mark.parametrize(("meeting", "name"), DOCUMENTS)
def test_golden_text(built, meeting, name):
    path = built / meeting / name
    text = docx_text(path) + "\n" if name.endswith(".docx") else pdf_text(path, layout=True)
    golden = GOLDEN / f"{meeting}-{name}.txt"
    if WRITE:
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"{golden.name} ontbreekt: draai `make golden`"
    assert text == golden.read_text(encoding="utf-8")
