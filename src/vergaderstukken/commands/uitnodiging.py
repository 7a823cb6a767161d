"""`stukken uitnodiging DATUM [--verstuur]`: the invitation e-mail, and sending it.

The message is made from the built files in output/DATUM/ (the pack, the agenda,
vergadering.ics), so `stukken build DATUM` comes first. It is written to
output/DATUM/uitnodiging.eml beside them, keeping every other file. Sending refuses a
build older than its sources and a message that was sent before (unless `--opnieuw`);
every sending is recorded in output/.verzonden/DATUM.json, which a rebuild keeps.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email.utils import parseaddr
from pathlib import Path

from ..afspraken import ontvangers
from ..exceptions import Problem, StukkenError, display_path
from ..load.mappen import scan_meetings, select_meeting
from ..load.werkmap import load_werkmap
from ..model import Overleg, Smtp, Vergadering
from ..uitvoer import recover, write_atomically
from ..verzenden import register
from ..verzenden.bericht import Stukken, Uitnodiging, uitnodiging, vingerafdruk
from ..verzenden.smtp import Resultaat, VerzendFout, verstuur, wachtwoord

NAAM = "uitnodiging.eml"
GEBOUWD = ("vergaderpakket.pdf", "agenda.pdf", "vergadering.ics")

VOORBEELD_VERZENDING = """\
verzending:
  van: Secretariaat {afkorting} <secretariaat@{domein}.example>
  smtp:
    host: smtp.example.org
    poort: 587
    starttls: true
    gebruiker: secretariaat"""


def voorbeeld_verzending(overleg: Overleg) -> str:
    """The `verzending` block to add, in this committee's name."""
    afkorting = overleg.afkorting or "overleg"
    domein = "".join(ch for ch in afkorting.lower() if ch.isalnum()) or "overleg"
    return VOORBEELD_VERZENDING.format(afkorting=afkorting, domein=domein)


@dataclass
class Voorbereid:
    """An invitation made and ready to write or send."""

    overleg: Overleg
    vergadering: Vergadering
    folder: Path  # output/DATUM
    uitnodiging: Uitnodiging
    data: bytes
    stukken: Stukken
    verouderd: Path | None  # the newest source file changed after the build, if any
    warnings: list[Problem]

    @property
    def bestand(self) -> Path:
        """Where the .eml goes."""
        return self.folder / NAAM


def voorbereiden(root: Path, datum: str | None, output: Path | None = None) -> Voorbereid:
    """Make the invitation of meeting `datum` from its built files (nothing is written)."""
    mappen = scan_meetings(root)
    naam = select_meeting(mappen, datum)
    folder = (output or root / "output") / naam
    recover(folder)
    werkmap, warnings = load_werkmap(root, tot=naam, mappen=mappen)
    vergadering = werkmap.vergadering(naam)
    assert vergadering is not None
    overleg = werkmap.overleg
    verzending = overleg.verzending
    if verzending is None or not verzending.van:
        raise StukkenError(
            "stukken.yaml: de afzender ontbreekt; voeg toe:\n"
            + voorbeeld_verzending(overleg).split("\n  smtp")[0]
        )
    aan, cc = ontvangers(overleg)
    if not aan:
        raise StukkenError(
            "stukken.yaml: de uitnodiging heeft geen geadresseerden; geef leden een 'email' "
            "of zet de adressen onder verzending.aan"
        )
    stukken = Stukken(*(gebouwd(folder, naam, f) for f in GEBOUWD))
    made = uitnodiging(overleg, vergadering, stukken, aan, cc)
    data = made.als_bytes()
    built = min((folder / f).stat().st_mtime_ns for f in GEBOUWD)
    newer = [p for p in bronnen(root, [f for f, _ in mappen.folders], naam) if mtime(p) > built]
    verouderd = max(newer, key=mtime) if newer else None
    return Voorbereid(overleg, vergadering, folder, made, data, stukken, verouderd, warnings)


def gebouwd(folder: Path, naam: str, bestand: str) -> bytes:
    """A built file of the meeting; a clear error when the build has not run."""
    try:
        return (folder / bestand).read_bytes()
    except OSError:
        raise StukkenError(
            f"{display_path(folder / bestand)} ontbreekt: maak eerst de stukken met "
            f"stukken build {naam}"
        ) from None


def bronnen(root: Path, folders: list[Path], naam: str) -> list[Path]:
    """The files a build of `naam` reads: stukken.yaml, the workspace's templates, and
    the folders of this meeting and the ones before it (open actions, adopted minutes).
    Annotations are left out: they never reach the pack, the agenda or the calendar."""
    paths = [root / "stukken.yaml"]
    templates = root / "templates"
    if templates.is_dir():
        paths += [p for p in templates.rglob("*") if p.is_file()]
    for folder in folders:
        paths += [
            p
            for p in folder.rglob("*")
            if p.is_file() and "annotaties" not in p.relative_to(folder).parts
        ]
        if folder.name == naam:
            break
    return paths


def mtime(path: Path) -> int:
    """The modification time of `path` in nanoseconds (0 when it is gone)."""
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def schrijf(voorbereid: Voorbereid) -> None:
    """Write uitnodiging.eml into output/DATUM/, keeping the build's other files."""
    write_atomically(voorbereid.folder, {NAAM: voorbereid.data}, keep_existing=True)


def verouderd_tekst(voorbereid: Voorbereid) -> str | None:
    """'de stukken zijn ouder dan meetings/...'; None when the build is up to date."""
    if voorbereid.verouderd is None:
        return None
    return (
        f"de stukken in {display_path(voorbereid.folder)}/ zijn ouder dan "
        f"{display_path(voorbereid.verouderd)}; maak ze opnieuw met "
        f"stukken build {voorbereid.vergadering.naam}"
    )


def controleer(voorbereid: Voorbereid, opnieuw: bool) -> Smtp:
    """Everything that must hold before anything is sent; the mail server to use."""
    if (stale := verouderd_tekst(voorbereid)) is not None:
        raise StukkenError(f"niet verzonden: {stale}")
    verzending = voorbereid.overleg.verzending
    smtp = verzending.smtp if verzending else None
    if smtp is None:
        raise StukkenError(
            "stukken.yaml: verzending.smtp ontbreekt, dus er is geen mailserver om langs te "
            "versturen; voeg toe (het wachtwoord komt uit STUKKEN_SMTP_WACHTWOORD):\n"
            + voorbeeld_verzending(voorbereid.overleg)
        )
    if not opnieuw:
        fingerprint = vingerafdruk(voorbereid.data)
        for eerder in register.read(voorbereid.folder):
            if eerder.vingerafdruk == fingerprint:
                raise StukkenError(
                    f"deze uitnodiging is al verzonden op {eerder.tijd[:16].replace('T', ' ')} "
                    f"aan {len(eerder.ontvangers)} ontvangers (Message-ID {eerder.message_id}); "
                    "geef --opnieuw om haar nog eens te versturen"
                )
    wachtwoord(smtp)  # a missing password is an error before anyone is asked anything
    return smtp


def versturen(voorbereid: Voorbereid, smtp: Smtp) -> Resultaat:
    """Send the invitation and record who got it (also when some were refused)."""
    bericht = voorbereid.uitnodiging.bericht
    afzender = parseaddr(str(bericht["From"]))[1]
    try:
        resultaat = verstuur(smtp, afzender, voorbereid.uitnodiging.ontvangers, voorbereid.data)
    except VerzendFout as fout:
        if fout.resultaat.verzonden:
            noteer(voorbereid, fout.resultaat)
        raise
    noteer(voorbereid, resultaat)
    return resultaat


def noteer(voorbereid: Voorbereid, resultaat: Resultaat) -> None:
    """Add this sending to output/.verzonden/DATUM.json."""
    register.append(
        voorbereid.folder,
        register.Verzending(
            message_id=str(voorbereid.uitnodiging.bericht["Message-ID"]),
            tijd=datetime.now().astimezone().isoformat(timespec="seconds"),
            ontvangers=resultaat.verzonden,
            geweigerd=sorted(resultaat.geweigerd),
            vingerafdruk=vingerafdruk(voorbereid.data),
            kalender=voorbereid.stukken.kalender.decode("utf-8", "replace"),
        ),
    )
