"""Speed without a different byte: the process pool, the build cache, the pack's agenda
from agenda.pdf's layout, libyaml under the bounded composer.

Never timings (the machine is shared): what is asserted is that outputs are byte-identical
whatever is cached or parallel, which documents are rendered again after which change,
and that an unchanged build imports no WeasyPrint.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO, blank_pdf
from vergaderstukken import safe_read
from vergaderstukken.commands.build import build
from vergaderstukken.exceptions import Problems
from vergaderstukken.render import cache as bouwcache
from vergaderstukken.render.engines import pdf as pdf_engine

DATUM = "2024-01-24"
MISSING_IMAGE = "![kaart van de regio](kaart.png)"  # a warning, in the PDF and the Word file


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def renders(monkeypatch):
    """The titles of the HTML documents WeasyPrint lays out (in this process)."""
    seen: list[str] = []
    original = pdf_engine.html_to_pdfs

    def counting(html: str, **options):
        seen.append(html[html.find("<title>") + 7 : html.find("</title>")].split(" ")[0])
        return original(html, **options)

    monkeypatch.setattr(pdf_engine, "html_to_pdfs", counting)
    from vergaderstukken.render import job as job_module

    monkeypatch.setattr(job_module, "html_to_pdfs", counting)
    return seen


@pytest.fixture
def werkmap(example: Path) -> Path:
    agenda = example / "meetings" / DATUM / "agenda.yaml"
    text = agenda.read_text(encoding="utf-8")
    text = text.replace("gemeente Westerwolde-COA.", f"gemeente Westerwolde-COA. {MISSING_IMAGE}")
    agenda.write_text(text, encoding="utf-8")
    return example


def test_pool_and_cache_give_the_bytes_and_warnings_of_a_serial_build(werkmap, tmp_path, renders):
    serial = build(werkmap, DATUM, output=tmp_path / "serieel", werkers=1)
    assert any("kaart.png" in w.message for w in serial.warnings)
    pooled = build(werkmap, DATUM, output=tmp_path / "uit", werkers=2, cache=True)
    assert outputs(pooled.folder) == outputs(serial.folder)
    assert pooled.warnings == serial.warnings
    # every document again from the cache, one by one: the whole build's entry is gone
    (tmp_path / "uit" / ".cache" / "bouwen" / f"{DATUM}.json").unlink()
    renders.clear()
    cached = build(werkmap, DATUM, output=tmp_path / "uit", werkers=1, cache=True)
    assert renders == []
    assert cached.vergadering is not None  # loaded and gathered, nothing rendered
    assert outputs(cached.folder) == outputs(serial.folder)
    assert cached.warnings == serial.warnings
    # and the whole build from its fingerprint: not even loaded
    again = build(werkmap, DATUM, output=tmp_path / "uit", werkers=2, cache=True)
    assert again.vergadering is None
    assert again.files == serial.files and again.warnings == serial.warnings
    assert outputs(again.folder) == outputs(serial.folder)


def test_the_pack_agenda_from_agenda_pdfs_layout_is_a_second_render(example, tmp_path, renders):
    from vergaderstukken.gather import Verzameling
    from vergaderstukken.load.werkmap import load_werkmap
    from vergaderstukken.render import context as contexts
    from vergaderstukken.render.documents import agenda
    from vergaderstukken.render.job import RenderJob

    werkmap, _ = load_werkmap(example, tot=DATUM)
    job = RenderJob(werkmap, werkmap.vergadering(DATUM), verzameling=Verzameling(werkmap))
    agenda.agenda_pdf(job)
    assert renders == ["Agenda"]  # laid out once, for both
    with job.pakket_modus():
        rendered = job.pdf("agenda.html", contexts.agenda(job), source=job.vergadering.loc)
    assert job.parts[agenda.PAKKET_KOPIE] == rendered
    assert job.parts["agenda.pdf"] != rendered  # the standalone one has its page numbers


def test_the_public_edition_in_the_pool_has_the_bytes_and_warnings_of_a_serial_one(
    werkmap, tmp_path
):
    """`--openbaar` renders on every core too, laid out by the typesetters: the same files
    (read back before they were written) and the same warnings, in the same order."""
    serial = build(werkmap, DATUM, openbaar=True, output=tmp_path / "serieel", werkers=1)
    assert any("kaart.png" in w.message for w in serial.warnings)
    pooled = build(werkmap, DATUM, openbaar=True, output=tmp_path / "uit", werkers=2)
    assert pooled.files == serial.files and "vergaderpakket.pdf" in pooled.files
    assert outputs(pooled.folder) == outputs(serial.folder)
    assert pooled.warnings == serial.warnings


def test_an_unchanged_build_imports_no_weasyprint(example, tmp_path):
    script = (
        "from pathlib import Path; "
        "from vergaderstukken.commands.build import build; "
        f"r = build(Path({str(example)!r}), {DATUM!r}, cache=True); "
        "print(r.vergadering is None)"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}

    def run() -> tuple[str, bool]:
        """Whether the build stood as it was, and whether any of its processes (the
        typesetters that lay out, too: they inherit -X importtime) imported WeasyPrint."""
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", script],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout.strip(), "| weasyprint\n" in done.stderr

    assert run() == ("False", True)  # the first build renders
    assert run() == ("True", False)  # the second: from the fingerprint, no WeasyPrint


def rebuild(root: Path, tmp_path: Path) -> dict[str, bytes]:
    return outputs(build(root, DATUM, output=tmp_path / "uit", werkers=1, cache=True).folder)


def test_what_changed_is_rendered_again_and_nothing_else(example, tmp_path, renders):
    first = rebuild(example, tmp_path)
    renders.clear()
    # an advisor's overlay: only the annotated agenda
    overlay = example / "meetings" / DATUM / "annotaties" / "hellendoorn.yaml"
    overlay.write_text(overlay.read_text("utf-8").replace("vragen hebben", "vraag hebben"), "utf-8")
    second = rebuild(example, tmp_path)
    assert renders == ["Geannoteerde"]
    changed = {name for name in first if first[name] != second[name]}
    assert changed == {
        "geannoteerde-agenda-hellendoorn.pdf",
        "geannoteerde-agenda-hellendoorn.docx",
    }
    # an earlier meeting's minutes: its part of the pack
    renders.clear()
    earlier = example / "meetings" / "2023-12-13" / "verslag.yaml"
    earlier.write_text(earlier.read_text("utf-8").replace("De TRA", "Het overleg", 1), "utf-8")
    third = rebuild(example, tmp_path)
    assert "Verslag" in renders and "Agenda" not in renders
    assert third["vergaderpakket.pdf"] != second["vergaderpakket.pdf"]
    # a PDF attachment's bytes: the pack
    renders.clear()
    attachment = example / "meetings" / DATUM / "bijlagen" / "conceptverslag-prt.pdf"
    attachment.write_bytes(blank_pdf(pages=2))
    fourth = rebuild(example, tmp_path)
    assert fourth["vergaderpakket.pdf"] != third["vergaderpakket.pdf"]
    assert fourth["agenda.pdf"] == third["agenda.pdf"]
    # a template of the workspace's own: every PDF that uses it
    renders.clear()
    own = example / "templates" / "stijl.css"
    own.parent.mkdir()
    builtin = (REPO / "templates" / "stijl.css").read_text("utf-8")
    own.write_text(builtin.replace("#154273", "#154274"), "utf-8")
    fifth = rebuild(example, tmp_path)
    assert {"Agenda", "Verslag"} <= set(renders) and "Stempels" not in renders
    assert fifth["agenda.pdf"] != fourth["agenda.pdf"]


def test_another_package_version_renders_everything_again(example, tmp_path, renders, monkeypatch):
    first = rebuild(example, tmp_path)
    count = len(renders)
    renders.clear()
    monkeypatch.setattr(bouwcache, "_PACKAGE", ["een andere versie"])
    assert rebuild(example, tmp_path) == first
    assert len(renders) == count


def test_a_damaged_or_half_written_cache_is_ignored(example, tmp_path, renders):
    first = rebuild(example, tmp_path)
    count = len(renders)
    folder = tmp_path / "uit" / ".cache"
    (folder / "bouwen" / f"{DATUM}.json").write_text("{ kapot", encoding="utf-8")
    stored = sorted((folder / "stukken").rglob("*"))
    blobs = [p for p in stored if p.is_file() and p.suffix != ".json"]
    entries = [p for p in stored if p.suffix == ".json"]
    for blob in blobs:  # as if the disk lost the ends of the files
        blob.write_bytes(blob.read_bytes()[:100])
    entries[0].write_text("", encoding="utf-8")
    (folder / "stukken" / ".tmp-halfgeschreven").write_bytes(b"%PDF-1.7")  # a killed write
    renders.clear()
    assert rebuild(example, tmp_path) == first
    assert len(renders) == count  # nothing taken from the damaged entries
    renders.clear()
    assert rebuild(example, tmp_path) == first and renders == []  # and they are whole again


def test_opnieuw_renders_everything(example, stukken, renders):
    assert stukken(example, "build", DATUM).exit_code == 0
    count = len(renders)
    assert (example / "output" / ".cache" / ".gitignore").read_text().splitlines()[-1] == "*"
    renders.clear()
    result = stukken(example, "build", DATUM, "--opnieuw")
    assert result.exit_code == 0
    assert len(renders) == count


def test_an_interrupted_render_leaves_no_entry(example, tmp_path, monkeypatch):
    original = os.replace
    stored: list[str] = []

    def interrupted(source, target) -> None:
        if str(target).endswith(".json") and f"{os.sep}stukken{os.sep}" in str(target):
            stored.append(str(target))
            if len(stored) == 3:
                raise KeyboardInterrupt  # Ctrl-C as the third entry is put in place
        original(source, target)

    monkeypatch.setattr(bouwcache.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(example, DATUM, output=tmp_path / "uit", werkers=1, cache=True)
    monkeypatch.setattr(bouwcache.os, "replace", original)
    assert not Path(stored[2]).exists()
    assert [Path(p).exists() for p in stored[:2]] == [True, True]
    assert not list((tmp_path / "uit" / ".cache").rglob(".tmp-*"))  # no half-written files
    serial = build(example, DATUM, output=tmp_path / "serieel", werkers=1)
    assert rebuild(example, tmp_path) == outputs(serial.folder)


def test_libyaml_composes_the_same_nodes_as_pyyaml():
    files = sorted((REPO / "meetings").rglob("*.yaml")) + [REPO / "stukken.yaml"]
    for path in files:
        text = path.read_text(encoding="utf-8")
        done, fast = safe_read._fast_node(text, None)
        assert done
        slow = safe_read.LimitedLoader(text).get_single_node()
        assert shape(fast) == shape(slow), path


def shape(node: yaml.Node) -> object:
    """A node tree as comparable values: tag, value, line and column of each node."""
    where = (node.tag, node.start_mark.line, node.start_mark.column)
    if isinstance(node, yaml.ScalarNode):
        return (*where, node.value)
    if isinstance(node, yaml.SequenceNode):
        return (*where, [shape(n) for n in node.value])
    return (*where, [(shape(k), shape(v)) for k, v in node.value])


def test_libyaml_errors_keep_pyyamls_dutch_messages(tmp_path):
    path = tmp_path / "agenda.yaml"
    path.write_text("datum: 2024-01-24\nagenda:\n  - titel: 'Opening\n", encoding="utf-8")
    problems = Problems()
    assert safe_read.compose(path, problems) is None
    assert [str(p) for p in problems.errors] == [
        f"{path}:3: ongeldige YAML: aanhalingsteken op deze regel wordt nergens gesloten"
    ]


def test_the_bench_workspaces_are_valid(tmp_path):
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import werkmap as generator
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    from vergaderstukken.commands.check import check

    history = generator.geschiedenis(tmp_path / "h", 12)
    assert check(history).summary().startswith("In orde: 12 vergaderingen")
    root, naam = generator.groot(tmp_path / "g")
    summary = check(root, naam).summary()
    assert "30 bijlagen" in summary and "1 annotatie" in summary
    assert json.dumps(summary)


class Terminal(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_progress_shows_after_a_second_on_a_terminal_only(monkeypatch):
    from vergaderstukken.commands.voortgang import Voortgang

    monkeypatch.delenv("STUKKEN_VOORTGANG", raising=False)
    assert Voortgang.voor(3, Terminal(tty=False)) is None  # scripts see only the file list
    terminal = Terminal(tty=True)
    meter = Voortgang.voor(3, terminal)
    meter("agenda")  # within the first second: quiet
    assert terminal.getvalue() == ""
    meter.start -= 2
    meter("verslag")
    meter.klaar()
    assert terminal.getvalue() == "\r\x1b[2Kstukken maken: 2 van 3 klaar (verslag)\r\x1b[2K"
    monkeypatch.setenv("STUKKEN_VOORTGANG", "regels")
    log = Terminal(tty=False)
    meter = Voortgang.voor(2, log)
    meter.start -= 2
    meter("vergaderpakket")
    assert log.getvalue() == "stukken maken: 1 van 2 klaar (vergaderpakket)\n"


def test_the_walk_over_input_files_lists_what_os_walk_lists_in_the_same_order(tmp_path):
    tree = tmp_path / "meetings"
    for name in ("b/verslag.yaml", "b/agenda.yaml", "a/annotaties/z.yaml", "a/x.yaml", "c.yaml"):
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        (tree / name).write_text(name)
    (tree / "a" / "naar-b").symlink_to(tree / "b")  # a link to a folder: not followed
    (tree / "a" / "kopie.yaml").symlink_to(tree / "c.yaml")
    (tree / "a" / "weg.yaml").symlink_to(tmp_path / "bestaat-niet")
    slow = []
    for base, dirs, files in os.walk(tree, followlinks=False):
        dirs.sort()
        slow += [Path(base) / name for name in sorted(files)]
    quick = bouwcache.walk(str(tree), "meetings")
    assert [Path(p) for p, _ in quick] == slow
    assert [r for _, r in quick] == [p.relative_to(tmp_path).as_posix() for p in slow]
    assert "meetings/a/naar-b/agenda.yaml" not in {r for _, r in quick}
    assert bouwcache.walk(str(tree / "c.yaml"), "") == bouwcache.walk(str(tmp_path / "nee"), "")
    assert bouwcache.walk(str(tree / "c.yaml"), "") == []
