"""`stukken diff REV [REV2]`: what changed in decisions, actions and attachments.

The workspace as it was at git revision REV is exported (`git archive`) into a
temporary folder and loaded like any workspace; so is REV2, or the working tree is used.
Nothing is checked out: the working tree and the index are never touched. The pairing
itself is in `verschil.py`, the report in `verschil_weergave.py`.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..exceptions import Problem, StukkenError, ValidationError
from ..load.werkmap import load_werkmap
from ..model import Werkmap
from ..verschil import Kant, VergaderingVerschil, vergelijk
from ..verschil_weergave import json_data, stat_regels, tekst_regels

WERKMAP = "de werkmap"
OWN_FILES = ("agenda.yaml", "agenda.yml", "verslag.yaml", "verslag.yml")
MAX_ROUNDS = 8  # each round sets aside the meetings that failed to load


@dataclass
class DiffResultaat:
    """What `stukken diff` found: decision changes by meeting, and action changes."""

    oud_naam: str
    nieuw_naam: str
    vergaderingen: list[VergaderingVerschil]
    fouten: list[str] = field(default_factory=list)  # problems of a revision, labelled

    @property
    def leeg(self) -> bool:
        """Whether nothing differs."""
        return not self.vergaderingen

    @property
    def titel(self) -> str:
        """The report's first line, naming both sides."""
        return f"Besluiten en acties: {self.oud_naam} vergeleken met {self.nieuw_naam}"

    def regels(self) -> list[str]:
        """The report a reviewer reads."""
        return tekst_regels(self.vergaderingen, self.titel)

    def stat(self) -> list[str]:
        """One line per meeting (`--stat`)."""
        return stat_regels(self.vergaderingen, self.titel)

    def json(self) -> dict[str, Any]:
        """The report as data (`--json`)."""
        return json_data(self.vergaderingen, self.oud_naam, self.nieuw_naam, self.fouten)


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


def check_revision(top: Path, rev: str) -> str:
    """The commit `rev` names; otherwise git's own words, framed."""
    hint = "geef een commit, tak of tag (bijv. HEAD, HEAD~1, main)"
    if not rev or rev.startswith("-"):
        raise StukkenError(f"'{rev}' is geen revisie; {hint}")
    result = git(top, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    commit: str = result.stdout.strip()
    if result.returncode == 0 and commit:
        return commit
    said = git(top, "log", "-1", "--format=%H", rev, "--").stderr.strip().splitlines()
    reason = said[0].removeprefix("fatal: ") if said else "geen commit"
    raise StukkenError(f"onbekende revisie '{rev}' (git: {reason}); {hint}")


def export(top: Path, commit: str, rev: str, prefix: str, target: Path) -> Path:
    """Write the workspace as it was at `commit` into `target` (the subtree at `prefix`)."""
    folder = prefix.rstrip("/")
    tree = f"{commit}:{folder}" if folder else commit
    # From the top folder: in a subfolder, git archive would narrow the tree to it again.
    result = git(top, "archive", "--format=tar", tree, binary=True)
    if result.returncode != 0:
        raise StukkenError(f"in revisie '{rev}' bestaat de map {folder} nog niet")
    target.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(result.stdout)) as archive:
        archive.extractall(target, filter="data")
    if not (target / "stukken.yaml").is_file():
        where = f"in de map {folder}" if folder else "bovenin de repository"
        raise StukkenError(f"in revisie '{rev}' staat geen stukken.yaml {where}")
    return target


def tracked(top: Path, root: Path) -> set[Path]:
    """The files of the working tree git would commit (ignored ones left out)."""
    result = git(
        root, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--full-name"
    )
    return {(top / name).resolve() for name in result.stdout.split("\0") if name}


def stand_in_attachments(root: Path, exported: Path) -> None:
    """Stand-ins for attachment files that git does not hold: today's copy.

    Large PDFs are often kept out of git; the loader checks that an attachment exists and
    is a readable PDF, and decisions and actions do not depend on its content. Only
    meetings that exist in the export get them: a folder made for a meeting that is new
    in the working tree would be a meeting without an agenda.
    """
    for path in (root / "meetings").glob("*/**/*"):
        relative = path.relative_to(root)
        twin = exported / relative
        meeting = exported / relative.parts[0] / relative.parts[1]
        wanted = path.is_file() and path.suffix.lower() not in (".yaml", ".yml")
        if wanted and meeting.is_dir() and not twin.exists():
            twin.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, twin)


def attachment_files(root: Path, only: set[Path] | None = None) -> dict[str, dict[str, str]]:
    """Meeting -> file in its folder (agenda, minutes, overlays left out) -> content hash."""
    found: dict[str, dict[str, str]] = {}
    meetings = root / "meetings"
    for path in sorted(meetings.glob("*/**/*")) if meetings.is_dir() else []:
        relative = path.relative_to(meetings)
        inner = relative.relative_to(relative.parts[0]).as_posix()
        if not path.is_file() or inner in OWN_FILES or inner.startswith("annotaties/"):
            continue
        if only is not None and path.resolve() not in only:
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        found.setdefault(relative.parts[0], {})[inner] = digest
    return found


def parsed_minutes(werkmap: Werkmap) -> dict[str, object]:
    """Each meeting's verslag.yaml as data: re-wrapping or a comment is no change."""
    minutes: dict[str, object] = {}
    for vergadering in werkmap.vergaderingen:
        if vergadering.verslag is not None:
            try:
                text = vergadering.verslag.loc.file.read_text("utf-8")
                minutes[vergadering.naam] = yaml.safe_load(text)
            except (OSError, UnicodeDecodeError, yaml.YAMLError):  # loaded once, so rare
                minutes[vergadering.naam] = None
    return minutes


# --- loading --------------------------------------------------------------------------------


def _meeting_of(problem: Problem, folder: Path) -> str | None:
    try:
        parts = problem.loc.file.resolve().relative_to(folder.resolve()).parts
    except ValueError:
        return None
    return parts[1] if len(parts) >= 2 and parts[0] == "meetings" else None


def _label(problem: Problem, folder: Path, rev: str | None) -> str:
    try:
        shown = problem.loc.file.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        shown = str(problem.loc.file)
    line = f":{problem.loc.line}" if problem.loc.line else ""
    return f"{rev + ':' if rev else ''}{shown}{line}: {problem.message}"


def load_side(
    folder: Path, rev: str | None, fouten: list[str], only: set[Path] | None = None
) -> Kant | None:
    """Load a workspace; meetings that fail are set aside (in a copy) and the rest compared.

    None when even stukken.yaml does not load; what went wrong is added to `fouten`."""
    files = attachment_files(folder, only)
    label = f"revisie '{rev}'" if rev else WERKMAP
    problems: list[str] = []
    skipped: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="stukken-diff-") as temp:
        work = folder
        for _ in range(MAX_ROUNDS):
            try:
                werkmap, _ = load_werkmap(work)
            except ValidationError as error:
                problems += [_label(p, work, rev) for p in error.problems]
                meetings = {_meeting_of(p, work) for p in error.problems}
                if None in meetings:  # stukken.yaml itself: nothing to compare
                    break
                names = {naam for naam in meetings if naam is not None}
                if work is folder:
                    work = Path(temp) / "kopie"
                    shutil.copytree(folder, work, ignore=shutil.ignore_patterns(".git"))
                for naam in names:
                    shutil.rmtree(work / "meetings" / naam, ignore_errors=True)
                skipped |= names
                continue
            if problems:
                fouten += [_header(label, skipped), *dict.fromkeys(problems)]
            kant = Kant(werkmap, files, parsed_minutes(werkmap), skipped)
            return kant
        fouten += [f"{label} bevat fouten; er is niets vergeleken:", *dict.fromkeys(problems)]
        return None


def _header(label: str, skipped: set[str]) -> str:
    names = ", ".join(sorted(skipped))
    noun = "vergadering" if len(skipped) == 1 else "vergaderingen"
    return f"{label} bevat fouten; {noun} {names} niet vergeleken:"


def diff(root: Path, rev: str, rev2: str | None = None) -> DiffResultaat:
    """Compare revision `rev` with the working tree (or with revision `rev2`)."""
    top, prefix = repository(root)
    revs = [r for r in (rev, rev2) if r is not None]
    commits = [check_revision(top, r) for r in revs]
    fouten: list[str] = []
    with tempfile.TemporaryDirectory(prefix="stukken-diff-") as temp:
        sides: list[tuple[Path, str | None, set[Path] | None]] = []
        for revision, commit in zip(revs, commits, strict=True):
            folder = export(top, commit, revision, prefix, Path(temp) / f"rev{len(sides)}")
            sides.append((folder, revision, None))
        if rev2 is None:
            sides.append((root, None, tracked(top, root)))
        loaded = []
        for folder, name, only in sides:
            if folder != root:  # hashed before the stand-ins, which are not in git
                files = attachment_files(folder)
                stand_in_attachments(root, folder)
            kant = load_side(folder, name, fouten, only)
            if kant is not None and folder != root:
                kant.bestanden = files
            loaded.append(kant)
        oud, nieuw = loaded
        if oud is None or nieuw is None:
            raise StukkenError("\n".join(fouten))
        vergaderingen = vergelijk(oud, nieuw, rev, rev2 or WERKMAP)
    return DiffResultaat(rev, rev2 or WERKMAP, vergaderingen, fouten)
