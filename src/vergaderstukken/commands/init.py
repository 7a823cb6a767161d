"""`stukken init [MAP]`: a new workspace a secretary can start from at once.

It writes stukken.yaml (with placeholders and a standing agenda), meetings/, .gitignore,
the editor schemas and the git review files, and refuses to write over anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..cyclus.bestanden import bestaat, schrijf_nieuw
from ..cyclus.sjablonen import GITIGNORE, GITKEEP, stukken_yaml
from ..exceptions import StukkenError, display_path
from ..git_review import GITATTRIBUTES, PRE_COMMIT_CONFIG
from ..load.mappen import find_root
from ..schema import json_schemas, write_json_schemas

NIET_OVERSCHRIJVEN = "stukken init schrijft nooit over bestaande bestanden heen"


@dataclass
class InitResult:
    """The new workspace and the files written into it, in the order written."""

    root: Path
    files: list[Path]


def init(target: Path, *, naam: str | None = None, afkorting: str | None = None) -> InitResult:
    """Write a new workspace into `target` (made when missing); nothing is written when
    any of its files exists already."""
    root = target.absolute()
    if bestaat(root) and not root.is_dir():
        raise StukkenError(f"{display_path(root)} is een bestand, geen map")
    schemas = [root / "schema" / f"{kind}.schema.json" for kind in json_schemas()]
    texts = {
        root / "stukken.yaml": stukken_yaml(
            naam or "Naam van het overleg",
            afkorting or "AFK",
            schema_pad="schema/stukken.schema.json",
        ),
        root / "meetings" / ".gitkeep": GITKEEP,
        root / ".gitignore": GITIGNORE,
        root / ".gitattributes": GITATTRIBUTES,
        root / ".pre-commit-config.yaml": PRE_COMMIT_CONFIG,
    }
    in_the_way = [p for p in [*texts, *schemas] if bestaat(p)]
    if bestaat(root / "meetings") and not (root / "meetings").is_dir():
        in_the_way.append(root / "meetings")
    if in_the_way:
        names = ", ".join(display_path(p) for p in in_the_way)
        raise StukkenError(
            f"{names} {'bestaat' if len(in_the_way) == 1 else 'bestaan'} al; {NIET_OVERSCHRIJVEN}. "
            "Kies een nieuwe of lege map (stukken init MAP), of verplaats deze bestanden eerst"
        )
    _refuse_nested(root)
    for path, text in texts.items():
        schrijf_nieuw(path, text, NIET_OVERSCHRIJVEN)
    written = [*texts, *write_json_schemas(root / "schema")]
    return InitResult(root, written)


def _refuse_nested(root: Path) -> None:
    """A workspace inside another one would be found instead of the outer one by every
    command run below it; say so rather than make the secretary puzzle."""
    try:
        outer = find_root(root.parent)
    except StukkenError:
        return
    raise StukkenError(
        f"{display_path(root)} ligt in de werkmap {display_path(outer)} (met stukken.yaml); "
        "een werkmap in een werkmap maakt niet duidelijk welke bedoeld is. Kies een map "
        "buiten die werkmap"
    )
