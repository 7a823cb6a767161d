"""Benchmark `stukken build`: the example workspace and a generated larger one, in one process.

    python benchmarks/bench.py [--herhaal N] [--geen-tracemalloc]

Reports wall time per phase (loading, each template rendered with WeasyPrint, the pack's
pikepdf steps) and peak memory: the process's peak RSS (resource) and, in a separate
run under tracemalloc, the peak of Python allocations. The phases are measured by
wrapping functions from the outside; the production code has no timing in it.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from vergaderstukken.commands import build as build_command  # noqa: E402
from vergaderstukken.render import job as job_module  # noqa: E402
from vergaderstukken.render.engines import pakket_pdf  # noqa: E402

LOREM = (
    "De regio werkt toe naar een duurzame opvang van nieuwkomers. Gemeenten stemmen af over "
    "locaties, begeleiding en onderwijs, en leggen knelpunten voor aan de provincie en het Rijk. "
)


class Timer:
    """Wall time per phase; nested phases are counted in their own row only."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = defaultdict(float)
        self.counts: dict[str, int] = defaultdict(int)
        self.stack: list[list[float]] = []

    @contextmanager
    def phase(self, name: str):
        start = time.perf_counter()
        self.stack.append([0.0])
        try:
            yield
        finally:
            elapsed = time.perf_counter() - start
            inner = self.stack.pop()[0]
            self.totals[name] += elapsed - inner
            self.counts[name] += 1
            if self.stack:
                self.stack[-1][0] += elapsed

    def wrap(self, owner, attribute: str, name) -> None:
        original = getattr(owner, attribute)
        timer = self

        def timed(*args, **kwargs):
            label = name(*args, **kwargs) if callable(name) else name
            with timer.phase(label):
                return original(*args, **kwargs)

        setattr(owner, attribute, timed)


def example_workspace(target: Path) -> Path:
    root = target / "voorbeeld"
    root.mkdir()
    shutil.copy(REPO / "stukken.yaml", root / "stukken.yaml")
    shutil.copytree(REPO / "meetings", root / "meetings")
    return root


def large_workspace(target: Path, items: int = 30, attachments: int = 10) -> Path:
    """A meeting of `items` agenda items and `attachments` attachments: Markdown notes,
    PDFs (a 20-page report, an A3 landscape map, a short letter) and earlier minutes."""
    import weasyprint

    root = target / "groot"
    vorige, datum = root / "meetings/2024-03-06", root / "meetings/2024-04-17"
    (datum / "bijlagen").mkdir(parents=True)
    vorige.mkdir(parents=True)
    (root / "stukken.yaml").write_text(
        "overleg:\n  naam: Regionaal Overleg Wonen en Zorg\n  afkorting: ROWZ\n"
        "  organisatie: Regio Voorbeeld\n  secretariaat: Secretariaat ROWZ\n"
        "  voorzitter: mw. A. de Vries\n  locatie: Provinciehuis, Statenzaal\n",
        encoding="utf-8",
    )
    punten = "".join(
        f"  - id: punt-{n}\n    titel: Agendapunt {n} over regionale samenwerking\n"
        for n in range(1, items + 1)
    )
    (vorige / "agenda.yaml").write_text(
        f"datum: 2024-03-06\ntijd: 14:00-16:00\nnummer: 7\nagenda:\n{punten}", encoding="utf-8"
    )
    verslag = "status: vastgesteld\nvastgesteld_op: 2024-04-17\naanwezig: [Almelo, Borne]\n"
    verslag += "punten:\n" + "".join(
        f"  punt-{n}:\n    tekst: {LOREM.strip()}\n    bka:\n"
        f"      - besluit: De vergadering stemt in met voorstel {n}.\n"
        f"      - actie: Het secretariaat werkt voorstel {n} uit.\n        wie: Secretariaat\n"
        for n in range(1, items + 1)
    )
    (vorige / "verslag.yaml").write_text(verslag, encoding="utf-8")

    kinds = ["md", "md", "md", "md", "md", "md", "rapport", "kaart", "brief", "verslag"]
    kinds = (kinds * (attachments // len(kinds) + 1))[:attachments]
    bijlagen = ""
    for n, kind in enumerate(kinds, 1):
        if kind == "verslag":
            bijlagen += f"  - id: b{n}\n    verslag: 2024-03-06\n"
            continue
        suffix = "md" if kind == "md" else "pdf"
        bijlagen += f"  - id: b{n}\n    titel: Bijlage {n} ({kind})\n"
        bijlagen += f"    bestand: bijlagen/b{n}.{suffix}\n"
        path = datum / f"bijlagen/b{n}.{suffix}"
        if kind == "md":
            body = "".join(
                f"## Paragraaf {p}\n\n{LOREM * 4}\n\n| Gemeente | Plekken |\n|---|---|\n"
                f"| Almelo | {p * 12} |\n| Borne | {p * 5} |\n\n"
                for p in range(1, 6)
            )
            path.write_text(body, encoding="utf-8")
        else:
            pages, size = {"rapport": (20, "A4"), "kaart": (2, "A3 landscape"), "brief": (1, "A4")}[
                kind
            ]
            html = f"<style>@page {{ size: {size}; margin: 2cm }}</style>" + "".join(
                f"<h1 style='break-before: page'>Hoofdstuk {p}</h1><p>{LOREM * 12}</p>"
                for p in range(1, pages + 1)
            )
            path.write_bytes(weasyprint.HTML(string=html).write_pdf())
    agenda = "datum: 2024-04-17\ntijd: 14:00-16:30\nnummer: 8\nagenda:\n"
    for n in range(1, items + 1):
        agenda += f"  - titel: 'Agendapunt {n}: voortgang regionale opgave'\n"
        agenda += f"    toelichting: {LOREM.strip()}\n"
        if n == 2:
            agenda += "    acties: true\n"
        if n <= attachments:
            agenda += f"    bijlagen: [b{n}]\n"
    agenda += f"bijlagen:\n{bijlagen}"
    (datum / "agenda.yaml").write_text(agenda, encoding="utf-8")
    return root


def prepare(root: Path) -> Path:
    return root


def run(root: Path, datum: str) -> tuple[float, list[str], int]:
    start = time.perf_counter()
    result = build_command.build(root, datum)
    elapsed = time.perf_counter() - start
    pack = result.folder / "vergaderpakket.pdf"
    import pikepdf

    with pikepdf.open(pack) as pdf:
        pages = len(pdf.pages)
    return elapsed, result.files, pages


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhaal", type=int, default=2, help="builds per workspace")
    parser.add_argument("--geen-tracemalloc", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="stukken-bench-") as tmp:
        tmp_path = Path(tmp)
        start = time.perf_counter()
        import weasyprint  # noqa: F401  (counted apart: every build pays it once)

        print(f"import WeasyPrint: {time.perf_counter() - start:.2f} s")
        workspaces = [
            ("voorbeeld (2024-01-24)", prepare(example_workspace(tmp_path)), "2024-01-24"),
            ("groot: 30 punten, 10 bijlagen", prepare(large_workspace(tmp_path)), "2024-04-17"),
        ]
        for title, root, datum in workspaces:
            print(f"\n## {title}")
            for attempt in range(1, args.herhaal + 1):
                timer = Timer()
                saved = _install(timer)
                elapsed, files, pages = run(root, datum)
                _uninstall(saved)
                size = (root / f"output/{datum}/vergaderpakket.pdf").stat().st_size
                print(
                    f"\nbuild {attempt}: {elapsed:.2f} s, {len(files)} bestanden, "
                    f"pakket {pages} pagina's, {size / 1024:.0f} KiB"
                )
                for name, seconds in sorted(timer.totals.items(), key=lambda kv: -kv[1]):
                    print(f"  {name:<42} {seconds:6.3f} s  ({timer.counts[name]}x)")
                rest = elapsed - sum(timer.totals.values())
                print(f"  {'overig (Python rondom)':<42} {rest:6.3f} s")
            print(f"piek RSS van het proces tot hier: {peak_rss_mb():.0f} MiB")
            if not args.geen_tracemalloc:
                tracemalloc.start()
                build_command.build(root, datum)
                _, peak = tracemalloc.get_traced_memory()
                tracemalloc.stop()
                print(f"piek Python-geheugen (tracemalloc, één build): {peak / 2**20:.0f} MiB")


def _install(timer: Timer) -> list[tuple[object, str, object]]:
    targets = [
        (build_command, "load_workspace"),
        (build_command, "write_atomically"),
        (job_module.RenderJob, "pdf"),
        *[(pakket_pdf, step) for step in ("samenstellen", "stempelen", "bladwijzers", "opslaan")],
    ]
    from vergaderstukken.render.documents import agenda

    targets.append((agenda, "render_docx"))
    saved = [(owner, attr, getattr(owner, attr)) for owner, attr in targets]
    timer.wrap(build_command, "load_workspace", "laden en valideren")
    timer.wrap(build_command, "write_atomically", "schrijven")
    timer.wrap(job_module.RenderJob, "pdf", lambda job, template, *a, **k: f"WeasyPrint {template}")
    for step in ("samenstellen", "stempelen", "bladwijzers", "opslaan"):
        timer.wrap(pakket_pdf, step, f"pikepdf {step}")
    timer.wrap(agenda, "render_docx", "docx agenda")
    return saved


def _uninstall(saved) -> None:
    for owner, attr, original in saved:
        setattr(owner, attr, original)


if __name__ == "__main__":
    main()
