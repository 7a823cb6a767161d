"""Benchmark `stukken build` and `stukken check` against references measured in the same run.

    python benchmarks/bench.py [--herhaal N] [--snel]      (make bench)

Every figure is printed beside its reference and the ratio, because the machines this
runs on are shared and their speed varies: a ratio of two timings taken together holds,
a timing alone does not. Each timing is the median of N runs (interleaved with its
reference), in fresh processes, as a user would run them.

- build / raw WeasyPrint: the distinct HTML documents a build lays out are captured from
  the build itself, then rendered with plain WeasyPrint, serially, in one process, its
  import included: what one process needs at the least for the same pages.
- DOCX share: the time spent making Word files in a serial build with --opnieuw (every
  document rendered again; the templates compiled by an earlier build, as .pyc files are).
- unchanged build: the second `stukken build` with the cache; WeasyPrint must not load.
- one annotation edited: the build after changing one overlay / a full build (--opnieuw)
  run just before each edit; and the same save while `stukken serve` runs: seconds until
  its page shows the new HTML and until its background build has the PDFs, against full
  builds just before and after.
- check and build with history: 500 meetings against 5 (benchmarks/werkmap.py).
- peak memory: the largest resident size of the build's processes (ru_maxrss).

--snel leaves out the large meeting (the slowest part).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import werkmap as generator  # noqa: E402

# bytecode kept, as an installed package has it (some machines set PYTHONDONTWRITEBYTECODE:
# then every start would compile stukken's modules again)
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPATH": str(REPO / "src"),
}
PYTHON = sys.executable

CAPTURE = """
import json, sys
from pathlib import Path
from vergaderstukken.commands.build import build
from vergaderstukken.render import job
from vergaderstukken.render.engines import pdf
seen, original = [], pdf.html_to_pdfs
def capture(html, **options):
    seen.append({"html": html, "base": options["base_dir"].resolve().as_uri() + "/",
                 "variant": options.get("variant"), "tagged": options.get("tagged", True)})
    return original(html, **options)
job.html_to_pdfs = pdf.html_to_pdfs = capture
build(Path(sys.argv[1]), sys.argv[2], output=Path(sys.argv[3]), werkers=1)
distinct = list({json.dumps(s, sort_keys=True): s for s in seen}.values())
Path(sys.argv[4]).write_text(json.dumps(distinct))
"""

RAW = """
import json, sys, time
start = time.perf_counter()
import weasyprint
for doc in json.loads(open(sys.argv[1]).read()):
    weasyprint.HTML(string=doc["html"], base_url=doc["base"]).write_pdf(
        pdf_tags=doc["tagged"], uncompressed_pdf=False, pdf_variant=doc["variant"])
print(time.perf_counter() - start)
"""

DOCX_SHARE = """
import os, sys, time
os.environ["STUKKEN_PROCESSEN"] = "1"
from vergaderstukken.__main__ import cli
from vergaderstukken.render import docx
spent, original = [0.0], docx.fill
def timed(*args, **kwargs):
    start = time.perf_counter()
    try:
        return original(*args, **kwargs)
    finally:
        spent[0] += time.perf_counter() - start
docx.fill = timed
start = time.perf_counter()
cli(["build", sys.argv[2], "--opnieuw", "--uitvoer", sys.argv[3], "--werkmap", sys.argv[1]],
    standalone_mode=False)
print(spent[0], time.perf_counter() - start)
"""

PEAK = """
import resource, sys
from pathlib import Path
from vergaderstukken.commands.build import build
build(Path(sys.argv[1]), sys.argv[2], output=Path(sys.argv[3]))
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(max(own, workers) / 1024)
"""


SERVE = """
import json, sys, time
from pathlib import Path
from vergaderstukken.commands.serve import Voorvertoning
root, overlay, n = Path(sys.argv[1]), Path(sys.argv[1]) / sys.argv[2], int(sys.argv[3])
original = overlay.read_text(encoding="utf-8")
with Voorvertoning(root, sys.argv[4], poort=0, uitvoer=Path(sys.argv[5])) as preview:
    stand = preview.stand
    def built(count):
        while stand.pdf_versie < count or stand.pdf.bezig:
            time.sleep(0.005)
    built(2)  # the first build: everything, WeasyPrint imported
    def save(label, attempt=0):
        versie, pdf = stand.versie, stand.pdf_versie
        start = time.perf_counter()
        text = original.replace("vragen hebben", f"vragen ({label}.{attempt}) hebben")
        overlay.write_text(text, encoding="utf-8")
        while stand.versie == versie:
            time.sleep(0.005)
            if time.perf_counter() - start > 2 and attempt < 5:  # the watcher was not
                return save(label, attempt + 1)  # looking yet: save once more
        html = time.perf_counter() - start
        built(pdf + 2)
        return html, time.perf_counter() - start
    assert "vragen hebben" in original
    save("warm")
    times = [save(k) for k in range(n)]
overlay.write_text(original, encoding="utf-8")
print(json.dumps(times))
"""


@dataclass
class Figure:
    """One line of the report."""

    name: str
    value: float
    unit: str
    reference: float | None = None
    reference_name: str = ""
    target: str = ""
    ok: bool | None = None

    def line(self) -> str:
        ratio = f"{self.value / self.reference:.2f}" if self.reference else ""
        ref = f"{self.reference:.2f} {self.unit} ({self.reference_name})" if self.reference else ""
        mark = {True: "ja", False: "NEE", None: ""}[self.ok]
        return (
            f"| {self.name} | {self.value:.2f} {self.unit} | {ref} | {ratio} | "
            f"{self.target} | {mark} |"
        )


def wall(*args: str, cwd: Path | None = None) -> float:
    """Wall time of a fresh process."""
    start = time.perf_counter()
    subprocess.run(args, cwd=cwd, env=ENV, check=True, capture_output=True)
    return time.perf_counter() - start


def output_of(*args: str, cwd: Path | None = None) -> str:
    """Standard output of a fresh process (its errors shown if it fails)."""
    done = subprocess.run(args, cwd=cwd, env=ENV, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{' '.join(args)} mislukt:\n{done.stderr}")
    return done.stdout.strip()


def stukken(root: Path, *args: str) -> float:
    """`stukken ARGS` in workspace `root`, timed."""
    return wall(PYTHON, "-m", "vergaderstukken", *args, cwd=root)


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def build_against_raw(root: Path, datum: str, tmp: Path, herhaal: int) -> tuple[float, float]:
    """(full build, raw WeasyPrint of its distinct HTML), medians of interleaved runs."""
    captured = tmp / f"html-{root.name}.json"
    script = tmp / "capture.py"
    script.write_text(CAPTURE)
    subprocess.run(
        [PYTHON, str(script), str(root), datum, str(tmp / f"vangst-{root.name}"), str(captured)],
        env=ENV,
        check=True,
    )
    raw_script = tmp / "raw.py"
    raw_script.write_text(RAW)
    builds, raws = [], []
    for _ in range(herhaal):
        builds.append(stukken(root, "build", datum, "--opnieuw"))
        raws.append(float(output_of(PYTHON, str(raw_script), str(captured))))
    return median(builds), median(raws)


def run(args: argparse.Namespace) -> list[Figure]:
    figures: list[Figure] = []
    n = args.herhaal
    with tempfile.TemporaryDirectory(prefix="stukken-bench-") as folder:
        tmp = Path(folder)
        voorbeeld = generator.voorbeeld(tmp / "voorbeeld")
        datum = "2024-01-24"

        build, raw = build_against_raw(voorbeeld, datum, tmp, n)
        figures.append(
            Figure("volledige build, voorbeeld", build, "s", raw, "WeasyPrint kaal", "<= 1.0")
        )
        figures[-1].ok = build / raw <= 1.0

        share_script = tmp / "aandeel_word.py"  # not docx.py: that name would hide python-docx
        share_script.write_text(DOCX_SHARE)
        # a full build that renders every document again (--opnieuw), in one process, after
        # an earlier build compiled the templates (kept like .pyc files, render/cache.py)
        stukken(voorbeeld, "build", datum, "--uitvoer", str(tmp / "docx-uit"))
        spent, total = map(
            float,
            output_of(  # the last line: the build itself lists its files before
                PYTHON, str(share_script), str(voorbeeld), datum, str(tmp / "docx-uit")
            )
            .splitlines()[-1]
            .split(),
        )
        figures.append(
            Figure(
                "DOCX in een build (serieel)",
                spent,
                "s",
                total,
                "hele build",
                "<= 0.10",
                spent / total <= 0.10,
            )
        )

        stukken(voorbeeld, "build", datum)  # fills the cache
        again = median([stukken(voorbeeld, "build", datum) for _ in range(n)])
        trace = subprocess.run(
            [PYTHON, "-X", "importtime", "-m", "vergaderstukken", "build", datum],
            cwd=voorbeeld,
            env=ENV,
            check=True,
            capture_output=True,
            text=True,
        ).stderr
        imported = " weasyprint" in trace
        figures.append(
            Figure(
                "tweede build, niets veranderd" + (" (WeasyPrint geladen!)" if imported else ""),
                again,
                "s",
                None,
                "",
                "< 0.5 s, geen WeasyPrint",
                again < 0.5 and not imported,
            )
        )

        overlay = voorbeeld / "meetings" / datum / "annotaties" / "hellendoorn.yaml"
        original = overlay.read_text(encoding="utf-8")
        # each edit beside a full build of its own, one after the other: the machine's
        # speed drifts within a run, and a ratio holds only between timings taken together
        edits, fulls = [], []
        for k in range(n):
            fulls.append(stukken(voorbeeld, "build", datum, "--opnieuw"))
            overlay.write_text(original.replace("vragen hebben", f"vragen ({k}) hebben"), "utf-8")
            edits.append(stukken(voorbeeld, "build", datum))
        overlay.write_text(original, encoding="utf-8")
        edit, full = median(edits), median(fulls)
        figures.append(
            Figure(
                "build na één gewijzigde annotatie",
                edit,
                "s",
                full,
                "volledige build ernaast",
                "<= 0.35",
                edit / full <= 0.35,
            )
        )

        # the same edit while `stukken serve` runs (the writer's loop): the page's HTML and
        # the PDFs after each save, against full builds just before and after it
        serve_script = tmp / "voorvertoning.py"
        serve_script.write_text(SERVE)
        around = [stukken(voorbeeld, "build", datum, "--opnieuw") for _ in range(n // 2 + 1)]
        saves = json.loads(
            output_of(
                PYTHON,
                str(serve_script),
                str(voorbeeld),
                str(overlay.relative_to(voorbeeld)),
                str(n),
                datum,
                str(tmp / "serve-uit"),
            )
        )
        around += [stukken(voorbeeld, "build", datum, "--opnieuw") for _ in range(n // 2 + 1)]
        page, pdfs, full = (
            median([h for h, _ in saves]),
            median([p for _, p in saves]),
            median(around),
        )
        figures.append(
            Figure(
                "stukken serve: PDF's na één gewijzigde annotatie",
                pdfs,
                "s",
                full,
                "volledige build ernaast",
                "<= 0.35",
                pdfs / full <= 0.35,
            )
        )
        figures.append(
            Figure(
                "stukken serve: voorvertoning na een opslag",
                page,
                "s",
                None,
                "",
                "<= 1 s",
                page <= 1.0,
            )
        )

        history = {}
        for count in (5, 500):
            root = generator.geschiedenis(tmp / f"geschiedenis-{count}", count)
            history[count] = root
        checks = {c: median([stukken(history[c], "check") for _ in range(n)]) for c in history}
        figures.append(
            Figure(
                "stukken check, 500 vergaderingen",
                checks[500],
                "s",
                checks[5],
                "5 vergaderingen",
                "<= 1.5 s; <= 10",
                checks[500] <= 1.5 and checks[500] / checks[5] <= 10,
            )
        )
        last = {c: generator.dagen(c)[-1] for c in history}
        builds = {c: [] for c in history}
        for _ in range(n):
            for c in history:
                builds[c].append(stukken(history[c], "build", last[c], "--opnieuw"))
        b500, b5 = median(builds[500]), median(builds[5])
        figures.append(
            Figure(
                "build laatste vergadering, 500 vergaderingen",
                b500,
                "s",
                b5,
                "5 vergaderingen",
                "<= 1.3",
                b500 / b5 <= 1.3,
            )
        )

        if not args.snel:
            groot, naam = generator.groot(tmp / "groot")
            build, raw = build_against_raw(groot, naam, tmp, max(1, n - 1))
            figures.append(
                Figure(
                    "volledige build, grote vergadering",
                    build,
                    "s",
                    raw,
                    "WeasyPrint kaal",
                    "<= 1.1",
                    build / raw <= 1.1,
                )
            )
            peak_script = tmp / "piek.py"
            peak_script.write_text(PEAK)
            peak = float(output_of(PYTHON, str(peak_script), str(groot), naam, str(tmp / "p")))
            figures.append(
                Figure(
                    "piekgeheugen, grote vergadering",
                    peak,
                    "MiB",
                    None,
                    "",
                    "<= 250 MiB",
                    peak <= 250,
                )
            )

        for root, day in [(voorbeeld, datum)]:  # outputs byte-identical, cached or not
            a = output_of(PYTHON, "-c", DIGEST, str(root), day, str(tmp / "a"), "1", "0")
            b = output_of(PYTHON, "-c", DIGEST, str(root), day, str(tmp / "b"), "2", "1")
            c = output_of(PYTHON, "-c", DIGEST, str(root), day, str(tmp / "b"), "2", "1")
            same = a == b == c
            figures.append(
                Figure(
                    "uitvoer gelijk (serieel / pool / cache)",
                    float(same),
                    "",
                    None,
                    "",
                    "byte-gelijk",
                    same,
                )
            )
    return figures


DIGEST = """
import hashlib, sys
from pathlib import Path
from vergaderstukken.commands.build import build
r = build(Path(sys.argv[1]), sys.argv[2], output=Path(sys.argv[3]), werkers=int(sys.argv[4]),
          cache=sys.argv[5] == "1")
print(sorted((p.name, hashlib.sha256(p.read_bytes()).hexdigest())
             for p in r.folder.iterdir() if p.is_file()))
"""


def main() -> None:
    """Run the benchmarks and print the table (Markdown, as in RESULTS.md)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhaal", type=int, default=3, help="runs per timing (median)")
    parser.add_argument("--snel", action="store_true", help="without the large meeting")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, "
        f"load {os.getloadavg()[0]:.1f} at the start"
    )
    figures = run(args)
    print("| meting | waarde | referentie | verhouding | doel | gehaald |")
    print("| --- | ---: | ---: | ---: | --- | --- |")
    for figure in figures:
        print(figure.line())
    print(f"load {os.getloadavg()[0]:.1f} at the end")
    if args.json:
        args.json.write_text(json.dumps([f.__dict__ for f in figures], indent=2))


if __name__ == "__main__":
    main()
