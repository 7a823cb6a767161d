"""`stukken diff REV [REV2]`: what changed in the decisions and actions between versions.

The workspace as it was at git revision REV is exported into a temporary folder and
loaded like any workspace; the same goes for REV2, or the working tree is used. Then
the decision lists (per meeting) and the actions (by id) are compared.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
import tempfile
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from .. import dutch
from ..actions import standen
from ..exceptions import StukkenError, ValidationError
from ..gather import besluiten
from ..load.werkmap import load_werkmap
from ..model import Werkmap

WIDTH = 96
SIMILAR = 0.5  # decisions this alike (difflib ratio) count as one decision, changed

ACTIE_VELDEN = (
    ("soort", "soort"),
    ("tekst", "tekst"),
    ("wie", "wie"),
    ("termijn", "termijn"),
    ("toelichting", "toelichting"),
    ("vergadering", "vergadering"),
    ("punt", "agendapunt"),
    ("status", "status"),
    ("stand", "stand van zaken"),
)


def normal(text: object) -> str:
    """Text compared and shown on one line: re-wrapping a YAML block is not a change."""
    if text is None:
        return ""
    if isinstance(text, date):
        return dutch.termijn(text)
    return " ".join(str(text).split())


@dataclass(frozen=True)
class BesluitRij:
    """One decision of a meeting's list, as compared: its number, item and texts."""

    vergadering: str
    nummer: int
    punt: str
    soort: str
    tekst: str
    toelichting: str

    @property
    def naam(self) -> str:
        """How the output names it: 'besluit 3 (punt 12.4)'."""
        return f"{self.soort} {self.nummer} (punt {self.punt})"


def besluit_rijen(werkmap: Werkmap) -> dict[str, list[BesluitRij]]:
    """The decision list of every meeting, by meeting name."""
    return {
        v.naam: [
            BesluitRij(
                v.naam,
                r.besluitnummer or 0,
                v.verslag_nummer(r.punt),
                r.soort,
                normal(r.tekst),
                normal(r.toelichting),
            )
            for r in besluiten(v)
        ]
        for v in werkmap.vergaderingen
    }


def actie_rijen(werkmap: Werkmap) -> dict[str, dict[str, str]]:
    """Every action by id, with what it says and how it stands after the last meeting."""
    if not werkmap.vergaderingen:
        return {}
    rows = {}
    for stand in standen(werkmap, werkmap.vergaderingen[-1], inclusief=True):
        regel = stand.regel
        rows[stand.id] = {
            "soort": regel.soort,
            "tekst": normal(regel.tekst),
            "wie": normal(regel.wie),
            "termijn": normal(stand.termijn),
            "toelichting": normal(regel.toelichting),
            "vergadering": stand.vergadering.naam,
            "punt": stand.vergadering.verslag_nummer(regel.punt),
            "status": stand.status,
            "stand": normal(stand.toelichting),
        }
    return rows


@dataclass
class Wijziging:
    """One decision or action that came, went or changed, with its old and new fields."""

    soort: str  # toegevoegd | verwijderd | gewijzigd
    wat: str  # 'besluit 3 (punt 12.4)', 'actie 2024-01-24.1'
    oud: list[tuple[str, str]] = field(default_factory=list)  # (label, text)
    nieuw: list[tuple[str, str]] = field(default_factory=list)


def pair_besluiten(oud: list[BesluitRij], nieuw: list[BesluitRij]) -> list[Wijziging]:
    """Same text: unchanged (even when renumbered); otherwise pair by likeness or number."""
    rest_oud, rest_nieuw = list(oud), list(nieuw)
    for rij in nieuw:
        match = next((o for o in rest_oud if (o.soort, o.tekst) == (rij.soort, rij.tekst)), None)
        if match is not None:
            rest_oud.remove(match)
            rest_nieuw.remove(rij)
            if match.toelichting != rij.toelichting:
                rest_oud.append(match)
                rest_nieuw.append(rij)
    pairs: list[tuple[BesluitRij, BesluitRij]] = []
    candidates = sorted(
        (
            (SequenceMatcher(None, o.tekst, n.tekst).ratio(), i, j)
            for i, o in enumerate(rest_oud)
            for j, n in enumerate(rest_nieuw)
        ),
        reverse=True,
    )
    used_o: set[int] = set()
    used_n: set[int] = set()
    for ratio, i, j in candidates:
        alike = ratio >= SIMILAR or rest_oud[i].nummer == rest_nieuw[j].nummer
        if i in used_o or j in used_n or not alike:
            continue
        used_o.add(i)
        used_n.add(j)
        pairs.append((rest_oud[i], rest_nieuw[j]))
    changes = []
    for o, n in sorted(pairs, key=lambda pair: pair[1].nummer):
        change = Wijziging("gewijzigd", n.naam)
        for label, old, new in (
            ("soort", o.soort, n.soort),
            ("tekst", o.tekst, n.tekst),
            ("toelichting", o.toelichting, n.toelichting),
        ):
            if old != new:
                change.oud.append((label, old))
                change.nieuw.append((label, new))
        if o.nummer != n.nummer:
            change.wat = f"{n.soort} {n.nummer} (punt {n.punt}, eerder nr. {o.nummer})"
        changes.append(change)
    for i, o in enumerate(rest_oud):
        if i not in used_o:
            changes.append(Wijziging("verwijderd", o.naam, oud=[("tekst", o.tekst)]))
    for j, n in enumerate(rest_nieuw):
        if j not in used_n:
            changes.append(Wijziging("toegevoegd", n.naam, nieuw=[("tekst", n.tekst)]))
    return changes


def compare_acties(
    oud: dict[str, dict[str, str]], nieuw: dict[str, dict[str, str]]
) -> list[Wijziging]:
    """The actions that came, went or changed (`actie_rijen` of two versions), old ones first."""
    changes = []
    for actie_id in [*oud, *(i for i in nieuw if i not in oud)]:
        if actie_id not in oud:
            n = nieuw[actie_id]
            where = f"actie {actie_id} (vergadering {n['vergadering']}, punt {n['punt']})"
            changes.append(
                Wijziging("toegevoegd", where, nieuw=_velden(n, ("tekst", "wie", "termijn")))
            )
        elif actie_id not in nieuw:
            o = oud[actie_id]
            changes.append(Wijziging("verwijderd", f"actie {actie_id}", oud=_velden(o, ("tekst",))))
        elif oud[actie_id] != nieuw[actie_id]:
            o, n = oud[actie_id], nieuw[actie_id]
            change = Wijziging("gewijzigd", f"actie {actie_id}")
            for key, label in ACTIE_VELDEN:
                if o[key] != n[key]:
                    change.oud.append((label, o[key] or "(leeg)"))
                    change.nieuw.append((label, n[key] or "(leeg)"))
            changes.append(change)
    return changes


def _velden(row: dict[str, str], keys: Iterable[str]) -> list[tuple[str, str]]:
    labels = dict(ACTIE_VELDEN)
    return [(labels[k], row[k]) for k in keys if row[k]]


@dataclass
class DiffResultaat:
    """What `stukken diff` found: decision changes by meeting, and action changes."""

    oud_naam: str
    nieuw_naam: str
    besluiten: dict[str, list[Wijziging]]  # by meeting
    acties: list[Wijziging]

    @property
    def leeg(self) -> bool:
        """Whether nothing changed."""
        return not self.acties and not any(self.besluiten.values())

    def regels(self, width: int = WIDTH) -> list[str]:
        """The report as lines of at most `width` characters, ending with the summary."""
        kop = f"Besluiten en acties: {self.oud_naam} vergeleken met {self.nieuw_naam}"
        if self.leeg:
            return [kop, "Geen verschillen in besluiten en acties."]
        lines = [kop]
        for vergadering, changes in self.besluiten.items():
            if changes:
                lines += ["", f"Besluiten van de vergadering {vergadering}"]
                for change in changes:
                    lines += _show(change, width)
        if self.acties:
            lines += ["", "Acties"]
            for change in self.acties:
                lines += _show(change, width)
        lines += ["", self.samenvatting()]
        return lines

    def samenvatting(self) -> str:
        """One line: how many decisions and actions changed, by kind of change."""

        def count(changes: list[Wijziging], noun: str, plural: str) -> str:
            by_kind: dict[str, int] = {}
            for change in changes:
                by_kind[change.soort] = by_kind.get(change.soort, 0) + 1
            parts = [f"{n} {kind}" for kind, n in sorted(by_kind.items())]
            total = len(changes)
            return f"{total} {noun if total == 1 else plural} ({', '.join(parts)})"

        besluit_changes = [c for cs in self.besluiten.values() for c in cs]
        parts = [count(besluit_changes, "besluit", "besluiten")] if besluit_changes else []
        if self.acties:
            parts.append(count(self.acties, "actie", "acties"))
        return "Verschillen: " + "; ".join(parts) + "."


def _show(change: Wijziging, width: int) -> list[str]:
    lines = [f"  {change.wat}: {change.soort}"]
    if change.soort == "gewijzigd":
        for (label, old), (_, new) in zip(change.oud, change.nieuw, strict=True):
            lines.append(f"    {label}:")
            lines += _wrapped("oud:   ", old, width)
            lines += _wrapped("nieuw: ", new, width)
    else:
        sign = "+ " if change.soort == "toegevoegd" else "- "
        for label, text in change.nieuw or change.oud:
            lines += _wrapped(f"{sign}{label}: ", text, width)
    return lines


def _wrapped(prefix: str, text: str, width: int) -> list[str]:
    indent = "      "
    return textwrap.wrap(
        text or "(leeg)",
        width,
        initial_indent=indent + prefix,
        subsequent_indent=indent + " " * len(prefix),
        break_on_hyphens=False,
    )


# --- git ----------------------------------------------------------------------------------


def git(root: Path, *args: str, binary: bool = False) -> subprocess.CompletedProcess[Any]:
    """Run git in `root`; its output is text, or bytes with `binary`."""
    if shutil.which("git") is None:
        raise StukkenError("git is niet gevonden; stukken diff heeft git nodig")
    return subprocess.run(
        ["git", *args], cwd=root, capture_output=True, text=not binary, check=False
    )


def repository(root: Path) -> tuple[Path, str]:
    """The repository's top folder, and the workspace's folder inside it ('' at the top)."""
    result = git(root, "rev-parse", "--show-toplevel", "--show-prefix")
    if result.returncode != 0:
        raise StukkenError(
            f"{root} ligt niet in een git-repository; stukken diff vergelijkt "
            "met een eerdere versie uit git (git init, git commit)"
        )
    top, prefix = [*result.stdout.splitlines(), ""][:2]
    return Path(top), prefix.strip()


def check_revision(root: Path, rev: str) -> str:
    """The commit that `rev` names; a Dutch error when it names none."""
    result = git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    if result.returncode != 0 or not result.stdout.strip():
        raise StukkenError(
            f"onbekende revisie '{rev}': geef een commit, tak of tag (bijv. HEAD, HEAD~1, main)"
        )
    commit: str = result.stdout.strip()
    return commit


def export(top: Path, rev: str, prefix: str, target: Path) -> Path:
    """Write the workspace as it was at `rev` into `target` (the subtree at `prefix`)."""
    commit = check_revision(top, rev)
    folder = prefix.rstrip("/")
    tree = f"{commit}:{folder}" if folder else commit
    # From the top folder: in a subfolder, git archive would narrow the tree to it again.
    result = git(top, "archive", "--format=tar", tree, binary=True)
    if result.returncode != 0:
        raise StukkenError(f"in revisie '{rev}' bestaat de map {folder} nog niet")
    with tarfile.open(fileobj=io.BytesIO(result.stdout)) as archive:
        archive.extractall(target, filter="data")
    if not (target / "stukken.yaml").is_file():
        where = f"in de map {folder}" if folder else "bovenin de repository"
        raise StukkenError(f"in revisie '{rev}' staat geen stukken.yaml {where}")
    return target


def stand_in_attachments(root: Path, exported: Path) -> None:
    """Stand-ins for attachment files that git does not hold: today's copy.

    Large PDFs are often kept out of git; the loader checks that an attachment exists and
    is a readable PDF, and decisions and actions do not depend on its content.
    """
    for path in (root / "meetings").glob("*/**/*"):
        twin = exported / path.relative_to(root)
        if path.is_file() and path.suffix.lower() in (".pdf", ".md") and not twin.exists():
            twin.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, twin)


def load_at(folder: Path, rev: str) -> Werkmap:
    """Load an exported workspace; its errors name the revision ('HEAD~1:meetings/...')."""
    try:
        werkmap, _ = load_werkmap(folder)
    except ValidationError as error:
        lines = []
        for problem in error.problems:
            path = problem.loc.file
            shown = path.relative_to(folder) if path.is_relative_to(folder) else path
            line = f":{problem.loc.line}" if problem.loc.line else ""
            lines.append(f"{rev}:{shown.as_posix()}{line}: {problem.message}")
        kop = f"de werkmap in revisie '{rev}' bevat fouten:"
        raise StukkenError("\n".join([kop, *lines])) from None
    return werkmap


def diff(root: Path, rev: str, rev2: str | None = None) -> DiffResultaat:
    """Compare the decisions and actions of revision `rev` with the workspace (or `rev2`)."""
    top, prefix = repository(root)
    with tempfile.TemporaryDirectory(prefix="stukken-diff-") as temp:
        oud_map = export(top, rev, prefix, Path(temp) / "oud")
        stand_in_attachments(root, oud_map)
        oud = load_at(oud_map, rev)
        if rev2 is None:
            nieuw, _ = load_werkmap(root)
        else:
            nieuw_map = export(top, rev2, prefix, Path(temp) / "nieuw")
            stand_in_attachments(root, nieuw_map)
            nieuw = load_at(nieuw_map, rev2)
        oude_besluiten, nieuwe_besluiten = besluit_rijen(oud), besluit_rijen(nieuw)
        names = sorted(set(oude_besluiten) | set(nieuwe_besluiten))
        besluit_changes = {
            naam: pair_besluiten(oude_besluiten.get(naam, []), nieuwe_besluiten.get(naam, []))
            for naam in names
        }
        actie_changes = compare_acties(actie_rijen(oud), actie_rijen(nieuw))
    return DiffResultaat(rev, rev2 or "de werkmap", besluit_changes, actie_changes)
