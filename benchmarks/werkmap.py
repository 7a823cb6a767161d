"""Generated workspaces for the benchmarks: a long history, and one large meeting.

    python benchmarks/werkmap.py geschiedenis DOEL --vergaderingen 500
    python benchmarks/werkmap.py groot DOEL

`geschiedenis(root, n)`: n meetings two weeks apart, each with an agenda (six items, the
minutes of the previous meeting as attachment, the open actions), minutes with decisions,
problems and two actions that later minutes update and close, and an advisor's overlay on
every 50th meeting and on the latest. The latest meeting has no minutes yet: it is the
one a secretariat builds.

`groot(root)`: one earlier meeting and a meeting of 60 items with 200 B/K/A entries in its
minutes and 30 attachments: the earlier minutes, a 100-page PDF report, 14 short PDFs and
14 Markdown notes with tables. The PDFs are written with pikepdf (no WeasyPrint needed).
Everything is deterministic: the same arguments give the same bytes.
"""

from __future__ import annotations

import argparse
import shutil
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LOREM = (
    "De regio werkt toe naar een duurzame opvang van nieuwkomers. Gemeenten stemmen af over "
    "locaties, begeleiding en onderwijs, en leggen knelpunten voor aan de provincie en het Rijk."
)
LEDEN = ["Almelo", "Borne", "Dinkelland", "Enschede", "Haaksbergen", "Hengelo", "Losser"]
STUKKEN = (
    "overleg:\n  naam: Regionaal Overleg Wonen en Zorg\n  afkorting: ROWZ\n"
    "  organisatie: Regio Voorbeeld\n  secretariaat: Secretariaat ROWZ\n"
    "  voorzitter: mw. A. de Vries\n  locatie: Provinciehuis, Statenzaal\n"
    "leden:\n" + "".join(f"  - {lid}\n" for lid in LEDEN)
)


def voorbeeld(root: Path) -> Path:
    """A copy of the example workspace (the repository's stukken.yaml and meetings/)."""
    root.mkdir(parents=True)
    shutil.copy(REPO / "stukken.yaml", root / "stukken.yaml")
    shutil.copytree(REPO / "meetings", root / "meetings")
    return root


def dagen(n: int, begin: date = date(2004, 1, 7)) -> list[str]:
    """n meeting dates, two weeks apart."""
    return [(begin + timedelta(days=14 * i)).isoformat() for i in range(n)]


def geschiedenis(root: Path, n: int) -> Path:
    """A workspace of n meetings; returns its root. The latest is `dagen(n)[-1]`."""
    root.mkdir(parents=True)
    (root / "stukken.yaml").write_text(STUKKEN, encoding="utf-8")
    datums = dagen(n)
    for i, datum in enumerate(datums):
        folder = root / "meetings" / datum
        folder.mkdir(parents=True)
        vorige = datums[i - 1] if i else None
        (folder / "agenda.yaml").write_text(agenda(datum, i + 1, vorige), encoding="utf-8")
        if i < n - 1:
            (folder / "verslag.yaml").write_text(
                verslag(datums[: i + 1], i, extra=0), encoding="utf-8"
            )
        if i == n - 1 or (i and i % 50 == 0):
            (folder / "annotaties").mkdir()
            note = annotatie(f"a-{vorige}-1" if vorige and i > 1 else None)
            (folder / "annotaties/adviseur.yaml").write_text(note, encoding="utf-8")
    return root


def agenda(
    datum: str,
    nummer: int,
    vorige: str | None,
    extra: int = 0,
    stukken: dict[int, list[str]] | None = None,
) -> str:
    """An agenda: opening, the previous minutes, two items (plus `extra`), open actions;
    `stukken` gives items the ids of their attachments."""
    text = f"datum: {datum}\ntijd: 14:00-16:00\nnummer: {nummer}\nagenda:\n"
    text += "  - titel: Opening en vaststellen agenda\n"
    if vorige:
        text += "  - titel: Verslag vorige vergadering\n    vaststelling: vorige\n"
        text += "    bijlagen: [verslag-vorige]\n"
    for k in range(1, 3 + extra):
        text += f"  - id: punt-{k}\n    titel: 'Voortgang regionale opgave, deel {k}'\n"
        text += "    doel: bespreking\n" if k % 2 else "    doel: besluitvorming\n"
        text += f"    toelichting: |\n      {LOREM}\n"
        if stukken and k in stukken:
            text += f"    bijlagen: [{', '.join(stukken[k])}]\n"
        if k % 7 == 3:
            text += "    onderdelen:\n"
            text += "".join(f"      - titel: Onderdeel {c} van punt {k}\n" for c in "abc")
    text += "  - titel: Openstaande acties\n    acties: true\n  - titel: Rondvraag\n"
    if vorige:
        text += f"bijlagen:\n  - id: verslag-vorige\n    verslag: {vorige}\n"
    return text


def verslag(datums: list[str], i: int, extra: int) -> str:
    """Minutes of meeting `datums[i]`: per item a text, a decision, a problem and two
    actions (`extra` more items than the agenda's two); updates of earlier actions."""
    datum = datums[i]
    text = f"status: vastgesteld\nvastgesteld_op: {datum}\n" if extra == 0 else "status: concept\n"
    text += "aanwezig:\n" + "".join(f"  - {lid}\n" for lid in LEDEN[:5])
    # every member accounted for, as in real minutes: no warning per meeting
    text += "afwezig:\n" + "".join(
        f"  - {{organisatie: {lid}, kennisgeving: true}}\n" for lid in LEDEN[5:]
    )
    text += "punten:\n"
    for k in range(1, 3 + extra):
        text += f"  punt-{k}:\n    tekst: {LOREM}\n    bka:\n"
        text += f"      - besluit: De vergadering stemt in met voorstel {k}.\n"
        text += f"      - knelpunt: Voor voorstel {k} is nog geen dekking.\n"
        if k <= 2:
            termijn = (date.fromisoformat(datum) + timedelta(days=28)).isoformat()
            text += f"      - actie: Het secretariaat werkt voorstel {k} uit.\n"
            text += f"        wie: Secretariaat\n        termijn: {termijn}\n"
            text += f"        id: a-{datum}-{k}\n"
    updates = []
    if i >= 1:
        updates += [f"  a-{datums[i - 1]}-2:\n    status: loopt\n    toelichting: Bijna klaar.\n"]
    if i >= 2:
        updates += [f"  a-{datums[i - 2]}-1: afgerond\n", f"  a-{datums[i - 2]}-2: afgerond\n"]
    if updates:
        text += "acties:\n" + "".join(updates)
    return text


def annotatie(actie: str | None) -> str:
    """An advisor's overlay: an introduction, notes on two items, one on an open action."""
    text = "auteur: Beleidsadviseur Wonen\nvoor: Wethouder Zorg\n"
    text += f"inleiding: |\n  {LOREM}\npunten:\n"
    text += "  punt-1:\n    advies: Instemmen\n    tekst: Het voorstel past in ons beleid.\n"
    text += "  punt-2: Let op de financiële gevolgen.\n"
    if actie:
        text += f"acties:\n  {actie}: Vraag naar de planning.\n"
    return text


def groot(root: Path) -> tuple[Path, str]:
    """The large meeting's workspace and the name of the meeting to build."""
    root.mkdir(parents=True)
    (root / "stukken.yaml").write_text(STUKKEN, encoding="utf-8")
    vorige, datum = "2024-03-06", "2024-04-17"
    eerder = root / "meetings" / vorige
    eerder.mkdir(parents=True)
    (eerder / "agenda.yaml").write_text(agenda(vorige, 7, None, extra=8), encoding="utf-8")
    (eerder / "verslag.yaml").write_text(verslag([vorige], 0, extra=8), encoding="utf-8")
    folder = root / "meetings" / datum
    (folder / "bijlagen").mkdir(parents=True)
    (folder / "annotaties").mkdir()
    (folder / "annotaties/adviseur.yaml").write_text(annotatie(f"a-{vorige}-1"), "utf-8")
    bijlagen = ["  - id: verslag-vorige\n    verslag: 2024-03-06\n"]
    for n in range(1, 30):
        soort = "rapport" if n == 1 else ("pdf" if n % 2 else "md")
        naam = f"bijlagen/stuk-{n}.{'md' if soort == 'md' else 'pdf'}"
        bijlagen.append(
            f"  - id: stuk-{n}\n    titel: Bijlage {n} ({soort})\n    bestand: {naam}\n"
        )
        if soort == "md":
            (folder / naam).write_text(markdown_stuk(n), encoding="utf-8")
        else:
            (folder / naam).write_bytes(pdf_stuk(100 if soort == "rapport" else 1 + n % 3, n))
    # the 29 file attachments go with items 1..29, two a piece from item 20 on
    per_punt: dict[int, list[str]] = {}
    for n in range(1, 30):
        per_punt.setdefault(n if n < 20 else 20 + (n - 20) // 2, []).append(f"stuk-{n}")
    text = agenda(datum, 8, vorige, extra=55, stukken=per_punt)
    text += "".join(bijlagen[1:])  # after the previous minutes, which agenda() lists
    (folder / "agenda.yaml").write_text(text, encoding="utf-8")
    minutes = verslag([vorige, datum], 1, extra=55)
    # 56 items of 3 to 5 entries, 200 B/K/A entries in all
    minutes = minutes.replace("    bka:\n", "    bka:\n      - besluit: Het punt is besproken.\n")
    extra = "    bka:\n      - knelpunt: De planning staat onder druk.\n"
    minutes = minutes.replace("    bka:\n", extra, 27)
    (folder / "verslag.yaml").write_text(minutes, "utf-8")
    return root, datum


def markdown_stuk(n: int) -> str:
    """A Markdown attachment: five sections of text with a table each."""
    return "".join(
        f"## Paragraaf {p}\n\n{LOREM} {LOREM}\n\n| Gemeente | Plekken |\n|---|---|\n"
        + "".join(f"| {lid} | {p * n + len(lid)} |\n" for lid in LEDEN)
        + "\n"
        for p in range(1, 6)
    )


def pdf_stuk(pages: int, n: int) -> bytes:
    """A plain PDF of `pages` A4 pages of text (Helvetica, no fonts embedded)."""
    import io

    import pikepdf

    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
        )
    )
    for p in range(1, pages + 1):
        lines = [f"Bijlage {n}, pagina {p}"] + [LOREM[k : k + 90] for k in range(0, 180, 90)] * 12
        stream = (
            b"BT /F1 11 Tf 60 780 Td 14 TL "
            + b" ".join(b"(" + line.encode("latin-1") + b") '" for line in lines)
            + b" ET"
        )
        page = pikepdf.Page(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Page,
                MediaBox=[0, 0, 595, 842],
                Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
                Contents=pdf.make_stream(stream),
            )
        )
        pdf.pages.append(page)
    buffer = io.BytesIO()
    pdf.save(buffer, deterministic_id=True)
    return buffer.getvalue()


def main() -> None:
    """Write a generated workspace (see the module's docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("soort", choices=["geschiedenis", "groot"])
    parser.add_argument("doel", type=Path)
    parser.add_argument("--vergaderingen", type=int, default=500)
    args = parser.parse_args()
    if args.soort == "geschiedenis":
        geschiedenis(args.doel, args.vergaderingen)
    else:
        groot(args.doel)


if __name__ == "__main__":
    main()
